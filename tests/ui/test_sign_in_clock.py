"""At sign-in the clock warnings of services/clock.py are shown; a file whose clock was once
years ahead is offered "Correct the clock", which re-dates its changes and loses nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from ui_helpers import show_window

from albergue_desktop.storage.versioning import wall_clock_ms
from albergue_desktop.ui.auth import sign_in
from albergue_desktop.ui.auth.sign_in import SignInDialog

YEAR = 365 * 24 * 3600 * 1000


def _sign_in(qtbot, dialog):
    form = dialog.form
    form.username_edit.setText("admin")
    form.password_edit.setText("contraseña-segura")
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        qtbot.keyClick(form.password_edit, Qt.Key.Key_Return)


def _years_ahead(db):
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE meta SET value = ? WHERE key = 'hlc_last'",
                             (str((wall_clock_ms() + 3 * YEAR) << 16),))


def _reclocks(db) -> int:
    with db.engine.connect() as conn:
        return conn.exec_driver_sql(
            "SELECT count(*) FROM audit_event WHERE action = 'reclock'").scalar()


def test_sign_in_offers_to_correct_a_clock_that_was_years_ahead(db, center, qtbot,
                                                                 monkeypatch):
    _years_ahead(db)
    shown, told = [], []
    monkeypatch.setattr(sign_in, "show_at_sign_in",
                        lambda parent, warnings, actor: shown.append(warnings) or True)
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text: told.append(text))
    dialog = SignInDialog(db)
    show_window(qtbot, dialog, size=(420, 260))
    _sign_in(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    [[warning]] = shown
    assert warning.code == "file_ahead" and warning.recoverable
    assert _reclocks(db) == 1 and "no se perdió nada" in told[0]


def test_sign_in_with_a_right_clock_shows_nothing(db, center, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(sign_in, "show_at_sign_in",
                        lambda parent, warnings, actor: shown.append(warnings) or False)
    dialog = SignInDialog(db)
    show_window(qtbot, dialog, size=(420, 260))
    _sign_in(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert shown == [[]] and _reclocks(db) == 0
