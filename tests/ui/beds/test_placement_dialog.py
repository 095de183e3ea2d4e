"""The placement dialog: ranked suggestions with reasons; accepting checks every member in at
once with the bedding kit; choosing other beds needs a reason, recorded with the decision."""

from __future__ import annotations

from datetime import date

import pytest

from beds_helpers import bed_code, open_stay, tick
from factories import member
from PySide6.QtCore import Qt
from ui_helpers import actor_of, show_window

from albergue_desktop.services import people, placement
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.ui.beds.placement_dialog import PlacementDialog
from albergue_desktop.ui.main_window import MainWindow

INTAKE = Actor("registro1", "registro")


def open_dialog(qtbot, db, tasks, household) -> PlacementDialog:
    dialog = PlacementDialog(db, INTAKE, household, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.proposal is not None)
    return dialog


def test_accepting_a_suggestion_checks_the_household_in(db, world, tasks, qtbot):
    dialog = open_dialog(qtbot, db, tasks, world.household)
    assert dialog.suggestions.count() >= 2
    first = dialog.suggestions.item(0).text()
    assert first.startswith("1. 03 · Centro Comunitario 3 — Dormitorio A")
    assert "A-02, A-03, A-04" in first and "✓ cumple todas las reglas" in first
    reasons = dialog.reasons.text()
    assert "✓ El núcleo familiar permanece junto en el área Dormitorio A" in reasons
    assert "Jean Pierre: A-02" in reasons
    tick(qtbot, dialog.kit["pillow"])  # no pillows today
    with qtbot.waitSignal(dialog.placed):
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    stays = [open_stay(db, pid) for pid in world.family]
    assert [bed_code(db, s.bed_id) for s in stays] == ["A-02", "A-03", "A-04"]
    assert {tuple(s.bedding) for s in stays} == {("cot", "blanket")}
    (decision,) = placement.decisions_of(db, INTAKE, world.household)
    assert (decision.kind, decision.suggestion_rank, decision.reason) == ("accepted", 1, None)


def test_other_beds_need_a_reason_which_is_recorded(db, world, tasks, qtbot):
    dialog = open_dialog(qtbot, db, tasks, world.household)
    qtbot.mouseClick(dialog.override_button, Qt.MouseButton.LeftButton)
    assert set(dialog.bed_combos) == set(world.family)
    _center, jean_bed = dialog.bed_combos[world.family[0]]
    assert jean_bed.currentText().startswith("A-02")  # prefilled from the suggestion
    jean_bed.setCurrentIndex(jean_bed.findData(world.beds["A-09"]))
    qtbot.mouseClick(dialog.confirm_override_button, Qt.MouseButton.LeftButton)
    assert "Escriba el motivo" in dialog.message.text()
    assert all(open_stay(db, pid) is None for pid in world.family)
    qtbot.keyClicks(dialog.reason_edit, "Jean trabaja de noche; cama junto a la puerta")
    with qtbot.waitSignal(dialog.placed):
        qtbot.mouseClick(dialog.confirm_override_button, Qt.MouseButton.LeftButton)
    assert [bed_code(db, open_stay(db, pid).bed_id) for pid in world.family] == [
        "A-09", "A-03", "A-04"]
    (decision,) = placement.decisions_of(db, INTAKE, world.household)
    assert decision.kind == "override"
    assert decision.reason == "Jean trabaja de noche; cama junto a la puerta"
    assert decision.suggestion_rank == 1 and decision.suggestion["assignments"]


def test_the_bed_step_of_a_registration_opens_the_placement(db, center, world, qtbot):
    window = show_window(qtbot, MainWindow(db, actor_of("registro", center.id)))
    window._on_next_step("bed", world.household)
    dialog = window._dialog
    assert isinstance(dialog, PlacementDialog) and dialog.household_id == world.household
    assert window.people.filters() == {"household_id": world.household}
    qtbot.waitUntil(lambda: dialog.proposal is not None)
    with qtbot.waitSignal(dialog.placed):
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    assert all(open_stay(db, pid) is not None for pid in world.family)
    window.close()


def test_health_staff_do_not_place_households(db, center, world, qtbot):
    window = show_window(qtbot, MainWindow(db, actor_of("salud", center.id)))
    assert "placement" not in window.actions and "bed_board" in window.actions
    window._on_next_step("bed", world.household)
    assert window._dialog is None
    assert window.statusBar().currentMessage().startswith("Siguiente paso: asignación de cama")
    window.close()


def test_a_person_alone_whose_age_is_in_doubt_gets_the_dif_notice(db, world, tasks, qtbot):
    reg = people.register_household(db, SYSTEM, center_id=world.center_id, members=[
        member("Wilson", "Dorval", "M", date(2004, 3, 2), age_in_doubt=True)])
    dialog = open_dialog(qtbot, db, tasks, reg.household_id)
    assert "edad en duda" in dialog.members_label.text()
    assert dialog.notices.isVisibleTo(dialog)
    assert dialog.notices.text().startswith(
        "⚠ Wilson Dorval: edad desconocida o en duda, se presume menor de edad (LGDNNA art. 5)")
    # Nadège sleeps in Dormitorio A and the single men's dormitory takes adult men only:
    # only the empty Dormitorio B of center 4 is offered
    assert dialog.suggestions.count() == 1
    assert "Dormitorio B" in dialog.suggestions.item(0).text()


# --- no health condition for roles without health permission ---------------------------------

CONDITION_WORDS = ("respirat", "matern", "aisla", "embaraz", "crónic", "tamizaje", "caso",
                   "cuarentena", "lactant", "médic", "Sala Mamás", "Sala Tos")


