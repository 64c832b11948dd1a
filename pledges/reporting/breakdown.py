"""Breakdowns of people-based values: how many of the people an indicator
counts were women, men, other or not recorded, and in which age band.

Rules, in one place:
- Only indicators that count people take a breakdown (``PEOPLE_KINDS``).
- A breakdown is optional, and given per dimension (gender, age). A dimension
  that is given is given whole: its groups add up to the value (an empty group
  counts as 0). The database holds the same rule (check constraints on
  ``ReportedValue``).
- A value without a breakdown is "not recorded": summaries keep it apart, so a
  total always equals the groups plus what was not recorded.
- Only approved reports count, as everywhere else (pledges.progress).

Where the summaries belong (after issue 17's restructuring is merged): the
pledge page's indicators and totals (``pledge_breakdowns``), the viewer's and
an organisation's totals and the exports and API (``breakdowns_by_kind`` over
their queryset of pledges).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from coalition.numbers import grouped
from pledges.models import Indicator, Pledge, ProgressReport, ReportedValue

K = Indicator.Kind

#: The standard indicators that count people (places, certifications and
#: placements are each one person's); courses, vacancies and custom indicators
#: may count other things.
PEOPLE_KINDS: frozenset[str] = frozenset(
    {
        K.PEOPLE_REACHED,
        K.TRAINING_PLACES_ONLINE,
        K.TRAINING_PLACES_IN_PERSON,
        K.TRAINING_PLACES_BLENDED,
        K.CERTIFICATIONS,
        K.AWARENESS,
        K.PLACEMENTS,
    }
)

#: Each dimension's groups: the ReportedValue field and its label.
GENDER: tuple[tuple[str, str], ...] = (
    ("women", _("Women")),
    ("men", _("Men")),
    ("gender_other", _("Other or not recorded")),
)
AGE: tuple[tuple[str, str], ...] = (
    ("age_under_25", _("Under 25")),
    ("age_25_to_54", _("25 to 54")),
    ("age_55_and_over", _("55 and over")),
    ("age_not_recorded", _("Age not recorded")),
)
DIMENSIONS: dict[str, tuple[tuple[str, str], ...]] = {"gender": GENDER, "age": AGE}
FIELDS: tuple[str, ...] = tuple(name for groups in DIMENSIONS.values() for name, _l in groups)


def takes_breakdown(kind: str) -> bool:
    return kind in PEOPLE_KINDS


@dataclass(frozen=True)
class Figure:
    """A value reported for one indicator with its breakdown (the groups given,
    field name to number; empty when there is none). Services take it where
    they take a plain number."""

    value: int
    groups: Mapping[str, int] = field(default_factory=dict)


def complete(groups: Mapping[str, int | None]) -> dict[str, int]:
    """The groups to store: each dimension with any group given, whole (its
    empty groups as 0); dimensions with none given left out."""
    stored: dict[str, int] = {}
    for dimension in DIMENSIONS.values():
        given = {name: groups.get(name) for name, _label in dimension}
        if any(v is not None for v in given.values()):
            stored |= {name: v or 0 for name, v in given.items()}
    return stored


def problems(*, kind: str, value: int | None, groups: Mapping[str, int | None]) -> list[str]:
    """What is wrong with a breakdown, in words a reporter understands (empty
    when nothing is). ``value`` is the reported total (None: not reported)."""
    given = {name: v for name, v in groups.items() if v is not None}
    if not given:
        return []
    if not takes_breakdown(kind):
        return [_("This indicator does not count people: leave its breakdown empty.")]
    if value is None:
        return [_("Give the achieved value as well as its breakdown.")]
    found = []
    if any(v < 0 for v in given.values()):
        found.append(_("The numbers of a breakdown cannot be negative."))
        return found
    stored = complete(given)
    for key, dimension in DIMENSIONS.items():
        names = [name for name, _label in dimension]
        if names[0] not in stored:
            continue
        total = sum(stored[name] for name in names)
        if total != value:
            message = (
                _("Women, men and other or not recorded add up to %(sum)s, not %(value)s.")
                if key == "gender"
                else _("The age bands add up to %(sum)s, not %(value)s.")
            )
            found.append(message % {"sum": grouped(total), "value": grouped(value)})
    return found


@dataclass
class Breakdown:
    """What a set of approved values says about the people they count: the
    total, each group's sum, and the part of the total with no breakdown of
    that dimension (``*_not_recorded``)."""

    total: int = 0
    groups: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    gender_not_recorded: int = 0
    age_not_recorded_at_all: int = 0

    @property
    def gender_recorded(self) -> bool:
        return self.gender_not_recorded < self.total

    @property
    def age_recorded(self) -> bool:
        return self.age_not_recorded_at_all < self.total

    def rows(self) -> dict[str, list[tuple[str, int]]]:
        """Per dimension, (label, number) pairs that add up to the total: the
        values given without that dimension count as not recorded."""
        numbers = self.numbers()
        labels = {
            "gender": (_("Women"), _("Men"), _("Other or not recorded")),
            "age": (_("Under 25"), _("25 to 54"), _("55 and over"), _("Not recorded")),
        }
        return {
            dimension: [(str(label), n) for label, n in zip(labels[dimension], row, strict=True)]
            for dimension, row in numbers.items()
        }

    def numbers(self) -> dict[str, list[int]]:
        """The numbers of `rows()` alone (tables whose headings name the groups)."""
        groups = self.groups
        return {
            "gender": [
                groups["women"],
                groups["men"],
                groups["gender_other"] + self.gender_not_recorded,
            ],
            "age": [
                groups["age_under_25"],
                groups["age_25_to_54"],
                groups["age_55_and_over"],
                groups["age_not_recorded"] + self.age_not_recorded_at_all,
            ],
        }

    @classmethod
    def from_sums(cls, total: int, groups: Mapping[str, int | None]) -> Breakdown:
        """The breakdown of a total from its groups' sums over the values that
        give them (None or absent: none does), as the viewer's rows hold them."""
        given = {name: groups.get(name) or 0 for name in FIELDS}
        return cls(
            total=total,
            groups=given,
            gender_not_recorded=total - sum(given[name] for name, _label in GENDER),
            age_not_recorded_at_all=total - sum(given[name] for name, _label in AGE),
        )

    def add(self, value: int, groups: Mapping[str, int | None]) -> None:
        self.total += value
        if groups.get("women") is None:
            self.gender_not_recorded += value
        if groups.get("age_under_25") is None:
            self.age_not_recorded_at_all += value
        for name in FIELDS:
            self.groups[name] += groups.get(name) or 0


