import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from members import services
from members.models import Invitation, JoinRequest, TeamMembership
from tests.members.factories import (
    InvitationFactory,
    JoinRequestFactory,
    TeamMembershipFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db


def team_url(organisation, name="members:team", **kwargs):
    return reverse(name, kwargs={"slug": organisation.slug, **kwargs})


def membership_of(user, organisation):
    return TeamMembership.objects.filter(user=user, organisation=organisation).first()


# --- The team page -------------------------------------------------------------------


def test_the_team_page_sends_anonymous_visitors_to_log_in(client, organisation):
    assert client.get(team_url(organisation)).status_code == 302


def test_the_team_page_is_a_404_for_outsiders(client, organisation, outsider):
    client.force_login(outsider)

    assert client.get(team_url(organisation)).status_code == 404


def test_admins_see_the_management_forms_and_editors_only_the_list(
    client, organisation, admin_user, editor_user
):
    client.force_login(admin_user)
    as_admin = client.get(team_url(organisation)).content.decode()
    client.force_login(editor_user)
    as_editor = client.get(team_url(organisation)).content.decode()

    assert "Invite a colleague" in as_admin
    assert "Invite a colleague" not in as_editor
    assert "editor@ghent.example.org" in as_editor


def test_the_team_page_answers_a_wrong_method_with_405(client, organisation, admin_user):
    client.force_login(admin_user)

    assert client.post(team_url(organisation)).status_code == 405


@pytest.mark.parametrize("members", [1, 12])
def test_the_team_page_makes_a_constant_number_of_queries(
    client, organisation, admin_user, members, django_assert_max_num_queries
):
    for _ in range(members):
        TeamMembershipFactory(organisation=organisation, role=TeamMembership.Role.EDITOR)
        JoinRequestFactory(organisation=organisation)
        InvitationFactory(organisation=organisation)
    client.force_login(admin_user)

    with django_assert_max_num_queries(10):
        response = client.get(team_url(organisation))

    assert response.status_code == 200


# --- Invitations ---------------------------------------------------------------------


def test_admins_invite_by_email_with_a_single_use_link(
    client, organisation, admin_user, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            team_url(organisation, "members:team_invite"),
            {"email": "colleague@example.org", "role": "editor"},
        )

    invitation = Invitation.objects.get()
    assert response.status_code == 302
    assert (invitation.email, invitation.role, invitation.invited_by) == (
        "colleague@example.org",
        "editor",
        admin_user,
    )
    assert invitation.expires_at - invitation.created_at == timedelta(days=7)
    (email,) = mail.outbox
    assert email.to == ["colleague@example.org"]
    assert "/en/invitations/" in email.body
    assert "Ghent Digital Academy" in email.subject


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "", "role": "editor"}, "This field is required."),
        ({"email": "not-an-email", "role": "editor"}, "Enter a valid email address."),
        ({"email": "a@example.org", "role": "owner"}, "Select a valid choice."),
        ({"email": "editor@ghent.example.org", "role": "editor"}, "already in the team"),
        ({"email": "<script>@x.org", "role": "editor"}, "Enter a valid email address."),
    ],
)
def test_the_invitation_form_answers_bad_input(
    client, organisation, admin_user, editor_user, data, message, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(team_url(organisation, "members:team_invite"), data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'id="id_email_error"' in response.content.decode() or data["role"] == "owner"
    assert Invitation.objects.count() == 0
    assert mail.outbox == []


def test_the_invitation_form_keeps_what_was_typed(client, organisation, admin_user, editor_user):
    client.force_login(admin_user)
    before = list(TeamMembership.objects.order_by("pk").values_list("user__email", "role"))

    response = client.post(
        team_url(organisation, "members:team_invite"),
        {"email": "Editor@Ghent.example.org", "role": "admin"},
    )

    form = response.context["invite_form"]
    html = response.content.decode()
    assert response.status_code == 400
    assert form.errors == {"email": ["This person is already in the team."]}
    assert 'value="Editor@Ghent.example.org"' in html
    assert '<option value="admin" selected>' in html
    assert list(TeamMembership.objects.order_by("pk").values_list("user__email", "role")) == before
    assert Invitation.objects.count() == 0


def test_editors_and_outsiders_cannot_invite(client, organisation, editor_user, outsider):
    for user in (editor_user, outsider):
        client.force_login(user)
        response = client.post(
            team_url(organisation, "members:team_invite"),
            {"email": "x@example.org", "role": "admin"},
        )
        assert response.status_code == 404
    assert Invitation.objects.count() == 0


def test_invite_answers_get_with_405(client, organisation, admin_user):
    client.force_login(admin_user)

    assert client.get(team_url(organisation, "members:team_invite")).status_code == 405


def test_the_invited_person_accepts_once(client, organisation, admin_user):
    invitation, token = services.invitation_create(
        organisation=organisation,
        invited_by=admin_user,
        email="Colleague@Example.org",
        role="admin",
    )
    invitee = VerifiedUserFactory(email="colleague@example.org")
    client.force_login(invitee)
    url = reverse("members:invitation_accept", kwargs={"token": token})

    page = client.get(url)
    response = client.post(url)
    again = client.get(url)

    assert page.status_code == 200
    assert response.status_code == 302
    assert membership_of(invitee, organisation).role == "admin"
    invitation.refresh_from_db()
    assert invitation.accepted_by == invitee
    assert again.status_code == 404


def test_an_invitation_cannot_be_accepted_by_another_address(client, organisation, admin_user):
    _, token = services.invitation_create(
        organisation=organisation,
        invited_by=admin_user,
        email="colleague@example.org",
        role="admin",
    )
    client.force_login(VerifiedUserFactory(email="intruder@example.org"))

    response = client.post(reverse("members:invitation_accept", kwargs={"token": token}))

    assert response.status_code == 200
    assert "another email address" in response.content.decode()
    assert organisation.team.count() == 1


def test_an_expired_invitation_is_refused(client, organisation, admin_user):
    _, token = services.invitation_create(
        organisation=organisation,
        invited_by=admin_user,
        email="late@example.org",
        role="editor",
        now=timezone.now() - timedelta(days=8),
    )
    client.force_login(VerifiedUserFactory(email="late@example.org"))

    response = client.post(reverse("members:invitation_accept", kwargs={"token": token}))

    assert response.status_code == 404
    assert organisation.team.count() == 1


def test_an_unknown_token_is_a_404(client):
    assert (
        client.get(reverse("members:invitation_accept", kwargs={"token": "nope"})).status_code
        == 404
    )


def test_anonymous_visitors_are_asked_to_log_in_with_the_invited_address(
    client, organisation, admin_user
):
    _, token = services.invitation_create(
        organisation=organisation, invited_by=admin_user, email="new@example.org", role="editor"
    )

    response = client.get(reverse("members:invitation_accept", kwargs={"token": token}))

    assert response.status_code == 200
    assert "/en/accounts/signup/?next=/en/invitations/" in response.content.decode()


def test_admins_withdraw_an_invitation(client, organisation, admin_user):
    invitation = InvitationFactory(organisation=organisation)
    client.force_login(admin_user)

    response = client.post(team_url(organisation, "members:invitation_revoke", pk=invitation.pk))

    assert response.status_code == 302
    assert Invitation.objects.count() == 0


def test_outsiders_cannot_withdraw_an_invitation(client, organisation, outsider):
    invitation = InvitationFactory(organisation=organisation)
    client.force_login(outsider)

    response = client.post(team_url(organisation, "members:invitation_revoke", pk=invitation.pk))

    assert response.status_code == 404
    assert Invitation.objects.count() == 1


# --- Join requests -------------------------------------------------------------------


def test_a_join_request_tells_the_admins(
    client, organisation, admin_user, django_capture_on_commit_callbacks
):
    requester = VerifiedUserFactory(email="hopeful@example.org")
    client.force_login(requester)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("members:join_request", kwargs={"slug": organisation.slug}), {"message": "Hi"}
        )

    assert JoinRequest.objects.get().user == requester
    assert [m.to for m in mail.outbox] == [["admin@ghent.example.org"]]
    assert "hopeful@example.org" in mail.outbox[0].body


def test_a_second_join_request_is_refused_next_to_the_form_and_keeps_the_message(
    client, organisation, admin_user, django_capture_on_commit_callbacks
):
    requester = VerifiedUserFactory()
    JoinRequestFactory(organisation=organisation, user=requester, message="First try")
    client.force_login(requester)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("members:join_request", kwargs={"slug": organisation.slug}),
            {"message": "I run the Ghent coding club."},
        )

    html = response.content.decode()
    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "You have already asked to join this organisation."
    ]
    assert "portal-form__summary" in html
    assert response.context["form"]["message"].value() == "I run the Ghent coding club."
    assert "I run the Ghent coding club." in html
    assert list(JoinRequest.objects.values_list("message", flat=True)) == ["First try"]
    assert mail.outbox == []


