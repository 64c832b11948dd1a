"""The portal's own error pages: 404, 500 and the CSRF failure (tests run with DEBUG off)."""

from unittest import mock

import pytest
from django.template import loader
from django.test import Client
from django.utils import translation

pytestmark = pytest.mark.django_db


def template_names(response) -> list[str]:
    return [t.name for t in response.templates]


def test_a_missing_page_shows_the_portals_404_page(client):
    response = client.get("/en/no-such-page/")

    assert response.status_code == 404
    assert template_names(response)[0] == "404.html"
    assert response.text.count("<h1") == 1
    assert "Page not found" in response.text
    assert 'href="/en/contact/"' in response.text
    assert response.text.count("<main") == 1


def test_the_404_page_speaks_the_language_of_the_url(client):
    response = client.get("/fr/pas-de-page/")

    assert response.status_code == 404
    assert '<html lang="fr">' in response.text
    assert "Page introuvable" in response.text


def test_a_form_without_its_csrf_token_shows_the_portals_403_page():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/en/accounts/login/", {"login": "a@example.eu", "password": "x"})

    assert response.status_code == 403
    assert template_names(response)[0] == "403_csrf.html"
    assert response.text.count("<h1") == 1
    assert "The form could not be sent" in response.text
    assert response.text.count("<main") == 1


def test_the_500_page_renders_with_an_empty_context_and_no_query(django_assert_num_queries):
    # Django's server_error view renders it exactly so: no context, no request.
    # The language is the one the request was in (English here).
    with translation.override("en"), django_assert_num_queries(0):
        html = loader.get_template("500.html").render()

    assert html.count("<h1") == 1
    assert "Something went wrong" in html
    assert html.count("<main") == 1
    assert html.count("<header") == 1
    assert html.count("<footer") == 1


def test_an_error_in_a_view_shows_the_portals_500_page():
    client = Client(raise_request_exception=False)

    with mock.patch("coalition.queries.key_figures", side_effect=RuntimeError("boom")):
        response = client.get("/en/")

    assert response.status_code == 500
    assert template_names(response) == ["500.html"]
    assert response.text.count("<h1") == 1
    assert "Something went wrong" in response.text


@pytest.mark.parametrize(
    ("prefix", "title"),
    [("fr", "Le formulaire n'a pas pu être envoyé"), ("de", "Das Formular konnte nicht gesendet")],
)
def test_the_403_page_is_translated(prefix, title):
    client = Client(enforce_csrf_checks=True)

    response = client.post(f"/{prefix}/accounts/login/", {"login": "a@example.eu"})

    assert response.status_code == 403
    assert title in response.text.replace("&#x27;", "'")
