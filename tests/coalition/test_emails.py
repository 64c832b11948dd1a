"""The one email helper: written from templates in a given language, sent by the
worker only once the change that caused it commits."""

from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.utils import translation

from coalition import emails

pytestmark = pytest.mark.django_db

PREFIX = "[EU Digital Skills and Jobs Coalition]"
REFUSED = "members/join_request_refused"  # subject and body both name the organisation
TEMPLATES = Path(settings.BASE_DIR) / "templates" / "emails"


class RefusedError(Exception):
    pass


@transaction.atomic
def a_change_that_fails(recipient):
    emails.queue(REFUSED, [recipient], context())
    raise RefusedError


def context(name="Code Club Ghent"):
    return {"organisation": SimpleNamespace(name=name)}


# --- Writing -------------------------------------------------------------------------


def test_it_writes_the_subject_and_body_from_the_templates():
    email = emails.render(REFUSED, context())

    assert email.subject == f"{PREFIX} Your request to join Code Club Ghent"
    assert email.body == (
        "Hello,\n\n"
        "The administrators of Code Club Ghent did not accept your request to join its team on "
        "the EU Digital Skills and Jobs Coalition portal. If you think this is a mistake, "
        "contact them directly.\n\n"
        "The EU Digital Skills and Jobs Coalition team\n"
        f"{settings.SITE_URL}\n\n"
    )


@pytest.mark.parametrize(
    ("language", "subject", "signature"),
    [
        ("fr", "Votre demande pour rejoindre Code Club Ghent", "L'équipe EU Digital Skills"),
        ("de", "Ihre Anfrage auf Beitritt zu Code Club Ghent", "Das Team der EU Digital Skills"),
    ],
)
def test_it_writes_in_the_language_asked_for(language, subject, signature):
    email = emails.render(REFUSED, context(), language=language)

    assert email.subject == f"{PREFIX} {subject}"
    assert signature in email.body
    assert "Hello" not in email.body


def test_without_a_language_it_writes_in_the_sites_whatever_the_page_was_in():
    with translation.override("fr"):
        email = emails.render(REFUSED, context())
        still = translation.get_language()

    assert email.subject == f"{PREFIX} Your request to join Code Club Ghent"
    assert still == "fr"  # and leaves the caller's language alone


@pytest.mark.parametrize(
    "name",
    ["Code  Club", "Code\nClub", "Code\r\nClub", "Code\tClub", " Code Club ", "Code \n  Club\n"],
)
def test_a_subject_is_one_line_with_single_spaces(name):
    email = emails.render(REFUSED, context(name))

    assert email.subject == f"{PREFIX} Your request to join Code Club"
    assert "  " not in email.subject
    assert "\n" not in email.subject
    assert "\r" not in email.subject


def test_names_are_written_as_typed_not_html_escaped():
    email = emails.render(REFUSED, context("Ligue de l'enseignement & <Co>"))

    assert email.subject == f"{PREFIX} Your request to join Ligue de l'enseignement & <Co>"
    assert "The administrators of Ligue de l'enseignement & <Co> did not" in email.body


def test_every_email_template_writes_plain_text():
    """Plain text needs no escaping: each subject and body turns autoescaping off
    (the partials, such as the footer, are included from inside one)."""
    templates = sorted(TEMPLATES.glob("*/*.txt"))
    whole = [path for path in templates if not path.name.startswith("_")]

    assert {path.parent.name for path in whole} == {"members", "national", "pledges"}
    assert [
        path.relative_to(TEMPLATES)
        for path in whole
        if not path.read_text().startswith("{% load i18n %}{% autoescape off %}")
        or "{% endautoescape %}" not in path.read_text()
    ] == []
    names = {path.name.removesuffix("_subject.txt") for path in whole if "_subject" in path.name}
    assert names == {path.name.removesuffix("_body.txt") for path in whole if "_body" in path.name}


# --- Sending now (on the worker) -------------------------------------------------------


def test_send_sends_one_message_to_all_the_recipients_together():
    sent = emails.send(
        REFUSED, ["b@example.org", "a@example.org", "b@example.org"], context(), language="de"
    )

    (message,) = mail.outbox
    assert sent == 1
    assert message.to == ["a@example.org", "b@example.org"]
    assert (message.cc, message.bcc, message.reply_to) == ([], [], [])
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert message.subject == f"{PREFIX} Ihre Anfrage auf Beitritt zu Code Club Ghent"
    assert message.alternatives == []


def test_send_without_recipients_sends_nothing():
    assert emails.send(REFUSED, [], context()) == 0
    assert mail.outbox == []


# --- Queueing for the worker -----------------------------------------------------------


def test_queue_sends_each_recipient_their_own_message_once_committed(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        emails.queue(REFUSED, ["b@example.org", "a@example.org"], context())
        waiting = list(mail.outbox)

    assert waiting == []
    assert len(callbacks) == 2
    assert [message.to for message in mail.outbox] == [["a@example.org"], ["b@example.org"]]
    assert {message.subject for message in mail.outbox} == {
        f"{PREFIX} Your request to join Code Club Ghent"
    }
    assert {message.from_email for message in mail.outbox} == {settings.DEFAULT_FROM_EMAIL}


def test_an_email_queued_in_a_transaction_that_rolls_back_is_never_sent(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RefusedError):
            a_change_that_fails("a@example.org")
        emails.queue(REFUSED, ["b@example.org"], context("After"))

    assert len(callbacks) == 1
    assert [(message.to, message.subject) for message in mail.outbox] == [
        (["b@example.org"], f"{PREFIX} Your request to join After")
    ]


def test_a_task_queued_in_a_transaction_that_rolls_back_never_reaches_the_database(
    settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RefusedError):
            a_change_that_fails("a@example.org")
        emails.queue(REFUSED, ["b@example.org"], context())

    (waiting,) = DBTaskResult.objects.all()
    assert (waiting.task_path, waiting.status) == ("coalition.emails.send_email", "READY")
    assert waiting.args_kwargs["kwargs"]["recipient"] == "b@example.org"
    assert mail.outbox == []  # the worker sends it


def test_the_worker_sends_the_finished_message_as_queued(settings):
    emails.send_email.call(subject="[Portal] Hello", body="Hello.\n", recipient="a@example.org")

    (message,) = mail.outbox
    assert (message.subject, message.body, message.to, message.from_email) == (
        "[Portal] Hello",
        "Hello.\n",
        ["a@example.org"],
        settings.DEFAULT_FROM_EMAIL,
    )


def test_enqueue_on_commit_waits_for_the_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        emails.enqueue_on_commit(
            emails.send_email, subject="[Portal] Hello", body="Hello.", recipient="a@example.org"
        )
    waiting = list(mail.outbox)
    for callback in callbacks:
        callback()

    assert waiting == []
    assert [message.to for message in mail.outbox] == [["a@example.org"]]