def respiratory_household(db, world) -> str:
    """Wilner (positive respiratory screen), his pregnant partner and their baby; center 04
    has a maternity room and an isolation room whose names tell what they are for."""
    from albergue_desktop.domain.clinical_enums import Symptom
    from albergue_desktop.domain.triage import ScreeningInput
    from albergue_desktop.services import centers, screening
    for name, segment in (("Sala Mamás maternidad", "maternity"),
                          ("Sala Tos aislamiento", "isolation")):
        area = centers.create_area(db, SYSTEM, center_id=world.other_id, name=name,
                                   segment=segment, area_m2=30)
        centers.add_beds(db, SYSTEM, area_id=area.id, count=4)
    reg = people.register_household(db, SYSTEM, center_id=world.center_id, members=[
        member("Wilner", "Pierre", "M", date(1991, 2, 3)),
        member("Guerline", "Pierre", "F", date(1996, 5, 6), "spouse",
               specific_needs=["CR-TP"]),
        member("Ti", "Pierre", "F", date.today().replace(day=1), "child")])
    screening.record_screening(db, Actor("enf", "salud"), person_id=reg.person_ids[0],
                               screening=ScreeningInput(symptoms={
                                   Symptom.COUGH, Symptom.FEVER, Symptom.RUNNY_NOSE}))
    return reg.household_id


def dialog_text(qtbot, dialog: PlacementDialog) -> str:
    """Every label and list row of the dialog, every option's reasons, the override beds."""
    texts = [dialog.members_label.text(), dialog.notices.text()]
    for row in range(dialog.suggestions.count()):
        dialog.suggestions.setCurrentRow(row)
        texts += [dialog.suggestions.item(row).text(), dialog.reasons.text()]
    qtbot.mouseClick(dialog.override_button, Qt.MouseButton.LeftButton)
    for center_combo, bed_combo in dialog.bed_combos.values():
        for i in range(center_combo.count()):
            center_combo.setCurrentIndex(i)
            texts += [center_combo.itemText(i)] + [bed_combo.itemText(j)
                                                   for j in range(bed_combo.count())]
    return "\n".join(texts)


@pytest.mark.parametrize("role", ["registro", "coordinacion", "admin"])
def test_the_dialog_shows_no_condition_to_roles_without_health_permission(
        db, world, tasks, qtbot, role):
    household = respiratory_household(db, world)
    dialog = PlacementDialog(db, Actor("u", role), household, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.proposal is not None)
    text = dialog_text(qtbot, dialog)
    for word in CONDITION_WORDS:
        assert word.casefold() not in text.casefold(), (word, text)
    assert "Área reservada 1" in text and "Área reservada 2" in text
    assert "indicación de salud" in text and "Wilner Pierre" in text
    assert "No hay un cuarto libre" in dialog.notices.text()


def test_the_dialog_shows_the_conditions_to_a_role_with_health_permission(
        db, world, tasks, qtbot):
    household = respiratory_household(db, world)
    dialog = PlacementDialog(db, Actor("s", "supervision"), household, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.proposal is not None)
    text = dialog_text(qtbot, dialog)
    assert "tamizaje respiratorio positivo" in text and "Sala Mamás" in text


def test_the_health_role_cannot_open_a_placement(db, world, tasks, qtbot):
    household = respiratory_household(db, world)
    dialog = PlacementDialog(db, Actor("e", "salud"), household, tasks)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.members_label.text() != "Cargando…")
    assert dialog.proposal is None and not dialog.accept_button.isEnabled()
    assert "Wilner" not in dialog.members_label.text()


def test_enter_accepts_the_selected_suggestion_and_esc_cancels(db, world, tasks, qtbot):
    """By keyboard: the suggestions list has the focus, Down picks the second option, Enter
    checks the household in with it (it never cancels); Esc in another dialog closes it
    without checking anyone in."""
    dialog = open_dialog(qtbot, db, tasks, world.household)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.suggestions.hasFocus())
    qtbot.keyClick(dialog.suggestions, Qt.Key.Key_Down)
    assert dialog.suggestions.currentRow() == 1
    with qtbot.waitSignal(dialog.placed, timeout=10000):
        qtbot.keyClick(dialog.suggestions, Qt.Key.Key_Return)
    (decision,) = placement.decisions_of(db, INTAKE, world.household)
    assert (decision.kind, decision.suggestion_rank) == ("accepted", 2)
    assert all(open_stay(db, pid) is not None for pid in world.family)


def test_esc_closes_the_placement_without_checking_in(db, world, tasks, qtbot):
    dialog = open_dialog(qtbot, db, tasks, world.household)
    qtbot.keyClick(dialog.suggestions, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert all(open_stay(db, pid) is None for pid in world.family)


def test_enter_in_the_override_reason_checks_in_with_the_chosen_beds(db, world, tasks, qtbot):
    dialog = open_dialog(qtbot, db, tasks, world.household)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.suggestions.hasFocus())
    dialog.override_button.setFocus()
    qtbot.keyClick(dialog.override_button, Qt.Key.Key_Space)
    assert dialog.override_box.isVisible() and dialog.reason_edit.hasFocus()
    qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)  # no reason yet: asked for it
    assert "Escriba el motivo" in dialog.message.text() and dialog.isVisible()
    qtbot.keyClicks(dialog.reason_edit, "Cerca de la puerta")
    with qtbot.waitSignal(dialog.placed, timeout=10000):
        qtbot.keyClick(dialog.reason_edit, Qt.Key.Key_Return)
    (decision,) = placement.decisions_of(db, INTAKE, world.household)
    assert decision.kind == "override"
