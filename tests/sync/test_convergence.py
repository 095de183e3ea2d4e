"""A Hypothesis state machine over 4 center files and a central file: people are created,
edited, deleted, restored, checked in, checked out and transferred through the desktop's
services, with skewed clocks; files are merged fully or incrementally, through a USB copy,
repeatedly, center to center; conflicts are resolved; a center file is backed up and later
restored over the live file (the engine must refuse it until it is rekeyed). At the end, all-with-all merges must give every
file identical contents and identical conflict logs, and a reference model of causality
proves that no write was lost: each one is the final value, or was superseded by a write
made after seeing it, or sits in the conflict log; every stay created still exists and every
check-out written is still set (a check-out only moves forward). Writes a restore throws
away before they reached any other file are the restore's loss, not sync's: the model drops
them at the restore."""

from __future__ import annotations

import atexit
import json
import shutil
from albergue_sync import dbapi as sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule
from sync_helpers import (
    ClockedDatabase, Write, check_in, check_nothing_lost, check_stays, conflict_set, contents,
    delete, dot as _dot, edit, make_center, register, state,
)

from albergue_desktop.services import stays
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage.tables import Person
from albergue_sync import Options, SyncRefused, merge_files
from albergue_sync.files import inspect
from albergue_sync.recovery import rekey
from albergue_sync.conflicts import list_conflicts, resolve
from albergue_sync.status import export
from factories import copy_db  # noqa: E402

CENTERS = 4
FIELDS = ("notes", "phone", "deleted")
NAMES = ("Marie", "Jean", "Rose", "Wilner", "Lucie", "Nadia", "Pierre", "Claudette")
VALUES = {"notes": ["dolor de cabeza", "sin novedad", "embarazada", None],
          "phone": ["686 555 0101", "686 555 0202", "686 555 0303", None]}
_template: Path | None = None


def template() -> Path:
    """Four center files that know each other's centers, and a central file: built once."""
    global _template
    if _template is None:
        folder = Path(tempfile.mkdtemp(prefix="albergue-sync-sm-"))
        atexit.register(shutil.rmtree, folder, True)
        dbs = [make_center(folder / f"c{i}.sqlite", f"{i + 1:02d}")[0] for i in range(CENTERS)]
        merge_files(folder / "central.sqlite", [db.path for db in dbs])
        for db in dbs:
            merge_files(db.path, [folder / "central.sqlite"], Options(direction="pull"))
            db.close()
        _template = folder
    return _template


class SyncMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.dir = Path(tempfile.mkdtemp(prefix="albergue-sync-run-"))
        for f in template().iterdir():
            copy_db(f, self.dir / f.name)
        self.central = self.dir / "central.sqlite"
        self.dbs = [ClockedDatabase.open(self.dir / f"c{i}.sqlite") for i in range(CENTERS)]
        self.center_ids = [db.meta("center_id") for db in self.dbs]
        self.known: dict[str, set] = {str(i): set() for i in range(CENTERS)}
        self.known["central"] = set()
        self.writes: list[Write] = []
        self.stay_writes: list[Write] = []  # person = stay id; field check_out
        self.copies = 0
        self.backups: dict[int, tuple[Path, set]] = {}

    # --- the model -------------------------------------------------------------------------
    def _row(self, path: Path, pid: str) -> dict | None:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            cur = conn.execute("SELECT * FROM person WHERE id = ?", (pid,))
            raw = cur.fetchone()
            return dict(zip([d[0] for d in cur.description], raw)) if raw else None
        finally:
            conn.close()

    def _record(self, where: str, path: Path, pid: str, fields=FIELDS) -> None:
        row = self._row(path, pid)
        fv = json.loads(row["fv"])
        for field in fields:
            dot = _dot(fv, field)
            if dot not in self.known[where]:
                self.writes.append(Write(pid, field, row[field], dot,
                                         frozenset(self.known[where])))
        for field in fields:
            self.known[where].add(_dot(fv, field))

    def _record_stays(self, where: str, path: Path, pid: str) -> None:
        """Record the new stay writes (creation, check-out) of one person in a file."""
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = conn.execute("SELECT id, check_out, fv FROM stay WHERE person_id = ?",
                                (pid,)).fetchall()
        finally:
            conn.close()
        for sid, check_out, fv in rows:
            dot = _dot(json.loads(fv), "check_out")
            if dot not in self.known[where]:
                self.stay_writes.append(Write(sid, "check_out", check_out, dot,
                                              frozenset(self.known[where])))
                self.known[where].add(dot)

    def _merged(self, into: str, source: str) -> None:
        self.known[into] |= self.known[source]

    def _ids(self, i: int, deleted: bool) -> list[str]:
        conn = sqlite3.connect(f"file:{self.dbs[i].path}?mode=ro", uri=True)
        try:
            return [r[0] for r in conn.execute(
                "SELECT id FROM person WHERE deleted = ? ORDER BY id", (int(deleted),))]
        finally:
            conn.close()

    def _pick(self, i: int, pick: int, *, deleted: bool = False) -> str | None:
        ids = self._ids(i, deleted)
        return ids[pick % len(ids)] if ids else None

    # --- writes at the centers -------------------------------------------------------------
    @initialize()
    def shared_people(self):
        """Two people registered at center 1 and known everywhere, so edits can collide."""
        for name in NAMES[:2]:
            pid = register(self.dbs[0], self.center_ids[0], name)
            self._record("0", self.dbs[0].path, pid)
        self.merge(0, False)
        for i in range(1, CENTERS):
            self.pull(i, True)
        for i in range(CENTERS):  # last night's backups, so a restore can come at any step
            self.back_up(i)

    @rule(i=st.integers(0, CENTERS - 1), name=st.sampled_from(NAMES))
    def create(self, i, name):
        pid = register(self.dbs[i], self.center_ids[i], name)
        self._record(str(i), self.dbs[i].path, pid)

    @rule(i=st.integers(0, CENTERS - 1), pick=st.integers(0, 9),
          field=st.sampled_from(["notes", "phone"]), value=st.integers(0, 3))
    def edit(self, i, pick, field, value):
        pid = self._pick(i, pick)
        if pid:
            edit(self.dbs[i], pid, **{field: VALUES[field][value]})
            self._record(str(i), self.dbs[i].path, pid, (field,))

    @rule(i=st.integers(0, CENTERS - 1), pick=st.integers(0, 9))
    def delete(self, i, pick):
        pid = self._pick(i, pick)
        if pid:
            delete(self.dbs[i], pid)
            self._record(str(i), self.dbs[i].path, pid, ("deleted",))
            self._record_stays(str(i), self.dbs[i].path, pid)  # a delete closes an open stay

    @rule(i=st.integers(0, CENTERS - 1), pick=st.integers(0, 9))
    def undelete(self, i, pick):
        pid = self._pick(i, pick, deleted=True)
        if pid:
            with self.dbs[i].session("admin") as session:
                person = session.get(Person, pid)
                person.deleted, person.delete_reason = False, None
                session.add(person)
            self._record(str(i), self.dbs[i].path, pid, ("deleted",))

    @rule(i=st.integers(0, CENTERS - 1), pick=st.integers(0, 9))
    def check_in(self, i, pick):
        pid = self._pick(i, pick)
        if pid and not self._open_stay(i, pid):
            check_in(self.dbs[i], pid, self.center_ids[i])
            self._record_stays(str(i), self.dbs[i].path, pid)

    @rule(i=st.integers(0, CENTERS - 1), pick=st.integers(0, 9),
          reason=st.sampled_from(["housing", "voluntary", "return"]))
    def check_out(self, i, pick, reason):
        """Check out someone present (checking them in first when nobody is)."""
        present = [p for p in self._ids(i, False) if self._open_stay(i, p)]
        pid = present[pick % len(present)] if present else self._pick(i, pick)
        if pid:
            if not present:
                self.check_in(i, pick)
            stays.check_out(self.dbs[i], SYSTEM, person_id=pid, reason=reason)
            self._record_stays(str(i), self.dbs[i].path, pid)

    @rule(i=st.integers(0, CENTERS - 1), pick=st.integers(0, 9), j=st.integers(0, CENTERS - 1))
    def transfer(self, i, pick, j):
        pid = self._pick(i, pick)
        stay = self._open_stay(i, pid) if pid else None
        if stay and stay != self.center_ids[j]:
            stays.transfer(self.dbs[i], SYSTEM, person_id=pid, to_center_id=self.center_ids[j])
            self._record_stays(str(i), self.dbs[i].path, pid)

    def _open_stay(self, i, pid) -> str | None:
        conn = sqlite3.connect(f"file:{self.dbs[i].path}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT center_id FROM stay WHERE person_id = ? AND deleted = 0 "
                               "AND check_out IS NULL", (pid,)).fetchone()
            return row[0] if row else None
        finally:
            conn.close()

    @rule(i=st.integers(0, CENTERS - 1), hours=st.integers(-6, 6))
    def skew_clock(self, i, hours):
        self.dbs[i].skew_ms = hours * 3600 * 1000

    # --- merges -----------------------------------------------------------------------------
    @rule(i=st.integers(0, CENTERS - 1), full=st.booleans())
    def merge(self, i, full):
        merge_files(self.central, [self.dbs[i].path], Options(full=full))
        self._merged("central", str(i))

    @rule(i=st.integers(0, CENTERS - 1), health=st.booleans())
    def pull(self, i, health):
        merge_files(self.dbs[i].path, [self.central],
                    Options(direction="pull", with_health=health))
        self._merged(str(i), "central")

    @rule(i=st.integers(0, CENTERS - 1))
    def merge_a_usb_copy(self, i):
        self.copies += 1
        copy = self.dir / f"usb{self.copies}.sqlite"
        export(self.dbs[i].path, copy)
        merge_files(self.central, [copy])
        self._merged("central", str(i))

    @rule(i=st.integers(0, CENTERS - 1))
    def merge_twice(self, i):
        merge_files(self.central, [self.dbs[i].path])
        [again] = merge_files(self.central, [self.dbs[i].path])
        assert (again.new, again.updated, again.conflicts) == (0, 0, 0)
        self._merged("central", str(i))

    @rule(i=st.integers(0, CENTERS - 1), j=st.integers(0, CENTERS - 1))
    def center_to_center(self, i, j):
        if i != j:
            merge_files(self.dbs[j].path, [self.dbs[i].path], Options(direction="pull"))
            self._merged(str(j), str(i))

    # --- backup and restore -------------------------------------------------------------------
    @rule(i=st.integers(0, CENTERS - 1))
    def back_up(self, i):
        self.copies += 1
        copy = self.dir / f"backup{self.copies}.sqlite"
        export(self.dbs[i].path, copy)
        self.backups[i] = (copy, set(self.known[str(i)]))

    @precondition(lambda self: self.backups)
    @rule(pick=st.integers(0, CENTERS - 1), collected=st.booleans())
    def restore_backup(self, pick, collected):
        """With ``collected``, the supervisor merged the live file just before the restore."""
        i = sorted(self.backups)[pick % len(self.backups)]
        copy, known = self.backups.pop(i)
        live = self.dbs[i].path
        if collected:
            self.merge(i, False)
        self.dbs[i].close()
        for side in ("-wal", "-shm", "-journal"):
            Path(f"{live}{side}").unlink(missing_ok=True)
        copy_db(copy, live)
        self.known[str(i)] = known
        self._drop_lost_writes()
        # The central merged changes of that site the backup does not hold: an incremental
        # merge must be refused, with the central untouched.
        old = inspect(live)
        conn = sqlite3.connect(f"file:{self.central}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT seq_merged FROM sync_source WHERE site_id = ?",
                               (old.site_id,)).fetchone()
        finally:
            conn.close()
        before = state(self.central)
        try:
            merge_files(self.central, [live], Options(full=False))
            refused = False
        except SyncRefused:
            refused = True
            assert state(self.central) == before, "a refused merge changed the central"
        assert refused == (row is not None and int(row[0]) > old.seq_last), (refused, row)
        if not refused:
            self._merged("central", str(i))
        # The procedure: a new identity, then merge again (accepted, in full). The writes
        # the restored file made after the fork move to the new site (docs/sync-recovery.md).
        moved = rekey(live, against=self.central)
        assert moved.site_id != old.site_id
        self._moved(str(i), old.site_id, moved.site_id, moved.fork_after)
        self.dbs[i] = ClockedDatabase.open(live)
        merge_files(self.central, [live])
        self._merged("central", str(i))

    def _moved(self, where: str, old: str, new: str, fork: int) -> None:
        """The model's side of a rekey: the writes of ``old`` after change ``fork`` that
        ``where`` holds are now dots of ``new`` (same clock and number). One that another
        file also holds (the same write, from before the fork) exists under both dots."""
        def move(d: tuple) -> tuple:
            return (d[0], new, d[2]) if d[1] == old and d[2] > fork else d

        mine = self.known[where]
        elsewhere = set().union(*(k for w, k in self.known.items() if w != where))
        for name in ("writes", "stay_writes"):
            out = []
            for w in getattr(self, name):
                if w.dot in mine and move(w.dot) != w.dot:
                    out.append(Write(w.person, w.field, w.value, move(w.dot),
                                     frozenset(map(move, w.past))))
                    if w.dot in elsewhere:
                        out.append(w)
                elif w.dot in mine:
                    out.append(Write(w.person, w.field, w.value, w.dot,
                                     frozenset(map(move, w.past))))
                else:
                    out.append(w)
            setattr(self, name, out)
        self.known[where] = {move(d) for d in mine}

    def _drop_lost_writes(self) -> None:
        """Writes no file holds any more were lost by the restore itself: not sync's to keep."""
        held = set().union(*self.known.values())
        self.writes = [w for w in self.writes if w.dot in held]
        self.stay_writes = [w for w in self.stay_writes if w.dot in held]

    @precondition(lambda self: self.writes)
    @rule(pick=st.integers(0, 1000))
    def resolve_a_conflict(self, pick):
        open_ones = [c for c in list_conflicts(self.central)
                     if c["kind"] == "field" and c["table_name"] == "person"]
        if open_ones:
            conflict = open_ones[pick % len(open_ones)]
            resolve(self.central, conflict["id"], json.dumps(conflict["loser_value"]))
            self._record("central", self.central, conflict["row_id"], (conflict["field"],))

    # --- the end: everyone merges with everyone ---------------------------------------------
    def teardown(self) -> None:
        try:
            if self.writes is not None and hasattr(self, "dbs"):
                self._converge_and_check()
        finally:
            for db in getattr(self, "dbs", []):
                db.close()
            shutil.rmtree(self.dir, ignore_errors=True)

    def _converge_and_check(self) -> None:
        for _round in range(4):
            moved = 0
            for i, db in enumerate(self.dbs):
                [r] = merge_files(self.central, [db.path])
                moved += r.new + r.updated + r.conflicts
                self._merged("central", str(i))
            for i, db in enumerate(self.dbs):
                [r] = merge_files(db.path, [self.central], Options(direction="pull"))
                moved += r.new + r.updated + r.conflicts
                self._merged(str(i), "central")
            if not moved:
                break
        assert not moved, "all-with-all merges did not settle"
        final = contents(self.central)
        log = conflict_set(self.central)
        for db in self.dbs:
            assert contents(db.path) == final
            assert conflict_set(db.path) == log
        check_nothing_lost(self.writes, final["person"], log)
        check_stays(self.stay_writes, final["stay"])


SyncMachine.TestCase.settings = settings(
    max_examples=20, stateful_step_count=40, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
TestConvergence = SyncMachine.TestCase
