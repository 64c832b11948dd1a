"""The language a page's markup gives each piece of its text: the `lang` of the
nearest element that has one (the page's own on <html>), as screen readers
read it (WCAG 3.1.1 and 3.1.2)."""

from __future__ import annotations

from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class _Languages(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, str | None]] = []
        self.texts: list[tuple[str, str | None, str | None]] = []  # (text, lang, dir)

    def handle_starttag(self, tag, attrs) -> None:
        if tag in VOID:
            return
        attrs = dict(attrs)
        lang = attrs.get("lang", self.stack[-1][1] if self.stack else None)
        direction = attrs.get("dir", self.stack[-1][2] if self.stack else None)
        self.stack.append((tag, lang, direction))

    def handle_endtag(self, tag) -> None:
        for at in range(len(self.stack) - 1, -1, -1):
            if self.stack[at][0] == tag:
                del self.stack[at:]
                return

    def handle_data(self, data) -> None:
        text = " ".join(data.split())
        if text and self.stack and self.stack[-1][0] not in ("title", "script", "style"):
            self.texts.append((text, self.stack[-1][1], self.stack[-1][2]))


def texts(html: str) -> list[tuple[str, str | None, str | None]]:
    """Every piece of text the page shows (not its <title>) with the language
    and direction it is in."""
    parser = _Languages()
    parser.feed(html)
    parser.close()
    return parser.texts


def languages_of(html: str, text: str) -> list[str | None]:
    """The language of each piece of text that holds ``text``, in page order;
    fails when the page does not show it."""
    found = [lang for piece, lang, _dir in texts(html) if text in piece]
    assert found, f"{text!r} is not on the page"
    return found


def language_of(html: str, text: str) -> str | None:
    """The language of the text ``text`` (every piece that holds it is in the
    same one)."""
    found = set(languages_of(html, text))
    assert len(found) == 1, f"{text!r} is in several languages: {found}"
    return found.pop()


def direction_of(html: str, text: str) -> str | None:
    return next(d for piece, _lang, d in texts(html) if text in piece)