def summarise(values: Iterable[ReportedValue]) -> Breakdown:
    """The breakdown of these reported values (pure: filter them to approved
    reports of people-based indicators first)."""
    summary = Breakdown()
    for reported in values:
        summary.add(reported.value, {name: getattr(reported, name) for name in FIELDS})
    return summary


def _approved_people_values() -> QuerySet[ReportedValue]:
    return ReportedValue.objects.filter(
        report__status=ProgressReport.Status.APPROVED, indicator__kind__in=PEOPLE_KINDS
    )


def pledge_breakdowns(pledge: Pledge) -> dict[int, Breakdown]:
    """Each people-based indicator of the pledge that approved reports mention:
    indicator id to its breakdown (one query)."""
    found: dict[int, Breakdown] = {}
    values = _approved_people_values().filter(indicator__initiative__pledge=pledge)
    for row in values.values("indicator_id", "value", *FIELDS):
        found.setdefault(row["indicator_id"], Breakdown()).add(row["value"], row)
    return found


def breakdowns_by_kind(pledges: QuerySet[Pledge]) -> dict[str, Breakdown]:
    """For any queryset of pledges (the viewer's filter, an organisation's
    public pledges): each people-based kind's breakdown over their approved
    reports, as one aggregate query. Kinds nobody reported are left out."""
    aggregates = {
        "total": Sum("value"),
        "gender_not_recorded": Sum("value", filter=Q(women__isnull=True), default=0),
        "age_not_recorded_at_all": Sum("value", filter=Q(age_under_25__isnull=True), default=0),
        **{name: Sum(name, default=0) for name in FIELDS},
    }
    rows = (
        _approved_people_values()
        .filter(report__pledge__in=pledges)
        .values("indicator__kind")
        .order_by("indicator__kind")
        .annotate(**aggregates)
    )
    return {
        row["indicator__kind"]: Breakdown(
            total=row["total"],
            groups={name: row[name] for name in FIELDS},
            gender_not_recorded=row["gender_not_recorded"],
            age_not_recorded_at_all=row["age_not_recorded_at_all"],
        )
        for row in rows
    }
