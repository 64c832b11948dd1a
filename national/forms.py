from __future__ import annotations

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from coalition.forms import LanguageChoiceField, ask_language
from coalition.languages import content_language_choices, sorted_by_name
from members.logos import LogoFormMixin
from national.models import Item, Kind, NationalCoalition

MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]")


def plain_text_only(value: str) -> None:
    if value and MARKUP.search(value):
        raise ValidationError(
            _("Use plain text only: remove the HTML tags (text between < and >)."),
            code="markup",
        )


class PortalFormMixin:
    """ECL classes on every widget, and the error/help ids the templates tie to fields."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", "ecl-select")
            elif isinstance(widget, forms.Textarea):
                widget.attrs.setdefault("class", "ecl-text-area")
            elif isinstance(widget, forms.ClearableFileInput):
                widget.attrs.setdefault("class", "ecl-file-upload__input")
            else:
                widget.attrs.setdefault("class", "ecl-text-input")
        self.describe_fields()

    def full_clean(self):
        super().full_clean()
        self.describe_fields()

    def describe_fields(self) -> None:
        """Tie each field to its help text and its errors (`includes` of the
        templates render them with these ids)."""
        for name, field in self.fields.items():
            auto_id = self[name].auto_id
            ids = []
            if field.help_text:
                ids.append(f"{auto_id}-help")
            if self.is_bound and hasattr(self, "_errors") and self._errors and name in self._errors:
                ids.append(f"{auto_id}-error")
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
            else:
                field.widget.attrs.pop("aria-describedby", None)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class CoalitionForm(LogoFormMixin, PortalFormMixin, forms.ModelForm):
    """The coalition's page, for its editors. A logo goes through the same checks
    and re-encoding as organisations' (members/logos.py): the view stores it."""

    class Meta:
        model = NationalCoalition
        fields = (
            "name",
            "description",
            "website",
            "contact_name",
            "contact_email",
            "logo",
            "launched_on",
            "language",
        )
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "launched_on": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name", "description", "contact_name"):
            self.fields[name].validators.append(plain_text_only)
        self.fields["language"].choices = sorted_by_name(content_language_choices())


class ItemForm(PortalFormMixin, forms.ModelForm):
    language = LanguageChoiceField()

    def __init__(self, *args, coalition: NationalCoalition, **kwargs):
        self.coalition = coalition
        super().__init__(*args, **kwargs)
        for name in ("title", "summary", "location"):
            self.fields[name].validators.append(plain_text_only)
        self.fields["summary"].required = True
        self.fields["summary"].help_text = _(
            "Plain text, up to 5,000 characters; a blank line starts a new paragraph."
        )
        self.fields["link"].help_text = _("Where people read more, on your website.")
        self.fields["location"].help_text = _("For events: the city and venue, or “Online”.")
        self.fields["deadline"].help_text = _(
            "For funding and training opportunities: the last day to apply."
        )
        # A new item: the coalition's main language, which most of its items are in.
        ask_language(self, default=coalition.language)
        self.describe_fields()

    class Meta:
        model = Item
        fields = (
            "kind",
            "title",
            "summary",
            "link",
            "language",
            "starts_on",
            "ends_on",
            "location",
            "deadline",
        )
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 6}),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            "deadline": DateInput(),
        }

    def clean_link(self):
        link = self.cleaned_data.get("link", "")
        if link:
            duplicates = Item.objects.filter(coalition=self.coalition, link=link)
            if self.instance.pk:
                duplicates = duplicates.exclude(pk=self.instance.pk)
            if duplicates.exists():
                raise ValidationError(
                    _("Your coalition already shares an item with this link."), code="duplicate"
                )
        return link

    def clean(self):
        cleaned = super().clean()
        kind, starts_on, ends_on = (
            cleaned.get("kind"),
            cleaned.get("starts_on"),
            cleaned.get("ends_on"),
        )
        if kind == Kind.EVENT and not starts_on and "starts_on" not in self.errors:
            self.add_error("starts_on", _("An event needs the day it starts."))
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("An event cannot end before it starts."))
        return cleaned


class CoalitionAdminForm(LogoFormMixin, forms.ModelForm):
    """The coalition in the admin (which gives it its model and fields): a logo
    passes the same checks and re-encoding (NationalCoalitionAdmin stores it)."""
