"""Helpers of the sync tests: center files written through the desktop's services, and
comparable views of a file's merged state."""

from __future__ import annotations

import hashlib
import json
from albergue_sync import dbapi as sqlite3
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from albergue_desktop.services import centers, people, stays
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.services.people import MemberInput
from albergue_desktop.storage.db import Database
from albergue_desktop.storage.tables import Meta, PersonUpdate
from albergue_desktop.storage.versioning import wall_clock_ms
from albergue_sync.files import uri
from albergue_sync.rules import LOCAL_TABLES
from albergue_sync.tablemerge import synced_tables


class ClockedDatabase(Database):
    """A Database whose writes are stamped with a skewable clock (WriteContext.clock)."""

    skew_ms = 0

    @contextmanager
    def session(self, username=None, *, audit=True):
        with super().session(username, audit=audit) as session:
            session.info["write_context"].clock = lambda: wall_clock_ms() + self.skew_ms
            yield session


SYNC_USER, SYNC_PASSWORD = "coordinacion", "albergue-demo"


def credentials(folder: Path, user: str = SYNC_USER) -> list[str]:
    """``albergue-sync`` sign-in options for ``merge``/``pull``/``conflicts``...: ``user`` of the
    file written, and (for a new central file) its first account ``admin``; the password is
    in a file in ``folder``."""
    secret = folder / "password.txt"
    secret.write_text(SYNC_PASSWORD + "\n", "utf-8")
    return ["--user", user, "--password-file", str(secret)]


def central_credentials(folder: Path) -> list[str]:
    """Options of a ``merge --into`` central file, new (its first account ``admin`` is
    created) or existing (``admin`` signs in)."""
    creds = credentials(folder, "admin")
    return [*creds, "--admin", "admin", "--admin-password-file", creds[-1]]


def make_center(path: Path, code: str) -> tuple[ClockedDatabase, str]:
    """A center laptop's file: its center (meta center_id), a few beds and its coordinator
    (``SYNC_USER``, who may synchronize)."""
    db = ClockedDatabase.open(path)
    center = centers.create_center(db, SYSTEM, code=code, name=f"Centro Comunitario {code}")
    centers.create_user(db, None, username=SYNC_USER, full_name="Coordinación",
                        role="coordinacion", password=SYNC_PASSWORD, center_id=center.id)
    with db.session("admin") as session:
        session.merge(Meta(key="center_id", value=center.id))
    area = centers.create_area(db, SYSTEM, center_id=center.id, name="Dormitorio A")
    centers.add_beds(db, SYSTEM, area_id=area.id, count=3)
    return db, center.id


def register(db: Database, center_id: str, given: str = "Marie", surnames: str = "Joseph",
             *, document: str | None = None, vaccine: bool = False, **extra) -> str:
    member = MemberInput(
        given_names=given, surnames=surnames, sex="F", birth_date=date(1990, 5, 1),
        nationality="HT", relationship="head",
        documents=[{"doc_type": "passport", "number": document}] if document else [],
        vaccinations=[{"vaccine": "covid19", "dose": 1}] if vaccine else [], **extra)
    return people.register_household(db, SYSTEM, center_id=center_id,
                                     members=[member]).person_ids[0]


def edit(db: Database, person_id: str, **fields) -> None:
    people.update_person(db, SYSTEM, person_id, PersonUpdate(**fields))


def delete(db: Database, person_id: str, reason: str = "registro erróneo") -> None:
    people.delete_person(db, SYSTEM, person_id, reason=reason)


def check_in(db: Database, person_id: str, center_id: str):
    return stays.check_in(db, SYSTEM, person_id=person_id, center_id=center_id)


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def side_files(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.glob(path.name + "-*"))


# Columns that are the file's own bookkeeping, not merged state.
LOCAL_COLUMNS = {"change_seq"}


def contents(path: Path, *, skip: frozenset[str] = frozenset()) -> dict:
    """Merged state of a file: every synced table, rows by id, JSON stamps parsed, without
    the file's local change_seq. Comparable across files."""
    import json

    conn = sqlite3.connect(uri(path, readonly=False), uri=True)  # opened normally, only read
    try:
        out = {}
        for table in synced_tables(conn):
            if table in skip:
                continue
            cur = conn.execute(f"SELECT * FROM {table} ORDER BY id")
            names = [d[0] for d in cur.description]
            rows = {}
            for raw in cur:
                row = {n: v for n, v in zip(names, raw) if n not in LOCAL_COLUMNS}
                if table == "audit_event" and row.get("table_name") in LOCAL_TABLES:
                    continue  # never leaves its file (albergue_sync/redact.py)
                row["vv"], row["fv"] = json.loads(row["vv"]), json.loads(row["fv"])
                rows[row["id"]] = row
            out[table] = rows
        return out
    finally:
        conn.close()


def conflict_set(path: Path) -> dict:
    """The conflict log of a file, without what is local to the file (change_seq)."""
    conn = sqlite3.connect(uri(path, readonly=False), uri=True)  # opened normally, only read
    try:
        cur = conn.execute("SELECT * FROM sync_conflict ORDER BY id")
        names = [d[0] for d in cur.description]
        return {r[0]: {n: v for n, v in zip(names, r) if n != "change_seq"} for r in cur}
    finally:
        conn.close()


