"""The pharmacy's dialogs: receive stock, dispense a medicine to a person (with the allergy
warning), and the keyboard rules they share (:class:`FormDialog`): Enter moves to the next
field and never saves, Ctrl+S saves, Esc asks before discarding anything typed and waits
while a save runs."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QComboBox, QDateEdit, QDialog, QDialogButtonBox,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox,
    QVBoxLayout, QWidget,
)

from ...domain import clock
from ...domain.stock import MovementReason
from ...services import pharmacy, stock
from ...services.context import Actor
from ...storage.db import Database
from ..ops import ERROR_STYLE, Changes, error_text, query_op, write_op
from ..queue.scanner import ScanInput
from ..tasks import TaskManager


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class FormDialog(QDialog):
    """A dialog with a Save button, a message line and the shared keyboard rules."""

    saved = Signal(object)

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.saving = False
        self.dirty = False
        self.discard_box: QMessageBox | None = None
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("&Save (Ctrl+S)"),
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for b in (self.save_button, self.cancel_button):
            b.setAutoDefault(False)
            b.setDefault(False)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        QShortcut(QKeySequence("Ctrl+S"), self).activated.connect(lambda: self.save())

    def watch(self, *widgets: QWidget) -> None:
        """Typing in these makes the dialog ask before discarding."""
        for w in widgets:
            for signal in ("textEdited", "valueChanged", "currentIndexChanged", "dateChanged"):
                if hasattr(w, signal):
                    getattr(w, signal).connect(self._touched)

    def _touched(self, *_args) -> None:
        self.dirty = True

    def save(self) -> None:  # pragma: no cover - subclasses
        raise NotImplementedError

    def begin_save(self):
        """(on_done, on_error) of a save's write op, or None while one runs."""
        if self.saving:
            return None
        self.saving = True
        self.save_button.setEnabled(False)
        self.message.clear()

        def done(result) -> None:
            self.saving = False
            self.dirty = False
            self.saved.emit(result)
            self.accept()

        def failed(error: BaseException) -> None:
            self.saving = False
            self.save_button.setEnabled(True)
            self.on_error(error)

        return done, failed

    def on_error(self, error: BaseException) -> None:
        self.message.setText(error_text(error))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            focus = self.focusWidget()
            if focus is not None and isinstance(focus.parent(), ScanInput):
                return  # the scanner line looks the text up (it handles Enter itself)
            if isinstance(focus, QAbstractButton):
                focus.click()
            elif focus is not None:
                QApplication.sendEvent(focus, QKeyEvent(
                    QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier))
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.saving:
            return  # the save decides; the dialog closes when it succeeds
        if not self.dirty:
            super().reject()
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Discard?"),
                          self.tr("Discard what was typed? Nothing has been saved."),
                          parent=self)
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


