"""One source into the target, in one ``BEGIN IMMEDIATE`` transaction (see :mod:`.engine`)."""

from __future__ import annotations

from . import dbapi as sqlite3
import time
from pathlib import Path

from . import auditchain, conflictlog, erasure, files, redact
from .engine import (
    Options, SourceReport, _check_clock, _Plan, clock_ahead_ms, recheck_in_place, seq_mark,
)
from .i18n import SyncRefused
from .rules import DUPLICATE_KEYS, HEALTH_TABLES
from .tablemerge import (
    find_deleted_people_in_stays, find_duplicates, find_orphans, find_stay_clashes,
    merge_table, synced_columns, synced_tables,
)


def open_target(target: Path) -> sqlite3.Connection:
    """The one connection that writes ``target`` during a merge (every source goes through
    it: the schema is parsed once, not once per source)."""
    try:
        conn = files.connect(target, readonly=False)
        conn.execute("PRAGMA foreign_keys = OFF")  # orphans are logged, not refused
        conn.execute("PRAGMA synchronous = FULL")
    except sqlite3.Error as exc:
        raise SyncRefused("Cannot write {path}: {detail}", path=str(target),
                          detail=str(exc)) from exc
    return conn


def apply_source(target: Path, plan: _Plan, options: Options,
                 conn: sqlite3.Connection | None = None) -> SourceReport:
    """Merge one checked source into ``target`` in one transaction, through ``conn`` (from
    :func:`open_target`; one is opened and closed when None)."""
    started = time.perf_counter()
    report = SourceReport(str(plan.path), plan.info.site_id,
                          "full" if plan.full else "incremental")
    own = conn is None
    if conn is None:
        conn = open_target(target)
    attached = False
    try:
        conn.execute("ATTACH DATABASE ? AS src KEY ?",
                     (files.uri(plan.attach, readonly=plan.attach_readonly),
                      sqlite3.attach_key(plan.attach)))
        attached = True
        conn.execute("BEGIN IMMEDIATE")
        try:
            if _merge(conn, plan, options, report):
                conn.execute("COMMIT")
            else:  # nothing lasting: rows it inserted were all dropped again (redact.py)
                conn.execute("ROLLBACK")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.IntegrityError as exc:
        raise SyncRefused("{path} cannot be merged: {detail}. Nothing of it was merged.",
                          path=str(plan.path), detail=str(exc)) from exc
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        if "full" in text:
            raise SyncRefused("The disk is full; nothing of {path} was merged. Free some "
                              "space and try again.", path=str(plan.path)) from exc
        if "locked" in text or "busy" in text:
            raise SyncRefused("The database {path} is busy; try again in a moment.",
                              path=str(target)) from exc
        raise files.damaged(plan.path, exc) from exc
    except sqlite3.DatabaseError as exc:
        raise files.damaged(plan.path, exc) from exc
    finally:
        if own:
            conn.close()
        elif attached:
            try:
                conn.execute("DETACH DATABASE src")
            except sqlite3.Error:
                pass  # the connection is closed by the caller anyway
    report.seconds = plan.seconds + time.perf_counter() - started
    return report


