"""Read-only queries behind the printed reports and the spreadsheet export.

Keyword-only functions taking a session; they return plain frozen rows (never ORM objects).
Timestamps are stored as naive UTC text ("YYYY-MM-DD HH:MM:SS.ffffff"); days are local days,
so a question "for a date" needs the time zone of the shelter (``tz``). The daily census
numbers come from :mod:`.census_queries` (shared with the coordinator's screen).

Fields of modules that do not exist yet (pregnancy, respiratory screening, leases, school,
jobs, health care, donations) are ``None``: "not recorded", never a guessed value.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from sqlalchemy import text
from sqlalchemy.orm import Session

ISOLATION = "isolation"


def ts_param(moment: datetime) -> str:
    """An aware datetime as the stored text, for comparisons in SQL."""
    return moment.astimezone(timezone.utc).replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def parse_ts(value) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value)).replace(tzinfo=timezone.utc)


def parse_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def day_bounds(day: date, tz: tzinfo) -> tuple[str, str]:
    """[start, end) of a local day as stored-text UTC bounds."""
    start = datetime.combine(day, time.min, tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz)
    return ts_param(start), ts_param(end)


def _json_list(value) -> list:
    if value == "[]" or not value:
        return []
    return json.loads(value) if isinstance(value, str) else list(value)


def _household_label(surnames: str | None, given: str | None) -> str:
    return (surnames or "").upper() or (given or "")


# --- roster -------------------------------------------------------------------------------

@dataclass(frozen=True)
class RosterRow:
    person_id: str
    folio: str | None
    given_names: str
    surnames: str
    sex: str
    birth_date: date | None
    birth_date_estimated: bool
    nationality: str | None
    relationship: str | None
    specific_needs: tuple[str, ...]
    household_id: str | None
    household_label: str       # head's surname in capitals
    household_folio: str | None  # head's folio: identifies the household on paper
    center_code: str
    center_name: str
    area_name: str | None      # None: present without a bed
    area_segment: str | None
    bed_code: str | None
    check_in: datetime
    # Health flags: isolation when the bed is in a respiratory-isolation area or center, or
    # the latest screening says so; pregnant and chronic from the latest screening (a
    # correction replaces the row it corrects); None when the person was never screened.
    isolation: bool
    pregnant: bool | None = None
    chronic: bool | None = None
    age_in_doubt: bool = False  # staff ticked "edad en duda" (presumed a minor, LGDNNA art. 5)

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.surnames.upper()}".strip()


_ROSTER_SQL = """
SELECT p.id, p.folio, p.given_names, p.surnames, p.sex, p.birth_date, p.birth_date_estimated,
       p.age_in_doubt, p.nationality, p.relationship, p.specific_needs, p.household_id,
       hp.surnames AS head_surnames, hp.given_names AS head_given, hp.folio AS head_folio,
       c.code AS center_code, c.name AS center_name, c.profile AS center_profile,
       a.name AS area_name, a.segment AS area_segment, b.code AS bed_code, s.check_in,
       sc.pregnant AS sc_pregnant, sc.needs_isolation AS sc_isolation,
       sc.chronic_conditions AS sc_chronic
FROM stay s
JOIN person d ON d.id = s.person_id
JOIN person p ON p.id = coalesce(d.merged_into_id, d.id)
JOIN center c ON c.id = s.center_id
LEFT JOIN bed b ON b.id = s.bed_id
LEFT JOIN area a ON a.id = b.area_id
LEFT JOIN household h ON h.id = p.household_id
LEFT JOIN person hp ON hp.id = h.head_person_id
LEFT JOIN (SELECT person_id, pregnant, needs_isolation, chronic_conditions,
                  row_number() OVER (PARTITION BY person_id
                                     ORDER BY screened_at DESC, hlc DESC) AS n
           FROM screening x WHERE x.deleted = 0 AND NOT EXISTS (
               SELECT 1 FROM screening c WHERE c.corrects_id = x.id AND c.deleted = 0)
          ) sc ON sc.person_id = p.id AND sc.n = 1
WHERE s.check_out IS NULL AND s.deleted = 0 AND s.status <> 'pending' AND d.deleted = 0
  AND p.deleted = 0 AND p.merged_into_id IS NULL {where}
ORDER BY c.code, a.name IS NULL, a.name, coalesce(hp.folio, p.folio),
         p.relationship = 'head' DESC, p.folio
