"""Reporting status: the reminders' rules in one function, and the same
decision made by the database for counts, filters and lists."""

import datetime

import pytest

from pledges import services
from pledges.models import Pledge
from pledges.reporting import status
from pledges.reporting.status import ReportingStatus
from tests.pledges.factories import PledgeFactory

UTC = datetime.UTC
APPROVED = datetime.datetime(2025, 8, 31, 9, 0, tzinfo=UTC)


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (at(2025, 9, 1), ReportingStatus.UP_TO_DATE),
        # Due six months later: 31 August + 6 months is the last day of February.
        (at(2026, 2, 28, 8, 59), ReportingStatus.UP_TO_DATE),
        (at(2026, 2, 28, 9, 0), ReportingStatus.DUE),
        (at(2026, 3, 30, 8, 59), ReportingStatus.DUE),
        # Overdue 30 days after it was due.
        (at(2026, 3, 30, 9, 0), ReportingStatus.OVERDUE),
        (at(2027, 8, 31, 8, 59), ReportingStatus.OVERDUE),
        # Inactive 24 months after approval with no approved report.
        (at(2027, 8, 31, 9, 0), ReportingStatus.INACTIVE),
    ],
)
def test_the_status_follows_the_reminder_rules(now, expected):
    found = status.reporting_status(
        approved_at=APPROVED, last_report_approved_at=None, inactive_since=None, now=now
    )

    assert found == expected


def test_the_last_approved_report_starts_the_next_six_months():
    found = status.reporting_status(
        approved_at=APPROVED,
        last_report_approved_at=at(2026, 3, 1),
        inactive_since=None,
        now=at(2026, 8, 31),
    )

    assert found == ReportingStatus.UP_TO_DATE


def test_a_pledge_marked_inactive_stays_inactive_until_a_report_is_approved():
    found = status.reporting_status(
        approved_at=APPROVED,
        last_report_approved_at=None,
        inactive_since=at(2025, 9, 1),
        now=at(2025, 9, 2),
    )

    assert found == ReportingStatus.INACTIVE


@pytest.mark.django_db
def test_only_approved_pledges_have_a_status():
    draft = PledgeFactory()
    completed = PledgeFactory(status=Pledge.Status.COMPLETED, approved_at=APPROVED)

    assert status.status_of(draft, at(2026, 1, 1)) is None
    assert status.status_of(completed, at(2026, 1, 1)) is None


def _dates():
    """Approvals on month ends and ordinary days, reports or not, flags or not."""
    days = [at(2025, 8, 31, 9), at(2024, 2, 29, 23, 30), at(2025, 1, 15), at(2025, 12, 31, 23, 59)]
    cases = []
    for approved in days:
        cases.append((approved, None, None))
        cases.append((approved, approved + datetime.timedelta(days=40), None))
    cases.append((at(2025, 1, 1), None, at(2025, 6, 1)))
    cases.append((None, None, None))
    return cases


NOWS = [
    at(2025, 9, 1),
    at(2026, 2, 28, 9, 0),
    at(2026, 2, 28, 8, 59),
    at(2026, 3, 30, 9, 0),
    at(2026, 6, 29, 12),
    at(2026, 8, 29, 23, 59),
    at(2026, 8, 30, 0, 0),
    at(2027, 2, 28, 9, 0),
    at(2027, 8, 31, 9, 0),
]


@pytest.mark.django_db
@pytest.mark.parametrize("now", NOWS)
def test_the_database_decides_as_python_does(now):
    pledges = [
        PledgeFactory(
            status=Pledge.Status.APPROVED,
            approved_at=approved,
            last_report_approved_at=last,
            inactive_since=inactive,
        )
        for approved, last, inactive in _dates()
    ]
    PledgeFactory()  # a draft: no status

    found = dict(
        status.annotate(Pledge.objects.all(), now=now).values_list("pk", "reporting_status")
    )

    assert found == {p.pk: status.status_of(p, now) for p in pledges}


@pytest.mark.django_db
def test_the_due_date_in_the_database_is_the_reminders_due_date():
    pledge = PledgeFactory(status=Pledge.Status.APPROVED, approved_at=APPROVED)

    annotated = status.annotate(Pledge.objects.all(), now=APPROVED).get()

    assert annotated.report_due == services.report_due_at(pledge)


@pytest.mark.django_db
def test_a_pledge_reminded_as_overdue_has_the_status_overdue():
    now = at(2026, 4, 1)
    overdue = PledgeFactory(status=Pledge.Status.APPROVED, approved_at=at(2025, 8, 15))
    due = PledgeFactory(status=Pledge.Status.APPROVED, approved_at=at(2025, 9, 25))

    done = services.reminders_run(now=now)

    assert sorted(done["reminded"]) == sorted([overdue.pk, due.pk])
    assert status.status_of(overdue, now) == ReportingStatus.OVERDUE
    assert status.status_of(due, now) == ReportingStatus.DUE


@pytest.mark.django_db
def test_a_pledge_the_daily_run_marks_inactive_has_the_status_inactive():
    now = at(2027, 9, 1)
    pledge = PledgeFactory(status=Pledge.Status.APPROVED, approved_at=APPROVED)

    done = services.reminders_run(now=now)
    pledge.refresh_from_db()

    assert done["inactive"] == [pledge.pk]
    assert status.status_of(pledge, now) == ReportingStatus.INACTIVE


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 6])
def test_counts_are_one_query_and_list_every_status(size, django_assert_num_queries):
    now = at(2026, 4, 1)
    for _ in range(size):
        PledgeFactory(status=Pledge.Status.APPROVED, approved_at=at(2025, 8, 15))
        PledgeFactory(status=Pledge.Status.APPROVED, approved_at=at(2026, 3, 1))
    PledgeFactory(status=Pledge.Status.WITHDRAWN, approved_at=at(2025, 1, 1))

    with django_assert_num_queries(1):
        found = status.counts(Pledge.objects.all(), now=now)

    assert [(c.status, c.label, c.modifier, c.count) for c in found] == [
        ("overdue", "Overdue", "error", size),
        ("due", "Report due", "warning", 0),
        ("inactive", "Inactive", "neutral", 0),
        ("up-to-date", "Up to date", "success", size),
    ]


@pytest.mark.django_db
def test_an_unknown_status_filters_to_nothing():
    PledgeFactory(status=Pledge.Status.APPROVED, approved_at=APPROVED)

    annotated = status.annotate(Pledge.objects.all(), now=APPROVED)

    assert list(annotated.filter(status.by_status("nonsense"))) == []
    assert annotated.filter(status.by_status("up-to-date")).count() == 1
