"""The viewer's repeated markup (facet options and result rows, in
templates/jinja2/pledges/viewer/): the same elements, ids and labels as
ever, every text escaped, in the visitor's language."""

import datetime as dt
import re

import pytest
from django.utils import formats, translation

from tests.factories import OrganisationFactory, TeamMembershipFactory
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db

VIEWER = "/en/pledges/"


@pytest.fixture(autouse=True)
def _render_every_page(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


def results(html: str) -> str:
    return re.search(r'<ol class="portal-results" start="\d+">(.*?)</ol>', html, re.S).group(1)


def facet(html: str, name: str) -> str:
    match = re.search(
        rf'<details class="portal-facet"[^>]*>\s*<summary class="portal-facet__summary">'
        rf"[^<]*</summary>\s*<fieldset[^>]*>\s*<legend[^>]*>[^<]*</legend>\s*"
        rf'((?:<div class="portal-facet__option"><input type="checkbox" id="f-{name}-.*?\s*)+)'
        r"</fieldset>",
        html,
        re.S,
    )
    return match.group(1).strip()


def test_each_option_is_a_labelled_checkbox_with_its_count(client):
    public_pledge(countries=("BE", "FR"))
    public_pledge(countries=("FR",))

    html = client.get(VIEWER, {"country": "FR"}).text

    assert facet(html, "country") == (
        '<div class="portal-facet__option"><input type="checkbox" id="f-country-BE" '
        'name="country" value="BE"><label for="f-country-BE">Belgium <span '
        'class="portal-facet__count" aria-hidden="true">(1)</span>'
        '<span class="portal-visually-hidden">(1 pledge)</span></label></div>\n        '
        '<div class="portal-facet__option"><input type="checkbox" id="f-country-FR" '
        'name="country" value="FR" checked><label for="f-country-FR">France <span '
        'class="portal-facet__count" aria-hidden="true">(2)</span>'
        '<span class="portal-visually-hidden">(2 pledges)</span></label></div>'
    )


def test_a_row_escapes_its_texts_and_shows_only_the_facts_it_has(client):
    organisation = OrganisationFactory(name="O'Brien & Sons", slug="o-brien")
    pledge = public_pledge(
        title="Code & <b>learn</b>",
        summary='Say "hi"',
        organisation=organisation,
        start_date=None,
        end_date=None,
    )

    html = results(client.get(VIEWER).text)

    assert html.strip() == (
        '<li class="portal-result">\n'
        '<h3 class="portal-result__title"><a class="ecl-link ecl-link--standalone" '
        f'href="/en/pledges/{pledge.pk}/">Code &amp; &lt;b&gt;learn&lt;/b&gt;</a></h3>\n'
        '<p class="portal-result__org"><a class="ecl-link" href="/en/organisations/o-brien/">'
        "O&#39;Brien &amp; Sons</a></p>\n"
        '<p class="portal-result__excerpt">Say &#34;hi&#34;</p>\n'
        '<dl class="portal-result__facts">\n'
        "<div><dt>Status</dt><dd>Ongoing</dd></div>\n"
        "<div><dt>Pillars</dt><dd>Education</dd></div>\n"
        "<div><dt>Countries</dt><dd>Belgium</dd></div>\n"
        "<div><dt>Target reach</dt><dd>100</dd></div>\n"
        "<div><dt>Progress</dt><dd>Not yet reported</dd></div>\n"
        "</dl>\n"
        "</li>"
    )


def test_a_pickable_row_has_a_named_checkbox_and_a_completed_one_its_class(client):
    from pledges.models import Pledge
    from pledges.scoreboards.services import scoreboard_create

    pledge = public_pledge(
        title="Code & learn",
        organisation__name="Ghent Academy",
        status=Pledge.Status.COMPLETED,
        targets={"people-reached": 1500},
        achieved={"people-reached": 10},
    )
    membership = TeamMembershipFactory()
    scoreboard_create(organisation=membership.organisation, user=membership.user, name="Mine")
    client.force_login(membership.user)

    html = results(client.get(VIEWER).text)

    assert html.strip().startswith('<li class="portal-result portal-result--completed">')
    assert (
        '<h3 class="portal-result__title"><input type="checkbox" form="add-to-scoreboard" '
        f'name="pledge" value="{pledge.pk}" id="pick-{pledge.pk}" '
        'aria-label="Choose “Code &amp; learn” by Ghent Academy"> <a class'
    ) in html
    assert "<div><dt>Status</dt><dd>Completed</dd></div>" in html
    assert "<div><dt>Target reach</dt><dd>1,500</dd></div>" in html
    assert "<dd>Reported</dd>" in html


def test_labels_follow_the_visitors_language_whatever_was_rendered_before(client):
    public_pledge(countries=("FR",), targets={"people-reached": 2500})

    english = client.get("/en/pledges/").text
    french = client.get("/fr/pledges/").text
    german = client.get("/de/pledges/").text
    english_again = client.get("/en/pledges/").text

    assert '<summary class="portal-facet__summary">Country</summary>' in english
    assert '<summary class="portal-facet__summary">Country</summary>' in english_again
    assert "<dt>Status</dt>" in english_again
    assert '<summary class="portal-facet__summary">Pays</summary>' in french
    assert '<summary class="portal-facet__summary">Land</summary>' in german
    assert "<dt>Statut</dt>" in french
    assert "<dt>Status</dt>" in english
    assert '<span class="portal-visually-hidden">(1 engagement)</span>' in french
    assert '<span class="portal-visually-hidden">(1 Zusage)</span>' in german
    assert "Les plus récents d&#39;abord</option>" in french
    assert "Neueste zuerst</option>" in german
    assert "<dd>Pas encore communiqué</dd>" in french
    assert "<dd>2\xa0500</dd>" in french
    assert "<dd>2.500</dd>" in german
    assert "<dd>2,500</dd>" in english


@pytest.mark.parametrize(
    ("language", "both"),
    [
        ("en", "March 2024 – December 2026"),
        ("fr", "mars 2024 – décembre 2026"),
        ("de", "März 2024 – Dezember 2026"),
        ("fi", "maaliskuu 2024 – joulukuu 2026"),
        ("el", "Μάρτιος 2024 – Δεκέμβριος 2026"),
        ("hu", "2024. március – 2026. december"),
    ],
)
def test_row_dates_are_those_date_format_writes(client, language, both):
    start, end = dt.date(2024, 3, 5), dt.date(2026, 12, 31)
    public_pledge(title="Both", start_date=start, end_date=end)
    public_pledge(title="Open-ended", start_date=start, end_date=None)

    html = results(client.get(f"/{language}/pledges/", {"sort": "title"}).text)
    with translation.override(language):
        expected = [formats.date_format(day, "YEAR_MONTH_FORMAT") for day in (start, end)]

    dates = re.findall(r"<dd>([^<]*\d{4}[^<]*)</dd>", html)
    assert dates[0] == f"{expected[0]} – {expected[1]}" == both
    assert expected[0] in dates[1]
    assert expected[1] not in dates[1]


def test_pillar_options_and_rows_are_in_the_visitors_language(client):
    public_pledge(pillars=("for-all",))

    french = client.get("/fr/pledges/", {"pillar": "for-all"}).text

    assert '<label for="f-pillar-for-all">Pour tous <span' in french
    assert "<dt>Piliers</dt><dd>Pour tous</dd>" in french
    assert '</span>Pilier\xa0: Pour tous <span aria-hidden="true">×</span>' in french  # the chip


def test_the_results_partial_renders_alone(rf):
    from django.template.loader import render_to_string

    from pledges.viewer.views import _texts

    html = render_to_string(
        "pledges/viewer/_results.html",
        {
            "first_result": 21,
            "pickable": False,
            "texts": _texts(),
            "rows": [
                {
                    "pk": 7,
                    "url": "/en/pledges/7/",
                    "title": "T",
                    "excerpt": "E",
                    "lang": "",
                    "organisation": "O",
                    "organisation_url": "/en/organisations/o/",
                    "status": "Ongoing",
                    "completed": False,
                    "dates": "",
                    "pillars": "",
                    "countries": "",
                    "reach": "",
                    "reported": True,
                }
            ],
        },
        using="jinja2",
    )

    assert html.startswith('<ol class="portal-results" start="21">')
    assert html.count("<li ") == 1
    assert "<dd>Reported</dd>" in html
