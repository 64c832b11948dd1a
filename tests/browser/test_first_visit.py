"""What a first-time user tripped over (issue 20), walked through as they would:
an invited colleague signs up, a national editor logs in, a moderator opens an
application, a visitor filters the directory, a keyboard user tabs through the
header, someone deletes their account."""

import datetime
import re

from django.core import mail
from playwright.sync_api import expect

from members import services
from members.moderation import ensure_moderators_group
from tests.browser.conftest import assert_accessible
from tests.browser.test_pledges import log_in
from tests.members.factories import MembershipApplicationFactory, VerifiedUserFactory
from tests.national.factories import NationalCoalitionFactory
from tests.pledges.factories import MemberOrganisationFactory

PASSPHRASE = "a long pass phrase for the coalition"


def test_an_invited_colleague_signs_up_with_the_address_filled_in_and_joins(page):
    organisation = MemberOrganisationFactory(name="Ghent Digital Academy")
    admin = VerifiedUserFactory(email="ana@ghent.example.org")
    organisation.team.create(user=admin, role="admin")
    _, token = services.invitation_create(
        organisation=organisation, invited_by=admin, email="bo@ghent.example.org", role="editor"
    )
    mail.outbox.clear()

    page.goto(f"/en/invitations/{token}/")
    page.get_by_role("link", name="Create an account").click()
    expect(page.get_by_label("Email")).to_have_value("bo@ghent.example.org")
    page.get_by_label("Password", exact=True).fill(PASSPHRASE)
    page.get_by_label("Password (again)").fill(PASSPHRASE)
    page.get_by_role("button", name="Sign Up").click()

    # No second check of the address: straight back to the invitation.
    expect(page.locator("h1")).to_have_text("Join the team of Ghent Digital Academy")
    assert mail.outbox == []
    page.get_by_role("button", name="Accept the invitation").click()
    expect(page.get_by_text("Welcome to the team of Ghent Digital Academy.")).to_be_visible()


def test_a_national_editor_lands_on_the_coalition_they_edit(page):
    editor = VerifiedUserFactory(email="editor.fr@national.example.eu")
    france = NationalCoalitionFactory(country="FR", name="Coalition numérique française")
    france.editors.add(editor)

    log_in(page, editor.email)

    expect(page.get_by_role("heading", name="National coalitions you edit")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Content of Coalition numérique française").click()
    expect(page.locator("h1")).to_have_text("Content of Coalition numérique française")


def test_a_moderator_sees_an_application_as_a_record_with_the_way_to_decide(page):
    moderator = VerifiedUserFactory(email="moderator@example.eu", is_staff=True)
    moderator.groups.add(ensure_moderators_group())
    application = MembershipApplicationFactory(
        organisation=MemberOrganisationFactory(name="Lisbon Coders", member_since=None)
    )

    log_in(page, moderator.email)
    page.goto(f"/en/admin/members/membershipapplication/{application.pk}/change/")

    expect(page.get_by_role("link", name="Decide: accept or decline")).to_be_visible()
    expect(page.get_by_role("button", name="Save")).to_have_count(0)
    page.get_by_role("link", name="Decide: accept or decline").click()
    expect(page).to_have_url(re.compile(r"/decide/$"))


def test_a_visitor_finds_countries_in_name_order_in_the_directory(page):
    since = datetime.datetime(2025, 6, 1, tzinfo=datetime.UTC)
    for code in ("DE", "DK", "AT"):
        MemberOrganisationFactory(country=code, member_since=since)

    page.goto("/en/members/")
    options = page.get_by_label("Country").locator("option").all_inner_texts()

    assert options == ["All countries", "Austria", "Denmark", "Germany"]
    page.goto("/de/members/")
    assert page.locator("select[name=country] option").all_inner_texts()[1:] == [
        "Dänemark",
        "Deutschland",
        "Österreich",
    ]


def test_a_keyboard_user_sees_where_the_focus_is_in_the_header(page):
    page.goto("/en/")

    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    assert skip.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(255, 255, 255)"

    navigation = page.get_by_role("navigation", name="Main")
    pledger = navigation.get_by_role("link", name="Become a Pledger")
    pledger.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    outline = pledger.evaluate("e => getComputedStyle(e).outlineColor")
    background = pledger.evaluate("e => getComputedStyle(e).backgroundColor")
    assert outline != background
    assert outline == "rgb(8, 43, 122)"


def test_the_delete_button_reads_white_on_red(page):
    user = VerifiedUserFactory(email="leaving@example.org")

    log_in(page, user.email)
    page.goto("/en/my/delete/")
    button = page.get_by_role("button", name="Delete my account")

    assert button.evaluate("e => getComputedStyle(e).color") == "rgb(255, 255, 255)"
    assert button.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(180, 27, 39)"
    assert_accessible(page)
