"""Forms of the members pages. Each answers bad input with a message next to the
field; nothing is written until a service is called with cleaned data."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from coalition.forms import LanguageChoiceField, ask_language
from coalition.languages import interface_language, interface_language_choices, sorted_by_name
from members.logos import LogoFormMixin, ProcessedLogo, process_logo
from members.models import Organisation, TeamMembership, User

MARKUP_ERROR = _("Use plain text: HTML tags are not allowed.")
# The portal's form and the admin's offer the same logo upload (members.logos checks it).
LOGO_HELP = _("PNG, JPEG or WebP, at most 2 MB and 4000 × 4000 pixels.")
LOGO_TYPES = "image/png,image/jpeg,image/webp"


def refuse_markup(value: str) -> str:
    if value and strip_tags(value) != value:
        raise ValidationError(MARKUP_ERROR, code="markup")
    return value


class OrganisationForm(forms.ModelForm):
    """Profile of an organisation: registration and editing."""

    # Of the description, the one text of the profile written in a language.
    language = LanguageChoiceField()

    logo_upload = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=LOGO_HELP,
        widget=forms.FileInput(attrs={"accept": LOGO_TYPES}),
    )

    class Meta:
        model = Organisation
        fields = (
            "name",
            "sector",
            "type",
            "size",
            "country",
            "website",
            "description",
            "language",
            "contact_email",
        )
        widgets = {"description": forms.Textarea(attrs={"rows": 6})}
        help_texts = {
            "name": _("The organisation’s full official name."),
            "website": _("Starts with https://"),
            "contact_email": _("Shown on your public page, for people who want to reach you."),
            "description": _("What your organisation does, in a few sentences (plain text)."),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose a country")), *countries]
        for name in ("sector", "type", "size"):
            self.fields[name].choices = [("", _("Choose…")), *self.fields[name].choices[1:]]
        ask_language(self)
        self.logo: ProcessedLogo | None = None

    def clean_name(self) -> str:
        name = " ".join(refuse_markup(self.cleaned_data["name"]).split())
        duplicates = Organisation.objects.filter(name__iexact=name)
        if self.instance.pk:
            duplicates = duplicates.exclude(pk=self.instance.pk)
        if duplicates.exists():
            raise ValidationError(
                _("An organisation with this name is already registered: ask to join it."),
                code="duplicate",
            )
        return name

    def clean_description(self) -> str:
        return refuse_markup(self.cleaned_data["description"])

    def clean_logo_upload(self) -> Any:
        upload = self.cleaned_data.get("logo_upload")
        if upload:
            self.logo = process_logo(upload)
        return upload

    def profile_data(self) -> dict[str, object]:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class OrganisationEditForm(OrganisationForm):
    remove_logo = forms.BooleanField(label=_("Remove the current logo"), required=False)


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the organisation’s administrators"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional: say who you are and what you do in the organisation."),
    )

    def clean_message(self) -> str:
        return refuse_markup(self.cleaned_data["message"])


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"), max_length=254)
    role = forms.ChoiceField(
        label=_("Role"), choices=TeamMembership.Role.choices, initial=TeamMembership.Role.EDITOR
    )
    language = LanguageChoiceField(
        label=_("Language of the invitation"),
        choices=interface_language_choices,
        help_text=_("Someone who already has an account gets it in the language they chose."),
    )

    def __init__(self, *args: Any, organisation: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        ask_language(self, default=interface_language(get_language()))

    def clean_email(self) -> str:
        email = self.cleaned_data["email"]
        if self.organisation.team.filter(user__email__iexact=email).exists():
            raise ValidationError(_("This person is already in the team."), code="duplicate")
        return email


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=TeamMembership.Role.choices)


class HandOverForm(forms.Form):
    to_member = forms.ModelChoiceField(
        label=_("New administrator"),
        queryset=TeamMembership.objects.none(),
        empty_label=_("Choose a team member"),
    )
    leave = forms.BooleanField(
        label=_("Leave the organisation afterwards"),
        required=False,
        help_text=_("Otherwise you stay in the team as an editor."),
    )

    def __init__(self, *args: Any, organisation: Organisation, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["to_member"].queryset = (
            organisation.team.exclude(user=user).select_related("user").order_by("user__email")
        )
        self.fields["to_member"].label_from_instance = lambda m: m.user.email


class EndorseCharterForm(forms.Form):
    charter_version = forms.IntegerField(widget=forms.HiddenInput)
    endorse = forms.BooleanField(
        label=_(
            "On behalf of my organisation, I endorse the Members Charter above and apply "
            "to join the Coalition."
        ),
        error_messages={"required": _("Tick the box to endorse the Members Charter.")},
    )


class DeclineForm(forms.Form):
    """The admin's intermediate page: why these applications are declined."""

    reason = forms.CharField(
        label=_("Reason for declining"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
        help_text=_("Sent to the organisations’ administrators and kept with the decision."),
    )

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(_("Give a reason for declining."), code="required")
        return reason


class OrganisationAdminForm(LogoFormMixin, forms.ModelForm):
    """The organisation in the Django admin: a staff upload passes the same logo
    checks as the portal's form and is stored re-encoded (OrganisationAdmin saves
    it through services.organisation_set_logo)."""

    logo = forms.FileField(
        label=_("Logo"),
        required=False,
        help_text=LOGO_HELP,
        widget=forms.ClearableFileInput(attrs={"accept": LOGO_TYPES}),
    )

    class Meta:
        model = Organisation
        fields = (
            "name",
            "slug",
            "sector",
            "type",
            "size",
            "country",
            "website",
            "description",
            "language",
            "contact_email",
            "logo",
        )


class MembershipDecisionForm(forms.Form):
    """A moderator's decision on one membership application, in the admin."""

    ACCEPT, DECLINE = "accept", "decline"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(ACCEPT, _("Accept")), (DECLINE, _("Decline"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason for declining"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 60}),
        help_text=_(
            "Required to decline: sent to the organisation’s administrators and kept "
            "with the decision."
        ),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if "reason" in self.errors:
            return data
        data["reason"] = data["reason"].strip()
        if data.get("decision") == self.DECLINE and not data["reason"]:
            self.add_error("reason", _("Give a reason for declining."))
        return data


class NameForm(forms.ModelForm):
    """The name a person gives the portal: optional, seen by staff in the admin."""

    class Meta:
        model = User
        fields = ("first_name", "last_name")

    def clean_first_name(self) -> str:
        return refuse_markup(self.cleaned_data["first_name"].strip())

    def clean_last_name(self) -> str:
        return refuse_markup(self.cleaned_data["last_name"].strip())


class EmailLanguageForm(forms.ModelForm):
    """The language the portal's emails to a person are written in."""

    class Meta:
        model = User
        fields = ("preferred_language",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].choices = sorted_by_name(interface_language_choices())


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To confirm that it is you."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("This is not your password."), code="invalid")
        return password
