"""The main window's people list driven like a user: search box, scanner, status bar."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from albergue_desktop.domain.errors import StorageError
from albergue_desktop.domain.normalize import name_key
from albergue_desktop.ui import people_list
from albergue_desktop.ui import people_model as pm
from albergue_desktop.ui.main_window import MainWindow

from ui_helpers import actor_of


@pytest.fixture
def window(people_db, qtbot):
    w = MainWindow(people_db.db, actor_of("coordinacion"))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.activateWindow()
    qtbot.waitActive(w)
    qtbot.waitUntil(lambda: w.people.model.rowCount() > 0)  # the first page: the worker
    yield w
    w.close()  # stops the background worker


def _names(model):
    return [model.data(model.index(r, pm.COL_NAME)) for r in range(model.rowCount())]


def _shown_folio(w):
    """Folio of the record in the current tab, once loaded."""
    view = w.current_record()
    return view.record.person.folio if view is not None and view.record is not None else None


def _search_done(w):
    return w.tasks.pending == 0 and w.people.model.rowCount() < pm.PAGE_SIZE


def test_window_opens_on_the_first_page_in_spanish(window, people_db, qtbot):
    assert window.windowTitle() == "Albergue — center.sqlite"
    model = window.people.model
    assert model.rowCount() == pm.PAGE_SIZE  # the first page, newest first
    assert model.data(model.index(0, pm.COL_NAME)) == "Nadège SAINT-VIL"
    assert window.people.search_box.placeholderText() == "Buscar por nombre, folio o documento…"
    qtbot.waitUntil(lambda: window.count_label.text() != "")  # counted in the background
    assert window.count_label.text() == f"{people_db.total} personas"
    assert window.site_label.text() == "Centro 03 · Centro Comunitario 3"
    assert window.people.search_box.hasFocus()


def test_count_uses_mexican_grouping_and_singular(window):
    assert window._count_text(2767) == "2,767 personas"
    assert window._count_text(100000) == "100,000 personas"
    assert window._count_text(1) == "1 persona"


def test_search_box_finds_accented_names_without_accents(window, people_db, qtbot,
                                                        monkeypatch):
    searches = []
    real_search = people_list._search
    monkeypatch.setattr(people_list, "_search", lambda db, actor, text, **filters: searches.append(
        text) or real_search(db, actor, text, **filters))
    qtbot.keyClicks(window.people.search_box, "jose")
    assert window.people.model.rowCount() == pm.PAGE_SIZE  # debounced: nothing yet
    qtbot.waitUntil(lambda: _search_done(window))
    assert searches == ["jose"]  # one search for four keystrokes
    assert _names(window.people.model) == ["Josè SAINT-VIL"]
    assert window.results_label.text() == "1 resultado para “jose”"


def test_search_matches_every_word_as_a_prefix(window, qtbot):
    qtbot.keyClicks(window.people.search_box, "nad saint")
    qtbot.waitUntil(lambda: _search_done(window))
    assert _names(window.people.model) == ["Nadège SAINT-VIL"]
    window.people.search_box.clear()
    qtbot.keyClicks(window.people.search_box, "louis")
    qtbot.waitUntil(lambda: window.tasks.pending == 0
                    and window.results_label.text().endswith("“louis”"))
    names = _names(window.people.model)
    assert len(names) == 200 and all("louis" in name_key(n) for n in names)
    assert window.results_label.text() == "200 resultados para “louis”"


def test_clearing_the_search_shows_everyone_again(window, qtbot):
    qtbot.keyClicks(window.people.search_box, "jose")
    qtbot.waitUntil(lambda: _search_done(window))
    window.people.search_box.clear()
    qtbot.waitUntil(lambda: window.people.model.rowCount() == pm.PAGE_SIZE)
    assert window.people.model.canFetchMore(QModelIndex())
    assert window.results_label.text() == ""


def test_scanned_folio_and_enter_opens_that_record(window, people_db, qtbot):
    box = window.people.search_box
    qtbot.keyClicks(box, people_db.first_folio.lower())  # not on the first page
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _shown_folio(window) == people_db.first_folio)
    assert window.people.selected_person().folio == people_db.first_folio
    assert window.people.table.currentIndex().row() == \
        window.people.model.row_of_folio(people_db.first_folio)
    # The focus stays in the box with the folio selected: the next scan replaces it.
    assert box.hasFocus() and box.selectedText() == box.text()
    qtbot.keyClicks(box, people_db.bed_folio)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _shown_folio(window) == people_db.bed_folio)
    assert len(window.records) == 2


def test_unknown_folio_says_so(window, qtbot):
    qtbot.keyClicks(window.people.search_box, "MXL-03-999999")
    qtbot.keyClick(window.people.search_box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.results_label.text().startswith("Ninguna"))
    assert window.results_label.text() == "Ninguna persona tiene el folio MXL-03-999999."
    assert window.people.selected_person() is None


def test_ctrl_f_focuses_search_and_down_enters_the_list(window, qtbot):
    window.activateWindow()
    window.people.table.setFocus()
    qtbot.waitUntil(window.people.table.hasFocus)
    qtbot.keyClick(window.people.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.people.search_box.hasFocus()
    qtbot.keyClick(window.people.search_box, Qt.Key.Key_Down)
    assert window.people.table.hasFocus()
    assert window.people.selected_person().given_names == "Nadège"


def test_a_busy_database_is_reported_in_spanish(window, qtbot, monkeypatch):
    def busy(db, actor, text, **filters):
        raise StorageError("The database is busy; try again in a moment.")

    monkeypatch.setattr(people_list, "_search", busy)
    qtbot.keyClicks(window.people.search_box, "rose")
    qtbot.waitUntil(lambda: window.results_label.text() != "")
    assert window.results_label.text() == \
        "La base de datos está ocupada; inténtelo de nuevo en un momento."
    assert window.people.model.rowCount() == pm.PAGE_SIZE  # the list is left as it was


def test_scrolling_to_the_end_loads_the_next_page(window, people_db, qtbot):
    table = window.people.table
    table.scrollToBottom()
    qtbot.waitUntil(lambda: window.people.model.rowCount() == people_db.total)
    assert not window.people.model.canFetchMore(QModelIndex())
    oldest = window.people.model.person(people_db.total - 1)
    assert oldest.folio == people_db.first_folio
