"""Reporting status for moderators: a list filter for the pledges' changelist
and an overview page (``/admin/pledges/pledge/reporting/``) with the number of
approved pledges in each status and the pledges of one status, most overdue
first. Both are wired into PledgeAdmin (pledges/admin.py)."""

from __future__ import annotations

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from pledges.models import Pledge
from pledges.reporting import status

PER_PAGE = 50


class ReportingStatusFilter(admin.SimpleListFilter):
    """Approved pledges by reporting status (choosing one leaves out pledges
    that are not approved)."""

    title = _("reporting status")
    parameter_name = "reporting"

    def lookups(self, request, model_admin):
        return status.ReportingStatus.choices

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        return status.annotate(queryset, now=timezone.now()).filter(status.by_status(self.value()))


def overview(model_admin: admin.ModelAdmin, request: HttpRequest) -> HttpResponse:
    """The overview page; moderators (view permission on pledges) only."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    return _overview(request, model_admin)


@require_safe
def _overview(request: HttpRequest, model_admin: admin.ModelAdmin) -> HttpResponse:
    now = timezone.now()
    pledges = Pledge.objects.all()
    counts = status.counts(pledges, now=now)
    chosen = request.GET.get("status", status.ReportingStatus.OVERDUE)
    if chosen not in status.ReportingStatus.values:
        chosen = status.ReportingStatus.OVERDUE
    listed = (
        status.annotate(pledges, now=now)
        .filter(status.by_status(chosen))
        .select_related("organisation")
        .only("pk", "title", "approved_at", "last_report_approved_at", "organisation__name")
        .order_by("report_due", "pk")
    )
    page = Paginator(listed, PER_PAGE).get_page(request.GET.get("page"))
    labels = dict(status.ReportingStatus.choices)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Reporting status of approved pledges"),
        "counts": counts,
        "chosen": next(c for c in counts if c.status == chosen),
        "chosen_label": labels[chosen],
        "page": page,
    }
    return TemplateResponse(request, "pledges/reporting/admin_overview.html", context)
