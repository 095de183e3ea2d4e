"""Reads of the people list (browse, search, count) for the screens, through the actor's
permissions: the specific-needs filter offers, and accepts, only the codes the actor may see
(domain/permissions.py), so a restricted code cannot be found out by filtering on it."""

from __future__ import annotations

from collections.abc import Collection

from ..domain.enums import SPECIFIC_NEEDS
from ..domain.permissions import Permission, can_see_need, need_permission
from ..storage import queries
from ..storage.db import Database
from ..storage.queries import PersonRow
from .context import Actor

FILTER_KEYS = frozenset({"center_id", "status", "nationality", "need", "household_id"})


def filterable_needs(actor: Actor) -> list[str]:
    """The specific-needs codes the actor may filter the list by."""
    if not actor.can(Permission.VIEW_PEOPLE):
        return []
    return [code for code in SPECIFIC_NEEDS if can_see_need(actor.role, code)]


def _check(actor: Actor, filters: dict[str, str]) -> None:
    actor.require(Permission.VIEW_PEOPLE)
    unknown = set(filters) - FILTER_KEYS
    if unknown:
        raise TypeError(f"unknown people filters {sorted(unknown)}")
    need = filters.get("need")
    if need and not can_see_need(actor.role, need):
        # a count or a list filtered by a code the role may not see would reveal who has it
        permission = need_permission(need)
        assert permission is not None  # a code a role may not see has its permission
        actor.require(permission)


def browse_people(db: Database, actor: Actor, before_rowid: int | None, limit: int,
                  **filters: str) -> list[PersonRow]:
    """A page of the list (newest first), as filtered."""
    _check(actor, filters)
    with db.read_session() as session:
        return queries.find_people(session=session, before_rowid=before_rowid, limit=limit,
                                   **filters)


def search_people(db: Database, actor: Actor, text_query: str, *, limit: int,
                  **filters: str) -> list[PersonRow]:
    _check(actor, filters)
    with db.read_session() as session:
        return queries.find_people(session=session, text_query=text_query, limit=limit,
                                   **filters)  # type: ignore[arg-type]


def count_people(db: Database, actor: Actor, **filters: str) -> int:
    _check(actor, filters)
    with db.read_session() as session:
        return queries.count_people(session=session, **filters)


def people_rows(db: Database, actor: Actor, person_ids: Collection[str],
                **filters: str) -> list[PersonRow]:
    """The lines of these people that the list shows with ``filters`` (after a write that
    names the people it changed)."""
    _check(actor, filters)
    with db.read_session() as session:
        return queries.find_people(session=session, person_ids=person_ids,
                                   limit=max(1, len(person_ids)), **filters)  # type: ignore[arg-type]
