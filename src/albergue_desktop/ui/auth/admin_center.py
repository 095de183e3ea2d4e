"""Center page of the administration screen (name, address, status, profile, daily capacity,
medical care; :func:`services.beds.update_center`) and the settings of this computer (idle
time before the session locks)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSpinBox,
    QVBoxLayout, QWidget,
)

from ...services import beds, centers
from ...services.context import Actor
from ...storage.db import Database
from ...storage.tables import Center
from .. import settings
from ..ops import Changes, query_op, show_error, write_op
from ..tasks import TaskManager
from .labels import CENTER_PROFILE_LABELS, CENTER_STATUS_LABELS, pairs

EDITED_FIELDS = ("name", "address", "status", "profile", "daily_capacity", "has_medical_care")


def centers_and_own(db: Database) -> tuple[list[Center], str | None]:
    """Every center and the one this file belongs to (on the worker)."""
    return centers.list_centers(db), db.meta("center_id")


class CenterPage(QWidget):
    """``changed()`` after the center is saved; ``loaded()`` when the centers are shown
    (read on the worker; the form stays disabled until then)."""

    changed = Signal()
    loaded = Signal()

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self._tasks = tasks
        self._saving = False
        self.center_combo = QComboBox(self)
        self.name_edit = QLineEdit(self)
        self.address_edit = QLineEdit(self)
        self.status_combo = QComboBox(self)
        for code, text in pairs(CENTER_STATUS_LABELS):
            self.status_combo.addItem(text, code)
        self.profile_combo = QComboBox(self)
        for code, text in pairs(CENTER_PROFILE_LABELS):
            self.profile_combo.addItem(text, code)
        self.capacity_spin = QSpinBox(self)
        self.capacity_spin.setRange(0, 5000)
        self.capacity_spin.setSpecialValueText(self.tr("not set"))
        self.capacity_spin.setSuffix(self.tr(" people"))
        self.capacity_spin.setMaximumWidth(200)
        self.medical_check = QCheckBox(self.tr("The center has medical care"), self)
        self.save_button = QPushButton(self.tr("&Save center"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Cen&ter"), self.center_combo)
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Address"), self.address_edit)
        form.addRow(self.tr("&Status"), self.status_combo)
        form.addRow(self.tr("&Profile"), self.profile_combo)
        form.addRow(self.tr("Daily &capacity"), self.capacity_spin)
        form.addRow("", self.medical_check)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self._centers: list[Center] = []
        self.save_button.setEnabled(False)
        self.center_combo.currentIndexChanged.connect(self._show_center)
        self.save_button.clicked.connect(self.save)
        self.reload()

    def reload(self, select_id: str | None = None, after=None) -> None:
        """Read the centers again; ``after()`` once they are shown."""
        query_op(self, self._tasks, partial(centers_and_own, self._db),
                 partial(self._load_centers, select_id, after),
                 on_error=lambda e: show_error(self.message, e))

    def _load_centers(self, select_id: str | None, after,
                      loaded: tuple[list[Center], str | None]) -> None:
        self._centers, own = loaded
        select_id = select_id or own or self._actor.center_id
        self.center_combo.blockSignals(True)
        self.center_combo.clear()
        for center in self._centers:
            self.center_combo.addItem(f"{center.code} · {center.name}", center.id)
        index = self.center_combo.findData(select_id)
        self.center_combo.setCurrentIndex(max(0, index))
        self.center_combo.blockSignals(False)
        self._show_center()
        self.loaded.emit()
        if after is not None:
            after()

    def current_center(self):
        index = self.center_combo.currentIndex()
        return self._centers[index] if 0 <= index < len(self._centers) else None

    def _show_center(self) -> None:
        center = self.current_center()
        self.save_button.setEnabled(center is not None and not self._saving)
        if center is None:
            return
        self.name_edit.setText(center.name)
        self.address_edit.setText(center.address or "")
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(center.status)))
        self.profile_combo.setCurrentIndex(max(0, self.profile_combo.findData(center.profile)))
        self.capacity_spin.setValue(center.daily_capacity or 0)
        self.medical_check.setChecked(center.has_medical_care)

    def _values(self) -> dict:
        return {"name": self.name_edit.text().strip(),
                "address": self.address_edit.text().strip() or None,
                "status": self.status_combo.currentData(),
                "profile": self.profile_combo.currentData(),
                "daily_capacity": self.capacity_spin.value() or None,
                "has_medical_care": self.medical_check.isChecked()}

    def save(self) -> None:
        center = self.current_center()
        if center is None or self._saving:
            return
        changes = {k: v for k, v in self._values().items() if getattr(center, k) != v}
        if not changes:
            self.message.setStyleSheet("")
            self.message.setText(self.tr("Nothing to save: no field was changed."))
            return
        self._saving = True
        self.save_button.setEnabled(False)
        write_op(self, self._tasks,
                 partial(beds.update_center, self._db, self._actor, center.id,
                         beds.CenterUpdate(**changes)),
                 changes=Changes.of("centers"),
                 on_done=lambda _r: self._saved(center.id), on_error=self._failed)

    def _saved(self, center_id: str) -> None:
        self._saving = False
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Center saved."))
        self.reload(center_id, after=self.changed.emit)  # the form shows what was stored

    def _failed(self, error: BaseException) -> None:
        """Refused: what was typed stays in the form."""
        self._saving = False
        self.save_button.setEnabled(self.current_center() is not None)
        show_error(self.message, error)


class ComputerPage(QWidget):
    """Settings of this computer. ``idle_minutes_changed(int)`` when saved."""

    idle_minutes_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        low, high = settings.IDLE_MINUTES_RANGE
        self.idle_spin = QSpinBox(self)
        self.idle_spin.setRange(low, high)
        self.idle_spin.setSuffix(self.tr(" min"))
        self.idle_spin.setValue(settings.idle_minutes())
        self.idle_spin.setMaximumWidth(120)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.message = QLabel(self)
        explanation = QLabel(self.tr(
            "After this time without using the keyboard or the mouse the window is covered "
            "and asks for the password again. This setting belongs to this computer."), self)
        explanation.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Lock the session after"), self.idle_spin)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save)

    def save(self) -> None:
        settings.set_idle_minutes(self.idle_spin.value())
        self.message.setText(self.tr("Saved: the session locks after {n} minutes without use.")
                             .format(n=self.idle_spin.value()))
        self.idle_minutes_changed.emit(self.idle_spin.value())
