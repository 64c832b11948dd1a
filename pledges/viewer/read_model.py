"""Keeps the Pledge Viewer's rows (`PledgeCard`) true to the pledges.

Call `refresh_pledges(pledge_ids)` after anything that changes what the public
sees of a pledge: approving, changing, completing or withdrawing it, approving
one of its reports, renaming its organisation, a translation of it saved,
deleted, hidden or shown. The search vector holds every version of the pledge,
each text with its language's stemming and word for word
(`pledges.translations.search.document_sql()`). It rebuilds the rows of those
pledges in one SQL statement, removes the rows of pledges that are no longer
public, and (once the transaction commits) invalidates the anonymous viewer
cache and the pages kept for anonymous visitors (`coalition.caching.bump_on_commit()`,
which changes that show on pledge pages only, such as badges, call alone).
`manage.py rebuild_pledge_index` rebuilds every row.

Each pledge whose narrow rows (`PledgeFacets`, `PledgeSearch`) really changed,
came or went gets a `PledgeChange` row in the same transaction: the change log
from which every web process brings its facet index up to date
(`pledges.viewer.facet_index`). The log keeps a day of changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection, transaction
from django.db.models import Q

from coalition.caching import bump_on_commit
from pledges.models import Pledge
from pledges.translations.search import document_sql
from pledges.viewer.models import (
    BREAKDOWN_COLUMNS,
    BREAKDOWN_GROUPS,
    BREAKDOWN_KINDS,
    STANDARD_KINDS,
)

_KIND_COLUMNS = ",\n".join(
    f"target_{suffix}, achieved_{suffix}" for _kind, suffix in STANDARD_KINDS
)
_KIND_AGGREGATES = ",\n".join(
    f"coalesce(sum(ind.target) FILTER (WHERE ind.kind = '{kind}'), 0) AS target_{suffix}, "
    f"sum(rv.achieved) FILTER (WHERE ind.kind = '{kind}') AS achieved_{suffix}"
    for kind, suffix in STANDARD_KINDS
)
# Each breakdown group's sum over the approved values that give it (NULL when none does).
_BREAKDOWN_AGGREGATES = ",\n".join(
    f"sum(rv.{group}) FILTER (WHERE ind.kind = '{kind}') AS {group}_{suffix}"
    for kind, suffix in BREAKDOWN_KINDS
    for group in BREAKDOWN_GROUPS
)
_KIND_SELECT = ",\n".join(
    [f"k.target_{s}, k.achieved_{s}" for _k, s in STANDARD_KINDS]
    + [f"k.{column}" for column in BREAKDOWN_COLUMNS]
)
_REACH = " + ".join(f"k.target_{s}" for k, s in STANDARD_KINDS if k != "new-courses")

_COLUMNS = f"""
    pledge_id, title, sort_title, excerpt, organisation_id, organisation_name,
    organisation_slug, organisation_sector, organisation_type, organisation_country,
    partner_names, status, approved_at, start_date, end_date, start_year,
    pillars, countries, beneficiary_groups, action_types, delivery_modes,
    initiative_count, target_reach, has_reported, targets_reached, last_report_approved_at,
    {_KIND_COLUMNS},
    {", ".join(BREAKDOWN_COLUMNS)},
    search_vector, indexed_at
"""

# One statement builds (or rebuilds) the rows of the public pledges among the
# given ids. `%(all)s` true means every public pledge.
# Built from constants only; every value is a query parameter.
_UPSERT = f"""
INSERT INTO pledges_pledgecard ({_COLUMNS})
SELECT
    p.id, p.title, lower(p.title), left(regexp_replace(p.summary, '\\s+', ' ', 'g'), 300),
    o.id, o.name, o.slug, o.sector, o.type, o.country,
    coalesce(pt.names, ''), p.status, p.approved_at, p.start_date, p.end_date,
    extract(year FROM p.start_date)::smallint,
    coalesce(pil.v, '{{}}'), coalesce(geo.v, '{{}}'), coalesce(grp.v, '{{}}'),
    coalesce(act.v, '{{}}'), coalesce(ini.modes, '{{}}'),
    coalesce(ini.n, 0), {_REACH}, rep.has_reported, k.targets_reached, p.last_report_approved_at,
    {_KIND_SELECT},
    {document_sql(pledge="p", organisation="o", partner_names="pt.names")},
    now()
