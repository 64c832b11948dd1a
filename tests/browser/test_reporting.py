"""Reporting with one file, as an editor clicks through it: an organisation
with three pledges downloads its reporting sheet, uploads it with a bad row
(refused with that row's message, nothing saved), corrects it, and submits a
progress report on each pledge; a moderator sees the pledges by status."""

import csv
import datetime
import io
import re
from pathlib import Path

from allauth.account.models import EmailAddress
from django.utils import timezone
from playwright.sync_api import expect

from members.models import TeamMembership
from members.moderation import ensure_moderators_group
from pledges.models import Indicator, Pledge, ProgressReport, ReportedValue
from tests.browser.conftest import assert_accessible
from tests.browser.test_pledges import log_in
from tests.factories import OrganisationFactory, UserFactory
from tests.pledges.factories import IndicatorFactory, InitiativeFactory, PledgeFactory

TITLES = ["Coding clubs", "Digital skills for seniors", "Girls who code"]


def make_organisation_with_three_pledges():
    organisation = OrganisationFactory(
        name="Code Club Ghent",
        slug="code-club-ghent",
        member_since=datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC),
    )
    editor = UserFactory(email="editor@codeclub.example.org")
    TeamMembership.objects.create(organisation=organisation, user=editor, role="editor")
    EmailAddress.objects.create(user=editor, email=editor.email, verified=True, primary=True)
    for title in TITLES:
        pledge = PledgeFactory(
            organisation=organisation,
            title=title,
            status=Pledge.Status.APPROVED,
            # Approved seven months ago: a report is due.
            approved_at=timezone.now() - datetime.timedelta(days=200),
        )
        IndicatorFactory(
            initiative=InitiativeFactory(pledge=pledge, title=f"{title}: clubs"),
            kind=Indicator.Kind.PEOPLE_REACHED,
            target=1000,
        )
    return organisation


def download_sheet(page) -> list[dict]:
    with page.expect_download() as download:
        page.get_by_role("link", name="Reporting sheet (CSV)").click()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def as_file(rows: list[dict]) -> dict:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return {"name": "progress.csv", "mimeType": "text/csv", "buffer": out.getvalue().encode()}


def upload(page, rows):
    page.get_by_label("Filled-in reporting sheet").set_input_files(as_file(rows))
    page.get_by_role("button", name="Check the file").click()


def test_an_organisation_reports_on_three_pledges_with_one_file(page):
    make_organisation_with_three_pledges()
    log_in(page, "editor@codeclub.example.org")

    # From the dashboard, where each status has its number, to the reporting page.
    reporting = page.locator("section", has=page.get_by_role("heading", name="Progress reports"))
    expect(reporting.get_by_text("Report due")).to_be_visible()
    expect(reporting.locator("li", has_text="Report due")).to_have_text("Report due 3 pledges")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("^Reporting status and the reporting sheet")).click()
    expect(page.locator("h1")).to_have_text("Progress reporting of Code Club Ghent")
    expect(page.get_by_role("cell", name="Report due")).to_have_count(3)
    assert_accessible(page)

    rows = download_sheet(page)
    assert [row["pledge"] for row in rows] == TITLES
    for row, value in zip(rows, ["120", "lots", "45"], strict=True):
        row |= {
            "period_start": "2026-01-01",
            "period_end": "2026-06-30",
            "new_value": value,
            "narrative": f"What {row['pledge']} did.",
        }
    rows[0] |= {"women": "70", "men": "50"}

    # One bad row: the whole file is refused with that row's message.
    upload(page, rows)
    expect(page.locator("h1")).to_have_text("Check the reporting sheet")
    problems = page.get_by_role("alert")
    expect(problems).to_contain_text("nothing was saved")
    expect(problems.get_by_role("listitem")).to_have_text(
        ["Row 3: “lots” in new_value is not a whole number; write digits only, e.g. 1200."]
    )
    expect(page.get_by_role("button", name=re.compile("^Submit"))).to_have_count(0)
    assert_accessible(page)
    assert ProgressReport.objects.count() == 0

    # Corrected, it is previewed, then submitted: one report per pledge.
    rows[1]["new_value"] = "60"
    upload(page, rows)
    expect(page.get_by_text("The file reports on 3 pledges.")).to_be_visible()
    expect(page.get_by_role("heading", level=2)).to_have_text(TITLES)
    expect(page.get_by_text("Women: 70; Men: 50; Other or not recorded: 0")).to_be_visible()
    assert_accessible(page)
    assert ProgressReport.objects.count() == 0
    page.get_by_role("button", name="Submit 3 progress reports").click()

    expect(page.get_by_text("3 progress reports submitted.")).to_be_visible()
    expect(page.locator("h1")).to_have_text("Progress reporting of Code Club Ghent")
    assert sorted(ProgressReport.objects.values_list("pledge__title", "status", "period_end")) == [
        (title, "submitted", datetime.date(2026, 6, 30)) for title in TITLES
    ]
    assert sorted(ReportedValue.objects.values_list("value", "women", "men")) == [
        (45, None, None),
        (60, None, None),
        (120, 70, 50),
    ]


def test_a_moderator_sees_pledges_by_reporting_status(page):
    make_organisation_with_three_pledges()
    moderator = UserFactory(email="moderator@example.eu", is_staff=True)
    moderator.groups.add(ensure_moderators_group())
    EmailAddress.objects.create(user=moderator, email=moderator.email, verified=True, primary=True)
    log_in(page, "moderator@example.eu")

    page.goto("/en/admin/pledges/pledge/?status__exact=approved")
    page.get_by_role("link", name="Reporting status").click()
    expect(page.locator("h1")).to_have_text("Reporting status of approved pledges")
    page.get_by_role("link", name="Show “Report due”").click()
    expect(page.get_by_role("heading", name="Report due: 3 pledges")).to_be_visible()
    expect(page.locator("#content-main tbody th a")).to_have_text(TITLES)
    assert_accessible(page)