class ReceiveDialog(FormDialog):
    """Receive a medicine at a center: donation or purchase, lot and expiry, units."""

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager, center_id: str,
                 items: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(db, actor, tasks, parent)
        self.center_id = center_id
        self.setWindowTitle(self.tr("Receive medicines"))
        self.item = QComboBox(self)
        for item_id, label in items:
            self.item.addItem(label, item_id)
        self.item.setEditable(True)
        self.item.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason = QComboBox(self)
        self.reason.addItem(self.tr("Donation"), str(MovementReason.DONATION_IN))
        self.reason.addItem(self.tr("Purchase"), str(MovementReason.PURCHASE_IN))
        self.quantity = QSpinBox(self)
        self.quantity.setRange(0, 1_000_000)
        self.lot = QLineEdit(self)
        self.expiry = QDateEdit(self)
        self.expiry.setCalendarPopup(True)
        self.expiry.setDisplayFormat("dd/MM/yyyy")
        self.expiry.setDate(_qdate(clock.today() + timedelta(days=365)))
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("Donor or supplier, document number"))
        form = QFormLayout()
        form.addRow(self.tr("&Medicine"), self.item)
        form.addRow(self.tr("&Origin"), self.reason)
        form.addRow(self.tr("&Units"), self.quantity)
        form.addRow(self.tr("&Lot"), self.lot)
        form.addRow(self.tr("&Expiry"), self.expiry)
        form.addRow(self.tr("&Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.watch(self.item, self.reason, self.quantity, self.lot, self.expiry, self.note)
        self.item.setFocus()

    def save(self) -> None:
        kwargs = dict(center_id=self.center_id, item_id=self.item.currentData(),
                      quantity=self.quantity.value(), reason=self.reason.currentData(),
                      lot_code=self.lot.text(), expiry=_pydate(self.expiry.date()),
                      note=self.note.text())
        if kwargs["item_id"] is None:
            self.message.setText(self.tr("Choose a medicine from the list."))
            return
        callbacks = self.begin_save()
        if callbacks is not None:
            db, actor = self.db, self.actor  # the worker never touches the widget
            write_op(self, self.tasks, lambda: stock.receive(db, actor, **kwargs),
                     changes=Changes.of("stock"), on_done=callbacks[0], on_error=callbacks[1])


class DispenseDialog(FormDialog):
    """Hand a medicine to a person: find the person (scan or search), see their allergies,
    choose the medicine (stock shown), units, dose and days. A matching allergy asks for a
    confirmation (default: do not dispense)."""

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager, center_id: str,
                 items: list[tuple[str, str]], person: tuple[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, tasks, parent)
        self.center_id = center_id
        self.person_id: str | None = None
        self.allergy_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Dispense a medicine"))
        self.scanner = ScanInput(db, actor, tasks, self)
        self.person = QLabel(self.tr("No person chosen."), self)
        self.allergies = QLabel(self)
        self.allergies.setWordWrap(True)
        self.item = QComboBox(self)
        for item_id, label in items:
            self.item.addItem(label, item_id)
        self.item.setEditable(True)
        self.item.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.quantity = QSpinBox(self)
        self.quantity.setRange(0, 10_000)
        self.dose = QLineEdit(self)
        self.dose.setPlaceholderText(self.tr("e.g. 1 tablet every 8 hours"))
        self.days = QSpinBox(self)
        self.days.setRange(0, 365)
        self.days.setSpecialValueText(self.tr("not set"))
        self.reason = QLineEdit(self)
        self.new_allergy = QLineEdit(self)
        self.new_allergy.setPlaceholderText(self.tr("Substance (e.g. penicilina)"))
        self.add_allergy = QPushButton(self.tr("Record &allergy"), self)
        self.add_allergy.setAutoDefault(False)
        allergy_row = QHBoxLayout()
        allergy_row.addWidget(self.new_allergy, 1)
        allergy_row.addWidget(self.add_allergy)
        form = QFormLayout()
        form.addRow(self.tr("&Person"), self.scanner)
        form.addRow("", self.person)
        form.addRow(self.tr("Allergies"), self.allergies)
        form.addRow(self.tr("New allergy"), allergy_row)
        form.addRow(self.tr("&Medicine"), self.item)
        form.addRow(self.tr("&Units"), self.quantity)
        form.addRow(self.tr("&Dose"), self.dose)
        form.addRow(self.tr("Da&ys"), self.days)
        form.addRow(self.tr("&Reason"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        self.scanner.person_chosen.connect(self.choose_person)
        self.add_allergy.clicked.connect(self._add_allergy)
        self.watch(self.item, self.quantity, self.dose, self.days, self.reason)
        if person is not None:
            self.choose_person(*person)
            self.item.setFocus()
        else:
            self.scanner.setFocus()

    def choose_person(self, person_id: str, label: str) -> None:
        self.person_id = person_id
        self.person.setText(label)
        self.dirty = True
        self._load_allergies()
        self.item.setFocus()

    def _load_allergies(self) -> None:
        person_id = self.person_id
        if person_id is None:
            return
        db, actor = self.db, self.actor  # the worker never touches the widget
        query_op(self, self.tasks,
                 lambda: pharmacy.allergies_of(db, actor, person_id),
                 self._show_allergies, on_error=self.on_error)

    def _show_allergies(self, found: list[pharmacy.AllergyRecord]) -> None:
        if found:
            self.allergies.setStyleSheet("color: #b00020; font-weight: bold;")
            self.allergies.setText(", ".join(a.substance for a in found))
        else:
            self.allergies.setStyleSheet("")
            self.allergies.setText(self.tr("None recorded"))

    def _add_allergy(self) -> None:
        person_id, substance = self.person_id, self.new_allergy.text()
        if person_id is None:
            self.message.setText(self.tr("Choose the person first."))
            return
        db, actor = self.db, self.actor  # the worker never touches the widget
        write_op(self, self.tasks,
                 lambda: pharmacy.record_allergy(db, actor, person_id=person_id,
                                                 substance=substance),
                 changes=Changes.of("stock"), on_error=self.on_error,
                 on_done=lambda _r: (self.new_allergy.clear(), self._load_allergies()))

    def save(self, acknowledge: bool = False) -> None:
        if self.person_id is None:
            self.message.setText(self.tr("Choose the person first."))
            self.scanner.setFocus()
            return
        if self.item.currentData() is None:
            self.message.setText(self.tr("Choose a medicine from the list."))
            return
        kwargs = dict(person_id=self.person_id, item_id=self.item.currentData(),
                      quantity=self.quantity.value(), dose=self.dose.text(),
                      days=self.days.value() or None, reason=self.reason.text(),
                      center_id=self.center_id, acknowledge_allergy=acknowledge)
        callbacks = self.begin_save()
        if callbacks is not None:
            db, actor = self.db, self.actor  # the worker never touches the widget
            write_op(self, self.tasks, lambda: pharmacy.dispense(db, actor, **kwargs),
                     changes=Changes.of("stock"), on_done=callbacks[0], on_error=callbacks[1])

    def on_error(self, error: BaseException) -> None:
        if isinstance(error, pharmacy.AllergyWarning):
            self._ask_allergy(str(error))
            return
        super().on_error(error)

    def _ask_allergy(self, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Allergy"), text, parent=self)
        go = box.addButton(self.tr("Dispense anyway"), QMessageBox.ButtonRole.AcceptRole)
        stop = box.addButton(self.tr("Do not dispense"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(stop)
        box.setEscapeButton(stop)

        def answered() -> None:
            if box.clickedButton() is go:
                self.save(acknowledge=True)
            else:
                self.message.setText(self.tr("Not dispensed: allergy."))

        box.finished.connect(answered)
        self.allergy_box = box
        box.open()


class WriteOffDialog(FormDialog):
    """Take units of one lot out of stock: an expired lot written off, or a loss (broken,
    spoiled, missing) with its reason."""

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager, center_id: str,
                 item_id: str, item_label: str, lots: list[tuple[str | None, str, int, bool]],
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, tasks, parent)
        self.center_id, self.item_id = center_id, item_id
        self.setWindowTitle(self.tr("Write off stock"))
        self.lot = QComboBox(self)
        for lot_id, label, units, expired in lots:
            self.lot.addItem(label, (lot_id, units, expired))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Expired"), True)
        self.kind.addItem(self.tr("Loss (broken, spoiled, missing)"), False)
        self.quantity = QSpinBox(self)
        self.quantity.setRange(0, 1_000_000)
        self.note = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("Medicine"), QLabel(item_label, self))
        form.addRow(self.tr("&Lot"), self.lot)
        form.addRow(self.tr("&Why"), self.kind)
        form.addRow(self.tr("&Units"), self.quantity)
        form.addRow(self.tr("&Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.lot.currentIndexChanged.connect(lambda _i: self._lot_chosen())
        self._lot_chosen()
        self.watch(self.kind, self.quantity, self.note)
        self.lot.setFocus()

    def _lot_chosen(self) -> None:
        data = self.lot.currentData()
        if data is None:
            return
        _lot_id, units, expired = data
        self.quantity.setValue(units if expired else 0)
        self.kind.setCurrentIndex(0 if expired else 1)

    def save(self) -> None:
        data = self.lot.currentData()
        if data is None:
            return
        lot_id = data[0]
        kwargs = dict(center_id=self.center_id, item_id=self.item_id,
                      quantity=self.quantity.value(), lot_id=lot_id,
                      expired=bool(self.kind.currentData()), note=self.note.text())
        callbacks = self.begin_save()
        if callbacks is not None:
            db, actor = self.db, self.actor  # the worker never touches the widget
            write_op(self, self.tasks, lambda: stock.write_off(db, actor, **kwargs),
                     changes=Changes.of("stock"), on_done=callbacks[0], on_error=callbacks[1])


class TransferDialog(FormDialog):
    """Send units of a medicine to another center (first expiring lots first); the other
    center records their arrival when the transfer reaches its file."""

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager, center_id: str,
                 items: list[tuple[str, str]], centers: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, tasks, parent)
        self.center_id = center_id
        self.setWindowTitle(self.tr("Send to another center"))
        self.item = QComboBox(self)
        for item_id, label in items:
            self.item.addItem(label, item_id)
        self.to_center = QComboBox(self)
        for cid, label in centers:
            if cid != center_id:
                self.to_center.addItem(label, cid)
        self.quantity = QSpinBox(self)
        self.quantity.setRange(0, 1_000_000)
        self.note = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("&Medicine"), self.item)
        form.addRow(self.tr("&To"), self.to_center)
        form.addRow(self.tr("&Units"), self.quantity)
        form.addRow(self.tr("&Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.watch(self.item, self.to_center, self.quantity, self.note)
        self.item.setFocus()

    def save(self) -> None:
        if self.item.currentData() is None or self.to_center.currentData() is None:
            self.message.setText(self.tr("Choose the medicine and the center."))
            return
        from ...services import stock_transfers
        kwargs = dict(from_center_id=self.center_id, to_center_id=self.to_center.currentData(),
                      item_id=self.item.currentData(), quantity=self.quantity.value(),
                      note=self.note.text())
        callbacks = self.begin_save()
        if callbacks is not None:
            db, actor = self.db, self.actor  # the worker never touches the widget
            write_op(self, self.tasks,
                     lambda: stock_transfers.send(db, actor, **kwargs),
                     changes=Changes.of("stock"), on_done=callbacks[0], on_error=callbacks[1])
