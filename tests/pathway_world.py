"""Shared builders of the exit-pathway tests: a center with a lodged family."""

from __future__ import annotations

from datetime import date, datetime, timezone

from factories import member
from sqlmodel import select

from albergue_desktop.services import people, stays
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage.tables import Bed, Stay

T0 = datetime(2022, 1, 10, 18, 0, tzinfo=timezone.utc)


def lodged_family(db, center_id: str, *, surname: str = "Joseph", when=T0,
                  **head_extra) -> tuple[str, list[str]]:
    """A household of three (head, spouse, child), each checked in with a bed.
    Returns (household id, person ids)."""
    reg = people.register_household(db, SYSTEM, center_id=center_id, members=[
        member("Marie-Claude", surname, **head_extra),
        member("Jean-Baptiste", "Saint-Vil", sex="M", relationship="spouse"),
        member("Roseline", surname, relationship="child", birth=date(2014, 3, 2))])
    with db.session() as s:
        beds = [b.id for b in s.exec(select(Bed).where(Bed.center_id == center_id))]
        taken = {st.bed_id for st in s.exec(select(Stay).where(Stay.check_out == None))}  # noqa: E711
    free = [b for b in beds if b not in taken]
    for pid, bed in zip(reg.person_ids, free, strict=False):
        stays.check_in(db, SYSTEM, person_id=pid, center_id=center_id, bed_id=bed, when=when)
    return reg.household_id, reg.person_ids
