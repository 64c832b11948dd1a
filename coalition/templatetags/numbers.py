"""``{{ value|group_digits }}``: a whole number with the active language's
thousands separator ("12,345", "12 345", "12.345"), as ``|intcomma`` writes it
for a fraction of the cost (coalition/numbers.py)."""

from __future__ import annotations

from django import template

from coalition.numbers import grouped

register = template.Library()


@register.filter(is_safe=False)
def group_digits(value) -> str:
    if value is None or value == "":
        return ""
    return grouped(value)
