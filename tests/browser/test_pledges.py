"""A pledge from first draft to published, and its first progress report, as
an editor and a moderator click through it in a real browser."""

import datetime
import re

from allauth.account.models import EmailAddress
from playwright.sync_api import expect

from members.models import TeamMembership
from members.moderation import ensure_moderators_group
from pledges.models import Pledge
from tests.browser.conftest import assert_accessible
from tests.factories import OrganisationFactory, UserFactory

PASSWORD = "correct horse battery staple"


def make_people():
    organisation = OrganisationFactory(
        name="Code Club Ghent",
        slug="code-club-ghent",
        member_since=datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC),
    )
    editor = UserFactory(email="editor@codeclub.example.org")
    TeamMembership.objects.create(organisation=organisation, user=editor, role="editor")
    # Staff in the real Moderators group: what moderation needs, not superuser.
    moderator = UserFactory(email="moderator@example.eu", is_staff=True)
    moderator.groups.add(ensure_moderators_group())
    for user in (editor, moderator):
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return organisation


def log_in(page, email):
    page.goto("/en/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.locator("main").get_by_role("button", name=re.compile("Sign In|Log in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/en/my/$"))


def add_initiative(page, title, pillar, country, kind, target):
    page.get_by_role("link", name="Add an initiative").click()
    expect(page.locator("h1")).to_have_text("Add an initiative")
    page.get_by_label("Title").fill(title)
    page.get_by_label(pillar).check()
    page.get_by_label(country, exact=True).check()
    page.get_by_label("Primary and secondary pupils").check()
    page.get_by_label("Coding classes").check()
    page.get_by_label("Web page").fill("https://codeclub.example.org/")
    row = page.get_by_role("group", name="Indicator 1")
    row.get_by_label("Indicator", exact=True).select_option(kind)
    row.get_by_label("Target").fill(str(target))
    assert_accessible(page)
    page.get_by_role("button", name="Save the initiative").click()
    expect(page.get_by_text("The initiative is saved.")).to_be_visible()


def open_queue(page, model, queue, title):
    """From the admin's home page to the item in its queue, by clicking: the
    queue opens on what was submitted."""
    page.goto("/en/admin/")
    expect(page.locator("h1")).to_have_text("Moderation and content")
    assert_accessible(page)
    page.locator(f"#content-main tr.model-{model}").get_by_role("link", name=queue).click()
    expect(page).to_have_url(re.compile(r"\?status__exact=submitted$"))
    expect(page.locator("#result_list")).to_be_visible()
    assert_accessible(page)
    page.locator("#result_list").get_by_role("link", name=title).click()
    expect(page.locator("h1")).to_have_text(re.compile("^Change "))
    assert_accessible(page)


def decide(page, decision, message=""):
    """On an item's admin page: Decide, then record the decision."""
    page.get_by_role("link", name="Decide: approve, request changes or reject").click()
    expect(page.get_by_role("button", name="Record the decision")).to_be_visible()
    assert_accessible(page)
    page.get_by_label(decision).check()
    if message:
        page.get_by_label("Message to the organisation").fill(message)
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("1 decision recorded.")).to_be_visible()
    assert_accessible(page)


