"""Every endpoint answers a parameter it does not know, or a value it does not
allow, with 400 and the reasons; never with a 500."""

import pytest

from tests.national.factories import ItemFactory
from tests.pledges.viewer.factories import public_pledge

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/",
    "/api/v1/pledges",
    "/api/v1/pledges/totals",
    "/api/v1/organisations",
    "/api/v1/national-coalitions",
    "/api/v1/national-content",
    "/api/v1/indicators",
    "/api/v1/pillars",
]
OBJECTS = [
    "/api/v1/pledges/{}",
    "/api/v1/organisations/{}",
    "/api/v1/national-coalitions/{}",
    "/api/v1/national-content/{}",
]
NONSENSE_VALUES = [
    ("page", "abc"),
    ("page", "0"),
    ("page", "-1"),
    ("page", "1e3"),
    ("page", "99999999999999999999999"),
    ("page_size", "0"),
    ("page_size", "101"),
    ("page_size", ""),
    ("q", "x" * 201),
    ("pillar", "nonsense"),
    ("country", "ZZ"),
    ("country", "be"),
    ("country", ""),
    ("group", "robots"),
    ("action", "1"),
    ("delivery", "by-pigeon"),
    ("sector", "fourth"),
    ("type", "<script>"),
    ("status", "draft"),
    ("status", "withdrawn"),
    ("year", "1999"),
    ("year", "next"),
    ("sort", "random"),
    ("kind", "gossip"),
    ("language", "xx"),
    ("member", "perhaps"),
]
NONSENSE_IDS = ["0", "-1", "abc", "1.5", "99999999999999999999", "%00", "1%20OR%201=1"]


@pytest.fixture
def data():
    pledge = public_pledge()
    item = ItemFactory()
    return {
        "/api/v1/pledges/{}": pledge.pk,
        "/api/v1/organisations/{}": pledge.organisation.pk,
        "/api/v1/national-coalitions/{}": item.coalition.pk,
        "/api/v1/national-content/{}": item.pk,
    }


def refused(response) -> list[str]:
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["detail"] == "Some parameters are not valid."
    return [error["parameter"] for error in body["errors"]]


@pytest.mark.parametrize("url", LISTS)
def test_an_unknown_parameter_is_refused_by_name(client, data, url):
    response = client.get(url, {"contry": "BE"})

    assert refused(response) == ["contry"]


@pytest.mark.parametrize("url", OBJECTS)
def test_objects_take_no_parameter(client, data, url):
    response = client.get(url.format(data[url]), {"page": "2"})

    assert refused(response) == ["page"]


@pytest.mark.parametrize("url", LISTS)
@pytest.mark.parametrize(("name", "value"), NONSENSE_VALUES)
def test_every_list_answers_nonsense_with_400(client, data, url, name, value):
    response = client.get(url, {name: value})

    # A parameter the endpoint does not take is refused as unknown, one it takes
    # for its value: 400 either way.
    assert refused(response) == [name]


@pytest.mark.parametrize("url", OBJECTS)
@pytest.mark.parametrize("raw", NONSENSE_IDS)
def test_every_object_answers_a_nonsense_id_with_400_or_404(client, data, url, raw):
    response = client.get(url.format(raw))

    assert response.status_code in (400, 404)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response.json()["detail"]


@pytest.mark.parametrize("url", OBJECTS)
def test_an_id_of_nothing_is_404(client, data, url):
    response = client.get(url.format(987654321))

    assert response.status_code == 404
    assert response.json()["detail"].startswith("There is no such ")


def test_every_refused_value_is_named_then_every_unknown_name(client):
    values = client.get("/api/v1/pledges", {"country": "ZZ", "page": "x", "size": "3"})
    names = client.get("/api/v1/pledges", {"country": "BE", "size": "3", "colour": "red"})

    assert sorted(refused(values)) == ["country", "page"]
    assert refused(names) == ["size", "colour"]


@pytest.mark.parametrize("url", [*LISTS, "/api/v1/pledges/1"])
@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(client, url, method):
    response = getattr(client, method)(url)

    assert response.status_code == 405


@pytest.mark.parametrize("url", LISTS)
def test_head_answers_like_get_without_a_body(client, data, url):
    get = client.get(url)
    head = client.head(url)

    assert (get.status_code, head.status_code) == (200, 200)
    assert head.content == b""
    assert head["ETag"] == get["ETag"]


@pytest.mark.parametrize("url", LISTS)
def test_a_nul_character_is_refused_before_any_endpoint(client, url):
    # coalition.middleware.refuse_nul_bytes answers for the whole portal.
    response = client.get(url, {"q": "\x00"})

    assert response.status_code == 400
