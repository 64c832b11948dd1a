"""Reads that the members pages share."""

from __future__ import annotations

from django.contrib.postgres.search import TrigramSimilarity
from django.db.models import Exists, OuterRef, QuerySet

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
    }
