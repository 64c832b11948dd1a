import datetime

import pytest
from django.utils import timezone

from pledges.models import Indicator
from tests.pledges.factories import IndicatorFactory, InitiativeFactory, PledgeFactory


def approved_pledge(organisation, title, kinds=(Indicator.Kind.PEOPLE_REACHED,), **kwargs):
    """An approved pledge of the organisation, up to date with its reports
    unless `approved_at` says otherwise: one initiative with an indicator of
    each of `kinds` (targets 1000, 2000, ...)."""
    kwargs.setdefault("approved_at", timezone.now() - datetime.timedelta(days=1))
    pledge = PledgeFactory(organisation=organisation, title=title, approved=True, **kwargs)
    initiative = InitiativeFactory(pledge=pledge, title=f"{title}: clubs")
    for index, kind in enumerate(kinds, start=1):
        IndicatorFactory(initiative=initiative, kind=kind, target=1000 * index)
    return pledge


@pytest.fixture
def pledges(organisation):
    """Three approved pledges; the first also counts new courses (not people)."""
    return [
        approved_pledge(
            organisation,
            "Coding clubs",
            kinds=(Indicator.Kind.PEOPLE_REACHED, Indicator.Kind.NEW_COURSES),
        ),
        approved_pledge(organisation, "Digital skills for seniors"),
        approved_pledge(organisation, "Girls who code"),
    ]


def indicators_of(pledge):
    return list(Indicator.objects.filter(initiative__pledge=pledge).order_by("pk"))
