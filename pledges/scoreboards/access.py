"""Who may see or change a scoreboard: each helper returns it or raises 404."""

from __future__ import annotations

import re

from django.http import Http404

from members.access import organisation_for_user
from members.models import User
from pledges.scoreboards.models import Scoreboard

SHARE_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")


def scoreboard_for_user(user: User, slug: str, pk: int) -> Scoreboard:
    """The scoreboard `pk` of the organisation `slug` if the user is in its team; 404."""
    organisation, _membership = organisation_for_user(user, slug)
    try:
        return Scoreboard.objects.select_related("organisation").get(
            pk=pk, organisation=organisation
        )
    except Scoreboard.DoesNotExist as exc:
        raise Http404 from exc


def scoreboard_for_member(user: User, pk: object) -> Scoreboard:
    """A scoreboard of any organisation the user is in the team of; 404 otherwise."""
    if not user.is_authenticated or not str(pk).isdigit():
        raise Http404
    scoreboard = (
        Scoreboard.objects.select_related("organisation")
        .filter(pk=int(pk), organisation__team__user=user)
        .first()
    )
    if scoreboard is None:
        raise Http404
    return scoreboard


def shared_scoreboard(token: str) -> Scoreboard:
    """The shared scoreboard with this link's token, or 404. A token is URL-safe
    base64 (`new_share_token`); anything else (a NUL byte the database would
    refuse among them) is not looked up."""
    if not SHARE_TOKEN.fullmatch(token):
        raise Http404
    try:
        return Scoreboard.objects.select_related("organisation").get(share_token=token)
    except Scoreboard.DoesNotExist as exc:
        raise Http404 from exc
