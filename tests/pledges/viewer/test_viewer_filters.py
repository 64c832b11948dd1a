"""The Pledge Viewer's filters one by one (beneficiary group, action type, delivery
mode, organisation sector and type), how they combine (OR within a filter, AND
across filters), and the map of Europe under the active filters."""

import re

import pytest

from members.models import Organisation
from tests.factories import OrganisationFactory
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db
VIEWER = "/en/pledges/"


def titles(response) -> list[str]:
    return [row.title for row in response.context["viewer"]["rows"]]


def with_initiative(title: str, **fields):
    return public_pledge(title=title, initiative=fields)


def by_organisation(title: str, *, sector: str, type: str):
    return public_pledge(title=title, organisation=OrganisationFactory(sector=sector, type=type))


@pytest.fixture(autouse=True)
def _render_every_page(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def initiatives():
    with_initiative(
        "A teachers online",
        beneficiary_groups=["teachers"],
        action_types=["teacher-training"],
        delivery_mode="online",
    )
    with_initiative(
        "B job seekers blended",
        beneficiary_groups=["job-seekers", "women-and-girls"],
        action_types=["placements", "job-matching"],
        delivery_mode="blended",
    )
    with_initiative(
        "C pupils in person",
        beneficiary_groups=["pupils"],
        action_types=["coding-classes"],
        delivery_mode="in-person",
    )


@pytest.fixture
def organisations():
    by_organisation("A company", sector="private", type="company")
    by_organisation("B NGO", sector="third", type="ngo")
    by_organisation("C authority", sector="public", type="public-authority")
    by_organisation("D small firm", sector="private", type="sme")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"group": "teachers"}, ["A teachers online"]),
        ({"group": "women-and-girls"}, ["B job seekers blended"]),
        ({"group": ["teachers", "pupils"]}, ["A teachers online", "C pupils in person"]),
        ({"group": "employees"}, []),
        ({"action": "job-matching"}, ["B job seekers blended"]),
        (
            {"action": ["coding-classes", "placements"]},
            ["B job seekers blended", "C pupils in person"],
        ),
        ({"action": "awareness"}, []),
        ({"delivery": "online"}, ["A teachers online"]),
        ({"delivery": ["online", "blended"]}, ["A teachers online", "B job seekers blended"]),
        ({"delivery": "in-person"}, ["C pupils in person"]),
        ({"group": ["teachers", "pupils"], "delivery": "in-person"}, ["C pupils in person"]),
        ({"group": "teachers", "action": "coding-classes"}, []),
        (
            {"group": ["teachers", "job-seekers"], "action": ["teacher-training", "placements"]},
            ["A teachers online", "B job seekers blended"],
        ),
    ],
)
def test_initiative_filters_list_exactly_the_matching_pledges(client, initiatives, query, expected):
    response = client.get(VIEWER, {**query, "sort": "title"})

    assert response.status_code == 200
    assert titles(response) == expected
    assert response.context["viewer"]["count"] == len(expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"sector": "private"}, ["A company", "D small firm"]),
        ({"sector": "third"}, ["B NGO"]),
        ({"sector": ["third", "public"]}, ["B NGO", "C authority"]),
        ({"type": "sme"}, ["D small firm"]),
        ({"type": ["ngo", "company"]}, ["A company", "B NGO"]),
        ({"type": "social-partner"}, []),
        ({"sector": "private", "type": "sme"}, ["D small firm"]),
        ({"sector": "private", "type": ["ngo", "public-authority"]}, []),
        (
            {"sector": ["private", "public"], "type": ["company", "public-authority"]},
            ["A company", "C authority"],
        ),
    ],
)
def test_organisation_filters_list_exactly_the_matching_pledges(
    client, organisations, query, expected
):
    response = client.get(VIEWER, {**query, "sort": "title"})

    assert response.status_code == 200
    assert titles(response) == expected
    assert response.context["viewer"]["count"] == len(expected)


def test_organisation_and_initiative_filters_combine_with_and(client):
    public_pledge(
        title="NGO online",
        organisation=OrganisationFactory(sector=Organisation.Sector.THIRD, type="ngo"),
        initiative={"delivery_mode": "online"},
    )
    public_pledge(
        title="NGO in person",
        organisation=OrganisationFactory(sector=Organisation.Sector.THIRD, type="ngo"),
        initiative={"delivery_mode": "in-person"},
    )
    public_pledge(
        title="Company online",
        organisation=OrganisationFactory(sector=Organisation.Sector.PRIVATE, type="company"),
        initiative={"delivery_mode": "online"},
    )

    response = client.get(VIEWER, {"type": "ngo", "delivery": "online", "country": "BE"})

    assert titles(response) == ["NGO online"]


# --- The map ----------------------------------------------------------------------


