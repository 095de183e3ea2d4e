"""Benchmark of the audit hash chain (sync/src/albergue_sync/auditchain.py).

One center file (demo generator, P people) gets E audit events written through the desktop's
audit hook (read events, each linked into the chain). Then, in the same run:

- a full merge of it into a new central file with the source's chain check, as a ratio of
  the same merge with the check switched off;
- ``verify`` of the whole file, as a ratio of a plain read of the same audit rows (every
  column, JSON parsed).

    uv run python bench/bench_audit_chain.py                      # 5,000 people, 20,000 events
    uv run python bench/bench_audit_chain.py --persons 1000 --events 5000

Target: the full merge with the check within 1.3x the merge without it.
"""

from __future__ import annotations

import argparse
import json
import shutil
from albergue_sync import dbapi as sqlite3  # keyed connections (encrypted files)
import sys
import tempfile
import time
from pathlib import Path

from bench_sync import build_center

from albergue_desktop.services import access_log
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage.db import Database
from albergue_sync import auditchain, merge_files


def add_events(path: Path, count: int) -> None:
    db = Database.open(path)
    try:
        done = 0
        while done < count:
            batch = min(1_000, count - done)
            with db.session(SYSTEM.username) as session:
                for i in range(batch):
                    access_log.note(session, SYSTEM, access_log.VIEW_RECORD, table_name="person",
                                    row_id=f"p{done + i}")
            done += batch
    finally:
        db.close()


def timed_merge(source: Path, work: Path, name: str) -> float:
    central = work / f"{name}.sqlite"
    started = time.perf_counter()
    merge_files(central, [source])
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=5_000)
    parser.add_argument("--events", type=int, default=20_000)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="albergue-bench-chain-"))
    try:
        source = work / "centro01.sqlite"
        build_center(source, "01", args.persons, seed=1)
        add_events(source, args.events)
        real = auditchain.check_source
        auditchain.check_source = lambda *a, **k: None
        try:
            without = timed_merge(source, work, "without")
        finally:
            auditchain.check_source = real
        with_check = timed_merge(source, work, "with")
        conn = sqlite3.connect(source)
        try:
            started = time.perf_counter()
            rows = [(*r[:-1], json.loads(r[-1])) for r in conn.execute(
                "SELECT *, changes FROM audit_event")]
            plain = time.perf_counter() - started
            started = time.perf_counter()
            verdict = auditchain.verify(conn)
            checked = time.perf_counter() - started
        finally:
            conn.close()
        print(f"audit rows: {len(rows):,}  chains: {verdict.chains}  ok: {verdict.ok}")
        print(f"full merge without check {without:6.2f} s, with check {with_check:6.2f} s: "
              f"ratio {with_check / without:.2f}x (target <= 1.3x)")
        print(f"verify {checked:6.2f} s vs plain read {plain:6.2f} s: "
              f"ratio {checked / plain:.2f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
