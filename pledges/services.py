"""Every write on pledges and progress reports that is more than saving one form.

The workflow lives here, not in views or the admin: a transition that is not
allowed (approving a draft, reporting on a rejected pledge) raises
``WorkflowError`` whoever asks. Each transition is recorded in
``PledgeTransition`` and the people concerned are emailed by the background
worker (the task is queued once the transaction commits, so a transition that
rolls back tells nobody).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coalition import emails
from coalition.caching import bump_on_commit
from coalition.languages import site_language
from members.models import Organisation, User
from pledges.models import (
    Indicator,
    Initiative,
    Pledge,
    PledgeTransition,
    ProgressReport,
    ReportedValue,
)
from pledges.reporting import breakdown
from pledges.reporting.breakdown import Figure
from pledges.viewer.read_model import refresh_pledges

S = Pledge.Status
R = ProgressReport.Status

# The content fields a revision carries and approval copies onto the public pledge.
PLEDGE_CONTENT = ("title", "summary", "language", "beyond_day_to_day", "start_date", "end_date")
INITIATIVE_CONTENT = (
    "title",
    "description",
    "language",
    "countries",
    "eu_wide",
    "beneficiary_groups",
    "action_types",
    "delivery_mode",
    "link",
    "position",
)
INDICATOR_CONTENT = ("kind", "custom_name", "target")

REPORT_EVERY_MONTHS = 6
INACTIVE_AFTER_MONTHS = 24
REMIND_AGAIN_AFTER = datetime.timedelta(days=30)


class WorkflowError(Exception):
    """A transition that the pledge or report's state does not allow."""


def _record(
    *,
    pledge: Pledge,
    from_status: str,
    to_status: str,
    actor: User | None,
    message: str = "",
    report: ProgressReport | None = None,
    on_revision: bool = False,
) -> PledgeTransition:
    from pledges import tasks

    step = PledgeTransition.objects.create(
        pledge=pledge,
        report=report,
        from_status=from_status,
        to_status=to_status,
        actor=actor,
        message=message.strip(),
        on_revision=on_revision,
    )
    emails.enqueue_on_commit(tasks.notify_transition, step.pk)
    return step


def _require_message(message: str) -> str:
    if not message or not message.strip():
        raise WorkflowError(_("Write a message that tells the organisation why."))
    return message.strip()


# --- Drafting -------------------------------------------------------------


@transaction.atomic
def pledge_create(
    *,
    organisation: Organisation,
    actor: User,
    title: str,
    summary: str = "",
    language: str | None = None,
    beyond_day_to_day: str = "",
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
    partners: Iterable[Organisation] = (),
) -> Pledge:
    """A new draft pledge of the organisation (written in ``language``, by
    default the site's)."""
    pledge = Pledge.objects.create(
        organisation=organisation,
        created_by=actor,
        title=title,
        summary=summary,
        language=language or site_language(),
        beyond_day_to_day=beyond_day_to_day,
        start_date=start_date,
        end_date=end_date,
    )
    pledge.partners.set([p for p in partners if p.pk != organisation.pk])
    _record(pledge=pledge, from_status="", to_status=S.DRAFT, actor=actor)
    return pledge


def ensure_editable(pledge: Pledge) -> None:
    if not pledge.is_editable:
        raise WorkflowError(
            _("This pledge cannot be edited while it is “%(status)s”.")
            % {"status": pledge.get_status_display()}
        )


@transaction.atomic
def pledge_update(*, pledge: Pledge, actor: User, partners: Iterable[Organisation] = (), **fields):
    """Change a draft's (or a revision's) content fields."""
    ensure_editable(pledge)
    for name, value in fields.items():
        if name not in PLEDGE_CONTENT:
            raise TypeError(f"{name} is not a pledge content field")
        setattr(pledge, name, value)
    pledge.save()
    pledge.partners.set([p for p in partners if p.pk != pledge.organisation_id])
    return pledge


@transaction.atomic
def initiative_save(*, pledge: Pledge, initiative_form, indicator_formset) -> Initiative:
    """Save an initiative and its indicators from the editor's validated forms."""
    ensure_editable(pledge)
    initiative = initiative_form.save(commit=False)
    initiative.pledge = pledge
    if initiative.pk is None:
        initiative.position = pledge.initiatives.count()
    initiative.save()
    initiative_form.save_m2m()
    indicator_formset.instance = initiative
    indicator_formset.save()
    return initiative


