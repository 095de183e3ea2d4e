"""Fixtures of the report screens: center 03 (Dormitorio A, 10 cots, from the root
``center`` fixture) with the Joseph household of three and Wilner Pierre in beds, plus
Dieu-Nés Louis-Jeune present without a bed; center 05 with one more area."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from factories import member
from sqlmodel import select

from albergue_desktop.services import centers, people, stays
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage.tables import Bed
from albergue_desktop.ui.tasks import TaskManager


@pytest.fixture
def tasks(qapp):
    manager = TaskManager()
    yield manager
    manager.shutdown()


@dataclass
class World:
    db: object
    center_id: str
    other_id: str
    folios: dict[str, str]
    present: list[str]  # full names as printed, of the people present


@pytest.fixture
def world(db, center) -> World:
    other = centers.create_center(db, SYSTEM, code="05", name="Centro Deportivo Ñiño")
    area = centers.create_area(db, SYSTEM, center_id=other.id, name="Dormitorio General")
    centers.add_beds(db, SYSTEM, area_id=area.id, count=2, prefix="G")
    with db.session() as s:
        beds = sorted(b.id for b in s.exec(select(Bed).where(Bed.center_id == center.id)))
    joseph = people.register_household(db, SYSTEM, center_id=center.id, members=[
        member("Marie-Claude", "Joseph", "F", date(1988, 4, 2)),
        member("Jean-Baptiste", "Joseph", "M", date(1986, 9, 12), "spouse"),
        member("Rose-Thérèse", "Joseph", "F", date(2016, 1, 30), "child")])
    wilner = people.register_household(db, SYSTEM, center_id=center.id, members=[
        member("Wilner", "Pierre", "M", date(1979, 11, 5))])
    dieu = people.register_household(db, SYSTEM, center_id=center.id, members=[
        member("Dieu-Nés", "Louis-Jeune", "M", date(2001, 6, 6))])
    for pid, bed in zip([*joseph.person_ids, *wilner.person_ids], beds):
        stays.check_in(db, SYSTEM, person_id=pid, center_id=center.id, bed_id=bed)
    stays.check_in(db, SYSTEM, person_id=dieu.person_ids[0], center_id=center.id)
    folios = dict(zip(["marie", "jean", "rose"], joseph.folios))
    folios["wilner"], folios["dieu"] = wilner.folios[0], dieu.folios[0]
    return World(db, center.id, other.id, folios,
                 ["Marie-Claude JOSEPH", "Jean-Baptiste JOSEPH", "Rose-Thérèse JOSEPH",
                  "Wilner PIERRE", "Dieu-Nés LOUIS-JEUNE"])
