"""The layout's parts that Jinja2 renders (coalition/jinja2.py says why).

{% load layout %}{% alternates %}   the head's links to the page in the other languages
{% load layout %}{% header %}       the header of every page (base.html)
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language

register = template.Library()


@register.simple_tag(takes_context=True)
def header(context: template.Context) -> SafeString:
    """The header (templates/jinja2/includes/header.html): its output is markup,
    escaped by Jinja2, that the page prints as it is. It prints some 150 values
    (24 languages, the pillars), which Jinja2 does several times faster."""
    return SafeString(
        render_to_string(
            "includes/header.html",
            {
                "language": get_language(),
                "language_links": context.get("language_links", ()),
                "nav_pillars": context.get("nav_pillars", ()),
            },
            request=context.request,
            using="jinja2",
        )
    )


@register.simple_tag(takes_context=True)
def alternates(context: template.Context) -> SafeString:
    """The head's hreflang links (templates/jinja2/includes/alternates.html): 23
    links, each with the page's scheme and host, read once here."""
    request = context.request
    return SafeString(
        render_to_string(
            "includes/alternates.html",
            {
                "origin": f"{request.scheme}://{request.get_host()}",
                "language_links": context.get("language_links", ()),
            },
            using="jinja2",
        )
    )
