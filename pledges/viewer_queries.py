"""The Pledge Viewer's reads: facet counts, totals and one page of results.

Everything is computed in PostgreSQL over the viewer rows (PledgeCard):
- facet counts: for each facet, the number of pledges each option would give
  with every *other* active filter applied. All facets go to the database in
  one statement (a UNION ALL of one GROUP BY per facet), never a query per option;
- totals: the pledge count, per standard indicator the sum of targets and of
  achieved values, and how many pledges have not reported yet, in one query;
- results: one page of rows, only the columns a row shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.postgres.search import SearchRank
from django.db import connection
from django.db.models import Count, F, Q, QuerySet, Sum

from pledges.filters import FACETS, PledgeViewerFilter, Sort, search_query
from pledges.models_viewer import STANDARD_KINDS, PledgeCard

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
class Totals:
    pledges: int
    not_reported: int
    # (kind, target, achieved) for each standard indicator with a target
    indicators: list[tuple[str, int, int]]


def facet_counts(filterset: PledgeViewerFilter) -> dict[str, dict[str, int]]:
    """{facet: {option: pledges}} with every other active filter applied, in one
    database round trip (one GROUP BY per facet)."""
    parts: list[str] = []
    params: list[object] = []
    for index, (facet, (column, is_array)) in enumerate(FACETS.items()):
        queryset = filterset.queryset_without(facet).values(column)
        sql, sql_params = queryset.query.sql_with_params()
        if is_array:
            select = (
                f"SELECT {index} AS f, v::text AS v, count(*) AS n "  # noqa: S608
                f"FROM ({sql}) s CROSS JOIN LATERAL unnest(s.{column}) v GROUP BY v"
            )
        else:
            select = (
                f"SELECT {index} AS f, s.{column}::text AS v, count(*) AS n "  # noqa: S608
                f"FROM ({sql}) s WHERE s.{column} IS NOT NULL GROUP BY s.{column}"
            )
        parts.append(f"({select})")
        params.extend(sql_params)
    names = list(FACETS)
    counts: dict[str, dict[str, int]] = {name: {} for name in names}
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for index, value, n in cursor.fetchall():
            counts[names[index]][value] = n
    return counts


def totals(queryset: QuerySet[PledgeCard]) -> Totals:
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


def ordered(queryset: QuerySet[PledgeCard], *, sort: str, search: str) -> QuerySet[PledgeCard]:
    """The rows in the chosen order; "relevance" ranks the search (newest without one)."""
    if sort == Sort.RELEVANCE:
        query = search_query(search)
        if query is None:
            return queryset.order_by(*Sort.ORDER[Sort.NEWEST])
        return queryset.annotate(rank=SearchRank(F("search_vector"), query)).order_by(
            "-rank", *Sort.ORDER[Sort.NEWEST]
        )
    if sort == Sort.ENDING:
        # Pledges without an end date go last.
        return queryset.order_by(F("end_date").asc(nulls_last=True), "pledge_id")
    return queryset.order_by(*Sort.ORDER.get(sort, Sort.ORDER[Sort.NEWEST]))


def result_page(
    queryset: QuerySet[PledgeCard], *, sort: str, search: str, offset: int, limit: int
) -> list[dict]:
    return list(
        ordered(queryset, sort=sort, search=search).values(*ROW_FIELDS)[offset : offset + limit]
    )
