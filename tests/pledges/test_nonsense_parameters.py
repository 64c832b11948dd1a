"""Nonsense in the address never gives a 500: the viewer's other pages, the shared
scoreboards, the feeds, the data dictionary and the exports answer each kind of
nonsense with the exact status they should (a normal page, 400 or 404). A NUL
character is refused with 400 before any view (coalition.middleware.refuse_nul_bytes)."""

from urllib.parse import urlencode

import pytest
from django.utils import timezone

from pledges.scoreboards.services import scoreboard_add_pledges, scoreboard_create, scoreboard_share
from pledges.viewer.filters import FACETS
from tests.factories import TeamMembershipFactory
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
SQL = "' OR 1=1; DROP TABLE pledges_pledge;--"
LONG = "x" * 10_000
PARAMETERS = [*FACETS, "q", "sort"]


def everywhere(value: str) -> list[tuple[str, str]]:
    return [(name, value) for name in PARAMETERS]


# (name, query pairs) the viewer pages show as a normal page.
VIEWER_NONSENSE = [
    ("script in every parameter", everywhere(SCRIPT)),
    ("SQL in every parameter", everywhere(SQL)),
    ("long search", [("q", LONG)]),
    ("unknown country", [("country", "XX")]),
    ("unknown pillar", [("pillar", "nope")]),
    ("unknown sort", [("sort", "sideways")]),
    ("year out of range", [("year", "1800"), ("year", "abc")]),
    ("repeated page", [("page", "2"), ("page", "1")]),  # the last one counts
]
# (name, query pairs) no viewer page has.
VIEWER_MISSING_PAGES = [
    ("negative page", [("page", "-1")]),
    ("page zero", [("page", "0")]),
    ("far page", [("page", "999999")]),
    ("script page", [("page", SCRIPT)]),
    ("SQL page", [("page", SQL)]),
]
VIEWER_PAGES = ["/en/pledges/countries/be/", "/en/pledges/countries/eu/", "/en/pillars/education/"]


@pytest.fixture(autouse=True)
def _pledges(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    public_pledge(title="A pledge in Belgium", countries=("BE",))


def get(client, url: str, pairs: list[tuple[str, str]]):
    return client.get(f"{url}?{urlencode(pairs)}" if pairs else url)


def assert_normal_page(response) -> None:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert response.text.count("<h1") == 1
    assert SCRIPT not in response.text


@pytest.mark.parametrize("url", VIEWER_PAGES)
@pytest.mark.parametrize(("_name", "pairs"), VIEWER_NONSENSE, ids=[n for n, _p in VIEWER_NONSENSE])
def test_viewer_pages_show_a_normal_page(client, url, _name, pairs):
    assert_normal_page(get(client, url, pairs))


@pytest.mark.parametrize("url", VIEWER_PAGES)
def test_viewer_pages_refuse_a_nul_in_any_parameter(client, url):
    assert get(client, url, everywhere("\x00")).status_code == 400


@pytest.mark.parametrize("page", ["detail", "shared", "embed", "shared-csv"])
def test_scoreboard_pages_refuse_a_nul_sort(client, board, page):
    client.force_login(board.created_by)
    url = scoreboard_url(board, "shared") + "export.csv" if page == "shared-csv" else None

    response = get(client, url or scoreboard_url(board, page), [("sort", "\x00")])

    assert response.status_code == 400


@pytest.mark.parametrize("url", VIEWER_PAGES)
@pytest.mark.parametrize(
    ("_name", "pairs"), VIEWER_MISSING_PAGES, ids=[n for n, _p in VIEWER_MISSING_PAGES]
)
def test_viewer_pages_that_do_not_exist_are_not_found(client, url, _name, pairs):
    assert get(client, url, pairs).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/en/pledges/countries/xx/",
        "/en/pledges/countries/us/",
        "/en/pledges/countries/%3Cscript%3E/",
        "/en/pledges/countries/%27%20OR%201%3D1--/",
        "/en/pillars/nope/",
        "/en/pillars/%3Cscript%3E/",
    ],
)
def test_unknown_countries_and_pillars_are_not_found(client, url):
    assert client.get(url).status_code == 404


def test_an_address_too_long_to_be_a_filter_is_not_found(client):
    assert get(client, "/en/pledges/countries/be/", [("q", "x" * 13_000)]).status_code == 404


# --- Scoreboards ------------------------------------------------------------------


@pytest.fixture
def board():
    membership = TeamMembershipFactory()
    board = scoreboard_create(
        organisation=membership.organisation, user=membership.user, name="Shared"
    )
    scoreboard_add_pledges(scoreboard=board, pledge_ids=[public_pledge(title="Compared").pk])
    scoreboard_share(scoreboard=board, now=timezone.now())
    board.refresh_from_db()
    return board


