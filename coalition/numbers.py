"""Whole numbers with the active language's thousands separator, as
`formats.number_format(value, force_grouping=True)` writes them, for pages that
print hundreds of counts a request (the Pledge Viewer's facets, rows and map).

`number_format` looks up three formats and walks the digits each call; the
languages we serve group by threes, so this asks for the separator once per
language and lets Python group. Other groupings fall back to Django.
"""

from __future__ import annotations

import functools

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import formats, translation

# Settings that change how numbers are written (Django resets its own format
# cache on the same ones).
_FORMAT_SETTINGS = frozenset(
    {
        "LANGUAGES",
        "LANGUAGE_CODE",
        "FORMAT_MODULE_PATH",
        "NUMBER_GROUPING",
        "THOUSAND_SEPARATOR",
        "USE_THOUSAND_SEPARATOR",
    }
)


@functools.cache
def _separator_by_threes(language: str | None) -> str | None:
    """The thousands separator of `language` if it groups digits by threes, else None."""
    with translation.override(language):
        if formats.get_format("NUMBER_GROUPING") != 3:
            return None
        return str(formats.get_format("THOUSAND_SEPARATOR"))


def grouped(value: int) -> str:
    """`value` with thousands separators in the active language ("12,345", "12.345")."""
    separator = _separator_by_threes(translation.get_language())
    if separator is None or type(value) is not int:
        return formats.number_format(value, force_grouping=True)
    return f"{value:,}".replace(",", separator) if separator != "," else f"{value:,}"


@receiver(setting_changed)
def _forget_formats(*, setting: str, **kwargs) -> None:
    if setting in _FORMAT_SETTINGS:
        _separator_by_threes.cache_clear()
