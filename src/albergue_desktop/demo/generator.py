"""``generate_demo``: fill an empty database with a synthetic, plausible population."""

from __future__ import annotations

import dataclasses
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from sqlalchemy import event, text

from ..domain.capacity import sphere_capacity
from ..domain.enums import BedStatus, CenterProfile, Role
from ..domain.errors import RuleViolation
from ..domain import clock
from ..services.centers import create_user, normalize_center_code
from ..services.screening import record_screening
from ..services.context import SYSTEM, Actor
from ..storage.db import Database
from ..storage.tables import Area, Bed, Center, Meta
from . import catalog
from .beds import BLOCK_REASONS, AreaPlan, BedPlanner
from . import followup
from .health import planned_screenings
from .plan import plan_households, plan_stays
from .writer import PeopleRows, RowFactory, insert_people, insert_rows

Progress = Callable[[int, int], None]
CHUNK_HOUSEHOLDS = 2000
DEMO_PASSWORD = "albergue-demo"
DEMO_USERS = (("admin", "Administración (demo)", Role.ADMIN),
              ("registro", "Registro (demo)", Role.INTAKE),
              ("salud", "Salud (demo)", Role.HEALTH),
              ("coordinacion", "Coordinación (demo)", Role.COORDINATOR),
              ("supervision", "Supervisión DIF (demo)", Role.SUPERVISOR),
              ("vinculacion", "Vinculación laboral y vivienda (demo)", Role.PATHWAYS))
DEMO_HEALTH_USER = "salud"
DEMO_COORDINATION_USER = "coordinacion"  # writes the supplies (demo/supplies.py)


@dataclass(frozen=True)
class DemoResult:
    persons: int
    households: int
    centers: int
    beds: int
    present: int
    seconds: float


def _specs(centers: int, center_code: str | None) -> list[catalog.CenterSpec]:
    if center_code is not None:
        code = normalize_center_code(center_code)
        # A lone center takes everyone, so it is a general (families) shelter whatever the
        # profile of that number in the 12-center scenario.
        return [dataclasses.replace(catalog.center_spec(int(code)), code=code,
                                    profile=str(CenterProfile.FAMILIES))]
    if not 1 <= centers <= 999:
        raise ValueError("centers must be between 1 and 999")
    return [catalog.center_spec(n) for n in range(1, centers + 1)]


def generate_demo(db: Database, *, persons: int | None = None,
                  centers: int = catalog.DEFAULT_CENTERS, center_code: str | None = None,
                  seed: int = 0, city_prefix: str = "MXL", users: bool = True,
                  progress: Progress | None = None, to_end: bool = False,
                  home_center: str | None = None) -> DemoResult:
    """Fill the empty database ``db`` with synthetic people.

    By default 12 centers and 2,767 people (the Mexicali 2021-2022 program). With
    ``center_code`` only that center and its people (a center laptop's file; ``persons``
    then defaults to one twelfth of 2,767). The same seed gives the same data (ids and
    timestamps aside). Every person passes the domain validators. ``progress(done, total)``
    is called with the number of people written. Demo users share :data:`DEMO_PASSWORD`.
    With ``to_end`` the program is played to its last day (demo/pathways.py): job bank,
    housing, schooling, everyone discharged by 31 March 2022 and the centers closed.
    With ``home_center`` (a code among the centers) the whole program is written but the
    file is that center's laptop (meta ``center_id``, the demo users belong to it), so
    people can be registered in it; the other centers' people are there as a center laptop
    holds them after pulling the central's changes (docs/demo-data.md).
    """
    started = time.perf_counter()
    specs = _specs(centers, center_code)
    home = None
    if home_center is not None:
        if center_code is not None:
            raise ValueError("home_center is for a demo of several centers")
        wanted = normalize_center_code(home_center)
        home = next((i for i, spec in enumerate(specs) if spec.code == wanted), None)
        if home is None:
            raise ValueError(f"no center {wanted} in this demo")
    if persons is None:
        persons = (catalog.DEFAULT_PERSONS if center_code is None
                   else round(catalog.DEFAULT_PERSONS / catalog.DEFAULT_CENTERS))
    if persons < 1:
        raise ValueError("persons must be at least 1")
    with db.session() as session:
        used = session.connection().execute(text(
            "SELECT (SELECT count(*) FROM center) + (SELECT count(*) FROM person)")).scalar_one()
    if used:
        raise RuleViolation("This database already has data; demo data needs a new, empty file.")

    stored_seed = seed
    if center_code is not None:
        # Each center laptop of a demo gets its own people: the same seed with another
        # center code must not make the same households (they would all look like twins
        # once merged).
        seed = seed * 1000 + int(center_code)
    rng = random.Random(seed)
    households = plan_households(rng, persons)
    plan_stays(rng, households, specs)
    planner = BedPlanner(random.Random(f"beds:{seed}"), len(specs))
    planner.assign(households)
    if progress:
        progress(0, persons)

    center_ids, bed_ids = _write_facilities(db, specs, planner.areas, city_prefix, stored_seed,
                                            own=0 if center_code is not None else home)
    builder = PeopleRows(seed=seed, today=catalog.AS_OF, center_ids=center_ids, bed_ids=bed_ids,
                         prefixes=[f"{city_prefix}-{s.code}-" for s in specs])
    chunks = [households[i:i + CHUNK_HOUSEHOLDS]
              for i in range(0, len(households), CHUNK_HOUSEHOLDS)]
    written = 0
    # Rows of the next chunk are built in a worker thread while SQLite (which releases the
    # GIL) writes the current one; chunks are built in order, so folios stay reproducible.
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo-rows") as pool:
        pending = pool.submit(builder.build, chunks[0])
        for k in range(len(chunks)):
            rows, count = pending.result()
            if k + 1 < len(chunks):
                pending = pool.submit(builder.build, chunks[k + 1])
            with db.session(SYSTEM.username, audit=False) as session:
                insert_people(session, rows)
            written += count
            if progress:
                progress(written, persons)
    with _without_fsync(db):
        _record_screenings(db, households, builder.person_ids, center_ids, seed)
        _write_pharmacy(db, households, builder.person_ids, center_ids, seed)
        from .supplies import write_supplies
        write_supplies(db, households, builder.person_ids, center_ids, seed,
                       DEMO_COORDINATION_USER)
    followup.write(db, followup.build(households, builder.person_ids, center_ids, seed))
    if users:
        single_center = (center_ids[0] if center_code is not None
                         else center_ids[home] if home is not None else None)
        admin = None  # the first user is the administrator who creates the others
        for username, full_name, role in DEMO_USERS:
            user = create_user(db, admin, username=username, full_name=full_name, role=role,
                               password=DEMO_PASSWORD, center_id=single_center)
            admin = admin or Actor(user.username, user.role, single_center)
    present = sum(1 for hh in households for m in hh.members
                  if m.stays and m.stays[-1].check_out is None)
    if to_end:
        from .pathways import play_to_end
        with _without_fsync(db):
            play_to_end(db, seed=seed, persons=written)
        present = 0
    return DemoResult(persons=written, households=len(households), centers=len(specs),
                      beds=sum(len(a.kinds) for a in planner.areas), present=present,
                      seconds=time.perf_counter() - started)


