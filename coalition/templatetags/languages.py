"""Template helpers for the language of texts:

{% load languages %}
{{ code|language_dir }}          "ltr" or "rtl", for dir="" beside lang=""
{{ code|language_label }}        the language's name in the page's language ("allemand")
{{ code|language_local_name }}   its name in itself ("Deutsch"): mark it lang="{{ code }}"
<p{% lang_of obj.language %}>     ` lang="…" dir="…"` when a text's language is not the page's
{% in_language pillar as text %} a pillar's or Charter version's texts in the page's
                                 language, with the language they are in (text.language)
"""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.translation import get_language

from coalition import languages

register = template.Library()


@register.filter
def language_dir(code: str | None) -> str:
    return languages.direction(code)


@register.filter
def language_label(code: str | None) -> str:
    names = dict(languages.content_language_choices())
    return str(names.get(code or "", code or ""))


@register.filter
def language_local_name(code: str | None) -> str:
    return languages.local_name(code or "")


@register.simple_tag
def in_language(obj: Any) -> Any:
    """``obj.in_language(page language)``: a pillar's (``PillarText``) or a
    Charter version's (``CharterText``) texts."""
    return obj.in_language(get_language() or "")


@register.inclusion_tag("includes/lang_attributes.html")
def lang_of(code: str | None) -> dict[str, str]:
    """The ``lang`` and ``dir`` attributes of an element holding a text
    written in ``code``, when that is not the page's language (nothing for
    a text in the page's language, or one whose language is not known)."""
    if not code or code == get_language():
        return {"code": ""}
    return {"code": code, "direction": languages.direction(code)}
