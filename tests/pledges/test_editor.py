"""The pledge editor, as the organisation's editors use it."""

import re

import pytest
from django.contrib.messages import get_messages
from django.core import mail
from django.test import Client
from django.urls import reverse

from pledges.models import Indicator, Initiative, Pledge, PledgeTransition, ProgressReport
from pledges.services import WorkflowError
from tests.factories import OrganisationFactory
from tests.pledges.factories import (
    IndicatorFactory,
    InitiativeFactory,
    PledgeFactory,
    ProgressReportFactory,
    complete_pledge,
)

pytestmark = pytest.mark.django_db


def u(name, organisation, **kwargs):
    return reverse(name, kwargs={"slug": organisation.slug, **kwargs})


PLEDGE_DATA = {
    "title": "Coding for every school",
    "summary": "Coding clubs in 200 schools.",
    "beyond_day_to_day": "New and free.",
    "start_date": "2026-01-01",
    "end_date": "2027-12-31",
}


def initiative_data(**overrides):
    data = {
        "title": "Coding clubs",
        "description": "Weekly clubs.",
        "pillars": ["education"],
        "countries": ["BE", "FR"],
        "beneficiary_groups": ["pupils", "teachers"],
        "action_types": ["coding-classes"],
        "delivery_mode": "blended",
        "link": "https://clubs.example.org/",
        "indicators-TOTAL_FORMS": "3",
        "indicators-INITIAL_FORMS": "0",
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": "20",
        "indicators-0-kind": "people-reached",
        "indicators-0-custom_name": "",
        "indicators-0-target": "5000",
        "indicators-1-kind": "custom",
        "indicators-1-custom_name": "Clubs opened",
        "indicators-1-target": "200",
        "indicators-2-kind": "",
        "indicators-2-custom_name": "",
        "indicators-2-target": "",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def pillar_ids(*slugs):
    from coalition.models import Pillar

    return [str(p.pk) for p in Pillar.objects.filter(slug__in=slugs)]


# --- The list ------------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 10])
def test_the_list_shows_the_organisations_pledges_in_constant_queries(
    count, editor_client, organisation, django_assert_max_num_queries
):
    for _ in range(count):
        pledge = complete_pledge(organisation=organisation, approved=True)
        ProgressReportFactory(pledge=pledge)
        PledgeFactory(organisation=organisation, revision_of=pledge)
    other = complete_pledge()

    with django_assert_max_num_queries(9):
        response = editor_client.get(u("pledges:list", organisation))

    assert response.status_code == 200
    assert len(response.context["pledges"]) == count  # revisions are not listed apart
    assert other.title not in response.text
    assert "1 report under review" in response.text


def test_the_list_tells_non_members_they_may_draft_but_not_submit(editor_client, organisation):
    organisation.member_since = None
    organisation.save()

    response = editor_client.get(u("pledges:list", organisation))

    assert "You can draft pledges now" in response.text


# --- Creating and editing the pledge ------------------------------------------------


def test_an_editor_creates_a_draft(editor_client, organisation, editor):
    partner = OrganisationFactory()

    response = editor_client.post(
        u("pledges:create", organisation), {**PLEDGE_DATA, "partners": [partner.pk]}
    )

    pledge = Pledge.objects.get()
    assert response.status_code == 302
    assert response["Location"] == u("pledges:manage", organisation, pk=pledge.pk)
    assert (pledge.organisation, pledge.status, pledge.created_by) == (
        organisation,
        "draft",
        editor,
    )
    assert list(pledge.partners.all()) == [partner]


def test_a_draft_needs_only_a_title(editor_client, organisation):
    response = editor_client.post(u("pledges:create", organisation), {"title": "Idea"})

    assert response.status_code == 302
    assert Pledge.objects.get().summary == ""


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"title": "x" * 201}, "title", "at most 200 characters"),
        ({"start_date": "not a date"}, "start_date", "Enter a valid date."),
        ({"start_date": "2026-05-01", "end_date": "2026-04-01"}, "end_date", "after the start"),
        ({"partners": ["999999"]}, "partners", "Select a valid choice"),
        ({"summary": "x" * 3001}, "summary", "at most 3000 characters"),
    ],
)
def test_bad_pledge_input_is_explained_and_changes_nothing(
    editor_client, organisation, data, field, message
):
    response = editor_client.post(u("pledges:create", organisation), {**PLEDGE_DATA, **data})

    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert f'id="id_{field}_error"' in response.text
    assert Pledge.objects.count() == 0


