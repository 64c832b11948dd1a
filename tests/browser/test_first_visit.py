"""What a first-time user tripped over (issue 20), walked through as they would:
an invited colleague signs up, a national editor logs in, a moderator opens an
application, a visitor filters the directory, a keyboard user tabs through the
header, someone deletes their account; an organisation finds its scoreboards,
marks a pledge completed; a visitor filters the Pledge Viewer with the keyboard,
with and without JavaScript, follows its feed and prints a page."""

import datetime
import re

from django.core import mail
from playwright.sync_api import expect

from members import services
from members.moderation import ensure_moderators_group
from pledges.scoreboards import services as scoreboard_services
from tests.browser.conftest import assert_accessible
from tests.browser.test_crawl import session_cookie
from tests.browser.test_pledges import log_in
from tests.factories import TeamMembershipFactory
from tests.members.factories import MembershipApplicationFactory, VerifiedUserFactory
from tests.national.factories import NationalCoalitionFactory
from tests.pledges.factories import MemberOrganisationFactory, complete_pledge
from tests.pledges.viewer.factories import public_pledge

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


# --- The Pledge Viewer and scoreboards, as a visitor and an organisation use them -----


def signed_in(page, user, live_server) -> None:
    page.context.add_cookies(session_cookie(user, live_server.url))


def test_an_organisation_finds_its_scoreboards_and_the_one_it_just_filled(page, live_server):
    admin = VerifiedUserFactory(email="ana@ghent.example.org")
    ghent = MemberOrganisationFactory(name="Ghent Digital Academy")
    ghent.team.create(user=admin, role="admin")
    public_pledge(title="Alpha pledge")
    public_pledge(title="Beta pledge")
    signed_in(page, admin, live_server)

    page.goto("/en/my/")
    page.get_by_role("link", name="Pledge Scoreboards Ghent Digital Academy").click()
    expect(page.locator("h1")).to_have_text("Pledge Scoreboards")
    page.get_by_label("Name").fill("Our comparison")
    page.get_by_role("button", name="Create scoreboard").click()
    expect(page.locator("h1")).to_have_text("Our comparison")

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Pledge Viewer").click()
    page.get_by_label(re.compile("^Choose “Alpha pledge” by ")).check()
    page.get_by_label(re.compile("^Choose “Beta pledge” by ")).check()
    page.get_by_role("button", name="Add to scoreboard").click()

    message = page.locator(".portal-message")
    expect(message).to_have_text("2 pledges added to the scoreboard Our comparison.")
    assert_accessible(page)
    message.get_by_role("link", name="Our comparison").click()
    expect(page.locator("h1")).to_have_text("Our comparison")
    expect(page.locator(".portal-scoreboard-table tbody tr")).to_have_count(2)

    page.goto(f"/en/organisations/{ghent.slug}/pledges/")
    page.get_by_role("link", name="Pledge Scoreboards").click()
    expect(page.get_by_role("link", name="Our comparison")).to_be_visible()


def test_one_pledge_added_reads_in_the_singular(page, live_server):
    membership = TeamMembershipFactory()
    scoreboard_services.scoreboard_create(
        organisation=membership.organisation, user=membership.user, name="Shortlist"
    )
    public_pledge(title="Alpha pledge")
    signed_in(page, membership.user, live_server)

    page.goto("/en/pledges/")
    page.get_by_label(re.compile("^Choose “Alpha pledge”")).check()
    page.get_by_role("button", name="Add to scoreboard").click()

    expect(page.locator(".portal-message")).to_have_text(
        "1 pledge added to the scoreboard Shortlist."
    )


def test_marking_a_pledge_completed_asks_first_and_says_what_it_does(new_context, live_server):
    editor = VerifiedUserFactory(email="editor@ghent.example.org")
    ghent = MemberOrganisationFactory(name="Ghent Digital Academy")
    ghent.team.create(user=editor, role="editor")
    pledge = complete_pledge(organisation=ghent, title="Coding clubs", approved=True)
    # Without JavaScript: the confirmation is a page of its own.
    page = new_context(java_script_enabled=False).new_page()
    signed_in(page, editor, live_server)
    manage = f"/en/organisations/{ghent.slug}/pledges/{pledge.pk}/"

    page.goto(manage)
    page.get_by_role("link", name="Mark as completed").click()
    expect(page.locator("h1")).to_have_text("Mark this pledge as completed?")
    expect(page.get_by_text("“Coding clubs” stays public, shown as completed.")).to_be_visible()
    page.get_by_role("link", name="Cancel").click()
    expect(page).to_have_url(re.compile(f"{manage}$"))
    pledge.refresh_from_db()
    assert pledge.status == "approved"

    page.get_by_role("link", name="Mark as completed").click()
    page.get_by_role("button", name="Mark as completed").click()
    expect(page.get_by_text("The pledge is marked as completed.")).to_be_visible()
    pledge.refresh_from_db()
    assert pledge.status == "completed"


def test_facet_options_count_pledges_in_words(page):
    public_pledge(title="Alpha pledge", pillars=("labour-force",))
    public_pledge(title="Beta pledge", pillars=("education",))
    public_pledge(title="Gamma pledge", pillars=("education",))

    page.goto("/en/pledges/")

    for name in ("Labour force (1 pledge)", "Education (2 pledges)"):
        expect(page.get_by_role("checkbox", name=name, exact=True)).to_have_count(1)


