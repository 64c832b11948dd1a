"""The account page where people give or correct their name."""

import pytest
from django.test import Client
from django.urls import reverse

from members.models import User
from tests.members.factories import VerifiedUserFactory

pytestmark = pytest.mark.django_db
URL = reverse("members:account_name")


@pytest.fixture
def user(client):
    user = VerifiedUserFactory(email="ana@example.pt", first_name="Ana", last_name="")
    client.force_login(user)
    return user


def test_it_sends_anonymous_visitors_to_log_in(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


def test_it_shows_the_stored_name(client, user):
    html = client.get(URL).content.decode()

    assert 'name="first_name" value="Ana"' in html
    assert 'aria-current="page"' in html


def test_it_saves_the_name(client, user):
    response = client.post(URL, {"first_name": "  Ana Sofia ", "last_name": "Pereira"})

    user.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == URL
    assert (user.first_name, user.last_name) == ("Ana Sofia", "Pereira")


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"first_name": "<b>Ana</b>", "last_name": "Pereira"}, "HTML tags are not allowed"),
        ({"first_name": "A" * 151, "last_name": "Pereira"}, "at most 150 characters"),
    ],
)
def test_it_answers_bad_input_next_to_the_field_and_keeps_it(client, user, data, error):
    response = client.post(URL, data)

    html = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_first_name_error"' in html
    assert error in html
    assert 'name="last_name" value="Pereira"' in html
    assert list(User.objects.filter(pk=user.pk).values_list("first_name", "last_name")) == [
        ("Ana", "")
    ]


def test_it_answers_a_wrong_method_with_405(client, user):
    assert client.put(URL).status_code == 405


def test_it_refuses_a_post_without_csrf_token(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)

    assert client.post(URL, {"first_name": "Mallory"}).status_code == 403
    assert User.objects.get(pk=user.pk).first_name == "Ana"
