import csv
import html
import io
import json

import pytest

from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db


def streamed(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def test_the_csv_download_holds_the_filtered_public_pledges(client):
    public_pledge(title="Belgian pledge", countries=("BE",), targets={"placements": 12})
    public_pledge(title="French pledge", countries=("FR",))

    response = client.get("/en/pledges/export.csv", {"country": "BE"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(streamed(response))))
    assert [row["title"] for row in rows] == ["Belgian pledge"]
    assert rows[0]["countries"] == "BE"
    assert rows[0]["target_placements"] == "12"
    assert rows[0]["achieved_placements"] == ""
    assert rows[0]["url"].endswith(f"/en/pledges/{rows[0]['id']}/")


def test_the_csv_keeps_spreadsheets_from_running_formulas(client):
    public_pledge(title="=HYPERLINK(1)")

    rows = list(csv.DictReader(io.StringIO(streamed(client.get("/en/pledges/export.csv")))))

    assert rows[0]["title"] == "'=HYPERLINK(1)"


def test_the_json_download_is_valid_and_holds_no_personal_data(client):
    pledge = public_pledge(targets={"people-reached": 5}, achieved={"people-reached": 2})

    text = streamed(client.get("/en/pledges/export.json"))

    data = json.loads(text)
    assert [p["id"] for p in data["pledges"]] == [pledge.pk]
    assert data["pledges"][0]["achieved_people_reached"] == 2
    assert pledge.organisation.contact_email not in text
    assert "email" not in text


def test_an_empty_json_download_is_still_valid(client):
    assert json.loads(streamed(client.get("/en/pledges/export.json"))) == {
        "licence": "CC BY 4.0",
        "pledges": [],
    }


@pytest.mark.parametrize("url", ["/en/pledges/export.csv", "/en/pledges/export.json"])
def test_downloads_refuse_invalid_filters_and_posts(client, url):
    assert client.get(url, {"q": "x" * 1000}).status_code == 400
    assert client.post(url).status_code == 405
    assert client.get(url, {"country": "XX"}).status_code == 200


def test_downloads_never_include_drafts(client):
    from pledges.models import Pledge
    from tests.pledges.viewer.factories import PledgeFactory

    PledgeFactory(title="Secret draft", status=Pledge.Status.DRAFT)

    assert "Secret draft" not in streamed(client.get("/en/pledges/export.csv"))


def test_the_data_dictionary_describes_every_column(client):
    from pledges.viewer.exports import COLUMNS

    response = client.get("/en/pledges/data/")

    assert response.status_code == 200
    for column, _field, _description in COLUMNS:
        assert f"<code>{column}</code>" in response.text


@pytest.mark.parametrize(
    ("language", "row"),
    [
        ("en", "Target for the indicator “People reached”."),
        ("fr", "Objectif pour l'indicateur «\xa0Personnes touchées\xa0»."),
        ("de", "Ziel für den Indikator „Erreichte Personen“."),
    ],
)
def test_the_data_dictionary_names_each_indicator_in_the_pages_language(client, language, row):
    response = client.get(f"/{language}/pledges/data/")

    assert row in html.unescape(response.text)
    assert "people-reached”" not in response.text


def test_the_atom_feeds_list_new_pledges_overall_per_pillar_and_per_country(client):
    public_pledge(title="Schools in Greece", pillars=("education",), countries=("GR",))
    public_pledge(title="Workers in Spain", pillars=("labour-force",), countries=("ES",))

    everything = client.get("/en/pledges/feed/")
    pillar = client.get("/en/pledges/feed/pillars/education/")
    country = client.get("/en/pledges/feed/countries/es/")

    assert everything["Content-Type"].startswith("application/atom+xml")
    assert "Schools in Greece" in everything.text
    assert "Workers in Spain" in everything.text
    assert "Schools in Greece" in pillar.text
    assert "Workers in Spain" not in pillar.text
    assert "Workers in Spain" in country.text
    assert "Schools in Greece" not in country.text


def test_the_atom_feed_follows_the_viewers_filters(client):
    public_pledge(title="Robotics in Greece", pillars=("education",), countries=("GR",))
    public_pledge(title="Robotics in Spain", pillars=("labour-force",), countries=("ES",))
    public_pledge(title="Coding in Greece", pillars=("education",), countries=("GR",))

    filtered = client.get("/en/pledges/feed/", {"country": "GR", "q": "robotics"})

    assert filtered.status_code == 200
    assert filtered["Content-Type"].startswith("application/atom+xml")
    assert "Robotics in Greece" in filtered.text
    assert "Robotics in Spain" not in filtered.text
    assert "Coding in Greece" not in filtered.text
    assert "<title>Newly approved pledges matching the chosen filters" in filtered.text
    assert 'href="http://testserver/en/pledges/?country=GR&amp;q=robotics"' in filtered.text


def test_the_atom_feed_drops_unknown_options_as_the_viewer_does(client):
    public_pledge(title="Robotics in Greece", countries=("GR",))

    response = client.get("/en/pledges/feed/", {"country": "XX", "pillar": "nope"})

    assert response.status_code == 200
    assert "Robotics in Greece" in response.text


def test_an_atom_feed_with_a_search_too_long_is_a_bad_request(client):
    response = client.get("/en/pledges/feed/", {"q": "x" * 500})

    assert response.status_code == 400
    assert response.text == "The filters are not valid: check the search text."


def test_the_filtered_viewer_links_the_filtered_feed_in_the_head_and_on_the_page(client):
    public_pledge(countries=("GR",))

    response = client.get("/en/pledges/", {"country": "GR", "sort": "newest"})
    head = response.text.split("</head>")[0]

    feed = "/en/pledges/feed/?country=GR"
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        f'title="Newly approved pledges" href="{feed}">'
    ) in head
    assert (
        f'<a class="ecl-link ecl-link--standalone" href="{feed}">'
        "Feed of these pledges, newly approved (Atom)</a>"
    ) in response.text


