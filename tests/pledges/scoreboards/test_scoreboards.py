import csv
import io

import pytest

from pledges.scoreboards.models import Scoreboard
from pledges.scoreboards.services import scoreboard_add_pledges, scoreboard_create
from tests.factories import TeamMembershipFactory, UserFactory
from tests.pledges.viewer.factories import PledgeFactory, public_pledge

pytestmark = pytest.mark.django_db


@pytest.fixture
def member():
    return TeamMembershipFactory()


@pytest.fixture
def board(member):
    return scoreboard_create(organisation=member.organisation, user=member.user, name="Schools")


def url(board, action=""):
    base = f"/en/organisations/{board.organisation.slug}/scoreboards/{board.pk}/"
    return base + (f"{action}/" if action else "")


def test_anonymous_visitors_and_outsiders_get_404(client, board):
    outsider = UserFactory()

    assert client.get(url(board)).status_code == 404
    assert (
        client.get(f"/en/organisations/{board.organisation.slug}/scoreboards/").status_code == 404
    )
    client.force_login(outsider)
    assert client.get(url(board)).status_code == 404
    assert client.post(url(board, "share")).status_code == 404
    assert (
        client.post("/en/scoreboards/add/", {"scoreboard": board.pk, "pledge": 1}).status_code
        == 404
    )
    board.refresh_from_db()
    assert board.share_token is None


def test_it_creates_a_scoreboard(client, member):
    client.force_login(member.user)

    response = client.post(
        f"/en/organisations/{member.organisation.slug}/scoreboards/",
        {"name": "Digital schools", "description": "Pledges we follow"},
    )

    board = Scoreboard.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url(board)
    assert (board.name, board.kind, board.created_by) == (
        "Digital schools",
        "selection",
        member.user,
    )


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "This field is required."),
        ("   ", "This field is required."),
        ("x" * 121, "at most 120 characters"),
        ("schools", "already has a scoreboard by this name"),
    ],
)
def test_it_explains_bad_names_and_keeps_what_was_typed(client, board, name, message):
    client.force_login(board.created_by)

    response = client.post(
        f"/en/organisations/{board.organisation.slug}/scoreboards/",
        {"name": name, "description": "<script>kept</script>"},
    )

    assert response.status_code == 400
    assert message in response.text
    assert "&lt;script&gt;kept&lt;/script&gt;" in response.text
    assert Scoreboard.objects.count() == 1


def test_it_adds_public_pledges_from_the_viewer_and_ignores_others(client, board):
    first, second = public_pledge(), public_pledge()
    draft = PledgeFactory(status="draft")
    client.force_login(board.created_by)

    response = client.post(
        "/en/scoreboards/add/",
        {
            "scoreboard": board.pk,
            "pledge": [first.pk, second.pk, draft.pk, "nonsense"],
            "next": "/en/pledges/?country=BE",
        },
    )

    assert response.status_code == 302
    assert response["Location"] == "/en/pledges/?country=BE"
    assert sorted(board.entries.values_list("pledge_id", flat=True)) == [first.pk, second.pk]


@pytest.mark.parametrize(
    ("count", "text"),
    [(1, "1 pledge added to the scoreboard"), (2, "2 pledges added to the scoreboard")],
)
def test_the_message_names_and_links_the_scoreboard_in_singular_or_plural(
    client, member, count, text
):
    board = scoreboard_create(
        organisation=member.organisation, user=member.user, name="<b>Schools</b> & co"
    )
    client.force_login(board.created_by)

    response = client.post(
        "/en/scoreboards/add/",
        {"scoreboard": board.pk, "pledge": [public_pledge().pk for _ in range(count)]},
        follow=True,
    )

    assert (
        f'{text} <a href="{url(board)}">&lt;b&gt;Schools&lt;/b&gt; &amp; co</a>.' in response.text
    )


def test_it_never_redirects_to_another_site(client, board):
    pledge = public_pledge()
    client.force_login(board.created_by)

    response = client.post(
        "/en/scoreboards/add/",
        {"scoreboard": board.pk, "pledge": pledge.pk, "next": "https://evil.example/"},
    )

    assert response["Location"] == url(board)


def test_the_add_form_rejects_get_and_bad_scoreboards(client, board):
    client.force_login(board.created_by)

    assert client.get("/en/scoreboards/add/").status_code == 405
    assert client.post("/en/scoreboards/add/", {"scoreboard": "x"}).status_code == 404


def test_it_compares_pledges_side_by_side_with_totals(client, board):
    a = public_pledge(
        title="Alpha", targets={"people-reached": 100}, achieved={"people-reached": 60}
    )
    b = public_pledge(title="Beta", targets={"people-reached": 50})
    scoreboard_add_pledges(scoreboard=board, pledge_ids=[a.pk, b.pk])
    client.force_login(board.created_by)

    response = client.get(url(board), {"sort": "title"})

    assert [row["title"] for row in response.context["rows"]] == ["Alpha", "Beta"]
    assert response.context["rows"][1]["values"] == [(50, None)]
    assert response.context["totals"] == [(150, 60)]
    assert "not yet reported" in response.text


