"""Fixtures for the report tests (imported by the test modules; a second conftest.py
would shadow the root one for ``from factories import member``).

A small shelter world built through the services, with known totals for the reports.

Day D = 2022-01-15 (Mexicali, UTC-8). Center 03 ends the day with six people (the Joseph
household of four, Wilner Pierre in isolation, Dieu-Nés Louis-Jeune who arrived that day),
after Guerline François was transferred to center 05 and Frantz Désir left for housing.
Center 05 ends it with two (Guerline, and Mackenson Jean without a bed).
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import select

from albergue_desktop.services import centers, people, stays
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.services.people import MemberInput
from albergue_desktop.storage.tables import Bed, VaccinationBase

TZ = timezone(timedelta(hours=-8))
DAY = date(2022, 1, 15)


def member(given, surnames, sex, birth, relationship=None, **extra) -> MemberInput:
    return MemberInput(given_names=given, surnames=surnames, sex=sex, birth_date=birth,
                       relationship=relationship, nationality="HT", **extra)


def at(day_offset: int, hour: int = 12) -> datetime:
    """Local time on day D + offset."""
    return datetime(2022, 1, 15, hour, tzinfo=TZ) + timedelta(days=day_offset)


@dataclass
class World:
    c3: object
    c5: object
    beds: dict[str, str] = field(default_factory=dict)  # code -> id
    people: dict[str, str] = field(default_factory=dict)  # short name -> id
    folios: dict[str, str] = field(default_factory=dict)


def _register(db, world, center_id, *members, names):
    reg = people.register_household(db, SYSTEM, center_id=center_id, members=list(members))
    for name, pid, folio in zip(names, reg.person_ids, reg.folios):
        world.people[name], world.folios[name] = pid, folio
    return reg


def _stay(db, world, name, center, bed=None, when=None):
    stays.check_in(db, SYSTEM, person_id=world.people[name], center_id=center.id,
                   bed_id=world.beds[bed] if bed else None, when=when)


@pytest.fixture
def world(db, center) -> World:
    c5 = centers.create_center(db, SYSTEM, code="05", name="Centro Deportivo Ñiño")
    w = World(center, c5)
    with db.session() as s:
        for bed in s.exec(select(Bed).where(Bed.center_id == center.id)):
            w.beds[bed.code] = bed.id
    iso = centers.create_area(db, SYSTEM, center_id=center.id, name="Aislamiento",
                              segment="isolation", area_m2=20)
    for b in centers.add_beds(db, SYSTEM, area_id=iso.id, count=2, prefix="AIS"):
        w.beds[b.code] = b.id
    general = centers.create_area(db, SYSTEM, center_id=c5.id, name="Dormitorio General")
    for b in centers.add_beds(db, SYSTEM, area_id=general.id, count=4, prefix="G"):
        w.beds[b.code] = b.id
    with db.session("admin") as s:
        bed = s.get(Bed, w.beds["A-10"])
        bed.status, bed.block_reason = "out_of_service", "Catre roto"

    _register(db, w, center.id,
              member("Marie-Claude", "Joseph", "F", date(1990, 5, 1), "head",
                     vaccinations=[VaccinationBase(vaccine="COVID-19", brand="Pfizer", dose=1,
                                                   date=date(2021, 12, 20), lot="FK5127")]),
              member("Jean-Baptiste", "Saint-Vil", "M", date(1988, 8, 20), "spouse"),
              member("Anne-Sophie", "Joseph", "F", date(2018, 3, 10), "child"),
              member("Ti-Jean", "Joseph", "M", date(2012, 7, 1), "child"),
              names=["marie", "jean", "anne", "tijean"])
    _register(db, w, center.id, member("Wilner", "Pierre", "M", date(1960, 2, 2),
                                       specific_needs=["SM-CI", "ER-NF"]), names=["wilner"])
    _register(db, w, center.id, member("Dieu-Nés", "Louis-Jeune", "F", date(2005, 6, 1),
                                       "head", specific_needs=["SC-UC"]),
              names=["dieunes"])
    _register(db, w, center.id, member("Guerline", "François", "F", date(1995, 11, 30)),
              names=["guerline"])
    _register(db, w, center.id, member("Frantz", "Désir", "M", date(1980, 1, 1),
                                       rfc="DESF800101AB1"), names=["frantz"])
    _register(db, w, center.id, member("Rose-Merline", "Étienne", "F", date(1999, 4, 4)),
              names=["rose"])
    _register(db, w, center.id, member("Jacques", "Noël", "M", date(1970, 9, 9)),
              names=["jacques"])
    _register(db, w, c5.id, member("Mackenson", "Jean", "M", date(1992, 12, 12)),
              names=["mackenson"])

    for name, bed in (("marie", "A-01"), ("jean", "A-02"), ("anne", "A-03"), ("tijean", "A-04")):
        _stay(db, w, name, center, bed, at(-3))
    _stay(db, w, "wilner", center, "AIS-01", at(-1))
    _stay(db, w, "dieunes", center, "A-05", at(0, 10))
    _stay(db, w, "guerline", center, "A-06", at(-5))
    stays.transfer(db, SYSTEM, person_id=w.people["guerline"], to_center_id=c5.id,
                   bed_id=w.beds["G-01"], when=at(0, 9))
    _stay(db, w, "frantz", center, "A-07", at(-4))
    stays.check_out(db, SYSTEM, person_id=w.people["frantz"], reason="housing", when=at(0, 15))
    _stay(db, w, "rose", center, "A-08", at(-10))
    stays.check_out(db, SYSTEM, person_id=w.people["rose"], reason="housing", when=at(-2))
    _stay(db, w, "mackenson", c5, None, at(-1))
    return w


@pytest.fixture
def health_actor():
    return Actor(username="salud1", role="salud")


@pytest.fixture
def coordinator():
    return Actor(username="coord1", role="coordinacion")


def pdf_text(path: Path) -> list[str]:
    """Text of each page, with runs of blanks collapsed."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages]


def render_png(pdf: Path, out_dir: Path, *, first: int = 1, last: int = 1) -> list[Path]:
    """Render pages to PNG (pdftoppm, 60 dpi) to look at them; skipped without poppler."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed")
    prefix = out_dir / pdf.stem
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", str(first), "-l", str(last),
                    str(pdf), str(prefix)], check=True)
    return sorted(out_dir.glob(f"{pdf.stem}*.png"))
