"""Properties of the pure row merge, over histories of one row written and merged at several
sites with skewed clocks (the same stamping rules as the desktop's versioning hook)."""

from __future__ import annotations

import copy

from hypothesis import given, settings, strategies as st

from albergue_sync.files import next_hlc
from albergue_sync.rowmerge import Conflict, covers, field_dots, merge_conflict, merge_row

TABLE = "stay"  # has a forward-only field (check_out) besides ordinary ones
FIELDS = ["notes", "reason", "check_out", "deleted"]
SITES = ["s0", "s1", "s2", "s3"]


class Site:
    def __init__(self, name: str, skew: int) -> None:
        self.name, self.skew, self.seq, self.hlc_last, self.row = name, skew, 0, 0, None
        self.history: list[dict] = []

    def write(self, now: int, changes: dict) -> None:
        if self.row is not None:
            changes = {k: v for k, v in changes.items() if self.row[k] != v}
            if not changes:
                return  # writing the same value changes nothing
        self.seq += 1
        hlc = self.hlc_last = next_hlc(self.hlc_last, now + self.skew)
        dot = [hlc, self.name, self.seq]
        if self.row is None:
            self.row = {"id": "row-1", "site_id": self.name, "created_at": f"c{hlc}",
                        "created_by": self.name, "notes": None, "reason": None,
                        "check_out": None, "deleted": 0, "vv": {}, "fv": {"*": dot}}
            self.row.update(changes)
        else:
            self.row.update(changes)
            self.row["fv"] = {**self.row["fv"], **{k: dot for k in changes}}
        self.row["vv"] = {**self.row["vv"], self.name: self.seq}
        self.row.update(hlc=hlc, change_seq=self.seq, updated_at=f"u{hlc}",
                        updated_by=self.name)
        self.history.append(copy.deepcopy(self.row))

    def receive(self, other: Site) -> None:
        if other.row is None:
            return
        if self.row is None:
            self.row = copy.deepcopy(other.row)
        else:
            self.row = merge_row(TABLE, self.row, other.row, FIELDS).row
        self.hlc_last = max(self.hlc_last, other.row["hlc"])
        self.history.append(copy.deepcopy(self.row))


values = st.one_of(st.none(), st.sampled_from(["a", "b", "c"]))
ops = st.lists(st.one_of(
    st.tuples(st.just("write"), st.sampled_from(SITES), st.sampled_from(FIELDS[:3]), values),
    st.tuples(st.just("delete"), st.sampled_from(SITES), st.booleans()),
    st.tuples(st.just("merge"), st.sampled_from(SITES), st.sampled_from(SITES)),
    st.tuples(st.just("tick"), st.integers(0, 5000)),
), min_size=1, max_size=40)
skews = st.lists(st.integers(-3_600_000, 3_600_000), min_size=4, max_size=4)


def run(history, skew) -> dict[str, Site]:
    sites = {name: Site(name, s) for name, s in zip(SITES, skew)}
    now = 1_700_000_000_000
    sites["s0"].write(now, {"notes": "first"})
    for name in SITES[1:3]:  # s3 gets the row only through a later merge
        sites[name].receive(sites["s0"])
    for op in history:
        if op[0] == "write" and sites[op[1]].row is not None:
            if op[2] == "check_out" and op[3] is None:
                continue  # a check-out is never cleared (it only moves forward)
            sites[op[1]].write(now, {op[2]: op[3]})
        elif op[0] == "delete" and sites[op[1]].row is not None:
            sites[op[1]].write(now, {"deleted": int(op[2])})
        elif op[0] == "merge" and op[1] != op[2]:
            sites[op[2]].receive(sites[op[1]])
        elif op[0] == "tick":
            now += op[1]
    return sites


def norm(row: dict) -> dict:
    star, named = field_dots(row)
    dots = {f: named.get(f, star) for f in FIELDS}
    return {**{k: row[k] for k in FIELDS}, "vv": dict(row["vv"]), "dots": dots,
            "hlc": row["hlc"], "updated": (row["updated_at"], row["updated_by"])}


def conflict_ids(conflicts: list[Conflict]) -> set[str]:
    return {c.id for c in conflicts}


def states(sites) -> list[dict]:
    return [s.row for s in sites.values() if s.row is not None]


@settings(max_examples=150, deadline=None)
@given(ops, skews)
def test_merge_is_idempotent_commutative_associative(history, skew):
    rows = states(run(history, skew))
    for a in rows:
        same = merge_row(TABLE, a, a, FIELDS)
        assert not same.changed and not same.conflicts
        for b in rows:
            ab, ba = merge_row(TABLE, a, b, FIELDS), merge_row(TABLE, b, a, FIELDS)
            assert norm(ab.row) == norm(ba.row)
            assert conflict_ids(ab.conflicts) == conflict_ids(ba.conflicts)
            again = merge_row(TABLE, ab.row, b, FIELDS)
            assert not again.changed and not again.conflicts  # the same input twice
            for c in rows:
                left = merge_row(TABLE, ab.row, c, FIELDS).row
                right = merge_row(TABLE, a, merge_row(TABLE, b, c, FIELDS).row, FIELDS).row
                assert norm(left) == norm(right)


