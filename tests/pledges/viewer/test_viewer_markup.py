"""The viewer's markup built in Python (pledges/viewer_html.py) and the labels
it caches per language."""

import datetime as dt

import pytest
from django.utils import formats, translation

from pledges.viewer import html as viewer_html
from pledges.viewer.views import _dates
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db

MARKUP_TEXTS = {
    "Status": "Status",
    "Dates": "Dates",
    "Pillars": "Pillars",
    "Countries": "Countries",
    "Target reach": "Target reach",
    "Progress": "Progress",
    "Reported": "Reported",
    "Not yet reported": "Not yet reported",
    "Choose": "Choose",
}


def a_row(**overrides) -> dict:
    row = {
        "pk": 7,
        "url": "/en/pledges/7/",
        "title": "Code & <b>learn</b>",
        "excerpt": 'Say "hi"',
        "organisation": "O'Brien Ltd",
        "organisation_url": "/en/members/o-brien/",
        "status": "Ongoing",
        "completed": False,
        "dates": "Jan 2024 – Dec 2025",
        "pillars": "For all",
        "countries": "Belgium",
        "reach": "1,500",
        "reported": False,
    }
    return {**row, **overrides}


def test_it_escapes_every_option_value_and_label():
    html = viewer_html.facet_options(
        "group", [("a<b", 'Tom & "Jerry"', "1,234", True), ("x", "X", "2", False)], "pledges"
    )

    assert html == (
        '<div class="portal-facet__option"><input type="checkbox" id="f-group-a&lt;b" '
        'name="group" value="a&lt;b" checked><label for="f-group-a&lt;b">Tom &amp; '
        '&quot;Jerry&quot; <span class="portal-facet__count">(1,234<span '
        'class="portal-visually-hidden"> pledges</span>)</span></label></div>\n'
        '<div class="portal-facet__option"><input type="checkbox" id="f-group-x" '
        'name="group" value="x"><label for="f-group-x">X <span class="portal-facet__count">'
        '(2<span class="portal-visually-hidden"> pledges</span>)</span></label></div>'
    )


def test_it_escapes_every_row_text_and_shows_only_the_facts_it_has():
    html = viewer_html.result_items(
        [a_row(dates="", reach="", organisation_url="")], MARKUP_TEXTS, pickable=False
    )

    assert html == (
        '<li class="portal-result">\n'
        '<h3 class="portal-result__title"><a class="ecl-link ecl-link--standalone" '
        'href="/en/pledges/7/">Code &amp; &lt;b&gt;learn&lt;/b&gt;</a></h3>\n'
        '<p class="portal-result__org">O&#x27;Brien Ltd</p>\n'
        '<p class="portal-result__excerpt">Say &quot;hi&quot;</p>\n'
        '<dl class="portal-result__facts">\n'
        "<div><dt>Status</dt><dd>Ongoing</dd></div>\n"
        "<div><dt>Pillars</dt><dd>For all</dd></div>\n"
        "<div><dt>Countries</dt><dd>Belgium</dd></div>\n"
        "<div><dt>Progress</dt><dd>Not yet reported</dd></div>\n"
        "</dl>\n"
        "</li>"
    )


def test_a_pickable_row_has_a_named_checkbox_and_a_completed_one_its_class():
    html = viewer_html.result_items(
        [a_row(completed=True, reported=True)], MARKUP_TEXTS, pickable=True
    )

    assert html.startswith('<li class="portal-result portal-result--completed">')
    assert (
        '<input type="checkbox" form="add-to-scoreboard" name="pledge" value="7" id="pick-7" '
        'aria-label="Choose: Code &amp; &lt;b&gt;learn&lt;/b&gt;"> <a class'
    ) in html
    assert '<a class="ecl-link" href="/en/members/o-brien/">O&#x27;Brien Ltd</a>' in html
    assert "<div><dt>Target reach</dt><dd>1,500</dd></div>" in html
    assert "<dd>Reported</dd>" in html


def test_labels_follow_the_visitors_language_whatever_was_rendered_before(client, settings):
    settings.PLEDGE_VIEWER_CACHE_SECONDS = 0  # render every page
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
    assert '<span class="portal-visually-hidden"> engagements</span>' in french
    assert '<span class="portal-visually-hidden"> Zusagen</span>' in german
    assert "Les plus récents d&#x27;abord</option>" in french
    assert "Neueste zuerst</option>" in german
    assert "<dd>Pas encore communiqué</dd>" in french
    assert "<dd>2\xa0500</dd>" in french
    assert "<dd>2.500</dd>" in german
    assert "<dd>2,500</dd>" in english


@pytest.mark.parametrize("language", ["en", "fr", "de"])
def test_row_dates_are_those_date_format_writes(language):
    start, end = dt.date(2024, 3, 5), dt.date(2026, 12, 31)

    with translation.override(language):
        both = _dates(start, end)
        only_start = _dates(start, None)
        expected = formats.date_format(start, "M Y"), formats.date_format(end, "M Y")

    assert both == f"{expected[0]} – {expected[1]}"
    assert expected[0] in only_start
    assert _dates(None, None) == ""


def test_pillar_options_and_rows_are_in_the_visitors_language(client, settings):
    settings.PLEDGE_VIEWER_CACHE_SECONDS = 0
    public_pledge(pillars=("for-all",))

    french = client.get("/fr/pledges/", {"pillar": "for-all"}).text

    assert '<label for="f-pillar-for-all">Pour tous <span' in french
    assert "<dt>Piliers</dt><dd>Pour tous</dd>" in french
    assert '</span>Pilier\xa0: Pour tous <span aria-hidden="true">×</span>' in french  # the chip
