"""The bed board: the demo center's beds as tiles; assign (check-in with the bedding kit),
move and free (check-out with reason and destination) from the tiles change the database;
blocking needs a reason and a role that manages centers; transfers arrive as pending
arrivals to receive; people without a bed get one."""

from __future__ import annotations

from datetime import date

import pytest
from beds_helpers import (
    bed_code, click_tile, key, open_board, open_stay, reload_board, tick,
)
from factories import member
from PySide6.QtCore import Qt
from sqlalchemy import text

from albergue_desktop.demo import generate_demo
from albergue_desktop.domain.errors import PermissionDenied
from albergue_desktop.services import beds, centers, people, stays
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.tables import Bed

COORD = Actor("coord", "coordinacion")
INTAKE = Actor("registro1", "registro")


def test_the_demo_center_is_on_the_board(db, tasks, qtbot):
    generate_demo(db, seed=0, center_code="01", users=False)
    center = centers.list_centers(db)[0]
    view = open_board(qtbot, db, COORD, tasks, center.id)
    with db.session() as s:
        sql = s.connection().exec_driver_sql
        total = sql("SELECT count(*) FROM bed WHERE center_id = ? AND deleted = 0",
                    (center.id,)).scalar()
        occupied = sql("SELECT count(DISTINCT bed_id) FROM stay WHERE center_id = ? AND "
                       "check_out IS NULL AND bed_id IS NOT NULL AND deleted = 0",
                       (center.id,)).scalar()
        blocked = sql("SELECT count(*) FROM bed WHERE center_id = ? AND deleted = 0 AND "
                      "status = 'out_of_service'", (center.id,)).scalar()
        areas = sql("SELECT count(*) FROM area WHERE center_id = ? AND deleted = 0",
                    (center.id,)).scalar()
    states = [p.tile.state for p in view.grid.placed]
    assert total > 200 and len(states) == total and len(view.grid.headers) == areas
    assert states.count("occupied") == occupied and states.count("blocked") == blocked
    assert view.beds_label.text().startswith(f"Camas: {occupied} personas presentes")
    # the segment filter shows only that segment's areas
    view.segment_combo.setCurrentIndex(1)
    segment = view.segment_combo.currentData()
    assert {view.grid.areas[p.area].segment for p in view.grid.placed} == {segment}


def test_assign_move_and_free_a_bed_from_the_tiles(db, world, tasks, qtbot):
    view = open_board(qtbot, db, INTAKE, tasks, world.center_id)
    assert [w.full_name for w in view.board.unbedded] == ["Wilner LOUIS"]
    jean = world.family[0]
    # assign: a free tile, Insert, find the person, bedding kit, check in
    click_tile(qtbot, view, world.beds["A-05"])
    key(qtbot, view, Qt.Key.Key_Insert)
    dialog = view.dialog
    qtbot.keyClicks(dialog.search, "Jean Pierre")
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.people_list.count() >= 1
                    and "Jean PIERRE" in dialog.people_list.item(0).text())
    for code, checked in (("cot", True), ("mat", False), ("blanket", True),
                          ("pillow", False)):
        if dialog.kit[code].isChecked() != checked:
            tick(qtbot, dialog.kit[code])
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: open_stay(db, jean) is not None)
    stay = open_stay(db, jean)
    assert bed_code(db, stay.bed_id) == "A-05" and stay.bedding == ["cot", "blanket"]
    qtbot.waitUntil(lambda: view.grid.current_tile() is not None
                    and view.grid.current_tile().state == "occupied")
    assert view.grid.current_tile().occupant.full_name == "Jean PIERRE"

    # move: M, then click a free tile
    key(qtbot, view, Qt.Key.Key_M)
    assert view.banner.isVisible() and "Jean PIERRE" in view.banner.text()
    click_tile(qtbot, view, world.beds["A-08"])
    qtbot.waitUntil(lambda: bed_code(db, open_stay(db, jean).bed_id) == "A-08")
    qtbot.waitUntil(lambda: view.grid.tile_rect(world.beds["A-05"]) is not None
                    and view.board.areas[0].beds[4].state == "free")
    assert not view.banner.isVisible()

    # free: select, Delete, reason and destination
    click_tile(qtbot, view, world.beds["A-08"])
    key(qtbot, view, Qt.Key.Key_Delete)
    dialog = view.dialog
    dialog.reason.setCurrentIndex(dialog.reason.findData("housing"))
    qtbot.keyClicks(dialog.destination, "Mexicali, colonia Pueblo Nuevo")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: open_stay(db, jean) is None)
    with db.session() as s:
        row = s.connection().exec_driver_sql(
            "SELECT reason, destination FROM stay WHERE person_id = ?", (jean,)).one()
        assert tuple(row) == ("housing", "Mexicali, colonia Pueblo Nuevo")
        assert s.get(Bed, world.beds["A-08"]).status == "available"
    qtbot.waitUntil(lambda: view.message.text().startswith("Salida de Jean PIERRE"))


