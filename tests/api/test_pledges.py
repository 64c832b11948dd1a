"""GET /api/v1/pledges, /api/v1/pledges/totals and /api/v1/pledges/<id>."""

import datetime as dt

import pytest

from pledges.models import Pledge
from pledges.reporting import breakdown
from pledges.viewer.read_model import refresh_pledges
from tests.pledges.factories import PledgeFactory as DraftFactory
from tests.pledges.factories import ProgressReportFactory, ReportedValueFactory
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db

PLEDGES = "/api/v1/pledges"


def ids(response) -> list[int]:
    return [pledge["id"] for pledge in response.json()["results"]]


def test_it_lists_public_pledges_newest_first_with_the_downloads_fields(client):
    older = public_pledge(title="Older", approved_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    newer = public_pledge(
        title="Newer",
        approved_at=dt.datetime(2025, 6, 1, tzinfo=dt.UTC),
        targets={"people-reached": 500, "new-courses": 3},
        achieved={"people-reached": 120},
    )
    DraftFactory(title="A draft")  # never public

    response = client.get(PLEDGES)

    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["page"], body["pages"], body["page_size"]) == (2, 1, 1, 20)
    assert (body["next"], body["previous"]) == (None, None)
    assert ids(response) == [newer.pk, older.pk]
    first = body["results"][0]
    assert first["title"] == "Newer"
    assert first["url"] == f"http://testserver/en/pledges/{newer.pk}/"
    assert first["api_url"] == f"http://testserver/api/v1/pledges/{newer.pk}"
    assert first["organisation"] == {
        "id": newer.organisation.pk,
        "slug": newer.organisation.slug,
        "name": newer.organisation.name,
        "url": f"http://testserver/en/organisations/{newer.organisation.slug}/",
        "api_url": f"http://testserver/api/v1/organisations/{newer.organisation.pk}",
    }
    assert first["pillars"] == ["education"]
    assert first["countries"] == ["BE"]
    assert first["status"] == "approved"
    assert first["has_reported"] is True
    assert first["target_reach"] == 500
    assert first["indicators"] == [
        {
            "kind": "people-reached",
            "target": 500,
            "achieved": 120,
            "breakdown": dict.fromkeys(breakdown.FIELDS),  # not recorded
        },
        {"kind": "new-courses", "target": 3, "achieved": None, "breakdown": None},
    ]


def test_it_takes_the_viewers_filters_search_and_sorting(client):
    robotics_be = public_pledge(title="Robotics club", countries=("BE",), pillars=("education",))
    public_pledge(title="Robotics for workers", countries=("BE",), pillars=("labour-force",))
    coding_fr = public_pledge(title="Coding school", countries=("FR",), pillars=("education",))

    by_pillar = client.get(PLEDGES, {"pillar": "education", "sort": "title"})
    by_two = client.get(PLEDGES, {"pillar": "education", "country": ["BE", "FR"], "sort": "title"})
    searched = client.get(PLEDGES, {"q": "robotics", "pillar": "education"})

    assert ids(by_pillar) == [coding_fr.pk, robotics_be.pk]
    assert ids(by_two) == [coding_fr.pk, robotics_be.pk]
    assert ids(searched) == [robotics_be.pk]


def test_pages_link_to_their_neighbours_and_past_the_last_is_404(client):
    made = [
        public_pledge(approved_at=dt.datetime(2025, 1, n + 1, tzinfo=dt.UTC)).pk for n in range(5)
    ]

    first = client.get(PLEDGES, {"page_size": 2, "country": "BE"})
    last = client.get(PLEDGES, {"page_size": 2, "country": "BE", "page": 3})
    past = client.get(PLEDGES, {"page_size": 2, "page": 4})

    assert ids(first) == made[::-1][:2]
    assert first.json()["pages"] == 3
    assert first.json()["next"] == "http://testserver/api/v1/pledges?page_size=2&country=BE&page=2"
    assert first.json()["previous"] is None
    assert ids(last) == [made[0]]
    assert last.json()["next"] is None
    assert last.json()["previous"] == (
        "http://testserver/api/v1/pledges?page_size=2&country=BE&page=2"
    )
    assert past.status_code == 404
    assert past.json() == {"detail": "There is no such page.", "errors": []}


def test_an_empty_result_is_one_empty_page(client):
    response = client.get(PLEDGES, {"country": "MT"})

    assert response.status_code == 200
    assert response.json()["count"] == 0
    assert response.json()["results"] == []


@pytest.mark.parametrize("count", [1, 25])
def test_the_list_reads_a_constant_number_of_queries(client, django_assert_num_queries, count):
    for _ in range(count):
        public_pledge()
    client.get(PLEDGES)  # the first request of a generation builds the bitmap index

    # One page of ids and columns (the viewer's page of rows, then the list's columns).
    with django_assert_num_queries(2):
        response = client.get(PLEDGES, {"pillar": "education", "page_size": 100})
    # A search adds two: the word's matches, then the rank of the page's rows.
    with django_assert_num_queries(4):
        searched = client.get(PLEDGES, {"q": "coding", "page_size": 100})

    assert response.json()["count"] == count
    assert len(ids(response)) == count
    assert searched.json()["count"] == count


