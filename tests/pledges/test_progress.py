import pytest
from django.template import Context, Template
from django.utils import translation

from pledges import progress
from pledges.models import Indicator, Pledge, ProgressReport
from pledges.progress import KindTotal, Progress
from tests.pledges.factories import (
    IndicatorFactory,
    InitiativeFactory,
    ProgressReportFactory,
    ReportedValueFactory,
    complete_pledge,
)

pytestmark = pytest.mark.django_db
APPROVED = ProgressReport.Status.APPROVED


def test_combine_says_none_when_nothing_was_reported_and_sums_otherwise():
    assert progress.combine([]) is None
    assert progress.combine([0]) == 0
    assert progress.combine([100, 50], kind="people-reached") == 150


@pytest.mark.parametrize(
    ("target", "achieved", "percent", "reached"),
    [(200, None, None, False), (200, 0, 0, False), (200, 50, 25, False), (200, 300, 100, True)],
)
def test_progress_percent_is_capped_and_not_reported_is_not_zero(
    target, achieved, percent, reached
):
    result = Progress(target, achieved)

    assert (result.percent, result.reached, result.reported) == (
        percent,
        reached,
        achieved is not None,
    )


def load(pledge):
    return Pledge.objects.prefetch_related(*progress.pledge_prefetches()).get(pk=pledge.pk)


def test_only_approved_reports_count():
    pledge = complete_pledge(approved=True)
    indicator = Indicator.objects.get()
    for status, value in [(APPROVED, 100), (APPROVED, 20), ("submitted", 1000), ("rejected", 7)]:
        ReportedValueFactory(
            report=ProgressReportFactory(pledge=pledge, status=status),
            indicator=indicator,
            value=value,
        )

    loaded = load(pledge)
    (row,) = progress.pledge_indicators(loaded)

    assert progress.indicator_progress(row) == Progress(1000, 120)


def test_pledge_totals_add_up_per_standard_kind(django_assert_num_queries):
    pledge = complete_pledge(approved=True)  # people reached, target 1000
    initiative = InitiativeFactory(pledge=pledge)
    people = IndicatorFactory(initiative=initiative, target=500)
    IndicatorFactory(initiative=initiative, kind="certifications", target=30)
    IndicatorFactory(initiative=initiative, kind="custom", custom_name="Clubs", target=9)
    ReportedValueFactory(
        report=ProgressReportFactory(pledge=pledge, status=APPROVED), indicator=people, value=80
    )
    loaded = load(pledge)

    with django_assert_num_queries(0):
        totals = progress.pledge_totals([loaded])

    assert totals == [
        KindTotal("people-reached", "People reached", 1500, 80, 2),
        KindTotal("certifications", "Certifications issued", 30, None, 1),
    ]


def test_totals_for_a_queryset_match_the_python_totals(django_assert_num_queries):
    first = complete_pledge(approved=True)
    second = complete_pledge(approved=True)
    IndicatorFactory(initiative=second.initiatives.get(), kind="new-courses", target=4)
    for pledge in (first, second):
        indicator = Indicator.objects.filter(initiative__pledge=pledge, kind="people-reached").get()
        ReportedValueFactory(
            report=ProgressReportFactory(pledge=pledge, status=APPROVED),
            indicator=indicator,
            value=10,
        )
    complete_pledge()  # a draft does not count when filtered out
    pledges = Pledge.objects.public()

    with django_assert_num_queries(2):
        in_database = progress.totals_for_queryset(pledges)

    assert in_database == progress.pledge_totals([load(first), load(second)])
    assert in_database == [
        KindTotal("people-reached", "People reached", 2000, 20, 2),
        KindTotal("new-courses", "New courses developed", 4, None, 1),
    ]


def test_all_targets_reached_needs_every_indicator():
    pledge = complete_pledge(approved=True)
    first = Indicator.objects.get()
    second = IndicatorFactory(initiative=first.initiative, kind="certifications", target=5)
    report = ProgressReportFactory(pledge=pledge, status=APPROVED)
    ReportedValueFactory(report=report, indicator=first, value=1000)

    assert progress.all_targets_reached(load(pledge)) is False
    ReportedValueFactory(report=report, indicator=second, value=5)
    assert progress.all_targets_reached(load(pledge)) is True


# --- {% progress label progress %}: the widget every page shows for a target ----


def _widget(label, progress):
    return Template("{% load pledge_tags %}{% progress label progress %}").render(
        Context({"label": label, "progress": progress})
    )


def test_the_progress_widget_shows_what_was_achieved_and_its_bar():
    html = _widget("People <reached>", Progress(target=12000, achieved=3000))

    assert '<p class="portal-progress__label">People &lt;reached&gt;</p>' in html
    assert '<p class="portal-progress__figures">3,000 of 12,000 (25%)</p>' in html
    assert '<rect class="portal-progress__fill" width="25" height="1"/>' in html
    assert "style=" not in html
    assert "not yet reported" not in html


def test_the_progress_widget_says_when_nothing_was_reported_yet():
    html = _widget("Courses", Progress(target=40, achieved=None))

    assert "Target 40 · " in html
    assert '<em class="portal-progress__none">not yet reported</em>' in html
    assert "portal-progress__bar--empty" in html
    assert "portal-progress__fill" not in html


def test_the_progress_widget_is_translated():
    with translation.override("fr"):
        html = _widget("Personnes", Progress(target=40, achieved=None))

    assert "not yet reported" not in html
    assert "Target" not in html
