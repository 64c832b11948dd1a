"""The admin: coalitions with their feeds' health, items with moderation actions."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from national.models import Item, Kind
from tests.factories import UserFactory
from tests.national.factories import FeedFactory, ItemFactory, NationalCoalitionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client):
    user = UserFactory(is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="national"))
    client.force_login(user)
    return user


def test_it_shows_a_coalition_with_its_feeds_health(client, moderator):
    coalition = NationalCoalitionFactory(country="IE")
    FeedFactory(coalition=coalition, kind=Kind.NEWS, consecutive_failures=3,
                last_error="The website did not answer within 10 seconds.",
                last_checked_at="2026-03-01T10:00:00Z")  # fmt: skip
    FeedFactory(coalition=coalition, kind=Kind.EVENT)

    response = client.get(reverse("admin:national_nationalcoalition_change", args=[coalition.pk]))

    assert response.status_code == 200
    assert "Failed 3 times in a row" in response.text
    assert "The website did not answer within 10 seconds." in response.text
    assert "Not harvested yet" in response.text


def test_it_lists_coalitions_with_failing_feeds_and_items_to_moderate(client, moderator):
    coalition = NationalCoalitionFactory(country="IE")
    FeedFactory(coalition=coalition, consecutive_failures=2)
    ItemFactory.create_batch(2, coalition=coalition, state=Item.State.PENDING)

    response = client.get(reverse("admin:national_nationalcoalition_changelist"))

    assert response.status_code == 200
    row = response.context["cl"].result_list[0]
    assert (row.failing, row.pending) == (1, 2)


def test_it_approves_and_rejects_items_in_bulk(client, moderator):
    first, second = ItemFactory.create_batch(2, state=Item.State.PENDING)
    changelist = reverse("admin:national_item_changelist")

    client.post(changelist, {"action": "approve", "_selected_action": [first.pk, second.pk]})
    first.refresh_from_db()
    assert first.state == Item.State.APPROVED
    assert first.moderated_by == moderator

    client.post(changelist, {"action": "reject", "_selected_action": [second.pk]})
    second.refresh_from_db()
    assert second.state == Item.State.REJECTED


@pytest.mark.parametrize(
    "query",
    ["kind__exact=events", "country__exact=FR", "source__exact=harvested", "state__exact=pending"],
)
def test_it_filters_items_by_kind_country_source_and_state(client, moderator, query):
    wanted = ItemFactory(
        coalition=NationalCoalitionFactory(country="FR"),
        kind=Kind.EVENT,
        source=Item.Source.HARVESTED,
        state=Item.State.PENDING,
    )
    ItemFactory(coalition=NationalCoalitionFactory(country="DE"))

    response = client.get(reverse("admin:national_item_changelist") + "?" + query)

    assert [i.pk for i in response.context["cl"].result_list] == [wanted.pk]


def test_it_shows_the_feed_list_with_health(client, moderator):
    FeedFactory(consecutive_failures=0, last_checked_at="2026-03-01T10:00:00Z")

    response = client.get(reverse("admin:national_feed_changelist"))

    assert response.status_code == 200
    assert ">OK<" in response.text


def test_the_moderators_group_gets_the_national_permissions():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("national.migrations.0002_moderators_group")
    Group.objects.filter(name="Moderators").delete()

    migration.grant(apps, None)

    codenames = set(
        Group.objects.get(name="Moderators").permissions.values_list("codename", flat=True)
    )
    assert codenames == {
        "view_nationalcoalition",
        "change_nationalcoalition",
        "view_item",
        "add_item",
        "change_item",
        "delete_item",
        "view_feed",
        "add_feed",
        "change_feed",
        "delete_feed",
    }
