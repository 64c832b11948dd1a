"""Personal data: the JSON download and account deletion."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse

from members.models import MembershipApplication, TeamMembership, User
from tests.members.factories import (
    PASSWORD,
    JoinRequestFactory,
    MembershipApplicationFactory,
    TeamMembershipFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db
DATA = reverse("members:account_data")
DOWNLOAD = reverse("members:account_data_download")
DELETE = reverse("members:account_delete")


@pytest.mark.parametrize("url", [DATA, DOWNLOAD, DELETE])
def test_personal_data_pages_send_anonymous_visitors_to_log_in(client, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")


@pytest.mark.parametrize("url", [DATA, DOWNLOAD])
def test_personal_data_pages_answer_post_with_405(client, url):
    client.force_login(VerifiedUserFactory())

    assert client.post(url).status_code == 405


def test_the_download_holds_the_users_data_and_nobody_elses(
    client, organisation, admin_user, charter
):
    MembershipApplicationFactory(organisation=organisation, charter=charter, endorsed_by=admin_user)
    JoinRequestFactory(user=admin_user, message="Let me in")
    JoinRequestFactory(message="someone else's")
    client.force_login(admin_user)

    response = client.get(DOWNLOAD)

    data = json.loads(response.content)
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="my-personal-data.json"'
    assert data["account"]["email"] == "admin@ghent.example.org"
    assert data["email_addresses"] == [
        {"email": "admin@ghent.example.org", "verified": True, "primary": True}
    ]
    assert [o["organisation"] for o in data["organisations"]] == ["Ghent Digital Academy"]
    assert [r["message"] for r in data["join_requests"]] == ["Let me in"]
    assert data["charter_endorsements"][0]["charter_version"] == charter.version
    assert "someone else's" not in response.content.decode()


def test_the_data_page_summarises_and_links_the_download(client, admin_user):
    client.force_login(admin_user)

    html = client.get(DATA).content.decode()

    assert DOWNLOAD in html
    assert "Ghent Digital Academy" in html


def test_deleting_the_account_removes_the_personal_data(
    client, organisation, admin_user, editor_user, charter
):
    application = MembershipApplicationFactory(
        organisation=organisation, charter=charter, endorsed_by=editor_user
    )
    client.force_login(editor_user)

    response = client.post(DELETE, {"password": PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(email="editor@ghent.example.org").exists()
    assert not EmailAddress.objects.filter(email="editor@ghent.example.org").exists()
    assert "_auth_user_id" not in client.session
    # The organisation's record stays, without a link to the person.
    application.refresh_from_db()
    assert application.endorsed_by is None
    assert list(organisation.team.values_list("user__email", flat=True)) == [
        "admin@ghent.example.org"
    ]


def test_deleting_needs_the_password(client, editor_user):
    client.force_login(editor_user)

    response = client.post(DELETE, {"password": "not my password"})

    assert response.status_code == 200
    assert 'id="id_password_error"' in response.content.decode()
    assert User.objects.filter(pk=editor_user.pk).exists()


def test_the_only_admin_cannot_delete_their_account(client, organisation, admin_user, editor_user):
    client.force_login(admin_user)

    page = client.get(DELETE)
    response = client.post(DELETE, {"password": PASSWORD})

    assert 'data-deletion="refused"' in page.content.decode()
    assert reverse("members:hand_over", kwargs={"slug": organisation.slug}) in page.content.decode()
    assert response.status_code == 200
    assert User.objects.filter(pk=admin_user.pk).exists()


def test_the_only_admin_and_only_member_cannot_orphan_the_organisation_either(
    client, organisation, admin_user
):
    client.force_login(admin_user)

    client.post(DELETE, {"password": PASSWORD})

    assert User.objects.filter(pk=admin_user.pk).exists()


def test_an_admin_with_a_fellow_admin_may_delete_their_account(client, organisation, admin_user):
    TeamMembershipFactory(organisation=organisation, role=TeamMembership.Role.ADMIN)
    client.force_login(admin_user)

    client.post(DELETE, {"password": PASSWORD})

    assert not User.objects.filter(pk=admin_user.pk).exists()
    assert organisation.team.filter(role="admin").count() == 1


def test_after_handing_over_the_admin_may_delete_their_account(
    client, organisation, admin_user, editor_user
):
    client.force_login(admin_user)
    client.post(
        reverse("members:hand_over", kwargs={"slug": organisation.slug}),
        {"to_member": TeamMembership.objects.get(user=editor_user).pk, "leave": "on"},
    )

    client.post(DELETE, {"password": PASSWORD})

    assert not User.objects.filter(pk=admin_user.pk).exists()
    assert list(organisation.team.values_list("user__email", "role")) == [
        ("editor@ghent.example.org", "admin")
    ]


def test_deleting_refuses_a_post_without_csrf_token(editor_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor_user)

    assert client.post(DELETE, {"password": PASSWORD}).status_code == 403
    assert User.objects.filter(pk=editor_user.pk).exists()


def test_deleting_answers_a_wrong_method_with_405(client, editor_user):
    client.force_login(editor_user)

    assert client.put(DELETE).status_code == 405


def test_decisions_stay_when_the_moderator_leaves(organisation, charter):
    moderator = VerifiedUserFactory(is_staff=True)
    application = MembershipApplicationFactory(
        organisation=organisation,
        charter=charter,
        status="declined",
        reason="r",
        decided_by=moderator,
    )

    moderator.delete()

    application.refresh_from_db()
    assert (application.status, application.decided_by) == (
        MembershipApplication.Status.DECLINED,
        None,
    )
