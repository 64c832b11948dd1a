"""Every public national page reachable from the index renders with one <h1> and
the landmarks (the site-wide crawler sees an empty database)."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from national.models import Item, Kind
from tests.factories import OrganisationFactory
from tests.national.factories import FeedFactory, ItemFactory, NationalCoalitionFactory
from tests.test_site import crawl

pytestmark = pytest.mark.django_db


def test_every_national_page_renders_with_one_h1_and_landmarks(client):
    today = timezone.localdate()
    for country in ("FR", "DE"):
        coalition = NationalCoalitionFactory(country=country)
        coalition.partners.add(OrganisationFactory(country=country))
        FeedFactory(coalition=coalition)
        for kind in Kind.values:
            ItemFactory(coalition=coalition, kind=kind, starts_on=today + dt.timedelta(days=3))
        ItemFactory(coalition=coalition, state=Item.State.PENDING)

    pages = crawl(client, start=reverse("national:index"))

    national = [path for path in pages if "/national-coalitions/" in path]
    # index, 2 coalitions, 9 lists (all + 8 kinds), 2 x 8 public items, 2 country feeds
    assert len(national) == 1 + 2 + 9 + 2 * 8 + 2
    for path, page in pages.items():
        if not page.tags:
            continue
        assert page.tags.get("h1") == 1, path
        assert page.tags.get("main") == 1, path
