"""Choice labels and country names in the active language, kept per process.

Django's ``get_FOO_display()`` and django-countries' ``countries.name()``
translate on every call (a lazy string, a catalogue lookup, and for
``get_FOO_display()`` a dict of every choice), dozens of times
on a pledge page. The labels come from the code and its message catalogues,
which never change while a process runs, so one dict per choice set and language
is enough.
"""

from __future__ import annotations

from django.db.models import Choices
from django.utils.translation import get_language
from django_countries import countries

_MAPS: dict[tuple[object, str | None], dict[str, str]] = {}


def choice_labels(choices: type[Choices]) -> dict[str, str]:
    """``{value: label}`` of a choices class, in the active language."""
    key = (choices, get_language())
    labels = _MAPS.get(key)
    if labels is None:
        labels = _MAPS[key] = {value: str(label) for value, label in choices.choices}
    return labels


def country_names() -> dict[str, str]:
    """``{code: name}`` of every country django-countries knows, in the active language."""
    key = ("countries", get_language())
    names = _MAPS.get(key)
    if names is None:
        names = _MAPS[key] = {code: str(name) for code, name in countries}
    return names


def labels_of(values, choices: type[Choices]) -> list[str]:
    """The labels of the given choice values, in their order (unknown ones as they are)."""
    labels = choice_labels(choices)
    return [labels.get(v, v) for v in values or ()]


def names_of_countries(codes) -> list[str]:
    """The names of the given country codes, in alphabetical order."""
    names = country_names()
    return sorted(names.get(code) or code for code in codes or ())
