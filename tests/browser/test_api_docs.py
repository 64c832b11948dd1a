"""The API's documentation page in a browser: Swagger UI starts from the site's own
files under a Content Security Policy that forbids inline scripts and styles, and
its requests reach the API."""

from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.pledges.viewer.factories import public_pledge

STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"


def test_swagger_ui_runs_under_a_strict_policy_and_tries_a_request(page):
    public_pledge(title="Robotics club")
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on(
        "request",
        lambda request: (
            violations.append(request.url)
            if "127.0.0.1" not in request.url and "localhost" not in request.url
            else None
        ),
    )

    def with_policy(route):
        response = route.fetch()
        route.fulfill(
            response=response, headers={**response.headers, "content-security-policy": STRICT}
        )

    page.route("**/api/v1/docs", with_policy)

    page.goto("/api/v1/docs")
    expect(page.locator("h1")).to_have_text("Open data API")
    explorer = page.locator("#swagger-ui")
    expect(explorer.locator(".opblock-summary-path").first).to_be_visible()
    expect(explorer.get_by_text("/api/v1/pledges", exact=True)).to_be_visible()
    expect(page.locator("h1")).to_have_count(1)  # Swagger UI's info block is left out

    explorer.get_by_text("/api/v1/pledges", exact=True).click()
    explorer.get_by_role("button", name="Execute").click()
    live = explorer.locator(".live-responses-table tbody")
    expect(live.locator(".response-col_status")).to_have_text("200")
    expect(live).to_contain_text("Robotics club")

    assert violations == []


def test_without_javascript_the_reference_is_there_and_the_explorer_is_not(
    browser, live_server, transactional_db
):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/api/v1/docs")
        expect(page.get_by_role("heading", name="GET /api/v1/pledges", exact=True)).to_be_visible()
        expect(page.get_by_role("heading", name="Try it")).to_be_hidden()
    finally:
        context.close()


def test_the_docs_page_is_accessible_with_an_answer_shown(page):
    public_pledge(title="Robotics club")
    page.goto("/api/v1/docs")
    explorer = page.locator("#swagger-ui")
    expect(explorer.get_by_text("/api/v1/pledges", exact=True)).to_be_visible()
    assert_accessible(page)

    explorer.get_by_text("/api/v1/pledges", exact=True).click()
    explorer.get_by_role("button", name="Execute").click()
    expect(explorer.locator(".live-responses-table tbody")).to_contain_text("Robotics club")
    assert_accessible(page)
