"""Benchmark of the sync engine (issues 3 and 10).

12 center files of N people each (demo generator: households, documents, vaccinations,
stays) are merged into an empty central file; the time is printed beside a raw
``INSERT ... SELECT`` copy of the same rows between attached files, in the same run. Then 1 %
of the people of every center are edited through the services and the incremental merge is
timed, with the rows it read, into the central file and into a copy of it twice as large
(every row cloned under new ids): the cost of an incremental merge must follow the changes,
not the size of the central file.

Every figure is given as CPU time of this process (SQLite runs in it) beside wall time: the
machines are shared, and the ratios are computed on CPU time. With ``--repeat N`` each
operation is run N times on the same files (restored between runs) and the fastest run is
kept, which takes out most of the noise of a busy machine.

    uv run python bench/bench_sync.py                 # 12 x 10,000 people
    uv run python bench/bench_sync.py --persons 1000  # quicker

Targets: full merge <= 1.5x the raw copy; incremental merge <= 2 % of the full
one; incremental into the doubled central <= 1.25x the incremental into the central.
"""

from __future__ import annotations

import argparse
import random
import shutil
from albergue_sync import dbapi as sqlite3  # keyed connections (encrypted files)
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from albergue_desktop.services import people
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage.db import Database
from albergue_desktop.storage.tables import PersonUpdate
from albergue_sync import keyfile, merge_files
from albergue_sync import files as sync_files
from albergue_sync.tablemerge import synced_tables


FULL_TARGET, STEP_TARGET, FLAT_TARGET = 1.5, 0.02, 1.25


class Clock:
    """Wall and CPU seconds of a block."""

    wall = cpu = 0.0

    def __str__(self) -> str:
        return f"{self.cpu:8.2f} s CPU ({self.wall:7.2f} s wall)"


@contextmanager
def timed():
    clock = Clock()
    wall, cpu = time.perf_counter(), time.process_time()
    yield clock
    clock.wall, clock.cpu = time.perf_counter() - wall, time.process_time() - cpu


def build_center(path: Path, code: str, persons: int, seed: int) -> None:
    from albergue_desktop.demo import generate_demo

    with Database.open(path) as db:
        generate_demo(db, persons=persons, center_code=code, seed=seed, users=False)


def fastest(clocks: list[Clock]) -> Clock:
    return min(clocks, key=lambda c: c.cpu)


