"""The main window reaches the screening form: Ctrl+T for the selected person, the record's
health section, and the "health screening" next step of a registration (each member in
turn). Roles without health permission have none of it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from ui_helpers import actor_of, show_window

from albergue_desktop.ui.health.dialog import ScreeningDialog
from albergue_desktop.ui.main_window import MainWindow


def _menus(window) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def test_ctrl_t_screens_the_selected_person(db, center, family, qtbot):
    window = show_window(qtbot, MainWindow(db, actor_of("salud", center.id)))
    assert "&Salud" in _menus(window) and "screening" in window.actions
    qtbot.waitUntil(lambda: window.people.model.rowCount() == 3
                    and QApplication.activeWindow() is window)
    window.people.select_row(0)
    qtbot.keyClick(window.people.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    dialog = window._dialog
    assert isinstance(dialog, ScreeningDialog) and dialog.isVisible()
    assert dialog.person_ids == [window.people.selected_person().id]
    dialog.done(0)
    window.close()


def test_record_health_section_opens_a_new_screening(db, center, family, qtbot):
    window = show_window(qtbot, MainWindow(db, actor_of("salud", center.id)))
    view = window.open_person(family.child)
    qtbot.waitUntil(lambda: view.health is not None and view.health.records == [])
    assert view.health.empty_label.text() == "<i>Sin tamizajes registrados.</i>"
    vaccination = view.health.vaccination.text()  # a child without doses: the gaps
    assert "Para ofrecer (sugerencia, nunca bloquea)" in vaccination
    assert "BCG: la dosis 1 corresponde (desde el nacimiento)." in vaccination
    assert "SRP (triple viral): la dosis 1 corresponde" in vaccination
    qtbot.mouseClick(view.health.new_button, Qt.MouseButton.LeftButton)
    dialog = view.health._dialog
    qtbot.waitUntil(lambda: dialog.facts is not None)
    qtbot.keyClicks(dialog.form.fields["spo2"].edit, "96")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.health.records is not None and len(view.health.records) == 1)
    assert view.health.table.item(0, 1).text() == "VERDE"
    dialog.done(0)
    window.close()


def test_next_step_screens_each_member_of_the_new_household(db, center, family, qtbot):
    window = show_window(qtbot, MainWindow(db, actor_of("supervision", center.id)))
    window._on_next_step("screening", family.household_id)
    qtbot.waitUntil(lambda: isinstance(window._dialog, ScreeningDialog))  # members: worker
    dialog = window._dialog
    assert sorted(dialog.person_ids) == sorted([family.mother, family.father, family.child])
    qtbot.waitUntil(lambda: dialog.person_combo.count() == 3 and dialog.facts is not None)
    assert window.people.filters() == {"household_id": family.household_id}
    first = dialog.facts.person_id
    qtbot.keyClicks(dialog.form.fields["temperature_c"].edit, "36.5")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    # after saving, the dialog moves on to the next member
    qtbot.waitUntil(lambda: dialog.facts is not None and dialog.facts.person_id != first)
    assert dialog.person_combo.currentIndex() == 1
    dialog.done(0)
    window.close()


def test_roles_without_health_permission_have_no_screening(db, center, family, qtbot):
    for role in ("registro", "coordinacion", "admin"):
        window = show_window(qtbot, MainWindow(db, actor_of(role, center.id)))
        assert "screening" not in window.actions and "&Salud" not in _menus(window)
        window._on_next_step("screening", family.household_id)
        assert window._dialog is None
        assert window.statusBar().currentMessage().startswith(
            "Siguiente paso: tamizaje de salud, a cargo del personal de salud")
        window.close()


def test_after_screening_the_whole_household_the_placement_opens_on_it(db, center, family,
                                                                        qtbot):
    from albergue_desktop.ui.beds.placement_dialog import PlacementDialog

    window = show_window(qtbot, MainWindow(db, actor_of("supervision", center.id)))
    window._on_next_step("screening", family.household_id)
    qtbot.waitUntil(lambda: isinstance(window._dialog, ScreeningDialog))
    dialog = window._dialog
    qtbot.waitUntil(lambda: dialog.person_combo.count() == 3 and dialog.facts is not None)
    done: list[str] = []
    dialog.saved.connect(done.append)
    for n in range(3):
        qtbot.waitUntil(lambda: dialog.facts is not None and not dialog.saving)
        edit = dialog.form.fields["temperature_c"].edit
        edit.setFocus()
        qtbot.keyClicks(edit, "36.5")
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: len(done) == n + 1)
    assert sorted(done) == sorted([family.mother, family.father, family.child])
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: isinstance(window._dialog, PlacementDialog))
    assert window._dialog.household_id == family.household_id
    window._dialog.done(0)
    window.close()


def test_closing_before_every_member_is_screened_opens_no_placement(db, center, family, qtbot):
    window = show_window(qtbot, MainWindow(db, actor_of("supervision", center.id)))
    window._on_next_step("screening", family.household_id)
    qtbot.waitUntil(lambda: isinstance(window._dialog, ScreeningDialog))
    dialog = window._dialog
    qtbot.waitUntil(lambda: dialog.facts is not None)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert window._dialog is dialog  # nothing else opened
    window.close()
