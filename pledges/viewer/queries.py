"""The Pledge Viewer's reads: facet counts, totals and one page of results.

- `select()` turns a valid filterset into a `Selection`: the search (if any) is
  one full-text query over PledgeCard's GIN index; the facet filters, the facet
  counts (each option's count with every *other* active filter applied) and the
  totals (pledges, not yet reported, per standard indicator the sum of targets
  and achieved values) come from the bitmap index of the current viewer
  generation (`pledges.viewer.facet_index`), with no query per page at all.
- `result_page()` gives one page of rows: the ids in order from the index (or,
  for a ranked search or a deep page of a big result, from SQL over the narrow
  PledgeFacets table), then only the displayed columns from PledgeCard.
- `totals()` is the same totals in one SQL aggregate over any queryset of viewer
  rows (an organisation's pledges, say).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Sum

from pledges.viewer import facet_index
from pledges.viewer.facet_index import Totals
from pledges.viewer.filters import PledgeViewerFilter, Sort, search_query
from pledges.viewer.models import STANDARD_KINDS, PledgeCard, PledgeSearch

__all__ = ["Selection", "Totals", "ordered", "result_page", "select", "totals"]

ROW_FIELDS = (
    "pledge_id",
    "title",
    "excerpt",
    "organisation_name",
    "organisation_slug",
    "status",
    "start_date",
    "end_date",
    "pillars",
    "countries",
    "target_reach",
    "has_reported",
)


@dataclass(frozen=True)
class Selection:
    """The pledges a viewer request selects, as a bitmap of the generation's index."""

    index: facet_index.FacetIndex
    active: dict[str, list[str]]
    # the search's matches (-1: no search), and every filter applied within them
    base: int
    mask: int
    # with a search ranked by relevance: every match, best first
    ranked: list[int] | None = None

    def totals(self) -> Totals:
        return self.index.totals(self.mask)

    def facet_counts(self) -> dict[str, dict[str, int]]:
        """{facet: {option: pledges}} with every other active filter (and the search) applied."""
        return self.index.facet_counts(self.active, base=self.base)


def select(filterset: PledgeViewerFilter, *, generation: str, ranked: bool = False) -> Selection:
    """The valid filterset's selection: the search (if any) in one query (its
    matches best first when `ranked`), the facet filters from the bitmap index."""
    index = facet_index.for_generation(generation)
    base, order = -1, None
    query = search_query(filterset.search_text())
    if query is not None:
        matches = PledgeSearch.objects.filter(search_vector=query)
        if ranked:
            # Equal ranks: the latest pledge first (ids grow with time).
            matches = matches.annotate(rank=SearchRank(F("search_vector"), query)).order_by(
                "-rank", "-pledge_id"
            )
        order = _ids(matches.values_list("pledge_id", flat=True))
        base = index.ids_mask(order)
        if not ranked:
            order = None
    active = filterset.active()
    return Selection(
        index=index, active=active, base=base, mask=index.mask(active, base=base), ranked=order
    )


def _ids(queryset: QuerySet) -> list[int]:
    """The ids a one-column queryset gives, without a model layer per row (a
    common word matches most of the 100,000 pledges)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [pk for (pk,) in cursor.fetchall()]


def totals(queryset: QuerySet) -> Totals:
    """Count, not-yet-reported count and per-indicator sums, in one query."""
    aggregates: dict[str, object] = {
        "pledges": Count("pk"),
        "not_reported": Count("pk", filter=Q(has_reported=False)),
    }
    for _kind, suffix in STANDARD_KINDS:
        aggregates[f"t_{suffix}"] = Sum(f"target_{suffix}")
        aggregates[f"a_{suffix}"] = Sum(f"achieved_{suffix}")
    row = queryset.order_by().aggregate(**aggregates)
    indicators = [
        (kind, row[f"t_{suffix}"] or 0, row[f"a_{suffix}"] or 0)
        for kind, suffix in STANDARD_KINDS
        if row[f"t_{suffix}"]
    ]
    return Totals(pledges=row["pledges"], not_reported=row["not_reported"], indicators=indicators)


def ordered(queryset: QuerySet, *, sort: str, search: str) -> QuerySet:
    """The rows in the chosen order; "relevance" ranks the search (newest without one)."""
    if sort == Sort.RELEVANCE:
        query = search_query(search)
        if query is None:
            return queryset.order_by(*Sort.ORDER[Sort.NEWEST])
        rank = (
            PledgeSearch.objects.filter(pledge_id=OuterRef("pledge_id"))
            .annotate(rank=SearchRank(F("search_vector"), query))
            .values("rank")
        )
        return queryset.annotate(rank=Subquery(rank)).order_by("-rank", *Sort.ORDER[Sort.NEWEST])
    if sort == Sort.ENDING:
        # Pledges without an end date go last.
        return queryset.order_by(F("end_date").asc(nulls_last=True), "pledge_id")
    return queryset.order_by(*Sort.ORDER.get(sort, Sort.ORDER[Sort.NEWEST]))


def result_page(
    queryset: QuerySet | Callable[[], QuerySet],
    *,
    sort: str,
    search: str,
    offset: int,
    limit: int,
    selection: Selection | None = None,
) -> list[dict]:
    """One page of rows: the ids in order (from the selection's index when it
    keeps that order cheaply, else from SQL over the narrow table), then their
    displayed columns from PledgeCard. `queryset` may be a function that makes
    it: building the filtered queryset costs as much as the index's page."""
    ids = None
    if selection is not None and selection.ranked is not None and sort == Sort.RELEVANCE:
        ids = selection.index.walk(selection.ranked, selection.mask, offset=offset, limit=limit)
    elif selection is not None and sort != Sort.RELEVANCE:
        ids = selection.index.page(selection.mask, sort=sort, offset=offset, limit=limit)
    if ids is None:
        if callable(queryset):
            queryset = queryset()
        ids = list(
            ordered(queryset, sort=sort, search=search).values_list("pledge_id", flat=True)[
                offset : offset + limit
            ]
        )
    if not ids:
        return []
    rows = {
        row["pledge_id"]: row for row in PledgeCard.objects.filter(pk__in=ids).values(*ROW_FIELDS)
    }
    return [rows[pk] for pk in ids if pk in rows]