def test_a_team_member_asking_to_join_is_told_in_the_form(client, organisation, editor_user):
    client.force_login(editor_user)

    response = client.post(
        reverse("members:join_request", kwargs={"slug": organisation.slug}), {"message": "Hi"}
    )

    assert response.status_code == 400
    assert response.context["form"].non_field_errors() == [
        "You are already in this organisation’s team."
    ]
    assert JoinRequest.objects.count() == 0


def test_a_join_request_message_refuses_markup_and_excess(client, organisation):
    client.force_login(VerifiedUserFactory())
    url = reverse("members:join_request", kwargs={"slug": organisation.slug})

    tags = client.post(url, {"message": "<img src=x onerror=alert(1)>"})
    long = client.post(url, {"message": "m" * 1001})

    assert (tags.status_code, long.status_code) == (400, 400)
    assert tags.context["form"].errors == {
        "message": ["Use plain text: HTML tags are not allowed."]
    }
    assert "at most 1000 characters" in long.content.decode()
    assert 'id="id_message_error"' in tags.content.decode()
    assert "&lt;img src=x onerror=alert(1)&gt;" in tags.content.decode()
    assert JoinRequest.objects.count() == 0


def test_joining_an_unknown_organisation_is_a_404(client):
    client.force_login(VerifiedUserFactory())

    assert client.get(reverse("members:join_request", kwargs={"slug": "nope"})).status_code == 404


