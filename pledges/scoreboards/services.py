"""Pledge Scoreboards: services (writes) and the queries their pages share.

A scoreboard belongs to an organisation and is private to its team until
shared; a shared scoreboard has a public address with an unguessable token that
its team can revoke (a new share makes a new token).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from members.models import Organisation, TeamMembership, User
from pledges.scoreboards.models import Scoreboard, ScoreboardPledge, new_share_token
from pledges.viewer.filters import FACETS, PledgeViewerFilter, Sort
from pledges.viewer.models import STANDARD_KINDS, PledgeCard

# A live (filter) scoreboard compares at most this many pledges, newest first.
MAX_COMPARED = 200
SHARE_TOKEN = re.compile(r"[A-Za-z0-9_-]{1,64}")
SORTS = {
    "title": ("sort_title", "pledge_id"),
    "organisation": ("organisation_name", "sort_title"),
    "start": ("start_date", "pledge_id"),
    "end": ("end_date", "pledge_id"),
    "reach": ("-target_reach", "pledge_id"),
    "newest": ("-approved_at", "-pledge_id"),
}
SORT_LABELS = {
    "title": _("Title"),
    "organisation": _("Organisation"),
    "start": _("Start"),
    "end": _("End"),
    "reach": _("Target reach"),
    "newest": _("Newest"),
}


# --- access -------------------------------------------------------------------


# --- services -----------------------------------------------------------------


def normalise_query(query: str) -> str:
    """Keep only the viewer's filter parameters, so a saved filter holds nothing else."""
    data = QueryDict(query[:2000])
    keep = {"q", "sort", *FACETS}
    return urlencode([(k, v) for k, vs in data.lists() if k in keep for v in vs if v])


@transaction.atomic
def scoreboard_create(
    *,
    organisation: Organisation,
    user: User | None,
    name: str,
    description: str = "",
    query: str = "",
) -> Scoreboard:
    """A new scoreboard: of chosen pledges, or live on a viewer filter if `query` is set."""
    scoreboard = Scoreboard(
        organisation=organisation,
        created_by=user,
        name=name.strip(),
        description=description.strip(),
        kind=Scoreboard.Kind.FILTER if query else Scoreboard.Kind.SELECTION,
        query=normalise_query(query) if query else "",
    )
    if Scoreboard.objects.filter(organisation=organisation, name__iexact=scoreboard.name).exists():
        raise ValidationError(
            {"name": _("Your organisation already has a scoreboard by this name.")}
        )
    scoreboard.full_clean()
    try:
        with transaction.atomic():
            scoreboard.save()
    except IntegrityError as exc:
        raise ValidationError(
            {"name": _("Your organisation already has a scoreboard by this name.")}
        ) from exc
    return scoreboard


@transaction.atomic
def scoreboard_update(*, scoreboard: Scoreboard, name: str, description: str) -> Scoreboard:
    name = name.strip()
    clash = (
        Scoreboard.objects.filter(organisation=scoreboard.organisation, name__iexact=name)
        .exclude(pk=scoreboard.pk)
        .exists()
    )
    if clash:
        raise ValidationError(
            {"name": _("Your organisation already has a scoreboard by this name.")}
        )
    scoreboard.name, scoreboard.description = name, description.strip()
    scoreboard.full_clean()
    scoreboard.save()
    return scoreboard


@transaction.atomic
def scoreboard_add_pledges(*, scoreboard: Scoreboard, pledge_ids: list[int]) -> int:
    """Add public pledges to a scoreboard of chosen pledges; returns how many were new."""
    public = set(
        PledgeCard.objects.filter(pledge_id__in=pledge_ids).values_list("pledge_id", flat=True)
    )
    present = set(
        scoreboard.entries.filter(pledge_id__in=public).values_list("pledge_id", flat=True)
    )
    new = sorted(public - present)
    ScoreboardPledge.objects.bulk_create(
        [ScoreboardPledge(scoreboard=scoreboard, pledge_id=pk) for pk in new],
        ignore_conflicts=True,
    )
    if new:
        scoreboard.save(update_fields=["updated_at"])
    return len(new)


