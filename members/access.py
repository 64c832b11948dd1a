"""Who may see and change an organisation's private pages: one helper, used by
every view that acts for an organisation. Outsiders get 404, never 403, so ids
and slugs leak nothing."""

from __future__ import annotations

from collections.abc import Iterable

from django.http import Http404

from members.models import Organisation, TeamMembership, User

EDITORS = (TeamMembership.Role.ADMIN, TeamMembership.Role.EDITOR)
ADMINS = (TeamMembership.Role.ADMIN,)


def organisation_for_user(
    user: User, slug: str, *, roles: Iterable[str] = EDITORS
) -> tuple[Organisation, TeamMembership]:
    """The organisation with this slug and the user's place in its team, if the
    user holds one of `roles` in it; Http404 otherwise."""
    if not user.is_authenticated:
        raise Http404
    membership = (
        TeamMembership.objects.select_related("organisation")
        .filter(organisation__slug=slug, user=user, role__in=list(roles))
        .first()
    )
    if membership is None:
        raise Http404
    return membership.organisation, membership
