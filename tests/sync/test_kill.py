"""A merge killed with SIGKILL at random points leaves the target as it was (or, if the kill
came after the commit, fully merged) and passing ``PRAGMA integrity_check``."""

from __future__ import annotations

import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from sync_helpers import bulk_people, bulk_touch, make_center, register, state

from albergue_sync import merge_files

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def run_merge(target, source) -> subprocess.Popen:
    # The engine's merge in its own process (the CLI would add its sign-in audit event after
    # the merge, a second transaction that is not what this test kills).
    code = ("import sys; from pathlib import Path; from albergue_sync import merge_files; "
            "merge_files(Path(sys.argv[1]), [Path(sys.argv[2])])")
    return subprocess.Popen([sys.executable, "-c", code, str(target), str(source)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def integrity(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def test_sigkill_mid_merge_leaves_the_target_whole(tmp_path):
    db, center_id = make_center(tmp_path / "center.sqlite", "01")
    register(db, center_id)
    db.close()
    source = db.path
    bulk_people(source, 3000)
    base = tmp_path / "base.sqlite"
    merge_files(base, [source])
    bulk_touch(source, "cambio que llega después")  # the next merge updates 3000 rows
    after_file = tmp_path / "after.sqlite"
    shutil.copy(base, after_file)
    started = time.perf_counter()
    assert run_merge(after_file, source).wait() == 0
    duration = time.perf_counter() - started
    before, after = state(base), state(after_file)
    assert before != after
    rng = random.Random(20211210)
    outcomes = []
    for attempt in range(4):
        target = tmp_path / f"target{attempt}.sqlite"
        shutil.copy(base, target)
        proc = run_merge(target, source)
        time.sleep(rng.uniform(0.15, 1.0) * duration)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert integrity(target) == ["ok"]
        now = state(target)
        assert now in (before, after)
        outcomes.append("after" if now == after else "before")
        # and the interrupted merge can simply be run again
        assert run_merge(target, source).wait() == 0
        assert state(target)[:2] == after[:2]
    assert "before" in outcomes
