"""Moderation in the Django admin, as a member of the Moderators group (not a superuser)."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.urls import reverse

from pledges.models import Indicator, Pledge, ProgressReport
from tests.factories import UserFactory
from tests.pledges.factories import (
    IndicatorFactory,
    InitiativeFactory,
    ProgressReportFactory,
    ReportedValueFactory,
    complete_pledge,
    editor_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def test_moderators_are_not_superusers(moderator):
    assert not moderator.is_superuser
    assert moderator.has_perm("pledges.change_pledge")
    assert moderator.has_perm("pledges.change_progressreport")
    assert not moderator.has_perm("pledges.delete_pledge")


def test_staff_without_the_group_cannot_moderate(client):
    client.force_login(UserFactory(is_staff=True))

    assert client.get(reverse("admin:pledges_pledge_changelist")).status_code == 403


@pytest.mark.parametrize("count", [1, 10])
def test_the_queue_lists_submitted_pledges_in_constant_queries(
    count, moderator_client, django_assert_max_num_queries
):
    for _ in range(count):
        complete_pledge(submitted=True)
    complete_pledge()

    with django_assert_max_num_queries(14):
        response = moderator_client.get(
            reverse("admin:pledges_pledge_changelist") + "?status__exact=submitted"
        )

    assert response.status_code == 200
    assert response.context["cl"].result_count == count


def test_the_queue_filters_by_pillar_and_country_and_searches(moderator_client):
    from coalition.models import Pillar

    belgian = complete_pledge(submitted=True, title="Belgian clubs")
    french = complete_pledge(submitted=True, title="French clubs")
    initiative = french.initiatives.get()
    initiative.countries = ["FR"]
    initiative.save()
    initiative.pillars.set([Pillar.objects.get(slug="for-all")])
    url = reverse("admin:pledges_pledge_changelist")

    by_country = moderator_client.get(url + "?country=FR")
    by_pillar = moderator_client.get(url + "?pillar=education")
    by_search = moderator_client.get(url + "?q=Belgian")
    by_organisation = moderator_client.get(
        url + f"?organisation__id__exact={french.organisation_id}"
    )

    assert list(by_country.context["cl"].result_list) == [french]
    assert list(by_pillar.context["cl"].result_list) == [belgian]
    assert list(by_search.context["cl"].result_list) == [belgian]
    assert list(by_organisation.context["cl"].result_list) == [french]


@pytest.mark.parametrize("count", [1, 6])
def test_the_whole_pledge_shows_on_one_page(count, moderator_client, django_assert_max_num_queries):
    pledge = complete_pledge(submitted=True)
    for index in range(count):
        IndicatorFactory(
            initiative=InitiativeFactory(pledge=pledge, title=f"Initiative {index}"), target=321
        )

    with django_assert_max_num_queries(30):
        response = moderator_client.get(reverse("admin:pledges_pledge_change", args=[pledge.pk]))

    assert response.status_code == 200
    assert response.text.count("Initiative ") >= count
    assert "321" in response.text
    assert "Decide: approve, request changes or reject" in response.text
    assert 'name="_save"' not in response.text  # moderators decide, they do not edit


def test_a_moderator_approves_from_the_pledge_page(moderator_client, moderator, organisation):
    editor = editor_of(organisation)
    pledge = complete_pledge(organisation=organisation, submitted=True)
    url = reverse("admin:pledges_pledge_decide", args=[pledge.pk])

    assert moderator_client.get(url).status_code == 200
    response = moderator_client.post(url, {"apply": "1", "decision": "approve", "message": ""})

    assert response.status_code == 302
    pledge.refresh_from_db()
    assert pledge.status == "approved"
    step = pledge.transitions.get()
    assert (step.actor, step.to_status) == (moderator, "approved")
    assert mail.outbox[-1].to == [editor.email]


def test_requesting_changes_needs_a_message(moderator_client):
    pledge = complete_pledge(submitted=True)
    url = reverse("admin:pledges_pledge_decide", args=[pledge.pk])

    response = moderator_client.post(
        url, {"apply": "1", "decision": "request-changes", "message": " "}
    )

    assert response.status_code == 200
    assert "Write a message" in str(response.context["form"].errors["message"])
    assert Pledge.objects.get().status == "submitted"


def test_the_bulk_action_asks_for_the_message_then_decides(moderator_client):
    first, second = complete_pledge(submitted=True), complete_pledge(submitted=True)
    url = reverse("admin:pledges_pledge_changelist")
    selection = {"action": "reject_selected", ACTION_CHECKBOX_NAME: [first.pk, second.pk]}

    form_page = moderator_client.post(url, selection)
    response = moderator_client.post(
        url, {**selection, "apply": "1", "decision": "reject", "message": "Out of scope."}
    )

    assert form_page.status_code == 200
    assert "Message to the organisation" in form_page.text
    assert response.status_code == 302
    assert list(Pledge.objects.values_list("status", flat=True)) == ["rejected", "rejected"]
    assert {t.message for p in Pledge.objects.all() for t in p.transitions.all()} == {
        "Out of scope."
    }


def test_approving_a_draft_is_refused_by_the_service(moderator_client):
    draft = complete_pledge()
    url = reverse("admin:pledges_pledge_decide", args=[draft.pk])

    response = moderator_client.post(
        url, {"apply": "1", "decision": "approve", "message": ""}, follow=True
    )

    assert Pledge.objects.get().status == "draft"
    assert "Only submitted pledges can be approved" in response.text


def test_a_moderator_approves_a_report_and_the_totals_change(moderator_client, client):
    pledge = complete_pledge(approved=True)
    report = ProgressReportFactory(pledge=pledge)
    ReportedValueFactory(report=report, indicator=Indicator.objects.get(), value=600)
    detail = reverse("pledges:detail", kwargs={"pk": pledge.pk})
    assert "not yet reported" in client.get(detail).text

    queue = moderator_client.get(
        reverse("admin:pledges_progressreport_changelist") + "?status__exact=submitted"
    )
    page = moderator_client.get(reverse("admin:pledges_progressreport_change", args=[report.pk]))
    moderator_client.post(
        reverse("admin:pledges_progressreport_decide", args=[report.pk]),
        {"apply": "1", "decision": "approve", "message": ""},
    )

    assert list(queue.context["cl"].result_list) == [report]
    assert "600" in page.text
    assert ProgressReport.objects.get().status == "approved"
    client.logout()
    assert "600 of 1,000 (60%)" in client.get(detail).text


def test_transitions_are_read_only_in_the_admin(moderator_client):
    pledge = complete_pledge()
    pledge.transitions.create(from_status="", to_status="draft")

    listing = moderator_client.get(reverse("admin:pledges_pledgetransition_changelist"))
    add = moderator_client.get(reverse("admin:pledges_pledgetransition_add"))

    assert listing.status_code == 200
    assert add.status_code == 403


def test_the_decide_page_is_404_for_an_unknown_pledge(moderator_client):
    url = reverse("admin:pledges_pledge_decide", args=[999999])

    assert moderator_client.get(url).status_code == 404


def test_the_admin_shows_what_proposed_changes_change(moderator_client, editor):
    from pledges import services

    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    revision = services.pledge_revise(pledge=pledge, actor=editor)
    services.pledge_update(pledge=revision, actor=editor, title="Better title")

    response = moderator_client.get(reverse("admin:pledges_pledge_change", args=[revision.pk]))

    assert "Better title" in response.text
    assert "the approved version the public sees" in response.text
    assert "Title: “" in response.text


def test_an_unknown_country_in_the_filter_is_ignored(moderator_client):
    complete_pledge(submitted=True)

    response = moderator_client.get(
        reverse("admin:pledges_pledge_changelist") + "?country=%3Cscript%3E"
    )

    assert response.status_code == 200