def snapshot(paths: list[Path], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    copies = [folder / f"{i}-{p.name}" for i, p in enumerate(paths)]
    for path, copy in zip(paths, copies):
        shutil.copy(path, copy)
    return copies


def restore(paths: list[Path], copies: list[Path]) -> None:
    for path, copy in zip(paths, copies):
        for side in ("-wal", "-shm"):
            Path(f"{path}{side}").unlink(missing_ok=True)
        shutil.copy(copy, path)


def raw_copy(target: Path, sources: list[Path]) -> tuple[Clock, int]:
    """The floor: the same rows copied with one INSERT ... SELECT per table and file."""
    target.unlink(missing_ok=True)
    sync_files.create(target)
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA synchronous = FULL")
    rows = 0
    with timed() as clock:
        for source in sources:
            conn.execute("ATTACH DATABASE ? AS src KEY ?",
                         (sync_files.uri(source, readonly=True), sqlite3.attach_key(source)))
            conn.execute("BEGIN IMMEDIATE")
            for table in synced_tables(conn):
                rows += conn.execute(
                    f"INSERT INTO main.{table} SELECT * FROM src.{table}").rowcount
            conn.execute("COMMIT")
            conn.execute("DETACH DATABASE src")
        conn.close()
    return clock, rows


def double(path: Path) -> int:
    """Clone every synced row of a central file under new ids (a first hex digit no UUIDv7
    of this century has), references and human keys changed alike: a central file twice as
    large, with the same shape. Returns the rows added."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    added = 0
    for table in synced_tables(conn):
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        refs = {r[3] for r in conn.execute(f"PRAGMA foreign_key_list({table})")}
        keys = {"folio", "code"}
        exprs = [f"CASE WHEN {c} IS NULL THEN NULL ELSE 'f' || substr({c}, 2) END"
                 if c == "id" or c in refs else
                 f"CASE WHEN {c} IS NULL THEN NULL ELSE 'D' || {c} END" if c in keys else c
                 for c in cols]
        added += conn.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT "
                              f"{', '.join(exprs)} FROM {table}").rowcount
    conn.execute("COMMIT")
    conn.close()
    return added


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
    parser.add_argument("--seed", type=int, default=0,
                        help="added to each center's demo seed (another set of files)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each timed operation this many times, keep the fastest")
    args = parser.parse_args(argv)
    work = args.dir or Path(tempfile.mkdtemp(prefix="albergue-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        started = time.perf_counter()
        sources = []
        for k in range(1, args.centers + 1):
            path = work / f"centro{k:02d}.sqlite"
            path.unlink(missing_ok=True)
            build_center(path, f"{k:02d}", args.persons, seed=args.seed + k)
            sources.append(path)
        print(f"{args.centers} center files of {args.persons:,} people built in "
              f"{time.perf_counter() - started:.1f} s "
              f"({sum(p.stat().st_size for p in sources) / 1e6:.0f} MB)")

        runs = max(1, args.repeat)
        central = work / "central.sqlite"
        raws, full_clocks = [], []
        for _ in range(runs):  # alternated, so that both see the same load of the machine
            raws.append(raw_copy(work / "raw.sqlite", sources))
            central.unlink(missing_ok=True)
            with timed() as clock:
                full = merge_files(central, sources)
            full_clocks.append(clock)
        raw, raw_rows = fastest([c for c, _ in raws]), raws[0][1]
        full_clock = fastest(full_clocks)
        full_read = sum(r.rows_read for r in full)
        full_ratio = full_clock.cpu / raw.cpu
        print(f"raw INSERT ... SELECT copy: {raw}  {raw_rows:>9,} rows")
        print(f"full merge:                 {full_clock}  {full_read:>9,} rows read  "
              f"{sum(r.new for r in full):,} new  ratio {full_ratio:.2f}x "
              f"(target <= {FULL_TARGET}x)")

        doubled = work / "central-x2.sqlite"
        shutil.copy(central, doubled)
        keyfile.copy_keys(central, doubled)  # an encrypted file's copy: same key
        added = double(doubled)
        edited = sum(edit_one_percent(p, seed=k) for k, p in enumerate(sources))
        files = [central, doubled, *sources]
        before = snapshot(files, work / "snapshot")
        step_clocks, x2_clocks = [], []
        for run in range(runs):
            if run:
                restore(files, before)
            with timed() as clock:
                step = merge_files(central, sources)
            step_clocks.append(clock)
            with timed() as clock:
                step2 = merge_files(doubled, sources)
            x2_clocks.append(clock)
        step_clock, x2_clock = fastest(step_clocks), fastest(x2_clocks)
        step_read = sum(r.rows_read for r in step)
        step_ratio = step_clock.cpu / full_clock.cpu
        print(f"incremental merge:          {step_clock}  {step_read:>9,} rows read  "
              f"({edited:,} people edited, {sum(r.updated for r in step):,} updated)  "
              f"{100 * step_ratio:.2f} % of full CPU, "
              f"{100 * step_read / full_read:.2f} % of full rows (target <= "
              f"{100 * STEP_TARGET:.0f} %)")
        flat = x2_clock.cpu / step_clock.cpu
        print(f"incremental, central x2:    {x2_clock}  {sum(r.rows_read for r in step2):>9,} "
              f"rows read  (+{added:,} rows in the central)  {flat:.2f}x the incremental "
              f"above (target <= {FLAT_TARGET}x)")
        assert all(r.mode == "incremental" for r in step + step2)
        met = full_ratio <= FULL_TARGET and step_ratio <= STEP_TARGET and flat <= FLAT_TARGET
        print("targets met" if met else "TARGETS NOT MET")
    finally:
        if args.dir is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
