"""The reporting sheet: what is downloaded, and how a filled one is read back
into progress reports or into every row's problem."""

import datetime
import io
import zipfile

import pytest

from pledges.reporting import files, sheet
from tests.pledges.factories import (
    MemberOrganisationFactory,
    PledgeFactory,
    ProgressReportFactory,
    ReportedValueFactory,
)
from tests.pledges.reporting.conftest import approved_pledge, indicators_of

pytestmark = pytest.mark.django_db

HEADER = list(sheet.COLUMNS)


def column(name):
    return HEADER.index(name)


def filled(rows, **by_indicator):
    """The downloaded rows with cells filled in: indicator id -> {column: value}."""
    table = [list(row) for row in rows]
    for row in table[1:]:
        for name, value in by_indicator.get(str(row[column("indicator_id")]), {}).items():
            row[column(name)] = value
    return table


def fill(table, indicator, **cells):
    for row in table[1:]:
        if row[column("indicator_id")] == indicator.pk:
            for name, value in cells.items():
                row[column(name)] = value
            return table
    raise AssertionError("no such row")


REPORT = {
    "period_start": "2026-01-01",
    "period_end": "2026-06-30",
    "narrative": "We ran 40 clubs.",
}


def problems(plan):
    return [str(p) for p in plan.problems]


def test_the_sheet_has_a_row_per_indicator_with_the_last_approved_value(
    organisation, pledges, django_assert_num_queries
):
    people, _courses = indicators_of(pledges[0])
    older = ProgressReportFactory(
        pledge=pledges[0], status="approved", period_end=datetime.date(2026, 3, 31)
    )
    ReportedValueFactory(report=older, indicator=people, value=30)
    newer = ProgressReportFactory(
        pledge=pledges[0], status="approved", period_end=datetime.date(2026, 6, 30)
    )
    ReportedValueFactory(report=newer, indicator=people, value=45)
    pending = ProgressReportFactory(pledge=pledges[0], status="submitted")
    ReportedValueFactory(report=pending, indicator=people, value=1000)
    PledgeFactory(organisation=organisation, title="A draft")  # takes no reports
    approved_pledge(MemberOrganisationFactory(), "Someone else's")

    with django_assert_num_queries(3):
        rows = sheet.sheet_rows(organisation)

    assert rows[0] == HEADER
    assert [(r[1], r[4], r[5], r[6], r[7], r[8], r[9]) for r in rows[1:]] == [
        ("Coding clubs", "People reached", "yes", 1000, 75, 45, datetime.date(2026, 6, 30)),
        ("Coding clubs", "New courses developed", "no", 2000, None, None, None),
        ("Digital skills for seniors", "People reached", "yes", 1000, None, None, None),
        ("Girls who code", "People reached", "yes", 1000, None, None, None),
    ]
    assert all(cell is None for row in rows[1:] for cell in row[10:])


def test_text_a_spreadsheet_would_run_is_neutralised(organisation):
    approved_pledge(organisation, '=HYPERLINK("http://evil.example")')

    rows = sheet.sheet_rows(organisation)

    assert rows[1][1] == '\'=HYPERLINK("http://evil.example")'
    assert files.csv_text(rows).splitlines()[1].startswith(f"{rows[1][0]},\"'=HYPERLINK")


def test_a_filled_sheet_plans_one_report_per_pledge(organisation, pledges):
    table = sheet.sheet_rows(organisation)
    people, courses = indicators_of(pledges[0])
    fill(table, people, new_value="120", women="70", men="50", **REPORT)
    fill(table, courses, new_value=3)
    fill(
        table,
        indicators_of(pledges[2])[0],
        new_value=" 1 500 ",
        period_start="01/07/2026",
        period_end=datetime.date(2026, 12, 31),
        narrative="Two camps.",
        evidence_url="https://girls.example.org/results",
        age_under_25=1500,
    )

    plan = sheet.check(organisation, table)

    assert problems(plan) == []
    assert [
        (r.pledge, r.period_start, r.period_end, r.narrative, r.evidence_url, r.figures())
        for r in plan.reports
    ] == [
        (
            pledges[0],
            datetime.date(2026, 1, 1),
            datetime.date(2026, 6, 30),
            "We ran 40 clubs.",
            "",
            {
                people.pk: sheet.Figure(120, {"women": 70, "men": 50, "gender_other": 0}),
                courses.pk: sheet.Figure(3, {}),
            },
        ),
        (
            pledges[2],
            datetime.date(2026, 7, 1),
            datetime.date(2026, 12, 31),
            "Two camps.",
            "https://girls.example.org/results",
            {
                indicators_of(pledges[2])[0].pk: sheet.Figure(
                    1500,
                    {
                        "age_under_25": 1500,
                        "age_25_to_54": 0,
                        "age_55_and_over": 0,
                        "age_not_recorded": 0,
                    },
                )
            },
        ),
    ]


