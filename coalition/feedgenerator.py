"""The portal's Atom feeds: each entry says the language its text is written in."""

from __future__ import annotations

from django.utils.feedgenerator import Atom1Feed


class ContentLanguageAtom1Feed(Atom1Feed):
    """Atom 1.0 whose entries carry ``xml:lang`` where their text is written in
    another language than the feed (the feed's is the page's language, on the
    root element). A feed gives each item's language with
    ``item_extra_kwargs()``: ``{"content_language": code}``."""

    def item_attributes(self, item) -> dict[str, str]:
        attributes = super().item_attributes(item)
        language = item.get("content_language")
        if language and language != self.feed["language"]:
            attributes["xml:lang"] = language
        return attributes
