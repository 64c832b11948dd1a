"""Every view that changes something, in one table: anonymous visitors are sent
to log in, outsiders get 404, a wrong method gets 405, and nothing changes."""

import pytest
from django.test import Client
from django.urls import reverse

from members.models import (
    Invitation,
    JoinRequest,
    MembershipApplication,
    Organisation,
    TeamMembership,
)
from tests.members.factories import InvitationFactory, JoinRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def targets(organisation, admin_user, editor_user, charter):
    editor = TeamMembership.objects.get(user=editor_user)
    return {
        "invite": (
            reverse("members:team_invite", kwargs={"slug": organisation.slug}),
            {"email": "x@example.org", "role": "admin"},
        ),
        "role": (
            reverse(
                "members:team_change_role",
                kwargs={"slug": organisation.slug, "member_id": editor.pk},
            ),
            {"role": "admin"},
        ),
        "remove": (
            reverse(
                "members:team_remove", kwargs={"slug": organisation.slug, "member_id": editor.pk}
            ),
            {},
        ),
        "leave": (reverse("members:team_leave", kwargs={"slug": organisation.slug}), {}),
        "hand_over": (
            reverse("members:hand_over", kwargs={"slug": organisation.slug}),
            {"to_member": editor.pk, "leave": "on"},
        ),
        "revoke": (
            reverse(
                "members:invitation_revoke",
                kwargs={
                    "slug": organisation.slug,
                    "pk": InvitationFactory(organisation=organisation).pk,
                },
            ),
            {},
        ),
        "decide": (
            reverse(
                "members:join_request_decide",
                kwargs={
                    "slug": organisation.slug,
                    "pk": JoinRequestFactory(organisation=organisation).pk,
                },
            ),
            {"decision": "accept"},
        ),
        "apply": (
            reverse("members:membership_apply", kwargs={"slug": organisation.slug}),
            {"charter_version": charter.version, "endorse": "on"},
        ),
        "edit": (
            reverse("members:organisation_edit", kwargs={"slug": organisation.slug}),
            {
                "name": "Renamed",
                "sector": "public",
                "type": "ngo",
                "size": "small",
                "country": "BE",
            },
        ),
    }


def state():
    return (
        list(TeamMembership.objects.order_by("pk").values_list("pk", "role")),
        Invitation.objects.count(),
        list(JoinRequest.objects.values_list("status", flat=True)),
        MembershipApplication.objects.count(),
        list(Organisation.objects.order_by("pk").values_list("name", flat=True)),
    )


NAMES = ["invite", "role", "remove", "leave", "hand_over", "revoke", "decide", "apply", "edit"]
POST_ONLY = ["invite", "role", "remove", "leave", "revoke", "decide"]


@pytest.mark.parametrize("name", NAMES)
def test_anonymous_visitors_are_sent_to_log_in_and_change_nothing(client, targets, name):
    url, data = targets[name]
    before = state()

    response = client.post(url, data)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert state() == before


@pytest.mark.parametrize("name", NAMES)
def test_outsiders_get_404_and_change_nothing(client, targets, outsider, name):
    url, data = targets[name]
    before = state()
    client.force_login(outsider)

    response = client.post(url, data)

    assert response.status_code == 404
    assert state() == before


@pytest.mark.parametrize("name", POST_ONLY)
def test_a_wrong_method_gets_405(client, targets, admin_user, name):
    url, _ = targets[name]
    client.force_login(admin_user)

    assert client.get(url).status_code == 405
    assert client.put(url).status_code == 405


@pytest.mark.parametrize("name", NAMES)
def test_a_post_without_csrf_token_gets_403(targets, admin_user, name):
    url, data = targets[name]
    before = state()
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)

    response = client.post(url, data)

    assert response.status_code == 403
    assert state() == before


@pytest.mark.parametrize(
    "name", ["invite", "role", "remove", "hand_over", "revoke", "decide", "apply"]
)
def test_editors_get_404_for_admin_actions(client, targets, editor_user, name):
    url, data = targets[name]
    before = state()
    client.force_login(editor_user)

    assert client.post(url, data).status_code == 404
    assert state() == before


@pytest.mark.parametrize(
    "url",
    [
        reverse("members:directory"),
        reverse("members:dashboard"),
        reverse("members:account_data"),
        reverse("members:account_data_download"),
    ],
)
def test_read_only_pages_answer_post_with_405(client, admin_user, url):
    client.force_login(admin_user)

    assert client.post(url).status_code == 405


def test_join_request_and_invitation_pages_answer_put_with_405(client, organisation, admin_user):
    client.force_login(admin_user)

    assert (
        client.put(reverse("members:join_request", kwargs={"slug": organisation.slug})).status_code
        == 405
    )
    assert (
        client.put(reverse("members:invitation_accept", kwargs={"token": "x"})).status_code == 405
    )


def test_asking_to_join_sends_anonymous_visitors_to_log_in(client, organisation):
    response = client.post(
        reverse("members:join_request", kwargs={"slug": organisation.slug}), {"message": "hi"}
    )

    assert response.status_code == 302
    assert JoinRequest.objects.count() == 0
