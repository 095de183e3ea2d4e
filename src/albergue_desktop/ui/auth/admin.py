"""The administration screen: one tab per area the role may manage (users, center, this
computer). Opened from the main window's Administration menu."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout, QWidget

from ...domain.permissions import Permission
from ...services.context import Actor
from ...storage.db import Database
from ..tasks import TaskManager
from .admin_center import CenterPage, ComputerPage
from .admin_users import UsersPage


def can_administer(actor: Actor) -> bool:
    return actor.can(Permission.MANAGE_USERS) or actor.can(Permission.MANAGE_CENTERS)


class AdminDialog(QDialog):
    """``center_changed()`` after the center is saved; ``idle_minutes_changed(int)``."""

    center_changed = Signal()
    idle_minutes_changed = Signal(int)

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None, *,
                 tasks: TaskManager | None = None) -> None:
        """``tasks``: the window's worker (a dialog opened on its own makes one)."""
        super().__init__(parent)
        tasks = tasks or TaskManager(self)
        self.setWindowTitle(self.tr("Administration"))
        self.tabs = QTabWidget(self)
        self.users_page = self.center_page = self.computer_page = None
        if actor.can(Permission.MANAGE_USERS):
            self.users_page = UsersPage(db, actor, tasks, self)
            self.tabs.addTab(self.users_page, self.tr("&Users"))
        if actor.can(Permission.MANAGE_CENTERS):
            self.center_page = CenterPage(db, actor, tasks, self)
            self.center_page.changed.connect(self.center_changed)
            self.tabs.addTab(self.center_page, self.tr("C&enter"))
        if actor.can(Permission.MANAGE_USERS):
            self.computer_page = ComputerPage(self)
            self.computer_page.idle_minutes_changed.connect(self.idle_minutes_changed)
            self.tabs.addTab(self.computer_page, self.tr("This &computer"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)
        self.resize(900, 520)
