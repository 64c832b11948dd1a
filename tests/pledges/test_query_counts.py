"""Every pledge page and form reads the database a fixed number of times, however
many initiatives, indicators, reports and history steps the pledge has: each
test runs with 1 and with 8 initiatives (3 indicators each) and pins the exact
count. A count that changes with the size is an N+1 to fix in the view's
queryset, not a number to raise."""

import pytest
from django.urls import reverse

from pledges.models import Indicator, Pledge, ProgressReport
from tests.pledges.factories import (
    IndicatorFactory,
    InitiativeFactory,
    PledgeFactory,
    PledgeTransitionFactory,
    ProgressReportFactory,
    ReportedValueFactory,
)

pytestmark = pytest.mark.django_db

SIZES = [1, 8]
KINDS = (Indicator.Kind.PEOPLE_REACHED, Indicator.Kind.CERTIFICATIONS, Indicator.Kind.NEW_COURSES)


def fill(pledge: Pledge, size: int, *, report_status: str | None = None) -> list[ProgressReport]:
    """`size` initiatives with three indicators each, `size` history steps and,
    when asked, `size` reports with a value for every indicator."""
    indicators = []
    for index in range(size):
        initiative = InitiativeFactory(pledge=pledge, title=f"Initiative {index}", position=index)
        indicators += [IndicatorFactory(initiative=initiative, kind=kind) for kind in KINDS]
    for _ in range(size):
        PledgeTransitionFactory(
            pledge=pledge, from_status=Pledge.Status.DRAFT, to_status=Pledge.Status.SUBMITTED
        )
    reports = []
    if report_status is not None:
        for _ in range(size):
            report = ProgressReportFactory(pledge=pledge, status=report_status)
            for indicator in indicators:
                ReportedValueFactory(report=report, indicator=indicator, value=5)
            PledgeTransitionFactory(
                pledge=pledge,
                report=report,
                from_status=ProgressReport.Status.SUBMITTED,
                to_status=report_status,
                message="Please add the evidence.",
            )
            reports.append(report)
    return reports


def editor_url(name: str, pledge: Pledge, **kwargs) -> str:
    return reverse(
        f"pledges:{name}", kwargs={"slug": pledge.organisation.slug, "pk": pledge.pk, **kwargs}
    )


@pytest.fixture
def draft(organisation):
    return PledgeFactory(organisation=organisation)


@pytest.fixture
def approved(organisation):
    return PledgeFactory(organisation=organisation, approved=True)


# --- Editor pages ---------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_manage(size, editor_client, approved, django_assert_num_queries):
    fill(approved, size, report_status=ProgressReport.Status.APPROVED)

    with django_assert_num_queries(15):
        response = editor_client.get(editor_url("manage", approved))

    assert response.status_code == 200
    assert response.text.count("Initiative ") >= size


@pytest.mark.parametrize("size", SIZES)
def test_manage_of_a_draft(size, editor_client, draft, django_assert_num_queries):
    fill(draft, size)

    with django_assert_num_queries(13):
        response = editor_client.get(editor_url("manage", draft))

    assert response.status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_submit(size, editor_client, draft, django_assert_num_queries):
    fill(draft, size)

    with django_assert_num_queries(12):
        response = editor_client.get(editor_url("submit", draft))

    assert response.status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_edit(size, editor_client, draft, django_assert_num_queries):
    fill(draft, size)

    with django_assert_num_queries(7):
        response = editor_client.get(editor_url("edit", draft))

    assert response.status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_create(size, editor_client, organisation, django_assert_num_queries):
    for _ in range(size):
        fill(PledgeFactory(organisation=organisation), 1)

    with django_assert_num_queries(5):
        response = editor_client.get(reverse("pledges:create", kwargs={"slug": organisation.slug}))

    assert response.status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_initiative_create(size, editor_client, draft, django_assert_num_queries):
    fill(draft, size)

    # The pillars and their names in the page's language: two queries.
    with django_assert_num_queries(7):
        response = editor_client.get(editor_url("initiative_create", draft))

    assert response.status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_initiative_edit(size, editor_client, draft, django_assert_num_queries):
    fill(draft, size)
    initiative = draft.initiatives.order_by("pk").first()
    for kind in (Indicator.Kind.PLACEMENTS, Indicator.Kind.AWARENESS)[: size // 4]:
        IndicatorFactory(initiative=initiative, kind=kind)  # and more indicators on it

    with django_assert_num_queries(10):  # the pillars' names: one query more than the pillars
        response = editor_client.get(
            editor_url("initiative_edit", draft, initiative_pk=initiative.pk)
        )

    assert response.status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_initiative_delete_confirmation(size, editor_client, draft, django_assert_num_queries):
    fill(draft, size)
    initiative = draft.initiatives.order_by("pk").first()

    with django_assert_num_queries(6):
        response = editor_client.get(
            editor_url("initiative_delete", draft, initiative_pk=initiative.pk)
        )

    assert response.status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_withdraw_confirmation(size, editor_client, approved, django_assert_num_queries):
    fill(approved, size, report_status=ProgressReport.Status.APPROVED)

    with django_assert_num_queries(5):
        response = editor_client.get(editor_url("withdraw", approved))

    assert response.status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_delete_confirmation(size, editor_client, draft, django_assert_num_queries):
    fill(draft, size)

    with django_assert_num_queries(5):
        response = editor_client.get(editor_url("delete", draft))

    assert response.status_code == 200


@pytest.mark.parametrize("size", SIZES)
def test_report_create(size, editor_client, approved, django_assert_num_queries):
    fill(approved, size, report_status=ProgressReport.Status.APPROVED)

    with django_assert_num_queries(6):
        response = editor_client.get(editor_url("report_create", approved))

    assert response.status_code == 200
    assert response.text.count("Certifications issued") >= size


@pytest.mark.parametrize("size", SIZES)
def test_report_edit(size, editor_client, approved, django_assert_num_queries):
    report = fill(approved, size, report_status=ProgressReport.Status.CHANGES_REQUESTED)[0]

    with django_assert_num_queries(9):
        response = editor_client.get(editor_url("report_edit", approved, report_pk=report.pk))

    assert response.status_code == 200
    assert "Please add the evidence." in response.text


@pytest.mark.parametrize("size", SIZES)
def test_badge_snippet(size, editor_client, organisation, django_assert_num_queries):
    for _ in range(size):
        fill(PledgeFactory(organisation=organisation, approved=True), 1)

    with django_assert_num_queries(5):
        response = editor_client.get(
            reverse("pledges:badge_snippet", kwargs={"slug": organisation.slug})
        )

    assert response.status_code == 200


# --- The pledge page, seen by the team and by a moderator -------------------------


@pytest.mark.parametrize("size", SIZES)
def test_detail_seen_by_the_team(size, editor_client, approved, django_assert_num_queries):
    fill(approved, size, report_status=ProgressReport.Status.SUBMITTED)

    with django_assert_num_queries(7):
        response = editor_client.get(reverse("pledges:detail", kwargs={"pk": approved.pk}))

    assert response.status_code == 200
    assert "Workflow history" in response.text


@pytest.mark.parametrize("size", SIZES)
def test_detail_seen_by_a_moderator(
    size, client, moderator, organisation, django_assert_num_queries
):
    pledge = PledgeFactory(organisation=organisation, submitted=True)
    fill(pledge, size)
    client.force_login(moderator)

    with django_assert_num_queries(7):
        response = client.get(reverse("pledges:detail", kwargs={"pk": pledge.pk}))

    assert response.status_code == 200
    assert "Not public." in response.text
