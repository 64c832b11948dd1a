import datetime

import pytest
from django.core import mail

from pledges import services
from pledges.models import Indicator, Initiative, Pledge, PledgeTransition, ProgressReport
from pledges.services import WorkflowError
from tests.factories import OrganisationFactory
from tests.pledges.factories import (
    APPROVED_AT,
    IndicatorFactory,
    InitiativeFactory,
    PledgeFactory,
    ProgressReportFactory,
    ReportedValueFactory,
    complete_pledge,
    editor_of,
)

pytestmark = pytest.mark.django_db
S = Pledge.Status
NOW = datetime.datetime(2026, 3, 1, 12, 0, tzinfo=datetime.UTC)


def steps(pledge):
    return [
        (t.from_status, t.to_status, t.on_revision)
        for t in PledgeTransition.objects.filter(pledge=pledge).order_by("pk")
    ]


def test_it_creates_a_draft_and_records_the_step(organisation, editor):
    pledge = services.pledge_create(organisation=organisation, actor=editor, title="Coding")

    assert pledge.status == S.DRAFT
    assert pledge.created_by == editor
    assert steps(pledge) == [("", "draft", False)]


def test_it_never_makes_the_organisation_its_own_partner(organisation, editor):
    other = OrganisationFactory()

    pledge = services.pledge_create(
        organisation=organisation, actor=editor, title="Coding", partners=[organisation, other]
    )

    assert list(pledge.partners.all()) == [other]


def test_it_submits_a_complete_pledge_and_tells_the_moderators(
    editor, moderator, settings, django_capture_on_commit_callbacks
):
    settings.MODERATORS_EMAIL = ["queue@example.eu"]
    pledge = complete_pledge(organisation=editor.organisations.get())

    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_submit(pledge=pledge, actor=editor, declaration=True)

    pledge.refresh_from_db()
    assert pledge.status == S.SUBMITTED
    assert steps(pledge) == [("draft", "submitted", False)]
    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == ["moderator@example.eu", "queue@example.eu"]
    assert "Digital Skills and Jobs Coalition" in mail.outbox[0].subject
    assert pledge.title in mail.outbox[0].body


def test_it_refuses_to_submit_for_an_organisation_that_is_not_a_member(editor):
    organisation = editor.organisations.get()
    organisation.member_since = None
    organisation.save()
    pledge = complete_pledge(organisation=organisation)

    with pytest.raises(WorkflowError, match="Only members"):
        services.pledge_submit(pledge=pledge, actor=editor, declaration=True)

    assert Pledge.objects.get(pk=pledge.pk).status == S.DRAFT


def test_it_refuses_to_submit_without_the_declaration(editor):
    pledge = complete_pledge(organisation=editor.organisations.get())

    with pytest.raises(WorkflowError, match="declaration"):
        services.pledge_submit(pledge=pledge, actor=editor, declaration=False)


def test_it_lists_what_is_missing_before_submission(organisation):
    pledge = PledgeFactory(organisation=organisation, summary="", start_date=None)
    initiative = InitiativeFactory(pledge=pledge, title="Clubs", countries=[])
    initiative.pillars.clear()

    assert services.submission_problems(pledge) == [
        "Write a summary of the pledge.",
        "Give the start and end dates.",
        "Choose a pillar for the initiative “Clubs”.",
        "Choose the countries (or EU-wide) of the initiative “Clubs”.",
        "Add an indicator with a target to the initiative “Clubs”.",
    ]


def test_it_needs_an_initiative_and_an_end_after_the_start(organisation):
    pledge = PledgeFactory(
        organisation=organisation,
        start_date=datetime.date(2026, 5, 1),
        end_date=datetime.date(2026, 4, 1),
    )

    assert services.submission_problems(pledge) == [
        "The end date must be after the start date.",
        "Add at least one initiative.",
    ]


def test_it_refuses_to_submit_an_incomplete_pledge(editor):
    pledge = PledgeFactory(organisation=editor.organisations.get())

    with pytest.raises(WorkflowError, match="Add at least one initiative"):
        services.pledge_submit(pledge=pledge, actor=editor, declaration=True)


