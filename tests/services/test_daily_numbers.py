"""Daily numbers of a center for a local day: present at the end of the day, arrivals and
departures (transfers included and counted), by sex, age group and segment; beds; pending
arrivals neither present nor arrivals; day bounds in the shelter's time zone."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from factories import member
from sqlmodel import select

from albergue_desktop.domain.errors import NotFoundError, PermissionDenied
from albergue_desktop.services import beds, census, centers, people, stays
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.tables import Bed

MEXICALI = timezone(timedelta(hours=-8))  # PST, the winter of 2021-2022
D = date(2022, 1, 12)
COORD = Actor("coord", "coordinacion")


def at(day_offset: int, hour: int, minute: int = 0) -> datetime:
    local = datetime(D.year, D.month, D.day, hour, minute, tzinfo=MEXICALI)
    return local + timedelta(days=day_offset)


@pytest.fixture
def scene(db, center):
    """Center 03 (10 cots + 2 isolation beds, one cot blocked) and center 05; people moving
    around day D (see each line)."""
    other = centers.create_center(db, SYSTEM, code="5", name="Centro 5")
    iso = centers.create_area(db, SYSTEM, center_id=center.id, name="Aislamiento",
                              segment="isolation")
    centers.add_beds(db, SYSTEM, area_id=iso.id, count=2)
    with db.session() as s:
        bed = {b.code: b.id for b in s.exec(select(Bed).where(Bed.center_id == center.id))}
    beds.block_bed(db, SYSTEM, bed["A-10"], reason="Roto")
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=[
        member("Marie", "Joseph", "F", date(1990, 5, 1)),
        member("Jean", "Joseph", "M", date(1985, 2, 2), "spouse"),
        member("Roseline", "Joseph", "F", date(2019, 8, 8), "child"),
        member("Jacques", "Joseph", "M", date(1955, 3, 3), "other_relative"),
        member("Kervens", "Joseph", "M", date(2007, 7, 7), "child"),
        member("Nadia", "Joseph", "F", date(2000, 1, 1), "other_relative"),
        member("Wilner", "Joseph", "M", date(1995, 9, 9), "other_relative"),
        member("Frantz", "Joseph", "M", date(1980, 4, 4), "other_relative")])
    p = dict(zip("ABCDEFGH", reg.person_ids))
    c3, c5 = center.id, other.id
    stays.check_in(db, SYSTEM, person_id=p["A"], center_id=c3, bed_id=bed["A-01"],
                   when=at(-2, 12))                                  # present all day
    stays.check_in(db, SYSTEM, person_id=p["B"], center_id=c3, bed_id=bed["A-02"],
                   when=at(0, 10))                                   # arrives on D
    stays.check_in(db, SYSTEM, person_id=p["C"], center_id=c3, bed_id=bed["A-05"],
                   when=at(-1, 9))
    stays.check_out(db, SYSTEM, person_id=p["C"], reason="housing", when=at(0, 15))  # leaves
    stays.check_in(db, SYSTEM, person_id=p["D"], center_id=c3, bed_id=bed["AIS-01"],
                   when=at(0, 23, 30))                     # late on D: 07:30 UTC on D+1
    stays.check_in(db, SYSTEM, person_id=p["E"], center_id=c5, when=at(-3, 8))
    stays.transfer(db, SYSTEM, person_id=p["E"], to_center_id=c3, bed_id=bed["A-03"],
                   when=at(0, 9))                                    # transferred in
    stays.check_in(db, SYSTEM, person_id=p["F"], center_id=c3, bed_id=bed["A-04"],
                   when=at(-1, 11))
    stays.transfer(db, SYSTEM, person_id=p["F"], to_center_id=c5, when=at(0, 12))  # pending
    stays.check_in(db, SYSTEM, person_id=p["G"], center_id=c3, when=at(-1, 20))  # no bed
    stays.check_in(db, SYSTEM, person_id=p["H"], center_id=c3, bed_id=bed["A-06"],
                   when=at(1, 9))                                    # the next day
    return c3, c5, p


def test_numbers_of_the_day(db, scene):
    c3, _c5, _p = scene
    n = census.daily_numbers(db, COORD, c3, D, tz=MEXICALI)
    assert (n.code, n.day) == ("03", D)
    assert n.present.total == 5                                   # A, B, D, E, G
    assert n.present.by_sex == {"F": 1, "M": 4}
    assert n.present.by_age == {"18-59": 3, "60+": 1, "12-17": 1}
    assert n.present.by_segment == {"families": 3, "isolation": 1, None: 1}
    assert (n.arrivals.total, n.transfers_in) == (3, 1)          # B, D, E (transfer)
    assert n.arrivals.by_age == {"18-59": 1, "60+": 1, "12-17": 1}
    assert (n.departures.total, n.transfers_out) == (2, 1)       # C, F (transfer)
    assert n.departures.by_age == {"0-4": 1, "18-59": 1}
    assert n.departures.by_sex == {"F": 2}
    assert (n.beds.total, n.beds.blocked, n.beds.occupied, n.free_beds) == (12, 1, 4, 7)
    assert n.expected == 0
    for part in (n.present, n.arrivals, n.departures):
        assert sum(part.by_sex.values()) == sum(part.by_age.values()) == \
            sum(part.by_segment.values()) == part.total


def test_a_pending_arrival_is_expected_not_present(db, scene):
    _c3, c5, p = scene
    n = census.daily_numbers(db, COORD, c5, D, tz=MEXICALI)
    assert (n.present.total, n.arrivals.total, n.expected) == (0, 0, 1)
    assert (n.departures.total, n.transfers_out) == (1, 1)       # E left for center 03
    stays.check_in(db, SYSTEM, person_id=p["F"], center_id=c5, when=at(1, 10))
    arrived = census.daily_numbers(db, COORD, c5, D + timedelta(days=1), tz=MEXICALI)
    assert (arrived.present.total, arrived.arrivals.total, arrived.transfers_in,
            arrived.expected) == (1, 1, 1, 0)
    assert census.daily_numbers(db, COORD, c5, D, tz=MEXICALI).expected == 1  # history kept


def test_other_days_and_time_zones(db, scene):
    c3, _c5, _p = scene
    before = census.daily_numbers(db, COORD, c3, D - timedelta(days=1), tz=MEXICALI)
    assert (before.present.total, before.arrivals.total, before.departures.total) == (4, 3, 0)
    after = census.daily_numbers(db, COORD, c3, D + timedelta(days=1), tz=MEXICALI)
    assert (after.present.total, after.arrivals.total) == (6, 1)   # H arrives
    # in UTC, D's 23:30 arrival (07:30 UTC) falls on the next day, and D-1's 20:00 on D
    utc = census.daily_numbers(db, COORD, c3, D, tz=timezone.utc)
    assert utc.arrivals.total == 3 and utc.arrivals.by_age == {"18-59": 2, "12-17": 1}
    assert utc.present.by_age.get("60+", 0) == 0
    every = census.daily_numbers_all(db, COORD, D, tz=MEXICALI)
    assert [n.code for n in every] == ["03", "05"]
    assert every[0].present == census.daily_numbers(db, COORD, c3, D, tz=MEXICALI).present


def test_roles_and_unknown_centers(db, scene):
    c3, _c5, _p = scene
    assert census.daily_numbers(db, Actor("r", "registro"), c3, D, tz=MEXICALI).present.total == 5
    with pytest.raises(PermissionDenied):
        census.daily_numbers(db, Actor("x", "nobody"), c3, D)
    with pytest.raises(NotFoundError):
        census.daily_numbers(db, COORD, "nope", D)
