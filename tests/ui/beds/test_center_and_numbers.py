"""Center configuration (profile, areas with m² and segment, beds in bulk, blocking with a
reason), the day's numbers against the database, the Beds menu of the main window, and the
board's speed with 500 beds."""

from __future__ import annotations

from datetime import date

from beds_helpers import open_board
from factories import member
from PySide6.QtCore import Qt
from sqlmodel import select
from ui_helpers import actor_of, show_window

from albergue_desktop.services import centers, people, stays
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.tables import Area, Bed, Center
from albergue_desktop.ui.beds.actions import bed_board_of
from albergue_desktop.ui.beds.center_config import CenterConfigDialog
from albergue_desktop.ui.main_window import MainWindow

COORD = Actor("coord", "coordinacion")


def test_configure_profile_areas_and_30_cots(db, world, tasks, qtbot):
    dialog = CenterConfigDialog(db, COORD, world.center_id, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.board is not None)
    assert dialog.table.rowCount() == 2 and dialog.table.item(0, 0).text() == "Dormitorio A"
    assert dialog.table.item(0, 5).text() == "20"  # 70 m² / 3.5
    dialog.profile.setCurrentIndex(dialog.profile.findData("maternity"))
    dialog.m2.setValue(4.5)
    dialog.medical.setChecked(True)
    with qtbot.waitSignal(dialog.changed):
        dialog.save_center()
    with db.session() as s:
        center = s.get(Center, world.center_id)
        assert (center.profile, center.m2_per_person, center.has_medical_care) == (
            "maternity", 4.5, True)

    dialog.area_name.setText("Dormitorio C")
    dialog.area_segment.setCurrentIndex(dialog.area_segment.findData("women_children"))
    dialog.area_m2.setValue(105)
    with qtbot.waitSignal(dialog.loaded):
        qtbot.mouseClick(dialog.new_area_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 3)
    row = [dialog.table.item(r, 0).text() for r in range(3)].index("Dormitorio C")
    dialog.table.selectRow(row)
    assert dialog.bulk_area.currentText() == "Dormitorio C"
    dialog.count.setValue(30)
    dialog.kind.setCurrentIndex(dialog.kind.findData("cot"))
    with qtbot.waitSignal(dialog.loaded):
        qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == "30 camas creadas en Dormitorio C."
    with db.session() as s:
        area = s.exec(select(Area).where(Area.name == "Dormitorio C")).one()
        assert (area.segment, area.area_m2) == ("women_children", 105)
        codes = sorted(b.code for b in s.exec(select(Bed).where(Bed.area_id == area.id)))
        assert len(codes) == 30 and codes[0] == "C-01" and codes[-1] == "C-30"

    qtbot.waitUntil(lambda: dialog.bed_list.count() == 30)
    dialog.bed_list.item(0).setSelected(True)
    dialog.bed_list.item(1).setSelected(True)
    qtbot.mouseClick(dialog.block_button, Qt.MouseButton.LeftButton)  # no reason yet
    qtbot.waitUntil(lambda: "motivo" in dialog.message.text())
    qtbot.keyClicks(dialog.block_reason, "Goteras")
    with qtbot.waitSignal(dialog.loaded):
        qtbot.mouseClick(dialog.block_button, Qt.MouseButton.LeftButton)
    with db.session() as s:
        blocked = s.exec(select(Bed).where(Bed.area_id == area.id,
                                           Bed.status == "out_of_service")).all()
        assert sorted((b.code, b.block_reason) for b in blocked) == [
            ("C-01", "Goteras"), ("C-02", "Goteras")]


