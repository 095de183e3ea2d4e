"""The person record driven like a user: opened from the list (Enter, double click, search
without accents, scanner), household links, edit and delete with the history of changes."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from ui_helpers import actor_of, record_loaded, show_window

from albergue_desktop.services import people, stays
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.services.people import MemberInput
from albergue_desktop.storage.tables import IdentityDocumentBase, VaccinationBase
from albergue_desktop.ui import people_model as pm
from albergue_desktop.ui.main_window import MainWindow


@pytest.fixture
def family(db, center):
    def m(given, surnames, sex, relationship, birth, **extra):
        return MemberInput(given_names=given, surnames=surnames, sex=sex, birth_date=birth,
                           relationship=relationship, nationality="HT", **extra)
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=[
        m("Josè", "Saint-Vil", "M", "head", date(1985, 3, 2), phone="6861234567",
          documents=[IdentityDocumentBase(doc_type="passport", number="PP1234567",
                                          issuing_country="HT")],
          vaccinations=[VaccinationBase(vaccine="covid19", brand="pfizer", dose=1,
                                        date=date(2021, 6, 1))]),
        m("Nadège", "Saint-Vil", "F", "spouse", date(1988, 7, 9),
          specific_needs=["WR-LC", "SM-CI"]),
        m("Ti-Jean", "Saint-Vil", "M", "child", date(2016, 1, 20))])
    stays.check_in(db, SYSTEM, person_id=reg.person_ids[0], center_id=center.id)
    return reg


def _window(qtbot, db, role, center):
    window = show_window(qtbot, MainWindow(db, actor_of(role, center.id)))
    qtbot.waitUntil(lambda: window.people.model.rowCount() > 0)  # the first page: worker
    return window


def _search(qtbot, window, text):
    box = window.people.search_box
    box.clear()
    qtbot.keyClicks(box, text)
    qtbot.waitUntil(lambda: window.tasks.pending == 0
                    and window.results_label.text().endswith(f"“{text}”"))


def test_search_without_accents_then_enter_opens_the_record(db, center, family, qtbot):
    window = _window(qtbot, db, "coordinacion", center)
    _search(qtbot, window, "jose")
    assert window.results_label.text() == "1 resultado para “jose”"
    qtbot.keyClick(window.people.search_box, Qt.Key.Key_Down)  # into the list
    qtbot.keyClick(window.people.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: record_loaded(window, family.folios[0]) is not None)
    view = window.current_record()
    assert view.name_label.text() == "Josè SAINT-VIL"
    assert view.summary_label.text() == \
        f"{family.folios[0]} · En albergue · Centro 03 · Centro Comunitario 3"
    assert window.tabs.tabText(window.tabs.currentIndex()) == family.folios[0]
    values = {k: v.text() for k, v in view.values.items()}
    assert values["sex"] == "Hombre" and values["nationality"] == "Haití"
    assert values["relationship"] == "Jefe(a) de familia" and values["phone"] == "6861234567"
    assert values["birth_date"].startswith("02/03/1985 (")
    assert "Pasaporte" in view.documents_label.text() and "PP1234567" in \
        view.documents_label.text()
    assert "COVID-19" in view.vaccinations_label.text()
    assert "Centro Comunitario 3" in view.stays_label.text()
    assert "Registro creado" in view.history_label.text()
    window.close()


def test_double_click_opens_and_household_links_open_the_members(db, center, family, qtbot):
    window = _window(qtbot, db, "coordinacion", center)
    table = window.people.table
    row = window.people.model.row_of_folio(family.folios[2])
    rect = table.visualRect(window.people.model.index(row, pm.COL_NAME))
    # a real double click: press and release, then the double click
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: record_loaded(window, family.folios[2]) is not None)
    view = window.current_record()
    assert set(view.member_buttons) == {family.person_ids[0], family.person_ids[1]}
    qtbot.mouseClick(view.member_buttons[family.person_ids[1]], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: record_loaded(window, family.folios[1]) is not None)
    assert len(window.records) == 2
    # the same person again: its tab, not a second one
    window.open_person(family.person_ids[2])
    assert len(window.records) == 2 and window.current_record() is view
    qtbot.keyClick(view, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert len(window.records) == 1
    window.close()


def test_edit_through_the_record_and_the_history_shows_it(db, center, family, qtbot):
    window = _window(qtbot, db, "registro", center)
    view = window.open_person(family.person_ids[0])
    qtbot.waitUntil(lambda: view.record is not None)
    qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = view._dialog
    assert dialog.isVisible()
    qtbot.waitUntil(dialog.editors["given_names"].hasFocus)
    surnames, phone = dialog.editors["surnames"], dialog.editors["phone"]
    surnames.selectAll()
    qtbot.keyClicks(surnames, "Saint-Vil Pierre")
    phone.clear()
    qtbot.keyClicks(phone, "abc")
    qtbot.keyClick(phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.saving)  # the service answers on the worker
    assert dialog.isVisible()  # an invalid phone: nothing saved, the message by the field
    assert dialog.errors["phone"].isVisible()
    assert dialog.errors["phone"].text() == "Número de teléfono no válido."
    assert dialog.message.text() == "Los datos tienen errores; no se guardó nada."
    assert people.get_person(db, SYSTEM, family.person_ids[0]).surnames == "Saint-Vil"
    phone.clear()
    qtbot.keyClicks(phone, "6869876543")
    with qtbot.waitSignal(view.loaded):
        qtbot.keyClick(phone, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    saved = people.get_person(db, SYSTEM, family.person_ids[0])
    assert (saved.surnames, saved.phone, saved.given_names) == (
        "Saint-Vil Pierre", "6869876543", "Josè")  # only the changed fields were sent
    assert view.name_label.text() == "Josè SAINT-VIL PIERRE"
    history = view.history_label.text()
    assert "Registro modificado" in history and "registro" in history
    assert "Apellidos: Saint-Vil → Saint-Vil Pierre" in history
    assert "Teléfono: 6861234567 → 6869876543" in history
    assert "Nombre(s)" not in history  # unchanged fields are not in the change
    qtbot.waitUntil(lambda: window.people.model.row_of_folio(family.folios[0]) is not None)
    row = window.people.model.row_of_folio(family.folios[0])
    assert window.people.model.person(row).surnames == "Saint-Vil Pierre"  # list refreshed
    window.close()


def test_cancelling_an_edit_with_changes_asks_first(db, center, family, qtbot, monkeypatch):
    window = _window(qtbot, db, "coordinacion", center)
    view = window.open_person(family.person_ids[0])
    qtbot.waitUntil(lambda: view.record is not None)
    view.edit()
    dialog = view._dialog
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not dialog.isVisible()
    view.edit()
    dialog = view._dialog
    qtbot.keyClicks(dialog.editors["given_names"], "x")
    answers = [False, True]
    monkeypatch.setattr(dialog, "confirm_discard", lambda: answers.pop(0))
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible()  # kept: the user chose to stay
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and answers == []
    assert people.get_person(db, SYSTEM, family.person_ids[0]).given_names == "Josè"
    window.close()


def test_delete_needs_a_reason_and_refreshes_list_and_total(db, center, family, qtbot):
    window = _window(qtbot, db, "coordinacion", center)
    qtbot.waitUntil(lambda: window.count_label.text() == "3 personas")
    view = window.open_person(family.person_ids[2])
    qtbot.waitUntil(lambda: view.record is not None)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    dialog = view._dialog
    assert not dialog.delete_button.isEnabled()  # a reason is required
    qtbot.waitUntil(dialog.reason_edit.hasFocus)
    qtbot.keyClicks(dialog.reason_edit, "Registrado dos veces")
    assert dialog.delete_button.isEnabled()
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.count_label.text() == "2 personas")
    assert family.person_ids[2] not in window.records
    assert window.tabs.currentWidget() is window.people
    assert window.statusBar().currentMessage() == "El registro fue eliminado."
    qtbot.waitUntil(lambda: window.people.model.rowCount() == 2)
    assert window.people.model.row_of_folio(family.folios[2]) is None
    deleted = people.get_person(db, SYSTEM, family.person_ids[2])
    assert deleted.deleted and deleted.delete_reason == "Registrado dos veces"
    # the record still opens, marked as deleted, with no actions
    view = window.open_person(family.person_ids[2])
    qtbot.waitUntil(lambda: view.record is not None)
    assert view.banner.isVisible() and "Registrado dos veces" in view.banner.text()
    assert "Registro eliminado" in view.history_label.text()
    assert not view.edit_button.isEnabled() and not view.delete_button.isEnabled()
    window.close()
