"""Documents page of a person: name as on the document, CURP and RFC, migratory status with
its validity, and the list of identity documents."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, \
    QVBoxLayout, QWidget

from ...domain.validation import MAX_NAME_LENGTH
from . import codes
from .fields import CodeCombo, DateField, ErrorLabel, FieldParseError, FieldSlot, FormPage
from .row_list import Column, Row, RowEditor, watch


def read_date(field: DateField, errors: dict[str, list[str]], key: str):
    try:
        return field.value()
    except FieldParseError as exc:
        errors.setdefault(key, []).append(str(exc))
        return None


class DocumentsEditor(RowEditor):
    prefix = "documents"

    def columns(self) -> list[Column]:
        return [("doc_type", self.tr("Type"), 210), ("number", self.tr("Number"), None),
                ("issuing_country", self.tr("Issued by"), 150),
                ("issue_date", self.tr("Issued on"), 100),
                ("expiry_date", self.tr("Expires on"), 100)]

    def button_texts(self) -> tuple[str, str]:
        return self.tr("Add document"), self.tr("Remove")

    def make_widgets(self) -> dict[str, QWidget]:
        number = QLineEdit()
        number.setMaxLength(40)
        return {"doc_type": CodeCombo(codes.domain_pairs("doc_type")), "number": number,
                "issuing_country": CodeCombo(codes.domain_pairs("country")),
                "issue_date": DateField(), "expiry_date": DateField()}

    def read_row(self, row: Row, errors: dict[str, list[str]], key: str) -> dict | None:
        w = row.widgets
        texts = [w["number"].text().strip(), w["issue_date"].text().strip(),
                 w["expiry_date"].text().strip()]
        if not any(texts) and w["doc_type"].code() is None:
            return None
        return {"doc_type": w["doc_type"].code() or "", "number": texts[0],
                "issuing_country": w["issuing_country"].code(),
                "issue_date": read_date(w["issue_date"], errors, key + "issue_date"),
                "expiry_date": read_date(w["expiry_date"], errors, key + "expiry_date")}


class DocumentsTab(FormPage):

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.slots: list[FieldSlot] = []
        body = QVBoxLayout(self.body)
        top = QHBoxLayout()
        body.addLayout(top)
        ids = QGroupBox(self.tr("Name on the documents and Mexican keys"), self.body)
        status = QGroupBox(self.tr("Migratory status"), self.body)
        top.addWidget(ids, 1)
        top.addWidget(status, 1)
        form = QFormLayout(ids)
        self.document_name = QLineEdit()
        self.document_name.setMaxLength(MAX_NAME_LENGTH)
        self.document_name.setPlaceholderText(self.tr("only if different from the name"))
        self._row(form, self.tr("Name as on the document"), "document_name", self.document_name)
        self.curp = QLineEdit()
        self.curp.setMaxLength(18)
        self.curp.setPlaceholderText(self.tr("18 characters"))
        self._row(form, self.tr("CURP"), "curp", self.curp)
        self.rfc = QLineEdit()
        self.rfc.setMaxLength(13)
        self.rfc.setPlaceholderText(self.tr("13 characters"))
        self._row(form, self.tr("RFC"), "rfc", self.rfc)

        form = QFormLayout(status)
        self.migratory_status = CodeCombo(codes.domain_pairs("migratory_status"))
        self._row(form, self.tr("Status"), "migratory_status", self.migratory_status)
        self.status_from = DateField()
        self._row(form, self.tr("Valid from"), "migratory_status_from", self.status_from)
        self.status_until = DateField()
        self._row(form, self.tr("Valid until"), "migratory_status_until", self.status_until)

        documents = QGroupBox(self.tr("Identity documents"), self.body)
        box = QVBoxLayout(documents)
        self.documents = DocumentsEditor(documents)
        box.addWidget(self.documents)
        body.addWidget(documents)
        body.addStretch(1)
        for widget in (self.document_name, self.curp, self.rfc, self.migratory_status,
                       self.status_from, self.status_until):
            watch(widget, self.changed.emit)
        for slot in self.slots:
            slot.touched_changed.connect(self.touched.emit)
        self.documents.changed.connect(self.changed.emit)
        self.documents.touched.connect(self.touched.emit)

    def _row(self, form: QFormLayout, text: str, key: str, widget: QWidget) -> None:
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        error = ErrorLabel()
        column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft
                         if isinstance(widget, DateField) else Qt.AlignmentFlag(0))
        column.addWidget(error)
        caption = QLabel(text)
        caption.setBuddy(widget)
        form.addRow(caption, box)
        self.slots.append(FieldSlot(key, widget, error))

    def all_slots(self) -> list[FieldSlot]:
        return self.slots + self.documents.slots()

    def collect(self, data: dict, errors: dict[str, list[str]]) -> list[dict]:
        """Fills the person fields into ``data``; returns the documents."""
        data["document_name"] = self.document_name.text().strip() or None
        data["curp"] = self.curp.text().strip() or None
        data["rfc"] = self.rfc.text().strip() or None
        data["migratory_status"] = self.migratory_status.code()
        data["migratory_status_from"] = read_date(self.status_from, errors,
                                                  "migratory_status_from")
        data["migratory_status_until"] = read_date(self.status_until, errors,
                                                   "migratory_status_until")
        return self.documents.collect(errors)
