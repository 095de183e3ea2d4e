"""The supplies screens: the distribution queue (scan, household and history shown, a kit
suggests quantities, Enter records, a repeat asks with No by default, Esc asks before
dropping typed quantities) and the warehouse (stock with low marks, a donation received)."""

from __future__ import annotations

import os
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSpinBox

from albergue_desktop.domain import clock
from albergue_desktop.services import centers, people, stock_views, supplies
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.services.stock import item_id_for
from albergue_desktop.storage.db import Database
from albergue_desktop.storage.tables import Person
from albergue_desktop.ui.supplies.distribution_view import DistributionView
from albergue_desktop.ui.tasks import TaskManager

COORD = Actor("coord", "coordinacion")
TODAY = date(2022, 1, 20)
GRABS = os.environ.get("ALBERGUE_GRABS")  # a folder: save screen grabs there to look at


def grab(widget, name: str) -> None:
    if GRABS:
        widget.grab().save(os.path.join(GRABS, f"{name}.png"))


@pytest.fixture(autouse=True)
def _day():
    with clock.frozen(TODAY):
        yield


@pytest.fixture
def world(tmp_path):
    from factories import member as make
    db = Database.open(tmp_path / "c.sqlite")
    center, _ = centers.init_center_database(
        db, center_code="03", center_name="Centro Comunitario 3", city_prefix="MXL",
        admin_username="admin", admin_password="contraseña-segura")
    supplies.load_catalog(db, COORD)
    supplies.record_donation(db, COORD, center_id=center.id, received_on=TODAY,
                             donor_kind="partner", donor="ACNUR", lines=[
                                 supplies.DonationLine(item_id_for(code), qty) for code, qty in
                                 (("jabon", 60), ("cepillo-dental", 60), ("pasta-dental", 30),
                                  ("shampoo", 30), ("desodorante", 30), ("peine", 30),
                                  ("papel-higienico", 200), ("toalla-sanitaria", 40),
                                  ("panal-3", 30), ("despensa", 5))])
    ids = people.register_household(db, SYSTEM, center_id=center.id, members=[
        make(given="Marie-Claude", surnames="Joseph"),
        make(given="Ti-Jean", surnames="Joseph", sex="M", birth=date(2021, 6, 1),
             relationship="child")]).person_ids
    with db.read_session() as session:
        folio = session.get(Person, ids[0]).folio
    yield db, center, ids, folio
    db.close()


@pytest.fixture
def tasks():
    manager = TaskManager()
    yield manager
    manager.shutdown()


def _view(qtbot, db, tasks) -> DistributionView:
    view = DistributionView(db, COORD, tasks)
    qtbot.addWidget(view)
    view.resize(1100, 620)
    view.show()
    view.activateWindow()
    qtbot.waitActive(view)
    qtbot.waitUntil(lambda: view.item.count() > 0)
    return view


def _scan(qtbot, view, folio):
    with qtbot.waitSignal(view.shown):
        qtbot.keyClicks(view.scanner.line, folio)  # what a scanner types
        qtbot.keyClick(view.scanner.line, Qt.Key.Key_Return)


def _on_hand(db, center, code):
    return next(s.quantity for s in stock_views.balances(db, COORD, center.id, "supply")
                if s.item_id == item_id_for(code))


def test_scan_kit_enter_records_and_a_repeat_asks(qtbot, world, tasks):
    db, center, ids, folio = world
    view = _view(qtbot, db, tasks)
    qtbot.keyClick(view, Qt.Key.Key_Return)  # nobody shown: Enter does nothing
    assert view.recipient is None
    _scan(qtbot, view, folio)
    assert view.recipient.size == 2 and "Marie-Claude" in view.household.text()
    assert view.kit.hasFocus()
    view.kit.setCurrentIndex(view.kit.findData("kit-aseo"))  # arrows on the list
    got = {view.lines.item(r, 0).data(Qt.ItemDataRole.UserRole):
           view.lines.cellWidget(r, 1).value() for r in range(view.lines.rowCount())}
    assert got[item_id_for("jabon")] == 2 and got[item_id_for("toalla-sanitaria")] == 2
    grab(view, "distribution")
    with qtbot.waitSignal(view.recorded):
        qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Return)
    assert _on_hand(db, center, "jabon") == 58
    assert view.done_list.count() == 1 and view.scanner.line.hasFocus()
    # the same household again: asked, "No" (the default) records nothing
    asked = []
    view.ask = lambda title, text: asked.append(text) or False
    _scan(qtbot, view, folio)
    assert "Jabón de tocador" in view.household.text()  # what it received, shown
    view.kit.setCurrentIndex(view.kit.findData("kit-aseo"))
    with qtbot.waitSignal(view.failed, raising=False, timeout=3000):
        qtbot.keyClick(view.kit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(asked))
    qtbot.waitUntil(lambda: not view.saving)
    assert "Ya recibió" in asked[0] and _on_hand(db, center, "jabon") == 58
    # "Yes" records it
    view.ask = lambda title, text: True
    with qtbot.waitSignal(view.recorded):
        qtbot.keyClick(view.kit, Qt.Key.Key_Return)
    assert _on_hand(db, center, "jabon") == 56


