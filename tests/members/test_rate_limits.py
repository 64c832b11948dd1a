"""Forms that email someone else are rate-limited in the shared cache:
invitations per organisation and per address, join requests per person and per
organisation. The form says so, and nothing is sent past the limit."""

import pytest
from django.core import mail
from django.urls import reverse

from coalition import ratelimits
from members.models import Invitation, JoinRequest, TeamMembership
from tests.members.factories import OrganisationFactory, TeamMembershipFactory, VerifiedUserFactory

# Real commits: the emails are queued once the invitation is committed.
pytestmark = pytest.mark.django_db(transaction=True)


def invite(client, organisation, email):
    return client.post(
        reverse("members:team_invite", kwargs={"slug": organisation.slug}),
        {"email": email, "role": "editor"},
    )


def admin_of(organisation, email):
    user = VerifiedUserFactory(email=email)
    TeamMembershipFactory(organisation=organisation, user=user, role=TeamMembership.Role.ADMIN)
    return user


def test_twenty_invitations_to_one_address_send_three_emails(client, organisation, admin_user):
    client.force_login(admin_user)

    answers = [invite(client, organisation, "target@example.org").status_code for _ in range(19)]
    last = invite(client, organisation, "target@example.org")

    assert answers == [302] * 3 + [429] * 16
    assert len(mail.outbox) == 3
    assert "This address has been invited too often today. Try again tomorrow." in last.text
    assert 'role="alert"' in last.text


def test_an_address_is_limited_whichever_organisation_invites_it(client, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "invitations-per-address": (2, 86400)}
    first, second, third = (OrganisationFactory(name=f"Org {n}") for n in range(3))
    for organisation in (first, second, third):
        client.force_login(admin_of(organisation, f"admin@{organisation.slug}.example.org"))
        invite(client, organisation, "Target@Example.org")

    assert len(mail.outbox) == 2
    assert Invitation.objects.count() == 2


def test_an_organisation_may_send_twenty_invitations_an_hour(client, organisation, admin_user):
    client.force_login(admin_user)

    answers = [
        invite(client, organisation, f"person{n}@example.org").status_code for n in range(21)
    ]

    assert answers == [302] * 20 + [429]
    assert len(mail.outbox) == 20
    response = invite(client, organisation, "one.more@example.org")
    assert (
        "Your organisation has sent too many invitations in the last hour. Try again later."
        in response.text
    )
    assert 'value="one.more@example.org"' in response.text  # what was typed stays


def test_the_limit_is_counted_in_windows_that_end(settings):
    settings.RATE_LIMITS = {"test": (2, 60)}

    used = [ratelimits.consume("test", "key", now=now) for now in (0.0, 1.0, 2.0, 61.0)]

    assert used == [True, True, False, True]
    assert ratelimits.consume("test", "another key", now=3.0) is True


def test_a_person_may_ask_to_join_ten_organisations_a_day(client):
    requester = VerifiedUserFactory(email="requester@example.org")
    client.force_login(requester)
    organisations = [OrganisationFactory(name=f"Org {n}") for n in range(11)]
    for organisation in organisations:
        admin_of(organisation, f"admin@{organisation.slug}.example.org")

    answers = [
        client.post(
            reverse("members:join_request", kwargs={"slug": organisation.slug}),
            {"message": "Let me in"},
        )
        for organisation in organisations
    ]

    assert [answer.status_code for answer in answers] == [302] * 10 + [429]
    assert "Too many join requests were sent today. Try again tomorrow." in answers[-1].text
    assert "Let me in" in answers[-1].text
    assert JoinRequest.objects.count() == 10
    assert len(mail.outbox) == 10


def test_an_organisation_receives_a_bounded_number_of_join_requests(client, organisation, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "join-requests-per-organisation": (2, 86400)}
    admin_of(organisation, "admin@ghent.example.org")
    statuses = []
    for n in range(3):
        client.force_login(VerifiedUserFactory(email=f"asker{n}@example.org"))
        url = reverse("members:join_request", kwargs={"slug": organisation.slug})
        statuses.append(client.post(url, {"message": "Hi"}).status_code)

    assert statuses == [302, 302, 429]
    assert len(mail.outbox) == 2
