"""Whole numbers with the active language's thousands separator, as
`formats.number_format(value, force_grouping=True)` writes them, for pages that
print hundreds of counts a request (the Pledge Viewer's facets, rows and map).

`number_format` walks the digits in Python on each call; the languages we serve
group by threes, so this reads the active language's grouping and separator
(Django keeps its formats per language) and lets Python group. Other groupings
and values fall back to Django.
"""

from __future__ import annotations

from collections.abc import Callable

from django.utils import formats


def _django(value) -> str:
    return formats.number_format(value, force_grouping=True)


def grouper() -> Callable[[object], str]:
    """`grouped` for the active language, its format read once: for code that
    groups many numbers at a time (a page's facet counts, a map's values)."""
    if formats.get_format("NUMBER_GROUPING") != 3:
        return _django
    separator = str(formats.get_format("THOUSAND_SEPARATOR"))

    def group(value) -> str:
        if type(value) is not int:
            return _django(value)
        text = f"{value:,}"
        return text if separator == "," else text.replace(",", separator)

    return group


def grouped(value) -> str:
    """`value` with thousands separators in the active language ("12,345", "12.345")."""
    return grouper()(value)