@pytest.mark.parametrize(
    ("prefix", "cell", "total"),
    [
        ("/en/", "2,500 / 10,000", "2,500 / 11,500"),
        ("/de/", "2.500 / 10.000", "2.500 / 11.500"),
    ],
)
def test_the_comparison_groups_digits_as_the_visitors_language(client, board, prefix, cell, total):
    a = public_pledge(targets={"people-reached": 10000}, achieved={"people-reached": 2500})
    b = public_pledge(targets={"people-reached": 1500})
    scoreboard_add_pledges(scoreboard=board, pledge_ids=[a.pk, b.pk])
    client.force_login(board.created_by)

    response = client.get(url(board).replace("/en/", prefix, 1))

    assert f'<td class="portal-num">{cell}</td>' in response.text
    assert f'<td class="portal-num">{total}</td>' in response.text


@pytest.mark.parametrize("count", [1, 12])
def test_the_comparison_query_count_is_constant(
    client, board, django_assert_max_num_queries, count
):
    scoreboard_add_pledges(scoreboard=board, pledge_ids=[public_pledge().pk for _ in range(count)])
    client.force_login(board.created_by)

    with django_assert_max_num_queries(9):
        assert client.get(url(board)).status_code == 200


def test_it_downloads_the_comparison_as_csv(client, board):
    pledge = public_pledge(title="Alpha", targets={"certifications": 7})
    scoreboard_add_pledges(scoreboard=board, pledge_ids=[pledge.pk])
    client.force_login(board.created_by)

    response = client.get(url(board, "export.csv")[:-1])

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][:3] == ["id", "url", "title"]
    assert rows[1][2] == "Alpha"
    assert rows[1][-2:] == ["7", ""]


def test_it_removes_a_pledge(client, board):
    pledge = public_pledge()
    scoreboard_add_pledges(scoreboard=board, pledge_ids=[pledge.pk])
    client.force_login(board.created_by)

    assert client.get(url(board, "remove")).status_code == 405
    assert client.post(url(board, "remove"), {"pledge": "abc"}).status_code == 400
    client.post(url(board, "remove"), {"pledge": pledge.pk})

    assert board.entries.count() == 0


def test_sharing_gives_an_unguessable_link_that_can_be_revoked(client, board):
    pledge = public_pledge(title="Shared pledge")
    scoreboard_add_pledges(scoreboard=board, pledge_ids=[pledge.pk])
    client.force_login(board.created_by)

    client.post(url(board, "share"))
    board.refresh_from_db()
    token = board.share_token
    client.logout()
    shared = client.get(f"/en/scoreboards/shared/{token}/")
    client.force_login(board.created_by)
    client.post(url(board, "revoke"))
    client.logout()

    assert len(token) >= 32
    assert shared.status_code == 200
    assert "Shared pledge" in shared.text
    assert client.get(f"/en/scoreboards/shared/{token}/").status_code == 404
    assert client.get(f"/en/scoreboards/embed/{token}/").status_code == 404


def test_only_the_embed_page_may_be_framed(client, board):
    client.force_login(board.created_by)
    client.post(url(board, "share"))
    board.refresh_from_db()
    client.logout()

    embed = client.get(f"/en/scoreboards/embed/{board.share_token}/")
    shared = client.get(f"/en/scoreboards/shared/{board.share_token}/")

    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed
    embed_policy = dict(d.split(" ", 1) for d in embed["Content-Security-Policy"].split("; "))
    shared_policy = dict(d.split(" ", 1) for d in shared["Content-Security-Policy"].split("; "))
    assert embed_policy["frame-ancestors"] == "*"
    assert shared_policy["frame-ancestors"] == "'none'"
    # Only framing differs: the embed page keeps the rest of the policy.
    assert {**embed_policy, "frame-ancestors": "'none'"} == shared_policy
    assert shared["X-Frame-Options"] == "DENY"


def test_a_guessed_token_is_not_found(client):
    assert client.get("/en/scoreboards/shared/guess/").status_code == 404
    assert client.get("/en/scoreboards/shared/" + "a" * 100 + "/").status_code == 404


def test_saving_the_viewer_filter_makes_a_live_scoreboard(client, member):
    public_pledge(title="In Belgium", countries=("BE",))
    public_pledge(title="In France", countries=("FR",))
    client.force_login(member.user)

    response = client.post(
        "/en/scoreboards/save-filter/",
        {
            "organisation": member.organisation.slug,
            "name": "Belgium",
            "query": "country=BE&evil=1",
        },
    )
    board = Scoreboard.objects.get()
    later = public_pledge(title="Also in Belgium", countries=("BE",))
    page = client.get(url(board))

    assert response.status_code == 302
    assert (board.kind, board.query) == ("filter", "country=BE")
    assert sorted(row["title"] for row in page.context["rows"]) == ["Also in Belgium", "In Belgium"]
    assert later.pk in [row["pk"] for row in page.context["rows"]]


