"""The health desk's to-do providers (registered in :mod:`.todo` on import): today's
follow-ups (consultations, prenatal and postnatal visits, psychosocial follow-ups), people
pending screening, people in isolation with the days left (the period is the sourced row
``clinical_rules.ISOLATION``), open referrals with the days waiting. Each reads the people
who stay at the center now (an open stay), with one query each; see
bench/bench_health_desk.py for the cost. "Not corrected" lookups name their index: where no
row was ever corrected, ANALYZE tells the planner that every row shares the one (NULL)
value, and it would scan the whole table for each row instead."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from sqlalchemy import text
from sqlmodel import Session

from ..domain.clinical_rules import ISOLATION
from ..domain.i18n import translate as _
from ..domain.permissions import Permission
from ..storage.report_queries import parse_date, ts_param
from . import todo
from .referrals import open_referral_lines, status_word
from .todo import Priority, TodoItem, TodoQuery

FOLLOW_UP, PENDING_SCREENING, ISOLATION_KEY, REFERRALS, MENTAL_HEALTH = (
    "follow_up", "pending_screening", "isolation", "referrals", "mental_health")

# The people staying at the center now (one open stay each), with folio and name.
_PRESENT = """SELECT s.person_id AS person_id, p.household_id AS household_id, p.folio AS folio,
    p.given_names AS given, p.surnames AS surnames
    FROM stay s JOIN person p ON p.id = s.person_id
    WHERE s.check_out IS NULL AND s.deleted = 0 AND s.status = 'open' AND p.deleted = 0
    AND p.merged_into_id IS NULL {center}"""


def person_name(given: str, surnames: str | None) -> str:
    """As the lists show a name: given names, then the surnames in capitals (Python's
    upper: SQLite's leaves accented letters as they are)."""
    return f"{given} {(surnames or '').upper()}".strip()


def _present(query: TodoQuery) -> tuple[str, dict]:
    center = "AND s.center_id = :center" if query.center_id else ""
    return _PRESENT.format(center=center), {"center": query.center_id}


def _day(value) -> date:
    day = parse_date(value)
    assert day is not None  # the queries select non-null dates
    return day


def _overdue(due: date, today: date) -> str:
    days = (today - due).days
    if days <= 0:
        return _("due today")
    return _("1 day overdue") if days == 1 else _("{n} days overdue", n=days)


def follow_ups(session: Session, query: TodoQuery) -> Iterable[TodoItem]:
    """Consultations whose follow-up date has come, with no later consultation of the
    person; prenatal and postnatal visits whose next date has come."""
    present, args = _present(query)
    args = {**args, "today": query.today.isoformat()}
    # the latest consultation of each person present (its current version: one index seek
    # each), when its follow-up date has come: a later consultation is the follow-up
    rows = session.connection().execute(text(f"""
        WITH here AS ({present})
        SELECT h.person_id, h.household_id, h.folio, h.given, h.surnames, c.follow_up_date,
               c.reason, c.diagnosis_code
        FROM here h JOIN consultation c ON c.id = (
            SELECT l.id FROM consultation l INDEXED BY ix_consultation_person_at
            WHERE l.person_id = h.person_id AND l.deleted = 0
              AND NOT EXISTS (SELECT 1 FROM consultation x
                              INDEXED BY ix_consultation_corrects_id
                              WHERE x.corrects_id = l.id AND x.deleted = 0)
            ORDER BY l.attended_at DESC LIMIT 1)
        WHERE c.follow_up_date IS NOT NULL AND c.follow_up_date <= :today"""), args)
    for pid, hid, folio, given, surnames, due, reason, code in rows:
        due = _day(due)
        yield TodoItem(FOLLOW_UP, _("Consultation follow-up"),
                       Priority.HIGH if due < query.today else Priority.NORMAL,
                       Permission.VIEW_HEALTH, due, pid, hid, folio, person_name(given, surnames),
                       " · ".join(filter(None, (_overdue(due, query.today), code, reason))))
    rows = session.connection().execute(text(f"""
        WITH here AS ({present})
        SELECT h.person_id, h.household_id, h.folio, h.given, h.surnames, v.next_visit_date,
               v.kind,
               v.recommendation
        FROM here h JOIN pregnancy_visit v ON v.person_id = h.person_id
        WHERE v.deleted = 0 AND v.next_visit_date IS NOT NULL AND v.next_visit_date <= :today
          AND NOT EXISTS (SELECT 1 FROM pregnancy_visit l WHERE l.person_id = v.person_id
                          AND l.deleted = 0 AND l.visited_at >= v.visited_at
                          AND l.id != v.id)
          AND NOT EXISTS (SELECT 1 FROM birth b WHERE b.person_id = v.person_id
                          AND b.deleted = 0 AND v.kind = 'prenatal'
                          AND b.born_on >= substr(v.visited_at, 1, 10))"""), args)
    for pid, hid, folio, given, surnames, due, kind, recommendation in rows:
        due = _day(due)
        urgent = recommendation != "routine"
        yield TodoItem(FOLLOW_UP, _("Prenatal visit") if kind == "prenatal"
                       else _("Postnatal check"),
                       Priority.URGENT if urgent else (
                           Priority.HIGH if due < query.today else Priority.NORMAL),
                       Permission.VIEW_HEALTH, due, pid, hid, folio, person_name(given, surnames),
                       _overdue(due, query.today))


def pending_screening(session: Session, query: TodoQuery) -> Iterable[TodoItem]:
    """People staying at the center with no screening at all."""
    present, args = _present(query)
    rows = session.connection().execute(text(f"""
        WITH here AS ({present})
        SELECT h.person_id, h.household_id, h.folio, h.given, h.surnames FROM here h
        WHERE NOT EXISTS (SELECT 1 FROM screening x WHERE x.person_id = h.person_id
                          AND x.deleted = 0)"""), args)
    for pid, hid, folio, given, surnames in rows:
        yield TodoItem(PENDING_SCREENING, _("Health screening pending"), Priority.HIGH,
                       Permission.VIEW_HEALTH, query.today, pid, hid, folio,
                       person_name(given, surnames))


def isolation(session: Session, query: TodoQuery) -> Iterable[TodoItem]:
    """People whose latest screening (its current version) sent them to isolation within
    the isolation period, with the days left."""
    present, args = _present(query)
    since = query.today - timedelta(days=ISOLATION.days)
    from datetime import datetime, time, timezone
    args = {**args, "since": ts_param(datetime.combine(since, time.min, tzinfo=timezone.utc))}
    rows = session.connection().execute(text(f"""
        WITH here AS ({present})
        SELECT h.person_id, h.household_id, h.folio, h.given, h.surnames, x.screened_at
        FROM here h JOIN screening x ON x.person_id = h.person_id
        WHERE x.deleted = 0 AND x.needs_isolation = 1 AND x.screened_at >= :since
          AND NOT EXISTS (SELECT 1 FROM screening c INDEXED BY ix_screening_corrects_id
                          WHERE c.corrects_id = x.id
                          AND c.deleted = 0)
          AND NOT EXISTS (SELECT 1 FROM screening l WHERE l.person_id = x.person_id
                          AND l.deleted = 0 AND l.screened_at > x.screened_at)"""), args)
    for pid, hid, folio, given, surnames, at in rows:
        start = (at if isinstance(at, date) else date.fromisoformat(str(at)[:10]))
        end = start + timedelta(days=ISOLATION.days)
        left = (end - query.today).days
        if left < 0:
            continue
        yield TodoItem(ISOLATION_KEY, _("Respiratory isolation"), Priority.HIGH,
                       Permission.VIEW_HEALTH, end, pid, hid, folio, person_name(given, surnames),
                       _("{n} days left (until {day})", n=left, day=end.strftime("%d/%m/%Y")))


_URGENCY_PRIORITY = {"urgent": Priority.URGENT, "priority": Priority.HIGH}


def referrals(session: Session, query: TodoQuery) -> Iterable[TodoItem]:
    for r in open_referral_lines(session, query.center_id):
        waiting = r.days_waiting(query.today)
        yield TodoItem(
            REFERRALS, _("Referral to {destination}", destination=r.destination),
            _URGENCY_PRIORITY.get(r.urgency, Priority.NORMAL) if r.status != "not_attended"
            else Priority.HIGH, Permission.VIEW_HEALTH, r.appointment_date,
            r.person_id, None, r.folio, r.name,
            _("{status}, {n} days waiting", status=status_word(r.status), n=waiting))


def mental_health(session: Session, query: TodoQuery) -> Iterable[TodoItem]:
    """Psychosocial follow-ups due (only for MENTAL_HEALTH; the label names no content)."""
    present, args = _present(query)
    args = {**args, "today": query.today.isoformat()}
    rows = session.connection().execute(text(f"""
        WITH here AS ({present})
        SELECT h.person_id, h.household_id, h.folio, h.given, h.surnames, n.follow_up_date,
               n.risk
        FROM here h JOIN mental_health_note n ON n.person_id = h.person_id
        WHERE n.deleted = 0 AND n.follow_up_date IS NOT NULL AND n.follow_up_date <= :today
          AND NOT EXISTS (SELECT 1 FROM mental_health_note l WHERE l.person_id = n.person_id
                          AND l.deleted = 0 AND l.noted_at > n.noted_at)"""), args)
    for pid, hid, folio, given, surnames, due, risk in rows:
        due = _day(due)
        # a high risk (of harm to self or others) recorded at the last note: same day
        yield TodoItem(MENTAL_HEALTH, _("Psychosocial follow-up"),
                       Priority.URGENT if risk == "high" else Priority.NORMAL,
                       Permission.MENTAL_HEALTH, due, pid, hid, folio, person_name(given, surnames),
                       _overdue(due, query.today))


# the pharmacy's low or expiring stock fills the desk's STOCK slot when imported
from . import stock_todo  # noqa: E402, F401

todo.register(FOLLOW_UP, "Follow-ups due", Permission.VIEW_HEALTH, follow_ups, order=10)
todo.register(PENDING_SCREENING, "Pending screening", Permission.VIEW_HEALTH,
              pending_screening, order=20)
todo.register(ISOLATION_KEY, "In isolation", Permission.VIEW_HEALTH, isolation, order=30)
todo.register(REFERRALS, "Open referrals", Permission.VIEW_HEALTH, referrals, order=40)
todo.register(MENTAL_HEALTH, "Psychosocial follow-ups", Permission.MENTAL_HEALTH,
              mental_health, order=50)

DESK_KEYS: tuple[str, ...] = (FOLLOW_UP, PENDING_SCREENING, ISOLATION_KEY, REFERRALS,
                              MENTAL_HEALTH, todo.STOCK)


def desk(db, actor, *, center_id: str | None, today: date | None = None
         ) -> list[tuple[str, str, list[TodoItem]]]:
    """The health desk's sections (key, translated title, items), in order; a section of a
    provider not registered yet (the pharmacy's stock) is absent."""
    actor.require(Permission.VIEW_HEALTH)
    items = todo.collect(db, actor, center_id=center_id, today=today, keys=DESK_KEYS)
    return [(p.key, _(p.title), items[p.key]) for p in todo.providers(actor, DESK_KEYS)]
