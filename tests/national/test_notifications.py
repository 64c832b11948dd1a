"""Moderators hear by email about national items that wait for them."""

from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from members.moderation import ensure_moderators_group
from national import services
from national.models import Item
from tests.factories import UserFactory
from tests.national.factories import FeedFactory, ItemFactory, NationalCoalitionFactory

pytestmark = pytest.mark.django_db

DATA = {"kind": "news", "title": "Nouveaux partenaires", "summary": "Douze.", "language": "fr"}


@pytest.fixture
def moderators(settings):
    settings.MODERATORS_EMAIL = ["moderators@example.eu", "lead@example.eu"]
    settings.SITE_URL = "https://skills.example.eu"


def test_it_emails_the_moderators_about_an_editors_new_item(
    moderators, django_capture_on_commit_callbacks
):
    coalition = NationalCoalitionFactory(country="FR", name="Coalition FR", trusted=False)

    with django_capture_on_commit_callbacks(execute=True):
        item = services.item_create(coalition=coalition, editor=UserFactory(), data=DATA)

    (message,) = mail.outbox
    assert message.to == ["lead@example.eu", "moderators@example.eu"]
    assert message.subject == ("[EU Digital Skills and Jobs Coalition] 1 national item to moderate")
    change_url = "https://skills.example.eu" + reverse("admin:national_item_change", args=[item.pk])
    assert f"- Coalition FR — News: Nouveaux partenaires\n  (Typed in) {change_url}" in message.body
    assert "on the EU Digital Skills and Jobs Coalition portal" in message.body
    assert message.alternatives == []  # plain text


def test_it_sends_nothing_for_a_trusted_coalition(moderators, django_capture_on_commit_callbacks):
    coalition = NationalCoalitionFactory(country="FR", trusted=True)

    with django_capture_on_commit_callbacks(execute=True):
        services.item_create(coalition=coalition, editor=UserFactory(), data=DATA)

    assert mail.outbox == []


def test_it_also_emails_the_active_staff_of_the_moderators_group(
    moderators, django_capture_on_commit_callbacks
):
    group = ensure_moderators_group()
    UserFactory(email="staff@example.eu", is_staff=True).groups.add(group)
    UserFactory(email="gone@example.eu", is_staff=True, is_active=False).groups.add(group)
    UserFactory(email="not-staff@example.eu", is_staff=False).groups.add(group)
    UserFactory(email="other-staff@example.eu", is_staff=True)
    UserFactory(email="lead@example.eu", is_staff=True).groups.add(group)  # listed once

    with django_capture_on_commit_callbacks(execute=True):
        services.item_create(coalition=NationalCoalitionFactory(), editor=UserFactory(), data=DATA)

    (message,) = mail.outbox
    assert message.to == ["lead@example.eu", "moderators@example.eu", "staff@example.eu"]


def test_the_moderators_group_alone_is_enough(settings, django_capture_on_commit_callbacks):
    settings.MODERATORS_EMAIL = []
    UserFactory(email="staff@example.eu", is_staff=True).groups.add(ensure_moderators_group())

    with django_capture_on_commit_callbacks(execute=True):
        services.item_create(coalition=NationalCoalitionFactory(), editor=UserFactory(), data=DATA)

    (message,) = mail.outbox
    assert message.to == ["staff@example.eu"]


def test_it_sends_nothing_without_moderators_addresses(
    settings, django_capture_on_commit_callbacks
):
    settings.MODERATORS_EMAIL = []

    with django_capture_on_commit_callbacks(execute=True):
        services.item_create(coalition=NationalCoalitionFactory(), editor=UserFactory(), data=DATA)

    assert mail.outbox == []


def test_it_lists_only_items_still_waiting(moderators):
    from national.notifications import email_moderators

    waiting = ItemFactory(state=Item.State.PENDING, title="Waiting")
    done = ItemFactory(state=Item.State.APPROVED, title="Already approved")

    listed = email_moderators(item_ids=[waiting.pk, done.pk])

    assert listed == 1
    assert "Waiting" in mail.outbox[0].body
    assert "Already approved" not in mail.outbox[0].body


def test_a_harvest_sends_one_email_for_all_new_items(
    moderators, feed_server, django_capture_on_commit_callbacks
):
    coalition = NationalCoalitionFactory(country="DE", trusted=False)
    FeedFactory(coalition=coalition, url=feed_server.url("atom.xml"))

    with django_capture_on_commit_callbacks(execute=True):
        call_command("harvest_feeds", stdout=StringIO(), stderr=StringIO())

    (message,) = mail.outbox
    assert message.subject.endswith("2 national items to moderate")
    assert "(Harvested from a feed)" in message.body
