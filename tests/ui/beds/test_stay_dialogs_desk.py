"""Check-in and transfer at the desk, by keyboard: the check-in search does not offer people
who already have a bed (and says so); a transfer with no other open center says why and
keeps its button off."""

from __future__ import annotations

from datetime import date

from beds_helpers import open_stay
from factories import member
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlmodel import select

from albergue_desktop.services import bed_board, people, stays
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.tables import Bed
from albergue_desktop.ui.beds.stay_dialogs import CheckInDialog, TransferDialog

INTAKE = Actor("registro1", "registro")


def show(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    return dialog


def listed(dialog) -> list[str]:
    return [dialog.people_list.item(i).text() for i in range(dialog.people_list.count())]


def test_the_check_in_search_leaves_out_people_with_a_bed(db, world, tasks, qtbot):
    board = bed_board.bed_board(db, INTAKE, world.center_id)
    dialog = show(qtbot, CheckInDialog(db, INTAKE, tasks, board))
    dialog.search.setFocus()
    qtbot.keyClicks(dialog.search, "Saint-Vil")  # Nadege, in A-01
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "ya tiene" in dialog.message.text()
                    or "ya tienen" in dialog.message.text())
    assert "Saint-Vil" not in " ".join(listed(dialog))
    assert dialog.isVisible()  # Enter in the search searched; it checked nobody in
    dialog.search.selectAll()
    qtbot.keyClicks(dialog.search, "Pierre")  # the family, registered, without beds
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(listed(dialog)) == 3)
    assert dialog.message.text() == ""


def test_a_transfer_with_no_other_center_says_why_before_the_button(db, center, tasks, qtbot):
    with db.session() as s:
        bed = s.exec(select(Bed).where(Bed.center_id == center.id)).first().id
    pid = people.register_household(db, SYSTEM, center_id=center.id, members=[
        member("Wilner", "Louis", "M", date(1980, 4, 4))]).person_ids[0]
    stays.check_in(db, SYSTEM, person_id=pid, center_id=center.id, bed_id=bed)
    board = bed_board.bed_board(db, INTAKE, center.id)
    occupant = next(t.occupant for a in board.areas for t in a.beds if t.occupant)
    dialog = show(qtbot, TransferDialog(db, INTAKE, tasks, occupant, center.id))
    qtbot.waitUntil(lambda: dialog.centers_loaded)
    assert not dialog.ok_button.isEnabled()
    assert "No hay otro centro abierto" in dialog.message.text()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Return)  # Enter transfers nobody
    assert open_stay(db, pid).center_id == center.id and dialog.isVisible()
    qtbot.keyClick(dialog.notes, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
