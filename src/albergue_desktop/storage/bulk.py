"""Set-based inserts of new synced rows with the stamps and audit events the ORM flush hook
(:mod:`.versioning`) would give them, for write paths that create thousands of rows at once
(``services.imports``, the demo generator). Rows are plain mappings with every column
present; values go through each column type's bind processor into one DB-API
``executemany`` per table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum
from typing import Any

from pydantic_core import PydanticUndefined
from sqlalchemy.orm import Session

from .ids import new_id
from .tables import AuditEvent, SyncedBase
from .versioning import WriteContext, chain_rows, stamp_new_rows, utcnow


class RowFactory:
    """Complete rows for one table: every column present (executemany needs the same keys
    in every row), defaults as the model declares them, a fresh id."""

    def __init__(self, model: type[SyncedBase]) -> None:
        self.model = model
        self.static: dict[str, Any] = {}
        self.factories: dict[str, Callable[[], Any]] = {}
        self.columns = {c.name for c in model.__table__.columns}  # type: ignore[attr-defined]
        for column in model.__table__.columns:  # type: ignore[attr-defined]
            info = model.model_fields.get(column.name)
            if column.name == "id":
                continue
            if info is not None and info.default_factory is not None:
                self.factories[column.name] = info.default_factory  # type: ignore[assignment]
            else:
                default = None if info is None else info.default
                self.static[column.name] = None if default is PydanticUndefined else default

    def __call__(self, **values: Any) -> dict[str, Any]:
        row = dict(self.static)
        for name, factory in self.factories.items():
            row[name] = factory()
        row["id"] = new_id()
        unknown = set(values) - self.columns
        if unknown:
            raise KeyError(f"{self.model.__tablename__} has no column {sorted(unknown)}")
        for name, value in values.items():
            row[name] = value.value if isinstance(value, Enum) else value
        return row


def insert_new_rows(session: Session,
                    tables: Sequence[tuple[type[SyncedBase], list[dict[str, Any]]]]) -> None:
    """Stamp and insert new rows, table after table in the order given, plus one ``create``
    audit event per row when the session audits (as the flush hook does). One clock tick
    for all of them; ``change_seq`` follows the order given, audit events last."""
    ctx: WriteContext | None = session.info.get("write_context")
    if ctx is None:
        raise RuntimeError("Writes need a session opened by Database.session().")
    tables = [(model, rows) for model, rows in tables if rows]
    if ctx.audit:
        now = utcnow()
        audit = RowFactory(AuditEvent)
        audits = [audit(at=now, username=ctx.username, action="create",
                        table_name=model.__tablename__, row_id=row["id"])
                  for model, rows in tables for row in rows]
        tables.append((AuditEvent, audits))
    stamp_new_rows(session, [row for _model, rows in tables for row in rows])
    if ctx.audit:
        chain_rows(session, audits)  # the same hash chain as the flush hook's audit rows
    conn = session.connection()
    for model, rows in tables:
        columns = list(model.__table__.columns)  # type: ignore[attr-defined]
        processors = [c.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
                      for c in columns]
        names = [c.name for c in columns]
        quoted = ", ".join(f'"{n}"' for n in names)
        marks = ", ".join("?" for _ in names)
        pairs = list(zip(names, processors))
        conn.exec_driver_sql(
            f'INSERT INTO "{model.__tablename__}" ({quoted}) VALUES ({marks})',
            [tuple(p(row[n]) if p is not None else row[n] for n, p in pairs) for row in rows])
