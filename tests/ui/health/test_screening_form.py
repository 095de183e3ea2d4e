"""The screening form computes the IITT colour, reasons and flags live as values are typed,
saves each visit as a new record, and is only for the roles that record health data."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import text
from sqlmodel import func, select

from albergue_desktop.domain.clinical_enums import ApparentAge, Symptom
from albergue_desktop.domain.errors import PermissionDenied
from albergue_desktop.domain.triage import ScreeningInput
from albergue_desktop.services import screening
from albergue_desktop.services.context import Actor
from albergue_desktop.storage.tables import Screening
from albergue_desktop.ui.health.dialog import ScreeningDialog
from albergue_desktop.ui.records.view import PersonRecordView

NURSE = Actor("enf1", "salud")


def open_dialog(qtbot, db, tasks, person_ids, actor=NURSE) -> ScreeningDialog:
    dialog = ScreeningDialog(db, actor, person_ids, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.facts is not None)
    return dialog


def type_value(qtbot, dialog, name: str, text: str) -> None:
    edit = dialog.form.fields[name].edit
    edit.clear()
    qtbot.keyClicks(edit, text)


def tick(qtbot, box) -> None:
    """Click a check box on its indicator, as a user does."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def badge(dialog) -> str:
    return dialog.panel.badge.text()


def saved_rows(db, person_id) -> list[Screening]:
    with db.session() as s:
        return list(s.exec(select(Screening).where(Screening.person_id == person_id)
                           .order_by(Screening.change_seq)))


def test_colour_and_reasons_are_live_and_each_visit_is_a_new_record(db, family, tasks,
                                                                      qtbot):
    dialog = open_dialog(qtbot, db, tasks, [family.mother])
    assert badge(dialog) == "VERDE" and not dialog.save_button.isEnabled()  # nothing typed
    for name, text in (("temperature_c", "36.8"), ("heart_rate", "88"),
                       ("respiratory_rate", "18"), ("spo2", "97")):
        type_value(qtbot, dialog, name, text)
    assert badge(dialog) == "VERDE"
    assert "Estado de conciencia" in dialog.panel.missing.text()  # AVPU not recorded yet
    type_value(qtbot, dialog, "spo2", "91")
    assert badge(dialog) == "AMARILLO"
    reasons = dialog.panel.reasons.text()
    assert "Saturación de oxígeno menor de 92 %" in reasons and "IITT-SPO2-LOW" in reasons
    assert "Fuente: IITT" in reasons
    assert dialog.panel.high_risk.text() == "Saturación de oxígeno (SpO2)"
    assert dialog.panel.consultation.text() == "Sí, candidato(a)"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(saved_rows(db, family.mother)) == 1)
    qtbot.waitUntil(lambda: "guardada: AMARILLO" in dialog.message.text())
    assert dialog.form.fields["spo2"].text() == ""  # ready for the next visit

    qtbot.waitUntil(lambda: dialog.facts is not None and dialog.facts.visits == 1)
    assert "Visitas anteriores: 1" in dialog.previous_label.text()
    for name, text in (("temperature_c", "36.6"), ("spo2", "98")):
        type_value(qtbot, dialog, name, text)
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(saved_rows(db, family.mother)) == 2)
    first, second = saved_rows(db, family.mother)
    assert (first.spo2, first.colour, first.screened_by) == (91, "yellow", "enf1")
    assert (second.spo2, second.colour) == (98, "green")
    assert first.id != second.id and second.corrects_id is None

    view = PersonRecordView(db, NURSE, family.mother, tasks)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.health.records is not None)
    table = view.health.table
    assert table.rowCount() == 2
    assert [table.item(r, 1).text() for r in range(2)] == ["VERDE", "AMARILLO"]  # latest 1st
    assert {table.item(r, 3).text() for r in range(2)} == {"enf1"}
    assert "Saturación de oxígeno menor de 92 %" in table.item(1, 2).text()


@pytest.mark.parametrize(("spo2", "colour", "high_risk"), [
    ("92", "VERDE", "ninguno"), ("91", "AMARILLO", "Saturación de oxígeno (SpO2)"),
    ("90", "AMARILLO", "Saturación de oxígeno (SpO2)"),
    ("89", "ROJO", "Saturación de oxígeno (SpO2)")])
def test_spo2_boundaries_in_the_form(db, family, tasks, qtbot, spo2, colour, high_risk):
    dialog = open_dialog(qtbot, db, tasks, [family.mother])
    type_value(qtbot, dialog, "spo2", spo2)
    assert badge(dialog) == colour
    assert dialog.panel.high_risk.text() == high_risk
    assert dialog.panel.urgent.text() == ("Sí" if spo2 == "89" else "No")


def test_child_thresholds_follow_the_age_band(db, family, tasks, qtbot):
    dialog = open_dialog(qtbot, db, tasks, [family.child])
    assert "3 años" in dialog.person_label.text()
    assert dialog.form.fields["heart_rate"].hint.text() == "Alto riesgo IITT: <80 o >160"
    type_value(qtbot, dialog, "heart_rate", "150")  # high for an adult, not at 3 years
    assert badge(dialog) == "VERDE"
    type_value(qtbot, dialog, "heart_rate", "161")
    assert badge(dialog) == "AMARILLO"
    assert "(de 1 a 4 años)" in dialog.panel.reasons.text()


