"""Starting the desktop application: open the database, first-run setup on a new file, sign
in, then the main window for that user (which restarts for another user, after signing out
or when the language changes)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from .. import RELEASE_DATE
from ..domain import clock
from ..domain.errors import StorageError
from ..storage.versioning import clock_is_before_release
from ..services import accounts
from ..services.context import Actor
from ..storage.db import Database
from . import settings
from .auth.setup import FirstRunDialog
from .auth.sign_in import SignInDialog
from .main_window import MainWindow
from .translation import install_translators


def create_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Albergue")
    app.setOrganizationName("Albergue")
    return app


class AppSession(QObject):
    """Who is signed in and their main window. ``window`` is None between sessions."""

    def __init__(self, app: QApplication, db: Database, *, smoke_test: bool = False) -> None:
        super().__init__()
        self.app = app
        self.db = db
        self.window: MainWindow | None = None
        # Scripted start check (installer/, `albergue --smoke-test`): the first dialog is
        # closed unanswered as soon as it shows; nothing is signed in or written.
        self.smoke_test = smoke_test
        self.smoke_seen: str | None = None

    def _smoke_close(self, dialog: QDialog, what: str) -> None:
        def close() -> None:
            if dialog.isVisible():
                self.smoke_seen = what
                print(f"albergue: {what} shown ({dialog.windowTitle()})", flush=True)
            dialog.reject()
        QTimer.singleShot(0, close)

    def start(self) -> bool:
        """First-run setup if needed, then sign-in. False when the user gave up."""
        username = ""
        if not accounts.has_users(self.db):
            from ..services.sync_files import needs_central_setup
            from .sync.central_setup import CentralSetupDialog
            # a central file (merged center files) has its centers: only an administrator
            setup = (CentralSetupDialog(self.db) if needs_central_setup(self.db)
                     else FirstRunDialog(self.db))
            if self.smoke_test:
                self._smoke_close(setup, "setup")
            if setup.exec() != QDialog.DialogCode.Accepted:
                return False
            username = setup.admin_username
        return self.sign_in(username=username)

    def sign_in(self, *, username: str = "") -> bool:
        dialog = SignInDialog(self.db)
        dialog.form.new_file = bool(username)  # just set up: its recovery code is made now
        if username:
            dialog.form.username_edit.setText(username)
            dialog.form.password_edit.setFocus()
        if self.smoke_test:
            self._smoke_close(dialog, "sign-in")
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
            return False
        # a new or just converted file: its administrator's first sign-in
        show_recovery_code(dialog.form.recovery_code, self.db.path)
        if dialog.form.must_change_password:  # an administrator reset it: a new one first
            from .auth.password import ChangePasswordDialog
            if ChangePasswordDialog(self.db, dialog.actor, forced=True).exec() \
                    != QDialog.DialogCode.Accepted:
                return self.sign_in()
        self.open_window(dialog.actor)
        return True

    def open_window(self, actor: Actor) -> MainWindow:
        old, self.window = self.window, MainWindow(self.db, actor)
        window = self.window
        window.user_switched.connect(self.open_window)
        window.sign_out_requested.connect(lambda: QTimer.singleShot(0, self.sign_out))
        window.language_chosen.connect(self.change_language)
        window.closed.connect(lambda: self._on_closed(window))
        window.resize(1366, 768)
        window.showMaximized()
        if old is not None:
            self._retire(old)
        return window

    def _retire(self, window: MainWindow) -> None:
        """Close a window that is being replaced (without ending the application)."""
        window.closed.disconnect()
        window.close()
        window.deleteLater()

    def _on_closed(self, window: MainWindow) -> None:
        if window is self.window:  # the user closed the window: the application ends
            self.window = None
            self.app.quit()

    def sign_out(self) -> None:
        if self.window is not None:
            old, self.window = self.window, None
            self._retire(old)
        if not self.sign_in():
            self.app.quit()

    def change_language(self, lang: str) -> None:
        settings.set_language(lang)
        install_translators(self.app, lang)
        if self.window is not None:
            self.open_window(self.window.actor)

    def shutdown(self) -> None:
        if self.window is not None:
            window, self.window = self.window, None
            window.closed.disconnect()
            window.close()


def show_recovery_code(code: str | None, path: Path) -> None:
    """The recovery code of a file just encrypted, shown once (docs/encryption.md)."""
    if not code:
        return
    box = QMessageBox(QMessageBox.Icon.Information,
                      QCoreApplication.translate("app", "Recovery code"),
                      QCoreApplication.translate(
                          "app", "{path} is encrypted. Write this recovery code on paper and "
                          "keep it locked away: it opens the file if every password is lost. "
                          "It is shown only now.\n\n{code}").format(path=path, code=code))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()


def warn_about_clock(today: date | None = None) -> bool:
    """Tell the user when the computer's date is impossible (before this release)."""
    if not clock_is_before_release(today):
        return False
    QMessageBox.warning(None, QCoreApplication.translate("app", "Check the date and time"),
                        QCoreApplication.translate(
                            "app", "This computer's date is {today}, earlier than this "
                            "version of Albergue ({release}). Correct the date and time "
                            "before registering anyone: records and synchronization are "
                            "ordered by the clock.").format(
                                today=(today or date.today()).isoformat(),
                                release=RELEASE_DATE))
    return True


def run(db_path: Path, *, lang: str | None = None, smoke_test: bool = False) -> int:
    """Open ``db_path``: first-run setup or sign-in, then the main window; run the event
    loop until it closes. ``lang`` overrides the language saved in the settings for this run.
    Returns the process exit code: 1 (after telling the user why) when the file cannot be
    opened. ``smoke_test``: close the first dialog as soon as it shows and return 0 when it
    was the sign-in, 3 otherwise (a check that an installed app starts)."""
    app = create_application()
    app.setQuitOnLastWindowClosed(False)  # windows are replaced while the app runs
    install_translators(app, lang or settings.language())
    try:
        db = Database.open(db_path)
    except StorageError as exc:
        QMessageBox.critical(None, QCoreApplication.translate(
            "app", "Albergue: the database cannot be opened"), str(exc))
        return 1
    clock.follow(db)  # a demo file runs on its own day (domain/clock.py)
    if not smoke_test:
        warn_about_clock()
    session = AppSession(app, db, smoke_test=smoke_test)
    try:
        if not session.start():
            return 0 if not smoke_test or session.smoke_seen == "sign-in" else 3
        return app.exec()
    finally:
        session.shutdown()  # no read may still run when the file closes
        db.close()
        clock.set_as_of(None)
        app.setQuitOnLastWindowClosed(True)
