"""Fixtures of the bed screens: center 03 (Dormitorio A, 10 cots, 70 m²) plus a single-men
dormitory, center 04 to transfer to, a family of three waiting for beds, a woman present in
A-01 and a man present without a bed."""

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
    center_id: str
    other_id: str
    beds: dict[str, str]      # code -> bed id (center 03)
    household: str             # the Pierre family, registered, not lodged
    family: list[str]          # Jean, Marie, Rose Pierre
    present: str               # Nadège, in A-01
    unbedded: str              # Wilner, present without a bed


@pytest.fixture
def world(db, center) -> World:
    men = centers.create_area(db, SYSTEM, center_id=center.id, name="Dormitorio H",
                              segment="single_men", area_m2=14)
    centers.add_beds(db, SYSTEM, area_id=men.id, count=4)
    other = centers.create_center(db, SYSTEM, code="4", name="Centro Comunitario 4")
    area = centers.create_area(db, SYSTEM, center_id=other.id, name="Dormitorio B",
                               area_m2=35)
    centers.add_beds(db, SYSTEM, area_id=area.id, count=4)
    with db.session() as s:
        beds = {b.code: b.id for b in s.exec(select(Bed).where(Bed.center_id == center.id))}
    family = people.register_household(db, SYSTEM, center_id=center.id, members=[
        member("Jean", "Pierre", "M", date(1985, 3, 2)),
        member("Marie", "Pierre", "F", date(1987, 6, 9), "spouse"),
        member("Rose", "Pierre", "F", date(2015, 7, 9), "child")])
    nadege = people.register_household(db, SYSTEM, center_id=center.id, members=[
        member("Nadège", "Saint-Vil", "F", date(1992, 1, 20))]).person_ids[0]
    wilner = people.register_household(db, SYSTEM, center_id=center.id, members=[
        member("Wilner", "Louis", "M", date(1980, 4, 4))]).person_ids[0]
    stays.check_in(db, SYSTEM, person_id=nadege, center_id=center.id, bed_id=beds["A-01"])
    stays.check_in(db, SYSTEM, person_id=wilner, center_id=center.id)
    return World(center.id, other.id, beds, family.household_id, family.person_ids, nadege,
                 wilner)
