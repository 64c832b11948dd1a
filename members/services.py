"""Every write in the members app that does more than save one form: keyword-only,
typed, in a transaction. Views call these; so do the admin and the demo data."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from coalition import emails, ratelimits
from members.logos import ProcessedLogo, store_logo
from members.models import (
    Charter,
    Invitation,
    JoinRequest,
    MembershipApplication,
    Organisation,
    TeamMembership,
    User,
)
from members.moderation import moderator_recipients

INVITATION_VALIDITY = timedelta(days=7)


class ActionRefusedError(Exception):
    """A request that the rules refuse, with a message for the person who asked."""


class RateLimitedError(ActionRefusedError):
    """Refused because too many of these were sent lately (coalition/ratelimits.py)."""


# --- Organisations -----------------------------------------------------------


RESERVED_SLUGS = {"new"}  # would clash with /organisations/new/


def unique_slug(name: str) -> str:
    base = slugify(name)[:200] or "organisation"
    slug, number = base, 2
    while slug in RESERVED_SLUGS or Organisation.objects.filter(slug=slug).exists():
        slug = f"{base}-{number}"
        number += 1
    return slug


@transaction.atomic
def organisation_create(
    *, user: User, data: dict[str, object], logo: ProcessedLogo | None = None
) -> Organisation:
    """Register an organisation with `user` as its first admin."""
    organisation = Organisation(slug=unique_slug(str(data["name"])), **data)
    organisation.full_clean(exclude=["logo"])
    organisation.save()
    if logo is not None:
        organisation_set_logo(organisation=organisation, logo=logo)
    TeamMembership.objects.create(
        organisation=organisation, user=user, role=TeamMembership.Role.ADMIN
    )
    return organisation


@transaction.atomic
def organisation_update(
    *,
    organisation: Organisation,
    data: dict[str, object],
    logo: ProcessedLogo | None = None,
    remove_logo: bool = False,
) -> Organisation:
    for field, value in data.items():
        setattr(organisation, field, value)
    organisation.full_clean(exclude=["logo", "slug"])
    organisation.save()
    if remove_logo and organisation.logo:
        organisation.logo.delete(save=True)
    if logo is not None:
        organisation_set_logo(organisation=organisation, logo=logo)
    # The Pledge Viewer's rows copy the organisation's name, sector and type.
    from pledges.viewer.read_model import refresh_organisation

    refresh_organisation(organisation.pk)
    return organisation


def organisation_set_logo(*, organisation: Organisation, logo: ProcessedLogo) -> None:
    """Store a re-encoded logo through the storage API, replacing the old one."""
    store_logo(file=organisation.logo, logo=logo, stem=organisation.slug)


# --- Team ---------------------------------------------------------------------


def _admin_count(organisation: Organisation) -> int:
    return organisation.team.filter(role=TeamMembership.Role.ADMIN).count()


def _lock_team(organisation: Organisation) -> None:
    # Two admins removing each other at once must not leave the team without one.
    list(TeamMembership.objects.select_for_update().filter(organisation=organisation))


def admin_recipients(organisation: Organisation) -> list[emails.Recipient]:
    """The organisation's admins, each in the language they chose for emails."""
    rows = organisation.team.filter(role=TeamMembership.Role.ADMIN).values_list(
        "user__email", "user__preferred_language"
    )
    return [emails.Recipient(address, language) for address, language in rows]


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invitation_create(
    *,
    organisation: Organisation,
    invited_by: User,
    email: str,
    role: str,
    language: str | None = None,
    now: datetime | None = None,
) -> tuple[Invitation, str]:
    """Invite someone by email. Returns the invitation and the token for its link
    (only the token's hash is stored). The email is in the language the
    person chose if they have an account, else in ``language`` (the inviter's
    choice), else the site's."""
    now = now or timezone.now()
    email = email.strip()
    if organisation.team.filter(user__email__iexact=email).exists():
        raise ActionRefusedError(_("This person is already in the team."))
    # Each invitation emails someone outside the portal text the inviter chose.
    reached = ratelimits.consume_all(
        ("invitations-per-organisation", organisation.pk), ("invitations-per-address", email)
    )
    if reached == "invitations-per-organisation":
        raise RateLimitedError(
            _("Your organisation has sent too many invitations in the last hour. Try again later.")
        )
    if reached:
        raise RateLimitedError(
            _("This address has been invited too often today. Try again tomorrow.")
        )
    # A new invitation replaces any earlier open one for the same address.
    organisation.invitations.filter(email__iexact=email, accepted_at__isnull=True).delete()
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        token_hash=token_hash(token),
        invited_by=invited_by,
        created_at=now,
        expires_at=now + INVITATION_VALIDITY,
    )
    account = User.objects.filter(email__iexact=email).first()
    emails.queue(
        "members/invitation",
        [emails.Recipient(email, account.email_language if account else language or "")],
        {
            "organisation": organisation,
            "invited_by": invited_by,
            "role": TeamMembership.Role(invitation.role).label,
            "url": emails.portal_url("members:invitation_accept", token=token),
            "expires_at": invitation.expires_at,
        },
    )
    return invitation, token


