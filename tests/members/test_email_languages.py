"""Emails about organisations reach each person in the language they chose for
emails (User.preferred_language), not in the language of the page the sender
acted on; an invitation to someone without an account is in the language the
inviter chose."""

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core import mail
from django.utils import translation

from members import services
from members.models import TeamMembership
from members.moderation import ensure_moderators_group
from tests.members.factories import (
    JoinRequestFactory,
    MembershipApplicationFactory,
    TeamMembershipFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db
SITE = settings.SITE_URL


@pytest.fixture
def french_admin(organisation):
    user = VerifiedUserFactory(email="admin-fr@ghent.example.org", preferred_language="fr")
    TeamMembershipFactory(organisation=organisation, user=user, role=TeamMembership.Role.ADMIN)
    return user


@pytest.fixture
def german_admin(organisation):
    user = VerifiedUserFactory(email="admin-de@ghent.example.org", preferred_language="de")
    TeamMembershipFactory(organisation=organisation, user=user, role=TeamMembership.Role.ADMIN)
    return user


def sent():
    return {message.to[0]: message for message in mail.outbox}


def test_a_join_request_reaches_each_admin_in_their_language(
    organisation, french_admin, german_admin, django_capture_on_commit_callbacks
):
    requester = VerifiedUserFactory(preferred_language="en")

    with django_capture_on_commit_callbacks(execute=True), translation.override("en"):
        services.join_request_create(organisation=organisation, user=requester)

    messages = sent()
    assert sorted(messages) == ["admin-de@ghent.example.org", "admin-fr@ghent.example.org"]
    french, german = messages["admin-fr@ghent.example.org"], messages["admin-de@ghent.example.org"]
    assert "Ghent Digital Academy" in french.subject
    assert french.body.startswith("Bonjour")
    assert f"{SITE}/fr/organisations/ghent-digital-academy/team/" in french.body
    assert german.body.startswith("Guten Tag")
    assert f"{SITE}/de/organisations/ghent-digital-academy/team/" in german.body


def test_the_answer_to_a_join_request_is_in_the_requesters_language(
    organisation, admin_user, django_capture_on_commit_callbacks
):
    join_request = JoinRequestFactory(
        organisation=organisation, user=VerifiedUserFactory(preferred_language="de")
    )

    with django_capture_on_commit_callbacks(execute=True), translation.override("fr"):
        services.join_request_decide(join_request=join_request, decided_by=admin_user, accept=True)

    (message,) = mail.outbox
    assert message.body.startswith("Guten Tag")
    assert f"{SITE}/de/my/" in message.body


def test_an_invitation_to_someone_with_an_account_is_in_their_language(
    organisation, admin_user, django_capture_on_commit_callbacks
):
    VerifiedUserFactory(email="known@example.org", preferred_language="de")

    with django_capture_on_commit_callbacks(execute=True):
        services.invitation_create(
            organisation=organisation,
            invited_by=admin_user,
            email="Known@example.org",
            role="editor",
            language="fr",
        )

    (message,) = mail.outbox
    assert message.to == ["Known@example.org"]
    assert message.body.startswith("Guten Tag")
    assert "als Redakteur" in message.body  # the role too is in German
    assert f"{SITE}/de/invitations/" in message.body


def test_an_invitation_to_someone_without_an_account_is_in_the_inviters_choice(
    organisation, admin_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), translation.override("de"):
        services.invitation_create(
            organisation=organisation,
            invited_by=admin_user,
            email="new@example.org",
            role="admin",
            language="fr",
        )

    (message,) = mail.outbox
    assert message.body.startswith("Bonjour")
    assert f"{SITE}/fr/invitations/" in message.body


def test_the_invitation_form_proposes_the_pages_language_and_sends_the_chosen_one(
    client, organisation, admin_user, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    page = client.get("/fr/organisations/ghent-digital-academy/team/")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/fr/organisations/ghent-digital-academy/team/invite/",
            {"email": "new@example.org", "role": "editor", "language": "de"},
        )

    assert page.context["invite_form"].initial["language"] == "fr"
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.body.startswith("Guten Tag")


def test_the_invitation_form_refuses_a_language_the_interface_lacks(
    client, organisation, admin_user
):
    client.force_login(admin_user)

    response = client.post(
        "/en/organisations/ghent-digital-academy/team/invite/",
        {"email": "new@example.org", "role": "editor", "language": "ja"},
    )

    assert response.status_code == 400
    assert list(response.context["invite_form"].errors) == ["language"]
    assert mail.outbox == []


def test_membership_decisions_reach_each_admin_in_their_language(
    organisation, french_admin, german_admin, charter, django_capture_on_commit_callbacks
):
    application = MembershipApplicationFactory(organisation=organisation, charter=charter)

    with django_capture_on_commit_callbacks(execute=True), translation.override("en"):
        services.membership_decide(
            application=application,
            decided_by=VerifiedUserFactory(is_staff=True),
            accept=False,
            reason="Outside the EU.",
        )

    messages = sent()
    assert messages["admin-fr@ghent.example.org"].body.startswith("Bonjour")
    assert f"{SITE}/fr/organisations/ghent-digital-academy/membership/" in (
        messages["admin-fr@ghent.example.org"].body
    )
    assert messages["admin-de@ghent.example.org"].body.startswith("Guten Tag")


def test_a_hand_over_reaches_the_new_admin_in_their_language(
    organisation, admin_user, django_capture_on_commit_callbacks
):
    heir = TeamMembershipFactory(
        organisation=organisation, user=VerifiedUserFactory(preferred_language="fr")
    )

    with django_capture_on_commit_callbacks(execute=True), translation.override("de"):
        services.organisation_hand_over(
            organisation=organisation, from_user=admin_user, to_membership=heir, leave=False
        )

    (message,) = mail.outbox
    assert message.body.startswith("Bonjour")


def test_moderators_hear_of_an_application_in_their_languages(
    organisation, admin_user, charter, settings, django_capture_on_commit_callbacks
):
    settings.MODERATORS_EMAIL = ["moderation@example.eu", "fr-moderator@example.eu"]
    group: Group = ensure_moderators_group()
    VerifiedUserFactory(
        email="fr-moderator@example.eu", is_staff=True, preferred_language="fr"
    ).groups.add(group)
    VerifiedUserFactory(
        email="de-moderator@example.eu", is_staff=True, preferred_language="de"
    ).groups.add(group)

    with django_capture_on_commit_callbacks(execute=True), translation.override("fr"):
        services.membership_apply(organisation=organisation, user=admin_user, charter=charter)

    messages = sent()
    assert sorted(messages) == [
        "de-moderator@example.eu",
        "fr-moderator@example.eu",
        "moderation@example.eu",
    ]
    assert messages["moderation@example.eu"].body.startswith("Hello")  # a shared mailbox
    assert messages["fr-moderator@example.eu"].body.startswith("Bonjour")
    assert messages["de-moderator@example.eu"].body.startswith("Guten Tag")
