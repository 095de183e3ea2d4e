"""Medical care after arrival in the demo (docs/demo-data.md): consultations, referrals,
prenatal visits and postnatal checks, the births planned by :mod:`.plan` (babies born at
the Hospital General and back with their mother), and a few psychosocial notes.

Written in bulk (storage.bulk) like the people: at 3,000 people the program saw one
consultation per person over its four months (2,767 consultations), so by the demo's day
about half of the people present have had one; the rest of the volume would take minutes
as service calls. The vital signs are judged by the same rule table as in the service
(``domain.triage.assess``), so the stored colour is what the table computes, and every
diagnosis is a valid ICD-10 code with its Spanish name. Most follow-ups that fell before
the demo's day were seen (a review consultation); some were missed, and those due from the
demo's day on are the health desk's follow-ups.

The intake screening of the people :mod:`.health` does not screen through the service (a
healthy person placed anywhere) is written here in bulk too, judged by the same rule table,
so only the last day's arrivals are "pending screening" on the desk."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from ..domain import icd10
from ..domain.clinical_enums import Avpu
from ..domain.clinical_rules import age_in_months
from ..domain.pregnancy import VisitKind, assess as assess_pregnancy, due_date_from_weeks
from ..domain.triage import ScreeningInput, assess
from ..storage.bulk import RowFactory, insert_new_rows
from ..storage.db import Database
from ..services.screening import rule_table_fingerprint
from ..storage.tables import (
    Birth, Consultation, MentalHealthNote, PregnancyVisit, Referral, Screening,
)
from .catalog import AS_OF
from .health import _vitals, planned_screenings
from .plan import HOSPITAL, HouseholdPlan, local_to_utc, pick

NURSE = "salud"
REVIEW_SEEN = 0.85  # follow-ups before the demo's day that were seen (the rest missed)
# (code, reason, plan, follow-up days or None) -> weight: what a shelter's clinic sees most
CASES: dict[tuple[str, str, str, int | None], float] = {
    ("J06.9", "Tos, rinorrea y dolor de garganta", "Paracetamol, líquidos, lavado de manos",
     3): 24,
    ("J00", "Congestión nasal y estornudos", "Medidas generales", None): 10,
    ("A09", "Evacuaciones líquidas", "Vida Suero Oral, vigilar deshidratación", 2): 8,
    ("B86", "Comezón en manos y pliegues", "Permetrina 5 %, tratar al núcleo y lavar ropa",
     7): 6,
    ("K29.7", "Ardor en epigastrio", "Omeprazol, dieta", 14): 5,
    ("I10", "Control de presión arterial", "Losartán; control semanal", 7): 6,
    ("E11.9", "Control de glucosa", "Metformina; glucometría", 14): 4,
    ("M54.5", "Dolor lumbar", "Analgésico, estiramientos", None): 5,
    ("R51", "Dolor de cabeza", "Analgésico, hidratación", None): 5,
    ("L30.9", "Ronchas en brazos", "Crema emoliente", None): 3,
    ("H10.9", "Ojo rojo con lagañas", "Higiene ocular, antibiótico tópico", 5): 3,
    ("K02.9", "Dolor de muela", "Analgésico; referir a odontología", None): 3,
    ("N39.0", "Ardor al orinar", "Antibiótico, líquidos", 5): 3,
    ("F43.2", "Insomnio y preocupación tras el viaje", "Primeros auxilios psicológicos; "
     "referir a psicología", 7): 3,
    ("Z00.0", "Revisión general", "Sin hallazgos", None): 8,
}
DESTINATIONS = {("Hospital General de Mexicali", "Urgencias"): 25,
                ("Hospital General de Mexicali", "Ginecología y Obstetricia"): 20,
                ("Centro de Salud Pueblo Nuevo (ISESALUD)", "Medicina familiar"): 20,
                ("Hospital Materno Infantil de Mexicali", "Pediatría"): 15,
                ("CAPASITS Mexicali", "Infectología"): 5,
                ("Centro Integral de Salud Mental (ISESALUD)", "Psicología"): 10,
                ("Centro de Salud Pueblo Nuevo (ISESALUD)", "Odontología"): 5}
COUNTER_REFERRALS = ("Valorado; continuar tratamiento en el albergue, control en 7 días.",
                     "Estudios normales; alta con indicaciones.",
                     "Se ajusta tratamiento; cita de control en un mes.")
MH_NOTES = ("Duelo migratorio; se brindan primeros auxilios psicológicos.",
            "Dificultad para dormir; técnicas de respiración, seguimiento semanal.",
            "Participa en grupo de apoyo de madres; ánimo estable.")


def _present_at(hh: HouseholdPlan, index: int, day: date) -> int | None:
    """The center where member ``index`` stays on ``day`` (None: not lodged then)."""
    for s in hh.members[index].stays:
        start = s.check_in.date()
        end = s.check_out.date() if s.check_out else AS_OF + timedelta(days=1)
        if start <= day < end:
            return s.center
    return None


def _when(rng: random.Random, day: date) -> datetime:
    return local_to_utc(day, time(rng.randint(9, 17), rng.randrange(60)))


def build(households: list[HouseholdPlan], person_ids: dict[tuple[int, int], str],
          center_ids: list[str], seed: int) -> list[tuple[type, list[dict[str, Any]]]]:
    rng = random.Random(f"followup:{seed}")
    consult_f, referral_f = RowFactory(Consultation), RowFactory(Referral)
    visit_f, birth_f, note_f = (RowFactory(PregnancyVisit), RowFactory(Birth),
                                RowFactory(MentalHealthNote))
    consultations, referrals, visits, births, notes = [], [], [], [], []
    screening_f, screenings = RowFactory(Screening), []
    fingerprint = rule_table_fingerprint()
    for hh in households:
        screened = {p.member for p in planned_screenings(hh, seed)}
        for i, m in enumerate(hh.members):
            if i in screened or not m.stays or m.born_in_mexicali:
                continue
            start = m.stays[0].check_in
            if start.date() >= AS_OF - timedelta(days=1):
                continue  # the last day's arrivals: still pending
            when = start - timedelta(minutes=rng.randint(15, 45))
            day = when.astimezone().date()  # the day the service would judge by
            months = age_in_months(m.birth_date, day)
            screenings.append(_screening(screening_f, person_ids[hh.index, i],
                                         center_ids[m.stays[0].center], when, months,
                                         _vitals(rng, months), fingerprint,
                                         max((day - m.birth_date).days, 0)))
        for i, m in enumerate(hh.members):
            pid = person_ids[hh.index, i]
            if not m.stays:
                continue
            first = m.stays[0].check_in.date()
            last = min((m.stays[-1].check_out.date() if m.stays[-1].check_out else AS_OF),
                       AS_OF)
            span = (last - first).days
            # consultations: about one per person per two months of stay
            count = sum(rng.random() < min(span / 60, 0.9) for _ in range(2))
            for _k in range(count):
                day = first + timedelta(days=rng.randint(0, max(span, 0)))
                center = _present_at(hh, i, day)
                if center is None:
                    continue
                code, reason, plan, follow = pick(rng, CASES)
                months = age_in_months(m.birth_date, day)
                vitals = _vitals(rng, months)
                if code in ("J06.9", "A09") and rng.random() < 0.4:
                    vitals["temperature_c"] = round(rng.uniform(37.6, 38.9), 1)
                result = assess(ScreeningInput(**vitals), age_months=months)
                diagnosis = icd10.lookup(code)
                row = consult_f(
                    person_id=pid, center_id=center_ids[center], attended_at=_when(rng, day),
                    attended_by=NURSE, age_months=months, reason=reason,
                    **{k: (str(v) if k == "avpu" else v) for k, v in vitals.items()},
                    colour=str(result.colour), rules_fired=[f.rule_id for f in result.findings],
                    findings="Consciente, orientado, hidratado.",
                    diagnosis_code=code, diagnosis_text=diagnosis.name() if diagnosis else None,
                    plan=plan, follow_up_date=day + timedelta(days=follow) if follow else None)
                consultations.append(row)
                if rng.random() < 0.05 or code == "K02.9":
                    referrals.append(_referral(rng, referral_f, row, day))
                review = day + timedelta(days=follow) if follow else None
                if (review is not None and review < AS_OF and rng.random() < REVIEW_SEEN
                        and _present_at(hh, i, review) is not None):
                    again = _vitals(rng, months)
                    result = assess(ScreeningInput(**again), age_months=months)
                    consultations.append(consult_f(
                        person_id=pid, center_id=center_ids[_present_at(hh, i, review)],
                        attended_at=_when(rng, review), attended_by=NURSE, age_months=months,
                        reason="Revisión de seguimiento",
                        **{k: (str(v) if k == "avpu" else v) for k, v in again.items()},
                        colour=str(result.colour),
                        rules_fired=[f.rule_id for f in result.findings],
                        findings="Evolución favorable.", diagnosis_code=code,
                        diagnosis_text=diagnosis.name() if diagnosis else None,
                        plan="Alta de seguimiento."))
            if m.gestation_weeks is not None and m.sex == "F":
                visits += _prenatal(rng, visit_f, hh, i, pid, center_ids)
            if rng.random() < 0.015 and m.age_on(AS_OF) >= 12:
                day = first + timedelta(days=rng.randint(0, max(span, 0)))
                center = _present_at(hh, i, day)
                if center is not None:
                    notes.append(note_f(
                        person_id=pid, center_id=center_ids[center],
                        noted_at=_when(rng, day), noted_by=NURSE,
                        kind=rng.choice(("first_aid", "psychology", "group")),
                        note=rng.choice(MH_NOTES), risk=rng.choice(("none", "low")),
                        follow_up_date=day + timedelta(days=7)))
        for i, m in enumerate(hh.members):
            if m.born_in_mexicali and m.mother is not None:
                mother_id = person_ids[hh.index, m.mother]
                center = _present_at(hh, m.mother, m.birth_date) or hh.center
                births.append(birth_f(
                    person_id=mother_id, newborn_id=person_ids[hh.index, i],
                    center_id=center_ids[center], born_on=m.birth_date, place=HOSPITAL,
                    delivery="cesarean" if rng.random() < 0.3 else "vaginal",
                    weight_g=rng.randint(2650, 3900), recorded_by=NURSE))
                visits += _postnatal(rng, visit_f, hh, m.mother, mother_id, m.birth_date,
                                     center_ids)
    return [(Screening, screenings), (Consultation, consultations), (Referral, referrals),
            (PregnancyVisit, visits), (Birth, births), (MentalHealthNote, notes)]


def _screening(factory: RowFactory, pid: str, center_id: str, when: datetime, months: int,
               vitals: dict, fingerprint: str, age_days: int) -> dict:
    """An intake screening row as :func:`services.screening.record_screening` writes it."""
    data = ScreeningInput(**vitals)
    result = assess(data, age_months=months, age_days=age_days)
    return factory(
        person_id=pid, center_id=center_id, screened_at=when, screened_by=NURSE,
        age_months=months, **{k: (str(v) if isinstance(v, Avpu) else v)
                              for k, v in vitals.items()},
        symptoms=[], symptom_onsets={}, chronic_conditions=[], pregnant=False,
        obstetric_signs=[], disabilities=[], colour=str(result.colour),
        flags=sorted({str(f) for x in result.findings for f in x.rule.flags}),
        high_risk_vitals=sorted(str(m) for m in result.high_risk_vitals),
        respiratory_screen=str(result.respiratory.screen),
        needs_isolation=result.needs_isolation, urgent_care=result.urgent_care,
        consultation=result.consultation, obstetric_warning=result.obstetric_warning,
        rules_fired=[f.rule_id for f in result.findings], rule_table=fingerprint, signs=[],
        final_colour=str(result.colour))


def _referral(rng: random.Random, factory: RowFactory, consultation: dict, day: date
              ) -> dict:
    destination, specialty = pick(rng, DESTINATIONS)
    age = (AS_OF - day).days
    status = ("returned" if age > 14 and rng.random() < 0.7 else
              "not_attended" if rng.random() < 0.1 else
              "attended" if age > 3 and rng.random() < 0.5 else "sent")
    at = consultation["attended_at"] + timedelta(minutes=20)
    return factory(person_id=consultation["person_id"], center_id=consultation["center_id"],
                   consultation_id=consultation["id"], referred_at=at, referred_by=NURSE,
                   destination=destination, specialty=specialty,
                   reason=consultation["reason"], urgency=pick(rng, {"routine": 70,
                                                                     "priority": 25,
                                                                     "urgent": 5}),
                   transport=pick(rng, {"dif_vehicle": 60, "public": 25, "ambulance": 5,
                                        "accompanied": 10}),
                   status=status, status_at=at + timedelta(days=min(age, rng.randint(1, 10))),
                   status_by=NURSE,
                   counter_referral=rng.choice(COUNTER_REFERRALS) if status == "returned"
                   else None)


def _prenatal(rng, factory, hh, i, pid, center_ids) -> list[dict]:
    m = hh.members[i]
    arrival = m.stays[0].check_in.date()
    due = due_date_from_weeks(m.gestation_weeks, arrival)
    baby = next((o for o in hh.members if o.mother == i), None)
    end = min(AS_OF, baby.birth_date if baby else AS_OF)
    rows, day = [], arrival + timedelta(days=rng.randint(1, 4))
    while day < end:
        center = _present_at(hh, i, day)
        if center is None:
            break
        weeks = m.gestation_weeks + (day - arrival).days // 7
        sbp = rng.randint(100, 128) if rng.random() > 0.08 else rng.randint(140, 150)
        dbp = rng.randint(60, min(84, sbp - 30))
        signs = ["dysuria"] if rng.random() < 0.05 else []
        result = assess_pregnancy(VisitKind.PRENATAL, on=day, gestation_weeks=weeks,
                                  systolic_bp=sbp, diastolic_bp=dbp, warning_signs=signs)
        rows.append(factory(person_id=pid, center_id=center_ids[center],
                            visited_at=_when(rng, day), visited_by=NURSE, kind="prenatal",
                            gestation_weeks=weeks, due_date=due, systolic_bp=sbp,
                            diastolic_bp=dbp, warning_signs=signs,
                            recommendation=str(result.recommendation),
                            rules_fired=list(result.rules_fired),
                            next_visit_date=result.next_visit))
        if result.next_visit is None:
            break
        day = result.next_visit + timedelta(days=rng.randint(0, 3))
    return rows


def _postnatal(rng, factory, hh, i, pid, born: date, center_ids) -> list[dict]:
    rows = []
    for offset in (3, 7):
        day = born + timedelta(days=offset)
        center = _present_at(hh, i, day)
        if day > AS_OF or center is None:
            continue
        result = assess_pregnancy(VisitKind.POSTNATAL, on=day, systolic_bp=112,
                                  diastolic_bp=72, delivery_date=born)
        rows.append(factory(person_id=pid, center_id=center_ids[center],
                            visited_at=_when(rng, day), visited_by=NURSE, kind="postnatal",
                            delivery_date=born, systolic_bp=112, diastolic_bp=72,
                            warning_signs=[], recommendation=str(result.recommendation),
                            rules_fired=list(result.rules_fired),
                            next_visit_date=result.next_visit))
    return rows


def write(db: Database, tables: list[tuple[type, list[dict[str, Any]]]]) -> int:
    with db.session(NURSE, audit=False) as session:
        insert_new_rows(session, tables)
    return sum(len(rows) for _model, rows in tables)
