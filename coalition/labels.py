"""Choice labels and country names in the active language, for code that prints
many of them (a pledge's initiatives and indicators, the viewer's rows).

``label_of`` translates the one label it is asked for, where Django's
``get_FOO_display()`` builds a dict of every choice on each call; ask for the
whole dict (``choice_labels``) only to print most of a choice set.
"""

from __future__ import annotations

from django.db.models import Choices
from django_countries import countries


def label_of(value: str, choices: type[Choices]) -> str:
    """The label of one value of a choices class, in the active language (an
    unknown value as it is)."""
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def choice_labels(choices: type[Choices]) -> dict[str, str]:
    """``{value: label}`` of a choices class, in the active language."""
    return {value: str(label) for value, label in choices.choices}


def labels_of(values, choices: type[Choices]) -> list[str]:
    """The labels of the given choice values, in their order (unknown ones as they are)."""
    return [label_of(value, choices) for value in values or ()]


def names_of_countries(codes) -> list[str]:
    """The names of the given country codes, in alphabetical order."""
    return sorted(str(countries.name(code)) or code for code in codes or ())
