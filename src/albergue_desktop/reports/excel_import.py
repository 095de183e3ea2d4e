"""Import of a legacy census spreadsheet (.xlsx), in two steps.

1. :func:`read_sheet` + :func:`preview_import`: guess the column mapping (the caller may pass
   a corrected one), parse and validate every row, look for people already registered, and
   list each row's errors. Nothing is written.
   People already registered are found with :class:`ExistingPeople` (the scoring of
   ``domain.matching``, blocked for bulk use).
2. :func:`confirm_import`: register every valid row, grouped by the household column, in ONE
   transaction through ``services.imports.register_households``; then save a workbook with the
   rows left out and why. A household with one bad row is left out whole (families stay
   together). Without a household column each row is a household of one.
"""

from __future__ import annotations

import zipfile
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import openpyxl
from openpyxl import load_workbook

from ..domain import clock
from ..domain.errors import FieldError
from ..domain.i18n import translate as _
from ..domain.matching import PersonFacts
from ..domain.normalize import name_key
from ..domain.permissions import Permission
from ..domain.validation import validate_document, validate_person
from ..services.context import Actor
from ..services.duplicates import DuplicateCandidate
from ..services import imports
from ..services.people import MemberInput
from ..storage.db import Database
from ..storage.tables import IdentityDocumentBase
from . import import_mapping as im
from .import_duplicates import ExistingPeople
from .output import ReportError, write_atomically
from .xlsx import Column, discard, new_workbook, write_sheet

HEADER_SEARCH_ROWS = 10
XLSX_MAGIC, OLE_MAGIC = b"PK\x03\x04", b"\xd0\xcf\x11\xe0"

# Caps for a workbook that came from anywhere (docs/threat-model.md, "careless or hostile
# files"). A legacy census has thousands of rows and a few dozen columns, not millions.
MAX_FILE_BYTES = 64 * 1024 * 1024          # the .xlsx on disk
MAX_MEMBERS = 1000                          # parts inside the zip
MAX_UNCOMPRESSED = 512 * 1024 * 1024        # all parts, as declared in the zip directory
MAX_RATIO = 100                             # uncompressed / compressed, per part over 1 MB
RATIO_FLOOR = 1024 * 1024
MAX_DECLARED_ROWS = 200_000                 # the sheet's <dimension> (formatted blank rows)
MAX_COLUMNS = 200
MAX_ROWS = 50_000                           # rows holding something
MAX_CELL_CHARS = 5_000                      # Excel allows 32,767


