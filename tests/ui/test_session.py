"""The application session: the language chosen in the window is remembered and rebuilds
the window in that language; another user (lock screen) or a sign-out replaces the window
without ending the application."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from shiboken6 import isValid
from ui_helpers import when_visible

from albergue_desktop.domain import i18n
from albergue_desktop.services import accounts, centers
from albergue_desktop.ui import settings
from albergue_desktop.ui.app import AppSession
from albergue_desktop.ui.auth.sign_in import SignInDialog
from albergue_desktop.ui.translation import install_translators


@pytest.fixture
def session(db, center, qapp, monkeypatch, settings_store):
    quits = []
    monkeypatch.setattr(qapp, "quit", lambda: quits.append(1))
    s = AppSession(qapp, db)
    s.quits = quits
    yield s
    s.shutdown()
    install_translators(qapp, "es")


@pytest.fixture
def admin(db, center):
    return accounts.sign_in(db, "admin", "contraseña-segura")


def _menus(window):
    return [a.text() for a in window.menuBar().actions()]


def test_choosing_english_rebuilds_the_window_and_is_remembered(session, admin, qtbot):
    spanish = session.open_window(admin)
    assert _menus(spanish)[:2] == ["&Archivo", "&Personas"]
    spanish.actions["language_en"].trigger()
    english = session.window
    assert english is not spanish and english.actor == admin
    assert _menus(english)[:2] == ["&File", "&People"]
    assert english.people.search_box.placeholderText() == "Search by name, folio or document…"
    assert settings.language() == "en" and i18n.language() == "en"
    assert english.actions["language_en"].isChecked()
    english.actions["language_es"].trigger()
    assert _menus(session.window)[:2] == ["&Archivo", "&Personas"]
    assert settings.language() == "es" and session.quits == []


def test_another_user_replaces_the_window(session, admin, db, center, qtbot):
    centers.create_user(db, admin, username="rosa", full_name="Rosa Pérez", role="registro",
                        password="registro-123", center_id=center.id)
    first = session.open_window(admin)
    first.user_switched.emit(accounts.sign_in(db, "rosa", "registro-123"))
    assert session.window is not first and session.window.actor.username == "rosa"
    assert not first.isVisible() and "admin" not in session.window.actions
    assert session.quits == []
    session.window.close()  # the user closes the window: the application ends
    assert session.quits == [1] and session.window is None


def test_sign_out_goes_back_to_sign_in(session, admin, qtbot):
    first = session.open_window(admin)

    def sign_in_again(dialog):
        dialog.form.username_edit.setText("admin")
        dialog.form.password_edit.setText("contraseña-segura")
        qtbot.keyClick(dialog.form.password_edit, Qt.Key.Key_Return)

    timer = when_visible(SignInDialog, sign_in_again)
    session.sign_out()
    del timer
    assert session.window is not None and session.window is not first
    assert not isValid(first) or not first.isVisible()  # closed (and deleted)
    assert session.quits == []
