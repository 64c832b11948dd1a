"""Coalition membership: endorsing the Charter, staff decisions, the badge."""

from datetime import UTC, datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.test import Client
from django.urls import reverse

from members import services
from members.models import MembershipApplication, Organisation
from members.moderation import ensure_moderators_group
from tests.members.factories import (
    CharterFactory,
    MembershipApplicationFactory,
    VerifiedUserFactory,
)

pytestmark = pytest.mark.django_db
DECIDED = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)


def apply_url(organisation):
    return reverse("members:membership_apply", kwargs={"slug": organisation.slug})


def test_it_sends_anonymous_visitors_to_log_in(client, organisation, charter):
    assert client.get(apply_url(organisation)).status_code == 302


@pytest.mark.parametrize("who", ["editor_user", "outsider"])
def test_only_the_organisations_admins_apply(client, organisation, charter, who, request):
    client.force_login(request.getfixturevalue(who))

    response = client.post(
        apply_url(organisation), {"charter_version": charter.version, "endorse": "on"}
    )

    assert response.status_code == 404
    assert MembershipApplication.objects.count() == 0


def test_an_admin_endorses_the_current_charter(client, organisation, admin_user, charter):
    client.force_login(admin_user)
    page = client.get(apply_url(organisation))

    response = client.post(
        apply_url(organisation), {"charter_version": charter.version, "endorse": "on"}
    )

    application = MembershipApplication.objects.get()
    assert charter.text.split("\n")[0] in page.content.decode()
    assert response.status_code == 302
    assert response["Location"] == organisation.get_absolute_url()
    assert (application.organisation, application.charter, application.endorsed_by) == (
        organisation,
        charter,
        admin_user,
    )
    assert application.status == "pending"
    assert application.endorsed_at is not None


def test_it_needs_the_box_ticked(client, organisation, admin_user, charter):
    client.force_login(admin_user)

    response = client.post(apply_url(organisation), {"charter_version": charter.version})

    assert response.status_code == 400
    assert 'id="id_endorse_error"' in response.content.decode()
    assert MembershipApplication.objects.count() == 0


@pytest.mark.parametrize("version", ["older", "newer", "abc", ""])
def test_it_refuses_an_endorsement_of_another_version(
    client, organisation, admin_user, charter, version
):
    client.force_login(admin_user)
    version = {"older": charter.version - 1, "newer": charter.version + 1}.get(version, version)

    response = client.post(apply_url(organisation), {"charter_version": version, "endorse": "on"})

    assert response.status_code == 400
    assert MembershipApplication.objects.count() == 0


def test_it_does_not_take_a_second_pending_application(client, organisation, admin_user, charter):
    MembershipApplicationFactory(organisation=organisation, charter=charter)
    client.force_login(admin_user)

    response = client.post(
        apply_url(organisation), {"charter_version": charter.version, "endorse": "on"}
    )

    assert response.status_code == 400
    assert "awaits a decision" in response.content.decode()
    assert MembershipApplication.objects.count() == 1


def test_the_database_refuses_two_pending_applications(organisation, charter):
    MembershipApplicationFactory(organisation=organisation, charter=charter)

    with pytest.raises(IntegrityError):
        MembershipApplicationFactory(organisation=organisation, charter=charter)


def test_it_answers_a_wrong_method_with_405(client, organisation, admin_user, charter):
    client.force_login(admin_user)

    assert client.put(apply_url(organisation)).status_code == 405


def test_it_refuses_a_post_without_csrf_token(organisation, admin_user, charter):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)

    response = client.post(
        apply_url(organisation), {"charter_version": charter.version, "endorse": "on"}
    )

    assert response.status_code == 403
    assert MembershipApplication.objects.count() == 0


def test_the_service_refuses_an_outdated_charter(organisation, admin_user, charter):
    newer = CharterFactory(version=charter.version + 1)

    with pytest.raises(services.ActionRefusedError):
        services.membership_apply(organisation=organisation, user=admin_user, charter=charter)

    assert (
        services.membership_apply(organisation=organisation, user=admin_user, charter=newer).charter
        == newer
    )


def test_accepting_makes_a_member_and_tells_the_admins(
    organisation, admin_user, editor_user, charter, django_capture_on_commit_callbacks
):
    application = MembershipApplicationFactory(organisation=organisation, charter=charter)
    moderator = VerifiedUserFactory(is_staff=True)

    with django_capture_on_commit_callbacks(execute=True):
        services.membership_decide(
            application=application, decided_by=moderator, accept=True, now=DECIDED
        )

    application.refresh_from_db()
    organisation.refresh_from_db()
    assert (application.status, application.decided_by, application.decided_at) == (
        "accepted",
        moderator,
        DECIDED,
    )
    assert organisation.member_since == DECIDED
    assert list(Organisation.objects.members()) == [organisation]
    assert [m.to for m in mail.outbox] == [["admin@ghent.example.org"]]
    assert "now a member" in mail.outbox[0].body


