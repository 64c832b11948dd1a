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


# The three tests as SQL booleans, for the organisation whose id is the SQL
# expression put in for {organisation} (a parameter here, a column in the
# public pledge page's statement, pledges.page_content), with the statuses as
# parameters (``parameters()``). Pledger: a pledge (not a revision) approved
# once, whatever its status now (a public one counts too, for rows from before
# approved_at was kept). Reporter: an approved report on one of its pledges,
# decided since the window's start. Achiever: a Pledge Viewer row (PledgeCard:
# public pledges only) with targets_reached, which the viewer's rebuild computes
# by the rule of progress.all_targets_reached() whenever a pledge or its reports
# change (pledges.viewer.read_model.refresh_pledges), instead of adding up every
# indicator's approved values here. Plain SQL rather than the ORM: pages run it
# on every visit, and building three EXISTS subqueries through the ORM cost
# more than running them.
EARNED = """
  EXISTS (
    SELECT 1 FROM pledges_pledge bp
    WHERE bp.organisation_id = {organisation} AND bp.revision_of_id IS NULL
      AND (bp.approved_at IS NOT NULL OR bp.status = ANY(%(badge_public)s))
  ),
  EXISTS (
    SELECT 1 FROM pledges_progressreport br
    JOIN pledges_pledge bp ON bp.id = br.pledge_id
    WHERE bp.organisation_id = {organisation} AND bp.revision_of_id IS NULL
      AND br.status = %(approved)s AND br.decided_at >= %(badge_since)s
  ),
  EXISTS (
    SELECT 1 FROM pledges_pledgecard bc
    WHERE bc.organisation_id = {organisation} AND bc.targets_reached
  )
"""
_ORGANISATION_BADGES = "SELECT " + EARNED.format(organisation="%(organisation)s")


def parameters(now: datetime.datetime) -> dict:
    """The statuses and the Reporter window's start, for ``EARNED``."""
    return {
        "badge_public": list(Pledge.PUBLIC_STATUSES),
        "approved": ProgressReport.Status.APPROVED,
        "badge_since": now - REPORTER_WINDOW,
    }


def earned(organisation: Organisation, pledger: bool, reporter: bool, achiever: bool) -> list:
    """The badges, in order, from what ``EARNED`` answered."""
    has = (organisation.member_since is not None, pledger, reporter, achiever)
    return [badge for badge, yes in zip(ALL, has, strict=True) if yes]


def organisation_badges(
    organisation: Organisation, *, now: datetime.datetime | None = None
) -> list[Badge]:
    """The badges the organisation has earned today, in order (one query)."""
    with connection.cursor() as cursor:
        cursor.execute(
            _ORGANISATION_BADGES,
            {"organisation": organisation.pk, **parameters(now or timezone.now())},
        )
        return earned(organisation, *cursor.fetchone())