def test_the_period_and_narrative_may_sit_on_any_row_of_the_pledge(organisation, pledges):
    table = sheet.sheet_rows(organisation)
    people, courses = indicators_of(pledges[0])
    fill(table, people, **REPORT)  # no value on this row
    fill(table, courses, new_value=2)

    plan = sheet.check(organisation, table)

    assert problems(plan) == []
    assert [(r.pledge, r.narrative, list(r.figures())) for r in plan.reports] == [
        (pledges[0], "We ran 40 clubs.", [courses.pk])
    ]


def test_a_sheet_that_survives_a_round_trip_as_text_plans_the_same(organisation, pledges):
    table = sheet.sheet_rows(organisation)
    fill(table, indicators_of(pledges[1])[0], new_value=7, **REPORT)
    plan = sheet.check(organisation, table)

    again = sheet.check(organisation, files.read_csv(plan.as_text()))

    assert problems(again) == []
    assert [r.figures() for r in again.reports] == [r.figures() for r in plan.reports]


@pytest.mark.parametrize(
    ("cells", "expected"),
    [
        (
            {"new_value": "12a"},
            "Row 2: “12a” in new_value is not a whole number; write digits only, e.g. 1200.",
        ),
        (
            {"new_value": "1,200"},
            "Row 2: “1,200” in new_value is not a whole number; write digits only, e.g. 1200.",
        ),
        (
            {"new_value": 2.5},
            "Row 2: “2.5” in new_value is not a whole number; write digits only, e.g. 1200.",
        ),
        ({"new_value": "-5"}, "Row 2: new_value is negative (-5); write 0 or more."),
        ({"new_value": "3000000000"}, "Row 2: new_value is larger than 2,000,000,000."),
        (
            {"new_value": 5, "period_start": "31/02/2026"},
            "Row 2: “31/02/2026” in period_start is not a date; write it as year-month-day, "
            "e.g. 2026-06-30.",
        ),
        (
            {"new_value": 5, "period_end": "soon"},
            "Row 2: “soon” in period_end is not a date; write it as year-month-day, "
            "e.g. 2026-06-30.",
        ),
        (
            {"new_value": 5, "period_start": "2026-06-30", "period_end": "2026-01-01"},
            "Row 2: the period ends (2026-01-01) before it starts (2026-06-30).",
        ),
        (
            {"new_value": 5, "women": 3},
            "Row 2: Women, men and other or not recorded add up to 3, not 5.",
        ),
        ({"new_value": 5, "age_55_and_over": 6}, "Row 2: The age bands add up to 6, not 5."),
        ({"women": 3, "men": 2}, "Row 2: Give the achieved value as well as its breakdown."),
        (
            {"new_value": 5, "evidence_url": "javascript:alert(1)"},
            "Row 2: “javascript:alert(1)” in evidence_url is not a web address starting https://",
        ),
        (
            {"new_value": 5, "narrative": "x" * 5001},
            "Row 2: the narrative is longer than 5,000 characters.",
        ),
        (
            {"new_value": 5, "narrative": ""},
            "Row 2: write what was achieved (narrative) for the report on “Coding clubs”.",
        ),
        (
            {"new_value": 5, "period_end": ""},
            "Row 2: give period_start and period_end of the report on “Coding clubs”.",
        ),
    ],
)
def test_each_bad_cell_gets_its_rows_message(organisation, pledges, cells, expected):
    table = sheet.sheet_rows(organisation)
    fill(table, indicators_of(pledges[0])[0], **(REPORT | cells))

    plan = sheet.check(organisation, table)

    assert problems(plan) == [expected]
    assert plan.reports == []
    assert not plan.ok


