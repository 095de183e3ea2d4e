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


def test_the_apps_demo_is_a_center_laptop_where_ctrl_n_registers(qtbot, db):
    """`albergue --demo` writes the whole program as center 01's laptop: the demo users
    belong to it, and Ctrl+N (its action) opens the registration for center 01."""
    from sqlmodel import select
    from ui_helpers import show_window

    from albergue_desktop.demo import generate_demo
    from albergue_desktop.services import accounts
    from albergue_desktop.storage.tables import Center, User
    from albergue_desktop.ui.intake import RegistrationDialog

    generate_demo(db, persons=40, centers=3, seed=2, home_center="01")
    with db.read_session() as s:
        codes = {c.id: c.code for c in s.exec(select(Center))}
        homes = {u.username: u.center_id for u in s.exec(select(User))}
    assert codes[db.meta("center_id")] == "01" and len(codes) == 3
    assert {codes[c] for c in homes.values()} == {"01"}
    actor = accounts.sign_in(db, "registro", "albergue-demo")
    window = show_window(qtbot, MainWindow(db, actor))
    register = window.actions["register"]
    assert register.shortcut().toString() == "Ctrl+N"
    register.trigger()
    qtbot.waitUntil(lambda: isinstance(window._dialog, RegistrationDialog)
                    and window._dialog.isVisible())
    assert codes[window._dialog.center_id] == "01"
    window._dialog.done(0)
