"""Dates as pages print them, for the pages that print many.

``{{ value|day }}`` is ``{{ value|date:"DATE_FORMAT" }}`` ("4 March 2025",
"4 mars 2025", "4. März 2025": the active language's format, see
coalition/formats), and ``{{ value|iso }}`` what a ``<time datetime>`` takes
(``|date:"Y-m-d"`` for a date, ``|date:"c"`` for a date and time): the same
text, for a tenth of the cost. Django's date filter looks its format up and builds a
formatter every time (50 µs on these machines, a pledge page has ten); the day's
text is kept per language and date. Times are shown in the current time zone,
as the date filter shows them."""

from __future__ import annotations

import datetime
import functools

from django import template
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import dateformat, formats, timezone
from django.utils.translation import get_language

register = template.Library()


@register.filter(is_safe=False)
def day(value) -> str:
    if not isinstance(value, datetime.date):
        return ""
    if isinstance(value, datetime.datetime):
        value = _local(value).date()
    return _day(get_language(), value)


@register.filter(is_safe=False)
def iso(value) -> str:
    if isinstance(value, datetime.datetime):
        return _local(value).isoformat(timespec="seconds")  # HTML: 3 digits of a second at most
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""


def _local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value) if timezone.is_aware(value) else value


@functools.lru_cache(maxsize=8192)
def _day(language: str | None, value: datetime.date) -> str:
    return dateformat.format(value, formats.get_format("DATE_FORMAT"))


@receiver(setting_changed)
def _forget_days(*, setting: str, **kwargs) -> None:
    if setting in {"FORMAT_MODULE_PATH", "LANGUAGES", "LANGUAGE_CODE"}:
        _day.cache_clear()
