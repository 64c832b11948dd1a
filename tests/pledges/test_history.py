"""Every step of a pledge's workflow is recorded (from, to, who, when, message),
the portal's own steps too, and the organisation's team reads the history on its
pledge pages; the admin shows it read-only."""

import datetime
import re
from html import unescape

import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from pledges import services
from pledges.admin import TransitionInline
from pledges.models import Indicator, Pledge, PledgeTransition, ProgressReport
from tests.pledges.factories import complete_pledge

pytestmark = pytest.mark.django_db
S = Pledge.Status
STEP = PledgeTransition.Step
LATER = datetime.datetime(2028, 1, 16, tzinfo=datetime.UTC)  # 24 months after approval


def steps(pledge):
    return [
        (t.from_status, t.to_status, t.actor, t.message, t.on_revision, t.report_id)
        for t in PledgeTransition.objects.filter(pledge=pledge).order_by("pk")
    ]


def history_rows(html):
    """The history table's rows as text: when, what, step, by, message."""
    body = re.search(r'id="history-heading".*?<tbody>(.*?)</tbody>', html, re.DOTALL).group(1)
    return [
        tuple(
            " ".join(unescape(re.sub(r"<[^>]+>", " ", cell)).split())
            for cell in re.findall(r"<td>(.*?)</td>", row, re.DOTALL)
        )
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.DOTALL)
    ]


# --- The steps that are recorded ---------------------------------------------------


def test_marking_a_pledge_inactive_is_a_step_of_the_portal(organisation):
    pledge = complete_pledge(organisation=organisation, approved=True)

    services.reminders_run(now=LATER)
    services.reminders_run(now=LATER)  # once

    assert steps(pledge) == [(S.APPROVED, STEP.INACTIVE, None, "", False, None)]


def test_an_approved_report_records_that_the_pledge_is_active_again(editor, moderator):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    services.reminders_run(now=LATER)
    report = services.report_submit(
        pledge=pledge,
        actor=editor,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2027, 12, 31),
        narrative="Late, but done.",
        values={Indicator.objects.get().pk: 10},
    )

    services.report_approve(report=report, actor=moderator, now=LATER)

    assert steps(pledge) == [
        (S.APPROVED, STEP.INACTIVE, None, "", False, None),
        ("", ProgressReport.Status.SUBMITTED, editor, "", False, report.pk),
        (
            ProgressReport.Status.SUBMITTED,
            ProgressReport.Status.APPROVED,
            moderator,
            "",
            False,
            report.pk,
        ),
        (STEP.INACTIVE, STEP.ACTIVE_AGAIN, moderator, "", False, None),
    ]


def test_opening_and_discarding_proposed_changes_are_steps(editor_client, editor, organisation):
    pledge = complete_pledge(organisation=organisation, approved=True)

    editor_client.post(
        reverse("pledges:revise", kwargs={"slug": organisation.slug, "pk": pledge.pk})
    )
    revision = Pledge.objects.get(revision_of=pledge)
    editor_client.post(
        reverse("pledges:revise", kwargs={"slug": organisation.slug, "pk": pledge.pk})
    )
    editor_client.post(
        reverse("pledges:delete", kwargs={"slug": organisation.slug, "pk": revision.pk})
    )

    assert list(Pledge.objects.all()) == [pledge]
    assert steps(pledge) == [
        ("", S.DRAFT, editor, "", True, None),  # opened once, however often asked
        (S.DRAFT, STEP.DISCARDED, editor, "", True, None),
    ]


def test_withdrawing_records_that_the_proposed_changes_are_discarded(editor, moderator):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    revision = services.pledge_revise(pledge=pledge, actor=editor)
    services.pledge_submit(pledge=revision, actor=editor, declaration=True)

    services.pledge_withdraw(pledge=pledge, actor=editor, message="Funding ended.")

    assert steps(pledge) == [
        ("", S.DRAFT, editor, "", True, None),
        (S.DRAFT, S.SUBMITTED, editor, "", True, None),
        (S.SUBMITTED, STEP.DISCARDED, editor, "", True, None),
        (S.APPROVED, S.WITHDRAWN, editor, "Funding ended.", False, None),
    ]


