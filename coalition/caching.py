"""The portal's one caching design: where each cache is and what empties it.

A request for a public page goes through these layers, outside in:

1. **HTTP** (``GZipMiddleware`` and ``ConditionalGetMiddleware`` in
   ``MIDDLEWARE``): every page gets an ``ETag`` (a hash of its body) and a
   repeat visit's ``If-None-Match`` is answered 304; what is sent is
   compressed. Public pages say ``Cache-Control: public, max-age=0,
   must-revalidate`` (``mark_public``), so browsers, a reverse proxy or a CDN
   keep them but ask again each time; pages for a signed-in visitor say
   ``private, no-cache``. Both vary on ``Cookie``. Downloads that stream (the
   exports) get their ETag from the generation and the address instead
   (``public_data``), and a repeat is answered before the view runs.
2. **Whole pages for anonymous visitors** (``public_page``): Django's
   ``cache_page`` in the shared cache with the generation in its
   ``key_prefix``, used only for visitors with no session and no pending
   messages (``is_plain_visitor``), who all see the same page at the same
   address; a kept page carries its ETag (``with_etag``). Everyone else gets
   the page rendered. Pages that change without a new generation use
   ``public_page(keep=False)``: the headers of layer 1, never kept here.
   ``KEEP_PUBLIC_PAGES = False`` turns this layer alone off.
3. **Values and fragments** computed from public data: ``for_generation()``
   (the home page's figures, which count 100,000 pledges; the pillars that
   labels and the navigation name; a country's Digital Decade figures) and ``{% cache %}``
   in templates, with ``cache_generation`` (in every template's context,
   ``coalition.context_processors.site``) in the key. These serve signed-in
   visitors too.

**The generation** is one value in the shared cache (``current_generation()``)
that names the state of everything the public sees. Every change to public
data bumps it once its transaction commits (``bump_on_commit()``): a pledge
approved, changed, completed or withdrawn, a report approved, an organisation
or a pillar edited, a membership accepted. Every key above holds it, so
nothing has to be deleted: the next request asks for keys that do not exist
yet, and old entries age out of the cache. ``PUBLIC_PAGE_CACHE_SECONDS``
bounds how long they are kept (0 turns layers 2 and 3 off).

Nothing here is kept per process: a second web server sees what the first does.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers, set_response_etag
from django.views.decorators.cache import cache_page
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import condition

GENERATION_KEY = "coalition:generation"
PUBLIC = "public, max-age=0, must-revalidate"
PRIVATE = "private, no-cache"


def current_generation() -> str:
    """The generation of the public data (made on first use)."""
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        # add(): two processes starting at once agree on one generation.
        cache.add(GENERATION_KEY, uuid.uuid4().hex[:12], None)
        generation = cache.get(GENERATION_KEY)
    return generation


def bump_generation() -> None:
    """Start a new generation now: every cached page and fragment is stale.
    Inside a transaction, call ``bump_on_commit()`` instead."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex[:12], None)


def bump_on_commit() -> None:
    """Start a new generation once the current transaction commits (at once
    outside one), so no visitor can cache the state before the change."""
    transaction.on_commit(bump_generation)


def cache_seconds() -> int:
    """How long the shared cache keeps what it holds for one generation (0: off)."""
    return settings.PUBLIC_PAGE_CACHE_SECONDS


def for_generation[T](name: str, compute: Callable[[], T], *, generation: str = "") -> T:
    """``compute()``, kept in the shared cache for the current generation: a
    value that follows from the public data alone, the same for every visitor.
    A caller that has read the generation already passes it (one read less)."""
    seconds = cache_seconds()
    if not seconds:
        return compute()
    return cache.get_or_set(f"{name}:{generation or current_generation()}", compute, seconds)


def is_plain_visitor(request: HttpRequest) -> bool:
    """A GET or HEAD with no session and no messages waiting: a visitor for whom
    the page at this address looks the same as for every other such visitor."""
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
    )


def _always(request: HttpRequest, *args, **kwargs) -> bool:
    return True


def public_page(
    view: Callable | None = None, *, when: Callable[..., bool] = _always, keep: bool = True
):
    """Decorate a public page's view. Plain visitors (``is_plain_visitor``) for
    whom ``when(request, *args, **kwargs)`` holds get it from Django's
    ``cache_page``, keyed by the generation, kept for ``cache_seconds()``;
    everyone else gets it rendered. ``keep=False`` for a page that changes
    without a new generation (a shared scoreboard, a national page): it is
    never kept here, and browsers and proxies revalidate it by its ETag. The
    response says who may keep it (``mark_public``).

    ``csrf_protect`` goes inside ``cache_page``, as Django's documentation asks
    of cached views: a page that uses a CSRF token sets its cookie before
    ``cache_page`` sees it, and a response that sets a cookie is not kept."""

    def decorator(view_func: Callable) -> Callable:
        protected = csrf_protect(view_func)
        hashed = with_etag(protected)

        @wraps(view_func)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            seconds = cache_seconds()
            plain = is_plain_visitor(request)
            kept_here = keep and seconds and settings.KEEP_PUBLIC_PAGES
            if kept_here and plain and when(request, *args, **kwargs):
                prefix = f"page:{current_generation()}"
                kept = cache_page(seconds, key_prefix=prefix)(hashed)
                response = kept(request, *args, **kwargs)
            else:
                response = protected(request, *args, **kwargs)
            return mark_public(response, public=plain and not response.cookies)

        return wrapper

    return decorator(view) if view is not None else decorator


def with_etag(view: Callable) -> Callable:
    """Give the view's page its ETag (the hash ``ConditionalGetMiddleware`` would
    compute) as it is made, so that a kept page carries it and is not hashed
    again on every request it answers."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            if getattr(response, "is_rendered", True):
                set_response_etag(response)
            else:  # a TemplateResponse: once rendered, before cache_page keeps it
                response.add_post_render_callback(set_response_etag)
        return response

    return wrapper


def mark_public(
    response: HttpResponse, *, public: bool = True, vary_on_cookie: bool = True
) -> HttpResponse:
    """Say how browsers and proxies may keep a response: a public one may be kept
    by anyone but is revalidated on each use (its ETag makes that a 304); a
    private one (for a signed-in visitor) only by the visitor's browser, which
    revalidates it too. This replaces the max-age that ``cache_page`` sets (how
    long this server keeps the page, not how long others may)."""
    if response.status_code in (200, 304):
        response["Cache-Control"] = PUBLIC if public else PRIVATE
        if response.has_header("Expires"):
            del response["Expires"]
    if vary_on_cookie:
        patch_vary_headers(response, ("Cookie",))
    return response


def generation_etag(request: HttpRequest, *args, **kwargs) -> str:
    """An ETag for a response that follows from the public data and its address
    alone (host, language, query): the same until the next generation."""
    key = f"{current_generation()}|{request.build_absolute_uri()}"
    return f'"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'


def public_data(view: Callable) -> Callable:
    """Decorate a view whose response is the same for every visitor and follows
    from the public data and the address alone (a streamed export, which
    ``ConditionalGetMiddleware`` cannot hash): its ETag comes from
    ``generation_etag``, a repeat request with ``If-None-Match`` is answered 304
    before the view runs, and anyone may keep it (revalidating each time)."""
    conditional = condition(etag_func=generation_etag)(view)

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        return mark_public(conditional(request, *args, **kwargs), vary_on_cookie=False)

    return wrapper
