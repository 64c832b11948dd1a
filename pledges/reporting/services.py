"""Writes of reporting: many progress reports from one sheet, all or none."""

from __future__ import annotations

from django.db import transaction

from members.models import Organisation, User
from pledges import services
from pledges.models import ProgressReport
from pledges.reporting.sheet import Plan


@transaction.atomic
def reports_submit_from_sheet(
    *, organisation: Organisation, actor: User, plan: Plan
) -> list[ProgressReport]:
    """One submitted progress report per pledge the checked sheet reports on,
    each through ``services.report_submit`` (so each goes to the moderators as
    a report typed in the form does). Any refusal (WorkflowError, e.g. a pledge
    withdrawn since the sheet was checked) undoes them all."""
    if not plan.ok:
        raise services.WorkflowError(" ".join(str(p) for p in plan.problems))
    reports = []
    for planned in plan.reports:
        if planned.pledge.organisation_id != organisation.pk:
            raise services.WorkflowError("The sheet names another organisation's pledge.")
        reports.append(
            services.report_submit(
                pledge=planned.pledge,
                actor=actor,
                period_start=planned.period_start,
                period_end=planned.period_end,
                narrative=planned.narrative,
                evidence_url=planned.evidence_url,
                values=planned.figures(),
            )
        )
    return reports
