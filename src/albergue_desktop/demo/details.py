"""Everything about one planned household that a registration form holds: names, languages,
education, work, phones, documents, migratory status, vaccinations, specific needs and
consent. Drawn from a random generator of the household's own, so households can be
written in chunks and still come out the same for the same seed."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..domain.enums import CivilStatus as C
from ..domain.enums import EducationLevel as E
from ..domain.enums import LanguageLevel as L
from ..domain.enums import MigratoryStatus as M
from ..domain.enums import Relationship as Rel
from ..domain.normalize import strip_accents
from . import identity
from .catalog import AS_OF, names
from .plan import HouseholdPlan, MemberPlan, pick

EDUCATION = {E.NONE: 8, E.PRIMARY: 25, E.SECONDARY: 35, E.HIGH_SCHOOL: 20, E.TECHNICAL: 7,
             E.UNIVERSITY: 5}
COVID_BRANDS = {
    "CL": {"Sinovac": 45, "Pfizer": 35, "AstraZeneca": 20},
    "BR": {"AstraZeneca": 40, "Sinovac": 25, "Pfizer": 25, "Janssen": 10},
    "HT": {"Moderna": 50, "Janssen": 30, "Pfizer": 20},
    "CA": {"AstraZeneca": 40, "Pfizer": 30, "Moderna": 20, "Sputnik V": 10},
    "MX": {"AstraZeneca": 50, "Pfizer": 30, "CanSino": 20},
}
COURSE = {"Pfizer": 2, "AstraZeneca": 2, "Moderna": 2, "Sputnik V": 2, "Sinovac": 2,
          "Covaxin": 2, "CanSino": 1, "Janssen": 1}
DOSE_GAP_DAYS = {"Pfizer": 21, "Moderna": 28, "AstraZeneca": 70, "Sinovac": 28,
                 "Sputnik V": 21, "Covaxin": 28}
NEEDS_RARE = (("DS-PM", 0.005), ("DS-BD", 0.003), ("DS-DF", 0.003), ("DS-MM", 0.002),
              ("DS-SD", 0.001), ("SM-MI", 0.008), ("FU-TR", 0.005))
# First day of each country's COVID-19 vaccination campaign (approximate): Brazil 17-18
# January 2021, Chile's mass campaign 3 February 2021, Central America February-March 2021,
# Haiti 16 July 2021 (first donated doses). No dose abroad is dated before these days.
CAMPAIGN_START = {"CL": date(2021, 2, 3), "BR": date(2021, 1, 18), "HT": date(2021, 7, 16),
                  "HN": date(2021, 3, 1), "GT": date(2021, 2, 25), "SV": date(2021, 2, 17)}
ADOLESCENTS_FROM = date(2021, 6, 21)
CHILD_SCHEDULE = (("BCG", 1, 0), ("Hepatitis B", 1, 0), ("Hexavalente", 1, 60),
                  ("Hexavalente", 2, 120), ("Rotavirus", 1, 60), ("Neumocócica", 1, 60),
                  ("SRP", 1, 365), ("SRP", 2, 6 * 365))
MEXICALI = "Mexicali, B.C."
BIRTH_HOSPITAL = "Hospital General de Mexicali"
CONSENT_PURPOSES = ("Registro censal, atención médica y canalización a los programas del "
                    "Plan Integral de Atención al Migrante")
INTAKE_STAFF = ("registro",)  # the demo intake user (see generator.DEMO_USERS)


@dataclass(slots=True)
class HouseholdData:
    couple_civil_status: str | None
    people: list[dict]
    documents: list[list[dict]]
    vaccinations: list[list[dict]]


def _name_pool(hh: HouseholdPlan) -> dict:
    return names()["haitian" if hh.origin == "HT" else "central_american"]


def _given(rng: random.Random, pool: dict, sex: str, haitian: bool) -> str:
    first = rng.choice(pool["given_male" if sex == "M" else "given_female"])
    if haitian and sex == "F" and rng.random() < 0.12 and not first.startswith("Marie"):
        return f"Marie {first}"
    if haitian and rng.random() < 0.08:
        return f"{first} {rng.choice(pool['given_male' if sex == 'M' else 'given_female'])}"
    return first


def _surnames(rng: random.Random, hh: HouseholdPlan, pool: dict) -> list[str]:
    """Surname of each member: Haitian children take the father's surname (often only
    one surname); Central Americans carry father's and mother's first surnames."""
    haitian = hh.origin == "HT"
    own = [rng.choice(pool["surnames"]) if haitian else
           f"{rng.choice(pool['surnames'])} {rng.choice(pool['surnames'])}"
           for _ in hh.members]
    father = next((i for i, m in enumerate(hh.members)
                   if m.sex == "M" and m.relationship in (Rel.HEAD, Rel.SPOUSE)), None)
    mother = next((i for i, m in enumerate(hh.members)
                   if m.sex == "F" and m.relationship in (Rel.HEAD, Rel.SPOUSE)), None)
    for i, m in enumerate(hh.members):
        if m.relationship == Rel.CHILD:
            dad = own[father] if father is not None else rng.choice(pool["surnames"])
            if haitian:
                own[i] = dad if father is not None or rng.random() < 0.5 else own[mother or 0]
            else:
                mom = own[mother].split()[0] if mother is not None else ""
                own[i] = f"{dad.split()[0]} {mom}".strip()
        elif m.relationship == Rel.OTHER_RELATIVE and rng.random() < 0.6:
            own[i] = own[0]  # a sibling or parent of the head
    return own


def _languages(rng: random.Random, hh: HouseholdPlan, age: int) -> list[dict]:
    if age < 2:
        return []
    if hh.origin != "HT":
        out = [{"code": "es", "level": L.NATIVE}]
        if age >= 12 and rng.random() < 0.1:
            out.append({"code": "en", "level": L.BASIC})
        return out
    out = [{"code": "ht", "level": L.NATIVE}]
    if age >= 8 and rng.random() < 0.75:
        out.append({"code": "fr", "level": L.FLUENT if rng.random() < 0.4 else L.BASIC})
    if hh.route == "CL" or (hh.route == "BR" and rng.random() < 0.5):
        out.append({"code": "es", "level": L.FLUENT if rng.random() < 0.45 else L.BASIC})
    elif age >= 12 and rng.random() < 0.6:
        out.append({"code": "es", "level": L.INTERPRETER_NEEDED})
    if hh.route == "BR":
        out.append({"code": "pt", "level": L.FLUENT if rng.random() < 0.5 else L.BASIC})
    if age >= 12 and rng.random() < 0.12:
        out.append({"code": "en", "level": L.BASIC})
    return out


def _education(rng: random.Random, age: int) -> str | None:
    if age < 6:
        return None
    if age < 12:
        return E.PRIMARY
    if age < 18:
        return E.SECONDARY if age < 15 or rng.random() < 0.5 else E.HIGH_SCHOOL
    return pick(rng, EDUCATION)


def _work(rng: random.Random, age: int) -> list[dict]:
    if age < 18 or rng.random() < 0.15:
        return []
    jobs = rng.sample(names()["occupations"], k=1 if rng.random() < 0.7 else 2)
    return [{"occupation": job, "years": rng.randint(1, max(1, min(20, age - 16)))}
            for job in jobs]


def _phone(rng: random.Random, country: str) -> str:
    digits = lambda n: f"{rng.randrange(10 ** n):0{n}d}"  # noqa: E731
    if country == "CL":
        return f"+56 9 {digits(4)} {digits(4)}"
    return f"+52 686 {digits(3)} {digits(4)}"


def _covid(rng: random.Random, hh: HouseholdPlan, vaccinated_abroad: bool,
           adult: bool) -> list[dict]:
    """A COVID-19 course: abroad between the start of that country's campaign and the
    household's departure, or in Mexicali after arrival (ISESALUD) up to the demo's day.
    Doses that would fall later are not (yet) given. Adolescents got Pfizer."""
    place_country = hh.route if vaccinated_abroad else "MX"
    brand = pick(rng, COVID_BRANDS.get(place_country, COVID_BRANDS["CA"])) if adult \
        else "Pfizer"
    if vaccinated_abroad:
        opens, last = CAMPAIGN_START.get(place_country, date(2021, 4, 1)), \
            hh.departure - timedelta(days=7)
        if not adult:  # Chile and Brazil opened vaccination to 12-17 in mid-2021
            opens = max(opens, ADOLESCENTS_FROM)
        if last < opens:
            return []
        first = opens + timedelta(days=rng.randint(0, (last - opens).days))
        place = rng.choice(names()["vaccination_places"].get(place_country, [""])) or None
    else:
        first, last = hh.arrival + timedelta(days=rng.randint(3, 40)), AS_OF
        place = MEXICALI
    doses = COURSE[brand] if rng.random() < 0.7 else 1
    lot = "".join(rng.choices("ABCDEFHJKLMNPRSTUVWXYZ", k=2)) + f"{rng.randrange(10000):04d}"
    out, when = [], first
    for dose in range(1, doses + 1):
        if when > last:
            break
        out.append(dict(vaccine="COVID-19", brand=brand, dose=dose, date=when, lot=lot,
                        place=place))
        when += timedelta(days=DOSE_GAP_DAYS.get(brand, 28) + rng.randint(0, 10))
    return out


def _child_vaccines(rng: random.Random, hh: HouseholdPlan, birth: date,
                    country: str) -> list[dict]:
    """The child schedule as given where the child lived: in the birth country up to the
    departure, none on the journey, in Mexicali after arrival (up to the demo's day)."""
    places = names()["vaccination_places"].get(country, [MEXICALI])
    out = []
    for vaccine, dose, days in CHILD_SCHEDULE:
        when = birth + timedelta(days=days + rng.randint(0, 20))
        if rng.random() < 0.25:
            continue
        if when <= hh.departure:
            place = rng.choice(places)
        elif hh.arrival <= when <= AS_OF:
            place = MEXICALI
        else:
            continue
        out.append(dict(vaccine=vaccine, dose=dose, date=when, place=place))
    return out


def household_data(hh: HouseholdPlan, seed: int) -> HouseholdData:
    rng = random.Random(seed * 1_000_003 + hh.index)
    pool = _name_pool(hh)
    haitian = hh.origin == "HT"
    surnames = _surnames(rng, hh, pool)
    status = identity.migratory_status(rng, hh.origin, hh.arrival, AS_OF)
    couple = rng.choice((C.MARRIED, C.COHABITING)) if any(
        m.relationship == Rel.SPOUSE for m in hh.members) else None
    check_in = hh.legs[0].start
    people, documents, vaccinations = [], [], []
    for m, surname in zip(hh.members, surnames):
        person, docs, vacs = _person(rng, hh, m, surname, pool, haitian, status, couple,
                                     check_in)
        people.append(person)
        documents.append(docs)
        vaccinations.append(vacs)
    return HouseholdData(couple, people, documents, vaccinations)


def _person(rng, hh: HouseholdPlan, m: MemberPlan, surname: str, pool: dict, haitian: bool,
            status: dict, couple: str | None, check_in: datetime):
    if m.born_in_mexicali:
        return _newborn(rng, hh, m, surname, pool, haitian, check_in)
    age = m.age_on(hh.arrival)
    adult = age >= 18
    given = _given(rng, pool, m.sex, haitian)
    born_on_route = haitian and hh.route in ("CL", "BR") and age <= 5
    birth_country = hh.route if born_on_route else hh.origin
    needs = set(m.needs)
    docs: list[dict] = []
    if adult or rng.random() < 0.35:
        if rng.random() < (0.72 if haitian else 0.35) and (adult or not born_on_route):
            docs.append(identity.passport(rng, hh.origin, hh.arrival))
        if adult and rng.random() < 0.7:
            docs.append(identity.national_id(rng, hh.origin, m.birth_date, hh.arrival))
    if not adult and rng.random() < 0.6:
        cert = identity.birth_certificate(rng, birth_country, m.birth_date)
        # a child born shortly before the family set off: the paper is dated before arrival
        cert["issue_date"] = max(m.birth_date, min(cert["issue_date"], hh.arrival))
        docs.append(cert)
    own_status = status if (m.relationship != Rel.NON_RELATIVE and rng.random() < 0.9) \
        else identity.migratory_status(rng, hh.origin, hh.arrival, AS_OF)
    status_doc = identity.status_document(rng, own_status)
    if status_doc is not None:
        docs.append(status_doc)
    curp = rfc = None
    if rng.random() < identity.CURP_RATE.get(own_status["status"], 0.0) * (1 if adult else 0.5):
        curp = identity.make_curp(rng, given, surname, m.birth_date, m.sex)
        if own_status["status"] == M.ASYLUM_SEEKER:
            docs.append(identity.temporary_curp_document(curp, own_status["from"]))
        if adult and rng.random() < 0.35:
            rfc = identity.make_rfc(rng, curp)
    if not docs:
        needs.add("LP-ND")
    for code, rate in NEEDS_RARE:
        if rng.random() < rate:
            needs.add(code)
    if not adult and rng.random() < 0.02:
        needs.add("SM-MN")
    if m.sex == "F" and adult and len(hh.members) == 1 and rng.random() < 0.05:
        needs.add("WR-WR")
    if age >= 70 and rng.random() < 0.25:
        needs.add("ER-FR")
    vaccines: list[dict] = []
    if age >= 12 and rng.random() < (0.75 if adult else 0.3):
        abroad = rng.random() < 0.6
        # adolescents: Chile and Brazil vaccinated from 12 years in 2021; Mexico opened
        # vaccination to 15-17 year-olds in late 2021
        if not adult and (hh.route not in ("CL", "BR") if abroad else age < 15):
            abroad = None
        if abroad is not None:
            vaccines += _covid(rng, hh, vaccinated_abroad=abroad, adult=adult)
    elif not adult and rng.random() < 0.4:
        vaccines += _child_vaccines(rng, hh, m.birth_date, birth_country)
    passport = next((d for d in docs if d["doc_type"] == "passport"), None)
    if m.relationship in (Rel.HEAD, Rel.SPOUSE) and couple:
        civil = couple
    elif adult:
        civil = C.WIDOWED if age >= 60 and rng.random() < 0.5 else pick(
            rng, {C.SINGLE: 80, C.SEPARATED: 12, C.DIVORCED: 8})
    else:
        civil = None
    emergency = adult and rng.random() < 0.4
    person = dict(
        given_names=given, surnames=surname,
        document_name=strip_accents(f"{surname} {given}").upper() if passport and rng.random() < 0.5
        else None,
        sex=m.sex, birth_date=m.birth_date,
        birth_date_estimated=not docs or (not adult and rng.random() < 0.05),
        nationality=birth_country if born_on_route else hh.origin,
        country_of_birth=birth_country, civil_status=civil, relationship=m.relationship,
        languages=_languages(rng, hh, age), education_level=_education(rng, age),
        work_experience=_work(rng, age),
        phone=_phone(rng, "MX" if rng.random() < 0.7 else hh.route)
        if adult and rng.random() < 0.7 else None,
        emergency_contact_name=f"{_given(rng, pool, rng.choice('MF'), haitian)} "
                               f"{rng.choice(pool['surnames'])}" if emergency else None,
        emergency_contact_phone=_phone(rng, hh.route) if emergency else None,
        migratory_status=own_status["status"], migratory_status_from=own_status["from"],
        migratory_status_until=own_status["until"], curp=curp, rfc=rfc,
        specific_needs=sorted(needs), consent_given=rng.random() < 0.97,
        arrival_date=hh.arrival, notes=None,
    )
    if person["consent_given"]:
        person.update(consent_at=check_in + timedelta(minutes=rng.randint(5, 90)),
                      consent_by=rng.choice(INTAKE_STAFF), consent_purposes=CONSENT_PURPOSES)
    return person, docs, vaccines


def _newborn(rng, hh: HouseholdPlan, m: MemberPlan, surname: str, pool: dict, haitian: bool,
             check_in: datetime):
    """A baby born in Mexicali after the household's arrival: Mexican by birth (born in
    Baja California: CURP state BC, birth certificate from the Mexicali civil registry once
    registered), BCG and hepatitis B at the hospital on the day of birth."""
    given = _given(rng, pool, m.sex, haitian)
    docs: list[dict] = []
    registered = m.birth_date + timedelta(days=rng.randint(3, 20))
    curp = None
    if registered <= AS_OF:
        docs.append(dict(doc_type="birth_certificate", number=f"{rng.randrange(10 ** 8):08d}",
                         issuing_country="MX", issue_date=registered))
        curp = identity.make_curp(rng, given, surname, m.birth_date, m.sex, state="BC")
    needs = set(m.needs) | (set() if docs else {"LP-ND"})
    vaccines = [dict(vaccine=v, dose=1, date=m.birth_date, place=BIRTH_HOSPITAL)
                for v in ("BCG", "Hepatitis B")]
    person = dict(
        given_names=given, surnames=surname, document_name=None, sex=m.sex,
        birth_date=m.birth_date, birth_date_estimated=False, nationality="MX",
        country_of_birth="MX", civil_status=None, relationship=m.relationship, languages=[],
        education_level=None, work_experience=[], phone=None, emergency_contact_name=None,
        emergency_contact_phone=None, migratory_status=None, migratory_status_from=None,
        migratory_status_until=None, curp=curp, rfc=None, specific_needs=sorted(needs),
        consent_given=True, arrival_date=m.birth_date, notes=None,
        consent_at=m.joins + timedelta(minutes=rng.randint(5, 90)),
        consent_by=rng.choice(INTAKE_STAFF), consent_purposes=CONSENT_PURPOSES)
    return person, docs, vaccines
