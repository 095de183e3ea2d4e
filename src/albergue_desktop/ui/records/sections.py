"""The parts of the person record as rich text: documents, vaccinations, stays and the
history of changes (who, when, which fields old -> new)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...domain.labels import label
from ...services import photos
from ...services.records import HistoryLine, StayLine
from ...storage.tables import IdentityDocument, Vaccination
from .fields import HIDDEN_FIELDS, field_label, format_date, format_value, vaccine_label

CONTEXT = "record_sections"

WHAT: dict[tuple[str, str], str] = {  # (table, action) -> the "What" column
    ("person", "create"): QT_TRANSLATE_NOOP("record_sections", "Record created"),
    ("person", "update"): QT_TRANSLATE_NOOP("record_sections", "Record changed"),
    ("person", "delete"): QT_TRANSLATE_NOOP("record_sections", "Record deleted"),
    ("identity_document", "create"): QT_TRANSLATE_NOOP("record_sections", "Document added"),
    ("identity_document", "update"): QT_TRANSLATE_NOOP("record_sections", "Document changed"),
    ("identity_document", "delete"): QT_TRANSLATE_NOOP("record_sections", "Document removed"),
    ("stay", "create"): QT_TRANSLATE_NOOP("record_sections", "Stay started"),
    ("stay", "update"): QT_TRANSLATE_NOOP("record_sections", "Stay changed"),
    ("stay", "delete"): QT_TRANSLATE_NOOP("record_sections", "Stay removed"),
    ("vaccination", "create"): QT_TRANSLATE_NOOP("record_sections", "Vaccine added"),
    ("vaccination", "update"): QT_TRANSLATE_NOOP("record_sections", "Vaccine changed"),
    ("vaccination", "delete"): QT_TRANSLATE_NOOP("record_sections", "Vaccine removed"),
    ("person_photo", "create"): QT_TRANSLATE_NOOP("record_sections", "Photo added"),
    ("person_photo", "update"): QT_TRANSLATE_NOOP("record_sections", "Photo changed"),
    ("person_photo", "delete"): QT_TRANSLATE_NOOP("record_sections", "Photo removed"),
}
# Reasons the services write themselves (not typed by a user).
SERVICE_REASONS = {
    photos.REPLACED: QT_TRANSLATE_NOOP("record_sections", "replaced by a new photo"),
}

DOCUMENT_HEADERS = (
    QT_TRANSLATE_NOOP("record_sections", "Type"),
    QT_TRANSLATE_NOOP("record_sections", "Number"),
    QT_TRANSLATE_NOOP("record_sections", "Country"),
    QT_TRANSLATE_NOOP("record_sections", "Issued"),
    QT_TRANSLATE_NOOP("record_sections", "Expires"),
)
VACCINATION_HEADERS = (
    QT_TRANSLATE_NOOP("record_sections", "Vaccine"),
    QT_TRANSLATE_NOOP("record_sections", "Brand"),
    QT_TRANSLATE_NOOP("record_sections", "Dose"),
    QT_TRANSLATE_NOOP("record_sections", "Date"),
)
STAY_HEADERS = (
    QT_TRANSLATE_NOOP("record_sections", "Center"),
    QT_TRANSLATE_NOOP("record_sections", "Bed"),
    QT_TRANSLATE_NOOP("record_sections", "Check-in"),
    QT_TRANSLATE_NOOP("record_sections", "Until"),
    QT_TRANSLATE_NOOP("record_sections", "Reason"),
)
HISTORY_HEADERS = (
    QT_TRANSLATE_NOOP("record_sections", "When"),
    QT_TRANSLATE_NOOP("record_sections", "Who"),
    QT_TRANSLATE_NOOP("record_sections", "What"),
    QT_TRANSLATE_NOOP("record_sections", "Changes"),
)
EMPTY = {
    "documents": QT_TRANSLATE_NOOP("record_sections", "No documents recorded."),
    "vaccinations": QT_TRANSLATE_NOOP("record_sections", "No vaccinations recorded."),
    "stays": QT_TRANSLATE_NOOP("record_sections", "No stays: registered but never lodged."),
    "history": QT_TRANSLATE_NOOP("record_sections", "No changes recorded."),
}
REASON = QT_TRANSLATE_NOOP("record_sections", "Reason: {reason}")


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _cell(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def table_html(headers: tuple[str, ...], rows: list[list[str]], empty: str) -> str:
    """A small table with translated ``headers``; cells are plain text (escaped here)."""
    if not rows:
        return f"<i>{escape(tr(empty))}</i>"
    head = "".join(f"<th align='left'>{escape(tr(h))}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td valign='top'>{_cell(c)}</td>" for c in row)
                   + "</tr>" for row in rows)
    return f"<table cellspacing='0' cellpadding='3'><tr>{head}</tr>{body}</table>"


def documents_html(documents: list[IdentityDocument]) -> str:
    rows = [[label("doc_type", d.doc_type), d.number, label("country", d.issuing_country)
             or "—", format_date(d.issue_date), format_date(d.expiry_date)]
            for d in documents]
    return table_html(DOCUMENT_HEADERS, rows, EMPTY["documents"])


def vaccinations_html(vaccinations: list[Vaccination]) -> str:
    rows = [[vaccine_label(v.vaccine), format_value("brand", v.brand),
             str(v.dose) if v.dose else "—", format_date(v.date)] for v in vaccinations]
    return table_html(VACCINATION_HEADERS, rows, EMPTY["vaccinations"])


def stays_html(stays: list[StayLine]) -> str:
    rows = []
    for s in reversed(stays):  # the newest first
        status = "closed" if s.check_out is not None else s.status
        until = format_date(s.check_out) if s.check_out else label("stay_status", status)
        reason = label("checkout_reason", s.reason) if s.reason else ""
        if s.destination:
            reason = f"{reason} ({s.destination})" if reason else s.destination
        rows.append([f"{s.center_code} · {s.center_name}", s.bed_code or "—",
                     format_date(s.check_in), until, reason or "—"])
    return table_html(STAY_HEADERS, rows, EMPTY["stays"])


def describe_changes(line: HistoryLine) -> str:
    """``Field: old → new``, one line per field, for an update; the reason for a
    deletion."""
    changes = {k: v for k, v in line.changes.items() if k not in HIDDEN_FIELDS}
    if line.action == "delete":
        reason = changes.get("delete_reason", [None, None])[1]
        if reason in SERVICE_REASONS:
            reason = tr(SERVICE_REASONS[reason])
        return tr(REASON).format(reason=reason) if reason else ""
    parts = []
    for name, pair in changes.items():
        old, new = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
        parts.append(f"{field_label(name)}: {format_value(name, old)} → "
                     f"{format_value(name, new)}")
    return "\n".join(parts)


def history_rows(history: list[HistoryLine]) -> list[list[str]]:
    """[when, who, what, changes], the newest first."""
    rows = []
    for line in reversed(history):
        key = (line.table_name or "", line.action)
        what = tr(WHAT[key]) if key in WHAT else f"{line.table_name} {line.action}"
        rows.append([format_date(line.at), line.username or "—", what,
                     describe_changes(line)])
    return rows


def history_html(history: list[HistoryLine]) -> str:
    return table_html(HISTORY_HEADERS, history_rows(history), EMPTY["history"])
