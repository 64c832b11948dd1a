"""Reads the national pages share."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from itertools import chain

from django.db.models import Count, F, Prefetch, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils.http import urlencode

from coalition.demo import MEMBER_STATES
from members.models import Organisation
from national.models import Feed, Item, Kind, NationalCoalition, published_or_created
from pledges.models import Pledge
from pledges.viewer.filters import PledgeViewerFilter

LATEST_PER_KIND = 3


def active_pledges_filter(country: str) -> dict[str, list[str]]:
    """The Pledge Viewer's parameters for the ongoing pledges in `country`: a
    coalition page counts these and links to the viewer with them."""
    return {"country": [country], "status": [Pledge.Status.APPROVED]}


def viewer_url(country: str) -> str:
    """The Pledge Viewer showing the ongoing pledges in `country`."""
    query = urlencode(active_pledges_filter(country), doseq=True)
    return f"{reverse('pledges:viewer')}?{query}"


def active_pledge_count(country: str) -> int:
    """How many pledges the viewer shows behind `viewer_url(country)`: it runs the
    viewer's own filter over the viewer's rows, so EU-wide pledges (stored under
    'EU') and completed ones are left out exactly as the viewer leaves them out."""
    if country not in MEMBER_STATES:
        return 0  # the viewer would drop an unknown country and show every pledge
    filterset = PledgeViewerFilter(active_pledges_filter(country))
    return filterset.qs.count() if filterset.is_valid() else 0


def coalitions_for_index() -> QuerySet[NationalCoalition]:
    return NationalCoalition.objects.annotate(
        # distinct: the join with feeds would count each item once per feed
        public_items=Count("items", filter=Q(items__state=Item.State.APPROVED), distinct=True),
        active_feeds=Count("feeds", filter=Q(feeds__is_active=True), distinct=True),
    ).order_by("name")


def public_items() -> QuerySet[Item]:
    return Item.objects.public().select_related("coalition")


def upcoming_events(*, today: dt.date, coalition: NationalCoalition | None = None, limit=5):
    items = public_items().upcoming_events(today=today)
    if coalition is not None:
        items = items.filter(coalition=coalition)
    return list(items[:limit])


def latest_by_kind(*, coalition: NationalCoalition) -> dict[str, list[Item]]:
    """The latest few public items of each kind but events, in one query."""
    ranked = (
        Item.objects.public()
        .filter(coalition=coalition)
        .exclude(kind=Kind.EVENT)
        .annotate(
            rank=Window(
                RowNumber(),
                partition_by=[F("kind")],
                order_by=[published_or_created().desc(), F("pk").desc()],
            )
        )
        .filter(rank__lte=LATEST_PER_KIND)
        .order_by("kind", "rank")
    )
    grouped: dict[str, list[Item]] = defaultdict(list)
    for item in ranked:
        grouped[item.kind].append(item)
    return {kind: grouped[kind] for kind in Kind.values if grouped.get(kind)}


def coalition_for_page(slug: str) -> NationalCoalition:
    """The coalition with its partners (and feeds) fetched; raises DoesNotExist."""
    return NationalCoalition.objects.prefetch_related(
        Prefetch("partners", queryset=Organisation.objects.order_by("name")),
        Prefetch("feeds", queryset=Feed.objects.filter(is_active=True)),
    ).get(slug=slug)


def public_pledges_in(country: str) -> QuerySet[Pledge]:
    """Public pledges with an initiative in `country` (EU-wide ones count too), for
    the country's Atom feed; the coalition page counts `active_pledge_count`."""
    return (
        Pledge.objects.public()
        .filter(Q(initiatives__countries__contains=[country]) | Q(initiatives__eu_wide=True))
        .distinct()
    )


def items_per_country() -> dict[str, int]:
    rows = Item.objects.public().values("country").annotate(n=Count("pk")).order_by()
    return {row["country"]: row["n"] for row in rows}


def country_feed_entries(country: str, *, limit: int = 50) -> list[Pledge | Item]:
    """A country's approved pledges and national items, newest first."""
    pledges = list(
        public_pledges_in(country)
        .select_related("organisation")
        .order_by("-approved_at", "-pk")[:limit]
    )
    items = list(
        public_items()
        .filter(country=country)
        .order_by(published_or_created().desc(), "-pk")[:limit]
    )

    def moment(entry):
        if isinstance(entry, Pledge):
            return entry.approved_at or entry.updated_at
        return entry.published_at or entry.created_at

    return sorted(chain(pledges, items), key=moment, reverse=True)[:limit]
