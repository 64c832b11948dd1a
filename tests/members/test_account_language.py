"""The language of a person's emails: proposed at sign-up from the page's
language, changed on its own account page."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from members.models import User
from tests.members.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db
URL = reverse("members:account_language")
STRONG = "a long pass phrase for the coalition"


@pytest.fixture
def user(client):
    user = VerifiedUserFactory(email="ana@example.pt", preferred_language="en")
    client.force_login(user)
    return user


def test_it_sends_anonymous_visitors_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_it_shows_the_stored_language_among_the_interfaces(client, user):
    response = client.get("/fr/my/language/")

    html = response.text
    field = response.context["form"].fields["preferred_language"]
    assert response.status_code == 200
    codes = [code for code, _label in field.choices]
    assert codes[:3] == ["de", "en", "bg"]  # allemand, anglais, bulgare, …
    assert sorted(codes) == sorted(code for code, _name in settings.LANGUAGES)
    assert '<option value="en" selected>' in html
    assert 'aria-current="page"' in html


def test_it_saves_the_language(client, user):
    response = client.post(URL, {"preferred_language": "de"})

    user.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == URL
    assert user.preferred_language == "de"
    assert user.email_language == "de"


@pytest.mark.parametrize("value", ["ja", "xx", ""])
def test_it_refuses_a_language_the_interface_lacks(client, user, value):
    response = client.post(URL, {"preferred_language": value})

    assert response.status_code == 400
    assert 'id="id_preferred_language_error"' in response.text
    assert User.objects.get(pk=user.pk).preferred_language == "en"


def test_it_answers_a_wrong_method_with_405(client, user):
    assert client.put(URL).status_code == 405


def test_it_refuses_a_post_without_csrf_token(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    assert client.post(URL, {"preferred_language": "de"}).status_code == 403
    assert User.objects.get(pk=user.pk).preferred_language == "en"


def test_a_stored_language_the_interface_no_longer_has_writes_in_the_sites(user):
    User.objects.filter(pk=user.pk).update(preferred_language="ja")
    user.refresh_from_db()

    assert user.email_language == "en"


@pytest.mark.parametrize("language", ["fr", "de", "en"])
def test_signing_up_on_a_page_proposes_its_language_for_emails(client, language):
    client.post(
        f"/{language}/accounts/signup/",
        {"email": "newcomer@example.org", "password1": STRONG, "password2": STRONG},
    )

    assert User.objects.get(email="newcomer@example.org").preferred_language == language


def test_staff_see_and_change_it_in_the_admin(client):
    admin = VerifiedUserFactory(is_staff=True, is_superuser=True)
    person = VerifiedUserFactory(preferred_language="fr")
    client.force_login(admin)

    page = client.get(reverse("admin:members_user_change", args=[person.pk]))

    assert page.status_code == 200
    assert 'name="preferred_language"' in page.text


def test_the_personal_data_download_holds_it(client, user):
    import json

    User.objects.filter(pk=user.pk).update(preferred_language="fr")

    data = json.loads(client.get(reverse("members:account_data_download")).content)

    assert data["account"]["language_of_emails"] == "fr"