def test_script_tags_are_kept_as_text_and_escaped(editor_client, organisation):
    editor_client.post(
        u("pledges:create", organisation), {**PLEDGE_DATA, "title": "<script>alert(1)</script>"}
    )
    pledge = Pledge.objects.get()

    response = editor_client.get(u("pledges:manage", organisation, pk=pledge.pk))

    assert pledge.title == "<script>alert(1)</script>"
    assert "<script>alert(1)" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in response.text


def test_bad_input_keeps_what_was_typed(editor_client, organisation):
    response = editor_client.post(
        u("pledges:create", organisation), {**PLEDGE_DATA, "end_date": "2025-01-01"}
    )

    assert 'value="Coding for every school"' in response.text


def test_an_editor_edits_a_draft(editor_client, organisation):
    pledge = PledgeFactory(organisation=organisation)

    response = editor_client.post(
        u("pledges:edit", organisation, pk=pledge.pk), {**PLEDGE_DATA, "title": "New title"}
    )

    assert response.status_code == 302
    assert Pledge.objects.get().title == "New title"


def test_a_submitted_pledge_cannot_be_edited(editor_client, organisation):
    pledge = complete_pledge(organisation=organisation, submitted=True)

    response = editor_client.post(
        u("pledges:edit", organisation, pk=pledge.pk), {**PLEDGE_DATA, "title": "Sneaky"}
    )

    assert response.status_code == 302
    assert Pledge.objects.get().title == pledge.title


# --- Initiatives and indicators ---------------------------------------------------


def test_an_editor_adds_an_initiative_with_indicators(editor_client, organisation):
    pledge = PledgeFactory(organisation=organisation)

    response = editor_client.post(
        u("pledges:initiative_create", organisation, pk=pledge.pk),
        initiative_data(pillars=pillar_ids("education", "for-all")),
    )

    assert response.status_code == 302
    initiative = Initiative.objects.get()
    assert initiative.pledge == pledge
    assert sorted(p.slug for p in initiative.pillars.all()) == ["education", "for-all"]
    assert (initiative.countries, initiative.eu_wide) == (["BE", "FR"], False)
    assert initiative.beneficiary_groups == ["pupils", "teachers"]
    assert sorted(initiative.indicators.values_list("kind", "custom_name", "target")) == [
        ("custom", "Clubs opened", 200),
        ("people-reached", "", 5000),
    ]


def test_eu_wide_replaces_countries(editor_client, organisation):
    pledge = PledgeFactory(organisation=organisation)

    editor_client.post(
        u("pledges:initiative_create", organisation, pk=pledge.pk),
        initiative_data(pillars=pillar_ids("education"), eu_wide="on"),
    )

    assert (Initiative.objects.get().countries, Initiative.objects.get().eu_wide) == ([], True)


