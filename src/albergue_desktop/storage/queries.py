"""Read queries shared by services, CLI and UI. Keyword-only functions taking a session or
connection; they return plain rows, never ORM objects bound to a session."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..domain import clock
from ..domain.normalize import identifier_key
from ..domain.validation import age_on


@dataclass(frozen=True)
class PersonRow:
    """One line of the people list. ``list_key``: the person's key in the list order
    (``person_key.n``, by registration, newest last; see docs/person-key-and-counts.md)."""

    list_key: int
    id: str
    folio: str | None
    given_names: str
    surnames: str
    sex: str
    birth_date: date | None
    birth_date_estimated: bool
    nationality: str | None
    center_code: str | None
    center_name: str | None
    bed_code: str | None
    status: str  # present | in_transit (pending transfer arrival) | discharged | registered
    household_id: str | None

    @property
    def rowid(self) -> int:
        """Former name of :attr:`list_key` (it was person's hidden rowid)."""
        return self.list_key

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.surnames.upper()}".strip()

    def age(self, today: date | None = None) -> int | None:
        if self.birth_date is None:
            return None
        return age_on(self.birth_date, today or clock.today())


_SELECT_PEOPLE = """
SELECT k.n AS list_key, p.id, p.folio, p.given_names, p.surnames, p.sex, p.birth_date,
       p.birth_date_estimated, p.nationality,
       coalesce(sc.code, rc.code) AS center_code, coalesce(sc.name, rc.name) AS center_name,
       b.code AS bed_code,
       CASE WHEN s.id IS NOT NULL AND s.status = 'pending' THEN 'in_transit'
            WHEN s.id IS NOT NULL THEN 'present'
            WHEN EXISTS (SELECT 1 FROM stay x WHERE x.person_id = p.id AND x.deleted = 0)
                 THEN 'discharged'
            ELSE 'registered' END AS status,
       p.household_id
FROM {source}
LEFT JOIN stay s ON s.person_id = p.id AND s.check_out IS NULL AND s.deleted = 0
LEFT JOIN bed b ON b.id = s.bed_id
LEFT JOIN center sc ON sc.id = s.center_id
LEFT JOIN center rc ON rc.id = p.center_id
WHERE p.deleted = 0 AND p.merged_into_id IS NULL {where}
{order}
LIMIT :limit
"""


def _row(r) -> PersonRow:
    birth = r.birth_date
    if isinstance(birth, str):
        birth = date.fromisoformat(birth[:10])
    return PersonRow(r.list_key, r.id, r.folio, r.given_names, r.surnames, r.sex, birth,
                     bool(r.birth_date_estimated), r.nationality, r.center_code, r.center_name,
                     r.bed_code, r.status, r.household_id)


def fts_words(user_text: str) -> list[str]:
    """Words of a query split the way the FTS5 unicode61 tokenizer splits the indexed names
    (runs of letters, digits and combining marks, NFC). Case and accents are left for the
    tokenizer to fold, so a query folds exactly like the index (``ß``, ``ø``, ``ĳ`` included;
    an ASCII-only key such as :func:`search_tokens` would drop them)."""
    words, current = [], []
    for char in unicodedata.normalize("NFC", user_text) + " ":
        if char.isalnum() or unicodedata.category(char)[0] == "M":
            current.append(char)
            continue
        if any(c.isalnum() for c in current):
            words.append("".join(current))
        current = []
    return words


def fts_query(user_text: str) -> str | None:
    """Build an FTS5 MATCH expression: every name token as a prefix (AND), or the whole text
    as a document-number prefix. None when the text has nothing to search for."""
    tokens = fts_words(user_text)
    if not tokens:
        return None
    expr = "(" + " ".join(f'"{t}"*' for t in tokens) + ")"
    ident = identifier_key(user_text).lower()
    if len(tokens) > 1 and len(ident) >= 4:
        expr += f' OR (ident : "{ident}"*)'
    return expr


PERSON_STATUSES = ("present", "in_transit", "discharged", "registered")

_HAS_STAY = "EXISTS (SELECT 1 FROM stay x WHERE x.person_id = p.id AND x.deleted = 0)"
_STATUS_WHERE = {
    "present": "s.id IS NOT NULL AND s.status <> 'pending'",
    "in_transit": "s.id IS NOT NULL AND s.status = 'pending'",
    "discharged": f"s.id IS NULL AND {_HAS_STAY}",
    "registered": f"s.id IS NULL AND NOT {_HAS_STAY}",
}


