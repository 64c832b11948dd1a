"""Forms of the pledge editor. They validate what a pledger types, in words a
pledger understands; the services in pledges/services.py do the writing."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from coalition.demo import MEMBER_STATES
from coalition.forms import LanguageChoiceField, ask_language
from coalition.models import Pillar
from coalition.numbers import grouped
from members.models import Organisation
from pledges.models import (
    ActionType,
    BeneficiaryGroup,
    DeliveryMode,
    Indicator,
    Initiative,
    Pledge,
    ProgressReport,
)
from pledges.reporting import breakdown
from pledges.reporting.breakdown import Figure


class PillarsField(forms.ModelMultipleChoiceField):
    """Pillars by name in the page's language (their ``PillarTranslation``), as
    the pillar pages name them."""

    def label_from_instance(self, obj: Pillar) -> str:
        return obj.in_language(get_language() or "").name


def member_state_choices() -> list[tuple[str, str]]:
    return sorted(((code, countries.name(code)) for code in MEMBER_STATES), key=lambda c: c[1])


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs={"class": "ecl-text-input", **(attrs or {})}, format="%Y-%m-%d")


def _style(form: forms.Form) -> None:
    """ECL classes on every widget."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
            continue
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "portal-checkbox__input")
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            widget.attrs.setdefault("class", "ecl-select")
        elif isinstance(widget, forms.Textarea):
            widget.attrs.setdefault("class", "ecl-text-area")
            widget.attrs.setdefault("rows", 5)
        else:
            widget.attrs.setdefault("class", "ecl-text-input")