@pytest.mark.parametrize(
    ("decision", "status", "joins"), [("accept", "accepted", True), ("refuse", "refused", False)]
)
def test_admins_accept_or_refuse_join_requests(
    client, organisation, admin_user, decision, status, joins, django_capture_on_commit_callbacks
):
    join_request = JoinRequestFactory(organisation=organisation)
    client.force_login(admin_user)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            team_url(organisation, "members:join_request_decide", pk=join_request.pk),
            {"decision": decision},
        )

    join_request.refresh_from_db()
    assert response.status_code == 302
    assert (join_request.status, join_request.decided_by) == (status, admin_user)
    assert (membership_of(join_request.user, organisation) is not None) is joins
    assert [m.to for m in mail.outbox] == [[join_request.user.email]]


def test_a_join_request_decision_needs_a_valid_choice(
    client, organisation, admin_user, django_capture_on_commit_callbacks
):
    join_request = JoinRequestFactory(organisation=organisation)
    client.force_login(admin_user)

    # The page offers two buttons; anything else is a forged request: refused, and
    # back to the team page with a message (there is no typed input to keep).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            team_url(organisation, "members:join_request_decide", pk=join_request.pk),
            {"decision": "maybe"},
            follow=True,
        )

    join_request.refresh_from_db()
    assert response.redirect_chain == [(team_url(organisation), 302)]
    assert [str(m) for m in response.context["messages"]] == [
        "Choose to accept or refuse the request."
    ]
    assert (join_request.status, join_request.decided_by) == ("pending", None)
    assert TeamMembership.objects.filter(user=join_request.user).count() == 0
    assert mail.outbox == []


