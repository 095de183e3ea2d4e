"""The pathway board: every household with where it stands on each exit pathway (documents,
job, housing, school) and its stage (domain.pathways.stage), days in the shelter, and the
center it is at; for the coordinators' board and the household's own pathway view.
A handful of grouped queries over the whole file (about 1,000 households in the program).
docs/pathways.md."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import text

from ..domain import clock
from ..domain.pathways import (
    WORK_ALLOWED, HouseholdProgress, missing_to_hire, school_age, stage,
)
from ..domain.permissions import Permission
from ..storage.db import Database
from ..storage.tables import Person
from .context import Actor
from .jobs import hiring_file

ADULT = 18


@dataclass
class BoardRow:
    household_id: str
    head: str
    folio: str | None
    center_id: str | None
    center: str
    members: int
    present: int
    days: int | None  # in the shelter (first check-in to today, or to the last check-out)
    stage: str
    adults: int = 0
    adults_documented: int = 0  # status allowing work and CURP
    rfc_issued: int = 0
    working: int = 0
    housed: bool = False
    home: str | None = None
    children: int = 0  # school age (3-14)
    enrolled: int = 0
    destination: str | None = None  # of the last discharge
    notes: list[str] = field(default_factory=list)


def _d(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value)[:10])


def _local_day(value) -> date | None:
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        from datetime import timezone
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(clock.program_tz()).date()


def board(db: Database, actor: Actor, *, center_id: str | None = None,
          today: date | None = None) -> list[BoardRow]:
    """Every household, its stage and pathway facts (``center_id``: only those at, or last
    at, that center)."""
    actor.require(Permission.VIEW_PEOPLE)
    today = today or clock.today()
    allowed = ", ".join(f"'{s}'" for s in sorted(WORK_ALLOWED))
    with db.read_session() as session:
        conn = session.connection()
        centers: dict[str, str] = dict(conn.execute(text("SELECT id, name FROM center")).all())
        people = conn.execute(text(f"""
            SELECT p.id, p.household_id, p.given_names, p.surnames, p.folio, p.birth_date,
                   p.relationship, p.center_id,
                   (p.migratory_status IN ({allowed}) OR EXISTS (SELECT 1 FROM
                      identity_document d WHERE d.person_id = p.id AND d.deleted = 0 AND
                      d.doc_type IN ('tvrh_card', 'resident_card'))) AS may_work,
                   (coalesce(p.curp, '') != '' OR EXISTS (SELECT 1 FROM identity_document d
                      WHERE d.person_id = p.id AND d.deleted = 0 AND d.doc_type = 'curp'))
                      AS has_curp,
                   coalesce(p.rfc, '') != '' AS has_rfc
            FROM person p WHERE p.deleted = 0 AND p.merged_into_id IS NULL
              AND p.household_id IS NOT NULL""")).all()
        stays = conn.execute(text("""
            SELECT person_id, center_id, check_in, check_out FROM stay WHERE deleted = 0
            ORDER BY check_in""")).all()
        working = {r[0] for r in conn.execute(text(
            "SELECT person_id FROM job_placement WHERE deleted = 0 AND outcome IN "
            "('started', 'working_30_days')"))}
        enrolled = {r[0] for r in conn.execute(text(
            "SELECT person_id FROM school_enrollment WHERE deleted = 0 AND status IN "
            "('enrolled', 'attending')"))}
        homes: dict[str, str] = dict(conn.execute(text("""
            SELECT lh.household_id, h.address FROM lease_household lh
            JOIN lease l ON l.id = lh.lease_id JOIN home h ON h.id = l.home_id
            WHERE lh.deleted = 0 AND lh.moved_out IS NULL AND l.deleted = 0""")).all())
        last_discharge: dict[str, str] = dict(conn.execute(text("""
            SELECT household_id, destination FROM discharge WHERE deleted = 0
              AND household_id IS NOT NULL ORDER BY discharged_at""")).all())
    by_person: dict[str, list] = defaultdict(list)
    for s in stays:
        by_person[s[0]].append(s)
    rows: dict[str, BoardRow] = {}
    span: dict[str, list] = {}
    for p in people:
        (pid, hid, given, surnames, folio, birth, relationship, reg_center, may_work,
         has_curp, has_rfc) = p
        row = rows.get(hid)
        if row is None:
            row = rows[hid] = BoardRow(hid, "", None, reg_center, "", 0, 0, None, "")
            span[hid] = [None, None, None, None]  # first in, last out, open center, last center
        if relationship == "head" or not row.head:
            row.head, row.folio = f"{given} {surnames}".strip(), folio
        row.members += 1
        b = _d(birth)
        age = None if b is None else today.year - b.year - ((today.month, today.day)
                                                             < (b.month, b.day))
        if age is not None and age >= ADULT:
            row.adults += 1
            row.adults_documented += int(bool(may_work) and bool(has_curp))
            row.rfc_issued += int(bool(has_rfc))
        if school_age(age):
            row.children += 1
            row.enrolled += int(pid in enrolled)
        row.working += int(pid in working)
        sp = span[hid]
        for _pid, stay_center, check_in, check_out in by_person.get(pid, ()):
            day_in = _local_day(check_in)
            if sp[0] is None or (day_in and day_in < sp[0]):
                sp[0] = day_in
            sp[3] = stay_center
            if check_out is None:
                row.present += 1
                sp[2] = stay_center
            else:
                out = _local_day(check_out)
                if sp[1] is None or (out and out > sp[1]):
                    sp[1] = out
    out_rows = []
    for hid, row in rows.items():
        first_in, last_out, open_center, last_center = span[hid]
        row.center_id = open_center or last_center or row.center_id
        row.center = centers.get(row.center_id or "", "")
        row.housed = hid in homes
        row.home = homes.get(hid)
        row.destination = last_discharge.get(hid)
        if first_in is not None:
            until = today if row.present else (last_out or today)
            row.days = max((until - first_in).days, 0)
        row.stage = stage(HouseholdProgress(
            present=row.present, discharged=first_in is not None and row.present == 0,
            documents_ready=row.adults > 0 and row.adults_documented == row.adults,
            working=row.working > 0, housed=row.housed,
            school_ok=row.enrolled >= row.children))
        if center_id is None or row.center_id == center_id:
            out_rows.append(row)
    return sorted(out_rows, key=lambda r: (-(r.days or 0), r.head))


@dataclass(frozen=True)
class Member:
    person_id: str
    name: str
    age: int | None
    relationship: str | None
    present: bool
    missing: tuple[str, ...] = ()  # adults: what is missing to be hired (pathways codes)


def members(db: Database, actor: Actor, household_id: str,
            today: date | None = None) -> list[Member]:
    """The household's members for the pathway view: name, age, whether in a shelter."""
    actor.require(Permission.VIEW_PEOPLE)
    today = today or clock.today()
    with db.read_session() as session:
        rows = session.connection().execute(text("""
            SELECT p.id, p.given_names, p.surnames, p.birth_date, p.relationship,
                   EXISTS (SELECT 1 FROM stay s WHERE s.person_id = p.id AND s.deleted = 0
                           AND s.check_out IS NULL)
            FROM person p WHERE p.household_id = :h AND p.deleted = 0
              AND p.merged_into_id IS NULL ORDER BY p.relationship != 'head', p.birth_date"""),
            {"h": household_id}).all()
        out = []
        for pid, given, surnames, birth, relationship, present in rows:
            b = _d(birth)
            age = None if b is None else today.year - b.year - ((today.month, today.day)
                                                                 < (b.month, b.day))
            missing: tuple[str, ...] = ()
            if age is not None and age >= ADULT:
                person = session.get(Person, pid)
                assert person is not None
                missing = tuple(missing_to_hire(hiring_file(session, person, today), today))
            out.append(Member(pid, f"{given} {surnames}".strip(), age, relationship,
                              bool(present), missing))
    return out
