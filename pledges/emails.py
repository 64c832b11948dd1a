"""Emails about pledges: who is told what (templates in templates/emails/pledges/,
written and sent by coalition.emails), called only from the background tasks in
pledges/tasks.py."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse_lazy
from django.utils.text import format_lazy

from coalition import emails
from members.moderation import moderator_recipients
from pledges.models import Pledge, PledgeTransition

# A moderator's decisions (the same values for pledges and reports).
DECISIONS = (Pledge.Status.APPROVED, Pledge.Status.CHANGES_REQUESTED, Pledge.Status.REJECTED)


def team_recipients(pledge: Pledge) -> list[emails.Recipient]:
    """Everyone in the organisation's team (admins and editors), each in the
    language they chose for emails."""
    rows = pledge.organisation.team.filter(user__is_active=True).values_list(
        "user__email", "user__preferred_language"
    )
    return [emails.Recipient(address, language) for address, language in rows]


def _manage_target(step: PledgeTransition) -> tuple[str, dict]:
    """Where the team acts on a decision: the report to correct, the proposed
    changes sent back (a revision row of their own), or the pledge."""
    pledge = step.pledge
    kwargs = {"slug": pledge.organisation.slug, "pk": pledge.pk}
    if step.to_status != Pledge.Status.CHANGES_REQUESTED:
        return "pledges:manage", kwargs
    if step.report_id:
        return "pledges:report_edit", {**kwargs, "report_pk": step.report_id}
    if step.on_revision:
        revision = Pledge.objects.filter(revision_of=pledge).only("pk").first()
        if revision is not None:
            return "pledges:manage", {**kwargs, "pk": revision.pk}
    return "pledges:manage", kwargs


def _urls(pledge: Pledge, step: PledgeTransition | None = None) -> dict[str, str]:
    name, kwargs = (
        _manage_target(step)
        if step is not None
        else ("pledges:manage", {"slug": pledge.organisation.slug, "pk": pledge.pk})
    )
    # Worked out as each email is written: in the URL prefix of its language.
    return {
        "manage_url": emails.portal_url(name, **kwargs),
        "public_url": emails.page_url(pledge),
        "admin_url": format_lazy(
            "{}{}?status__exact=submitted",
            settings.SITE_URL,
            reverse_lazy("admin:pledges_pledge_changelist"),
        ),
        "report_admin_url": format_lazy(
            "{}{}?status__exact=submitted",
            settings.SITE_URL,
            reverse_lazy("admin:pledges_progressreport_changelist"),
        ),
    }


def transition_email(step: PledgeTransition) -> int:
    """Tell moderators when something is submitted, and the team about every decision."""
    pledge = step.pledge
    context = {"step": step, "pledge": pledge, "report": step.report, **_urls(pledge, step)}
    if step.to_status == Pledge.Status.SUBMITTED:
        return emails.send("pledges/submitted", moderator_recipients(), context)
    if step.from_status == Pledge.Status.SUBMITTED and step.to_status in DECISIONS:
        return emails.send("pledges/decision", team_recipients(pledge), context)
    # The team's own steps (drafting, withdrawing, discarding proposed changes,
    # even while submitted) and the portal's (inactive): nothing to tell.
    return 0


def reminder_email(pledge: Pledge, *, overdue: bool, due_at) -> int:
    context = {
        "pledge": pledge,
        "overdue": overdue,
        "due_at": due_at,
        **_urls(pledge),
        "report_url": emails.portal_url(
            "pledges:report_create", slug=pledge.organisation.slug, pk=pledge.pk
        ),
    }
    return emails.send("pledges/reminder", team_recipients(pledge), context)