def test_it_approves_a_submitted_pledge_and_tells_the_team(
    editor, moderator, django_capture_on_commit_callbacks
):
    pledge = complete_pledge(organisation=editor.organisations.get(), submitted=True)

    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_approve(pledge=pledge, actor=moderator, now=NOW)

    pledge.refresh_from_db()
    assert (pledge.status, pledge.approved_at) == (S.APPROVED, NOW)
    assert Pledge.objects.public().get() == pledge
    assert [m.to for m in mail.outbox] == [[editor.email]]
    assert "Approved" in mail.outbox[0].subject
    assert pledge.get_absolute_url() in mail.outbox[0].body


@pytest.mark.parametrize("status", [S.DRAFT, S.CHANGES_REQUESTED, S.APPROVED, S.REJECTED])
def test_it_refuses_to_decide_on_a_pledge_that_is_not_submitted(status, moderator):
    pledge = complete_pledge(status=status)

    for decide in (
        services.pledge_approve,
        services.pledge_request_changes,
        services.pledge_reject,
    ):
        with pytest.raises(WorkflowError):
            decide(pledge=pledge, actor=moderator, message="Why")

    assert Pledge.objects.get(pk=pledge.pk).status == status


@pytest.mark.parametrize("message", ["", "   "])
def test_it_needs_a_message_to_request_changes_or_reject(message, moderator):
    pledge = complete_pledge(submitted=True)

    with pytest.raises(WorkflowError, match="message"):
        services.pledge_request_changes(pledge=pledge, actor=moderator, message=message)
    with pytest.raises(WorkflowError, match="message"):
        services.pledge_reject(pledge=pledge, actor=moderator, message=message)

    assert Pledge.objects.get(pk=pledge.pk).status == S.SUBMITTED


def test_it_requests_changes_with_a_message_the_team_receives(
    editor, moderator, django_capture_on_commit_callbacks
):
    pledge = complete_pledge(organisation=editor.organisations.get(), submitted=True)

    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_request_changes(pledge=pledge, actor=moderator, message="Add a target.")

    assert Pledge.objects.get(pk=pledge.pk).status == S.CHANGES_REQUESTED
    step = pledge.transitions.get()
    assert (step.from_status, step.to_status, step.actor, step.message) == (
        "submitted",
        "changes-requested",
        moderator,
        "Add a target.",
    )
    assert "Add a target." in mail.outbox[0].body


def test_it_rejects_with_a_message(editor, moderator, django_capture_on_commit_callbacks):
    pledge = complete_pledge(organisation=editor.organisations.get(), submitted=True)

    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_reject(pledge=pledge, actor=moderator, message="Not about digital skills.")

    assert Pledge.objects.get(pk=pledge.pk).status == S.REJECTED
    assert "Not about digital skills." in mail.outbox[0].body


def test_it_withdraws_an_approved_pledge_and_drops_proposed_changes(
    editor, django_capture_on_commit_callbacks
):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    services.pledge_revise(pledge=pledge, actor=editor)

    with django_capture_on_commit_callbacks(execute=True):
        services.pledge_withdraw(pledge=pledge, actor=editor, message="Project stopped.")

    assert Pledge.objects.get().status == S.WITHDRAWN  # the revision is gone
    assert mail.outbox == []  # the team's own step: nobody to tell


@pytest.mark.parametrize("status", [S.REJECTED, S.WITHDRAWN, S.COMPLETED])
def test_it_refuses_to_withdraw_a_closed_pledge(status, editor):
    pledge = complete_pledge(status=status)

    with pytest.raises(WorkflowError):
        services.pledge_withdraw(pledge=pledge, actor=editor)


def test_it_completes_only_approved_pledges(editor):
    approved = complete_pledge(approved=True)
    draft = complete_pledge()

    services.pledge_complete(pledge=approved, actor=editor)

    assert Pledge.objects.get(pk=approved.pk).status == S.COMPLETED
    with pytest.raises(WorkflowError):
        services.pledge_complete(pledge=draft, actor=editor)


def test_it_refuses_edits_while_submitted(editor):
    pledge = complete_pledge(submitted=True)

    with pytest.raises(WorkflowError):
        services.pledge_update(pledge=pledge, actor=editor, title="Changed")

    assert Pledge.objects.get(pk=pledge.pk).title != "Changed"