def test_a_breakdown_of_an_indicator_that_counts_no_people_is_refused(organisation, pledges):
    table = sheet.sheet_rows(organisation)
    fill(table, indicators_of(pledges[0])[1], new_value=3, men=3, **REPORT)

    assert problems(sheet.check(organisation, table)) == [
        "Row 3: This indicator does not count people: leave its breakdown empty."
    ]


def test_every_rows_problem_is_listed_in_row_order(organisation, pledges):
    table = sheet.sheet_rows(organisation)
    fill(table, indicators_of(pledges[2])[0], new_value="x", **REPORT)
    fill(table, indicators_of(pledges[0])[0], new_value="-1", **REPORT)
    fill(table, indicators_of(pledges[1])[0], new_value=4, **REPORT)  # fine on its own

    assert problems(sheet.check(organisation, table)) == [
        "Row 2: new_value is negative (-1); write 0 or more.",
        "Row 5: “x” in new_value is not a whole number; write digits only, e.g. 1200.",
    ]


def test_ids_of_another_organisation_or_of_a_draft_are_not_found(organisation, pledges):
    foreign = indicators_of(approved_pledge(MemberOrganisationFactory(), "Theirs"))[0]
    draft = PledgeFactory(organisation=organisation)
    table = sheet.sheet_rows(organisation)
    table.append([foreign.initiative.pledge_id, "", "", foreign.pk] + [None] * 8 + [5])
    table.append([draft.pk, "", "", "999999999"] + [None] * 8 + [5])
    table.append(["", "", "", "not an id"] + [None] * 8 + [5])

    assert problems(sheet.check(organisation, table)) == [
        f"Row 6: there is no indicator “{foreign.pk}” among your organisation’s pledges that "
        "take reports. Keep the ids of the downloaded file.",
        "Row 7: there is no indicator “999999999” among your organisation’s pledges that take "
        "reports. Keep the ids of the downloaded file.",
        "Row 8: there is no indicator “not an id” among your organisation’s pledges that take "
        "reports. Keep the ids of the downloaded file.",
    ]


def test_a_pledge_id_that_does_not_match_the_indicator_is_refused(organisation, pledges):
    table = sheet.sheet_rows(organisation)
    indicator = indicators_of(pledges[0])[0]
    fill(table, indicator, new_value=5, pledge_id=pledges[1].pk, **REPORT)

    assert problems(sheet.check(organisation, table)) == [
        f"Row 2: indicator {indicator.pk} belongs to pledge {pledges[0].pk}, not to "
        f"“{pledges[1].pk}”."
    ]


def test_a_duplicate_row_is_refused(organisation, pledges):
    table = sheet.sheet_rows(organisation)
    indicator = indicators_of(pledges[1])[0]
    fill(table, indicator, new_value=5, **REPORT)
    table.append(list(table[3]))

    assert problems(sheet.check(organisation, table)) == [
        f"Row 6: indicator {indicator.pk} is already on row 4; give each indicator once."
    ]


def test_rows_of_one_pledge_must_agree_on_its_period(organisation, pledges):
    table = sheet.sheet_rows(organisation)
    people, courses = indicators_of(pledges[0])
    fill(table, people, new_value=5, **REPORT)
    fill(table, courses, new_value=1, **(REPORT | {"period_end": "2026-05-31"}))

    assert problems(sheet.check(organisation, table)) == [
        "Row 3: period_end differs from an earlier row of the same pledge; a pledge’s report "
        "has one period_end (leave it empty on the other rows)."
    ]


def test_a_missing_or_renamed_column_is_named(organisation, pledges):
    table = sheet.sheet_rows(organisation)
    table[0][column("new_value")] = "value"
    table[0].remove("narrative")

    assert problems(sheet.check(organisation, table)) == [
        "Row 1: The column “new_value” is missing. Keep the first row of the downloaded file "
        "as it is.",
        "Row 1: The column “narrative” is missing. Keep the first row of the downloaded file "
        "as it is.",
    ]


