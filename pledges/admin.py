"""Moderation in the Django admin: queues of submitted pledges and reports,
the whole pledge on one page, and decisions (approve / request changes /
reject) with a message, through pledges.services. Moderators need the
"Moderators" group (view and change permissions), not superuser status."""

from __future__ import annotations

from functools import partial

from django.contrib import admin, messages
from django.db.models import Exists, OuterRef, Q
from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, re_path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_countries import countries

from coalition.admin import CheckedDateLookups
from coalition.demo import MEMBER_STATES
from coalition.models import Pillar
from pledges import progress, queries, services
from pledges.forms import DecisionForm
from pledges.models import Initiative, Pledge, PledgeTransition, ProgressReport, ReportedValue
from pledges.reporting import admin as reporting_admin

# What a moderation queue shows when nothing else is asked for.
SUBMITTED_QUEUE = "status__exact=submitted"


class PillarFilter(admin.SimpleListFilter):
    title = _("pillar")
    parameter_name = "pillar"
    prefix = ""

    def lookups(self, request, model_admin):
        return [(p.slug, p.short_label) for p in Pillar.objects.in_order()]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        initiatives = Initiative.objects.filter(
            pledge=OuterRef(self.prefix + "pk"), pillars__slug=self.value()
        )
        return queryset.filter(Exists(initiatives))


class CountryFilter(admin.SimpleListFilter):
    title = _("country")
    parameter_name = "country"
    prefix = ""

    def lookups(self, request, model_admin):
        return [
            ("eu", _("EU-wide")),
            *sorted(((code, countries.name(code)) for code in MEMBER_STATES), key=lambda c: c[1]),
        ]

    def queryset(self, request, queryset):
        if self.value() != "eu" and self.value() not in MEMBER_STATES:
            return queryset  # nothing chosen, or not a Member State
        condition = (
            Q(eu_wide=True) if self.value() == "eu" else Q(countries__contains=[self.value()])
        )
        initiatives = Initiative.objects.filter(condition, pledge=OuterRef(self.prefix + "pk"))
        return queryset.filter(Exists(initiatives))


class ReportPillarFilter(PillarFilter):
    prefix = "pledge__"


class ReportCountryFilter(CountryFilter):
    prefix = "pledge__"


class QueueStatusFilter(admin.ChoicesFieldListFilter):
    """The status filter of a moderation queue. The bare changelist URL shows
    what waits for a decision (DecisionAdminMixin.changelist_view), so "All"
    needs a parameter of its own: status__isnull=False, true of every row."""

    def choices(self, changelist):
        choices = super().choices(changelist)
        everything = next(choices)
        yield {
            **everything,
            "query_string": changelist.get_query_string(
                {self.lookup_kwarg_isnull: "False"}, [self.lookup_kwarg]
            ),
        }
        yield from choices


class ReadOnlyInline(admin.TabularInline):
    template = "pledges/admin/readonly_tabular.html"
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class TransitionInline(ReadOnlyInline):
    model = PledgeTransition
    fk_name = "pledge"
    fields = ("created_at", "report", "on_revision", "from_status", "to_status", "actor", "message")
    readonly_fields = fields
    ordering = ("-created_at", "-pk")
    verbose_name_plural = _("workflow history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor", "report__pledge")


class ReportInline(ReadOnlyInline):
    model = ProgressReport
    fields = ("period_start", "period_end", "status", "submitted_at", "decided_at")
    readonly_fields = fields
    show_change_link = True

    def get_queryset(self, request):
        # Each row is labelled with str(report), which names the pledge.
        return super().get_queryset(request).select_related("pledge")


class ReportedValueInline(ReadOnlyInline):
    model = ReportedValue
    # The initiative tells apart indicators of the same kind on one pledge.
    fields = ("initiative", "indicator", "target", "value")
    readonly_fields = fields
    verbose_name_plural = _("achieved values")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("indicator__initiative")

    @admin.display(description=_("initiative"))
    def initiative(self, obj):
        return obj.indicator.initiative

    @admin.display(description=_("target"))
    def target(self, obj):
        return obj.indicator.target