@pytest.mark.parametrize(
    ("overrides", "where", "message"),
    [
        ({"countries": ["US"]}, "countries", "Select a valid choice"),
        ({"pillars": ["999999"]}, "pillars", "Select a valid choice"),
        ({"link": "not a link"}, "link", "Enter a valid URL."),
        ({"link": "javascript:alert(1)"}, "link", "Enter a valid URL."),
        ({"title": ""}, "title", "This field is required."),
        ({"title": "x" * 201}, "title", "at most 200 characters"),
        ({"delivery_mode": "by-pigeon"}, "delivery_mode", "Select a valid choice"),
        ({"indicators-0-target": "0"}, "indicators-0-target", "greater than or equal to 1"),
        ({"indicators-0-target": "-5"}, "indicators-0-target", "greater than or equal to 1"),
        ({"indicators-0-target": "12.5"}, "indicators-0-target", "Enter a whole number."),
        ({"indicators-0-target": "many"}, "indicators-0-target", "Enter a whole number."),
        ({"indicators-1-custom_name": ""}, "indicators-1-custom_name", "Name the custom"),
        ({"indicators-0-kind": "made-up"}, "indicators-0-kind", "Select a valid choice"),
        (
            {"indicators-1-kind": "people-reached", "indicators-1-custom_name": ""},
            "indicators-1-kind",
            "already has this indicator",
        ),
    ],
)
def test_bad_initiative_input_is_explained_next_to_the_field(
    editor_client, organisation, overrides, where, message
):
    pledge = PledgeFactory(organisation=organisation)
    data = initiative_data(**{"pillars": pillar_ids("education"), **overrides})

    response = editor_client.post(u("pledges:initiative_create", organisation, pk=pledge.pk), data)

    assert response.status_code == 200
    if where.startswith("indicators-"):
        index, field = int(where.split("-")[1]), where.split("-")[2]
        errors = response.context["formset"].forms[index].errors[field]
    else:
        errors = response.context["form"].errors[where]
    assert message in str(errors)
    assert f'id="id_{where}_error"' in response.text
    assert Initiative.objects.count() == 0
    assert Indicator.objects.count() == 0


def test_a_draft_initiative_needs_only_its_title(editor_client, organisation):
    pledge = PledgeFactory(organisation=organisation)
    data = {
        "title": "Half an idea",
        "indicators-TOTAL_FORMS": "3",
        "indicators-INITIAL_FORMS": "0",
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": "20",
    }

    response = editor_client.post(u("pledges:initiative_create", organisation, pk=pledge.pk), data)

    assert response.status_code == 302
    assert response["Location"] == u("pledges:manage", organisation, pk=pledge.pk)
    initiative = Initiative.objects.get()
    assert (initiative.title, initiative.countries, initiative.eu_wide) == (
        "Half an idea",
        [],
        False,
    )
    assert list(initiative.pillars.all()) == []
    assert Indicator.objects.count() == 0


def test_a_draft_initiative_keeps_what_was_entered_valid(editor_client, organisation):
    pledge = PledgeFactory(organisation=organisation)
    data = initiative_data(
        pillars=None,
        countries=None,
        **{"indicators-0-target": "0", "indicators-1-kind": "", "indicators-1-custom_name": ""},
        **{"indicators-1-target": ""},
    )

    response = editor_client.post(u("pledges:initiative_create", organisation, pk=pledge.pk), data)

    assert response.status_code == 200
    assert response.context["form"].errors == {}
    assert response.context["formset"].forms[0].errors == {
        "target": ["Ensure this value is greater than or equal to 1."]
    }
    assert Initiative.objects.count() == 0


def test_the_initiative_form_shows_three_empty_indicator_rows(editor_client, organisation):
    pledge = PledgeFactory(organisation=organisation)

    response = editor_client.get(u("pledges:initiative_create", organisation, pk=pledge.pk))

    assert len(response.context["formset"].forms) == 3
    # Description, groups, types, mode and link, and each row's custom name; not
    # pillars or countries, which submitting needs.
    assert response.text.count("(optional)") == 5 + 3
    assert "Pillars <span" not in response.text
    assert "Countries <span" not in response.text


def test_the_manage_page_says_what_each_initiative_lacks(editor_client, organisation):
    pledge = complete_pledge(organisation=organisation, title="Clubs for all")
    InitiativeFactory(pledge=pledge, title="Half an idea", countries=[]).pillars.clear()

    response = editor_client.get(u("pledges:manage", organisation, pk=pledge.pk))

    assert response.context["problems"] == [
        "Choose a pillar for the initiative “Half an idea”.",
        "Choose the countries (or EU-wide) of the initiative “Half an idea”.",
        "Add an indicator with a target to the initiative “Half an idea”.",
    ]
    assert [(i["initiative"].title, i["gaps"]) for i in response.context["initiatives"]] == [
        (pledge.initiatives.first().title, []),
        ("Half an idea", ["pillar", "countries", "indicator"]),
    ]
    assert response.text.count("Still needed before you can submit:") == 1
    assert "its countries, or “EU-wide”" in response.text


