"""Emails about pledges, sent by the worker, reach each person in the language
they chose for emails: the team's members each in theirs (one message per
language), the moderators too; the links lead to the pages in that language."""

import datetime

import pytest
from django.core import mail
from django.utils import translation

from pledges import emails as pledge_emails
from pledges import services
from tests.factories import TeamMembershipFactory, UserFactory
from tests.pledges.factories import complete_pledge

pytestmark = pytest.mark.django_db
SITE = "http://testserver"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE
    settings.MODERATORS_EMAIL = ["moderation@example.eu"]


@pytest.fixture
def team(organisation, editor):
    """The editor (English), and colleagues who read French and German."""
    for address, language in (("fr@example.org", "fr"), ("de@example.org", "de")):
        TeamMembershipFactory(
            organisation=organisation,
            user=UserFactory(email=address, preferred_language=language),
        )
    return editor


def by_address():
    return {message.to[0]: message for message in mail.outbox}


def test_a_decision_reaches_each_team_member_in_their_language(
    team, moderator, django_capture_on_commit_callbacks
):
    pledge = complete_pledge(organisation=team.organisations.get(), title="Coding clubs")
    services.pledge_submit(pledge=pledge, actor=team, declaration=True)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True), translation.override("de"):
        services.pledge_approve(pledge=pledge, actor=moderator)

    messages = by_address()
    assert len(mail.outbox) == 3  # one message per language
    assert messages[team.email].subject.endswith("Your pledge “Coding clubs”: Approved")
    assert messages["fr@example.org"].body.startswith("Bonjour")
    assert f"{SITE}/fr/pledges/{pledge.pk}/" in messages["fr@example.org"].body
    assert messages["de@example.org"].body.startswith("Guten Tag")
    assert f"{SITE}/de/pledges/{pledge.pk}/" in messages["de@example.org"].body
    assert f"{SITE}/en/pledges/{pledge.pk}/" in messages[team.email].body


def test_a_submission_reaches_each_moderator_in_their_language(
    editor, moderator, django_capture_on_commit_callbacks
):
    moderator.preferred_language = "fr"
    moderator.save()
    pledge = complete_pledge(organisation=editor.organisations.get())

    with django_capture_on_commit_callbacks(execute=True), translation.override("de"):
        services.pledge_submit(pledge=pledge, actor=editor, declaration=True)

    messages = by_address()
    assert sorted(messages) == ["moderation@example.eu", moderator.email]
    assert messages[moderator.email].body.startswith("Bonjour")
    assert messages["moderation@example.eu"].body.startswith("Hello")


def test_a_reminder_reaches_each_team_member_in_their_language(team):
    pledge = complete_pledge(organisation=team.organisations.get(), approved=True)

    sent = pledge_emails.reminder_email(
        pledge, overdue=True, due_at=datetime.datetime(2026, 7, 15, tzinfo=datetime.UTC)
    )

    messages = by_address()
    assert sent == 3
    assert "15 juillet 2026" in messages["fr@example.org"].body
    assert "15. Juli 2026" in messages["de@example.org"].body
    assert (
        f"{SITE}/de/organisations/{pledge.organisation.slug}/pledges/{pledge.pk}/reports/new/"
        in messages["de@example.org"].body
    )
