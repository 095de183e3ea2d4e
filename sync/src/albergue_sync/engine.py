"""Merging source files into a target file (docs/sync-design.md "Apply").

Every source is checked before anything is written to the target: header, meta, schema,
site identity, clocks, bookmarks, stamps and ids (:mod:`.validate`), the audit chain of the
rows it brings (:mod:`.auditchain`), all inside one read transaction on the source: where it
lies when it needs no recovery (:func:`files.open_in_place`, never ``immutable``), else on a
private copy recovered as after a crash (:func:`files.recovered_copy`, in a
:class:`files.WorkDir` beside the target): only committed data travels. A full merge runs
``PRAGMA quick_check`` (and upgrades an older source on a copy); an incremental merge (same
site and epoch as the bookmark) reads and checks only rows changed since the bookmark. Then
one target connection for the whole merge and, per source, one ``BEGIN IMMEDIATE``
transaction: a source read in place that was written since its
check is checked again (:func:`recheck_in_place`), new rows set-based, rows on both sides
through the pure row merge, conflicts, bookmark, commit.
A crash at any point leaves the target as it was."""

from __future__ import annotations

from . import dbapi as sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import auditchain, files, schema, validate
from .files import FileInfo
from .i18n import SyncCancelled, SyncRefused
from .tablemerge import synced_tables

CLOCK_LEEWAY_MS = 24 * 3600 * 1000

# progress(done, total, stage, detail): stage "check" (a source is being checked; detail its
# path) or "merge" (detail: the table being merged); done/total count those steps.
ProgressFn = Callable[[int, int, str, str], None]


@dataclass
class Options:
    full: bool = False  # ignore bookmarks: read every row of every source
    with_health: bool = True  # health rows of other centers (False: only this center's)
    direction: str = "merge"  # merge (into a central file) | pull (into a center)
    # For a desktop: called between steps (on the merging thread). ``cancelled()`` True
    # stops at the next step with SyncCancelled: the source being merged is rolled back
    # (sources merged before it stay merged), the target is otherwise untouched.
    progress: ProgressFn | None = field(default=None, repr=False, compare=False)
    cancelled: Callable[[], bool] | None = field(default=None, repr=False, compare=False)

    def report(self, done: int, total: int, stage: str, detail: str = "") -> None:
        if self.progress is not None:
            self.progress(done, total, stage, detail)

    def check_cancelled(self, path: Path | str) -> None:
        if self.cancelled is not None and self.cancelled():
            raise SyncCancelled("Synchronization cancelled: nothing of {path} was applied.",
                                path=str(path))


@dataclass
class SourceReport:
    path: str
    site_id: str
    mode: str  # full | incremental
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    conflicts: int = 0
    rows_read: int = 0
    seconds: float = 0.0
    seq_merged: int = 0
    clock_ahead_ms: int = 0  # the source's newest change is dated this far ahead (flag)
    tables: dict[str, dict[str, int]] = field(default_factory=dict)


@dataclass
class _Plan:
    path: Path
    info: FileInfo
    attach: Path
    full: bool
    since: int
    seconds: float
    in_place: bool = False  # read where it lies (no recovery needed), not from a copy
    attach_readonly: bool = True  # ATTACH with mode=ro (a copy, or a rollback-journal file)
    state: tuple[bytes, int] | None = None  # files.source_state when it was checked
    # The check's connection to a WAL source read in place, kept open (idle, no transaction)
    # until the source is merged: closing it would checkpoint and delete the -wal/-shm files
    # that the merge's ATTACH creates again (a millisecond of an incremental merge's few).
    holder: sqlite3.Connection | None = field(default=None, repr=False, compare=False)
    seen: dict | None = None  # the target's bookmark of this source (incremental)
    # synced table -> rows changed after ``since`` in the file the merge attaches, as
    # checked (a table with none is not visited; None: visit every table)
    changed: dict[str, int] | None = None


