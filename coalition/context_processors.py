from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import get_script_prefix, translate_url
from django.utils.functional import SimpleLazyObject
from django.utils.text import capfirst
from django.utils.translation import get_language

from coalition.caching import cache_seconds, current_generation
from coalition.languages import local_name
from coalition.models import Pillar


def site(request: HttpRequest) -> dict[str, object]:
    """Values every page's layout needs. The pillars are lazy: one query, only on
    pages that render the navigation and do not give their own (a page that has
    them already passes ``nav_pillars``); not even a queryset is built otherwise."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "nav_pillars": SimpleLazyObject(_nav_pillars),
        # For {% cache cache_seconds name ... cache_generation %} (coalition/caching.py):
        # the generation is read only where a fragment uses it.
        "cache_generation": SimpleLazyObject(current_generation),
        "cache_seconds": cache_seconds(),
        # Lazy: built on the first loop over it (the head's hreflang links, the
        # switcher), once per page however many loops print it.
        "language_links": SimpleLazyObject(lambda: language_links(request)),
    }


@dataclass(frozen=True, slots=True)
class LanguageLink:
    code: str
    name: str  # in the language itself
    url: str
    current: bool


def language_links(request: HttpRequest) -> list[LanguageLink]:
    """This page in each language: plain links (the language is in the address),
    so switching needs no form, no JavaScript and no cookie."""
    current = get_language()
    path = request.get_full_path()
    match = getattr(request, "resolver_match", None)
    # The portal's addresses are not translated: under i18n_patterns, a page in
    # another language is the same address with that language's prefix, which is
    # what translate_url() and reverse() give (tests/coalition/test_layout.py).
    prefix = f"{get_script_prefix()}{current}/"
    swap = match is not None and bool(match.url_name) and path.startswith(prefix)
    rest = path[len(prefix) :]
    return [
        LanguageLink(
            code=code,
            name=_local_name(code),
            url=f"{get_script_prefix()}{code}/{rest}" if swap else translate_url(path, code),
            current=code == current,
        )
        for code, _name in settings.LANGUAGES
    ]


def _nav_pillars() -> list[Pillar]:
    return list(Pillar.objects.in_order().only("slug", "short_name"))


def _local_name(code: str) -> str:
    """The language's own name as the switcher prints it ("Français")."""
    return capfirst(local_name(code))
