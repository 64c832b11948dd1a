"""allauth's account emails, written from the portal's copies of its templates
(templates/account/email/), so that the portal's catalogues translate them:
German addresses the reader with "Sie" in the subject and the body alike."""

import re

import pytest
from django.core import mail

from tests.members.factories import PASSWORD, VerifiedUserFactory

pytestmark = pytest.mark.django_db
STRONG = "a long pass phrase for the coalition"
INFORMAL = re.compile(r"\b(du|dein\w*|dich|dir|bestätige|rufe|erhältst)\b", re.IGNORECASE)


def sign_up(client, address="neu@example.de"):
    client.post(
        "/de/accounts/signup/", {"email": address, "password1": STRONG, "password2": STRONG}
    )


def reset(client, address):
    client.post("/de/accounts/password/reset/", {"email": address})


def change_password(client, address):
    user = VerifiedUserFactory(email=address)
    client.force_login(user)
    client.post(
        "/de/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": STRONG, "password2": STRONG},
    )


def known_address_signs_up(client, address):
    VerifiedUserFactory(email=address)
    sign_up(client, address)


@pytest.mark.parametrize(
    ("send", "subject"),
    [
        (lambda c: sign_up(c), "Bitte bestätigen Sie Ihre E-Mail-Adresse"),
        (lambda c: reset(c, "nobody@example.de"), "Unbekanntes Konto"),
        (lambda c: known_address_signs_up(c, "bekannt@example.de"), "Konto existiert bereits"),
        (lambda c: change_password(c, "ana@example.de"), "Passwort geändert"),
    ],
    ids=["signup", "unknown-account", "account-exists", "password-changed"],
)
def test_german_account_emails_say_sie_throughout(client, send, subject):
    send(client)

    message = mail.outbox[-1]
    assert message.subject == f"[EU Digital Skills and Jobs Coalition] {subject}"
    assert INFORMAL.findall(message.subject + "\n" + message.body) == []
    assert "Sie" in message.body


def test_the_password_reset_email_in_german(client):
    VerifiedUserFactory(email="ana@example.de")

    reset(client, "ana@example.de")

    (message,) = mail.outbox
    assert "Sie erhalten diese E-Mail, weil Sie oder jemand anderes" in message.body
    assert "Klicken Sie auf den folgenden Link" in message.body
    assert INFORMAL.findall(message.subject + "\n" + message.body) == []


def test_other_languages_read_the_portals_translations(client):
    client.post(
        "/fr/accounts/signup/",
        {"email": "nouveau@example.fr", "password1": STRONG, "password2": STRONG},
    )

    (message,) = mail.outbox
    # The portal's own French, in its formal register, from its copies of allauth's templates.
    assert message.subject == (
        "[EU Digital Skills and Jobs Coalition] Veuillez confirmer votre adresse électronique"
    )
    assert "nouveau@example.fr" in message.body
    assert "You are receiving this" not in message.body