def test_totals_are_the_viewers_sums_and_counts(client):
    public_pledge(
        countries=("BE",),
        targets={"people-reached": 100},
        achieved={"people-reached": 40},
        breakdowns={"people-reached": {"women": 25, "men": 10, "gender_other": 5}},
    )
    public_pledge(countries=("FR",), targets={"people-reached": 50})
    public_pledge(countries=("FR",), pillars=("for-all",), targets={"certifications": 7})

    response = client.get(f"{PLEDGES}/totals", {"pillar": "education"})

    body = response.json()
    assert response.status_code == 200
    assert (body["pledges"], body["not_reported"]) == (2, 1)
    assert body["indicators"] == [
        {
            "kind": "people-reached",
            "target": 150,
            "achieved": 40,
            "breakdown": {
                "women": 25,
                "men": 10,
                "gender_other": 5,
                "without_gender": 0,
                "age_under_25": 0,
                "age_25_to_54": 0,
                "age_55_and_over": 0,
                "age_not_recorded": 0,
                "without_age": 40,  # no age breakdown given
            },
        }
    ]
    assert body["facets"]["country"] == {"BE": 1, "FR": 1}
    # Each facet counts with the *other* filters: the pillar facet ignores its own.
    assert body["facets"]["pillar"] == {"education": 2, "for-all": 1}


@pytest.mark.parametrize("count", [1, 25])
def test_totals_read_no_query_once_the_index_is_built(client, django_assert_num_queries, count):
    for _ in range(count):
        public_pledge()
    client.get(f"{PLEDGES}/totals")

    with django_assert_num_queries(0):
        response = client.get(f"{PLEDGES}/totals", {"country": "BE"})

    assert response.json()["pledges"] == count


def test_a_pledge_has_its_initiatives_indicators_and_approved_reports(client):
    pledge = public_pledge(
        title="Coding club",
        targets={"people-reached": 100, "certifications": 10},
        achieved={"people-reached": 40},
        breakdowns={"people-reached": {"women": 30, "men": 8, "gender_other": 2}},
    )
    indicator = pledge.initiatives.get().indicators.get(kind="people-reached")
    refused = ProgressReportFactory(pledge=pledge, status="rejected")
    ReportedValueFactory(report=refused, indicator=indicator, value=1000)

    response = client.get(f"{PLEDGES}/{pledge.pk}")

    body = response.json()
    assert response.status_code == 200
    assert body["title"] == "Coding club"
    assert body["organisation"]["id"] == pledge.organisation.pk
    [initiative] = body["initiatives"]
    assert initiative["pillars"] == ["education"]
    assert initiative["countries"] == ["BE"]
    assert [
        (i["kind"], i["name"], i["target"], i["achieved"]) for i in initiative["indicators"]
    ] == [
        ("people-reached", "People reached", 100, 40),
        ("certifications", "Certifications issued", 10, None),
    ]
    [report] = body["reports"]  # the rejected report is not public
    gender = {"women": 30, "men": 8, "gender_other": 2}
    no_age = {"age_under_25": None, "age_25_to_54": None, "age_55_and_over": None}
    assert report["values"] == [
        {
            "indicator": indicator.pk,
            "value": 40,
            "breakdown": gender | no_age | {"age_not_recorded": None},
        }
    ]
    people, certifications = initiative["indicators"]
    assert people["breakdown"] == gender | {
        "without_gender": 0,
        "age_under_25": 0,
        "age_25_to_54": 0,
        "age_55_and_over": 0,
        "age_not_recorded": 0,
        "without_age": 40,
    }
    assert certifications["breakdown"] is None  # not reported
    assert report["narrative"] == "Half-way."


@pytest.mark.parametrize("size", [1, 6])
def test_a_pledge_reads_a_constant_number_of_queries(client, django_assert_num_queries, size):
    pledge = public_pledge(targets={"people-reached": 100}, achieved={"people-reached": 10})
    for index in range(size):
        extra = public_pledge(index=False)
        initiative = extra.initiatives.get()
        initiative.pledge = pledge
        initiative.position = index + 1
        initiative.save()
        report = ProgressReportFactory(pledge=pledge, status="approved")
        for indicator in initiative.indicators.all():
            # With a breakdown, which the answer shows (no query per value).
            ReportedValueFactory(
                report=report, indicator=indicator, value=5, women=2, men=3, gender_other=0
            )
    pledge.partners.add(*(public_pledge(index=False).organisation for _ in range(size)))

    # Pledge and organisation, partners, initiatives, their pillars, indicators,
    # approved values, reports, their values.
    with django_assert_num_queries(8):
        response = client.get(f"{PLEDGES}/{pledge.pk}")

    assert len(response.json()["initiatives"]) == size + 1
    assert len(response.json()["partners"]) == size


@pytest.mark.parametrize(
    "status", [Pledge.Status.DRAFT, Pledge.Status.SUBMITTED, Pledge.Status.WITHDRAWN]
)
def test_a_pledge_that_is_not_public_is_404(client, status):
    pledge = DraftFactory(status=status)

    response = client.get(f"{PLEDGES}/{pledge.pk}")

    assert response.status_code == 404
    assert response.json() == {"detail": "There is no such public pledge.", "errors": []}


def test_a_revision_of_a_public_pledge_is_404(client):
    public = public_pledge()
    revision = DraftFactory(revision_of=public, status=Pledge.Status.APPROVED)
    refresh_pledges([public.pk])

    assert client.get(f"{PLEDGES}/{revision.pk}").status_code == 404
    assert client.get(f"{PLEDGES}/{public.pk}").status_code == 200
    assert ids(client.get(PLEDGES)) == [public.pk]
