"""The reporting sheet: one row per indicator of an organisation's pledges that
take reports, with what was last approved, and empty columns for the new
period and values. ``sheet_rows()`` fills it for download; ``check()`` reads a
filled one back into the progress reports it asks for, or into every row's
problem in plain words (then nothing is submitted).

Rules of a filled sheet:
- A row with an empty ``new_value`` (and no breakdown) is not reported this time.
- The period, narrative and evidence link belong to a pledge's report: give
  them on at least one of its rows; rows that repeat them must agree.
- Ids must name an indicator of one of the organisation's pledges that take
  reports; anything else (another organisation's, a draft, a typo) is "not found".
- Column names are the header row's, in English whatever the page's language,
  so a file round-trips; other columns may be added and are ignored.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Sum
from django.utils.translation import gettext as _

from coalition.numbers import grouped
from members.models import Organisation
from pledges.forms import ReportForm
from pledges.models import Indicator, Pledge, ProgressReport, ReportedValue
from pledges.reporting import breakdown
from pledges.reporting.breakdown import Figure
from pledges.reporting.files import Cell, csv_text, neutralise

PLEDGE_ID = "pledge_id"
INDICATOR_ID = "indicator_id"
PERIOD_START = "period_start"
PERIOD_END = "period_end"
NEW_VALUE = "new_value"
NARRATIVE = "narrative"
EVIDENCE = "evidence_url"

#: Breakdown columns and the ReportedValue field each fills.
BREAKDOWN_COLUMNS: dict[str, str] = {
    "women": "women",
    "men": "men",
    "gender_other_or_not_recorded": "gender_other",
    "age_under_25": "age_under_25",
    "age_25_to_54": "age_25_to_54",
    "age_55_and_over": "age_55_and_over",
    "age_not_recorded": "age_not_recorded",
}

#: Every column of the downloaded sheet, in order.
COLUMNS: tuple[str, ...] = (
    PLEDGE_ID,
    "pledge",
    "initiative",
    INDICATOR_ID,
    "indicator",
    "counts_people",
    "target",
    "achieved_so_far",
    "last_value",
    "last_period_end",
    PERIOD_START,
    PERIOD_END,
    NEW_VALUE,
    *BREAKDOWN_COLUMNS,
    NARRATIVE,
    EVIDENCE,
)
#: The columns a filled sheet cannot do without; the others are optional.
REQUIRED: tuple[str, ...] = (
    PLEDGE_ID,
    INDICATOR_ID,
    PERIOD_START,
    PERIOD_END,
    NEW_VALUE,
    NARRATIVE,
)

MAX_VALUE = 2_000_000_000
NARRATIVE_MAX = ReportForm.base_fields["narrative"].max_length
EVIDENCE_MAX = ReportForm.base_fields["evidence_url"].max_length


def reportable_pledges(organisation: Organisation):
    """The organisation's pledges that take progress reports (Pledge.accepts_reports)."""
    return Pledge.objects.public().filter(organisation=organisation)


def sheet_rows(organisation: Organisation) -> list[list[Cell]]:
    """The header and one row per indicator of the organisation's pledges that
    take reports (three queries however many pledges and indicators)."""
    indicators = list(
        Indicator.objects.filter(initiative__pledge__in=reportable_pledges(organisation))
        .select_related("initiative__pledge")
        .order_by(
            "initiative__pledge__title",
            "initiative__pledge_id",
            "initiative__position",
            "initiative_id",
            "pk",
        )
    )
    approved = ReportedValue.objects.filter(
        indicator__in=[i.pk for i in indicators], report__status=ProgressReport.Status.APPROVED
    )
    achieved = dict(
        approved.values("indicator_id")
        .order_by("indicator_id")
        .annotate(total=Sum("value"))
        .values_list("indicator_id", "total")
    )
    last: dict[int, tuple[int, datetime.date]] = {}
    for indicator_id, value, period_end in approved.order_by(
        "indicator_id", "-report__period_end", "-report__pk"
    ).values_list("indicator_id", "value", "report__period_end"):
        last.setdefault(indicator_id, (value, period_end))
    rows: list[list[Cell]] = [list(COLUMNS)]
    for indicator in indicators:
        pledge = indicator.initiative.pledge
        last_value, last_end = last.get(indicator.pk, (None, None))
        rows.append(
            [
                pledge.pk,
                neutralise(pledge.title),
                neutralise(indicator.initiative.title),
                indicator.pk,
                neutralise(str(indicator)),
                "yes" if breakdown.takes_breakdown(indicator.kind) else "no",
                indicator.target,
                achieved.get(indicator.pk),
                last_value,
                last_end,
                *[None] * (len(COLUMNS) - 10),
            ]
        )
    return rows


# --- Reading a filled sheet ---------------------------------------------------


@dataclass(frozen=True)
class RowProblem:
    row: int | None  # the spreadsheet's row number (the header is row 1); None: the file
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        return _("Row %(row)s: %(message)s") % {"row": self.row, "message": self.message}


