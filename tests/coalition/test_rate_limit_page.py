"""allauth's answer to too many tries (429): the portal's page, in the layout and
the page's language, with its lang."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def strict_limits(settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "1/m/ip"}


def too_many_logins(client, language):
    url = f"/{language}/accounts/login/"
    client.post(url, {"login": "ana@example.org", "password": "wrong"})
    return client.post(url, {"login": "ana@example.org", "password": "wrong"})


@pytest.mark.parametrize(
    ("language", "skip_link"),
    [
        ("en", "Skip to main content"),
        ("fr", "Aller au contenu principal"),
        ("de", "Zum Hauptinhalt springen"),
    ],
)
def test_too_many_tries_get_the_portals_page_in_the_pages_language(
    client, strict_limits, language, skip_link
):
    response = too_many_logins(client, language)

    assert response.status_code == 429
    assert response.templates[0].name == "429.html"
    assert f'<html lang="{language}"' in response.text
    assert response.text.count("<h1") == 1
    assert '<main id="main-content"' in response.text  # the layout
    assert skip_link in response.text
    assert f'href="/{language}/accounts/password/reset/"' in response.text


def test_the_page_says_what_happened_and_what_to_do(client, strict_limits):
    response = too_many_logins(client, "en")

    assert "Too many attempts" in response.text
    assert "Wait a few minutes, then try again." in response.text
