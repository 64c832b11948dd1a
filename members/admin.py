"""Moderation in the Django admin: organisations with their team and membership
history, membership decisions (accept / decline with a reason, bulk too), the
Members Charter's versions. Decisions are records: shown, never edited."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.admin import GroupAdmin as DjangoGroupAdmin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from coalition.admin import CheckedDateLookups
from members import services
from members.forms import DeclineForm, MembershipDecisionForm, OrganisationAdminForm
from members.models import (
    Charter,
    CharterTranslation,
    Invitation,
    JoinRequest,
    MembershipApplication,
    Organisation,
    TeamMembership,
    User,
)


@admin.register(User)
class UserAdmin(CheckedDateLookups, DjangoUserAdmin):
    ordering = ("email",)
    list_display = ("email", "first_name", "last_name", "is_staff", "is_active", "date_joined")
    search_fields = ("email", "first_name", "last_name")
    # Plain multiple selects: the two-box widget's search icon carries an ARIA
    # label that its element may not have (axe: aria-prohibited-attr).
    filter_horizontal = ()
    fieldsets = (
        (None, {"fields": ("email", "password_link")}),
        (_("Name"), {"fields": ("first_name", "last_name")}),
        (_("Emails"), {"fields": ("preferred_language",)}),
        (
            _("Permissions"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = ((None, {"classes": ("wide",), "fields": ("email", "password1", "password2")}),)
    readonly_fields = ("password_link",)

    def formfield_for_dbfield(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None:
            # A field with a callable default keeps its initial value in a hidden
            # input, to which Django copies the help text's aria-describedby (not
            # valid HTML); the admin has no use for it.
            formfield.show_hidden_initial = False
        return formfield

    # Instead of Django's read-only password widget, which writes a <div disabled>
    # (not valid HTML): the link to set a new one.
    @admin.display(description=_("Password"))
    def password_link(self, obj: User) -> str:
        url = reverse("admin:auth_user_password_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("Change password"))


class MembershipStatusFilter(admin.SimpleListFilter):
    title = _("Coalition membership")
    parameter_name = "membership"

    def lookups(self, request: HttpRequest, model_admin: Any) -> list[tuple[str, Any]]:
        return [
            ("member", _("Member")),
            ("pending", _("Application awaiting decision")),
            ("none", _("Not a member")),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet | None:
        pending = MembershipApplication.objects.filter(
            organisation=OuterRef("pk"), status=MembershipApplication.Status.PENDING
        )
        if self.value() == "member":
            return queryset.filter(member_since__isnull=False)
        if self.value() == "pending":
            return queryset.filter(Exists(pending))
        if self.value() == "none":
            return queryset.filter(member_since__isnull=True).exclude(Exists(pending))
        return None


class TeamMembershipInline(admin.StackedInline):
    model = TeamMembership
    extra = 0
    fields = ("user", "role", "joined_at")
    readonly_fields = ("joined_at",)
    autocomplete_fields = ("user",)


class MembershipHistoryInline(admin.StackedInline):
    model = MembershipApplication
    verbose_name_plural = _("Membership history")
    extra = 0
    can_delete = False
    fields = (
        "charter",
        "endorsed_by",
        "endorsed_at",
        "status",
        "decided_by",
        "decided_at",
        "reason",
    )
    readonly_fields = fields
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Organisation)
class OrganisationAdmin(CheckedDateLookups, admin.ModelAdmin):
    form = OrganisationAdminForm
    list_display = ("name", "country", "sector", "type", "size", "membership", "created_at")
    list_filter = (MembershipStatusFilter, "sector", "type", "size", "country")
    search_fields = ("name", "slug", "contact_email", "website", "team__user__email")
    readonly_fields = ("member_since", "created_at", "updated_at")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (TeamMembershipInline, MembershipHistoryInline)
    date_hierarchy = "created_at"
    show_full_result_count = False

    def save_model(self, request: HttpRequest, obj: Organisation, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if form.processed_logo is not None:
            services.organisation_set_logo(organisation=obj, logo=form.processed_logo)
        # The viewer's rows and the pledge pages show the name and link to the slug.
        from pledges.viewer.read_model import refresh_organisation

        refresh_organisation(obj.pk)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        pending = MembershipApplication.objects.filter(
            organisation=OuterRef("pk"), status=MembershipApplication.Status.PENDING
        )
        return super().get_queryset(request).annotate(awaiting_decision=Exists(pending))

    @admin.display(description=_("Coalition membership"), ordering="member_since")
    def membership(self, obj: Organisation) -> str:
        if obj.member_since:
            return _("Member since %(date)s") % {"date": obj.member_since.date().isoformat()}
        if getattr(obj, "awaiting_decision", False):
            return str(_("Application awaiting decision"))
        return "—"


def _pending_only(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet):
    pending = queryset.filter(status=MembershipApplication.Status.PENDING)
    skipped = queryset.count() - pending.count()
    if skipped:
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d application was already decided and was left as it is.",
                "%(count)d applications were already decided and were left as they are.",
                skipped,
            )
            % {"count": skipped},
            messages.WARNING,
        )
    return pending.select_related("organisation")


@admin.action(description=_("Accept the selected applications"), permissions=["change"])
def accept_applications(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
) -> None:
    accepted = 0
    for application in _pending_only(modeladmin, request, queryset):
        services.membership_decide(application=application, decided_by=request.user, accept=True)
        accepted += 1
    if accepted:
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d organisation is now a member; its administrators are told by email.",
                "%(count)d organisations are now members; their administrators are told by email.",
                accepted,
            )
            % {"count": accepted},
            messages.SUCCESS,
        )


@admin.action(description=_("Decline the selected applications…"), permissions=["change"])
def decline_applications(
    modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet
) -> HttpResponse | None:
    """An intermediate page asks for the reason, then declines."""
    pending = _pending_only(modeladmin, request, queryset)
    if not pending:
        return None
    form = DeclineForm(request.POST if "confirm_decline" in request.POST else None)
    if form.is_bound and form.is_valid():
        for application in pending:
            services.membership_decide(
                application=application,
                decided_by=request.user,
                accept=False,
                reason=form.cleaned_data["reason"],
            )
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d application declined; the administrators are told by email.",
                "%(count)d applications declined; the administrators are told by email.",
                len(pending),
            )
            % {"count": len(pending)},
            messages.SUCCESS,
        )
        return None
    return TemplateResponse(
        request,
        "admin/members/membershipapplication/decline.html",
        {
            **modeladmin.admin_site.each_context(request),
            "title": _("Decline membership applications"),
            "applications": pending,
            "form": form,
            "opts": modeladmin.model._meta,
            "action_checkbox_name": ACTION_CHECKBOX_NAME,
        },
    )


@admin.register(MembershipApplication)
class MembershipApplicationAdmin(CheckedDateLookups, admin.ModelAdmin):
    list_display = (
        "organisation",
        "charter_version",
        "endorsed_by",
        "endorsed_at",
        "status",
        "decided_by",
        "decided_at",
    )
    list_filter = ("status", "charter", "organisation__country", "organisation__type")
    search_fields = ("organisation__name", "endorsed_by__email")
    list_select_related = ("organisation", "charter", "endorsed_by", "decided_by")
    actions = (accept_applications, decline_applications)
    fields = (
        "organisation",
        "charter",
        "endorsed_by",
        "endorsed_at",
        "status",
        "decided_by",
        "decided_at",
        "reason",
    )
    readonly_fields = fields
    date_hierarchy = "endorsed_at"

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # An application is a record: its own page only shows it (no Save, no
        # "changed successfully"); the list's actions and the decide page change it.
        return obj is None and super().has_change_permission(request)

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        extra_context = {**(extra_context or {}), "can_decide": self.has_change_permission(request)}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_urls(self) -> list[Any]:
        opts = self.model._meta
        return [
            path(
                "<int:object_id>/decide/",
                self.admin_site.admin_view(self.decide_view),
                name=f"{opts.app_label}_{opts.model_name}_decide",
            ),
            *super().get_urls(),
        ]

    def decide_view(self, request: HttpRequest, object_id: int) -> HttpResponse:
        """One application, decided on its own page: accept, or decline with a reason."""
        return require_http_methods(["GET", "HEAD", "POST"])(self._decide_one)(request, object_id)

    def _decide_one(self, request: HttpRequest, object_id: int) -> HttpResponse:
        application = get_object_or_404(
            self.get_queryset(request).select_related("organisation", "charter", "endorsed_by"),
            pk=object_id,
        )
        if not self.has_change_permission(request):
            raise PermissionDenied
        change_url = reverse("admin:members_membershipapplication_change", args=[application.pk])
        if application.status != MembershipApplication.Status.PENDING:
            self.message_user(
                request, _("This application has already been decided."), messages.WARNING
            )
            return HttpResponseRedirect(change_url)
        form = MembershipDecisionForm(request.POST if request.method == "POST" else None)
        if form.is_bound and form.is_valid():
            accept = form.cleaned_data["decision"] == MembershipDecisionForm.ACCEPT
            try:
                services.membership_decide(
                    application=application,
                    decided_by=request.user,
                    accept=accept,
                    reason=form.cleaned_data["reason"],
                )
            except services.ActionRefusedError as refusal:  # decided meanwhile by someone else
                self.message_user(request, str(refusal), messages.ERROR)
            else:
                self.message_user(
                    request,
                    (
                        _("%(name)s is now a member; its administrators are told by email.")
                        if accept
                        else _(
                            "The application of %(name)s is declined; its administrators "
                            "are told by email."
                        )
                    )
                    % {"name": application.organisation.name},
                    messages.SUCCESS,
                )
            return HttpResponseRedirect(change_url)
        return TemplateResponse(
            request,
            "admin/members/membershipapplication/decide.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Decide on the application of %(name)s")
                % {"name": application.organisation.name},
                "application": application,
                "original": application,
                "form": form,
                "opts": self.model._meta,
            },
            status=400 if form.is_bound else 200,
        )

    @admin.display(description=_("charter version"), ordering="charter__version")
    def charter_version(self, obj: MembershipApplication) -> int:
        return obj.charter.version

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class CharterTranslationInline(admin.StackedInline):
    """A version's translations, published with it. Once organisations have
    endorsed the version, a missing language may still be added, but what they
    may have read stays as it was: no change, no deletion."""

    model = CharterTranslation
    extra = 0
    fields = ("language", "title", "text")

    def _endorsed(self, obj: Any) -> bool:
        return obj is not None and obj.endorsements.exists()

    def get_extra(self, request: HttpRequest, obj: Any = None, **kwargs: Any) -> int:
        # A new version: one form per translation of the current version, which
        # CharterAdmin.get_formset_kwargs() fills in.
        current = Charter.objects.current() if obj is None else None
        return current.translations.count() if current is not None else 0

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not self._endorsed(obj) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return not self._endorsed(obj) and super().has_delete_permission(request, obj)


@admin.register(Charter)
class CharterAdmin(CheckedDateLookups, admin.ModelAdmin):
    """Staff publish a new version to change the Charter, with its
    translations (a new version starts from the current one's texts and
    translations, to edit); a version that organisations endorsed keeps its
    text."""

    list_display = ("version", "title", "published_at", "created_by", "languages")
    readonly_fields = ("published_at", "created_by")
    fields = ("version", "title", "text", "published_at", "created_by")
    inlines = (CharterTranslationInline,)

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        return super().get_queryset(request).prefetch_related("translations")

    @admin.display(description=_("translations"))
    def languages(self, obj: Charter) -> str:
        return ", ".join(t.language for t in obj.translations.all()) or "—"

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        current = Charter.objects.current()
        initial = super().get_changeform_initial_data(request)
        if current:
            initial.update(version=current.version + 1, title=current.title, text=current.text)
        else:
            initial.update(version=1)
        return initial

    def get_formset_kwargs(
        self, request: HttpRequest, obj: Any, inline: Any, prefix: str
    ) -> dict[str, Any]:
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        # A new version starts from the current version's translations, as its
        # title and text start from the current ones. Not when it is sent: the
        # forms hold what staff kept, and each one is a translation to save.
        current = Charter.objects.current()
        if obj.pk is None and request.method != "POST" and current is not None:
            kwargs["initial"] = [
                {"language": t.language, "title": t.title, "text": t.text}
                for t in current.translations.all()
            ]
        return kwargs

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> Any:
        if obj is not None and obj.endorsements.exists():
            return ("version", "title", "text", "published_at", "created_by")
        return self.readonly_fields

    def save_model(self, request: HttpRequest, obj: Charter, form: Any, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        super().save_model(request, obj, form, change)

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and obj.endorsements.exists():
            return False
        return super().has_delete_permission(request, obj)


class ReadOnlyAdmin(CheckedDateLookups, admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(JoinRequest)
class JoinRequestAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "user", "status", "created_at", "decided_by", "decided_at")
    list_filter = ("status",)
    search_fields = ("organisation__name", "user__email")
    list_select_related = ("organisation", "user", "decided_by")


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ("organisation", "email", "role", "created_at", "expires_at", "accepted_at")
    search_fields = ("organisation__name", "email")
    list_select_related = ("organisation",)
    exclude = ("token_hash",)


admin.site.unregister(Group)


@admin.register(Group)
class GroupAdmin(DjangoGroupAdmin):
    filter_horizontal = ()  # as UserAdmin's, for the same reason