@dataclass
class PlannedValue:
    row: int
    indicator: Indicator
    figure: Figure

    @property
    def groups(self) -> list[tuple[str, int]]:
        """The breakdown given, as (label, number) pairs."""
        labels = dict(breakdown.GENDER + breakdown.AGE)
        return [(str(labels[name]), n) for name, n in self.figure.groups.items()]


@dataclass
class PlannedReport:
    """One progress report the sheet asks for."""

    pledge: Pledge
    first_row: int
    period_start: datetime.date | None = None
    period_end: datetime.date | None = None
    narrative: str = ""
    evidence_url: str = ""
    values: list[PlannedValue] = field(default_factory=list)

    def figures(self) -> dict[int, Figure]:
        return {v.indicator.pk: v.figure for v in self.values}


@dataclass
class Plan:
    """What a sheet asks for: the reports, or the problems that stop them all."""

    reports: list[PlannedReport]
    problems: list[RowProblem]
    table: list[list[Cell]]

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.reports)

    def as_text(self) -> str:
        """The sheet as read, as CSV text: what the confirmation sends back to be
        checked again and submitted."""
        return csv_text(self.table)


class _CellError(Exception):
    """A cell that cannot be read; the message says why."""


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, datetime.datetime | datetime.date):
        return cell.isoformat()
    return str(cell).strip()


_GROUPING = re.compile(r"[ \u00a0\u202f]")


def _whole_number(cell: Cell, column: str) -> int | None:
    if isinstance(cell, bool):
        raise _CellError(_not_a_number(cell, column))
    if isinstance(cell, int):
        number = cell
    elif isinstance(cell, float):
        if not cell.is_integer():
            raise _CellError(_not_a_number(cell, column))
        number = int(cell)
    else:
        text = _GROUPING.sub("", _text(cell))
        if not text:
            return None
        if not re.fullmatch(r"[-−]?[0-9]{1,12}", text):
            raise _CellError(_not_a_number(cell, column))
        number = int(text.replace("−", "-"))
    if number < 0:
        raise _CellError(
            _("%(column)s is negative (%(value)s); write 0 or more.")
            % {"column": column, "value": number}
        )
    if number > MAX_VALUE:
        raise _CellError(
            _("%(column)s is larger than %(max)s.") % {"column": column, "max": grouped(MAX_VALUE)}
        )
    return number


def _not_a_number(cell: Cell, column: str) -> str:
    return _("“%(value)s” in %(column)s is not a whole number; write digits only, e.g. 1200.") % {
        "value": _text(cell),
        "column": column,
    }


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y")


def _date(cell: Cell, column: str) -> datetime.date | None:
    if isinstance(cell, datetime.datetime):
        return cell.date()
    if isinstance(cell, datetime.date):
        return cell
    text = _text(cell)
    if not text:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[ T]00:00(:00)?", text):  # a date saved with its time
        text = text[:10]
    for fmt in _DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, fmt).date()  # noqa: DTZ007 (a date, no time)
        except ValueError:
            continue
    raise _CellError(
        _("“%(value)s” in %(column)s is not a date; write it as year-month-day, e.g. 2026-06-30.")
        % {"value": text, "column": column}
    )


def _id(cell: Cell) -> int | None:
    text = _text(cell)
    return int(text) if re.fullmatch(r"[0-9]{1,18}", text) else None


def _header(table: list[list[Cell]]) -> tuple[dict[str, int], list[RowProblem]]:
    header = [_text(cell).lower() for cell in table[0]]
    positions: dict[str, int] = {}
    problems = []
    for index, name in enumerate(header):
        if not name:
            continue
        if name in positions:
            problems.append(
                RowProblem(1, _("The column “%(column)s” appears twice.") % {"column": name})
            )
        positions.setdefault(name, index)
    for name in REQUIRED:
        if name not in positions:
            problems.append(
                RowProblem(
                    1,
                    _(
                        "The column “%(column)s” is missing. Keep the first row of the "
                        "downloaded file as it is."
                    )
                    % {"column": name},
                )
            )
    return positions, problems


def check(organisation: Organisation, table: list[list[Cell]]) -> Plan:
    """Read a filled sheet (rows of cells, the first the header) into the
    progress reports it asks for, or every problem found. One query."""
    table = [_trimmed(row) for row in table]
    while table and not any(_text(c) for c in table[-1]):
        table.pop()
    if not table:
        return Plan([], [RowProblem(None, _("The file is empty."))], table)
    positions, problems = _header(table)
    if problems:
        return Plan([], problems, table)

    def cell(row: list[Cell], name: str) -> Cell:
        index = positions.get(name)
        return row[index] if index is not None and index < len(row) else None

    ids = {_id(cell(row, INDICATOR_ID)) for row in table[1:]} - {None}
    indicators = {
        i.pk: i
        for i in Indicator.objects.filter(
            pk__in=ids, initiative__pledge__in=reportable_pledges(organisation)
        ).select_related("initiative__pledge")
    }
    reports: dict[int, PlannedReport] = {}
    seen: dict[int, int] = {}
    for number, row in enumerate(table[1:], start=2):
        if not any(_text(c) for c in row):
            continue
        problems += _read_row(number, row, cell, indicators, reports, seen)
    # A pledge whose rows only repeat the period or narrative is not reported on.
    reports_list = sorted((r for r in reports.values() if r.values), key=lambda r: r.first_row)
    for report in reports_list:
        problems += _report_problems(report)
    if not problems and not reports_list:
        problems.append(
            RowProblem(
                None,
                _(
                    "No row has a new value. Fill in new_value on the rows of the "
                    "indicators you report on."
                ),
            )
        )
    problems.sort(key=lambda p: p.row or 0)
    return Plan(reports_list if not problems else [], problems, table)


