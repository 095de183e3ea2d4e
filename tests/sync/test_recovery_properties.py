"""Property tests of the ways back (docs/sync-recovery.md): for random histories,

- clocks: edits stamped with clocks right, hours ahead or years ahead, merged and pulled at
  random; once every clock is right and every file is reclocked, all files merge, converge,
  no clock is left beyond the merge limit, and every write is final, superseded by a write
  made after seeing it, or in the conflict log;
- clones and restores: a center file backed up and restored, or copied to a second laptop,
  both copies written, merged and pulled at random; every refusal is followed by
  ``rekey --against`` the central file, and at the end every write of every history is
  final, superseded, or in the conflict log;
- the conflict log: concurrent edits of the same fields at four centers, merged into a
  central file in random orders and batchings (directly or through an intermediate file),
  give the same records (ids, values, dots, resolutions), and every record names the value
  and dot the row holds.
"""

from __future__ import annotations

import atexit
import json
import shutil
from albergue_sync import dbapi as sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, example, given, settings, strategies as st
from sync_helpers import (
    ClockedDatabase, Write, check_nothing_lost, conflict_set, contents, edit, make_center,
    register,
)

from albergue_sync import Options, SyncRefused, merge_files
from albergue_sync.files import HLC_COUNTER_BITS, inspect, now_ms
from albergue_sync.recovery import CLOCK_LEEWAY_MS, reclock, rekey
from albergue_sync.status import export
from factories import copy_db  # noqa: E402

SITES = 4
VALUES = {"notes": ["dolor de cabeza", "sin novedad", "embarazada", None],
          "phone": ["686 555 0101", "686 555 0202", "686 555 0303", None]}
HOUR = 3600 * 1000
YEAR = 365 * 24 * HOUR
# Each example writes and merges real files: few examples, and no shrinking (CPU is scarce;
# a failure prints its example as it was drawn).
SETTINGS = settings(max_examples=12, deadline=None,
                    phases=[Phase.explicit, Phase.reuse, Phase.generate],
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])
_template: Path | None = None


def template() -> Path:
    """Four center files and a central file that all hold one shared person: built once."""
    global _template
    if _template is None:
        folder = Path(tempfile.mkdtemp(prefix="albergue-recovery-"))
        atexit.register(shutil.rmtree, folder, True)
        dbs = [make_center(folder / f"s{i}.sqlite", f"{i + 1:02d}")[0] for i in range(SITES)]
        pid = register(dbs[0], dbs[0].meta("center_id"), "Jean")
        (folder / "pid").write_text(pid)
        merge_files(folder / "central.sqlite", [db.path for db in dbs])
        for db in dbs:
            merge_files(db.path, [folder / "central.sqlite"], Options(direction="pull"))
            db.close()
        _template = folder
    return _template


def _dot(fv: dict, field: str) -> tuple:
    return tuple(fv.get(field, fv["*"]))


