"""The duplicates screen on a central file: a person registered at two centers is proposed,
confirming links the records (one person fewer everywhere, the record shows the link),
undo restores it, "no es duplicado" hides the pair for good."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from albergue_desktop.services import centers, stays, sync_files
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage.db import Database
from albergue_desktop.ui.sync import actions
from albergue_desktop.ui.sync.duplicates import DuplicatesView
from ui_helpers import record_loaded


@pytest.fixture
def central(center_files, tmp_path):
    """Wilner LOUIS registered at 03, and again as Vilner LOUIZ at 07 where he is lodged;
    two unrelated women. Both centers merged into a central file."""
    a, b = center_files("03"), center_files("07")
    kept = a.register("Wilner", "Louis", "M", date(1988, 2, 3))
    a.register("Rose", "Michel", "F", date(2001, 9, 9))
    dup = b.register("Vilner", "Louiz", "M", date(1988, 2, 3))
    stays.check_in(b.db, SYSTEM, person_id=dup, center_id=b.center_id)
    b.register("Nadège", "Saint-Vil", "F", date(1979, 1, 1))
    path = tmp_path / "central.sqlite"
    sync_files.push(a.db, SYSTEM, path)
    sync_files.push(b.db, SYSTEM, path)
    db = Database.open(path)
    yield db, kept, dup
    db.close()


def pair_rows(view: DuplicatesView) -> list[str]:
    return [f"{view.table.item(r, 1).text()} | {view.table.item(r, 2).text()}"
            for r in range(view.table.rowCount())]


def open_view(qtbot, window) -> DuplicatesView:
    view = actions.open_duplicates(window)
    qtbot.waitUntil(lambda: view.result is not None and view.tasks.pending == 0)
    return view


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_confirm_links_the_planted_duplicate_and_undo_restores_it(qtbot, central,
                                                                  open_window):
    db, kept, dup = central
    window = open_window(db, role="supervision", username="sup")
    qtbot.waitUntil(lambda: window.count_label.text() == "4 personas")
    view = open_view(qtbot, window)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Duplicados"
    assert pair_rows(view) == ["MXL-03-000001 · Wilner LOUIS (03) | "
                               "MXL-07-000001 · Vilner LOUIZ (07)"]
    assert view.tabs.tabText(0) == "Por revisar (1)"
    why = view.table.item(0, 3).text()
    assert "suenan igual" in why and "misma fecha de nacimiento" in why
    assert "centros 03 / 07" in why
    assert view.compare.values[(0, "birth")].text() == "03/02/1988"
    assert view.compare.values[(1, "present")].text() == "07 · Centro Comunitario 7"
    # the one lodged now is kept by default; the other becomes its duplicate
    assert view.keep.currentData() == dup
    view.keep.setCurrentIndex(view.keep.findData(kept))
    with qtbot.waitSignal(view.changed, timeout=10_000):
        click(qtbot, view.confirm_button)
    assert "quedó vinculado a MXL-03-000001" in view.message.text()
    assert view.table.rowCount() == 0 and view.tabs.tabText(0) == "Por revisar (0)"
    qtbot.waitUntil(lambda: window.count_label.text() == "3 personas")
    qtbot.waitUntil(lambda: view.tabs.tabText(1) == "Confirmados (1)")
    assert view.links_table.item(0, 2).text() == "sup"

    # the duplicate's record names the kept one, with a link to it
    window.open_person(dup)
    qtbot.waitUntil(lambda: record_loaded(window, "MXL-07-000001") is not None)
    record = window.current_record()
    assert record.banner.isVisible()
    assert "Registro duplicado de <a href='person:" in record.banner.text()
    assert "MXL-03-000001</a>" in record.banner.text()
    record.banner.linkActivated.emit(f"person:{kept}")
    qtbot.waitUntil(lambda: record_loaded(window, "MXL-03-000001") is not None)
    kept_view = window.current_record()
    assert kept_view.duplicates_label.parentWidget().isVisible()
    assert "MXL-07-000001" in kept_view.duplicates_label.text()
    assert "07" in kept_view.duplicates_label.text()  # its stay at 07

    window.tabs.setCurrentWidget(view)
    view.tabs.setCurrentIndex(1)
    with qtbot.waitSignal(view.changed, timeout=10_000):
        click(qtbot, view.undo_button)
    assert "vuelve a aparecer" in view.links_message.text()
    qtbot.waitUntil(lambda: window.count_label.text() == "4 personas")
    qtbot.waitUntil(lambda: view.table.rowCount() == 1 and view.tasks.pending == 0)
    assert view.tabs.tabText(1) == "Confirmados (0)"
    qtbot.waitUntil(lambda: not kept_view.duplicates_label.parentWidget().isVisibleTo(
        kept_view))


def test_not_a_duplicate_hides_the_pair_for_good(qtbot, central, open_window):
    db, _kept, _dup = central
    window = open_window(db, role="admin", username="admin")
    view = open_view(qtbot, window)
    assert view.table.rowCount() == 1
    with qtbot.waitSignal(view.changed, timeout=10_000):
        click(qtbot, view.dismiss_button)
    assert view.message.text() == "Esta pareja no se volverá a proponer."
    assert view.table.rowCount() == 0
    qtbot.waitUntil(lambda: window.count_label.text() == "4 personas")  # nobody hidden
    click(qtbot, view.scan_button)
    qtbot.waitUntil(lambda: view.scan_button.isEnabled() and view.tasks.pending == 0)
    assert view.table.rowCount() == 0
    view.threshold.setCurrentIndex(2)  # even among the merely possible ones
    qtbot.waitUntil(lambda: view.scan_button.isEnabled() and view.tasks.pending == 0)
    assert all("Vilner" not in row for row in pair_rows(view))
    assert view.status.text().endswith(" s") and "4 registros" in view.status.text()


def test_both_lodged_is_refused_with_the_reason(qtbot, central, open_window):
    db, kept, _dup = central
    center_03 = next(c for c in centers.list_centers(db) if c.code == "03")
    stays.check_in(db, SYSTEM, person_id=kept, center_id=center_03.id)
    window = open_window(db, role="supervision", username="sup")
    view = open_view(qtbot, window)
    click(qtbot, view.confirm_button)
    qtbot.waitUntil(lambda: "estancia abierta" in view.message.text())
    assert view.table.rowCount() == 1 and view.confirm_button.isEnabled()
