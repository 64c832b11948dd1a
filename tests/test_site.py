"""Site-wide checks: every public page reachable from the home page renders with
exactly one <h1> and the landmarks; no pending migrations; deploy checks clean."""

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from pledges.scoreboards.models import Scoreboard
from pledges.scoreboards.services import scoreboard_add_pledges
from tests.national.factories import ItemFactory, NationalCoalitionFactory
from tests.pledges.factories import MemberOrganisationFactory
from tests.pledges.viewer.factories import public_pledge

ROOT = Path(__file__).resolve().parent.parent
MAX_PAGES = 400


class PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.tags: dict[str, int] = {}

    def handle_starttag(self, tag, attrs):
        self.tags[tag] = self.tags.get(tag, 0) + 1
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


def sitemap_paths(client) -> list[str]:
    """The paths /sitemap.xml lists (some, like the viewer's country pages, are
    linked from nowhere else)."""
    index = client.get("/sitemap.xml").content.decode()
    paths = []
    for section in re.findall(r"<loc>(.*?)</loc>", index):
        xml = client.get(urlsplit(section).path).content.decode()
        paths += [urlsplit(loc).path for loc in re.findall(r"<loc>(.*?)</loc>", xml)]
    return paths


def crawl(client, start: str = "/en/", *more: str) -> dict[str, PageParser]:
    """Follow every same-site link (without query strings) from the home page, the
    sitemap's pages and the pages in `more` (public pages that only a shared link
    leads to), in the start page's language (the language links lead to the same
    pages)."""
    other_languages = tuple(
        f"/{code}/" for code, _name in settings.LANGUAGES if not start.startswith(f"/{code}/")
    )
    seen: dict[str, PageParser] = {}
    queue = [start, *more, *(p for p in sitemap_paths(client) if not p.startswith(other_languages))]
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        if path in seen:
            continue
        response = client.get(path)
        if response.status_code == 302 and response["Location"].startswith(
            reverse("account_login")
        ):
            continue  # a page for logged-in people only, not a public page
        assert response.status_code == 200, f"{path} answered {response.status_code}"
        if not response["Content-Type"].startswith("text/html"):
            seen[path] = PageParser()
            continue
        parser = PageParser()
        parser.feed(response.content.decode())
        seen[path] = parser
        for href in parser.links:
            href = urldefrag(href)[0]
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path.startswith("/"):
                continue
            if parts.path.startswith(("/admin/", settings.STATIC_URL, "/" + settings.STATIC_URL)):
                continue
            if re.search(r"/(logout|media)/", parts.path) or parts.path.startswith(other_languages):
                continue
            if parts.path not in seen:
                queue.append(parts.path)
    return seen


@pytest.fixture
def pages_with_data():
    """A member organisation with a public pledge, a national coalition with an
    item, and a shared scoreboard of that pledge: the pages that only exist with
    data, by kind, for the crawl to reach."""
    organisation = MemberOrganisationFactory(name="Digital Academy Ghent", country="BE")
    pledge = public_pledge(organisation=organisation, countries=("BE", "FR"))
    coalition = NationalCoalitionFactory(country="FR")
    item = ItemFactory(coalition=coalition, title="Digital skills week in Lyon")
    scoreboard = Scoreboard.objects.create(
        organisation=organisation, name="Pledges we follow", share_token="shared-board-token"
    )
    scoreboard_add_pledges(scoreboard=scoreboard, pledge_ids=[pledge.pk])
    return {
        "organisation": reverse("members:organisation_detail", kwargs={"slug": organisation.slug}),
        "pledge": reverse("pledges:detail", kwargs={"pk": pledge.pk}),
        "country viewer": reverse("viewer:country", kwargs={"code": "be"}),
        "national coalition": reverse("national:detail", kwargs={"slug": coalition.slug}),
        "national item": reverse("national:item", kwargs={"pk": item.pk}),
        "shared scoreboard": reverse(
            "viewer:scoreboard_shared", kwargs={"token": scoreboard.share_token}
        ),
    }


@pytest.mark.django_db
def test_every_public_page_renders_with_one_h1_and_landmarks(client, pages_with_data):
    # A shared scoreboard is public, but only its shared link leads to it.
    pages = crawl(client, "/en/", pages_with_data["shared scoreboard"])

    assert len(pages) >= 7  # home, four pillars, about, accessibility, privacy, contact...
    missed = {kind: path for kind, path in pages_with_data.items() if path not in pages}
    assert missed == {}
    for path, page in pages.items():
        if not page.tags:
            continue  # not HTML (a feed, a download)
        assert page.tags.get("h1") == 1, f"{path} has {page.tags.get('h1', 0)} <h1>"
        assert page.tags.get("main") == 1, f"{path} has no single <main>"
        assert page.tags.get("header", 0) >= 1, f"{path} has no <header>"
        assert page.tags.get("footer", 0) >= 1, f"{path} has no <footer>"


@pytest.mark.django_db
def test_there_are_no_pending_migrations():
    out = StringIO()

    call_command("makemigrations", "--check", "--dry-run", stdout=out)

    assert "No changes detected" in out.getvalue()


def test_deploy_checks_are_clean_with_production_settings():
    # The browser tests' async-unsafe switch must not leak into a production check.
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env |= {
        "DJANGO_SETTINGS_MODULE": "coalition.settings",
        "DEBUG": "false",
        "SECRET_KEY": "a-production-like-secret-key-with-enough-entropy-7Hc9qLx2VbN4rT8zWm",
        "ALLOWED_HOSTS": "digital-skills.example.eu",
        # Read, never connected to, by the checks.
        "DATABASE_URL": "postgres://portal@db.example.eu:5432/portal",
    }

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "SECRET_KEY_FILE"}}
    env.update({"DJANGO_SETTINGS_MODULE": "coalition.settings", "DEBUG": "false"})

    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