def test_declining_needs_a_reason_and_sends_it(
    organisation, admin_user, charter, django_capture_on_commit_callbacks
):
    application = MembershipApplicationFactory(organisation=organisation, charter=charter)
    moderator = VerifiedUserFactory(is_staff=True)

    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(ValidationError):
            services.membership_decide(
                application=application, decided_by=moderator, accept=False, reason=" "
            )
        services.membership_decide(
            application=application,
            decided_by=moderator,
            accept=False,
            reason="No digital activity yet.",
        )

    application.refresh_from_db()
    organisation.refresh_from_db()
    assert (application.status, application.reason) == ("declined", "No digital activity yet.")
    assert organisation.member_since is None
    (email,) = mail.outbox
    assert "No digital activity yet." in email.body


def test_a_decided_application_cannot_be_decided_again(organisation, charter):
    application = MembershipApplicationFactory(organisation=organisation, charter=charter)
    moderator = VerifiedUserFactory(is_staff=True)
    services.membership_decide(application=application, decided_by=moderator, accept=True)

    with pytest.raises(services.ActionRefusedError):
        services.membership_decide(
            application=application, decided_by=moderator, accept=False, reason="x"
        )


def test_a_declined_organisation_may_apply_again(client, organisation, admin_user, charter):
    MembershipApplicationFactory(
        organisation=organisation, charter=charter, status="declined", reason="Too early."
    )
    client.force_login(admin_user)

    page = client.get(apply_url(organisation))
    client.post(apply_url(organisation), {"charter_version": charter.version, "endorse": "on"})

    assert "Too early." in page.content.decode()
    assert organisation.membership_applications.filter(status="pending").count() == 1


def test_the_organisation_page_shows_the_member_badge_once_accepted(client, organisation, charter):
    application = MembershipApplicationFactory(organisation=organisation, charter=charter)
    before = client.get(organisation.get_absolute_url()).content.decode()

    services.membership_decide(
        application=application, decided_by=VerifiedUserFactory(is_staff=True), accept=True
    )
    after = client.get(organisation.get_absolute_url()).content.decode()

    assert 'data-membership="pending"' in before
    assert "Coalition member</span>" not in before
    assert "Coalition member</span>" in after
    assert 'data-membership="member"' in after


def test_moderators_are_told_of_a_new_application(
    organisation, admin_user, charter, settings, django_capture_on_commit_callbacks
):
    settings.MODERATORS_EMAIL = ["moderation@example.eu"]

    with django_capture_on_commit_callbacks(execute=True):
        application = services.membership_apply(
            organisation=organisation, user=admin_user, charter=charter
        )

    assert [m.to for m in mail.outbox] == [["moderation@example.eu"]]
    assert (
        f"/en/admin/members/membershipapplication/{application.pk}/change/" in mail.outbox[0].body
    )


def test_an_application_also_tells_the_active_staff_of_the_moderators_group(
    organisation, admin_user, charter, settings, django_capture_on_commit_callbacks
):
    settings.MODERATORS_EMAIL = ["moderation@example.eu"]
    group = ensure_moderators_group()
    VerifiedUserFactory(email="mod@example.eu", is_staff=True).groups.add(group)
    VerifiedUserFactory(email="gone@example.eu", is_staff=True, is_active=False).groups.add(group)
    VerifiedUserFactory(email="not-staff@example.eu").groups.add(group)
    VerifiedUserFactory(email="other-staff@example.eu", is_staff=True)

    with django_capture_on_commit_callbacks(execute=True):
        services.membership_apply(organisation=organisation, user=admin_user, charter=charter)

    assert sorted(m.to[0] for m in mail.outbox) == ["mod@example.eu", "moderation@example.eu"]
    assert all(len(m.to) == 1 for m in mail.outbox)


def test_the_dashboard_shows_an_application_awaiting_decision(
    client, organisation, admin_user, charter
):
    MembershipApplicationFactory(organisation=organisation, charter=charter)
    client.force_login(admin_user)

    html = client.get(reverse("members:dashboard")).content.decode()

    assert "Application awaiting decision" in html
    assert "Apply: endorse the Charter" not in html
