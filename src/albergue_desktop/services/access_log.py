"""Audited reads: who opened a record, a health view, an export, a print or a
command-line read, and when; the "who viewed this record" list and the audit log viewer's
query, for supervision and administration (:attr:`Permission.VIEW_AUDIT`).

A read event is an ordinary :class:`AuditEvent` (so it is chained by the audit hook,
sync/src/albergue_sync/auditchain.py, and synced like every audit row). Its payload says what
was read, never the values read: a kind, a count, the filters of a report. Scrolling a list
is not a read event; opening one person's record is.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from albergue_sync.rules import HEALTH_TABLES
from sqlmodel import Session, col, select

from ..domain.permissions import Permission, visible_needs
from ..storage.db import Database
from ..storage.tables import (
    AuditEvent, Birth, Consultation, IdentityDocument, Person, PersonPhoto, PregnancyVisit,
    Referral, Screening, Stay, Vaccination,
)
from ..storage.versioning import utcnow
from .context import Actor

VIEW_RECORD = "view_record"  # a person's record opened
VIEW_HEALTH = "view_health"  # a person's screening history shown
EXPORT = "export"  # a workbook written
PRINT = "print"  # a report PDF written
CLI_READ = "cli_read"  # search or stats from the command line
READ_ACTIONS: tuple[str, ...] = (VIEW_RECORD, VIEW_HEALTH, EXPORT, PRINT, CLI_READ)

# The viewer shows at most this many events per query (newest first); narrow the filters.
VIEWER_LIMIT = 500

_PAYLOAD_TYPES = (str, int, float, bool, type(None))

# Events about these tables (a note written, a person's notes read) are not shown at all to
# a role without MENTAL_HEALTH: even that a person has such notes is confidential.
MENTAL_HEALTH_TABLES = ("mental_health_note",)


def _payload(what: dict[str, Any]) -> dict[str, Any]:
    """Plain scalars only: a read event names what was read, it never copies it."""
    out = {}
    for key, value in what.items():
        if isinstance(value, (date, datetime)):
            value = value.isoformat()
        if not isinstance(value, _PAYLOAD_TYPES):
            raise TypeError(f"read event field {key!r} must be a scalar")
        out[key] = value
    return out


def note(session: Session, actor: Actor, action: str, *, table_name: str | None = None,
         row_id: str | None = None, **what: Any) -> None:
    """Add a read event to ``session`` (committed with it)."""
    if action not in READ_ACTIONS:
        raise ValueError(action)
    session.add(AuditEvent(at=utcnow(), username=actor.username, action=action,
                           table_name=table_name, row_id=row_id, changes=_payload(what)))


def record(db: Database, actor: Actor, action: str, *, table_name: str | None = None,
           row_id: str | None = None, **what: Any) -> None:
    """Write a read event in its own transaction (after an export or a print succeeded)."""
    with db.session(actor.username) as session:
        note(session, actor, action, table_name=table_name, row_id=row_id, **what)


@dataclass(frozen=True)
class ViewLine:
    at: datetime
    username: str | None
    action: str


def viewers_of(db: Database, actor: Actor, person_id: str) -> list[ViewLine]:
    """Who opened this person's record or health history, newest first."""
    actor.require(Permission.VIEW_AUDIT)
    with db.session(actor.username) as session:
        rows = session.exec(select(AuditEvent.at, AuditEvent.username, AuditEvent.action)
                            .where(AuditEvent.row_id == person_id,
                                   col(AuditEvent.action).in_((VIEW_RECORD, VIEW_HEALTH)),
                                   col(AuditEvent.table_name).is_(None)
                                   | col(AuditEvent.table_name).not_in(
                                       () if actor.can(Permission.MENTAL_HEALTH)
                                       else MENTAL_HEALTH_TABLES))
                            .order_by(col(AuditEvent.at).desc()))
        return [ViewLine(at, user, action) for at, user, action in rows]


@dataclass(frozen=True)
class AuditFilter:
    username: str | None = None
    action: str | None = None
    table_name: str | None = None
    start: date | None = None  # first day included (UTC)
    end: date | None = None  # last day included (UTC)
    person_id: str | None = None  # a person's id or folio


@dataclass(frozen=True)
class AuditLine:
    id: str
    at: datetime
    username: str | None
    action: str
    table_name: str | None
    row_id: str | None
    changes: dict
    withheld: bool  # values of a health table this role may not see were hidden


