import pytest
from django.urls import reverse

from pledges.viewer.read_model import refresh_pledges
from tests.factories import TeamMembershipFactory
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db
VIEWER = "/en/pledges/"


def titles(response) -> list[str]:
    return [row.title for row in response.context["viewer"]["rows"]]


def test_the_viewer_is_named_for_the_navigation():
    assert reverse("pledges:viewer") == VIEWER


def test_it_lists_public_pledges_newest_first_for_anonymous_visitors(client):
    import datetime as dt

    public_pledge(title="Older", approved_at=dt.datetime(2024, 1, 1, tzinfo=dt.UTC))
    public_pledge(title="Newer", approved_at=dt.datetime(2025, 1, 1, tzinfo=dt.UTC))

    response = client.get(VIEWER)

    assert response.status_code == 200
    assert titles(response) == ["Newer", "Older"]
    assert response.context["viewer"]["count"] == 2
    assert "Pledge Viewer" in response.text


def test_it_answers_post_with_405(client):
    assert client.post(VIEWER).status_code == 405


def test_it_filters_by_pillar_and_country_combined(client):
    public_pledge(title="Education in Belgium", pillars=("education",), countries=("BE",))
    public_pledge(title="Education in France", pillars=("education",), countries=("FR",))
    public_pledge(title="For all in Belgium", pillars=("for-all",), countries=("BE",))

    response = client.get(VIEWER, {"pillar": "education", "country": "BE"})

    assert titles(response) == ["Education in Belgium"]


def test_options_of_one_filter_combine_with_or(client):
    public_pledge(title="Belgium", countries=("BE",))
    public_pledge(title="France", countries=("FR",))
    public_pledge(title="Spain", countries=("ES",))

    response = client.get(VIEWER, {"country": ["BE", "FR"], "sort": "title"})

    assert titles(response) == ["Belgium", "France"]


def test_facet_counts_apply_every_other_filter(client):
    public_pledge(pillars=("education",), countries=("BE",))
    public_pledge(pillars=("education",), countries=("FR",))
    public_pledge(pillars=("for-all",), countries=("BE",))

    response = client.get(VIEWER, {"pillar": "education"})

    facets = {f["name"]: f for f in response.context["viewer"]["facets"]}
    pillar_options = {value: count for value, _l, count, *_ in facets["pillar"]["options"]}
    country_options = {value: count for value, _l, count, *_ in facets["country"]["options"]}
    assert pillar_options == {"for-all": "1", "education": "2"}  # the pillar filter is left out
    assert country_options == {"BE": "1", "FR": "1"}  # the pillar filter applies


def test_it_searches_and_ranks_the_best_match_first(client):
    public_pledge(title="Coding for everyone", summary="Robotics appears once here.")
    public_pledge(title="Robotics robotics club", summary="Robotics every week.")
    public_pledge(title="Gardening", summary="Nothing digital.")

    response = client.get(VIEWER, {"q": "robotics"})

    assert titles(response) == ["Robotics robotics club", "Coding for everyone"]
    assert response.context["viewer"]["sort"] == "relevance"


def test_a_ranked_search_combines_with_filters_and_counts(client):
    public_pledge(title="Robotics robotics club", summary="Robotics.", countries=("FR",))
    public_pledge(title="Robotics for all", summary="Robotics every week.", countries=("BE",))
    public_pledge(title="Robotics once", summary="Other things.", countries=("BE",))
    public_pledge(title="Gardening", summary="Nothing digital.", countries=("BE",))

    response = client.get(VIEWER, {"q": "robotics", "country": "BE"})

    facets = {f["name"]: f for f in response.context["viewer"]["facets"]}
    countries = {value: count for value, _l, count, *_ in facets["country"]["options"]}
    assert titles(response) == ["Robotics for all", "Robotics once"]
    assert countries == {"BE": "2", "FR": "1"}  # the search applies, the country filter not
    assert response.context["viewer"]["count"] == 2


def test_it_shows_totals_for_the_current_filter(client):
    public_pledge(
        countries=("BE",), targets={"people-reached": 100}, achieved={"people-reached": 40}
    )
    public_pledge(countries=("BE",), targets={"people-reached": 50})
    public_pledge(countries=("FR",), targets={"people-reached": 1000})

    response = client.get(VIEWER, {"country": "BE"})

    assert response.context["viewer"]["indicator_totals"] == [("People reached", "150", "40")]
    assert response.context["viewer"]["totals"].not_reported == 1


def test_it_sorts_by_target_reach_and_title(client):
    public_pledge(title="B small", targets={"people-reached": 10})
    public_pledge(title="A large", targets={"people-reached": 1000})

    assert titles(client.get(VIEWER, {"sort": "reach"})) == ["A large", "B small"]
    assert titles(client.get(VIEWER, {"sort": "title"})) == ["A large", "B small"]


