"""Progress arithmetic: targets against what approved reports say was achieved.

Rules, in one place:
- Only values from APPROVED progress reports count.
- An indicator that no approved report mentions is *not yet reported*: its
  achieved value is ``None``, never 0 (a report may say 0, and that is 0).
- Every standard kind counts people, places, certifications, placements,
  vacancies or courses *per reporting period*, so values add up across reports
  (``AGGREGATION``); a custom indicator adds up the same way.
- A pledge's totals are kept per standard kind (custom indicators measure
  different things and are never added together).

The functions below are pure: they read the data they are given. Load pledges
with ``pledge_prefetches()`` (or ``pledges.queries.with_content()``) and each
page needs a constant number of queries, however many initiatives, indicators
and reports there are. For totals over a
large filtered set of pledges, ``totals_for_queryset()`` aggregates in the
database instead (two queries).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from coalition.labels import choice_labels
from pledges.models import Indicator, Initiative, Pledge, ProgressReport, ReportedValue
from pledges.reporting.breakdown import FIELDS as BREAKDOWN_FIELDS

SUM = "sum"
#: How reported values of each kind combine across reports.
AGGREGATION: dict[str, str] = dict.fromkeys(Indicator.Kind.values, SUM)

#: The kinds that pledges' totals add up (everything but custom indicators).
STANDARD_KINDS: tuple[str, ...] = tuple(k for k in Indicator.Kind.values if k != "custom")


@dataclass(frozen=True)
class Progress:
    """One indicator's (or one total's) target and achievement."""

    target: int
    achieved: int | None  # None: not yet reported

    @property
    def reported(self) -> bool:
        return self.achieved is not None

    @property
    def percent(self) -> int | None:
        """Achieved as a whole percentage of the target, capped at 100 for bars."""
        if self.achieved is None or self.target <= 0:
            return None
        return min(100, (self.achieved * 100) // self.target)

    @property
    def reached(self) -> bool:
        return self.achieved is not None and self.achieved >= self.target


@dataclass(frozen=True)
class KindTotal:
    kind: str
    label: str
    target: int
    achieved: int | None
    indicators: int

    @property
    def progress(self) -> Progress:
        return Progress(self.target, self.achieved)


def combine(values: Iterable[int], *, kind: str = "custom") -> int | None:
    """Combine the values approved reports gave one indicator; None when there are none."""
    values = list(values)
    if not values:
        return None
    if AGGREGATION.get(kind, SUM) == SUM:
        return sum(values)
    raise ValueError(f"Unknown aggregation for {kind!r}")  # pragma: no cover


def approved_values_prefetch(prefix: str = "") -> Prefetch:
    """Prefetch each indicator's approved values into ``indicator.approved_values``."""
    return Prefetch(
        f"{prefix}reported_values",
        # With their breakdown, which the API shows (pledges.reporting.breakdown).
        queryset=ReportedValue.objects.filter(report__status=ProgressReport.Status.APPROVED).only(
            "id", "indicator_id", "value", *BREAKDOWN_FIELDS
        ),
        to_attr="approved_values",
    )


def pledge_prefetches() -> list:
    """What a page needs to show pledges' initiatives, indicators and progress
    (four queries, whatever the number of rows)."""
    return [
        Prefetch(
            "initiatives",
            queryset=Initiative.objects.order_by("position", "pk").prefetch_related("pillars"),
        ),
        Prefetch("initiatives__indicators", queryset=Indicator.objects.order_by("pk")),
        approved_values_prefetch("initiatives__indicators__"),
    ]


def _approved_values(indicator: Indicator) -> list[int]:
    values = getattr(indicator, "approved_values", None)
    if values is None:  # not prefetched: one query (avoid in loops)
        values = indicator.reported_values.filter(report__status=ProgressReport.Status.APPROVED)
    return [v.value for v in values]


def indicator_progress(indicator: Indicator) -> Progress:
    """Target and achieved (None until an approved report mentions it)."""
    return Progress(indicator.target, combine(_approved_values(indicator), kind=indicator.kind))


def pledge_indicators(pledge: Pledge) -> list[Indicator]:
    """The pledge's indicators, initiative by initiative (prefetch them)."""
    return [i for initiative in pledge.initiatives.all() for i in initiative.indicators.all()]


def pledge_totals(pledges: Iterable[Pledge]) -> list[KindTotal]:
    """Per standard kind, the summed targets and achievements of the given pledges'
    indicators (``indicator_totals``)."""
    return indicator_totals(i for pledge in pledges for i in pledge_indicators(pledge))


def indicator_totals(indicators: Iterable[Indicator]) -> list[KindTotal]:
    """Per standard kind, the summed targets and achievements of the indicators
    (achieved is None when no indicator of that kind was reported). Kinds no
    indicator uses are left out; order follows ``Indicator.Kind``."""
    targets: dict[str, int] = {}
    achieved: dict[str, int | None] = {}
    counts: dict[str, int] = {}
    for indicator in indicators:
        if indicator.kind not in STANDARD_KINDS:
            continue
        kind = indicator.kind
        targets[kind] = targets.get(kind, 0) + indicator.target
        counts[kind] = counts.get(kind, 0) + 1
        value = indicator_progress(indicator).achieved
        if value is not None:
            achieved[kind] = (achieved.get(kind) or 0) + value
        else:
            achieved.setdefault(kind, None)
    labels = choice_labels(Indicator.Kind)
    return [
        KindTotal(kind, labels[kind], targets[kind], achieved[kind], counts[kind])
        for kind in STANDARD_KINDS
        if kind in targets
    ]


def all_targets_reached(pledge: Pledge) -> bool:
    """True when the pledge has indicators and every one has reached its target."""
    return targets_reached(pledge_indicators(pledge))


def targets_reached(indicators: Iterable[Indicator]) -> bool:
    """True when there are indicators and every one has reached its target."""
    indicators = list(indicators)
    return bool(indicators) and all(indicator_progress(i).reached for i in indicators)


def totals_for_queryset(pledges: QuerySet[Pledge]) -> list[KindTotal]:
    """Like ``pledge_totals`` for any number of pledges, computed in the database
    (two queries): targets per kind, then approved achievements per kind."""
    indicators = Indicator.objects.filter(initiative__pledge__in=pledges.values("pk"))
    target_rows = (
        indicators.filter(kind__in=STANDARD_KINDS)
        .values("kind")
        .annotate(target=Sum("target"), n=Count("pk"))
    )
    achieved_rows = (
        ReportedValue.objects.filter(
            report__status=ProgressReport.Status.APPROVED,
            indicator__in=indicators.filter(kind__in=STANDARD_KINDS).values("pk"),
        )
        .values("indicator__kind")
        .annotate(achieved=Sum("value"), n=Count("pk", filter=Q(value__gte=0)))
    )
    achieved = {row["indicator__kind"]: row["achieved"] for row in achieved_rows}
    by_kind = {row["kind"]: row for row in target_rows}
    labels = choice_labels(Indicator.Kind)
    return [
        KindTotal(
            kind,
            labels[kind],
            by_kind[kind]["target"],
            achieved.get(kind),
            by_kind[kind]["n"],
        )
        for kind in STANDARD_KINDS
        if kind in by_kind
    ]