def test_an_incomplete_initiative_keeps_the_pledge_from_being_submitted(
    editor_client, organisation
):
    pledge = PledgeFactory(organisation=organisation)
    InitiativeFactory(pledge=pledge, title="Half an idea")

    response = editor_client.post(u("pledges:submit", organisation, pk=pledge.pk), DECLARATION)

    assert response.status_code == 200
    assert response.context["problems"] == [
        "Add an indicator with a target to the initiative “Half an idea”."
    ]
    assert response.context["error"] == (
        "Add an indicator with a target to the initiative “Half an idea”."
    )
    assert Pledge.objects.get().status == "draft"


def test_an_editor_changes_and_removes_indicators(editor_client, organisation):
    pledge = PledgeFactory(organisation=organisation)
    initiative = InitiativeFactory(pledge=pledge)
    kept = IndicatorFactory(initiative=initiative, target=10)
    dropped = IndicatorFactory(initiative=initiative, kind="certifications", target=3)
    data = initiative_data(
        pillars=pillar_ids("labour-force"),
        **{
            "indicators-TOTAL_FORMS": "3",
            "indicators-INITIAL_FORMS": "2",
            "indicators-0-id": str(kept.pk),
            "indicators-0-kind": "people-reached",
            "indicators-0-target": "20",
            "indicators-1-id": str(dropped.pk),
            "indicators-1-kind": "certifications",
            "indicators-1-custom_name": "",
            "indicators-1-target": "3",
            "indicators-1-DELETE": "on",
        },
    )

    response = editor_client.post(
        u("pledges:initiative_edit", organisation, pk=pledge.pk, initiative_pk=initiative.pk), data
    )

    assert response.status_code == 302
    assert list(Indicator.objects.values_list("pk", "target")) == [(kept.pk, 20)]
    assert [p.slug for p in Initiative.objects.get().pillars.all()] == ["labour-force"]


def test_an_initiative_of_another_pledge_is_404(editor_client, organisation):
    pledge = PledgeFactory(organisation=organisation)
    foreign = InitiativeFactory()

    url = u("pledges:initiative_edit", organisation, pk=pledge.pk, initiative_pk=foreign.pk)

    assert editor_client.get(url).status_code == 404
    assert editor_client.post(url, initiative_data()).status_code == 404


def test_an_editor_removes_an_initiative(editor_client, organisation):
    pledge = complete_pledge(organisation=organisation)
    initiative = pledge.initiatives.get()
    url = u("pledges:initiative_delete", organisation, pk=pledge.pk, initiative_pk=initiative.pk)

    assert "Remove the initiative" in editor_client.get(url).text
    response = editor_client.post(url)

    assert response.status_code == 302
    assert Initiative.objects.count() == 0
    assert Indicator.objects.count() == 0


@pytest.mark.parametrize("count", [1, 8])
def test_initiative_form_queries_are_constant(
    count, editor_client, organisation, django_assert_max_num_queries
):
    pledge = PledgeFactory(organisation=organisation)
    initiative = InitiativeFactory(pledge=pledge)
    for index in range(count):
        IndicatorFactory(initiative=initiative, kind="custom", custom_name=f"Thing {index}")
    url = u("pledges:initiative_edit", organisation, pk=pledge.pk, initiative_pk=initiative.pk)

    with django_assert_max_num_queries(10):
        response = editor_client.get(url)

    assert response.status_code == 200


# --- The editor's page, preview ----------------------------------------------------


@pytest.mark.parametrize("count", [1, 8])
def test_the_manage_page_queries_are_constant(
    count, editor_client, organisation, django_assert_max_num_queries
):
    pledge = complete_pledge(organisation=organisation, approved=True)
    for _ in range(count):
        IndicatorFactory(initiative=InitiativeFactory(pledge=pledge))
        report = ProgressReportFactory(pledge=pledge)
        PledgeTransition.objects.create(
            pledge=pledge, report=report, from_status="", to_status="submitted"
        )

    with django_assert_max_num_queries(16):
        response = editor_client.get(u("pledges:manage", organisation, pk=pledge.pk))

    assert response.status_code == 200


