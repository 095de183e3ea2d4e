"""The network commands of ``albergue-sync`` (docs/sync-server.md): the server side
(``serve``, ``enroll``, ``revoke``, ``enrolled``, ``dropfolder``) and the center side
(``connect``, ``send``, ``receive``). Registered by :mod:`.cli`, which signs the user in to
the file each command reads or writes (:data:`SIGN_IN_FILE`)."""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from . import netfs
from .i18n import SyncRefused
from .i18n import translate as _
from .server import messages  # noqa: F401

# command -> the attribute naming the file its user signs in to
# ``enroll``/``revoke`` touch only the server's own folder (owner-only), never the central
# file: the server stays its one writer; who may run them is who may open that folder.
SIGN_IN_FILE = {"serve": "central", "dropfolder": "central", "connect": "db", "send": "db",
                "receive": "db"}


def add_commands(command: Any) -> None:
    """``command(name, help, user=...)`` makes a subparser (see cli._parser)."""
    p = command("serve", "servidor HTTPS de sincronización: el único que escribe el archivo "
                         "central")
    p.add_argument("--central", required=True, type=Path)
    p.add_argument("--cert-dir", required=True, type=Path,
                   help="carpeta del certificado, las credenciales y los envíos (disco local)")
    p.add_argument("--host", default="0.0.0.0")
    p.add_argument("--port", type=int, default=8443)
    for name, text in (("enroll", "código de inscripción de un centro (una sola vez)"),
                       ("revoke", "revoca las credenciales de un centro")):
        p = command(name, text, user=False)
        p.add_argument("--cert-dir", required=True, type=Path)
        p.add_argument("--center", required=True, metavar="CODE")
        if name == "enroll":
            p.add_argument("--with-health", action="store_true",
                           help="el centro recibe los datos de salud de otros centros")
    p = command("enrolled", "centros inscritos en el servidor", user=False)
    p.add_argument("--cert-dir", required=True, type=Path)
    p = command("dropfolder", "integra los archivos de una carpeta compartida y publica "
                              "la instantánea de cada centro")
    p.add_argument("--folder", required=True, type=Path)
    p.add_argument("--central", required=True, type=Path)
    p.add_argument("--every", type=float, default=0.0,
                   help="repetir cada N segundos (0: una sola vez)")
    p.add_argument("--with-health", action="append", default=[], metavar="CODE",
                   help="centros cuya instantánea lleva los datos de salud de otros")
    p = command("connect", "inscribe esta base de datos en el servidor de la central")
    p.add_argument("--db", required=True, type=Path)
    p.add_argument("--url", required=True)
    p.add_argument("--code", required=True)
    p = command("send", "envía los cambios de esta base de datos al servidor")
    p.add_argument("--db", required=True, type=Path)
    p = command("receive", "trae los cambios de la central desde el servidor")
    p.add_argument("--db", required=True, type=Path)


def run(args: argparse.Namespace) -> bool:
    """Run a network command; False when ``args.command`` is not one."""
    handler = _HANDLERS.get(args.command)
    if handler is None:
        return False
    try:
        handler(args)
    except ModuleNotFoundError as exc:
        if exc.name not in {"starlette", "uvicorn", "httpx", "cryptography"}:
            raise
        raise SyncRefused("This command needs the sync server's packages: install "
                          "albergue-sync[server] ({name} is missing).", name=exc.name) from exc
    return True


def _out(args: argparse.Namespace, data: Any, text: str) -> None:
    print(json.dumps(data, default=str) if args.json else text)


def _serve(args: argparse.Namespace) -> None:
    from .server import run as server_run  # noqa: PLC0415 (uvicorn only here)
    from .server import tls  # noqa: PLC0415

    netfs.refuse_network(args.central)
    cert, _key = tls.ensure_certificate(args.cert_dir, [args.host])
    fp = tls.fingerprint_file(cert).hex()
    print(_("Serving {central} at https://{host}:{port} (certificate fingerprint {fp}).",
            central=str(args.central), host=args.host, port=args.port, fp=fp), flush=True)
    server_run.serve_forever(args.central, args.cert_dir, args.host, args.port)