def invitation_for_token(token: str, *, now: datetime | None = None) -> Invitation | None:
    """The open, unexpired invitation for this token, or None."""
    now = now or timezone.now()
    return (
        Invitation.objects.select_related("organisation")
        .filter(token_hash=token_hash(token), accepted_at__isnull=True, expires_at__gt=now)
        .first()
    )


@transaction.atomic
def invitation_accept(
    *, invitation: Invitation, user: User, now: datetime | None = None
) -> TeamMembership:
    """Join the team the invitation is for. Only the invited address may accept."""
    now = now or timezone.now()
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None or invitation.expires_at <= now:
        raise ActionRefusedError(_("This invitation has already been used or has expired."))
    if not user_has_verified_email(user, invitation.email):
        raise ActionRefusedError(
            _("This invitation was sent to another email address. Log in with that address.")
        )
    membership, _created = TeamMembership.objects.get_or_create(
        organisation=invitation.organisation, user=user, defaults={"role": invitation.role}
    )
    invitation.accepted_at = now
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    JoinRequest.objects.filter(
        organisation=invitation.organisation, user=user, status=JoinRequest.Status.PENDING
    ).update(status=JoinRequest.Status.ACCEPTED, decided_at=now, decided_by=invitation.invited_by)
    return membership


def user_has_verified_email(user: User, email: str) -> bool:
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists()


@transaction.atomic
def invitation_revoke(*, invitation: Invitation) -> None:
    invitation.delete()


@transaction.atomic
def join_request_create(
    *, organisation: Organisation, user: User, message: str = "", now: datetime | None = None
) -> JoinRequest:
    """Ask to join an organisation's team; its admins are told by email."""
    if organisation.team.filter(user=user).exists():
        raise ActionRefusedError(_("You are already in this organisation’s team."))
    if organisation.join_requests.filter(user=user, status=JoinRequest.Status.PENDING).exists():
        raise ActionRefusedError(_("You have already asked to join this organisation."))
    # Each request emails the organisation's admins a message the requester wrote.
    if ratelimits.consume_all(
        ("join-requests-per-user", user.pk), ("join-requests-per-organisation", organisation.pk)
    ):
        raise RateLimitedError(_("Too many join requests were sent today. Try again tomorrow."))
    join_request = JoinRequest.objects.create(
        organisation=organisation, user=user, message=message, created_at=now or timezone.now()
    )
    emails.queue(
        "members/join_request",
        admin_recipients(organisation),
        {
            "organisation": organisation,
            "requester": user,
            "message": message,
            "url": emails.portal_url("members:team", slug=organisation.slug),
        },
    )
    return join_request


@transaction.atomic
def join_request_decide(
    *, join_request: JoinRequest, decided_by: User, accept: bool, now: datetime | None = None
) -> JoinRequest:
    """Accept (the requester joins as an editor) or refuse a pending join request."""
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.status != JoinRequest.Status.PENDING:
        raise ActionRefusedError(_("This request has already been answered."))
    join_request.status = JoinRequest.Status.ACCEPTED if accept else JoinRequest.Status.REFUSED
    join_request.decided_by = decided_by
    join_request.decided_at = now or timezone.now()
    join_request.save(update_fields=["status", "decided_by", "decided_at"])
    if accept:
        TeamMembership.objects.get_or_create(
            organisation=join_request.organisation,
            user=join_request.user,
            defaults={"role": TeamMembership.Role.EDITOR},
        )
    emails.queue(
        "members/join_request_accepted" if accept else "members/join_request_refused",
        [emails.Recipient.of(join_request.user)],
        {
            "organisation": join_request.organisation,
            "url": emails.portal_url("members:dashboard"),
        },
    )
    return join_request