def test_the_manage_page_shows_the_moderators_message(editor_client, organisation, moderator):
    pledge = complete_pledge(organisation=organisation, status="changes-requested")
    PledgeTransition.objects.create(
        pledge=pledge,
        from_status="submitted",
        to_status="changes-requested",
        actor=moderator,
        message="Please add a second indicator.",
    )

    response = editor_client.get(u("pledges:manage", organisation, pk=pledge.pk))

    assert "Message from the moderators" in response.text
    assert "Please add a second indicator." in response.text
    assert "Submit again" in response.text


@pytest.mark.parametrize("count", [1, 8])
def test_the_preview_renders_the_public_body_in_constant_queries(
    count, editor_client, organisation, django_assert_max_num_queries
):
    pledge = complete_pledge(organisation=organisation)
    for _ in range(count):
        IndicatorFactory(initiative=InitiativeFactory(pledge=pledge), target=77)

    with django_assert_max_num_queries(16):
        response = editor_client.get(u("pledges:preview", organisation, pk=pledge.pk))

    assert "pledges/detail.html" in [t.name for t in response.templates]
    assert "This is how the public will see the pledge" in response.text
    assert response.text.count("Target 77") == count


def _without(pattern, html):
    return re.sub(pattern, "", html, flags=re.DOTALL)


BANNER = r'<div class="portal-message portal-message--info portal-pledge-banner".*?</div>\s*'
SHARE = r'<section class="portal-share".*?</section>'  # who shares differs, not what


def test_the_preview_is_the_public_page_with_a_banner(editor_client, organisation):
    pledge = complete_pledge(organisation=organisation, approved=True)

    preview = editor_client.get(u("pledges:preview", organisation, pk=pledge.pk))
    public = Client().get(reverse("pledges:detail", kwargs={"pk": pledge.pk}))  # anonymous

    preview_content = _main(preview.text)
    public_content = _main(public.text)
    assert 'class="portal-pledge-layout"' in preview_content
    assert "Share this pledge" in preview_content
    assert "Manage this pledge" not in preview_content
    assert "Workflow history" not in preview_content
    assert _without(SHARE, _without(BANNER, preview_content)) == _without(SHARE, public_content)
    assert f"<title>Preview: {pledge.title} — " in preview.text


def _main(html):
    """The page's <main> element: what the page shows between header and footer."""
    return re.search(r"<main\b.*?</main>", html, flags=re.DOTALL).group(0)


# --- Submitting ---------------------------------------------------------------------

DECLARATION = {"beyond": "on", "unconditional": "on", "measurable": "on"}


def test_an_editor_submits_with_the_declaration(
    editor_client, organisation, moderator, django_capture_on_commit_callbacks
):
    pledge = complete_pledge(organisation=organisation)

    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(u("pledges:submit", organisation, pk=pledge.pk), DECLARATION)

    assert response.status_code == 302
    assert Pledge.objects.get().status == "submitted"
    assert [m.to for m in mail.outbox] == [[moderator.email]]


@pytest.mark.parametrize("missing", ["beyond", "unconditional", "measurable"])
def test_the_whole_declaration_is_needed(missing, editor_client, organisation):
    pledge = complete_pledge(organisation=organisation)
    data = {k: v for k, v in DECLARATION.items() if k != missing}

    response = editor_client.post(u("pledges:submit", organisation, pk=pledge.pk), data)

    assert response.status_code == 200
    assert "Confirm this part of the declaration." in str(response.context["form"].errors[missing])
    assert Pledge.objects.get().status == "draft"


def test_a_non_member_is_told_why_it_cannot_submit(editor_client, organisation):
    organisation.member_since = None
    organisation.save()
    pledge = complete_pledge(organisation=organisation)

    page = editor_client.get(u("pledges:submit", organisation, pk=pledge.pk))
    response = editor_client.post(u("pledges:submit", organisation, pk=pledge.pk), DECLARATION)

    assert "Only members of the Coalition can submit pledges" in page.text
    assert "Only members of the Coalition can submit pledges" in response.text
    assert Pledge.objects.get().status == "draft"