@transaction.atomic
def scoreboard_remove_pledge(*, scoreboard: Scoreboard, pledge_id: int) -> None:
    scoreboard.entries.filter(pledge_id=pledge_id).delete()


@transaction.atomic
def scoreboard_share(*, scoreboard: Scoreboard, now: datetime) -> str:
    """Give the scoreboard a public address (a new unguessable token)."""
    scoreboard.share_token = new_share_token()
    scoreboard.shared_at = now
    scoreboard.save(update_fields=["share_token", "shared_at", "updated_at"])
    return scoreboard.share_token


@transaction.atomic
def scoreboard_revoke(*, scoreboard: Scoreboard) -> None:
    """Take the public address away; the old link answers 404 from now on."""
    scoreboard.share_token = None
    scoreboard.shared_at = None
    scoreboard.save(update_fields=["share_token", "shared_at", "updated_at"])


@transaction.atomic
def scoreboard_delete(*, scoreboard: Scoreboard) -> None:
    scoreboard.delete()


# --- queries ------------------------------------------------------------------


def scoreboard_choices_for(user: User) -> dict:
    """The user's scoreboards of chosen pledges (to add to) and organisations."""
    organisations = list(
        TeamMembership.objects.filter(user=user)
        .order_by("organisation__name")
        .values_list("organisation__slug", "organisation__name")
    )
    if not organisations:
        return {"scoreboards": [], "organisations": []}
    scoreboards = [
        (pk, f"{organisation} — {name}" if len(organisations) > 1 else name)
        for pk, name, organisation in Scoreboard.objects.filter(
            organisation__team__user=user, kind=Scoreboard.Kind.SELECTION
        )
        .order_by("organisation__name", "name")
        .values_list("pk", "name", "organisation__name")
    ]
    return {"scoreboards": scoreboards, "organisations": organisations}


@dataclass
class Comparison:
    cards: list[PledgeCard]
    kinds: list[tuple[str, str]]  # (kind, column suffix) shown as columns
    totals: dict[str, tuple[int, int | None]]
    truncated: bool


def scoreboard_cards(scoreboard: Scoreboard, *, sort: str) -> Comparison:
    """The public pledges a scoreboard compares, in the chosen order, with per
    indicator totals. Withdrawn pledges drop out (they have no viewer row)."""
    order = SORTS.get(sort)
    if scoreboard.kind == Scoreboard.Kind.FILTER:
        filterset = PledgeViewerFilter(QueryDict(scoreboard.query))
        if not filterset.is_valid():
            return Comparison([], [], {}, False)
        base = filterset.queryset_without(None)
        saved_sort = QueryDict(scoreboard.query).get("sort", "")
        if order is None and saved_sort in Sort.ORDER:
            order = Sort.ORDER[saved_sort]
        ids = list(
            base.order_by("-approved_at", "-pledge_id").values_list("pledge_id", flat=True)[
                : MAX_COMPARED + 1
            ]
        )
        truncated = len(ids) > MAX_COMPARED
        queryset = PledgeCard.objects.filter(pledge_id__in=ids[:MAX_COMPARED])
    else:
        truncated = False
        queryset = PledgeCard.objects.filter(pledge__scoreboard_entries__scoreboard=scoreboard)
    cards = list(
        queryset.annotate(pledge_language=F("pledge__language"))
        .order_by(*(order or SORTS["title"]))
        .defer("search_vector")
    )
    kinds = [
        (kind, suffix)
        for kind, suffix in STANDARD_KINDS
        if any(getattr(card, f"target_{suffix}") for card in cards)
    ]
    totals: dict[str, tuple[int, int | None]] = {}
    for kind, suffix in kinds:
        target = sum(getattr(card, f"target_{suffix}") for card in cards)
        achieved_values = [
            getattr(card, f"achieved_{suffix}")
            for card in cards
            if getattr(card, f"achieved_{suffix}") is not None
        ]
        totals[kind] = (target, sum(achieved_values) if achieved_values else None)
    return Comparison(cards=cards, kinds=kinds, totals=totals, truncated=truncated)
