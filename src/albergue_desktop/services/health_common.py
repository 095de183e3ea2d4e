"""Small reads the health services share (no permission checks: for services that checked
theirs): the live person, the center a record belongs to, whether a person is pregnant."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

from sqlmodel import Session
from sqlalchemy import text

from ..domain.errors import NotFoundError
from ..storage.report_queries import parse_date, parse_ts
from ..storage.tables import Person
from .stays import current_stay

# A due date this far behind the day means the pregnancy has ended, whatever was recorded
# (42 weeks of gestation is the end of a post-term pregnancy, NOM-007).
PAST_DUE_DAYS = 14


def live_person(session: Session, person_id: str) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.deleted:
        raise NotFoundError("person", person_id)
    return person


def center_of(session: Session, person: Person) -> str | None:
    """Where the person stays now, else where they were registered."""
    stay = current_stay(session, person.id)
    return stay.center_id if stay is not None else person.center_id


def _utc(value: datetime | date) -> datetime:
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return datetime.combine(value, time.max, tzinfo=timezone.utc)


def is_pregnant(session: Session, person_id: str, day: date) -> bool:
    """The latest health record that tells decides: a screening (its pregnancy box), a
    prenatal visit (yes) or a postnatal check or a birth (no). A due date long past ends it."""
    events: list[tuple[datetime, bool, date | None]] = []
    conn = session.connection()
    args = {"person": person_id}
    for at, pregnant in conn.execute(text(
            "SELECT screened_at, pregnant FROM screening WHERE person_id = :person "
            "AND deleted = 0"), args):
        events.append((_utc(parse_ts(at) or datetime.min), bool(pregnant), None))
    for at, kind, due in conn.execute(text(
            "SELECT visited_at, kind, due_date FROM pregnancy_visit WHERE person_id = :person "
            "AND deleted = 0"), args):
        events.append((_utc(parse_ts(at) or datetime.min), kind == "prenatal",
                       parse_date(due)))
    for (born,) in conn.execute(text(
            "SELECT born_on FROM birth WHERE person_id = :person AND deleted = 0"), args):
        events.append((_utc(parse_date(born) or date.min), False, None))
    if not events:
        return False
    _at, pregnant, due = max(events, key=lambda e: e[0])
    if pregnant and due is not None and due + timedelta(days=PAST_DUE_DAYS) < day:
        return False
    return pregnant
