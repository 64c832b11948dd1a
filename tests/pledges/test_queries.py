import datetime

import pytest
from django.urls import reverse

from coalition.models import Pillar
from pledges import badges, progress, queries, services
from pledges.models import Indicator, Initiative, Pledge, ProgressReport
from tests.pledges.factories import (
    IndicatorFactory,
    InitiativeFactory,
    OrganisationFactory,
    PledgeFactory,
    ProgressReportFactory,
    ReportedValueFactory,
    complete_pledge,
    editor_of,
)

pytestmark = pytest.mark.django_db


def test_revision_changes_say_what_changes(editor):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    InitiativeFactory(pledge=pledge, title="Dropped")
    revision = services.pledge_revise(pledge=pledge, actor=editor)
    assert queries.revision_changes(revision) == []

    services.pledge_update(pledge=revision, actor=editor, title="Better title")
    Initiative.objects.get(pledge=revision, title="Dropped").delete()
    kept = Initiative.objects.get(pledge=revision)
    Indicator.objects.filter(initiative=kept).update(target=5000)
    IndicatorFactory(initiative=kept, kind="certifications", target=50)
    InitiativeFactory(pledge=revision, title="New one")

    assert queries.revision_changes(revision) == [
        f"Title: “{pledge.title}” → “Better title”",
        f"Initiative “{kept.title}”: People reached, target 1,000 → People reached, target 5,000.",
        f"Initiative “{kept.title}”: indicator added: Certifications issued, target 50.",
        "Initiative added: “New one”.",
        "Initiative removed: “Dropped”.",
    ]


@pytest.mark.parametrize("count", [1, 6])
def test_the_revision_page_shows_the_changes_in_constant_queries(
    count, editor_client, editor, django_assert_max_num_queries
):
    pledge = complete_pledge(organisation=editor.organisations.get(), approved=True)
    for _ in range(count):
        IndicatorFactory(initiative=InitiativeFactory(pledge=pledge))
    revision = services.pledge_revise(pledge=pledge, actor=editor)
    Indicator.objects.filter(initiative__pledge=revision).update(target=7)
    url = reverse("pledges:manage", kwargs={"slug": pledge.organisation.slug, "pk": revision.pk})

    with django_assert_max_num_queries(26):
        response = editor_client.get(url)

    assert response.text.count("target 7.") == count + 1


# --- pledge_with_content: the ORM, prefetched, a constant number of queries ----------


def _fields(instance):
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def test_pledge_with_content_loads_the_page_in_eight_queries(
    rich_pledge, django_assert_num_queries
):
    orm = Pledge.objects.select_related("organisation").get(pk=rich_pledge.pk)
    expected_initiatives = [
        (
            _fields(i),
            [p.slug for p in i.pillars.order_by("position")],
            [_fields(ind) for ind in i.indicators.order_by("pk")],
        )
        for i in orm.initiatives.order_by("position", "pk")
    ]
    expected_reports = [_fields(r) for r in orm.reports.order_by("-period_end", "-pk")]

    # The pledge with its organisation and the pledge it revises, partners,
    # initiatives, pillars, indicators, approved values, reports, reported values.
    with django_assert_num_queries(8):
        pledge = queries.pledge_with_content(rich_pledge.pk)

    with django_assert_num_queries(0):
        assert _fields(pledge) == _fields(orm)
        assert _fields(pledge.organisation) == _fields(orm.organisation)
        assert pledge.revision_of is None
        assert [p.name for p in pledge.partners.all()] == ["Alpha partner", "Zeta partner"]
        initiatives = list(pledge.initiatives.all())
        assert [i.title for i in initiatives] == ["First", "Second"]
        assert [
            (
                _fields(i),
                [p.slug for p in i.pillars.all()],
                [_fields(ind) for ind in i.indicators.all()],
            )
            for i in initiatives
        ] == expected_initiatives
        people = initiatives[0].indicators.all()[0]
        assert [v.value for v in people.approved_values] == [40]  # not the submitted 70
        assert progress.pledge_totals([pledge])[0].achieved == 40
        reports = list(pledge.reports.all())
        assert [r.status for r in reports] == ["submitted", "approved"]  # newest first
        assert [_fields(r) for r in reports] == expected_reports
        # Values in the initiatives' order, each with its indicator and initiative.
        assert [
            (str(v.indicator), v.indicator.initiative.title, v.value)
            for v in reports[1].values.all()
        ] == [("People reached", "First", 40), ("Apps", "Second", 1)]


@pytest.mark.parametrize("size", [1, 8])
def test_pledge_with_content_takes_eight_queries_whatever_the_size(size, django_assert_num_queries):
    pledge = PledgeFactory(approved=True)
    pledge.partners.set([OrganisationFactory() for _ in range(size)])
    for position in range(size):
        initiative = InitiativeFactory(pledge=pledge, position=position)
        initiative.pillars.set(Pillar.objects.all())
        report = ProgressReportFactory(pledge=pledge, status=ProgressReport.Status.APPROVED)
        for kind in (Indicator.Kind.PEOPLE_REACHED, Indicator.Kind.NEW_COURSES):
            indicator = IndicatorFactory(initiative=initiative, kind=kind)
            ReportedValueFactory(report=report, indicator=indicator, value=5)

    with django_assert_num_queries(8):
        loaded = queries.pledge_with_content(pledge.pk)
        assert len(progress.pledge_indicators(loaded)) == 2 * size
        assert sum(len(r.values.all()) for r in loaded.reports.all()) == 2 * size


def test_pledge_with_content_reads_the_pledge_a_revision_changes(rich_pledge):
    revision = services.pledge_revise(pledge=rich_pledge, actor=editor_of(rich_pledge.organisation))

    loaded = queries.pledge_with_content(revision.pk)

    assert loaded.revision_of.pk == rich_pledge.pk
    assert _fields(loaded.revision_of) == _fields(Pledge.objects.get(pk=rich_pledge.pk))


def test_pledge_with_content_is_none_for_an_unknown_pledge():
    assert queries.pledge_with_content(987654321) is None


def test_the_badges_of_the_rich_pledges_organisation(rich_pledge, django_assert_num_queries):
    organisation = rich_pledge.organisation
    soon_after = datetime.datetime(2025, 8, 1, tzinfo=datetime.UTC)
    a_year_later = datetime.datetime(2026, 7, 3, tzinfo=datetime.UTC)

    with django_assert_num_queries(1):
        earned = badges.organisation_badges(organisation, now=soon_after)

    # A member, with an approved pledge and a report approved on 2 July 2025;
    # no target is reached.
    assert [b.slug for b in earned] == ["member", "pledger", "reporter"]
    assert [b.slug for b in badges.organisation_badges(organisation, now=a_year_later)] == [
        "member",
        "pledger",
    ]