def test_saving_a_filter_for_someone_elses_organisation_is_not_found(client, board):
    client.force_login(UserFactory())

    response = client.post(
        "/en/scoreboards/save-filter/",
        {"organisation": board.organisation.slug, "name": "Stolen", "query": ""},
    )

    assert response.status_code == 404
    assert Scoreboard.objects.count() == 1


def test_it_renames_and_deletes(client, board):
    client.force_login(board.created_by)

    bad = client.post(url(board, "edit"), {"name": ""})
    client.post(url(board, "edit"), {"name": "Renamed", "description": "New"})
    board.refresh_from_db()
    renamed = board.name
    client.post(url(board, "delete"))

    assert bad.status_code == 400
    assert renamed == "Renamed"
    assert Scoreboard.objects.count() == 0


def test_the_pledge_share_box_offers_the_scoreboards(client, board):
    pledge = public_pledge()

    anonymous = client.get(f"/en/pledges/{pledge.pk}/")
    client.force_login(board.created_by)
    member = client.get(f"/en/pledges/{pledge.pk}/")

    assert "Share this pledge" in anonymous.text
    assert "Add to scoreboard" not in anonymous.text
    assert f'<option value="{board.pk}">Schools</option>' in member.text


# --- The shared scoreboard's download and the embeddable page ---------------------


@pytest.fixture
def shared(client, board):
    alpha = public_pledge(
        title="Alpha",
        countries=("BE", "FR"),
        pillars=("education",),
        targets={"people-reached": 100, "certifications": 7},
        achieved={"people-reached": 60},
    )
    beta = public_pledge(title="=Beta", countries=("DE",), pillars=("for-all",))
    scoreboard_add_pledges(scoreboard=board, pledge_ids=[alpha.pk, beta.pk])
    client.force_login(board.created_by)
    client.post(url(board, "share"))
    client.logout()
    board.refresh_from_db()
    return board, alpha, beta


def test_the_shared_csv_holds_the_compared_pledges(client, shared):
    board, alpha, beta = shared

    response = client.get(
        f"/en/scoreboards/shared/{board.share_token}/export.csv", {"sort": "title"}
    )

    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="scoreboard-{board.pk}.csv"'
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows == [
        [
            *("id", "url", "title", "organisation", "pillars", "countries", "start", "end"),
            *("People reached: target", "People reached: achieved"),
            *("Certifications issued: target", "Certifications issued: achieved"),
        ],
        [
            str(beta.pk),
            f"http://testserver/en/pledges/{beta.pk}/",
            "'=Beta",  # no formula for spreadsheets
            beta.organisation.name,
            "For all",
            "Germany",
            "2025-01-01",
            "2027-12-31",
            *("100", "", "", ""),  # no certifications indicator: blank, not 0
        ],
        [
            str(alpha.pk),
            f"http://testserver/en/pledges/{alpha.pk}/",
            "Alpha",
            alpha.organisation.name,
            "Education",
            "Belgium, France",
            "2025-01-01",
            "2027-12-31",
            *("100", "60", "7", ""),
        ],
    ]


def test_the_shared_csv_is_gone_once_the_link_is_revoked(client, shared):
    board, _alpha, _beta = shared
    address = f"/en/scoreboards/shared/{board.share_token}/export.csv"
    before = client.get(address)
    client.force_login(board.created_by)
    client.post(url(board, "revoke"))
    client.logout()

    assert before.status_code == 200
    assert client.get(address).status_code == 404


@pytest.mark.parametrize("token", ["guess", "a" * 32, "a" * 100])
def test_the_shared_csv_of_a_guessed_token_is_not_found(client, shared, token):
    assert client.get(f"/en/scoreboards/shared/{token}/export.csv").status_code == 404


def test_the_embed_page_lists_the_pledges_without_the_site_layout(client, shared, settings):
    board, alpha, beta = shared

    response = client.get(f"/en/scoreboards/embed/{board.share_token}/", {"sort": "title"})

    html = response.text
    assert response.status_code == 200
    assert [row["title"] for row in response.context["rows"]] == ["=Beta", "Alpha"]
    assert f'<a class="ecl-link" href="/en/pledges/{alpha.pk}/">Alpha</a>' in html
    assert f'<a class="ecl-link" href="/en/pledges/{beta.pk}/">=Beta</a>' in html
    assert '<h1 class="ecl-u-type-heading-3">Schools</h1>' in html
    assert f"A Pledge Scoreboard shared by {board.organisation.name}" in html
    assert f'href="{settings.SITE_URL}{board.get_shared_url()}">Open it on the portal</a>' in html
    assert '<base target="_blank">' in html
    # No site header, navigation, footer or skip link: only the scoreboard.
    assert "<nav" not in html
    assert "<header" not in html
    assert "<footer" not in html
    assert "Skip to main content" not in html
    assert "Remove" not in html
    assert "csrfmiddlewaretoken" not in html