@transaction.atomic
def initiative_delete(*, initiative: Initiative) -> None:
    ensure_editable(initiative.pledge)
    initiative.delete()


def _deletion_refusal(
    pledge: Pledge, history: Iterable[PledgeTransition] | None = None
) -> str | None:
    """Why pledge_delete() refuses the pledge, or None when it accepts it."""
    if pledge.is_revision:
        if pledge.is_editable:
            return None
        return _("Only drafts and proposed changes can be deleted.")
    if pledge.status != S.DRAFT:
        return _("Only drafts and proposed changes can be deleted.")
    if history is None:
        submitted = pledge.transitions.exclude(from_status="", to_status=S.DRAFT).exists()
    else:
        submitted = any(step.from_status or step.to_status != S.DRAFT for step in history)
    if submitted:
        return _("A pledge that was submitted is withdrawn, not deleted.")
    return None


def pledge_may_be_deleted(
    *, pledge: Pledge, history: Iterable[PledgeTransition] | None = None
) -> bool:
    """Whether pledge_delete() accepts the pledge: proposed changes that are not
    submitted, or a draft that never was (its history is its creation alone).
    ``history``: the pledge's transitions, when the caller has read them already
    (otherwise one query)."""
    return _deletion_refusal(pledge, history) is None


@transaction.atomic
def pledge_delete(*, pledge: Pledge, actor: User | None = None) -> None:
    """Discard a draft that was never submitted (its history goes with it), or
    unsubmitted proposed changes (the approved pledge's history records it)."""
    refusal = _deletion_refusal(pledge)
    if refusal is not None:
        raise WorkflowError(refusal)
    if pledge.is_revision:
        _record(
            pledge=pledge.revision_of,
            from_status=pledge.status,
            to_status=PledgeTransition.Step.DISCARDED,
            actor=actor,
            on_revision=True,
        )
    pledge.delete()


# --- Submission -----------------------------------------------------------


def initiative_gaps(initiative: Initiative) -> list[str]:
    """What a draft initiative still lacks for its pledge to be submitted:
    "pillar", "countries" (or EU-wide), "indicator". Drafts may lack them all;
    reads the initiative's pillars and indicators (prefetch them)."""
    gaps = []
    if not initiative.pillars.all():
        gaps.append("pillar")
    if not initiative.countries and not initiative.eu_wide:
        gaps.append("countries")
    if not initiative.indicators.all():
        gaps.append("indicator")
    return gaps


def submission_problems(pledge: Pledge) -> list[str]:
    """What keeps the pledge from being submitted, in words an editor understands,
    initiative by initiative.

    Reads ``pledge.initiatives`` with pillars and indicators (prefetch them)."""
    problems = []
    if not pledge.summary.strip():
        problems.append(_("Write a summary of the pledge."))
    if not pledge.beyond_day_to_day.strip():
        problems.append(_("Explain why the pledge goes beyond your day-to-day activities."))
    if pledge.start_date is None or pledge.end_date is None:
        problems.append(_("Give the start and end dates."))
    elif pledge.end_date <= pledge.start_date:
        problems.append(_("The end date must be after the start date."))
    initiatives = list(pledge.initiatives.all())
    if not initiatives:
        problems.append(_("Add at least one initiative."))
    for initiative in initiatives:
        gaps = initiative_gaps(initiative)
        if "pillar" in gaps:
            problems.append(
                _("Choose a pillar for the initiative “%(title)s”.") % {"title": initiative.title}
            )
        if "countries" in gaps:
            problems.append(
                _("Choose the countries (or EU-wide) of the initiative “%(title)s”.")
                % {"title": initiative.title}
            )
        if "indicator" in gaps:
            problems.append(
                _("Add an indicator with a target to the initiative “%(title)s”.")
                % {"title": initiative.title}
            )
    return problems


def pledge_may_be_submitted(*, pledge: Pledge) -> bool:
    """Whether the pledge's status lets it go to the moderators: a draft, or one
    with changes requested (pledge_submit() checks the rest)."""
    return pledge.status in (S.DRAFT, S.CHANGES_REQUESTED)