def _merge(conn: sqlite3.Connection, plan: _Plan, options: Options,
           report: SourceReport) -> bool:
    """Merge inside the open transaction. Returns whether anything lasting was written:
    a merge that brings nothing (a full re-read inserts the audit rows of local tables
    again, and :func:`redact.redact_merged` drops them again) is rolled back, so that the
    target stays byte for byte as it was (a freed page still changes the file)."""
    src_meta = files.read_meta(conn, plan.path, "src")
    if (src_meta["site_id"], src_meta.get("epoch")) != (plan.info.site_id, plan.info.epoch):
        raise SyncRefused("{path} changed while it was being merged; try again.",
                          path=str(plan.path))
    # a source written since its check (stamps, ids, audit chain) is checked again
    recheck_in_place(conn, plan, src_meta)
    meta = dict(conn.execute("SELECT key, value FROM main.meta"))
    seq = int(meta["seq_last"]) + 1
    health_filter = options.direction == "pull" and not options.with_health
    found = []
    touched = set()
    max_hlc = 0
    tables = synced_tables(conn)
    # Only the tables with rows to read (known from the check; a pull without health data
    # also reads unchanged health rows of people who became this center's).
    visit = [t for t in tables if plan.changed is None or plan.changed.get(t, 0)
             or (health_filter and t in HEALTH_TABLES)]
    main_columns, src_columns = (synced_columns(conn, "main", visit),
                                 synced_columns(conn, "src", visit))
    for done, table in enumerate(tables):
        options.report(done, len(tables), "merge", table)
        options.check_cancelled(plan.path)
        if table not in visit:
            report.tables[table] = {"read": 0, "new": 0, "updated": 0, "unchanged": 0}
            continue
        counts, conflicts = merge_table(
            conn, table, since=plan.since, seq=seq,
            own_health_only=health_filter and table in HEALTH_TABLES,
            own_center=meta.get("center_id"), main_columns=main_columns,
            src_columns=src_columns)
        found += conflicts
        max_hlc = max(max_hlc, counts.max_hlc)
        report.rows_read += counts.read
        report.new += counts.new
        report.updated += counts.updated
        report.unchanged += counts.unchanged
        report.tables[table] = {"read": counts.read, "new": counts.new,
                                "updated": counts.updated, "unchanged": counts.unchanged}
        if counts.new or counts.updated:
            touched.add(table)
    _check_clock(plan.path, max_hlc)
    report.clock_ahead_ms = clock_ahead_ms(max(max_hlc, plan.info.hlc_last))
    for table in tables:
        if table in touched:
            found += find_orphans(conn, table, seq)
            if table in DUPLICATE_KEYS:
                found += find_duplicates(conn, table, seq)
    if "stay" in touched:
        found += find_stay_clashes(conn, seq)
    if {"stay", "person"} & touched and {"stay", "person"} <= set(tables):
        found += find_deleted_people_in_stays(conn, seq)
    read, received, joined = conflictlog.merge_incoming(conn, since=plan.since, seq=seq)
    report.rows_read += read
    detected, rejoined = conflictlog.record(conn, found, seq=seq, site_id=meta["site_id"],
                                            now_text=files.utc_text())
    # what this file may not hold (audit of local tables, secrets, withheld health data)
    dropped, _redacted = redact.redact_merged(conn, seq, withhold_health=health_filter,
                                              own_center=meta.get("center_id"))
    auditchain.mark_redacted(conn, seq)  # redacted payloads keep their hash and the chain
    # erased people: whatever this merge brought about them is wiped again (erasure.py)
    wiped = erasure.wipe(conn, seq=seq)
    report.new -= dropped
    if dropped and "audit_event" in report.tables:
        report.tables["audit_event"]["new"] -= dropped
    report.conflicts = received + detected
    # records name what the row holds: rows of this change, and records of this change
    refreshed = conflictlog.refresh_winners(conn, seq, tables=touched)
    wrote = bool(report.new or report.updated or received or joined or detected or rejoined
                 or refreshed or wiped)
    if wrote:
        conn.execute("UPDATE main.meta SET value = ? WHERE key = 'seq_last'", (str(seq),))
    if max_hlc > int(meta.get("hlc_last", 0)):
        conn.execute("UPDATE main.meta SET value = ? WHERE key = 'hlc_last'", (str(max_hlc),))
        wrote = True
    report.seq_merged = int(src_meta["seq_last"])
    wrote = _write_bookmark(conn, plan, options, report,
                            changed=bool(report.new or report.updated or received or joined
                                         or detected or rejoined)) or wrote
    options.report(len(tables), len(tables), "merge", "")
    options.check_cancelled(plan.path)  # the last moment: the commit follows
    return wrote


def _write_bookmark(conn: sqlite3.Connection, plan: _Plan, options: Options,
                    report: SourceReport, *, changed: bool) -> bool:
    """Record how far this source was merged. A merge that changed nothing and would write
    the same bookmark writes nothing at all: a repeated merge leaves the target file byte
    for byte as it was (the bookmark's time and counts are those of the last merge that
    did something)."""
    mark = seq_mark(conn, report.seq_merged, "src")
    key = (plan.info.epoch, report.seq_merged, options.direction, int(options.with_health),
           mark)
    old = conn.execute("SELECT epoch, seq_merged, direction, with_health, seq_mark "
                       "FROM main.sync_source WHERE site_id = ?",
                       (plan.info.site_id,)).fetchone()
    if not changed and old is not None and tuple(old) == key:
        return False
    conn.execute(
        "INSERT OR REPLACE INTO main.sync_source (site_id, epoch, seq_merged, merged_at, "
        "direction, with_health, source_path, rows_new, rows_updated, rows_unchanged, "
        "conflicts, seq_mark) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (plan.info.site_id, plan.info.epoch, report.seq_merged, files.utc_text(),
         options.direction, int(options.with_health), str(plan.path), report.new,
         report.updated, report.unchanged, report.conflicts, mark))
    return True