def test_it_deletes_a_draft_never_submitted_but_not_one_that_was():
    fresh = PledgeFactory()
    returned = PledgeFactory()
    PledgeTransition.objects.create(pledge=returned, from_status="submitted", to_status="draft")

    services.pledge_delete(pledge=fresh)

    assert not Pledge.objects.filter(pk=fresh.pk).exists()
    with pytest.raises(WorkflowError):
        services.pledge_delete(pledge=returned)
    with pytest.raises(WorkflowError):
        services.pledge_delete(pledge=complete_pledge(approved=True))


def test_only_a_draft_never_submitted_or_unsubmitted_changes_may_be_deleted(editor):
    fresh = services.pledge_create(
        organisation=editor.organisations.get(), actor=editor, title="Coding"
    )
    returned = PledgeFactory()
    PledgeTransition.objects.create(pledge=returned, from_status="", to_status="draft")
    PledgeTransition.objects.create(pledge=returned, from_status="submitted", to_status="draft")
    approved = complete_pledge(organisation=editor.organisations.get(), approved=True)
    revision = services.pledge_revise(pledge=approved, actor=editor)

    assert services.pledge_may_be_deleted(pledge=fresh) is True
    assert services.pledge_may_be_deleted(pledge=returned) is False
    assert services.pledge_may_be_deleted(pledge=approved) is False
    assert services.pledge_may_be_deleted(pledge=revision) is True
    services.pledge_submit(pledge=revision, actor=editor, declaration=True)
    assert services.pledge_may_be_deleted(pledge=Pledge.objects.get(pk=revision.pk)) is False


def test_the_deletion_rule_reads_a_history_it_is_given(django_assert_num_queries):
    pledge = PledgeFactory()
    created = PledgeTransition(pledge=pledge, from_status="", to_status="draft")
    sent_back = PledgeTransition(pledge=pledge, from_status="submitted", to_status="draft")

    with django_assert_num_queries(0):
        assert services.pledge_may_be_deleted(pledge=pledge, history=[created]) is True
        assert services.pledge_may_be_deleted(pledge=pledge, history=[created, sent_back]) is False


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        (S.DRAFT, True),
        (S.CHANGES_REQUESTED, True),
        (S.SUBMITTED, False),
        (S.APPROVED, False),
        (S.REJECTED, False),
        (S.COMPLETED, False),
        (S.WITHDRAWN, False),
    ],
)
def test_only_drafts_and_pledges_sent_back_may_be_submitted(status, allowed, editor):
    pledge = complete_pledge(organisation=editor.organisations.get(), status=status)

    assert services.pledge_may_be_submitted(pledge=pledge) is allowed
    if not allowed:
        with pytest.raises(WorkflowError):
            services.pledge_submit(pledge=pledge, actor=editor, declaration=True)


# --- Revisions of approved pledges ----------------------------------------------


def test_a_revision_copies_the_content_and_leaves_the_public_pledge_alone(editor):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    indicator = Indicator.objects.get()

    revision = services.pledge_revise(pledge=pledge, actor=editor)
    services.pledge_update(pledge=revision, actor=editor, title="Better title")

    assert revision.revision_of == pledge
    assert revision.status == S.DRAFT
    copy = Indicator.objects.get(initiative__pledge=revision)
    assert (copy.origin, copy.kind, copy.target) == (indicator, indicator.kind, indicator.target)
    assert Pledge.objects.public().get().title == pledge.title
    assert services.pledge_revise(pledge=pledge, actor=editor) == revision  # one at a time