def _filters(*, center_id: str | None = None, status: str | None = None,
             nationality: str | None = None, need: str | None = None,
             household_id: str | None = None) -> tuple[str, dict[str, object]]:
    """SQL conditions (over ``person p`` and its open stay ``s``) for the list filters."""
    where, params = "", dict[str, object]()
    if center_id:
        where += " AND coalesce(s.center_id, p.center_id) = :center_id"
        params["center_id"] = center_id
    if status:
        if status not in _STATUS_WHERE:
            raise ValueError(f"unknown person status {status!r}")
        where += f" AND {_STATUS_WHERE[status]}"
    if nationality:
        where += " AND p.nationality = :nationality"
        params["nationality"] = nationality.upper()
    if need:
        where += (" AND EXISTS (SELECT 1 FROM json_each(p.specific_needs) n"
                  " WHERE n.value = :need)")
        params["need"] = need
    if household_id:
        where += " AND p.household_id = :household_id"
        params["household_id"] = household_id
    return where, params


def find_people(*, session: Session, text_query: str | None = None,
                center_id: str | None = None, status: str | None = None,
                nationality: str | None = None, need: str | None = None,
                household_id: str | None = None, before_rowid: int | None = None,
                limit: int = 200, person_ids: Collection[str] | None = None,
                ) -> list[PersonRow]:
    """People, newest registered first. With ``text_query``: full-text match on names, folio, CURP,
    RFC and document numbers (case- and accent-insensitive, prefixes), newest first.
    The filters (center, status as in :data:`PERSON_STATUSES`, nationality, one
    specific-needs code, household) narrow either list. ``before_rowid`` (a
    :attr:`PersonRow.list_key`) pages through the list without text (keyset pagination),
    filtered or not. ``person_ids``: only those people (the lines a write changed)."""
    where, params = _filters(center_id=center_id, status=status, nationality=nationality,
                             need=need, household_id=household_id)
    params["limit"] = limit
    if person_ids is not None:
        ids = sorted(person_ids)
        if not ids:
            return []
        names = [f"pid{i}" for i in range(len(ids))]
        where += f" AND p.id IN ({', '.join(':' + n for n in names)})"
        params.update(zip(names, ids))
    if text_query is not None and text_query.strip():
        match = fts_query(text_query)
        if match is None:
            return []
        params["match"] = match
        # CROSS JOIN keeps the order of the tables: the index first, then each person.
        source = ("person_fts f CROSS JOIN person_key k ON k.n = f.rowid"
                  " CROSS JOIN person p ON p.id = k.person_id")
        where += " AND person_fts MATCH :match"
        # Newest first, like the unfiltered list: FTS5 walks its index in key order and
        # stops at the limit, where ordering by bm25 rank would score every match first
        # (p95 55 ms against 10 ms on 100,000 people, bench/bench_foundation.py).
        order = "ORDER BY f.rowid DESC"
    else:
        source = "person_key k CROSS JOIN person p ON p.id = k.person_id"
        if before_rowid is not None:
            where += " AND k.n < :before"
            params["before"] = before_rowid
        order = "ORDER BY k.n DESC"
    sql = _SELECT_PEOPLE.format(source=source, where=where, order=order)
    return [_row(r) for r in session.connection().execute(text(sql), params)]


def find_person_by_folio(*, session: Session, folio: str) -> str | None:
    row = session.connection().execute(
        text("SELECT id FROM person WHERE folio = :f AND deleted = 0"),
        {"f": folio.strip().upper()}).first()
    return row[0] if row else None


# The live people through their partial index (schema v11): without INDEXED BY the planner
# may walk ix_person_merged_into_id and read every person row to check ``deleted``.
LIVE_PEOPLE = ("person INDEXED BY ix_person_live WHERE deleted = 0"
               " AND merged_into_id IS NULL")


def count_people(*, session: Session, center_id: str | None = None,
                 status: str | None = None, nationality: str | None = None,
                 need: str | None = None, household_id: str | None = None) -> int:
    """How many people the list shows, with the same filters as :func:`find_people`."""
    where, params = _filters(center_id=center_id, status=status, nationality=nationality,
                             need=need, household_id=household_id)
    if not where:
        return session.connection().execute(text(
            f"SELECT count(*) FROM {LIVE_PEOPLE}")).scalar_one()
    sql = ("SELECT count(*) FROM person p LEFT JOIN stay s ON s.person_id = p.id"
           " AND s.check_out IS NULL AND s.deleted = 0"
           f" WHERE p.deleted = 0 AND p.merged_into_id IS NULL {where}")
    return session.connection().execute(text(sql), params).scalar_one()