def read_bookmarks(conn: sqlite3.Connection, db: str = "main") -> dict[str, dict]:
    has = conn.execute(f"SELECT 1 FROM {db}.sqlite_master WHERE name = 'sync_source'").fetchone()
    if not has:
        return {}
    cur = conn.execute(f"SELECT * FROM {db}.sync_source")
    names = [d[0] for d in cur.description]
    return {row[0]: dict(zip(names, row)) for row in cur}


def seq_mark(conn: sqlite3.Connection, seq: int, db: str = "main") -> str | None:
    """What a file had written up to change ``seq``: its last audit event at or before it,
    by (change, clock, id), as "seq:id:hlc". Audit events are append-only: their id, clock
    and content never change, and no event is ever added at an old change number. Their
    stamps may (``tablemerge._restamp_events``: two rekeyed copies of one file), which moves
    the event to the change of that merge; :func:`mark_holds` allows for it. A restored
    backup that reused those change numbers for other writes has another mark (or none)."""
    has = conn.execute(f"SELECT 1 FROM {db}.sqlite_master WHERE name = 'audit_event'")
    if not has.fetchone():
        return None
    row = conn.execute(f"SELECT change_seq, id, hlc FROM {db}.audit_event WHERE change_seq <= ?"
                       " ORDER BY change_seq DESC, hlc DESC, id DESC LIMIT 1", (seq,)).fetchone()
    return None if row is None else f"{row[0]}:{row[1]}:{row[2]}"


def _parse_mark(mark: str) -> tuple[int, int, str] | None:
    """(change, clock, id) of a mark written by :func:`seq_mark`: its sort key."""
    parts = mark.split(":")
    if len(parts) != 3 or not parts[0].isdigit() or not parts[2].lstrip("-").isdigit():
        return None
    return int(parts[0]), int(parts[2]), parts[1]


def mark_holds(conn: sqlite3.Connection, seq: int, mark: str | None,
               db: str = "main") -> bool:
    """Whether the file still holds what it had written up to change ``seq`` when ``mark``
    (its :func:`seq_mark` then) was taken. The mark event may since have moved to a later
    change, re-stamped by a merge (an event held under two rekeys' stamps keeps the
    greatest, in every file): that is still the same history when the event is there,
    with its clock, after ``seq``, and nothing was written at or before ``seq`` after it
    (the last event there now comes before it). A restored backup or a copy that wrote
    again fails: its own writes reuse those change numbers (a later last event), or it
    never had the mark event."""
    if mark is None:
        return True
    current = seq_mark(conn, seq, db)
    if current == mark:
        return True
    key = _parse_mark(mark)
    if key is None:
        return False
    row = conn.execute(f"SELECT change_seq, hlc FROM {db}.audit_event WHERE id = ?",
                       (key[2],)).fetchone()
    if row is None or int(row[0]) <= seq or int(row[1] or 0) != key[1]:
        return False
    now = _parse_mark(current) if current is not None else None
    return current is None or (now is not None and now < key)


def _check_mark(path: Path, conn: sqlite3.Connection, seen: dict, target: FileInfo | None,
                db: str = "main") -> None:
    """An incremental merge trusts that the source's changes up to the bookmark are the ones
    already merged; a restored backup that kept being used breaks that silently."""
    if mark_holds(conn, int(seen["seq_merged"]), seen.get("seq_mark"), db):
        return
    raise SyncRefused(
        "{path} no longer holds the changes {target} merged from it up to change {seen}: it "
        "looks like a restored backup or a copy that kept being used. Give it a new identity "
        "first (albergue-sync rekey {path} --against {target}) and merge it again.",
        path=str(path), target=str(target.path) if target else "", seen=seen["seq_merged"])


def clock_limit_hlc() -> int:
    return (files.now_ms() + CLOCK_LEEWAY_MS) << files.HLC_COUNTER_BITS


