"""The portal's Atom feed per country: approved pledges and national items."""

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from national.models import Item, Kind
from pledges.models import Initiative, Pledge
from tests.factories import OrganisationFactory
from tests.national.factories import ItemFactory, NationalCoalitionFactory

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def pledge(countries, status=Pledge.Status.APPROVED, title="Coding for every pupil", day=1):
    created = Pledge.objects.create(
        organisation=OrganisationFactory(name=f"Org {title}"),
        title=title,
        summary="We teach coding.",
        beyond_day_to_day="Free.",
        status=status,
        approved_at=dt.datetime(2026, 2, day, tzinfo=dt.UTC),
    )
    Initiative.objects.create(pledge=created, title="I", countries=countries)
    return created


def entries(response):
    root = ET.fromstring(response.content)  # noqa: S314 - the portal's own output
    return root, [
        (entry.find(f"{ATOM}title").text, entry.find(f"{ATOM}id").text)
        for entry in root.findall(f"{ATOM}entry")
    ]


def test_it_publishes_a_countrys_approved_pledges_and_items_newest_first(client, settings):
    coalition = NationalCoalitionFactory(country="FR")
    news = ItemFactory(
        coalition=coalition,
        kind=Kind.NEWS,
        title="Nouvelles",
        published_at=dt.datetime(2026, 3, 1, tzinfo=dt.UTC),
    )
    ItemFactory(coalition=coalition, state=Item.State.PENDING, title="Hidden")
    ItemFactory(coalition=NationalCoalitionFactory(country="DE"), title="German")
    approved = pledge(["FR"], day=10)
    pledge(["FR"], status=Pledge.Status.DRAFT, title="Draft")
    pledge(["DE"], title="Elsewhere")

    response = client.get(reverse("national:country_feed", args=["fr"]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root, found = entries(response)
    assert root.find(f"{ATOM}title").text == (
        "France: pledges and national news — EU Digital Skills and Jobs Coalition"
    )
    assert found == [
        ("Nouvelles", f"{settings.SITE_URL}/national-item/{news.pk}"),
        ("Coding for every pupil", f"{settings.SITE_URL}/pledge/{approved.pk}"),
    ]
    categories = [
        [c.get("term") for c in entry.findall(f"{ATOM}category")]
        for entry in root.findall(f"{ATOM}entry")
    ]
    assert categories == [["News"], ["Pledge"]]


def test_it_strips_markup_from_harvested_summaries(client):
    ItemFactory(
        coalition=NationalCoalitionFactory(country="NL"),
        source=Item.Source.HARVESTED,
        summary="<p>Gids</p><script>alert(1)</script>",
    )

    response = client.get(reverse("national:country_feed", args=["nl"]))

    root, _ = entries(response)
    assert root.find(f"{ATOM}entry/{ATOM}summary").text == "Gids"


def test_it_publishes_an_empty_feed_for_a_country_without_content(client):
    response = client.get(reverse("national:country_feed", args=["mt"]))

    assert response.status_code == 200
    assert entries(response)[1] == []


@pytest.mark.parametrize("country", ["us", "xx", "FR", "<script>"])
def test_it_answers_404_for_anything_but_a_member_states_code(client, country):
    response = client.get(f"/en/national-coalitions/feeds/{country}/")

    assert response.status_code == 404


@pytest.mark.parametrize("count", [1, 30])
def test_the_feed_queries_stay_constant(client, django_assert_max_num_queries, count):
    coalition = NationalCoalitionFactory(country="FR")
    ItemFactory.create_batch(count, coalition=coalition)
    for n in range(count):
        pledge(["FR"], title=f"Pledge {n}")

    with django_assert_max_num_queries(4):
        response = client.get(reverse("national:country_feed", args=["fr"]))

    assert len(entries(response)[1]) == min(2 * count, 50)


def test_a_typed_item_sorts_among_harvested_ones_by_its_publication(client, settings):
    from national import queries, services
    from tests.factories import UserFactory

    coalition = NationalCoalitionFactory(country="FR", trusted=True)
    harvested = ItemFactory(
        coalition=coalition,
        source=Item.Source.HARVESTED,
        published_at=dt.datetime(2026, 1, 5, tzinfo=dt.UTC),
    )
    typed = services.item_create(
        coalition=coalition,
        editor=UserFactory(),
        data={"kind": Kind.NEWS, "title": "Typed", "summary": "Today.", "language": "fr"},
    )
    legacy = ItemFactory(coalition=coalition, published_at=None)  # typed before the fix

    assert [e.pk for e in queries.country_feed_entries("FR")] == [
        legacy.pk,
        typed.pk,
        harvested.pk,
    ]
    assert [e.pk for e in queries.country_feed_entries("FR", limit=2)] == [legacy.pk, typed.pk]
