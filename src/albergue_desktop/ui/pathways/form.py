"""One form dialog for every exit-pathway record (discharge, employer, opening, paperwork,
placement, home, lease, move-in, COMAR application, referral, school, INEA, Spanish group).

A form is a list of :class:`Field` specs and a ``save(values)`` that calls ONE service on the
worker (``write_op``). Keyboard: Enter saves (the default button; a service error keeps the
dialog open with every typed value and says what is wrong beside its field), Esc closes at
once when nothing was typed and asks before discarding typed work otherwise; while a save
runs, Esc waits.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit, QVBoxLayout, QWidget,
)

from ...domain import clock
from ...domain.errors import ValidationError
from ..ops import ERROR_STYLE, Changes, error_text, write_op
from ..tasks import TaskManager

FIELDS_CONTEXT = "pathway_fields"  # the field labels (QT_TRANSLATE_NOOP in forms.py)


@dataclass
class Field:
    """``kind``: text, note (several lines), int, money, date (required, defaults to
    today), optional_date, choice (``choices``: (code, label) pairs), check, multi (several
    of ``choices``)."""

    name: str
    label: str  # English source, QT_TRANSLATE_NOOP("pathway_fields", ...)
    kind: str = "text"
    required: bool = False
    choices: Sequence[tuple[str, str]] = ()
    value: Any = None


@dataclass
class FormSpec:
    title: str  # already translated
    fields: list[Field]
    save: Callable[[dict[str, Any]], Any]  # runs on the worker: one service call
    changes: Changes = field(default_factory=lambda: Changes.of("people"))
    intro: str = ""


def parse_date(text: str) -> date | None:
    """dd/mm/yyyy (or yyyy-mm-dd); None when empty; ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    if "-" in text:
        return date.fromisoformat(text)
    day, month, year = (int(p) for p in text.split("/"))
    return date(year, month, day)


