"""Middleware of the portal as a whole."""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.core.exceptions import BadRequest, RequestDataTooBig, TooManyFieldsSent
from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _

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


def permissions_policy(get_response: Callable[[HttpRequest], HttpResponse]):
    """Send the Permissions-Policy header (settings.PERMISSIONS_POLICY): Django
    sends the other security headers itself (SecurityMiddleware, CSP middleware)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response

    return middleware


def refuse_nul_bytes(get_response: Callable[[HttpRequest], HttpResponse]):
    """Answer 400 to a NUL character in any query or form value or name.

    PostgreSQL cannot store or compare text with NUL in it, so such a value would
    end in a database error (a 500) wherever it reaches a query; no form or
    filter of the portal has a use for one. One check here spares every view."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if _has_nul(request.GET) or (request.method == "POST" and _form_has_nul(request)):
            # Django's 400 page, as for any other request it refuses.
            raise BadRequest("NUL character in a request parameter")
        return get_response(request)

    return middleware


def _has_nul(values: QueryDict) -> bool:
    return any(
        "\x00" in key or any("\x00" in value for value in values.getlist(key)) for key in values
    )


def _form_has_nul(request: HttpRequest) -> bool:
    try:
        form = request.POST
    except (RequestDataTooBig, TooManyFieldsSent, MultiPartParserError):
        return False  # Django refuses these itself, with a 400, where the form is read
    return _has_nul(form)


SESSION_STARTED = "portal_session_started"
SESSION_SEEN = "portal_session_seen"


def session_limits(get_response: Callable[[HttpRequest], HttpResponse]):
    """End a logged-in session after a while without activity, and after an
    absolute limit whatever the activity (settings.SESSION_IDLE_SECONDS,
    SESSION_IDLE_SECONDS_STAFF, SESSION_IDLE_SECONDS_REMEMBERED,
    SESSION_ABSOLUTE_SECONDS).

    Activity renews the session at most once a minute, so a logged-in visitor's
    pages cost no session write each. A session the visitor asked to remember
    (allauth's "Remember me") keeps its cookie across browser restarts for the
    idle time; staff sessions never get more than the staff idle time. Visitors
    without a session cookie are not looked at, so their pages stay free of
    `Vary: Cookie`."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
            _apply_session_limits(request)
        return get_response(request)

    return middleware


def start_session_clocks(sender, request: HttpRequest, user, **kwargs) -> None:
    """On login (user_logged_in): the session's start and last activity are now."""
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SESSION_STARTED] = request.session[SESSION_SEEN] = now


def _apply_session_limits(request: HttpRequest) -> None:
    session, now = request.session, int(time.time())
    started = session.setdefault(SESSION_STARTED, now)
    seen = session.setdefault(SESSION_SEEN, now)
    remembered = not session.get_expire_at_browser_close()
    if request.user.is_staff:
        idle = settings.SESSION_IDLE_SECONDS_STAFF
    elif remembered:
        idle = settings.SESSION_IDLE_SECONDS_REMEMBERED
    else:
        idle = settings.SESSION_IDLE_SECONDS
    if now - seen > idle or now - started > settings.SESSION_ABSOLUTE_SECONDS:
        logout(request)
        messages.info(
            request,
            _("For your security, you were logged out after a while. Please log in again."),
        )
        return
    if now - seen >= 60:
        session[SESSION_SEEN] = now
        if remembered:
            # The cookie (and the stored session) last for the idle time from now,
            # never past the absolute limit.
            session.set_expiry(min(idle, started + settings.SESSION_ABSOLUTE_SECONDS - now))
