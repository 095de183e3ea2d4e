"""The bed board at 500 beds (60 occupied), each figure beside a baseline in the same run.
These were sub-second assertions in tests/services/test_beds.py and
tests/ui/beds/test_center_and_numbers.py; a test must not depend on the machine's speed.

1. ``services.bed_board.bed_board`` beside the bare SQL reading the same beds and stays
   (target: within 10x, and well under 0.5 s).
2. Laying out and painting the 500 tiles of ``ui.beds.board.BedBoardView`` beside painting a
   QTableWidget of 500 cells (target: under 0.5 s).

Usage: QT_QPA_PLATFORM=offscreen uv run python bench/bench_beds.py
"""

from __future__ import annotations

import os
from albergue_sync import dbapi as sqlite3  # keyed connections (encrypted files)
import statistics
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def median_ms(fn, runs: int = 7) -> float:
    fn()
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples)


def main() -> None:
    from PySide6.QtWidgets import QApplication, QTableWidget, QTableWidgetItem

    from albergue_desktop.services import centers, people, stays
    from albergue_desktop.services.bed_board import bed_board
    from albergue_desktop.services.context import SYSTEM, Actor
    from albergue_desktop.storage.db import Database
    from albergue_desktop.ui.beds.board import BedBoardView
    from albergue_desktop.ui.tasks import TaskManager

    app = QApplication.instance() or QApplication([])
    coord = Actor("coord", "coordinacion")
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(Path(tmp) / "beds.sqlite")
        center, _ = centers.init_center_database(
            db, center_code="09", center_name="Centro grande", city_prefix="MXL",
            admin_username="admin", admin_password="contraseña-de-bench")
        for letter in "BCDEF":
            area = centers.create_area(db, SYSTEM, center_id=center.id,
                                       name=f"Dormitorio {letter}", area_m2=350)
            centers.add_beds(db, SYSTEM, area_id=area.id, count=100)
        reg = people.register_household(db, SYSTEM, center_id=center.id, members=[
            people.MemberInput(given_names=f"Persona {chr(65 + i // 26)}{chr(97 + i % 26)}",
                               surnames="Joseph", sex="F", birth_date=date(1990, 1, 1),
                               relationship="head" if i == 0 else "other_relative",
                               nationality="HT") for i in range(60)])
        board = bed_board(db, coord, center.id)
        free = [t for a in board.areas for t in a.beds if t.state == "free"]
        for pid, tile in zip(reg.person_ids, free):
            stays.check_in(db, SYSTEM, person_id=pid, center_id=center.id, bed_id=tile.bed_id)

        ours = median_ms(lambda: bed_board(db, coord, center.id))
        con = sqlite3.connect(db.path)
        bare = median_ms(lambda: con.execute(
            "SELECT b.*, s.person_id, p.given_names, p.surnames FROM bed b LEFT JOIN stay s"
            " ON s.bed_id = b.id AND s.check_out IS NULL AND s.deleted = 0 LEFT JOIN person p"
            " ON p.id = s.person_id WHERE b.center_id = ? AND b.deleted = 0",
            (center.id,)).fetchall())
        print(f"bed_board, 500 beds: {ours:.1f} ms; bare SQL {bare:.1f} ms; ratio "
              f"{ours / bare:.1f}x (targets: within 10x, under 500 ms)")

        tasks = TaskManager()
        view = BedBoardView(db, coord, tasks, center_id=center.id)
        view.resize(1366, 720)
        view.show()
        while view.board is None:
            app.processEvents()
        ours = median_ms(lambda: (view.apply_filter(), view.grid.grab()))
        table = QTableWidget(100, 5)
        for r in range(100):
            for c in range(5):
                table.setItem(r, c, QTableWidgetItem(f"{r}-{c}"))
        table.resize(1366, 720)
        table.show()
        bare = median_ms(lambda: table.grab())  # renders every visible cell
        print(f"board layout and paint, 500 tiles: {ours:.1f} ms; a 500-cell table painted "
              f"{bare:.1f} ms; ratio {ours / max(bare, 1e-3):.1f}x (target under 500 ms)")
        view.close()
        con.close()
        db.close()


if __name__ == "__main__":
    main()