def test_an_incomplete_pledge_lists_what_is_missing(editor_client, organisation):
    pledge = PledgeFactory(organisation=organisation)

    page = editor_client.get(u("pledges:submit", organisation, pk=pledge.pk))
    response = editor_client.post(u("pledges:submit", organisation, pk=pledge.pk), DECLARATION)

    assert "Add at least one initiative." in page.text
    assert "Add at least one initiative." in response.text
    assert Pledge.objects.get().status == "draft"


def test_an_approved_pledge_is_not_submitted_again(editor_client, organisation):
    pledge = complete_pledge(organisation=organisation, approved=True)

    response = editor_client.post(u("pledges:submit", organisation, pk=pledge.pk), DECLARATION)

    assert response.status_code == 302
    assert Pledge.objects.get().status == "approved"


# --- Withdraw, delete, revise, complete ----------------------------------------------


def test_an_editor_withdraws_a_pledge_with_a_reason(editor_client, organisation):
    pledge = complete_pledge(organisation=organisation, approved=True)

    response = editor_client.post(
        u("pledges:withdraw", organisation, pk=pledge.pk), {"message": "Funding ended."}
    )

    assert response.status_code == 302
    assert Pledge.objects.get().status == "withdrawn"
    assert pledge.transitions.get().message == "Funding ended."


def test_a_too_long_withdrawal_reason_is_refused(editor_client, organisation):
    pledge = complete_pledge(organisation=organisation, approved=True)

    response = editor_client.post(
        u("pledges:withdraw", organisation, pk=pledge.pk), {"message": "x" * 2001}
    )

    assert response.status_code == 200
    assert "at most 2000 characters" in str(response.context["form"].errors["message"])
    assert Pledge.objects.get().status == "approved"


def test_withdrawing_a_rejected_pledge_is_refused(editor_client, organisation):
    pledge = complete_pledge(organisation=organisation, status="rejected")

    editor_client.post(u("pledges:withdraw", organisation, pk=pledge.pk), {})

    assert Pledge.objects.get().status == "rejected"


def test_an_editor_deletes_a_fresh_draft(editor_client, organisation):
    pledge = PledgeFactory(organisation=organisation)

    response = editor_client.post(u("pledges:delete", organisation, pk=pledge.pk))

    assert response["Location"] == u("pledges:list", organisation)
    assert Pledge.objects.count() == 0


def test_an_approved_pledge_cannot_be_deleted(editor_client, organisation):
    pledge = complete_pledge(organisation=organisation, approved=True)

    editor_client.post(u("pledges:delete", organisation, pk=pledge.pk))

    assert Pledge.objects.count() == 1


def test_proposing_changes_keeps_the_public_version(editor_client, client, organisation):
    pledge = complete_pledge(organisation=organisation, approved=True)

    response = editor_client.post(u("pledges:revise", organisation, pk=pledge.pk))
    revision = Pledge.objects.get(revision_of=pledge)
    editor_client.post(
        u("pledges:edit", organisation, pk=revision.pk), {**PLEDGE_DATA, "title": "Changed"}
    )

    assert response["Location"] == u("pledges:manage", organisation, pk=revision.pk)
    assert Pledge.objects.get(pk=revision.pk).title == "Changed"
    public = client.get(reverse("pledges:detail", kwargs={"pk": pledge.pk}))
    assert pledge.title in public.text
    assert "Changed" not in public.text


def test_discarding_proposed_changes_goes_back_to_the_pledge(editor_client, organisation):
    pledge = complete_pledge(organisation=organisation, approved=True)
    revision = PledgeFactory(organisation=organisation, revision_of=pledge)

    response = editor_client.post(u("pledges:delete", organisation, pk=revision.pk))

    assert response["Location"] == u("pledges:manage", organisation, pk=pledge.pk)
    assert list(Pledge.objects.all()) == [pledge]


