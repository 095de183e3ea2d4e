"""Small helpers shared by the exit-pathway services (jobs, housing, legal, schooling)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, TypeVar

from sqlmodel import Session

from ..domain.errors import FieldError, NotFoundError, ValidationError
from ..storage import tables as t
from ..storage.tables import Person

T = TypeVar("T")


def _what(model: type) -> str:
    """The name of a row of ``model`` in messages (msgids of the Qt-free catalog)."""
    if model is t.Person:
        return "person"
    if model is t.Household:
        return "household"
    if model is t.Employer:
        return "employer"
    if model is t.JobFair:
        return "job fair"
    if model is t.JobOpening:
        return "job opening"
    if model is t.JobPlacement:
        return "placement"
    if model is t.Landlord:
        return "landlord"
    if model is t.Home:
        return "home"
    if model is t.Lease:
        return "lease"
    if model is t.SpanishGroup:
        return "Spanish class group"
    return "record"


def get_live(session: Session, model: type[T], row_id: str | None) -> T:
    """The row ``row_id`` of ``model``, not deleted, or NotFoundError naming it."""
    row = session.get(model, row_id) if row_id else None
    if row is None or getattr(row, "deleted", False):
        what = _what(model)
        raise NotFoundError(what, row_id)
    return row


def check_enum(errors: list[FieldError], field: str, value: Any, allowed: Iterable[Any]) -> None:
    if value not in {str(a) for a in allowed}:
        errors.append(FieldError(field, "Unknown value: {value}.", {"value": value}))


def raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


def age_on(person: Person, day: date) -> int | None:
    """Completed years on ``day``; None when the date of birth is unknown."""
    b = person.birth_date
    if b is None:
        return None
    return day.year - b.year - ((day.month, day.day) < (b.month, b.day))


def full_name(person: Person) -> str:
    return f"{person.given_names} {person.surnames}".strip()