def test_someone_without_a_bed_gets_one_and_a_transfer_is_received(db, world, tasks, qtbot):
    view = open_board(qtbot, db, INTAKE, tasks, world.center_id)
    view.panel.unbedded.setCurrentRow(0)
    qtbot.mouseClick(view.panel.give_bed_button, Qt.MouseButton.LeftButton)
    click_tile(qtbot, view, world.beds["A-03"])
    qtbot.waitUntil(lambda: bed_code(db, open_stay(db, world.unbedded).bed_id) == "A-03")
    qtbot.waitUntil(lambda: view.board.unbedded == ())

    click_tile(qtbot, view, world.beds["A-01"])  # Nadège: transfer to center 04
    key(qtbot, view, Qt.Key.Key_T)
    dialog = view.dialog
    qtbot.waitUntil(lambda: dialog.centers_loaded)  # read on the worker
    assert dialog.center.currentData() == world.other_id
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: open_stay(db, world.present) is not None
                    and open_stay(db, world.present).status == "pending")
    view.center_combo.setCurrentIndex(view.center_combo.findData(world.other_id))
    qtbot.waitUntil(lambda: view.board.center_id == world.other_id
                    and view.panel.pending.count() == 1)
    assert "desde Centro Comunitario 3" in view.panel.pending.item(0).text()
    qtbot.mouseClick(view.panel.receive_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert dialog.bed_combo.currentText().startswith("B-01")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: open_stay(db, world.present).status == "open")
    stay = open_stay(db, world.present)
    assert (stay.center_id, bed_code(db, stay.bed_id)) == (world.other_id, "B-01")


def test_blocking_needs_a_reason_and_unblocking_restores(db, world, tasks, qtbot):
    view = open_board(qtbot, db, COORD, tasks, world.center_id)
    a10 = world.beds["A-10"]
    click_tile(qtbot, view, a10)
    key(qtbot, view, Qt.Key.Key_B)
    dialog = view.dialog
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # no reason
    assert dialog.message.text() == ("Escriba por qué se bloquea la cama: el motivo es "
                                     "obligatorio.") and dialog.isVisible()
    with db.session() as s:
        assert s.get(Bed, a10).status == "available"
    qtbot.keyClicks(dialog.reason.lineEdit(), "Catre roto")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.grid.current_tile() is not None
                    and view.grid.current_tile().state == "blocked")
    with db.session() as s:
        bed = s.get(Bed, a10)
        assert (bed.status, bed.block_reason) == ("out_of_service", "Catre roto")
    assert "Catre roto" in view.panel.details.text()
    key(qtbot, view, Qt.Key.Key_B)  # B again: unblock
    qtbot.waitUntil(lambda: view.grid.current_tile().state == "free")
    with db.session() as s:
        assert s.get(Bed, a10).status == "available"


