"""Vaccination summaries and prompts: COVID-19 course status, Tdap in pregnancy, children's
schedule gaps. Everything here is a prompt for the health worker; nothing ever blocks.

Children's schedule: Secretaría de Salud de México / CeNSIA, Esquema de Vacunación Universal
(Cartilla Nacional de Salud, niñas y niños 0-9 años, 2021, with the hexavalent vaccine and the
second SRP dose at 18 months). COVID-19 doses per product: Política nacional de vacunación
contra el virus SARS-CoV-2 (2021). ``until_months`` is where a catch-up prompt stops (after
it the clinician decides); it is a local setting, not part of the schedule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .clinical_enums import Source
from .i18n import translate
from .normalize import name_key


class Vaccine(StrEnum):
    COVID19 = "covid19"
    BCG = "bcg"
    HEPATITIS_B = "hepatitis_b"
    HEXAVALENT = "hexavalent"
    ROTAVIRUS = "rotavirus"
    PNEUMOCOCCAL = "pneumococcal"
    INFLUENZA = "influenza"
    MMR = "srp"
    DPT = "dpt"
    TDAP = "tdap"


VACCINE_LABELS: dict[Vaccine, str] = {
    Vaccine.COVID19: "COVID-19", Vaccine.BCG: "BCG", Vaccine.HEPATITIS_B: "Hepatitis B",
    Vaccine.HEXAVALENT: "Hexavalent (DTaP-IPV-Hib-HB)", Vaccine.ROTAVIRUS: "Rotavirus",
    Vaccine.PNEUMOCOCCAL: "Pneumococcal conjugate", Vaccine.INFLUENZA: "Influenza",
    Vaccine.MMR: "MMR (SRP)", Vaccine.DPT: "DPT", Vaccine.TDAP: "Tdap",
}


class CovidBrand(StrEnum):
    PFIZER = "pfizer"
    ASTRAZENECA = "astrazeneca"
    MODERNA = "moderna"
    SPUTNIK_V = "sputnik_v"
    SINOVAC = "sinovac"
    COVAXIN = "covaxin"
    CANSINO = "cansino"
    JANSSEN = "janssen"


COVID_DOSES_FOR_FULL_COURSE: dict[CovidBrand, int] = {
    CovidBrand.PFIZER: 2, CovidBrand.ASTRAZENECA: 2, CovidBrand.MODERNA: 2,
    CovidBrand.SPUTNIK_V: 2, CovidBrand.SINOVAC: 2, CovidBrand.COVAXIN: 2,
    CovidBrand.CANSINO: 1, CovidBrand.JANSSEN: 1,
}

_ALIASES: dict[str, str] = {
    "pfizer biontech": "pfizer", "biontech": "pfizer", "comirnaty": "pfizer",
    "astra zeneca": "astrazeneca", "oxford astrazeneca": "astrazeneca", "covishield": "astrazeneca",
    "sputnik": "sputnik_v", "sputnik v": "sputnik_v", "gamaleya": "sputnik_v",
    "coronavac": "sinovac", "bharat": "covaxin", "cansino biologics": "cansino",
    "convidecia": "cansino", "johnson johnson": "janssen", "j j": "janssen",
    "covid": "covid19", "covid 19": "covid19", "sars cov 2": "covid19",
    "hepatitis b": "hepatitis_b", "hep b": "hepatitis_b", "hb": "hepatitis_b",
    "hexavalente": "hexavalent", "neumococo": "pneumococcal", "neumococica": "pneumococcal",
    "neumococica conjugada": "pneumococcal", "mmr": "srp", "triple viral": "srp",
    "tdpa": "tdap",
}


def _code(text: str | None) -> str:
    key = name_key(text)
    return _ALIASES.get(key, key.replace(" ", "_"))


def parse_vaccine(text: str | None) -> Vaccine | None:
    """The vaccine of a stored code or a typed name ("Neumocócica", "SRP"...), or None."""
    try:
        return Vaccine(_code(text))
    except ValueError:
        return None


def parse_covid_brand(text: str | None) -> CovidBrand | None:
    """The COVID-19 product of a stored code or a typed name ("Pfizer-BioNTech"), or None."""
    try:
        return CovidBrand(_code(text))
    except ValueError:
        return None


@dataclass(frozen=True)
class VaccineDose:
    """One recorded dose (as in the vaccination record of the person)."""

    vaccine: str
    brand: str | None = None
    dose: int | None = None
    given_on: date | None = None


@dataclass(frozen=True)
class VaccinePrompt:
    """A suggestion for the health worker: English ``msgid`` plus parameters."""

    vaccine: Vaccine
    dose: int | None
    msgid: str
    params: tuple[tuple[str, object], ...] = ()
    source: Source = Source.CENSIA

    def text(self) -> str:
        return translate(self.msgid, vaccine=translate(VACCINE_LABELS[self.vaccine]),
                         **dict(self.params))


def _doses_of(vaccine: Vaccine, doses: Iterable[VaccineDose]) -> list[VaccineDose]:
    return [d for d in doses if parse_vaccine(d.vaccine) is vaccine]


def _count(records: list[VaccineDose]) -> int:
    """Doses received: the number of records, or the highest dose number recorded (a card
    showing only "dose 2" means dose 1 was given too)."""
    return max([len(records), *(d.dose or 0 for d in records)])


# --- COVID-19 ---------------------------------------------------------------------------

class CovidStatus(StrEnum):
    NONE = "none"
    PARTIAL = "partial"
    COMPLETE = "complete"


@dataclass(frozen=True)
class CovidSummary:
    status: CovidStatus
    doses_received: int
    doses_required: int | None   # None when no product is known
    brands: frozenset[CovidBrand]

    def text(self) -> str:
        if self.status is CovidStatus.NONE:
            return translate("COVID-19: no dose recorded.")
        if self.doses_required is None:
            return translate("COVID-19: {received} dose(s), product unknown: check the card.",
                             received=self.doses_received)
        msgid = ("COVID-19: full course ({received} of {required} doses)."
                 if self.status is CovidStatus.COMPLETE
                 else "COVID-19: partial course ({received} of {required} doses).")
        return translate(msgid, received=self.doses_received, required=self.doses_required)


def covid_status(doses: Iterable[VaccineDose]) -> CovidSummary:
    """Status of the primary COVID-19 course (boosters are not assessed).

    COMPLETE when a single-dose product (CanSino, Janssen) was given, or when two doses were
    given, of one product or mixed (heterologous courses); PARTIAL with one dose of a two-dose
    or unknown product; NONE without records.
    """
    records = _doses_of(Vaccine.COVID19, doses)
    brands = frozenset(b for d in records if (b := parse_covid_brand(d.brand)) is not None)
    received = _count(records) if records else 0
    required = max((COVID_DOSES_FOR_FULL_COURSE[b] for b in brands), default=None)
    single_dose = any(COVID_DOSES_FOR_FULL_COURSE[b] == 1 for b in brands)
    if not records:
        status = CovidStatus.NONE
    elif single_dose or received >= max(COVID_DOSES_FOR_FULL_COURSE.values()):
        status = CovidStatus.COMPLETE
        required = 1 if single_dose else required
    else:
        status = CovidStatus.PARTIAL
    return CovidSummary(status, received, required, brands)


# --- Tdap in pregnancy ------------------------------------------------------------------

TDAP_FROM_WEEK, TDAP_TO_WEEK = 20, 32
TDAP_PROMPT = "Tdap is recommended between weeks 20 and 32 of pregnancy (now week {weeks})."


def tdap_in_pregnancy(*, pregnant: bool, gestation_weeks: int | None,
                      doses: Iterable[VaccineDose], today: date) -> VaccinePrompt | None:
    """Prompt for Tdap from week 20 to week 32 inclusive, unless a Tdap dose is dated within
    this pregnancy (on or after ``today - weeks``). An undated dose does not prove it."""
    if not pregnant or gestation_weeks is None:
        return None
    if not TDAP_FROM_WEEK <= gestation_weeks <= TDAP_TO_WEEK:
        return None
    pregnancy_start = today - timedelta(weeks=gestation_weeks)
    if any(d.given_on is not None and d.given_on >= pregnancy_start
           for d in _doses_of(Vaccine.TDAP, doses)):
        return None
    return VaccinePrompt(Vaccine.TDAP, 1, TDAP_PROMPT, (("weeks", gestation_weeks),))


# --- children's schedule ----------------------------------------------------------------

@dataclass(frozen=True)
class ScheduledDose:
    vaccine: Vaccine
    dose: int
    due_months: int     # age at which the dose is due (0 = at birth)
    until_months: int   # no catch-up prompt after this age


CHILD_SCHEDULE: tuple[ScheduledDose, ...] = (
    ScheduledDose(Vaccine.BCG, 1, 0, 59),
    ScheduledDose(Vaccine.HEPATITIS_B, 1, 0, 119),
    ScheduledDose(Vaccine.HEXAVALENT, 1, 2, 59),
    ScheduledDose(Vaccine.HEXAVALENT, 2, 4, 59),
    ScheduledDose(Vaccine.HEXAVALENT, 3, 6, 59),
    ScheduledDose(Vaccine.HEXAVALENT, 4, 18, 59),
    ScheduledDose(Vaccine.ROTAVIRUS, 1, 2, 7),      # not given from 8 months of age
    ScheduledDose(Vaccine.ROTAVIRUS, 2, 4, 7),
    ScheduledDose(Vaccine.ROTAVIRUS, 3, 6, 7),
    ScheduledDose(Vaccine.PNEUMOCOCCAL, 1, 2, 59),
    ScheduledDose(Vaccine.PNEUMOCOCCAL, 2, 4, 59),
    ScheduledDose(Vaccine.PNEUMOCOCCAL, 3, 12, 59),
    ScheduledDose(Vaccine.INFLUENZA, 1, 6, 59),
    ScheduledDose(Vaccine.INFLUENZA, 2, 7, 59),
    ScheduledDose(Vaccine.MMR, 1, 12, 119),
    ScheduledDose(Vaccine.MMR, 2, 18, 119),
    ScheduledDose(Vaccine.DPT, 1, 48, 83),
)
INFLUENZA_YEARLY_MONTHS = (12, 59)   # a yearly influenza dose from 1 to 4 years
DOSE_DUE_AT_BIRTH = "{vaccine}: dose {dose} is due (from birth)."
DOSE_DUE = "{vaccine}: dose {dose} is due (from {months} months of age)."
FLU_YEARLY_DUE = "{vaccine}: the yearly dose is due (none in the last 12 months)."


def child_schedule_gaps(*, age_months: int, doses: Iterable[VaccineDose],
                        today: date | None = None,
                        schedule: tuple[ScheduledDose, ...] = CHILD_SCHEDULE
                        ) -> tuple[VaccinePrompt, ...]:
    """The next missing dose of each vaccine of the schedule, for a child of ``age_months``.

    A dose is missing when the child is at least ``due_months`` and at most ``until_months``
    old and fewer doses of that vaccine are recorded (counted as in :func:`_count`). With
    ``today`` given, a child of 12-59 months whose latest influenza dose is dated more than 365
    days ago (or undated) also gets the yearly influenza prompt. Prompts follow schedule order.
    """
    doses = list(doses)
    prompts: list[VaccinePrompt] = []
    prompted: set[Vaccine] = set()
    for item in schedule:
        if item.vaccine in prompted or not item.due_months <= age_months <= item.until_months:
            continue
        if _count(_doses_of(item.vaccine, doses)) < item.dose:
            prompted.add(item.vaccine)
            if item.due_months == 0:
                prompts.append(VaccinePrompt(item.vaccine, item.dose, DOSE_DUE_AT_BIRTH,
                                             (("dose", item.dose),)))
            else:
                prompts.append(VaccinePrompt(item.vaccine, item.dose, DOSE_DUE, (
                    ("dose", item.dose), ("months", item.due_months))))
    low, high = INFLUENZA_YEARLY_MONTHS
    if today is not None and Vaccine.INFLUENZA not in prompted and low <= age_months <= high:
        dates = [d.given_on for d in _doses_of(Vaccine.INFLUENZA, doses)]
        latest = max((d for d in dates if d is not None), default=None)
        if latest is None or (today - latest).days > 365:
            prompts.append(VaccinePrompt(Vaccine.INFLUENZA, None, FLU_YEARLY_DUE))
    return tuple(prompts)
