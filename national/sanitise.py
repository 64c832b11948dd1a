"""HTML from feeds, cleaned with nh3 (a well-kept sanitiser, ammonia's binding)."""

from __future__ import annotations

from html import unescape

import nh3

# Tags and attributes a harvested summary may keep; everything else (scripts,
# styles, event handlers, iframes, images) goes.
ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "em", "i", "li", "ol",
    "p", "q", "strong", "sub", "sup", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "abbr": {"title"}}


def sanitise_html(html: str) -> str:
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    ).strip()


def plain_text(html: str) -> str:
    """Text without any markup (for titles and locations)."""
    return " ".join(unescape(nh3.clean(html, tags=set())).split())
