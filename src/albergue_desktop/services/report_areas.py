"""The areas a report can be limited to (the bed list of one area), as the actor may see
them: an area whose name or segment reveals a condition (maternity, chronic care, isolation;
domain/permissions.py) is offered as "Reserved area N" to roles without health permission,
like the printed bed list names it."""

from __future__ import annotations

from ..domain.i18n import translate as _
from ..domain.permissions import Permission, reveals_condition
from ..storage.bed_queries import area_rows
from ..storage.db import Database
from .context import Actor


def printable_areas(db: Database, actor: Actor, center_id: str) -> list[tuple[str, str]]:
    """(area id, name to show) of a center's live areas, by name."""
    actor.require(Permission.VIEW_PEOPLE)
    health = actor.can(Permission.VIEW_HEALTH)
    with db.session(actor.username) as session:
        rows = area_rows(session=session, center_id=center_id)
    out, reserved = [], 0
    for area in rows:
        if not health and reveals_condition(area.name, area.segment):
            reserved += 1
            out.append((area.area_id, f"{_('Reserved area')} {reserved}"))
        else:
            out.append((area.area_id, area.name))
    return out