BAD_SORTS = ["sideways", SCRIPT, SQL, LONG, "-title"]


def scoreboard_url(board, page: str) -> str:
    if page == "detail":
        return f"/en/organisations/{board.organisation.slug}/scoreboards/{board.pk}/"
    return f"/en/scoreboards/{page}/{board.share_token}/"


@pytest.mark.parametrize("page", ["detail", "shared", "embed"])
@pytest.mark.parametrize("sort", BAD_SORTS)
def test_scoreboard_pages_ignore_a_bad_sort(client, board, page, sort):
    client.force_login(board.created_by)

    response = get(client, scoreboard_url(board, page), [("sort", sort)])

    assert_normal_page(response)
    assert response.context["sort"] == ""
    assert [row["title"] for row in response.context["rows"]] == ["Compared"]


@pytest.mark.parametrize("sort", BAD_SORTS)
def test_the_shared_csv_ignores_a_bad_sort(client, board, sort):
    response = get(client, scoreboard_url(board, "shared") + "export.csv", [("sort", sort)])

    assert response.status_code == 200
    assert b"Compared" in b"".join(response.streaming_content)


@pytest.mark.parametrize(
    "url",
    [
        "/en/scoreboards/shared/%3Cscript%3E/",
        "/en/scoreboards/embed/%27%20OR%201%3D1--/",
        "/en/scoreboards/shared/%00/",
        "/en/scoreboards/embed/a%00b/",
        "/en/scoreboards/shared/%00/export.csv",
    ],
)
def test_nonsense_tokens_are_not_found(client, url):
    assert client.get(url).status_code == 404


# --- Feeds, data dictionary and exports ----------------------------------------


# The general feed takes the viewer's filters (below); these take none.
FEEDS = [
    "/en/pledges/feed/pillars/education/",
    "/en/pledges/feed/countries/be/",
]
NONSENSE = [
    ("script in every parameter", [*everywhere(SCRIPT), ("page", SCRIPT)]),
    ("SQL in every parameter", [*everywhere(SQL), ("page", SQL)]),
    ("negative page", [("page", "-1")]),
    ("unknown country", [("country", "XX")]),
]


@pytest.mark.parametrize("url", FEEDS)
@pytest.mark.parametrize(("_name", "pairs"), NONSENSE, ids=[n for n, _p in NONSENSE])
def test_feeds_ignore_parameters(client, url, _name, pairs):
    response = get(client, url, pairs)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    assert "A pledge in Belgium" in response.text


@pytest.mark.parametrize(
    ("_name", "pairs", "status", "listed"),
    [
        ("script in every filter", [*everywhere(SCRIPT), ("page", SCRIPT)], 200, False),
        ("SQL in every filter", [*everywhere(SQL), ("page", SQL)], 200, False),
        ("NUL in every filter", everywhere("\x00"), 400, False),  # a search cannot hold one
        ("unknown country", [("country", "XX")], 200, True),  # dropped, as the viewer does
        ("negative page", [("page", "-1")], 200, True),
        ("long search", [("q", LONG)], 400, False),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_the_filtered_feed_answers_nonsense(client, _name, pairs, status, listed):
    response = get(client, "/en/pledges/feed/", pairs)

    assert response.status_code == status
    assert SCRIPT not in response.text
    assert ("A pledge in Belgium" in response.text) == listed


@pytest.mark.parametrize(
    "url",
    [
        "/en/pledges/feed/pillars/nope/",
        "/en/pledges/feed/pillars/%3Cscript%3E/",
        "/en/pledges/feed/countries/xx/",
        "/en/pledges/feed/countries/%27%20OR%201%3D1--/",
    ],
)
def test_feeds_of_unknown_pillars_and_countries_are_not_found(client, url):
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(("_name", "pairs"), NONSENSE, ids=[n for n, _p in NONSENSE])
def test_the_data_dictionary_ignores_parameters(client, _name, pairs):
    assert_normal_page(get(client, "/en/pledges/data/", pairs))


@pytest.mark.parametrize("url", ["/en/pledges/export.csv", "/en/pledges/export.json"])
@pytest.mark.parametrize(
    ("_name", "pairs", "status"),
    [
        ("script in every filter", [*everywhere(SCRIPT), ("page", SCRIPT)], 200),
        ("SQL in every filter", [*everywhere(SQL), ("page", SQL)], 200),
        ("NUL in every filter", everywhere("\x00"), 400),  # a search cannot hold one
        ("unknown country", [("country", "XX")], 200),
        ("negative page", [("page", "-1")], 200),
        ("long search", [("q", LONG)], 400),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_exports_answer_nonsense(client, url, _name, pairs, status):
    response = get(client, url, pairs)

    assert response.status_code == status
    if status == 200:
        content = b"".join(response.streaming_content)
        assert SCRIPT.encode() not in content
