"""Moderation in the Django admin, by a staff member of the Moderators group who
is not a superuser."""

import io
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db.models.fields.files import FieldFile
from django.test import Client
from django.urls import reverse
from PIL import Image, PngImagePlugin

from members.models import MembershipApplication, Organisation
from members.moderation import MODERATORS_GROUP, ensure_moderators_group
from tests.members.factories import (
    PASSWORD,
    MembershipApplicationFactory,
    OrganisationFactory,
    TeamMembershipFactory,
    VerifiedUserFactory,
)
from tests.members.images import image_bytes, upload

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


def test_a_moderator_accepts_applications_in_bulk(
    client, moderator, applications, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(client, "accept_applications", applications)

    assert response.status_code == 302
    assert set(MembershipApplication.objects.values_list("status", flat=True)) == {"accepted"}
    assert set(MembershipApplication.objects.values_list("decided_by", flat=True)) == {moderator.pk}
    assert Organisation.objects.members().count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == [
        "admin@alpha-academy.org",
        "admin@beta-bootcamp.org",
    ]


def test_declining_asks_for_a_reason_on_an_intermediate_page(
    client, moderator, applications, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = run_action(client, "decline_applications", applications)

    assert page.status_code == 200
    assert "Reason for declining" in page.content.decode()
    assert set(MembershipApplication.objects.values_list("status", flat=True)) == {"pending"}

    with django_capture_on_commit_callbacks(execute=True):
        empty = run_action(
            client, "decline_applications", applications, confirm_decline="yes", reason="  "
        )
    assert empty.status_code == 200
    assert "This field is required." in empty.content.decode()
    assert set(MembershipApplication.objects.values_list("status", flat=True)) == {"pending"}
    assert mail.outbox == []

    with django_capture_on_commit_callbacks(execute=True):
        done = run_action(
            client,
            "decline_applications",
            applications,
            confirm_decline="yes",
            reason="Not in scope.",
        )
    assert done.status_code == 302
    assert set(MembershipApplication.objects.values_list("status", "reason")) == {
        ("declined", "Not in scope.")
    }
    assert len(mail.outbox) == 2
    assert Organisation.objects.members().count() == 0


def test_decided_applications_are_left_alone_with_a_warning(
    client, moderator, applications, django_capture_on_commit_callbacks
):
    run_action(client, "accept_applications", applications[:1])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
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


def test_an_application_page_offers_no_save_and_refuses_a_post(client, moderator, applications):
    url = change_url(applications[0])

    page = client.get(url)
    post = client.post(url, {"_save": "Save"})

    html = page.content.decode()
    assert page.status_code == 200
    assert 'name="_save"' not in html
    assert 'name="_continue"' not in html
    assert f'href="{decide_url(applications[0])}"' in html
    assert post.status_code == 403
    assert list(client.get(url).context["messages"]) == []


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
        {
            "version": charter.version + 1,
            "title": "Charter",
            "text": "New text.",
            # the translations inline (members/admin.py): none
            "translations-TOTAL_FORMS": 0,
            "translations-INITIAL_FORMS": 0,
        },
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


# --- Logos uploaded by staff ---------------------------------------------------------


def comment(text):
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", text)
    return info


def change_form_data(response) -> dict:
    """The POST data of an admin change page as the browser would send it back
    unchanged: the main form's values and every inline's management form and rows."""
    data = {}
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms.append(inline.formset.management_form)
        forms.extend(inline.formset.forms)
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None or isinstance(value, FieldFile):
                continue
            data[form.add_prefix(name)] = value
    return data


@pytest.fixture
def organisation_change(client, moderator, applications):
    organisation = applications[0].organisation
    url = reverse("admin:members_organisation_change", args=[organisation.pk])
    return organisation, url, change_form_data(client.get(url))


@pytest.mark.parametrize(
    ("logo", "message"),
    [
        (upload("logo.gif", "GIF"), "The logo must be a PNG, JPEG or WebP image."),
        (
            upload("logo.svg", content=b'<svg xmlns="http://www.w3.org/2000/svg"/>'),
            "This file is not an image we can read: upload a PNG, JPEG or WebP image.",
        ),
        (upload("huge.png", size=(4001, 40)), "The logo is too big: at most 4000 × 4000 pixels."),
        (
            upload("heavy.png", content=b"\x89PNG" + b"0" * (2 * 1024 * 1024)),
            "The logo file is too large: the limit is 2.0\xa0MB.",
        ),
    ],
)
def test_a_staff_logo_upload_passes_the_same_checks(client, organisation_change, logo, message):
    organisation, url, data = organisation_change

    response = client.post(url, {**data, "name": "Renamed", "logo": logo})

    assert response.status_code == 200
    assert response.context["adminform"].form.errors == {"logo": [message]}
    organisation.refresh_from_db()
    assert (organisation.name, organisation.logo.name) == ("Alpha Academy", "")


def test_a_staff_png_upload_is_stored_re_encoded(client, organisation_change):
    organisation, url, data = organisation_change
    original = image_bytes("PNG", (1600, 1200), pnginfo=comment("secret"))

    response = client.post(url, {**data, "logo": upload("logo.png", content=original)})

    assert response.status_code == 302
    organisation.refresh_from_db()
    assert re.fullmatch(r"logos/alpha-academy-[0-9a-f]{8}\.png", organisation.logo.name)
    with organisation.logo.open("rb") as stored:
        content = stored.read()
    with Image.open(io.BytesIO(content)) as image:
        assert (image.format, image.size) == ("PNG", (800, 600))
        assert "Comment" not in image.info
    assert content != original


def test_a_staff_member_removes_the_logo(client, organisation_change):
    organisation, url, data = organisation_change
    client.post(url, {**data, "logo": upload("logo.png")})
    organisation.refresh_from_db()
    assert organisation.logo

    client.post(url, {**data, "logo-clear": "on"})

    organisation.refresh_from_db()
    assert organisation.logo.name == ""


# --- One application, decided on its own page ------------------------------------------


def decide_url(application):
    return reverse("admin:members_membershipapplication_decide", args=[application.pk])


def change_url(application):
    return reverse("admin:members_membershipapplication_change", args=[application.pk])


def test_the_change_page_of_a_pending_application_links_to_decide(client, moderator, applications):
    html = client.get(change_url(applications[0])).content.decode()

    assert f'href="{decide_url(applications[0])}"' in html


def test_the_change_page_of_a_decided_application_does_not(client, moderator, applications):
    MembershipApplication.objects.filter(pk=applications[0].pk).update(status="accepted")

    html = client.get(change_url(applications[0])).content.decode()

    assert decide_url(applications[0]) not in html


def test_a_moderator_accepts_one_application_on_its_page(
    client, moderator, applications, django_capture_on_commit_callbacks
):
    page = client.get(decide_url(applications[0]))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(decide_url(applications[0]), {"decision": "accept", "reason": ""})

    assert page.status_code == 200
    assert "Alpha Academy endorsed the Members Charter version" in page.content.decode()
    assert response.status_code == 302
    assert response["Location"] == change_url(applications[0])
    first, second = (MembershipApplication.objects.get(pk=a.pk) for a in applications)
    assert (first.status, first.decided_by, first.reason) == ("accepted", moderator, "")
    assert second.status == "pending"
    assert Organisation.objects.get(name="Alpha Academy").is_member
    assert [m.to for m in mail.outbox] == [["admin@alpha-academy.org"]]
    messages = [str(m) for m in list(client.get(change_url(applications[0])).context["messages"])]
    assert messages == ["Alpha Academy is now a member; its administrators are told by email."]


def test_a_moderator_declines_one_application_with_a_reason(
    client, moderator, applications, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            decide_url(applications[0]),
            {"decision": "decline", "reason": "  Not an organisation in the EU.  "},
        )

    application = MembershipApplication.objects.get(pk=applications[0].pk)
    assert response.status_code == 302
    assert (application.status, application.decided_by, application.reason) == (
        "declined",
        moderator,
        "Not an organisation in the EU.",
    )
    assert not application.organisation.is_member
    assert "Not an organisation in the EU." in mail.outbox[0].body


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"decision": "decline", "reason": "   "}, "reason", "Give a reason for declining."),
        (
            {"decision": "maybe"},
            "decision",
            "Select a valid choice. maybe is not one of the available choices.",
        ),
        ({"reason": "x"}, "decision", "This field is required."),
        (
            {"decision": "decline", "reason": "r" * 2001},
            "reason",
            "Ensure this value has at most 2000 characters (it has 2001).",
        ),
    ],
)
def test_the_decide_page_answers_bad_input_and_decides_nothing(
    client, moderator, applications, data, field, message, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(decide_url(applications[0]), data)

    assert response.status_code == 400
    assert response.context["form"].errors[field] == [message]
    assert f'id="id_{field}_error"' in response.content.decode()
    assert MembershipApplication.objects.get(pk=applications[0].pk).status == "pending"
    assert mail.outbox == []


def test_a_decided_application_is_not_decided_again(
    client, moderator, applications, django_capture_on_commit_callbacks
):
    MembershipApplication.objects.filter(pk=applications[0].pk).update(
        status="declined", reason="No."
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(decide_url(applications[0]), {"decision": "accept"})

    assert response.status_code == 302
    assert response["Location"] == change_url(applications[0])
    assert MembershipApplication.objects.get(pk=applications[0].pk).status == "declined"
    assert mail.outbox == []


def test_the_decide_page_is_for_moderators_only(client, applications):
    staff = VerifiedUserFactory(email="staff@example.eu", is_staff=True)  # no Moderators group
    client.force_login(staff)

    response = client.post(decide_url(applications[0]), {"decision": "accept"})

    assert response.status_code == 403
    assert MembershipApplication.objects.get(pk=applications[0].pk).status == "pending"


def test_the_decide_page_sends_non_staff_to_the_admin_login(client, applications):
    client.force_login(VerifiedUserFactory())

    response = client.post(decide_url(applications[0]), {"decision": "accept"})

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert MembershipApplication.objects.get(pk=applications[0].pk).status == "pending"


def test_the_decide_page_answers_an_unknown_application_with_404(client, moderator):
    response = client.get(reverse("admin:members_membershipapplication_decide", args=[999999]))

    assert response.status_code == 404


def test_the_decide_page_answers_a_wrong_method_with_405(client, moderator, applications):
    assert client.put(decide_url(applications[0])).status_code == 405


def test_the_decide_page_refuses_a_post_without_csrf_token(moderator, applications):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)

    response = client.post(decide_url(applications[0]), {"decision": "accept"})

    assert response.status_code == 403
    assert MembershipApplication.objects.get(pk=applications[0].pk).status == "pending"


def test_the_admin_login_sends_visitors_to_the_portals_login_page(client):
    # allauth's rate limits and lockout only guard its own login view.
    response = client.get("/en/admin/login/?next=/en/admin/")

    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/login/?next=%2Fen%2Fadmin%2F"


def test_the_admin_login_refuses_a_password_post(client):
    staff = VerifiedUserFactory(is_staff=True)

    response = client.post("/en/admin/login/", {"username": staff.email, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/")
    assert "_auth_user_id" not in client.session


def test_creating_permissions_for_a_migration_leaves_the_real_apps_as_they_were():
    from django.apps import apps

    from members.moderation import create_permissions_now

    before = {config.label: config.models_module for config in apps.get_app_configs()}

    create_permissions_now(apps)

    assert {config.label: config.models_module for config in apps.get_app_configs()} == before
