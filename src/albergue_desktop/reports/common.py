"""Helpers shared by the reports: who printed, which center, what a role may see, age
groups and segment names."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, tzinfo

from sqlalchemy import text

from ..domain.errors import RuleViolation
from ..domain.i18n import translate as _
from ..domain.permissions import Permission, is_health_need
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


def visible_needs(needs: Iterable[str], *, health: bool) -> list[str]:
    """Specific-need codes to print: clinical ones (``permissions.is_health_need``) only
    for roles that may view health data."""
    return [n for n in needs if health or not is_health_need(n)]


def age_text(birth: date | None, estimated: bool, on: date) -> str:
    if birth is None:
        return ""
    return f"{'~' if estimated else ''}{age_on(birth, on)}"


def local_tz() -> tzinfo:
    return datetime.now().astimezone().tzinfo


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