class PathwayForm(QDialog):
    saved = Signal(object)

    def __init__(self, spec: FormSpec, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec, self.tasks = spec, tasks
        self.setWindowTitle(spec.title)
        self.saving = False
        self.discard_box: QMessageBox | None = None
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        if spec.intro:
            intro = QLabel(spec.intro, self)
            intro.setWordWrap(True)
            layout.addWidget(intro)
        form = QFormLayout()
        for f in spec.fields:
            widget = self._widget(f)
            widget.setObjectName(f.name)
            self.widgets[f.name] = widget
            error = QLabel(self)
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            self.errors[f.name] = error
            box = QWidget(self)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(0, 0, 0, 0)
            inner.addWidget(widget)
            inner.addWidget(error)
            form.addRow(QCoreApplication.translate(FIELDS_CONTEXT, f.label) + (" *" if f.required else ""), box)
        layout.addLayout(form)
        self.message = QLabel(self)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Save"))
        self.save_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._initial = self.values(strict=False)

    # --- widgets ----------------------------------------------------------------------------

    def _widget(self, f: Field) -> QWidget:
        if f.kind == "note":
            w = QPlainTextEdit(self)
            w.setTabChangesFocus(True)
            w.setFixedHeight(64)
            if f.value:
                w.setPlainText(str(f.value))
            return w
        if f.kind == "date":
            d = QDateEdit(self)
            d.setCalendarPopup(True)
            d.setDisplayFormat("dd/MM/yyyy")
            day = f.value or clock.today()
            d.setDate(QDate(day.year, day.month, day.day))
            return d
        if f.kind in ("choice",):
            c = QComboBox(self)
            if not f.required:
                c.addItem("", None)
            for code, text in f.choices:
                c.addItem(text, code)
            if f.value is not None:
                c.setCurrentIndex(max(c.findData(f.value), 0))
            return c
        if f.kind == "multi":
            lst = QListWidget(self)
            for code, text in f.choices:
                item = QListWidgetItem(text, lst)
                item.setData(Qt.ItemDataRole.UserRole, code)
                item.setCheckState(Qt.CheckState.Checked if f.value and code in f.value
                                   else Qt.CheckState.Unchecked)
            lst.setFixedHeight(min(24 * max(len(f.choices), 1) + 6, 130))
            return lst
        if f.kind == "check":
            box = QCheckBox(self)
            box.setChecked(bool(f.value))
            return box
        e = QLineEdit(self)
        if f.kind == "optional_date":
            e.setPlaceholderText(self.tr("dd/mm/yyyy"))
            if f.value:
                e.setText(f.value.strftime("%d/%m/%Y"))
        elif f.value is not None:
            e.setText(str(f.value))
        return e

    # --- values -----------------------------------------------------------------------------

    def values(self, strict: bool = True) -> dict[str, Any]:
        """What was typed, converted; with ``strict``, bad numbers and dates raise
        ValidationError naming the field."""
        from ...domain.errors import FieldError
        out: dict[str, Any] = {}
        problems: list[FieldError] = []
        for f in self.spec.fields:
            w = self.widgets[f.name]
            if isinstance(w, QPlainTextEdit):
                out[f.name] = w.toPlainText().strip() or None
            elif isinstance(w, QDateEdit):
                q = w.date()
                out[f.name] = date(q.year(), q.month(), q.day())
            elif isinstance(w, QComboBox):
                out[f.name] = w.currentData()
            elif isinstance(w, QListWidget):
                out[f.name] = [w.item(i).data(Qt.ItemDataRole.UserRole)
                               for i in range(w.count())
                               if w.item(i).checkState() == Qt.CheckState.Checked]
            elif isinstance(w, QCheckBox):
                out[f.name] = w.isChecked()
            else:
                assert isinstance(w, QLineEdit)
                raw = w.text().strip()
                out[f.name] = raw or None
                if not raw or not strict:
                    continue
                try:
                    if f.kind == "int":
                        out[f.name] = int(raw)
                    elif f.kind == "money":
                        out[f.name] = float(raw.replace(",", "").replace("$", ""))
                    elif f.kind == "optional_date":
                        out[f.name] = parse_date(raw)
                except ValueError:
                    problems.append(FieldError(f.name, "Invalid format"))
            if strict and f.required and out.get(f.name) in (None, "", []):
                problems.append(FieldError(f.name, "This field is required."))
        if problems:
            raise ValidationError(problems)
        return out

    def has_input(self) -> bool:
        return self.values(strict=False) != self._initial

    # --- saving -----------------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not isinstance(self.focusWidget(), QPlainTextEdit):
            self.submit()
            return
        super().keyPressEvent(event)

    def _show_errors(self, error: BaseException) -> None:
        for label in self.errors.values():
            label.hide()
        if isinstance(error, ValidationError):
            shown = False
            for e in error.errors:
                key = e.field.split(".")[0]
                if key in self.errors:
                    self.errors[key].setText(e.message() if e.msgid != "Invalid format"
                                             else self.tr("Invalid format"))
                    self.errors[key].show()
                    shown = True
            self.message.setText("" if shown else error_text(error))
        else:
            self.message.setText(error_text(error))

    def submit(self) -> None:
        if self.saving:
            return
        try:
            values = self.values()
        except ValidationError as error:
            self._show_errors(error)
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self.message.setText(self.tr("Saving…"))

        def failed(error: BaseException) -> None:
            self.saving = False
            self.save_button.setEnabled(True)
            self._show_errors(error)

        def done(result: Any) -> None:
            self.saving = False
            self.saved.emit(result)
            QDialog.accept(self)

        write_op(self, self.tasks, lambda: self.spec.save(values), changes=self.spec.changes,
                 on_error=failed, on_done=done)

    def reject(self) -> None:
        if self.saving:
            return  # the save is running; it cannot be taken back half way
        if not self.has_input():
            super().reject()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(),
                          self.tr("Discard what was typed? Nothing has been saved."), parent=self)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered() -> None:
            if box.clickedButton() is discard:
                QDialog.reject(self)

        box.finished.connect(answered)
        self.discard_box = box
        box.open()


class SessionForm(PathwayForm):
    """The class-session form: the attendance list shows the members of the chosen group
    only (items are "group:person"; the others are hidden and unticked)."""

    def __init__(self, spec: FormSpec, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(spec, tasks, parent)
        combo = self.widgets["group_id"]
        assert isinstance(combo, QComboBox)
        combo.currentIndexChanged.connect(lambda _i: self._filter())
        self._filter()
        self._initial = self.values(strict=False)

    def _filter(self) -> None:
        combo, lst = self.widgets["group_id"], self.widgets["present"]
        assert isinstance(combo, QComboBox) and isinstance(lst, QListWidget)
        group = combo.currentData()
        for i in range(lst.count()):
            item = lst.item(i)
            mine = str(item.data(Qt.ItemDataRole.UserRole)).startswith(f"{group}:")
            item.setHidden(not mine)
            if not mine:
                item.setCheckState(Qt.CheckState.Unchecked)
