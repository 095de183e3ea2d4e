"""The demo played to the end of the program (31 March 2022): the exit pathways recorded
through their services, at the scale of the program's results (per 2,767 people: about
2,000 formal places activated at job fairs, 900 RFCs, 461 rented homes with two families
each, the DIF as "aval moral", 128 children in basic education, 80 adults certified by INEA,
Spanish classes), then everyone discharged with destination and transport, and the centers
closed. ``generate_demo(..., to_end=True)`` runs it after the people are written.
docs/pathways.md, docs/demo-data.md."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, datetime, time, timedelta, timezone

from sqlalchemy import text
from sqlmodel import select
from stdnum.mx import rfc as stdnum_rfc

from ..domain import clock
from ..domain.enums import Role
from ..domain.normalize import strip_accents
from ..services import discharge, housing, job_matching, jobs, legal, schooling
from ..services.context import Actor
from ..services.discharge import DischargePlan
from ..services.housing import HomeInput
from ..services.jobs import OpeningInput, PaperworkInput
from ..services.legal import AsylumInput
from ..services.schooling import EnrollmentInput
from ..storage.db import Database
from ..storage.tables import Center, Meta
from . import catalog

SCALE = catalog.DEFAULT_PERSONS  # the results below are per this many people
PLACES, RFCS, HOMES, SCHOOL, INEA = 2000, 900, 461, 128, 80
FAIRS = (date(2021, 12, 20), date(2022, 1, 12), date(2022, 1, 28), date(2022, 2, 16),
         date(2022, 3, 4))
SECTORS = ("Manufactura (maquiladora)", "Construcción", "Agroindustria", "Comercio",
           "Servicios de limpieza", "Restaurantes", "Logística")
STREETS = ("Calle Río Mocorito", "Av. Zaragoza", "Calle Novena", "Av. Lerdo", "Calle Cuarta",
           "Av. Reforma", "Calle Tuxtla", "Av. Pioneros", "Calle Durango", "Av. Madero")
COLONIAS = ("Col. Pueblo Nuevo", "Col. Cuauhtémoc", "Col. Nueva", "Col. Independencia",
            "Col. Hidalgo", "Col. Centro Cívico", "Col. Orizaba", "Col. Baja California")
OTHER_CITIES = ("Tijuana, B.C.", "Monterrey, N.L.", "Ciudad de México", "Guadalajara, Jal.",
                "Hermosillo, Son.", "Querétaro, Qro.")
MEXICALI = timezone(timedelta(hours=-catalog.MEXICALI_UTC_OFFSET_H))


def _n(value: int, persons: int) -> int:
    return max(1, round(value * persons / SCALE))


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=MEXICALI).astimezone(timezone.utc)


def _rfc(rng: random.Random, given: str, surnames: str, birth: date) -> str | None:
    """A synthetic RFC of the person (the SAT's shape, python-stdnum's check digit); None
    for the rare combination stdnum refuses."""
    def letters(s: str) -> str:
        return "".join(c for c in strip_accents(s).upper() if c.isalpha()) or "X"
    sur, giv = letters(surnames), letters(given)
    vowel = next((c for c in sur[1:] if c in "AEIOU"), "X")
    base = f"{sur[0]}{vowel}X{giv[0]}{birth:%y%m%d}" + "".join(
        rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789") for _ in range(2))
    try:
        value = base + stdnum_rfc.calc_check_digit(base)
        stdnum_rfc.validate(value, validate_check_digits=False)
    except Exception:  # noqa: BLE001
        return None
    return value


def _people(db: Database):
    with db.read_session() as session:
        conn = session.connection()
        people = conn.execute(text("""
            SELECT p.id, p.household_id, p.given_names, p.surnames, p.birth_date,
                   p.migratory_status, p.work_experience, p.center_id
            FROM person p WHERE p.deleted = 0 ORDER BY p.folio""")).all()
        stays = conn.execute(text("""
            SELECT person_id, max(check_in), sum(check_out IS NULL) FROM stay
            WHERE deleted = 0 GROUP BY person_id""")).all()
    return people, {s[0]: (s[1], s[2]) for s in stays}


def play_to_end(db: Database, *, seed: int, persons: int) -> dict[str, int]:
    """Record the pathways and discharge everyone by the program's last day. Returns what
    was recorded (counts)."""
    rng = random.Random(f"pathways:{seed}")
    staff = Actor("vinculacion", Role.PATHWAYS)
    coord = Actor("coordinacion", Role.COORDINATOR)
    end = catalog.LAST_DAY
    counts: dict[str, int] = defaultdict(int)
    with clock.frozen(end):
        people, stays = _people(db)
        today = end
        ages = {}
        for p in people:
            b = p[4] if isinstance(p[4], date) else date.fromisoformat(str(p[4])) \
                if p[4] else None
            ages[p[0]] = None if b is None else (today - b).days // 365
        adults = [p for p in people if (ages[p[0]] or 0) >= 18]
        # job bank: employers, fairs, ~2,000 places activated
        employers = [jobs.save_employer(
            db, staff, name=f"{rng.choice(('Industrias', 'Grupo', 'Servicios', 'Maquiladora', 'Constructora'))} "  # noqa: E501
                            f"{rng.choice(('del Valle', 'Cachanilla', 'Imperial', 'Baja', 'Mexicali', 'Frontera', 'del Desierto'))} {i + 1}",  # noqa: E501
            sector=rng.choice(SECTORS)) for i in range(_n(80, persons))]
        fairs = [jobs.save_fair(db, staff, held_on=day, name=f"Feria del empleo {k + 1}",
                                place="Centro Cívico de Mexicali",
                                employer_ids=[e.id for e in rng.sample(
                                    employers, k=min(len(employers), 15))])
                 for k, day in enumerate(FAIRS)]
        occupations = catalog.names()["occupations"]
        openings, places = [], 0
        while places < _n(PLACES, persons):
            fair = rng.choice(fairs)
            count = min(rng.choice((5, 10, 15, 20, 30, 40)), _n(PLACES, persons) - places)
            openings.append(jobs.save_opening(db, staff, OpeningInput(
                employer_id=rng.choice(fair.employer_ids), position=rng.choice(occupations),
                count=count, wage=float(rng.choice((1800, 2100, 2400, 2800, 3200))),
                wage_period="week", shift=rng.choice(("Matutino", "Vespertino", "Nocturno")),
                opened_on=fair.held_on, fair_id=fair.id)))
            places += count
        counts["places"] = places
        # paperwork: RFC for ~900 adults, CURP kind, NSS for those hired
        rng.shuffle(adults)
        with_rfc = set()
        for p in adults[:_n(RFCS, persons)]:
            b = p[4] if isinstance(p[4], date) else date.fromisoformat(str(p[4]))
            value = _rfc(rng, p[2], p[3], b)
            if value is None:
                continue
            jobs.save_paperwork(db, staff, p[0], PaperworkInput(
                rfc_status="issued", rfc=value, rfc_issued_on=date(2022, 1, 10) + timedelta(
                    rng.randrange(60)), curp_status="temporary"))
            with_rfc.add(p[0])
        counts["rfc"] = len(with_rfc)
        # placements: people with an RFC into openings of their trade where possible
        job_matching.ensure_index(db, staff)
        free = {o.id: o.count for o in openings}
        by_code = defaultdict(list)
        for o in openings:
            by_code[o.isco_code].append(o)
        placed = 0
        with db.read_session() as session:
            coded = dict(session.connection().execute(text(
                "SELECT person_id, isco_code FROM person_occupation")).all())
        for pid in [p[0] for p in adults if p[0] in with_rfc]:
            options = [o for o in by_code.get(coded.get(pid), []) if free[o.id] > 0] or \
                [o for o in openings if free[o.id] > 0]
            if not options or rng.random() < 0.15:
                continue
            o = rng.choice(options)
            start = max(o.opened_on, date(2022, 1, 17)) + timedelta(rng.randrange(30))
            row = jobs.place(db, staff, person_id=pid, opening_id=o.id, start_date=start,
                             outcome="started")
            free[o.id] -= 1
            placed += 1
            if start + timedelta(30) <= end:
                jobs.set_outcome(db, staff, row.id, "left" if rng.random() < 0.12
                                 else "working_30_days", on=start + timedelta(30))
        counts["placed"] = placed
        # school, INEA, Spanish classes
        children = [p for p in people if 3 <= (ages[p[0]] or -1) <= 14]
        rng.shuffle(children)
        for p in children[:_n(SCHOOL, persons)]:
            age = ages[p[0]] or 6
            level, grade = ("preescolar", min(max(age - 2, 1), 3)) if age < 6 else \
                ("primaria", min(age - 5, 6)) if age < 12 else ("secundaria", min(age - 11, 3))
            schooling.save_enrollment(db, staff, p[0], EnrollmentInput(
                school=f"Escuela {level.capitalize()} {rng.choice(('Benito Juárez', 'Niños Héroes', 'Leona Vicario', 'Cuauhtémoc'))}",  # noqa: E501
                level=level, grade=grade, status="attending",
                enrolled_on=date(2022, 1, 24) + timedelta(rng.randrange(40))))
            counts["school"] += 1
        for p in [a for a in adults if (ages[a[0]] or 0) >= 18][:_n(INEA, persons)]:
            schooling.save_inea(db, staff, p[0], level=rng.choice(("primaria", "secundaria")),
                                status="certified", started_on=date(2022, 1, 17),
                                certified_on=date(2022, 3, 1) + timedelta(rng.randrange(28)))
            counts["inea"] += 1
        by_center = defaultdict(list)
        for p in people:
            by_center[p[7]].append(p[0])
        for center_id, ids in by_center.items():
            group = schooling.save_group(db, staff, name="Español básico", center_id=center_id,
                                         level="A1", teacher="Voluntariado UNICEF",
                                         member_ids=ids[:25])
            for k in range(6):
                schooling.record_session(db, staff, group.id,
                                         held_on=date(2022, 1, 18) + timedelta(7 * k),
                                         present_ids=[i for i in group.member_ids
                                                      if rng.random() < 0.8])
        # COMAR applications of asylum seekers (protection data, recorded by coordination)
        for p in people:
            if p[5] == "solicitante_refugio" and rng.random() < 0.5:
                legal.save_asylum(db, coord, p[0], AsylumInput(
                    filed_on=date(2021, 12, 15) + timedelta(rng.randrange(40)),
                    office="COMAR Tijuana", status=rng.choice(("filed", "constancia",
                                                               "interview"))))
                counts["asylum"] += 1
        # housing and discharge of every household still in a shelter
        members = defaultdict(list)
        for p in people:
            members[p[1]].append(p[0])
        lodged = {hh: ids for hh, ids in members.items()
                  if any((stays.get(i) or (None, 0))[1] for i in ids)}
        last_in = {hh: max(datetime.fromisoformat(str(stays[i][0])) for i in ids if i in stays)
                   for hh, ids in lodged.items()}
        # The program housed 922 families in 461 homes, two per home: families first, then
        # people on their own sharing a home; whoever is left goes elsewhere.
        families = [hh for hh, ids in lodged.items() if len(ids) >= 2]
        singles = [hh for hh, ids in lodged.items() if len(ids) < 2]
        rng.shuffle(families)
        rng.shuffle(singles)
        queue = families + singles[:len(singles) * 9 // 10]
        homes = _n(HOMES, persons)
        pairs = [queue[2 * i:2 * i + 2] for i in range(min(homes, len(queue) // 2))]
        others = queue[2 * len(pairs):] + singles[len(singles) * 9 // 10:]
        landlords = [housing.save_landlord(db, staff, name=f"Propietario(a) {i + 1}",
                                           phone=f"686 {rng.randrange(100, 999)} "
                                                 f"{rng.randrange(1000, 9999)}")
                     for i in range(max(1, homes * 2 // 3))]

        def leave_day(hhs: list[str]) -> date:
            first = max(last_in[h] for h in hhs).astimezone(MEXICALI).date() + timedelta(1)
            lo = max(first, date(2022, 1, 20))
            return min(lo + timedelta(rng.randrange(max((end - lo).days, 1))), end)

        for pair in pairs:
            day = leave_day(pair)
            recovered = rng.random() < 0.25
            home = housing.save_home(db, staff, HomeInput(
                address=f"{rng.choice(STREETS)} {rng.randrange(100, 2500)}, "
                        f"{rng.choice(COLONIAS)}", landlord_id=rng.choice(landlords).id,
                rooms=rng.choice((2, 3, 3, 4)), rent=float(rng.choice((3000, 3500, 4000, 4500))),
                deposit=float(rng.choice((0, 3000, 3500))), dif_guarantor=rng.random() < 0.9,
                status="recovered" if recovered else "available"))
            lease = housing.create_lease(db, staff, home_id=home.id, start_date=day,
                                         end_date=day + timedelta(365))
            share = (home.rent or 0) / 2
            for hh in pair:
                housing.move_in(db, staff, lease_id=lease.id, household_id=hh, moved_in=day,
                                rent_share=share, transport="program_vehicle",
                                when=_at(day, 10))
            counts["homes"] += 1
            counts["housed"] += len(pair)
        for hh in others:
            day = leave_day([hh])
            roll = rng.random()
            if roll < 0.5:
                plan = DischargePlan("other_city", rng.choice(OTHER_CITIES), "bus_ticket",
                                     "Boleto pagado por el programa", "Reunificación familiar"
                                     if rng.random() < 0.5 else "Oferta de trabajo")
            elif roll < 0.6:
                plan = DischargePlan("return", "Haití" if rng.random() < 0.7 else "Chile",
                                     "partner", "OIM (retorno voluntario asistido)")
            elif roll < 0.7:
                plan = DischargePlan("other_shelter", "Albergue de la sociedad civil, Tijuana",
                                     "program_vehicle")
            else:
                plan = DischargePlan("housing", f"Cuarto rentado, {rng.choice(COLONIAS)}",
                                     "program_vehicle")
            discharge.discharge_household(db, coord, household_id=hh, plan=plan,
                                          when=_at(day, 11))
            counts["discharged_other"] += 1
        with db.session("system") as session:
            for center in session.exec(select(Center)).all():
                center.status = "closed"
                session.add(center)
            session.merge(Meta(key=clock.AS_OF_META_KEY, value=end.isoformat()))
    return dict(counts)
