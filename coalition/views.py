from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_cookie

from coalition import queries
from coalition.models import Pillar
from pledges.viewer.views import viewer_page_cache


def _pillars():
    """The pillars in order, with their texts in the page's language."""
    return Pillar.objects.in_order().with_translations(get_language())


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "coalition/home.html",
        {"pillars": _pillars(), "figures": queries.key_figures()},
    )


@require_safe
@vary_on_cookie
@viewer_page_cache
def pillar_detail(request: HttpRequest, slug: str) -> HttpResponse:
    pillar, text = queries.pillar_in_language(slug, get_language())
    return render(request, "coalition/pillar_detail.html", {"pillar": pillar, "text": text})


@require_safe
def about(request: HttpRequest) -> HttpResponse:
    return render(request, "coalition/about.html", {"pillars": _pillars()})


@require_safe
def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "coalition/accessibility.html")


@require_safe
def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "coalition/privacy.html")


@require_safe
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
