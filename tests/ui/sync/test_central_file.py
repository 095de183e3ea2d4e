"""A supervisor opens a central file in the app (``albergue --db central.sqlite``). One made by
``albergue-sync merge --admin`` has its first account already (no setup, no first-comer
administrator); one made by merging without accounts (the app's "Enviar" to a new file, the
engine's API) asks only for an administrator (the centers came with the merge), and the
people list shows every center, with the center filter working."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QMessageBox

from albergue_desktop.services import accounts, centers, sync_files
from albergue_desktop.storage.db import Database
from albergue_desktop.ui import app
from albergue_desktop.ui.auth.sign_in import SignInDialog
from albergue_desktop.ui.main_window import MainWindow
from albergue_desktop.ui.sync.central_setup import CentralSetupDialog
from albergue_sync import merge_files
from albergue_sync.cli import main as sync_cli
from ui_helpers import visible_top_level, when_visible


def run_app(qapp, path) -> int:
    watchdog = QTimer(singleShot=True, interval=15_000)  # fail rather than hang
    watchdog.timeout.connect(lambda: [w.close() for w in visible_top_level(object)])
    watchdog.timeout.connect(lambda: qapp.exit(99))
    watchdog.start()
    try:
        return app.run(path)
    finally:
        watchdog.stop()


@pytest.fixture
def central(center_files, tmp_path):
    a, b = center_files("03"), center_files("07")
    a.register("Marie", "Joseph")
    b.register("Jean", "Pierre", "M")
    for center in (a, b):
        center.db.close()  # files brought from the laptops
    path = tmp_path / "central.sqlite"
    merge_files(path, [a.path, b.path])
    return path


def test_a_central_file_made_by_albergue_sync_has_its_account(center_files, tmp_path):
    a = center_files("03")
    a.register("Marie", "Joseph")
    a.db.close()
    secret = tmp_path / "clave.txt"
    secret.write_text("contrasena-larga\n")
    path = tmp_path / "central.sqlite"
    assert sync_cli(["merge", "--into", str(path), str(a.path)]) == 2  # no --admin
    assert not path.exists()
    assert sync_cli(["merge", "--into", str(path), str(a.path), "--admin", "Supervisora",
                     "--admin-role", "supervision", "--admin-password-file", str(secret)]) == 0
    db = Database.open(path)
    try:
        assert not sync_files.needs_central_setup(db)  # the app goes straight to sign-in
        actor = accounts.sign_in(db, "supervisora", "contrasena-larga")
        assert (actor.role, actor.center_id) == ("supervision", None)
    finally:
        db.close()


def test_the_app_opens_a_merged_file_on_an_administrator_only_setup(qtbot, qapp, central,
                                                                   settings_store):
    seen = {}

    def set_up(dialog):
        qtbot.waitUntil(lambda: "…" not in dialog.intro.text())  # the centers, read behind
        seen["intro"] = dialog.intro.text()
        qtbot.keyClicks(dialog.username_edit, "Supervisora")
        qtbot.keyClicks(dialog.full_name_edit, "Ana Supervisora")
        qtbot.keyClicks(dialog.password_edit, "contrasena-larga")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
        seen["refused"] = dialog.message.text()
        qtbot.keyClicks(dialog.repeat_edit, "contrasena-larga")
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)

    def sign_in(dialog):
        qtbot.keyClicks(dialog.form.password_edit, "contrasena-larga")
        qtbot.keyClick(dialog.form.password_edit, Qt.Key.Key_Return)

    def look_and_quit(window):
        qtbot.waitUntil(lambda: window.count_label.text() == "2 personas")
        seen.update(site=window.site_label.text(), rows=window.people.model.rowCount())
        seven = next(c.id for c in centers.list_centers(window.db) if c.code == "07")
        window.people.filter_bar.select(center_id=seven)
        qtbot.waitUntil(lambda: window.people.model.rowCount() == 1)
        qtbot.waitUntil(lambda: window.sync_label.text() != "")
        seen["sync"] = window.sync_label.text()
        window.close()

    # (a FirstRunDialog asking for a center would sit unanswered: the watchdog exits 99)
    def note_recovery_code(box):  # the central file's, shown once after its setup
        seen["recovery"] = box.windowTitle()
        box.accept()

    timers = [when_visible(CentralSetupDialog, set_up), when_visible(SignInDialog, sign_in),
              when_visible(QMessageBox, note_recovery_code),
              when_visible(MainWindow, look_and_quit)]
    assert run_app(qapp, central) == 0
    assert seen.pop("recovery") == "Código de recuperación"
    assert "centros 03, 07" in seen["intro"]
    assert seen["refused"] == "Las dos contraseñas son distintas."
    assert seen["site"].startswith("Todos los centros") and seen["rows"] == 2
    assert seen["sync"].startswith("Última sincronización: ")
    db = Database.open(central)
    try:
        actor = accounts.sign_in(db, "supervisora", "contrasena-larga")
        assert (actor.role, actor.center_id) == ("admin", None)
        assert db.meta("center_id") is None and not sync_files.needs_central_setup(db)
    finally:
        db.close()
    del timers


def test_a_new_file_has_no_centers_and_gets_the_center_setup(tmp_path):
    db = Database.open(tmp_path / "nuevo.sqlite")
    try:
        assert not sync_files.needs_central_setup(db)
    finally:
        db.close()
