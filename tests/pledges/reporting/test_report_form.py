"""The breakdown in the single progress report form: optional, for indicators
that count people, and adding up to the value when given."""

import pytest
from django.urls import reverse

from pledges.models import Indicator, ProgressReport, ReportedValue
from tests.pledges.factories import ProgressReportFactory, ReportedValueFactory
from tests.pledges.reporting.conftest import approved_pledge, indicators_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledge(organisation):
    return approved_pledge(
        organisation,
        "Coding clubs",
        kinds=(Indicator.Kind.PEOPLE_REACHED, Indicator.Kind.NEW_COURSES),
    )


def form_data(**values):
    return {
        "period_start": "2026-01-01",
        "period_end": "2026-06-30",
        "narrative": "We ran 40 clubs.",
        **values,
    }


def create_url(pledge):
    return reverse(
        "pledges:report_create", kwargs={"slug": pledge.organisation.slug, "pk": pledge.pk}
    )


def test_people_based_indicators_offer_a_breakdown(editor_client, pledge):
    people, courses = indicators_of(pledge)

    html = editor_client.get(create_url(pledge)).content.decode()

    assert f'name="value_{people.pk}_women"' in html
    assert f'name="value_{people.pk}_age_55_and_over"' in html
    assert f'name="value_{courses.pk}_women"' not in html
    assert "Break down “People reached” by gender and age (optional)" in html


def test_a_breakdown_that_adds_up_is_stored(editor_client, pledge):
    people, courses = indicators_of(pledge)

    response = editor_client.post(
        create_url(pledge),
        form_data(
            **{
                f"value_{people.pk}": "100",
                f"value_{people.pk}_women": "55",
                f"value_{people.pk}_men": "45",
                f"value_{people.pk}_age_under_25": "100",
                f"value_{courses.pk}": "2",
            }
        ),
    )

    assert response.status_code == 302
    assert sorted(
        ReportedValue.objects.values_list(
            "indicator_id", "value", "women", "men", "gender_other", "age_under_25", "age_25_to_54"
        )
    ) == [(people.pk, 100, 55, 45, 0, 100, 0), (courses.pk, 2, None, None, None, None, None)]


def test_a_value_without_a_breakdown_stays_not_recorded(editor_client, pledge):
    people, _courses = indicators_of(pledge)

    editor_client.post(create_url(pledge), form_data(**{f"value_{people.pk}": "100"}))

    assert list(ReportedValue.objects.values_list("value", "women", "age_under_25")) == [
        (100, None, None)
    ]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"": "100", "_women": "60", "_men": "30"}, "add up to 90, not 100."),
        ({"": "100", "_age_25_to_54": "101"}, "The age bands add up to 101, not 100."),
        ({"_women": "3"}, "Give the achieved value as well as its breakdown."),
    ],
)
def test_a_breakdown_that_does_not_add_up_is_refused(editor_client, pledge, fields, message):
    people, courses = indicators_of(pledge)
    data = {f"value_{people.pk}{suffix}": value for suffix, value in fields.items()}
    data[f"value_{courses.pk}"] = "1"

    response = editor_client.post(create_url(pledge), form_data(**data))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert ProgressReport.objects.count() == 0


def test_editing_a_report_shows_its_breakdown(editor_client, pledge):
    people, _courses = indicators_of(pledge)
    report = ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.CHANGES_REQUESTED)
    ReportedValueFactory(report=report, indicator=people, value=10, women=4, men=6, gender_other=0)

    response = editor_client.get(
        reverse(
            "pledges:report_edit",
            kwargs={"slug": pledge.organisation.slug, "pk": pledge.pk, "report_pk": report.pk},
        )
    )

    form = response.context["form"]
    assert (form[f"value_{people.pk}"].value(), form[f"value_{people.pk}_women"].value()) == (10, 4)
    assert '<details class="portal-breakdown" open>' in response.content.decode()


@pytest.mark.parametrize(
    ("language", "target"),
    [("en", "target 1,000"), ("fr", "objectif 1\xa0000"), ("de", "Ziel 1.000")],
)
def test_the_target_is_written_as_the_pages_language_writes_numbers(
    editor_client, pledge, language, target
):
    url = create_url(pledge).replace("/en/", f"/{language}/", 1)

    response = editor_client.get(url)

    assert target in response.text
