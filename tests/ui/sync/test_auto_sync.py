"""The desktop syncs by itself with the central's sync server and says how it stands in
the status bar: synced, N changes pending, offline since..., refused: why. The job has a
worker of its own: it never waits behind (or holds up) the window's saves."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from albergue_sync import client, files
from albergue_sync.server import tls
from albergue_sync.server.run import Running

GRABS = os.environ.get("ALBERGUE_GRAB_DIR")  # set to look at the status bar as a PNG


def _grab(window, name: str) -> None:
    if GRABS:
        window.grab().save(str(Path(GRABS) / f"{name}.png"))


def _enroll(srv: Running, path: Path, code: str) -> None:
    fp = tls.fingerprint_file(srv.cert)[:tls.FINGERPRINT_BYTES]
    client.connect(path, srv.url, srv.server.state.new_enrollment(code, fp))


@pytest.fixture
def central(tmp_path):
    path = tmp_path / "central.sqlite"
    files.create(path)
    return path


def test_the_window_syncs_by_itself_and_shows_how_it_stands(
        center_files, open_window, hold_worker, central, tmp_path, qtbot):
    center = center_files("03")
    center.register("Marie", "Joseph")
    server = Running(central, tmp_path / "server").start()
    try:
        _enroll(server, center.path, "03")
        window = open_window(center.db, center_id=center.center_id)
        label = window.server_label
        # it pulls at once, then sends what it has: the central gets this center's people
        qtbot.waitUntil(lambda: label.isVisible() and label.text() == "Sincronizado")
        assert any(r["given_names"] == "Marie" for r in _people(central))
        _grab(window, "sync-synced")

        # a save while the job works, and the job while the window's worker is busy
        release = hold_worker(window)
        center.register("Rose", "Pierre")
        window.auto_sync.refresh()
        qtbot.waitUntil(lambda: label.text() == "2 cambios pendientes")
        _grab(window, "sync-pending")
        window.auto_sync.push_now()  # runs although the window's worker is held
        qtbot.waitUntil(lambda: label.text() == "Sincronizado")
        release()
        assert any(r["given_names"] == "Rose" for r in _people(central))
    finally:
        server.stop()
    center.register("Jean", "Louis")
    window.auto_sync.push_now()
    qtbot.waitUntil(lambda: label.text().startswith("Sin conexión desde"))
    assert label.text().endswith("· 2 cambios pendientes")
    _grab(window, "sync-offline")

    again = Running(central, tmp_path / "server", port=server.port).start()
    try:
        again.server.state.revoke("03")
        window.auto_sync.push_now()
        qtbot.waitUntil(lambda: label.text().startswith("Rechazado:"))
        assert "revocó el acceso" in label.toolTip()
        _grab(window, "sync-refused")
    finally:
        again.stop()


def test_a_computer_not_enrolled_shows_nothing(center_files, open_window, qtbot):
    center = center_files("04")
    window = open_window(center.db, center_id=center.center_id)
    window.auto_sync.push_now()
    qtbot.waitUntil(lambda: not window.auto_sync._busy)
    assert not window.server_label.isVisible()


def _people(path: Path) -> list[dict]:
    conn = files.connect(path, readonly=False)
    try:
        cur = conn.execute("SELECT given_names FROM person")
        return [{"given_names": r[0]} for r in cur]
    finally:
        conn.close()


def test_connecting_from_the_window_then_syncing(center_files, open_window, central,
                                                 tmp_path, qtbot):
    from PySide6.QtCore import Qt

    from albergue_desktop.ui.sync.actions import open_connect

    center = center_files("05")
    center.register("Claude", "Jean")
    with Running(central, tmp_path / "server") as server:
        window = open_window(center.db, center_id=center.center_id)
        assert window.actions["connect_server"].isEnabled()
        fp = tls.fingerprint_file(server.cert)[:tls.FINGERPRINT_BYTES]
        code = server.server.state.new_enrollment("05", fp)
        dialog = open_connect(window)
        qtbot.keyClicks(dialog.url_edit, server.url)
        qtbot.keyClicks(dialog.code_edit, "XXXX-" + code[5:])  # mistyped
        _grab(dialog, "sync-connect")
        qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: dialog.ok_button.isEnabled() and dialog.message.text()
                        not in ("", "Conectando…"))
        assert dialog.isVisible() and "código" in dialog.message.text()
        dialog.code_edit.setText(code)
        qtbot.keyClick(dialog.code_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        label = window.server_label
        qtbot.waitUntil(lambda: label.text() == "Sincronizado")
        assert [r["given_names"] for r in _people(central)] == ["Claude"]