def test_the_feed_link_follows_the_filters_as_the_downloads_do(page):
    public_pledge(title="Robotics in Greece", countries=("GR",))
    public_pledge(title="Robotics in Spain", countries=("ES",))

    page.goto("/en/pledges/")
    page.get_by_label(re.compile(r"^Greece \(")).check()
    page.get_by_role("button", name="Show pledges").first.click()
    expect(page.locator("#results-title")).to_have_text("1 pledge")

    feed = page.get_by_role("link", name="Feed of these pledges, newly approved (Atom)")
    href = feed.get_attribute("href")
    path, query = href.split("?")
    assert (path, "country=GR" in query.split("&")) == ("/en/pledges/feed/", True)
    head = page.locator("link[rel=alternate][type='application/atom+xml']")
    assert head.get_attribute("href") == href
    for download in ("CSV", "JSON"):
        link = page.get_by_role("link", name=f"Download these pledges ({download})")
        assert link.get_attribute("href").endswith(f"?{query}")
    atom = page.request.get(href).text()
    assert "Robotics in Greece" in atom
    assert "Robotics in Spain" not in atom


def test_a_ticked_filter_applies_at_once_and_the_focus_stays_on_it(page):
    public_pledge(title="Robotics in Greece", countries=("GR",))
    public_pledge(title="Robotics in Spain", countries=("ES",))

    page.goto("/en/pledges/")
    expect(page.get_by_text("The results update as soon as you tick")).to_be_visible()
    greece = page.get_by_label(re.compile(r"^Greece \("))
    greece.focus()
    page.keyboard.press("Space")

    expect(page).to_have_url(re.compile(r"[?&]country=GR(&|$)"))
    expect(page.locator("#results-title")).to_have_text("1 pledge")
    expect(page.get_by_label(re.compile(r"^Greece \("))).to_be_focused()
    expect(page.get_by_role("status").filter(has_text="1 pledge")).to_have_count(1)
    assert_accessible(page)

    page.keyboard.press("Space")  # untick: back to every pledge
    expect(page.locator("#results-title")).to_have_text("2 pledges")
    expect(page.get_by_label(re.compile(r"^Greece \("))).to_be_focused()


def test_without_javascript_the_button_at_the_top_of_the_filters_applies_them(new_context):
    public_pledge(title="Robotics in Greece", countries=("GR",))
    public_pledge(title="Robotics in Spain", countries=("ES",))
    page = new_context(java_script_enabled=False).new_page()

    page.goto("/en/pledges/")
    expect(page.get_by_text("The results update as soon as you tick")).to_be_hidden()
    page.get_by_label(re.compile(r"^Greece \(")).check()
    expect(page.locator("#results-title")).to_have_text("2 pledges")  # nothing sent yet
    buttons = page.locator("#viewer-filters").get_by_role("button", name="Show pledges")
    expect(buttons).to_have_count(2)
    buttons.first.click()
    expect(page.locator("#results-title")).to_have_text("1 pledge")


def test_a_keyboard_user_skips_from_the_filters_to_the_results(page):
    for number in range(3):
        public_pledge(title=f"Coding clubs, phase {number}", countries=("NL",))

    page.goto("/en/pledges/?country=NL")
    page.get_by_label("Search pledges").focus()
    page.keyboard.press("Shift+Tab")
    skip = page.get_by_role("link", name="Skip to results")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")

    expect(page.locator("#results-title")).to_be_focused()
    first_result = page.locator(".portal-result__title a").first
    presses = 0
    while presses < 5 and not first_result.evaluate("e => e === document.activeElement"):
        page.keyboard.press("Tab")
        presses += 1
    assert presses == 2  # past the active filter's chip


def test_two_pledges_with_the_same_title_have_distinct_checkboxes(page, live_server):
    membership = TeamMembershipFactory()
    scoreboard_services.scoreboard_create(
        organisation=membership.organisation, user=membership.user, name="Shortlist"
    )
    public_pledge(title="Coding clubs", organisation__name="Ghent Digital Academy")
    public_pledge(title="Coding clubs", organisation__name="Lisbon Coders")
    signed_in(page, membership.user, live_server)

    page.goto("/en/pledges/")

    ghent = page.get_by_role("checkbox", name="Choose “Coding clubs” by Ghent Digital Academy")
    lisbon = page.get_by_role("checkbox", name="Choose “Coding clubs” by Lisbon Coders")
    expect(ghent).to_have_count(1)
    expect(lisbon).to_have_count(1)
    assert_accessible(page)


def test_a_first_visit_downloads_no_print_stylesheet_and_printing_still_works(page):
    stylesheets = []
    page.on(
        "request",
        lambda request: (
            stylesheets.append(request.url) if request.resource_type == "stylesheet" else None
        ),
    )

    page.goto("/en/")
    page.wait_for_load_state("load")

    assert stylesheets != []
    assert [url for url in stylesheets if "print" in url] == []
    page.emulate_media(media="print")
    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