@settings(max_examples=150, deadline=None)
@given(ops, skews)
def test_a_stale_input_changes_nothing(history, skew):
    for site in run(history, skew).values():
        for old in site.history:
            result = merge_row(TABLE, site.row, old, FIELDS)
            assert not result.changed
            assert not result.conflicts


def pairs(rows):
    return [(a, b) for a in rows for b in rows]


@settings(max_examples=150, deadline=None)
@given(ops, skews)
def test_every_losing_value_is_older_equal_or_logged(history, skew):
    for a, b in pairs(states(run(history, skew))):
        _check_nothing_lost(a, b)


def _check_nothing_lost(a, b):
    result = merge_row(TABLE, a, b, FIELDS)
    out_star, out_named = field_dots(result.row)
    logged = {(c.field, c.loser_dot) for c in result.conflicts if c.kind == "field"}
    for side, other in ((a, b), (b, a)):
        star, named = field_dots(side)
        for f in FIELDS:
            dot = named.get(f, star)
            if out_named.get(f, out_star) == dot or result.row[f] == side[f]:
                continue
            assert covers(other["vv"], dot) or (f, dot) in logged, (f, dot)


@settings(max_examples=150, deadline=None)
@given(ops, skews)
def test_a_delete_never_hides_a_concurrent_edit_silently(history, skew):
    for a, b in pairs(states(run(history, skew))):
        _check_delete_logged(a, b)


def _check_delete_logged(a, b):
    result = merge_row(TABLE, a, b, FIELDS)
    if not result.row["deleted"]:
        return
    _, named = field_dots(result.row)
    delete_dot = named["deleted"]
    logged = {(c.field, c.loser_dot) for c in result.conflicts if c.kind == "delete"}
    for side, other in ((a, b), (b, a)):
        if side["deleted"] or covers(side["vv"], delete_dot):
            continue
        star, edits = field_dots(side)
        for f, dot in edits.items():
            if f in ("notes", "reason", "check_out") and not covers(other["vv"], dot):
                assert (f, dot) in logged


def test_concurrent_edits_keep_the_later_and_log_the_other():
    s0, s1 = Site("s0", 0), Site("s1", 0)
    s0.write(1000, {"notes": "x"})
    s1.receive(s0)
    s0.write(2000, {"notes": "from s0"})
    s1.write(3000, {"notes": "from s1"})
    result = merge_row(TABLE, s0.row, s1.row, FIELDS)
    assert result.row["notes"] == "from s1"
    [conflict] = result.conflicts
    assert (conflict.kind, conflict.field, conflict.loser_value) == ("field", "notes", "from s0")


def test_an_older_edit_is_not_a_conflict():
    s0, s1 = Site("s0", 0), Site("s1", 5_000_000)  # s1's clock is far ahead...
    s0.write(1000, {"notes": "x"})
    s1.receive(s0)
    s1.write(2000, {"notes": "early"})
    s0.receive(s1)
    s0.write(3000, {"notes": "later"})  # ...but s0 saw its write: causally later wins
    result = merge_row(TABLE, s1.row, s0.row, FIELDS)
    assert result.row["notes"] == "later" and not result.conflicts


def test_a_check_out_beats_a_concurrent_clear():
    s0, s1 = Site("s0", 0), Site("s1", 0)
    s0.write(1000, {"check_out": "2021-12-01"})
    s1.receive(s0)
    s0.write(2000, {"check_out": "2021-12-03"})
    s1.write(9000, {"check_out": None})
    result = merge_row(TABLE, s1.row, s0.row, FIELDS)
    assert result.row["check_out"] == "2021-12-03"


def _conflict_row(winner_dot, resolved_dot, detected):
    return {"winner_value": f'"{winner_dot}"', "winner_dot": winner_dot,
            "detected_at": detected, "detected_by": "s", "resolved": int(bool(resolved_dot)),
            "resolved_value": f'"{resolved_dot}"' if resolved_dot else None,
            "resolved_by": "u" if resolved_dot else None,
            "resolved_at": f"at {resolved_dot}" if resolved_dot else None,
            "resolved_dot": resolved_dot}


dots = st.one_of(st.none(), st.tuples(st.integers(0, 3), st.sampled_from("xy"),
                                      st.integers(0, 3)).map(lambda d: f"[{d[0]}, \"{d[1]}\", "
                                                                       f"{d[2]}]"))
conflict_rows = st.builds(_conflict_row, dots, dots, st.sampled_from(["2021", "2022"]))


@given(conflict_rows, conflict_rows, conflict_rows)
def test_conflict_records_merge_as_a_join(a, b, c):
    assert merge_conflict(a, a) == a
    assert merge_conflict(a, b) == merge_conflict(b, a)
    assert merge_conflict(merge_conflict(a, b), c) == merge_conflict(a, merge_conflict(b, c))
