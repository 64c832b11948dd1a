"""The public pledge page as anonymous visitors see it, kept by each web process.

What is kept: the page's title, description and content block (everything
between the site header and footer), rendered for an anonymous visitor, per
pledge, language and site address. Never the layout around it (it carries the
messages and links to this page in each language), and never anything rendered
for a logged-in user.

When it is thrown away: an entry is valid for one viewer generation
(`pledges.viewer.read_model.current_generation()`), which every change to what the
public sees of a pledge bumps once committed (approving, changing, completing or
withdrawing a pledge, approving a report, editing an organisation, a pledge
going inactive), and for `PLEDGE_PAGE_CACHE_SECONDS` at most, so that badges
that expire with time (Reporter) do not outlive the day.

Why per process and not in the shared cache: the pages are many (one per pledge
and language) and read in a long tail; in the database cache they would cost a
write on every miss and would push the shared entries out (allauth's rate-limit
counters among them) when it culls. A process keeps `PAGES_MAX` pages at most
(about 20 kB each); a hit costs one cache read (the generation).

What is kept: a page from its second visit to this process (`worth_keeping()`
remembers the last `SEEN_MAX` addresses asked for). Most pledge pages are read
once in a long while; for them the generation is not even read, which spares
every first visit a query, and the pages kept are the ones read again.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.utils.safestring import SafeString
from django.utils.translation import get_language

CACHE_SECONDS = 600
PAGES_MAX = 200
SEEN_MAX = 20_000


@dataclass(frozen=True)
class PledgePage:
    """What the page template prints around the layout: plain text and safe HTML."""

    title: str
    description: str
    content: SafeString


@dataclass(frozen=True)
class _Entry:
    generation: str
    expires: float
    page: PledgePage


_PAGES: OrderedDict[tuple, _Entry] = OrderedDict()
_SEEN: OrderedDict[tuple, None] = OrderedDict()
_LOCK = threading.Lock()


def cache_seconds() -> int:
    return getattr(settings, "PLEDGE_PAGE_CACHE_SECONDS", CACHE_SECONDS)


def key(request: HttpRequest, pk: int) -> tuple:
    # The share box prints the page's absolute address: scheme and host count.
    return (pk, get_language(), request.scheme, request.get_host())


def worth_keeping(key: tuple) -> bool:
    """Whether the page is kept or was asked for before (and is worth keeping now);
    the first time, only remember that it was asked for."""
    with _LOCK:
        if key in _PAGES or key in _SEEN:
            return True
        _SEEN[key] = None
        while len(_SEEN) > SEEN_MAX:
            _SEEN.popitem(last=False)
        return False


def get(key: tuple, generation: str) -> PledgePage | None:
    with _LOCK:
        entry = _PAGES.get(key)
        if entry is None:
            return None
        if entry.generation != generation or entry.expires < time.monotonic():
            del _PAGES[key]
            return None
        _PAGES.move_to_end(key)
        return entry.page


def remember(key: tuple, generation: str, page: PledgePage) -> None:
    if "csrfmiddlewaretoken" in page.content:  # a form for someone: never share it
        return
    entry = _Entry(generation, time.monotonic() + cache_seconds(), page)
    with _LOCK:
        _PAGES[key] = entry
        _PAGES.move_to_end(key)
        while len(_PAGES) > PAGES_MAX:
            _PAGES.popitem(last=False)


def forget_all() -> None:
    with _LOCK:
        _PAGES.clear()
        _SEEN.clear()
