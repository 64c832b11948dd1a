import pytest
from django.utils import formats, translation

from coalition.numbers import grouped, grouper

VALUES = [0, 7, 999, 1000, 12345, 999999, 1234567, 10**12, -1, -1234, -1234567]


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_it_groups_as_number_format_does(language):
    with translation.override(language):
        ours = [grouped(value) for value in VALUES]
        django = [formats.number_format(value, force_grouping=True) for value in VALUES]

    assert ours == django


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_a_grouper_groups_as_grouped_does_in_its_language(language):
    with translation.override(language):
        group = grouper()
        ours = [group(value) for value in [*VALUES, 1234.5]]
        expected = [grouped(value) for value in [*VALUES, 1234.5]]

    assert ours == expected


def test_it_uses_the_separator_of_the_active_language():
    with translation.override("en"):
        english = grouped(1234567)
    with translation.override("fr"):
        french = grouped(1234567)
    with translation.override("de"):
        german = grouped(1234567)

    assert (english, french, german) == ("1,234,567", "1\xa0234\xa0567", "1.234.567")


def test_it_leaves_other_numbers_to_django():
    with translation.override("de"):
        assert grouped(1234.5) == formats.number_format(1234.5, force_grouping=True)


def test_it_follows_changed_format_settings(settings):
    # Without an active language the settings' formats apply.
    with translation.override(None):
        before = grouped(1234)
        settings.NUMBER_GROUPING = 3
        settings.THOUSAND_SEPARATOR = "'"
        after = grouped(1234)

    assert (before, after) == ("1234", "1'234")


@pytest.mark.parametrize(
    ("language", "expected"), [("en", "12,345|0|"), ("fr", "12\xa0345|0|"), ("de", "12.345|0|")]
)
def test_the_group_digits_filter_writes_numbers_in_the_active_language(language, expected):
    from django.template import engines

    template = engines["django"].from_string(
        "{% load numbers %}{{ big|group_digits }}|{{ zero|group_digits }}|{{ none|group_digits }}"
    )
    with translation.override(language):
        assert template.render({"big": 12345, "zero": 0, "none": None}) == expected
