"""Personal data: the JSON download and account deletion."""

import json

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse

from coalition import emails
from members import services
from members.models import MembershipApplication, Organisation, TeamMembership, User
from national.models import Item, NationalCoalition
from pledges.models import Pledge, PledgeTransition, ProgressReport
from pledges.scoreboards.models import Scoreboard
from tests.members.factories import (
    NOW,
    PASSWORD,
    JoinRequestFactory,
    MembershipApplicationFactory,
    OrganisationFactory,
    TeamMembershipFactory,
    VerifiedUserFactory,
)
from tests.national.factories import ItemFactory, NationalCoalitionFactory
from tests.pledges.factories import PledgeFactory, PledgeTransitionFactory, ProgressReportFactory

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


def test_a_sole_member_deletes_their_account_with_an_organisation_nobody_can_see(
    client, organisation, admin_user, charter
):
    draft = PledgeFactory(organisation=organisation, created_by=admin_user)
    MembershipApplicationFactory(organisation=organisation, charter=charter, endorsed_by=admin_user)
    other = OrganisationFactory(name="Other Org")
    client.force_login(admin_user)

    page = client.get(DELETE).content.decode()
    response = client.post(DELETE, {"password": PASSWORD})

    assert 'data-deletion="with-organisations"' in page
    assert "<li>Ghent Digital Academy</li>" in page
    assert response.status_code == 302
    assert not User.objects.filter(pk=admin_user.pk).exists()
    assert list(Organisation.objects.values_list("name", flat=True)) == ["Other Org"]
    assert not Pledge.objects.filter(pk=draft.pk).exists()
    assert other.pk == Organisation.objects.get().pk


@pytest.mark.parametrize("public", ["member", "public pledge", "partner of a public pledge"])
def test_a_sole_member_of_a_public_organisation_is_told_to_ask_staff(
    client, organisation, admin_user, public, settings
):
    settings.CONTACT_EMAIL = "help@coalition.example.eu"
    if public == "member":
        Organisation.objects.filter(pk=organisation.pk).update(member_since=NOW)
    elif public == "public pledge":
        PledgeFactory(organisation=organisation, approved=True)
    else:
        PledgeFactory(approved=True).partners.add(organisation)
    client.force_login(admin_user)

    page = client.get(DELETE).content.decode()
    response = client.post(DELETE, {"password": PASSWORD})

    assert 'data-deletion="ask-staff"' in page
    assert 'href="mailto:help@coalition.example.eu"' in page
    assert reverse("members:team", kwargs={"slug": organisation.slug}) in page
    assert 'data-deletion="hand-over"' not in page
    assert response.status_code == 200
    assert User.objects.filter(pk=admin_user.pk).exists()
    assert Organisation.objects.filter(pk=organisation.pk).exists()


def test_the_service_refuses_to_orphan_a_public_organisation(organisation, admin_user):
    Organisation.objects.filter(pk=organisation.pk).update(member_since=NOW)

    with pytest.raises(services.ActionRefusedError, match="Ask us to close it"):
        services.account_delete(user=admin_user)

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


# --- Records in the other apps ------------------------------------------------------


@pytest.fixture
def records(organisation, admin_user, editor_user):
    """What the editor did across the portal, next to what the admin did."""
    pledge = PledgeFactory(organisation=organisation, title="Coding clubs", created_by=editor_user)
    PledgeFactory(organisation=organisation, title="Admin's pledge", created_by=admin_user)
    PledgeTransitionFactory(
        pledge=pledge, to_status="submitted", actor=editor_user, message="Ready for review"
    )
    PledgeTransitionFactory(pledge=pledge, to_status="draft", actor=admin_user, message="theirs")
    report = ProgressReportFactory(pledge=pledge, submitted_by=editor_user)
    PledgeTransitionFactory(pledge=pledge, report=report, to_status="submitted", actor=editor_user)
    Scoreboard.objects.create(organisation=organisation, name="Our board", created_by=editor_user)
    coalition = NationalCoalitionFactory(name="Digital Skills Ireland", country="IE")
    coalition.editors.add(editor_user)
    ItemFactory(coalition=coalition, title="Spring bootcamp", created_by=editor_user)
    ItemFactory(coalition=coalition, title="Moderated item", moderated_by=editor_user)
    ItemFactory(coalition=coalition, title="Someone else's item", created_by=admin_user)
    return pledge


def test_the_download_holds_the_users_records_in_the_other_apps(client, editor_user, records):
    client.force_login(editor_user)

    data = json.loads(client.get(DOWNLOAD).content)

    assert [(p["title"], p["organisation"]) for p in data["pledges_created"]] == [
        ("Coding clubs", "Ghent Digital Academy")
    ]
    assert [(s["to"], s["message"]) for s in data["pledge_steps"]] == [
        ("submitted", "Ready for review")
    ]
    assert [(r["title"], r["period_start"]) for r in data["progress_reports_submitted"]] == [
        ("Coding clubs", "2026-01-01")
    ]
    assert [
        (s["title"], s["period_start"], s["from"], s["to"]) for s in data["progress_report_steps"]
    ] == [("Coding clubs", "2026-01-01", "", "submitted")]
    assert [b["name"] for b in data["scoreboards_created"]] == ["Our board"]
    assert [c["coalition"] for c in data["national_coalitions_edited"]] == [
        "Digital Skills Ireland"
    ]
    assert [
        (i["title"], i["created_by_you"], i["moderated_by_you"]) for i in data["national_items"]
    ] == [("Spring bootcamp", True, False), ("Moderated item", False, True)]
    text = json.dumps(data)
    assert "admin@ghent.example.org" not in text
    assert "theirs" not in text
    assert "Someone else's item" not in text


def test_deleting_keeps_the_records_attributed_to_nobody(client, editor_user, records):
    client.force_login(editor_user)

    client.post(DELETE, {"password": PASSWORD})

    records.refresh_from_db()
    assert records.created_by is None
    assert list(
        PledgeTransition.objects.filter(message="Ready for review").values_list("actor", flat=True)
    ) == [None]
    assert list(ProgressReport.objects.values_list("submitted_by", flat=True)) == [None]
    assert list(Scoreboard.objects.values_list("created_by", flat=True)) == [None]
    assert list(
        Item.objects.filter(title__in=["Spring bootcamp", "Moderated item"])
        .order_by("title")
        .values_list("title", "created_by", "moderated_by")
    ) == [("Moderated item", None, None), ("Spring bootcamp", None, None)]
    assert list(NationalCoalition.objects.values_list("name", "editors")) == [
        ("Digital Skills Ireland", None)
    ]


# --- Queued emails ----------------------------------------------------------------------


def test_deleting_removes_the_users_email_task_results(
    client, organisation, admin_user, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    leaving = VerifiedUserFactory(email="leaving@example.org")
    EmailAddress.objects.create(user=leaving, email="second@example.org", verified=True)
    with django_capture_on_commit_callbacks(execute=True):
        for recipient in ("Leaving@example.org", "second@example.org", "admin@ghent.example.org"):
            emails.queue(
                "members/handed_over", [recipient], {"organisation": organisation, "url": "/"}
            )
    client.force_login(leaving)

    client.post(DELETE, {"password": PASSWORD})

    assert [r.args_kwargs["kwargs"]["recipient"] for r in DBTaskResult.objects.all()] == [
        "admin@ghent.example.org"
    ]
