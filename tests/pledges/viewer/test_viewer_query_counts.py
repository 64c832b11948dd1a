"""The viewer's other pages, the open data and the shared scoreboards read the
database a fixed number of times, however many pledges they show: each test runs
with 1 and with 25 public pledges and pins the exact count. The page caches are
off (`PUBLIC_PAGE_CACHE_SECONDS = 0`) and the bitmap index of the viewer
generation is built before the measured request, as a running process has it."""

import pytest
from django.utils import timezone

from pledges.scoreboards.services import scoreboard_add_pledges, scoreboard_create, scoreboard_share
from pledges.viewer import facet_index
from tests.factories import TeamMembershipFactory
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db

SIZES = [1, 25]


@pytest.fixture(autouse=True)
def _nothing_kept(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0


def pledges(size: int) -> list[int]:
    ids = [
        public_pledge(
            countries=("IT", "BE"),
            pillars=("education", "for-all"),
            targets={"people-reached": 10, "certifications": 2},
            achieved={"people-reached": 4},
        ).pk
        for _ in range(size)
    ]
    facet_index.warm()
    return ids


def consumed(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.fixture
def shared_board():
    membership = TeamMembershipFactory()
    return scoreboard_create(
        organisation=membership.organisation, user=membership.user, name="Shared"
    )


def share(board, ids):
    scoreboard_add_pledges(scoreboard=board, pledge_ids=ids)
    scoreboard_share(scoreboard=board, now=timezone.now())
    board.refresh_from_db()
    return board.share_token


@pytest.mark.parametrize("size", SIZES)
def test_the_country_page(size, client, django_assert_num_queries):
    pledges(size)

    # The pillars (filter labels, rows and navigation), one page of rows, the
    # country's Digital Decade figures (national.digital_decade.standing, kept
    # for the generation when the cache is on).
    with django_assert_num_queries(3):
        response = client.get("/en/pledges/countries/it/", {"sort": "title"})

    assert response.status_code == 200
    assert response.context["viewer"]["count"] == size


@pytest.mark.parametrize("size", SIZES)
def test_the_pillar_page(size, client, django_assert_num_queries):
    pledges(size)

    # The pillar, then as on the country page (one country chosen: its figures).
    with django_assert_num_queries(4):
        response = client.get("/en/pillars/education/", {"country": "BE"})

    assert response.status_code == 200
    assert response.context["viewer"]["count"] == size


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("url", ["/en/pledges/export.csv", "/en/pledges/export.json"])
def test_the_exports(size, url, client, django_assert_num_queries):
    pledges(size)

    with django_assert_num_queries(1):
        content = consumed(client.get(url, {"country": "IT", "pillar": "education"}))

    assert content.count(b"/en/pledges/") == size


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/en/pledges/feed/", 1),
        ("/en/pledges/feed/pillars/education/", 2),  # and the pillar
        ("/en/pledges/feed/countries/it/", 1),
        ("/en/pledges/feed/?country=IT&q=pledge", 1),  # the viewer's filters, in one query
    ],
)
def test_the_feeds(size, url, queries, client, django_assert_num_queries):
    pledges(size)

    with django_assert_num_queries(queries):
        response = client.get(url)

    assert response.status_code == 200
    assert response.text.count("<entry>") == size


@pytest.mark.parametrize("size", SIZES)
def test_the_shared_scoreboard(size, client, shared_board, django_assert_num_queries):
    token = share(shared_board, pledges(size))

    with django_assert_num_queries(4):
        response = client.get(f"/en/scoreboards/shared/{token}/", {"sort": "title"})

    assert response.status_code == 200
    assert len(response.context["rows"]) == size


@pytest.mark.parametrize("size", SIZES)
def test_the_embedded_scoreboard(size, client, shared_board, django_assert_num_queries):
    token = share(shared_board, pledges(size))

    with django_assert_num_queries(3):
        response = client.get(f"/en/scoreboards/embed/{token}/")

    assert response.status_code == 200
    assert len(response.context["rows"]) == size


@pytest.mark.parametrize("size", SIZES)
def test_the_shared_scoreboard_csv(size, client, shared_board, django_assert_num_queries):
    token = share(shared_board, pledges(size))

    with django_assert_num_queries(3):
        content = consumed(client.get(f"/en/scoreboards/shared/{token}/export.csv"))

    assert content.count(b"\r\n") == size + 1
