"""What each ``albergue`` command does (the parser and error handling are in :mod:`.cli`).
Commands return the exit code and raise :class:`AlbergueError` for the user's mistakes."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from datetime import date
from pathlib import Path

from albergue_sync import SyncRefused, keyfile
from sqlmodel import select

from .cli_auth import require_user, sign_in
from .domain import clock
from .domain.errors import AlbergueError, RuleViolation
from .domain.i18n import translate as t
from .domain.labels import label
from .services import access_log
from .services.auth import check_password_strength
from .services.centers import init_center_database, normalize_center_code
from .services.context import SYSTEM
from .services.people import search_people
from .storage import queries
from .storage.db import Database, default_db_path, demo_db_path
from .storage.tables import User


class CliError(AlbergueError):
    """A command-line mistake (missing file, unreadable password file, ...)."""


# --- helpers ----------------------------------------------------------------------------------

def database_path(args: argparse.Namespace) -> Path:
    """``--db``, else ``$ALBERGUE_DB``, else the user data folder."""
    db = getattr(args, "db", None)
    return Path(db).expanduser() if db else default_db_path()


def open_existing(path: Path) -> Database:
    """Open a database that must already exist (search, stats): never create one by typo.
    A demo file sets the scenario clock to its day (ages, default days)."""
    if not path.exists():
        raise CliError("{path} does not exist.", path=str(path))
    db = Database.open(path)
    clock.follow(db)
    return db


class Progress:
    """Demo generation progress on stderr: a live percentage on a terminal, a line every
    10 % otherwise (logs stay short)."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent // 10 == self.shown // 10 and not (self.tty and percent != self.shown):
            return
        self.shown = percent
        text = t("Generating demo data: {done} of {total} people ({percent} %)",
                 done=done, total=total, percent=percent)
        if self.tty:
            print("\r" + text, end="\n" if done >= total else "", file=sys.stderr, flush=True)
        else:
            print(text, file=sys.stderr, flush=True)


def os_detail(exc: OSError) -> str:
    """The reason of a file error in the interface language."""
    if isinstance(exc, FileNotFoundError):
        return t("the file does not exist")
    if isinstance(exc, IsADirectoryError):
        return t("it is a folder, not a file")
    if isinstance(exc, PermissionError):
        return t("permission denied")
    return exc.strerror or str(exc)


def read_password_file(path: Path) -> str:
    try:
        lines = path.read_text("utf-8").splitlines()
    except OSError as exc:
        raise CliError("Cannot read the password file {path}: {detail}", path=str(path),
                       detail=os_detail(exc)) from exc
    except UnicodeDecodeError as exc:
        raise CliError("Cannot read the password file {path}: {detail}", path=str(path),
                       detail="UTF-8") from exc
    return lines[0] if lines else ""


def ask_password(username: str) -> str:
    first = getpass.getpass(t("Password for {user}: ", user=username))
    if getpass.getpass(t("Repeat the password: ")) != first:
        raise CliError("The passwords do not match.")
    return first