def test_an_editor_marks_a_pledge_completed_from_the_confirmation_page(editor_client, organisation):
    pledge = complete_pledge(organisation=organisation, approved=True)
    url = u("pledges:complete", organisation, pk=pledge.pk)

    page = editor_client.get(url)
    response = editor_client.post(url, {"confirm": "yes"})

    assert page.status_code == 200
    assert page.context["title"] == "Mark this pledge as completed?"
    assert response["Location"] == u("pledges:manage", organisation, pk=pledge.pk)
    assert Pledge.objects.get().status == "completed"


def test_a_post_without_the_confirmation_changes_nothing(editor_client, organisation):
    pledge = complete_pledge(organisation=organisation, approved=True)
    url = u("pledges:complete", organisation, pk=pledge.pk)

    response = editor_client.post(url)

    assert response.status_code == 302
    assert response["Location"] == url
    assert Pledge.objects.get().status == "approved"


def test_a_draft_cannot_be_marked_completed(editor_client, organisation):
    pledge = complete_pledge(organisation=organisation)
    url = u("pledges:complete", organisation, pk=pledge.pk)

    page = editor_client.get(url)
    editor_client.post(url, {"confirm": "yes"})

    assert page["Location"] == u("pledges:manage", organisation, pk=pledge.pk)
    assert Pledge.objects.get().status == "draft"


# --- Progress reports ------------------------------------------------------------------


def report_data(indicator, value="120", **overrides):
    return {
        "period_start": "2026-01-01",
        "period_end": "2026-06-30",
        "narrative": "We ran 40 clubs.",
        "evidence_url": "https://clubs.example.org/report",
        f"value_{indicator.pk}": value,
        **overrides,
    }


def test_an_editor_reports_progress(editor_client, organisation, editor):
    pledge = complete_pledge(organisation=organisation, approved=True)
    indicator = Indicator.objects.get()

    response = editor_client.post(
        u("pledges:report_create", organisation, pk=pledge.pk), report_data(indicator)
    )

    assert response.status_code == 302
    report = ProgressReport.objects.get()
    assert (report.status, report.submitted_by) == ("submitted", editor)
    assert [(v.indicator_id, v.value) for v in report.values.all()] == [(indicator.pk, 120)]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"period_end": "2025-01-01"}, "period_end", "must end after it starts"),
        ({"period_start": ""}, "period_start", "This field is required."),
        ({"narrative": ""}, "narrative", "This field is required."),
        ({"evidence_url": "nope"}, "evidence_url", "Enter a valid URL."),
        ({"VALUE": "-1"}, "VALUE", "greater than or equal to 0"),
        ({"VALUE": "lots"}, "VALUE", "Enter a whole number."),
        ({"VALUE": ""}, "__all__", "at least one indicator"),
    ],
)
def test_bad_report_input_is_explained_and_changes_nothing(
    editor_client, organisation, overrides, field, message
):
    pledge = complete_pledge(organisation=organisation, approved=True)
    indicator = Indicator.objects.get()
    value_field = f"value_{indicator.pk}"
    overrides = {value_field if k == "VALUE" else k: v for k, v in overrides.items()}
    field = value_field if field == "VALUE" else field

    response = editor_client.post(
        u("pledges:report_create", organisation, pk=pledge.pk),
        {**report_data(indicator), **overrides},
    )

    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert ProgressReport.objects.count() == 0


def test_reporting_on_a_pledge_that_is_not_approved_is_refused(editor_client, organisation):
    pledge = complete_pledge(organisation=organisation, status="rejected")
    indicator = Indicator.objects.get()

    response = editor_client.post(
        u("pledges:report_create", organisation, pk=pledge.pk), report_data(indicator)
    )

    assert response.status_code == 302
    assert ProgressReport.objects.count() == 0


@pytest.mark.parametrize("count", [1, 8])
def test_the_report_form_queries_are_constant(
    count, editor_client, organisation, django_assert_max_num_queries
):
    pledge = complete_pledge(organisation=organisation, approved=True)
    for _ in range(count):
        IndicatorFactory(initiative=InitiativeFactory(pledge=pledge))

    with django_assert_max_num_queries(7):
        response = editor_client.get(u("pledges:report_create", organisation, pk=pledge.pk))

    assert response.status_code == 200


