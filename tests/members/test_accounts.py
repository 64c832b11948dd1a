"""Accounts through allauth: verification, enumeration, passwords, lockout, sessions."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from members.models import User
from tests.members.factories import PASSWORD, VerifiedUserFactory

pytestmark = pytest.mark.django_db

SIGNUP = "/en/accounts/signup/"
LOGIN = "/en/accounts/login/"
STRONG = "a long pass phrase for the coalition"


def signup(client, email="new@example.org", password=STRONG, password2=None):
    return client.post(
        SIGNUP, {"email": email, "password1": password, "password2": password2 or password}
    )


def test_it_signs_up_and_requires_the_email_to_be_verified_before_login(client):
    response = signup(client)

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/confirm-email/"
    user = User.objects.get(email="new@example.org")
    assert EmailAddress.objects.get(user=user).verified is False
    assert len(mail.outbox) == 1
    assert "_auth_user_id" not in client.session
    # Logging in before verifying only re-sends the link.
    client.logout()
    response = client.post(LOGIN, {"login": "new@example.org", "password": STRONG})
    assert "_auth_user_id" not in client.session


def test_it_verifies_the_email_from_the_link_and_logs_in(client):
    signup(client)
    link = re.search(r"https?://\S+/confirm-email/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]

    page = client.get(path)
    response = client.post(path)

    assert page.status_code == 200
    assert response.status_code == 302
    assert EmailAddress.objects.get(email="new@example.org").verified is True
    assert client.session["_auth_user_id"] == str(User.objects.get(email="new@example.org").pk)


def test_the_link_opened_on_another_device_keeps_where_the_person_was_going(client):
    going_to = reverse("members:organisation_create")
    client.post(
        f"{SIGNUP}?next={going_to}",
        {"email": "new@example.org", "password1": STRONG, "password2": STRONG, "next": going_to},
    )
    link = re.search(r"https?://testserver(/\S+)", mail.outbox[0].body).group(1)
    other_device = Client()

    page = other_device.get(link)
    kept = re.search(r'name="next" value="([^"]+)"', page.content.decode()).group(1)
    confirmed = other_device.post(link, {"next": kept})
    asked_to_log_in = other_device.get(confirmed["Location"])
    logged_in = other_device.post(
        asked_to_log_in["Location"], {"login": "new@example.org", "password": STRONG}
    )

    assert link.endswith("/?next=%2Fen%2Forganisations%2Fnew%2F")
    assert kept == going_to
    assert EmailAddress.objects.get(email="new@example.org").verified is True
    assert confirmed["Location"] == going_to
    assert asked_to_log_in["Location"] == f"{LOGIN}?next={going_to}"
    assert logged_in["Location"] == going_to


def test_a_foreign_next_never_reaches_the_link(client):
    client.post(
        f"{SIGNUP}?next=https://elsewhere.example.com/",
        {"email": "new@example.org", "password1": STRONG, "password2": STRONG},
    )

    assert "elsewhere" not in mail.outbox[0].body


def test_its_emails_name_the_portal_and_have_a_plain_text_body(client):
    signup(client)

    message = mail.outbox[0]
    assert message.subject.startswith(f"[{settings.SITE_NAME}]")
    assert settings.SITE_NAME in message.body
    assert "<html" not in message.body


def test_it_does_not_reveal_through_sign_up_that_an_address_has_an_account(client):
    VerifiedUserFactory(email="taken@example.org")

    taken = signup(client, email="taken@example.org")
    client.logout()
    new = signup(client, email="fresh@example.org")

    assert taken.status_code == new.status_code == 302
    assert taken["Location"] == new["Location"]
    assert User.objects.filter(email__iexact="taken@example.org").count() == 1
    # The owner of the known address is told by email instead.
    assert sorted(m.to[0] for m in mail.outbox) == ["fresh@example.org", "taken@example.org"]


def test_it_does_not_reveal_through_password_reset_that_an_address_has_an_account(client):
    VerifiedUserFactory(email="known@example.org")

    known = client.post("/en/accounts/password/reset/", {"email": "known@example.org"})
    unknown = client.post("/en/accounts/password/reset/", {"email": "unknown@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 2
    assert "reset" in mail.outbox[0].body.lower()


@pytest.mark.parametrize(
    ("password", "accepted"),
    [
        ("short-pass1", False),  # 11 characters
        ("password1234", False),  # common
        ("twelve chars", True),  # exactly 12, no composition rules
        ("x" * 40 + " and a long sentence to pass 64 chars", True),
        ("an extremely long pass phrase " * 5, True),  # 150 characters
    ],
)
def test_it_applies_the_password_policy(client, password, accepted):
    response = signup(client, email="policy@example.org", password=password)

    assert User.objects.filter(email="policy@example.org").exists() is accepted
    if not accepted:
        assert response.status_code == 200
        assert 'aria-invalid="true"' in response.content.decode()


def test_it_locks_an_account_after_five_wrong_passwords_then_allows_again(client, monkeypatch):
    VerifiedUserFactory(email="victim@example.org")
    clock = {"now": 1_800_000_000.0}

    class FakeTime:
        @staticmethod
        def time():
            return clock["now"]

        monotonic = time

        @staticmethod
        def sleep(seconds):
            clock["now"] += seconds

    monkeypatch.setattr("allauth.core.internal.ratelimit.time", FakeTime)

    for _ in range(5):
        wrong = client.post(LOGIN, {"login": "victim@example.org", "password": "wrong password!"})
        assert wrong.status_code == 200
    locked = client.post(LOGIN, {"login": "victim@example.org", "password": PASSWORD})

    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in locked.content.decode()

    clock["now"] += 301
    client.post(LOGIN, {"login": "victim@example.org", "password": PASSWORD})
    assert client.session["_auth_user_id"] == str(User.objects.get(email="victim@example.org").pk)


def test_logging_out_ends_the_session(client):
    user = VerifiedUserFactory()
    client.force_login(user)

    response = client.post("/en/accounts/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("members:dashboard")).status_code == 302


def test_changing_the_password_ends_the_other_sessions_and_keeps_this_one(client):
    from django.test import Client

    user = VerifiedUserFactory()
    other = Client()
    other.force_login(user)
    client.force_login(user)
    assert other.get(reverse("members:dashboard")).status_code == 200

    response = client.post(
        "/en/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": STRONG, "password2": STRONG},
    )

    assert response.status_code == 302
    assert client.get(reverse("members:dashboard")).status_code == 200
    assert other.get(reverse("members:dashboard")).status_code == 302
    assert len(mail.outbox) == 1  # "your password was changed"


def test_session_cookies_are_http_only_and_same_site_lax():
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"


def test_allauth_rate_limits_use_the_shared_cache():
    from allauth.account import app_settings

    assert app_settings.RATE_LIMITS["login_failed"] == "10/m/ip,5/300s/key"
    assert "default" in settings.CACHES


def test_the_email_change_page_renders_in_the_portal_layout(client):
    client.force_login(VerifiedUserFactory())

    response = client.get("/en/accounts/email/")

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert 'class="ecl-button ecl-button--primary"' in html
    assert "portal-account-nav" in html


def test_changing_the_email_address_needs_the_new_one_verified_first(client):
    user = VerifiedUserFactory(email="old@example.org")
    client.force_login(user)

    response = client.post("/en/accounts/email/", {"action_add": "", "email": "new@example.org"})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "old@example.org"
    assert EmailAddress.objects.get(email="new@example.org").verified is False
    assert mail.outbox[-1].to == ["new@example.org"]
    link = re.search(r"https?://testserver(\S+/confirm-email/\S+/)", mail.outbox[-1].body).group(1)

    client.post(link)

    user.refresh_from_db()
    assert user.email == "new@example.org"
    assert list(EmailAddress.objects.filter(user=user).values_list("email", flat=True)) == [
        "new@example.org"
    ]