class World:
    """Files written through the services, and the reference model of docs/sync-design.md: every write
    with its dot and the dots its file had seen (sync_helpers.check_nothing_lost)."""

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="albergue-recovery-run-"))
        for f in template().iterdir():
            copy_db(f, self.dir / f.name)
        self.pid = (self.dir / "pid").read_text()
        self.central = self.dir / "central.sqlite"
        self.paths = {str(i): self.dir / f"s{i}.sqlite" for i in range(SITES)}
        self.dbs = {name: ClockedDatabase.open(p) for name, p in self.paths.items()}
        # The shared person's writes so far are in every file: seen by all.
        start = {tuple(d) for d in json.loads(self.row("central")["fv"]).values()}
        self.known: dict[str, set] = {name: set(start) for name in [*self.paths, "central"]}
        self.writes: list[Write] = []
        self.copies = 0
        self.backups: dict[str, tuple[Path, set]] = {}

    def close(self) -> None:
        for db in self.dbs.values():
            db.close()
        shutil.rmtree(self.dir, ignore_errors=True)

    def path(self, name: str) -> Path:
        return self.central if name == "central" else self.paths[name]

    # --- the model ---------------------------------------------------------------------------
    def row(self, name: str) -> dict:
        conn = sqlite3.connect(f"file:{self.path(name)}?mode=ro", uri=True)
        try:
            cur = conn.execute("SELECT * FROM person WHERE id = ?", (self.pid,))
            return dict(zip([d[0] for d in cur.description], cur.fetchone()))
        finally:
            conn.close()

    def edit(self, name: str, field: str, value, skew_ms: int = 0) -> None:
        db = self.dbs[name]
        db.skew_ms = skew_ms
        edit(db, self.pid, **{field: value})
        db.skew_ms = 0
        row = self.row(name)
        dot = _dot(json.loads(row["fv"]), field)
        if dot not in self.known[name]:
            self.writes.append(Write(self.pid, field, row[field], dot,
                                     frozenset(self.known[name])))
            self.known[name].add(dot)

    def merged(self, into: str, source: str) -> None:
        self.known[into] |= self.known[source]

    def moved(self, name: str, old: str, new: str, fork: int) -> None:
        """rekey moved the writes of ``old`` after ``fork`` that ``name`` holds to ``new``."""
        def move(d: tuple) -> tuple:
            return (d[0], new, d[2]) if d[1] == old and d[2] > fork else d

        mine = self.known[name]
        elsewhere = set().union(*(k for n, k in self.known.items() if n != name))
        out = []
        for w in self.writes:
            if w.dot in mine:
                out.append(Write(w.person, w.field, w.value, move(w.dot),
                                 frozenset(map(move, w.past))))
                if move(w.dot) != w.dot and w.dot in elsewhere:
                    out.append(w)
            else:
                out.append(w)
        self.writes = out
        self.known[name] = {move(d) for d in mine}

    # --- merges ---------------------------------------------------------------------------------
    def _rekey(self, name: str, *, against: bool = True) -> None:
        self.dbs[name].close()
        old = inspect(self.paths[name]).site_id
        report = rekey(self.paths[name], against=self.central if against else None)
        self.moved(name, old, report.site_id, report.fork_after)
        self.dbs[name] = ClockedDatabase.open(self.paths[name])

    def merge(self, name: str, *, rekey_on_refusal: bool = True) -> bool:
        try:
            merge_files(self.central, [self.paths[name]])
        except SyncRefused as exc:
            if not rekey_on_refusal or "rekey" not in str(exc):
                return False
            self._rekey(name)
            merge_files(self.central, [self.paths[name]])
        self.merged("central", name)
        return True

    def pull(self, name: str, *, rekey_on_refusal: bool = True) -> bool:
        try:
            merge_files(self.paths[name], [self.central], Options(direction="pull"))
        except SyncRefused as exc:
            if not rekey_on_refusal or "rekey" not in str(exc):
                return False
            self._rekey(name)
            merge_files(self.paths[name], [self.central], Options(direction="pull"))
        self.merged(name, "central")
        return True

    def converge(self, check=check_nothing_lost) -> None:
        for _round in range(4):
            moved = 0
            for name in self.paths:
                assert self.merge(name)
            for name in self.paths:
                assert self.pull(name)
            for name in self.paths:
                [r] = merge_files(self.central, [self.paths[name]])
                moved += r.new + r.updated + r.conflicts
            if not moved:
                break
        assert not moved, "all-with-all merges did not settle"
        final = contents(self.central)
        log = conflict_set(self.central)
        for name in self.paths:
            assert contents(self.paths[name]) == final
            assert conflict_set(self.paths[name]) == log
        check(self.writes, final["person"], log)

    # --- backups, restores, clones ---------------------------------------------------------
    def back_up(self, name: str) -> None:
        self.copies += 1
        copy = self.dir / f"backup{self.copies}.sqlite"
        export(self.paths[name], copy)
        self.backups[name] = (copy, set(self.known[name]))

    def restore(self, name: str) -> None:
        if name not in self.backups:
            return
        copy, known = self.backups.pop(name)
        live = self.paths[name]
        self.dbs[name].close()
        for side in ("-wal", "-shm", "-journal"):
            Path(f"{live}{side}").unlink(missing_ok=True)
        copy_db(copy, live)
        self.dbs[name] = ClockedDatabase.open(live)
        self.known[name] = known
        held = set().union(*self.known.values())  # the restore's own loss is not sync's
        self.writes = [w for w in self.writes if w.dot in held]

    def clone(self, name: str, into: str) -> None:
        """``into`` becomes a copy of ``name`` (a second laptop set up by copying the file)."""
        if into == name:
            return
        self.dbs[into].close()
        for side in ("-wal", "-shm", "-journal"):
            Path(f"{self.paths[into]}{side}").unlink(missing_ok=True)
        export(self.paths[name], self.paths[into])
        self.dbs[into] = ClockedDatabase.open(self.paths[into])
        lost = self.known[into] - set().union(*(k for n, k in self.known.items() if n != into))
        self.known[into] = set(self.known[name])
        self.writes = [w for w in self.writes if w.dot not in lost]


SITE = st.sampled_from([str(i) for i in range(SITES)])
FIELD = st.sampled_from(sorted(VALUES))
VALUE = st.integers(0, 3)


# --- clocks ------------------------------------------------------------------------------------

CLOCK_OPS = st.lists(st.one_of(
    st.tuples(st.just("edit"), SITE, FIELD, VALUE,
              st.sampled_from([0, 0, 3 * HOUR, 20 * HOUR, 2 * YEAR])),
    st.tuples(st.just("merge"), SITE), st.tuples(st.just("pull"), SITE)),
    min_size=1, max_size=14)


