import datetime

import pytest
from django.contrib.auth.models import Group

from coalition.models import Pillar
from members.moderation import ensure_moderators_group
from pledges.models import Indicator, ProgressReport
from tests.factories import OrganisationFactory, UserFactory
from tests.pledges.factories import (
    IndicatorFactory,
    InitiativeFactory,
    MemberOrganisationFactory,
    PledgeFactory,
    ProgressReportFactory,
    ReportedValueFactory,
    editor_of,
)


@pytest.fixture
def organisation(db):
    return MemberOrganisationFactory(name="Code Club Ghent", slug="code-club-ghent")


@pytest.fixture
def editor(organisation):
    return editor_of(organisation)


@pytest.fixture
def outsider(db):
    """Editor of another organisation: must learn nothing about ours."""
    return editor_of(OrganisationFactory())


def moderators_group() -> Group:
    """The real Moderators group, with exactly the permissions members.moderation
    gives it (idempotent: a transactional test's flush may have emptied the tables)."""
    return ensure_moderators_group()


@pytest.fixture
def moderator(db):
    user = UserFactory(email="moderator@example.eu", is_staff=True)
    user.groups.add(moderators_group())
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def outsider_client(client, outsider):
    client.force_login(outsider)
    return client


@pytest.fixture
def rich_pledge():
    """Partners, a revision, initiatives out of position order with several
    pillars, custom and standard indicators, approved and submitted reports."""
    organisation = OrganisationFactory(
        member_since=datetime.datetime(2025, 3, 1, tzinfo=datetime.UTC)
    )
    pledge = PledgeFactory(organisation=organisation, approved=True)
    pledge.partners.set(
        [OrganisationFactory(name="Zeta partner"), OrganisationFactory(name="Alpha partner")]
    )
    second = InitiativeFactory(pledge=pledge, position=2, title="Second")
    first = InitiativeFactory(
        pledge=pledge, position=1, title="First", description="Line one\nline two"
    )
    first.pillars.set(Pillar.objects.all())
    second.pillars.set(Pillar.objects.filter(slug="education"))
    people = IndicatorFactory(initiative=first, kind=Indicator.Kind.PEOPLE_REACHED, target=100)
    custom = IndicatorFactory(
        initiative=second, kind=Indicator.Kind.CUSTOM, custom_name="Apps", target=3
    )
    IndicatorFactory(initiative=second, kind=Indicator.Kind.NEW_COURSES, target=7)
    older = ProgressReportFactory(
        pledge=pledge,
        status=ProgressReport.Status.APPROVED,
        period_start=datetime.date(2025, 1, 1),
        period_end=datetime.date(2025, 6, 30),
        decided_at=datetime.datetime(2025, 7, 2, 9, 30, tzinfo=datetime.UTC),
    )
    newer = ProgressReportFactory(
        pledge=pledge,
        status=ProgressReport.Status.SUBMITTED,
        period_start=datetime.date(2025, 7, 1),
        period_end=datetime.date(2025, 12, 31),
    )
    ReportedValueFactory(report=older, indicator=custom, value=1)
    ReportedValueFactory(report=older, indicator=people, value=40, women=25, men=14, gender_other=1)
    ReportedValueFactory(report=newer, indicator=people, value=70)
    return pledge