def test_not_enough_stock_is_refused_and_esc_asks_before_dropping_typed_work(
        qtbot, world, tasks):
    db, center, ids, folio = world
    view = _view(qtbot, db, tasks)
    _scan(qtbot, view, folio)
    view.kit.setCurrentIndex(view.kit.findData("despensa"))
    spin = view.lines.cellWidget(0, 1)
    assert isinstance(spin, QSpinBox)
    spin.setValue(9)  # typed: more than the 5 in stock
    with qtbot.waitSignal(view.failed):
        qtbot.keyClick(view.kit, Qt.Key.Key_Return)
    assert "Solo hay 5" in view.message.text() and _on_hand(db, center, "despensa") == 5
    answers = [False]
    view.ask = lambda title, text: answers.pop(0)
    qtbot.keyClick(view, Qt.Key.Key_Escape)  # asked; "No" keeps the typed work
    assert view.recipient is not None and spin.value() == 9
    view.ask = lambda title, text: True
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.recipient is None and view.lines.rowCount() == 0


def test_the_screen_needs_the_supplies_permission(qtbot, world, tasks):
    db, _center, _ids, _folio = world
    view = DistributionView(db, Actor("enf", "salud"), tasks)
    qtbot.addWidget(view)
    qtbot.waitUntil(lambda: bool(view.message.text()))
    assert "permiso" in view.message.text().lower()


def test_warehouse_shows_low_stock_and_receives_a_donation(qtbot, world, tasks):
    from albergue_desktop.ui.supplies.warehouse_view import WarehouseView
    db, center, _ids, _folio = world
    view = WarehouseView(db, COORD, tasks)
    qtbot.addWidget(view)
    view.resize(1000, 560)
    view.show()
    qtbot.waitUntil(lambda: view.table.rowCount() == 10)
    rows = {view.table.item(r, 0).text(): view.table.item(r, 4).text()
            for r in range(view.table.rowCount())}
    assert rows["Despensa"] == "Bajo" and rows["Papel higiénico"] == ""
    assert "Donativo" in view.history.item(0, 2).text()
    grab(view, "warehouse")
    dialog = view.open_donation()
    qtbot.waitExposed(dialog)
    dialog.item.setCurrentIndex(dialog.item.findData(item_id_for("cobija")))
    dialog.quantity.setValue(120)
    qtbot.keyClick(dialog.quantity, Qt.Key.Key_Return)  # Enter moves on, never saves
    assert dialog.isVisible() and _count_cobijas(db, center) == 0
    dialog.add_line()
    dialog.reject()  # typed work: asks first
    assert dialog.isVisible() and dialog.discard_box is not None
    dialog.discard_box.reject()  # "Keep editing"
    grab(dialog, "donation_dialog")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert _count_cobijas(db, center) == 120
    qtbot.waitUntil(lambda: view.table.rowCount() == 11)
    assert "Donativo recibido" in view.message.text()


def _count_cobijas(db, center):
    return next((s.quantity for s in stock_views.balances(db, COORD, center.id, "supply")
                 if s.item_id == item_id_for("cobija")), 0)


def test_meals_offer_the_present_count_and_record_a_service(qtbot, world, tasks):
    from albergue_desktop.services import stays
    from albergue_desktop.ui.supplies.warehouse_view import WarehouseView
    db, center, ids, _folio = world
    stays.check_in(db, SYSTEM, person_id=ids[0], center_id=center.id)
    view = WarehouseView(db, COORD, tasks)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.table.rowCount() == 10)
    dialog = view.open_meals()
    qtbot.waitUntil(lambda: dialog.present == 1)
    assert dialog.served.value() == 1 and not dialog.dirty
    dialog.service.setCurrentIndex(dialog.service.findData("lunch"))
    dialog.provider.setCurrentIndex(dialog.provider.findData("SEDENA"))
    dialog.infants.setValue(1)
    grab(dialog, "meals_dialog")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    rows = supplies.meals(db, COORD, center_id=center.id)
    assert [(m.service, m.served, m.provider, m.infants) for m in rows] == [
        ("lunch", 1, "SEDENA", 1)]


def test_wash_below_sphere_is_warned(qtbot, world, tasks):
    from albergue_desktop.services import stays
    from albergue_desktop.ui.supplies.warehouse_view import WarehouseView
    db, center, ids, _folio = world
    for pid in ids:
        stays.check_in(db, SYSTEM, person_id=pid, center_id=center.id)
    view = WarehouseView(db, COORD, tasks)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.table.rowCount() == 10)
    dialog = view.open_wash()
    dialog.toilets.setValue(1)
    dialog.showers.setValue(1)
    dialog.points.setValue(1)
    dialog.litres.setValue(20)  # 10 L per person: short of 15
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    assert "Por debajo de los indicadores de Esfera" in view.message.text()
    assert "10.0 litros por persona" in view.message.text()
