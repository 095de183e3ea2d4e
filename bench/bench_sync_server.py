"""Load bench of the sync server on loopback (docs/sync-server.md).

C simulated centers of P people each (default 100 x 1,000) are merged into a central file
first (through the file path; not the measured part). Then every center edits 1 % of its
people and pushes: through ``albergue-sync serve`` (K clients at once over HTTPS, each push
an export cut at the central's bookmark, gzip, resumable upload, merged by the server's one
worker) and, as the baseline in the same run, the same merges through the file path
(``status.export`` then ``merge_files`` into a copy of the same central, one after another).
Printed: throughput (pushes per second) and p50/p95 push latency as a center sees it, bytes
sent, the server's merge time per push and what that means for one SQLite central (pushes
per minute it can take). Bounded: at most --max-seconds of pushing, and C pushes.

    uv run python bench/bench_sync_server.py                        # 100 x 1,000, 8 clients
    uv run python bench/bench_sync_server.py --centers 20 --persons 300   # quicker

Center files are cached between runs in the system temp folder (synthetic data only).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from albergue_sync import dbapi as sqlite3  # keyed connections (encrypted files)
from albergue_sync import keyfile
import statistics
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "sync"))

from albergue_desktop.services import centers, people  # noqa: E402
from albergue_desktop.services.context import SYSTEM  # noqa: E402
from albergue_desktop.services.people import MemberInput  # noqa: E402
from albergue_desktop.storage.db import Database  # noqa: E402
from albergue_desktop.storage.tables import Meta  # noqa: E402
from albergue_sync import client, files, merge_files  # noqa: E402
from albergue_sync.server import tls  # noqa: E402
from albergue_sync.server.run import Running  # noqa: E402
from albergue_sync.status import export  # noqa: E402
from sync_helpers import bulk_people  # noqa: E402


def make_center(path: Path, code: str, persons: int) -> None:
    db = Database.open(path)
    center = centers.create_center(db, SYSTEM, code=code, name=f"Centro {code}")
    with db.session("admin") as session:
        session.merge(Meta(key="center_id", value=center.id))
    member = MemberInput(given_names="Marie", surnames="Joseph", sex="F",
                         birth_date=date(1990, 5, 1), nationality="HT", relationship="head",
                         vaccinations=[{"vaccine": "covid19", "dose": 1}])
    people.register_household(db, SYSTEM, center_id=center.id, members=[member])
    db.close()
    bulk_people(path, persons - 1, prefix=f"c{code}")


def touch(path: Path, share: float, rng: random.Random) -> int:
    """Edit the notes of ``share`` of the people of a closed file, as stamped writes."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        site, seq, hlc = meta["site_id"], int(meta["seq_last"]), int(meta["hlc_last"])
        hlc = max(hlc + 1, files.now_ms() << files.HLC_COUNTER_BITS)
        rows = conn.execute("SELECT id, vv, fv FROM person ORDER BY id").fetchall()
        chosen = rng.sample(rows, max(1, round(len(rows) * share)))
        updates = []
        for i, (pid, vv, fv) in enumerate(chosen, 1):
            vv, fv = json.loads(vv), json.loads(fv)
            vv[site] = seq + i
            fv["notes"] = [hlc, site, seq + i]
            updates.append((f"visita {seq + i}", json.dumps(vv), json.dumps(fv), hlc, seq + i,
                            pid))
        conn.executemany("UPDATE person SET notes = ?, vv = ?, fv = ?, hlc = ?, "
                         "change_seq = ? WHERE id = ?", updates)
        conn.executemany("UPDATE meta SET value = ? WHERE key = ?",
                         [(str(seq + len(updates)), "seq_last"), (str(hlc), "hlc_last")])
        conn.execute("COMMIT")
        return len(updates)
    finally:
        conn.close()


