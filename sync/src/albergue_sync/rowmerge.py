"""The pure merge of two copies of one row, and of two copies of one conflict record.

A row carries a version vector ``vv`` {site: counter} (every write it has seen) and the dot
of each field ``fv`` {field: [hlc, site, counter]}, ``"*"`` being the creation dot of every
field not listed. For each field the winner is the greater key: (hlc, site, counter), with a
set value first for forward-only fields. Because the hybrid logical clock of a write is
greater than that of every write it has seen, the winner is also the causally latest write,
and "max" makes the merge idempotent, commutative and associative. The version vectors only
tell *concurrent* writes (neither copy had seen the other's) from merely older ones: a
concurrent write that loses with a different value is kept as a conflict.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from .rules import (
    BOOKKEEPING, CLOSING_FIELDS_BY_TABLE, DELETE_FIELDS, FORWARD_FIELDS, QUIET_FIELDS,
)

Dot = tuple[int, str, int]
Row = dict[str, Any]


def as_dot(raw: Any) -> Dot:
    return (int(raw[0]), str(raw[1]), int(raw[2]))


def parse_json(raw: Any) -> Any:
    return json.loads(raw) if isinstance(raw, (str, bytes)) else raw


def dump_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def covers(vv: dict[str, int], dot: Dot) -> bool:
    """Has the copy with version vector ``vv`` seen the write ``dot``?"""
    return vv.get(dot[1], 0) >= dot[2]


def field_dots(row: Row) -> tuple[Dot, dict[str, Dot]]:
    fv = parse_json(row["fv"]) or {}
    named = {k: as_dot(v) for k, v in fv.items() if k != "*"}
    star = as_dot(fv["*"]) if "*" in fv else (int(row.get("hlc") or 0), row["site_id"], 0)
    return star, named


def _value_key(value: Any) -> tuple[str, str]:
    return (type(value).__name__, repr(value))


@dataclass(frozen=True)
class Conflict:
    """A value that was not kept (the loser) and the one that was (the winner)."""

    kind: str  # field | delete | closed | orphan | duplicate | stay | deleted_person
    table: str
    row_id: str
    field: str
    winner_value: Any = None
    winner_dot: Dot | None = None
    loser_value: Any = None
    loser_dot: Dot | None = None
    detail: dict[str, Any] = field(default_factory=dict)
    extra: str = ""  # part of the identity besides the loser dot (the other row of a pair)

    @property
    def id(self) -> str:
        ident = [self.kind, self.table, self.row_id, self.field,
                 list(self.loser_dot) if self.loser_dot else None, self.extra]
        return hashlib.sha256(dump_json(ident).encode()).hexdigest()[:32]


@dataclass
class RowMerge:
    row: Row
    changed: bool
    conflicts: list[Conflict]


def _key(table: str, name: str, value: Any, dot: Dot) -> tuple:
    if (table, name) in FORWARD_FIELDS:
        return (value is not None, *dot)
    return dot


def merge_row(table: str, target: Row, source: Row, data_fields: list[str]) -> RowMerge:
    """Merge ``source`` into ``target`` (two copies of the same row id, as column dicts of
    raw SQL values). Returns the merged row, whether it differs from ``target``, and the
    conflicts found (field losers, and edits swallowed by a concurrent delete)."""
    vv_t = {k: int(v) for k, v in (parse_json(target["vv"]) or {}).items()}
    vv_s = {k: int(v) for k, v in (parse_json(source["vv"]) or {}).items()}
    star_t, named_t = field_dots(target)
    star_s, named_s = field_dots(source)
    star = max(star_t, star_s)
    out: Row = dict(target)
    fv_out: dict[str, list[Any]] = {"*": list(star)}
    won: dict[str, Dot] = {}
    conflicts: list[Conflict] = []
    for name in data_fields:
        d_t, d_s = named_t.get(name, star_t), named_s.get(name, star_s)
        v_t, v_s = target[name], source[name]
        if d_t == d_s:
            # Same write on both copies: same value, unless a file was edited by hand.
            value = v_t if v_t == v_s or _value_key(v_t) >= _value_key(v_s) else v_s
            dot = d_t
        else:
            take_source = _key(table, name, v_s, d_s) > _key(table, name, v_t, d_t)
            value, dot = (v_s, d_s) if take_source else (v_t, d_t)
            concurrent = not covers(vv_t, d_s) and not covers(vv_s, d_t)
            if concurrent and v_t != v_s and name not in QUIET_FIELDS:
                lose_v, lose_d = (v_t, d_t) if take_source else (v_s, d_s)
                conflicts.append(Conflict("field", table, target["id"], name, value, dot,
                                          lose_v, lose_d))
        out[name] = value
        won[name] = dot
        if dot != star:
            fv_out[name] = list(dot)
    if "deleted" in won and out["deleted"]:
        conflicts += _swallowed_edits(table, target, source, data_fields, won["deleted"],
                                      (vv_t, star_t, named_t), (vv_s, star_s, named_s))
    for name, watched in CLOSING_FIELDS_BY_TABLE.get(table, {}).items():
        if name in won and out[name] is not None:
            conflicts += _closed_under(table, target, source, name, out[name], watched,
                                       won[name],
                                       (vv_t, star_t, named_t), (vv_s, star_s, named_s))
    vv_out = dict(vv_t)
    for site, counter in vv_s.items():
        vv_out[site] = max(counter, vv_out.get(site, 0))
    out["vv"], out["fv"] = vv_out, fv_out
    out["hlc"] = max(int(target["hlc"]), int(source["hlc"]))
    if star_s > star_t:
        for name in ("site_id", "created_at", "created_by"):
            out[name] = source[name]
    latest = max((target, source), key=lambda r: (int(r["hlc"]), r.get("updated_at") or "",
                                                  r.get("updated_by") or ""))
    out["updated_at"], out["updated_by"] = latest.get("updated_at"), latest.get("updated_by")
    changed = any(out[k] != target[k] for k in target if k not in ("vv", "fv", "change_seq")) \
        or vv_out != vv_t or fv_out != {"*": list(star_t), **{k: list(v) for k, v in
                                                                 named_t.items()}}
    return RowMerge(out, changed, conflicts)


def _swallowed_edits(table, target, source, data_fields, delete_dot, side_t, side_s):
    """Edits of a row, made concurrently with its deletion, that the delete hides: logged so
    a delete never silently swallows an edit (and a deleted row never silently returns)."""
    found = []
    for row, (vv, star, named), (vv_del, _, _named_del) in (
            (target, side_t, side_s), (source, side_s, side_t)):
        if row["deleted"] or covers(vv, delete_dot):
            continue  # this copy is deleted too, or it saw the delete
        for name in data_fields:
            dot = named.get(name, star)
            if name in DELETE_FIELDS or name in QUIET_FIELDS or dot == star:
                continue
            if covers(vv_del, dot):
                continue  # the deleting copy had seen this edit
            found.append(Conflict("delete", table, row["id"], name, True, delete_dot,
                                  row[name], dot))
    return found


def _closed_under(table, target, source, closing, closed_value, watched, close_dot, side_t,
                  side_s):
    """Edits of ``watched`` fields (an arrival: status, bed, check-in) made by a copy that had
    not seen the ``closing`` write (a check-out) it is merged with: the field merge would
    silently give a closed record with the arrival's values (a person who arrived shown as
    gone). Logged like a delete that swallows an edit."""
    found = []
    for row, (vv, star, named), (vv_close, _, _) in (
            (target, side_t, side_s), (source, side_s, side_t)):
        if covers(vv, close_dot):
            continue  # this copy wrote or saw the closing write
        for name in watched:
            dot = named.get(name, star)
            if dot == star or covers(vv_close, dot):
                continue  # not edited, or the closing copy had seen the edit
            found.append(Conflict("closed", table, row["id"], name, closed_value, close_dot,
                                  row[name], dot, {"closed_by": closing}))
    return found


def data_fields_of(columns: list[str]) -> list[str]:
    return [c for c in columns if c not in BOOKKEEPING]


# --- conflict records ----------------------------------------------------------------------

def _dot_or_none(raw: Any) -> Dot | None:
    value = parse_json(raw)
    return as_dot(value) if value else None


def _order(dot: Dot | None) -> tuple:
    return (0,) if dot is None else (1, *dot)


def merge_conflict(target: Row, source: Row) -> Row:
    """Join of two copies of one conflict record: the latest winner, the earliest detection,
    the latest resolution (by its dot). Idempotent, commutative, associative."""
    out = dict(target)
    if _order(_dot_or_none(source["winner_dot"])) > _order(_dot_or_none(target["winner_dot"])):
        out["winner_value"], out["winner_dot"] = source["winner_value"], source["winner_dot"]
    if (source["detected_at"], source["detected_by"]) < (target["detected_at"],
                                                         target["detected_by"]):
        out["detected_at"], out["detected_by"] = source["detected_at"], source["detected_by"]
    if _order(_dot_or_none(source["resolved_dot"])) > _order(
            _dot_or_none(target["resolved_dot"])):
        for name in ("resolved", "resolved_value", "resolved_by", "resolved_at",
                     "resolved_dot"):
            out[name] = source[name]
    return out