def _check_zip(path: Path) -> None:
    """Refuse a zip bomb before openpyxl inflates anything: the sizes a zip declares are
    the most Python's zipfile will ever inflate for each part (a lie fails its CRC)."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ReportError("{name} is too large to be a census ({size} MB; at most {limit} MB).",
                          name=path.name, size=path.stat().st_size // 2**20,
                          limit=MAX_FILE_BYTES // 2**20)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        raise ReportError("{name} is not an Excel workbook (.xlsx).", name=path.name) from exc
    total = sum(m.file_size for m in members)
    bomb = len(members) > MAX_MEMBERS or total > MAX_UNCOMPRESSED or any(
        m.file_size > RATIO_FLOOR and m.file_size > MAX_RATIO * max(m.compress_size, 1)
        for m in members)
    if bomb:
        raise ReportError("{name} is not a normal workbook: it would expand to {size} MB. "
                          "Nothing was read.", name=path.name, size=total // 2**20)


@dataclass
class SheetData:
    path: Path
    sheet: str
    header_row: int                  # spreadsheet row number of the headers
    headers: list[str]
    rows: list[tuple[int, list]]     # (spreadsheet row number, cell values)
    mapping: dict[int, str]          # the guessed mapping
    sheets: list[str] = field(default_factory=list)  # every sheet of the workbook


def _bounded_rows(ws, name: str) -> list[tuple[int, list]]:
    """The sheet's non-blank rows, refusing a sheet beyond the caps before it exhausts the
    machine (a declared size of a million rows, 16,384 columns, giant cells)."""
    declared_rows, declared_cols = ws.max_row, ws.max_column  # its <dimension>, if any
    if (declared_rows or 0) > MAX_DECLARED_ROWS or (declared_cols or 0) > MAX_COLUMNS:
        raise ReportError("The sheet {sheet} of {name} declares {rows} rows and {columns} "
                          "columns; a census can have at most {max_rows} rows and {max_columns} "
                          "columns.", sheet=ws.title, name=name, rows=declared_rows or 0,
                          columns=declared_cols or 0, max_rows=MAX_ROWS,
                          max_columns=MAX_COLUMNS)
    rows = []
    for number, values in enumerate(ws.iter_rows(values_only=True,
                                                 max_row=MAX_DECLARED_ROWS + 1), 1):
        if number > MAX_DECLARED_ROWS or len(values) > MAX_COLUMNS:
            raise ReportError("The sheet {sheet} of {name} declares {rows} rows and {columns} "
                              "columns; a census can have at most {max_rows} rows and "
                              "{max_columns} columns.", sheet=ws.title, name=name,
                              rows=number, columns=len(values), max_rows=MAX_ROWS,
                              max_columns=MAX_COLUMNS)
        if not any(c is not None and str(c).strip() for c in values):
            continue
        for col, value in enumerate(values):
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                raise ReportError("Row {row}, column {column} of {name} holds {size} "
                                  "characters; a cell can have at most {limit}.", row=number,
                                  column=col + 1, name=name, size=len(value),
                                  limit=MAX_CELL_CHARS)
        rows.append((number, list(values)))
        if len(rows) > MAX_ROWS + HEADER_SEARCH_ROWS:
            raise ReportError("The sheet {sheet} of {name} has more than {max_rows} rows; "
                              "split it into several workbooks.", sheet=ws.title, name=name,
                              max_rows=MAX_ROWS)
    return rows


def read_sheet(path, sheet: str | None = None, *, header_row: int | None = None) -> SheetData:
    """Read the sheet and find its header row (or take ``header_row``, a spreadsheet row
    number, when the user names it: then the mapping may be wholly the user's). Clear
    errors for a file that is not an .xlsx workbook, an empty sheet, or headers that name
    none of the census fields."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise ReportError("Cannot open {path}: {detail}", path=str(path),
                          detail=exc.strerror or str(exc)) from exc
    if magic == OLE_MAGIC:
        raise ReportError("{name} is an old Excel file (.xls). Open it in Excel or LibreOffice, "
                          "save it as .xlsx and try again.", name=path.name)
    if magic != XLSX_MAGIC:
        raise ReportError("{name} is not an Excel workbook (.xlsx).", name=path.name)
    _check_zip(path)
    if not openpyxl.DEFUSEDXML:  # entity expansion / external entities: never without it
        raise ReportError("Workbooks cannot be read safely on this computer (defusedxml is "
                          "missing).")
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any parse failure of an untrusted file
        raise ReportError("{name} is not an Excel workbook (.xlsx).", name=path.name) from exc
    try:
        sheets = list(wb.sheetnames)
        if sheet is not None and sheet not in sheets:
            raise ReportError("The workbook has no sheet named {sheet}.", sheet=sheet)
        ws = wb[sheet] if sheet else wb.worksheets[0]
        title = ws.title
        raw = _bounded_rows(ws, path.name)
    except ReportError:
        raise
    except Exception as exc:  # noqa: BLE001 - damaged XML, entities, bad cell values
        raise ReportError("{name} is damaged and cannot be read ({detail}).", name=path.name,
                          detail=type(exc).__name__) from exc
    finally:
        wb.close()
    rows = raw
    if not rows:
        raise ReportError("The sheet {sheet} of {name} is empty.", sheet=title, name=path.name)
    for index, (number, values) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        mapping = im.guess_mapping(values)
        if number == header_row or (header_row is None and len(mapping) >= 2):
            headers = ["" if v is None else str(v).strip() for v in values]
            return SheetData(path, title, number, headers, rows[index + 1:], mapping, sheets)
    first = ", ".join(str(v) for v in rows[0][1] if v is not None)[:200]
    raise ReportError("No census columns were recognized in {name} (first row: {first}). "
                      "Expected headers such as nombre, apellidos, sexo, fecha de nacimiento.",
                      name=path.name, first=first)


@dataclass
class ImportRow:
    number: int                          # spreadsheet row number
    values: list
    member: MemberInput | None = None    # None when the row has errors
    household_key: str | None = None
    errors: list[str] = field(default_factory=list)
    duplicate: DuplicateCandidate | None = None


