"""Badges follow from data, never set by hand.

- member: the organisation's Coalition membership was accepted;
- pledger: one of its pledges was approved once, a milestone that stays when the
  pledge is later completed or withdrawn (``approved_at`` is set by the first
  approval and never cleared);
- reporter: one of its progress reports was approved in the last 12 months
  (reports are only taken on approved pledges; a later withdrawal does not undo
  the approval);
- achiever: every target of one of its public pledges (approved or completed) is
  reached, which anyone can check on the pledge's page (read from the Pledge
  Viewer's row of the pledge, rebuilt whenever the pledge or its reports change).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import connection
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from members.models import Organisation
from pledges.models import Pledge, ProgressReport


@dataclass(frozen=True)
class Badge:
    slug: str
    name: str | Promise
    description: str | Promise


MEMBER = Badge(
    "member", _("Coalition member"), _("A member of the Digital Skills and Jobs Coalition.")
)
PLEDGER = Badge("pledger", _("Pledger"), _("Had its first pledge approved."))
REPORTER = Badge("reporter", _("Reporter"), _("Had a progress report approved this year."))
ACHIEVER = Badge("achiever", _("Achiever"), _("Reached every target of a pledge."))
ALL = (MEMBER, PLEDGER, REPORTER, ACHIEVER)

REPORTER_WINDOW = datetime.timedelta(days=365)


# One statement, with the statuses as parameters. Pledger: a pledge (not a
# revision) approved once, whatever its status now (a public one counts too, for
# rows from before approved_at was kept). Reporter: an approved report on one of
# its pledges, decided since the window's start. Achiever: a Pledge Viewer row
# (PledgeCard: public pledges only) with targets_reached, which the viewer's
# rebuild computes by the rule of progress.all_targets_reached() whenever a
# pledge or its reports change (pledges.viewer.read_model.refresh_pledges),
# instead of adding up every indicator's approved values here. Plain SQL rather
# than the ORM: the page runs it on every visit, and building three EXISTS
# subqueries through the ORM cost more than running them.
_EARNED = """
SELECT
  EXISTS (
    SELECT 1 FROM pledges_pledge p
    WHERE p.organisation_id = %(organisation)s AND p.revision_of_id IS NULL
      AND (p.approved_at IS NOT NULL OR p.status = ANY(%(public)s))
  ),
  EXISTS (
    SELECT 1 FROM pledges_progressreport r
    JOIN pledges_pledge p ON p.id = r.pledge_id
    WHERE p.organisation_id = %(organisation)s AND p.revision_of_id IS NULL
      AND r.status = %(approved)s AND r.decided_at >= %(since)s
  ),
  EXISTS (
    SELECT 1 FROM pledges_pledgecard c
    WHERE c.organisation_id = %(organisation)s AND c.targets_reached
  )
"""


def organisation_badges(
    organisation: Organisation, *, now: datetime.datetime | None = None
) -> list[Badge]:
    """The badges the organisation has earned today, in order (one query)."""
    now = now or timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            _EARNED,
            {
                "organisation": organisation.pk,
                "public": list(Pledge.PUBLIC_STATUSES),
                "approved": ProgressReport.Status.APPROVED,
                "since": now - REPORTER_WINDOW,
            },
        )
        pledger, reporter, achiever = cursor.fetchone()
    has = (organisation.member_since is not None, pledger, reporter, achiever)
    return [badge for badge, yes in zip(ALL, has, strict=True) if yes]
