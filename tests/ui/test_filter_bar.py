"""People-list filters in the window: status, nationality, household of a person; the count
of the filtered list in the status bar; a scanned folio ignores the filters."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import actor_of, show_window

from albergue_desktop.ui import people_model as pm
from albergue_desktop.ui.main_window import MainWindow


@pytest.fixture
def window(people_db, qtbot):
    w = show_window(qtbot, MainWindow(people_db.db, actor_of("coordinacion")))
    yield w
    w.close()


def _folios(w):
    return [w.people.model.person(r).folio for r in range(w.people.model.rowCount())]


def _filtered(w, count_text):
    return w.tasks.pending == 0 and w.results_label.text() == count_text


def test_status_filter_and_its_count(window, people_db, qtbot):
    bar = window.people.filter_bar
    assert not bar.clear_button.isEnabled()
    bar.status_combo.setCurrentIndex(bar.status_combo.findData("present"))
    qtbot.waitUntil(lambda: _filtered(window, "1 persona cumple los filtros"))
    assert _folios(window) == [people_db.bed_folio]
    assert bar.clear_button.isEnabled()
    bar.status_combo.setCurrentIndex(bar.status_combo.findData("registered"))
    qtbot.waitUntil(lambda: _filtered(window, "301 personas cumplen los filtros"))
    assert people_db.bed_folio not in _folios(window)
    assert window.people.model.rowCount() == pm.PAGE_SIZE  # still paged
    window.people.table.scrollToBottom()
    qtbot.waitUntil(lambda: window.people.model.rowCount() == 301)
    qtbot.mouseClick(bar.clear_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.results_label.text() == "")
    qtbot.waitUntil(lambda: window.people.model.rowCount() == pm.PAGE_SIZE)  # worker
    assert window.people.filters() == {}


def test_nationality_filter_and_text_search_combine(window, qtbot):
    bar = window.people.filter_bar
    bar.select(nationality="MX")
    qtbot.waitUntil(lambda: _filtered(window, "0 personas cumplen los filtros"))
    assert window.people.model.rowCount() == 0
    bar.select(nationality="HT")
    qtbot.keyClicks(window.people.search_box, "nadege")
    qtbot.waitUntil(lambda: window.results_label.text() == "1 resultado para “nadege”")
    bar.select(status="discharged")
    qtbot.waitUntil(lambda: window.tasks.pending == 0
                    and window.results_label.text() == "0 resultados para “nadege”")


def test_household_of_the_selected_person(window, people_db, qtbot):
    window.people.search_box.setFocus()
    qtbot.keyClicks(window.people.search_box, "nadege")
    qtbot.waitUntil(lambda: _folios(window) == [people_db.bed_folio])
    qtbot.keyClick(window.people.search_box, Qt.Key.Key_Down)  # selects the first line
    qtbot.keyClick(window.people.table, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    bar = window.people.filter_bar
    assert bar.household_label.isVisibleTo(bar)
    assert bar.household_label.text() == "Núcleo familiar de Nadège SAINT-VIL"
    window.people.search_box.clear()
    qtbot.waitUntil(lambda: sorted(_folios(window)) == sorted(
        [people_db.jose_folio, people_db.bed_folio]))
    qtbot.mouseClick(bar.household_clear, Qt.MouseButton.LeftButton)
    assert not bar.household_label.isVisibleTo(bar)
    qtbot.waitUntil(lambda: window.people.model.rowCount() == pm.PAGE_SIZE)


def test_a_scanned_folio_opens_its_record_whatever_the_filters(window, people_db, qtbot):
    window.people.filter_bar.select(status="present")  # the scanned person is not present
    qtbot.waitUntil(lambda: _filtered(window, "1 persona cumple los filtros"))
    qtbot.keyClicks(window.people.search_box, people_db.first_folio)
    qtbot.keyClick(window.people.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_record() is not None
                    and window.current_record().record is not None)
    assert window.current_record().record.person.folio == people_db.first_folio
