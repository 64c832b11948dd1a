import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible


def test_a_visitor_reads_the_home_page_and_the_pillars(page):
    page.goto("/")

    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.locator("h1")).to_have_count(1)
    assert_accessible(page)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Education").click()
    expect(page.locator("h1")).to_have_text("Digital skills in education")
    assert_accessible(page)

    page.get_by_role("link", name="About", exact=True).click()
    expect(page.locator("h1")).to_have_text("About the Coalition")
    assert_accessible(page)

    for name in ("Accessibility statement", "Privacy notice", "Contact"):
        page.get_by_role("contentinfo").get_by_role("link", name=name).click()
        expect(page.locator("h1")).to_have_text(name)
        assert_accessible(page)


def test_the_skip_link_moves_focus_to_the_main_content(page):
    page.goto("/en/")

    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.locator("main")).to_be_focused()


def test_the_language_switcher_works_without_javascript(browser, live_server, transactional_db):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto("/en/about/")

    languages = page.get_by_role("navigation", name="Language")
    languages.locator("summary").click()  # the list of the 24 languages opens
    languages.get_by_role("link", name="Français").click()

    expect(page).to_have_url(re.compile(r"/fr/about/$"))
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    context.close()


def test_the_policy_is_enforced_and_a_violation_is_seen(browser, live_server, transactional_db):
    """The watch the other browser tests rely on: an inline style that the
    page's Content-Security-Policy refuses is reported as a console error."""
    from tests.browser.conftest import REPORT_CSP_VIOLATIONS

    context = browser.new_context(base_url=live_server.url)
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    page.goto("/en/about/")

    # Chromium logs the refusal itself too; this waits for the event's own message.
    with page.expect_console_message(
        lambda message: message.text.startswith("Content-Security-Policy violation")
    ) as reported:
        page.evaluate("document.querySelector('h1').setAttribute('style', 'color: rgb(255, 0, 0)')")

    assert reported.value.text.startswith("Content-Security-Policy violation: style-src-attr")
    expect(page.locator("h1")).not_to_have_css("color", "rgb(255, 0, 0)")
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_switching_language_keeps_the_viewers_filters(new_context, javascript):
    page = new_context(java_script_enabled=javascript).new_page()
    page.goto("/en/pledges/?pillar=education&country=FR")

    languages = page.get_by_role("navigation", name="Language")
    languages.locator("summary").click()
    languages.get_by_role("link", name="Polski").click()

    expect(page).to_have_url(re.compile(r"/pl/pledges/\?pillar=education&country=FR$"))
    expect(page.locator("html")).to_have_attribute("lang", "pl")
    expect(page.get_by_role("navigation", name="Język")).to_be_attached()