def _check_clock(path: Path, hlc: int) -> None:
    if hlc > clock_limit_hlc():
        raise SyncRefused("{path} has changes dated {when}, more than 24 hours ahead of this "
                          "computer's clock ({now}); nothing was merged. If the clock of the "
                          "computer that wrote it is wrong, correct it. Once its clock is "
                          "right, run `albergue-sync reclock` on that file (or sign in to "
                          "Albergue there and choose Correct the clock): it re-dates those "
                          "changes and loses nothing.",
                          path=str(path), when=files.utc_text(files.hlc_to_ms(hlc))[:16],
                          now=files.utc_text()[:16])


# A source dated more than this ahead of the merging computer is merged but flagged
# (SourceReport.clock_ahead_ms): its writes would beat later real edits everywhere.
CLOCK_FLAG_MS = 5 * 60 * 1000


def clock_ahead_ms(hlc: int) -> int:
    """How far ``hlc`` is ahead of this computer's clock, if more than CLOCK_FLAG_MS."""
    ahead = files.hlc_to_ms(hlc) - files.now_ms()
    return ahead if ahead > CLOCK_FLAG_MS else 0


def _max_row_hlc(conn: sqlite3.Connection, since: int) -> int:
    return max([0, *(h for _, h in changed_tables(conn, since).values())])


def changed_tables(conn: sqlite3.Connection, since: int) -> dict[str, tuple[int, int]]:
    """Synced table -> (rows changed after ``since``, their greatest hlc), in one query."""
    tables = synced_tables(conn)
    if not tables:
        return {}
    sql = " UNION ALL ".join(f"SELECT '{t}', count(*), coalesce(max(hlc), 0) FROM \"{t}\" "
                             f"WHERE change_seq > :since" for t in tables)
    return {t: (n, h) for t, n, h in conn.execute(sql, {"since": since})}


def _check_against_target(path: Path, info: FileInfo, target: FileInfo | None,
                          bookmarks: dict[str, dict], src_bookmarks: dict[str, dict]) -> None:
    if target is None:
        return
    if info.site_id == target.site_id:
        raise SyncRefused("{source} is the same database as {target} (site {site}); a file "
                          "cannot be merged into itself.", source=str(path),
                          target=str(target.path), site=info.site_id[:8])
    seen = bookmarks.get(info.site_id)
    if seen and info.seq_last < int(seen["seq_merged"]):
        raise SyncRefused(
            "{path} is older (change {seq}) than what {target} already merged from that site "
            "(change {seen}). If it is an old copy there is nothing new in it; if it is a "
            "restored backup that kept being used, give it a new identity first: "
            "albergue-sync rekey {path} --against {target}", path=str(path),
            target=str(target.path), seq=info.seq_last, seen=seen["seq_merged"])
    back = src_bookmarks.get(target.site_id)
    if back and target.seq_last < int(back["seq_merged"]):
        raise SyncRefused(
            "{target} is older (change {seq}) than what {path} already merged from it (change "
            "{seen}): {target} looks like a restored backup. Give it a new identity first: "
            "albergue-sync rekey {target} --against {path}", path=str(path),
            target=str(target.path), seq=target.seq_last, seen=back["seq_merged"])
    if back and back.get("seq_mark") is not None:
        _check_target_mark(path, target, back)


def _check_target_mark(path: Path, target: FileInfo, back: dict) -> None:
    """The source once merged the target (a center pulling from the central file, or a
    central merging a center that pulled from it): the target must still hold what the
    source took from it, or it is a restored backup or a clone whose later writes reuse
    change numbers the source already has (a pull would lose one of two values, or stop on
    a raw UNIQUE error)."""
    conn = files.connect(target.path, readonly=False)  # only read (mode=ro leaves -wal/-shm)
    try:
        holds = mark_holds(conn, int(back["seq_merged"]), back["seq_mark"])
    finally:
        conn.close()
    if not holds:
        raise SyncRefused(
            "{target} no longer holds the changes {path} took from it up to change {seen}: "
            "it looks like a restored backup or a copy that kept being used. Nothing was "
            "changed. Give it a new identity first (albergue-sync rekey {target} --against "
            "{path}), then try again.", path=str(path), target=str(target.path),
            seen=back["seq_merged"])


