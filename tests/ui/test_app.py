"""Starting the app: a bad file is explained in Spanish; a new file opens on the first-run
setup, then sign-in; a set-up file opens on sign-in, then the people list. The language comes
from the settings unless ``lang`` overrides it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from albergue_sync import keyfile
from PySide6.QtWidgets import QMessageBox
from ui_helpers import visible_top_level, when_visible

from albergue_desktop.services import accounts, centers
from albergue_desktop.storage.db import Database
from albergue_desktop.ui import app, settings
from albergue_desktop.ui.auth.setup import FirstRunDialog
from albergue_desktop.ui.auth.sign_in import SignInDialog
from albergue_desktop.ui.main_window import MainWindow
from albergue_desktop.ui.translation import install_translators


def run_app(qapp, path, **kwargs) -> int:
    watchdog = QTimer(singleShot=True, interval=15_000)  # fail rather than hang
    watchdog.timeout.connect(lambda: [w.close() for w in visible_top_level(object)])
    watchdog.timeout.connect(lambda: qapp.exit(99))
    watchdog.start()
    try:
        return app.run(path, **kwargs)
    finally:
        watchdog.stop()


def sign_in_as(qtbot, username, password):
    def fill(dialog):
        form = dialog.form
        form.username_edit.setText(username)
        form.password_edit.setText(password)  # QtTest types ASCII only
        qtbot.keyClick(form.password_edit, Qt.Key.Key_Return)
    return fill


def test_unusable_file_shows_the_reason_and_returns_1(tmp_path, qapp, monkeypatch):
    bad = tmp_path / "notas.sqlite"
    bad.write_text("esto no es una base de datos")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text: shown.append((title, text)))
    assert app.run(bad, lang="es") == 1
    [(title, text)] = shown
    assert title == "Albergue: no se puede abrir la base de datos"
    assert text == f"{bad.resolve()} no es una base de datos de Albergue (no es un archivo SQLite)."


def test_sign_in_then_the_people_list_and_the_loop_exit_code(people_db, qapp, qtbot,
                                                             settings_store):
    seen = {}

    def look_and_quit(window):
        qtbot.waitUntil(lambda: window.count_label.text() != "")
        seen.update(title=window.windowTitle(), rows=window.people.model.rowCount(),
                    count=window.count_label.text(), user=window.user_label.text())
        window.close()  # the user closes the window: the event loop ends

    timers = [when_visible(SignInDialog, sign_in_as(qtbot, "admin", "contraseña-segura")),
              when_visible(MainWindow, look_and_quit)]
    assert run_app(qapp, people_db.db.path) == 0
    assert seen == {"title": "Albergue — center.sqlite", "rows": 200,
                    "count": f"{people_db.total} personas", "user": "admin · Administración"}
    del timers


def test_giving_up_at_sign_in_ends_without_a_window(people_db, qapp, settings_store):
    timer = when_visible(SignInDialog, lambda dialog: dialog.reject())
    assert run_app(qapp, people_db.db.path) == 0
    assert visible_top_level(MainWindow) == []
    del timer


def test_a_new_file_opens_the_first_run_setup_then_sign_in(tmp_path, qapp, qtbot,
                                                           settings_store):
    path = tmp_path / "nuevo.sqlite"
    seen = {}

    def set_up(dialog):
        seen["setup"] = dialog.windowTitle()
        assert dialog.prefix_edit.text() == "MXL"  # the default city prefix
        for edit, text in ((dialog.code_edit, "7"), (dialog.name_edit, "Centro Comunitario 7"),
                           (dialog.username_edit, "Lucia"),
                           (dialog.full_name_edit, "Lucia Hernandez"),
                           (dialog.password_edit, "clave-segura-1"),
                           (dialog.repeat_edit, "clave-segura-1")):
            qtbot.keyClicks(edit, text)
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    def sign_in(dialog):
        seen["username"] = dialog.form.username_edit.text()  # filled in after the setup
        qtbot.keyClicks(dialog.form.password_edit, "clave-segura-1")
        qtbot.keyClick(dialog.form.password_edit, Qt.Key.Key_Return)

    def look_and_quit(window):
        qtbot.waitUntil(lambda: window.site_label.text() != "")  # read in the background
        seen.update(user=window.user_label.text(), site=window.site_label.text())
        window.close()

    def note_recovery_code(box):  # shown once, after the first sign-in (an encrypted file)
        seen["recovery"] = box.windowTitle()
        seen["code"] = box.text().split()[-1]
        box.accept()

    timers = [when_visible(FirstRunDialog, set_up), when_visible(SignInDialog, sign_in),
              when_visible(QMessageBox, note_recovery_code),
              when_visible(MainWindow, look_and_quit)]
    assert run_app(qapp, path) == 0
    code = seen.pop("code")
    assert seen == {"setup": "Albergue — Primer uso", "username": "lucia",
                    "recovery": "Código de recuperación",
                    "user": "lucia · Administración", "site": "Centro 07 · Centro Comunitario 7"}
    keyfile.forget(path)  # another day: the recovery code opens the file
    recovered = Database.open(path)
    recovered.unlock_with_recovery(code)
    recovered.close()
    db = Database.open(path)
    try:
        assert [(c.code, c.name, c.city_prefix) for c in centers.list_centers(db)] == [
            ("07", "Centro Comunitario 7", "MXL")]
        admin = accounts.sign_in(db, "lucia", "clave-segura-1")
        assert admin.role == "admin" and accounts.full_name(db, "lucia") == "Lucia Hernandez"
    finally:
        db.close()
    del timers


@pytest.mark.parametrize(("saved", "override", "title"), [
    ("en", None, "Albergue — Sign in"),
    ("en", "es", "Albergue — Iniciar sesión"),
    (None, None, "Albergue — Iniciar sesión"),
])
def test_language_from_the_settings_unless_overridden(people_db, qapp, settings_store, saved,
                                                      override, title):
    if saved:
        settings.set_language(saved)
    seen = []

    def look(dialog):
        seen.append(dialog.windowTitle())
        dialog.reject()

    timer = when_visible(SignInDialog, look)
    try:
        assert run_app(qapp, people_db.db.path, lang=override) == 0
    finally:
        install_translators(qapp, "es")
    assert seen == [title]
    del timer


def test_the_command_line_passes_a_language_only_when_asked(tmp_path, monkeypatch):
    from albergue_desktop import cli

    calls = []
    monkeypatch.setattr(app, "run", lambda path, **kw: calls.append(kw) or 0)
    monkeypatch.delenv("ALBERGUE_LANG", raising=False)
    path = str(tmp_path / "c.sqlite")
    assert cli.main(["--db", path]) == 0  # the language saved in the settings
    assert cli.main(["--db", path, "--lang", "en"]) == 0
    monkeypatch.setenv("ALBERGUE_LANG", "es")
    assert cli.main(["--db", path]) == 0
    assert calls == [{}, {"lang": "en"}, {"lang": "es"}]


def test_smoke_test_closes_the_sign_in_unanswered_and_returns_0(people_db, qapp, capsys,
                                                                 settings_store):
    """The scripted start check of an installed bundle (`albergue --smoke-test`): the
    sign-in shows, is closed without signing anyone in, and the exit code is 0."""
    from sqlalchemy import text
    with people_db.db.read_session() as s:
        before = s.connection().execute(text("SELECT count(*) FROM audit_event")).scalar()
    assert run_app(qapp, people_db.db.path, lang="es", smoke_test=True) == 0
    assert "albergue: sign-in shown (" in capsys.readouterr().out
    db = Database.open(people_db.db.path)
    with db.read_session() as s:  # nothing was signed in, nothing audited
        assert s.connection().execute(text("SELECT count(*) FROM audit_event")).scalar() \
            == before
    db.close()


def test_smoke_test_on_a_new_file_reports_the_setup_and_returns_3(tmp_path, qapp, capsys,
                                                                  settings_store):
    path = tmp_path / "nuevo.sqlite"
    Database.open(path).close()
    assert run_app(qapp, path, lang="es", smoke_test=True) == 3
    assert "albergue: setup shown" in capsys.readouterr().out
