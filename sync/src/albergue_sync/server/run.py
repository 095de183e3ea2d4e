"""Starting the server: the certificate, the checks on where the files are, uvicorn.

:class:`Running` starts it in a thread on an already bound socket (port 0 picks a free
port) and waits until uvicorn says it serves: tests and the bench use it; the CLI runs
the same server in the foreground."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

from .. import files, netfs
from ..i18n import SyncRefused
from . import tls
from .app import SyncServer


def prepare(central: Path, folder: Path, hosts: list[str] | None = None,
            ) -> tuple[SyncServer, Path, Path]:
    """Check the central file and the server folder (local disks), make the certificate
    when missing, build the application. Returns (server, cert, key)."""
    central, folder = Path(central), Path(folder)
    netfs.refuse_network(central)
    netfs.refuse_network(folder)
    files.inspect(central)
    cert, key = tls.ensure_certificate(folder, hosts)
    return SyncServer(central, folder, tls.fingerprint_file(cert)), cert, key


def _config(server: SyncServer, cert: Path, key: Path, host: str, port: int):
    import uvicorn  # noqa: PLC0415

    return uvicorn.Config(server.app, host=host, port=port, ssl_certfile=str(cert),
                          ssl_keyfile=str(key), log_level="warning", access_log=False,
                          lifespan="on", timeout_graceful_shutdown=5)


def serve_forever(central: Path, folder: Path, host: str, port: int) -> None:
    import uvicorn  # noqa: PLC0415

    server, cert, key = prepare(central, folder, [host])
    uvicorn.Server(_config(server, cert, key, host, port)).run()


class Running:
    """The server in a background thread, on ``host`` and a free port (or ``port``)."""

    def __init__(self, central: Path, folder: Path, host: str = "127.0.0.1",
                 port: int = 0) -> None:
        import uvicorn  # noqa: PLC0415

        self.server, self.cert, self.key = prepare(central, folder, [host])
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, port))
        self.host, self.port = host, self.sock.getsockname()[1]
        self._uvicorn = uvicorn.Server(_config(self.server, self.cert, self.key, host,
                                               self.port))
        self._thread = threading.Thread(target=self._uvicorn.run,
                                        kwargs={"sockets": [self.sock]}, daemon=True)

    @property
    def url(self) -> str:
        return f"https://{self.host}:{self.port}"

    def start(self, timeout: float = 60.0) -> Running:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._uvicorn.started:  # readiness, not a timer: uvicorn's own flag
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise SyncRefused("The sync server did not start.")
            time.sleep(0.005)
        return self

    def stop(self) -> None:
        self._uvicorn.should_exit = True
        self._thread.join(timeout=60)
        self.sock.close()
        self.server.state.close()

    def __enter__(self) -> Running:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
