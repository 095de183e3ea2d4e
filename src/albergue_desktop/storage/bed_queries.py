"""Read queries of the bed board and of capacity: beds with their occupant, counts per area,
people present without a bed and pending arrivals. Keyword-only functions taking a session;
they return plain frozen rows (never ORM objects).

"Present" is a stay not closed and not pending (``status <> 'pending'``); a pending stay is
the expected arrival of a transfer and holds no bed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from .report_queries import parse_date, parse_ts

PRESENT = "s.check_out IS NULL AND s.deleted = 0 AND s.status <> 'pending'"
PENDING = "s.check_out IS NULL AND s.deleted = 0 AND s.status = 'pending'"


@dataclass(frozen=True)
class Occupant:
    """A person present (or expected) at a center, with their household."""

    person_id: str
    stay_id: str
    folio: str | None
    given_names: str
    surnames: str
    sex: str
    birth_date: date | None
    household_id: str | None
    household_label: str  # the head's surname in capitals (or given names)
    check_in: datetime

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.surnames.upper()}".strip()


@dataclass(frozen=True)
class BedTile:
    """One bed of the board: free, occupied (``occupant``) or blocked (out of service)."""

    bed_id: str
    code: str
    kind: str
    status: str  # available | out_of_service: what staff set (occupancy: ``occupant``)
    block_reason: str | None
    area_id: str
    occupant: Occupant | None

    @property
    def state(self) -> str:
        """What the board shows: occupied (someone present), blocked, or free."""
        if self.occupant is not None:
            return "occupied"
        return "blocked" if self.status == "out_of_service" else "free"


@dataclass(frozen=True)
class AreaRow:
    area_id: str
    center_id: str
    name: str
    segment: str
    area_m2: float | None
    beds: int      # beds not retired
    blocked: int   # out of service
    occupied: int  # beds with someone present
    present: int   # people present in beds of this area


# A stay of a record confirmed as a duplicate (merged_into_id) is shown as the kept
# person (k): name, folio and household; the stay itself still belongs to the record it
# was opened for, so person_id stays the stay's person.
_OCCUPANT = """p.id AS person_id, s.id AS stay_id, coalesce(k.folio, p.folio) AS folio,
       coalesce(k.given_names, p.given_names) AS given_names,
       coalesce(k.surnames, p.surnames) AS surnames, coalesce(k.sex, p.sex) AS sex,
       coalesce(k.birth_date, p.birth_date) AS birth_date,
       coalesce(k.household_id, p.household_id) AS household_id,
       hp.surnames AS head_surnames, hp.given_names AS head_given, s.check_in"""
_HEAD = ("LEFT JOIN person k ON k.id = p.merged_into_id AND k.deleted = 0 "
         "LEFT JOIN household h ON h.id = coalesce(k.household_id, p.household_id) "
         "LEFT JOIN person hp ON hp.id = h.head_person_id")


def _occupant(r) -> Occupant:
    label = (r.head_surnames or "").upper() or (r.head_given or "")
    return Occupant(r.person_id, r.stay_id, r.folio, r.given_names, r.surnames, r.sex,
                    parse_date(r.birth_date), r.household_id, label, parse_ts(r.check_in))


def bed_tiles(*, session: Session, center_id: str) -> list[BedTile]:
    """Every bed of a center (retired ones excluded), by area name then natural bed order
    ("A-2" before "A-10"), each with its present occupant. One query."""
    rows = session.connection().execute(text(f"""
        SELECT b.id AS bed_id, b.code, b.kind, b.status, b.block_reason, b.area_id,
               {_OCCUPANT}
        FROM bed b JOIN area a ON a.id = b.area_id
        LEFT JOIN stay s ON s.bed_id = b.id AND {PRESENT}
        LEFT JOIN person p ON p.id = s.person_id
        {_HEAD}
        WHERE b.center_id = :c AND b.deleted = 0 AND a.deleted = 0
        ORDER BY a.name, a.id, length(b.code), b.code"""), {"c": center_id})
    return [BedTile(r.bed_id, r.code, r.kind, r.status, r.block_reason, r.area_id,
                    _occupant(r) if r.person_id else None) for r in rows]


def area_rows(*, session: Session, center_id: str | None = None) -> list[AreaRow]:
    """Areas (of one center, or all) with their bed and occupancy counts."""
    where, params = ("AND a.center_id = :c", {"c": center_id}) if center_id else ("", {})
    rows = session.connection().execute(text(f"""
        SELECT a.id, a.center_id, a.name, a.segment, a.area_m2,
          (SELECT count(*) FROM bed b WHERE b.area_id = a.id AND b.deleted = 0) AS beds,
          (SELECT count(*) FROM bed b WHERE b.area_id = a.id AND b.deleted = 0
             AND b.status = 'out_of_service') AS blocked,
          (SELECT count(DISTINCT s.bed_id) FROM stay s JOIN bed b ON b.id = s.bed_id
             WHERE b.area_id = a.id AND {PRESENT}) AS occupied,
          (SELECT count(*) FROM stay s JOIN bed b ON b.id = s.bed_id
             WHERE b.area_id = a.id AND {PRESENT}) AS present
        FROM area a WHERE a.deleted = 0 {where}
        ORDER BY a.center_id, a.name, a.id"""), params)
    return [AreaRow(r.id, r.center_id, r.name, r.segment, r.area_m2, r.beds, r.blocked,
                    r.occupied, r.present) for r in rows]


def unbedded(*, session: Session, center_id: str) -> list[Occupant]:
    """People present at a center without a bed, oldest check-in first."""
    rows = session.connection().execute(text(f"""
        SELECT {_OCCUPANT} FROM stay s JOIN person p ON p.id = s.person_id {_HEAD}
        WHERE s.center_id = :c AND s.bed_id IS NULL AND {PRESENT}
        ORDER BY s.check_in, p.folio"""), {"c": center_id})
    return [_occupant(r) for r in rows]


def pending_arrivals(*, session: Session, center_id: str) -> list[tuple[Occupant, str | None]]:
    """People expected at a center by a transfer, with the name of the center they come
    from (``None`` if unknown), oldest first."""
    rows = session.connection().execute(text(f"""
        SELECT {_OCCUPANT}, fc.name AS from_center
        FROM stay s JOIN person p ON p.id = s.person_id {_HEAD}
        LEFT JOIN stay f ON f.id = s.from_stay_id
        LEFT JOIN center fc ON fc.id = f.center_id
        WHERE s.center_id = :c AND {PENDING}
        ORDER BY s.check_in, p.folio"""), {"c": center_id})
    return [(_occupant(r), r.from_center) for r in rows]


def center_counts(*, session: Session, center_id: str) -> tuple[int, int]:
    """(people present, people expected) at a center."""
    row = session.connection().execute(text(f"""
        SELECT (SELECT count(*) FROM stay s WHERE s.center_id = :c AND {PRESENT}),
               (SELECT count(*) FROM stay s WHERE s.center_id = :c AND {PENDING})"""),
        {"c": center_id}).one()
    return int(row[0]), int(row[1])


# --- placement inputs ----------------------------------------------------------------------------

@dataclass(frozen=True)
class FreeBedRow:
    bed_id: str
    code: str
    area_id: str
    center_id: str


@dataclass(frozen=True)
class AreaOccupant:
    area_id: str
    person_id: str
    birth_date: date | None
    relationship: str | None
    specific_needs: tuple[str, ...]
    household_id: str | None
    age_in_doubt: bool = False
    respiratory_case: bool = False  # the latest current screening needs isolation


def _in(name: str, values: list[str], params: dict) -> str:
    keys = []
    for i, value in enumerate(values):
        params[f"{name}{i}"] = value
        keys.append(f":{name}{i}")
    return f"({', '.join(keys) or 'NULL'})"


def free_beds(*, session: Session, center_ids: list[str]) -> list[FreeBedRow]:
    """Beds in service and free (no one present) of these centers, in board order."""
    params: dict[str, object] = {}
    rows = session.connection().execute(text(f"""
        SELECT b.id, b.code, b.area_id, b.center_id FROM bed b JOIN area a ON a.id = b.area_id
        WHERE b.center_id IN {_in("c", center_ids, params)} AND b.deleted = 0
          AND a.deleted = 0 AND b.status <> 'out_of_service'
          AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.bed_id = b.id AND {PRESENT})
        ORDER BY a.name, a.id, length(b.code), b.code"""), params)
    return [FreeBedRow(r.id, r.code, r.area_id, r.center_id) for r in rows]


def area_occupants(*, session: Session, center_ids: list[str]) -> list[AreaOccupant]:
    """People present in a bed of these centers, with what protection of minors needs."""
    params: dict[str, object] = {}
    rows = session.connection().execute(text(f"""
        SELECT b.area_id, p.id, p.birth_date, p.relationship, p.specific_needs, p.household_id,
               p.age_in_doubt
        FROM stay s JOIN bed b ON b.id = s.bed_id JOIN person p ON p.id = s.person_id
        WHERE s.center_id IN {_in("c", center_ids, params)} AND {PRESENT}"""), params)
    cases = _respiratory_cases(session, center_ids)
    out = []
    for r in rows:
        needs = r.specific_needs
        if isinstance(needs, str):
            needs = json.loads(needs or "[]")
        out.append(AreaOccupant(r.area_id, r.id, parse_date(r.birth_date), r.relationship,
                                tuple(needs or ()), r.household_id, bool(r.age_in_doubt),
                                r.id in cases))
    return out


def _respiratory_cases(session: Session, center_ids: list[str]) -> set[str]:
    """People present at these centers whose latest screening (not replaced by a correction)
    sent them to respiratory isolation, as recorded with that screening."""
    params: dict[str, object] = {}
    rows = session.connection().execute(text(f"""
        SELECT sc.person_id, sc.needs_isolation
        FROM screening sc
        WHERE sc.deleted = 0
          AND sc.person_id IN (SELECT s.person_id FROM stay s
                               WHERE s.center_id IN {_in("c", center_ids, params)} AND {PRESENT})
          AND NOT EXISTS (SELECT 1 FROM screening c
                          WHERE c.corrects_id = sc.id AND c.deleted = 0)
        ORDER BY sc.person_id, sc.screened_at DESC, sc.change_seq DESC"""), params)
    latest: dict[str, bool] = {}
    for r in rows:
        latest.setdefault(r.person_id, bool(r.needs_isolation))
    return {pid for pid, case in latest.items() if case}
