import datetime

import pytest
from django.urls import reverse

from pledges.models import Indicator, Pledge, ProgressReport
from tests.pledges.factories import (
    IndicatorFactory,
    InitiativeFactory,
    PledgeFactory,
    ProgressReportFactory,
    ReportedValueFactory,
    complete_pledge,
)

pytestmark = pytest.mark.django_db


def url(pledge):
    return reverse("pledges:detail", kwargs={"pk": pledge.pk})


def test_it_shows_an_approved_pledge_to_anyone(client):
    pledge = complete_pledge(approved=True, title="Coding for every school")

    response = client.get(url(pledge))

    assert response.status_code == 200
    assert response.text.count("<h1") == 1
    assert "Coding for every school" in response.text
    assert pledge.organisation.name in response.text
    assert "Education" in response.text  # the initiative's pillar
    assert "Belgium, Netherlands" in response.text
    assert "Workflow history" not in response.text
    assert "Not public." not in response.text


@pytest.mark.parametrize(
    "status",
    [
        Pledge.Status.DRAFT,
        Pledge.Status.SUBMITTED,
        Pledge.Status.CHANGES_REQUESTED,
        Pledge.Status.REJECTED,
        Pledge.Status.WITHDRAWN,
    ],
)
def test_it_answers_404_for_pledges_that_are_not_public(status, client, outsider_client):
    pledge = complete_pledge(status=status)

    assert client.get(url(pledge)).status_code == 404
    assert outsider_client.get(url(pledge)).status_code == 404


def test_it_answers_404_for_a_revision_to_the_public(client, editor):
    public = complete_pledge(organisation=editor.organisations.get(), approved=True)
    revision = PledgeFactory(organisation=public.organisation, revision_of=public)

    assert client.get(url(revision)).status_code == 404


def test_it_shows_the_team_its_pledge_before_it_is_public_with_a_banner(editor_client, editor):
    pledge = complete_pledge(organisation=editor.organisations.get(), submitted=True)

    response = editor_client.get(url(pledge))

    assert response.status_code == 200
    assert "Not public." in response.text
    assert "Submitted for review" in response.text


def test_it_shows_achieved_against_target_and_not_yet_reported(client):
    pledge = complete_pledge(approved=True)
    reported = Indicator.objects.get()
    IndicatorFactory(initiative=reported.initiative, kind=Indicator.Kind.CERTIFICATIONS, target=40)
    approved = ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.APPROVED)
    ReportedValueFactory(report=approved, indicator=reported, value=250)
    pending = ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.SUBMITTED)
    ReportedValueFactory(report=pending, indicator=reported, value=999)

    response = client.get(url(pledge))

    assert "250 of 1,000 (25%)" in response.text
    assert "Target 40" in response.text
    assert "not yet reported" in response.text
    assert "999" not in response.text  # pending reports do not count nor show


def test_it_answers_405_to_a_post(client):
    pledge = complete_pledge(approved=True)

    assert client.post(url(pledge)).status_code == 405


def test_it_answers_404_for_an_unknown_pledge(client):
    assert client.get(reverse("pledges:detail", kwargs={"pk": 999999})).status_code == 404


@pytest.mark.parametrize("size", [1, 8])
def test_its_query_count_does_not_grow_with_the_content(
    size, client, django_assert_max_num_queries
):
    pledge = complete_pledge(
        approved=True, approved_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    )
    for _ in range(size):
        initiative = InitiativeFactory(pledge=pledge)
        report = ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.APPROVED)
        for kind in (Indicator.Kind.PEOPLE_REACHED, Indicator.Kind.NEW_COURSES):
            indicator = IndicatorFactory(initiative=initiative, kind=kind)
            ReportedValueFactory(report=report, indicator=indicator, value=5)

    with django_assert_max_num_queries(16):
        response = client.get(url(pledge))

    assert response.status_code == 200


def test_it_shows_the_organisation_badges_and_reached_targets(client):
    pledge = complete_pledge(approved=True)
    report = ProgressReportFactory(
        pledge=pledge,
        status=ProgressReport.Status.APPROVED,
        decided_at=datetime.datetime.now(tz=datetime.UTC),
    )
    ReportedValueFactory(report=report, indicator=Indicator.objects.get(), value=1000)

    response = client.get(url(pledge))

    assert "All targets reached" in response.text
    assert [b.slug for b in response.context["badges"]] == [
        "member",
        "pledger",
        "reporter",
        "achiever",
    ]


def test_it_includes_the_share_partial(client):
    pledge = complete_pledge(approved=True)

    response = client.get(url(pledge))

    assert "pledges/includes/pledge_share.html" in [t.name for t in response.templates]


def test_moderators_may_look_at_a_pledge_before_it_is_public(client, moderator):
    pledge = complete_pledge(submitted=True)
    client.force_login(moderator)

    response = client.get(url(pledge))

    assert response.status_code == 200
    assert "Not public." in response.text
    assert "Workflow history" not in response.text  # that is the team's page
