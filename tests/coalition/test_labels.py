"""coalition/labels.py: the labels Django's own display methods give, in the
active language, one at a time or all of a choice set."""

import pytest
from django.utils import translation

from coalition.labels import choice_labels, label_of, labels_of, names_of_countries
from pledges.models import ActionType, Indicator


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_a_label_is_the_choice_label_in_the_active_language(language):
    with translation.override(language):
        ours = [label_of(value, Indicator.Kind) for value in Indicator.Kind.values]
        django = [str(label) for label in Indicator.Kind.labels]
        whole = choice_labels(Indicator.Kind)

    assert ours == django
    assert list(whole.values()) == django
    assert list(whole) == Indicator.Kind.values


def test_an_unknown_value_is_its_own_label():
    assert label_of("no-such-kind", Indicator.Kind) == "no-such-kind"
    assert labels_of(["training", "nonsense", "courses"], ActionType) == [
        str(ActionType("training").label),
        "nonsense",
        str(ActionType("courses").label),
    ]
    assert labels_of(None, ActionType) == []


def test_country_names_are_sorted_in_the_active_language():
    with translation.override("de"):
        names = names_of_countries(["FR", "AT", "BE", "XX"])

    assert names == ["Belgien", "Frankreich", "XX", "Österreich"]
