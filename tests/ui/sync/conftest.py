"""Fixtures of the Sync screens: center laptops' files (each its own site, set up by the
first-run service), main windows on them, and a way to hold the background worker."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from factories import member

from albergue_desktop.services import centers, people
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.db import Database
from albergue_desktop.ui.main_window import MainWindow
from albergue_desktop.ui.translation import install_translators


@pytest.fixture(autouse=True)
def _spanish_ui(qapp):
    """Spanish, whatever an earlier test of the session switched to."""
    install_translators(qapp, "es")


@dataclass
class CenterFile:
    db: Database
    center_id: str
    code: str

    @property
    def path(self) -> Path:
        return self.db.path

    def register(self, given: str, surnames: str, sex: str = "F",
                 birth: date = date(1990, 5, 1), **extra) -> str:
        return people.register_household(self.db, SYSTEM, center_id=self.center_id, members=[
            member(given, surnames, sex, birth, **extra)]).person_ids[0]


@pytest.fixture
def center_files(tmp_path):
    """``center_files(code)`` -> a new center laptop's file."""
    opened: list[Database] = []

    def make(code: str) -> CenterFile:
        db = Database.open(tmp_path / f"centro{code}.sqlite")
        opened.append(db)
        center, _ = centers.init_center_database(
            db, center_code=code, center_name=f"Centro Comunitario {int(code)}",
            city_prefix="MXL", admin_username=f"admin{code}",
            admin_password="contraseña-segura")
        return CenterFile(db, center.id, code)

    yield make
    for db in opened:
        db.close()


@pytest.fixture
def open_window(qtbot, settings_store):
    """``open_window(db, role, username)`` -> a shown 1366x768 main window (closed after)."""
    windows: list[MainWindow] = []

    def make(db: Database, role: str = "coordinacion", username: str = "coord",
             center_id: str | None = None) -> MainWindow:
        window = MainWindow(db, Actor(username, role, center_id))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()


@pytest.fixture
def hold_worker():
    """``hold(window)`` queues tasks that block the window's worker and its lane of long
    jobs (a push or a pull) until ``release()``: work submitted meanwhile waits its turn."""
    gates: list[threading.Event] = []

    def hold(window: MainWindow):
        gate = threading.Event()
        gates.append(gate)
        window.tasks.run(lambda: gate.wait(10))
        window.tasks.run_long(lambda: gate.wait(10), writes=False)
        return gate.set

    yield hold
    for gate in gates:
        gate.set()
