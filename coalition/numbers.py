"""Whole numbers with the active language's thousands separator, as
`formats.number_format(value, force_grouping=True)` writes them, for pages that
print hundreds of counts a request (the Pledge Viewer's facets, rows and map).

`number_format` walks the digits in Python on each call; the languages we serve
group by threes, so this reads the active language's grouping and separator
(Django keeps its formats per language) and lets Python group. Other groupings
fall back to Django.
"""

from __future__ import annotations

from django.utils import formats


def grouped(value: int) -> str:
    """`value` with thousands separators in the active language ("12,345", "12.345")."""
    if type(value) is not int or formats.get_format("NUMBER_GROUPING") != 3:
        return formats.number_format(value, force_grouping=True)
    separator = str(formats.get_format("THOUSAND_SEPARATOR"))
    return f"{value:,}".replace(",", separator) if separator != "," else f"{value:,}"
