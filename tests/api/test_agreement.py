"""The API, the CSV download and the JSON download give the same pledges, in the
same order, with the same values, for the same filter."""

import csv
import datetime as dt
import io
import json

import pytest

from pledges.models import Pledge
from pledges.viewer.models import BREAKDOWN_GROUPS, BREAKDOWN_KINDS, STANDARD_KINDS
from pledges.viewer.read_model import refresh_pledges
from tests.factories import OrganisationFactory
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db

FILTERS = [
    {},
    {"country": "BE"},
    {"pillar": "education", "country": ["BE", "FR"]},
    {"status": "completed"},
    {"q": "robotics"},
    {"group": "teachers", "year": "2024"},
    {"country": "MT"},  # nothing
]


@pytest.fixture
def pledges():
    partner = OrganisationFactory(name="Partner, with a comma")
    made = [
        public_pledge(
            title="Robotics club",
            countries=("BE",),
            targets={"people-reached": 500, "certifications": 40, "placements": 9},
            achieved={"people-reached": 120, "certifications": 7, "placements": 2},
            # A gender and age breakdown, a gender one only, none.
            breakdowns={
                "people-reached": {
                    "women": 70,
                    "men": 45,
                    "gender_other": 5,
                    "age_under_25": 100,
                    "age_25_to_54": 15,
                    "age_55_and_over": 0,
                    "age_not_recorded": 5,
                },
                "certifications": {"women": 3, "men": 4, "gender_other": 0},
            },
            approved_at=dt.datetime(2025, 1, 5, 9, tzinfo=dt.UTC),
        ),
        public_pledge(
            title="=Coding school",  # a formula-looking title: the CSV escapes it
            countries=("FR", "BE"),
            pillars=("education", "for-all"),
            status=Pledge.Status.COMPLETED,
            start_date=dt.date(2024, 3, 1),
            end_date=None,
            initiative={"beneficiary_groups": ["teachers"], "delivery_mode": "online"},
            approved_at=dt.datetime(2025, 2, 5, 9, tzinfo=dt.UTC),
        ),
        public_pledge(
            title="Robotics for workers",
            countries=("DE",),
            pillars=("labour-force",),
            eu_wide=True,
            targets={"new-courses": 3},
            approved_at=dt.datetime(2025, 3, 5, 9, tzinfo=dt.UTC),
        ),
    ]
    made[0].partners.add(partner)
    refresh_pledges([made[0].pk])
    return made


def api_records(client, filters: dict) -> list[dict]:
    """Every page of /api/v1/pledges, two pledges a page."""
    records, page = [], 1
    while True:
        response = client.get("/api/v1/pledges", {**filters, "page": page, "page_size": 2})
        assert response.status_code == 200
        body = response.json()
        records += body["results"]
        if body["next"] is None:
            return records
        page += 1


def as_download(record: dict) -> dict:
    """An API pledge in the downloads' columns."""
    indicators = {row["kind"]: row for row in record["indicators"]}
    row = {
        "id": record["id"],
        "url": record["url"],
        "title": record["title"],
        "organisation": record["organisation"]["name"],
        "organisation_slug": record["organisation"]["slug"],
        "organisation_sector": record["organisation_sector"],
        "organisation_type": record["organisation_type"],
        "organisation_country": record["organisation_country"],
        "partners": record["partners"],
        "status": record["status"],
        "approved_at": moment(record["approved_at"]),
        "start_date": record["start_date"],
        "end_date": record["end_date"],
        "pillars": record["pillars"],
        "countries": record["countries"],
        "beneficiary_groups": record["beneficiary_groups"],
        "action_types": record["action_types"],
        "delivery_modes": record["delivery_modes"],
        "initiatives": record["initiatives"],
        "target_reach": record["target_reach"],
        "has_reported": record["has_reported"],
    }
    for kind, suffix in STANDARD_KINDS:
        row[f"target_{suffix}"] = indicators.get(kind, {}).get("target", 0)
        row[f"achieved_{suffix}"] = indicators.get(kind, {}).get("achieved")
    for kind, suffix in BREAKDOWN_KINDS:
        groups = indicators.get(kind, {}).get("breakdown") or {}
        for group in BREAKDOWN_GROUPS:
            row[f"{group}_{suffix}"] = groups.get(group)
    return row


def moment(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def json_download(client, filters: dict) -> list[dict]:
    response = client.get("/en/pledges/export.json", filters)
    assert response.status_code == 200
    rows = json.loads(b"".join(response.streaming_content))["pledges"]
    return [{**row, "approved_at": moment(row["approved_at"])} for row in rows]


def as_csv(row: dict) -> dict[str, str]:
    """A JSON download row as the CSV writes it."""

    def text(value) -> str:
        if isinstance(value, list):
            return ";".join(value)
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, dt.datetime):
            return value.isoformat()
        if value is None:
            return ""
        if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
            return "'" + value
        return str(value)

    return {column: text(value) for column, value in row.items()}


def csv_download(client, filters: dict) -> list[dict[str, str]]:
    response = client.get("/en/pledges/export.csv", filters)
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))


@pytest.mark.parametrize("filters", FILTERS)
def test_api_csv_and_json_agree_for_the_same_filter(client, pledges, filters):
    from_api = [as_download(record) for record in api_records(client, filters)]
    from_json = json_download(client, filters)
    from_csv = csv_download(client, filters)

    assert from_api == from_json
    assert [as_csv(row) for row in from_json] == from_csv


def test_they_agree_on_the_breakdowns_too(client, pledges):
    (record,) = [r for r in api_records(client, {"q": "club"}) if r["title"] == "Robotics club"]
    (row,) = [r for r in csv_download(client, {}) if r["title"] == "Robotics club"]
    by_kind = {indicator["kind"]: indicator for indicator in record["indicators"]}

    assert by_kind["people-reached"]["breakdown"]["women"] == 70
    assert row["women_people_reached"] == "70"
    assert row["age_under_25_people_reached"] == "100"
    assert by_kind["certifications"]["breakdown"]["age_under_25"] is None
    assert row["men_certifications"] == "4"
    assert row["age_under_25_certifications"] == ""  # not recorded
    assert by_kind["placements"]["breakdown"] == dict.fromkeys(BREAKDOWN_GROUPS)
    assert row["women_placements"] == ""


def test_the_filters_select_what_they_say(client, pledges):
    robotics, coding, workers = pledges

    def titles(filters):
        return [record["title"] for record in api_records(client, filters)]

    assert titles({}) == [workers.title, coding.title, robotics.title]
    assert titles({"country": "BE"}) == [coding.title, robotics.title]
    assert titles({"q": "robotics"}) == [workers.title, robotics.title]
    assert titles({"group": "teachers", "year": "2024"}) == [coding.title]
