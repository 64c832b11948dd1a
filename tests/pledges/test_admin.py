"""Moderation in the Django admin, as a member of the Moderators group (not a superuser)."""

import re

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.urls import reverse, reverse_lazy

from coalition.models import Pillar
from members.moderation import MODERATORS_GROUP
from pledges.models import Indicator, Pledge, ProgressReport
from tests.factories import UserFactory
from tests.pledges.factories import (
    IndicatorFactory,
    InitiativeFactory,
    PledgeTransitionFactory,
    ProgressReportFactory,
    ReportedValueFactory,
    complete_pledge,
    editor_of,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _cold_content_types():
    """The admin looks content types up through a per-process cache: start each
    test with it empty, so exact query counts do not depend on the test order."""
    ContentType.objects.clear_cache()


QUEUE = reverse_lazy("admin:pledges_pledge_changelist")
REPORTS = reverse_lazy("admin:pledges_progressreport_changelist")
KINDS = (Indicator.Kind.PEOPLE_REACHED, Indicator.Kind.CERTIFICATIONS, Indicator.Kind.NEW_COURSES)


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


def test_moderators_are_not_superusers(moderator):
    assert list(moderator.groups.values_list("name", flat=True)) == [MODERATORS_GROUP]
    assert not moderator.is_superuser
    assert moderator.has_perm("pledges.change_pledge")
    assert moderator.has_perm("pledges.change_progressreport")
    assert not moderator.has_perm("pledges.delete_pledge")


def test_staff_without_the_group_cannot_moderate(client):
    client.force_login(UserFactory(is_staff=True))

    assert client.get(reverse("admin:pledges_pledge_changelist")).status_code == 403


def fill(pledge, size, *, report_status=None):
    """`size` initiatives with three indicators each, `size` history steps and,
    when asked, `size` reports with a value for every indicator."""
    indicators = []
    for index in range(size):
        initiative = InitiativeFactory(pledge=pledge, title=f"Initiative {index}", position=index)
        indicators += [
            IndicatorFactory(initiative=initiative, kind=kind, target=321) for kind in KINDS
        ]
    for _ in range(size):
        PledgeTransitionFactory(pledge=pledge, from_status="draft", to_status="submitted")
    reports = []
    for _ in range(size if report_status else 0):
        report = ProgressReportFactory(pledge=pledge, status=report_status)
        for indicator in indicators:
            ReportedValueFactory(report=report, indicator=indicator, value=7)
        reports.append(report)
    return reports


@pytest.mark.parametrize("count", [1, 8])
def test_the_queue_lists_submitted_pledges_in_constant_queries(
    count, moderator_client, django_assert_num_queries
):
    for _ in range(count):
        fill(complete_pledge(submitted=True), 3)
    complete_pledge()

    with django_assert_num_queries(11):
        response = moderator_client.get(QUEUE + "?status__exact=submitted")

    assert response.status_code == 200
    assert response.context["cl"].result_count == count


def test_the_queue_filters_by_pillar_and_country_and_searches(moderator_client):
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


@pytest.mark.parametrize("count", [1, 8])
def test_the_whole_pledge_shows_on_one_page(count, moderator_client, django_assert_num_queries):
    pledge = complete_pledge(approved=True)
    fill(pledge, count, report_status="approved")

    with django_assert_num_queries(15):
        response = moderator_client.get(reverse("admin:pledges_pledge_change", args=[pledge.pk]))

    assert response.status_code == 200
    assert response.text.count("Initiative ") >= count
    assert "321" in response.text
    assert 'name="_save"' not in response.text  # moderators decide, they do not edit
    # The read-only inlines head every column (axe-core: no empty header cells).
    assert re.findall(r"<th[^>]*>\s*</th>", response.text) == []
    report = pledge.reports.order_by("pk").first()
    assert reverse("admin:pledges_progressreport_change", args=[report.pk]) in response.text


def test_a_submitted_pledge_offers_the_decision(moderator_client):
    pledge = complete_pledge(submitted=True)

    response = moderator_client.get(reverse("admin:pledges_pledge_change", args=[pledge.pk]))

    assert "Decide: approve, request changes or reject" in response.text


@pytest.mark.parametrize("count", [1, 8])
def test_the_pledge_decide_page_in_constant_queries(
    count, moderator_client, django_assert_num_queries
):
    pledge = complete_pledge(submitted=True)
    fill(pledge, count)

    with django_assert_num_queries(6):
        response = moderator_client.get(reverse("admin:pledges_pledge_decide", args=[pledge.pk]))

    assert response.status_code == 200
    assert "Message to the organisation" in response.text


def test_a_moderator_approves_from_the_pledge_page(
    moderator_client, moderator, organisation, django_capture_on_commit_callbacks
):
    editor = editor_of(organisation)
    pledge = complete_pledge(organisation=organisation, submitted=True)
    url = reverse("admin:pledges_pledge_decide", args=[pledge.pk])

    assert moderator_client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(url, {"apply": "1", "decision": "approve", "message": ""})

    assert response.status_code == 302
    pledge.refresh_from_db()
    assert pledge.status == "approved"
    step = pledge.transitions.get()
    assert (step.actor, step.to_status) == (moderator, "approved")
    assert [m.to for m in mail.outbox] == [[editor.email]]


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


# --- The queues open on what waits for a decision -------------------------------


@pytest.mark.parametrize("queue", [QUEUE, REPORTS])
def test_a_bare_queue_opens_on_the_submitted_items(queue, moderator_client):
    response = moderator_client.get(queue)

    assert response.status_code == 302
    assert response["Location"] == f"{queue}?status__exact=submitted"


@pytest.mark.parametrize("queue", [QUEUE, REPORTS])
def test_all_in_the_status_filter_shows_every_status(queue, moderator_client):
    pledge = complete_pledge(approved=True)
    ProgressReportFactory(pledge=pledge, status="approved")
    ProgressReportFactory(pledge=pledge, status="submitted")
    complete_pledge(submitted=True)
    submitted = moderator_client.get(f"{queue}?status__exact=submitted")
    everything_link = next(
        c for c in submitted.context["cl"].filter_specs[0].choices(submitted.context["cl"])
    )

    everything = moderator_client.get(f"{queue}{everything_link['query_string']}")

    assert everything_link["query_string"] == "?status__isnull=False"
    assert everything.status_code == 200
    assert everything.context["cl"].result_count == 2
    assert submitted.context["cl"].result_count == 1
    assert 'href="?status__isnull=False"' in submitted.text


def test_a_search_without_a_status_is_not_redirected(moderator_client):
    complete_pledge(approved=True, title="Belgian clubs")

    response = moderator_client.get(f"{QUEUE}?q=Belgian")

    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


def test_staff_without_the_group_are_refused_not_redirected(client):
    client.force_login(UserFactory(is_staff=True))

    assert client.get(REPORTS).status_code == 403


# --- The report queue -------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 8])
def test_the_report_queue_in_constant_queries(count, moderator_client, django_assert_num_queries):
    for _ in range(count):
        fill(complete_pledge(approved=True), 3, report_status="submitted")
    ProgressReportFactory(status="approved")

    with django_assert_num_queries(9):
        response = moderator_client.get(f"{REPORTS}?status__exact=submitted")

    assert response.status_code == 200
    assert response.context["cl"].result_count == 3 * count


@pytest.mark.parametrize("count", [1, 8])
def test_the_report_page_in_constant_queries(count, moderator_client, django_assert_num_queries):
    pledge = complete_pledge(approved=True)
    report = fill(pledge, count, report_status="submitted")[0]

    with django_assert_num_queries(7):
        response = moderator_client.get(
            reverse("admin:pledges_progressreport_change", args=[report.pk])
        )

    assert response.status_code == 200
    assert response.text.count("Initiative ") >= count
    assert "Decide: approve, request changes or reject" in response.text


@pytest.mark.parametrize("count", [1, 8])
def test_the_report_decide_page_in_constant_queries(
    count, moderator_client, django_assert_num_queries
):
    report = fill(complete_pledge(approved=True), count, report_status="submitted")[0]

    with django_assert_num_queries(6):
        response = moderator_client.get(
            reverse("admin:pledges_progressreport_decide", args=[report.pk])
        )

    assert response.status_code == 200


@pytest.fixture
def reports():
    """A Belgian education report, a French EU-wide "for all" report and an approved one."""
    belgian = complete_pledge(approved=True, title="Belgian clubs")
    french = complete_pledge(approved=True, title="French clubs")
    initiative = french.initiatives.get()
    initiative.countries, initiative.eu_wide = ["FR"], True
    initiative.save()
    initiative.pillars.set([Pillar.objects.get(slug="for-all")])
    return {
        "belgian": ProgressReportFactory(pledge=belgian, narrative="Clubs in Ghent."),
        "french": ProgressReportFactory(pledge=french, narrative="Clubs in Lyon."),
        "approved": ProgressReportFactory(pledge=belgian, status="approved"),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("pillar=education", ["belgian"]),
        ("pillar=for-all", ["french"]),
        ("country=FR", ["french"]),
        ("country=BE", ["belgian"]),
        ("country=eu", ["french"]),
        ("country=XX", ["belgian", "french"]),  # not a Member State: ignored
        ("q=French", ["french"]),
        ("q=Ghent", ["belgian"]),  # the narrative
        ("organisation", ["french"]),
    ],
)
def test_the_report_queue_filters_and_searches(query, expected, reports, moderator_client):
    if query == "organisation":
        query = f"pledge__organisation__id__exact={reports['french'].pledge.organisation_id}"

    response = moderator_client.get(f"{REPORTS}?status__exact=submitted&{query}")

    assert response.status_code == 200
    assert sorted(response.context["cl"].result_list, key=lambda r: r.pk) == [
        reports[name] for name in expected
    ]


