"""coalition.emails in each recipient's language: one message per language,
each with the links of its language's pages."""

from types import SimpleNamespace

import pytest
from django.core import mail
from django.template import engines
from django.utils import translation

from coalition import emails

pytestmark = pytest.mark.django_db

PREFIX = "[EU Digital Skills and Jobs Coalition]"
REFUSED = "members/join_request_refused"
CONTEXT = {"organisation": SimpleNamespace(name="Code Club Ghent")}


def test_by_language_groups_the_addresses_each_once():
    groups = emails.by_language(
        [
            emails.Recipient("fr2@example.org", "fr"),
            "plain@example.org",
            emails.Recipient("de@example.org", "de"),
            emails.Recipient("fr1@example.org", "fr"),
            emails.Recipient("de@example.org", "fr"),  # named twice: the first language wins
            emails.Recipient("old@example.org", "ja"),  # not an interface language
            emails.Recipient("none@example.org", ""),
            "",
        ],
        language="de",
    )

    assert groups == {
        "de": ["de@example.org", "none@example.org", "plain@example.org"],
        "en": ["old@example.org"],
        "fr": ["fr1@example.org", "fr2@example.org"],
    }


def test_by_language_without_a_language_writes_plain_addresses_in_the_sites():
    with translation.override("fr"):
        assert emails.by_language(["a@example.org"]) == {"en": ["a@example.org"]}


def test_recipient_of_a_person_is_in_the_language_they_chose():
    person = SimpleNamespace(email="p@example.org", email_language="de")

    assert emails.Recipient.of(person) == emails.Recipient("p@example.org", "de")


def test_send_writes_one_message_per_language():
    sent = emails.send(
        REFUSED,
        [
            emails.Recipient("de@example.org", "de"),
            emails.Recipient("fr@example.org", "fr"),
            emails.Recipient("en@example.org", "en"),
            emails.Recipient("fr2@example.org", "fr"),
        ],
        CONTEXT,
    )

    assert sent == 3
    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["de@example.org"], f"{PREFIX} Ihre Anfrage auf Beitritt zu Code Club Ghent"),
        (["en@example.org"], f"{PREFIX} Your request to join Code Club Ghent"),
        (
            ["fr2@example.org", "fr@example.org"],
            f"{PREFIX} Votre demande pour rejoindre Code Club Ghent",
        ),
    ]


def test_queue_writes_each_recipient_in_their_language(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), translation.override("de"):
        emails.queue(
            REFUSED,
            [emails.Recipient("fr@example.org", "fr"), emails.Recipient("en@example.org", "en")],
            CONTEXT,
        )

    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["en@example.org"], f"{PREFIX} Your request to join Code Club Ghent"),
        (["fr@example.org"], f"{PREFIX} Votre demande pour rejoindre Code Club Ghent"),
    ]


def test_links_are_worked_out_in_the_language_the_email_is_written_in(settings):
    organisation = SimpleNamespace(get_absolute_url=lambda: f"/{translation.get_language()}/x/")
    context = {
        "dashboard": emails.portal_url("members:dashboard"),
        "page": emails.page_url(organisation),
    }
    template = engines["django"].from_string("{{ dashboard }} {{ page }}")

    with translation.override("en"):  # made on an English page ...
        made = dict(context)
    with translation.override("de"):  # ... written in German
        text = template.render(made)

    assert text == f"{settings.SITE_URL}/de/my/ {settings.SITE_URL}/de/x/"