@SETTINGS
@given(ops=CLOCK_OPS)
def test_clocks_once_wrong_lose_nothing_after_reclock(ops):
    world = World()
    try:
        for op in ops:
            if op[0] == "edit":
                _, name, field, value, skew = op
                world.edit(name, field, VALUES[field][value], skew)
            elif op[0] == "merge":
                world.merge(op[1], rekey_on_refusal=False)  # a far clock is refused
            else:
                world.pull(op[1], rekey_on_refusal=False)
        now = now_ms()
        for name in world.paths:  # every clock is right again: the way back
            world.dbs[name].close()
            reclock(world.paths[name], now_ms=now)
            world.dbs[name] = ClockedDatabase.open(world.paths[name])
        world.writes = [_redated(world, w) for w in world.writes]
        world.known = {n: {_key(d) for d in k} for n, k in world.known.items()}
        world.converge(_check_by_number)
        limit = (now_ms() + CLOCK_LEEWAY_MS) << HLC_COUNTER_BITS
        for name in [*world.paths, "central"]:
            assert inspect(world.path(name)).hlc_last <= limit
    finally:
        world.close()


def _key(dot: tuple) -> tuple:
    """reclock changes a dot's clock, never its (site, number): the model compares those."""
    return (0, dot[1], dot[2])


def _redated(world: World, w: Write) -> Write:
    return Write(w.person, w.field, w.value, _key(w.dot), frozenset(map(_key, w.past)))


def _check_by_number(writes, people, log):
    """check_nothing_lost with every dot compared by (site, number) (see :func:`_key`)."""
    keyed = {k: {**c, "loser_dot": json.dumps(list(_key(json.loads(c["loser_dot"]))))
                 if c["loser_dot"] else c["loser_dot"]} for k, c in log.items()}
    people = {pid: {**row, "fv": {f: list(_key(d)) for f, d in row["fv"].items()}}
              for pid, row in people.items()}
    check_nothing_lost(writes, people, keyed)


# --- clones and restores ---------------------------------------------------------------------

# Two sites and one field, so that both histories of a fork often write the same field.
FORK_SITE = st.sampled_from(["0", "1"])
FORK_OPS = st.lists(st.one_of(
    st.tuples(st.just("edit"), FORK_SITE, st.just("notes"), VALUE),
    st.tuples(st.just("merge"), FORK_SITE), st.tuples(st.just("pull"), FORK_SITE),
    st.tuples(st.just("back_up"), FORK_SITE), st.tuples(st.just("restore"), FORK_SITE),
    st.tuples(st.just("clone"), FORK_SITE, FORK_SITE),
    # a rekey without --against, unasked: moves every write of the site, and the files that
    # hold them under the old stamps re-stamp those audit events (the greatest wins)
    st.tuples(st.just("rekey"), FORK_SITE)),
    min_size=1, max_size=16)


@SETTINGS
@given(ops=FORK_OPS)
@example(ops=[("back_up", "0"), ("edit", "0", "notes", 0), ("merge", "0"), ("restore", "0"),
              ("edit", "0", "notes", 1), ("merge", "0")])  # rekey then merge
@example(ops=[("clone", "0", "1"), ("edit", "0", "notes", 0), ("edit", "1", "notes", 1),
              ("merge", "0"), ("pull", "1"), ("merge", "1")])  # a copied file that pulls
@example(ops=[("edit", "0", "notes", 0), ("merge", "1"), ("merge", "0"), ("pull", "1"),
              ("clone", "0", "1"), ("rekey", "1"), ("merge", "1"), ("edit", "1", "notes", 2),
              ("pull", "1"), ("merge", "1"), ("pull", "0"), ("merge", "0")])  # re-stamps
def test_restored_and_cloned_files_keep_every_write_of_both_histories(ops):
    world = World()
    try:
        for op in ops:
            if op[0] == "edit":
                _, name, field, value = op
                world.edit(name, field, VALUES[field][value])
            elif op[0] == "merge":
                world.merge(op[1])
            elif op[0] == "pull":
                world.pull(op[1])
            elif op[0] == "back_up":
                world.back_up(op[1])
            elif op[0] == "restore":
                world.restore(op[1])
            elif op[0] == "rekey":
                world._rekey(op[1], against=False)
            else:
                world.clone(op[1], op[2])
        world.converge()
    finally:
        world.close()


# --- the conflict log --------------------------------------------------------------------------

@st.composite
def schedules(draw):
    """A random order of the four sources, cut into batches; each batch merged into the
    central file directly, or first into an intermediate file that is then merged."""
    order = draw(st.permutations([str(i) for i in range(SITES)]))
    cuts = sorted(draw(st.sets(st.integers(1, SITES - 1), max_size=SITES - 1)))
    batches = [order[a:b] for a, b in zip([0, *cuts], [*cuts, SITES])]
    return [(batch, draw(st.booleans())) for batch in batches]