def centers_cache(count: int, persons: int) -> Path:
    cache = Path(tempfile.gettempdir()) / f"albergue-bench-server-{count}x{persons}"
    done = cache / "done"
    if done.exists():
        return cache
    cache.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    for i in range(1, count + 1):
        target = cache / f"c{i:03d}.sqlite"
        if not target.exists():
            make_center(target, f"{i:03d}", persons)
        if i % 10 == 0:
            print(f"  {i} centers made ({time.perf_counter() - started:.0f} s)", flush=True)
    done.write_text("ok")
    return cache


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--centers", type=int, default=100)
    ap.add_argument("--persons", type=int, default=1000)
    ap.add_argument("--share", type=float, default=0.01)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--max-seconds", type=float, default=600.0)
    ap.add_argument("--pulls", type=int, default=10,
                    help="centers that then pull the central's changes (timed)")
    args = ap.parse_args()
    rng = random.Random(1)
    cache = centers_cache(args.centers, args.persons)
    run = Path(tempfile.mkdtemp(prefix="albergue-bench-server-"))
    try:
        paths = []
        for src in sorted(cache.glob("c*.sqlite")):
            shutil.copy(src, run / src.name)
            keyfile.copy_keys(src, run / src.name)
            paths.append(run / src.name)
        central = run / "central.sqlite"
        started = time.perf_counter()
        merge_files(central, paths)
        print(f"initial load (file path): {len(paths)} centers, {args.persons} people each: "
              f"{time.perf_counter() - started:.1f} s; central "
              f"{central.stat().st_size / 1e6:.1f} MB")
        baseline_central = run / "central-file.sqlite"
        shutil.copy(central, baseline_central)
        keyfile.copy_keys(central, baseline_central)
        edited = sum(touch(p, args.share, rng) for p in paths)
        print(f"edited {edited} people ({args.share:.0%} of each center)")

        # --- baseline: the same merges through the file path ------------------------
        file_latencies: list[float] = []
        wall = time.perf_counter()
        for p in paths:
            one = time.perf_counter()
            snap = run / "snap.sqlite"
            export(p, snap)
            merge_files(baseline_central, [snap])
            snap.unlink()
            file_latencies.append(time.perf_counter() - one)
        file_wall = time.perf_counter() - wall

        # --- through the server ------------------------------------------------------
        latencies: list[float] = []
        sizes: list[int] = []
        merge_seconds: list[float] = []
        lock = threading.Lock()
        with Running(central, run / "server") as srv:
            fp = tls.fingerprint_file(srv.cert)[:tls.FINGERPRINT_BYTES]
            for i, p in enumerate(paths, 1):
                client.connect(p, srv.url, srv.server.state.new_enrollment(f"{i:03d}", fp))
            deadline = time.perf_counter() + args.max_seconds

            def push(p: Path) -> None:
                if time.perf_counter() > deadline:
                    return
                result = client.push(p)
                with lock:
                    latencies.append(result.seconds)
                    sizes.append(result.size)
                    merge_seconds.extend(r["seconds"] for r in result.reports)

            wall = time.perf_counter()
            with ThreadPoolExecutor(args.clients) as pool:
                list(pool.map(push, paths))
            server_wall = time.perf_counter() - wall

            # pulls: the central's changes since each center's bookmark (none yet: whole)
            pull_times: list[float] = []
            pull_sizes: list[int] = []
            for p in paths[:args.pulls]:
                one = time.perf_counter()
                got = client.pull(p)
                pull_times.append(time.perf_counter() - one)
                pull_sizes.append(got.size)
            again_times: list[float] = []
            for p in paths[:args.pulls]:
                one = time.perf_counter()
                client.pull(p)
                again_times.append(time.perf_counter() - one)

        n = len(latencies)
        print(f"\npushes through the server: {n} of {len(paths)} in {server_wall:.1f} s "
              f"({args.clients} clients at once)")
        print(f"  throughput {n / server_wall:.2f} pushes/s; latency p50 "
              f"{pct(latencies, 50):.2f} s, p95 {pct(latencies, 95):.2f} s, max "
              f"{max(latencies):.2f} s")
        print(f"  sent {sum(sizes) / 1e3:.0f} kB compressed ({statistics.mean(sizes) / 1e3:.1f}"
              f" kB per push)")
        print(f"  server merge per push: mean {statistics.mean(merge_seconds):.3f} s, p95 "
              f"{pct(merge_seconds, 95):.3f} s -> one SQLite central takes about "
              f"{60 / statistics.mean(merge_seconds):.0f} such pushes per minute")
        nf = len(file_latencies)
        print(f"baseline, file path (export + merge, one after another): {nf} merges in "
              f"{file_wall:.1f} s ({nf / file_wall:.2f} per s); per merge p50 "
              f"{pct(file_latencies, 50):.2f} s, p95 {pct(file_latencies, 95):.2f} s")
        print(f"ratio server/file: throughput {(n / server_wall) / (nf / file_wall):.2f}x, "
              f"p95 latency {pct(latencies, 95) / pct(file_latencies, 95):.2f}x")
        if pull_times:
            print(f"first pulls (whole central for the center): {len(pull_times)}, p50 "
                  f"{pct(pull_times, 50):.2f} s, p95 {pct(pull_times, 95):.2f} s, "
                  f"{statistics.mean(pull_sizes) / 1e6:.1f} MB compressed each")
            print(f"next pulls (nothing new since the bookmark): p50 "
                  f"{pct(again_times, 50):.2f} s, p95 {pct(again_times, 95):.2f} s")
        from sync_helpers import contents  # noqa: PLC0415

        same = contents(central) == contents(baseline_central)
        print(f"server central equals file-path central: {same}")
    finally:
        shutil.rmtree(run, ignore_errors=True)


if __name__ == "__main__":
    main()
