"""Reporting status of an approved pledge, by the rules the reminders follow
(pledges.services.reminders_run):

- a report is due six months after approval or after the last approved report
  (``services.report_due_at``);
- it is overdue once 30 days have passed since then (the reminder says
  "overdue" from that day);
- the pledge is inactive after 24 months without an approved report (or once
  the daily run has marked it so, until a report is approved).

``reporting_status()`` decides for one pledge in Python; ``annotate()`` puts the
same decision into a queryset (for counts, filters and lists of many pledges),
and a test holds the two to each other. Only approved pledges have a reporting
status: completed and withdrawn ones are not reminded.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import Case, Count, F, Func, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from pledges.models import Pledge
from pledges.services import (
    INACTIVE_AFTER_MONTHS,
    REMIND_AGAIN_AFTER,
    REPORT_EVERY_MONTHS,
    add_months,
)


class ReportingStatus(models.TextChoices):
    UP_TO_DATE = "up-to-date", _("Up to date")
    DUE = "due", _("Report due")
    OVERDUE = "overdue", _("Overdue")
    INACTIVE = "inactive", _("Inactive")


#: The status tag's colour (pledges.css), always shown with its words.
MODIFIERS: dict[str, str] = {
    ReportingStatus.UP_TO_DATE: "success",
    ReportingStatus.DUE: "warning",
    ReportingStatus.OVERDUE: "error",
    ReportingStatus.INACTIVE: "neutral",
}

#: Most urgent first: the order of counts and lists.
ORDER: tuple[str, ...] = (
    ReportingStatus.OVERDUE,
    ReportingStatus.DUE,
    ReportingStatus.INACTIVE,
    ReportingStatus.UP_TO_DATE,
)


def reporting_status(
    *,
    approved_at: datetime.datetime | None,
    last_report_approved_at: datetime.datetime | None,
    inactive_since: datetime.datetime | None,
    now: datetime.datetime,
) -> ReportingStatus:
    """The status of an approved pledge with these dates at ``now``."""
    base = last_report_approved_at or approved_at
    if inactive_since is not None:
        return ReportingStatus.INACTIVE
    if base is None:  # never reminded: nothing can be due
        return ReportingStatus.UP_TO_DATE
    if now >= add_months(base, INACTIVE_AFTER_MONTHS):
        return ReportingStatus.INACTIVE
    due = add_months(base, REPORT_EVERY_MONTHS)
    if now - due >= REMIND_AGAIN_AFTER:
        return ReportingStatus.OVERDUE
    if now >= due:
        return ReportingStatus.DUE
    return ReportingStatus.UP_TO_DATE


def status_of(pledge: Pledge, now: datetime.datetime) -> ReportingStatus | None:
    """The pledge's status, or None for a pledge that is not approved."""
    if pledge.status != Pledge.Status.APPROVED or pledge.revision_of_id is not None:
        return None
    return reporting_status(
        approved_at=pledge.approved_at,
        last_report_approved_at=pledge.last_report_approved_at,
        inactive_since=pledge.inactive_since,
        now=now,
    )


class MonthsLater(Func):
    """``moment + n months`` in PostgreSQL, which keeps the day of the month or
    takes the month's last day, as ``services.add_months`` does."""

    template = "(%(expressions)s + make_interval(months => %(months)s))"
    output_field = models.DateTimeField()

    def __init__(self, expression, *, months: int):
        super().__init__(expression, months=int(months))


def annotate(pledges: QuerySet[Pledge], *, now: datetime.datetime) -> QuerySet[Pledge]:
    """Approved pledges (not revisions) with ``reporting_status`` and
    ``report_due`` (None when nothing can be due) annotated."""
    base = Coalesce(F("last_report_approved_at"), F("approved_at"))
    return (
        pledges.filter(status=Pledge.Status.APPROVED, revision_of__isnull=True)
        .alias(reporting_base=base)
        .annotate(report_due=MonthsLater(F("reporting_base"), months=REPORT_EVERY_MONTHS))
        .alias(inactive_from=MonthsLater(F("reporting_base"), months=INACTIVE_AFTER_MONTHS))
        .annotate(
            reporting_status=Case(
                When(inactive_since__isnull=False, then=Value(ReportingStatus.INACTIVE)),
                When(reporting_base__isnull=True, then=Value(ReportingStatus.UP_TO_DATE)),
                When(inactive_from__lte=now, then=Value(ReportingStatus.INACTIVE)),
                When(
                    report_due__lte=now - REMIND_AGAIN_AFTER,
                    then=Value(ReportingStatus.OVERDUE),
                ),
                When(report_due__lte=now, then=Value(ReportingStatus.DUE)),
                default=Value(ReportingStatus.UP_TO_DATE),
                output_field=models.CharField(),
            )
        )
    )


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    modifier: str
    count: int


def counts(pledges: QuerySet[Pledge], *, now: datetime.datetime) -> list[StatusCount]:
    """How many of these pledges are in each status, most urgent first, every
    status listed (0 included); one query."""
    found = dict(
        annotate(pledges, now=now)
        .order_by()
        .values("reporting_status")
        .annotate(n=Count("pk"))
        .values_list("reporting_status", "n")
    )
    labels = dict(ReportingStatus.choices)
    return [
        StatusCount(status, str(labels[status]), MODIFIERS[status], found.get(status, 0))
        for status in ORDER
    ]


def by_status(status: str) -> Q:
    """A filter for a queryset from ``annotate()``; an unknown status matches nothing."""
    if status not in ReportingStatus.values:
        return Q(pk__in=[])
    return Q(reporting_status=status)
