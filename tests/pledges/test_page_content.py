"""pledges.page_content: the public pledge page's one statement reads what the
ORM reads (pledges.queries.with_content, the editors' pages and the preview)."""

import datetime

import pytest

from coalition.models import Pillar
from pledges import badges, page_content, progress, queries, services
from pledges.models import Pledge
from tests.pledges.factories import PledgeFactory, editor_of

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2025, 8, 1, tzinfo=datetime.UTC)


def _fields(instance):
    return {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}


def _facts(content: page_content.PledgeContent) -> dict:
    """Everything a page can read of the content, as plain values."""
    return {
        "pledge": _fields(content.pledge),
        "organisation": _fields(content.pledge.organisation),
        "partners": [_fields(p) for p in content.partners],
        "initiatives": [
            {
                "initiative": _fields(item.initiative),
                "pillars": [_fields(p) for p in item.pillars],
                "indicators": [
                    (
                        _fields(i),
                        [_fields(v) for v in i.approved_values],
                        progress.indicator_progress(i),
                    )
                    for i in item.indicators
                ],
            }
            for item in content.initiatives
        ],
        "reports": [
            {
                "report": _fields(item.report),
                "values": [
                    (_fields(v), str(v.indicator), v.indicator.initiative.title)
                    for v in item.values
                ],
            }
            for item in content.reports
        ],
    }


def test_the_public_page_reads_what_the_orm_reads(rich_pledge, django_assert_num_queries):
    orm = page_content.of_pledge(queries.pledge_with_content(rich_pledge.pk))
    expected_badges = badges.organisation_badges(rich_pledge.organisation, now=NOW)
    expected_pillars = [_fields(p) for p in Pillar.objects.in_order()]

    with django_assert_num_queries(1):
        page = page_content.public(rich_pledge.pk, now=NOW)
        facts = _facts(page.content)

    assert facts == _facts(orm)
    assert [b.slug for b in page.badges] == [b.slug for b in expected_badges]
    assert [b.slug for b in page.badges] == ["member", "pledger", "reporter"]
    assert [_fields(p) for p in page.pillars] == expected_pillars


def test_the_content_is_in_the_pages_order(rich_pledge):
    content = page_content.public(rich_pledge.pk).content

    assert [p.name for p in content.partners] == ["Alpha partner", "Zeta partner"]
    assert [item.initiative.title for item in content.initiatives] == ["First", "Second"]
    assert [r.report.status for r in content.reports] == ["submitted", "approved"]
    # A report's values in the initiatives' order.
    assert [(str(v.indicator), v.value) for v in content.reports[1].values] == [
        ("People reached", 40),
        ("Apps", 1),
    ]
    people = content.initiatives[0].indicators[0]
    assert [v.value for v in people.approved_values] == [40]  # not the submitted 70


def test_the_public_page_of_a_pledge_without_content():
    pledge = PledgeFactory(approved=True)

    page = page_content.public(pledge.pk)

    assert _facts(page.content) == _facts(
        page_content.of_pledge(queries.pledge_with_content(pledge.pk))
    )
    assert page.content.initiatives == page.content.reports == page.content.partners == []


def test_the_public_page_of_an_unknown_pledge_is_none():
    assert page_content.public(987654321) is None


def test_its_instances_are_the_orms(rich_pledge):
    pledge = page_content.public(rich_pledge.pk).content.pledge
    orm = Pledge.objects.get(pk=rich_pledge.pk)

    assert pledge == orm
    assert pledge.get_deferred_fields() == set()
    assert pledge.organisation.get_absolute_url() == orm.organisation.get_absolute_url()
    pledge.title = "Changed title"
    pledge.save(update_fields=["title"])  # saved as a loaded row is: an update
    assert Pledge.objects.get(pk=rich_pledge.pk).title == "Changed title"
    assert Pledge.objects.count() == 1


def test_a_revision_reads_the_pledge_it_changes(rich_pledge):
    revision = services.pledge_revise(pledge=rich_pledge, actor=editor_of(rich_pledge.organisation))

    pledge = page_content.public(revision.pk).content.pledge

    assert pledge.is_revision
    assert pledge.revision_of == rich_pledge
