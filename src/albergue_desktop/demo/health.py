"""Health screenings of the demo: the intake screening of the people whose health decides
where they sleep, and the check of a newborn and its mother when they come back from the
hospital. Each is recorded through :func:`services.screening.record_screening`, so the
stored colour and flags are exactly what the rule table computes.

Who is screened:
- every member of a household placed in respiratory isolation: a suspect case (fever of
  38.0 °C or more measured, cough, headache or sore throat, runny nose, muscle pain; onset
  1 to 3 days before), which meets the respiratory case definition;
- every member of a household placed in maternity: a pregnancy (weeks of gestation), an
  infant, or the mother of one;
- every member of a household in chronic care: a chronic condition;
- pregnant women wherever they sleep (prenatal control: the weeks of gestation feed the
  Tdap prompt of the vaccination summary).
Other vitals are in the normal range for the age (AVPU alert). Each screening is a service
call of its own (a transaction, an audit event), so the demo screens only these people to
keep its generation time close to what it was without screenings.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from ..domain.clinical_enums import Avpu, ChronicCondition, Symptom
from ..domain.enums import CenterProfile as P
from ..domain.triage import ScreeningInput
from .catalog import MEXICALI_UTC_OFFSET_H
from .plan import HouseholdPlan, MemberPlan, pick

CHRONIC = {ChronicCondition.HYPERTENSION: 40, ChronicCondition.DIABETES: 30,
           ChronicCondition.OBESITY: 10, ChronicCondition.HEART_DISEASE: 6,
           ChronicCondition.CHRONIC_LUNG_DISEASE: 6, ChronicCondition.CHRONIC_KIDNEY_DISEASE: 4,
           ChronicCondition.HIV: 4}


@dataclass(frozen=True)
class PlannedScreening:
    member: int  # index in the household
    when: datetime  # UTC
    center: int
    screening: ScreeningInput
    onsets: dict[Symptom, date] = field(default_factory=dict)


def _months(m: MemberPlan, day: date) -> int:
    b = m.birth_date
    return (day.year - b.year) * 12 + day.month - b.month - (day.day < b.day)


def _vitals(rng: random.Random, months: int) -> dict:
    """Normal vital signs for the age (a healthy person at rest)."""
    if months < 12:
        hr, rr = rng.randint(115, 140), rng.randint(30, 40)
    elif months < 60:
        hr, rr = rng.randint(95, 120), rng.randint(22, 30)
    elif months < 144:
        hr, rr = rng.randint(80, 105), rng.randint(18, 24)
    else:
        hr, rr = rng.randint(62, 88), rng.randint(13, 18)
    out = dict(temperature_c=round(rng.uniform(36.2, 37.1), 1), heart_rate=hr,
               respiratory_rate=rr, spo2=rng.randint(95, 99), avpu=Avpu.ALERT)
    if months >= 144:
        systolic = rng.randint(104, 128)
        out.update(systolic_bp=systolic, diastolic_bp=rng.randint(62, min(84, systolic - 30)))
    return out


def _local_day(when: datetime) -> date:
    return (when - timedelta(hours=MEXICALI_UTC_OFFSET_H)).date()


def _chronic(rng: random.Random) -> frozenset[ChronicCondition]:
    first = pick(rng, CHRONIC)
    if rng.random() < 0.3:
        return frozenset({first, pick(rng, CHRONIC)})
    return frozenset({first})


def _suspect_case(rng: random.Random, months: int, day: date, vitals: dict
                  ) -> tuple[dict, dict[Symptom, date]]:
    """A suspect respiratory case: measured fever and the symptoms of the case definition
    (two major, two minor), begun 1 to 3 days before the visit."""
    onset = day - timedelta(days=rng.randint(1, 3))
    symptoms = [Symptom.FEVER, Symptom.COUGH, Symptom.RUNNY_NOSE]
    if months >= 60:  # headache and sore throat are reported from school age on
        symptoms += [Symptom.HEADACHE, Symptom.SORE_THROAT, Symptom.MUSCLE_PAIN]
    vitals = dict(vitals, temperature_c=round(rng.uniform(38.0, 38.7), 1),
                  heart_rate=vitals["heart_rate"] + rng.randint(5, 12),
                  spo2=rng.randint(94, 97))
    return vitals, {s: onset + timedelta(days=rng.randint(0, 1)) if s is not Symptom.FEVER
                    else onset for s in symptoms}


def planned_screenings(hh: HouseholdPlan, seed: int) -> list[PlannedScreening]:
    """The screenings of one household, in time order."""
    rng = random.Random(f"screenings:{seed}:{hh.index}")
    first = hh.legs[0]
    medical = hh.isolation or first.segment in (P.MATERNITY, P.CHRONIC_CARE)
    out: list[PlannedScreening] = []
    for i, m in enumerate(hh.members):
        if m.born_in_mexicali:
            mother = hh.members[m.mother]
            when = m.joins - timedelta(minutes=rng.randint(20, 60))
            center = next(s.center for s in mother.stays
                          if s.check_in <= when and (s.check_out is None or when < s.check_out))
            day = _local_day(when)
            out.append(PlannedScreening(i, when, center, ScreeningInput(
                **_vitals(rng, _months(m, day)), weight_kg=round(rng.uniform(2.7, 3.8), 2),
                notes="Recién nacido: control al regresar del hospital.")))
            out.append(PlannedScreening(m.mother, when + timedelta(minutes=10), center,
                                        ScreeningInput(**_vitals(rng, 300),
                                                       notes="Control posparto.")))
            continue
        if not m.stays:
            continue
        day = _local_day(first.start)
        months = _months(m, day)
        pregnant = m.gestation_weeks is not None
        if not (medical or pregnant):
            continue
        vitals = _vitals(rng, months)
        onsets: dict[Symptom, date] = {}
        if hh.isolation:
            vitals, onsets = _suspect_case(rng, months, day, vitals)
        extra: dict = {}
        if pregnant:
            weeks = m.gestation_weeks + (day - hh.arrival).days // 7
            extra.update(pregnant=True, gestation_weeks=min(weeks, 41))
        if "SM-CI" in m.needs and (medical or pregnant):
            conditions = _chronic(rng)
            extra["chronic_conditions"] = conditions
            if ChronicCondition.HYPERTENSION in conditions:
                vitals.update(systolic_bp=rng.randint(132, 148), diastolic_bp=rng.randint(84, 92))
        when = first.start - timedelta(minutes=rng.randint(15, 45))
        out.append(PlannedScreening(i, when, first.center,
                                    ScreeningInput(**vitals, **extra), onsets))
    out.sort(key=lambda p: p.when)
    return out
