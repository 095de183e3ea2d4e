"""The people table model: columns, Spanish labels, lazy keyset paging, fixed result lists."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt

from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage import queries
from albergue_desktop.ui import people_model as pm
from albergue_desktop.ui.people_list import _load_page

TODAY = date(2024, 5, 2)


def _browse(people_db, page_size=50):
    calls = []

    def loader(before, limit):
        calls.append(before)
        return _load_page(people_db.db, SYSTEM, before, limit)

    model = pm.PeopleModel(page_size=page_size, today=TODAY)
    model.browse(loader)
    return model, calls


def _fetch_all(model):
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())


def _row_values(model, folio):
    row = model.row_of_folio(folio)
    assert row is not None, folio
    return [model.data(model.index(row, c)) for c in range(pm.COLUMN_COUNT)]


def test_model_passes_qt_model_tester_while_paging(people_db, qtmodeltester):
    model, _ = _browse(people_db)
    model.fetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)
    # the tester stays connected and checks every insert and reset that follows
    _fetch_all(model)
    with people_db.db.session() as s:
        model.set_rows(queries.find_people(session=s, text_query="louis", limit=20))
    assert model.rowCount() == 20


def test_headers_are_spanish():
    model = pm.PeopleModel()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(pm.COLUMN_COUNT)]
    assert headers == ["Folio", "Nombre", "Sexo", "Edad", "Nacionalidad", "Centro", "Cama",
                       "Estado"]
    assert model.headerData(0, Qt.Orientation.Vertical) is None


def test_columns_show_labels_estimated_age_and_bed(people_db):
    model, _ = _browse(people_db)
    model.fetchMore(QModelIndex())
    assert _row_values(model, people_db.estimated_folio) == [
        people_db.estimated_folio, "Josè SAINT-VIL", "Hombre", "~34", "Haití",
        "Centro Comunitario 3", "", "Registrado"]
    assert _row_values(model, people_db.bed_folio) == [
        people_db.bed_folio, "Nadège SAINT-VIL", "Mujer", "34", "Haití",
        "Centro Comunitario 3", people_db.bed_code, "En albergue"]
    row = model.row_of_folio(people_db.estimated_folio)
    assert model.data(model.index(row, pm.COL_AGE), Qt.ItemDataRole.ToolTipRole) == \
        "Edad estimada"
    person = model.data(model.index(row, pm.COL_NAME), pm.PERSON_ROLE)
    assert person.folio == people_db.estimated_folio and person.given_names == "Josè"


def test_fetch_more_pages_through_everyone_newest_first(people_db):
    model, calls = _browse(people_db, page_size=50)
    assert model.rowCount() == 0 and model.canFetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 50 and model.canFetchMore(QModelIndex())
    _fetch_all(model)
    rowids = [model.person(r).rowid for r in range(model.rowCount())]
    assert len(rowids) == people_db.total == len(set(rowids))
    assert rowids == sorted(rowids, reverse=True)
    # keyset paging: each page starts below the last row of the one before
    assert calls[0] is None and calls[1] == rowids[49] and calls[2] == rowids[99]
    assert not model.canFetchMore(QModelIndex())
    assert model.row_of_folio(people_db.first_folio) == people_db.total - 1


def test_fetch_more_stops_on_a_short_page(people_db):
    model, calls = _browse(people_db, page_size=200)
    _fetch_all(model)
    assert model.rowCount() == people_db.total and len(calls) == 2


def test_set_rows_replaces_the_list_and_stops_paging(people_db, qtbot):
    model, _ = _browse(people_db)
    model.fetchMore(QModelIndex())
    with people_db.db.session() as s:
        rows = queries.find_people(session=s, text_query="saint vil")
    with qtbot.waitSignals([model.modelAboutToBeReset, model.modelReset]):
        model.set_rows(rows)
    assert model.rowCount() == 2 and not model.canFetchMore(QModelIndex())
    assert {model.data(model.index(r, pm.COL_NAME)) for r in range(2)} == {
        "Josè SAINT-VIL", "Nadège SAINT-VIL"}
    assert model.data(model.index(5, 0)) is None  # outside the rows


def test_packed_lines_read_back_as_the_rows_loaded():
    rows = [queries.PersonRow(9, "id-1", "MXL-03-000009", "Ana\x1fMaría", "Pierre", "F",
                              date(1990, 2, 3), True, "HT", "03", "Centro 3", "A-01",
                              "present", "hh-1"),
            queries.PersonRow(8, "id-2", None, "Jean", "Louis", "M", None, False, None, None,
                              None, None, "registered", None)]
    model = pm.PeopleModel(today=TODAY)
    model.set_rows(rows)
    assert model.person(1) == rows[1]
    first = model.person(0)
    assert first.given_names == "Ana María"  # a separator inside a value does not shift fields
    assert (first.list_key, first.folio, first.birth_date, first.birth_date_estimated,
            first.bed_code, first.household_id) == (9, "MXL-03-000009", date(1990, 2, 3),
                                                    True, "A-01", "hh-1")
    assert model.row_of_folio("mxl-03-000009") == 0 and model.row_of_folio("X") is None
    assert model.data(model.index(1, pm.COL_FOLIO)) == ""
