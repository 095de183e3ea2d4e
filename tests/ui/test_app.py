"""Starting the app: a bad file is explained in Spanish; a good one opens on the people list."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from albergue_desktop.ui import app
from albergue_desktop.ui.main_window import MainWindow


def test_unusable_file_shows_the_reason_and_returns_1(tmp_path, qapp, monkeypatch):
    bad = tmp_path / "notas.sqlite"
    bad.write_text("esto no es una base de datos")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical",
                        lambda parent, title, text: shown.append((title, text)))
    assert app.run(bad) == 1
    [(title, text)] = shown
    assert title == "Albergue: no se puede abrir la base de datos"
    assert text == f"{bad.resolve()} no es una base de datos de Albergue (no es un archivo SQLite)."


def test_run_shows_the_people_list_and_returns_the_loop_exit_code(people_db, qapp):
    seen = {}

    def look_and_quit():
        [window] = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)
                    and w.isVisible()]
        seen.update(title=window.windowTitle(), rows=window.people.model.rowCount(),
                    count=window.count_label.text())
        window.close()  # the last window: the event loop ends as for a user

    QTimer.singleShot(0, look_and_quit)
    watchdog = QTimer(singleShot=True, interval=10_000)  # fail rather than hang
    watchdog.timeout.connect(lambda: qapp.exit(99))
    watchdog.start()
    try:
        assert app.run(people_db.db.path) == 0
    finally:
        watchdog.stop()
    assert seen == {"title": "Albergue — center.sqlite", "rows": 200,
                    "count": f"{people_db.total} personas"}
