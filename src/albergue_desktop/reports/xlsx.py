"""Writing styled sheets in openpyxl's write-only mode: a bold filled header, frozen first
row, an autofilter over the data, widths fitted to the first rows, real dates shown as
dd/mm/yyyy. Rows stream through; memory stays flat for 100,000 lines."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, islice

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

DATE_FORMAT = "DD/MM/YYYY"
DATETIME_FORMAT = "DD/MM/YYYY HH:MM"
SAMPLE_ROWS = 500   # rows looked at to fit the column widths
MAX_WIDTH = 50
PROGRESS_EVERY = 5000
_BAD_TITLE = re.compile(r"[\[\]:*?/\\]")
# Text that a spreadsheet program (or a CSV saved from the workbook) would read as a formula
# or a DDE call: OWASP "CSV Injection" lists = + - @ and tab / carriage return prefixes.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# A phone number or a signed number cannot call anything: "+52 686 555 0101" stays as typed.
_PLAIN_NUMBER = re.compile(r"[+-][\d\s().,/-]*\Z")

_FIRST = frozenset(c[0] for c in _FORMULA_START)

Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class Column:
    header: str          # already translated
    kind: str = "text"   # text | int | date | datetime


def safe_text(value):
    """``value`` as it must be written from user text: a string that would start a formula
    gets a leading apostrophe (shown, so the reader sees the text was escaped); anything
    else is returned unchanged. openpyxl would otherwise store "=..." as a live formula."""
    if (isinstance(value, str) and value.startswith(_FORMULA_START)
            and not _PLAIN_NUMBER.match(value)):
        return "'" + value
    return value


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def discard(wb: Workbook) -> None:
    """Release the temporary files of an unsaved write-only workbook (after a failure or
    a cancel), so nothing is left behind in the system's temp folder."""
    for ws in wb.worksheets:
        rows, writer = getattr(ws, "_rows", None), getattr(ws, "_writer", None)
        try:
            if rows is not None:
                rows.close()
            if writer is not None:
                writer.close()
                writer.cleanup()
        except (OSError, ValueError):
            pass


def _width(column: Column, sample: list[Sequence], index: int) -> float:
    if column.kind == "date":
        return max(12, len(column.header) + 3)
    if column.kind == "datetime":
        return max(17, len(column.header) + 3)
    longest = max((len(str(row[index])) for row in sample if row[index] is not None),
                  default=0)
    return min(MAX_WIDTH, max(longest, len(column.header) + 2) + 2)


def _header_cells(ws, columns: Sequence[Column]) -> list[WriteOnlyCell]:
    font = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor="305496")
    align = Alignment(vertical="center")
    cells = []
    for column in columns:
        cell = WriteOnlyCell(ws, safe_text(column.header))
        cell.font, cell.fill, cell.alignment = font, fill, align
        cells.append(cell)
    return cells


def write_sheet(wb: Workbook, title: str, columns: Sequence[Column], rows: Iterable[Sequence],
                *, progress: Progress | None = None) -> int:
    """Append a sheet; returns the number of data rows written."""
    ws = wb.create_sheet(_BAD_TITLE.sub("-", title)[:31])
    rows = iter(rows)
    sample = [list(r) for r in islice(rows, SAMPLE_ROWS)]
    for i, column in enumerate(columns):
        ws.column_dimensions[get_column_letter(i + 1)].width = _width(column, sample, i)
    ws.freeze_panes = "A2"
    ws.append(_header_cells(ws, columns))
    # One pre-styled cell per date column, reused on every row: the value changes, the
    # number format stays (cheaper than styling a new cell per value).
    dated = []
    for i, column in enumerate(columns):
        if column.kind in ("date", "datetime"):
            cell = WriteOnlyCell(ws)
            cell.number_format = DATE_FORMAT if column.kind == "date" else DATETIME_FORMAT
            dated.append((i, cell))
    count = 0
    for row in chain(sample, rows):
        # Every string cell, whatever its column's kind: no user text becomes a formula.
        row = [safe_text(v) if v.__class__ is str and v and v[0] in _FIRST else v
               for v in row]
        if dated:
            for i, cell in dated:
                if row[i] is not None:
                    cell.value = row[i]
                    row[i] = cell
        ws.append(row)
        count += 1
        if progress is not None and count % PROGRESS_EVERY == 0:
            progress(title, count)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
    if progress is not None:
        progress(title, count)
    return count
