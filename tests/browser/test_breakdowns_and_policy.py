"""A visitor sees who the people a pledge counted are (its breakdown) and where a
country stands on the Digital Decade targets, next to its pledges; axe-core
checks every page. The Digital Decade figures are made-up test data."""

import re

from django.urls import reverse
from playwright.sync_api import expect

from national import digital_decade
from tests.browser.conftest import assert_accessible
from tests.national import jsonstat
from tests.national.factories import NationalCoalitionFactory
from tests.pledges.viewer.factories import public_pledge


def test_a_visitor_sees_a_pledges_breakdown_and_the_viewers(page):
    public_pledge(
        title="Girls who code",
        countries=("BE",),
        targets={"people-reached": 500, "certifications": 50},
        achieved={"people-reached": 120, "certifications": 9},
        breakdowns={
            "people-reached": {
                "women": 90,
                "men": 25,
                "gender_other": 5,
                "age_under_25": 100,
                "age_25_to_54": 20,
                "age_55_and_over": 0,
                "age_not_recorded": 0,
            }
        },
    )

    page.goto(reverse("pledges:viewer"))
    totals = page.locator(".portal-totals__breakdown")
    expect(totals.locator("tbody tr")).to_have_count(2)  # people reached, certifications
    expect(totals.locator("tbody tr").first).to_contain_text("90")
    assert_accessible(page)

    page.get_by_role("link", name="Girls who code").click()
    expect(page.locator("h1")).to_have_text("Girls who code")
    people, certifications = page.locator(".portal-initiative .portal-indicator-breakdown").all()
    expect(people).to_contain_text("Women: 90")
    expect(people).to_contain_text("Under 25: 100")
    expect(certifications).to_contain_text("Gender not recorded")
    assert_accessible(page)


def test_a_country_page_shows_where_the_country_stands(page):
    digital_decade.load(
        [
            digital_decade.parse(
                jsonstat.skills(
                    {
                        ("BE", "2021"): 50.0,
                        ("BE", "2023"): 60.0,
                        ("EU27_2020", "2021"): 45.0,
                        ("EU27_2020", "2023"): 55.0,
                    }
                )
            ),
            digital_decade.parse(
                jsonstat.ict(
                    {
                        ("T", "BE", "2022"): 180.0,
                        ("T", "BE", "2023"): 200.0,
                        ("F", "BE", "2023"): 50.0,
                        ("M", "BE", "2023"): 150.0,
                        ("T", "EU27_2020", "2023"): 10000.0,
                    }
                )
            ),
        ]
    )
    coalition = NationalCoalitionFactory(country="BE", name="Belgian digital coalition")
    public_pledge(title="Coding club", countries=("BE",))

    page.goto(coalition.get_absolute_url())
    section = page.locator(".portal-decade")
    expect(section.get_by_role("heading", level=2)).to_have_text(
        "Where Belgium stands on the EU’s 2030 Digital Decade targets"
    )
    charts = section.get_by_role("img")
    expect(charts).to_have_count(2)
    expect(charts.first).to_have_accessible_name(
        "People aged 16–74 with at least basic digital skills, Belgium, 2021–2023"
    )
    expect(section).to_contain_text("Source: Eurostat, dataset isoc_sk_dskl_i21, updated")
    section.locator("summary", has_text="ICT specialists in employment").click()
    table = section.get_by_role(
        "table", name="ICT specialists in employment: the figures as a table"
    )
    expect(table.locator("tbody tr").first).to_contain_text("2023")
    expect(table.locator("tbody tr").first).to_contain_text("50.0")
    assert_accessible(page)

    page.get_by_role("link", name="See the ongoing pledges in Belgium").click()
    expect(page).to_have_url(re.compile(r"country=BE"))
    expect(page.locator(".portal-decade h3")).to_have_text(
        "Where Belgium stands on the EU’s 2030 Digital Decade targets"
    )
    expect(page.locator(".portal-decade").get_by_role("img")).to_have_count(2)
    assert_accessible(page)
