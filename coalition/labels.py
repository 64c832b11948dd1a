"""Choice labels and country names in the active language, as dicts, for code
that looks many of them up (a pledge's initiatives, the viewer's rows)."""

from __future__ import annotations

from django.db.models import Choices
from django_countries import countries


def choice_labels(choices: type[Choices]) -> dict[str, str]:
    """``{value: label}`` of a choices class, in the active language."""
    return {value: str(label) for value, label in choices.choices}


def labels_of(values, choices: type[Choices]) -> list[str]:
    """The labels of the given choice values, in their order (unknown ones as they are)."""
    labels = choice_labels(choices)
    return [labels.get(v, v) for v in values or ()]


def names_of_countries(codes) -> list[str]:
    """The names of the given country codes, in alphabetical order."""
    return sorted(str(countries.name(code)) or code for code in codes or ())
