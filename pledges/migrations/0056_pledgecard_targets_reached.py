"""The viewer row says whether all of a public pledge's targets are reached, and
the Achiever badge reads that instead of adding up every indicator's approved
values of every pledge of the organisation.

Why: pledges_badges() runs on every pledge page, and its Achiever test was about
half of the page's database work (sums over each pledge's indicators and
reports). The viewer row (PledgeCard) is rebuilt whenever a pledge or its
reports change (pledges.viewer.read_model.refresh_pledges), holds only public
pledges, which is what the badge counts, and now carries ``targets_reached``
computed by the same rule as pledges.progress.all_targets_reached().
"""

import importlib

from django.db import migrations, models

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
    -- Viewer rows exist for public pledges only (approved or completed, not
    -- revisions): the index pledgecard_achiever holds those with every target
    -- reached.
    EXISTS (
      SELECT 1 FROM pledges_pledgecard c
      WHERE c.organisation_id = p_organisation AND c.targets_reached
    );
END
$$;
"""

# The viewer rows already there, by the rule the rebuild uses (search_index._UPSERT).
FILL = """
UPDATE pledges_pledgecard c SET targets_reached = k.reached
FROM (
  SELECT i.pledge_id,
         bool_and(coalesce((
           SELECT sum(v.value) FROM pledges_reportedvalue v
           JOIN pledges_progressreport r ON r.id = v.report_id AND r.status = 'approved'
           WHERE v.indicator_id = ind.id
         ) >= ind.target, false)) AS reached
  FROM pledges_initiative i
  JOIN pledges_indicator ind ON ind.initiative_id = i.id
  GROUP BY i.pledge_id
) k
WHERE k.pledge_id = c.pledge_id AND k.reached
"""


def previous_badges() -> str:
    return importlib.import_module("pledges.migrations.0055_pledge_page_functions").BADGES


class Migration(migrations.Migration):
    dependencies = [
        ("pledges", "0055_pledge_page_functions"),
    ]

    operations = [
        migrations.AddField(
            model_name="pledgecard",
            name="targets_reached",
            field=models.BooleanField(default=False, verbose_name="all targets reached"),
        ),
        migrations.AddIndex(
            model_name="pledgecard",
            index=models.Index(
                condition=models.Q(("targets_reached", True)),
                fields=["organisation"],
                name="pledgecard_achiever",
            ),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
        migrations.RunSQL(BADGES, reverse_sql=previous_badges()),
    ]