class PledgeForm(forms.ModelForm):
    """The pledge's own content. Only the title is needed to save a draft; the
    rest is needed to submit (services.submission_problems)."""

    language = LanguageChoiceField()
    partners = forms.ModelMultipleChoiceField(
        label=_("Partner organisations"),
        queryset=Organisation.objects.only("pk", "name").order_by("name"),
        required=False,
        help_text=_("Organisations that deliver the pledge with you."),
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    class Meta:
        model = Pledge
        fields = ("language", "title", "summary", "beyond_day_to_day", "start_date", "end_date")
        labels = {
            "beyond_day_to_day": _("Why does it go beyond your day-to-day activities?"),
        }
        help_texts = {
            "title": _("A short name people will recognise, e.g. “Coding for every school”."),
            "summary": _("What you commit to do, for whom, and where."),
        }
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        self.fields["partners"].queryset = self.fields["partners"].queryset.exclude(
            pk=organisation.pk
        )
        self.fields["summary"].required = False
        self.fields["beyond_day_to_day"].required = False
        if self.instance.pk:
            self.initial["partners"] = list(self.instance.partners.values_list("pk", flat=True))
        ask_language(self)
        _style(self)

    def clean(self):
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end <= start:
            self.add_error("end_date", _("The end date must be after the start date."))
        return data

    def content(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class InitiativeForm(forms.ModelForm):
    """An initiative; a draft one needs only its title. Pillars, countries (or
    EU-wide) and an indicator are needed to submit the pledge
    (services.submission_problems), and what is entered is always checked."""

    language = LanguageChoiceField()
    pillars = PillarsField(
        label=_("Pillars"),
        queryset=Pillar.objects.in_order(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose at least one."),
    )
    countries = forms.MultipleChoiceField(
        label=_("Countries"),
        choices=member_state_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("One or more Member States, or tick “EU-wide” below."),
    )
    beneficiary_groups = forms.MultipleChoiceField(
        label=_("Beneficiary groups"),
        choices=BeneficiaryGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    action_types = forms.MultipleChoiceField(
        label=_("Types of action"),
        choices=ActionType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    delivery_mode = forms.ChoiceField(
        label=_("Delivery mode"),
        choices=[("", _("Not specified")), *DeliveryMode.choices],
        required=False,
    )

    class Meta:
        model = Initiative
        fields = (
            "language",
            "title",
            "description",
            "pillars",
            "countries",
            "eu_wide",
            "beneficiary_groups",
            "action_types",
            "delivery_mode",
            "link",
        )
        labels = {"eu_wide": _("EU-wide (all Member States)"), "link": _("Web page")}
        help_texts = {"link": _("Where people can find out more, starting https://")}

    def __init__(self, *args, language: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # Needed to submit (countries unless "EU-wide" is ticked), though a draft
        # may leave them empty: not marked "optional".
        self.fields["pillars"].needed = True
        self.fields["pillars"].queryset = Pillar.objects.in_order().with_translations(
            get_language()
        )
        self.fields["countries"].needed = True
        ask_language(self, default=language)  # a new one: the pledge's language, if given
        _style(self)

    def clean(self):
        data = super().clean()
        if data.get("eu_wide"):
            data["countries"] = []
        return data


class IndicatorForm(forms.ModelForm):
    target = forms.IntegerField(
        label=_("Target"),
        min_value=1,
        max_value=2_000_000_000,
        help_text=_("A whole number greater than zero."),
    )

    class Meta:
        model = Indicator
        fields = ("kind", "custom_name", "target")
        labels = {"kind": _("Indicator"), "custom_name": _("Name (custom indicator only)")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Choose an indicator")), *Indicator.Kind.choices]
        _style(self)

    def clean(self):
        data = super().clean()
        if data.get("kind") == Indicator.Kind.CUSTOM and not data.get("custom_name", "").strip():
            self.add_error("custom_name", _("Name the custom indicator."))
        elif data.get("kind") and data.get("kind") != Indicator.Kind.CUSTOM:
            data["custom_name"] = ""
        return data


class BaseIndicatorFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        seen = set()
        for form in self.forms:
            if not form.has_changed() or self._should_delete_form(form):
                continue
            data = getattr(form, "cleaned_data", {})
            key = (data.get("kind"), (data.get("custom_name") or "").strip().lower())
            if data.get("kind") and key in seen:
                form.add_error("kind", _("This initiative already has this indicator."))
            seen.add(key)


IndicatorFormSet = forms.inlineformset_factory(
    Initiative,
    Indicator,
    form=IndicatorForm,
    formset=BaseIndicatorFormSet,
    # No minimum: a draft initiative may have no indicator yet (submitting
    # needs one, services.submission_problems). Three empty rows to fill.
    extra=3,
    max_num=20,
    validate_max=True,
    can_delete=True,
)


class SubmitForm(forms.Form):
    """The pledge declaration, confirmed at each submission."""

    beyond = forms.BooleanField(
        label=_("The pledge goes beyond our organisation’s day-to-day activities."),
        error_messages={"required": _("Confirm this part of the declaration.")},
    )
    unconditional = forms.BooleanField(
        label=_("What we pledge is free of conditions for the beneficiaries."),
        error_messages={"required": _("Confirm this part of the declaration.")},
    )
    measurable = forms.BooleanField(
        label=_("The pledge has measurable outcomes, and we will report progress on them."),
        error_messages={"required": _("Confirm this part of the declaration.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class WithdrawForm(forms.Form):
    message = forms.CharField(
        label=_("Why are you withdrawing the pledge? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _style(self)


class ReportForm(forms.ModelForm):
    """A progress report: the period, a narrative, evidence, and one optional
    value per indicator (left empty: not reported this time)."""

    language = LanguageChoiceField()

    class Meta:
        model = ProgressReport
        fields = ("language", "period_start", "period_end", "narrative", "evidence_url")
        widgets = {"period_start": DateInput(), "period_end": DateInput()}
        help_texts = {
            "narrative": _("What was done in this period, for whom, and what you learnt."),
            "evidence_url": _("A page that shows the results, starting https://"),
        }

    def __init__(self, *args, indicators, **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        existing = {}
        if self.instance.pk:
            existing = {v.indicator_id: v for v in self.instance.values.all()}
        for indicator in self.indicators:
            name = f"value_{indicator.pk}"
            self.fields[name] = forms.IntegerField(
                label=str(indicator),
                min_value=0,
                max_value=2_000_000_000,
                required=False,
                help_text=_("Achieved in this period (target %(target)s). Empty: not reported.")
                % {"target": grouped(indicator.target)},
            )
            self.fields[name].indicator = indicator
            if indicator.pk in existing:
                self.initial[name] = existing[indicator.pk].value
            if breakdown.takes_breakdown(indicator.kind):
                self._add_breakdown_fields(name, existing.get(indicator.pk))
        ask_language(self)
        _style(self)

    def _add_breakdown_fields(self, name: str, reported) -> None:
        """Optional breakdown of a people-based value (pledges.reporting.breakdown),
        named after the value's field so they render with it."""
        for dimension in breakdown.DIMENSIONS.values():
            for group, label in dimension:
                self.fields[f"{name}_{group}"] = forms.IntegerField(
                    label=label, min_value=0, max_value=2_000_000_000, required=False
                )
                if reported is not None:
                    self.initial[f"{name}_{group}"] = getattr(reported, group)

    def breakdown_groups(self, indicator) -> dict[str, int | None]:
        name = f"value_{indicator.pk}"
        return {
            group: self.cleaned_data.get(f"{name}_{group}")
            for group in breakdown.FIELDS
            if f"{name}_{group}" in self.fields
        }

    def value_fields(self):
        return [self[f"value_{i.pk}"] for i in self.indicators]

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", _("The period must end after it starts."))
        if self.indicators and not any(
            data.get(f"value_{i.pk}") is not None for i in self.indicators
        ):
            raise ValidationError(_("Give the achieved value of at least one indicator."))
        for indicator in self.indicators:
            name = f"value_{indicator.pk}"
            for problem in breakdown.problems(
                kind=indicator.kind,
                value=data.get(name),
                groups=self.breakdown_groups(indicator),
            ):
                self.add_error(name, problem)
        return data

    def values(self) -> dict[int, int | Figure | None]:
        """Indicator id to the value reported (None: not reported), with its
        breakdown when one is given."""
        found: dict[int, int | Figure | None] = {}
        for indicator in self.indicators:
            value = self.cleaned_data.get(f"value_{indicator.pk}")
            groups = breakdown.complete(self.breakdown_groups(indicator))
            found[indicator.pk] = Figure(value, groups) if groups and value is not None else value
        return found


class DecisionForm(forms.Form):
    """A moderator's decision in the admin (a message is needed except to approve)."""

    APPROVE, REQUEST_CHANGES, REJECT = "approve", "request-changes", "reject"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (APPROVE, _("Approve")),
            (REQUEST_CHANGES, _("Request changes")),
            (REJECT, _("Reject")),
        ],
        widget=forms.RadioSelect,
    )
    message = forms.CharField(
        label=_("Message to the organisation"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6, "cols": 80}),
        help_text=_("Required to request changes or reject: the organisation reads it."),
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("decision") in (self.REQUEST_CHANGES, self.REJECT)
            and not (data.get("message") or "").strip()
        ):
            self.add_error("message", _("Write a message that tells the organisation why."))
        return data
