"""Sign-in messages, lockout after five failures, and the idle lock of the main window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog
from sqlmodel import select
from ui_helpers import show_window

from albergue_desktop.services import accounts, centers
from albergue_desktop.storage.tables import AuditEvent
from albergue_desktop.ui import settings
from albergue_desktop.ui.auth.sign_in import SignInDialog
from albergue_desktop.ui.main_window import MainWindow

PASSWORD = "contraseña-segura"  # the admin of the ``center`` fixture
LOCKED = "Demasiados intentos fallidos. La cuenta está bloqueada hasta las "


@pytest.fixture
def dialog(db, center, qtbot):
    d = SignInDialog(db)
    show_window(qtbot, d, size=(420, 260))
    yield d
    d.done(0)


def _try(qtbot, form, password):
    """Type the password and Enter; wait for the answer of the background check."""
    form.password_edit.setText(password)  # QtTest types ASCII only
    qtbot.keyClick(form.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.submit_button.isEnabled())


def test_sign_in_success_after_a_wrong_password(dialog, qtbot):
    form = dialog.form
    assert dialog.windowTitle() == "Albergue — Iniciar sesión"
    qtbot.keyClick(form.password_edit, Qt.Key.Key_Return)
    assert form.message.text() == "Escriba su nombre de usuario."
    assert form.username_edit.hasFocus()
    qtbot.keyClicks(form.username_edit, "Admin")
    qtbot.keyClick(form.username_edit, Qt.Key.Key_Return)  # Enter moves to the password
    assert form.password_edit.hasFocus()
    qtbot.keyClick(form.password_edit, Qt.Key.Key_Return)
    assert form.message.text() == "Escriba su contraseña."
    _try(qtbot, form, "equivocada")
    assert form.message.text() == "Usuario o contraseña incorrectos."
    assert form.password_edit.text() == "" and dialog.isVisible()
    with qtbot.waitSignal(dialog.accepted):
        _try(qtbot, form, PASSWORD)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert (dialog.actor.username, dialog.actor.role) == ("admin", "admin")


def test_five_failures_lock_the_account_and_the_screen_says_so(dialog, db, qtbot):
    form = dialog.form
    form.username_edit.setText("admin")
    for _ in range(4):
        _try(qtbot, form, "mal")
        assert form.message.text() == "Usuario o contraseña incorrectos."
    _try(qtbot, form, "mal")
    assert form.message.text().startswith(LOCKED)
    _try(qtbot, form, PASSWORD)  # even the right password, until the lock ends
    assert form.message.text().startswith(LOCKED) and dialog.actor is None
    with db.session() as s:
        failed = s.exec(select(AuditEvent).where(AuditEvent.action == "sign_in_failed")).all()
    assert len(failed) == 6


def test_a_deactivated_account_is_told_so(dialog, db, center, qtbot):
    admin = accounts.sign_in(db, "admin", PASSWORD)
    rosa = centers.create_user(db, admin, username="rosa", full_name="Rosa Pérez",
                               role="registro", password="registro-123")
    accounts.set_active(db, admin, rosa.id, False)
    dialog.form.username_edit.setText("rosa")
    _try(qtbot, dialog.form, "registro-123")
    assert dialog.form.message.text() == \
        "Esta cuenta está desactivada. Consulte a un administrador."


@pytest.fixture
def admin(db, center):
    return accounts.sign_in(db, "admin", PASSWORD)


def _locked_window(qtbot, db, actor, idle_ms=150):
    window = show_window(qtbot, MainWindow(db, actor, idle_ms=idle_ms))
    qtbot.waitUntil(lambda: window.locked)
    return window


def test_idle_time_locks_and_the_password_unlocks(db, admin, qtbot):
    window = _locked_window(qtbot, db, admin)
    screen = window.lock_screen
    assert screen.geometry() == window.rect()  # the whole window is covered
    assert not window.centralWidget().isEnabled() and not window.menuBar().isEnabled()
    assert not window.actions["find"].isEnabled()
    assert screen.who_label.text() == \
        "admin (Administración): escriba su contraseña para continuar."
    form = screen.unlock_form
    assert form.password_edit.hasFocus() and form.username_edit.text() == "admin"
    _try(qtbot, form, "otra")
    assert window.locked and form.message.text() == "Usuario o contraseña incorrectos."
    _try(qtbot, form, PASSWORD)
    assert not window.locked and window.centralWidget().isEnabled()
    assert window.actions["find"].isEnabled() and window.idle.is_running()
    window.close()


class _ManualTimer(QObject):
    """Stands in for the idle watcher's QTimer: counts restarts and fires only when the test
    says, so the test does not race a clock on a loaded machine."""

    timeout = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.starts, self._active, self._interval = 0, False, 0

    def setSingleShot(self, _single):
        pass

    def setInterval(self, ms):
        self._interval = ms

    def interval(self):
        return self._interval

    def start(self):
        self.starts, self._active = self.starts + 1, True

    def stop(self):
        self._active = False

    def isActive(self):
        return self._active

    def fire(self):
        self._active = False
        self.timeout.emit()


def test_keyboard_and_mouse_input_keep_the_session_open(db, admin, qtbot, monkeypatch):
    from albergue_desktop.ui.auth import lock

    monkeypatch.setattr(lock, "QTimer", _ManualTimer)
    window = show_window(qtbot, MainWindow(db, admin, idle_ms=400))
    timer = window.idle._timer
    assert isinstance(timer, _ManualTimer) and timer.isActive()
    before = timer.starts
    qtbot.keyClick(window.people.search_box, Qt.Key.Key_Shift)
    assert timer.starts > before  # a key restarts the idle time
    before = timer.starts
    qtbot.mouseMove(window.people.search_box)
    qtbot.mouseClick(window.people.search_box, Qt.MouseButton.LeftButton)
    assert timer.starts > before and not window.locked  # and so does the mouse
    timer.fire()  # then nothing for the idle time: it locks
    assert window.locked
    window.close()


def test_another_user_can_sign_in_on_the_lock_screen(db, admin, center, qtbot):
    centers.create_user(db, admin, username="rosa", full_name="Rosa Pérez", role="registro",
                        password="registro-123", center_id=center.id)
    window = _locked_window(qtbot, db, admin)
    screen = window.lock_screen
    qtbot.mouseClick(screen.switch_button, Qt.MouseButton.LeftButton)
    other = screen.other_form
    assert screen.pages.currentIndex() == 1 and other.username_edit.text() == ""
    qtbot.keyClicks(other.username_edit, "rosa")
    with qtbot.waitSignal(window.user_switched) as switched:
        _try(qtbot, other, "registro-123")
    assert (switched.args[0].username, switched.args[0].role) == ("rosa", "registro")
    window.close()


def test_dialogs_are_hidden_while_locked_and_come_back(db, admin, qtbot):
    window = show_window(qtbot, MainWindow(db, admin, idle_ms=60_000))
    dialog = window.open_admin()
    assert dialog.isVisible()
    window.lock()
    assert window.locked and not dialog.isVisible()
    _try(qtbot, window.lock_screen.unlock_form, PASSWORD)
    assert not window.locked and dialog.isVisible()
    dialog.done(0)
    window.close()


def test_idle_time_comes_from_the_settings_and_the_admin_screen(db, admin, qtbot,
                                                                settings_store):
    assert settings.idle_minutes() == 10  # the default
    settings.set_idle_minutes(3)
    window = show_window(qtbot, MainWindow(db, admin))
    assert window.idle.timeout_ms == 3 * 60_000
    dialog = window.open_admin()
    page = dialog.computer_page
    page.idle_spin.setValue(25)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert settings.idle_minutes() == 25 and window.idle.timeout_ms == 25 * 60_000
    assert page.message.text() == "Guardado: la sesión se bloquea tras 25 minutos sin uso."
    dialog.done(0)
    window.close()


def test_a_half_typed_new_user_survives_the_lock(db, admin, qtbot):
    window = show_window(qtbot, MainWindow(db, admin, idle_ms=60_000))
    admin_dialog = window.open_admin()
    page = admin_dialog.users_page
    page.create_user()
    user_dialog = page._dialog
    user_dialog.username_edit.setText("rosa")
    window.lock()
    assert not user_dialog.isVisible() and not admin_dialog.isVisible()
    _try(qtbot, window.lock_screen.unlock_form, PASSWORD)
    assert user_dialog.isVisible() and user_dialog.username_edit.text() == "rosa"
    for edit, text in ((user_dialog.full_name_edit, "Rosa Perez"),
                       (user_dialog.password_edit, "registro-123"),
                       (user_dialog.repeat_edit, "registro-123")):
        edit.setText(text)
    with qtbot.waitSignal(page.changed):  # created on the worker
        user_dialog._check_and_accept()  # the OK button still creates the user
    assert page.message.text() == "Usuario rosa creado."
    admin_dialog.done(0)
    window.close()


def test_after_an_admin_reset_the_sign_in_says_so_and_a_new_password_is_chosen(dialog, db,
                                                                               center, qtbot):
    from albergue_desktop.ui.auth.password import ChangePasswordDialog

    admin = accounts.sign_in(db, "admin", PASSWORD)
    rosa = centers.create_user(db, admin, username="rosa", full_name="Rosa Pérez",
                               role="registro", password="registro-123")
    accounts.reset_password(db, admin, rosa.id, "temporal-456")
    dialog.form.username_edit.setText("rosa")
    with qtbot.waitSignal(dialog.accepted):
        _try(qtbot, dialog.form, "temporal-456")
    assert dialog.form.must_change_password  # the app opens the dialog below first
    change = ChangePasswordDialog(db, dialog.actor, forced=True)
    show_window(qtbot, change, size=(460, 260))
    assert "Un administrador restableció su contraseña" in change.intro.text()
    change.current_edit.setText("temporal-456")
    change.new_edit.setText("mi-clave-nueva")
    change.repeat_edit.setText("otra-clave")
    change.submit()
    assert change.message.text() == "Las dos contraseñas nuevas son distintas."
    change.repeat_edit.setText("mi-clave-nueva")
    with qtbot.waitSignal(change.accepted):
        change.submit()
    assert not accounts.must_change_password(db, "rosa")
    assert accounts.sign_in(db, "rosa", "mi-clave-nueva").username == "rosa"


def test_the_file_menu_changes_ones_own_password(db, admin, qtbot):
    window = show_window(qtbot, MainWindow(db, admin))
    assert window.menus.actions["change_password"].text() == "&Cambiar mi contraseña…"
    window.close()
