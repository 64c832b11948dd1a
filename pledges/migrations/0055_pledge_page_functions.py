"""Two PL/pgSQL functions: a pledge page's whole content in one statement, and an
organisation's earned badges.

Why functions: the page used to take ten round trips (the pledge, partners,
initiatives, pillars, indicators, approved values, reports, reported values,
badges, and the navigation's pillars), more than half of the page's time, most
of it spent planning statements that take far less time to run. One statement is one round trip,
and PL/pgSQL keeps each statement's plan for the connection's life (the portal
keeps connections, CONN_MAX_AGE), so it is planned once instead of every time.

What they answer, and the rules behind them, are documented where they are
called: pledges/queries.py (pledge_page_content) and pledges/badges.py. A
change to either needs a new migration with CREATE OR REPLACE.
"""

from django.db import migrations

BADGES = """
CREATE OR REPLACE FUNCTION pledges_badges(
    p_organisation bigint, p_public text[], p_approved text, p_since timestamptz
) RETURNS TABLE (pledger boolean, reporter boolean, achiever boolean)
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY SELECT
    EXISTS (
      SELECT 1 FROM pledges_pledge p
      WHERE p.organisation_id = p_organisation AND p.revision_of_id IS NULL
        AND (p.approved_at IS NOT NULL OR p.status = ANY(p_public))
    ),
    EXISTS (
      SELECT 1 FROM pledges_pledge p
      JOIN pledges_progressreport r ON r.pledge_id = p.id
      WHERE p.organisation_id = p_organisation AND p.revision_of_id IS NULL
        AND r.status = p_approved AND r.decided_at >= p_since
    ),
    EXISTS (
      SELECT 1 FROM pledges_pledge p
      WHERE p.organisation_id = p_organisation AND p.status = ANY(p_public)
        AND p.revision_of_id IS NULL
        -- Every target is above 0: a pledge with no approved report has reached
        -- none. This cheap test spares the sums below most pledges.
        AND EXISTS (
          SELECT 1 FROM pledges_progressreport r
          WHERE r.pledge_id = p.id AND r.status = p_approved
        )
        AND EXISTS (
          SELECT 1 FROM pledges_initiative i
          JOIN pledges_indicator ind ON ind.initiative_id = i.id
          WHERE i.pledge_id = p.id
        )
        AND NOT EXISTS (
          SELECT 1 FROM pledges_initiative i
          JOIN pledges_indicator ind ON ind.initiative_id = i.id
          WHERE i.pledge_id = p.id
            AND ind.target > coalesce((
              SELECT sum(v.value) FROM pledges_reportedvalue v
              JOIN pledges_progressreport r ON r.id = v.report_id AND r.status = p_approved
              WHERE v.indicator_id = ind.id
            ), 0)
        )
    );
END
$$;
"""

PAGE = """
CREATE OR REPLACE FUNCTION pledges_page(
    p_pledge bigint, p_public text[], p_approved text, p_since timestamptz
) RETURNS json
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (
    SELECT json_build_object(
      'pledge', to_json(p),
      'organisation', to_json(o),
      'revision_of', (SELECT to_json(rv) FROM pledges_pledge rv WHERE rv.id = p.revision_of_id),
      'badges', (SELECT to_json(b) FROM pledges_badges(o.id, p_public, p_approved, p_since) b),
      'pillars', (
        SELECT coalesce(json_agg(to_json(pl) ORDER BY pl.position, pl.id), '[]')
        FROM coalition_pillar pl
      ),
      'partners', (
        SELECT coalesce(json_agg(to_json(po) ORDER BY po.name, po.id), '[]')
        FROM pledges_pledge_partners pp
        JOIN members_organisation po ON po.id = pp.organisation_id
        WHERE pp.pledge_id = p.id
      ),
      'initiatives', (
        SELECT coalesce(json_agg(json_build_object(
          'row', to_json(i),
          'pillar_ids', (
            SELECT coalesce(json_agg(ip.pillar_id), '[]')
            FROM pledges_initiative_pillars ip WHERE ip.initiative_id = i.id
          ),
          'indicators', (
            SELECT coalesce(json_agg(json_build_object(
              'row', to_json(ind),
              'approved_values', (
                SELECT coalesce(json_agg(to_json(v) ORDER BY v.id), '[]')
                FROM pledges_reportedvalue v
                JOIN pledges_progressreport r ON r.id = v.report_id AND r.status = p_approved
                WHERE v.indicator_id = ind.id
              )
            ) ORDER BY ind.id), '[]')
            FROM pledges_indicator ind WHERE ind.initiative_id = i.id
          )
        ) ORDER BY i.position, i.id), '[]')
        FROM pledges_initiative i WHERE i.pledge_id = p.id
      ),
      'reports', (
        SELECT coalesce(json_agg(json_build_object(
          'row', to_json(r),
          'values', (
            SELECT coalesce(json_agg(to_json(v) ORDER BY vi.position, v.indicator_id), '[]')
            FROM pledges_reportedvalue v
            JOIN pledges_indicator vind ON vind.id = v.indicator_id
            JOIN pledges_initiative vi ON vi.id = vind.initiative_id
            WHERE v.report_id = r.id
          )
        ) ORDER BY r.period_end DESC, r.id DESC), '[]')
        FROM pledges_progressreport r WHERE r.pledge_id = p.id
      )
    )
    FROM pledges_pledge p
    JOIN members_organisation o ON o.id = p.organisation_id
    WHERE p.id = p_pledge
  );
END
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0054_viewer_search_table"),
        ("members", "0001_initial"),
        ("coalition", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            BADGES,
            reverse_sql="DROP FUNCTION IF EXISTS pledges_badges(bigint, text[], text, timestamptz);",
        ),
        migrations.RunSQL(
            PAGE,
            reverse_sql="DROP FUNCTION IF EXISTS pledges_page(bigint, text[], text, timestamptz);",
        ),
    ]
