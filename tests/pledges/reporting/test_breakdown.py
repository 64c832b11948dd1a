"""Breakdowns of people-based values: the rules, and the summaries that
pages, exports and the API are to show."""

import pytest
from django.db import IntegrityError, transaction

from pledges.models import Indicator, Pledge, ProgressReport
from pledges.reporting import breakdown
from pledges.reporting.breakdown import Breakdown, Figure
from tests.pledges.factories import ProgressReportFactory, ReportedValueFactory
from tests.pledges.reporting.conftest import indicators_of

PEOPLE = Indicator.Kind.PEOPLE_REACHED
COURSES = Indicator.Kind.NEW_COURSES


def test_people_kinds_leave_out_what_may_count_other_things():
    assert set(Indicator.Kind.values) - breakdown.PEOPLE_KINDS == {
        "job-vacancies",
        "new-courses",
        "custom",
    }


def test_a_breakdown_that_adds_up_has_no_problem():
    groups = {"women": 60, "men": 38, "gender_other": 2, "age_under_25": 100}

    assert breakdown.problems(kind=PEOPLE, value=100, groups=groups) == []


def test_no_breakdown_has_no_problem_whatever_the_kind():
    assert breakdown.problems(kind=COURSES, value=5, groups={"women": None}) == []


def test_empty_groups_of_a_given_dimension_count_as_zero():
    assert breakdown.complete({"women": 100, "men": None, "age_25_to_54": None}) == {
        "women": 100,
        "men": 0,
        "gender_other": 0,
    }


def test_a_gender_breakdown_that_does_not_add_up_says_both_numbers():
    found = breakdown.problems(kind=PEOPLE, value=100, groups={"women": 60, "men": 30})

    assert [str(p) for p in found] == [
        "Women, men and other or not recorded add up to 90, not 100."
    ]


def test_an_age_breakdown_that_does_not_add_up_says_both_numbers():
    found = breakdown.problems(kind=PEOPLE, value=1500, groups={"age_under_25": 1600})

    assert [str(p) for p in found] == ["The age bands add up to 1,600, not 1,500."]


def test_a_breakdown_needs_the_value():
    found = breakdown.problems(kind=PEOPLE, value=None, groups={"women": 3})

    assert [str(p) for p in found] == ["Give the achieved value as well as its breakdown."]


def test_an_indicator_that_does_not_count_people_takes_no_breakdown():
    found = breakdown.problems(kind=COURSES, value=3, groups={"men": 3})

    assert [str(p) for p in found] == [
        "This indicator does not count people: leave its breakdown empty."
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "groups",
    [
        {"women": 10, "men": 10, "gender_other": 10},  # 30, not 100
        {"women": 100},  # others missing: a dimension is given whole
        {"age_under_25": 50, "age_25_to_54": 50, "age_55_and_over": 1, "age_not_recorded": 0},
    ],
)
def test_the_database_refuses_a_breakdown_that_does_not_add_up(groups):
    with pytest.raises(IntegrityError), transaction.atomic():
        ReportedValueFactory(value=100, **groups)


def test_a_summary_keeps_values_without_a_breakdown_as_not_recorded():
    values = [
        # 100 people: 60 women, 40 men; no age given
        Figure(100, {"women": 60, "men": 40, "gender_other": 0}),
        # 50 people with no breakdown at all
        Figure(50),
        # 10 people, all under 25, gender not given
        Figure(
            10, {"age_under_25": 10, "age_25_to_54": 0, "age_55_and_over": 0, "age_not_recorded": 0}
        ),
    ]
    summary = Breakdown()
    for figure in values:
        summary.add(figure.value, figure.groups)

    assert summary.total == 160
    assert summary.rows() == {
        "gender": [("Women", 60), ("Men", 40), ("Other or not recorded", 60)],
        "age": [("Under 25", 10), ("25 to 54", 0), ("55 and over", 0), ("Not recorded", 150)],
    }
    assert (summary.gender_recorded, summary.age_recorded) == (True, True)


def test_a_summary_with_nothing_recorded_says_so():
    summary = Breakdown()
    summary.add(70, {})

    assert (summary.gender_recorded, summary.age_recorded) == (False, False)
    assert summary.rows()["gender"][-1] == ("Other or not recorded", 70)


@pytest.fixture
def reported(organisation, pledges):
    """Approved values on the first two pledges, and a submitted one that must not count."""
    first, second, third = pledges
    people, courses = indicators_of(first)
    report = ProgressReportFactory(pledge=first, status=ProgressReport.Status.APPROVED)
    ReportedValueFactory(
        report=report, indicator=people, value=100, women=70, men=30, gender_other=0
    )
    ReportedValueFactory(report=report, indicator=courses, value=4)
    later = ProgressReportFactory(pledge=first, status=ProgressReport.Status.APPROVED)
    ReportedValueFactory(report=later, indicator=people, value=20)
    other = ProgressReportFactory(pledge=second, status=ProgressReport.Status.APPROVED)
    ReportedValueFactory(
        report=other,
        indicator=indicators_of(second)[0],
        value=10,
        age_under_25=0,
        age_25_to_54=0,
        age_55_and_over=10,
        age_not_recorded=0,
    )
    pending = ProgressReportFactory(pledge=third, status=ProgressReport.Status.SUBMITTED)
    ReportedValueFactory(
        report=pending,
        indicator=indicators_of(third)[0],
        value=999,
        women=999,
        men=0,
        gender_other=0,
    )
    return people


def test_a_pledges_breakdowns_are_per_people_based_indicator(
    reported, pledges, django_assert_num_queries
):
    with django_assert_num_queries(1):
        found = breakdown.pledge_breakdowns(pledges[0])

    assert list(found) == [reported.pk]  # new courses take no breakdown
    assert found[reported.pk].total == 120
    assert found[reported.pk].rows()["gender"] == [
        ("Women", 70),
        ("Men", 30),
        ("Other or not recorded", 20),
    ]


def test_breakdowns_by_kind_add_up_approved_reports_of_a_queryset(
    reported, organisation, django_assert_num_queries
):
    with django_assert_num_queries(1):
        found = breakdown.breakdowns_by_kind(Pledge.objects.filter(organisation=organisation))

    assert list(found) == [PEOPLE]
    summary = found[PEOPLE]
    assert summary.total == 130  # the submitted 999 does not count
    assert summary.rows() == {
        "gender": [("Women", 70), ("Men", 30), ("Other or not recorded", 30)],
        "age": [("Under 25", 0), ("25 to 54", 0), ("55 and over", 10), ("Not recorded", 120)],
    }


def test_breakdowns_by_kind_of_nothing_reported_are_empty(pledges, organisation):
    assert breakdown.breakdowns_by_kind(Pledge.objects.filter(organisation=organisation)) == {}