def _open_source(path: Path, work: files.WorkDir) -> tuple[sqlite3.Connection, Path, bool]:
    """A read transaction on ``path`` where it lies when it needs no recovery
    (:func:`files.open_in_place`), else on a recovered private copy
    (:func:`files.recovered_copy`). Returns (connection, file read, in place)."""
    conn = files.open_in_place(path)
    if conn is not None:
        return conn, path, True
    attach = work.file("source")
    files.recovered_copy(path, attach)
    return _read_copy(attach, path), attach, False


def _read_copy(attach: Path, path: Path) -> sqlite3.Connection:
    try:
        conn = files.connect(attach, readonly=True)
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise files.damaged(path, exc) from exc
    return conn


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        raise files.damaged(path, "; ".join(problems[:3]))


def _plan(path: Path, target: FileInfo | None, bookmarks: dict[str, dict],
          options: Options, work: files.WorkDir) -> _Plan:
    """Check one source inside one read transaction: on the file itself when it needs no
    recovery (read-only, normal locking, never ``immutable``), else on a private copy
    recovered as after a crash. An older schema is upgraded on a copy."""
    started = time.perf_counter()
    conn, attach, in_place = _open_source(path, work)
    keep = False
    try:
        try:
            info = files.inspect_conn(conn, path)
            _check_clock(path, info.hlc_last)
            seen = bookmarks.get(info.site_id)
            full = (options.full or seen is None or seen["epoch"] != info.epoch
                    or info.schema_version < schema.CURRENT_SCHEMA_VERSION
                    or (options.with_health and not seen["with_health"]))
            if full:
                _quick_check(conn, path)
            if info.schema_version < schema.CURRENT_SCHEMA_VERSION:
                conn.close()
                if in_place:  # upgraded on a copy, never in place
                    attach, in_place = work.file("source"), False
                    files.recovered_copy(path, attach)
                files.upgrade(attach, info.schema_version)
                conn = _read_copy(attach, path)
            since = 0 if full or seen is None else int(seen["seq_merged"])
            src_bookmarks = read_bookmarks(conn)
            if not full:
                _check_mark(path, conn, seen, target)
            changed = changed_tables(conn, since)
            _check_clock(path, max([0, *(h for _, h in changed.values())]))
            validate.check_rows(conn, path, since, [t for t, (n, _) in changed.items() if n])
            # a source whose audit log was altered is refused whole, before anything is
            # written (auditchain.py)
            auditchain.check_source(conn, str(path), "main", since)
            state = files.source_state(path) if in_place else None
            _check_against_target(path, info, target, bookmarks, src_bookmarks)
            readonly = not in_place or files.rollback_mode(path)
            keep = in_place and not readonly
        finally:
            if keep:
                conn.execute("COMMIT")  # ends the read transaction; the merge reads anew
            else:
                conn.close()
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise files.damaged(path, exc) from exc
    except BaseException:
        conn.close()
        raise
    return _Plan(path, info, attach, full, since, time.perf_counter() - started,
                 in_place=in_place, attach_readonly=readonly, state=state,
                 seen=None if full else seen, changed={t: n for t, (n, _) in changed.items()},
                 holder=conn if keep else None)


def release(plans: list[_Plan]) -> None:
    """Close the check connections the plans kept open (see ``_Plan.holder``)."""
    for plan in plans:
        if plan.holder is not None:
            plan.holder.close()
            plan.holder = None


