"""``albergue-sync``: export, merge, pull, status, conflicts, rekey, reclock, verify.

``reclock`` re-dates the changes of a file whose clock was once far ahead; ``rekey`` gives a
restored backup or a copy a new identity (see docs/sync-recovery.md).

Exit codes: 0 ok, 1 refused input (message on stderr, target unchanged), 2 wrong usage.
Messages are Spanish unless ``ALBERGUE_LANG=en``; ``--json`` prints machine-readable output.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
from . import dbapi as sqlite3
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from . import conflicts as conflict_log
from . import auditchain, auth, files, keyfile, netcli, netfs, recovery
from .engine import Options, SourceReport, merge_files
from .crypto_keys import WrongSecret
from .i18n import SyncRefused, set_language
from .i18n import translate as _
from .status import export, status


# argparse's own messages -> source strings of the sync catalog (i18n.ES).
_ARGPARSE_MESSAGES = [(re.compile(p), msgid) for p, msgid in (
    (r"^the following arguments are required: (?P<args>.+)$",
     "the following arguments are required: {args}"),
    (r"^unrecognized arguments: (?P<args>.+)$", "unrecognized arguments: {args}"),
    (r"^argument (?P<arg>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)$",
     "argument {arg}: invalid choice: {value} (choose from {choices})"),
    (r"^argument (?P<arg>\S+): expected one argument$", "argument {arg}: expected one value"),
    (r"^argument (?P<arg>\S+): (?P<message>.+)$", "argument {arg}: {message}"),
)]


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, _("usage: ") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """ArgumentParser whose help, usage and errors follow the interface language."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = _("positional arguments")
        self._optionals.title = _("options")
        self.add_argument("-h", "--help", action="help", help=_("show this help and exit"))

    def error(self, message: str):
        for pattern, msgid in _ARGPARSE_MESSAGES:
            match = pattern.match(message)
            if match:
                message = _(msgid, **match.groupdict())
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {_('error')}: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="albergue-sync",
        description=_("Merge Albergue center databases into a central file, and back."))
    sub = parser.add_subparsers(dest="command", required=True, title=_("commands"),
                                parser_class=_Parser)

    def command(name: str, help_text: str, *, user: bool = True) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help_text)
        p.add_argument("--json", action="store_true", help=_("print the result as JSON"))
        if user:  # reads or writes people's data: a user of the file signs in (auth.py)
            p.add_argument("--user", metavar=_("USER"), default=None,
                           help=_("sign in as this user of the file (role with the sync "
                                  "permission); the password is asked for"))
            p.add_argument("--password-file", type=Path, metavar=_("FILE"), default=None,
                           help=_("read the password from the first line of FILE"))
        return p

    p = command("export", "copia consistente de una base de datos para una memoria USB")
    p.add_argument("--from", dest="source", required=True, type=Path)
    p.add_argument("--to", dest="dest", required=True, type=Path)
    p = command("merge", "integra archivos de centros en el archivo central")
    p.add_argument("--into", dest="target", required=True, type=Path)
    p.add_argument("--full", action="store_true", help="leer todo, sin marcadores")
    p.add_argument("--admin", metavar=_("USER"), default=None,
                   help=_("creating a new central file: its first account (administrator)"))
    p.add_argument("--admin-role", choices=sorted(auth.CENTRAL_OWNER_ROLES), default="admin",
                   help=_("role of that first account (default: admin)"))
    p.add_argument("--admin-password-file", type=Path, metavar=_("FILE"), default=None,
                   help=_("read that account's password from the first line of FILE"))
    p.add_argument("sources", nargs="+", type=Path)
    p = command("pull", "trae el registro central a la base de datos de un centro")
    p.add_argument("--from", dest="source", required=True, type=Path)
    p.add_argument("--into", dest="target", required=True, type=Path)
    p.add_argument("--with-health", action="store_true",
                   help="incluir datos de salud de otros centros")
    p.add_argument("--full", action="store_true", help="leer todo, sin marcadores")
    p = command("status", "orígenes integrados, registros y conflictos de un archivo",
                user=False)
    p.add_argument("file", type=Path)
    # an encrypted file opens with a password of one of its users (nothing personal is read)
    p.add_argument("--user", metavar=_("USER"), default=None,
                   help=_("an encrypted file: open it as this user of the file"))
    p.add_argument("--password-file", type=Path, metavar=_("FILE"), default=None,
                   help=_("read the password from the first line of FILE"))
    p = command("conflicts", "lista o resuelve conflictos")
    p.add_argument("file", type=Path)
    p.add_argument("--all", action="store_true", help="incluir los resueltos")
    p.add_argument("--resolve", metavar="ID")
    p.add_argument("--value", metavar="JSON")
    p = command("rekey", "da un sitio y época nuevos a un archivo (respaldo restaurado)")
    p.add_argument("file", type=Path)
    p.add_argument("--against", type=Path, default=None,
                   help="archivo que lo rechazó (el central): solo se mueven las escrituras "
                        "que ese archivo no tiene")
    p = command("reclock", "vuelve a fechar los cambios de un archivo cuyo reloj estuvo "
                           "adelantado (con el reloj ya corregido)")
    p.add_argument("file", type=Path)
    p = command("verify", "comprueba la cadena de huellas del registro de auditoría")
    p.add_argument("file", type=Path)
    netcli.add_commands(command)  # serve, enroll, connect, send, receive, dropfolder...
    return parser


