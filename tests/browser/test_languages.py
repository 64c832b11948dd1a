"""The pages in languages with long words and in other scripts (German, Finnish,
Greek, Bulgarian, Hungarian, Maltese): axe-core (WCAG 2.2 A and AA) finds
nothing, the Nu HTML Checker reports no error, and no page scrolls sideways at
320 px or with its text at 200 %, as tests/browser/test_crawl.py checks the
English pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.conftest import axe_violations
from tests.browser.test_crawl import WIDE, fail_form, main_form, nu_html_errors, sideways
from tests.national.factories import ItemFactory, NationalCoalitionFactory
from tests.pledges.factories import MemberOrganisationFactory
from tests.pledges.viewer.factories import public_pledge

LANGUAGES = ["de", "fi", "el", "bg", "hu", "mt"]


def representative_pages() -> list[tuple[str, bool]]:
    """(path without the language, send its form with errors), with data for each."""
    organisation = MemberOrganisationFactory(
        name="Ghent Digital Academy", slug="ghent", country="BE"
    )
    pledge = public_pledge(
        title="Digital skills for seniors",
        organisation=organisation,
        countries=("FI", "DE"),
        achieved={"people-reached": 1417},
    )
    coalition = NationalCoalitionFactory(country="FI", name="Digitaidot Suomi")
    ItemFactory(coalition=coalition, title="Koodiviikko Helsingissä")
    national = "/" + coalition.get_absolute_url().split("/", 2)[2]
    return [
        ("/", False),
        ("/pledges/?country=FI&pillar=for-all&status=approved&sort=title", False),
        (f"/pledges/{pledge.pk}/", False),
        ("/organisations/ghent/", False),
        (national, False),
        ("/accounts/signup/", True),
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_in_long_words_and_other_scripts_pass_axe_and_the_nu_checker(
    new_context, tmp_path, language
):
    pages = representative_pages()
    page = new_context(viewport=WIDE).new_page()
    problems: list[str] = []
    collected: dict[Path, str] = {}

    def check(label: str, html: str) -> None:
        page.wait_for_load_state("load")
        lang = page.evaluate("() => document.documentElement.lang")
        if lang != language:
            problems.append(f"{label}: <html lang={lang!r}>")
        problems.extend(f"{label}: axe {v}" for v in axe_violations(page))
        problems.extend(f"{label}: {p}" for p in sideways(page))
        path = tmp_path / f"{len(collected):02d}.html"
        path.write_text(html, encoding="utf-8")
        collected[path] = label

    for path, with_errors in pages:
        label = f"/{language}{path}"
        response = page.goto(label)
        check(label, response.text())
        if with_errors:
            answer = fail_form(page, main_form())
            check(f"{label} (sent with errors, {answer.status})", answer.text())

    problems += nu_html_errors(collected)
    assert problems == [], "\n".join(problems)
