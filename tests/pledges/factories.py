"""Factories for pledges (factory_boy). Dates are fixed: no test depends on the clock."""

import datetime

import factory

from coalition.models import Pillar
from pledges.models import (
    Indicator,
    Initiative,
    Pledge,
    PledgeTransition,
    ProgressReport,
    ReportedValue,
)
from tests.factories import OrganisationFactory, TeamMembershipFactory, UserFactory

APPROVED_AT = datetime.datetime(2026, 1, 15, 10, 0, tzinfo=datetime.UTC)


class MemberOrganisationFactory(OrganisationFactory):
    member_since = datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC)


class PledgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pledge

    organisation = factory.SubFactory(MemberOrganisationFactory)
    title = factory.Sequence(lambda n: f"Digital skills for everyone {n}")
    summary = "We train 5,000 people in basic digital skills across Belgium."
    beyond_day_to_day = "The courses are new and free, on top of our usual offer."
    start_date = datetime.date(2026, 1, 1)
    end_date = datetime.date(2027, 12, 31)
    status = Pledge.Status.DRAFT

    class Params:
        approved = factory.Trait(status=Pledge.Status.APPROVED, approved_at=APPROVED_AT)
        submitted = factory.Trait(status=Pledge.Status.SUBMITTED)


class InitiativeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    pledge = factory.SubFactory(PledgeFactory)
    title = factory.Sequence(lambda n: f"Coding clubs {n}")
    description = "Weekly coding clubs in public libraries."
    countries = factory.LazyFunction(lambda: ["BE", "NL"])
    beneficiary_groups = factory.LazyFunction(lambda: ["pupils"])
    action_types = factory.LazyFunction(lambda: ["coding-classes"])
    delivery_mode = "in-person"
    link = "https://coding-clubs.example.org/"

    @factory.post_generation
    def pillars(self, create, extracted, **kwargs):
        if not create:
            return
        self.pillars.set(extracted or [Pillar.objects.get(slug="education")])


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    initiative = factory.SubFactory(InitiativeFactory)
    kind = Indicator.Kind.PEOPLE_REACHED
    target = 1000


class ProgressReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressReport

    pledge = factory.SubFactory(PledgeFactory, approved=True)
    period_start = datetime.date(2026, 1, 1)
    period_end = datetime.date(2026, 6, 30)
    narrative = "We ran 40 coding clubs."
    evidence_url = "https://coding-clubs.example.org/results"
    status = ProgressReport.Status.SUBMITTED


class ReportedValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportedValue

    report = factory.SubFactory(ProgressReportFactory)
    indicator = factory.SubFactory(IndicatorFactory)
    value = 100


class PledgeTransitionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PledgeTransition

    pledge = factory.SubFactory(PledgeFactory)
    from_status = ""
    to_status = Pledge.Status.DRAFT


def complete_pledge(**kwargs) -> Pledge:
    """A pledge ready to submit: one initiative with a pillar, countries and an indicator."""
    pledge = PledgeFactory(**kwargs)
    IndicatorFactory(initiative=InitiativeFactory(pledge=pledge))
    return pledge


def editor_of(organisation, role="editor"):
    return TeamMembershipFactory(organisation=organisation, role=role).user


__all__ = [
    "APPROVED_AT",
    "IndicatorFactory",
    "InitiativeFactory",
    "MemberOrganisationFactory",
    "OrganisationFactory",
    "PledgeFactory",
    "PledgeTransitionFactory",
    "ProgressReportFactory",
    "ReportedValueFactory",
    "UserFactory",
    "complete_pledge",
    "editor_of",
]