@transaction.atomic
def pledge_submit(*, pledge: Pledge, actor: User, declaration: bool) -> Pledge:
    """Send a draft (or proposed changes) to the moderators."""
    pledge = Pledge.objects.select_for_update().select_related("organisation").get(pk=pledge.pk)
    if not pledge_may_be_submitted(pledge=pledge):
        raise WorkflowError(_("Only drafts and pledges with changes requested can be submitted."))
    if not pledge.organisation.is_member:
        raise WorkflowError(
            _(
                "Only members of the Coalition can submit pledges. Your organisation can keep "
                "drafting; submit once staff have accepted its membership."
            )
        )
    if not declaration:
        raise WorkflowError(_("Confirm the pledge declaration to submit."))
    problems = submission_problems(pledge)
    if problems:
        raise WorkflowError(" ".join(problems))
    public = pledge.revision_of
    old = pledge.status
    pledge.status = S.SUBMITTED
    pledge.save(update_fields=["status", "updated_at"])
    _record(
        pledge=public or pledge,
        from_status=old,
        to_status=S.SUBMITTED,
        actor=actor,
        on_revision=public is not None,
    )
    return pledge


# --- Moderation -----------------------------------------------------------


def _require_submitted(pledge: Pledge, action: str) -> None:
    if pledge.status != S.SUBMITTED:
        raise WorkflowError(
            _("Only submitted pledges can be %(action)s; this one is “%(status)s”.")
            % {"action": action, "status": pledge.get_status_display()}
        )


def _merge_revision(revision: Pledge) -> Pledge:
    """Copy a revision's content onto its public pledge, keeping ids (and so the
    reports' values) of the initiatives and indicators it changed."""
    public = revision.revision_of
    for name in PLEDGE_CONTENT:
        setattr(public, name, getattr(revision, name))
    public.save()
    public.partners.set(revision.partners.all())
    kept_initiatives = []
    kept_indicators = []
    for new in revision.initiatives.prefetch_related("pillars", "indicators"):
        target = (
            Initiative.objects.filter(pk=new.origin_id, pledge=public).first()
            if new.origin_id
            else None
        )
        if target is None:
            target = Initiative(pledge=public)
        for name in INITIATIVE_CONTENT:
            setattr(target, name, getattr(new, name))
        target.save()
        target.pillars.set(new.pillars.all())
        kept_initiatives.append(target.pk)
        for new_indicator in new.indicators.all():
            indicator = (
                Indicator.objects.filter(pk=new_indicator.origin_id, initiative=target).first()
                if new_indicator.origin_id
                else None
            )
            if indicator is None:
                indicator = Indicator(initiative=target)
            for name in INDICATOR_CONTENT:
                setattr(indicator, name, getattr(new_indicator, name))
            indicator.save()
            kept_indicators.append(indicator.pk)
    Indicator.objects.filter(initiative__pledge=public).exclude(pk__in=kept_indicators).delete()
    public.initiatives.exclude(pk__in=kept_initiatives).delete()
    revision.delete()
    return public


@transaction.atomic
def pledge_approve(*, pledge: Pledge, actor: User, message: str = "", now=None) -> Pledge:
    """Publish a submitted pledge, or apply approved changes to a public one."""
    now = now or timezone.now()
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    _require_submitted(pledge, _("approved"))
    if pledge.is_revision:
        public = _merge_revision(pledge)
        _record(
            pledge=public,
            from_status=S.SUBMITTED,
            to_status=S.APPROVED,
            actor=actor,
            message=message,
            on_revision=True,
        )
        refresh_pledges([public.pk])
        return public
    pledge.status = S.APPROVED
    if pledge.approved_at is None:
        pledge.approved_at = now
    pledge.save(update_fields=["status", "approved_at", "updated_at"])
    _record(
        pledge=pledge, from_status=S.SUBMITTED, to_status=S.APPROVED, actor=actor, message=message
    )
    refresh_pledges([pledge.pk])
    return pledge


