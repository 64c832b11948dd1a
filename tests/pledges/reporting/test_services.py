"""Many progress reports from one sheet: one per pledge, each through the
usual workflow, all or none."""

import pytest

from pledges import services
from pledges.models import PledgeTransition, ProgressReport, ReportedValue
from pledges.reporting import sheet
from pledges.reporting.services import reports_submit_from_sheet
from tests.pledges.reporting.conftest import indicators_of
from tests.pledges.reporting.test_sheet import REPORT, fill

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(organisation, pledges):
    table = sheet.sheet_rows(organisation)
    people, courses = indicators_of(pledges[0])
    fill(table, people, new_value=120, women=70, men=50, **REPORT)
    fill(table, courses, new_value=3)
    fill(table, indicators_of(pledges[1])[0], new_value=40, **REPORT)
    fill(table, indicators_of(pledges[2])[0], new_value=0, **REPORT)
    checked = sheet.check(organisation, table)
    assert checked.ok
    return checked


def test_each_pledge_gets_one_submitted_report(organisation, editor, pledges, plan):
    reports = reports_submit_from_sheet(organisation=organisation, actor=editor, plan=plan)

    assert [(r.pledge, r.status, r.submitted_by, r.narrative) for r in reports] == [
        (pledge, ProgressReport.Status.SUBMITTED, editor, "We ran 40 clubs.") for pledge in pledges
    ]
    people, courses = indicators_of(pledges[0])
    assert sorted(
        ReportedValue.objects.values_list("indicator_id", "value", "women", "men", "gender_other")
    ) == sorted(
        [
            (people.pk, 120, 70, 50, 0),
            (courses.pk, 3, None, None, None),
            (indicators_of(pledges[1])[0].pk, 40, None, None, None),
            (indicators_of(pledges[2])[0].pk, 0, None, None, None),
        ]
    )
    # Recorded as a report typed in the form is: the moderators are told.
    assert (
        list(
            PledgeTransition.objects.filter(report__in=reports).values_list("to_status", flat=True)
        )
        == ["submitted"] * 3
    )


def test_a_pledge_withdrawn_since_the_check_saves_nothing(organisation, editor, pledges, plan):
    services.pledge_withdraw(pledge=pledges[2], actor=editor)

    with pytest.raises(services.WorkflowError):
        reports_submit_from_sheet(organisation=organisation, actor=editor, plan=plan)

    assert ProgressReport.objects.count() == 0
    assert ReportedValue.objects.count() == 0


def test_a_plan_with_problems_is_refused(organisation, editor, pledges):
    refused = sheet.check(organisation, sheet.sheet_rows(organisation))

    with pytest.raises(services.WorkflowError, match="No row has a new value"):
        reports_submit_from_sheet(organisation=organisation, actor=editor, plan=refused)

    assert ProgressReport.objects.count() == 0
