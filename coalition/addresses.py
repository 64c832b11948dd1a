"""Addresses of pages that take one argument (a pk or a slug), without a
``reverse()`` each.

``reverse()`` resolves the URL patterns every time. A pledge page needs half a dozen
(its pillars, its organisation, its own address in the share box), and a list
or an export one per row. ``url_prefix()`` reverses a page's name once per
language, script prefix and URLconf, with a marker where the argument goes, and
``url_for()`` puts the argument in its place: the same address as ``reverse()``
gives, for an integer or a slug (letters, digits, hyphens and underscores, which
the address prints as they are). Any other value goes through ``reverse()``.
"""

from __future__ import annotations

import functools
import re

from django.conf import settings
from django.urls import NoReverseMatch, get_script_prefix, get_urlconf, reverse
from django.utils.translation import get_language

MARKER = "\x00"
_AS_IS = re.compile(r"[-a-zA-Z0-9_]+")


def url_prefix(name: str, kwarg: str, placeholder: str = "0") -> str | None:
    """The address of page ``name`` with ``MARKER`` where its argument ``kwarg``
    goes (an integer, or a slug when ``placeholder`` is not "0"), or None if
    that page does not exist."""
    return _prefix(
        name,
        kwarg,
        placeholder != "0",
        get_language(),
        get_script_prefix(),
        get_urlconf() or settings.ROOT_URLCONF,
    )


@functools.lru_cache(maxsize=512)
def _prefix(
    name: str, kwarg: str, slug: bool, language: str | None, script_prefix: str, urlconf
) -> str | None:
    marker = "x-slug-x" if slug else "9090909"
    try:
        url = reverse(name, kwargs={kwarg: marker if slug else int(marker)})
    except NoReverseMatch:
        return None
    return url.replace(marker, MARKER)


def url_for(name: str, kwarg: str, value: int | str) -> str:
    """``reverse(name, kwargs={kwarg: value})``, from the cached prefix when the
    value prints as it is; otherwise reverse() itself (which raises
    NoReverseMatch for a page that does not exist)."""
    if isinstance(value, int) and not isinstance(value, bool):
        prefix = url_prefix(name, kwarg)
    elif isinstance(value, str) and _AS_IS.fullmatch(value):
        prefix = url_prefix(name, kwarg, placeholder="slug")
    else:
        prefix = None
    if prefix is None:  # reverse() says why not, or takes the value as it is
        return reverse(name, kwargs={kwarg: value})
    return prefix.replace(MARKER, str(value))
