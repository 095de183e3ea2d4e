"""Read-only row streams for the supervisor's spreadsheet export: one query per entity,
rows in a stable order, raw stored values (dates as text; the export converts them).

Rows are streamed from the cursor, never loaded whole, so 100,000 people export in
constant memory. Deleted rows and records merged into another are left out."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterator

from sqlalchemy.orm import Session

_LIVE_PERSON = "p.deleted = 0 AND p.merged_into_id IS NULL"
# Rows of a confirmed duplicate (``x``) are listed under the person it is linked to (``p``).
_OWNER = "JOIN person p ON p.id = coalesce(x.merged_into_id, x.id)"


def _stream(session: Session, sql: str, params: dict | None = None) -> Iterator[tuple]:
    """Rows as named tuples, fetched in batches straight from the driver's cursor (on the
    session's connection and transaction): for hundreds of thousands of rows SQLAlchemy's
    per-row processing would cost more than writing the cells."""
    cursor = session.connection().connection.cursor()
    try:
        cursor.execute(sql, params or {})
        row = namedtuple("Row", [d[0] for d in cursor.description])  # type: ignore[misc]
        while batch := cursor.fetchmany(2000):
            yield from map(row._make, batch)
    finally:
        cursor.close()


def centers(*, session: Session) -> Iterator[tuple]:
    return _stream(session, """
        SELECT c.code, c.name, c.city_prefix, c.address, c.status, c.profile, c.daily_capacity,
               c.has_medical_care,
               (SELECT count(*) FROM area a WHERE a.center_id = c.id AND a.deleted = 0) AS areas,
               (SELECT count(*) FROM bed b WHERE b.center_id = c.id AND b.deleted = 0) AS beds,
               (SELECT count(*) FROM stay s WHERE s.center_id = c.id AND s.deleted = 0
                  AND s.check_out IS NULL AND s.status <> 'pending') AS present
        FROM center c WHERE c.deleted = 0 ORDER BY c.code""")


def households(*, session: Session) -> Iterator[tuple]:
    return _stream(session, """
        SELECT hp.folio AS head_folio, hp.given_names AS head_given, hp.surnames AS head_surnames,
               c.code AS center_code,
               (SELECT count(*) FROM person m WHERE m.household_id = h.id
                AND m.deleted = 0) AS size, h.couple_civil_status, h.address, h.notes,
               h.created_at
        FROM household h LEFT JOIN person hp ON hp.id = h.head_person_id
        LEFT JOIN center c ON c.id = h.center_id
        WHERE h.deleted = 0 ORDER BY hp.folio""")


def people(*, session: Session) -> Iterator[tuple]:
    return _stream(session, f"""
        SELECT p.folio, p.given_names, p.surnames, p.document_name, p.sex, p.birth_date,
               p.birth_date_estimated, p.age_in_doubt, p.nationality, p.country_of_birth,
               p.civil_status,
               p.relationship, hp.folio AS household_folio, coalesce(sc.code, rc.code) AS center,
               b.code AS bed,
               CASE WHEN s.id IS NOT NULL AND s.status = 'pending' THEN 'in_transit'
                    WHEN s.id IS NOT NULL THEN 'present'
                    WHEN EXISTS (SELECT 1 FROM stay x WHERE x.person_id = p.id
                                   AND x.deleted = 0) THEN 'discharged'
                    ELSE 'registered' END AS status,
               p.phone, p.migratory_status, p.migratory_status_from, p.migratory_status_until,
               p.curp, p.rfc, p.specific_needs, p.arrival_date, p.created_at
        FROM person p
        LEFT JOIN household h ON h.id = p.household_id
        LEFT JOIN person hp ON hp.id = h.head_person_id
        LEFT JOIN stay s ON s.person_id = p.id AND s.check_out IS NULL AND s.deleted = 0
        LEFT JOIN bed b ON b.id = s.bed_id
        LEFT JOIN center sc ON sc.id = s.center_id
        LEFT JOIN center rc ON rc.id = p.center_id
        WHERE {_LIVE_PERSON} ORDER BY p.folio""")


def documents(*, session: Session) -> Iterator[tuple]:
    return _stream(session, f"""
        SELECT p.folio, p.given_names, p.surnames, d.doc_type, d.number, d.issuing_country,
               d.issue_date, d.expiry_date
        FROM identity_document d JOIN person x ON x.id = d.person_id {_OWNER}
        WHERE d.deleted = 0 AND x.deleted = 0 AND {_LIVE_PERSON} ORDER BY p.folio, d.doc_type""")


def stays(*, session: Session) -> Iterator[tuple]:
    return _stream(session, f"""
        SELECT p.folio, p.given_names, p.surnames, c.code AS center, a.name AS area,
               a.segment AS area_segment, b.code AS bed, s.check_in, s.check_out, s.reason,
               s.destination, s.notes
        FROM stay s JOIN person x ON x.id = s.person_id {_OWNER}
        JOIN center c ON c.id = s.center_id
        LEFT JOIN bed b ON b.id = s.bed_id LEFT JOIN area a ON a.id = b.area_id
        WHERE s.deleted = 0 AND x.deleted = 0 AND {_LIVE_PERSON}
        ORDER BY p.folio, s.check_in""")


def vaccinations(*, session: Session) -> Iterator[tuple]:
    """Health data: only for roles that may view it (the caller checks)."""
    return _stream(session, f"""
        SELECT p.folio, p.given_names, p.surnames, v.vaccine, v.brand, v.dose, v.date, v.lot,
               v.place
        FROM vaccination v JOIN person x ON x.id = v.person_id {_OWNER}
        WHERE v.deleted = 0 AND x.deleted = 0 AND {_LIVE_PERSON} ORDER BY p.folio, v.date""")