FROM pledges_pledge p
JOIN members_organisation o ON o.id = p.organisation_id
LEFT JOIN LATERAL (
    SELECT count(*) AS n,
           array_agg(DISTINCT i.delivery_mode ORDER BY i.delivery_mode)
               FILTER (WHERE i.delivery_mode <> '') AS modes
    FROM pledges_initiative i WHERE i.pledge_id = p.id
) ini ON true
LEFT JOIN LATERAL (
    SELECT array_agg(DISTINCT cp.slug ORDER BY cp.slug) AS v
    FROM pledges_initiative i
    JOIN pledges_initiative_pillars ip ON ip.initiative_id = i.id
    JOIN coalition_pillar cp ON cp.id = ip.pillar_id
    WHERE i.pledge_id = p.id
) pil ON true
LEFT JOIN LATERAL (
    SELECT array_agg(DISTINCT x ORDER BY x) AS v FROM (
        SELECT unnest(i.countries) AS x FROM pledges_initiative i WHERE i.pledge_id = p.id
        UNION ALL
        SELECT 'EU' FROM pledges_initiative i WHERE i.pledge_id = p.id AND i.eu_wide
    ) s
) geo ON true
LEFT JOIN LATERAL (
    SELECT array_agg(DISTINCT x ORDER BY x) AS v FROM (
        SELECT unnest(i.beneficiary_groups) AS x FROM pledges_initiative i
        WHERE i.pledge_id = p.id
    ) s
) grp ON true
LEFT JOIN LATERAL (
    SELECT array_agg(DISTINCT x ORDER BY x) AS v FROM (
        SELECT unnest(i.action_types) AS x FROM pledges_initiative i WHERE i.pledge_id = p.id
    ) s
) act ON true
LEFT JOIN LATERAL (
    SELECT string_agg(po.name, ', ' ORDER BY po.name) AS names
    FROM pledges_pledge_partners pp
    JOIN members_organisation po ON po.id = pp.organisation_id
    WHERE pp.pledge_id = p.id
) pt ON true
LEFT JOIN LATERAL (
    SELECT {_KIND_AGGREGATES},
           {_BREAKDOWN_AGGREGATES},
           -- progress.all_targets_reached(): some indicator, and each one reached
           -- (approved values adding up to its target; none reported is not reached).
           coalesce(bool_and(coalesce(rv.achieved >= ind.target, false)), false)
               AS targets_reached
    FROM pledges_initiative i
    JOIN pledges_indicator ind ON ind.initiative_id = i.id
    LEFT JOIN LATERAL (
        SELECT sum(v.value) AS achieved,
               {", ".join(f"sum(v.{group}) AS {group}" for group in BREAKDOWN_GROUPS)}
        FROM pledges_reportedvalue v
        JOIN pledges_progressreport r ON r.id = v.report_id AND r.status = 'approved'
        WHERE v.indicator_id = ind.id
    ) rv ON true
    WHERE i.pledge_id = p.id
) k ON true
LEFT JOIN LATERAL (
    SELECT EXISTS (
        SELECT 1 FROM pledges_progressreport r
        WHERE r.pledge_id = p.id AND r.status = 'approved'
    ) AS has_reported
) rep ON true
WHERE p.status IN ('approved', 'completed') AND p.revision_of_id IS NULL
  AND (%(all)s OR p.id = ANY(%(ids)s))
ON CONFLICT (pledge_id) DO UPDATE SET
    {", ".join(f"{c.strip()} = EXCLUDED.{c.strip()}" for c in _COLUMNS.split(",")[1:])}
"""  # noqa: S608

_FACET_COLUMNS = ", ".join(
    [
        "pledge_id", "pillars", "countries", "beneficiary_groups", "action_types",
        "delivery_modes", "organisation_sector", "organisation_type", "status", "start_year",
        "approved_at", "end_date", "sort_title", "target_reach", "has_reported",
    ]
    + [f"target_{s}, achieved_{s}" for _k, s in STANDARD_KINDS]
    + list(BREAKDOWN_COLUMNS)
)  # fmt: skip
_OPTIONS = """
    ARRAY(SELECT 'pillar:' || x FROM unnest(pillars) x)
    || ARRAY(SELECT 'country:' || x FROM unnest(countries) x)
    || ARRAY(SELECT 'group:' || x FROM unnest(beneficiary_groups) x)
    || ARRAY(SELECT 'action:' || x FROM unnest(action_types) x)
    || ARRAY(SELECT 'delivery:' || x FROM unnest(delivery_modes) x)
    || ARRAY['sector:' || organisation_sector, 'type:' || organisation_type, 'status:' || status]
    || CASE WHEN start_year IS NULL THEN '{}'::varchar[] ELSE ARRAY['year:' || start_year] END