def test_intake_cannot_block_beds(db, world, tasks, qtbot):
    view = open_board(qtbot, db, INTAKE, tasks, world.center_id)
    assert not view.config_button.isVisibleTo(view)
    click_tile(qtbot, view, world.beds["A-10"])
    assert not view.panel.buttons["block"].isVisibleTo(view)
    assert view.panel.buttons["assign"].isEnabled()
    key(qtbot, view, Qt.Key.Key_B)
    assert view.dialog is None
    with pytest.raises(PermissionDenied):
        beds.block_bed(db, INTAKE, world.beds["A-10"], reason="Roto")


def test_health_staff_see_the_board_read_only(db, world, tasks, qtbot):
    view = open_board(qtbot, db, Actor("enf", "salud"), tasks, world.center_id)
    click_tile(qtbot, view, world.beds["A-01"])
    assert view.allowed(view.grid.current_tile()) == {"open"}
    key(qtbot, view, Qt.Key.Key_Delete)
    assert view.dialog is None
    reload_board(qtbot, view)
    with db.session() as s:
        assert s.connection().execute(text(
            "SELECT count(*) FROM stay WHERE check_out IS NULL")).scalar() == 2


def test_households_are_shown_together_and_enter_opens_the_tile_menu(db, world, tasks, qtbot):
    for pid, code in zip(world.family, ("A-04", "A-05", "A-06")):
        stays.check_in(db, COORD, person_id=pid, center_id=world.center_id,
                       bed_id=world.beds[code])
    view = open_board(qtbot, db, COORD, tasks, world.center_id)
    click_tile(qtbot, view, world.beds["A-05"])
    assert "Núcleo PIERRE: camas A-04, A-05, A-06" in view.panel.details.text()
    tiles = {p.tile.code: p.tile for p in view.grid.placed}
    assert {tiles[c].occupant.household_label for c in ("A-04", "A-05", "A-06")} == {"PIERRE"}
    key(qtbot, view, Qt.Key.Key_Return)
    assert [a.text() for a in view.menu.actions()] == [
        "&Mover a otra cama…", "Dar &salida…", "&Trasladar…", "Abrir e&xpediente"]
    view.menu.close()
    key(qtbot, view, Qt.Key.Key_Right)  # the keyboard walks the tiles
    assert view.grid.current_tile().code == "A-06"
    key(qtbot, view, Qt.Key.Key_Down)  # the tile below (the nearest one in the next row)
    below = view.grid.tile_rect(view.grid.current_tile().bed_id)
    assert below.top() > view.grid.tile_rect(tiles["A-06"].bed_id).bottom()


def test_capacity_warns_when_occupancy_passes_beds_or_sphere(db, world, tasks, qtbot):
    men = next(a for a in beds.center_capacity(db, COORD, world.center_id).areas
               if a.name == "Dormitorio H")
    beds.update_area(db, COORD, men.area_id, beds.AreaUpdate(area_m2=7))  # Sphere: 2 people
    for given, code in (("Frantz", "H-01"), ("Gérald", "H-02"), ("Osnel", "H-03")):
        pid = people.register_household(db, SYSTEM, center_id=world.center_id, members=[
            member(given, "Dorméus", "M", date(1990, 1, 1))]).person_ids[0]
        stays.check_in(db, COORD, person_id=pid, center_id=world.center_id,
                       bed_id=world.beds[code])
    view = open_board(qtbot, db, COORD, tasks, world.center_id)
    assert view.beds_label.text().startswith("Camas: 5 personas presentes · 14 en servicio")
    assert view.sphere_label.text() == "Esfera: 22 personas (3.5 m² por persona)"
    assert view.warning_label.isHidden()  # the center as a whole is within both
    header = next(area for _rect, area in view.grid.headers if area.name == "Dormitorio H")
    assert [w.msgid for w in header.capacity.warnings] == [
        "Occupancy {occupancy} is above the Sphere capacity of {capacity} people "
        "({m2_per_person} m² per person)."]
    beds.update_center(db, COORD, world.center_id, beds.CenterUpdate(daily_capacity=4))
    reload_board(qtbot, view)
    assert view.warning_label.isVisibleTo(view)
    assert view.warning_label.text() == ("⚠ La ocupación de 5 supera la capacidad diaria de 4 "
                                         "personas.")