def test_editors_cannot_decide_join_requests(client, organisation, editor_user):
    join_request = JoinRequestFactory(organisation=organisation)
    client.force_login(editor_user)

    response = client.post(
        team_url(organisation, "members:join_request_decide", pk=join_request.pk),
        {"decision": "accept"},
    )

    assert response.status_code == 404
    assert JoinRequest.objects.get().status == "pending"


# --- Roles, removal, leaving, hand-over ------------------------------------------------


def test_admins_change_roles(client, organisation, admin_user, editor_user):
    client.force_login(admin_user)
    member = membership_of(editor_user, organisation)

    client.post(
        team_url(organisation, "members:team_change_role", member_id=member.pk), {"role": "admin"}
    )

    assert membership_of(editor_user, organisation).role == "admin"


def test_an_invalid_role_changes_nothing(client, organisation, admin_user, editor_user):
    client.force_login(admin_user)
    member = membership_of(editor_user, organisation)

    # The role is a select of two options: a forged value is refused with a message.
    response = client.post(
        team_url(organisation, "members:team_change_role", member_id=member.pk),
        {"role": "king"},
        follow=True,
    )

    assert response.redirect_chain == [(team_url(organisation), 302)]
    assert [str(m) for m in response.context["messages"]] == ["Choose a valid role."]
    assert list(TeamMembership.objects.order_by("pk").values_list("user", "role")) == [
        (admin_user.pk, "admin"),
        (editor_user.pk, "editor"),
    ]


def test_the_last_admin_cannot_step_down(client, organisation, admin_user):
    client.force_login(admin_user)
    member = membership_of(admin_user, organisation)

    response = client.post(
        team_url(organisation, "members:team_change_role", member_id=member.pk),
        {"role": "editor"},
        follow=True,
    )

    assert "at least one administrator" in response.content.decode()
    assert membership_of(admin_user, organisation).role == "admin"


def test_admins_remove_members(client, organisation, admin_user, editor_user):
    client.force_login(admin_user)
    member = membership_of(editor_user, organisation)

    response = client.post(team_url(organisation, "members:team_remove", member_id=member.pk))

    assert response.status_code == 302
    assert membership_of(editor_user, organisation) is None


def test_a_member_of_another_team_cannot_be_targeted(client, organisation, admin_user, outsider):
    client.force_login(admin_user)
    foreign = TeamMembership.objects.get(user=outsider)

    response = client.post(team_url(organisation, "members:team_remove", member_id=foreign.pk))

    assert response.status_code == 404
    assert TeamMembership.objects.filter(pk=foreign.pk).exists()


def test_outsiders_cannot_remove_members(client, organisation, editor_user, outsider):
    client.force_login(outsider)
    member = membership_of(editor_user, organisation)

    assert (
        client.post(team_url(organisation, "members:team_remove", member_id=member.pk)).status_code
        == 404
    )
    assert membership_of(editor_user, organisation) is not None


def test_the_last_admin_cannot_leave_or_be_removed(client, organisation, admin_user, editor_user):
    client.force_login(admin_user)
    own = membership_of(admin_user, organisation)

    left = client.post(team_url(organisation, "members:team_leave"), follow=True)
    removed = client.post(
        team_url(organisation, "members:team_remove", member_id=own.pk), follow=True
    )

    assert "The last administrator cannot leave" in left.content.decode()
    assert "The last administrator cannot leave" in removed.content.decode()
    assert membership_of(admin_user, organisation).role == "admin"


def test_editors_leave(client, organisation, admin_user, editor_user):
    client.force_login(editor_user)

    response = client.post(team_url(organisation, "members:team_leave"))

    assert response["Location"] == reverse("members:dashboard")
    assert membership_of(editor_user, organisation) is None


def test_leave_answers_get_with_405(client, organisation, editor_user):
    client.force_login(editor_user)

    assert client.get(team_url(organisation, "members:team_leave")).status_code == 405


