from unittest import mock

import pytest
from django.db import OperationalError

pytestmark = pytest.mark.django_db


def database_gone():
    # The failure is injected at the driver boundary: the cursor raises as a
    # PostgreSQL that went away would.
    return mock.patch(
        "django.db.backends.utils.CursorWrapper.execute",
        side_effect=OperationalError("server closed the connection unexpectedly"),
    )


@pytest.fixture
def production_host(settings):
    """A real deployment's settings: one public host name, HTTPS enforced."""
    settings.ALLOWED_HOSTS = ["portal.example.eu"]
    settings.SECURE_SSL_REDIRECT = True
    return settings


def test_it_answers_200_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_it_answers_503_when_the_database_does_not(client):
    with database_gone():
        response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


def test_it_refuses_post(client):
    assert client.post("/healthz").status_code == 405


def test_it_answers_a_check_by_ip_address_whatever_allowed_hosts_says(client, settings):
    # Docker's HEALTHCHECK curls http://127.0.0.1:8000/healthz.
    settings.ALLOWED_HOSTS = ["portal.example.eu"]

    response = client.get("/healthz", HTTP_HOST="127.0.0.1:8000")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_it_answers_over_plain_http_when_https_is_enforced(client, production_host):
    response = client.get("/healthz", HTTP_HOST="127.0.0.1")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}


def test_it_answers_503_by_ip_address_when_the_database_does_not(client, production_host):
    with database_gone():
        response = client.get("/healthz", HTTP_HOST="127.0.0.1")

    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


def test_other_pages_keep_the_host_check(client, production_host):
    response = client.get("/en/about/", HTTP_HOST="127.0.0.1", secure=True)

    assert response.status_code == 400


def test_other_pages_keep_the_https_redirect(client, production_host):
    response = client.get("/en/about/", HTTP_HOST="portal.example.eu")

    assert response.status_code == 301
    assert response["Location"] == "https://portal.example.eu/en/about/"
