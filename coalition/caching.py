"""The portal's one caching design: where each cache is and what empties it.

1. **The generation.** One value in the shared cache (``current_generation()``)
   names the state of everything the public sees. Every change to public data
   bumps it once its transaction commits (``bump_on_commit()``): a pledge
   approved, changed, completed or withdrawn, a report approved, an
   organisation or a pillar edited, a membership accepted, national content
   published. Every key below holds it, so nothing has to be deleted: the next
   request simply asks for a key that does not exist yet, and old entries age
   out of the cache.
2. **Whole pages for anonymous visitors** (``public_page``): Django's
   ``cache_page`` with the generation in its ``key_prefix``, used only for
   visitors with no session and no pending messages (``is_plain_visitor``),
   who all see the same page at the same address. Everyone else gets the page
   rendered, marked ``private``.
3. **Fragments** with ``{% cache %}`` in templates, keyed by the generation
   (the context processor ``coalition.context_processors.site`` puts it in
   every template's context as ``cache_generation``).
4. **HTTP**: public pages say ``Cache-Control: public, max-age=0,
   must-revalidate``; ``ConditionalGetMiddleware`` gives every response an
   ``ETag`` and answers a repeat visit's ``If-None-Match`` with 304, so
   browsers, a reverse proxy or a CDN revalidate instead of downloading the
   page again. ``GZipMiddleware`` compresses what is sent.

Nothing here is kept per process: a second web server sees what the first does.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.cache import cache_page

GENERATION_KEY = "coalition:generation"
PAGE_SECONDS = 600


def current_generation() -> str:
    """The generation of the public data (made on first use)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex[:12]
        # add(): two processes starting at once agree on one generation.
        cache.add(GENERATION_KEY, generation, None)
        generation = cache.get(GENERATION_KEY, generation)
    return generation


def bump_generation() -> None:
    """Start a new generation now: every cached page and fragment is stale.
    Inside a transaction, call ``bump_on_commit()`` instead."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex[:12], None)


def bump_on_commit() -> None:
    """Start a new generation once the current transaction commits (at once
    outside one), so no visitor can cache the state before the change."""
    transaction.on_commit(bump_generation)


def is_plain_visitor(request: HttpRequest) -> bool:
    """A GET or HEAD with no session and no messages waiting: a visitor for whom
    the page at this address looks the same as for every other such visitor."""
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
    )


def page_seconds() -> int:
    """How long an anonymous page is kept (``PUBLIC_PAGE_CACHE_SECONDS``; 0: off)."""
    return getattr(settings, "PUBLIC_PAGE_CACHE_SECONDS", PAGE_SECONDS)


def _always(request: HttpRequest, *args, **kwargs) -> bool:
    return True


def public_page(
    view: Callable | None = None,
    *,
    when: Callable[..., bool] = _always,
):
    """Decorate a public page's view: plain visitors (``is_plain_visitor``) for
    whom ``when(request, *args, **kwargs)`` holds get it from Django's
    ``cache_page``, keyed by the generation; the response tells browsers and
    proxies they may keep it but must revalidate (304 through its ETag).
    Everyone else gets it rendered and marked private."""

    def decorator(view_func):
        @wraps(view_func)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            seconds = page_seconds()
            if seconds and is_plain_visitor(request) and when(request, *args, **kwargs):
                cached = cache_page(seconds, key_prefix=f"g{current_generation()}")(view_func)
                response = cached(request, *args, **kwargs)
            else:
                response = view_func(request, *args, **kwargs)
            mark_public(response, public=is_plain_visitor(request))
            return response

        return wrapper

    return decorator(view) if view is not None else decorator


def mark_public(response: HttpResponse, *, public: bool = True) -> HttpResponse:
    """Say how browsers and proxies may keep a response: a public one may be kept
    by anyone but is revalidated on each use (its ETag makes that a 304); a
    private one (for a signed-in visitor) only by the visitor's browser. Either
    way the answer depends on the cookies sent."""
    if response.status_code == 200:
        # cache_page's own max-age (its timeout) is for this server's cache, not
        # for browsers: patch_cache_control keeps the smaller max-age, 0.
        if public:
            patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
        else:
            patch_cache_control(response, private=True, no_cache=True)
        if response.has_header("Expires"):
            del response["Expires"]
    patch_vary_headers(response, ("Cookie",))
    return response