def test_the_report_queue_offers_the_filters(reports, moderator_client):
    response = moderator_client.get(f"{REPORTS}?status__exact=submitted")

    titles = [str(spec.title) for spec in response.context["cl"].filter_specs]
    assert titles == ["status", "pillar", "country", "organisation"]
    assert reports["french"].pledge.organisation.name in response.text


@pytest.mark.parametrize(
    ("decision", "status"), [("request-changes", "changes-requested"), ("reject", "rejected")]
)
def test_a_moderator_sends_back_or_rejects_a_report(
    decision, status, moderator_client, moderator, organisation, django_capture_on_commit_callbacks
):
    editor = editor_of(organisation)
    report = ProgressReportFactory(pledge=complete_pledge(organisation=organisation, approved=True))
    url = reverse("admin:pledges_progressreport_decide", args=[report.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(
            url, {"apply": "1", "decision": decision, "message": "Add the evidence page."}
        )

    assert response.status_code == 302
    assert response["Location"] == f"{REPORTS}?status__exact=submitted"
    report.refresh_from_db()
    assert report.status == status
    step = report.transitions.get()
    assert (step.actor, step.from_status, step.to_status, step.message) == (
        moderator,
        "submitted",
        status,
        "Add the evidence page.",
    )
    assert [m.to for m in mail.outbox] == [[editor.email]]


@pytest.mark.parametrize("decision", ["request-changes", "reject"])
def test_sending_back_or_rejecting_a_report_needs_a_message(decision, moderator_client):
    report = ProgressReportFactory()
    url = reverse("admin:pledges_progressreport_decide", args=[report.pk])

    response = moderator_client.post(url, {"apply": "1", "decision": decision, "message": ""})

    assert response.status_code == 200
    assert "Write a message" in str(response.context["form"].errors["message"])
    report.refresh_from_db()
    assert report.status == "submitted"
    assert not report.transitions.exists()


def test_rejecting_a_decided_report_is_refused_by_the_service(moderator_client):
    report = ProgressReportFactory(status="approved")
    url = reverse("admin:pledges_progressreport_decide", args=[report.pk])

    response = moderator_client.post(
        url, {"apply": "1", "decision": "reject", "message": "Too late."}, follow=True
    )

    report.refresh_from_db()
    assert report.status == "approved"
    assert not report.transitions.exists()
    assert [m.level_tag for m in response.context["messages"]] == ["error"]


@pytest.mark.parametrize("count", [1, 8])
def test_the_bulk_decision_page_on_reports_in_constant_queries(
    count, moderator_client, django_assert_num_queries
):
    selected = [ProgressReportFactory().pk for _ in range(count)]

    with django_assert_num_queries(11):
        response = moderator_client.post(
            REPORTS, {"action": "request_changes_selected", ACTION_CHECKBOX_NAME: selected}
        )

    assert response.status_code == 200
    assert len(response.context["objects"]) == count
