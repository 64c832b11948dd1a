"""Every email the members app sends, its own and allauth's: a plain-text body
(no HTML alternative) that names the portal."""

import re

import pytest
from django.core import mail

from members import services
from tests.members.factories import (
    PASSWORD,
    JoinRequestFactory,
    MembershipApplicationFactory,
    TeamMembershipFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db
STRONG = "a long pass phrase for the coalition"
RESET = "/en/accounts/password/reset/"
LOGIN = "/en/accounts/login/"


def invitation(client, organisation, admin_user, charter):
    services.invitation_create(
        organisation=organisation, invited_by=admin_user, email="new@example.org", role="editor"
    )


def join_request(client, organisation, admin_user, charter):
    services.join_request_create(organisation=organisation, user=VerifiedUserFactory())


def join_request_accepted(client, organisation, admin_user, charter):
    services.join_request_decide(
        join_request=JoinRequestFactory(organisation=organisation),
        decided_by=admin_user,
        accept=True,
    )


def join_request_refused(client, organisation, admin_user, charter):
    services.join_request_decide(
        join_request=JoinRequestFactory(organisation=organisation),
        decided_by=admin_user,
        accept=False,
    )


def membership_submitted(client, organisation, admin_user, charter):
    # MODERATORS_EMAIL is set by the test (pytest-django's settings fixture restores it).
    services.membership_apply(organisation=organisation, user=admin_user, charter=charter)


def membership_accepted(client, organisation, admin_user, charter):
    services.membership_decide(
        application=MembershipApplicationFactory(organisation=organisation, charter=charter),
        decided_by=VerifiedUserFactory(is_staff=True),
        accept=True,
    )


def membership_declined(client, organisation, admin_user, charter):
    services.membership_decide(
        application=MembershipApplicationFactory(organisation=organisation, charter=charter),
        decided_by=VerifiedUserFactory(is_staff=True),
        accept=False,
        reason="Outside the EU.",
    )


def handed_over(client, organisation, admin_user, charter):
    services.organisation_hand_over(
        organisation=organisation,
        from_user=admin_user,
        to_membership=TeamMembershipFactory(organisation=organisation),
        leave=False,
    )


def signup_confirmation(client, organisation, admin_user, charter):
    client.post(
        "/en/accounts/signup/",
        {"email": "newcomer@example.org", "password1": STRONG, "password2": STRONG},
    )


def signup_with_a_known_address(client, organisation, admin_user, charter):
    client.post(
        "/en/accounts/signup/",
        {"email": "admin@ghent.example.org", "password1": STRONG, "password2": STRONG},
    )


def password_reset(client, organisation, admin_user, charter):
    client.post(RESET, {"email": "admin@ghent.example.org"})


def password_reset_for_an_unknown_address(client, organisation, admin_user, charter):
    client.post(RESET, {"email": "nobody@example.org"})


def password_changed(client, organisation, admin_user, charter):
    client.force_login(admin_user)
    client.post(
        "/en/accounts/password/change/",
        {"oldpassword": PASSWORD, "password1": STRONG, "password2": STRONG},
    )


def email_added(client, organisation, admin_user, charter):
    client.force_login(admin_user)
    client.post("/en/accounts/email/", {"action_add": "", "email": "second@ghent.example.org"})


SENDERS = [
    invitation,
    join_request,
    join_request_accepted,
    join_request_refused,
    membership_submitted,
    membership_accepted,
    membership_declined,
    handed_over,
    signup_confirmation,
    signup_with_a_known_address,
    password_reset,
    password_reset_for_an_unknown_address,
    password_changed,
    email_added,
]


@pytest.mark.parametrize("send", SENDERS, ids=[s.__name__ for s in SENDERS])
def test_every_email_is_plain_text_and_names_the_portal(
    client, organisation, admin_user, charter, send, settings, django_capture_on_commit_callbacks
):
    settings.MODERATORS_EMAIL = ["moderation@example.eu"]

    with django_capture_on_commit_callbacks(execute=True):
        send(client, organisation, admin_user, charter)

    assert len(mail.outbox) >= 1
    for message in mail.outbox:
        assert message.subject.startswith(f"[{settings.SITE_NAME}] ")
        assert settings.SITE_NAME in message.body
        assert message.body.strip()
        assert getattr(message, "alternatives", []) == []
        assert "<html" not in message.body.lower()
        assert "<p>" not in message.body


def test_names_read_as_typed_in_the_subject_and_the_body(
    organisation, admin_user, django_capture_on_commit_callbacks
):
    organisation.name = "Ligue de l'enseignement & <Co>"
    organisation.save()

    with django_capture_on_commit_callbacks(execute=True):
        invitation(None, organisation, admin_user, None)

    (email,) = mail.outbox
    assert email.to == ["new@example.org"]
    assert email.subject == (
        "[EU Digital Skills and Jobs Coalition] "
        "You are invited to join Ligue de l'enseignement & <Co>"
    )
    assert (
        "admin@ghent.example.org invites you to join the team of Ligue de l'enseignement & <Co> "
        "on the EU Digital Skills and Jobs Coalition portal, as Editor." in email.body
    )


def test_the_password_reset_link_from_the_email_sets_a_new_password(client, admin_user):
    client.post(RESET, {"email": "admin@ghent.example.org"})
    (message,) = mail.outbox
    link = re.search(r"https?://testserver(/\S+/password/reset/key/\S+/)", message.body).group(1)

    opened = client.get(link)  # allauth moves the key out of the URL, into the session
    form_url = opened["Location"]
    page = client.get(form_url)
    done = client.post(form_url, {"password1": STRONG, "password2": STRONG})

    assert opened.status_code == 302
    assert "set-password" in form_url
    assert page.status_code == 200
    assert 'name="password1"' in page.content.decode()
    assert done.status_code == 302
    assert done["Location"] == "/en/accounts/password/reset/key/done/"
    admin_user.refresh_from_db()
    assert admin_user.check_password(STRONG)
    assert not admin_user.check_password(PASSWORD)
    # The link is single use.
    assert "_auth_user_id" not in client.session
    again = client.get(link, follow=True)
    assert 'name="password1"' not in again.content.decode()
    # And the new password logs in.
    client.post(LOGIN, {"login": "admin@ghent.example.org", "password": STRONG})
    assert client.session["_auth_user_id"] == str(admin_user.pk)
