"""Helpers of the sync server tests: a server on loopback, enrolled centers, and a TCP
proxy that cuts connections at chosen byte counts."""

from __future__ import annotations

import random
import socket
import threading
from pathlib import Path

from albergue_desktop.services import centers
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage.tables import Meta
from sync_helpers import ClockedDatabase

from albergue_sync import client, files
from albergue_sync.server import tls
from albergue_sync.server.run import Running


def make_plain_center(path: Path, code: str) -> None:
    """A closed center file: its center (meta center_id) and a dormitory, without user
    accounts (the server tests sign no one in; an argon2 hash costs half a second)."""
    db = ClockedDatabase.open(path)
    center = centers.create_center(db, SYSTEM, code=code, name=f"Centro Comunitario {code}")
    with db.session("admin") as session:
        session.merge(Meta(key="center_id", value=center.id))
    centers.create_area(db, SYSTEM, center_id=center.id, name="Dormitorio A")
    db.close()


def new_central(path: Path) -> Path:
    files.create(path)
    return path


def enroll(srv: Running, db_path: Path, code: str, *, url: str | None = None,
           with_health: bool = False) -> client.Connection:
    fp = tls.fingerprint_file(srv.cert)[:tls.FINGERPRINT_BYTES]
    text = srv.server.state.new_enrollment(code, fp, with_health=with_health)
    return client.connect(db_path, url or srv.url, text)


class CuttingProxy:
    """Forwards TCP to ``target`` (TLS passes through untouched) and closes each connection
    after a random number of bytes (both directions counted), drawn from ``rng`` between
    ``low`` and ``high``. ``cuts`` counts the connections it cut."""

    def __init__(self, target: tuple[str, int], rng: random.Random, low: int = 1500,
                 high: int = 40_000) -> None:
        self.target, self.rng, self.low, self.high = target, rng, low, high
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.cuts = 0
        self._lock = threading.Lock()
        self._stop = False
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            with self._lock:
                budget = self.rng.randint(self.low, self.high)
            threading.Thread(target=self._pipe, args=(conn, budget), daemon=True).start()

    def _pipe(self, downstream: socket.socket, budget: int) -> None:
        try:
            upstream = socket.create_connection(self.target)
        except OSError:
            downstream.close()
            return
        left = [budget]
        lock = threading.Lock()
        done = threading.Event()

        def pump(src: socket.socket, dst: socket.socket) -> None:
            try:
                while not done.is_set():
                    data = src.recv(4096)
                    if not data:
                        break
                    with lock:
                        take = min(len(data), left[0])
                        left[0] -= take
                    if take:
                        dst.sendall(data[:take])
                    if left[0] <= 0:
                        with self._lock:
                            self.cuts += 1
                        break
            except OSError:
                pass
            finally:
                done.set()
                for s in (src, dst):
                    try:
                        s.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass

        other = threading.Thread(target=pump, args=(upstream, downstream), daemon=True)
        other.start()
        pump(downstream, upstream)
        other.join()
        downstream.close()
        upstream.close()

    def close(self) -> None:
        self._stop = True
        self.listener.close()
