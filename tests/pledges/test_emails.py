"""The emails the team receives at each moderator's decision: what they say and
where their links lead."""

import datetime

import pytest
from django.core import mail

from pledges import services
from pledges.models import Indicator, Pledge
from tests.pledges.factories import complete_pledge

pytestmark = pytest.mark.django_db
SITE = "http://testserver"
PREFIX = "[EU Digital Skills and Jobs Coalition]"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def manage(pledge):
    return f"{SITE}/en/organisations/{pledge.organisation.slug}/pledges/{pledge.pk}/"


def link_after(body, words):
    """The address on the line that starts with ``words``."""
    (line,) = [line for line in body.splitlines() if line.startswith(words)]
    return line.removeprefix(words).strip()


@pytest.fixture
def report(editor):
    pledge = complete_pledge(
        organisation=editor.organisations.get(), approved=True, title="Coding clubs"
    )
    report = services.report_submit(
        pledge=pledge,
        actor=editor,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 6, 30),
        narrative="We ran 40 clubs.",
        values={Indicator.objects.get().pk: 120},
    )
    mail.outbox.clear()  # the moderators' notice
    return report


def test_a_report_sent_back_tells_the_team_where_to_correct_it(
    editor, moderator, report, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.report_request_changes(report=report, actor=moderator, message="Which schools?")

    (email,) = mail.outbox
    assert email.to == [editor.email]
    assert email.subject == f"{PREFIX} Your progress report on “Coding clubs”: Changes requested"
    assert (
        "The moderators have reviewed your progress report on “Coding clubs” "
        "(1 January 2026 – 30 June 2026)." in email.body
    )
    assert "Decision: Changes requested" in email.body
    assert "Message from the moderators:\nWhich schools?" in email.body
    assert link_after(email.body, "Make the changes and submit again:") == (
        f"{manage(report.pledge)}reports/{report.pk}/edit/"
    )


def test_a_rejected_report_tells_the_team_why(
    editor, moderator, report, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.report_reject(report=report, actor=moderator, message="No evidence.")

    (email,) = mail.outbox
    assert email.to == [editor.email]
    assert email.subject == f"{PREFIX} Your progress report on “Coding clubs”: Rejected"
    assert "Decision: Rejected" in email.body
    assert "Message from the moderators:\nNo evidence." in email.body
    assert link_after(email.body, "See your pledge:") == manage(report.pledge)


def test_a_title_reads_as_typed_in_the_subject(
    editor, moderator, django_capture_on_commit_callbacks
):
    pledge = complete_pledge(
        organisation=editor.organisations.get(), submitted=True, title="Girls' coding & <robots>"
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_approve(pledge=pledge, actor=moderator)

    (email,) = mail.outbox
    assert email.subject == f"{PREFIX} Your pledge “Girls' coding & <robots>”: Approved"
    assert "The moderators have reviewed your pledge “Girls' coding & <robots>”." in email.body


# --- Proposed changes to an approved pledge ---------------------------------------------


@pytest.fixture
def proposed(editor):
    pledge = complete_pledge(
        organisation=editor.organisations.get(), approved=True, title="Coding clubs"
    )
    revision = services.pledge_revise(pledge=pledge, actor=editor)
    services.pledge_update(pledge=revision, actor=editor, title="Coding clubs, bigger")
    services.pledge_submit(pledge=revision, actor=editor, declaration=True)
    mail.outbox.clear()
    return revision


def test_proposed_changes_sent_back_link_to_the_changes(
    editor, moderator, proposed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_request_changes(pledge=proposed, actor=moderator, message="Say why.")

    (email,) = mail.outbox
    assert email.to == [editor.email]
    assert email.subject == f"{PREFIX} Your changes to “Coding clubs”: Changes requested"
    assert "The moderators have reviewed the changes you proposed to “Coding clubs”." in email.body
    assert "Message from the moderators:\nSay why." in email.body
    assert link_after(email.body, "Make the changes and submit again:") == manage(proposed)


def test_approved_changes_link_to_the_public_pledge(
    editor, moderator, proposed, django_capture_on_commit_callbacks
):
    public = proposed.revision_of

    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_approve(pledge=proposed, actor=moderator)

    (email,) = mail.outbox
    assert email.to == [editor.email]
    assert email.subject == f"{PREFIX} Your changes to “Coding clubs, bigger”: Approved"
    assert link_after(email.body, "The pledge is public:") == f"{SITE}/en/pledges/{public.pk}/"


def test_rejected_changes_link_to_the_approved_pledge(
    editor, moderator, proposed, django_capture_on_commit_callbacks
):
    public = proposed.revision_of

    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_reject(pledge=proposed, actor=moderator, message="Keep it as it was.")

    (email,) = mail.outbox
    assert email.to == [editor.email]
    assert email.subject == f"{PREFIX} Your changes to “Coding clubs”: Rejected"
    assert "Message from the moderators:\nKeep it as it was." in email.body
    assert link_after(email.body, "See your pledge:") == manage(public)


def test_withdrawing_a_submitted_pledge_is_no_decision_to_announce(
    editor, django_capture_on_commit_callbacks
):
    pledge = complete_pledge(organisation=editor.organisations.get(), submitted=True)

    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_withdraw(pledge=pledge, actor=editor)

    assert Pledge.objects.get().status == Pledge.Status.WITHDRAWN
    assert mail.outbox == []


def test_discarding_submitted_changes_by_withdrawing_tells_nobody(
    editor, proposed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_withdraw(pledge=proposed.revision_of, actor=editor)

    assert mail.outbox == []


def test_a_report_decision_subject_has_single_spaces_whatever_the_title_holds(
    editor, moderator, report, django_capture_on_commit_callbacks
):
    Pledge.objects.filter(pk=report.pledge.pk).update(title="Coding  clubs\r\n for  girls")
    report.pledge.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        services.report_reject(report=report, actor=moderator, message="No evidence.")

    (email,) = mail.outbox
    assert email.subject == f"{PREFIX} Your progress report on “Coding clubs for girls”: Rejected"
    assert "  " not in email.subject