def recheck_in_place(conn: sqlite3.Connection, plan: _Plan, src_meta: dict[str, str],
                     target: FileInfo | None = None) -> None:
    """Inside the merge transaction (``src`` attached, its read lock held): a source read
    in place that was written since it was checked is checked again, on what the merge
    will read (and every table is visited). A copy cannot change."""
    if not plan.in_place:
        return
    same = (files.source_state(plan.path) == plan.state
            and int(src_meta.get("seq_last", 0)) == plan.info.seq_last
            and int(src_meta.get("hlc_last", 0)) == plan.info.hlc_last)
    if same:
        return
    plan.changed = None
    _check_clock(plan.path, int(src_meta.get("hlc_last", 0)))
    if plan.seen is not None:
        _check_mark(plan.path, conn, plan.seen, target, "src")
    validate.check_rows(conn, plan.path, plan.since, db="src")
    auditchain.check_source(conn, str(plan.path), "src", plan.since)


def plan_sources(target: Path, sources: list[Path], options: Options,
                 work: files.WorkDir) -> tuple[FileInfo | None, list[_Plan]]:
    """Check the target (if it exists) and every source, before anything is written: a
    refused source leaves the target untouched, and so does every source after it.
    Sources are read from private copies in ``work``. Raises SyncRefused."""
    target_info = None
    bookmarks: dict[str, dict] = {}
    if target.exists() and target.stat().st_size > 0:
        target_info = files.inspect(target)
        conn = files.connect(target, readonly=False)  # only read
        try:
            bookmarks = read_bookmarks(conn)
        finally:
            conn.close()
    plans: list[_Plan] = []
    try:
        for done, path in enumerate(sources):
            options.report(done, len(sources), "check", str(path))
            options.check_cancelled(path)
            plan = _plan(Path(path), target_info, bookmarks, options, work)
            plans.append(plan)
            for other in plans[:-1]:
                if other.info.site_id == plan.info.site_id:
                    raise SyncRefused(
                        "{first} and {second} claim the same site ({site}); merge only one "
                        "of them. If one is a copy that kept being used, give it a new "
                        "identity with `albergue-sync rekey FILE`.", first=str(other.path),
                        second=str(plan.path), site=plan.info.site_id[:8])
    except BaseException:
        release(plans)
        raise
    return target_info, plans


def merge_files(target: Path, sources: list[Path], options: Options | None = None,
                ) -> list[SourceReport]:
    """Merge every source into ``target`` (created if missing, once every source passed its
    checks). One transaction per source. Raises SyncRefused with the target untouched, or,
    when a source fails after others were committed (a full disk), with ``reports`` of the
    sources that were merged and a message naming them."""
    from .apply import apply_source, open_target  # noqa: PLC0415 (apply imports this module)

    options = options or Options()
    target = Path(target)
    reports: list[SourceReport] = []
    with files.WorkDir(target) as work:
        conn = None
        plans: list[_Plan] = []
        try:
            target_info, plans = plan_sources(target, [Path(s) for s in sources], options,
                                              work)
            if target_info is None:
                target_info = files.create(target)
            elif target_info.schema_version < schema.CURRENT_SCHEMA_VERSION:
                files.upgrade(target, target_info.schema_version)
            if conn is None and plans:
                conn = open_target(target)
            for plan in plans:
                try:
                    options.check_cancelled(plan.path)
                    reports.append(apply_source(target, plan, options, conn))
                except SyncRefused as exc:
                    exc.reports = reports  # the sources merged before this one stay merged
                    if reports:
                        raise _partly_merged(exc, reports, plans) from exc
                    raise
                finally:
                    release([plan])
        finally:
            if conn is not None:
                conn.close()
            release(plans)
    return reports


def _partly_merged(exc: SyncRefused, reports: list[SourceReport],
                   plans: list[_Plan]) -> SyncRefused:
    """A refusal after some sources were committed: say exactly which were merged."""
    merged = [r.path for r in reports]
    left = [str(p.path) for p in plans if str(p.path) not in merged]
    out = type(exc)("Merged: {merged}. Not merged: {left}. {reason}",
                    merged=", ".join(merged), left=", ".join(left), reason=str(exc))
    out.reports = reports
    return out
