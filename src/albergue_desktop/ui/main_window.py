"""The main window: the people list, with the database's totals in the status bar."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from ..services import centers
from ..storage import queries
from ..storage.db import Database
from .people_list import SEARCH_LIMIT, PeopleList
from .tasks import TaskManager


class MainWindow(QMainWindow):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = TaskManager(self)
        self.setWindowTitle(self.tr("Albergue — {file}").format(file=db.path.name))

        self.people = PeopleList(db, self.tasks, self)
        self.setCentralWidget(self.people)

        self.results_label = QLabel(self)
        self.site_label = QLabel(self)
        self.count_label = QLabel(self)
        for label in (self.results_label, self.site_label, self.count_label):
            label.setContentsMargins(6, 0, 6, 0)
        status = self.statusBar()
        status.addWidget(self.results_label, 1)
        status.addPermanentWidget(self.site_label)
        status.addPermanentWidget(self.count_label)
        self.people.results_shown.connect(self._on_results)
        self.people.folio_not_found.connect(self._on_folio_not_found)
        self.people.search_failed.connect(self.results_label.setText)

        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.focus_search)

        self.refresh_totals()
        self.people.search_box.setFocus()

    def refresh_totals(self) -> None:
        with self.db.session() as session:
            total = queries.count_people(session=session)
        self.count_label.setText(self._count_text(total))
        self.site_label.setText(self._site_text())

    def _count_text(self, total: int) -> str:
        return self.tr("%Ln person(s)", "", total)

    def _site_text(self) -> str:
        """Which center this file belongs to; a supervisor's merged file names no center."""
        center_id = self.db.meta("center_id")
        center = next((c for c in centers.list_centers(self.db) if c.id == center_id), None)
        if center is not None:
            return self.tr("Center {code} · {name}").format(code=center.code, name=center.name)
        return self.tr("All centers · site {site}").format(site=self.db.site_id[:8])

    def focus_search(self) -> None:
        self.people.search_box.setFocus()
        self.people.search_box.selectAll()

    def _on_results(self, count: int, text: str) -> None:
        if count < 0:
            self.results_label.clear()
        elif count >= SEARCH_LIMIT:
            self.results_label.setText(
                self.tr("Showing the first {count} results for “{text}”").format(
                    count=QLocale().toString(count), text=text))
        else:
            self.results_label.setText(self.tr("%Ln result(s) for “{text}”", "", count)
                                       .format(text=text))

    def _on_folio_not_found(self, folio: str) -> None:
        self.results_label.setText(self.tr("No person has the folio {folio}.").format(
            folio=folio))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tasks.shutdown()
        super().closeEvent(event)