def _enroll(args: argparse.Namespace) -> None:
    from .server import tls  # noqa: PLC0415
    from .server.state import ServerState  # noqa: PLC0415

    netfs.refuse_network(args.cert_dir)
    cert, _key = tls.ensure_certificate(args.cert_dir)
    state = ServerState(args.cert_dir)
    try:
        code = state.new_enrollment(args.center, tls.fingerprint_file(cert)[
            :tls.FINGERPRINT_BYTES], with_health=args.with_health)
    finally:
        state.close()
    _out(args, {"center": args.center, "code": code, "with_health": args.with_health},
         _("Enrollment code for center {center} (valid 3 days, once): {code}",
           center=args.center, code=code) + "\n" + _(
             "On the center: albergue-sync connect --db CENTER_DB --url "
             "https://THIS_COMPUTER:PORT --code {code}", code=code))


def _revoke(args: argparse.Namespace) -> None:
    from .server.state import ServerState  # noqa: PLC0415

    state = ServerState(args.cert_dir)
    try:
        count = state.revoke(args.center)
    finally:
        state.close()
    _out(args, {"center": args.center, "revoked": count},
         _("Revoked {count} credentials of center {center}.", count=count,
           center=args.center))


def _enrolled(args: argparse.Namespace) -> None:
    from .server.state import ServerState  # noqa: PLC0415

    state = ServerState(args.cert_dir)
    try:
        rows = state.centers()
    finally:
        state.close()
    if args.json:
        print(json.dumps(rows))
        return
    if not rows:
        print(_("No center has been enrolled."))
    for r in rows:
        shown = _("revoked {when}", when=r["revoked_at"]) if r["revoked_at"] else _("active")
        print(_("{center}  {id}  enrolled {created}  {state}  last seen {seen}",
                center=r["center"], id=r["id"], created=r["created_at"], state=shown,
                seen=r["last_seen_at"] or "-"))


def _dropfolder(args: argparse.Namespace) -> None:
    from .dropfolder import run_once  # noqa: PLC0415

    while True:
        result = run_once(args.folder, args.central, with_health=frozenset(args.with_health))
        _out(args, asdict(result), _(
            "Drop folder {folder}: merged {merged}, refused {refused}; snapshot {snapshot}.",
            folder=str(args.folder), merged=", ".join(result.merged) or "-",
            refused=len(result.refused), snapshot=", ".join(result.published) or "-"))
        for name, reason in result.refused.items():
            print(_("{path}: refused: {reason}", path=name, reason=reason))
        if args.every <= 0:
            return
        time.sleep(args.every)


def _connect(args: argparse.Namespace) -> None:
    from .client import connect  # noqa: PLC0415

    conn = connect(args.db, args.url, args.code)
    _out(args, {"url": conn.url, "center": conn.center, "credential": conn.credential},
         _("Enrolled with {url} as center {center}.", url=conn.url, center=conn.center))


def _send(args: argparse.Namespace) -> None:
    from .client import push  # noqa: PLC0415

    result = push(args.db)
    _out(args, asdict(result), _("Sent: {size} bytes compressed ({raw} bytes), merged by "
                                 "the central.", size=result.size, raw=result.raw_size))


def _receive(args: argparse.Namespace) -> None:
    from .cli import _print_reports  # noqa: PLC0415
    from .client import pull  # noqa: PLC0415

    result = pull(args.db)
    if args.json:
        print(json.dumps({"seq": result.seq, "size": result.size,
                          "reports": [asdict(r) for r in result.reports]}))
        return
    _print_reports(result.reports, False)
    print(_("Received the central's changes up to change {seq}.", seq=result.seq))


_HANDLERS = {"serve": _serve, "enroll": _enroll, "revoke": _revoke, "enrolled": _enrolled,
             "dropfolder": _dropfolder, "connect": _connect, "send": _send,
             "receive": _receive}
