from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from coalition import queries
from coalition.caching import for_generation, public_page
from coalition.models import Pillar
from pledges.viewer.views import is_popular_request, pillar_context


def _pillars():
    """The pillars in order, with their texts in the page's language."""
    return Pillar.objects.in_order().with_translations(get_language())


@require_safe
@public_page
def home(request: HttpRequest) -> HttpResponse:
    pillars = list(_pillars())
    return render(
        request,
        "coalition/home.html",
        {
            "pillars": pillars,
            "nav_pillars": pillars,
            # Counting 100,000 pledges takes a while: once per generation.
            "figures": for_generation("key-figures", queries.key_figures),
        },
    )


@require_safe
@public_page(when=is_popular_request)
def pillar_detail(request: HttpRequest, slug: str) -> HttpResponse:
    pillar, text = queries.pillar_in_language(slug, get_language())
    return render(
        request,
        "coalition/pillar_detail.html",
        {"pillar": pillar, "text": text, **pillar_context(request, pillar)},
    )


@require_safe
@public_page
def about(request: HttpRequest) -> HttpResponse:
    pillars = list(_pillars())
    return render(request, "coalition/about.html", {"pillars": pillars, "nav_pillars": pillars})


@require_safe
@public_page
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "coalition/accessibility.html")


@require_safe
@public_page
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "coalition/privacy.html")


@require_safe
@public_page
def contact(request: HttpRequest) -> HttpResponse:
    return render(request, "coalition/contact.html")


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """200 when the database answers, 503 when it does not (for load balancers)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unavailable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
