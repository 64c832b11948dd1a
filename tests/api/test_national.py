"""GET /api/v1/national-coalitions and /api/v1/national-content."""

import datetime as dt

import pytest

from national.models import Item, Kind
from tests.factories import OrganisationFactory
from tests.national.factories import ItemFactory, NationalCoalitionFactory

pytestmark = pytest.mark.django_db


def test_coalitions_are_listed_by_country_with_partners_and_published_content(client):
    france = NationalCoalitionFactory(country="FR")
    austria = NationalCoalitionFactory(country="AT")
    partner = OrganisationFactory(name="Partner")
    france.partners.add(partner)
    ItemFactory(coalition=france)
    ItemFactory(coalition=france, state=Item.State.PENDING)

    response = client.get("/api/v1/national-coalitions")

    body = response.json()
    assert [c["country"] for c in body] == ["AT", "FR"]
    assert body[1]["id"] == france.pk
    assert body[1]["content"] == 1
    assert body[1]["url"] == f"http://testserver/en/national-coalitions/{france.slug}/"
    assert [p["name"] for p in body[1]["partners"]] == ["Partner"]
    assert body[0]["partners"] == []
    # No personal data: no contact person or address.
    assert "contact_email" not in body[0]
    assert client.get(f"/api/v1/national-coalitions/{austria.pk}").json() == body[0]


@pytest.mark.parametrize("count", [1, 20])
def test_coalitions_read_a_constant_number_of_queries(client, django_assert_num_queries, count):
    for code in [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
    ][:count]:
        NationalCoalitionFactory(country=code).partners.add(OrganisationFactory())

    with django_assert_num_queries(2):
        response = client.get("/api/v1/national-coalitions")

    assert len(response.json()) == count


def test_content_is_published_items_newest_first_with_filters(client):
    france = NationalCoalitionFactory(country="FR")
    old = ItemFactory(coalition=france, published_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))
    new = ItemFactory(
        coalition=france,
        kind=Kind.EVENT,
        language="fr",
        published_at=dt.datetime(2025, 6, 1, tzinfo=dt.UTC),
    )
    ItemFactory(coalition=france, state=Item.State.PENDING)
    ItemFactory(coalition=france, state=Item.State.REJECTED)
    german = ItemFactory(
        coalition=NationalCoalitionFactory(country="DE"),
        published_at=dt.datetime(2024, 6, 1, tzinfo=dt.UTC),
    )

    everything = client.get("/api/v1/national-content")
    events = client.get("/api/v1/national-content", {"kind": "events"})
    in_french = client.get("/api/v1/national-content", {"language": "fr"})
    in_germany = client.get("/api/v1/national-content", {"country": "DE"})

    def ids(response):
        return [item["id"] for item in response.json()["results"]]

    assert everything.json()["count"] == 3
    assert ids(everything) == [new.pk, old.pk, german.pk]
    assert ids(events) == [new.pk]
    assert ids(in_french) == [new.pk]
    assert ids(in_germany) == [german.pk]
    item = events.json()["results"][0]
    assert item["coalition"]["country"] == "FR"
    assert item["url"] == f"http://testserver/en/national-coalitions/items/{new.pk}/"


@pytest.mark.parametrize("count", [1, 25])
def test_content_reads_a_constant_number_of_queries(client, django_assert_num_queries, count):
    for _ in range(count):
        ItemFactory(coalition=NationalCoalitionFactory(country="FR"))

    with django_assert_num_queries(2):
        response = client.get("/api/v1/national-content", {"page_size": 100})

    assert len(response.json()["results"]) == count


def test_an_item_waiting_for_moderation_is_404(client):
    pending = ItemFactory(state=Item.State.PENDING)
    published = ItemFactory()

    assert client.get(f"/api/v1/national-content/{pending.pk}").status_code == 404
    assert client.get(f"/api/v1/national-content/{published.pk}").json()["title"] == published.title


def test_a_harvested_summary_is_plain_text(client):
    item = ItemFactory(source=Item.Source.HARVESTED, summary="<p>Hello <b>world</b></p>")

    response = client.get(f"/api/v1/national-content/{item.pk}")

    assert response.json()["summary"] == "Hello world"