@pytest.mark.parametrize(("leave", "own_role"), [(False, "editor"), (True, None)])
def test_admins_hand_the_organisation_over(
    client,
    organisation,
    admin_user,
    editor_user,
    leave,
    own_role,
    django_capture_on_commit_callbacks,
):
    client.force_login(admin_user)
    data = {"to_member": membership_of(editor_user, organisation).pk}
    if leave:
        data["leave"] = "on"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(team_url(organisation, "members:hand_over"), data)

    assert response.status_code == 302
    assert membership_of(editor_user, organisation).role == "admin"
    own = membership_of(admin_user, organisation)
    assert (own.role if own else None) == own_role
    assert [m.to for m in mail.outbox] == [["editor@ghent.example.org"]]


def test_hand_over_refuses_someone_outside_the_team(
    client, organisation, admin_user, editor_user, outsider
):
    client.force_login(admin_user)

    response = client.post(
        team_url(organisation, "members:hand_over"),
        {"to_member": TeamMembership.objects.get(user=outsider).pk},
    )

    assert response.status_code == 200
    assert 'id="id_to_member_error"' in response.content.decode()
    assert membership_of(admin_user, organisation).role == "admin"


def test_hand_over_is_for_admins_only(client, organisation, editor_user):
    client.force_login(editor_user)

    assert client.get(team_url(organisation, "members:hand_over")).status_code == 404


def test_hand_over_explains_when_there_is_no_one_to_hand_over_to(client, organisation, admin_user):
    client.force_login(admin_user)

    response = client.get(team_url(organisation, "members:hand_over"))

    assert "Invite a colleague first" in response.content.decode()


def test_team_actions_refuse_posts_without_csrf_token(organisation, admin_user, editor_user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    member = membership_of(editor_user, organisation)

    response = client.post(team_url(organisation, "members:team_remove", member_id=member.pk))

    assert response.status_code == 403
    assert membership_of(editor_user, organisation) is not None


def test_a_newcomer_signs_up_from_the_invitation_and_lands_back_on_it(
    client, organisation, admin_user
):
    import re

    _, token = services.invitation_create(
        organisation=organisation,
        invited_by=admin_user,
        email="newcomer@example.org",
        role="editor",
    )
    invitation_path = reverse("members:invitation_accept", kwargs={"token": token})
    password = "a long pass phrase for the coalition"

    client.post(
        f"/en/accounts/signup/?next={invitation_path}",
        {
            "email": "newcomer@example.org",
            "password1": password,
            "password2": password,
            "next": invitation_path,
        },
    )
    link = re.search(r"https?://testserver(\S+/confirm-email/\S+/)", mail.outbox[-1].body).group(1)
    confirmed = client.post(link)
    accepted = client.post(invitation_path)

    assert confirmed["Location"] == invitation_path
    assert accepted.status_code == 302
    assert organisation.team.get(user__email="newcomer@example.org").role == "editor"


def test_an_invited_newcomer_signs_up_with_the_address_filled_in_and_no_second_check(
    client, organisation, admin_user
):
    _, token = services.invitation_create(
        organisation=organisation,
        invited_by=admin_user,
        email="newcomer@example.org",
        role="editor",
    )
    invitation_path = reverse("members:invitation_accept", kwargs={"token": token})
    mail.outbox.clear()
    password = "a long pass phrase for the coalition"

    invitation_page = client.get(invitation_path)
    signup_url = (
        re.search(r'href="(/en/accounts/signup/[^"]+)"', invitation_page.content.decode())
        .group(1)
        .replace("&amp;", "&")
    )
    signup_form = client.get(signup_url)
    signed_up = client.post(
        signup_url,
        {
            "email": "newcomer@example.org",
            "password1": password,
            "password2": password,
            "next": invitation_path,
        },
    )
    accepted = client.post(invitation_path)

    assert signup_form.context["form"]["email"].value() == "newcomer@example.org"
    assert signed_up["Location"] == invitation_path
    assert mail.outbox == []  # no verification email: the invitation proved the address
    assert EmailAddress.objects.get(email="newcomer@example.org").verified
    assert accepted.status_code == 302
    assert organisation.team.get(user__email="newcomer@example.org").role == "editor"