def test_respiratory_screen_counts_symptoms_of_the_last_ten_days(db, family, tasks, qtbot):
    dialog = open_dialog(qtbot, db, tasks, [family.father])
    assert not dialog.form.pregnancy_box.isEnabled()  # no pregnancy for a man
    symptoms = dialog.form.symptoms
    tick(qtbot, symptoms.boxes[Symptom.COUGH])
    tick(qtbot, symptoms.boxes[Symptom.FEVER])
    tick(qtbot, symptoms.boxes[Symptom.SORE_THROAT])
    symptoms.days[Symptom.SORE_THROAT].setValue(11)
    assert "no cuenta" in symptoms.notes[Symptom.SORE_THROAT].text()
    # major symptoms without a minor one: never "Negativo", it says what is missing
    text = dialog.panel.respiratory.text()
    assert "Negativo" not in text and text.startswith("No cumple la definición")
    assert "falta: al menos un síntoma menor" in text
    assert dialog.panel.isolation.text() == "No" and badge(dialog) == "VERDE"
    symptoms.days[Symptom.SORE_THROAT].setValue(10)  # 10 days ago still counts
    assert dialog.panel.respiratory.text().startswith("Positivo")
    assert dialog.panel.isolation.text() == "Sí" and badge(dialog) == "AMARILLO"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(saved_rows(db, family.father)) == 1)
    row = saved_rows(db, family.father)[0]
    assert (row.respiratory_screen, row.needs_isolation) == ("positive", True)
    assert set(row.symptoms) == {"cough", "fever", "sore_throat"}


def test_typing_errors_block_saving_and_are_explained(db, family, tasks, qtbot):
    dialog = open_dialog(qtbot, db, tasks, [family.mother])
    type_value(qtbot, dialog, "systolic_bp", "90")
    type_value(qtbot, dialog, "diastolic_bp", "95")
    assert not dialog.save_button.isEnabled()
    assert "Presión diastólica: La presión diastólica debe ser menor" in \
        dialog.panel.errors.text()
    type_value(qtbot, dialog, "diastolic_bp", "60")
    assert dialog.save_button.isEnabled() and dialog.panel.errors.isHidden()
    tick(qtbot, dialog.form.pregnant)
    type_value(qtbot, dialog, "systolic_bp", "160")  # pregnant with SBP 160: RED
    assert badge(dialog) == "ROJO" and dialog.panel.obstetric.text() == "Sí"


def test_registro_cannot_screen_and_the_service_refuses(db, center, family, tasks, qtbot):
    registro = Actor("registro1", "registro", center.id)
    with pytest.raises(PermissionDenied):
        ScreeningDialog(db, registro, [family.mother], tasks)
    with pytest.raises(PermissionDenied):
        screening.record_screening(db, registro, person_id=family.mother,
                                   screening=ScreeningInput(spo2=97))
    view = PersonRecordView(db, registro, family.mother, tasks)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.record is not None)
    assert view.health is None  # no health section for registro
    with db.session() as s:
        assert s.exec(select(func.count()).select_from(Screening)).one() == 0


def test_measured_fever_with_cough_recommends_a_consultation(db, family, tasks, qtbot):
    dialog = open_dialog(qtbot, db, tasks, [family.father])
    tick(qtbot, dialog.form.symptoms.boxes[Symptom.COUGH])
    assert dialog.panel.consultation.text() == "No"
    type_value(qtbot, dialog, "temperature_c", "38.0")
    assert dialog.panel.consultation.text() == "Sí, candidato(a)"
    assert "fiebre medida" in dialog.panel.respiratory.text()
    assert "DGE-FEVER-RESP" in dialog.panel.reasons.text()


def test_card_signs_are_ticked_by_keyboard_and_judged(db, family, tasks, qtbot):
    dialog = open_dialog(qtbot, db, tasks, [family.father])
    form = dialog.form
    assert form.emergency_box.title() == "Signos de emergencia (ROJO): tarjeta IITT"
    assert form.priority_box.title() == "Signos de prioridad (AMARILLO): tarjeta IITT"
    assert "Estridor" in form.emergency.labels["stridor"].text()
    assert "(rojo en mayores de 50 años)" in form.emergency.labels["acute_chest_pain"].text()
    box = form.priority.boxes["wheezing"]
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)
    assert box.isChecked() and badge(dialog) == "AMARILLO"
    stiff = form.emergency.boxes["stiff_neck"]
    stiff.setFocus()
    qtbot.keyClick(stiff, Qt.Key.Key_Space)
    assert badge(dialog) == "AMARILLO"  # one of the "any two of" group only
    type_value(qtbot, dialog, "temperature_c", "38.5")  # measured fever: the second one
    assert badge(dialog) == "ROJO" and "IITT-ANY-TWO" in dialog.panel.reasons.text()
    qtbot.mouseClick(form.emergency.labels["stridor"], Qt.MouseButton.LeftButton)
    assert form.emergency.boxes["stridor"].isChecked()  # the wrapped text ticks the box too
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(saved_rows(db, family.father)) == 1)
    row = saved_rows(db, family.father)[0]
    assert set(row.signs) == {"wheezing", "stiff_neck", "stridor"} and row.colour == "red"
    qtbot.waitUntil(lambda: "guardada: ROJO" in dialog.message.text())
    assert not form.emergency.boxes["stridor"].isChecked()  # cleared for the next visit