def bulk_people(path: Path, count: int, *, prefix: str = "bulk") -> None:
    """Add ``count`` people to a closed center file by copying one of its people with new ids
    and proper version stamps (fast enough for tests that need thousands of rows)."""
    import json

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        cur = conn.execute("SELECT * FROM person LIMIT 1")
        names = [d[0] for d in cur.description]
        template = dict(zip(names, cur.fetchone()))
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        site, seq, hlc = meta["site_id"], int(meta["seq_last"]), int(meta["hlc_last"]) + 1
        rows = []
        for i in range(1, count + 1):
            row = dict(template, id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{prefix}-{i}")),
                       folio=None, hlc=hlc,
                       change_seq=seq + i, vv=json.dumps({site: seq + i}),
                       fv=json.dumps({"*": [hlc, site, seq + i]}), site_id=site,
                       given_names=f"Persona {prefix} {i}")
            rows.append([row[n] for n in names])
        conn.executemany(f"INSERT INTO person ({', '.join(names)}) VALUES "
                         f"({', '.join('?' for _ in names)})", rows)
        conn.executemany("UPDATE meta SET value = ? WHERE key = ?",
                         [(str(seq + count), "seq_last"), (str(hlc), "hlc_last")])
        conn.execute("COMMIT")
    finally:
        conn.close()


def bulk_touch(path: Path, notes: str) -> int:
    """Edit the notes of every person of a closed file, as one stamped write each."""
    import json

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        site, seq, hlc = meta["site_id"], int(meta["seq_last"]), int(meta["hlc_last"]) + 1
        updates = []
        for i, (pid, vv, fv) in enumerate(conn.execute("SELECT id, vv, fv FROM person"), 1):
            vv, fv = json.loads(vv), json.loads(fv)
            vv[site] = seq + i
            fv["notes"] = [hlc, site, seq + i]
            updates.append((notes, json.dumps(vv), json.dumps(fv), hlc, seq + i, pid))
        conn.executemany("UPDATE person SET notes = ?, vv = ?, fv = ?, hlc = ?, change_seq = ? "
                         "WHERE id = ?", updates)
        conn.executemany("UPDATE meta SET value = ? WHERE key = ?",
                         [(str(seq + len(updates)), "seq_last"), (str(hlc), "hlc_last")])
        conn.execute("COMMIT")
        return len(updates)
    finally:
        conn.close()


def state(path: Path) -> tuple:
    """Everything a merge may change in a file: merged rows, conflicts, clocks, bookmarks."""
    conn = sqlite3.connect(uri(path, readonly=False), uri=True)  # opened normally, only read
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        marks = conn.execute("SELECT site_id, epoch, seq_merged FROM sync_source "
                             "ORDER BY site_id").fetchall()
    finally:
        conn.close()
    return contents(path), conflict_set(path), meta, marks


# --- the reference model of the convergence state machine ------------------------------

@dataclass(frozen=True)
class Write:
    person: str
    field: str
    value: object
    dot: tuple
    past: frozenset  # dots the writing file had seen


def dot(fv: dict, field: str) -> tuple:
    return tuple(fv.get(field, fv["*"]))


def check_stays(stay_writes: list[Write], final: dict) -> None:
    """Every stay created still exists; every check-out written is still set, to one of
    the check-outs written for that stay (a check-out only moves forward)."""
    written: dict[str, set] = {}
    for w in stay_writes:
        written.setdefault(w.person, set()).add(w.value)
    for sid, values in written.items():
        assert sid in final, f"stay {sid} lost"
        check_out = final[sid]["check_out"]
        if values - {None}:
            assert check_out in values, (sid, check_out, values)


def check_nothing_lost(writes: list[Write], people: dict, log: dict) -> None:
    """Every written value is the final one (and, on a deleted record, was seen by the
    delete or logged against it), or a write made after seeing it replaced it, or it is
    a loser in the conflict log. Writes of the same value count as one: a value seen
    through one write is not lost because another write carried it too."""
    losers = {(c["row_id"], c["field"], tuple(json.loads(c["loser_dot"])))
              for c in log.values() if c["kind"] == "field"}
    swallowed = {(c["row_id"], c["field"], tuple(json.loads(c["loser_dot"])))
                 for c in log.values() if c["kind"] == "delete"}

    def safe(w: Write) -> bool:
        row = people[w.person]
        if any(o.person == w.person and o.field == w.field and w.dot in o.past
               for o in writes):
            return True  # superseded by a write made after seeing it
        if (w.person, w.field, w.dot) in losers:
            return True
        if row[w.field] != w.value:
            return False
        if not row["deleted"] or w.field == "deleted" or w.dot == dot(row["fv"], "*"):
            return True
        # On a deleted record the value must have been seen by a delete (the final one or
        # an earlier one the same edit preceded), or be logged against the delete.
        return any(o.person == w.person and o.field == "deleted" and o.value
                   and w.dot in o.past for o in writes) or (
            w.person, w.field, w.dot) in swallowed

    groups: dict[tuple, list[Write]] = {}
    for w in writes:
        groups.setdefault((w.person, w.field, json.dumps(w.value)), []).append(w)
    for same in groups.values():
        assert any(safe(w) for w in same), same
