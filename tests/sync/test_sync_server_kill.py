"""The sync server killed with SIGKILL in the middle of a merge loses nothing: the central
file is as before (integrity intact), the upload stays queued in the server's state, and
the next start merges it. The kill is placed by the merge's own progress (inside its write
transaction: the server process blocks there), never by a timer."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from factories import keys_code
from server_helpers import new_central
from sync_helpers import bulk_people, contents, make_center, register

from albergue_sync import client, connection, merge_files
from albergue_sync import dbapi as sqlite3
from albergue_sync.client import ServerRefused
from albergue_sync.server import tls
from albergue_sync.server.state import ServerState
from albergue_sync.status import export

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

SERVER = """
import sys, threading
from pathlib import Path
from albergue_sync.server.run import Running
central, folder, port, marker, block = sys.argv[1:6]
srv = Running(Path(central), Path(folder), port=int(port))
def hold(done, total, stage, detail):
    if block == "1" and stage == "merge" and done == 3:  # inside the merge transaction
        Path(marker).write_text("merging")
        threading.Event().wait()
srv.server.worker.progress = hold
srv.start()
Path(folder, "port").write_text(str(srv.port))
threading.Event().wait()
"""


def _start(central: Path, folder: Path, port: int, marker: Path, block: bool
           ) -> tuple[subprocess.Popen, int]:
    (folder / "port").unlink(missing_ok=True)
    # the server process signed in to the central (serve --user): its key in memory
    script = keys_code(central) + "\n" + SERVER
    proc = subprocess.Popen([sys.executable, "-c", script, str(central), str(folder),
                             str(port), str(marker), "1" if block else "0"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not (folder / "port").exists():  # readiness: the server wrote its port
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else ""
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    return proc, int((folder / "port").read_text())


def _wait_for(path: Path, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while not path.exists():
        assert proc.poll() is None
        assert time.monotonic() < deadline, "the merge did not start"
        time.sleep(0.02)


def test_server_killed_mid_merge_loses_nothing(tmp_path, monkeypatch):
    central = new_central(tmp_path / "central.sqlite")
    folder = tmp_path / "server"
    folder.mkdir()
    db, cid = make_center(tmp_path / "c01.sqlite", "01")
    register(db, cid, given="Marie", vaccine=True)
    db.close()
    bulk_people(db.path, 200)
    marker = tmp_path / "merging"
    proc, port = _start(central, folder, 0, marker, block=True)
    try:
        state = ServerState(folder)
        fp = tls.fingerprint_file(folder / tls.CERT_NAME)[:tls.FINGERPRINT_BYTES]
        code = state.new_enrollment("01", fp)
        state.close()
        client.connect(db.path, f"https://127.0.0.1:{port}", code)
        monkeypatch.setattr(connection, "RETRIES", 0)
        outcome: list[object] = []

        def push() -> None:
            try:
                outcome.append(client.push(db.path))
            except ServerRefused as exc:
                outcome.append(exc)

        pusher = threading.Thread(target=push)
        pusher.start()
        _wait_for(marker, proc)  # the server is inside the merge transaction
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        pusher.join(timeout=120)
        assert isinstance(outcome[0], ServerRefused) and outcome[0].code == "offline"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    check = sqlite3.connect(central)
    assert [r[0] for r in check.execute("PRAGMA integrity_check")] == ["ok"]
    check.close()
    assert contents(central)["person"] == {}  # nothing half-merged
    proc, _ = _start(central, folder, port, marker, block=False)
    try:
        monkeypatch.setattr(connection, "RETRIES", 30)
        result = client.push(db.path)  # the same export: merged by the restarted server
        assert result.state == "merged"
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
    reference = tmp_path / "reference.sqlite"
    export(db.path, tmp_path / "copy.sqlite")
    merge_files(reference, [tmp_path / "copy.sqlite"])
    assert contents(central) == contents(reference)
    assert len(contents(central)["person"]) == 201
