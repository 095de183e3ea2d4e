"""Filters of the people list: center, status, nationality, a specific need, and the
household of one person. ``filters()`` gives the keyword arguments of
:func:`storage.queries.find_people`."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from ..domain.labels import choices, label
from ..services import centers, people_list
from ..services.context import Actor
from ..storage.db import Database
from ..storage.queries import PERSON_STATUSES
from ..storage.tables import Center
from .ops import Changes, error_text, on_changed, query_op
from .records.fields import need_label
from .tasks import TaskManager


def _combo(parent: QWidget, everything: str, pairs: list[tuple[str, str]],
           accessible: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.addItem(everything, None)
    for code, text in pairs:
        combo.addItem(text, code)
    combo.setAccessibleName(accessible)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    return combo


class FilterBar(QWidget):
    """``changed()`` whenever a filter is set or cleared; ``centers_loaded()`` when the
    center choices arrive from the worker (at start, and after a write changes centers)."""

    changed = Signal()
    centers_loaded = Signal()

    def __init__(self, db: Database, tasks: TaskManager, parent: QWidget | None = None, *,
                 actor: Actor) -> None:
        super().__init__(parent)
        self.db = db
        self._tasks = tasks
        self._household: tuple[str, str] | None = None  # (household_id, whose)
        self.center_combo = _combo(self, self.tr("All centers"), [],
                                   self.tr("Filter by center"))
        self.status_combo = _combo(self, self.tr("Any status"),
                                   [(s, label("person_status", s)) for s in PERSON_STATUSES],
                                   self.tr("Filter by status"))
        countries = sorted(choices("country"), key=lambda pair: pair[1])
        self.nationality_combo = _combo(self, self.tr("All nationalities"), countries,
                                        self.tr("Filter by nationality"))
        # only the codes the actor may see (health, protection: domain/permissions.py)
        needs = [(code, f"{need_label(code)} ({code})")
                 for code in people_list.filterable_needs(actor)]
        self.need_combo = _combo(self, self.tr("Any specific need"), needs,
                                 self.tr("Filter by specific need"))
        for combo, width in ((self.center_combo, 18), (self.status_combo, 12),
                             (self.nationality_combo, 16), (self.need_combo, 22)):
            combo.setMinimumContentsLength(width)
            combo.currentIndexChanged.connect(self.changed)
        self.household_label = QLabel(self)
        self.household_clear = QToolButton(self)
        self.household_clear.setText("✕")
        self.household_clear.setToolTip(self.tr("Stop showing only this household"))
        self.household_clear.setAccessibleName(self.tr("Stop showing only this household"))
        self.household_clear.clicked.connect(lambda: self.set_household(None))
        self.clear_button = QPushButton(self.tr("C&lear filters"), self)
        self.clear_button.clicked.connect(self.clear)

        self.changed.connect(self._update_household)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.center_combo, self.status_combo, self.nationality_combo,
                       self.need_combo):
            layout.addWidget(widget)
        layout.addWidget(self.household_label)
        layout.addWidget(self.household_clear)
        layout.addStretch(1)
        layout.addWidget(self.clear_button)
        self._update_household()
        on_changed(self, self._on_changed)
        self.reload_centers()

    def _on_changed(self, changes: Changes) -> None:
        if changes.centers:
            self.reload_centers()

    def reload_centers(self) -> None:
        """Read the centers again on the worker (a pull from the central file may bring new
        ones), keeping the chosen center."""
        query_op(self, self._tasks, partial(centers.list_centers, self.db), self._fill_centers,
                 on_error=error_text)  # a busy file: the list keeps the centers it has

    def _fill_centers(self, found: list[Center]) -> None:
        chosen = self.center_combo.currentData()
        self.center_combo.blockSignals(True)
        try:
            while self.center_combo.count() > 1:
                self.center_combo.removeItem(1)
            for c in found:
                self.center_combo.addItem(f"{c.code} · {c.name}", c.id)
            index = self.center_combo.findData(chosen) if chosen else 0
            self.center_combo.setCurrentIndex(max(index, 0))
        finally:
            self.center_combo.blockSignals(False)
        self.centers_loaded.emit()

    def filters(self) -> dict[str, str]:
        values = {"center_id": self.center_combo.currentData(),
                  "status": self.status_combo.currentData(),
                  "nationality": self.nationality_combo.currentData(),
                  "need": self.need_combo.currentData(),
                  "household_id": self._household[0] if self._household else None}
        return {k: v for k, v in values.items() if v}

    def set_household(self, household_id: str | None, whose: str = "") -> None:
        """Show only the household ``household_id`` (of the person named ``whose``)."""
        self._household = (household_id, whose) if household_id else None
        self._update_household()
        self.changed.emit()

    def _update_household(self) -> None:
        shown = self._household is not None
        if shown:
            self.household_label.setText(self.tr("Household of {name}").format(
                name=self._household[1]))
        self.household_label.setVisible(shown)
        self.household_clear.setVisible(shown)
        self.clear_button.setEnabled(bool(self.filters()))

    def clear(self) -> None:
        combos = (self.center_combo, self.status_combo, self.nationality_combo, self.need_combo)
        for combo in combos:
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._household = None
        self._update_household()
        self.changed.emit()

    def select(self, **codes: str | None) -> None:
        """Set filters by code, e.g. ``select(status="present")`` (one ``changed``)."""
        combos = {"center_id": self.center_combo, "status": self.status_combo,
                  "nationality": self.nationality_combo, "need": self.need_combo}
        for key, code in codes.items():
            combo = combos[key]
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(code)))
            combo.blockSignals(False)
        self._update_household()
        self.changed.emit()
