"""Benchmark of the withholding on a pull without health data
(sync/src/albergue_sync/redact.py).

N center files of P people each (demo generator) are merged into a central file; then two
copies of center 01 pull the central file, one with health data and one without. The pull
without health does the extra withholding work (other centers' health and protection codes,
placement routing, audit values); its time is printed as a ratio of the pull with health, in
the same run, together with what it withheld.

    uv run python bench/bench_redact.py                  # 6 x 5,000 people
    uv run python bench/bench_redact.py --persons 1000   # quicker

Target: a pull without health within 1.2x the pull with health.
"""

from __future__ import annotations

import argparse
import shutil
from albergue_sync import dbapi as sqlite3  # keyed connections (encrypted files)
import sys
import tempfile
import time
from pathlib import Path

from bench_sync import build_center

from albergue_sync import Options, merge_files

RESTRICTED = ("SM-%", "CR-TP%", "SV-%", "WR-WR%")


def restricted_people(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        like = " OR ".join("n.value LIKE ?" for _ in RESTRICTED)
        return conn.execute(
            f"SELECT count(*) FROM person p WHERE EXISTS (SELECT 1 FROM "
            f"json_each(p.specific_needs) n WHERE {like})", RESTRICTED).fetchone()[0]
    finally:
        conn.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=5_000, help="people per center")
    parser.add_argument("--centers", type=int, default=6)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="albergue-bench-redact-"))
    try:
        sources = []
        for k in range(1, args.centers + 1):
            path = work / f"centro{k:02d}.sqlite"
            build_center(path, f"{k:02d}", args.persons, seed=k)
            sources.append(path)
        central = work / "central.sqlite"
        merge_files(central, sources)
        timings = {}
        for with_health in (True, False):
            copy = work / f"pull-{with_health}.sqlite"
            shutil.copy(sources[0], copy)
            started = time.perf_counter()
            [report] = merge_files(copy, [central], Options(direction="pull",
                                                             with_health=with_health))
            timings[with_health] = time.perf_counter() - started
            print(f"pull {'with' if with_health else 'without'} health: "
                  f"{timings[with_health]:7.2f} s  {report.rows_read:>9,} rows read  "
                  f"people holding restricted codes afterwards: {restricted_people(copy):,}")
        print(f"central: people holding restricted codes {restricted_people(central):,}")
        print(f"ratio without/with health: {timings[False] / timings[True]:.2f}x "
              f"(target <= 1.2x)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