@dataclass
class ImportPreview:
    sheet: SheetData
    mapping: dict[int, str]
    center_id: str
    today: date
    rows: list[ImportRow]

    def plan(self, allow_duplicates: Collection[int] = ()) -> tuple[list[list[MemberInput]],
                                                                   dict[int, list[str]]]:
        """(households to register, {row number: reasons it is left out})."""
        return _plan(self, set(allow_duplicates))

    def summary(self, allow_duplicates: Collection[int] = ()) -> dict[str, int]:
        groups, left_out = self.plan(allow_duplicates)
        return {"rows": len(self.rows), "people": sum(len(g) for g in groups),
                "households": len(groups), "left_out": len(left_out),
                "duplicates": sum(1 for r in self.rows if r.duplicate)}


def _field_message(err: FieldError, fields: set[str]) -> str | None:
    """'Label: message' for a validation error; None when the field already has a
    parse error (no second message for the same cell)."""
    name = "passport" if err.field.startswith("documents.") else err.field
    if name in fields:
        return None
    label = _(im.FIELDS[name][0]) if name in im.FIELDS else name
    return f"{label}: {err.message()}"


def _parse_row(number: int, values: list, mapping: dict[int, str], parsers: dict,
               today: date) -> ImportRow:
    row = ImportRow(number, values)
    cells: dict[str, list] = {}
    for col, fld in sorted(mapping.items()):
        cells.setdefault(fld, []).append(values[col] if col < len(values) else None)
    data: dict = {"nationality": None}
    docs: list[IdentityDocumentBase] = []
    failed: set[str] = set()
    for fld, raw in cells.items():
        try:
            if fld in im.MULTI_COLUMN:
                data[fld] = " ".join(filter(None, (im.parse_text(v) for v in raw))) or None
            elif fld == "full_name":
                given, surnames = im.split_full_name(raw[0])
                data.setdefault("given_names", given)
                data.setdefault("surnames", surnames)
            elif fld in parsers:
                value = parsers[fld](raw[0])
                if fld == "age":
                    if value is not None and "birth_date" not in cells:
                        data["birth_date"], data["birth_date_estimated"] = value, True
                elif fld == "passport":
                    if value:
                        docs.append(IdentityDocumentBase(doc_type="passport", number=value))
                elif fld == "household":
                    row.household_key = value
                else:
                    data[fld] = value
        except im.CellError as exc:
            row.errors.append(f"{_(im.FIELDS[fld][0])}: {_(exc.msgid, **exc.params)}")
            failed.add("birth_date" if fld == "age" else fld)
    data.setdefault("surnames", "")
    for doc in docs:
        doc.issuing_country = data.get("nationality")
    errors = validate_person(data, today=today)
    for i, doc in enumerate(docs):
        errors += validate_document(doc.model_dump(), today=today, prefix=f"documents.{i}.")
    row.errors += filter(None, (_field_message(e, failed) for e in errors))
    if not row.errors:
        row.member = MemberInput(**data, documents=docs)
    return row


def preview_import(db: Database, actor: Actor, sheet: SheetData, *, center_id: str,
                   mapping: dict[int, str] | None = None, today: date | None = None,
                   check_duplicates: bool = True) -> ImportPreview:
    """Parse and check every row; write nothing. ``mapping`` corrects the guessed one
    (column index -> field name of :data:`import_mapping.FIELDS`)."""
    actor.require(Permission.REGISTER)
    today = today or clock.today()
    mapping = dict(sheet.mapping if mapping is None else mapping)
    unknown = sorted(set(mapping.values()) - set(im.FIELDS))
    if unknown:
        raise ReportError("Unknown field in the column mapping: {fields}.",
                          fields=", ".join(unknown))
    missing = im.missing_fields(mapping)
    if missing:
        raise ReportError("The columns for {fields} are missing; nothing was imported.",
                          fields=", ".join(_(m) for m in missing))
    sex_col = next((c for c, f in mapping.items() if f == "sex"), None)
    parsers = {
        "sex": im.sex_reader([v[sex_col] for _n, v in sheet.rows if sex_col < len(v)]
                             if sex_col is not None else []),
        "birth_date": lambda v: im.parse_date(v, today=today),
        "arrival_date": lambda v: im.parse_date(v, today=today),
        "age": lambda v: None if v in (None, "") else im.birth_from_age(v, today=today),
        "nationality": im.parse_country, "relationship": im.parse_relationship,
        "curp": im.parse_identifier, "passport": im.parse_identifier,
        "phone": im.parse_text, "household": im.parse_text,
        "age_in_doubt": im.parse_yes_no,
    }
    rows = [_parse_row(n, values, mapping, parsers, today) for n, values in sheet.rows]
    _mark_repeats(rows)
    if check_duplicates:
        existing = ExistingPeople(db)
        for row in rows:
            if existing and row.member is not None and not row.errors:
                m = row.member
                row.duplicate = existing.best_match(PersonFacts(
                    m.given_names, m.surnames, m.sex, m.birth_date, m.birth_date_estimated,
                    m.nationality, tuple(filter(None, [m.curp, *(d.number for d in
                                                                 m.documents)]))))
    return ImportPreview(sheet, mapping, center_id, today, rows)