def _trimmed(row: Sequence[Cell]) -> list[Cell]:
    row = list(row)
    while row and row[-1] in (None, ""):
        row.pop()
    return row


def _read_row(number, row, cell, indicators, reports, seen) -> list[RowProblem]:
    """Check one row; a row with something to report (or to say about its
    pledge's report) adds to that pledge's planned report."""
    found: list[str] = []

    def read(reader, name):
        try:
            return reader(cell(row, name), name)
        except _CellError as exc:
            found.append(str(exc))
            return None

    value = read(_whole_number, NEW_VALUE)
    groups = {
        field_name: read(_whole_number, column) for column, field_name in BREAKDOWN_COLUMNS.items()
    }
    start = read(_date, PERIOD_START)
    end = read(_date, PERIOD_END)
    about_report = {
        "period_start": start,
        "period_end": end,
        "narrative": _text(cell(row, NARRATIVE)),
        "evidence_url": _text(cell(row, EVIDENCE)),
    }
    reported = value is not None or any(v is not None for v in groups.values())
    if not reported and not found and not any(about_report.values()):
        return []  # an untouched row: not reported this time

    indicator = indicators.get(_id(cell(row, INDICATOR_ID)))
    if indicator is None:
        found.insert(
            0,
            _(
                "there is no indicator “%(id)s” among your organisation’s pledges that take "
                "reports. Keep the ids of the downloaded file."
            )
            % {"id": _text(cell(row, INDICATOR_ID))},
        )
        return [RowProblem(number, message) for message in found]
    pledge = indicator.initiative.pledge
    if _id(cell(row, PLEDGE_ID)) != pledge.pk:
        found.insert(
            0,
            _("indicator %(indicator)s belongs to pledge %(pledge)s, not to “%(given)s”.")
            % {
                "indicator": indicator.pk,
                "pledge": pledge.pk,
                "given": _text(cell(row, PLEDGE_ID)),
            },
        )
    if indicator.pk in seen:
        found.insert(
            0,
            _("indicator %(indicator)s is already on row %(row)s; give each indicator once.")
            % {"indicator": indicator.pk, "row": seen[indicator.pk]},
        )
    else:
        seen[indicator.pk] = number
    found += [
        str(problem)
        for problem in breakdown.problems(kind=indicator.kind, value=value, groups=groups)
    ]
    if start and end and end < start:
        found.append(
            _("the period ends (%(end)s) before it starts (%(start)s).")
            % {"start": start.isoformat(), "end": end.isoformat()}
        )
    if len(about_report["narrative"]) > NARRATIVE_MAX:
        found.append(
            _("the narrative is longer than %(max)s characters.") % {"max": grouped(NARRATIVE_MAX)}
        )
    if evidence := about_report["evidence_url"]:
        try:
            URLValidator(schemes=["http", "https"])(evidence)
            if len(evidence) > EVIDENCE_MAX:
                raise ValidationError("too long")
        except ValidationError:
            found.append(
                _("“%(value)s” in evidence_url is not a web address starting https://")
                % {"value": evidence[:80]}
            )
    if found:
        return [RowProblem(number, message) for message in found]

    report = reports.setdefault(pledge.pk, PlannedReport(pledge=pledge, first_row=number))
    problems = []
    for name, given in about_report.items():
        if not given:
            continue
        current = getattr(report, name)
        if not current:
            setattr(report, name, given)
        elif current != given:
            problems.append(
                RowProblem(
                    number,
                    _(
                        "%(column)s differs from an earlier row of the same pledge; a "
                        "pledge’s report has one %(column)s (leave it empty on the other rows)."
                    )
                    % {"column": name},
                )
            )
    if reported:
        report.values.append(
            PlannedValue(number, indicator, Figure(value, breakdown.complete(groups)))
        )
    return problems


def _report_problems(report: PlannedReport) -> list[RowProblem]:
    found = []
    title = report.pledge.title
    if report.period_start is None or report.period_end is None:
        found.append(
            RowProblem(
                report.first_row,
                _("give period_start and period_end of the report on “%(title)s”.")
                % {"title": title},
            )
        )
    elif report.period_end < report.period_start:
        found.append(
            RowProblem(
                report.first_row,
                _("the period of the report on “%(title)s” ends before it starts.")
                % {"title": title},
            )
        )
    if not report.narrative:
        found.append(
            RowProblem(
                report.first_row,
                _("write what was achieved (narrative) for the report on “%(title)s”.")
                % {"title": title},
            )
        )
    return found
