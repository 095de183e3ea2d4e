"""The health desk (roles salud and supervision): the day's work of the health team at this
center, one section per to-do provider (:mod:`services.health_desk`; the pharmacy's low or
expiring stock appears when its provider is registered): follow-ups due, people pending
screening, people in isolation with the days left, open referrals with the days waiting,
psychosocial follow-ups (only with MENTAL_HEALTH). Each item opens the person's record
(double click or Enter). Read on the worker; refreshed when health records, stays or people
change."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QTreeWidget,
    QTreeWidgetItem, QVBoxLayout, QWidget,
)

from ...domain import clock
from ...domain.permissions import Permission
from ...domain.errors import PermissionDenied
from ...services import health_desk
from ...services.context import Actor
from ...services.todo import Priority, TodoItem
from ...storage.db import Database
from ..ops import Changes, error_text, on_changed, query_op
from ..tasks import TaskManager

PERSON_ROLE = Qt.ItemDataRole.UserRole + 1
PRIORITY_COLOURS = {Priority.URGENT: "#c62828", Priority.HIGH: "#8a5a00"}


@dataclass(frozen=True)
class DeskData:
    center_name: str | None
    sections: list[tuple[str, str, list[TodoItem]]]
    center_id: str | None = None


def load_desk(db: Database, actor: Actor) -> DeskData:
    """The desk of the actor's center (of this file's center; a central file: every
    center), on the worker."""
    center_id = actor.center_id or db.meta("center_id")
    name = None
    if center_id:
        from ...services import centers
        name = next((c.name for c in centers.list_centers(db) if c.id == center_id), None)
    return DeskData(name, health_desk.desk(db, actor, center_id=center_id), center_id)


class HealthDesk(QWidget):
    """``open_person_requested(person_id)`` when an item is activated; ``loaded()`` after
    each reload."""

    open_person_requested = Signal(str)
    loaded = Signal()

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        if not actor.can(Permission.VIEW_HEALTH):
            raise PermissionDenied(str(Permission.VIEW_HEALTH))
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.data: DeskData | None = None
        self.title = QLabel(self.tr("Health desk"), self)
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.title.setFont(font)
        self.status = QLabel(self.tr("Loading…"), self)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.clicked.connect(self.reload)
        self.print_button = QPushButton(self.tr("Open referrals &PDF…"), self)
        self.print_button.clicked.connect(self._print_referrals)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels([self.tr("Person"), self.tr("What"), self.tr("Due"),
                                   self.tr("Detail")])
        self.tree.setRootIsDecorated(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setUniformRowHeights(True)  # hundreds of rows: no per-row height pass
        header = self.tree.header()
        header.setStretchLastSection(True)
        self.tree.itemActivated.connect(self._activated)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.status, 1)
        top.addWidget(self.print_button)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tree, 1)
        hint = QLabel(self.tr("Enter or double click opens the person's record."), self)
        hint.setStyleSheet("color: palette(mid);")
        layout.addWidget(hint)
        on_changed(self, self._on_changed)
        self.setFocusProxy(self.tree)
        self.reload()

    def reload(self) -> None:
        query_op(self, self.tasks, partial(load_desk, self.db, self.actor), self._show,
                 on_error=lambda e: self.status.setText(error_text(e)))

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("screenings", "stays", "people"):
            self.reload()

    def _show(self, data: DeskData) -> None:
        self.data = data
        open_keys = {self.tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole)
                     for i in range(self.tree.topLevelItemCount())
                     if not self.tree.topLevelItem(i).isExpanded()}
        self.tree.setUpdatesEnabled(False)
        self.tree.clear()
        bold = QFont(self.tree.font())
        bold.setBold(True)
        brushes = {p: QBrush(QColor(c)) for p, c in PRIORITY_COLOURS.items()}
        sections = []
        for key, title, items in data.sections:
            section = QTreeWidgetItem([f"{title} ({len(items)})"])
            section.setData(0, Qt.ItemDataRole.UserRole, key)
            section.setFont(0, bold)
            rows = []
            for item in items:
                due = item.due.strftime("%d/%m/%Y") if item.due else ""
                row = QTreeWidgetItem([f"{item.folio or '—'} · {item.name or ''}",
                                       item.label, due, item.detail])
                row.setData(0, PERSON_ROLE, item.person_id)
                brush = brushes.get(item.priority)
                if brush is not None:
                    for column in range(4):
                        row.setForeground(column, brush)
                rows.append(row)
            if not items:
                empty = QTreeWidgetItem([self.tr("Nothing pending.")])
                empty.setForeground(0, QBrush(QColor("#777777")))
                rows.append(empty)
            section.addChildren(rows)
            sections.append((section, key not in open_keys))
        self.tree.addTopLevelItems([s for s, _e in sections])
        for section, expanded in sections:
            section.setFirstColumnSpanned(True)
            section.setExpanded(expanded)
            if not section.child(0).data(0, PERSON_ROLE):
                section.child(0).setFirstColumnSpanned(True)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.tree.setUpdatesEnabled(True)
        total = sum(len(items) for _k, _t, items in data.sections)
        where = data.center_name or self.tr("all centers")
        self.status.setText(self.tr("{where} · {day} · {n} pending").format(
            where=where, day=clock.today().strftime("%d/%m/%Y"), n=total))
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self.loaded.emit()

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        person_id = item.data(0, PERSON_ROLE)
        if person_id:
            self.open_person_requested.emit(person_id)
        elif item.childCount():
            item.setExpanded(not item.isExpanded())

    def _print_referrals(self) -> None:
        from .printing import print_open_referrals
        print_open_referrals(self, self.db, self.actor, self.tasks,
                             self.data.center_id if self.data else None)

    def items_shown(self) -> dict[str, list[str]]:
        """Section key -> person ids shown (for tests and the home view)."""
        out: dict[str, list[str]] = {}
        for i in range(self.tree.topLevelItemCount()):
            section = self.tree.topLevelItem(i)
            out[section.data(0, Qt.ItemDataRole.UserRole)] = [
                section.child(j).data(0, PERSON_ROLE) for j in range(section.childCount())
                if section.child(j).data(0, PERSON_ROLE)]
        return out
