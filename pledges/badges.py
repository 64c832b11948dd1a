"""Badges follow from data, never set by hand.

- member: the organisation's Coalition membership was accepted;
- pledger: one of its pledges was approved once, a milestone that stays when the
  pledge is later completed or withdrawn (``approved_at`` is set by the first
  approval and never cleared);
- reporter: one of its progress reports was approved in the last 12 months
  (reports are only taken on approved pledges; a later withdrawal does not undo
  the approval);
- achiever: every target of one of its public pledges (approved or completed) is
  reached, which anyone can check on the pledge's page.
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


# One statement, written out: the ORM took longer to build it (~5 ms) than the
# database to answer it (~0.2 ms), on every pledge page. Pledger: a pledge (not a
# revision) approved once, whatever its status now (a public one counts too, for
# rows from before approved_at was kept). Reporter: an approved report on any of
# its pledges. Achiever: same rules as Pledge.objects.public() and
# progress.all_targets_reached() (a pledge with indicators, each reaching its
# target through approved reports; 0 if none).
_PUBLIC = (
    "p.organisation_id = %(organisation)s AND p.status = ANY(%(public)s)"
    " AND p.revision_of_id IS NULL"
)
_OWN = "p.organisation_id = %(organisation)s AND p.revision_of_id IS NULL"
_EARNED = f"""
SELECT
    EXISTS (
        SELECT 1 FROM pledges_pledge p
        WHERE {_OWN} AND (p.approved_at IS NOT NULL OR p.status = ANY(%(public)s))
    ),
    EXISTS (
        SELECT 1 FROM pledges_pledge p
        JOIN pledges_progressreport r ON r.pledge_id = p.id
        WHERE {_OWN} AND r.status = %(approved)s AND r.decided_at >= %(since)s
    ),
    EXISTS (
        SELECT 1 FROM pledges_pledge p
        WHERE {_PUBLIC}
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
                JOIN pledges_progressreport r ON r.id = v.report_id AND r.status = %(approved)s
                WHERE v.indicator_id = ind.id
              ), 0)
          )
    )
"""  # noqa: S608 (constants only; every value is a parameter)


def organisation_badges(
    organisation: Organisation, *, now: datetime.datetime | None = None
) -> list[Badge]:
    """The badges the organisation has earned today (one query)."""
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
    earned = (
        (MEMBER, organisation.member_since is not None),
        (PLEDGER, pledger),
        (REPORTER, reporter),
        (ACHIEVER, achiever),
    )
    return [badge for badge, has in earned if has]
