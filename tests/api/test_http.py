"""HTTP around the API: ETags and 304, caching headers, English answers and the
per-address rate limit."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from api.apps import check_rate_limit
from api.http import parse_rate
from pledges.viewer.read_model import refresh_pledges
from tests.factories import OrganisationFactory
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db


def test_a_pledge_list_revalidates_with_304_before_any_query(client, django_assert_num_queries):
    public_pledge()
    first = client.get("/api/v1/pledges", {"country": "BE"})

    with django_assert_num_queries(0):
        again = client.get("/api/v1/pledges", {"country": "BE"}, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first.status_code == 200
    assert first["ETag"].startswith('W/"')
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Cache-Control"] == "public, max-age=0, must-revalidate"


def test_each_address_has_its_own_etag(client):
    public_pledge()

    etags = {
        client.get(url)["ETag"]
        for url in ("/api/v1/pledges", "/api/v1/pledges?country=BE", "/api/v1/pledges/totals")
    }

    assert len(etags) == 3


def test_a_change_to_a_pledge_makes_a_new_etag(client, django_capture_on_commit_callbacks):
    pledge = public_pledge(title="Before")
    url = f"/api/v1/pledges/{pledge.pk}"
    first = client.get(url)

    pledge.title = "After"
    pledge.save()
    with django_capture_on_commit_callbacks(execute=True):
        refresh_pledges([pledge.pk])
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert again.json()["title"] == "After"
    assert again["ETag"] != first["ETag"]


def test_other_answers_revalidate_on_their_body(client):
    organisation = OrganisationFactory(name="Before")
    url = f"/api/v1/organisations/{organisation.pk}"
    first = client.get(url)

    same = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    organisation.name = "After"
    organisation.save()  # no new generation: the body tells
    changed = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert same.status_code == 304
    assert changed.status_code == 200
    assert changed.json()["name"] == "After"


def test_errors_have_no_etag(client):
    response = client.get("/api/v1/pledges", {"page": "x"})

    assert response.status_code == 400
    assert not response.has_header("ETag")


@pytest.mark.parametrize("language", ["fr", "de-DE,de;q=0.9"])
def test_answers_are_in_english_whatever_the_caller_prefers(client, language):
    pledge = public_pledge()

    response = client.get("/api/v1/indicators", HTTP_ACCEPT_LANGUAGE=language)
    listed = client.get("/api/v1/pledges", HTTP_ACCEPT_LANGUAGE=language)

    assert response["Content-Language"] == "en"
    assert response.json()[0]["name"] == "People reached"
    assert listed.json()["results"][0]["url"] == f"http://testserver/en/pledges/{pledge.pk}/"


# --- Rate limit ----------------------------------------------------------------


def test_past_the_limit_an_address_gets_429_with_retry_after(client, settings):
    settings.API_RATE_LIMIT = "3/m"

    answers = [client.get("/api/v1/indicators").status_code for _ in range(4)]
    refused = client.get("/api/v1/pillars")

    assert answers == [200, 200, 200, 429]
    assert refused.status_code == 429
    assert refused.json()["detail"] == "Too many requests."
    assert 1 <= int(refused["Retry-After"]) <= 60


def test_each_address_has_its_own_count(client, settings):
    settings.API_RATE_LIMIT = "2/h"

    first = [
        client.get("/api/v1/indicators", REMOTE_ADDR="192.0.2.1").status_code for _ in range(3)
    ]
    other = client.get("/api/v1/indicators", REMOTE_ADDR="192.0.2.2")

    assert first == [200, 200, 429]
    assert other.status_code == 200


def test_behind_a_trusted_proxy_the_visitors_address_counts(client, settings):
    settings.API_RATE_LIMIT = "1/h"
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    def get(visitor: str) -> int:
        return client.get(
            "/api/v1/indicators", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=visitor
        ).status_code

    assert [get("198.51.100.7"), get("198.51.100.8"), get("198.51.100.7")] == [200, 200, 429]


def test_without_a_trusted_proxy_a_forged_header_changes_nothing(client, settings):
    settings.API_RATE_LIMIT = "1/h"

    first = client.get("/api/v1/indicators", HTTP_X_FORWARDED_FOR="198.51.100.7")
    forged = client.get("/api/v1/indicators", HTTP_X_FORWARDED_FOR="198.51.100.8")

    assert (first.status_code, forged.status_code) == (200, 429)


def test_the_limit_can_be_switched_off(client, settings):
    settings.API_RATE_LIMIT = "off"

    assert {client.get("/api/v1/indicators").status_code for _ in range(30)} == {200}


@pytest.mark.parametrize(
    ("rate", "parsed"), [("120/m", (120, 60)), ("5/s", (5, 1)), ("1000/d", (1000, 86400))]
)
def test_rates_read_as_requests_per_period(rate, parsed):
    assert parse_rate(rate) == parsed


@pytest.mark.parametrize("rate", ["120", "x/m", "0/m", "12/week", "-1/m"])
def test_a_rate_that_does_not_read_fails_the_system_check(rate, settings):
    settings.API_RATE_LIMIT = rate

    with pytest.raises(ImproperlyConfigured):
        parse_rate(rate)
    assert [message.id for message in check_rate_limit()] == ["api.E001"]


def test_the_default_rate_passes_the_system_check(settings):
    del settings.API_RATE_LIMIT

    assert check_rate_limit() == []