def _person_rows(session: Session, person_id: str) -> list[str]:
    """The person and every row about them (stays, documents, vaccinations, photos,
    screenings): their events are the person's history."""
    ids = [person_id]
    for model in (Stay, IdentityDocument, Vaccination, PersonPhoto, Screening, Consultation,
                  Referral, PregnancyVisit, Birth):  # not the mental health notes
        ids += session.exec(select(model.id).where(model.person_id == person_id)).all()
    return ids


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=timezone.utc)


def _shown(actor: Actor, table: str | None, changes: dict) -> tuple[dict, bool]:
    if table in HEALTH_TABLES and not actor.can(Permission.VIEW_HEALTH) and changes:
        return {}, True
    if "specific_needs" in changes and isinstance(changes["specific_needs"], list):
        pair = changes["specific_needs"]
        shown = [visible_needs(actor.role, v or []) for v in pair]
        return {**changes, "specific_needs": shown}, shown != pair
    return changes, False


def search(db: Database, actor: Actor, flt: AuditFilter, *, limit: int = VIEWER_LIMIT,
           ) -> list[AuditLine]:
    """Audit events matching ``flt``, newest first, at most ``limit``. Health values and
    restricted codes are hidden from roles that may not see them (an administrator)."""
    actor.require(Permission.VIEW_AUDIT)
    with db.session(actor.username) as session:
        query = select(AuditEvent)
        if flt.username:
            query = query.where(AuditEvent.username == flt.username)
        if flt.action:
            query = query.where(AuditEvent.action == flt.action)
        if flt.table_name:
            query = query.where(AuditEvent.table_name == flt.table_name)
        if not actor.can(Permission.MENTAL_HEALTH):
            query = query.where(col(AuditEvent.table_name).is_(None) | col(
                AuditEvent.table_name).not_in(MENTAL_HEALTH_TABLES))
        if flt.start:
            query = query.where(AuditEvent.at >= _day_start(flt.start))
        if flt.end:
            query = query.where(AuditEvent.at < _day_start(flt.end + timedelta(days=1)))
        if flt.person_id:
            wanted = flt.person_id.strip()
            found = session.exec(select(Person.id).where(Person.folio == wanted.upper())).first()
            query = query.where(col(AuditEvent.row_id).in_(_person_rows(session, found or wanted)))
        events = session.exec(query.order_by(col(AuditEvent.at).desc(), AuditEvent.id)
                              .limit(limit)).all()
        lines = []
        for e in events:
            changes, withheld = _shown(actor, e.table_name, dict(e.changes or {}))
            lines.append(AuditLine(e.id, e.at, e.username, e.action, e.table_name, e.row_id,
                                   changes, withheld))
        return lines


@dataclass(frozen=True)
class FilterChoices:
    usernames: list[str]
    actions: list[str]
    tables: list[str]


def filter_choices(db: Database, actor: Actor) -> FilterChoices:
    """The values the viewer's filters offer (users, actions and tables in the log)."""
    actor.require(Permission.VIEW_AUDIT)
    with db.session(actor.username) as session:
        def distinct(column) -> list[str]:
            return sorted(v for v in session.exec(
                select(column).where(column.is_not(None)).group_by(column)) if v
                and (column is not AuditEvent.table_name or v not in MENTAL_HEALTH_TABLES
                     or actor.can(Permission.MENTAL_HEALTH)))
        return FilterChoices(distinct(AuditEvent.username), distinct(AuditEvent.action),
                             distinct(AuditEvent.table_name))



def audited(action: str, what: str):
    """Decorator of a report or export function ``f(source, actor, out, **options)``: once
    it has written its file from a database, a read event ``action`` names the report
    ``what`` and its scalar options (center, day, area), never the file's content."""
    import dataclasses
    import functools

    def wrap(function):
        @functools.wraps(function)
        def run(source, actor: Actor, out, *args, **options):
            path = function(source, actor, out, *args, **options)
            if isinstance(source, Database):
                shown = {k: v for k, v in options.items()
                         if isinstance(v, (*_PAYLOAD_TYPES, date)) and v is not None}
                for key, value in options.items():  # a selection: its chosen fields
                    if dataclasses.is_dataclass(value) and not isinstance(value, type):
                        shown.update({f"{key}_{name}": v for name, v in
                                      dataclasses.asdict(value).items()
                                      if isinstance(v, (*_PAYLOAD_TYPES, date)) and v})
                record(source, actor, action, report=what, **shown)  # type: ignore[arg-type]
            return path
        return run
    return wrap
