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


# One statement, in a PL/pgSQL function (migrations 0055 and 0056) so that its
# plan is kept for the connection's life: the ORM took longer to build it, and
# the database longer to plan it, than to answer it. Pledger: a
# pledge (not a revision) approved once, whatever its status now (a public one
# counts too, for rows from before approved_at was kept). Reporter: an approved
# report on any of its pledges. Achiever: a viewer row (PledgeCard: public
# pledges only, Pledge.objects.public()) with ``targets_reached``, which the
# viewer's rebuild computes by the rule of progress.all_targets_reached() each
# time a pledge or its reports change (pledges.viewer.read_model.refresh_pledges);
# adding up every indicator's approved values here was half of a pledge page's
# database work. pledges_page() (the pledge page's content,
# pledges.queries.pledge_with_content) calls it too.
_EARNED = "SELECT pledger, reporter, achiever FROM pledges_badges(%s, %s, %s, %s)"


def function_arguments(now: datetime.datetime | None = None) -> list:
    """The arguments after the organisation's id, for pledges_badges()."""
    now = now or timezone.now()
    return [list(Pledge.PUBLIC_STATUSES), ProgressReport.Status.APPROVED, now - REPORTER_WINDOW]


def earned(organisation: Organisation, *, pledger: bool, reporter: bool, achiever: bool) -> list:
    """The badges, in order, from what pledges_badges() answered."""
    has = (organisation.member_since is not None, pledger, reporter, achiever)
    return [badge for badge, yes in zip(ALL, has, strict=True) if yes]


def organisation_badges(
    organisation: Organisation, *, now: datetime.datetime | None = None
) -> list[Badge]:
    """The badges the organisation has earned today (one query)."""
    with connection.cursor() as cursor:
        cursor.execute(_EARNED, [organisation.pk, *function_arguments(now)])
        pledger, reporter, achiever = cursor.fetchone()
    return earned(organisation, pledger=pledger, reporter=reporter, achiever=achiever)
