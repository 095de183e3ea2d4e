"""The health desk of a center with 3,000 people and 20,000 consultations: how long it takes
to open, beside the bare query of the same rows in the same run.

The file is a demo center (``generate_demo(center_code="03", persons=3000)``: people,
stays, screenings, consultations, referrals, pregnancy visits) whose consultations are then
multiplied to 20,000 with bulk SQL (copies of the demo's rows with new ids, people and
dates; a third of them with a follow-up date around the demo's day).

Measured (median of several runs each, warm cache):
- ``desk``: ``services.health_desk.desk`` (every provider of the desk: follow-ups, pending
  screening, isolation, open referrals, psychosocial follow-ups), what the desk's worker runs;
- ``widget``: the HealthDesk widget (offscreen Qt) from construction to its first paint of
  the loaded sections;
- ``bare``: one plain read of the same rows (the columns the desk reads of every
  consultation, screening, referral, pregnancy visit and note of the center, and its open
  stays with the people's names), no logic.

Target: the desk opens in <= 300 ms. Usage: uv run python bench/bench_health_desk.py
[--persons 3000] [--consultations 20000] [--db FILE (reuse)]
"""

from __future__ import annotations

import argparse
import os
import random
from albergue_sync import dbapi as sqlite3  # keyed connections (encrypted files)
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The columns the desk reads, of every row of the center (no joins, no logic).
BARE = [
    "SELECT id, person_id, attended_at, corrects_id, follow_up_date, reason, diagnosis_code "
    "FROM consultation WHERE center_id = :c",
    "SELECT id, person_id, screened_at, corrects_id, needs_isolation FROM screening "
    "WHERE center_id = :c",
    "SELECT * FROM referral WHERE center_id = :c",
    "SELECT id, person_id, visited_at, kind, next_visit_date, recommendation "
    "FROM pregnancy_visit WHERE center_id = :c",
    "SELECT id, person_id, noted_at, follow_up_date FROM mental_health_note "
    "WHERE center_id = :c",
    "SELECT s.person_id, p.household_id, p.folio, p.given_names, p.surnames FROM stay s "
    "JOIN person p ON p.id = s.person_id WHERE s.center_id = :c AND s.check_out IS NULL",
]


def build(path: Path, persons: int, consultations: int) -> None:
    from albergue_desktop.demo import generate_demo
    from albergue_desktop.storage.db import Database

    db = Database.open(path)
    generate_demo(db, center_code="03", persons=persons)
    db.close()
    con = sqlite3.connect(path)
    have = con.execute("SELECT count(*) FROM consultation").fetchone()[0]
    cols = [r[1] for r in con.execute("PRAGMA table_info(consultation)")]
    rows = con.execute("SELECT * FROM consultation").fetchall()
    people = [r[0] for r in con.execute(
        "SELECT person_id FROM stay WHERE check_out IS NULL AND deleted = 0")]
    rng = random.Random(3)
    as_of = date(2022, 1, 15)
    i_id, i_person, i_at, i_follow = (cols.index(c) for c in
                                      ("id", "person_id", "attended_at", "follow_up_date"))
    new = []
    for k in range(consultations - have):
        row = list(rows[k % len(rows)])
        day = as_of - timedelta(days=rng.randint(0, 60))
        row[i_id] = str(uuid.uuid4())
        row[i_person] = rng.choice(people)
        row[i_at] = f"{day.isoformat()} 17:{rng.randrange(60):02d}:00.000000"
        row[i_follow] = ((day + timedelta(days=rng.randint(1, 40))).isoformat()
                         if rng.random() < 0.33 else None)
        new.append(row)
    marks = ", ".join("?" for _ in cols)
    con.executemany(f"INSERT INTO consultation VALUES ({marks})", new)
    con.commit()
    con.execute("ANALYZE")
    con.close()


def median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=3000)
    parser.add_argument("--consultations", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    path = args.db or Path(tempfile.mkdtemp()) / "desk.sqlite"
    if not path.exists():
        started = time.perf_counter()
        build(path, args.persons, args.consultations)
        print(f"built {path} in {time.perf_counter() - started:.1f} s")

    from PySide6.QtWidgets import QApplication

    from albergue_desktop.domain import clock
    from albergue_desktop.services import health_desk
    from albergue_desktop.services.context import Actor
    from albergue_desktop.storage.db import Database
    from albergue_desktop.ui.health.desk import HealthDesk
    from albergue_desktop.ui.tasks import TaskManager

    db = Database.open(path)
    clock.follow(db)
    center = db.meta("center_id")
    actor = Actor("salud", "salud", center)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    counts = {t: con.execute(f"SELECT count(*) FROM {t} WHERE center_id = ?", (center,))
              .fetchone()[0] for t in ("consultation", "screening", "referral")}
    present = con.execute("SELECT count(*) FROM stay WHERE check_out IS NULL").fetchone()[0]
    print(f"center 03: {present} people present, {counts}")

    def bare() -> None:
        for sql in BARE:
            con.execute(sql, {"c": center}).fetchall()

    sections = health_desk.desk(db, actor, center_id=center)
    print("desk sections:", {k: len(items) for k, _t, items in sections})
    bare_ms = median_ms(bare, args.runs)
    desk_ms = median_ms(lambda: health_desk.desk(db, actor, center_id=center), args.runs)

    app = QApplication.instance() or QApplication(sys.argv)
    tasks = TaskManager()

    def open_widget() -> None:
        done = []
        widget = HealthDesk(db, actor, tasks)
        widget.loaded.connect(lambda: done.append(1))
        widget.resize(1200, 700)
        widget.show()
        while not done:
            app.processEvents()
            time.sleep(0.001)
        widget.repaint()
        widget.close()
        widget.deleteLater()
        app.processEvents()

    widget_ms = median_ms(open_widget, args.runs)
    tasks.shutdown()
    print(f"bare read of the same rows: {bare_ms:7.1f} ms")
    print(f"desk (service):             {desk_ms:7.1f} ms  ratio {desk_ms / bare_ms:5.2f}x")
    print(f"desk widget opened:         {widget_ms:7.1f} ms  ratio {widget_ms / bare_ms:5.2f}x"
          f"  (target <= 300 ms: {'met' if widget_ms <= 300 else 'NOT met'})")


if __name__ == "__main__":
    main()
