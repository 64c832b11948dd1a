"""GET /api/v1/, /api/v1/indicators and /api/v1/pillars."""

import pytest

from coalition.models import Pillar

pytestmark = pytest.mark.django_db


def test_the_index_links_to_everything(client):
    body = client.get("/api/v1/").json()

    assert body["openapi"] == "http://testserver/api/v1/openapi.json"
    assert body["docs"] == "http://testserver/api/v1/docs"
    assert body["catalogue"] == [
        "http://testserver/catalogue.ttl",
        "http://testserver/catalogue.jsonld",
    ]
    for url in body["endpoints"].values():
        assert client.get(url).status_code == 200, url


def test_indicators_are_the_standard_kinds_with_their_download_columns(client):
    body = client.get("/api/v1/indicators").json()

    assert [row["kind"] for row in body] == [
        "people-reached",
        "training-places-online",
        "training-places-in-person",
        "training-places-blended",
        "certifications",
        "awareness",
        "placements",
        "job-vacancies",
        "new-courses",
    ]
    assert body[0] == {
        "kind": "people-reached",
        "name": "People reached",
        "counts_people": True,
        "takes_breakdown": True,
        "columns": [
            "target_people_reached",
            "achieved_people_reached",
            "women_people_reached",
            "men_people_reached",
            "gender_other_people_reached",
            "age_under_25_people_reached",
            "age_25_to_54_people_reached",
            "age_55_and_over_people_reached",
            "age_not_recorded_people_reached",
        ],
    }
    assert body[-1]["counts_people"] is False
    assert [row["kind"] for row in body if not row["takes_breakdown"]] == [
        "job-vacancies",
        "new-courses",
    ]


def test_pillars_come_in_order_with_the_names_staff_gave_them(client, django_assert_num_queries):
    Pillar.objects.filter(slug="education").update(short_name="Schools")

    with django_assert_num_queries(1):
        body = client.get("/api/v1/pillars").json()

    assert [row["slug"] for row in body] == [
        "for-all",
        "labour-force",
        "ict-professionals",
        "education",
    ]
    assert body[3]["short_name"] == "Schools"
    assert body[3]["url"] == "http://testserver/en/pillars/education/"