def test_a_pledge_goes_from_draft_to_public_with_progress(page, new_context):
    make_people()
    moderator_context = new_context()
    moderator_context.set_default_timeout(15_000)
    moderator = moderator_context.new_page()

    # The editor drafts a pledge with two initiatives.
    log_in(page, "editor@codeclub.example.org")
    page.goto("/en/organisations/code-club-ghent/pledges/")
    assert_accessible(page)
    page.get_by_role("link", name="Draft a new pledge").click()
    page.get_by_label("Title").fill("Coding for every school in Flanders")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_text("Draft saved.")).to_be_visible()
    expect(page.get_by_role("heading", name="Before you can submit")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Edit the pledge").click()
    page.get_by_label("Summary").fill("Free coding clubs in 200 primary schools.")
    page.get_by_label("Why does it go beyond your day-to-day activities?").fill(
        "The clubs are new and funded on top of our usual work."
    )
    page.get_by_label("Start date").fill("2026-01-01")
    page.get_by_label("End date").fill("2025-12-31")  # a mistake the form explains
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_text("The end date must be after the start date.")).to_be_visible()
    expect(page.get_by_label("Summary")).to_have_value("Free coding clubs in 200 primary schools.")
    assert_accessible(page)
    page.get_by_label("End date").fill("2027-12-31")
    page.get_by_role("button", name="Save the draft").click()
    add_initiative(
        page, "Weekly clubs", "Digital skills in education", "Belgium", "people-reached", 2000
    )
    add_initiative(
        page, "Teacher training", "Digital skills for all", "Netherlands", "certifications", 50
    )
    assert_accessible(page)

    page.get_by_role("link", name="Preview").click()
    expect(page.get_by_text("This is how the public will see the pledge")).to_be_visible()
    expect(page.get_by_text("not yet reported")).to_have_count(4)  # totals and indicators
    assert_accessible(page)
    page.get_by_role("link", name="Back to editing").click()
    page.get_by_role("link", name="Submit for review").click()
    assert_accessible(page)
    page.get_by_label("The pledge goes beyond").check()
    page.get_by_label("free of conditions").check()
    page.get_by_label("measurable outcomes").check()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("Submitted. The moderators will review it")).to_be_visible()
    pledge = Pledge.objects.get()

    # The moderator asks for changes in the admin.
    log_in(moderator, "moderator@example.eu")
    open_queue(moderator, "pledge", "Pledges", "Coding for every school in Flanders")
    decide(moderator, "Request changes", "Please raise the teacher target to 80.")

    # The editor reads the message, fixes and resubmits.
    page.goto(f"/en/organisations/code-club-ghent/pledges/{pledge.pk}/")
    expect(page.get_by_text("Please raise the teacher target to 80.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Edit “Teacher training”").click()
    expect(page.locator("h1")).to_have_text("Edit the initiative")
    assert_accessible(page)
    page.get_by_role("group", name="Indicator 1").get_by_label("Target").fill("80")
    page.get_by_role("button", name="Save the initiative").click()
    expect(page.get_by_text("The initiative is saved.")).to_be_visible()
    page.get_by_role("link", name="Submit again").click()
    expect(page.get_by_label("The pledge goes beyond")).to_be_visible()
    assert_accessible(page)
    for label in ("The pledge goes beyond", "free of conditions", "measurable outcomes"):
        page.get_by_label(label).check()
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text("Submitted. The moderators will review it")).to_be_visible()

    # The moderator approves: the pledge is public.
    open_queue(moderator, "pledge", "Pledges", "Coding for every school in Flanders")
    decide(moderator, "Approve")
    visitor = new_context().new_page()
    visitor.goto(f"/en/pledges/{pledge.pk}/")
    expect(visitor.locator("h1")).to_have_text("Coding for every school in Flanders")
    expect(visitor.get_by_text("Target 80")).to_have_count(2)  # total and indicator
    expect(visitor.get_by_text("Reporter")).to_have_count(0)
    assert_accessible(visitor)

    # The editor reports progress; it counts once the moderator approves it.
    page.goto(f"/en/organisations/code-club-ghent/pledges/{pledge.pk}/")
    page.get_by_role("link", name="Report progress").click()
    page.get_by_label("Period start").fill("2026-01-01")
    page.get_by_label("Period end").fill("2026-06-30")
    page.get_by_label("What was achieved").fill("Clubs in 210 schools; 80 teachers certified.")
    page.get_by_label("People reached").fill("2100")
    page.get_by_label("Certifications issued").fill("80")
    assert_accessible(page)
    page.get_by_role("button", name="Submit the report").click()
    expect(page.get_by_text("Report submitted.")).to_be_visible()
    assert_accessible(page)
    visitor.reload()
    expect(visitor.get_by_text("not yet reported")).to_have_count(4)

    open_queue(
        moderator, "progressreport", "Progress reports", "Coding for every school in Flanders"
    )
    expect(moderator.locator("#values-group")).to_contain_text("2100")
    decide(moderator, "Approve")

    visitor.reload()
    expect(visitor.get_by_text("2,100 of 2,000 (100%)")).to_have_count(2)
    expect(visitor.get_by_text("80 of 80 (100%)")).to_have_count(2)
    expect(visitor.get_by_text("All targets reached")).to_be_visible()
    badges = visitor.get_by_role("list", name="Badges of Code Club Ghent")
    expect(badges.locator(".portal-badge__name")).to_have_text(
        ["Coalition member", "Pledger", "Reporter", "Achiever"]
    )
    assert_accessible(visitor)
    moderator_context.close()
    visitor.context.close()


def test_the_other_editor_pages_are_accessible(page):
    from tests.pledges.factories import ProgressReportFactory, complete_pledge

    organisation = make_people()
    approved = complete_pledge(
        organisation=organisation,
        approved=True,
        title="Approved pledge",
    )
    ProgressReportFactory(pledge=approved, status="changes-requested")
    draft = complete_pledge(organisation=organisation, title="Draft pledge")
    initiative = draft.initiatives.get()
    base = "/en/organisations/code-club-ghent/pledges"
    log_in(page, "editor@codeclub.example.org")

    for path, heading in [
        (f"{base}/badge/", "Badges for your website"),
        (f"{base}/{approved.pk}/", "Approved pledge"),
        (f"{base}/{approved.pk}/withdraw/", "Withdraw the pledge"),
        (f"/en/pledges/{approved.pk}/", "Approved pledge"),
        (f"/en/pledges/{draft.pk}/", "Draft pledge"),
        (f"{base}/{draft.pk}/delete/", "Delete this draft?"),
        (f"{base}/{draft.pk}/initiatives/{initiative.pk}/edit/", "Edit the initiative"),
        (
            f"{base}/{draft.pk}/initiatives/{initiative.pk}/delete/",
            f"Remove the initiative “{initiative.title}”?",
        ),
        (f"{base}/{approved.pk}/reports/{approved.reports.get().pk}/edit/", "Report progress"),
    ]:
        page.goto(path)
        expect(page.locator("h1")).to_have_text(heading)
        assert_accessible(page)

    page.goto(f"{base}/{draft.pk}/initiatives/{initiative.pk}/edit/")
    page.get_by_role("group", name="Indicator 1").get_by_label("Target").fill("0")
    page.get_by_label("Title").fill("")
    page.get_by_role("button", name="Save the initiative").click()
    expect(page.get_by_text("Please correct the errors below.")).to_be_visible()
    expect(page.get_by_label("Title")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)

    page.goto(f"{base}/{approved.pk}/")
    page.get_by_role("button", name="Propose changes").click()
    expect(page.locator("h1")).to_have_text("Proposed changes: Approved pledge")
    assert_accessible(page)