@transaction.atomic
def team_member_change_role(*, membership: TeamMembership, role: str) -> TeamMembership:
    _lock_team(membership.organisation)
    membership.refresh_from_db()
    if (
        membership.role == TeamMembership.Role.ADMIN
        and role != TeamMembership.Role.ADMIN
        and _admin_count(membership.organisation) == 1
    ):
        raise ActionRefusedError(
            _("An organisation needs at least one administrator: make someone else one first.")
        )
    membership.role = role
    membership.full_clean()
    membership.save(update_fields=["role"])
    return membership


@transaction.atomic
def team_member_remove(*, membership: TeamMembership) -> None:
    """Remove someone from a team (or leave it). The last admin cannot go."""
    _lock_team(membership.organisation)
    membership.refresh_from_db()
    if membership.role == TeamMembership.Role.ADMIN and _admin_count(membership.organisation) == 1:
        raise ActionRefusedError(
            _(
                "The last administrator cannot leave or be removed: hand the organisation "
                "over to someone else first."
            )
        )
    membership.delete()


@transaction.atomic
def organisation_hand_over(
    *, organisation: Organisation, from_user: User, to_membership: TeamMembership, leave: bool
) -> None:
    """Make another team member an admin, then step down to editor or leave."""
    _lock_team(organisation)
    if to_membership.organisation_id != organisation.pk or to_membership.user_id == from_user.pk:
        raise ActionRefusedError(_("Choose another member of this team."))
    to_membership.role = TeamMembership.Role.ADMIN
    to_membership.save(update_fields=["role"])
    own = TeamMembership.objects.get(organisation=organisation, user=from_user)
    if leave:
        own.delete()
    else:
        own.role = TeamMembership.Role.EDITOR
        own.save(update_fields=["role"])
    emails.queue(
        "members/handed_over",
        [emails.Recipient.of(to_membership.user)],
        {
            "organisation": organisation,
            "from_user": from_user,
            "url": emails.portal_url("members:team", slug=organisation.slug),
        },
    )


# --- Coalition membership -------------------------------------------------------


@transaction.atomic
def membership_apply(
    *, organisation: Organisation, user: User, charter: Charter, now: datetime | None = None
) -> MembershipApplication:
    """Endorse a version of the Members Charter and apply to join the Coalition."""
    Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.is_member:
        raise ActionRefusedError(_("This organisation is already a member of the Coalition."))
    if organisation.membership_applications.filter(
        status=MembershipApplication.Status.PENDING
    ).exists():
        raise ActionRefusedError(
            _("This organisation’s application is already awaiting a decision.")
        )
    current = Charter.objects.current()
    if current is None or charter.pk != current.pk:
        raise ActionRefusedError(
            _("The Members Charter has changed: read the current version and endorse it.")
        )
    application = MembershipApplication.objects.create(
        organisation=organisation,
        charter=charter,
        endorsed_by=user,
        endorsed_at=now or timezone.now(),
    )
    emails.queue(
        "members/membership_submitted",
        moderator_recipients(),
        {
            "organisation": organisation,
            "charter": charter,
            "url": emails.portal_url(
                "admin:members_membershipapplication_change", object_id=application.pk
            ),
        },
    )
    return application


@transaction.atomic
def membership_decide(
    *,
    application: MembershipApplication,
    decided_by: User,
    accept: bool,
    reason: str = "",
    now: datetime | None = None,
) -> MembershipApplication:
    """Accept or decline a pending application (a decline needs a reason). The
    organisation's admins are told by email; acceptance makes it a member."""
    now = now or timezone.now()
    application = (
        MembershipApplication.objects.select_for_update()
        .select_related("organisation")
        .get(pk=application.pk)
    )
    if application.status != MembershipApplication.Status.PENDING:
        raise ActionRefusedError(_("This application has already been decided."))
    reason = reason.strip()
    if not accept and not reason:
        raise ValidationError({"reason": _("Give a reason for declining.")})
    application.status = (
        MembershipApplication.Status.ACCEPTED if accept else MembershipApplication.Status.DECLINED
    )
    application.decided_by = decided_by
    application.decided_at = now
    application.reason = reason
    application.full_clean()
    application.save(update_fields=["status", "decided_by", "decided_at", "reason"])
    organisation = application.organisation
    if accept and organisation.member_since is None:
        organisation.member_since = now
        organisation.save(update_fields=["member_since", "updated_at"])
        from coalition.caching import bump_on_commit

        bump_on_commit()  # its pledge pages show the Member badge
    emails.queue(
        "members/membership_accepted" if accept else "members/membership_declined",
        admin_recipients(organisation),
        {
            "organisation": organisation,
            "reason": reason,
            "url": emails.page_url(organisation),
            "apply_url": emails.portal_url("members:membership_apply", slug=organisation.slug),
        },
    )
    return application


