"""coalition/templatetags/dates.py: |day and |iso print what Django's date filter
prints, in every language and time zone."""

import datetime

import pytest
from django.template import engines
from django.utils import timezone
from django.utils.translation import override

VALUES = [
    datetime.date(2025, 3, 4),
    datetime.date(2026, 12, 31),
    # 23:30 UTC is the next day in Brussels: the day shown is Brussels' day.
    datetime.datetime(2025, 5, 31, 23, 30, tzinfo=datetime.UTC),
    datetime.datetime(2025, 1, 1, 8, 0, tzinfo=datetime.UTC),
    None,
    "",
    "not a date",
]


def render(source: str, value) -> str:
    template = engines["django"].from_string("{% load dates %}" + source)
    return template.render({"value": value})


@pytest.mark.parametrize("language", ["en", "fr", "de"])
@pytest.mark.parametrize("value", VALUES)
def test_day_is_the_date_filter_s_long_date(language, value):
    with override(language):
        assert render("{{ value|day }}", value) == render('{{ value|date:"DATE_FORMAT" }}', value)


@pytest.mark.parametrize("value", VALUES)
def test_iso_is_what_time_elements_took(value):
    expected = (
        "{{ value|date:'c' }}"
        if isinstance(value, datetime.datetime)
        else "{{ value|date:'Y-m-d' }}"
    )
    assert render("{{ value|iso }}", value) == render(expected, value)


def test_the_day_follows_the_current_time_zone():
    value = datetime.datetime(2025, 5, 31, 23, 30, tzinfo=datetime.UTC)

    with timezone.override("Europe/Brussels"):
        brussels = render("{{ value|day }}", value)
    with timezone.override("UTC"):
        utc = render("{{ value|day }}", value)

    assert (brussels, utc) == ("1 June 2025", "31 May 2025")


@pytest.mark.parametrize(
    ("language", "day", "moment", "short"),
    [
        ("en", "4 March 2025", "4 March 2025, 14:30", "4 Mar 2025"),
        ("fr", "4 mars 2025", "4 mars 2025 14:30", "04/03/2025"),
        ("de", "4. März 2025", "4. März 2025 14:30", "04.03.2025"),
    ],
)
def test_each_language_writes_dates_its_own_way(language, day, moment, short):
    value = datetime.datetime(2025, 3, 4, 13, 30, tzinfo=datetime.UTC)  # 14:30 in Brussels

    with override(language), timezone.override("Europe/Brussels"):
        written = (
            render("{{ value|day }}", value),
            render('{{ value|date:"DATETIME_FORMAT" }}', value),
            render('{{ value|date:"SHORT_DATE_FORMAT" }}', value),
        )

    assert written == (day, moment, short)


def test_month_names_are_translated():
    with override("fr"):
        assert render("{{ value|day }}", datetime.date(2025, 3, 4)) == "4 mars 2025"
