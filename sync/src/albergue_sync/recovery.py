"""Ways back for a file whose history went wrong (docs/sync-design.md guarantee 8; design in
docs/sync-recovery.md): a clock that was once far ahead (:func:`reclock`), and a restored
backup or a copied file (:func:`rekey`). Both rewrite only stamps (dots, version vectors,
row clocks) of this file's own writes that no other file can hold, in one transaction, log
what they did as an audit event, and never change a value: nothing is lost.

- :func:`reclock` re-dates this site's writes stamped more than 24 hours after this
  computer's (now correct) clock. No merge could have accepted them (every merge refuses a
  clock more than 24 hours ahead of its own), so no other file holds them. Their order is
  kept: each distinct old clock value maps to a new one above every other clock of the
  file, in the same order.
- :func:`rekey` gives the file a new site id and epoch, and moves to the new site the
  writes of the old one that the file made after it forked (restored, or copied): those
  reused change numbers that other files may hold for other writes. ``against`` (the file
  it was refused by, usually the central file) tells where the fork is: the last write of
  the old site whose audit event that file also holds. Without it every write of the old
  site is moved (safe: the other files see them as concurrent writes, and equal values
  never make a conflict, but edits made elsewhere after seeing them may be logged).

:func:`assess_clock` flags a wrong clock before it writes anything (the desktop warns at
sign-in and before a save).
"""

from __future__ import annotations

import json
from . import dbapi as sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import auditchain, conflictlog, files, schema
from .conflicts import new_id
from .engine import CLOCK_LEEWAY_MS
from .i18n import SyncRefused
from .rowmerge import Dot, as_dot, dump_json, parse_json
from .rules import LOCAL_TABLES
from .tablemerge import q, synced_tables

DotMap = Callable[[Dot], Dot]


@dataclass
class RecoveryReport:
    path: str
    site_id: str
    old_site_id: str
    rows: int = 0  # rows whose stamps were rewritten
    writes: int = 0  # distinct writes (dots) re-stamped
    conflicts: int = 0  # conflict records rewritten
    hlc_before: int = 0
    hlc_after: int = 0
    fork_after: int | None = None  # rekey: last change of the old site kept as it was
    foreign_ahead: int = 0  # reclock: writes of other sites still dated ahead


def _rewrite(conn: sqlite3.Connection, dot_map: DotMap, vv_map: Callable[[dict], dict],
             site_map: Callable[[str, Dot], str]) -> tuple[int, set[Dot], int]:
    """Apply ``dot_map`` to every dot of every synced row and conflict record, ``vv_map``
    to every version vector. Returns (rows changed, old dots mapped, records changed)."""
    rows = 0
    mapped: set[Dot] = set()

    def remap(raw: Any) -> Any:
        if not raw:
            return raw
        old = as_dot(raw)
        new = dot_map(old)
        if new != old:
            mapped.add(old)
        return list(new)

    for table in synced_tables(conn):
        updates = []
        for row_id, site, hlc, vv_raw, fv_raw in conn.execute(
                f"SELECT id, site_id, hlc, vv, fv FROM {q(table)}").fetchall():
            fv = parse_json(fv_raw) or {}
            vv = {k: int(v) for k, v in (parse_json(vv_raw) or {}).items()}
            new_fv = {k: remap(v) for k, v in fv.items()}
            new_vv = vv_map(vv)
            new_site = site_map(site, as_dot(fv["*"])) if "*" in fv else site
            new_hlc = int(hlc)
            if any(as_dot(fv[k])[0] != as_dot(v)[0] for k, v in new_fv.items()):
                new_hlc = max(as_dot(v)[0] for v in new_fv.values())
            if (new_fv, new_vv, new_site, new_hlc) != (fv, vv, site, int(hlc)):
                updates.append((dump_json(new_fv), dump_json(new_vv), new_site, new_hlc,
                                row_id))
        conn.executemany(f"UPDATE {q(table)} SET fv = ?, vv = ?, site_id = ?, hlc = ? "
                         f"WHERE id = ?", updates)
        rows += len(updates)
    records = 0
    cur = conn.execute("SELECT * FROM sync_conflict")
    names = [d[0] for d in cur.description]
    for raw in cur.fetchall():
        row = dict(zip(names, raw))
        new = dict(row)
        for name in ("winner_dot", "loser_dot", "resolved_dot"):
            dot = parse_json(row[name])
            if dot:
                new[name] = dump_json(remap(dot))
        if new == row:
            continue
        new["id"] = conflictlog.record_id(new)
        conn.execute("DELETE FROM sync_conflict WHERE id = ?", (row["id"],))
        conn.execute(f"INSERT OR REPLACE INTO sync_conflict ({', '.join(map(q, names))}) "
                     f"VALUES ({', '.join('?' for _ in names)})", [new[n] for n in names])
        records += 1
    return rows, mapped, records


