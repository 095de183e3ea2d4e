"""The pharmacy screens: the stock tab, receiving and dispensing (allergy warning, Enter
never saves, Esc asks before discarding), the scanner input and the vaccination day."""

from __future__ import annotations

import os
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from albergue_desktop.domain import clock
from albergue_desktop.services import centers, people, pharmacy, stock
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.db import Database
from albergue_desktop.ui.pharmacy.stock_view import PharmacyView
from albergue_desktop.ui.pharmacy.vaccination_day import VaccinationDayView
from albergue_desktop.ui.tasks import TaskManager

NURSE = Actor("enfermera", "salud")
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
    pharmacy.load_catalog(db, NURSE)
    for code, qty, lot, expiry in (("amoxicilina-cap-500", 60, "AMX-2201", date(2023, 4, 30)),
                                   ("paracetamol-tab-500", 40, "PCT-118", date(2022, 3, 31)),
                                   ("paracetamol-tab-500", 300, "PCT-204", date(2024, 1, 31)),
                                   ("sro-sobre", 20, "SRO-9", date(2023, 9, 30))):
        stock.receive(db, NURSE, center_id=center.id, item_id=stock.item_id_for(code),
                      quantity=qty, lot_code=lot, expiry=expiry)
    ids = people.register_household(db, SYSTEM, center_id=center.id, members=[
        make(given="Marie-Claude", surnames="Joseph"),
        make(given="Ti-Jean", surnames="Joseph", sex="M", birth=date(2021, 6, 1),
             relationship="child")]).person_ids
    pharmacy.record_allergy(db, NURSE, person_id=ids[0], substance="Penicilina",
                            reaction="urticaria")
    yield db, center, ids
    db.close()


@pytest.fixture
def tasks(qtbot, world):
    """The worker; at the end it finishes what screens left running before the database
    closes (a query on a closed file would crash the worker thread)."""
    manager = TaskManager()
    yield manager
    qtbot.waitUntil(lambda: manager.pending == 0)
    manager.shutdown()


def _loaded_view(qtbot, world, tasks) -> PharmacyView:
    db, _center, _ids = world
    view = PharmacyView(db, NURSE, tasks)
    qtbot.addWidget(view)
    view.resize(1100, 640)
    view.show()
    view.activateWindow()
    qtbot.waitActive(view)
    qtbot.waitUntil(lambda: view.table.rowCount() == 3)
    return view


def test_stock_tab_shows_lots_expiry_and_alerts(qtbot, world, tasks):
    view = _loaded_view(qtbot, world, tasks)
    names = [view.table.item(r, 0).text() for r in range(view.table.rowCount())]
    assert names == ["Amoxicilina", "Paracetamol", "Sales de rehidratación oral"]
    assert view.table.item(1, 2).text() == "340"
    assert view.table.item(1, 6).text() == "Caduca pronto"
    assert "lotes por caducar: 1" in view.alerts.text()
    view.table.selectRow(1)
    assert [view.lots.item(r, 0).text() for r in range(view.lots.rowCount())] == \
        ["PCT-118", "PCT-204"]
    assert view.history.rowCount() == 4
    grab(view, "pharmacy_stock")


def test_receive_dialog_enter_moves_on_and_esc_asks(qtbot, world, tasks):
    view = _loaded_view(qtbot, world, tasks)
    dialog = view.open_receive()
    qtbot.waitExposed(dialog)
    dialog.quantity.setFocus()
    dialog.quantity.selectAll()
    qtbot.keyClicks(dialog.quantity, "25")
    qtbot.keyClick(dialog.quantity, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.focusWidget() is dialog.lot  # Enter: next field
    qtbot.keyClicks(dialog.lot, "SRO-77")
    qtbot.keyClick(dialog.lot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.discard_box is not None and dialog.discard_box.isVisible())
    assert dialog.isVisible()
    keep = dialog.discard_box.escapeButton()
    keep.click()
    assert dialog.isVisible() and dialog.lot.text() == "SRO-77"
    grab(dialog, "pharmacy_receive")
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    assert dialog.quantity.value() == 25
    dialog.save_button.setFocus()
    with qtbot.waitSignal(dialog.saved):   # Enter on the focused Save button saves
        qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.history.rowCount() == 5)


