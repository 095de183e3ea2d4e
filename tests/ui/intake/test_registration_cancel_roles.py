"""Esc asks before discarding typed data; clinical specific needs are offered only to roles
that may see health data; members start blank unless asked to copy from the head."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlmodel import select

from albergue_desktop.storage.tables import Household, Person


def test_esc_on_an_untouched_form_closes_without_asking(open_dialog, keyboard):
    dialog = open_dialog()
    keyboard.key(Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.discard_box is None
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_esc_with_typed_data_asks_for_confirmation(open_dialog, keyboard, qtbot):
    dialog = open_dialog()
    keyboard.type("Marie")
    keyboard.key(Qt.Key.Key_Escape)
    box = dialog.discard_box
    assert dialog.isVisible() and box is not None and box.isVisible()
    assert box.text() == "¿Descartar lo que se escribió? No se ha guardado nada."
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # "Seguir registrando" is the safe answer
    assert not box.isVisible() and dialog.isVisible()
    assert dialog.current_form().basic.given_names.text() == "Marie"

    keyboard.key(Qt.Key.Key_Escape)
    box = dialog.discard_box
    assert sorted(b.text() for b in box.buttons()) == ["Descartar", "Seguir registrando"]
    discard = next(b for b in box.buttons() if b.text() == "Descartar")
    qtbot.mouseClick(discard, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_registro_is_not_offered_clinical_needs(open_dialog):
    needs = open_dialog("registro").current_form().needs.needs
    assert {"SC-UC", "WR-LC", "DS-PM", "LP-ND"} <= set(needs)
    assert not [c for c in needs if c.startswith("SM-") or c == "CR-TP"]
    assert needs["SC-UC"].text() == "SC-UC  Niña(o) no acompañada(o)"


def test_supervision_records_clinical_needs(open_dialog, keyboard, qtbot, db):
    dialog = open_dialog("supervision")
    form = dialog.current_form()
    assert {"SM-CI", "SM-DP", "SM-MI", "SM-MN", "CR-TP"} <= set(form.needs.needs)
    for value in ("Nadege", "Saint-Vil", "M", "02/03/1970"):  # QTest types ASCII only
        keyboard.field(value)
    form.needs.needs["SM-CI"].setChecked(True)
    form.needs.consent_given.setChecked(True)
    dialog.address.setText("Calle Reforma 123, Mexicali")
    with qtbot.waitSignal(dialog.household_registered, timeout=5000):
        keyboard.ctrl(Qt.Key.Key_S)
    with db.session() as s:
        (person,) = s.exec(select(Person)).all()
        household = s.get(Household, person.household_id)
    assert household.address == "Calle Reforma 123, Mexicali"
    assert person.specific_needs == ["SM-CI"]
    assert person.consent_given and person.consent_by == "supervision1"
    assert person.consent_at is not None and person.consent_purposes.startswith(
        "Registro censal; Atención médica")


def test_a_new_member_starts_with_the_shared_fields_and_copies_more_when_asked(
        open_dialog, keyboard):
    dialog = open_dialog()
    head = dialog.current_form().basic
    for value in ("Marie-Claude", "Joseph", "M", "14/05/1990"):
        keyboard.field(value)
    keyboard.enter()  # past "edad en duda"
    keyboard.field("Hai")
    head.phone.setText("686 555 0101")
    keyboard.ctrl(Qt.Key.Key_N)
    member = dialog.current_form().basic
    # surnames, nationality and arrival date carry over; the contact only when asked
    assert member.nationality.code() == "HT" and member.phone.text() == ""
    assert member.surnames.text() == "Joseph" and member.arrival_date.text() == "15/01/2022"
    member.same_nationality.setChecked(True)
    member.same_contact.setChecked(True)
    assert member.nationality.code() == "HT" and member.phone.text() == "686 555 0101"
    head.nationality.set_code("DO")  # the copies follow the head
    assert member.nationality.code() == "DO"
    member.same_nationality.setChecked(False)
    assert member.nationality.isEnabled()


def test_register_another_household_starts_from_a_blank_form(open_dialog, keyboard, qtbot):
    dialog = open_dialog()
    for value in ("Wilner", "Louis", "H", "03/02/1988"):
        keyboard.field(value)
    with qtbot.waitSignal(dialog.household_registered, timeout=5000):
        keyboard.ctrl(Qt.Key.Key_S)
    qtbot.keyClick(dialog.confirmation, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 0)  # "Registrar &otro núcleo"
    assert len(dialog.member_forms()) == 1
    form = dialog.current_form()
    assert form.basic.given_names.text() == "" and not form.has_input()
    assert keyboard.focus is form.basic.given_names


def test_members_are_added_switched_and_removed_with_the_keyboard(open_dialog, keyboard):
    dialog = open_dialog()
    keyboard.type("Marie-Claude")
    keyboard.ctrl(Qt.Key.Key_N)
    keyboard.ctrl(Qt.Key.Key_N)
    keyboard.key(Qt.Key.Key_H)    # Hijo(a)
    assert dialog.members.count() == 3 and dialog.members.currentRow() == 2
    keyboard.key(Qt.Key.Key_PageUp, Qt.KeyboardModifier.AltModifier)
    assert dialog.members.currentRow() == 1
    assert keyboard.focus is dialog.current_form().basic.relationship
    dialog.remove_current_member()  # nothing typed for this member: no question asked
    assert [dialog.members.item(i).text() for i in range(2)] == [
        "1. Jefe(a) de familia: Marie-Claude", "2. Hijo(a): (sin nombre aún)"]
    assert dialog.members_title.text() == "Integrantes del núcleo: 2"
    dialog.select_member(0)
    assert not dialog.remove_button.isEnabled()  # the head stays
