"""The API's reads, each a fixed number of queries whatever the number of rows.

Lists of pledges go through the Pledge Viewer (``pledges.viewer.queries``): its
filters, search, sorting and bitmap index; a page then reads its rows from the
viewer's table (``PledgeCard``), the same rows the CSV and JSON downloads read.
"""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from members.models import Organisation
from national.models import Item, NationalCoalition, published_or_created
from pledges import progress
from pledges.models import Pledge, ProgressReport, ReportedValue
from pledges.viewer.models import BREAKDOWN_COLUMNS, STANDARD_KINDS, PledgeCard

# PledgeCard's columns that a pledge in a list shows (the downloads' columns).
CARD_FIELDS = (
    "pledge_id",
    "title",
    "organisation_id",
    "organisation_name",
    "organisation_slug",
    "organisation_sector",
    "organisation_type",
    "organisation_country",
    "partner_names",
    "status",
    "approved_at",
    "start_date",
    "end_date",
    "pillars",
    "countries",
    "beneficiary_groups",
    "action_types",
    "delivery_modes",
    "initiative_count",
    "target_reach",
    "has_reported",
    *(f"{part}_{suffix}" for _kind, suffix in STANDARD_KINDS for part in ("target", "achieved")),
    *BREAKDOWN_COLUMNS,
)


def pledge_cards(ids: list[int]) -> list[dict]:
    """The list columns of these public pledges, in the order of `ids` (one query)."""
    rows = {
        row["pledge_id"]: row for row in PledgeCard.objects.filter(pk__in=ids).values(*CARD_FIELDS)
    }
    return [rows[pk] for pk in ids if pk in rows]


def public_pledge(pk: int) -> Pledge | None:
    """A public pledge with everything its API record shows: organisation,
    partners, initiatives with pillars and indicators with their approved values,
    approved reports with their values (eight queries)."""
    reports = ProgressReport.objects.filter(status=ProgressReport.Status.APPROVED).order_by(
        "-period_end", "-pk"
    )
    return (
        Pledge.objects.public()
        .select_related("organisation")
        .prefetch_related(
            Prefetch("partners", queryset=Organisation.objects.order_by("name", "pk")),
            *progress.pledge_prefetches(),
            Prefetch("reports", queryset=reports),
            Prefetch("reports__values", queryset=ReportedValue.objects.order_by("pk")),
        )
        .filter(pk=pk)
        .first()
    )


def organisations(
    *, countries: list[str], sectors: list[str], types: list[str], member: bool | None
) -> QuerySet[Organisation]:
    """Organisations in the order they registered (by id)."""
    queryset = Organisation.objects.all()
    if countries:
        queryset = queryset.filter(country__in=countries)
    if sectors:
        queryset = queryset.filter(sector__in=sectors)
    if types:
        queryset = queryset.filter(type__in=types)
    if member is not None:
        queryset = queryset.filter(member_since__isnull=not member)
    return queryset.order_by("pk")


def with_public_pledges(rows: list[Organisation]) -> list[Organisation]:
    """Give each organisation of a page ``public_pledges``, its number of public
    pledges, in one query for the page's organisations only (a count in the
    page's own query is computed for every row an OFFSET skips)."""
    counts = dict(
        Pledge.objects.public()
        .filter(organisation__in=[row.pk for row in rows])
        .order_by()
        .values_list("organisation")
        .annotate(n=Count("pk"))
    )
    for row in rows:
        row.public_pledges = counts.get(row.pk, 0)
    return rows


def organisation(pk: int) -> Organisation | None:
    """An organisation with its public pledges, newest first (two queries)."""
    pledges = (
        Pledge.objects.public().order_by("-approved_at", "-pk").only("pk", "title", "organisation")
    )
    found = (
        Organisation.objects.prefetch_related(
            Prefetch("pledges", queryset=pledges, to_attr="public_pledge_list")
        )
        .filter(pk=pk)
        .first()
    )
    if found is not None:
        found.public_pledges = len(found.public_pledge_list)
    return found


def coalitions() -> QuerySet[NationalCoalition]:
    """Every national coalition by country, with its partners and its number of
    published items (two queries)."""
    return (
        NationalCoalition.objects.annotate(
            content=Count("items", filter=Q(items__state=Item.State.APPROVED))
        )
        .prefetch_related(
            Prefetch("partners", queryset=Organisation.objects.order_by("name", "pk"))
        )
        .order_by("country")
    )


def items(*, countries: list[str], kinds: list[str], languages: list[str]) -> QuerySet[Item]:
    """Published national content, newest first (as the content pages sort it)."""
    queryset = Item.objects.public().select_related("coalition")
    if countries:
        queryset = queryset.filter(country__in=countries)
    if kinds:
        queryset = queryset.filter(kind__in=kinds)
    if languages:
        queryset = queryset.filter(language__in=languages)
    return queryset.order_by(published_or_created().desc(), "-pk")