def test_dispense_warns_on_allergy_and_saves_only_when_confirmed(qtbot, world, tasks):
    db, _center, ids = world
    view = _loaded_view(qtbot, world, tasks)
    dialog = view.open_dispense()
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.scanner.looked_up):
        qtbot.keyClicks(dialog.scanner.line, "Marie-Claude")
        qtbot.keyClick(dialog.scanner.line, Qt.Key.Key_Return)
    assert dialog.person_id == ids[0]
    qtbot.waitUntil(lambda: "Penicilina" in dialog.allergies.text())
    dialog.item.setCurrentIndex(dialog.item.findText("Amoxicilina", Qt.MatchFlag.MatchStartsWith))
    dialog.quantity.setValue(21)
    dialog.dose.setText("1 cápsula cada 8 horas")
    dialog.days.setValue(7)
    qtbot.keyClick(dialog.dose, Qt.Key.Key_Return)   # Enter: next field, no save
    assert dialog.isVisible() and not dialog.saving
    grab(dialog, "pharmacy_dispense")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.allergy_box is not None and dialog.allergy_box.isVisible())
    assert "Penicilina" in dialog.allergy_box.text()
    grab(dialog.allergy_box, "pharmacy_allergy_warning")
    dialog.allergy_box.escapeButton().click()        # the default: do not dispense
    assert "No se entregó" in dialog.message.text()
    assert pharmacy.dispensings_of(db, NURSE, ids[0]) == []
    dialog.save()
    qtbot.waitUntil(lambda: dialog.allergy_box.isVisible())
    with qtbot.waitSignal(dialog.saved):
        next(b for b in dialog.allergy_box.buttons()
             if b is not dialog.allergy_box.escapeButton()).click()
    (record,) = pharmacy.dispensings_of(db, NURSE, ids[0])
    assert record.allergy_warning == "Penicilina" and record.quantity == 21
    qtbot.waitUntil(lambda: "AMX-2201" in view.message.text())


def test_vaccination_day_records_scanned_people_in_a_row(qtbot, world, tasks):
    db, _center, ids = world
    view = VaccinationDayView(db, NURSE, tasks)
    qtbot.addWidget(view)
    view.resize(1100, 620)
    view.show()
    view.activateWindow()
    qtbot.waitActive(view)
    qtbot.keyClick(view, Qt.Key.Key_Return)           # no lot yet: refused, nothing starts
    assert view.campaign is None and view.setup_message.text()
    view.lot.setText("FLU-2122-07")
    view.place.setText("Jornada CC3")
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert view.campaign is not None and view.scanner.isEnabled()
    with db.read_session() as session:
        from albergue_desktop.storage.tables import Person
        folio = session.get(Person, ids[1]).folio
    with qtbot.waitSignal(view.shown):
        qtbot.keyClicks(view.scanner.line, folio)      # what a scanner types
        qtbot.keyClick(view.scanner.line, Qt.Key.Key_Return)
    assert view.candidate.person_id == ids[1] and view.candidate.next_dose == 1
    assert "Faltantes del esquema" in view.person.text()
    grab(view, "vaccination_day")
    with qtbot.waitSignal(view.recorded):
        qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_Return)
    assert view.done_list.count() == 1 and view.scanner.line.hasFocus()
    with qtbot.waitSignal(view.shown):                  # the same card again
        qtbot.keyClicks(view.scanner.line, folio)
        qtbot.keyClick(view.scanner.line, Qt.Key.Key_Return)
    assert view.candidate.already_today and not view.record_button.isEnabled()
    qtbot.keyClick(view, Qt.Key.Key_Escape)             # skip
    assert view.candidate is None
    qtbot.waitUntil(lambda: "1" in view.tally.text())


