from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, ResolverMatch, reverse, translate_url
from django.utils.translation import get_language, get_language_info, override

from coalition.models import Pillar


def site(request: HttpRequest) -> dict[str, object]:
    """Values every page's layout needs. The pillar query is lazy: one query, only
    on pages that render the navigation."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "SITE_URL": settings.SITE_URL,
        "CONTACT_EMAIL": settings.CONTACT_EMAIL,
        "nav_pillars": Pillar.objects.in_order().only("slug", "short_name"),
        # A function: the template calls it only where it shows the switcher.
        "language_links": lambda: language_links(request),
    }


def language_links(request: HttpRequest) -> list[dict[str, object]]:
    """This page in each language: plain links (the language is in the address),
    so switching needs no form, no JavaScript and no cookie."""
    current = get_language()
    path = request.get_full_path()
    match = getattr(request, "resolver_match", None)
    query = path.partition("?")[2]  # as get_full_path() encodes it
    return [
        {
            "code": code,
            "name": get_language_info(code)["name_local"],
            "url": _in_language(match, query, code) or translate_url(path, code),
            "current": code == current,
        }
        for code, _name in settings.LANGUAGES
    ]


def _in_language(match: ResolverMatch | None, query: str, code: str) -> str | None:
    """translate_url() for the page being answered, from the URL the request was
    already resolved to (translate_url resolves it again for every language).
    None where translate_url must decide (no match: a 404 page, say)."""
    if match is None or not match.url_name:
        return None
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    with override(code):
        try:
            url = reverse(name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None
    return f"{url}?{query}" if query else url
