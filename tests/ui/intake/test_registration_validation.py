"""Validation as the user types: Spanish messages next to the field, saving blocked only by
real errors, nothing written on error; the service's errors mapped back to the fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import text
from sqlmodel import select
from stdnum.mx import curp as stdnum_curp

from albergue_desktop.domain.errors import FieldError, ValidationError
from albergue_desktop.storage.tables import Person


def people_count(db) -> int:
    with db.session() as s:
        return s.connection().execute(text("SELECT count(*) FROM person")).scalar()


def error_of(form, key: str):
    """The error label shown next to the field with validation path ``key``."""
    (slot,) = [s for s in form.slots() if s.key == key]
    return slot.error


def shown(label) -> str:
    """The messages of an error label (on any page of the form, current or not)."""
    return label.text() if not label.isHidden() else ""


def test_bad_curp_and_future_birth_date_are_shown_next_to_the_fields_and_block_saving(
        open_dialog, keyboard, db, qtbot):
    dialog = open_dialog()
    form = dialog.current_form()
    kb = keyboard
    kb.field("Marie-Claude")
    kb.field("Joseph")
    kb.field("M")
    kb.field("14/05/2030")        # leaving the field shows its message at once
    birth_error = error_of(form, "birth_date")
    qtbot.waitUntil(lambda: shown(birth_error) == "La fecha de nacimiento no puede ser futura.")

    kb.ctrl(Qt.Key.Key_PageDown)
    kb.tab()                      # CURP
    assert kb.focus is form.documents.curp
    kb.type("JOSM900514MNEXXX0")  # 17 characters: a message as soon as the field is left
    kb.tab()
    curp_error = error_of(form, "curp")
    qtbot.waitUntil(lambda: shown(curp_error) == "CURP no válida: longitud incorrecta.")
    form.documents.curp.setFocus()
    kb.type("9")                  # 18 characters with a wrong check digit: updated as typed
    qtbot.waitUntil(lambda: shown(curp_error) == "CURP no válida: dígito verificador "
                                                 "incorrecto.")

    kb.ctrl(Qt.Key.Key_S)
    assert people_count(db) == 0 and dialog.isVisible()
    assert dialog.status.text() == "Corrija los campos marcados; no se guardó nada."
    assert form.currentIndex() == 0 and kb.focus is form.basic.birth_date  # first error
    assert not form.tabIcon(0).isNull() and not form.tabIcon(1).isNull()  # both pages marked

    # fixing both clears the messages as the user types, and the household saves
    form.basic.birth_date.selectAll()
    kb.type("14/05/1990")
    body = "JOSM900514MNESSR0"
    form.documents.curp.setFocus()
    form.documents.curp.selectAll()
    kb.type(body + stdnum_curp.calc_check_digit(body))
    qtbot.waitUntil(lambda: not shown(birth_error) and not shown(curp_error))
    with qtbot.waitSignal(dialog.household_registered, timeout=5000):
        kb.ctrl(Qt.Key.Key_S)
    with db.session() as s:
        (person,) = s.exec(select(Person)).all()
    assert person.curp == "JOSM900514MNESSR0" + stdnum_curp.calc_check_digit(body)


def test_a_curp_that_contradicts_the_date_of_birth_is_an_error(open_dialog, keyboard, qtbot):
    dialog = open_dialog()
    form = dialog.current_form()
    keyboard.field("Jean")
    keyboard.field("Pierre")
    keyboard.field("H")
    keyboard.field("01/01/1985")
    body = "PIXJ900514HNERXN0"  # valid CURP of someone born 1990-05-14
    form.documents.curp.setText(body + stdnum_curp.calc_check_digit(body))
    form.show_all_errors = True
    form.refresh_errors()
    assert shown(error_of(form, "curp")) == "La CURP no coincide con la fecha de nacimiento."


def test_required_fields_are_flagged_only_once_left_or_on_save(open_dialog, keyboard, db):
    dialog = open_dialog()
    form = dialog.current_form()
    form.refresh_errors()
    assert not any(shown(slot.error) for slot in form.slots())  # a new form is not red
    keyboard.enter()              # leave the empty given names
    form.refresh_errors()
    assert shown(error_of(form, "given_names")) == "Este campo es obligatorio."
    assert not shown(error_of(form, "sex"))
    keyboard.ctrl(Qt.Key.Key_S)
    assert shown(error_of(form, "sex")) == "Este campo es obligatorio."
    assert shown(error_of(form, "birth_date")) == "Este campo es obligatorio."
    assert people_count(db) == 0


def test_unreadable_dates_and_ages_are_explained(open_dialog, keyboard, qtbot):
    dialog = open_dialog()
    form = dialog.current_form()
    form.basic.birth_date.setText("31/02/1990")
    form.basic.arrival_date.setText("ayer")
    form.show_all_errors = True
    form.refresh_errors()
    assert shown(error_of(form, "birth_date")) == "Esa fecha no existe."
    assert shown(error_of(form, "arrival_date")) == "Escriba la fecha como dd/mm/aaaa."
    form.basic.birth_date.clear()
    form.basic.age.setText("130")
    form.refresh_errors()
    assert shown(error_of(form, "age")) == "Escriba un número de 0 a 120."


def test_service_errors_are_shown_next_to_the_member_fields(open_dialog, keyboard):
    dialog = open_dialog()
    keyboard.ctrl(Qt.Key.Key_N)
    spouse = dialog.current_form()
    dialog.select_member(0)
    dialog.flow.show_service_errors(ValidationError([
        FieldError("members.1.curp", "Invalid CURP: {reason}.", {"reason": "wrong length"}),
        FieldError("members", "A household needs exactly one head.")]))
    assert dialog.current_form() is spouse  # the member with the error is shown
    assert shown(error_of(spouse, "curp")) == "CURP no válida: longitud incorrecta."
    assert "Un núcleo familiar necesita exactamente un jefe o jefa." in dialog.status.text()


def test_a_refusal_of_the_service_is_shown_and_nothing_is_written(open_dialog, keyboard, db,
                                                                 qtbot):
    dialog = open_dialog(role="salud")  # health staff may not register people
    for value in ("Rose", "Louis", "M", "09/07/1995"):
        keyboard.field(value)
    keyboard.ctrl(Qt.Key.Key_S)
    qtbot.waitUntil(lambda: "No tiene permiso" in dialog.status.text())
    assert dialog.status.text() == "No tiene permiso para registrar personas."
    assert people_count(db) == 0
    assert dialog.save_button.isEnabled() and dialog.current_form().isEnabled()