class DecisionAdminMixin:
    """Approve / request changes / reject, for one object or a selection, through
    an intermediate page that asks for the message."""

    decide = {}  # filled by subclasses: decision -> service
    actions = ("approve_selected", "request_changes_selected", "reject_selected")

    def _decide(self, request: HttpRequest, queryset, initial: str | None = None):
        opts = self.model._meta
        if not self.has_change_permission(request):
            messages.error(request, _("You may not moderate these."))
            return None
        form = DecisionForm(
            request.POST if "apply" in request.POST else None, initial={"decision": initial}
        )
        if "apply" in request.POST and form.is_valid():
            service = self.decide[form.cleaned_data["decision"]]
            done, refused = 0, []
            for obj in queryset:
                try:
                    service(obj, request.user, form.cleaned_data["message"])
                except services.WorkflowError as exc:
                    refused.append(f"{obj}: {exc}")
                else:
                    done += 1
            if done:
                self.message_user(
                    request,
                    ngettext("%(count)d decision recorded.", "%(count)d decisions recorded.", done)
                    % {"count": done},
                    messages.SUCCESS,
                )
            for line in refused:
                self.message_user(request, line, messages.ERROR)
            return HttpResponseRedirect(
                reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
                + f"?{SUBMITTED_QUEUE}"
            )
        context = {
            **self.admin_site.each_context(request),
            "title": _("Decide"),
            "opts": opts,
            "objects": queryset,
            "form": form,
            "action": request.POST.get("action", ""),
            "selected": [str(o.pk) for o in queryset],
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "pledges/admin/decide.html", context)

    @admin.action(description=_("Approve the selected items"), permissions=["change"])
    def approve_selected(self, request, queryset):
        return self._decide(request, queryset, DecisionForm.APPROVE)

    @admin.action(description=_("Request changes to the selected items"), permissions=["change"])
    def request_changes_selected(self, request, queryset):
        return self._decide(request, queryset, DecisionForm.REQUEST_CHANGES)

    @admin.action(description=_("Reject the selected items"), permissions=["change"])
    def reject_selected(self, request, queryset):
        return self._decide(request, queryset, DecisionForm.REJECT)

    def changelist_view(self, request, extra_context=None):
        # A moderator opening the queue sees what waits for a decision first;
        # "All" in the status filter shows everything (QueueStatusFilter).
        if (
            request.method == "GET"
            and not request.GET
            and self.has_view_or_change_permission(request)
        ):
            return HttpResponseRedirect(f"{request.path}?{SUBMITTED_QUEUE}")
        return super().changelist_view(request, extra_context)

    def get_urls(self):
        opts = self.model._meta
        return [
            re_path(
                r"^(?P<object_id>[0-9]{1,18})/decide/$",
                self.admin_site.admin_view(self.decide_view),
                name=f"{opts.app_label}_{opts.model_name}_decide",
            ),
            *super().get_urls(),
        ]

    def decide_view(self, request, object_id):
        obj = get_object_or_404(self.get_queryset(request), pk=int(object_id))
        if request.method not in ("GET", "POST"):
            from django.http import HttpResponseNotAllowed

            return HttpResponseNotAllowed(["GET", "POST"])
        response = self._decide(request, self.get_queryset(request).filter(pk=obj.pk))
        if response is None:
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied
        return response

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return request.user.is_superuser

    def get_readonly_fields(self, request, obj=None):
        # Everything is read-only: moderators decide, they do not edit.
        fields = [f.name for f in self.model._meta.fields if not f.primary_key]
        return fields + list(self.readonly_fields)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        extra_context = {
            **(extra_context or {}),
            "show_save": False,
            "show_save_and_continue": False,
            "show_save_and_add_another": False,
            "show_delete": request.user.is_superuser,
        }
        return super().change_view(request, object_id, form_url, extra_context)


