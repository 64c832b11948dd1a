"""HTTP around the open data API: English answers, ETags, rate limits.

- The API lives outside the language prefix and answers in English: codes are
  language-neutral, and addresses of pages (``url`` fields) name ``/en/``.
  Every answer is the same for every caller at one address, whatever their
  cookies or ``Accept-Language``.
- Pledges follow the generation (``coalition.caching.current_generation()``),
  which every change to public pledge data bumps: their ETag is the
  generation with the request's path and query, so a repeat request with
  ``If-None-Match`` is answered 304 before any database work. Other answers
  (organisations, national content, reference lists) change without a new
  generation (an organisation registering, a national item approved), so their
  ETag is the hash of the body, as Django's ``ConditionalGetMiddleware`` makes
  it: the 304 saves the download, not the work.
- Anonymous use is limited per address in the shared cache (``API_RATE_LIMIT``,
  ``RateLimit``); past the limit the answer is 429 with ``Retry-After``.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections.abc import Callable
from functools import wraps

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    set_response_etag,
)
from ninja.throttling import BaseThrottle

LANGUAGE = "en"
PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
DEFAULT_RATE = "120/m"


def in_english(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Run an API view in English (LocaleMiddleware picked the caller's language
    from Accept-Language, as it does for every address without a prefix)."""

    @wraps(run)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        with translation.override(LANGUAGE):
            response = run(request, *args, **kwargs)
        response["Content-Language"] = LANGUAGE
        return response

    return wrapper


def revalidate(response: HttpResponse) -> HttpResponse:
    """Anyone (a browser, a proxy, a CDN) may keep the answer, and asks again
    with its ETag before each use."""
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    return response


def generation_etag(request: HttpRequest, generation: str) -> str:
    """A weak ETag for an answer that depends only on the public data of
    `generation` and on the request's path and query (the order of the query's
    parameters counts: two spellings of one query are two resources)."""
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:16]
    return f'W/"{generation}-{digest}"'


def not_modified(
    request: HttpRequest, response: HttpResponse, generation: str
) -> HttpResponse | None:
    """304 when the caller's copy of the pledge data of `generation` (the current
    one) is current; otherwise None, and the ETag set on `response` (ninja's
    answer in the making) for the 200."""
    etag = generation_etag(request, generation)
    response["ETag"] = etag
    revalidate(response)
    early = get_conditional_response(request, etag=etag)
    if early is None:
        return None
    early["ETag"] = etag
    return revalidate(early)


def content_etag(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Give a 200 without an ETag the hash of its body as ETag, and answer 304
    when the caller already has that body."""

    @wraps(run)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        response = run(request, *args, **kwargs)
        if response.status_code != 200 or response.streaming:
            return response
        if not response.has_header("ETag"):
            set_response_etag(response)
            revalidate(response)
        return get_conditional_response(request, etag=response["ETag"], response=response)

    return wrapper


def parse_rate(rate: str) -> tuple[int, int] | None:
    """``"120/m"`` -> (120, 60); ``"off"`` (or empty) -> None: no limit."""
    rate = rate.strip().lower()
    if rate in ("", "off", "0"):
        return None
    count, _, period = rate.partition("/")
    if not count.isdigit() or int(count) < 1 or period not in PERIODS:
        raise ImproperlyConfigured(
            f"API_RATE_LIMIT must look like 120/m (requests per s, m, h or d) or off, not {rate!r}"
        )
    return int(count), PERIODS[period]


class RateLimit(BaseThrottle):
    """At most N requests per window of the rate's period from one address, counted
    in the default cache, which every web process shares (Redis or the database):
    one atomic increment a request. The visitor's address is the one allauth's
    own rate limits use, so ``ALLAUTH_TRUSTED_PROXY_COUNT`` and
    ``ALLAUTH_TRUSTED_CLIENT_IP_HEADER`` hold here too. A fixed window lets a
    client send up to twice the rate across a window's end; in exchange a request
    costs one cache operation instead of a list of timestamps read and written."""

    def limit(self) -> tuple[int, int] | None:
        # Read per request, so that tests and deployments can change it.
        return parse_rate(getattr(settings, "API_RATE_LIMIT", DEFAULT_RATE))

    def allow_request(self, request: HttpRequest) -> bool:
        limit = self.limit()
        if limit is None:
            return True
        requests, seconds = limit
        window = int(time.time() // seconds)
        key = f"api:rate:{seconds}:{window}:{get_adapter(request).get_client_ip(request)}"
        try:
            count = cache.incr(key)
        except ValueError:  # the window's first request (unless another process added it)
            count = 1 if cache.add(key, 1, seconds + 1) else cache.incr(key)
        return count <= requests

    def wait(self) -> float | None:
        """Seconds until the current window ends (a whole number: Retry-After's)."""
        limit = self.limit()
        if limit is None:
            return None
        seconds = limit[1]
        return float(max(1, math.ceil(seconds - time.time() % seconds)))
