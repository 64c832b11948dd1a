import random

import pytest

from members import demo as members_demo
from national import demo
from national.models import Feed, Item, Kind, NationalCoalition

pytestmark = pytest.mark.django_db


def snapshot():
    coalitions = NationalCoalition.objects.order_by("country")
    items = Item.objects.order_by("coalition__country", "title")
    return (
        list(coalitions.values_list("country", "name", "trusted", "launched_on")),
        list(items.values_list("title", "kind", "state", "starts_on", "source")),
        list(Feed.objects.order_by("url").values_list("url", "kind")),
    )


def test_it_seeds_25_coalitions_some_connected_with_every_kind(settings):
    members_demo.seed(random.Random("members"))

    lines = demo.seed(random.Random("national"))

    assert NationalCoalition.objects.count() == 25
    assert set(NationalCoalition.objects.values_list("country", flat=True)).isdisjoint({"LU", "MT"})
    assert Feed.objects.values("coalition").distinct().count() == 5
    assert set(Item.objects.values_list("kind", flat=True)) == set(Kind.values)
    assert Item.objects.filter(source=Item.Source.HARVESTED).exists()
    assert Item.objects.filter(state=Item.State.PENDING).exists()
    assert all(c.editors.exists() and c.partners.exists() for c in NationalCoalition.objects.all())
    assert lines[0].startswith("National coalitions: 25 (25 new)")


def test_it_is_idempotent_and_deterministic():
    members_demo.seed(random.Random("members"))
    demo.seed(random.Random("national"))
    first = snapshot()

    demo.seed(random.Random("national"))
    assert snapshot() == first

    NationalCoalition.objects.all().delete()
    demo.seed(random.Random("national"))
    assert snapshot() == first


def test_feeds_with_harvested_items_say_they_were_harvested():
    members_demo.seed(random.Random("members"))
    demo.seed(random.Random("national"))

    feeds = Feed.objects.all()

    assert feeds.exists()
    for feed in feeds:
        items = Item.objects.filter(feed=feed, source=Item.Source.HARVESTED)
        assert items.exists()
        assert feed.last_checked_at is not None
        assert feed.last_success_at is not None
        assert feed.entries_seen == items.count()
    assert feeds.filter(consecutive_failures__gt=0).count() == 1
