"""Emails about pledges: who is told what. Plain text (templates in
templates/pledges/email/), sent through Django's mail framework, called only
from the background tasks in pledges/tasks.py."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from pledges.models import Pledge, PledgeTransition

MODERATORS_GROUP = "Moderators"


def team_addresses(pledge: Pledge) -> list[str]:
    """Everyone in the organisation's team (admins and editors)."""
    return sorted(
        pledge.organisation.team.filter(user__is_active=True).values_list("user__email", flat=True)
    )


def moderator_addresses() -> list[str]:
    """MODERATORS_EMAIL plus active staff in the Moderators group."""
    users = get_user_model().objects.filter(
        is_active=True, is_staff=True, groups__name=MODERATORS_GROUP
    )
    return sorted(set(settings.MODERATORS_EMAIL) | set(users.values_list("email", flat=True)))


def _send(template: str, recipients: list[str], context: dict) -> int:
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {"SITE_NAME": settings.SITE_NAME, "SITE_URL": settings.SITE_URL, **context}
        subject = render_to_string(f"pledges/email/{template}_subject.txt", context)
        body = render_to_string(f"pledges/email/{template}.txt", context)
    message = EmailMultiAlternatives(
        subject=f"[{settings.SITE_NAME}] " + " ".join(subject.split()),
        body=body,
        to=recipients,
    )
    return message.send()


def _urls(pledge: Pledge) -> dict[str, str]:
    with translation.override(settings.LANGUAGE_CODE):
        return {
            "manage_url": settings.SITE_URL
            + reverse("pledges:manage", kwargs={"slug": pledge.organisation.slug, "pk": pledge.pk}),
            "public_url": settings.SITE_URL + pledge.get_absolute_url(),
            "admin_url": settings.SITE_URL
            + reverse("admin:pledges_pledge_changelist")
            + "?status__exact=submitted",
            "report_admin_url": settings.SITE_URL
            + reverse("admin:pledges_progressreport_changelist")
            + "?status__exact=submitted",
        }


def transition_email(step: PledgeTransition) -> int:
    """Tell moderators when something is submitted, and the team about every decision."""
    pledge = step.pledge
    context = {"step": step, "pledge": pledge, "report": step.report, **_urls(pledge)}
    if step.to_status == Pledge.Status.SUBMITTED:
        return _send("submitted", moderator_addresses(), context)
    if step.from_status == Pledge.Status.SUBMITTED:  # a moderator's decision
        return _send("decision", team_addresses(pledge), context)
    return 0  # the team's own steps (drafting, withdrawing): nothing to tell


def reminder_email(pledge: Pledge, *, overdue: bool, due_at) -> int:
    context = {"pledge": pledge, "overdue": overdue, "due_at": due_at, **_urls(pledge)}
    with translation.override(settings.LANGUAGE_CODE):
        context["report_url"] = settings.SITE_URL + reverse(
            "pledges:report_create", kwargs={"slug": pledge.organisation.slug, "pk": pledge.pk}
        )
    return _send("reminder", team_addresses(pledge), context)
