"""Middleware of the portal as a whole."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from coalition import views

HEALTHZ_PATH = "/healthz"


def healthz(get_response: Callable[[HttpRequest], HttpResponse]):
    """Answer /healthz before any other middleware looks at the request.

    Health checks call the server by its address (Docker's HEALTHCHECK curls
    127.0.0.1:8000), not by a name in ALLOWED_HOSTS, and over plain HTTP: the
    host check (CommonMiddleware) would answer 400 and SECURE_SSL_REDIRECT a 301.
    The check reads no host, cookie or session, so skipping them is safe."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if request.path_info == HEALTHZ_PATH:
            return views.healthz(request)
        return get_response(request)

    return middleware