EDITS = st.lists(st.tuples(SITE, FIELD, VALUE), min_size=2, max_size=8,
                 unique_by=lambda e: (e[0], e[1]))


def _log(path: Path) -> dict:
    return {k: {n: v for n, v in r.items() if n not in ("detected_at", "detected_by")}
            for k, r in conflict_set(path).items()}


def _run(world: World, schedule, target: Path) -> None:
    for n, (batch, hop) in enumerate(schedule):
        sources = [world.paths[name] for name in batch]
        if hop:
            middle = target.with_name(f"{target.stem}-hop{n}.sqlite")
            merge_files(middle, sources)
            merge_files(target, [middle])
        else:
            merge_files(target, sources)


def _names_what_the_row_holds(path: Path) -> None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for table, row_id, field, value, dot in conn.execute(
                "SELECT table_name, row_id, field, winner_value, winner_dot FROM sync_conflict "
                "WHERE kind = 'field'").fetchall():
            raw, fv = conn.execute(f"SELECT {field}, fv FROM {table} WHERE id = ?",
                                   (row_id,)).fetchone()
            assert (json.loads(value) if value else None) == raw
            assert tuple(json.loads(dot)) == _dot(json.loads(fv), field)
    finally:
        conn.close()


@SETTINGS
@given(edits=EDITS, first=schedules(), second=schedules())
def test_the_conflict_log_is_a_function_of_the_set_of_writes(edits, first, second):
    world = World()
    try:
        for i, (name, field, value) in enumerate(edits):
            distinct = (f"686 555 0{name}0{value}" if field == "phone"
                        else f"nota {value} de {name}")
            world.edit(name, field, distinct, i)
        one, two = world.dir / "one.sqlite", world.dir / "two.sqlite"
        _run(world, first, one)
        _run(world, second, two)
        assert contents(one, skip=frozenset({"audit_event"}))["person"] == \
            contents(two, skip=frozenset({"audit_event"}))["person"]
        assert _log(one) == _log(two)
        _names_what_the_row_holds(one)
        _names_what_the_row_holds(two)
    finally:
        world.close()


# Edits with causal chains: a site may first take another site's file (its writes are then
# in the past of every later write of that site), so a write can lose to a concurrent one
# in one merge order and be superseded by a write made after seeing it in another.
CAUSAL_OPS = st.lists(st.one_of(
    st.tuples(st.just("edit"), SITE, FIELD, VALUE),
    st.tuples(st.just("see"), SITE, SITE)),
    min_size=2, max_size=10)


def _superseded(writes: list[Write], row_id: str, field: str, dot: tuple) -> bool:
    return any(o.person == row_id and o.field == field and dot in o.past for o in writes)


@SETTINGS
@given(ops=CAUSAL_OPS, first=schedules(), second=schedules())
@example(ops=[("edit", "0", "notes", 0), ("edit", "1", "notes", 1), ("see", "2", "0"),
              ("edit", "2", "notes", 2)],
         first=[(["0", "1", "2", "3"], False)],
         second=[(["2", "1", "0", "3"], False)])  # a, b concurrent; c saw a
def test_the_conflict_log_with_causal_chains(ops, first, second):
    """The documented limit (docs/sync-recovery.md), made precise: in every order nothing is
    lost and every record names the value the row holds; two orders differ only by records
    of writes that a write of the same field made after seeing them superseded."""
    world = World()
    try:
        for n, op in enumerate(ops):
            if op[0] == "see":
                _, into, source = op
                if into != source:
                    merge_files(world.paths[into], [world.paths[source]])
                    world.merged(into, source)
            else:
                _, name, field, value = op
                distinct = (f"686 555 {n:02d}{name}{value}" if field == "phone"
                            else f"nota {n} de {name}")  # every write its own value
                world.edit(name, field, distinct)
        one, two = world.dir / "one.sqlite", world.dir / "two.sqlite"
        _run(world, first, one)
        _run(world, second, two)
        people = contents(one, skip=frozenset({"audit_event"}))["person"]
        assert people == contents(two, skip=frozenset({"audit_event"}))["person"]
        logs = [_log(one), _log(two)]
        for path, log in zip((one, two), logs):
            _names_what_the_row_holds(path)
            check_nothing_lost(world.writes, people, log)
        kept = [{k: r for k, r in log.items() if r["kind"] != "field" or not _superseded(
            world.writes, r["row_id"], r["field"], tuple(json.loads(r["loser_dot"])))}
            for log in logs]
        assert kept[0] == kept[1]
    finally:
        world.close()