@transaction.atomic
def pledge_request_changes(*, pledge: Pledge, actor: User, message: str) -> Pledge:
    message = _require_message(message)
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    _require_submitted(pledge, _("sent back for changes"))
    pledge.status = S.CHANGES_REQUESTED
    pledge.save(update_fields=["status", "updated_at"])
    _record(
        pledge=pledge.revision_of or pledge,
        from_status=S.SUBMITTED,
        to_status=S.CHANGES_REQUESTED,
        actor=actor,
        message=message,
        on_revision=pledge.is_revision,
    )
    return pledge


@transaction.atomic
def pledge_reject(*, pledge: Pledge, actor: User, message: str) -> Pledge:
    """Refuse a pledge; refusing proposed changes discards them and keeps the
    public version."""
    message = _require_message(message)
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    _require_submitted(pledge, _("rejected"))
    if pledge.is_revision:
        public = pledge.revision_of
        pledge.delete()
        _record(
            pledge=public,
            from_status=S.SUBMITTED,
            to_status=S.REJECTED,
            actor=actor,
            message=message,
            on_revision=True,
        )
        return public
    pledge.status = S.REJECTED
    pledge.save(update_fields=["status", "updated_at"])
    _record(
        pledge=pledge, from_status=S.SUBMITTED, to_status=S.REJECTED, actor=actor, message=message
    )
    return pledge


# --- After approval ---------------------------------------------------------


@transaction.atomic
def pledge_withdraw(*, pledge: Pledge, actor: User, message: str = "") -> Pledge:
    """The organisation withdraws its pledge (it leaves the public viewer)."""
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    if pledge.is_revision:
        raise WorkflowError(_("Discard the proposed changes instead."))
    if pledge.status not in (S.DRAFT, S.SUBMITTED, S.CHANGES_REQUESTED, S.APPROVED):
        raise WorkflowError(
            _("A pledge that is “%(status)s” cannot be withdrawn.")
            % {"status": pledge.get_status_display()}
        )
    for revision in Pledge.objects.filter(revision_of=pledge).only("pk", "status"):
        _record(
            pledge=pledge,
            from_status=revision.status,
            to_status=PledgeTransition.Step.DISCARDED,
            actor=actor,
            on_revision=True,
        )
        revision.delete()
    old = pledge.status
    pledge.status = S.WITHDRAWN
    pledge.save(update_fields=["status", "updated_at"])
    _record(pledge=pledge, from_status=old, to_status=S.WITHDRAWN, actor=actor, message=message)
    refresh_pledges([pledge.pk])
    return pledge


@transaction.atomic
def pledge_complete(*, pledge: Pledge, actor: User) -> Pledge:
    """Mark an approved pledge as completed (it stays public)."""
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    if pledge.status != S.APPROVED or pledge.is_revision:
        raise WorkflowError(_("Only approved pledges can be marked as completed."))
    pledge.status = S.COMPLETED
    pledge.save(update_fields=["status", "updated_at"])
    _record(pledge=pledge, from_status=S.APPROVED, to_status=S.COMPLETED, actor=actor)
    refresh_pledges([pledge.pk])
    return pledge


@transaction.atomic
def pledge_revise(*, pledge: Pledge, actor: User) -> Pledge:
    """The editable copy of an approved pledge (created on first use). The
    public keeps seeing the approved content until moderators approve the copy."""
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    if pledge.status != S.APPROVED or pledge.is_revision:
        raise WorkflowError(_("Only approved pledges take proposed changes."))
    existing = Pledge.objects.filter(revision_of=pledge).first()
    if existing is not None:
        return existing
    revision = Pledge.objects.create(
        organisation_id=pledge.organisation_id,
        revision_of=pledge,
        created_by=actor,
        status=S.DRAFT,
        **{name: getattr(pledge, name) for name in PLEDGE_CONTENT},
    )
    revision.partners.set(pledge.partners.all())
    _record(pledge=pledge, from_status="", to_status=S.DRAFT, actor=actor, on_revision=True)
    for initiative in pledge.initiatives.prefetch_related("pillars", "indicators"):
        copy = Initiative.objects.create(
            pledge=revision,
            origin=initiative,
            **{name: getattr(initiative, name) for name in INITIATIVE_CONTENT},
        )
        copy.pillars.set(initiative.pillars.all())
        Indicator.objects.bulk_create(
            Indicator(
                initiative=copy,
                origin=indicator,
                **{name: getattr(indicator, name) for name in INDICATOR_CONTENT},
            )
            for indicator in initiative.indicators.all()
        )
    return revision