def test_approving_a_revision_updates_the_public_pledge_in_place(editor, moderator):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    kept = Indicator.objects.get()
    removed_initiative = InitiativeFactory(pledge=pledge, title="Dropped")
    report = ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.APPROVED)
    ReportedValueFactory(report=report, indicator=kept, value=300)
    revision = services.pledge_revise(pledge=pledge, actor=editor)
    services.pledge_update(pledge=revision, actor=editor, title="Better title")
    Initiative.objects.get(pledge=revision, title="Dropped").delete()
    Indicator.objects.filter(initiative__pledge=revision).update(target=5000)
    IndicatorFactory(
        initiative=Initiative.objects.get(pledge=revision),
        kind=Indicator.Kind.CERTIFICATIONS,
        target=50,
    )
    services.pledge_submit(pledge=revision, actor=editor, declaration=True)

    public = services.pledge_approve(pledge=revision, actor=moderator)

    assert public.pk == pledge.pk
    pledge.refresh_from_db()
    assert (pledge.title, pledge.status, pledge.approved_at) == (
        "Better title",
        S.APPROVED,
        APPROVED_AT,
    )
    assert not Pledge.objects.filter(pk=revision.pk).exists()
    assert not Initiative.objects.filter(pk=removed_initiative.pk).exists()
    kept.refresh_from_db()
    assert kept.target == 5000
    assert kept.reported_values.get().value == 300  # reports keep counting
    assert sorted(
        Indicator.objects.filter(initiative__pledge=pledge).values_list("kind", flat=True)
    ) == ["certifications", "people-reached"]
    assert steps(pledge)[-2:] == [("draft", "submitted", True), ("submitted", "approved", True)]


def test_rejecting_a_revision_discards_it_and_keeps_the_public_version(editor, moderator):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    revision = services.pledge_revise(pledge=pledge, actor=editor)
    services.pledge_update(pledge=revision, actor=editor, title="Changed")
    services.pledge_submit(pledge=revision, actor=editor, declaration=True)

    services.pledge_reject(pledge=revision, actor=moderator, message="No.")

    assert list(Pledge.objects.all()) == [pledge]
    assert Pledge.objects.get().title == pledge.title
    assert steps(pledge)[-1] == ("submitted", "rejected", True)


def test_only_approved_pledges_take_revisions(editor):
    with pytest.raises(WorkflowError):
        services.pledge_revise(pledge=complete_pledge(), actor=editor)


# --- Progress reports ----------------------------------------------------------


def _report(pledge, editor, values):
    return services.report_submit(
        pledge=pledge,
        actor=editor,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 6, 30),
        narrative="We did it.",
        values=values,
    )


def test_it_takes_a_report_on_an_approved_pledge(
    editor, moderator, django_capture_on_commit_callbacks
):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    indicator = Indicator.objects.get()

    with django_capture_on_commit_callbacks(execute=True):
        report = _report(pledge, editor, {indicator.pk: 250})

    assert report.status == ProgressReport.Status.SUBMITTED
    assert [(v.indicator, v.value) for v in report.values.all()] == [(indicator, 250)]
    assert mail.outbox[0].to == ["moderator@example.eu"]
    assert "progress report" in mail.outbox[0].subject.lower()


@pytest.mark.parametrize("status", [S.DRAFT, S.SUBMITTED, S.REJECTED, S.WITHDRAWN])
def test_it_refuses_reports_on_pledges_that_are_not_approved(status, editor):
    pledge = complete_pledge(status=status)
    indicator = Indicator.objects.get()

    with pytest.raises(WorkflowError, match="approved pledges"):
        _report(pledge, editor, {indicator.pk: 1})

    assert ProgressReport.objects.count() == 0


def test_it_refuses_values_for_another_pledges_indicators(editor):
    pledge = complete_pledge(approved=True)
    foreign = IndicatorFactory()

    with pytest.raises(WorkflowError):
        _report(pledge, editor, {foreign.pk: 1})

    assert ProgressReport.objects.count() == 0


def test_it_refuses_a_report_without_any_value(editor):
    pledge = complete_pledge(approved=True)

    with pytest.raises(WorkflowError):
        _report(pledge, editor, {Indicator.objects.get().pk: None})


def test_approving_a_report_makes_the_pledge_active_again(
    editor, moderator, django_capture_on_commit_callbacks
):
    pledge = complete_pledge(
        organisation=editor.organisations.get(), approved=True, inactive_since=NOW
    )
    report = _report(pledge, editor, {Indicator.objects.get().pk: 10})

    with django_capture_on_commit_callbacks(execute=True):
        services.report_approve(report=report, actor=moderator, now=NOW)

    pledge.refresh_from_db()
    assert (pledge.last_report_approved_at, pledge.inactive_since) == (NOW, None)
    assert ProgressReport.objects.get().status == ProgressReport.Status.APPROVED
    assert mail.outbox[-1].to == [editor.email]


