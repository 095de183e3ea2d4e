"""On a central file (no center of its own) registration explains where to register."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from albergue_desktop.services.context import Actor
from albergue_desktop.ui.main_window import MainWindow


def test_a_central_file_sends_registration_to_the_center_laptops(qtbot, db, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information",
                        lambda parent, title, text: shown.append((title, text)))
    window = MainWindow(db, Actor("sup", "supervision"))
    qtbot.addWidget(window)
    assert db.meta("center_id") is None
    assert window.open_registration() is None
    qtbot.waitUntil(lambda: bool(shown))  # once the file's center is read: none
    assert shown and shown[0][0] == "Nuevo registro" and "archivo central" in shown[0][1]
