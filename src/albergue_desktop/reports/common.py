"""Helpers shared by the reports: who printed, which center, what a role may see, age
groups and segment names."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, tzinfo

from sqlalchemy import text

from ..domain.errors import RuleViolation
from ..domain.i18n import translate as _
from ..domain import clock, permissions
from ..domain.permissions import Permission
from ..domain.validation import age_on
from ..services.centers import find_center
from ..services.context import Actor
from ..storage.census_queries import AGE_GROUPS, UNKNOWN_AGE, age_group  # noqa: F401
from ..storage.db import Database

ADULT_AGE = 18

SEGMENTS = {  # area segment / center profile code -> English source label
    "families": "Families",
    "single_men": "Single men",
    "women_children": "Women with children",
    "maternity": "Maternity",
    "isolation": "Respiratory isolation",
    "chronic_care": "Chronic care",
    "quarantine": "Family quarantine room",
}


CENTER_STATUS = {"preparing": "Preparing", "open": "Open", "closing": "Closing",
                 "closed": "Closed and restored"}


def center_status_label(code: str | None) -> str:
    return _(CENTER_STATUS[code]) if code in CENTER_STATUS else (code or "")


def segment_label(code: str | None) -> str:
    if code is None:
        return _("No bed assigned")
    return _(SEGMENTS[code]) if code in SEGMENTS else code


def can_see_health(actor: Actor) -> bool:
    return actor.can(Permission.VIEW_HEALTH)


def visible_needs(needs: Iterable[str], *, role: str) -> list[str]:
    """Specific-need codes to print for ``role``: health and protection codes only for the
    roles with the permission (domain/permissions.py, docs/sensitive-data.md)."""
    return permissions.visible_needs(role, needs)


RESTRICTED_AREA = "Reserved area"


def area_label(name: str | None, segment: str | None, *, role: str) -> tuple[str, str]:
    """(area name, segment label) to print for ``role``. An area whose segment or name tells
    a condition (maternity, chronic care, isolation: permissions.reveals_condition) is named
    generically for roles that may not view health data."""
    if name is not None and not permissions.allows(role, Permission.VIEW_HEALTH) \
            and permissions.reveals_condition(name, segment):
        return _(RESTRICTED_AREA), _(RESTRICTED_AREA)
    return name or "", segment_label(segment)


def segment_columns(segments: Iterable[str | None], *, role: str,
                    ) -> list[tuple[str, list[str | None]]]:
    """Columns of a count by segment: (header, segments summed in it). For a role that may
    not view health data the segments that reveal a condition are one "Reserved area"
    column: with the roster's generic area names, a count of 1 in "isolation" would name
    the person."""
    health = permissions.allows(role, Permission.VIEW_HEALTH)
    columns: list[tuple[str, list[str | None]]] = []
    reserved: list[str | None] = []
    for segment in segments:
        if not health and segment in permissions.CONDITION_SEGMENTS:
            if not reserved:
                columns.append((_(RESTRICTED_AREA), reserved))
            reserved.append(segment)
        else:
            columns.append((segment_label(segment), [segment]))
    return columns


def restriction_note(role: str) -> str:
    """The footnote of a document printed by ``role``: what was left out, or that it is
    confidential."""
    health = permissions.allows(role, Permission.VIEW_HEALTH)
    protection = permissions.allows(role, Permission.PROTECTION)
    if health and protection:
        return _("Includes medical and protection data: confidential document.")
    if health:
        return _("Includes medical data: confidential document. Protection-sensitive codes "
                 "left out.")
    if protection:
        return _("Includes protection-sensitive codes: confidential document. Medical data "
                 "left out: the role {role} may not view health data.", role=role)
    return _("Medical data left out: the role {role} may not view health data.", role=role)


def age_text(birth: date | None, estimated: bool, on: date) -> str:
    if birth is None:
        return ""
    return f"{'~' if estimated else ''}{age_on(birth, on)}"


def local_tz() -> tzinfo:
    """The program's time zone (domain.clock.program_tz), not the laptop's."""
    return clock.program_tz()


def printed_by(db: Database, actor: Actor) -> str:
    """'Full Name (username)' when the user exists in this file, else the username."""
    with db.read_session() as session:
        row = session.connection().execute(text(
            "SELECT full_name FROM app_user WHERE username = :u"), {"u": actor.username}).first()
    if row and row[0] and row[0] != actor.username:
        return f"{row[0]} ({actor.username})"
    return actor.username


def resolve_center(db: Database, code_or_id: str | None) -> tuple[str | None, str]:
    """(center id, header label) for a center code or id; (None, "All centers") for None."""
    if not code_or_id:
        return None, _("All centers")
    with db.read_session() as session:
        center = find_center(session, code_or_id)
        if center is None or center.deleted:
            raise RuleViolation("There is no center with the code {code} in this file.",
                                code=code_or_id)
        return center.id, f"{center.code} · {center.name}"
