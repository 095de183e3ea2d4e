"""Benchmark of the sync engine (issue 3).

12 center files of N people each (demo generator: households, documents, vaccinations,
stays) are merged into an empty central file; the time is printed beside a raw
``INSERT ... SELECT`` copy of the same rows between attached files, in the same run. Then 1 %
of the people of every center are edited through the services and the incremental merge is
timed, with the rows it read.

    uv run python bench/bench_sync.py                 # 12 x 10,000 people
    uv run python bench/bench_sync.py --persons 1000  # quicker

Targets: full merge within 3x the raw copy; incremental merge within 5 % of the full one.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from albergue_desktop.services import people
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage.db import Database
from albergue_desktop.storage.tables import PersonUpdate
from albergue_sync import merge_files
from albergue_sync import files as sync_files
from albergue_sync.tablemerge import synced_tables


def build_center(path: Path, code: str, persons: int, seed: int) -> None:
    from albergue_desktop.demo import generate_demo

    with Database.open(path) as db:
        generate_demo(db, persons=persons, center_code=code, seed=seed, users=False)


def raw_copy(target: Path, sources: list[Path]) -> tuple[float, int]:
    """The floor: the same rows copied with one INSERT ... SELECT per table and file."""
    sync_files.create(target)
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA synchronous = FULL")
    rows = 0
    started = time.perf_counter()
    for source in sources:
        conn.execute("ATTACH DATABASE ? AS src", (sync_files.uri(source, readonly=True),))
        conn.execute("BEGIN IMMEDIATE")
        for table in synced_tables(conn):
            rows += conn.execute(f"INSERT INTO main.{table} SELECT * FROM src.{table}").rowcount
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
    seconds = time.perf_counter() - started
    conn.close()
    return seconds, rows


def edit_one_percent(path: Path, seed: int) -> int:
    rng = random.Random(seed)
    with Database.open(path) as db:
        conn = sqlite3.connect(path)
        ids = [r[0] for r in conn.execute("SELECT id FROM person WHERE deleted = 0")]
        conn.close()
        chosen = rng.sample(ids, max(1, len(ids) // 100))
        for pid in chosen:
            people.update_person(db, SYSTEM, pid, PersonUpdate(
                notes=f"nota del seguimiento {rng.randint(1, 9999)}"))
    return len(chosen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=10_000, help="people per center")
    parser.add_argument("--centers", type=int, default=12)
    parser.add_argument("--dir", type=Path, help="work folder (default: a temporary one)")
    args = parser.parse_args(argv)
    work = args.dir or Path(tempfile.mkdtemp(prefix="albergue-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        sources = []
        for k in range(1, args.centers + 1):
            path = work / f"centro{k:02d}.sqlite"
            path.unlink(missing_ok=True)
            build_center(path, f"{k:02d}", args.persons, seed=k)
            sources.append(path)
        print(f"{args.centers} center files of {args.persons:,} people built in "
              f"{time.perf_counter() - started:.1f} s "
              f"({sum(p.stat().st_size for p in sources) / 1e6:.0f} MB)")

        raw_seconds, raw_rows = raw_copy(work / "raw.sqlite", sources)
        central = work / "central.sqlite"
        started = time.perf_counter()
        full = merge_files(central, sources)
        full_seconds = time.perf_counter() - started
        full_read = sum(r.rows_read for r in full)
        print(f"raw INSERT ... SELECT copy: {raw_seconds:8.2f} s  {raw_rows:>9,} rows")
        print(f"full merge:                 {full_seconds:8.2f} s  {full_read:>9,} rows read  "
              f"{sum(r.new for r in full):,} new  ratio {full_seconds / raw_seconds:.2f}x "
              f"(target <= 3x)")

        edited = sum(edit_one_percent(p, seed=k) for k, p in enumerate(sources))
        started = time.perf_counter()
        step = merge_files(central, sources)
        step_seconds = time.perf_counter() - started
        step_read = sum(r.rows_read for r in step)
        print(f"incremental merge:          {step_seconds:8.2f} s  {step_read:>9,} rows read  "
              f"({edited:,} people edited, {sum(r.updated for r in step):,} updated)  "
              f"{100 * step_seconds / full_seconds:.1f} % of full time, "
              f"{100 * step_read / full_read:.2f} % of full rows (target <= 5 %)")
        assert all(r.mode == "incremental" for r in step)
    finally:
        if args.dir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
