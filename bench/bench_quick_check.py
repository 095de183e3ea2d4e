"""Cost of the ``PRAGMA quick_check`` that ``Database.open`` runs on every existing file
(storage/db.py; docs/threat-model.md). Reported against same-run baselines, never as a
timed assertion:

- quick_check vs reading every row of the ``person`` table (what a search index warm-up or
  an export does anyway),
- quick_check vs ``integrity_check`` (the slower full check it replaces),
- the whole ``Database.open`` with the check vs without it.

    uv run python bench/bench_quick_check.py --db FILE [--rounds 3]

Build a file with ``uv run albergue demo --db FILE --persons 100000`` (``Database.open``
upgrades an older file in place: never point it at a fixture). Warm OS cache (the
file is read once before timing); the first open after a reboot reads it from disk.
"""

from __future__ import annotations

import argparse
from albergue_sync import dbapi as sqlite3  # keyed connections (encrypted files)
import statistics
import time
from pathlib import Path

from albergue_desktop.storage import db as db_module
from albergue_desktop.storage.db import Database


def median_time(fn, rounds: int) -> float:
    runs = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    path = args.db.resolve()
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    pages, page_size = (conn.execute("PRAGMA page_count").fetchone()[0],
                        conn.execute("PRAGMA page_size").fetchone()[0])
    people = conn.execute("SELECT count(*) FROM person").fetchone()[0]
    path.read_bytes()  # warm the OS cache once

    def quick():
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"

    def integrity():
        conn.execute("PRAGMA integrity_check").fetchall()

    def scan():
        conn.execute("SELECT * FROM person").fetchall()

    q, i, s = (median_time(f, args.rounds) for f in (quick, integrity, scan))
    conn.close()  # the last connection: SQLite checkpoints and removes the WAL

    def open_close():
        Database.open(path).close()

    as_shipped = median_time(open_close, args.rounds)  # full check only if small or hot
    limit = db_module.FULL_CHECK_MAX_BYTES
    db_module.FULL_CHECK_MAX_BYTES = 1 << 62
    try:
        with_check = median_time(open_close, args.rounds)
    finally:
        db_module.FULL_CHECK_MAX_BYTES = limit
    real = db_module._quick_check
    db_module._quick_check = lambda *a, **k: None
    try:
        without = median_time(open_close, args.rounds)
    finally:
        db_module._quick_check = real
    print(f"{path.name}: {people:,} people, {pages * page_size / 2**20:.0f} MB "
          f"({pages:,} pages)")
    print(f"quick_check: {q:.2f} s = {q / s:.1f}x a full read of the person table, "
          f"{q / i:.2f}x integrity_check")
    print(f"Database.open always checking / never: {with_check / without:.1f}x "
          f"({with_check:.2f} s vs {without:.2f} s)")
    print(f"Database.open as shipped (full check up to {limit // 2**20} MB or when hot) / "
          f"never: {as_shipped / without:.1f}x ({as_shipped:.2f} s); full check here: "
          f"{db_module.needs_full_check(path)}")


if __name__ == "__main__":
    main()