"""


def roster_rows(*, session: Session, center_id: str | None = None) -> list[RosterRow]:
    """People present (open stay), by center, area, household (head first), folio."""
    where, params = ("AND s.center_id = :c", {"c": center_id}) if center_id else ("", {})
    rows = session.connection().execute(text(_ROSTER_SQL.format(where=where)), params)
    out = []
    for r in rows:
        needs = tuple(_json_list(r.specific_needs))
        out.append(RosterRow(
            r.id, r.folio, r.given_names, r.surnames or "", r.sex, parse_date(r.birth_date),
            bool(r.birth_date_estimated), r.nationality, r.relationship, needs, r.household_id,
            _household_label(r.head_surnames, r.head_given) if r.head_folio else
            _household_label(r.surnames, r.given_names),
            r.head_folio or r.folio, r.center_code, r.center_name, r.area_name, r.area_segment,
            r.bed_code, parse_ts(r.check_in),
            ISOLATION in (r.area_segment, r.center_profile) or bool(r.sc_isolation),
            None if r.sc_pregnant is None else bool(r.sc_pregnant),
            None if r.sc_chronic is None else bool(_json_list(r.sc_chronic)),
            bool(r.age_in_doubt)))
    return out


# --- beds ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class BedRow:
    center_code: str
    center_name: str
    area_id: str
    area_name: str
    area_segment: str | None
    bed_code: str
    bed_kind: str
    bed_status: str            # stored status: available, occupied, out_of_service
    block_reason: str | None
    folio: str | None          # occupant, from the open stay in this bed
    occupant: str | None
    sex: str | None
    birth_date: date | None

    @property
    def is_blocked(self) -> bool:
        return self.bed_status == "out_of_service"


def bed_rows(*, session: Session, center_id: str | None = None,
             area_id: str | None = None) -> list[BedRow]:
    """Every bed with its occupant (open stay), by center, area and bed code."""
    where, params = "", {}
    if center_id:
        where, params["c"] = where + " AND b.center_id = :c", center_id
    if area_id:
        where, params["a"] = where + " AND b.area_id = :a", area_id
    rows = session.connection().execute(text(f"""
        SELECT c.code, c.name, a.id AS area_id, a.name AS area_name, a.segment, b.code AS bed,
               b.kind, b.status, b.block_reason, p.folio, p.given_names, p.surnames, p.sex,
               p.birth_date
        FROM bed b JOIN area a ON a.id = b.area_id JOIN center c ON c.id = b.center_id
        LEFT JOIN stay s ON s.bed_id = b.id AND s.check_out IS NULL AND s.deleted = 0
        LEFT JOIN person p ON p.id = s.person_id
        WHERE b.deleted = 0 AND a.deleted = 0 {where}
        ORDER BY c.code, a.name, length(b.code), b.code"""), params)
    return [BedRow(r.code, r.name, r.area_id, r.area_name, r.segment, r.bed, r.kind, r.status,
                   r.block_reason, r.folio,
                   f"{r.given_names} {(r.surnames or '').upper()}".strip() if r.folio else None,
                   r.sex, parse_date(r.birth_date)) for r in rows]


def unbedded_by_center(*, session: Session) -> dict[str, int]:
    """Center code -> people present without a bed (on the roster, on no bed line)."""
    return dict(session.connection().execute(text(
        "SELECT c.code, count(*) FROM stay s JOIN center c ON c.id = s.center_id "
        "WHERE s.check_out IS NULL AND s.deleted = 0 AND s.bed_id IS NULL"
        " AND s.status <> 'pending' GROUP BY c.code")).all())


# --- ID cards -----------------------------------------------------------------------------

@dataclass(frozen=True)
class IdCardRow:
    person_id: str
    folio: str
    full_name: str
    center_name: str
    household_label: str
    household_folio: str | None
    photo_path: str | None = None  # no photo module yet


def id_card_rows(*, session: Session, center_id: str | None = None,
                 person_ids: list[str] | None = None) -> list[IdCardRow]:
    """Cards for the given people, else for everyone present (at ``center_id``)."""
    if person_ids is not None:
        rows = []
        for pid in person_ids:  # keep the caller's order
            r = session.connection().execute(text("""
                SELECT p.id, p.folio, p.given_names, p.surnames, c.name AS center_name,
                       hp.surnames AS hs, hp.given_names AS hg, hp.folio AS hf
                FROM person p LEFT JOIN center c ON c.id = coalesce(
                    (SELECT center_id FROM stay WHERE person_id = p.id AND check_out IS NULL
                       AND deleted = 0), p.center_id)
                LEFT JOIN household h ON h.id = p.household_id
                LEFT JOIN person hp ON hp.id = h.head_person_id
                WHERE p.id = :id AND p.deleted = 0 AND p.folio IS NOT NULL"""),
                {"id": pid}).first()
            if r is not None:
                rows.append(IdCardRow(r.id, r.folio, f"{r.given_names} {r.surnames.upper()}"
                                      .strip(), r.center_name or "",
                                      _household_label(r.hs, r.hg), r.hf))
        return rows
    return [IdCardRow(r.person_id, r.folio or "", r.full_name, r.center_name, r.household_label,
                      r.household_folio)
            for r in roster_rows(session=session, center_id=center_id) if r.folio]


@dataclass(frozen=True)
class CardSelection:
    """Whose ID cards to print, inside the chosen center when there is one. Empty: everyone
    present. ``area``: people present in the beds of an area (id or name); ``household``:
    every member of a household (its id, or the folio of any member); ``person``: one person
    (folio or id); ``registered_on``: people registered that local day (``tz``)."""

    area: str | None = None
    household: str | None = None
    person: str | None = None
    registered_on: date | None = None

    def is_everyone(self) -> bool:
        return not (self.area or self.household or self.person or self.registered_on)


class SelectionError(LookupError):
    """The selection names nothing in this file: ``msgid`` and ``params`` say what."""

    def __init__(self, msgid: str, **params: object) -> None:
        super().__init__(msgid)
        self.msgid, self.params = msgid, params


_LIVE = "p.deleted = 0 AND p.merged_into_id IS NULL AND p.folio IS NOT NULL"


def _live_person(session: Session, key: str) -> str | None:
    """The live record of the person with folio or id ``key`` (following a merge)."""
    row = session.connection().execute(text(
        "SELECT coalesce(merged_into_id, id) FROM person WHERE (folio = :k OR id = :k)"
        " AND deleted = 0 ORDER BY merged_into_id IS NOT NULL LIMIT 1"), {"k": key}).first()
    return row[0] if row else None


def card_person_ids(*, session: Session, selection: CardSelection,
                    center_id: str | None = None, tz: tzinfo | None = None) -> list[str]:
    """The people of ``selection`` in printing order (household head first, then folio);
    raises :class:`SelectionError` when an area, household or person is not in the file."""
    db = session.connection()
    if selection.person:
        pid = _live_person(session, selection.person)
        if pid is None:
            raise SelectionError("There is no person with the folio {folio} in this file.",
                                 folio=selection.person)
        return [pid]
    if selection.household:
        hid = db.execute(text("SELECT id FROM household WHERE id = :k AND deleted = 0"),
                         {"k": selection.household}).scalar()
        if hid is None:
            pid = _live_person(session, selection.household)
            hid = db.execute(text("SELECT household_id FROM person WHERE id = :p"),
                             {"p": pid}).scalar() if pid else None
        if hid is None:
            raise SelectionError("There is no household with the folio {folio} in this file.",
                                 folio=selection.household)
        return list(db.execute(text(
            f"SELECT p.id FROM person p WHERE p.household_id = :h AND {_LIVE}"
            " ORDER BY p.relationship = 'head' DESC, p.folio"), {"h": hid}).scalars())
    if selection.area:
        where = " AND a.center_id = :c" if center_id else ""
        areas = db.execute(text(
            "SELECT a.id, a.center_id FROM area a WHERE (a.id = :a OR a.name = :a)"
            f" AND a.deleted = 0{where}"), {"a": selection.area, "c": center_id}).all()
        if not areas:
            raise SelectionError("There is no area {area} in this file.", area=selection.area)
        if len({r.center_id for r in areas}) > 1:
            raise SelectionError("The area {area} exists in several centers: choose the "
                                 "center.", area=selection.area)
        ids = {r.id for r in areas}
        present = db.execute(text(
            "SELECT s.person_id, b.area_id FROM stay s JOIN bed b ON b.id = s.bed_id"
            " WHERE s.check_out IS NULL AND s.deleted = 0 AND s.status <> 'pending'")).all()
        inside = {r.person_id for r in present if r.area_id in ids}
        return [r.person_id for r in roster_rows(session=session, center_id=areas[0].center_id)
                if r.person_id in inside and r.folio]
    if selection.registered_on:
        start, end = day_bounds(selection.registered_on, tz or timezone.utc)
        where = " AND p.center_id = :c" if center_id else ""
        return list(db.execute(text(
            f"SELECT p.id FROM person p LEFT JOIN household h ON h.id = p.household_id"
            f" LEFT JOIN person hp ON hp.id = h.head_person_id"
            f" WHERE p.created_at >= :s AND p.created_at < :e AND {_LIVE}{where}"
            " ORDER BY coalesce(hp.folio, p.folio), p.relationship = 'head' DESC, p.folio"),
            {"s": start, "e": end, "c": center_id}).scalars())
    return [r.person_id for r in roster_rows(session=session, center_id=center_id) if r.folio]


def person_languages(*, session: Session, person_ids: list[str],
                     ) -> dict[str, tuple[list[dict], str | None]]:
    """person id -> (languages as recorded on the form, nationality)."""
    out: dict[str, tuple[list[dict], str | None]] = {}
    for start in range(0, len(person_ids), 500):
        chunk = person_ids[start:start + 500]
        marks = ", ".join(f":p{i}" for i in range(len(chunk)))
        rows = session.connection().execute(text(
            f"SELECT id, languages, nationality FROM person WHERE id IN ({marks})"),
            {f"p{i}": pid for i, pid in enumerate(chunk)})
        for r in rows:
            out[r.id] = (_json_list(r.languages), r.nationality)
    return out


# --- impact indicators ------------------------------------------------------------------------

IndicatorQuery = Callable[..., int | None]
# key -> query(session=, start=, end=) for indicators computed from the data. Modules that
# record leases, school enrollment, jobs, consultations... register theirs here; the report
# prints "not recorded" for every indicator without one.
INDICATOR_QUERIES: dict[str, IndicatorQuery] = {}


def register_indicator(key: str, query: IndicatorQuery) -> None:
    INDICATOR_QUERIES[key] = query


def _period(column: str, start: str | None, end: str | None) -> str:
    return "".join([f" AND {column} >= :start" if start else "",
                    f" AND {column} < :end" if end else ""])


# Stays of live people, each under the person it counts for: a confirmed duplicate's stays
# count for the person it is linked to (person.merged_into_id), so one person counts once.
_CANONICAL_STAYS = """FROM stay s JOIN person d ON d.id = s.person_id
    JOIN person p ON p.id = coalesce(d.merged_into_id, d.id)
    WHERE s.deleted = 0 AND d.deleted = 0 AND p.deleted = 0 AND p.merged_into_id IS NULL"""


def _admissions(*, session: Session, start: str | None, end: str | None) -> int:
    """People whose first stay began in the period (a transfer is not an admission)."""
    return session.connection().execute(text(
        f"SELECT count(*) FROM (SELECT min(s.check_in) AS first {_CANONICAL_STAYS} "
        "GROUP BY p.id) WHERE 1" + _period("first", start, end)),
        {"start": start, "end": end}).scalar_one()


_LAST_EXIT = f"""SELECT p.id, p.household_id, max(s.check_out) AS last_out,
    sum(s.check_out IS NULL) AS open_stays {_CANONICAL_STAYS} GROUP BY p.id"""


def _discharges(*, session: Session, start: str | None, end: str | None) -> int:
    """People with no open stay whose last stay closed in the period."""
    return session.connection().execute(text(
        f"SELECT count(*) FROM ({_LAST_EXIT}) WHERE open_stays = 0"
        + _period("last_out", start, end)), {"start": start, "end": end}).scalar_one()


def _families_discharged(*, session: Session, start: str | None, end: str | None) -> int:
    """Households whose every lodged member has left, the last of them in the period."""
    return session.connection().execute(text(
        f"SELECT count(*) FROM (SELECT household_id, max(last_out) AS out, "
        f"sum(open_stays) AS open FROM ({_LAST_EXIT}) WHERE household_id IS NOT NULL "
        f"GROUP BY household_id) WHERE open = 0" + _period("out", start, end)),
        {"start": start, "end": end}).scalar_one()


def _rfc(*, session: Session, start: str | None, end: str | None) -> int:
    """People with an RFC on record (as a field or a document). RFCs carry no paperwork
    date yet, so the period does not apply."""
    return session.connection().execute(text("""
        SELECT count(*) FROM person p WHERE p.deleted = 0 AND p.merged_into_id IS NULL AND
          (p.rfc IS NOT NULL AND p.rfc != '' OR EXISTS (SELECT 1 FROM identity_document d
           WHERE d.person_id = p.id AND d.deleted = 0 AND d.doc_type = 'rfc'))""")).scalar_one()


register_indicator("admissions", _admissions)
register_indicator("discharges", _discharges)
register_indicator("families_discharged", _families_discharged)
register_indicator("rfc_processed", _rfc)


def impact_values(*, session: Session, keys: list[str], start: datetime | None = None,
                  end: datetime | None = None) -> dict[str, int | None]:
    """Value of each indicator in [start, end); None when nothing records it yet."""
    s = ts_param(start) if start else None
    e = ts_param(end) if end else None
    return {key: (INDICATOR_QUERIES[key](session=session, start=s, end=e)
                  if key in INDICATOR_QUERIES else None) for key in keys}
