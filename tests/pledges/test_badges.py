import datetime

import pytest
from django.template import Context, Template
from django.urls import reverse

from pledges import badges, services
from pledges.models import Indicator, Pledge, ProgressReport
from pledges.viewer.read_model import refresh_pledges
from tests.pledges.factories import (
    IndicatorFactory,
    MemberOrganisationFactory,
    PledgeFactory,
    ProgressReportFactory,
    ReportedValueFactory,
    complete_pledge,
    editor_of,
)

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 9, 1, tzinfo=datetime.UTC)


def slugs(organisation, now=NOW):
    return [b.slug for b in badges.organisation_badges(organisation, now=now)]


def indexed(*pledges):
    """Rebuild the viewer rows of pledges these tests changed with factories, as
    every service that changes a pledge or its reports does: the Achiever badge
    reads the row's targets_reached."""
    refresh_pledges(p.pk for p in pledges)


def test_badges_follow_from_data(organisation):
    assert slugs(organisation) == ["member"]

    pledge = complete_pledge(organisation=organisation, approved=True)
    assert slugs(organisation) == ["member", "pledger"]

    report = ProgressReportFactory(
        pledge=pledge,
        status=ProgressReport.Status.APPROVED,
        decided_at=NOW - datetime.timedelta(days=30),
    )
    ReportedValueFactory(report=report, indicator=Indicator.objects.get(), value=999)
    assert slugs(organisation) == ["member", "pledger", "reporter"]

    indexed(pledge)
    assert slugs(organisation) == ["member", "pledger", "reporter"]  # 999 of 1,000

    ReportedValueFactory(
        report=ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.APPROVED),
        indicator=Indicator.objects.get(),
        value=1,
    )
    indexed(pledge)
    assert slugs(organisation) == ["member", "pledger", "reporter", "achiever"]


def test_the_reporter_badge_lapses_after_twelve_months(organisation):
    pledge = complete_pledge(organisation=organisation, approved=True)
    ProgressReportFactory(
        pledge=pledge,
        status=ProgressReport.Status.APPROVED,
        decided_at=NOW - datetime.timedelta(days=366),
    )

    assert "reporter" not in slugs(organisation)


def test_drafts_and_pending_reports_earn_nothing():
    organisation = MemberOrganisationFactory(member_since=None)
    pledge = complete_pledge(organisation=organisation, submitted=True)
    ReportedValueFactory(
        report=ProgressReportFactory(pledge=pledge), indicator=Indicator.objects.get(), value=5000
    )

    assert slugs(organisation) == []


def test_the_inclusion_tag_lists_the_badges(organisation):
    complete_pledge(organisation=organisation, approved=True)

    html = Template("{% load pledge_tags %}{% organisation_badges organisation %}").render(
        Context({"organisation": organisation})
    )

    assert "Coalition member" in html
    assert "Pledger" in html
    assert "Achiever" not in html


def test_the_svg_badge_is_public_and_embeddable(client, organisation):
    complete_pledge(organisation=organisation, approved=True)

    response = client.get(reverse("pledges:badge_svg", kwargs={"slug": organisation.slug}))

    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.content.decode()
    assert body.startswith("<svg")
    assert "Pledger" in body
    assert organisation.name in body


def test_the_svg_badge_escapes_the_organisation_name(client):
    MemberOrganisationFactory(name='Evil "><script>x</script>', slug="evil")

    body = client.get(reverse("pledges:badge_svg", kwargs={"slug": "evil"})).content.decode()

    assert "<script>" not in body


def test_the_svg_badge_is_404_without_badges_or_organisation(client):
    MemberOrganisationFactory(slug="newcomer", member_since=None)

    assert client.get(reverse("pledges:badge_svg", kwargs={"slug": "newcomer"})).status_code == 404
    assert client.get(reverse("pledges:badge_svg", kwargs={"slug": "nobody"})).status_code == 404


def test_the_svg_badge_answers_405_to_a_post(client, organisation):
    url = reverse("pledges:badge_svg", kwargs={"slug": organisation.slug})

    assert client.post(url).status_code == 405


