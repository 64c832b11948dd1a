"""Every view that changes something, in one table: anonymous visitors are sent
to log in, outsiders get 404, a wrong method gets 405, and nothing changes."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from members.models import (
    Invitation,
    JoinRequest,
    MembershipApplication,
    Organisation,
    TeamMembership,
)
from tests.members.factories import (
    InvitationFactory,
    JoinRequestFactory,
    TeamMembershipFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db
TOKEN = "a-token-for-the-csrf-test-abcdefghijklmnop"


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


def test_hand_over_answers_put_with_405(client, organisation, admin_user, editor_user):
    client.force_login(admin_user)

    response = client.put(reverse("members:hand_over", kwargs={"slug": organisation.slug}))

    assert response.status_code == 405
    assert TeamMembership.objects.get(user=admin_user).role == "admin"


def test_asking_to_join_refuses_a_post_without_csrf_token(organisation, admin_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(VerifiedUserFactory(email="hopeful@example.org"))

    response = client.post(
        reverse("members:join_request", kwargs={"slug": organisation.slug}), {"message": "hi"}
    )

    assert response.status_code == 403
    assert JoinRequest.objects.count() == 0


def test_accepting_an_invitation_refuses_a_post_without_csrf_token(organisation):
    invitation = InvitationFactory(
        organisation=organisation,
        email="invitee@example.org",
        token=TOKEN,
        created_at=timezone.now(),
        expires_at=timezone.now() + timedelta(days=7),
    )
    invitee = VerifiedUserFactory(email="invitee@example.org")
    client = Client(enforce_csrf_checks=True)
    client.force_login(invitee)

    url = reverse("members:invitation_accept", kwargs={"token": TOKEN})

    page = client.get(url)
    response = client.post(url)

    assert page.status_code == 200  # a valid invitation: only the token is missing
    assert response.status_code == 403
    assert not TeamMembership.objects.filter(user=invitee).exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


# --- Own slug, another organisation's id ----------------------------------------------


@pytest.fixture
def foreign(outsider):
    """Objects of the outsider's organisation, which `admin_user` must not reach
    through the slug of the organisation they do administer."""
    other = TeamMembership.objects.get(user=outsider).organisation
    return {
        "role": TeamMembershipFactory(organisation=other, role="editor"),
        "revoke": InvitationFactory(organisation=other),
        "decide": JoinRequestFactory(organisation=other),
    }


@pytest.mark.parametrize(
    ("name", "url_name", "kwarg", "data"),
    [
        ("role", "members:team_change_role", "member_id", {"role": "admin"}),
        ("revoke", "members:invitation_revoke", "pk", {}),
        ("decide", "members:join_request_decide", "pk", {"decision": "accept"}),
    ],
)
def test_an_id_from_another_organisation_under_ones_own_slug_is_a_404(
    client,
    organisation,
    admin_user,
    foreign,
    name,
    url_name,
    kwarg,
    data,
    django_capture_on_commit_callbacks,
):
    before = state()
    client.force_login(admin_user)
    url = reverse(url_name, kwargs={"slug": organisation.slug, kwarg: foreign[name].pk})

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)

    assert response.status_code == 404
    assert state() == before
    assert mail.outbox == []