def test_write_off_an_expired_lot_and_send_and_receive_a_transfer(qtbot, world, tasks):
    db, center, _ids = world
    other = centers.create_center(db, SYSTEM, code="07", name="Centro Comunitario 7")
    view = _loaded_view(qtbot, world, tasks)
    view.table.selectRow(1)                           # paracetamol
    with clock.frozen(date(2022, 4, 2)):              # PCT-118 expired on 31 March
        dialog = view.open_write_off()
        assert dialog.kind.currentData() is True and dialog.quantity.value() == 40
        with qtbot.waitSignal(dialog.saved):
            dialog.save_button.click()
    qtbot.waitUntil(lambda: view.table.item(1, 2) is not None
                    and view.table.item(1, 2).text() == "300")
    dialog = view.open_transfer()
    dialog.item.setCurrentIndex(dialog.item.findText("Paracetamol", Qt.MatchFlag.MatchStartsWith))
    dialog.to_center.setCurrentIndex(dialog.to_center.findData(other.id))
    dialog.quantity.setValue(50)
    with qtbot.waitSignal(dialog.saved):
        dialog.save_button.click()
    view.refresh(other.id)                            # the receiving center's screen
    qtbot.waitUntil(lambda: view.center_id == other.id and view.pending.rowCount() == 1)
    assert view.tabs.tabText(2) == "En &tránsito (1)"
    grab(view, "pharmacy_in_transit")
    view.pending.selectRow(0)
    view.arrived_button.click()
    qtbot.waitUntil(lambda: view.pending.rowCount() == 0 and view.table.rowCount() == 1)
    assert view.table.item(0, 2).text() == "50"


def test_report_dialogs_write_the_pdf_and_the_sheet(qtbot, world, tasks, tmp_path):
    import openpyxl

    from albergue_desktop.ui.pharmacy.dispensed_dialog import DispensedReportDialog
    from albergue_desktop.ui.pharmacy.epi_dialog import EpiNotificationDialog
    db, center, ids = world
    pharmacy.dispense(db, NURSE, person_id=ids[1], item_id=stock.item_id_for("sro-sobre"),
                      quantity=4, dose="1 sobre al día", days=4, center_id=center.id)
    dialog = DispensedReportDialog(db, NURSE, tasks, center.id)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.center.count() == 2)
    assert dialog.center.currentData() == center.id
    dialog.save(str(tmp_path / "d.pdf"))
    qtbot.waitUntil(lambda: "Guardado" in dialog.message.text())
    assert (tmp_path / "d.pdf").read_bytes().startswith(b"%PDF")
    epi = EpiNotificationDialog(db, NURSE, tasks)
    qtbot.addWidget(epi)
    epi.day.setDate(epi.day.date().addDays(7))
    assert epi.week.text().startswith("3 de 2022")
    epi.show()
    grab(epi, "epi_dialog")
    epi.save("xlsx", str(tmp_path / "n.xlsx"))
    qtbot.waitUntil(lambda: "Guardado" in epi.message.text())
    assert openpyxl.load_workbook(tmp_path / "n.xlsx").active.title == "SE03-2022"
    registro = EpiNotificationDialog(db, Actor("r", "registro"), tasks)
    qtbot.addWidget(registro)
    registro.save("pdf", str(tmp_path / "x.pdf"))
    qtbot.waitUntil(lambda: "permiso" in registro.message.text())
    assert not (tmp_path / "x.pdf").exists()


def test_scanner_lists_several_matches_and_enter_chooses(qtbot, world, tasks):
    from albergue_desktop.ui.queue.scanner import ScanInput
    db, _center, ids = world
    scanner = ScanInput(db, NURSE, tasks)
    qtbot.addWidget(scanner)
    scanner.show()
    scanner.activateWindow()
    qtbot.waitActive(scanner)
    with qtbot.waitSignal(scanner.looked_up):
        qtbot.keyClicks(scanner.line, "nadie-nunca")
        qtbot.keyClick(scanner.line, Qt.Key.Key_Return)
    assert "No se encontró" in scanner.message.text() and scanner.line.text() == "nadie-nunca"
    scanner.line.clear()
    with qtbot.waitSignal(scanner.looked_up):
        qtbot.keyClicks(scanner.line, "Joseph")
        qtbot.keyClick(scanner.line, Qt.Key.Key_Return)
    assert scanner.results.isVisible() and scanner.results.count() == 2
    qtbot.keyClick(scanner.line, Qt.Key.Key_Down)
    assert scanner.results.hasFocus()
    qtbot.keyClick(scanner.results, Qt.Key.Key_Down)
    chosen = scanner.results.currentItem().data(Qt.ItemDataRole.UserRole)
    with qtbot.waitSignal(scanner.person_chosen) as signal:
        qtbot.keyClick(scanner.results, Qt.Key.Key_Return)
    assert signal.args[0] == chosen and chosen in ids
    assert scanner.line.text() == "" and not scanner.results.isVisible()
