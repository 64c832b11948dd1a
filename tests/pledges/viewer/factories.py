"""Factories for the viewer tests: public pledges with initiatives, indicators and
reports, indexed for the viewer (`refresh_pledges`)."""

from __future__ import annotations

import datetime as dt

import factory

from coalition.models import Pillar
from pledges.models import Indicator, Initiative, Pledge, ProgressReport, ReportedValue
from pledges.viewer.read_model import refresh_pledges
from tests.factories import OrganisationFactory

APPROVED_AT = dt.datetime(2025, 3, 1, 12, tzinfo=dt.UTC)


class PledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pledge

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Coding club pledge {n}")
    summary = "We teach coding to young people after school."
    beyond_day_to_day = "We add free places that we do not offer otherwise."
    start_date = dt.date(2025, 1, 1)
    end_date = dt.date(2027, 12, 31)
    status = Pledge.Status.APPROVED
    approved_at = APPROVED_AT


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative

    pledge = factory.SubFactory(PledgeFactory)
    title = factory.Sequence(lambda n: f"Initiative {n}")
    description = "Weekly workshops."
    countries = factory.LazyFunction(lambda: ["BE"])
    beneficiary_groups = factory.LazyFunction(lambda: ["pupils"])
    action_types = factory.LazyFunction(lambda: ["coding-classes"])
    delivery_mode = "in-person"


def public_pledge(
    *,
    pillars: tuple[str, ...] = ("education",),
    countries: tuple[str, ...] = ("BE",),
    eu_wide: bool = False,
    targets: dict[str, int] | None = None,
    achieved: dict[str, int] | None = None,
    breakdowns: dict[str, dict[str, int]] | None = None,
    initiative: dict | None = None,
    index: bool = True,
    **pledge_fields,
) -> Pledge:
    """An approved pledge with one initiative (`initiative` sets more of its fields:
    beneficiary groups, action types, delivery mode); indexed for the viewer unless
    told not; `breakdowns` gives an achieved value's groups, by kind)."""
    pledge = PledgeFactory(**pledge_fields)
    first = InitiativeFactory(
        pledge=pledge, countries=list(countries), eu_wide=eu_wide, **(initiative or {})
    )
    first.pillars.set(Pillar.objects.filter(slug__in=pillars))
    indicators = {
        kind: Indicator.objects.create(initiative=first, kind=kind, target=target)
        for kind, target in (targets or {"people-reached": 100}).items()
    }
    if achieved:
        report = ProgressReport.objects.create(
            pledge=pledge,
            period_start=dt.date(2025, 1, 1),
            period_end=dt.date(2025, 6, 30),
            narrative="Half-way.",
            status=ProgressReport.Status.APPROVED,
        )
        for kind, value in achieved.items():
            ReportedValue.objects.create(
                report=report,
                indicator=indicators[kind],
                value=value,
                **(breakdowns or {}).get(kind, {}),
            )
    if index:
        refresh_pledges([pledge.pk])
    return pledge
