"""The conflict log of this database for the conflicts screen: each conflict with the
record it concerns (person name and folio when it is about a person or one of their rows),
both values, and who wrote each and when (the user from the audit trail, the center of the
site, the time of the write from its dot). Resolving goes through the sync engine
(``albergue_sync.conflicts.resolve``): the chosen value is a new write of this file, so it
wins everywhere and syncs like any change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from albergue_sync import SyncRefused
from albergue_sync import conflicts as conflict_log
from albergue_sync.files import hlc_to_ms
from albergue_sync.rules import HEALTH_TABLES
from sqlalchemy import text
from sqlalchemy.sql import sqltypes
from sqlmodel import SQLModel

from ..domain import clock
from ..domain.errors import FieldError, ValidationError
from ..domain.permissions import Permission, visible_needs
from ..domain.validation import validate_person
from ..storage.db import Database
from .context import Actor

PERSON_CHILD_TABLES = ("identity_document", "vaccination", "stay", "screening")


@dataclass(frozen=True)
class Write:
    """One side of a conflict: the value and who wrote it, when."""

    value: Any
    username: str | None
    center: str | None  # "03 · Centro Comunitario 3"; None when the site is not a center's
    site: str | None
    at: datetime | None


@dataclass(frozen=True)
class ConflictItem:
    id: str
    kind: str  # field | delete | orphan | duplicate | stay
    table: str
    row_id: str
    field: str
    person_id: str | None
    record: str  # "MXL-03-000001 · Marie JOSEPH", or the table and row
    kept: Write
    other: Write
    detected_at: datetime | None
    resolved: bool
    resolved_value: Any = None
    resolved_by: str | None = None
    resolved_at: datetime | None = None


def _when(dot) -> datetime | None:
    if not dot:
        return None
    return datetime.fromtimestamp(hlc_to_ms(int(dot[0])) / 1000, tz=timezone.utc)


def _ts(value) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(str(value)).replace(tzinfo=timezone.utc)
    except ValueError:
        return None


class _Lookup:
    """Cached reads of the names behind a conflict (sites, people, users)."""

    def __init__(self, conn) -> None:
        self.conn = conn
        self.centers = {site: f"{code} · {name}" for site, code, name in conn.execute(text(
            "SELECT site_id, code, name FROM center WHERE deleted = 0 ORDER BY created_at"))}

    def person(self, table: str, row_id: str) -> tuple[str | None, str]:
        person_id = None
        if table == "person":
            person_id = row_id
        elif table in PERSON_CHILD_TABLES:
            person_id = self.conn.execute(text(
                f"SELECT person_id FROM {table} WHERE id = :i"), {"i": row_id}).scalar()
        elif table == "household":
            person_id = self.conn.execute(text(
                "SELECT head_person_id FROM household WHERE id = :i"), {"i": row_id}).scalar()
        elif table == "center":
            row = self.conn.execute(text("SELECT code, name FROM center WHERE id = :i"),
                                    {"i": row_id}).first()
            if row:
                return None, f"{row[0]} · {row[1]}"
        if person_id:
            row = self.conn.execute(text(
                "SELECT folio, given_names, surnames FROM person WHERE id = :i"),
                {"i": person_id}).first()
            if row:
                return person_id, f"{row[0] or '—'} · {row[1]} {(row[2] or '').upper()}".strip()
        return person_id, row_id[:8]

    def user(self, row_id: str, dot) -> str | None:
        if not dot:
            return None
        return self.conn.execute(text(
            "SELECT username FROM audit_event WHERE row_id = :r AND site_id = :s AND hlc = :h "
            "LIMIT 1"), {"r": row_id, "s": dot[1], "h": int(dot[0])}).scalar()

    def write(self, row: dict, value: Any, dot) -> Write:
        site = dot[1] if dot else None
        return Write(value, self.user(row["row_id"], dot), self.centers.get(site), site,
                     _when(dot))


def _visible(actor: Actor, row: dict, value: Any) -> Any:
    if row["field"] == "specific_needs" and isinstance(value, list):
        return visible_needs(actor.role, value)
    return value


def list_conflicts(db: Database, actor: Actor, *,
                   include_resolved: bool = False) -> list[ConflictItem]:
    """Open conflicts (and resolved ones on request), by table, record and field. Health
    records are left out for roles that may not see them."""
    actor.require(Permission.REVIEW_SYNC)
    rows = conflict_log.list_conflicts(db.path, include_resolved=include_resolved)
    items = []
    with db.session(actor.username) as session:
        lookup = _Lookup(session.connection())
        for row in rows:
            if row["table_name"] in HEALTH_TABLES and not actor.can(Permission.VIEW_HEALTH):
                continue
            person_id, record = lookup.person(row["table_name"], row["row_id"])
            items.append(ConflictItem(
                row["id"], row["kind"], row["table_name"], row["row_id"], row["field"],
                person_id, record,
                lookup.write(row, _visible(actor, row, row["winner_value"]), row["winner_dot"]),
                lookup.write(row, _visible(actor, row, row["loser_value"]), row["loser_dot"]),
                _ts(row["detected_at"]), row["resolved"],
                _visible(actor, row, row["resolved_value"]), row["resolved_by"],
                _ts(row["resolved_at"])))
    items.sort(key=lambda c: (c.resolved, c.record, c.field, c.id))
    return items


def column_type(table: str, field: str) -> type | None:
    """The Python type of a column (date, datetime, bool, int, float, str); None for JSON
    and unknown columns."""
    model = next((m for m in SQLModel.metadata.tables.values() if m.name == table), None)
    if model is None or field not in model.columns:
        return None
    kind = model.columns[field].type
    kind = getattr(kind, "impl_instance", kind)  # a TypeDecorator (sqlmodel's AutoString)
    for sql_type, python_type in ((sqltypes.Boolean, bool), (sqltypes.DateTime, datetime),
                                  (sqltypes.Date, date), (sqltypes.Integer, int),
                                  (sqltypes.Float, float), (sqltypes.String, str)):
        if isinstance(kind, sql_type):
            return python_type
    return None


def typed_value(table: str, field: str, typed: str) -> Any:
    """A value typed by the reviewer as the column stores it; empty text is NULL. Raises
    ValidationError when it does not fit (or fails the person validators)."""
    kind = column_type(table, field)
    typed = typed.strip()
    value: Any = typed or None
    try:
        if value is not None and kind is date:
            value = (date.fromisoformat(typed) if "-" in typed
                     else datetime.strptime(typed, "%d/%m/%Y").date())
        elif value is not None and kind in (int, float):
            value = kind(typed.replace(",", "."))
        elif kind not in (str, date, int, float):
            raise ValueError(typed)
    except ValueError as exc:
        raise ValidationError([FieldError(field, "This value cannot be used for this field.")]
                              ) from exc
    if table == "person":
        errors = validate_person({field: value}, today=clock.today(), partial=True)
        if errors:
            raise ValidationError(errors)
    return value


CHOICES = ("kept", "other", "typed", "keep_deleted", "restore", "reviewed")


def resolve_conflict(db: Database, actor: Actor, conflict_id: str, choice: str, *,
                     value: Any = None) -> None:
    """Resolve a conflict: ``kept`` or ``other`` takes that side's stored value (as
    stored, even the parts the reader's role does not see), ``typed`` takes ``value``
    (from :func:`typed_value`); a deleted-record conflict takes ``keep_deleted`` or
    ``restore``; orphan, duplicate-key and stay conflicts are marked ``reviewed``."""
    actor.require(Permission.REVIEW_SYNC)
    actor.require(Permission.EDIT_PEOPLE)
    if choice not in CHOICES:
        raise ValueError(f"unknown choice {choice!r}")
    if choice in ("kept", "other"):
        row = next((r for r in conflict_log.list_conflicts(db.path, include_resolved=True)
                    if r["id"] == conflict_id), None)
        if row is None:
            raise SyncRefused("No conflict {id} in {path}.", id=conflict_id,
                                           path=str(db.path))
        value = row["winner_value" if choice == "kept" else "loser_value"]
    elif choice in ("keep_deleted", "restore"):
        value = choice == "keep_deleted"
    elif choice == "reviewed":
        value = True
    if isinstance(value, date):
        value = value.isoformat()
    conflict_log.resolve(db.path, conflict_id, json.dumps(value), user=actor.username)
