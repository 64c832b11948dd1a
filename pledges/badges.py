"""Badges follow from data, never set by hand.

- member: the organisation's Coalition membership was accepted;
- pledger: it has an approved (public) pledge;
- reporter: one of its progress reports was approved in the last 12 months;
- achiever: every target of one of its public pledges is reached.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q, Sum
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from members.models import Organisation
from pledges.models import Indicator, Pledge, ProgressReport


@dataclass(frozen=True)
class Badge:
    slug: str
    name: str | Promise
    description: str | Promise


MEMBER = Badge(
    "member", _("Coalition member"), _("A member of the Digital Skills and Jobs Coalition.")
)
PLEDGER = Badge("pledger", _("Pledger"), _("Has an approved pledge."))
REPORTER = Badge("reporter", _("Reporter"), _("Had a progress report approved this year."))
ACHIEVER = Badge("achiever", _("Achiever"), _("Reached every target of a pledge."))
ALL = (MEMBER, PLEDGER, REPORTER, ACHIEVER)

REPORTER_WINDOW = datetime.timedelta(days=365)


def organisation_badges(
    organisation: Organisation, *, now: datetime.datetime | None = None
) -> list[Badge]:
    """The badges the organisation has earned today (one query)."""
    now = now or timezone.now()
    public = Pledge.objects.public().filter(organisation=organisation.pk)
    reported = ProgressReport.objects.filter(
        pledge__in=public,
        status=ProgressReport.Status.APPROVED,
        decided_at__gte=now - REPORTER_WINDOW,
    )
    earned = (
        Organisation.objects.filter(pk=organisation.pk)
        .values_list(Exists(public), Exists(reported), Exists(achieving_pledges(public)))
        .first()
    ) or (False, False, False)
    pledger, reporter, achiever = earned
    badges = [MEMBER] if organisation.member_since is not None else []
    if pledger:
        badges.append(PLEDGER)
        if reporter:
            badges.append(REPORTER)
        if achiever:
            badges.append(ACHIEVER)
    return badges


def achieving_pledges(pledges):
    """Of these pledges, those that have indicators and whose every indicator
    reached its target through approved reports."""
    short = (
        Indicator.objects.filter(initiative__pledge=OuterRef("pk"))
        .annotate(
            achieved=Sum(
                "reported_values__value",
                filter=Q(reported_values__report__status=ProgressReport.Status.APPROVED),
                default=0,
            )
        )
        .filter(achieved__lt=F("target"))
    )
    any_indicator = Indicator.objects.filter(initiative__pledge=OuterRef("pk"))
    return pledges.filter(Exists(any_indicator)).exclude(Exists(short))