def test_the_snippet_escapes_the_organisation_name(client):
    organisation = MemberOrganisationFactory(name='Quote " and <b>', slug="quotes")
    client.force_login(editor_of(organisation))

    response = client.get(reverse("pledges:badge_snippet", kwargs={"slug": "quotes"}))

    assert 'alt="Quote &quot; and &lt;b&gt;: Coalition member' in response.context["snippet"]


def test_the_organisation_pledges_tag_lists_public_pledges_with_totals(
    organisation, django_assert_max_num_queries
):
    public = complete_pledge(organisation=organisation, approved=True, title="Public one")
    complete_pledge(organisation=organisation, title="Secret draft")
    ReportedValueFactory(
        report=ProgressReportFactory(pledge=public, status=ProgressReport.Status.APPROVED),
        indicator=Indicator.objects.get(initiative__pledge=public),
        value=250,
    )
    indexed(public)
    template = Template("{% load pledge_tags %}{% organisation_pledges organisation %}")

    with django_assert_max_num_queries(2):
        html = template.render(Context({"organisation": organisation}))

    assert "Public one" in html
    assert "Secret draft" not in html
    assert "250 of 1,000 (25%)" in html


def test_it_costs_one_query(organisation, django_assert_num_queries):
    complete_pledge(organisation=organisation, approved=True)

    with django_assert_num_queries(1):
        earned = badges.organisation_badges(organisation)

    assert [b.slug for b in earned] == ["member", "pledger"]


def test_an_achiever_reached_every_target_through_approved_reports(organisation):
    empty = PledgeFactory(organisation=organisation, status=Pledge.Status.APPROVED)  # no targets
    pledge = complete_pledge(organisation=organisation, approved=True)
    indicator = Indicator.objects.get()
    pending = ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.SUBMITTED)
    ReportedValueFactory(report=pending, indicator=indicator, value=indicator.target)
    indexed(empty, pledge)
    assert "achiever" not in slugs(organisation)

    approved = ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.APPROVED)
    ReportedValueFactory(report=approved, indicator=indicator, value=indicator.target)
    indexed(pledge)
    assert "achiever" in slugs(organisation)

    IndicatorFactory(initiative=indicator.initiative)  # a new target, not yet reported
    indexed(pledge)
    assert "achiever" not in slugs(organisation)


def test_the_services_keep_the_achiever_badge_true(organisation, editor, moderator):
    pledge = complete_pledge(organisation=organisation, approved=True)
    indexed(pledge)  # approved by the factory; from here on, through the services
    indicator = Indicator.objects.get()

    report = services.report_submit(
        pledge=pledge,
        actor=editor,
        period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 6, 30),
        narrative="Everyone trained.",
        values={indicator.pk: indicator.target},
    )
    assert "achiever" not in slugs(organisation)  # submitted, not yet approved
    services.report_approve(report=report, actor=moderator, now=NOW)
    assert "achiever" in slugs(organisation)

    # Changes that add a target, approved: not every target is reached any more.
    revision = services.pledge_revise(pledge=pledge, actor=editor)
    IndicatorFactory(initiative=revision.initiatives.get(), kind=Indicator.Kind.CERTIFICATIONS)
    services.pledge_submit(pledge=revision, actor=editor, declaration=True)
    services.pledge_approve(pledge=revision, actor=moderator)
    assert "achiever" not in slugs(organisation)


# --- Milestones that stay ---------------------------------------------------------------


@pytest.mark.parametrize("later", [Pledge.Status.WITHDRAWN, Pledge.Status.COMPLETED])
def test_the_pledger_badge_stays_after_the_first_pledge_closes(later, organisation):
    pledge = complete_pledge(organisation=organisation, approved=True)
    assert slugs(organisation) == ["member", "pledger"]

    Pledge.objects.filter(pk=pledge.pk).update(status=later)

    assert slugs(organisation) == ["member", "pledger"]