# --- Personal data ---------------------------------------------------------------


@dataclass(frozen=True)
class DeletionPlan:
    """What deleting an account does to the organisations the user is the only
    admin of. `hand_over`: others are in the team, one of them must become admin
    first. `ask_staff`: the user is the whole team, but the organisation is public
    (a Coalition member or with public pledges), so staff close or transfer it.
    `delete_with_account`: the user is the whole team and nothing of it is public,
    so the organisation goes with the account."""

    hand_over: list[Organisation]
    ask_staff: list[Organisation]
    delete_with_account: list[Organisation]

    @property
    def refused(self) -> bool:
        return bool(self.hand_over or self.ask_staff)


def organisations_blocking_deletion(user: User) -> list[Organisation]:
    """Organisations the user is the only admin of: deleting the account would
    leave them without one."""
    administered = TeamMembership.objects.filter(user=user, role=TeamMembership.Role.ADMIN).values(
        "organisation"
    )
    return list(
        Organisation.objects.filter(pk__in=administered)
        .annotate(
            admins=Count("team", filter=Q(team__role=TeamMembership.Role.ADMIN)),
            team_size=Count("team"),
        )
        .filter(admins=1)
    )


def account_deletion_plan(user: User) -> DeletionPlan:
    """Sort the organisations that would be left without an admin (see DeletionPlan)."""
    from pledges.models import Pledge

    hand_over, ask_staff, delete_with_account = [], [], []
    for organisation in organisations_blocking_deletion(user):
        if organisation.team_size > 1:
            hand_over.append(organisation)
        elif (
            organisation.is_member
            or Pledge.objects.public()
            .filter(Q(organisation=organisation) | Q(partners=organisation))
            .exists()
        ):
            ask_staff.append(organisation)
        else:
            delete_with_account.append(organisation)
    return DeletionPlan(hand_over, ask_staff, delete_with_account)


def email_task_results_delete(*, addresses: list[str]) -> int:
    """Delete the stored results of the members app's email tasks (they hold the
    recipient's address and the message) sent to these addresses, except one a
    worker is sending right now. Returns how many were deleted."""
    from django.apps import apps

    if not addresses or not apps.is_installed("django_tasks_db"):
        return 0
    from django_tasks_db.models import DBTaskResult

    recipient = Q()
    for address in addresses:
        recipient |= Q(args_kwargs__kwargs__recipient__iexact=address)
    deleted, _rows = (
        DBTaskResult.objects.filter(recipient, task_path=emails.send_email.module_path)
        .exclude(status="RUNNING")
        .delete()
    )
    return deleted


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Delete the account and its personal data, with the organisations that only
    this user is in and nobody else can see (DeletionPlan). Refused while it would
    leave another organisation without an admin."""
    from allauth.account.models import EmailAddress

    plan = account_deletion_plan(user)
    if plan.hand_over:
        raise ActionRefusedError(
            _(
                "You are the only administrator of %(names)s. Hand each organisation over "
                "to a colleague before you delete your account."
            )
            % {"names": ", ".join(o.name for o in plan.hand_over)}
        )
    if plan.ask_staff:
        raise ActionRefusedError(
            _(
                "You are the only member of %(names)s, which the public can see. Ask us to "
                "close it or pass it on before you delete your account."
            )
            % {"names": ", ".join(o.name for o in plan.ask_staff)}
        )
    for organisation in plan.delete_with_account:
        if organisation.logo:
            storage, name = organisation.logo.storage, organisation.logo.name
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
        organisation.delete()  # its team, drafts, applications and invitations with it
    addresses = sorted(
        {user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
    )
    email_task_results_delete(addresses=addresses)
    for address in addresses:
        Invitation.objects.filter(email__iexact=address, accepted_at__isnull=True).delete()
    # Team memberships, join requests and email addresses go with the user (CASCADE).
    # Records that others rely on (pledges, reports, decisions, national items) stay
    # without a link to the person: every foreign key to the user is SET_NULL.
    user.delete()
