"""Reads that the pledge pages share."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from members.models import Organisation
from pledges import progress
from pledges.models import Pledge, PledgeTransition, ProgressReport, ReportedValue


def public() -> QuerySet[Pledge]:
    """Pledges the public may see."""
    return Pledge.objects.public()


def pledge_with_content() -> QuerySet[Pledge]:
    """Pledges with everything their page shows, in a constant number of queries:
    organisation, partners, initiatives with pillars, indicators with approved
    values, reports with their values."""
    return Pledge.objects.select_related("organisation", "revision_of").prefetch_related(
        Prefetch("partners", queryset=Organisation.objects.only("pk", "name", "slug")),
        *progress.pledge_prefetches(),
        Prefetch(
            "reports",
            queryset=ProgressReport.objects.order_by("-period_end", "-pk").prefetch_related(
                Prefetch(
                    "values",
                    queryset=ReportedValue.objects.select_related("indicator").order_by(
                        "indicator__initiative__position", "indicator_id"
                    ),
                )
            ),
        ),
    )


def transitions_for(pledge: Pledge) -> QuerySet[PledgeTransition]:
    return pledge.transitions.select_related("actor", "report").order_by("-created_at", "-pk")


def organisation_pledges(organisation: Organisation) -> QuerySet[Pledge]:
    """An organisation's pledges for its editors (revisions are shown with the
    pledge they change), with counts for the list."""
    return (
        Pledge.objects.filter(organisation=organisation, revision_of__isnull=True)
        .select_related("pending_revision")
        .annotate(
            initiative_count=Count("initiatives", distinct=True),
            pending_reports=Count(
                "reports", filter=Q(reports__status=ProgressReport.Status.SUBMITTED), distinct=True
            ),
        )
        .order_by("-updated_at")
    )
