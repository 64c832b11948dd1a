import re

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.factories import TeamMembershipFactory
from tests.pledges.viewer.factories import public_pledge


def test_a_visitor_filters_searches_opens_a_pledge_and_comes_back(page):
    public_pledge(title="Robotics club for pupils", pillars=("education",), countries=("BE",))
    public_pledge(title="Coding school for teachers", pillars=("education",), countries=("BE",))
    public_pledge(title="Robotics for workers", pillars=("labour-force",), countries=("BE",))
    public_pledge(title="Robotics in France", pillars=("education",), countries=("FR",))

    page.goto("/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Pledge Viewer").click()
    expect(page.locator("h1")).to_have_text("Pledge Viewer")
    expect(page.locator("#results-title")).to_have_text("4 pledges")
    assert_accessible(page)

    # Each ticked option applies at once (the "Show pledges" button is for the search).
    page.get_by_label(re.compile(r"^Education \(")).check()
    expect(page.locator("#results-title")).to_have_text("3 pledges")
    page.get_by_label(re.compile(r"^Belgium \(")).check()
    expect(page.locator("#results-title")).to_have_text("2 pledges")
    assert_accessible(page)

    page.get_by_label("Search pledges").fill("robotics")
    page.get_by_role("button", name="Show pledges").first.click()
    expect(page.locator("#results-title")).to_have_text("1 pledge")
    # Every part of the state is in the URL, in whatever order the form sends it.
    expect(page).to_have_url(
        re.compile(
            r"^[^?]*\?(?=(.*&)?pillar=education(&|$))(?=(.*&)?country=BE(&|$))"
            r"(?=(.*&)?q=robotics(&|$))"
        )
    )
    assert_accessible(page)

    page.get_by_role("link", name="Robotics club for pupils").click()
    expect(page.locator("h1")).to_have_text("Robotics club for pupils")
    assert_accessible(page)

    page.go_back()
    expect(page.locator("#results-title")).to_have_text("1 pledge")
    expect(page.get_by_label(re.compile(r"^Education \("))).to_be_checked()
    expect(page.get_by_label(re.compile(r"^Belgium \("))).to_be_checked()
    expect(page.get_by_label("Search pledges")).to_have_value("robotics")

    page.get_by_role("link", name=re.compile(r"Country: Belgium")).click()
    expect(page.locator("#results-title")).to_have_text("2 pledges")
    assert_accessible(page)


def test_an_organisation_user_builds_compares_and_shares_a_scoreboard(page, live_server):
    membership = TeamMembershipFactory()
    slug = membership.organisation.slug
    public_pledge(
        title="Alpha pledge", targets={"people-reached": 100}, achieved={"people-reached": 40}
    )
    public_pledge(title="Beta pledge", targets={"people-reached": 50})
    page.context.add_cookies(_session_cookie(membership.user, live_server.url))

    page.goto(f"/en/organisations/{slug}/scoreboards/")
    expect(page.locator("h1")).to_have_text("Pledge Scoreboards")
    assert_accessible(page)
    page.get_by_label("Name").fill("Our comparison")
    page.get_by_role("button", name="Create scoreboard").click()
    expect(page.locator("h1")).to_have_text("Our comparison")
    assert_accessible(page)

    page.goto("/en/pledges/")
    page.get_by_label(re.compile("^Choose “Alpha pledge”")).check()
    page.get_by_label(re.compile("^Choose “Beta pledge”")).check()
    page.get_by_role("button", name="Add to scoreboard").click()
    expect(page.get_by_text("2 pledges added to the scoreboard Our comparison.")).to_be_visible()
    assert_accessible(page)

    page.goto(f"/en/organisations/{slug}/scoreboards/")
    page.get_by_role("link", name="Our comparison").click()
    table = page.locator(".portal-scoreboard-table")
    expect(table.locator("tbody tr")).to_have_count(2)
    expect(table.locator("tfoot")).to_contain_text("40 / 150")
    assert_accessible(page)

    page.get_by_role("button", name="Share with a public link").click()
    shared_url = page.get_by_label("Public link").input_value()
    assert_accessible(page)

    page.context.clear_cookies()
    page.goto(shared_url)
    expect(page.locator("h1")).to_have_text("Our comparison")
    expect(page.locator(".portal-scoreboard-table tbody tr")).to_have_count(2)
    assert_accessible(page)


def _session_cookie(user, url):
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    engine = import_module(settings.SESSION_ENGINE)
    session = engine.SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.save()
    return [{"name": settings.SESSION_COOKIE_NAME, "value": session.session_key, "url": url}]


def test_the_result_facts_put_a_colon_after_each_label_as_the_language_does(page):
    public_pledge(title="Coding club", pillars=("education",), countries=("BE",))
    after = "el => getComputedStyle(el, '::after').content"

    page.goto("/en/pledges/")
    english = page.locator(".portal-result__facts dt").first.evaluate(after)
    page.goto("/fr/pledges/")
    french = page.locator(".portal-result__facts dt").first.evaluate(after)

    assert (english, french) == ('": "', '"\xa0: "')
