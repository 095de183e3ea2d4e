"""Foundation benchmark: demo generation, search latency, time to the people list.

Every figure is printed beside a baseline measured in the same run on the same machine, as a
ratio, so the numbers mean something on any laptop:

1. Demo generation of N people (default 100,000) beside a raw copy of the same rows into
   bare tables (no indexes, no full-text index, no stamps) with INSERT ... SELECT.
2. Search latency p50/p95 of the first 50 results through the service layer beside the raw
   FTS5 query alone (target: service p95 <= 10 ms).
3. Time from process launch to the people list painted with its first page (target 1.5 s),
   beside launching Python + Qt and painting an empty table.

Usage: uv run python bench/bench_foundation.py [--persons N] [--db FILE (reuse)]
"""

from __future__ import annotations

import argparse
import os
import random
from albergue_sync import dbapi as sqlite3  # keyed connections (encrypted files)
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]


def bench_generation(path: Path, persons: int) -> None:
    from albergue_desktop.demo import generate_demo
    from albergue_desktop.storage.db import Database

    db = Database.open(path)
    start = time.perf_counter()
    generate_demo(db, persons=persons, seed=1, users=False)
    generated = time.perf_counter() - start
    db.close()

    raw_path = path.with_name("raw-copy.sqlite")
    raw_path.unlink(missing_ok=True)
    con = sqlite3.connect(raw_path, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = FULL")
    con.execute("ATTACH DATABASE ? AS src KEY ?", (str(path), sqlite3.attach_key(path)))
    tables = [r[0] for r in con.execute(
        "SELECT name FROM src.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
        " AND name NOT LIKE 'person_fts%' AND name <> 'audit_event'")]
    for table in tables:
        con.execute(f"CREATE TABLE main.{table} AS SELECT * FROM src.{table} WHERE 0")
    start = time.perf_counter()
    con.execute("BEGIN")
    rows = 0
    for table in tables:
        rows += con.execute(f"INSERT INTO main.{table} SELECT * FROM src.{table}").rowcount
    con.execute("COMMIT")
    raw = time.perf_counter() - start
    con.close()
    raw_path.unlink(missing_ok=True)
    print(f"demo generation, {persons:,} people: {generated:.1f} s; raw copy of the same "
          f"{rows:,} rows: {raw:.2f} s; ratio {generated / raw:.1f}x")


def _queries(con: sqlite3.Connection, n: int = 300) -> list[str]:
    rng = random.Random(7)
    rows = con.execute("SELECT given_names, surnames, folio FROM person WHERE deleted = 0 "
                       "ORDER BY random() LIMIT ?", (n,)).fetchall()
    out = []
    for given, surnames, folio in rows:
        kind = rng.random()
        first = given.split()[0]
        if kind < 0.4:
            out.append(f"{first[:4]} {surnames[:3]}")   # fragments of both names
        elif kind < 0.7:
            out.append(surnames[:5])
        elif kind < 0.85:
            out.append(folio)                           # a scanned folio
        else:
            out.append(first)
    return out


def bench_search(path: Path) -> None:
    from albergue_desktop.services import people
    from albergue_desktop.services.context import SYSTEM
    from albergue_desktop.storage.db import Database
    from albergue_desktop.storage.queries import fts_query

    db = Database.open(path)
    con = sqlite3.connect(path)
    queries = _queries(con)

    def measure(fn) -> tuple[float, float]:
        for q in queries[:20]:
            fn(q)  # warm the page cache
        samples = []
        for q in queries:
            t = time.perf_counter()
            fn(q)
            samples.append((time.perf_counter() - t) * 1000)
        return _percentiles(samples)

    service = measure(lambda q: people.search_people(db, SYSTEM, q, limit=50))
    raw = measure(lambda q: con.execute(
        "SELECT rowid FROM person_fts WHERE person_fts MATCH ? ORDER BY rowid DESC LIMIT 50",
        (fts_query(q),)).fetchall())
    print(f"search, first 50 results, {len(queries)} queries: service p50 {service[0]:.2f} ms "
          f"p95 {service[1]:.2f} ms (target p95 <= 10 ms); raw FTS5 p50 {raw[0]:.2f} ms "
          f"p95 {raw[1]:.2f} ms; p95 ratio {service[1] / max(raw[1], 1e-6):.1f}x")
    con.close()
    db.close()


_CHILD_APP = """
import sys, time
launched = float(sys.argv[2])
from PySide6.QtCore import QEvent, QObject, QTimer
from albergue_desktop.services.context import Actor
from albergue_desktop.storage.db import Database
from albergue_desktop.ui import app as ui_app
from albergue_desktop.ui.main_window import MainWindow
qapp = ui_app.create_application()
db = Database.open(sys.argv[1])
window = MainWindow(db, Actor(username="bench", role="supervision"))

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if (event.type() == QEvent.Type.Paint and obj.objectName() == "qt_scrollarea_viewport"
                and window.people.model.rowCount() > 0):
            print(f"{time.time() - launched:.4f}", flush=True)
            QTimer.singleShot(0, qapp.quit)
        return False

f = FirstPaint(); qapp.installEventFilter(f)
window.resize(1366, 768); window.show()
qapp.exec()
"""

_CHILD_BASELINE = """
import sys, time
launched = float(sys.argv[2])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QTableWidgetItem
qapp = QApplication(sys.argv[:1])
window = QMainWindow(); table = QTableWidget(200, 8); window.setCentralWidget(table)
for r in range(200):
    for c in range(8):
        table.setItem(r, c, QTableWidgetItem(f"{r}-{c}"))

class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj.objectName() == "qt_scrollarea_viewport":
            print(f"{time.time() - launched:.4f}", flush=True)
            QTimer.singleShot(0, qapp.quit)
        return False

f = FirstPaint(); qapp.installEventFilter(f)
window.resize(1366, 768); window.show()
qapp.exec()
"""


def _launch(code: str, db: Path, runs: int = 5) -> float:
    # As on an installed laptop: bytecode cached (some sandboxes disable writing it), and one
    # warm-up launch so the file and the libraries are in the OS cache.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    times = []
    for _ in range(runs + 1):
        launched = time.time()
        out = subprocess.run([sys.executable, "-c", code, str(db), repr(launched)], env=env,
                             capture_output=True, text=True, check=True).stdout
        times.append(float(out.split()[-1]))
    return statistics.median(times[1:])


def bench_startup(path: Path) -> None:
    app = _launch(_CHILD_APP, path)
    baseline = _launch(_CHILD_BASELINE, path)
    print(f"launch to people list painted (median of 5): {app:.2f} s (target 1.5 s); "
          f"launch to an empty Qt table painted: {baseline:.2f} s; ratio {app / baseline:.1f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="reuse this demo database (skip generation)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db
        if path is None:
            path = Path(tmp) / "bench.sqlite"
            bench_generation(path, args.persons)
        bench_search(path)
        bench_startup(path)


if __name__ == "__main__":
    main()
