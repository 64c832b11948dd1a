"""Dates as pages print them.

``{{ value|day }}`` is ``{{ value|date:"DATE_FORMAT" }}`` ("4 March 2025",
"4 mars 2025", "4. März 2025": the active language's format, see
coalition/formats), and ``{{ value|iso }}`` what a ``<time datetime>`` takes
(``|date:"Y-m-d"`` for a date, ``|date:"c"`` for a date and time), with no
format to spell out in the template. Times are shown in the current time zone,
as the date filter shows them."""

from __future__ import annotations

import datetime

from django import template
from django.utils import formats, timezone

register = template.Library()


@register.filter(is_safe=False)
def day(value) -> str:
    if not isinstance(value, datetime.date):
        return ""
    if isinstance(value, datetime.datetime):
        value = _local(value).date()
    return formats.date_format(value, "DATE_FORMAT")


@register.filter(is_safe=False)
def iso(value) -> str:
    if isinstance(value, datetime.datetime):
        return _local(value).isoformat(timespec="seconds")  # HTML: 3 digits of a second at most
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


def _local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value