# --- Progress reports -------------------------------------------------------


def _store_values(report: ProgressReport, values: Mapping[int, int | Figure | None]) -> None:
    """Replace the report's values. A value may come with its breakdown (a
    ``Figure``, pledges.reporting.breakdown), checked by the same rules."""
    kinds = dict(
        Indicator.objects.filter(initiative__pledge=report.pledge_id).values_list("pk", "kind")
    )
    clean = {
        pk: v if isinstance(v, Figure) else Figure(v) for pk, v in values.items() if v is not None
    }
    if not clean:
        raise WorkflowError(_("Give the achieved value of at least one indicator."))
    if not set(clean) <= set(kinds):
        raise WorkflowError(_("A value was given for an indicator of another pledge."))
    if any(v.value < 0 for v in clean.values()):
        raise WorkflowError(_("Achieved values cannot be negative."))
    for pk, figure in clean.items():
        if found := breakdown.problems(kind=kinds[pk], value=figure.value, groups=figure.groups):
            raise WorkflowError(" ".join(str(problem) for problem in found))
    report.values.all().delete()
    ReportedValue.objects.bulk_create(
        ReportedValue(report=report, indicator_id=pk, value=v.value, **breakdown.complete(v.groups))
        for pk, v in clean.items()
    )


@transaction.atomic
def report_submit(
    *,
    pledge: Pledge,
    actor: User,
    period_start: datetime.date,
    period_end: datetime.date,
    narrative: str,
    evidence_url: str = "",
    language: str | None = None,
    values: Mapping[int, int | Figure | None],
) -> ProgressReport:
    """A progress report on an approved pledge, sent to the moderators (its
    narrative written in ``language``, by default the site's)."""
    pledge = Pledge.objects.select_for_update().get(pk=pledge.pk)
    if not pledge.accepts_reports:
        raise WorkflowError(_("Progress can only be reported on approved pledges."))
    if period_end < period_start:
        raise WorkflowError(_("The period must end after it starts."))
    report = ProgressReport.objects.create(
        pledge=pledge,
        period_start=period_start,
        period_end=period_end,
        narrative=narrative,
        evidence_url=evidence_url,
        language=language or site_language(),
        submitted_by=actor,
    )
    _store_values(report, values)
    _record(pledge=pledge, report=report, from_status="", to_status=R.SUBMITTED, actor=actor)
    return report


@transaction.atomic
def report_resubmit(
    *,
    report: ProgressReport,
    actor: User,
    period_start: datetime.date,
    period_end: datetime.date,
    narrative: str,
    evidence_url: str = "",
    language: str | None = None,
    values: Mapping[int, int | Figure | None],
) -> ProgressReport:
    """Correct a report the moderators sent back, and submit it again."""
    report = ProgressReport.objects.select_for_update().select_related("pledge").get(pk=report.pk)
    if report.status != R.CHANGES_REQUESTED:
        raise WorkflowError(_("Only reports with changes requested can be edited."))
    _require_accepts_reports(report.pledge)
    if period_end < period_start:
        raise WorkflowError(_("The period must end after it starts."))
    report.period_start, report.period_end = period_start, period_end
    report.narrative, report.evidence_url = narrative, evidence_url
    report.language = language or report.language
    report.status = R.SUBMITTED
    report.submitted_by = actor
    report.save()
    _store_values(report, values)
    _record(
        pledge=report.pledge,
        report=report,
        from_status=R.CHANGES_REQUESTED,
        to_status=R.SUBMITTED,
        actor=actor,
    )
    return report


def _require_accepts_reports(pledge: Pledge) -> None:
    """Reports count only on public pledges: one withdrawn (or otherwise closed)
    since the report was written takes no more corrections or decisions."""
    if not pledge.accepts_reports:
        raise WorkflowError(
            _("The pledge is “%(status)s”: its progress reports can no longer be changed.")
            % {"status": pledge.get_status_display()}
        )