def test_a_report_sent_back_can_be_corrected_and_resubmitted(editor, moderator):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    indicator = Indicator.objects.get()
    report = _report(pledge, editor, {indicator.pk: 10})
    services.report_request_changes(report=report, actor=moderator, message="Evidence?")

    services.report_resubmit(
        report=report,
        actor=editor,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 6, 30),
        narrative="With evidence.",
        evidence_url="https://example.org/evidence",
        values={indicator.pk: 12},
    )

    report.refresh_from_db()
    assert report.status == ProgressReport.Status.SUBMITTED
    assert [v.value for v in report.values.all()] == [12]
    with pytest.raises(WorkflowError):
        services.report_resubmit(
            report=report,
            actor=editor,
            period_start=datetime.date(2026, 1, 1),
            period_end=datetime.date(2026, 6, 30),
            narrative="Again",
            values={indicator.pk: 12},
        )


def test_it_refuses_to_decide_twice_on_a_report(moderator):
    report = ProgressReportFactory(status=ProgressReport.Status.APPROVED)

    with pytest.raises(WorkflowError):
        services.report_approve(report=report, actor=moderator)
    with pytest.raises(WorkflowError):
        services.report_reject(report=report, actor=moderator, message="No")


# --- Reminders -----------------------------------------------------------------


def test_add_months_keeps_the_day_or_takes_the_months_last():
    moment = datetime.datetime(2025, 8, 31, tzinfo=datetime.UTC)

    assert services.add_months(moment, 6) == datetime.datetime(2026, 2, 28, tzinfo=datetime.UTC)
    assert services.add_months(moment, 24) == datetime.datetime(2027, 8, 31, tzinfo=datetime.UTC)


def test_it_reminds_once_when_a_report_is_due_and_again_when_overdue(
    organisation, django_capture_on_commit_callbacks
):
    editor_of(organisation)
    pledge = complete_pledge(organisation=organisation, approved=True)  # approved 15 Jan 2026
    before = datetime.datetime(2026, 7, 14, tzinfo=datetime.UTC)
    due = datetime.datetime(2026, 7, 16, tzinfo=datetime.UTC)

    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_run(now=before) == {"reminded": [], "inactive": []}
        assert services.reminders_run(now=due) == {"reminded": [pledge.pk], "inactive": []}
        assert services.reminders_run(now=due + datetime.timedelta(days=1))["reminded"] == []
        overdue = services.reminders_run(now=due + datetime.timedelta(days=31))

    assert overdue["reminded"] == [pledge.pk]
    assert [m.subject for m in mail.outbox] == [
        f"[EU Digital Skills and Jobs Coalition] Progress report due: {pledge.title}",
        f"[EU Digital Skills and Jobs Coalition] Progress report overdue: {pledge.title}",
    ]
    assert f"/organisations/{organisation.slug}/pledges/{pledge.pk}/reports/new/" in (
        mail.outbox[0].body
    )


def test_an_approved_report_moves_the_next_due_date(organisation):
    pledge = complete_pledge(
        organisation=organisation,
        approved=True,
        last_report_approved_at=datetime.datetime(2026, 6, 1, tzinfo=datetime.UTC),
    )

    assert services.report_due_at(pledge) == datetime.datetime(2026, 12, 1, tzinfo=datetime.UTC)
    assert services.reminders_run(now=datetime.datetime(2026, 8, 1, tzinfo=datetime.UTC)) == {
        "reminded": [],
        "inactive": [],
    }


def test_it_marks_a_pledge_inactive_after_24_months_without_an_approved_report(organisation):
    pledge = complete_pledge(organisation=organisation, approved=True)
    later = datetime.datetime(2028, 1, 16, tzinfo=datetime.UTC)

    done = services.reminders_run(now=later)

    assert done["inactive"] == [pledge.pk]
    assert Pledge.objects.get().inactive_since == later
    assert services.reminders_run(now=later)["inactive"] == []  # once