def test_the_new_steps_have_labels():
    pledge = complete_pledge(approved=True)

    labels = [
        (t.from_label, t.to_label)
        for t in (
            PledgeTransition(pledge=pledge, from_status=S.APPROVED, to_status=STEP.INACTIVE),
            PledgeTransition(pledge=pledge, from_status=STEP.INACTIVE, to_status=STEP.ACTIVE_AGAIN),
            PledgeTransition(pledge=pledge, from_status=S.DRAFT, to_status=STEP.DISCARDED),
        )
    ]

    assert labels == [
        ("Approved", "Inactive"),
        ("Inactive", "Active again"),
        ("Draft", "Discarded"),
    ]


# --- Who reads the history -----------------------------------------------------------


@pytest.fixture
def history(editor, moderator):
    """A pledge submitted, sent back, resubmitted, approved, gone inactive, with
    proposed changes opened: one step of each kind of actor."""
    pledge = complete_pledge(organisation=editor.organisations.get())
    services.pledge_submit(pledge=pledge, actor=editor, declaration=True)
    services.pledge_request_changes(pledge=pledge, actor=moderator, message="Add a <b>target</b>.")
    services.pledge_submit(pledge=pledge, actor=editor, declaration=True)
    services.pledge_approve(pledge=pledge, actor=moderator)
    services.reminders_run(now=Pledge.objects.get().approved_at + datetime.timedelta(days=731))
    services.pledge_revise(pledge=pledge, actor=editor)
    when = datetime.datetime(2026, 5, 4, 9, 30, tzinfo=datetime.UTC)
    PledgeTransition.objects.update(created_at=when)  # the newest first, by id
    return pledge


def expected_rows(editor):
    when = "4 May 2026, 11:30"  # Brussels time
    return [
        (when, "Proposed changes", "Draft", editor.email, "—"),
        (when, "Pledge", "Approved → Inactive", "The portal, automatically", "—"),
        (when, "Pledge", "Submitted for review → Approved", "Moderators", "—"),
        (when, "Pledge", "Changes requested → Submitted for review", editor.email, "—"),
        (
            when,
            "Pledge",
            "Submitted for review → Changes requested",
            "Moderators",
            "Add a <b>target</b>.",
        ),
        (when, "Pledge", "Draft → Submitted for review", editor.email, "—"),
    ]


def test_the_team_reads_the_history_on_the_pledge_page(editor_client, editor, history):
    response = editor_client.get(reverse("pledges:detail", kwargs={"pk": history.pk}))

    assert history_rows(response.text) == expected_rows(editor)
    assert "Add a &lt;b&gt;target&lt;/b&gt;." in response.text  # escaped


def test_the_team_reads_the_history_on_the_manage_page(editor_client, editor, history):
    url = reverse("pledges:manage", kwargs={"slug": history.organisation.slug, "pk": history.pk})

    response = editor_client.get(url)

    assert history_rows(response.text) == expected_rows(editor)


def test_the_history_is_the_teams_only(client, outsider_client, history):
    url = reverse("pledges:detail", kwargs={"pk": history.pk})

    assert "Workflow history" not in outsider_client.get(url).text
    client.logout()
    assert "Workflow history" not in client.get(url).text


def test_the_admin_shows_the_history_read_only(client, moderator, history):
    inline = TransitionInline(Pledge, admin.site)
    request = RequestFactory().get("/")
    request.user = moderator
    client.force_login(moderator)

    response = client.get(reverse("admin:pledges_pledge_change", args=[history.pk]))

    assert response.status_code == 200
    assert inline.has_add_permission(request, history) is False
    assert inline.has_change_permission(request, history) is False
    assert inline.can_delete is False
    assert set(inline.get_readonly_fields(request, history)) == set(inline.fields)
    (formset,) = [
        f for f in response.context["inline_admin_formsets"] if f.opts.model is PledgeTransition
    ]
    assert len(formset.formset.forms) == 6
    fields = set(re.findall(r'name="transitions-\d+-([a-z_]+)"', response.text))
    assert fields <= {"id", "pledge"}  # hidden keys only: nothing to edit or delete
