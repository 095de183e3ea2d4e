"""The edit dialog of the person record, driven like a user: correcting a document number
(then searching by it), removing a vaccination with its reason (asked in a dialog), languages,
work and consent, errors by their fields on the right page, and the history of changes."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlmodel import select
from ui_helpers import actor_of, show_window, when_visible

from albergue_desktop.services import people
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.services.people import MemberInput
from albergue_desktop.storage.tables import (
    IdentityDocument, IdentityDocumentBase, Person, Vaccination, VaccinationBase,
)
from albergue_desktop.ui.main_window import MainWindow
from albergue_desktop.ui.records.edit_rows import ReasonDialog


@pytest.fixture
def josue(db, center):
    return people.register_household(db, SYSTEM, center_id=center.id, members=[MemberInput(
        given_names="Josè", surnames="Saint-Vil", sex="M", birth_date=date(1985, 3, 2),
        relationship="head", nationality="HT", consent_given=True, consent_by="registro1",
        consent_purposes="Registro censal; Atención médica",
        languages=[{"code": "ht", "level": "native"}],
        documents=[IdentityDocumentBase(doc_type="passport", number="PP1234567",
                                        issuing_country="HT")],
        vaccinations=[VaccinationBase(vaccine="covid19", brand="pfizer", dose=1,
                                      date=date(2021, 6, 1)),
                      VaccinationBase(vaccine="bcg", dose=1, date=date(1985, 4, 1))])])


def _edit(qtbot, db, center, person_id, role="registro"):
    window = show_window(qtbot, MainWindow(db, actor_of(role, center.id, f"{role}1")))
    view = window.open_person(person_id)
    qtbot.waitUntil(lambda: view.record is not None)
    qtbot.keyClick(view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    dialog = view._dialog
    qtbot.waitUntil(dialog.editors["given_names"].hasFocus)
    return window, view, dialog


def _retype(qtbot, widget: QLineEdit, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def test_correct_a_document_remove_a_vaccine_and_the_history_shows_both(db, center, josue,
                                                                       qtbot):
    window, view, dialog = _edit(qtbot, db, center, josue.person_ids[0])
    dialog.tabs.setCurrentWidget(dialog.identity)
    (doc_row,) = dialog.documents.rows
    _retype(qtbot, doc_row.widgets["number"], "PP 7654321")
    dialog.tabs.setCurrentWidget(dialog.vaccines)
    bcg_row, covid_row = dialog.vaccinations.rows  # by date, as in the record
    assert bcg_row.widgets["vaccine"].code() == "bcg"

    seen = []

    def answer(reason_dialog: ReasonDialog) -> None:
        seen.append((reason_dialog.question.text(), reason_dialog.remove_button.isEnabled()))
        qtbot.keyClicks(reason_dialog.reason_edit, "No consta en la cartilla")
        qtbot.mouseClick(reason_dialog.remove_button, Qt.MouseButton.LeftButton)
        if reason_dialog.isVisible():  # never leave a test waiting on a modal dialog
            reason_dialog.reject()

    timer = when_visible(ReasonDialog, answer)
    qtbot.mouseClick(bcg_row.remove_button, Qt.MouseButton.LeftButton)
    timer.stop()
    (question, enabled_before_typing), = seen
    assert question == ("¿Por qué se quita «BCG · dosis 1 · 01/04/1985»? El motivo queda en "
                        "el historial de cambios.")
    assert not enabled_before_typing  # a reason is required
    assert dialog.vaccinations.rows == [covid_row]
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    with qtbot.waitSignal(view.loaded):
        qtbot.keyClick(covid_row.widgets["lot"], Qt.Key.Key_S,
                       Qt.KeyboardModifier.ControlModifier)
    assert dialog.message.text() == ""
    assert not dialog.isVisible()
    assert "PP 7654321" in view.documents_label.text()
    assert "BCG" not in view.vaccinations_label.text()
    history = view.history_label.text()
    assert "Documento modificado" in history and "Número: PP1234567 → PP 7654321" in history
    assert "Vacuna quitada" in history and "Motivo: No consta en la cartilla" in history
    folio = josue.folios[0]
    assert [r.folio for r in people.search_people(db, SYSTEM, "PP7654321")] == [folio]
    assert people.search_people(db, SYSTEM, "PP1234567") == []
    window.close()


def test_cancelling_the_reason_keeps_the_row(db, center, josue, qtbot):
    window, view, dialog = _edit(qtbot, db, center, josue.person_ids[0])
    dialog.vaccinations.ask_reason = lambda what: None
    row = dialog.vaccinations.rows[0]
    row.remove_button.click()
    assert row in dialog.vaccinations.rows and dialog.vaccinations.removed == {}
    assert not dialog.has_changes()
    dialog.done(0)
    window.close()


def test_errors_show_by_their_fields_and_nothing_is_saved(db, center, josue, qtbot):
    window, view, dialog = _edit(qtbot, db, center, josue.person_ids[0])
    (doc_row,) = dialog.documents.rows
    doc_row.widgets["number"].clear()
    new_vac = dialog.vaccinations.add_row()
    new_vac.widgets["vaccine"].set_code("tdap")
    new_vac.widgets["date"].setText("01/01/2030")
    dialog.tabs.setCurrentWidget(dialog.basic)
    dialog.save()
    qtbot.waitUntil(lambda: not dialog.saving)  # the service answers on the worker
    assert dialog.isVisible()
    assert dialog.message.text() == "Los datos tienen errores; no se guardó nada."
    assert doc_row.slots["number"].error.text() == "Este campo es obligatorio."
    assert new_vac.slots["date"].error.text() == "La fecha no puede ser futura."
    assert dialog.tabs.currentWidget() is dialog.identity  # the first page with an error
    marked = [not dialog.tabs.tabIcon(i).isNull() for i in range(dialog.tabs.count())]
    assert marked == [False, True, False, True, False]
    with db.session() as s:
        assert s.exec(select(IdentityDocument)).one().number == "PP1234567"
        assert len(s.exec(select(Vaccination)).all()) == 2
    dialog.done(0)
    window.close()


def test_languages_work_and_consent_withdrawal(db, center, josue, qtbot):
    window, view, dialog = _edit(qtbot, db, center, josue.person_ids[0], role="coordinacion")
    skills = dialog.skills
    skills.language_levels["es"].set_code("basic")
    job = skills.work.add_row()
    qtbot.keyClicks(job.widgets["occupation"], "Carpintero")
    qtbot.keyClicks(job.widgets["years"], "6")
    page = dialog.needs
    assert page.consent_given.isChecked()
    assert [c.text() for c in page.purposes if c.isChecked()] == [
        "Registro censal", "Atención médica"]
    assert "registro1" in page.recorded.text()
    page.consent_given.setChecked(False)
    assert not any(c.isEnabled() for c in page.purposes)
    with qtbot.waitSignal(view.loaded):
        dialog.save()
    saved = people.get_person(db, SYSTEM, josue.person_ids[0])
    assert sorted((x["code"], x["level"]) for x in saved.languages) == [
        ("es", "basic"), ("ht", "native")]
    assert saved.work_experience == [{"occupation": "Carpintero", "years": 6}]
    assert (saved.consent_given, saved.consent_by, saved.consent_purposes) == (
        False, "coordinacion1", None)
    history = view.history_label.text()
    assert "Consentimiento otorgado: Sí → No" in history
    assert "Consentimiento registrado por: registro1 → coordinacion1" in history
    assert "Experiencia laboral: — → Carpintero (6 años)" in history
    window.close()


def test_registro_gets_no_clinical_needs_in_the_dialog_and_saves_keep_them(db, center, qtbot):
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=[MemberInput(
        given_names="Nadège", surnames="Pierre", sex="F", birth_date=date(1988, 7, 9),
        relationship="head", nationality="HT", specific_needs=["WR-LC", "SM-CI"])])
    window, view, dialog = _edit(qtbot, db, center, reg.person_ids[0])
    codes = [dialog.needs_list.item(i).data(Qt.ItemDataRole.UserRole)
             for i in range(dialog.needs_list.count())]
    assert "WR-LC" in codes and not [c for c in codes if c.startswith(("SM-", "CR-TP"))]
    sp = codes.index("SP-PT")
    dialog.needs_list.item(sp).setCheckState(Qt.CheckState.Checked)
    with qtbot.waitSignal(view.loaded):
        dialog.save()
    with db.session() as s:
        assert sorted(s.get(Person, reg.person_ids[0]).specific_needs) == [
            "SM-CI", "SP-PT", "WR-LC"]
    window.close()


def test_tab_walks_every_page_in_order_before_the_buttons(db, center, josue, qtbot):
    window, view, dialog = _edit(qtbot, db, center, josue.person_ids[0])
    (doc_row,) = dialog.documents.rows
    order = []
    for _ in range(80):
        widget = QApplication.focusWidget()
        if widget is dialog.needs.consent_given:
            break
        order.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.needs.consent_given
    pages = [dialog.tabs.indexOf(p) for w in order for p in (dialog.basic, dialog.identity,
             dialog.skills, dialog.vaccines, dialog.needs) if p.isAncestorOf(w)]
    assert len(pages) == len(order) and pages == sorted(pages)  # no button in between
    assert set(pages) == {0, 1, 2, 3, 4}
    position = order.index(dialog.editors["migratory_status_until"])
    assert order[position + 1] is doc_row.widgets["doc_type"]
    assert dialog.documents.add_button in order and dialog.vaccinations.add_button in order
    dialog.done(0)
    window.close()


def test_age_in_doubt_is_ticked_in_the_record_edit_and_shown(db, center, josue, qtbot):
    window, view, dialog = _edit(qtbot, db, center, josue.person_ids[0])
    box = dialog.editors["age_in_doubt"]
    assert box.text() == "Edad en duda: se presume menor de edad" and not box.isChecked()
    box.setChecked(True)
    with qtbot.waitSignal(view.loaded):
        dialog.save()
    assert people.get_person(db, SYSTEM, josue.person_ids[0]).age_in_doubt is True
    assert "Edad en duda: No → Sí" in view.history_label.text()
    assert "edad en duda: se presume menor de edad" in view.values["birth_date"].text()
    window.close()