def test_tab_goes_from_the_vitals_through_the_signs_to_the_symptoms(db, family, tasks, qtbot):
    dialog = open_dialog(qtbot, db, tasks, [family.father])
    form = dialog.form
    form.fields["height_cm"].edit.setFocus()
    qtbot.keyClick(form.fields["height_cm"].edit, Qt.Key.Key_Tab)
    assert form.emergency.first_box().hasFocus()
    form.emergency.last_box().setFocus()
    qtbot.keyClick(form.emergency.last_box(), Qt.Key.Key_Tab)
    assert form.priority.first_box().hasFocus()
    form.priority.last_box().setFocus()
    qtbot.keyClick(form.priority.last_box(), Qt.Key.Key_Tab)
    assert form.symptoms.boxes[Symptom.COUGH].hasFocus()


def test_apparent_age_only_without_a_date_of_birth(db, family, tasks, qtbot):
    with db.session("t") as s:
        s.connection().execute(text("UPDATE person SET birth_date = NULL WHERE id = :id"),
                               {"id": family.child})
    dialog = open_dialog(qtbot, db, tasks, [family.child])
    form = dialog.form
    assert form.apparent_age.isEnabled()
    type_value(qtbot, dialog, "heart_rate", "150")
    assert badge(dialog) == "AMARILLO"  # strictest band: > 130 is high risk for an adult
    assert "banda más estricta" in dialog.panel.age_note.text()
    form.apparent_age.setCurrentIndex(form.apparent_age.findData(ApparentAge.CHILD))
    assert badge(dialog) == "AMARILLO"  # > 140 for 5-11 years
    assert "edad aparente" in dialog.panel.age_note.text()
    type_value(qtbot, dialog, "heart_rate", "120")
    assert badge(dialog) == "VERDE"
    assert form.fields["heart_rate"].hint.text() == "Alto riesgo IITT: <80 o >140"
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(saved_rows(db, family.child)) == 1)
    assert saved_rows(db, family.child)[0].apparent_age == "child"
    known = open_dialog(qtbot, db, tasks, [family.mother])
    assert not known.form.apparent_age.isEnabled()
    assert known.panel.age_note.isHidden()


def test_a_clinician_raises_the_colour_and_the_record_shows_both(db, family, tasks, qtbot):
    dialog = open_dialog(qtbot, db, tasks, [family.mother])
    type_value(qtbot, dialog, "spo2", "91")
    assert badge(dialog) == "AMARILLO"
    combo = dialog.raise_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["— sin cambio —", "ROJO"]
    combo.setCurrentIndex(1)
    assert badge(dialog) == "ROJO" and "calcularon AMARILLO" in dialog.panel.caption.text()
    assert not dialog.save_button.isEnabled()  # a reason is required
    assert "Subir el color: Escriba por qué se sube el color." in dialog.panel.errors.text()
    qtbot.keyClicks(dialog.raise_reason, "Muy decaida, labios palidos")
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(saved_rows(db, family.mother)) == 1)
    row = saved_rows(db, family.mother)[0]
    assert (row.colour, row.final_colour, row.raise_reason, row.raised_by) == (
        "yellow", "red", "Muy decaida, labios palidos", "enf1")
    qtbot.waitUntil(lambda: "guardada: ROJO" in dialog.message.text())
    assert dialog.raise_combo.currentIndex() == 0 and dialog.raise_reason.text() == ""
    type_value(qtbot, dialog, "spo2", "89")  # computed RED: nothing above it to offer
    assert not dialog.raise_combo.isEnabled()

    view = PersonRecordView(db, NURSE, family.mother, tasks)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: view.health.records is not None)
    table = view.health.table
    assert table.item(0, 1).text() == "ROJO\n(calculado: AMARILLO)"
    assert table.item(0, 2).text().startswith(
        "Subido a ROJO por enf1: Muy decaida, labios palidos")


def test_a_narrow_window_never_cuts_off_the_form(db, family, tasks, qtbot):
    """The form scrolls only vertically: shrinking the window must not hide the right
    column of the signs (it used to at about 1100 px wide)."""
    dialog = open_dialog(qtbot, db, tasks, [family.mother])
    dialog.resize(900, 700)
    qtbot.waitUntil(lambda: dialog.form.width() <= dialog.form_scroll.viewport().width())
    assert dialog.form.width() >= dialog.form.minimumSizeHint().width()