def _decide_report(
    report: ProgressReport, to_status: str, actor: User, message: str, now
) -> ProgressReport:
    report = ProgressReport.objects.select_for_update().select_related("pledge").get(pk=report.pk)
    if report.status != R.SUBMITTED:
        raise WorkflowError(
            _("Only submitted reports can be decided; this one is “%(status)s”.")
            % {"status": report.get_status_display()}
        )
    _require_accepts_reports(report.pledge)
    report.status = to_status
    report.decided_at = now
    report.save(update_fields=["status", "decided_at"])
    _record(
        pledge=report.pledge,
        report=report,
        from_status=R.SUBMITTED,
        to_status=to_status,
        actor=actor,
        message=message,
    )
    return report


@transaction.atomic
def report_approve(
    *, report: ProgressReport, actor: User, message: str = "", now=None
) -> ProgressReport:
    """Count a report: its values add to the totals; the pledge is active again."""
    now = now or timezone.now()
    report = _decide_report(report, R.APPROVED, actor, message, now)
    if report.pledge.inactive_since is not None:
        _record(
            pledge=report.pledge,
            from_status=PledgeTransition.Step.INACTIVE,
            to_status=PledgeTransition.Step.ACTIVE_AGAIN,
            actor=actor,
        )
    Pledge.objects.filter(pk=report.pledge_id).update(
        last_report_approved_at=now, inactive_since=None, report_reminder_sent_at=None
    )
    refresh_pledges([report.pledge_id])  # the viewer's totals count approved reports
    return report


@transaction.atomic
def report_request_changes(*, report: ProgressReport, actor: User, message: str, now=None):
    return _decide_report(
        report, R.CHANGES_REQUESTED, actor, _require_message(message), now or timezone.now()
    )


@transaction.atomic
def report_reject(*, report: ProgressReport, actor: User, message: str, now=None):
    return _decide_report(
        report, R.REJECTED, actor, _require_message(message), now or timezone.now()
    )


# --- Reminders --------------------------------------------------------------


def add_months(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same day ``months`` later (the month's last day when it is shorter)."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    for day in (moment.day, 30, 29, 28):
        try:
            return moment.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def report_due_at(pledge: Pledge) -> datetime.datetime | None:
    """When the next progress report is due: six months after approval or after
    the last approved report."""
    base = pledge.last_report_approved_at or pledge.approved_at
    return add_months(base, REPORT_EVERY_MONTHS) if base else None


def reminders_run(*, now: datetime.datetime) -> dict[str, Any]:
    """Remind teams whose report is due or overdue (at most every 30 days per
    pledge) and mark pledges inactive after 24 months without an approved report.
    Returns what was done (pledge ids), for the logs and tests."""
    from pledges import tasks

    done: dict[str, list[int]] = {"reminded": [], "inactive": []}
    pledges = Pledge.objects.filter(
        status=S.APPROVED, revision_of__isnull=True, approved_at__isnull=False
    ).only(
        "pk", "approved_at", "last_report_approved_at", "inactive_since", "report_reminder_sent_at"
    )
    for pledge in pledges.iterator(chunk_size=500):
        base = pledge.last_report_approved_at or pledge.approved_at
        if pledge.inactive_since is None and now >= add_months(base, INACTIVE_AFTER_MONTHS):
            with transaction.atomic():
                Pledge.objects.filter(pk=pledge.pk).update(inactive_since=now)
                _record(
                    pledge=pledge,
                    from_status=S.APPROVED,
                    to_status=PledgeTransition.Step.INACTIVE,
                    actor=None,  # the portal's own step
                )
            done["inactive"].append(pledge.pk)
        due = add_months(base, REPORT_EVERY_MONTHS)
        last = pledge.report_reminder_sent_at
        if now >= due and (last is None or last < due or now - last >= REMIND_AGAIN_AFTER):
            overdue = now - due >= REMIND_AGAIN_AFTER
            with transaction.atomic():
                Pledge.objects.filter(pk=pledge.pk).update(report_reminder_sent_at=now)
                emails.enqueue_on_commit(tasks.send_report_reminder, pledge.pk, overdue)
            done["reminded"].append(pledge.pk)
    if done["inactive"]:
        bump_on_commit()  # their pages now say "Inactive since"
    return done
