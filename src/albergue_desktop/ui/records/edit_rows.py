"""Identity documents and vaccinations in the edit dialog: the registration's row editors
(``ui/intake``) filled with the stored rows. A stored row remembers its id, so saving corrects
it (only when a value differs); removing it asks for the reason (the row is tombstoned, and
the history shows who removed it and why); an empty row added here is a new document."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from ...domain.labels import label
from ...domain.vaccines import parse_covid_brand, parse_vaccine
from ..intake.documents_editor import DocumentsEditor
from ..intake.row_list import Row
from ..intake.vaccination_editor import OTHER, VaccinationEditor
from .fields import vaccine_label

# (validation path prefix of the row, values, stored id or None for a new row)
Entry = tuple[str, dict, str | None]


class ReasonDialog(QDialog):
    """Asks why a stored row is removed; the Remove button needs a reason."""

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remove"))
        self.question = QLabel(self.tr("Why is “{what}” removed? The reason is kept in the "
                                       "history of changes.").format(what=what), self)
        self.question.setWordWrap(True)
        caption = QLabel(self.tr("&Reason (required):"), self)
        self.reason_edit = QLineEdit(self)
        self.reason_edit.setMaxLength(200)
        self.reason_edit.setPlaceholderText(self.tr("e.g. typed twice, belongs to another "
                                                    "person"))
        caption.setBuddy(self.reason_edit)
        buttons = QDialogButtonBox(self)
        self.remove_button = buttons.addButton(self.tr("Remove"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.remove_button.setEnabled(False)
        self.reason_edit.textChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.reason())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.question, caption, self.reason_edit, buttons):
            layout.addWidget(widget)
        self.setMinimumWidth(440)

    def reason(self) -> str:
        return self.reason_edit.text().strip()


def ask_reason(parent: QWidget, what: str) -> str | None:
    dialog = ReasonDialog(what, parent)
    return dialog.reason() if dialog.exec() == QDialog.DialogCode.Accepted else None


class StoredRows:
    """Mixin for a :class:`RowEditor`: stored rows, removal reasons, changed entries.
    ``ask_reason(what) -> str | None`` can be replaced (tests)."""

    def init_stored(self) -> None:
        self.removed: dict[str, str] = {}
        self.ask_reason: Callable[[str], str | None] = lambda what: ask_reason(self, what)

    def fill_row(self, row: Row, stored: Any) -> None:
        raise NotImplementedError

    def describe(self, row: Row) -> str:
        raise NotImplementedError

    def load(self, stored_rows: list[Any]) -> None:
        for stored in stored_rows:
            row = self.add_row()
            self.fill_row(row, stored)
            row.stored_id = stored.id
            row.stored_values = self.read_row(row, {}, "")

    def remove_row(self, row: Row) -> None:
        stored_id = getattr(row, "stored_id", None)
        if stored_id is not None:
            reason = self.ask_reason(self.describe(row))
            if not reason or not reason.strip():
                return  # cancelled: the row stays
            self.removed[stored_id] = reason.strip()
        super().remove_row(row)

    def read_row(self, row: Row, errors: dict[str, list[str]], key: str) -> dict | None:
        values = super().read_row(row, errors, key)
        if values is None and getattr(row, "stored_id", None) is not None:
            values = self.blank()  # emptied, not removed: "required" shows by its fields
        return values

    def entries(self, errors: dict[str, list[str]]) -> list[Entry]:
        """The new and changed rows (unchanged stored rows are left out); renumbers the
        validation paths of the fields as :meth:`RowEditor.collect` does."""
        values = self.collect(errors)
        filled = [row for row in self.rows if any(s.key for s in row.slots.values())]
        out = []
        for index, (row, row_values) in enumerate(zip(filled, values)):
            stored_id = getattr(row, "stored_id", None)
            if stored_id is None or row_values != row.stored_values:
                out.append((f"{self.prefix}.{index}.", row_values, stored_id))
        return out


class StoredDocumentsEditor(StoredRows, DocumentsEditor):

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.init_stored()

    def blank(self) -> dict:
        return {"doc_type": "", "number": "", "issuing_country": None, "issue_date": None,
                "expiry_date": None}

    def fill_row(self, row: Row, doc: Any) -> None:
        w = row.widgets
        if w["doc_type"].findData(doc.doc_type) < 0:  # a code from elsewhere: keep it
            w["doc_type"].addItem(label("doc_type", doc.doc_type), doc.doc_type)
        w["doc_type"].set_code(doc.doc_type)
        w["number"].setText(doc.number or "")
        w["issuing_country"].set_code(doc.issuing_country)
        w["issue_date"].set_value(doc.issue_date)
        w["expiry_date"].set_value(doc.expiry_date)

    def describe(self, row: Row) -> str:
        w = row.widgets
        return f"{w['doc_type'].currentText()} {w['number'].text().strip()}".strip()


class StoredVaccinationEditor(StoredRows, VaccinationEditor):

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.init_stored()

    def blank(self) -> dict:
        return {"vaccine": "", "brand": None, "dose": None, "date": None, "lot": None,
                "place": None}

    def fill_row(self, row: Row, vac: Any) -> None:
        w = row.widgets
        code = parse_vaccine(vac.vaccine)
        w["vaccine"].set_code(str(code) if code else OTHER)
        if code is None:
            w["other"].setText(vac.vaccine or "")
        brand = parse_covid_brand(vac.brand)
        w["brand"].set_code(str(brand) if brand else None)
        w["dose"].setText(str(vac.dose) if vac.dose else "")
        w["date"].set_value(vac.date)
        w["lot"].setText(vac.lot or "")
        w["place"].setText(vac.place or "")

    def describe(self, row: Row) -> str:
        w = row.widgets
        code = w["vaccine"].code()
        name = w["other"].text().strip() if code == OTHER else vaccine_label(code or "")
        parts = [name, self.tr("dose {n}").format(n=w["dose"].text()) if w["dose"].text()
                 else "", w["date"].text().strip()]
        return " · ".join(p for p in parts if p)

