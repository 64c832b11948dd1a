"""The editor's form for one translation of a pledge."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coalition.forms import LanguageChoiceField, ask_language
from coalition.languages import page_language
from pledges.models import Pledge
from pledges.translations.models import PledgeTranslation


class PledgeTranslationForm(forms.ModelForm):
    """Language, title and summary. Offers the languages the pledge has no
    translation into yet (besides the one being edited), never its own."""

    language = LanguageChoiceField(
        label=_("Language of the translation"),
        help_text=_("Each language once; the pledge’s own language is not offered."),
    )

    class Meta:
        model = PledgeTranslation
        fields = ("language", "title", "summary")
        help_texts = {
            "title": _("The pledge’s title in this language."),
            "summary": _("The pledge’s summary in this language."),
        }
        widgets = {"summary": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, pledge: Pledge, **kwargs):
        super().__init__(*args, **kwargs)
        self.pledge = pledge
        taken = set(
            pledge.translations.exclude(pk=self.instance.pk).values_list("language", flat=True)
        )
        taken.add(pledge.language)
        ask_language(self)
        field = self.fields["language"]
        field.fallback = ""  # a translation names its language
        proposed = page_language()
        if self.instance.pk is None:
            self.initial["language"] = proposed if proposed not in taken else ""
        field.choices = [
            ("", _("Choose a language")),
            *((code, name) for code, name in field.choices if code not in taken),
        ]
        self.fields["title"].widget.attrs.setdefault("class", "ecl-text-input")
        self.fields["summary"].widget.attrs.setdefault("class", "ecl-text-area")
        field.widget.attrs.setdefault("class", "ecl-select")

    def clean_language(self) -> str:
        language = self.cleaned_data["language"]
        if language == self.pledge.language:
            raise ValidationError(
                _("The pledge is written in this language: choose another."), code="original"
            )
        others = self.pledge.translations.exclude(pk=self.instance.pk)
        if others.filter(language=language).exists():
            raise ValidationError(
                _("The pledge already has a translation into this language."), code="duplicate"
            )
        return language