def test_it_ignores_pledges_that_are_not_approved_for_reminders(django_capture_on_commit_callbacks):
    complete_pledge(status=S.WITHDRAWN, approved_at=APPROVED_AT)
    complete_pledge(status=S.COMPLETED, approved_at=APPROVED_AT)

    with django_capture_on_commit_callbacks(execute=True):
        done = services.reminders_run(now=datetime.datetime(2029, 1, 1, tzinfo=datetime.UTC))

    assert done == {"reminded": [], "inactive": []}
    assert mail.outbox == []


# --- Reports on pledges that no longer take them ----------------------------------


def _resubmit(report, editor, indicator):
    return services.report_resubmit(
        report=report,
        actor=editor,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 6, 30),
        narrative="Corrected.",
        values={indicator.pk: 12},
    )


@pytest.mark.parametrize("status", [S.WITHDRAWN, S.REJECTED])
def test_a_report_on_a_pledge_closed_since_cannot_be_resubmitted(status, editor):
    pledge = complete_pledge(status=status, approved_at=APPROVED_AT)
    report = ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.CHANGES_REQUESTED)

    with pytest.raises(WorkflowError) as refused:
        _resubmit(report, editor, Indicator.objects.get())

    assert str(refused.value) == (
        f"The pledge is “{pledge.get_status_display()}”: its progress reports can no longer "
        "be changed."
    )
    assert ProgressReport.objects.get().status == ProgressReport.Status.CHANGES_REQUESTED
    assert PledgeTransition.objects.count() == 0


@pytest.mark.parametrize(
    "decide",
    [
        lambda report, who: services.report_approve(report=report, actor=who),
        lambda report, who: services.report_request_changes(report=report, actor=who, message="?"),
        lambda report, who: services.report_reject(report=report, actor=who, message="No."),
    ],
    ids=["approve", "request-changes", "reject"],
)
def test_a_report_on_a_withdrawn_pledge_cannot_be_decided(
    decide, editor, moderator, django_capture_on_commit_callbacks
):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    report = _report(pledge, editor, {Indicator.objects.get().pk: 10})
    services.pledge_withdraw(pledge=pledge, actor=editor)
    mail.outbox.clear()

    refused = "“Withdrawn”: its progress reports can no longer"
    with (
        django_capture_on_commit_callbacks(execute=True),
        pytest.raises(WorkflowError, match=refused),
    ):
        decide(report, moderator)

    report.refresh_from_db()
    assert (report.status, report.decided_at) == (ProgressReport.Status.SUBMITTED, None)
    assert Pledge.objects.get().last_report_approved_at is None
    assert mail.outbox == []


def test_a_report_on_a_completed_pledge_can_still_be_decided(editor, moderator):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    report = _report(pledge, editor, {Indicator.objects.get().pk: 10})
    services.pledge_complete(pledge=pledge, actor=editor)

    services.report_approve(report=report, actor=moderator, now=NOW)

    assert ProgressReport.objects.get().status == ProgressReport.Status.APPROVED


# --- Drafts with unfinished initiatives -------------------------------------------


def test_an_initiative_with_only_a_title_lacks_pillar_countries_and_indicator():
    initiative = InitiativeFactory(title="Half an idea", countries=[])
    initiative.pillars.clear()
    eu_wide = InitiativeFactory(countries=[], eu_wide=True)
    IndicatorFactory(initiative=eu_wide)

    assert services.initiative_gaps(initiative) == ["pillar", "countries", "indicator"]
    assert services.initiative_gaps(eu_wide) == []


def test_submitting_lists_what_each_initiative_lacks(editor):
    pledge = complete_pledge(organisation=editor.organisations.get())
    InitiativeFactory(pledge=pledge, title="No indicator")
    InitiativeFactory(pledge=pledge, title="Nowhere", countries=[])
    IndicatorFactory(initiative=Initiative.objects.get(title="Nowhere"))

    with pytest.raises(WorkflowError) as refused:
        services.pledge_submit(pledge=pledge, actor=editor, declaration=True)

    assert str(refused.value) == (
        "Add an indicator with a target to the initiative “No indicator”. "
        "Choose the countries (or EU-wide) of the initiative “Nowhere”."
    )
    assert Pledge.objects.get().status == S.DRAFT
    assert steps(pledge) == []
