"""Languages: of the interface (``settings.LANGUAGES``, what pages and emails are
written in) and of what people write (any official EU language, whatever the
interface offers).

- ``Language``: the 24 official languages of the EU, named in the page's language.
- ``content_language_choices()`` / ``language_field()``: the field that records
  the language a text is written in (pledges, initiatives, reports,
  organisations' descriptions, national items, translations). Its choices are a
  callable, so a language added to ``settings.LANGUAGES`` is offered at once,
  with no migration.
- ``interface_language(code)``: a stored preference (a person's email language)
  as a language the interface has, else the site's.
- ``direction(code)``: ``"ltr"`` or ``"rtl"``, for ``dir`` beside ``lang``.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    """The 24 official languages of the EU."""

    BG = "bg", _("Bulgarian")
    CS = "cs", _("Czech")
    DA = "da", _("Danish")
    DE = "de", _("German")
    EL = "el", _("Greek")
    EN = "en", _("English")
    ES = "es", _("Spanish")
    ET = "et", _("Estonian")
    FI = "fi", _("Finnish")
    FR = "fr", _("French")
    GA = "ga", _("Irish")
    HR = "hr", _("Croatian")
    HU = "hu", _("Hungarian")
    IT = "it", _("Italian")
    LT = "lt", _("Lithuanian")
    LV = "lv", _("Latvian")
    MT = "mt", _("Maltese")
    NL = "nl", _("Dutch")
    PL = "pl", _("Polish")
    PT = "pt", _("Portuguese")
    RO = "ro", _("Romanian")
    SK = "sk", _("Slovak")
    SL = "sl", _("Slovenian")
    SV = "sv", _("Swedish")


# Longest language code a field stores ("pt-br", "zh-hans" fit).
CODE_LENGTH = 10
# Scripts written right to left; none of the EU's, but a language added to
# settings.LANGUAGES may be (Django's LANG_INFO knows which: "bidi").
_RTL_FALLBACK = frozenset({"ar", "fa", "he", "ur", "yi"})


def content_language_choices() -> list[tuple[str, Any]]:
    """Every language a text may be written in: the EU's 24, and any other
    language of the interface (``settings.LANGUAGES``), named in the active
    language."""
    choices: list[tuple[str, Any]] = list(Language.choices)
    known = {code for code, _label in choices}
    choices.extend((code, name) for code, name in settings.LANGUAGES if code not in known)
    return choices


def content_languages() -> frozenset[str]:
    return frozenset(code for code, _label in content_language_choices())


def interface_language_choices() -> list[tuple[str, Any]]:
    """The languages the portal's pages and emails are written in."""
    return list(settings.LANGUAGES)


def interface_language(code: str | None) -> str:
    """``code`` if the interface has it (its base language for a variant such as
    "de-at"), else the site's language."""
    available = {c for c, _name in settings.LANGUAGES}
    code = (code or "").lower()
    for candidate in (code, code.split("-")[0]):
        if candidate in available:
            return candidate
    return settings.LANGUAGE_CODE


def site_language() -> str:
    """The site's own language (the default of every language field)."""
    return settings.LANGUAGE_CODE


def page_language() -> str:
    """The active language (the page's, from its address) as a content
    language: what a form proposes for the language of a new text."""
    code = (get_language() or settings.LANGUAGE_CODE).lower()
    available = content_languages()
    for candidate in (code, code.split("-")[0]):
        if candidate in available:
            return candidate
    return settings.LANGUAGE_CODE


def direction(code: str | None) -> str:
    """The writing direction of a language: "rtl" or "ltr"."""
    code = (code or "").lower()
    try:
        bidi = get_language_info(code)["bidi"]
    except KeyError:
        bidi = code.split("-")[0] in _RTL_FALLBACK
    return "rtl" if bidi else "ltr"


# Names in themselves of the interface's languages that Django's LANG_INFO lacks.
NATIVE_NAMES = {"mt": "Malti"}


def local_name(code: str) -> str:
    """A language's name in itself ("Deutsch", "français"), as EU sites list
    them; the code itself for a language neither Django nor NATIVE_NAMES knows."""
    try:
        return get_language_info(code)["name_local"]
    except KeyError:
        return NATIVE_NAMES.get(code, code)


def sorted_by_name(choices: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """Choices ordered by their label as the active language reads it (accents
    ignored), so a list of 24 languages is alphabetical on every page."""

    def key(choice: tuple[str, Any]) -> str:
        text = unicodedata.normalize("NFKD", str(choice[1]))
        return "".join(c for c in text if not unicodedata.combining(c)).casefold()

    return sorted(choices, key=key)


def language_field(verbose_name: Any = None, *, defaulted: bool = True) -> models.CharField:
    """The field that records which language a text is written in. Defaulted,
    the site's language, also in the database (for rows written by SQL, such
    as the benchmark's COPY); forms propose the page's (``coalition.forms``).
    A translation's field (``defaulted=False``) has no default: it is never in
    the site's language."""
    options: dict[str, Any] = {"max_length": CODE_LENGTH, "choices": content_language_choices}
    if defaulted:
        options.update(default=site_language, db_default="en")
    return models.CharField(verbose_name or _("language"), **options)