@pytest.mark.parametrize(
    "status", [Pledge.Status.SUBMITTED, Pledge.Status.REJECTED, Pledge.Status.WITHDRAWN]
)
def test_a_pledge_never_approved_earns_no_pledger_badge(status, organisation):
    complete_pledge(organisation=organisation, status=status)  # approved_at empty

    assert slugs(organisation) == ["member"]


def test_proposed_changes_are_not_a_pledge_of_their_own():
    organisation = MemberOrganisationFactory(member_since=None)
    public = complete_pledge(approved=True)  # another organisation's
    PledgeFactory(organisation=organisation, revision_of=public, approved_at=public.approved_at)

    assert slugs(organisation) == []


def test_a_withdrawn_pledge_keeps_its_recent_reports_but_not_its_achievement(organisation, editor):
    pledge = complete_pledge(organisation=organisation, approved=True)
    report = ProgressReportFactory(
        pledge=pledge,
        status=ProgressReport.Status.APPROVED,
        decided_at=NOW - datetime.timedelta(days=30),
    )
    ReportedValueFactory(report=report, indicator=Indicator.objects.get(), value=1000)
    indexed(pledge)
    assert slugs(organisation) == ["member", "pledger", "reporter", "achiever"]

    services.pledge_withdraw(pledge=pledge, actor=editor)

    # The report was approved this year; the targets no longer show on a public page.
    assert slugs(organisation) == ["member", "pledger", "reporter"]


def test_a_completed_pledge_keeps_every_badge(organisation):
    pledge = complete_pledge(organisation=organisation, status=Pledge.Status.COMPLETED)
    Pledge.objects.filter(pk=pledge.pk).update(approved_at=None)  # from before approved_at
    report = ProgressReportFactory(
        pledge=pledge,
        status=ProgressReport.Status.APPROVED,
        decided_at=NOW - datetime.timedelta(days=30),
    )
    ReportedValueFactory(report=report, indicator=Indicator.objects.get(), value=1000)
    indexed(pledge)

    assert slugs(organisation) == ["member", "pledger", "reporter", "achiever"]


def test_the_milestone_costs_one_query_still(organisation, django_assert_num_queries):
    complete_pledge(organisation=organisation, approved=True, status=Pledge.Status.WITHDRAWN)

    with django_assert_num_queries(1):
        earned = badges.organisation_badges(organisation)

    assert [b.slug for b in earned] == ["member", "pledger"]
    assert str(earned[1].description) == "Had its first pledge approved."


def test_the_organisation_totals_from_the_viewer_rows_are_those_of_the_indicators(organisation):
    """kind_totals() reads the sums refresh_pledges() keeps; it must agree with
    the plain computation over indicators and approved reports it replaces."""
    from pledges import progress
    from pledges.viewer.models import PledgeCard
    from pledges.viewer.queries import kind_totals

    first = complete_pledge(organisation=organisation, approved=True)
    second = complete_pledge(organisation=organisation, status=Pledge.Status.COMPLETED)
    IndicatorFactory(initiative=second.initiatives.get(), kind="certifications", target=40)
    not_reported = complete_pledge(organisation=organisation, approved=True)
    IndicatorFactory(initiative=not_reported.initiatives.get(), kind="new-courses", target=3)
    complete_pledge(organisation=organisation)  # a draft counts nowhere
    for pledge, values in ((first, (100, 20)), (second, (7, 0))):
        for value, status in zip(
            values, (ProgressReport.Status.APPROVED, ProgressReport.Status.SUBMITTED), strict=True
        ):
            report = ProgressReportFactory(pledge=pledge, status=status)
            for indicator in Indicator.objects.filter(initiative__pledge=pledge):
                ReportedValueFactory(report=report, indicator=indicator, value=value)
    indexed(first, second, not_reported)

    from_rows = kind_totals(PledgeCard.objects.filter(organisation=organisation))
    plain = progress.totals_for_queryset(Pledge.objects.public().filter(organisation=organisation))

    def shown(totals):
        return [(t.kind, t.label, t.target, t.achieved) for t in totals]

    assert shown(from_rows) == shown(plain)
    assert [t.achieved for t in from_rows if t.kind == "new-courses"] == [None]