def test_a_column_given_twice_is_refused(organisation, pledges):
    table = sheet.sheet_rows(organisation)
    table[0][column("women")] = "new_value"

    assert problems(sheet.check(organisation, table)) == [
        "Row 1: The column “new_value” appears twice."
    ]


def test_a_sheet_with_no_new_value_says_what_to_fill_in(organisation, pledges):
    assert problems(sheet.check(organisation, sheet.sheet_rows(organisation))) == [
        "No row has a new value. Fill in new_value on the rows of the indicators you report on."
    ]


def test_extra_columns_and_empty_rows_are_ignored(organisation, pledges):
    table = sheet.sheet_rows(organisation)
    table[0].append("our notes")
    fill(table, indicators_of(pledges[1])[0], new_value=5, **REPORT)
    table[2].append("checked by Ann")
    table.insert(3, [None] * 5)

    plan = sheet.check(organisation, table)

    assert problems(plan) == []
    assert [r.pledge for r in plan.reports] == [pledges[1]]


# --- Files -----------------------------------------------------------------


def test_a_csv_with_semicolons_and_a_byte_order_mark_is_read():
    content = "\ufeffpledge_id;pledge\r\n1;Clubs é\r\n".encode()

    assert files.read_table("report.CSV", content) == [["pledge_id", "pledge"], ["1", "Clubs é"]]


def test_a_csv_saved_in_windows_encoding_is_read():
    content = "pledge\nClubs é\n".encode("cp1252")

    assert files.read_table("report.csv", content) == [["pledge"], ["Clubs é"]]


def test_a_workbook_round_trips(organisation, pledges):
    rows = sheet.sheet_rows(organisation)

    table = files.read_table("progress.xlsx", files.xlsx_bytes(rows, title="Progress"))

    assert sheet.check(organisation, table).problems[0].message.startswith("No row has")
    assert [row[: len(HEADER)] for row in table] == rows


def test_a_formula_in_a_workbook_is_stored_as_text():
    content = files.xlsx_bytes([["title"], ["=1+1"]], title="Progress")

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        worksheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in worksheet
    assert files.read_table("p.xlsx", content)[1][0] == "=1+1"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        (
            "report.pdf",
            b"%PDF-1.4",
            "This is not a CSV or Excel (.xlsx) file. Upload the file downloaded from this page.",
        ),
        (
            "report.csv",
            b"PK\x03\x04rest",
            "This file is not a CSV file. Save it as CSV (UTF-8), or upload it as .xlsx.",
        ),
        (
            "report.csv",
            b"a,b\x00c",
            "This file is not a CSV file. Save it as CSV (UTF-8), or upload it as .xlsx.",
        ),
        (
            "report.xlsx",
            b"pledge_id,new_value\n",
            "This file is not an Excel workbook (.xlsx). Upload the file downloaded from this "
            "page.",
        ),
        ("report.csv", b"  \n ", "The file is empty."),
        (
            "report.csv",
            b"x" * (files.MAX_FILE_BYTES + 1),
            "The file is larger than 2 MB. Keep one row per indicator, as downloaded.",
        ),
        (
            "report.csv",
            b"a\n" * (files.MAX_ROWS + 5),
            "The file has more than 2,000 rows. Split it into several files.",
        ),
    ],
)
def test_a_file_that_cannot_be_read_says_why(name, content, expected):
    with pytest.raises(files.UnreadableFileError) as refused:
        files.read_table(name, content)

    assert str(refused.value) == expected


def test_a_zip_that_is_not_a_workbook_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "hello")

    with pytest.raises(files.UnreadableFileError, match="not an Excel workbook"):
        files.read_table("report.xlsx", out.getvalue())


def test_a_workbook_that_unpacks_into_too_much_is_refused_before_it_is_opened():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"0" * (files.MAX_UNPACKED_BYTES + 1))

    assert len(out.getvalue()) < files.MAX_FILE_BYTES
    with pytest.raises(files.UnreadableFileError, match="The workbook is too large"):
        files.read_table("report.xlsx", out.getvalue())