@admin.register(Pledge)
class PledgeAdmin(CheckedDateLookups, DecisionAdminMixin, admin.ModelAdmin):
    decide = {
        DecisionForm.APPROVE: lambda p, u, m: services.pledge_approve(pledge=p, actor=u, message=m),
        DecisionForm.REQUEST_CHANGES: lambda p, u, m: services.pledge_request_changes(
            pledge=p, actor=u, message=m
        ),
        DecisionForm.REJECT: lambda p, u, m: services.pledge_reject(pledge=p, actor=u, message=m),
    }
    list_display = ("title", "organisation", "status", "kind", "updated_at")
    list_filter = (
        ("status", QueueStatusFilter),
        PillarFilter,
        CountryFilter,
        ("organisation", admin.RelatedOnlyFieldListFilter),
        reporting_admin.ReportingStatusFilter,
    )
    search_fields = ("title", "summary", "organisation__name")
    list_select_related = ("organisation",)
    ordering = ("-updated_at",)
    date_hierarchy = "created_at"
    readonly_fields = ("content", "partner_list", "changes_to", "proposed_changes")
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "title",
                    "organisation",
                    "partner_list",
                    "status",
                    "changes_to",
                    "proposed_changes",
                    "start_date",
                    "end_date",
                )
            },
        ),
        (_("The pledge"), {"fields": ("language", "summary", "beyond_day_to_day")}),
        (_("Initiatives and indicators"), {"fields": ("content",)}),
        (
            _("Dates"),
            {
                "fields": (
                    "created_by",
                    "created_at",
                    "updated_at",
                    "approved_at",
                    "last_report_approved_at",
                    "inactive_since",
                    "report_reminder_sent_at",
                )
            },
        ),
    )
    inlines = (ReportInline, TransitionInline)
    change_form_template = "pledges/admin/change_form.html"

    def get_urls(self):
        overview = self.admin_site.admin_view(partial(reporting_admin.overview, self))
        return [
            path("reporting/", overview, name="pledges_pledge_reporting"),
            *super().get_urls(),
        ]

    @admin.display(description=_("kind"))
    def kind(self, obj: Pledge):
        return _("Proposed changes") if obj.revision_of_id else _("Pledge")

    @admin.display(description=_("partner organisations"))
    def partner_list(self, obj: Pledge):
        return ", ".join(p.name for p in obj.partners.all()) or "—"

    @admin.display(description=_("changes to"))
    def changes_to(self, obj: Pledge):
        if not obj.revision_of_id:
            return "—"
        return format_html(
            '<a href="{}">{}</a> ({})',
            reverse("admin:pledges_pledge_change", args=[obj.revision_of_id]),
            obj.revision_of,
            _("the approved version the public sees"),
        )

    @admin.display(description=_("what the proposed changes change"))
    def proposed_changes(self, obj: Pledge):
        if not obj.revision_of_id:
            return "—"
        lines = queries.revision_changes(obj)
        if not lines:
            return _("Nothing yet.")
        return format_html_join("\n", "<p>{}</p>", ((line,) for line in lines))

    @admin.display(description=_("initiatives and indicators"))
    def content(self, obj: Pledge):
        pledge = Pledge.objects.prefetch_related(*progress.pledge_prefetches()).get(pk=obj.pk)
        initiatives = [
            {
                "initiative": initiative,
                "indicators": [
                    {"indicator": i, "progress": progress.indicator_progress(i)}
                    for i in initiative.indicators.all()
                ],
            }
            for initiative in pledge.initiatives.all()
        ]
        return render_to_string(
            "pledges/admin/pledge_content.html",
            {"pledge": pledge, "initiatives": initiatives},
        )


@admin.register(ProgressReport)
class ProgressReportAdmin(CheckedDateLookups, DecisionAdminMixin, admin.ModelAdmin):
    decide = {
        DecisionForm.APPROVE: lambda r, u, m: services.report_approve(report=r, actor=u, message=m),
        DecisionForm.REQUEST_CHANGES: lambda r, u, m: services.report_request_changes(
            report=r, actor=u, message=m
        ),
        DecisionForm.REJECT: lambda r, u, m: services.report_reject(report=r, actor=u, message=m),
    }
    list_display = (
        "pledge",
        "organisation",
        "period_start",
        "period_end",
        "status",
        "submitted_at",
    )
    list_filter = (
        ("status", QueueStatusFilter),
        ReportPillarFilter,
        ReportCountryFilter,
        ("pledge__organisation", admin.RelatedOnlyFieldListFilter),
    )
    search_fields = ("pledge__title", "pledge__organisation__name", "narrative")
    list_select_related = ("pledge__organisation",)
    ordering = ("-submitted_at",)
    readonly_fields = ("organisation",)
    inlines = (ReportedValueInline,)
    change_form_template = "pledges/admin/change_form.html"

    def get_queryset(self, request):
        # A report is labelled with its pledge, and shown with its organisation.
        return super().get_queryset(request).select_related("pledge__organisation")

    @admin.display(description=_("organisation"))
    def organisation(self, obj: ProgressReport):
        return obj.pledge.organisation


@admin.register(PledgeTransition)
class PledgeTransitionAdmin(CheckedDateLookups, admin.ModelAdmin):
    list_display = ("created_at", "pledge", "report", "from_status", "to_status", "actor")
    list_filter = ("to_status", "on_revision")
    search_fields = ("pledge__title", "message", "actor__email")
    list_select_related = ("pledge", "report__pledge", "actor")
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


# The organisations' translations of pledges (registers PledgeTranslationAdmin).
from pledges.translations import admin as translation_admin  # noqa: E402, F401
