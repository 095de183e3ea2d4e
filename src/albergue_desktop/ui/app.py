"""Starting the desktop application."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from ..domain.errors import StorageError
from ..storage.db import Database
from .main_window import MainWindow
from .translation import install_translators


def create_application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Albergue")
    app.setOrganizationName("Albergue")
    return app


def run(db_path: Path, *, lang: str = "es") -> int:
    """Open ``db_path`` in the main window and run the event loop until it closes. Returns the
    process exit code: 1 (after telling the user why) when the file cannot be opened."""
    app = create_application()
    install_translators(app, lang)
    try:
        db = Database.open(db_path)
    except StorageError as exc:
        QMessageBox.critical(None, QCoreApplication.translate(
            "app", "Albergue: the database cannot be opened"), str(exc))
        return 1
    window = None
    try:
        window = MainWindow(db)
        window.resize(1280, 720)
        window.showMaximized()
        return app.exec()
    finally:
        if window is not None:
            window.tasks.shutdown()  # no read may still run when the file closes
        db.close()