def test_a_report_sent_back_is_corrected_and_resubmitted(editor_client, organisation, moderator):
    pledge = complete_pledge(organisation=organisation, approved=True)
    indicator = Indicator.objects.get()
    report = ProgressReportFactory(pledge=pledge, status="changes-requested")
    PledgeTransition.objects.create(
        pledge=pledge,
        report=report,
        from_status="submitted",
        to_status="changes-requested",
        actor=moderator,
        message="Which schools?",
    )
    url = u("pledges:report_edit", organisation, pk=pledge.pk, report_pk=report.pk)

    page = editor_client.get(url)
    response = editor_client.post(url, report_data(indicator, value="77", narrative="40 schools."))

    assert "Which schools?" in page.text
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.narrative) == ("submitted", "40 schools.")
    assert [v.value for v in report.values.all()] == [77]


def test_a_report_on_a_withdrawn_pledge_cannot_be_resubmitted(editor_client, organisation):
    pledge = complete_pledge(organisation=organisation, status="withdrawn")
    report = ProgressReportFactory(pledge=pledge, status="changes-requested", narrative="Old")
    url = u("pledges:report_edit", organisation, pk=pledge.pk, report_pk=report.pk)

    page = editor_client.get(url)
    response = editor_client.post(url, report_data(Indicator.objects.get(), narrative="New"))

    assert (
        page["Location"] == response["Location"] == u("pledges:manage", organisation, pk=pledge.pk)
    )
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Progress can only be reported on approved pledges.",
        "Progress can only be reported on approved pledges.",
    ]
    report.refresh_from_db()
    assert (report.status, report.narrative) == ("changes-requested", "Old")


def test_a_refused_resubmission_is_explained_on_the_form(editor_client, organisation, monkeypatch):
    pledge = complete_pledge(organisation=organisation, approved=True)
    report = ProgressReportFactory(pledge=pledge, status="changes-requested", narrative="Old")
    url = u("pledges:report_edit", organisation, pk=pledge.pk, report_pk=report.pk)

    def withdrawn_meanwhile(**kwargs):
        raise WorkflowError(
            "The pledge is “Withdrawn”: its progress reports can no longer be changed."
        )

    monkeypatch.setattr("pledges.services.report_resubmit", withdrawn_meanwhile)

    response = editor_client.post(url, report_data(Indicator.objects.get(), narrative="New"))

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "The pledge is “Withdrawn”: its progress reports can no longer be changed."
    ]
    assert 'value="https://clubs.example.org/report"' in response.text  # what was typed
    assert ProgressReport.objects.get().narrative == "Old"


def test_a_submitted_report_cannot_be_edited(editor_client, organisation):
    pledge = complete_pledge(organisation=organisation, approved=True)
    report = ProgressReportFactory(pledge=pledge, narrative="Original")
    url = u("pledges:report_edit", organisation, pk=pledge.pk, report_pk=report.pk)

    response = editor_client.post(url, report_data(Indicator.objects.get(), narrative="Changed"))

    assert response.status_code == 302
    assert ProgressReport.objects.get().narrative == "Original"


# --- Badge snippet ---------------------------------------------------------------------


def test_the_badge_page_gives_a_snippet_to_copy(editor_client, organisation):
    complete_pledge(organisation=organisation, approved=True)

    response = editor_client.get(u("pledges:badge_snippet", organisation))

    assert response.status_code == 200
    assert "badge.svg" in response.context["snippet"]
    assert "&lt;img src=" in response.text  # shown as code, not rendered


def test_the_pillar_checkboxes_name_the_pillars_in_the_pages_language(editor_client, organisation):
    pledge = PledgeFactory(organisation=organisation)
    url = u("pledges:initiative_create", organisation, pk=pledge.pk).replace("/en/", "/fi/", 1)

    response = editor_client.get(url)

    assert "Digitaidot kaikille" in response.text  # the pillar's Finnish translation
    assert "Digital skills for all" not in response.text