def _mark_repeats(rows: list[ImportRow]) -> None:
    """The same person twice in the file (same CURP, passport, or name and birth date)."""
    seen: dict[tuple, int] = {}
    for row in rows:
        m = row.member
        if m is None:
            continue
        keys = [("name", name_key(f"{m.given_names} {m.surnames}"), m.birth_date)]
        keys += [("curp", m.curp)] if m.curp else []
        keys += [("doc", d.number) for d in m.documents]
        first = next((seen[k] for k in keys if k in seen), None)
        if first is not None:
            row.errors.append(_("Same person as row {row} of this file.", row=first))
            row.member = None
        else:
            seen.update({k: row.number for k in keys})


def _plan(preview: ImportPreview, allowed: set[int]):
    left_out = {r.number: list(r.errors) for r in preview.rows if r.errors}
    for r in preview.rows:
        if r.duplicate is not None and r.number not in allowed and r.number not in left_out:
            d = r.duplicate
            left_out[r.number] = [_("Possibly already registered: {folio} {name} ({center}).",
                                    folio=d.folio or "", name=d.full_name,
                                    center=d.center_name or "")]
    grouped = "household" in preview.mapping.values()
    related = "relationship" in preview.mapping.values()
    households: dict[object, list[ImportRow]] = {}
    for r in preview.rows:
        key = r.household_key if grouped and r.household_key else ("row", r.number)
        households.setdefault(key, []).append(r)
    plan = []
    for key, rows in households.items():
        bad = [r for r in rows if r.number in left_out]
        if bad:
            for r in rows:
                left_out.setdefault(r.number, [_(
                    "Another member of household {key} (row {row}) has errors; the household "
                    "is left out whole.", key=key, row=bad[0].number)])
            continue
        members = [r.member for r in rows]
        if len(rows) == 1 or not related:
            # A household of one, or no relationship column: the first row is the head.
            members = [members[0].model_copy(update={"relationship": "head"}), *members[1:]]
        elif sum(m.relationship == "head" for m in members) != 1:
            for r in rows:
                left_out[r.number] = [_("Household {key} needs exactly one head "
                                        "(jefe or jefa).", key=key)]
            continue
        plan.append(sorted(members, key=lambda m: m.relationship != "head"))
    return plan, left_out


@dataclass(frozen=True)
class ImportResult:
    people: int
    households: int
    folios: list[str]
    left_out: int
    error_report: Path | None


def write_error_report(preview: ImportPreview, left_out: dict[int, list[str]], out) -> Path:
    """A workbook with the rows left out: row number, the original cells, and why."""
    columns = [Column(_("Row"), "int"), *(Column(h or f"#{i + 1}") for i, h in
                                          enumerate(preview.sheet.headers)),
               Column(_("Errors"))]
    width = len(preview.sheet.headers)
    rows = ([r.number, *(list(r.values[:width]) + [None] * (width - len(r.values))),
             "\n".join(left_out[r.number])] for r in preview.rows if r.number in left_out)

    def write(path: Path) -> None:
        wb = new_workbook()
        try:
            write_sheet(wb, _("Rows left out"), columns, rows)
            wb.save(path)
        except BaseException:
            discard(wb)
            raise

    return write_atomically(out, write)


def confirm_import(db: Database, actor: Actor, preview: ImportPreview, *,
                   allow_duplicates: Collection[int] = (),
                   error_report=None) -> ImportResult:
    """Register all valid rows in one transaction (all or nothing), then write the error
    report of the rows left out to ``error_report`` when given and needed.
    ``allow_duplicates``: row numbers the user confirmed are not the person found."""
    actor.require(Permission.REGISTER)
    plan, left_out = preview.plan(allow_duplicates)
    folios: list[str] = []
    if plan:  # the transaction belongs to the service; this module reads and writes files
        for reg in imports.register_households(db, actor, center_id=preview.center_id,
                                               households=plan, today=preview.today):
            folios += reg.folios
    report = write_error_report(preview, left_out, error_report) \
        if left_out and error_report is not None else None
    return ImportResult(len(folios), len(plan), folios, len(left_out), report)
