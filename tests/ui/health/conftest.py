"""Fixtures of the health screens: a center with a family (a woman, her husband and a
child of three) registered through the services, and a task manager."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from factories import member

from albergue_desktop.services import people
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.ui.tasks import TaskManager

TODAY = date.today()


@pytest.fixture
def tasks(qapp):
    manager = TaskManager()
    yield manager
    manager.shutdown()


@dataclass
class Family:
    household_id: str
    mother: str
    father: str
    child: str  # 3 years old: IITT band 1-4 years


@pytest.fixture
def family(db, center) -> Family:
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=[
        member("Marie-Claude", "Joseph", "F", date(1990, 5, 1)),
        member("Jean-Baptiste", "Joseph", "M", date(1988, 2, 3), "spouse"),
        member("Roseline", "Joseph", "F", TODAY - timedelta(days=3 * 365 + 40), "child")])
    return Family(reg.household_id, *reg.person_ids)