def next_folio_number(*, session: Session, prefix: str) -> int:
    """Next free number for folios ``<prefix>NNNNNN`` (prefix like 'MXL-03-')."""
    last = session.connection().execute(
        text("SELECT max(folio) FROM person WHERE folio >= :lo AND folio < :hi"),
        {"lo": prefix, "hi": prefix + "\uffff"}).scalar_one()
    return int(last[len(prefix):]) + 1 if last else 1


# Stays counted by :func:`owners_with_stays`: (condition over ``stay s``, the index that
# answers it; INDEXED BY because the planner, with or without ANALYZE, may otherwise pick an
# index that reads every stay row).
_LIVE = ("s.deleted = 0", "ix_stay_live_person")
_OPEN = ("s.check_out IS NULL AND s.deleted = 0", "ix_stay_open_person")
_PRESENT = ("s.check_out IS NULL AND s.deleted = 0 AND s.status <> 'pending'",
            "ix_stay_open_person")


def owners_with_stays(conn, stays: tuple[str, str]) -> int:
    """How many people have a stay matching ``stays`` (one of ``_LIVE``, ``_OPEN``,
    ``_PRESENT``), a confirmed duplicate's stays counting for the person it is linked to
    (``merged_into_id``).

    Answered from the stay index on ``person_id`` alone (no join of every stay to its person
    by text id): the people with such stays, minus the linked duplicates among them, plus
    the people they are linked to that were not counted yet. Linked duplicates are few and
    found through ``ix_person_merged_into_id``. A stay whose person has not arrived yet (a
    sync orphan) counts as its person_id."""
    stay_where, index = stays
    direct = conn.execute(text(
        f"SELECT count(*) FROM (SELECT DISTINCT s.person_id FROM stay s INDEXED BY {index}"
        f" WHERE {stay_where})")).scalar_one()
    has_stay = f"EXISTS (SELECT 1 FROM stay s WHERE s.person_id = {{who}} AND {stay_where})"
    linked, targets = conn.execute(text(f"""
        SELECT count(*), count(DISTINCT CASE WHEN NOT ({has_stay.format(who="m.merged_into_id")}
                                          AND t.merged_into_id IS NULL)
                                     THEN m.merged_into_id END)
        FROM person m INDEXED BY ix_person_merged_into_id
        LEFT JOIN person t ON t.id = m.merged_into_id
        WHERE m.merged_into_id IS NOT NULL AND {has_stay.format(who="m.id")}""")).one()
    return direct - linked + targets


def stats(*, session: Session) -> dict[str, object]:
    """Headline numbers of the database for ``albergue stats``."""
    conn = session.connection()
    q = lambda sql: conn.execute(text(sql)).scalar_one()  # noqa: E731
    by_center = conn.execute(text("""
        SELECT c.code, c.name,
               (SELECT count(*) FROM stay s WHERE s.center_id = c.id AND s.check_out IS NULL
                  AND s.deleted = 0 AND s.status <> 'pending') AS present,
               (SELECT count(*) FROM bed b WHERE b.center_id = c.id AND b.deleted = 0) AS beds,
               (SELECT count(*) FROM bed b WHERE b.center_id = c.id AND b.deleted = 0
                  AND b.status <> 'out_of_service' AND NOT EXISTS (SELECT 1 FROM stay s
                  WHERE s.bed_id = b.id AND s.check_out IS NULL AND s.deleted = 0)) AS free_beds
        FROM center c WHERE c.deleted = 0 ORDER BY c.code""")).all()
    return {
        "people": q(f"SELECT count(*) FROM {LIVE_PEOPLE}"),
        "households": q("SELECT count(*) FROM household WHERE deleted = 0"),
        # people, not stays: a confirmed duplicate's stays count for the person it is linked to
        "present": owners_with_stays(conn, _PRESENT),
        "discharged": owners_with_stays(conn, _LIVE) - owners_with_stays(conn, _OPEN),
        "documents": q("SELECT count(*) FROM identity_document WHERE deleted = 0"),
        "centers": [dict(code=r.code, name=r.name, present=r.present, beds=r.beds,
                         free_beds=r.free_beds) for r in by_center],
    }
