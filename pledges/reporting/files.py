"""Spreadsheet files in and out: CSV (any of the delimiters spreadsheets write)
and Excel workbooks (.xlsx, through openpyxl). Reading turns a file into rows
of cells or refuses it with a message; nothing here knows what the columns mean
(pledges.reporting.sheet does).

An uploaded workbook is a zip archive: its unpacked size is checked before
openpyxl opens it, so a small file cannot unpack into gigabytes, and reading
stops after ``MAX_ROWS``.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile
from collections.abc import Iterable, Sequence

from django.utils.translation import gettext_lazy as _

from coalition.numbers import grouped

Cell = str | int | float | datetime.date | datetime.datetime | None

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_UNPACKED_BYTES = 40 * 1024 * 1024
MAX_ROWS = 2000
MAX_COLUMNS = 40
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class UnreadableFileError(Exception):
    """A file that cannot be read as a table; the message says why, in plain words."""


def neutralise(value: Cell) -> Cell:
    """Text a spreadsheet would run as a formula gets a leading apostrophe, as the
    portal's other exports do."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def csv_text(rows: Iterable[Sequence[Cell]]) -> str:
    """Rows as CSV text (dates as year-month-day, empty cells for None); cells
    are written as given: neutralise text from people before."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow(["" if v is None else v.isoformat() if _is_date(v) else v for v in row])
    return out.getvalue()


def xlsx_bytes(rows: Iterable[Sequence[Cell]], *, title: str) -> bytes:
    """Rows as a one-sheet workbook; the first row is the header, in bold and
    frozen. Text cells are stored as text, never as formulas."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    for index, row in enumerate(rows):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # openpyxl would take "=…" for a formula
            if index == 0:
                cell.font = bold
            cells.append(cell)
        sheet.append(cells)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _is_date(value: object) -> bool:
    return isinstance(value, datetime.date)


def read_table(name: str, content: bytes) -> list[list[Cell]]:
    """The rows of an uploaded CSV or .xlsx file (chosen by the file's name and
    checked against its content); UnreadableFileError when it is neither, too big, or
    unreadable."""
    if len(content) > MAX_FILE_BYTES:
        raise UnreadableFileError(
            _("The file is larger than %(size)s MB. Keep one row per indicator, as downloaded.")
            % {"size": MAX_FILE_BYTES // (1024 * 1024)}
        )
    if not content.strip():
        raise UnreadableFileError(_("The file is empty."))
    lower = name.lower()
    if lower.endswith(".xlsx"):
        return _read_xlsx(content)
    if lower.endswith((".csv", ".txt")):
        return read_csv(content)
    raise UnreadableFileError(
        _("This is not a CSV or Excel (.xlsx) file. Upload the file downloaded from this page.")
    )


def read_csv(content: bytes | str) -> list[list[Cell]]:
    if isinstance(content, bytes):
        if b"\x00" in content or content.startswith(b"PK\x03\x04"):
            raise UnreadableFileError(
                _("This file is not a CSV file. Save it as CSV (UTF-8), or upload it as .xlsx.")
            )
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Spreadsheets on Windows often save CSV in this encoding.
            text = content.decode("cp1252", errors="replace")
    else:
        text = content
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        rows = []
        for row in reader:
            if len(rows) > MAX_ROWS:
                raise _too_many_rows()
            rows.append(list(row[:MAX_COLUMNS]))
    except csv.Error as exc:
        raise UnreadableFileError(
            _("The file could not be read as CSV (%(reason)s).") % {"reason": exc}
        ) from exc
    return rows


def _too_many_rows() -> UnreadableFileError:
    return UnreadableFileError(
        _("The file has more than %(count)s rows. Split it into several files.")
        % {"count": grouped(MAX_ROWS)}
    )


def _read_xlsx(content: bytes) -> list[list[Cell]]:
    not_a_workbook = UnreadableFileError(
        _("This file is not an Excel workbook (.xlsx). Upload the file downloaded from this page.")
    )
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise not_a_workbook from exc
    if unpacked > MAX_UNPACKED_BYTES:
        raise UnreadableFileError(_("The workbook is too large. Keep one row per indicator."))

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or foreign file
        raise not_a_workbook from exc
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True):
            if len(rows) > MAX_ROWS:
                raise _too_many_rows()
            rows.append(list(row))
    except UnreadableFileError:
        raise
    except Exception as exc:
        raise not_a_workbook from exc
    finally:
        workbook.close()
    return rows
