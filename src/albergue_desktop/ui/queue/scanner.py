"""The scanner input of the queue screens (vaccination days, distributions): one line that
takes what a barcode scanner types (an ID card's QR code holds the person's folio, then
Enter) or a name, folio or document typed by hand.

Enter looks it up on the worker (services/scan.py): a folio read, or a search with a single
result, chooses that person at once (``person_chosen``); several results are listed below
(Down or Enter goes into the list, Enter chooses, Esc goes back to the line). Nothing found
says so and keeps the text. After a choice the line is emptied for the next card.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget,
)

from ...domain import clock
from ...services import scan
from ...services.context import Actor
from ...storage.db import Database
from ...storage.queries import PersonRow
from ..ops import ERROR_STYLE, error_text, query_op
from ..tasks import TaskManager


def row_label(row: PersonRow) -> str:
    age = row.age(clock.today())
    years = QCoreApplication.translate("ScanInput", "{age} years").format(age=age)
    parts = [row.full_name, row.folio or "", years if age is not None else "",
             row.center_name or ""]
    return " · ".join(p for p in parts if p)


class _Results(QListWidget):
    back = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.back.emit()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.itemActivated.emit(self.currentItem())
            return
        super().keyPressEvent(event)


class _Line(QLineEdit):
    down = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class ScanInput(QWidget):
    """Signals: ``person_chosen(person_id, label)`` and ``looked_up()`` after every lookup
    (found or not: tests and screens wait on it)."""

    person_chosen = Signal(str, str)
    looked_up = Signal()

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.busy = False
        self.line = _Line(self)
        self.line.setPlaceholderText(self.tr("Scan the ID card or type a name, folio or "
                                             "document, then Enter"))
        self.line.setAccessibleName(self.tr("Scan or search"))
        self.line.setClearButtonEnabled(True)
        self.results = _Results(self)
        self.results.setAccessibleName(self.tr("People found"))
        self.results.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line)
        layout.addWidget(self.message)
        layout.addWidget(self.results)
        self.setFocusProxy(self.line)
        self.line.returnPressed.connect(self.look_up)
        self.line.down.connect(self._into_results)
        self.results.itemActivated.connect(self._chosen_item)
        self.results.back.connect(self.line.setFocus)

    def _into_results(self) -> None:
        """Down from the line goes into the list of people found."""
        if self.results.isVisible():
            self.results.setFocus()
            self.results.setCurrentRow(max(self.results.currentRow(), 0))

    def look_up(self) -> None:
        text = self.line.text().strip()
        if self.busy or not text:
            return
        if self.results.isVisible() and self.results.count() and \
                self.results.property("query") == text:
            self.results.setFocus()  # Enter again on the same text: into the list
            self.results.setCurrentRow(max(self.results.currentRow(), 0))
            return
        self.busy = True
        db, actor = self.db, self.actor  # the worker never touches the widget
        query_op(self, self.tasks, lambda: scan.resolve(db, actor, text),
                 self._found, on_error=self._failed)

    def _found(self, result: scan.ScanResult) -> None:
        self.busy = False
        self.results.clear()
        self.results.hide()
        self.message.hide()
        chosen = result.exact or (result.matches[0] if len(result.matches) == 1 else None)
        if chosen is not None:
            self._choose(chosen.id, row_label(chosen))
        elif not result.matches:
            self._say(self.tr("Nobody found for “{text}”.").format(text=result.text),
                      error=True)
        else:
            for row in result.matches:
                item = QListWidgetItem(row_label(row), self.results)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.results.setProperty("query", result.text)
            self.results.setCurrentRow(0)
            self.results.show()
            self._say(self.tr("{count} people found: choose one (Down, Enter).")
                      .format(count=len(result.matches)))
        self.looked_up.emit()

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self._say(error_text(error), error=True)
        self.looked_up.emit()

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
        self.message.show()

    def _chosen_item(self, item: QListWidgetItem) -> None:
        self._choose(item.data(Qt.ItemDataRole.UserRole), item.text())

    def _choose(self, person_id: str, label: str) -> None:
        self.results.clear()
        self.results.hide()
        self.message.hide()
        self.line.clear()
        self.person_chosen.emit(person_id, label)

    def reset(self) -> None:
        """Empty and ready for the next card."""
        self.results.clear()
        self.results.hide()
        self.message.hide()
        self.line.clear()
        self.line.setFocus()