def _audit(conn: sqlite3.Connection, *, site: str, seq: int, hlc: int, action: str,
           changes: dict[str, Any], user: str) -> None:
    # table 'site' (the file's identity), not 'meta': audit rows of local tables never leave
    # their file (redact.py), while a rekey or a clock jump must reach the supervisor.
    now = files.utc_text()
    auditchain.insert(conn, {
        "id": new_id(), "site_id": site, "created_at": now, "created_by": user,
        "updated_at": now, "updated_by": user, "deleted": 0, "hlc": hlc, "change_seq": seq,
        "vv": dump_json({site: seq}), "fv": dump_json({"*": [hlc, site, seq]}), "at": now,
        "username": user, "action": action, "table_name": "site", "row_id": site,
        "changes": json.dumps(changes)})


def _transaction(path: Path, work: Callable[[sqlite3.Connection, dict], RecoveryReport],
                 ) -> RecoveryReport:
    files.inspect(path)
    conn = files.connect(path, readonly=False)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            meta = dict(conn.execute("SELECT key, value FROM meta"))
            report = work(conn, meta)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.OperationalError as exc:
        text = str(exc).lower()
        if "locked" in text or "busy" in text:
            raise SyncRefused("The database {path} is busy; try again in a moment.",
                              path=str(path)) from exc
        raise files.damaged(path, exc) from exc
    finally:
        conn.close()
    return report


def clock_limit_ms(now_ms: int | None = None) -> int:
    """Writes dated after this could not have been accepted by any merge so far."""
    return (files.now_ms() if now_ms is None else now_ms) + CLOCK_LEEWAY_MS


def reclock(path: Path, *, now_ms: int | None = None, user: str = "albergue-sync",
            ) -> RecoveryReport:
    """Re-date this site's writes stamped more than 24 hours after ``now_ms`` (this
    computer's clock, which must be right again), keeping their order, and bring the file's
    clock back. Values, change numbers and version vectors are untouched. Logged as an audit
    event ``reclock`` with the old and new clock."""
    path = Path(path)

    def work(conn: sqlite3.Connection, meta: dict) -> RecoveryReport:
        site = meta["site_id"]
        now = files.now_ms() if now_ms is None else now_ms
        limit = clock_limit_ms(now) << files.HLC_COUNTER_BITS
        report = RecoveryReport(str(path), site, site, hlc_before=int(meta["hlc_last"]))

        def ahead(dot: Dot) -> bool:
            return dot[0] > limit and dot[1] == site

        dots = _all_dots(conn)
        kept_top = max([0, *(d[0] for d in dots if not ahead(d))])
        future = sorted({d[0] for d in dots if ahead(d)})
        report.foreign_ahead = sum(1 for d in dots if d[0] > limit and d[1] != site)
        base = max(kept_top, now << files.HLC_COUNTER_BITS)
        new_hlc = {old: base + i for i, old in enumerate(future, 1)}
        rows, mapped, records = _rewrite(
            conn, lambda d: (new_hlc[d[0]], d[1], d[2]) if ahead(d) else d,
            lambda vv: vv, lambda s, _star: s)
        # Rows whose own clock is ahead without a dot of this site ahead: the row clock is
        # the greatest of its dots.
        for table in synced_tables(conn):
            for row_id, fv_raw in conn.execute(
                    f"SELECT id, fv FROM {q(table)} WHERE hlc > ?", (limit,)).fetchall():
                dots = [as_dot(v) for v in (parse_json(fv_raw) or {}).values()]
                if dots and max(d[0] for d in dots) <= limit:
                    conn.execute(f"UPDATE {q(table)} SET hlc = ? WHERE id = ?",
                                 (max(d[0] for d in dots), row_id))
                    rows += 1
        report.rows, report.writes, report.conflicts = rows, len(mapped), records
        top = max([kept_top, *new_hlc.values()])
        if not mapped and report.hlc_before <= max(top, limit):
            report.hlc_after = report.hlc_before
            return report  # nothing ahead: nothing to do, nothing written
        seq = int(meta["seq_last"]) + 1
        hlc = files.next_hlc(top, now)
        _audit(conn, site=site, seq=seq, hlc=hlc, action="reclock", user=user, changes={
            "hlc_last": [report.hlc_before, hlc],
            "date_last": [files.utc_text(files.hlc_to_ms(report.hlc_before))[:19],
                          files.utc_text(files.hlc_to_ms(hlc))[:19]],
            "writes": len(mapped), "rows": rows})
        conn.executemany("UPDATE meta SET value = ? WHERE key = ?",
                         [(str(seq), "seq_last"), (str(hlc), "hlc_last")])
        report.hlc_after = hlc
        return report

    return _transaction(path, work)


