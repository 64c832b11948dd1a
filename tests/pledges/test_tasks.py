import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from pledges import tasks
from pledges.models import Pledge
from tests.pledges.factories import PledgeTransitionFactory, complete_pledge, editor_of

pytestmark = pytest.mark.django_db


def test_the_daily_command_queues_the_reminders_task(organisation):
    editor = editor_of(organisation)
    complete_pledge(
        organisation=organisation,
        approved=True,
        approved_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC),
    )
    out = StringIO()

    call_command("send_report_reminders", stdout=out)  # the test backend runs it at once

    assert "Report reminders queued" in out.getvalue()
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert "overdue" in mail.outbox[0].subject
    assert Pledge.objects.get().inactive_since is not None


def test_a_step_of_a_deleted_pledge_sends_nothing():
    assert tasks.notify_transition.call(999999) == 0


def test_the_teams_own_steps_send_nothing(organisation):
    editor_of(organisation)
    step = PledgeTransitionFactory(
        pledge=complete_pledge(organisation=organisation),
        from_status="draft",
        to_status="withdrawn",
    )

    assert tasks.notify_transition.call(step.pk) == 0
    assert mail.outbox == []


def test_a_reminder_for_a_pledge_no_longer_approved_sends_nothing(organisation):
    editor_of(organisation)
    pledge = complete_pledge(organisation=organisation, status="withdrawn")

    assert tasks.send_report_reminder.call(pledge.pk, False) == 0