def test_pagination_keeps_every_filter(client):
    for _ in range(21):
        public_pledge(countries=("DE",))

    response = client.get(VIEWER, {"country": "DE", "sort": "title"})

    assert response.context["viewer"]["pages"] == 2
    assert response.context["viewer"]["page_links"]["next"] == "?country=DE&sort=title&page=2"
    second = client.get(VIEWER + "?country=DE&sort=title&page=2")
    assert len(second.context["viewer"]["rows"]) == 1


def test_the_empty_state_offers_to_remove_the_last_filter(client):
    public_pledge(pillars=("education",), countries=("BE",))

    response = client.get(VIEWER + "?pillar=education&country=FR")

    assert response.context["viewer"]["count"] == 0
    assert "Remove the last filter (Country: France)" in response.text
    assert f'href="{VIEWER}?pillar=education"' in response.text


@pytest.mark.parametrize(
    ("prefix", "chip", "search_chip"),
    [
        ("/en/pledges/", "Country: France", "Search: coding"),
        ("/fr/pledges/", "Pays\xa0: France", "Rechercher\xa0: coding"),
        ("/de/pledges/", "Land: Frankreich", "Suche: coding"),
    ],
)
def test_each_active_filter_is_a_chip_written_as_the_visitors_language_writes_it(
    client, prefix, chip, search_chip
):
    public_pledge(title="Coding club", countries=("FR",))

    response = client.get(prefix + "?country=FR&q=coding")

    chips = [text for _, _, _, text in response.context["viewer"]["chips"]]
    assert chips == [chip, search_chip]
    assert f"</span>{chip} <span" in response.text


@pytest.mark.parametrize(
    "query",
    [
        "pillar=unknown",
        "country=XX",
        "country=%27%3B+DROP+TABLE+pledges_pledge%3B--",
        "year=abc",
        "sort=<script>alert(1)</script>",
        "q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "q=" + "x" * 10_000,
        "q=%27+OR+1%3D1--",
        "status=withdrawn",
        "page=2&page=1",
        "type=&sector=",
    ],
)
def test_nonsense_parameters_give_a_normal_page(client, query):
    public_pledge()

    response = client.get(f"{VIEWER}?{query}")

    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.text


@pytest.mark.parametrize("query", ["q=%00", "country=FR%00", "sort=%00title", "%00=1"])
def test_a_nul_character_is_a_bad_request(client, query):
    assert client.get(f"{VIEWER}?{query}").status_code == 400


@pytest.mark.parametrize("page", ["-1", "0", "abc", "999999", "1" * 40])
def test_impossible_pages_are_not_found(client, page):
    public_pledge()

    assert client.get(VIEWER, {"page": page}).status_code == 404


def test_a_too_long_search_is_explained_next_to_the_field(client):
    response = client.get(VIEWER, {"q": "x" * 500})

    assert response.status_code == 200
    assert 'aria-invalid="true"' in response.text
    assert 'id="viewer-q-error"' in response.text


@pytest.mark.parametrize("count", [1, 25])
def test_the_viewer_query_count_is_constant(client, django_assert_max_num_queries, count):
    for _ in range(count):
        public_pledge()

    # The first request of a viewer generation builds the bitmap index: one pass
    # over the facet rows and one query per kept sort order, whatever their number.
    with django_assert_max_num_queries(10):
        first = client.get(VIEWER, {"country": "BE"})
    # Later requests read filters, counts and totals from it: the generation,
    # the pillars (labels, navigation) and one page of rows.
    with django_assert_max_num_queries(4):
        response = client.get(VIEWER, {"pillar": "education", "sort": "reach"})

    assert first.status_code == 200
    assert response.status_code == 200
    assert response.context["viewer"]["count"] == count