def _all_dots(conn: sqlite3.Connection) -> list[Dot]:
    """Every dot of the file: of its rows, and of its conflict records (a write that lost
    is only there; a re-dated write must stay after it, as it was)."""
    out = []
    for table in synced_tables(conn):
        for (fv_raw,) in conn.execute(f"SELECT fv FROM {q(table)}"):
            out += [as_dot(v) for v in (parse_json(fv_raw) or {}).values()]
    for raw in conn.execute("SELECT winner_dot, loser_dot, resolved_dot FROM sync_conflict"):
        out += [as_dot(parse_json(d)) for d in raw if d and parse_json(d)]
    return out


def fork_point(path: Path, against: Path, site: str) -> int:
    """The last change of ``site`` in ``path`` that ``against`` also holds: the greatest
    change number of an audit event of that site in ``path`` that ``against`` has, before
    the first one it lacks. Audit events are append-only and carry unique ids, so a write
    made after a restore or a copy has one no other file has."""
    other = files.connect(against, readonly=False)  # only read
    try:
        known = {r[0] for r in other.execute(
            "SELECT id FROM audit_event WHERE site_id = ?", (site,))}
    finally:
        other.close()
    conn = files.connect(path, readonly=False)  # only read
    try:
        # audit events of local tables (app_user: every sign-in) never reach another file
        # (redact.py): they say nothing about the fork
        local = ", ".join(f"'{t}'" for t in sorted(LOCAL_TABLES))
        events = conn.execute(f"SELECT id, fv FROM audit_event WHERE site_id = ? AND "
                              f"coalesce(table_name, '') NOT IN ({local})", (site,)).fetchall()
    finally:
        conn.close()
    own = sorted((as_dot((parse_json(fv) or {})["*"])[2], eid) for eid, fv in events
                 if (parse_json(fv) or {}).get("*", [0, ""])[1] == site)
    last = 0
    for counter, eid in own:
        if eid not in known:
            break
        last = counter
    return last


def rekey(path: Path, *, against: Path | None = None, user: str = "albergue-sync",
          ) -> RecoveryReport:
    """New site id and epoch for a restored backup or a copy that kept being used. The
    writes of the old site made after the fork (see :func:`fork_point`; all of them without
    ``against``) move to the new site with the same clock and change number, and version
    vectors claim of the old site only what precedes the fork, so every other file sees them
    as what they are: writes it never had. Logged as an audit event ``rekey``."""
    path = Path(path)
    info = files.inspect(path)
    old = info.site_id
    if against is not None:
        files.inspect(Path(against))
        fork = fork_point(path, Path(against), old)
    else:
        fork = 0
    new = schema.new_site_id()

    def work(conn: sqlite3.Connection, meta: dict) -> RecoveryReport:
        if meta["site_id"] != old:
            raise SyncRefused("{path} changed while it was being merged; try again.",
                              path=str(path))
        report = RecoveryReport(str(path), new, old, fork_after=fork,
                                hlc_before=int(meta["hlc_last"]))

        def moved(dot: Dot) -> bool:
            return dot[1] == old and dot[2] > fork

        def vv_map(vv: dict) -> dict:
            if vv.get(old, 0) <= fork:
                return vv
            out = dict(vv)
            out[new] = max(out[old], out.get(new, 0))
            out[old] = fork
            if not fork:
                del out[old]
            return out

        rows, mapped, records = _rewrite(
            conn, lambda d: (d[0], new, d[2]) if moved(d) else d, vv_map,
            lambda s, star: new if s == old and moved(star) else s)
        report.rows, report.writes, report.conflicts = rows, len(mapped), records
        # the moved audit rows leave the old site's chain (the other copy holds those links
        # for its own rows) and start the new site's chain, in their order
        if auditchain.has_chain(conn):
            auditchain.rechain(conn, "site_id = ? AND chain_site IN (?, ?)",
                               (new, old, f"{old}/local"))
        seq = int(meta["seq_last"]) + 1
        hlc = files.next_hlc(int(meta["hlc_last"]), files.now_ms())
        epoch = schema.new_epoch()
        conn.executemany("UPDATE meta SET value = ? WHERE key = ?",
                         [(new, "site_id"), (epoch, "epoch"), (str(seq), "seq_last"),
                          (str(hlc), "hlc_last")])
        _audit(conn, site=new, seq=seq, hlc=hlc, action="rekey", user=user, changes={
            "site_id": [old, new], "fork_after": fork, "writes": len(mapped), "rows": rows})
        report.hlc_after = hlc
        return report

    return _transaction(path, work)


