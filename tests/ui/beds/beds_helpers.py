"""Helpers of the bed screen tests (import as ``from beds_helpers import ...``)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from sqlmodel import select

from albergue_desktop.storage.tables import Bed, Stay
from albergue_desktop.ui.beds.board import BedBoardView


def open_board(qtbot, db, actor, tasks, center_id) -> BedBoardView:
    view = BedBoardView(db, actor, tasks, center_id=center_id)
    qtbot.addWidget(view)
    view.resize(1366, 720)
    view.show()
    view.activateWindow()
    qtbot.waitUntil(lambda: view.board is not None
                    and QApplication.activeWindow() is view)
    return view


def key(qtbot, view, key) -> None:
    """A key on the board once its window is active again (after a dialog closed)."""
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view.window())
    qtbot.keyClick(view.grid, key)


def click_tile(qtbot, view, bed_id: str) -> None:
    rect = view.grid.tile_rect(bed_id)
    assert rect is not None, "the tile is not on the board"
    qtbot.mouseClick(view.grid, Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.grid.current_tile().bed_id == bed_id


def reload_board(qtbot, view) -> None:
    before = view.board
    view.refresh()
    qtbot.waitUntil(lambda: view.board is not before)


def open_stay(db, person_id) -> Stay | None:
    with db.session() as s:
        return s.exec(select(Stay).where(Stay.person_id == person_id,
                                         Stay.check_out == None)).first()  # noqa: E711


def bed_code(db, bed_id) -> str | None:
    with db.session() as s:
        bed = s.get(Bed, bed_id) if bed_id else None
        return bed.code if bed else None


def tick(qtbot, box) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
