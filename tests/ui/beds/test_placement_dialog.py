"""The placement dialog: ranked suggestions with reasons; accepting checks every member in at
once with the bedding kit; choosing other beds needs a reason, recorded with the decision."""

from __future__ import annotations

from datetime import date

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