# --- flagging a clock before it writes --------------------------------------------------------

DAY_MS = 24 * 3600 * 1000
FLAG_MS = 5 * 60 * 1000  # clocks of two laptops a few minutes apart are not worth a warning
JUMP_MS = 30 * DAY_MS  # a month with no change anywhere and then a write: check the date
RELEASE_SPAN_MS = 3 * 365 * DAY_MS  # a version this old is not in use: check the date


@dataclass(frozen=True)
class ClockFlag:
    """Something wrong with this computer's clock, found before it stamps a write.

    code: ``before_release`` (now earlier than the release), ``long_after_release`` (more
    than three years after it), ``file_ahead`` (the file's last change is dated after now:
    the clock was ahead and has been corrected, or is now behind; ``recoverable`` when more
    than 24 hours, which no merge accepts: :func:`reclock`), ``others_ahead`` (a change of
    another site is dated after now), ``jump`` (now is a month or more after the latest
    change known, from this file or from other sites), ``ahead_of_others`` (this file's
    latest changes are a month or more after the latest change of any other site)."""

    code: str
    now_ms: int
    ref_ms: int  # the date compared with
    recoverable: bool = False


def assess_clock(now_ms: int, *, release_ms: int | None, hlc_last: int,
                 other_hlc: int) -> list[ClockFlag]:
    """The flags of this computer's clock ``now_ms`` against the release date, the file's
    last change (``hlc_last``) and the latest change seen from other sites (``other_hlc``).
    Pure; thresholds: FLAG_MS, JUMP_MS, RELEASE_SPAN_MS, and the merge's 24 hours."""
    flags = []
    last = files.hlc_to_ms(hlc_last) if hlc_last else 0
    other = files.hlc_to_ms(other_hlc) if other_hlc else 0
    if release_ms is not None and now_ms < release_ms:
        flags.append(ClockFlag("before_release", now_ms, release_ms))
    if release_ms is not None and now_ms > release_ms + RELEASE_SPAN_MS:
        flags.append(ClockFlag("long_after_release", now_ms, release_ms))
    if last - now_ms > FLAG_MS:
        flags.append(ClockFlag("file_ahead", now_ms, last,
                               recoverable=last - now_ms > CLOCK_LEEWAY_MS))
    if other - now_ms > FLAG_MS:
        flags.append(ClockFlag("others_ahead", now_ms, other))
    known = max(last, other)
    if known and now_ms - known > JUMP_MS:
        flags.append(ClockFlag("jump", now_ms, known))
    elif other and last - other > JUMP_MS and now_ms - last > -FLAG_MS:
        flags.append(ClockFlag("ahead_of_others", now_ms, other))
    return flags


def file_clocks(conn: sqlite3.Connection) -> tuple[int, int]:
    """(hlc_last, latest clock of a change written by another site) of an open file."""
    meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN "
                             "('hlc_last', 'site_id')"))
    other = conn.execute("SELECT max(hlc) FROM audit_event WHERE site_id <> ?",
                         (meta.get("site_id", ""),)).fetchone()[0]
    return int(meta.get("hlc_last", 0)), int(other or 0)
