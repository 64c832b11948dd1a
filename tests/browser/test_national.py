"""A visitor finds a national coalition on the map, opens an upcoming event and
follows the link to that country's ongoing pledges; axe-core checks every page."""

import datetime as dt
import re

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from national.models import Kind
from tests.browser.conftest import assert_accessible
from tests.national.factories import ItemFactory, NationalCoalitionFactory


def test_a_visitor_goes_from_the_map_to_an_event_and_the_countrys_pledges(page):
    today = timezone.localdate()
    france = NationalCoalitionFactory(country="FR", name="Coalition numérique française")
    NationalCoalitionFactory(country="DE", name="Digitale Koalition")
    ItemFactory(coalition=france, kind=Kind.NEWS, title="Nouveaux partenaires")
    ItemFactory(
        coalition=france,
        kind=Kind.EVENT,
        title="Semaine du code à Lyon",
        language="fr",
        starts_on=today + dt.timedelta(days=10),
        ends_on=today + dt.timedelta(days=12),
        location="Lyon",
    )
    ItemFactory(
        coalition=france, kind=Kind.EVENT, title="Past forum", starts_on=today - dt.timedelta(30)
    )

    page.goto(reverse("national:index"))
    expect(page.locator("h1")).to_have_text("National coalitions")
    assert_accessible(page)

    page.locator('#coalitions-map a[data-country="FR"]').click()
    expect(page.locator("h1")).to_have_text("Coalition numérique française")
    assert_accessible(page)

    events = page.locator("section", has=page.locator("h2", has_text="Upcoming events"))
    expect(events.get_by_role("link")).to_have_count(2)  # the event and "All events in France"
    events.get_by_role("link", name="Semaine du code à Lyon").click()
    expect(page.locator("h1")).to_have_text("Semaine du code à Lyon")
    assert_accessible(page)

    page.get_by_role("link", name="Ongoing pledges in France").click()
    viewer = reverse("pledges:viewer")
    expect(page).to_have_url(re.compile(re.escape(viewer) + r"\?country=FR&status=approved$"))
    assert_accessible(page)


def test_the_map_works_with_the_keyboard_and_has_a_table_alternative(page):
    NationalCoalitionFactory(country="AT", name="Österreichische Koalition")

    page.goto(reverse("national:index"))
    page.locator("summary", has_text="the data as a table").click()
    table = page.locator("#coalitions-map-table")
    expect(table.get_by_role("link", name="Austria")).to_be_visible()
    assert_accessible(page)

    austria = page.locator('#coalitions-map a[data-country="AT"]')
    austria.focus()
    expect(austria).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Österreichische Koalition")
