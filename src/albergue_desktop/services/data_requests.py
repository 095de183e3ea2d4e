"""A person's request to see their data (ARCO "access", LGPDPPSO art. 44): everything this
file holds about the person, section by section, for the staff who answer data-protection
requests (``Permission.DATA_REQUESTS``). Health, mental health and protection sections are
shown only to a role that may see them; the others are named as withheld (the health or
protection staff print them). Every answer is an audited read (access_log ``print``).
Corrections (art. 45) go through the ordinary edit of the record (people.update_person: the
audit keeps the old and new values); erasure (art. 46) is services/erasure.py.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from albergue_sync.rules import HEALTH_TABLES, PROTECTION_TABLES
from sqlalchemy import text

from ..domain.errors import NotFoundError, RuleViolation
from ..domain.permissions import Permission, visible_needs
from ..storage.db import Database
from . import access_log
from .context import Actor

# Columns never printed: the file's bookkeeping and links (ids mean nothing to the person).
HIDDEN = frozenset({"id", "site_id", "hlc", "change_seq", "vv", "fv", "search_key",
                    "person_id", "deleted", "deleted_at", "deleted_by", "delete_reason",
                    "created_by", "updated_at", "updated_by", "merged_into_id",
                    "household_id", "center_id", "corrects_id", "erased_at", "erased_by"})
# Sections in print order: table -> the column that names the person.
SECTIONS: dict[str, str] = {
    "identity_document": "person_id", "stay": "person_id", "person_photo": "person_id",
    "vaccination": "person_id", "screening": "person_id", "consultation": "person_id",
    "referral": "person_id", "pregnancy_visit": "person_id", "birth": "person_id",
    "mental_health_note": "person_id", "allergy": "person_id", "dispensing": "person_id",
    "discharge": "person_id", "work_paperwork": "person_id", "job_placement": "person_id",
    "school_enrollment": "person_id", "inea_enrollment": "person_id",
    "spanish_attendance": "person_id", "asylum_application": "person_id",
    "protection_referral": "person_id",
}


@dataclass
class AccessReport:
    person: dict[str, Any]
    sections: list[tuple[str, list[dict[str, Any]]]] = field(default_factory=list)
    withheld: list[str] = field(default_factory=list)


def _may_see(actor: Actor, table: str) -> bool:
    if table == "mental_health_note":
        return actor.can(Permission.MENTAL_HEALTH)
    if table in PROTECTION_TABLES:
        return actor.can(Permission.PROTECTION)
    if table in HEALTH_TABLES:
        return actor.can(Permission.VIEW_HEALTH)
    return True


def _shown(row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for key, value in row.items():
        if key in HIDDEN or value in (None, "", "[]", "{}"):
            continue
        if isinstance(value, bytes):
            value = f"[{len(value)} bytes]"
        out[key] = value
    return out


def access_report(db: Database, actor: Actor, person_id: str) -> AccessReport:
    """What this file holds about the person, as the actor may show it. Audited."""
    actor.require(Permission.DATA_REQUESTS)
    with db.session(actor.username) as session:
        conn = session.connection()
        found = conn.execute(text("SELECT * FROM person WHERE id = :p"),
                             {"p": person_id}).mappings().first()
        if found is None:
            raise NotFoundError("person", person_id)
        person = dict(found)
        if person.get("erased_at"):
            raise RuleViolation("This person's data were erased.")
        needs = json.loads(person.get("specific_needs") or "[]")
        person["specific_needs"] = json.dumps(visible_needs(actor.role, needs))
        report = AccessReport(_shown(person))
        tables = {r[0] for r in conn.execute(text(
            "SELECT name FROM sqlite_master WHERE type = 'table'"))}
        for table, column in SECTIONS.items():
            if table not in tables:
                continue
            rows = [dict(r) for r in conn.execute(text(
                f"SELECT * FROM {table} WHERE {column} = :p AND deleted = 0 "
                f"ORDER BY created_at"), {"p": person_id}).mappings()]
            if rows and _may_see(actor, table):
                report.sections.append((table, [_shown(r) for r in rows]))
        # named whether or not there are rows: the list itself must not tell that a person
        # has health or protection records to someone who may not know it
        if not actor.can(Permission.VIEW_HEALTH) or not actor.can(Permission.MENTAL_HEALTH):
            report.withheld.append("health")
        if not actor.can(Permission.PROTECTION):
            report.withheld.append("protection")
        access_log.note(session, actor, access_log.PRINT, table_name="person",
                        row_id=person_id, report="data_access",
                        sections=len(report.sections), withheld=len(report.withheld))
    return report
