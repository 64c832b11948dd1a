"""Reads that the members pages share."""

from __future__ import annotations

from typing import Any

from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import Exists, OuterRef, Q, QuerySet

from members.models import (
    Invitation,
    JoinRequest,
    MembershipApplication,
    Organisation,
    TeamMembership,
    User,
)

SIMILARITY_THRESHOLD = 0.3
DIRECTORY_FIELDS = ("name", "slug", "sector", "type", "size", "country", "logo", "member_since")


def similar_organisations(name: str, *, limit: int = 5) -> list[Organisation]:
    """Registered organisations whose name looks like `name` (trigram similarity),
    closest first: candidates to join instead of registering a duplicate."""
    return list(
        Organisation.objects.annotate(similarity=TrigramSimilarity("name", name))
        .filter(similarity__gte=SIMILARITY_THRESHOLD)
        .order_by("-similarity", "name")
        .only("name", "slug", "country", "type", "member_since")[:limit]
    )


def member_directory() -> QuerySet[Organisation]:
    """Coalition members for the public directory, alphabetically."""
    return Organisation.objects.members().only(*DIRECTORY_FIELDS).order_by("name", "pk")


def member_countries() -> list[str]:
    """Countries where at least one member has its headquarters (directory filter)."""
    return sorted(
        {
            str(code)
            for code in Organisation.objects.members()
            .order_by()
            .values_list("country", flat=True)
            .distinct()
        }
    )


def latest_application(organisation: Organisation) -> MembershipApplication | None:
    return (
        organisation.membership_applications.select_related("charter")
        .order_by("-endorsed_at", "-pk")
        .first()
    )


def memberships_of(user: User) -> QuerySet[TeamMembership]:
    """The user's places in teams, each with `awaiting_decision` (the organisation's
    membership application is pending)."""
    pending = MembershipApplication.objects.filter(
        organisation=OuterRef("organisation"), status=MembershipApplication.Status.PENDING
    )
    return (
        TeamMembership.objects.filter(user=user)
        .select_related("organisation")
        .annotate(awaiting_decision=Exists(pending))
        .order_by("organisation__name")
    )


def pending_join_requests_of(user: User) -> QuerySet[JoinRequest]:
    return JoinRequest.objects.filter(user=user, status=JoinRequest.Status.PENDING).select_related(
        "organisation"
    )


def open_invitations(organisation: Organisation) -> QuerySet[Invitation]:
    return organisation.invitations.filter(accepted_at__isnull=True).select_related("invited_by")


def personal_data(user: User) -> dict[str, object]:
    """Everything the portal holds about a person, for the JSON download."""
    from allauth.account.models import EmailAddress

    def when(value: object) -> str | None:
        return value.isoformat() if value else None  # type: ignore[attr-defined]

    return {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "language_of_emails": user.preferred_language,
            "date_joined": when(user.date_joined),
            "last_login": when(user.last_login),
            "is_staff": user.is_staff,
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "organisations": [
            {
                "organisation": m.organisation.name,
                "url": m.organisation.get_absolute_url(),
                "role": m.role,
                "joined": when(m.joined_at),
            }
            for m in memberships_of(user)
        ],
        "join_requests": [
            {
                "organisation": r.organisation.name,
                "message": r.message,
                "status": r.status,
                "sent": when(r.created_at),
                "decided": when(r.decided_at),
            }
            for r in JoinRequest.objects.filter(user=user).select_related("organisation")
        ],
        "charter_endorsements": [
            {
                "organisation": a.organisation.name,
                "charter_version": a.charter.version,
                "endorsed": when(a.endorsed_at),
                "status": a.status,
            }
            for a in MembershipApplication.objects.filter(endorsed_by=user).select_related(
                "organisation", "charter"
            )
        ],
        "invitations_sent": [
            {
                "organisation": i.organisation.name,
                "email": i.email,
                "sent": when(i.created_at),
                "accepted": when(i.accepted_at),
            }
            for i in Invitation.objects.filter(invited_by=user).select_related("organisation")
        ],
        **_records_in_other_apps(user, when),
    }


def _records_in_other_apps(user: User, when: Any) -> dict[str, object]:
    """What the user did in the pledges and national apps: the records point at
    them (created_by, submitted_by, actor, editors, moderated_by). Only the user's
    own part of each record; never other people's names or addresses."""
    from national.models import Item, NationalCoalition
    from pledges.models import Pledge, PledgeTransition, ProgressReport
    from pledges.scoreboards.models import Scoreboard

    return {
        "pledges_created": [
            {
                "pledge": p.pk,
                "title": p.title,
                "organisation": p.organisation.name,
                "status": p.status,
                "created": when(p.created_at),
            }
            for p in Pledge.objects.filter(created_by=user)
            .select_related("organisation")
            .order_by("created_at", "pk")
        ],
        "pledge_steps": [
            {
                "pledge": t.pledge_id,
                "title": t.pledge.title,
                "from": t.from_status,
                "to": t.to_status,
                "message": t.message,
                "when": when(t.created_at),
            }
            for t in PledgeTransition.objects.filter(actor=user, report__isnull=True)
            .select_related("pledge")
            .order_by("created_at", "pk")
        ],
        # A report's steps (submitted, approved...) are the report's, not the pledge's.
        "progress_report_steps": [
            {
                "pledge": t.pledge_id,
                "title": t.pledge.title,
                "period_start": when(t.report.period_start),
                "period_end": when(t.report.period_end),
                "from": t.from_status,
                "to": t.to_status,
                "message": t.message,
                "when": when(t.created_at),
            }
            for t in PledgeTransition.objects.filter(actor=user, report__isnull=False)
            .select_related("pledge", "report")
            .order_by("created_at", "pk")
        ],
        "progress_reports_submitted": [
            {
                "pledge": r.pledge_id,
                "title": r.pledge.title,
                "period_start": when(r.period_start),
                "period_end": when(r.period_end),
                "status": r.status,
                "submitted": when(r.submitted_at),
            }
            for r in ProgressReport.objects.filter(submitted_by=user)
            .select_related("pledge")
            .order_by("submitted_at", "pk")
        ],
        "scoreboards_created": [
            {
                "name": b.name,
                "organisation": b.organisation.name,
                "created": when(b.created_at),
            }
            for b in Scoreboard.objects.filter(created_by=user)
            .select_related("organisation")
            .order_by("created_at", "pk")
        ],
        "national_coalitions_edited": [
            {"coalition": c.name, "url": c.get_absolute_url()}
            for c in NationalCoalition.objects.filter(editors=user).order_by("name")
        ],
        "national_items": [
            {
                "title": i.title,
                "coalition": i.coalition.name,
                "state": i.state,
                "created_by_you": i.created_by_id == user.pk,
                "moderated_by_you": i.moderated_by_id == user.pk,
                "published": when(i.published_at),
            }
            for i in Item.objects.filter(Q(created_by=user) | Q(moderated_by=user))
            .select_related("coalition")
            .order_by("pk")
        ],
    }
