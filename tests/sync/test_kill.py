"""A merge killed with SIGKILL inside its write transaction leaves the target as it was and
passing ``PRAGMA integrity_check``; running the merge again completes it. The kill is placed
by what the merge has done (bytes written to the WAL, the write lock held while the process
is frozen with SIGSTOP), never by a sleep, so it lands inside the transaction on any machine."""

from __future__ import annotations

import signal
from albergue_sync import dbapi as sqlite3
import subprocess
import sys
import time

import pytest
from sync_helpers import bulk_people, bulk_touch, make_center, register, state

from albergue_sync import merge_files
from factories import copy_db, keys_code  # noqa: E402

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def run_merge(target, source) -> subprocess.Popen:
    # The engine's merge in its own process (the CLI would add its sign-in audit event after
    # the merge, a second transaction that is not what this test kills).
    code = ("import sys; from pathlib import Path; from albergue_sync import merge_files; "
            f"{keys_code(target, source)}; "
            "merge_files(Path(sys.argv[1]), [Path(sys.argv[2])])")
    return subprocess.Popen([sys.executable, "-c", code, str(target), str(source)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def integrity(path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def _holds_write_lock(path) -> bool:
    """True while another connection is inside a write transaction on ``path``."""
    probe = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        probe.execute("BEGIN IMMEDIATE")
        probe.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc) or "busy" in str(exc), exc
        return True
    finally:
        probe.close()


def _wal_size(path) -> int:
    wal = path.with_name(path.name + "-wal")
    try:  # the last connection to close removes it: it may go between two looks
        return wal.stat().st_size
    except FileNotFoundError:
        return 0


def _committed_seq(path) -> str | None:
    """The target's ``seq_last`` as committed (a WAL reader never sees a transaction that is
    still open)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'seq_last'").fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def _stop_inside_the_transaction(proc, target, wal_grown: int, base_seq: str | None) -> bool:
    """Wait (polling, no timing involved) until the merge has written ``wal_grown`` bytes of
    its transaction, freeze it with SIGSTOP and check it still holds the write lock and has
    not committed its work yet: the kill that follows lands inside the merge's transaction,
    whatever the machine's speed. False when the merge committed before it could be caught
    (it is then left to finish; the caller tries again)."""
    start_wal = _wal_size(target)
    deadline = time.monotonic() + 300  # a safety net against a hung test only
    while True:
        if proc.poll() is not None:
            return False  # it finished before the point to kill it
        assert time.monotonic() < deadline, "the merge never reached the point to kill it"
        if _wal_size(target) - start_wal >= wal_grown and _holds_write_lock(target):
            proc.send_signal(signal.SIGSTOP)
            if _holds_write_lock(target):
                if _committed_seq(target) == base_seq:
                    return True
                proc.send_signal(signal.SIGCONT)  # its work is already committed: too late
                return False
            proc.send_signal(signal.SIGCONT)  # it was between two transactions: go on
        time.sleep(0.002)


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
    copy_db(base, after_file)
    assert run_merge(after_file, source).wait() == 0
    before, after = state(base), state(after_file)
    assert before != after
    # killed at several depths of the merge's write transaction (bytes it has written)
    base_seq = _committed_seq(base)
    for attempt, wal_grown in enumerate((1, 64 * 1024, 512 * 1024)):
        for _try in range(20):  # a merge that commits before it is caught is tried again
            target = tmp_path / f"target{attempt}.sqlite"
            for side in ("", "-wal", "-shm"):
                (tmp_path / f"target{attempt}.sqlite{side}").unlink(missing_ok=True)
            copy_db(base, target)
            proc = run_merge(target, source)
            if _stop_inside_the_transaction(proc, target, wal_grown, base_seq):
                break
            proc.wait()
        else:
            pytest.fail("the merge was never caught inside its transaction")
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        assert integrity(target) == ["ok"]
        assert state(target) == before  # killed inside the transaction: nothing of it stays
        # and the interrupted merge can simply be run again
        assert run_merge(target, source).wait() == 0
        assert state(target)[:2] == after[:2]