def test_daily_numbers_match_the_database(db, world, tasks, qtbot):
    today = people.register_household(db, SYSTEM, center_id=world.center_id, members=[
        member("Guerda", "Jean", "F", date(1960, 1, 1)),
        member("Ti-Paul", "Jean", "M", date.today().replace(year=date.today().year - 3),
               "child")]).person_ids
    for pid, code in zip(today, ("H-01", "H-02")):
        stays.check_in(db, SYSTEM, person_id=pid, center_id=world.center_id,
                       bed_id=world.beds[code])
    stays.check_out(db, SYSTEM, person_id=world.unbedded, reason="voluntary")
    view = open_board(qtbot, db, COORD, tasks, world.center_id)
    view.tabs.setCurrentIndex(1)
    panel = view.daily
    qtbot.waitUntil(lambda: panel.numbers is not None)
    with db.session() as s:
        sql = s.connection().exec_driver_sql
        present = sql("SELECT count(*) FROM stay WHERE center_id = ? AND check_out IS NULL "
                      "AND status <> 'pending'", (world.center_id,)).scalar()
        beds_total = sql("SELECT count(*) FROM bed WHERE center_id = ? AND deleted = 0",
                         (world.center_id,)).scalar()
        occupied = sql("SELECT count(DISTINCT bed_id) FROM stay WHERE center_id = ? AND "
                       "check_out IS NULL AND bed_id IS NOT NULL", (world.center_id,)).scalar()
    values = {name: label.text() for name, label in panel.values.items()}
    # everyone was checked in today by the fixtures: Nadège, Wilner (left), Guerda, Ti-Paul
    assert values == {"present": str(present), "arrivals": "4", "departures": "1",
                      "expected": "0", "free": str(beds_total - occupied),
                      "occupied": str(occupied), "blocked": "0", "total": str(beds_total)}
    assert present == 3
    rows = {panel.table.verticalHeaderItem(r).text(): [panel.table.item(r, c).text()
                                                       for c in range(3)]
            for r in range(panel.table.rowCount())}
    assert rows["Sexo: Mujer"] == ["2", "2", "0"] and rows["Sexo: Hombre"] == ["1", "2", "1"]
    assert rows["Edad: 0-4 años"] == ["1", "1", "0"] and rows["Edad: 60+ años"] == ["1", "1", "0"]
    assert rows["Segmento: Hombres solos"] == ["2", "2", "0"]
    assert rows["Segmento: Familias"] == ["1", "1", "0"]
    assert rows["Segmento: sin cama"] == ["0", "1", "1"]


def test_ctrl_b_opens_the_board_of_this_center(db, center, world, qtbot):
    window = show_window(qtbot, MainWindow(db, actor_of("coordinacion", center.id)))
    assert {"bed_board", "daily_numbers", "placement", "center_config"} <= set(window.actions)
    window.actions["bed_board"].trigger()
    view = bed_board_of(window)
    assert window.tabs.currentWidget() is view and window.tabs.tabText(1) == "Camas"
    qtbot.waitUntil(lambda: view.board is not None)
    assert view.board.center_id == center.id
    window.actions["daily_numbers"].trigger()
    assert bed_board_of(window) is view and view.tabs.currentIndex() == 1
    window.close()


def test_the_board_lays_out_500_beds(db, center, tasks, qtbot):
    """Layout of a large board. Its speed is measured in bench/bench_beds.py."""
    big = centers.create_center(db, SYSTEM, code="9", name="Centro grande")
    for letter in "BCDEF":
        area = centers.create_area(db, SYSTEM, center_id=big.id, name=f"Dormitorio {letter}",
                                   area_m2=350)
        centers.add_beds(db, SYSTEM, area_id=area.id, count=100)
    view = open_board(qtbot, db, COORD, tasks, big.id)
    assert len(view.grid.placed) == 500
    view.apply_filter()
    view.grid.repaint()
    assert len(view.grid.placed) == 500
    assert view.grid.height() > view.scroll.viewport().height()  # it scrolls


def test_sphere_is_explained_in_a_tooltip(db, world, tasks, qtbot):
    dialog = CenterConfigDialog(db, COORD, world.center_id, tasks)
    qtbot.addWidget(dialog)
    tip = dialog.m2_preset.toolTip()
    assert tip.startswith("Esfera (el Manual Esfera, 2018)") and "3.5 m²" in tip
    assert dialog.table.horizontalHeaderItem(5).toolTip() == tip
