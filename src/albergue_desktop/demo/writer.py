"""Bulk insertion of demo rows. Rows are plain mappings stamped by
:func:`storage.versioning.stamp_new_rows` (the same stamps, clock and ``change_seq`` as the
ORM flush hook), then inserted set-based with SQLAlchemy Core. The full-text index is kept
by the database triggers, as for any other write."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum
from typing import Any

from pydantic_core import PydanticUndefined
from sqlalchemy.orm import Session

from ..domain.errors import FieldError
from ..domain.normalize import clean_name, identifier_key, name_key
from ..domain.validation import validate_document, validate_person, validate_vaccination
from ..storage.ids import new_id
from ..storage.tables import SyncedBase
from ..storage.versioning import stamp_new_rows


class RowFactory:
    """Complete rows for one table: every column present (executemany needs the same keys
    in every row), defaults as the model declares them, a fresh UUIDv7 id."""

    def __init__(self, model: type[SyncedBase]) -> None:
        self.model = model
        self.static: dict[str, Any] = {}
        self.factories: dict[str, Callable[[], Any]] = {}
        for column in model.__table__.columns:
            info = model.model_fields.get(column.name)
            if info is not None and info.default_factory is not None:
                self.factories[column.name] = info.default_factory
            else:
                default = None if info is None else info.default
                self.static[column.name] = None if default is PydanticUndefined else default

    def __call__(self, **values: Any) -> dict[str, Any]:
        row = dict(self.static)
        for name, factory in self.factories.items():
            row[name] = factory()
        row["id"] = new_id()
        for name, value in values.items():
            if name not in row:
                raise KeyError(f"{self.model.__tablename__} has no column {name}")
            row[name] = value.value if isinstance(value, Enum) else value
        return row


def insert_rows(session: Session, model: type[SyncedBase], rows: list[dict[str, Any]]) -> None:
    """Stamp and insert ``rows``. Values go through each column type's own bind processor
    (as SQLAlchemy would store them) into one DB-API executemany: SQLAlchemy's per-row
    parameter handling would otherwise cost more than SQLite's own work."""
    if not rows:
        return
    stamp_new_rows(session, rows)
    conn = session.connection()
    columns = list(model.__table__.columns)
    processors = [c.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
                  for c in columns]
    names = [c.name for c in columns]
    quoted = ", ".join(f'"{n}"' for n in names)
    marks = ", ".join("?" for _ in names)
    sql = f'INSERT INTO "{model.__tablename__}" ({quoted}) VALUES ({marks})'
    pairs = list(zip(names, processors))
    conn.exec_driver_sql(sql, [tuple(p(row[n]) if p is not None else row[n] for n, p in pairs)
                               for row in rows])


def tidy_person(data: dict[str, Any]) -> dict[str, Any]:
    """The same tidying the people service applies to a typed registration."""
    for name in ("given_names", "surnames", "document_name"):
        if data.get(name):
            data[name] = clean_name(data[name])
    for name in ("curp", "rfc"):
        data[name] = identifier_key(data[name]) if data.get(name) else None
    data["search_key"] = name_key(" ".join(filter(None, (
        data["given_names"], data["surnames"], data.get("document_name")))))
    return data


def check(person: dict[str, Any], documents: list[dict], vaccinations: list[dict],
          today: date) -> list[FieldError]:
    """Run the domain validators a registration must pass."""
    errors = validate_person(person, today=today)
    for i, doc in enumerate(documents):
        errors += validate_document(doc, today=today, prefix=f"documents.{i}.")
    for i, vac in enumerate(vaccinations):
        errors += validate_vaccination(vac, today=today, prefix=f"vaccinations.{i}.")
    return errors
