"""Whole pages for anonymous visitors, from the cache.

A visitor with no session and no pending messages sees on a public page exactly
what every other such visitor sees at that address, so the rendered page can be
kept and served again without touching a template. The key holds a *version*
(for the Pledge Viewer: the viewer generation, which every approved or changed
pledge bumps), so a change shows on the next request; the language is in the
address. A page is kept only when it was answered 200, set no cookie and used no
CSRF token (a token belongs to one visitor); everything else, and every visitor
with a session, gets the page rendered as usual. Responses say nothing about
caching, as before, so browsers and proxies do not keep them.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from functools import wraps
from threading import Lock

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

# Pages this process served lately, so a popular page costs no cache read.
LOCAL_PAGES_MAX = 128
_LOCAL: OrderedDict[str, tuple[bytes, str]] = OrderedDict()
_LOCAL_LOCK = Lock()


def _always(request: HttpRequest) -> bool:
    return True


def is_plain_visitor(request: HttpRequest) -> bool:
    """No session, no messages waiting: a visitor the page looks the same for."""
    cookies = request.COOKIES
    return (
        request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
    )


def anonymous_page_cache(
    *,
    version: Callable[[], str],
    when: Callable[[HttpRequest], bool] = _always,
    seconds: Callable[[], int] | int = 600,
):
    """Serve the view's page from the cache to plain visitors when `when(request)`;
    `version()` is part of the key, `seconds` (0: off) how long a page is kept."""

    def decorator(view):
        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            timeout = seconds() if callable(seconds) else seconds
            if not timeout or not is_plain_visitor(request) or not when(request):
                return view(request, *args, **kwargs)
            key = _key(request, version())
            hit = _LOCAL.get(key) or cache.get(key)
            if hit is not None:
                _remember(key, hit)
                return _response(*hit)
            response = view(request, *args, **kwargs)
            if _keepable(request, response):
                page = (response.content, response["Content-Type"])
                cache.set(key, page, timeout)
                _remember(key, page)
            return response

        return wrapper

    return decorator


def _key(request: HttpRequest, version: str) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
    return f"page:{version}:{digest}"


def _keepable(request: HttpRequest, response: HttpResponse) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.has_header("Cache-Control")
    )


def _response(content: bytes, content_type: str) -> HttpResponse:
    return HttpResponse(content, content_type=content_type)


def _remember(key: str, page: tuple[bytes, str]) -> None:
    with _LOCAL_LOCK:
        _LOCAL[key] = page
        _LOCAL.move_to_end(key)
        while len(_LOCAL) > LOCAL_PAGES_MAX:
            _LOCAL.popitem(last=False)
