"""The audit log viewer (a tab of the main window, for supervision and administration): who
did or read what, and when, filtered by user, action, table, date range and person (folio).
The query runs in the worker (ui/tasks.py) through services/access_log.py, which checks the
permission and hides health values from roles that may not see them."""

from __future__ import annotations

import json
from functools import partial

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDateEdit, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...domain import clock
from ...domain.errors import AlbergueError
from ...services import access_log
from ...services.access_log import AuditFilter, AuditLine, FilterChoices
from ...services.context import Actor
from ...storage.db import Database
from ..tasks import TaskManager


class AuditView(QWidget):
    """Signal ``shown(int)``: the number of events shown after a search."""

    shown = Signal(int)

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self._generation = 0
        self.lines: list[AuditLine] = []
        self.actions_text = {
            "create": self.tr("Created"), "update": self.tr("Changed"),
            "delete": self.tr("Deleted"),
            access_log.VIEW_RECORD: self.tr("Record opened"),
            access_log.VIEW_HEALTH: self.tr("Health history viewed"),
            access_log.EXPORT: self.tr("Export"), access_log.PRINT: self.tr("Report printed"),
            access_log.CLI_READ: self.tr("Command-line read"),
            "sign_in": self.tr("Signed in"), "sign_in_failed": self.tr("Failed sign-in"),
            "sign_in_refused": self.tr("Sign-in refused"),
            "password_reset": self.tr("Password reset by an administrator"),
            "password_changed": self.tr("Password changed"),
            "grant_sensitive_role": self.tr("Health or protection role granted"),
            "create_user": self.tr("User created"),
            "rekey": self.tr("New site identity (rekey)"),
            "reclock": self.tr("Clock corrected (reclock)"),
        }

        self.user = QComboBox(self)
        self.action = QComboBox(self)
        self.table = QComboBox(self)
        for combo in (self.user, self.action, self.table):
            combo.addItem(self.tr("(all)"), None)
            combo.setMinimumContentsLength(14)
        self.use_dates = QCheckBox(self.tr("&Between"), self)
        day = clock.today()
        today = QDate(day.year, day.month, day.day)
        self.start, self.end = QDateEdit(self), QDateEdit(self)
        for edit, value in ((self.start, today.addDays(-7)), (self.end, today)):
            edit.setCalendarPopup(True)
            # the format first: a date set under the locale's two-digit year and then
            # re-read with four digits came out a century early
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setDate(value)
            edit.setEnabled(False)
        self.use_dates.toggled.connect(self.start.setEnabled)
        self.use_dates.toggled.connect(self.end.setEnabled)
        self.person = QLineEdit(self)
        self.person.setPlaceholderText(self.tr("Folio"))
        self.person.returnPressed.connect(self.search)
        self.search_button = QPushButton(self.tr("&Search"), self)
        self.search_button.setDefault(True)
        self.search_button.clicked.connect(self.search)
        self.status = QLabel(self)

        form = QFormLayout()
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("&Action:"), self.action)
        form.addRow(self.tr("&Table:"), self.table)
        dates = QHBoxLayout()
        dates.addWidget(self.use_dates)
        dates.addWidget(self.start)
        dates.addWidget(QLabel(self.tr("and"), self))
        dates.addWidget(self.end)
        dates.addStretch(1)
        form.addRow(self.tr("Dates:"), dates)
        form.addRow(self.tr("&Person:"), self.person)
        for field, buddy in ((self.user, None), (self.action, None), (self.table, None),
                             (self.person, None)):
            caption = form.labelForField(field)
            if isinstance(caption, QLabel):
                caption.setBuddy(field if buddy is None else buddy)
        top = QHBoxLayout()
        top.addLayout(form)
        buttons = QVBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.search_button)
        top.addLayout(buttons)
        top.addStretch(1)

        self.results = QTableWidget(0, 6, self)
        self.results.setHorizontalHeaderLabels([
            self.tr("When (UTC)"), self.tr("User"), self.tr("Action"), self.tr("Table"),
            self.tr("Row"), self.tr("Details")])
        self.results.verticalHeader().hide()
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.horizontalHeader().setSectionResizeMode(
            5, QHeaderView.ResizeMode.Stretch)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        self.tasks.run(partial(access_log.filter_choices, db, actor), self._set_choices,
                       self._failed)
        self.search()

    # --- querying (in the worker) -----------------------------------------------------------

    def current_filter(self) -> AuditFilter:
        dated = self.use_dates.isChecked()
        return AuditFilter(
            username=self.user.currentData(), action=self.action.currentData(),
            table_name=self.table.currentData(),
            start=self.start.date().toPython() if dated else None,
            end=self.end.date().toPython() if dated else None,
            person_id=self.person.text().strip() or None)

    def search(self) -> None:
        self._generation += 1
        self.status.setText(self.tr("Searching…"))
        self.tasks.run(partial(access_log.search, self.db, self.actor, self.current_filter()),
                       partial(self._show, self._generation), self._failed)

    def _set_choices(self, choices: FilterChoices) -> None:
        for combo, values, text in (
                (self.user, choices.usernames, str),
                (self.action, choices.actions, lambda a: self.actions_text.get(a, a)),
                (self.table, choices.tables, str)):
            for value in values:
                combo.addItem(text(value), value)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, AlbergueError):
            raise error
        self.status.setText(str(error))

    def _show(self, generation: int, lines: list[AuditLine]) -> None:
        if generation != self._generation:
            return  # a later search is on its way
        self.lines = lines
        self.results.setRowCount(len(lines))
        for row, line in enumerate(lines):
            details = json.dumps(line.changes, ensure_ascii=False, default=str)
            if line.withheld:
                details = self.tr("(health values withheld) {details}").format(
                    details=details)
            values = [line.at.strftime("%d/%m/%Y %H:%M:%S"), line.username or "—",
                      self.actions_text.get(line.action, line.action), line.table_name or "—",
                      (line.row_id or "—")[:12], details]
            for column, value in enumerate(values):
                self.results.setItem(row, column, QTableWidgetItem(value))
        self.results.resizeColumnsToContents()
        if len(lines) >= access_log.VIEWER_LIMIT:
            self.status.setText(self.tr("The newest {count} events; narrow the filters to see "
                                        "older ones.").format(count=len(lines)))
        else:
            self.status.setText(self.tr("{count} events.").format(count=len(lines)))
        self.shown.emit(len(lines))