def test_anonymous_popular_pages_come_from_the_cache_until_a_pledge_changes(
    client, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    pledge = public_pledge(title="Before")
    client.get(VIEWER)

    with django_assert_max_num_queries(1):  # the navigation's pillars only
        cached = client.get(VIEWER)
    from pledges.models import Pledge

    Pledge.objects.filter(pk=pledge.pk).update(title="After")
    with django_capture_on_commit_callbacks(execute=True):
        refresh_pledges([pledge.pk])
    fresh = client.get(VIEWER)

    assert "Before" in cached.text
    assert "After" in fresh.text


def test_organisation_users_can_tick_pledges_and_save_the_filter(client):
    pledge = public_pledge()
    membership = TeamMembershipFactory()
    from pledges.scoreboards.services import scoreboard_create

    scoreboard_create(organisation=membership.organisation, user=membership.user, name="Mine")
    client.force_login(membership.user)

    response = client.get(VIEWER, {"country": "BE"})

    assert f'name="pledge" value="{pledge.pk}"' in response.text
    assert 'action="/en/scoreboards/save-filter/"' in response.text


def test_the_country_page_shows_the_viewer_for_that_country(client):
    public_pledge(title="In Italy", countries=("IT",))
    public_pledge(title="In Malta", countries=("MT",))

    response = client.get("/en/pledges/countries/it/")

    assert response.status_code == 200
    assert "In Italy" in response.text
    assert "In Malta" not in response.text
    assert "Pledges in Italy" in response.text


def test_the_eu_wide_page_exists_and_unknown_countries_are_not_found(client):
    public_pledge(title="Everywhere", countries=(), eu_wide=True)

    assert "Everywhere" in client.get("/en/pledges/countries/eu/").text
    assert client.get("/en/pledges/countries/xx/").status_code == 404
    assert client.get("/en/pledges/countries/us/").status_code == 404


def test_the_pillar_page_shows_the_viewer_for_that_pillar(client):
    public_pledge(title="Teaching teachers", pillars=("education",))
    public_pledge(title="Upskilling workers", pillars=("labour-force",))

    response = client.get("/en/pillars/education/")

    assert "Teaching teachers" in response.text
    assert "Upskilling workers" not in response.text
    assert response.text.count("<h1") == 1


def test_plain_visitors_get_the_whole_popular_page_from_the_cache(
    client, django_assert_num_queries, django_capture_on_commit_callbacks
):
    pledge = public_pledge(title="Before")
    first = client.get(VIEWER, {"pillar": "education"})

    with django_assert_num_queries(0):
        again = client.get(VIEWER, {"pillar": "education"})
    from pledges.models import Pledge

    Pledge.objects.filter(pk=pledge.pk).update(title="After")
    with django_capture_on_commit_callbacks(execute=True):
        refresh_pledges([pledge.pk])
    fresh = client.get(VIEWER, {"pillar": "education"})

    assert again.content == first.content
    assert "Before" in again.text
    assert "After" in fresh.text
    assert "Cookie" in again["Vary"]


def test_visitors_with_a_session_and_rare_filters_are_not_served_the_cached_page(
    client, django_assert_max_num_queries
):
    public_pledge(title="Shown")
    client.get(VIEWER)
    member = TeamMembershipFactory().user
    client.force_login(member)

    with django_assert_max_num_queries(20) as queries:
        response = client.get(VIEWER)
    many = {"country": ["BE", "FR", "DE"]}

    assert len(queries) > 0
    assert "Shown" in response.text
    assert "Log in" not in response.text
    client.logout()
    client.cookies.clear()
    client.get(VIEWER, many)
    with django_assert_max_num_queries(10) as rare:
        client.get(VIEWER, many)
    assert len(rare) > 0


def test_country_names_follow_the_language_of_each_request(client):
    public_pledge(countries=("DE",))

    french = client.get("/fr/pledges/", {"country": "DE"})
    english = client.get(VIEWER, {"country": "DE"})
    french_again = client.get("/fr/pledges/", {"country": "DE"})

    assert "Allemagne" in french.text
    assert "Germany" in english.text
    assert "Allemagne" not in english.text
    assert "Allemagne" in french_again.text


def test_a_pillar_staff_rename_shows_in_the_viewer_and_its_navigation(
    client, django_capture_on_commit_callbacks
):
    # Anonymous viewer pages are kept for a generation; saving a pillar starts a
    # new one once committed (pledges/apps.py).
    from coalition.models import Pillar

    public_pledge(pillars=("education",))
    assert "Schools and universities" not in client.get(reverse("pledges:viewer")).text

    pillar = Pillar.objects.get(slug="education")
    pillar.short_name = "Schools and universities"
    with django_capture_on_commit_callbacks(execute=True):
        pillar.save()
    text = client.get(reverse("pledges:viewer")).text

    navigation = text.split('class="portal-nav"', 1)[1].split("</nav>", 1)[0]
    assert "Schools and universities" in navigation
    viewer_part = text.split('class="portal-nav"', 1)[1].split("</nav>", 1)[1]
    assert "Schools and universities" in viewer_part  # the pillar filter's label


@pytest.mark.parametrize(
    ("language", "heading", "note"),
    [
        ("en", "12,345 pledges", "1,234 of these pledges have not reported progress yet."),
        ("fr", "12\xa0345 engagements", "1\xa0234 de ces engagements n'ont pas encore"),
        ("de", "12.345 Zusagen", "1.234 dieser Zusagen haben noch keinen Fortschritt gemeldet."),
    ],
)
def test_the_result_count_and_unreported_pledges_are_grouped_as_the_facet_counts(
    language, heading, note
):
    from django.utils import translation

    from coalition.numbers import grouped
    from pledges.viewer.views import count_texts

    with translation.override(language):
        texts = count_texts(12345, 1234)
        facet_count = grouped(12345)

    assert texts["count_heading"] == heading
    assert heading.startswith(facet_count)
    assert texts["not_reported_note"].startswith(note)


def test_the_result_count_heading_is_printed(client):
    public_pledge()
    public_pledge()

    html = client.get(reverse("pledges:viewer")).text

    assert 'data-count="2" tabindex="-1">2 pledges</h2>' in html
    assert "2 of these pledges have not reported progress yet." in html
