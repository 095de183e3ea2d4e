"""Users page of the administration screen: create users with role and center, reset a
password, change a role, deactivate and reactivate accounts."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QListWidget, QPushButton, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from ...services import accounts, centers
from ...services.auth import MIN_PASSWORD_LENGTH
from ...services.context import Actor
from ...storage.db import Database
from ...storage.tables import Center
from ...storage.versioning import utcnow
from ..ops import ERROR_STYLE, Changes, query_op, show_error, write_op
from ..tasks import TaskManager
from .labels import ROLE_LABELS, pairs, role_label


def _password_edit(parent: QWidget) -> QLineEdit:
    edit = QLineEdit(parent)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class UserDialog(QDialog):
    """A new user, or (``reset_for`` a username) a new password for an existing one.
    ``centers``: the choices of center (already read by the page), ``own`` preselected."""

    def __init__(self, centers: list[Center], own: str | None, parent: QWidget | None = None,
                 *, reset_for: str | None = None) -> None:
        super().__init__(parent)
        self.resetting = reset_for is not None
        self.setWindowTitle(self.tr("Reset password") if self.resetting
                            else self.tr("New user"))
        self.username_edit = QLineEdit(self)
        self.full_name_edit = QLineEdit(self)
        self.role_combo = QComboBox(self)
        for code, text in pairs(ROLE_LABELS):
            self.role_combo.addItem(text, code)
        self.center_combo = QComboBox(self)
        self.center_combo.addItem(self.tr("All centers"), None)
        for center in centers:
            self.center_combo.addItem(f"{center.code} · {center.name}", center.id)
            if center.id == own:
                self.center_combo.setCurrentIndex(self.center_combo.count() - 1)
        self.password_edit = _password_edit(self)
        self.password_edit.setPlaceholderText(
            self.tr("at least {n} characters").format(n=MIN_PASSWORD_LENGTH))
        self.repeat_edit = _password_edit(self)
        form = QFormLayout()
        if self.resetting:
            form.addRow(self.tr("User"), QLabel(reset_for, self))
        else:
            form.addRow(self.tr("&Username"), self.username_edit)
            form.addRow(self.tr("&Full name"), self.full_name_edit)
            form.addRow(self.tr("&Role"), self.role_combo)
            form.addRow(self.tr("&Center"), self.center_combo)
        form.addRow(self.tr("Pass&word"), self.password_edit)
        form.addRow(self.tr("&Repeat password"), self.repeat_edit)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._check_and_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)

    def _check_and_accept(self) -> None:
        if not self.resetting:
            for edit, text in ((self.username_edit, self.tr("Enter the username.")),
                               (self.full_name_edit, self.tr("Enter the full name."))):
                if not edit.text().strip():
                    self.message.setText(text)
                    edit.setFocus()
                    return
        if len(self.password_edit.text()) < MIN_PASSWORD_LENGTH:
            self.message.setText(self.tr("The password must have at least {n} characters.")
                                 .format(n=MIN_PASSWORD_LENGTH))
            self.password_edit.setFocus()
        elif self.password_edit.text() != self.repeat_edit.text():
            self.message.setText(self.tr("The two passwords are different."))
            self.repeat_edit.setFocus()
        else:
            self.accept()


def users_and_centers(db: Database, actor: Actor
                      ) -> tuple[list, list[Center], str | None, list]:
    """The accounts ``actor`` may manage, every center, this file's own and the grants of
    health or protection roles (on the worker)."""
    return (accounts.list_users(db, actor), centers.list_centers(db), db.meta("center_id"),
            accounts.sensitive_role_grants(db, actor))


class UsersPage(QWidget):
    """``changed()`` after every successful change; ``loaded()`` each time the list is shown
    (read on the worker)."""

    changed = Signal()
    loaded = Signal()
    COLUMNS = 5

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self._tasks = tasks
        self._users = []
        self._dialog: UserDialog | None = None
        self._centers: dict[str, Center] = {}
        self._own: str | None = None
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.setHorizontalHeaderLabels([self.tr("Username"), self.tr("Full name"),
                                              self.tr("Role"), self.tr("Center"),
                                              self.tr("Account")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.new_button = QPushButton(self.tr("&New user…"), self)
        self.reset_button = QPushButton(self.tr("Reset &password…"), self)
        self.role_combo = QComboBox(self)
        self.role_combo.setAccessibleName(self.tr("New role"))
        for code, text in pairs(ROLE_LABELS):
            self.role_combo.addItem(text, code)
        self.role_button = QPushButton(self.tr("Change &role"), self)
        self.active_button = QPushButton(self.tr("&Deactivate"), self)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        # who was given access to health or protection data, by whom (audited grants)
        self.grants_label = QLabel(self.tr("Health and protection roles granted"), self)
        self.grants = QListWidget(self)
        self.grants.setAccessibleName(self.grants_label.text())
        self.grants.setMaximumHeight(120)

        side = QVBoxLayout()
        side.addWidget(self.new_button)
        side.addSpacing(12)
        side.addWidget(self.reset_button)
        side.addWidget(self.role_combo)
        side.addWidget(self.role_button)
        side.addWidget(self.active_button)
        side.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.table, 1)
        top.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.grants_label)
        layout.addWidget(self.grants)

        self.new_button.clicked.connect(self.create_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.role_button.clicked.connect(self.change_role)
        self.active_button.clicked.connect(self.toggle_active)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.reload()

    # --- the list -----------------------------------------------------------------------------

    def reload(self, select_username: str | None = None, after=None) -> None:
        """Read the list again; ``after()`` once it is shown."""
        current = select_username or (self.selected_user().username
                                      if self.selected_user() else None)
        query_op(self, self._tasks, partial(users_and_centers, self._db, self._actor),
                 partial(self._show, current, after),
                 on_error=lambda e: show_error(self.message, e))

    def _show(self, current: str | None, after, loaded) -> None:
        users, center_list, self._own, grants = loaded
        self._users = users
        self._centers = {c.id: c for c in center_list}
        self.table.setRowCount(len(self._users))
        now = utcnow()
        for row, user in enumerate(self._users):
            center = self._centers.get(user.center_id)
            locked = user.locked_until is not None and user.locked_until > now
            if not user.active:
                state = self.tr("Deactivated")
            elif user.must_change_password:
                state = self.tr("Password reset: a new one at the next sign-in")
            elif locked:
                state = self.tr("Locked until {time}").format(
                    time=user.locked_until.astimezone().strftime("%H:%M"))
            else:
                state = self.tr("Active")
            values = [user.username, user.full_name, role_label(user.role),
                      f"{center.code} · {center.name}" if center else self.tr("All centers"),
                      state]
            for column, value in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(value))
            if user.username == current:
                self.table.selectRow(row)
        self.grants.clear()
        access_names = {"health": self.tr("health"), "protection": self.tr("protection")}
        for event in grants:
            changes = event.changes or {}
            text = self.tr("{when}: {user} became {role} ({access}), by {by}")
            self.grants.addItem(text.format(
                when=event.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                user=changes.get("user", "?"),
                role=role_label((changes.get("role") or [None, ""])[1]),
                access=", ".join(access_names.get(a, a) for a in changes.get("access", [])),
                by=event.username))
        self._update_buttons()
        self.loaded.emit()
        if after is not None:
            after()

    def selected_user(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self._users[rows[0].row()] if rows else None

    def select_username(self, username: str) -> None:
        for row, user in enumerate(self._users):
            if user.username == username:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        user = self.selected_user()
        is_self = user is not None and user.username == self._actor.username
        for widget in (self.reset_button, self.role_combo):
            widget.setEnabled(user is not None)
        self.role_button.setEnabled(user is not None and not is_self)
        self.active_button.setEnabled(user is not None and not is_self)
        self.active_button.setText(self.tr("Re&activate") if user is not None
                                   and not user.active else self.tr("&Deactivate"))
        if user is not None:
            self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(user.role)))

    # --- actions ------------------------------------------------------------------------------

    def _do(self, action, success: str, select: str | None = None) -> None:
        """Run the service call ``action`` on the worker; the message says how it went once
        the list shows the result."""
        def done(_result) -> None:
            def shown() -> None:
                self.message.setStyleSheet("")
                self.message.setText(success)
                self.changed.emit()
            self.reload(select, after=shown)
        write_op(self, self._tasks, action, changes=Changes.of("users"), on_done=done,
                 on_error=lambda e: show_error(self.message, e))

    def _ask(self, dialog: UserDialog, then) -> None:
        """Show ``dialog`` (window-modal, not a nested event loop: the idle lock may hide it
        and show it again) and call ``then(dialog)`` if it is accepted."""
        self._dialog = dialog
        dialog.accepted.connect(lambda: then(dialog))
        dialog.open()

    def create_user(self) -> None:
        self._ask(UserDialog(list(self._centers.values()), self._own, self), self._create)

    def _create(self, dialog: UserDialog) -> None:
        username = dialog.username_edit.text().strip().lower()
        # partial: the typed values are read here, on the GUI thread
        self._do(partial(
            centers.create_user, self._db, self._actor, username=username,
            full_name=dialog.full_name_edit.text(), role=dialog.role_combo.currentData(),
            password=dialog.password_edit.text(), center_id=dialog.center_combo.currentData()),
            self.tr("User {username} created.").format(username=username), username)

    def reset_password(self) -> None:
        user = self.selected_user()
        if user is not None:
            self._ask(UserDialog([], None, self, reset_for=user.username),
                      lambda dialog: self._reset(user, dialog))

    def _reset(self, user, dialog: UserDialog) -> None:
        self._do(partial(accounts.reset_password, self._db, self._actor, user.id,
                         dialog.password_edit.text()),
                 self.tr("New password set for {username}.").format(username=user.username))

    def change_role(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        role = self.role_combo.currentData()
        self._do(partial(accounts.set_role, self._db, self._actor, user.id, role),
                 self.tr("{username} now has the role {role}.").format(
                     username=user.username, role=role_label(role)))

    def toggle_active(self) -> None:
        user = self.selected_user()
        if user is None:
            return
        active = not user.active
        text = (self.tr("Account {username} reactivated.") if active
                else self.tr("Account {username} deactivated."))
        self._do(partial(accounts.set_active, self._db, self._actor, user.id, active),
                 text.format(username=user.username))

    def keyPressEvent(self, event) -> None:  # Insert: new user, as in a list
        if event.key() == Qt.Key.Key_Insert:
            self.create_user()
            return
        super().keyPressEvent(event)