@pytest.mark.parametrize(
    "url", ["/en/pledges/feed/pillars/nope/", "/en/pledges/feed/countries/xx/"]
)
def test_feeds_for_unknown_pillars_or_countries_are_not_found(client, url):
    assert client.get(url).status_code == 404


def test_the_sitemap_lists_pages_countries_and_public_pledges(client):
    pledge = public_pledge()

    index = client.get("/sitemap.xml")
    pledges = client.get("/sitemap-pledges.xml")
    countries = client.get("/sitemap-countries.xml")

    assert index.status_code == 200
    assert "sitemap-pledges.xml" in index.text
    assert f"/en/pledges/{pledge.pk}/</loc>" in pledges.text
    assert "/en/pledges/countries/be/</loc>" in countries.text
    assert client.get("/sitemap-pledges.xml?p=999").status_code == 404


def test_the_pillar_page_links_its_feed_in_the_head_and_on_the_page(client):
    public_pledge(title="Schools in Greece", pillars=("education",))

    response = client.get("/en/pillars/education/")
    head = response.text.split("</head>")[0]

    feed = "/en/pledges/feed/pillars/education/"
    assert (
        '<link rel="alternate" type="application/atom+xml" '
        f'title="Newly approved pledges: Digital skills in education" href="{feed}">'
    ) in head
    assert (
        f'<a class="ecl-link ecl-link--standalone" href="{feed}">'
        "Feed of newly approved pledges for Digital skills in education (Atom)</a>"
    ) in response.text
    assert "Schools in Greece" in client.get(feed).text


def test_the_viewer_links_the_general_feed_in_the_head_and_on_the_page(client):
    response = client.get("/en/pledges/")
    head = response.text.split("</head>")[0]

    assert (
        '<link rel="alternate" type="application/atom+xml" '
        'title="Newly approved pledges" href="/en/pledges/feed/">'
    ) in head
    assert (
        '<a class="ecl-link ecl-link--standalone" href="/en/pledges/feed/">'
        "Feed of newly approved pledges (Atom)</a>"
    ) in response.text


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Flux des engagements récemment approuvés : "),
        ("de", "Feed neu genehmigter Zusagen für "),
    ],
)
def test_the_pillar_feed_link_is_translated(client, language, text):
    response = client.get(f"/{language}/pillars/education/")

    assert f'href="/{language}/pledges/feed/pillars/education/">{text}' in response.text


@pytest.fixture
def chunks(monkeypatch):
    """The sizes of the chunks the database cursor hands over, with chunks of 2 rows."""
    from django.db.models.sql import compiler

    from pledges.viewer import exports

    sizes: list[int] = []
    real = compiler.cursor_iter

    def recording(*args, **kwargs):
        for chunk in real(*args, **kwargs):
            sizes.append(len(chunk))
            yield chunk

    monkeypatch.setattr(exports, "CHUNK", 2)
    monkeypatch.setattr(compiler, "cursor_iter", recording)
    return sizes


@pytest.mark.parametrize("url", ["/en/pledges/export.csv", "/en/pledges/export.json"])
def test_downloads_stream_rows_read_in_chunks(client, url, chunks, django_assert_num_queries):
    import datetime as dt

    ids = [
        public_pledge(
            title=f"Pledge {n}", approved_at=dt.datetime(2025, 1, n + 1, tzinfo=dt.UTC)
        ).pk
        for n in range(5)
    ]
    chunks.clear()  # only the download's reads

    with django_assert_num_queries(0):
        response = client.get(url)
    parts = iter(response.streaming_content)
    with django_assert_num_queries(0):
        first = next(parts)  # the header goes out before any row is read
    with django_assert_num_queries(1):
        text = (first + b"".join(parts)).decode()

    assert response.streaming
    assert not response.has_header("Content-Length")
    assert chunks == [2, 2, 1]
    if url.endswith(".csv"):
        found = [int(row["id"]) for row in csv.DictReader(io.StringIO(text))]
    else:
        found = [pledge["id"] for pledge in json.loads(text)["pledges"]]
    assert found == ids[::-1]  # newest first
