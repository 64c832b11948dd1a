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
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, F, OuterRef, Q, QuerySet, Subquery, Sum
from django.http import QueryDict

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


def facet_counts(filterset: PledgeViewerFilter, *, generation: str) -> dict[str, dict[str, int]]:
    """{facet: {option: pledges}} with every other active filter applied, in one
    database round trip. A facet whose "other filters" are none (no search, no
    other facet chosen) takes the whole-viewer counts, computed once per index
    generation (see `global_stats`)."""
    active = set(filterset.active())
    if filterset.search_text():
        return _facet_counts(filterset, list(FACETS))
    unfiltered = [name for name in FACETS if active <= {name}]
    counts = _facet_counts(filterset, [name for name in FACETS if name not in unfiltered])
    if unfiltered:
        whole = global_stats(generation)[0]
        counts.update({name: whole[name] for name in unfiltered})
    return counts


_GLOBAL: dict[str, tuple[dict[str, dict[str, int]], Totals]] = {}


def global_stats(generation: str) -> tuple[dict[str, dict[str, int]], Totals]:
    """Facet counts and totals of every public pledge, for this index generation:
    from this process's memory, else the shared cache, else the database."""
    stats = _GLOBAL.get(generation)
    if stats is not None:
        return stats
    key = f"pledges:viewer:global:{generation}"
    stats = cache.get(key)
    if stats is None:
        everything = PledgeViewerFilter(QueryDict())
        everything.is_valid()
        stats = (
            _facet_counts(everything, list(FACETS)),
            totals(everything.queryset_without(None)),
        )
        cache.set(key, stats, 24 * 3600)
    _GLOBAL.clear()
    _GLOBAL[generation] = stats
    return stats


def _facet_counts(filterset: PledgeViewerFilter, facets: list[str]) -> dict[str, dict[str, int]]:
    """Counts for `facets`. Those without a chosen option share the same rows
    (every filter applies): one unnest of the combined `options` array and one
    GROUP BY count them all. Each facet with a chosen option gets its own GROUP
    BY without its own filter."""
    counts: dict[str, dict[str, int]] = {name: {} for name in FACETS}
    if not facets:
        return counts
    active = set(filterset.active())
    shared = [name for name in facets if name not in active]
    parts: list[str] = []
    params: list[object] = []
    if shared:
        sql, sql_params = filterset.queryset_without(None).values("options").query.sql_with_params()
        parts.append(
            "(SELECT -1 AS f, o::text AS v, count(*) AS n "  # noqa: S608
            f"FROM ({sql}) s CROSS JOIN LATERAL unnest(s.options) o GROUP BY o)"
        )
        params.extend(sql_params)
    for index, (facet, (column, is_array)) in enumerate(FACETS.items()):
        if facet not in facets or facet not in active:
            continue
        sql, sql_params = filterset.queryset_without(facet).values(column).query.sql_with_params()
        params.extend(sql_params)
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
    names = list(FACETS)
    wanted = set(shared)
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        for index, value, n in cursor.fetchall():
            if index >= 0:
                counts[names[index]][value] = n
                continue
            facet, _sep, option = value.partition(":")
            if facet in wanted:
                counts[facet][option] = n
    return counts


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
            PledgeCard.objects.filter(pledge_id=OuterRef("pledge_id"))
            .annotate(rank=SearchRank(F("search_vector"), query))
            .values("rank")
        )
        return queryset.annotate(rank=Subquery(rank)).order_by("-rank", *Sort.ORDER[Sort.NEWEST])
    if sort == Sort.ENDING:
        # Pledges without an end date go last.
        return queryset.order_by(F("end_date").asc(nulls_last=True), "pledge_id")
    return queryset.order_by(*Sort.ORDER.get(sort, Sort.ORDER[Sort.NEWEST]))


def result_page(
    queryset: QuerySet, *, sort: str, search: str, offset: int, limit: int
) -> list[dict]:
    """One page of rows: the ids in order from the narrow table, then their
    displayed columns from PledgeCard (two small queries)."""
    ids = list(
        ordered(queryset, sort=sort, search=search).values_list("pledge_id", flat=True)[
            offset : offset + limit
        ]
    )
    rows = {
        row["pledge_id"]: row for row in PledgeCard.objects.filter(pk__in=ids).values(*ROW_FIELDS)
    }
    return [rows[pk] for pk in ids if pk in rows]
