from __future__ import annotations

import json
import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

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


CSP_REPORT_MAX_BYTES = 16_384
csp_logger = logging.getLogger("coalition.csp")


@csrf_exempt  # browsers post reports without a token, from any page
@require_POST
def csp_report(request: HttpRequest) -> HttpResponse:
    """Log a Content-Security-Policy violation report a browser sends.

    Anyone can post here, so what is read and logged is bounded: reports over
    CSP_REPORT_MAX_BYTES are dropped unread, and past CSP_REPORTS_PER_MINUTE
    reports in a minute (counted in the shared cache) the rest of the minute's
    are dropped. Either way the answer is 204, which tells a sender nothing."""
    length = request.META.get("CONTENT_LENGTH") or ""
    if not length.isdigit() or int(length) > CSP_REPORT_MAX_BYTES:
        return HttpResponse(status=204)
    minute = int(time.time() // 60)
    key = f"csp-reports:{minute}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # the key was culled between add and incr
        count = 1
    if count > settings.CSP_REPORTS_PER_MINUTE:
        return HttpResponse(status=204)
    try:
        report = json.loads(request.read(CSP_REPORT_MAX_BYTES))
    except (ValueError, UnicodeDecodeError):
        return HttpResponse(status=204)
    for body in _violations(report):
        csp_logger.warning(
            "CSP violation: %s blocked %s on %s (%s:%s)",
            _text(body, "effective-directive", "effectiveDirective", "violated-directive"),
            _text(body, "blocked-uri", "blockedURL"),
            _text(body, "document-uri", "documentURL"),
            _text(body, "source-file", "sourceFile"),
            _text(body, "line-number", "lineNumber"),
        )
    return HttpResponse(status=204)


def _violations(report: object) -> list[dict]:
    """The violations in a report-uri body ({"csp-report": {...}}) or a
    Reporting API batch ([{"type": "csp-violation", "body": {...}}, ...])."""
    if isinstance(report, dict) and isinstance(report.get("csp-report"), dict):
        return [report["csp-report"]]
    if isinstance(report, list):
        return [
            entry["body"]
            for entry in report[:10]
            if isinstance(entry, dict) and isinstance(entry.get("body"), dict)
        ]
    return []


def _text(body: dict, *names: str) -> str:
    for name in names:
        if name in body:
            return str(body[name])[:200].replace("\n", " ")
    return "-"
