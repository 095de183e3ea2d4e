"""The bed board of a center: its areas as blocks with their capacity, every bed as a tile
(free, occupied with the occupant and household, blocked with the reason), the people present
without a bed and the pending arrivals of transfers. Read-only; the board assigns, moves and
frees beds through :mod:`.stays` and blocks them through :mod:`.beds`."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..domain.errors import NotFoundError
from ..domain.permissions import Permission
from ..storage import bed_queries as bq
from ..storage.bed_queries import BedTile, Occupant
from ..storage.db import Database
from ..storage.tables import Center
from .beds import AreaCapacity, CenterCapacity, build_capacity, m2_of
from .context import Actor


@dataclass(frozen=True)
class BoardArea:
    capacity: AreaCapacity
    beds: tuple[BedTile, ...]

    @property
    def area_id(self) -> str:
        return self.capacity.area_id

    @property
    def name(self) -> str:
        return self.capacity.name

    @property
    def segment(self) -> str:
        return self.capacity.segment


@dataclass(frozen=True)
class PendingArrival:
    person: Occupant
    from_center: str | None  # name of the center the transfer came from


@dataclass(frozen=True)
class BedBoard:
    center_id: str
    code: str
    name: str
    profile: str
    status: str
    capacity: CenterCapacity
    areas: tuple[BoardArea, ...]
    unbedded: tuple[Occupant, ...]
    pending: tuple[PendingArrival, ...]

    def areas_of(self, segment: str | None) -> tuple[BoardArea, ...]:
        """The areas of one segment (all of them for ``None``): the board's filter."""
        return self.areas if segment is None else tuple(
            a for a in self.areas if a.segment == segment)

    def household_beds(self) -> dict[str, tuple[str, ...]]:
        """Household id -> codes of the beds its members occupy (shown together)."""
        beds: dict[str, list[str]] = defaultdict(list)
        for area in self.areas:
            for tile in area.beds:
                if tile.occupant is not None and tile.occupant.household_id:
                    beds[tile.occupant.household_id].append(tile.code)
        return {k: tuple(v) for k, v in beds.items()}


def bed_board(db: Database, actor: Actor, center_id: str) -> BedBoard:
    """Everything the bed board of ``center_id`` shows, read in one transaction."""
    actor.require(Permission.VIEW_PEOPLE)
    with db.session(actor.username) as session:
        center = session.get(Center, center_id)
        if center is None or center.deleted:
            raise NotFoundError("center", center_id)
        rows = bq.area_rows(session=session, center_id=center_id)
        present, pending_count = bq.center_counts(session=session, center_id=center_id)
        tiles = bq.bed_tiles(session=session, center_id=center_id)
        unbedded = bq.unbedded(session=session, center_id=center_id)
        pending = bq.pending_arrivals(session=session, center_id=center_id)
    capacity = build_capacity(center, rows, present, pending_count, m2_of(center))
    by_area: dict[str, list[BedTile]] = defaultdict(list)
    for tile in tiles:
        by_area[tile.area_id].append(tile)
    areas = tuple(BoardArea(a, tuple(by_area.get(a.area_id, ()))) for a in capacity.areas)
    return BedBoard(center.id, center.code, center.name, center.profile, center.status,
                    capacity, areas, tuple(unbedded),
                    tuple(PendingArrival(p, origin) for p, origin in pending))
