"""Form pieces every app shares."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from coalition.languages import content_language_choices, page_language, sorted_by_name

LANGUAGE_LABEL = _("Language of this text")
LANGUAGE_HELP = _("The language you write it in, so that screen readers pronounce it right.")


class LanguageChoiceField(forms.ChoiceField):
    """A language to choose from a list (by default the content languages),
    alphabetical in the page's language. The list always has one chosen, so a
    browser always sends one; a form sent without it (a script, a page from
    before the field existed) keeps the language proposed (``fallback``: the
    text's own, or the page's) rather than failing on a field nobody saw."""

    def __init__(self, *, choices: Any = content_language_choices, **kwargs: Any) -> None:
        kwargs.setdefault("label", LANGUAGE_LABEL)
        kwargs.setdefault("help_text", LANGUAGE_HELP)
        super().__init__(choices=choices, **kwargs)
        self.fallback = ""

    def clean(self, value: Any) -> Any:
        if value in self.empty_values and self.fallback:
            value = self.fallback
        return super().clean(value)


def ask_language(
    form: forms.BaseForm,
    name: str = "language",
    *,
    label: object = None,
    help_text: object = None,
    default: str | None = None,
) -> None:
    """Set up the form's language field (a ``LanguageChoiceField``): the
    choices alphabetical in the page's language, and chosen, the text's own
    language (an existing text) or ``default``, else the page's. Call it from
    the form's ``__init__``, after ``super().__init__()``."""
    field = form.fields[name]
    if label is not None:
        field.label = label
    if help_text is not None:
        field.help_text = help_text
    field.choices = sorted_by_name(list(field.choices))
    instance = getattr(form, "instance", None)
    if instance is None or instance.pk is None:
        form.initial[name] = default or page_language()
    field.fallback = form.initial.get(name) or page_language()