"""
_FACET_UPSERT = f"""
INSERT INTO pledges_pledgefacets ({_FACET_COLUMNS}, options)
SELECT {_FACET_COLUMNS}, {_OPTIONS} FROM pledges_pledgecard
WHERE %(all)s OR pledge_id = ANY(%(ids)s)
ON CONFLICT (pledge_id) DO UPDATE SET
    {", ".join(f"{c.strip()} = EXCLUDED.{c.strip()}" for c in _FACET_COLUMNS.split(",")[1:])},
    options = EXCLUDED.options
WHERE pledges_pledgefacets IS DISTINCT FROM EXCLUDED
"""  # noqa: S608

_DELETE_STALE_FACETS = """
DELETE FROM pledges_pledgefacets f
WHERE (%(all)s OR f.pledge_id = ANY(%(ids)s))
  AND NOT EXISTS (SELECT 1 FROM pledges_pledgecard c WHERE c.pledge_id = f.pledge_id)
"""

_SEARCH_UPSERT = """
INSERT INTO pledges_pledgesearch (pledge_id, search_vector)
SELECT pledge_id, search_vector FROM pledges_pledgecard
WHERE (%(all)s OR pledge_id = ANY(%(ids)s)) AND search_vector IS NOT NULL
ON CONFLICT (pledge_id) DO UPDATE SET search_vector = EXCLUDED.search_vector
WHERE pledges_pledgesearch.search_vector IS DISTINCT FROM EXCLUDED.search_vector
"""

_DELETE_STALE_SEARCH = """
DELETE FROM pledges_pledgesearch s
WHERE (%(all)s OR s.pledge_id = ANY(%(ids)s))
  AND NOT EXISTS (SELECT 1 FROM pledges_pledgecard c WHERE c.pledge_id = s.pledge_id)
"""

_DELETE_STALE = """
DELETE FROM pledges_pledgecard c
WHERE (%(all)s OR c.pledge_id = ANY(%(ids)s))
  AND NOT EXISTS (
    SELECT 1 FROM pledges_pledge p
    WHERE p.id = c.pledge_id AND p.status IN ('approved', 'completed')
      AND p.revision_of_id IS NULL
  )
"""


# The pledges a statement wrote or deleted go to the change log (an upsert that
# finds its row unchanged writes nothing, so a rebuild of unchanged rows logs none).
def _logged(statement: str) -> str:
    return (
        f"WITH changed AS ({statement} RETURNING pledge_id) "  # noqa: S608 (constants)
        "INSERT INTO pledges_pledgechange (pledge_id) SELECT DISTINCT pledge_id FROM changed"
    )


_PRUNE_LOG = "DELETE FROM pledges_pledgechange WHERE changed_at < now() - interval '1 day'"


def refresh_pledges(pledge_ids: Iterable[int]) -> None:
    """Rebuild the viewer rows of these pledges (and drop the rows of those that
    are no longer public), then invalidate the anonymous viewer cache on commit."""
    ids = sorted({int(pk) for pk in pledge_ids})
    if not ids:
        return
    _run(ids=ids, everything=False)


def rebuild_all() -> int:
    """Rebuild every row; returns how many public pledges the viewer now holds."""
    _run(ids=[], everything=True)
    from pledges.viewer.models import PledgeCard

    return PledgeCard.objects.count()


def refresh_organisation(organisation_id: int) -> None:
    """Rebuild the rows of the public pledges an organisation owns or is a partner
    of (after a rename, say), and invalidate the cached pages even if there are none."""
    refresh_pledges(
        Pledge.objects.public()
        .filter(Q(organisation_id=organisation_id) | Q(partners=organisation_id))
        .values_list("pk", flat=True)
        .distinct()
    )
    bump_on_commit()


def _run(*, ids: list[int], everything: bool) -> None:
    params = {"ids": ids, "all": everything}
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(_DELETE_STALE, params)
        cursor.execute(_UPSERT, params)
        cursor.execute(_logged(_DELETE_STALE_FACETS), params)
        cursor.execute(_logged(_FACET_UPSERT), params)
        cursor.execute(_logged(_DELETE_STALE_SEARCH), params)
        cursor.execute(_logged(_SEARCH_UPSERT), params)
        cursor.execute(_PRUNE_LOG)
        bump_on_commit()
