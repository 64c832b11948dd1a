"""The admin: coalitions with their feeds' health, items with moderation actions."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from members.moderation import MODERATORS_GROUP, ensure_moderators_group
from national.models import Item, Kind
from tests.factories import UserFactory
from tests.national.factories import FeedFactory, ItemFactory, NationalCoalitionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client):
    """Staff in the real Moderators group, with no permission of their own."""
    user = UserFactory(is_staff=True, email="moderator@example.eu")
    user.groups.add(ensure_moderators_group())
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


def test_the_moderators_group_gets_the_national_permissions_and_no_delete():
    Group.objects.filter(name=MODERATORS_GROUP).delete()

    group = ensure_moderators_group()

    national = set(
        group.permissions.filter(content_type__app_label="national").values_list(
            "codename", flat=True
        )
    )
    assert national == {
        "view_nationalcoalition",
        "change_nationalcoalition",
        "view_item",
        "add_item",
        "change_item",
        "view_feed",
        "add_feed",
        "change_feed",
    }
    everything = group.permissions.values_list("codename", flat=True)
    assert [codename for codename in everything if codename.startswith("delete_")] == []


def test_the_national_migration_grants_what_members_moderation_lists():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("national.migrations.0002_moderators_group")
    Group.objects.filter(name=MODERATORS_GROUP).delete()

    migration.grant(apps, None)

    group = Group.objects.get(name=MODERATORS_GROUP)
    assert set(group.permissions.all()) == set(ensure_moderators_group().permissions.all())
    assert not group.permissions.filter(codename__in=["delete_item", "delete_feed"]).exists()


def test_it_sends_items_back_to_moderation(client, moderator):
    item = ItemFactory(state=Item.State.APPROVED)

    response = client.post(
        reverse("admin:national_item_changelist"),
        {"action": "back_to_moderation", "_selected_action": [item.pk]},
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.state, item.moderated_by) == (Item.State.PENDING, moderator)
    assert item.moderated_at is not None


def item_change_data(item, **changes):
    return {
        "coalition": item.coalition.pk,
        "kind": item.kind,
        "title": item.title,
        "summary": item.summary,
        "link": item.link,
        "language": item.language,
        "country": item.country.code,
        "starts_on": "",
        "ends_on": "",
        "deadline": "",
        "location": "",
        "state": item.state,
        "published_at_0": "2026-01-01",
        "published_at_1": "00:00:00",
    } | changes


def test_changing_the_state_in_the_form_records_the_moderator(client, moderator):
    item = ItemFactory(state=Item.State.PENDING)

    response = client.post(
        reverse("admin:national_item_change", args=[item.pk]),
        item_change_data(item, state=Item.State.APPROVED),
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.state, item.moderated_by) == (Item.State.APPROVED, moderator)
    assert item.moderated_at is not None


def test_editing_other_fields_in_the_form_leaves_the_moderation_alone(client, moderator):
    item = ItemFactory(state=Item.State.PENDING)

    response = client.post(
        reverse("admin:national_item_change", args=[item.pk]),
        item_change_data(item, title="Corrected title"),
    )

    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.title, item.state, item.moderated_by, item.moderated_at) == (
        "Corrected title",
        Item.State.PENDING,
        None,
        None,
    )


def test_harvest_now_queues_the_selected_feeds_for_the_worker_which_tells_the_moderators(
    client, moderator, feed_server, settings, django_capture_on_commit_callbacks
):
    settings.MODERATORS_EMAIL = ["moderators@example.eu"]
    germany = NationalCoalitionFactory(country="DE", trusted=False)
    good = FeedFactory(coalition=germany, kind=Kind.NEWS, url=feed_server.url("atom.xml"))
    broken = FeedFactory(coalition=germany, kind=Kind.EVENT, url=feed_server.url("broken.xml"))
    FeedFactory(coalition=NationalCoalitionFactory(country="AT"), url=feed_server.url("rss.xml"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:national_feed_changelist"),
            {"action": "harvest_now", "_selected_action": [good.pk, broken.pk]},
            follow=True,
        )

    assert [str(m) for m in response.context["messages"]] == [
        "2 feeds queued for harvest: their health shows the result once "
        "the background worker has fetched them.",
    ]
    # The immediate backend of the tests ran the task when the request committed.
    assert set(Item.objects.values_list("feed", flat=True)) == {good.pk}
    broken.refresh_from_db()
    assert broken.last_error.startswith("The address does not serve an RSS or Atom feed")
    (message,) = mail.outbox
    assert message.to == ["moderator@example.eu", "moderators@example.eu"]
    assert message.subject.endswith("2 national items to moderate")


def test_harvest_now_fetches_nothing_inside_the_request(
    client, moderator, feed_server, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    coalition = NationalCoalitionFactory(country="DE")
    feed = FeedFactory(coalition=coalition, url=feed_server.url("atom.xml"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("admin:national_feed_changelist"),
            {"action": "harvest_now", "_selected_action": [feed.pk]},
            follow=True,
        )

    assert [str(m) for m in response.context["messages"]] == [
        "1 feed queued for harvest: its health shows the result once "
        "the background worker has fetched it.",
    ]
    assert feed_server.requests == []
    (queued,) = DBTaskResult.objects.all()
    assert (queued.task_path, queued.args_kwargs["args"]) == (
        "national.tasks.harvest_selected_feeds",
        [[feed.pk]],
    )


def test_the_item_page_explains_the_summary_in_plain_words(client, moderator):
    item = ItemFactory()

    response = client.get(reverse("admin:national_item_change", args=[item.pk]))

    assert response.status_code == 200
    assert "as its website published it (links and simple formatting kept" in response.text
    assert "sanitised" not in response.text
