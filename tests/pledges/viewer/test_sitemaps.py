"""sitemap.xml lists every page in every interface language, each <url> with
its language versions (hreflang alternates and x-default), and a page of the
pledges' section reads the database a fixed number of times."""

import xml.etree.ElementTree as ET

import pytest
from django.conf import settings

from pledges.viewer.models import PledgeCard
from pledges.viewer.sitemaps import LanguageVersions, PledgeSitemap
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
CODES = [code for code, _name in settings.LANGUAGES]


def urls(client, path: str) -> dict[str, dict[str, str]]:
    """{address: {hreflang: alternate address}} of a sitemap section."""
    response = client.get(path)
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - the portal's own output
    return {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }


def test_each_pledge_is_listed_in_every_language_with_its_alternates(client):
    pledge = public_pledge()

    listed = urls(client, "/sitemap-pledges.xml")

    expected = {f"http://testserver/{code}/pledges/{pledge.pk}/" for code in CODES}
    assert set(listed) == expected
    alternates = {
        **{code: f"http://testserver/{code}/pledges/{pledge.pk}/" for code in CODES},
        "x-default": f"http://testserver/pledges/{pledge.pk}/",
    }
    assert all(links == alternates for links in listed.values())


@pytest.mark.parametrize(
    ("section", "path"),
    [
        ("pages", "/about/"),
        ("pillars", "/pillars/education/"),
        ("countries", "/pledges/countries/be/"),
    ],
)
def test_every_section_lists_the_language_versions(client, section, path):
    listed = urls(client, f"/sitemap-{section}.xml")

    links = listed[f"http://testserver/fr{path}"]
    assert links["de"] == f"http://testserver/de{path}"
    assert links["x-default"] == f"http://testserver{path}"
    assert len(links) == len(CODES) + 1


def test_the_address_without_a_language_leads_to_a_language(client):
    pledge = public_pledge()

    response = client.get(f"/pledges/{pledge.pk}/", HTTP_ACCEPT_LANGUAGE="fi")

    assert response.status_code == 302
    assert response["Location"] == f"/fi/pledges/{pledge.pk}/"


def test_the_language_versions_are_read_a_slice_at_a_time(django_assert_num_queries):
    made = [public_pledge().pk for _ in range(3)]
    versions = LanguageVersions(
        PledgeCard.objects.order_by("pledge_id").values_list("pledge_id", flat=True), ["en", "fr"]
    )

    with django_assert_num_queries(2):
        assert len(versions) == 6
        assert versions[1:4] == [(made[0], "fr"), (made[1], "en"), (made[1], "fr")]
    assert versions[5] == (made[2], "fr")
    assert versions[6:9] == []


@pytest.mark.parametrize("pledges", [1, 12])
def test_a_page_of_pledges_reads_the_database_a_fixed_number_of_times(
    client, monkeypatch, pledges, django_assert_num_queries
):
    monkeypatch.setattr(PledgeSitemap, "limit", 24 * 5)
    for _ in range(pledges):
        public_pledge()

    # the count, one slice of the pledges
    with django_assert_num_queries(2):
        response = client.get("/sitemap-pledges.xml")

    assert response.status_code == 200
    assert response.content.count(b"<url>") == 24 * min(pledges, 5)


def test_the_index_lists_one_page_per_slice_of_pledges(client, monkeypatch):
    monkeypatch.setattr(PledgeSitemap, "limit", 24 * 2)
    for _ in range(3):
        public_pledge()

    index = client.get("/sitemap.xml").text

    assert "sitemap-pledges.xml?p=2" in index
    assert "sitemap-pledges.xml?p=3" not in index
    assert client.get("/sitemap-pledges.xml?p=2").content.count(b"<url>") == 24