def table_row(html: str, country: str) -> tuple[str, str]:
    """(link, number) of a country's row in the map's data table."""
    match = re.search(
        rf'<th scope="row"><a class="ecl-link" href="([^"]*)">{country}</a></th>\s*'
        r"<td>([^<]*)</td>",
        html,
    )
    assert match, f"no table row for {country}"
    return match.group(1), match.group(2)


@pytest.fixture
def spread():
    for _ in range(3):
        public_pledge(countries=("BE",), initiative={"delivery_mode": "online"})
    public_pledge(countries=("BE",), initiative={"delivery_mode": "in-person"})
    public_pledge(countries=("FR", "BE"), initiative={"delivery_mode": "online"})
    public_pledge(countries=("DE",), pillars=("for-all",), initiative={"delivery_mode": "online"})


def test_the_map_and_its_table_give_the_filtered_counts(client, spread):
    response = client.get(VIEWER, {"pillar": "education", "delivery": "online"})

    html = response.text
    rows = {row.code: row.value for row in response.context["viewer"]["country_map"].rows}
    assert (rows["BE"], rows["FR"], rows["DE"], rows["IT"]) == (4, 1, 0, 0)
    assert table_row(html, "Belgium")[1] == "4"
    assert table_row(html, "France")[1] == "1"
    assert table_row(html, "Germany")[1] == "0"
    assert 'aria-label="Belgium, Pledges: 4" data-country="BE"' in html
    # A country without pledges under the filters is hatched, not shaded.
    assert re.search(
        r'data-country="DE"><title>[^<]*</title><path class="m-c" d="[^"]*" '
        r'fill="url\(#viewer-map-none\)"',
        html,
    )
    assert not re.search(
        r'data-country="BE"><title>[^<]*</title><path class="m-c" d="[^"]*" '
        r'fill="url\(#viewer-map-none\)"',
        html,
    )


def test_the_map_leaves_out_only_the_country_filter(client, spread):
    response = client.get(VIEWER, {"delivery": "online", "country": "FR"})

    assert response.context["viewer"]["count"] == 1
    assert table_row(response.text, "Belgium")[1] == "4"
    assert table_row(response.text, "Germany")[1] == "1"


def test_country_links_keep_the_other_active_filters(client, spread):
    response = client.get(
        VIEWER, {"pillar": "education", "delivery": ["online", "blended"], "country": "FR"}
    )

    link, _count = table_row(response.text, "Belgium")
    expected = (
        "/en/pledges/?pillar=education&amp;delivery=online&amp;delivery=blended&amp;country=BE"
    )
    assert link == expected
    assert f'<a href="{expected}" aria-label="Belgium, Pledges: 4" data-country="BE">' in (
        response.text
    )
    followed = client.get(link.replace("&amp;", "&"))
    assert followed.context["viewer"]["count"] == 4


def test_the_map_shows_the_counts_of_a_search(client):
    public_pledge(title="Robotics club", summary="Robotics.", countries=("AT",))
    public_pledge(title="Gardening", summary="Nothing digital.", countries=("AT",))

    response = client.get(VIEWER, {"q": "robotics"})

    link, count = table_row(response.text, "Austria")
    assert count == "1"
    assert link == "/en/pledges/?q=robotics&amp;country=AT"


def test_each_filterset_has_its_own_filters_and_form_fields():
    from django.http import QueryDict

    from pledges.viewer.filters import PledgeViewerFilter

    first = PledgeViewerFilter(QueryDict("pillar=education&country=FR"))
    second = PledgeViewerFilter(QueryDict("country=DE&status=completed"))

    assert first.is_valid()
    assert second.is_valid()
    assert first.active() == {"pillar": ["education"], "country": ["FR"]}
    assert second.active() == {"country": ["DE"], "status": ["completed"]}
    for filterset in (first, second):
        for name, filter_ in filterset.filters.items():
            assert filter_.parent is filterset
            assert filter_ is not PledgeViewerFilter.base_filters[name]
            if filter_.method:
                assert filter_.filter.f is filter_
                assert filter_.filter.method == getattr(filterset, filter_.method)
    assert first.form.fields["pillar"] is not second.form.fields["pillar"]
    first.form.fields["pillar"].choices = [("education", "Education")]
    assert len(list(second.form.fields["pillar"].choices)) == 4
    assert len(list(PledgeViewerFilter(QueryDict()).form.fields["pillar"].choices)) == 4
    sql = str(first.queryset_without("country").query)
    assert '"pillars" && (ARRAY[education])' in sql
    assert '"countries" &&' not in sql


def test_the_form_speaks_each_language():
    from django.http import QueryDict
    from django.utils.translation import override

    from pledges.viewer.filters import PledgeViewerFilter

    with override("en"):
        english = PledgeViewerFilter(QueryDict()).form
        assert str(english.fields["status"].label) == "Status"
        assert dict(english.fields["country"].choices)["DE"] == "Germany"
    with override("fr"):
        french = PledgeViewerFilter(QueryDict()).form
        assert str(french.fields["status"].label) == "Statut"
        assert dict(french.fields["country"].choices)["DE"] == "Allemagne"
