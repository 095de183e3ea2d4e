"""Registering a whole household in one flow: the head, then each member, each with their
details; duplicate warning, one transaction, folios.

Keyboard: Enter moves to the next field, Tab goes through every field of every page,
Ctrl+S saves, Ctrl+N adds a member, Ctrl+PgDown/PgUp changes page, Alt+PgDown/PgUp changes
member, Esc cancels (asking first when something was typed)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QIcon, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton, QApplication, QDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QMessageBox, QPlainTextEdit, QPushButton, QStackedWidget, QStyle,
    QVBoxLayout, QWidget,
)

from ...domain import clock
from ...domain.labels import label
from ...services.context import Actor
from ...storage.db import Database
from ..tasks import TaskManager
from .confirmation import ConfirmationPage
from .person_form import PersonForm
from .saving import SaveFlow

DIALOG_SIZE = (1280, 690)


class RegistrationDialog(QDialog):
    """``household_registered(Registration)`` after the save; ``open_person_requested(id)``
    when the user opens an existing record from the duplicate warning (the dialog closes);
    ``next_step_requested(step, household_id)`` with ``"screening"`` or ``"bed"`` from the
    confirmation (the dialog stays on the confirmation, under the step's dialog, and the
    focus moves to the next step); ``cards_requested(folio)`` for the household's ID cards
    (the dialog closes: the cards are printed from the Reports tab)."""

    household_registered = Signal(object)
    open_person_requested = Signal(str)
    next_step_requested = Signal(str, str)
    cards_requested = Signal(str)

    def __init__(self, db: Database, actor: Actor, center_id: str, tasks: TaskManager,
                 parent: QWidget | None = None, *, today: date | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.center_id, self.tasks = db, actor, center_id, tasks
        self.today = today or clock.today()
        self.registration = None
        self.discard_box: QMessageBox | None = None
        self.setWindowTitle(self.tr("Register a household"))
        self._fit_to_screen()
        self.pages = QStackedWidget(self)
        self.confirmation = ConfirmationPage(self)
        self.pages.addWidget(self._build_form_page())
        self.pages.addWidget(self.confirmation)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(self.pages)
        self.flow = SaveFlow(self)
        self.confirmation.step_chosen.connect(self._next_step)
        self.confirmation.another_chosen.connect(self.start_over)
        self.confirmation.close_chosen.connect(self.accept)
        self._shortcuts()
        self.add_member(is_head=True)

    # --- layout ---------------------------------------------------------------------------

    def _build_form_page(self) -> QWidget:
        page = QWidget(self)
        self.members = QListWidget(page)
        self.members.setAccessibleName(self.tr("Household members"))
        self.members.setWordWrap(True)
        self.members.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.members.currentRowChanged.connect(self._show_member)
        self.forms = QStackedWidget(page)
        self.add_button = QPushButton(self.tr("Add member"), page)
        self.remove_button = QPushButton(self.tr("Remove member"), page)
        self.add_button.clicked.connect(lambda: self.add_member())
        self.remove_button.clicked.connect(self.remove_current_member)
        household = self.household_box = QGroupBox(self.tr("Household"), page)
        form = QFormLayout(household)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.address = QLineEdit(household)
        self.address.setPlaceholderText(self.tr("address in Mexico, if any"))
        self.household_notes = QPlainTextEdit(household)
        self.household_notes.setTabChangesFocus(True)
        self.household_notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        form.addRow(self.tr("Household address"), self.address)
        form.addRow(self.tr("Household notes"), self.household_notes)

        left = QVBoxLayout()
        self.members_title = QLabel(page)
        left.addWidget(self.members_title)
        left.addWidget(self.members, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left.addLayout(buttons)
        left.addWidget(household)
        left_box = QWidget(page)
        left_box.setLayout(left)
        left_box.setFixedWidth(290)

        self.status = QLabel(page)
        self.status.setWordWrap(True)
        self.hints = QLabel(self._hint_text(), page)
        self.hints.setStyleSheet("color: palette(mid);")
        self.cancel_button = QPushButton(self.tr("Cancel"), page)
        self.save_button = QPushButton(self.tr("Save household"), page)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        for button in (self.add_button, self.remove_button, self.cancel_button,
                       self.save_button):
            button.setAutoDefault(False)

        top = QHBoxLayout()
        top.addWidget(left_box)
        top.addWidget(self.forms, 1)
        bottom = QHBoxLayout()
        texts = QVBoxLayout()
        texts.addWidget(self.status)
        texts.addWidget(self.hints)
        bottom.addLayout(texts, 1)
        bottom.addWidget(self.cancel_button)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top, 1)
        layout.addLayout(bottom)
        return page

    def _fit_to_screen(self) -> None:
        """The usual size, smaller on a small screen (1366x768 with a taskbar and a title
        bar leaves about 1340x690); the pages scroll when they need to."""
        width, height = DIALOG_SIZE
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(width, available.width() - 24)
            height = min(height, available.height() - 48)
        self.resize(width, height)

    def _hint_text(self) -> str:
        def key(text: str) -> str:
            return QKeySequence(text).toString(QKeySequence.SequenceFormat.NativeText)
        return self.tr("{save} save · {new} add member · {page} change page · "
                       "{member} change member · Esc cancel").format(
            save=key("Ctrl+S"), new=key("Ctrl+N"), page=key("Ctrl+PgDown"),
            member=key("Alt+PgDown"))

    def _shortcuts(self) -> None:
        pairs = [(QKeySequence.StandardKey.Save, self.save),
                 (QKeySequence.StandardKey.New, lambda: self.add_member()),
                 ("Ctrl+PgDown", lambda: self._change_page(1)),
                 ("Ctrl+PgUp", lambda: self._change_page(-1)),
                 ("Alt+PgDown", lambda: self._change_member(1)),
                 ("Alt+PgUp", lambda: self._change_member(-1))]
        for keys, slot in pairs:
            QShortcut(QKeySequence(keys), self, activated=slot)

    # --- members --------------------------------------------------------------------------

    def member_forms(self) -> list[PersonForm]:
        return [self.forms.widget(i) for i in range(self.forms.count())]

    def current_form(self) -> PersonForm:
        return self.forms.currentWidget()

    def add_member(self, *, is_head: bool = False) -> PersonForm | None:
        if self.pages.currentIndex() != 0 or self.flow.busy:
            return None
        form = PersonForm(self.actor, is_head=is_head, today=self.today)
        if not is_head:
            form.basic.set_head(self.member_forms()[0].basic)
            form.carry_over(self.member_forms()[-1])
        form.changed.connect(self._refresh_member_labels)
        form.errors_shown.connect(lambda _n: self._refresh_member_labels())
        self.forms.addWidget(form)
        self.members.addItem("")
        self._refresh_member_labels()
        self.members.setCurrentRow(self.forms.count() - 1)
        form.focus_first_field()
        return form

    def remove_current_member(self) -> None:
        row = self.members.currentRow()
        if row <= 0 or self.flow.busy:
            return  # the head stays: a household always has one
        form = self.member_forms()[row]
        if form.has_input():
            answer = QMessageBox.question(
                self, self.tr("Remove member"),
                self.tr("Remove {name} from this registration?").format(
                    name=form.display_name() or self.tr("this member")))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.members.takeItem(row)
        self.forms.removeWidget(form)
        form.deleteLater()
        self._refresh_member_labels()
        self.members.setCurrentRow(min(row, self.forms.count() - 1))
        self.current_form().focus_first_field()

    def _show_member(self, row: int) -> None:
        if 0 <= row < self.forms.count():
            self.forms.setCurrentIndex(row)
        self.remove_button.setEnabled(row > 0)

    def _refresh_member_labels(self) -> None:
        forms = self.member_forms()
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.members_title.setText(self.tr("Members of the household: %n", "", len(forms)))
        for i, form in enumerate(forms):
            relationship = form.basic.relationship.code()
            text = "{n}. {rel}: {name}".format(
                n=i + 1, rel=label("relationship", relationship) if relationship else "?",
                name=form.display_name() or self.tr("(no name yet)"))
            item = self.members.item(i)
            item.setText(text)
            item.setIcon(warning if form.visible_errors and form.show_all_errors else QIcon())

    def select_member(self, index: int) -> None:
        self.members.setCurrentRow(index)

    def _change_member(self, step: int) -> None:
        row = self.members.currentRow() + step
        if self.pages.currentIndex() == 0 and 0 <= row < self.forms.count():
            self.members.setCurrentRow(row)
            self.current_form().focus_first_field()

    def _change_page(self, step: int) -> None:
        form = self.current_form()
        index = form.currentIndex() + step
        if self.pages.currentIndex() == 0 and 0 <= index < form.count():
            form.setCurrentIndex(index)
            form.widget(index).focus_first()

    # --- keyboard -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter moves to the next field (a button under focus handles Enter itself)."""
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier):
            focus = self.focusWidget()
            if focus is self.members:
                self.current_form().focus_first_field()
            elif isinstance(focus, QAbstractButton) and not focus.isCheckable():
                focus.click()
            elif self.pages.currentIndex() == 0 and focus is not None:
                # exactly what Tab does, so it also crosses into the next page of the person
                QApplication.sendEvent(focus, QKeyEvent(
                    QEvent.Type.KeyPress, Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier))
            return
        super().keyPressEvent(event)

    # --- saving ---------------------------------------------------------------------------

    def has_input(self) -> bool:
        return (len(self.member_forms()) > 1 or bool(self.address.text().strip())
                or bool(self.household_notes.toPlainText().strip())
                or any(form.has_input() for form in self.member_forms()))

    def save(self) -> None:
        if self.pages.currentIndex() == 0:
            self.flow.start()

    def show_status(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setText(text)

    def show_registered(self, registration) -> None:
        self.registration = registration
        forms = self.member_forms()
        self.confirmation.show_registration(
            registration, [f.display_name() for f in forms],
            [f.basic.relationship.code() for f in forms])
        self.pages.setCurrentIndex(1)
        self.confirmation.screening_button.setFocus()
        self.household_registered.emit(registration)

    def start_over(self) -> None:
        """Another household: a fresh form (nothing is carried over)."""
        for form in self.member_forms():
            self.forms.removeWidget(form)
            form.deleteLater()
        self.members.clear()
        self.address.clear()
        self.household_notes.clear()
        self.registration = None
        self.show_status("")
        self.pages.setCurrentIndex(0)
        self.add_member(is_head=True)

    def _next_step(self, step: str) -> None:
        household_id = self.registration.household_id
        if step == "cards":
            folio = self.registration.folios[0]
            self.accept()
            self.cards_requested.emit(folio)
            return
        # the confirmation stays: back here after the step, on the following one
        following = {"screening": self.confirmation.bed_button,
                     "bed": self.confirmation.cards_button}[step]
        following.setFocus()
        self.next_step_requested.emit(step, household_id)

    def open_existing(self, person_id: str) -> None:
        self.flow.cancel()
        self.done(QDialog.DialogCode.Rejected)
        self.open_person_requested.emit(person_id)

    # --- closing --------------------------------------------------------------------------

    def reject(self) -> None:
        if self.pages.currentIndex() == 1:
            self.accept()  # saved: nothing to lose
        elif self.flow.saving:
            return  # the transaction is running; it cannot be taken back half way
        elif not self.has_input():
            self.flow.cancel()
            super().reject()
        else:
            self._ask_discard()

    def _ask_discard(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Cancel the registration"),
                          self.tr("Discard what was typed? Nothing has been saved."),
                          parent=self)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(self.tr("Keep registering"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(keep)

        def answered() -> None:
            if box.clickedButton() is discard:
                self.flow.cancel()
                QDialog.reject(self)

        box.finished.connect(answered)
        self.discard_box = box
        box.open()
