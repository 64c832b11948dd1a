"""Moderation in the Django admin, by a staff member of the Moderators group who
is not a superuser."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from members.models import MembershipApplication, Organisation
from members.moderation import MODERATORS_GROUP, ensure_moderators_group
from tests.members.factories import (
    MembershipApplicationFactory,
    OrganisationFactory,
    TeamMembershipFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:members_membershipapplication_changelist")


@pytest.fixture
def moderator(client):
    user = VerifiedUserFactory(email="moderator@example.eu", is_staff=True)
    user.groups.add(ensure_moderators_group())
    client.force_login(user)
    return user


@pytest.fixture
def applications(charter):
    apps = []
    for name in ("Alpha Academy", "Beta Bootcamp"):
        organisation = OrganisationFactory(name=name)
        TeamMembershipFactory(
            organisation=organisation,
            user=VerifiedUserFactory(email=f"admin@{organisation.slug}.org"),
        )
        apps.append(MembershipApplicationFactory(organisation=organisation, charter=charter))
    return apps


def run_action(client, action, applications, **extra):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [a.pk for a in applications], **extra},
    )


def test_the_moderators_group_holds_just_the_moderation_permissions():
    group = ensure_moderators_group()

    codenames = set(group.permissions.values_list("content_type__app_label", "codename"))
    assert ("members", "change_membershipapplication") in codenames
    assert ("members", "change_organisation") in codenames
    assert ("pledges", "change_pledge") in codenames
    assert ("pledges", "view_pledgetransition") in codenames
    assert ("national", "change_item") in codenames
    assert ("national", "add_feed") in codenames
    assert not any(codename.startswith("delete_") for _, codename in codenames)
    assert ("auth", "change_user") not in codenames
    assert ("members", "change_user") not in codenames
    assert Group.objects.filter(name=MODERATORS_GROUP).count() == 1


def test_a_moderator_accepts_applications_in_bulk(client, moderator, applications):
    response = run_action(client, "accept_applications", applications)

    assert response.status_code == 302
    assert set(MembershipApplication.objects.values_list("status", flat=True)) == {"accepted"}
    assert set(MembershipApplication.objects.values_list("decided_by", flat=True)) == {moderator.pk}
    assert Organisation.objects.members().count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == [
        "admin@alpha-academy.org",
        "admin@beta-bootcamp.org",
    ]


def test_declining_asks_for_a_reason_on_an_intermediate_page(client, moderator, applications):
    page = run_action(client, "decline_applications", applications)

    assert page.status_code == 200
    assert "Reason for declining" in page.content.decode()
    assert set(MembershipApplication.objects.values_list("status", flat=True)) == {"pending"}

    empty = run_action(
        client, "decline_applications", applications, confirm_decline="yes", reason="  "
    )
    assert empty.status_code == 200
    assert "This field is required." in empty.content.decode()
    assert set(MembershipApplication.objects.values_list("status", flat=True)) == {"pending"}

    done = run_action(
        client, "decline_applications", applications, confirm_decline="yes", reason="Not in scope."
    )
    assert done.status_code == 302
    assert set(MembershipApplication.objects.values_list("status", "reason")) == {
        ("declined", "Not in scope.")
    }
    assert len(mail.outbox) == 2
    assert Organisation.objects.members().count() == 0


def test_decided_applications_are_left_alone_with_a_warning(client, moderator, applications):
    run_action(client, "accept_applications", applications[:1])
    mail.outbox.clear()

    response = run_action(client, "accept_applications", applications)
    follow = client.get(response["Location"])

    assert "already decided" in follow.content.decode()
    assert len(mail.outbox) == 1


def test_decisions_are_shown_read_only(client, moderator, applications):
    run_action(client, "accept_applications", applications[:1])
    url = reverse("admin:members_membershipapplication_change", args=[applications[0].pk])

    page = client.get(url)
    html = page.content.decode()
    before = MembershipApplication.objects.get(pk=applications[0].pk)
    client.post(url, {"status": "declined", "reason": "tampered"})

    assert page.status_code == 200
    assert 'name="status"' not in html
    assert "moderator@example.eu" in html
    assert (
        MembershipApplication.objects.get(pk=applications[0].pk).status
        == before.status
        == "accepted"
    )


def test_applications_cannot_be_added_or_deleted_in_the_admin(client, moderator, applications):
    assert client.get(reverse("admin:members_membershipapplication_add")).status_code == 403
    delete = reverse("admin:members_membershipapplication_delete", args=[applications[0].pk])
    assert client.post(delete, {"post": "yes"}).status_code == 403
    assert MembershipApplication.objects.count() == 2


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?membership=member",
        "?membership=pending",
        "?membership=none",
        "?sector=private",
        "?type=ngo",
        "?country__exact=BE",
        "?q=Alpha",
    ],
)
def test_the_organisation_admin_filters_and_searches(client, moderator, applications, query):
    response = client.get(reverse("admin:members_organisation_changelist") + query)

    assert response.status_code == 200


def test_the_membership_status_filter_sorts_organisations(client, moderator, applications):
    run_action(client, "accept_applications", applications[:1])
    OrganisationFactory(name="Gamma Group")
    url = reverse("admin:members_organisation_changelist")

    member = client.get(url + "?membership=member").context["cl"].result_list
    pending = client.get(url + "?membership=pending").context["cl"].result_list
    none = client.get(url + "?membership=none").context["cl"].result_list

    assert [o.name for o in member] == ["Alpha Academy"]
    assert [o.name for o in pending] == ["Beta Bootcamp"]
    assert "Gamma Group" in [o.name for o in none]
    assert "Beta Bootcamp" not in [o.name for o in none]


def test_the_organisation_page_in_the_admin_shows_team_and_history(client, moderator, applications):
    organisation = applications[0].organisation

    html = client.get(
        reverse("admin:members_organisation_change", args=[organisation.pk])
    ).content.decode()

    assert "admin@alpha-academy.org" in html
    assert "Membership history" in html


def test_staff_publish_a_new_charter_version_and_keep_endorsed_ones(
    client, moderator, applications, charter
):
    add = client.get(reverse("admin:members_charter_add"))
    assert add.context["adminform"].form.initial["version"] == charter.version + 1

    client.post(
        reverse("admin:members_charter_add"),
        {"version": charter.version + 1, "title": "Charter", "text": "New text."},
    )
    endorsed = client.get(
        reverse("admin:members_charter_change", args=[charter.pk])
    ).content.decode()

    from members.models import Charter

    assert Charter.objects.current().text == "New text."
    assert Charter.objects.current().created_by == moderator
    assert 'name="text"' not in endorsed


def test_people_without_staff_status_cannot_reach_the_admin(client, applications):
    client.force_login(VerifiedUserFactory())

    response = run_action(client, "accept_applications", applications)

    assert response.status_code == 302
    assert response["Location"].startswith("/en/admin/login/")
    assert set(MembershipApplication.objects.values_list("status", flat=True)) == {"pending"}


def test_the_organisation_list_shows_each_membership_status(
    client, moderator, applications, django_assert_max_num_queries
):
    run_action(client, "accept_applications", applications[:1])

    with django_assert_max_num_queries(12):
        html = client.get(reverse("admin:members_organisation_changelist")).content.decode()

    assert "Member since" in html
    assert "Application awaiting decision" in html


def test_superusers_add_and_change_users_by_email(client):
    from members.models import User

    root = User.objects.create_superuser(email="root@example.eu", password="a root pass phrase")
    client.force_login(root)

    add = client.get(reverse("admin:members_user_add"))
    created = client.post(
        reverse("admin:members_user_add"),
        {
            "email": "staff@example.eu",
            "password1": "a long pass phrase for staff",
            "password2": "a long pass phrase for staff",
            "usable_password": "true",
        },
    )
    change = client.get(reverse("admin:members_user_change", args=[root.pk]))
    search = client.get(reverse("admin:members_user_changelist") + "?q=staff")

    assert add.status_code == 200
    assert created.status_code == 302
    assert User.objects.get(email="staff@example.eu").check_password("a long pass phrase for staff")
    assert change.status_code == 200
    assert search.status_code == 200