def _age(birth: date | None) -> int | None:
    if birth is None:
        return None
    today = clock.today()
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _print_table(header: list[str], rows: list[list[object]]) -> None:
    cells = [["" if v is None else str(v) for v in row] for row in [header, *rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    for row in cells:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=str)


# --- commands ---------------------------------------------------------------------------------

def _side_files(path: Path) -> list[Path]:
    return [path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")]


def build_demo_atomically(path: Path, fill) -> object:
    """Run ``fill(db)`` on a side file beside ``path`` and rename it over ``path`` only when
    it is complete and checkpointed: a killed or failed run never leaves half a demo (or a
    half-filled file at ``path``). An existing ``path`` must be an empty Albergue file; it is
    checked first, so it is refused before any work."""
    if path.exists():
        existing = Database.open(path)  # a foreign, newer, damaged or 0-byte file stops here
        if existing.locked:  # encrypted with its users' key slots: not an empty file
            raise RuleViolation("This database already has data; demo data needs a new, "
                                "empty file.")
        try:
            with existing.session() as session:
                used = session.connection().exec_driver_sql(
                    "SELECT (SELECT count(*) FROM center) + (SELECT count(*) FROM person)"
                ).scalar_one()
        finally:
            existing.close()
        if used:
            raise RuleViolation("This database already has data; demo data needs a new, "
                                "empty file.")
    partial = path.with_name(path.name + ".partial")
    for leftover in _side_files(partial):  # from a run that was killed
        leftover.unlink(missing_ok=True)
    try:
        db = Database.open(partial)
        try:
            result = fill(db)
            with db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            db.close()
        for stale in _side_files(path)[1:]:  # the empty file's own WAL must not outlive it
            stale.unlink(missing_ok=True)
        # the key file first: a kill between the two renames leaves no demo at ``path``
        # (made again next time), never a demo without its key file
        if keyfile.has_keys(partial):
            os.replace(keyfile.keys_path(partial), keyfile.keys_path(path))
            keyfile.copy_keys(partial, path, key_file=False)
        os.replace(partial, path)
    except BaseException:
        for leftover in _side_files(partial) + [keyfile.keys_path(partial)]:
            leftover.unlink(missing_ok=True)
        raise
    finally:
        keyfile.forget(partial)
    for leftover in _side_files(partial)[1:]:
        leftover.unlink(missing_ok=True)
    return result


def _stale_demo(path: Path) -> bool:
    """True for a demo file (meta ``demo_seed``) made before the demo had its day (no meta
    ``as_of``, domain/clock.py): it would open on the computer's clock, without the DEMO
    banner. Any other file (a real one, or unreadable) is never touched."""
    from albergue_sync import dbapi as sqlite3

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except (sqlite3.Error, SyncRefused):  # an encrypted file is never an old demo
        return False
    try:
        keys = {k for (k,) in conn.execute(
            "SELECT key FROM meta WHERE key IN ('demo_seed', ?)", (clock.AS_OF_META_KEY,))}
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return keys == {"demo_seed"}


def _central_demo(path: Path) -> bool:
    """True for a demo file (meta ``demo_seed``) that belongs to no center (no meta
    ``center_id``): the app's own demo made by an older version, where Ctrl+N was refused.
    Only the app's default demo path is checked (a central demo made on purpose with
    ``albergue demo --db`` elsewhere is left alone)."""
    from albergue_sync import dbapi as sqlite3

    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except (sqlite3.Error, SyncRefused):
        return False
    try:
        keys = {k for (k,) in conn.execute(
            "SELECT key FROM meta WHERE key IN ('demo_seed', 'center_id')")}
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return keys == {"demo_seed"}


def _set_aside(path: Path) -> Path:
    """Rename an old demo file (and its WAL files) to a free ``.old`` name; nothing lost."""
    n, old = 1, path.with_name(path.name + ".old")
    while old.exists():
        n += 1
        old = path.with_name(f"{path.name}.old{n}")
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.replace(side, f"{old}{suffix}")
    os.replace(path, old)
    return old


DEMO_HOME_CENTER = "01"


def ensure_demo(path: Path) -> None:
    """Create the demo database at ``path`` unless it exists. It is written to a side file
    and renamed when complete, so an interrupted first run never leaves half a demo.
    A demo file made before the demo had its day is set aside and made anew."""
    from .demo import DEMO_PASSWORD, generate_demo

    if path.exists():
        if _stale_demo(path):
            old = _set_aside(path)
            print(t("The demo database {path} was made by an older version (no demo day): a "
                    "new one is made; the old one is kept as {old}.", path=path, old=old),
                  file=sys.stderr)
        elif path == demo_db_path() and _central_demo(path):
            old = _set_aside(path)
            print(t("The demo database {path} was made by an older version (a central file, "
                    "where nobody can register): a new one is made as the file of center "
                    "01; the old one is kept as {old}.", path=path, old=old), file=sys.stderr)
        else:
            return
    # a center laptop's file (center 01), so the demo can register people; the other
    # centers' people are in it as after a pull from the central (docs/demo-data.md)
    build_demo_atomically(path, lambda db: generate_demo(db, progress=Progress(),
                                                         home_center=DEMO_HOME_CENTER))
    print(t("Demo database ready: {path} (users admin, registro, salud, coordinacion, "
            "supervision; password {password})", path=path, password=DEMO_PASSWORD),
          file=sys.stderr)


def open_app(args: argparse.Namespace, lang: str) -> int:
    if args.demo:
        path = Path(args.db).expanduser() if getattr(args, "db", None) else demo_db_path()
        ensure_demo(path)
    else:
        path = database_path(args)
        Database.open(path).close()  # a foreign or newer file gets its message here
    try:
        from .ui.app import run
    except ImportError as exc:
        raise CliError("The desktop interface cannot start: {detail}", detail=exc) from exc
    # --lang (or $ALBERGUE_LANG) overrides the language chosen in the app's settings.
    explicit = getattr(args, "lang", None) or os.environ.get("ALBERGUE_LANG")
    smoke = {"smoke_test": True} if getattr(args, "smoke_test", False) else {}
    return run(path, lang=explicit, **smoke) if explicit else run(path, **smoke)


def init(args: argparse.Namespace) -> int:
    code = normalize_center_code(args.center_code)
    name, admin = args.center_name.strip(), args.admin.strip()
    if not name:
        raise CliError("The center name is required.")
    if not admin:
        raise CliError("The administrator's username is required.")
    password = None
    if args.admin_password_file is not None:
        password = read_password_file(args.admin_password_file)
        check_password_strength(password)
    elif not sys.stdin.isatty():
        raise CliError("There is no terminal to type the password; use --admin-password-file.")
    path = database_path(args)
    db = Database.open(path)
    try:
        with db.session() as session:
            if session.exec(select(User)).first() is not None:
                raise RuleViolation("This database is already set up.")
        if password is None:
            password = ask_password(admin)
            check_password_strength(password)
        center, user = init_center_database(
            db, center_code=code, center_name=name, city_prefix=args.city,
            admin_username=admin, admin_password=password, admin_full_name=args.admin_name)
        from .services.encryption import new_recovery_code

        code = new_recovery_code(db)
    finally:
        db.close()
    print(t("Center {code} ({name}) is set up in {path}; administrator: {user}.",
            code=center.code, name=center.name, path=path, user=user.username))
    if code is not None:
        print(t("{path} is encrypted. Its recovery code (shown only now: write it down and "
                "keep it locked away; it opens the file if every password is lost): {code}",
                path=path, code=code), file=sys.stderr)
    return 0


def demo(args: argparse.Namespace) -> int:
    from .demo import DEMO_PASSWORD, generate_demo

    path = Path(args.db).expanduser()
    result = build_demo_atomically(path, lambda db: generate_demo(
        db, persons=args.persons, centers=args.centers, center_code=args.center_code,
        seed=args.seed, progress=Progress(), to_end=getattr(args, "to_end", False)))
    print(t("People: {persons}; households: {households}; centers: {centers}; beds: {beds} "
            "({present} occupied); {seconds} s: {path}", persons=result.persons,
            households=result.households, centers=result.centers, beds=result.beds,
            present=result.present, seconds=f"{result.seconds:.1f}", path=path))
    print(t("Users: admin, registro, salud, coordinacion, supervision, vinculacion; "
            "password: {password}",
            password=DEMO_PASSWORD))
    return 0


def recover(args: argparse.Namespace) -> int:
    """Every password lost (docs/encryption.md): the recovery code opens the file and the
    user gets a new password; a new recovery code is printed once."""
    from .services import encryption

    path = database_path(args)
    db = open_existing(path)
    try:
        if args.code_file is not None:
            code = read_password_file(args.code_file)
        elif sys.stdin.isatty():
            code = getpass.getpass(t("Recovery code: "))
        else:
            raise CliError("There is no terminal to type the recovery code; use --code-file.")
        username = args.user.strip()
        if args.password_file is not None:
            password = read_password_file(args.password_file)
        elif sys.stdin.isatty():
            password = ask_password(username)
        else:
            raise CliError("There is no terminal to type the password; use --password-file.")
        new_code = encryption.recover(db, code, username, password)
    finally:
        db.close()
    print(t("{user} has a new password. The recovery code you used no longer works; the new "
            "one (shown only now: write it down and keep it locked away): {code}",
            user=username.lower(), code=new_code))
    return 0


def retention(args: argparse.Namespace) -> int:
    """``retention --months N``: erase whoever left more than N months ago (docs/erasure.md)."""
    from datetime import timedelta

    from .domain.permissions import Permission
    from .services import erasure

    require_user(args)
    db = open_existing(database_path(args))
    try:
        actor = sign_in(db, args)
        if args.dry_run:
            actor.require(Permission.DATA_REQUESTS)
            cutoff = clock.now() - timedelta(days=30 * args.months)
            with db.session(actor.username) as session:
                count = len(erasure.due_for_retention(session, cutoff))
            print(t("{count} people left more than {months} months ago and would be erased.",
                    count=count, months=args.months))
            return 0
        result = erasure.apply_retention(db, actor, months=args.months)
    finally:
        db.close()
    print(t("{count} people who left more than {months} months ago were erased.",
            count=result.erased, months=args.months))
    return 0


def search(args: argparse.Namespace) -> int:
    if not args.text.strip():
        hint = t("Say what to look for: a name, a folio or a document number.")
        print(f"albergue search: {hint}", file=sys.stderr)
        return 2
    require_user(args)
    db = open_existing(database_path(args))
    try:
        actor = sign_in(db, args)
        rows = search_people(db, actor, args.text, limit=args.limit)
        # an audited read: the command and how many people it showed, not the text
        access_log.record(db, actor, access_log.CLI_READ, command="search", results=len(rows))
    finally:
        db.close()
    if args.json:
        print(_dumps([{
            "id": r.id, "folio": r.folio, "given_names": r.given_names, "surnames": r.surnames,
            "sex": r.sex, "birth_date": r.birth_date, "age": _age(r.birth_date),
            "nationality": r.nationality, "center_code": r.center_code,
            "center_name": r.center_name, "bed": r.bed_code, "status": r.status,
            "household_id": r.household_id} for r in rows]))
    elif not rows:
        print(t("No one found."), file=sys.stderr)
    else:
        _print_table(
            [t("Folio"), t("Name"), t("Sex"), t("Age"), t("Nationality"), t("Center"), t("Bed"),
             t("Status")],
            [[r.folio, r.full_name, label("sex", r.sex), _age(r.birth_date), r.nationality,
              r.center_code, r.bed_code, label("person_status", r.status)] for r in rows])
    return 0


def stats(args: argparse.Namespace) -> int:
    path = database_path(args)
    db = open_existing(path)
    try:
        if db.locked:  # an encrypted file: its key opens with a user's password
            sign_in(db, args)
        with db.read_session() as session:
            numbers = queries.stats(session=session)
        access_log.record(db, SYSTEM, access_log.CLI_READ, command="stats")
    finally:
        db.close()
    if args.json:
        print(_dumps({"database": str(path), **numbers}))
        return 0
    print(t("Database: {path}", path=path))
    for key, msgid in (("people", "People"), ("households", "Households"),
                       ("present", "Present"), ("discharged", "Discharged"),
                       ("documents", "Documents")):
        print(f"{t(msgid)}: {numbers[key]}")
    if numbers["centers"]:
        print()
        _print_table([t("Center"), t("Name"), t("Present"), t("Beds"), t("Free beds")],
                     [[c["code"], c["name"], c["present"], c["beds"], c["free_beds"]]
                      for c in numbers["centers"]])
    return 0
