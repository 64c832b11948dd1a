"""Browser tests: Playwright drives Debian's Chromium (never a downloaded browser)
against a live server, and axe-core checks every page they visit."""

import os
from pathlib import Path

import pytest

from coalition.models import Pillar, PillarTranslation
from coalition.pillar_translations import ensure_pillar_translations
from coalition.pillars import ensure_pillars

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make around it are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Runs in every page before its own scripts (through the DevTools protocol,
# which the page's Content-Security-Policy does not govern): a violation of the
# policy becomes a console error, which the contexts below collect.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`Content-Security-Policy violation: ${event.effectiveDirective} `
    + `blocked ${event.blockedURI || "inline code"} in ${event.sourceFile || event.documentURI}`
    + `:${event.lineNumber}`);
});
"""


@pytest.fixture
def new_context(browser, live_server, transactional_db):
    """Browser contexts on the live server (the portal's CSP on, as in
    production) whose pages may log no console error and break no policy."""
    # A transactional test flushes the database afterwards, data migrations
    # included: put the fixed pillars back for each browser test.
    ensure_pillars(Pillar)
    ensure_pillar_translations(Pillar, PillarTranslation)
    contexts, errors = [], []

    def make(**options):
        context = browser.new_context(base_url=live_server.url, locale="en-GB", **options)
        context.set_default_timeout(15_000)
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        context.on(
            "console",
            lambda message: (
                errors.append(f"{message.text} ({message.location})")
                if message.type == "error" and not is_page_status(message)
                else None
            ),
        )
        context.on("weberror", lambda error: errors.append(str(error.error)))
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()
    assert errors == [], "console errors or CSP violations in the browser"


def is_page_status(message) -> bool:
    """A page the portal answered with a 4xx on purpose (a form with errors is
    400, a rate limit 429): Chromium logs it, but it is no script error. A
    static file or an upload that failed to load still counts."""
    url = message.location.get("url", "")
    return (
        message.text.startswith("Failed to load resource: the server responded with a status of 4")
        and "/static/" not in url
        and "/media/" not in url
    )


@pytest.fixture
def page(new_context):
    return new_context().new_page()


def assert_accessible(page) -> None:
    """Run axe-core (WCAG 2.2 A and AA rules) on the current page; fail on any violation.
    Waits for the page to have loaded: a URL that changed is not yet a document."""
    page.wait_for_load_state("load")
    # Evaluated through the DevTools protocol, not added as a script element,
    # which the portal's Content-Security-Policy would refuse.
    page.evaluate(AXE.read_text())
    violations = page.evaluate(
        """async () => (await axe.run(document, {
            runOnly: {type: 'tag',
                      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa',
                               'best-practice']}
        })).violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                                  nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"""
    )
    assert violations == [], f"axe-core violations on {page.url}: {violations}"


WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def axe_violations(page) -> list[str]:
    """axe-core's WCAG 2.2 A and AA violations on the current page, one line each
    (rule, impact, the first elements). Evaluated through the DevTools protocol,
    so a Content-Security-Policy that refuses added scripts does not stop it."""
    page.evaluate(AXE.read_text())
    return page.evaluate(
        """async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))
            .violations.map(v => `${v.id} (${v.impact}): ${v.help}: `
                + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '))""",
        WCAG_22_AA,
    )
