"""The moderators hear of national items in the language each chose for emails."""

import pytest
from django.core import mail
from django.utils import translation

from members.moderation import ensure_moderators_group
from national import services
from tests.factories import UserFactory
from tests.national.factories import NationalCoalitionFactory

pytestmark = pytest.mark.django_db
DATA = {"kind": "news", "title": "Nouveaux partenaires", "summary": "Douze.", "language": "fr"}


def test_each_moderator_reads_the_notice_in_their_language(
    settings, django_capture_on_commit_callbacks
):
    settings.MODERATORS_EMAIL = ["moderators@example.eu"]
    settings.SITE_URL = "https://skills.example.eu"
    moderator = UserFactory(email="mod-de@example.eu", is_staff=True, preferred_language="de")
    moderator.groups.add(ensure_moderators_group())
    coalition = NationalCoalitionFactory(country="FR", trusted=False)

    with django_capture_on_commit_callbacks(execute=True), translation.override("fr"):
        services.item_create(coalition=coalition, editor=UserFactory(), data=DATA)

    messages = {message.to[0]: message for message in mail.outbox}
    assert sorted(messages) == ["mod-de@example.eu", "moderators@example.eu"]
    assert messages["moderators@example.eu"].body.startswith("Hello,")
    assert messages["mod-de@example.eu"].body.startswith("Guten Tag,")
    assert "https://skills.example.eu/de/admin/national/item/" in messages["mod-de@example.eu"].body