def _print_reports(reports: list[SourceReport], as_json: bool) -> None:
    if as_json:
        print(json.dumps([asdict(r) for r in reports], indent=2))
        return
    for r in reports:
        print(_("{path}: {new} new, {updated} updated, {unchanged} unchanged, {conflicts} "
                "conflicts, {seconds:.2f} s ({mode}, {read} rows read)", path=r.path,
                new=r.new, updated=r.updated, unchanged=r.unchanged, conflicts=r.conflicts,
                seconds=r.seconds, mode=_(r.mode), read=r.rows_read))
        if r.clock_ahead_ms:
            print(_("Warning: {path} has changes dated {hours:.1f} hours ahead of this "
                    "computer's clock; they win over later edits everywhere. Check the date "
                    "and time of the computer that wrote it.", path=r.path,
                    hours=r.clock_ahead_ms / 3_600_000), file=sys.stderr)


def _show(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _print_status(info: dict[str, Any]) -> None:
    print(_("File {path}: site {site}, schema {schema}, change {seq}.", path=info["path"],
            site=info["site_id"], schema=info["schema_version"], seq=info["seq_last"]))
    print(_("Sources merged:"))
    for s in info["sources"] or []:
        print(_("  {site} ({direction}) last merged {when}, up to change {seq}: {path}",
                site=s["site_id"], direction=_(s["direction"]), when=s["merged_at"][:19],
                seq=s["seq_merged"], path=s["source_path"]))
    if not info["sources"]:
        print(_("  (none)"))
    print(_("Rows per table (live / deleted):"))
    for table, counts in info["tables"].items():
        print(f"  {table}: {counts['live']} / {counts['deleted']}")
    print(_("Open conflicts: {count}", count=info["open_conflicts"]))


def _print_conflicts(rows: list[dict[str, Any]]) -> None:
    if not rows:
        print(_("No open conflicts."))
    for c in rows:
        print(_("{id}  {kind}  {table} {row}  {field}: kept {winner} ({wsite}), other {loser} "
                "({lsite})", id=c["id"][:12], kind=_(c["kind"]), table=c["table_name"],
                row=c["row_id"], field=c["field"], winner=_show(c["winner_value"]),
                wsite=(c["winner_dot"] or ["", "-"])[1][:8], loser=_show(c["loser_value"]),
                lsite=(c["loser_dot"] or ["", "-"])[1][:8]))
        if c["resolved"]:
            print(_("  resolved: {value} by {who} at {when}", value=_show(c["resolved_value"]),
                    who=c["resolved_by"], when=(c["resolved_at"] or "")[:19]))


def _read_password(path: Path | None, prompt: str) -> str:
    if path is not None:
        try:
            lines = path.read_text("utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise SyncRefused("Cannot read the password file {path}: {detail}",
                              path=str(path), detail=getattr(exc, "strerror", None) or "UTF-8"
                              ) from exc
        return lines[0] if lines else ""
    if not sys.stdin.isatty():
        raise _Usage(_("There is no terminal to type the password; use {option}.",
                       option="--password-file" if "admin" not in prompt else
                       "--admin-password-file"))
    return getpass.getpass(_(prompt))


# The file each command signs in to: the one whose people's data it reads or writes.
_SIGN_IN_FILE = {"export": "source", "merge": "target", "pull": "target", "conflicts": "file",
                 "rekey": "file", "reclock": "file", **netcli.SIGN_IN_FILE}


def _sign_in(args: argparse.Namespace) -> str | None:
    """The user of the file this command reads or writes (None for ``status``)."""
    if args.command not in _SIGN_IN_FILE:
        return None
    if args.command == "merge" and not args.target.exists():
        return None  # a new central file: its first account comes with --admin (_create)
    if not args.user or not args.user.strip():
        raise _Usage(_("albergue-sync {command} reads or writes people's data: say who you "
                       "are with --user USER (a user of the file with the sync permission).",
                       command=args.command))
    path = getattr(args, _SIGN_IN_FILE[args.command])
    # a missing or foreign file gets its own message first (an encrypted one, once the
    # password unlocked it)
    files.check_header(path) if sqlite3.is_encrypted(path) else files.inspect(path)
    password = _read_password(args.password_file, "Password: ")
    return auth.sign_in_file(path, args.user, password, command=args.command)


def _create_central(args: argparse.Namespace) -> str:
    """``merge --into NEW``: the file is created with its first account (no first-comer
    administrator), then merged into by that account."""
    if not args.admin or not args.admin.strip():
        raise _Usage(_("{path} does not exist: a new central file needs its first account, "
                       "--admin USER (and --admin-password-file FILE or the password typed "
                       "on the terminal).", path=str(args.target)))
    password = _read_password(args.admin_password_file, "Password of the new admin account: ")
    auth.check_password_strength(password)
    if args.admin_password_file is None and sys.stdin.isatty():
        if getpass.getpass(_("Repeat the password: ")) != password:
            raise SyncRefused("The passwords do not match.")
    files.create(args.target)
    keyfile.offer(args.admin.strip().lower(), password)  # sources with the same account open
    try:
        return auth.create_account(args.target, args.admin, password, role=args.admin_role)
    except BaseException:
        for leftover in (args.target, Path(f"{args.target}-wal"), Path(f"{args.target}-shm"),
                         keyfile.keys_path(args.target)):
            leftover.unlink(missing_ok=True)
        raise


def _run(args: argparse.Namespace) -> None:
    user = _sign_in(args)
    _command(args, user)
    # The file signed in to records who did it (a new central file: its first account's
    # creation is the audit event).
    if user is not None:
        auth.record_sign_in(getattr(args, _SIGN_IN_FILE[args.command]), user,
                            command=args.command)


def _command(args: argparse.Namespace, user: str | None) -> None:
    if netcli.run(args):
        return
    if args.command == "export":
        result = export(args.source, args.dest)
        print(json.dumps(result) if args.json else _(
            "Exported {source} to {path} ({size} bytes, change {seq}).", **result))
    elif args.command == "merge":
        netfs.refuse_network(args.target)  # one writer, on a local disk (SYNC.md 11)
        created = not args.target.exists()
        if created:
            user = _create_central(args)
        try:
            reports = merge_files(args.target, args.sources, Options(full=args.full))
        except BaseException:
            if created:  # nothing was merged: no half-made central file is left behind
                for leftover in (args.target, Path(f"{args.target}-wal"),
                                 Path(f"{args.target}-shm"), keyfile.keys_path(args.target)):
                    leftover.unlink(missing_ok=True)
            raise
        if created:
            code = keyfile.add_recovery(args.target)
            print(_("Recovery code of {path} (shown only now: write it down and keep it "
                    "locked away; it opens the file if every password is lost): {code}",
                    path=str(args.target), code=code), file=sys.stderr)
        if created and not args.json:
            print(_("Created {path} (site {site}); its first account: {user}.",
                    path=str(args.target), site=files.inspect(args.target).site_id,
                    user=user))
        _print_reports(reports, args.json)
    elif args.command == "pull":
        files.check_header(args.target)
        reports = merge_files(args.target, [args.source], Options(
            full=args.full, with_health=args.with_health, direction="pull"))
        _print_reports(reports, args.json)
    elif args.command == "status":
        if sqlite3.is_encrypted(args.file) and keyfile.key_for(args.file) is None \
                and args.user:
            try:
                keyfile.unlock(args.file, args.user,
                               _read_password(args.password_file, "Password: "))
            except WrongSecret as exc:
                raise auth.SignInRefused(auth.WRONG_CREDENTIALS) from exc
        info = status(args.file)
        print(json.dumps(info, indent=2)) if args.json else _print_status(info)
    elif args.command == "conflicts":
        if args.resolve:
            if args.value is None:
                raise _Usage("--resolve necesita --value JSON")
            result = conflict_log.resolve(args.file, args.resolve, args.value,
                                          user=user)
            print(json.dumps(result, default=str) if args.json else _(
                "Conflict {id} resolved with {value}.", id=result["id"][:12],
                value=_show(result["resolved_value"])))
        else:
            rows = conflict_log.list_conflicts(args.file, include_resolved=args.all)
            print(json.dumps(rows, indent=2)) if args.json else _print_conflicts(rows)
    elif args.command == "rekey":
        recovered = recovery.rekey(args.file, against=args.against, user=user)
        info = files.inspect(args.file)
        print(json.dumps({"path": str(args.file), "site_id": info.site_id,
                          "epoch": info.epoch, **asdict(recovered)}) if args.json else _(
            "{path}: new site {site}, epoch {epoch}.", path=str(args.file), site=info.site_id,
            epoch=info.epoch))
        if not args.json and recovered.writes:
            print(_("{writes} changes made after the copy or restore (after change {fork}) "
                    "now belong to the new site; nothing was lost.", writes=recovered.writes,
                    fork=recovered.fork_after))
    elif args.command == "verify":
        _verify(args)
    elif args.command == "reclock":
        recovered = recovery.reclock(args.file, user=user)
        if args.json:
            print(json.dumps(asdict(recovered)))
        elif recovered.writes or recovered.hlc_after != recovered.hlc_before:
            print(_("{path}: {writes} changes dated up to {before} re-dated from {after}; "
                    "nothing was lost. The jump is in the audit log.", path=str(args.file),
                    writes=recovered.writes,
                    before=files.utc_text(files.hlc_to_ms(recovered.hlc_before))[:16],
                    after=files.utc_text(files.hlc_to_ms(recovered.hlc_after))[:16]))
        else:
            print(_("{path}: no change is dated ahead of this computer's clock; nothing to "
                    "do.", path=str(args.file)))
        if recovered.foreign_ahead and not args.json:
            print(_("{count} changes from other sites are still dated ahead: run reclock on "
                    "the computers that wrote them.", count=recovered.foreign_ahead))


def _verify(args: argparse.Namespace) -> None:
    """``verify FILE``: check the audit hash chains; the first broken link exits 1."""
    files.inspect(args.file)
    conn = files.connect(args.file, readonly=True)
    try:
        verdict = auditchain.verify(conn)
    finally:
        conn.close()
    if verdict.broken is not None:
        msgid, params = auditchain.describe(str(args.file), verdict.broken, merge=False)
        if args.json:
            print(json.dumps({"ok": False, **asdict(verdict.broken)}))
        raise SyncRefused(msgid, **params)
    print(json.dumps({"ok": True, **asdict(verdict)}) if args.json else _(
        "{path}: audit log ok: {rows} events in {chains} chains ({redacted} with a redacted "
        "payload, {legacy} from before the chain).", path=str(args.file), rows=verdict.rows,
        chains=verdict.chains, redacted=verdict.redacted, legacy=verdict.legacy))


class _Usage(Exception):
    pass


def main(argv: list[str] | None = None) -> int:
    set_language(os.environ.get("ALBERGUE_LANG"))  # a command's language: the environment's
    parser = _parser()
    args = parser.parse_args(argv)  # exits with 2 on wrong usage
    try:
        _run(args)
    except _Usage as exc:
        parser.print_usage(sys.stderr)
        print(f"albergue-sync: {exc}", file=sys.stderr)
        return 2
    except SyncRefused as exc:
        if getattr(exc, "reports", None):
            _print_reports(exc.reports, args.json)
        print(f"albergue-sync: {exc}", file=sys.stderr)
        return exc.exit_code
    except OSError as exc:  # an unwritable folder, a removed USB stick
        print(f"albergue-sync: {exc}", file=sys.stderr)
        return 1
    except sqlite3.Error as exc:
        print(f"albergue-sync: {files.damaged(getattr(args, 'file', Path('?')), exc)}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