@contextmanager
def _without_fsync(db: Database) -> Iterator[None]:
    """Many small service transactions on a file being generated: skip SQLite's flush to
    disk at each commit (PRAGMA synchronous = OFF on the connections used meanwhile). An
    interrupted generation leaves an incomplete demo either way (``albergue --demo``
    writes a side file and renames it when complete); afterwards the pooled connections
    are closed, so new ones get the normal FULL setting again (storage/db.py)."""
    def off(dbapi_conn, _record, _proxy) -> None:
        dbapi_conn.execute("PRAGMA synchronous = OFF")

    event.listen(db.engine, "checkout", off)
    try:
        yield
    finally:
        event.remove(db.engine, "checkout", off)
        db.engine.dispose()


def _record_screenings(db: Database, households, person_ids: dict[tuple[int, int], str],
                       center_ids: list[str], seed: int) -> int:
    """Record the planned screenings (demo/health.py) through the screening service, as the
    demo health user, so stored results are those of the rule table. Returns how many."""
    nurse = Actor(DEMO_HEALTH_USER, Role.HEALTH)
    count = 0
    for hh in households:
        for planned in planned_screenings(hh, seed):
            record_screening(db, nurse, person_id=person_ids[hh.index, planned.member],
                             screening=planned.screening, symptom_onsets=planned.onsets,
                             when=planned.when, center_id=center_ids[planned.center])
            count += 1
    return count


def _write_pharmacy(db: Database, households, person_ids: dict[tuple[int, int], str],
                    center_ids: list[str], seed: int) -> dict[str, int]:
    """The pharmacy's stock, dispensings, allergies and a vaccination day (demo/pharmacy.py),
    after the screenings (the respiratory suspects get their antipyretic)."""
    from .pharmacy import write_pharmacy
    with db.read_session() as session:
        suspects = {row[0] for row in session.connection().execute(text(
            "SELECT person_id FROM screening WHERE respiratory_screen IN "
            "('positive', 'urgent')"))}
    return write_pharmacy(db, households, person_ids, center_ids, seed, suspects,
                          DEMO_HEALTH_USER)


def _write_facilities(db: Database, specs, areas: list[AreaPlan], city_prefix: str,
                      seed: int, *, own: int | None) -> tuple[list[str], list[list[str]]]:
    centers_f, areas_f, beds_f = RowFactory(Center), RowFactory(Area), RowFactory(Bed)
    center_rows = []
    for i, spec in enumerate(specs):
        capacity = sum(sphere_capacity(a.area_m2, catalog.SPHERE_COLD_M2_PER_PERSON)
                       for a in areas if a.center == i)
        center_rows.append(centers_f(
            code=spec.code, name=spec.name, city_prefix=city_prefix, address=spec.address,
            status="open", profile=spec.profile, daily_capacity=capacity,
            has_medical_care=spec.has_medical_care,
            m2_per_person=catalog.SPHERE_COLD_M2_PER_PERSON))
    center_ids = [r["id"] for r in center_rows]
    area_rows, bed_rows, bed_ids = [], [], []
    for n, area in enumerate(areas):
        row = areas_f(center_id=center_ids[area.center], name=area.name,
                      segment=area.segment, area_m2=area.area_m2)
        area_rows.append(row)
        ids = []
        for b, (kind, status) in enumerate(zip(area.kinds, area.status)):
            bed = beds_f(area_id=row["id"], center_id=row["center_id"], code=area.bed_code(b),
                         kind=kind, status=status,
                         block_reason=BLOCK_REASONS[n % len(BLOCK_REASONS)]
                         if status == BedStatus.OUT_OF_SERVICE else None)
            bed_rows.append(bed)
            ids.append(bed["id"])
        bed_ids.append(ids)
    with db.session(SYSTEM.username, audit=False) as session:
        insert_rows(session, Center, center_rows)
        insert_rows(session, Area, area_rows)
        insert_rows(session, Bed, bed_rows)
        session.merge(Meta(key="demo_seed", value=str(seed)))
        session.merge(Meta(key=clock.AS_OF_META_KEY, value=catalog.AS_OF.isoformat()))
        if own is not None:  # the file of that center's laptop
            session.merge(Meta(key="center_id", value=center_ids[own]))
    return center_ids, bed_ids
