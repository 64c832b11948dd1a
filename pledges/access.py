"""Who may see and change a pledge: one helper per object type, used by every
editor view. Outsiders get 404, never 403."""

from __future__ import annotations

from django.http import Http404

from members.access import EDITORS, organisation_for_user
from members.models import Organisation, TeamMembership, User
from pledges.models import Pledge, ProgressReport


def pledge_for_editor(
    user: User, slug: str, pk: int
) -> tuple[Pledge, Organisation, TeamMembership]:
    """The pledge (or revision) of the organisation with this slug, if the user
    is one of its editors or admins; Http404 otherwise."""
    organisation, membership = organisation_for_user(user, slug, roles=EDITORS)
    pledge = (
        Pledge.objects.select_related("organisation", "revision_of")
        .filter(pk=pk, organisation=organisation)
        .first()
    )
    if pledge is None:
        raise Http404
    pledge.organisation = organisation
    return pledge, organisation, membership


def report_for_editor(user: User, slug: str, pk: int, report_pk: int):
    pledge, organisation, _membership = pledge_for_editor(user, slug, pk)
    report = ProgressReport.objects.filter(pk=report_pk, pledge=pledge).first()
    if report is None:
        raise Http404
    return report, pledge, organisation


def is_team(user: User, pledge: Pledge) -> bool:
    """The user is in the team of the organisation that owns the pledge."""
    if not user.is_authenticated:
        return False
    return pledge.organisation.team.filter(user=user).exists()


def is_moderator(user: User) -> bool:
    """Staff who moderate pledges: they, and the owning team (``is_team``), may
    look at a pledge before it is public."""
    return user.is_staff and user.has_perm("pledges.view_pledge")
