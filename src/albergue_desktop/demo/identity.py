"""Synthetic identifiers and documents: CURP and RFC that python-stdnum accepts (foreigners'
CURPs carry state NE), Haitian and Central American documents, migratory status with its
validity. Every number is made up; none belongs to a real person."""

from __future__ import annotations

import random
from datetime import date, timedelta

from stdnum.mx import curp as stdnum_curp
from stdnum.mx import rfc as stdnum_rfc

from ..domain.enums import DocumentType as D
from ..domain.enums import MigratoryStatus as M
from ..domain.normalize import strip_accents
from .plan import pick

VOWELS = "AEIOU"
CONSONANTS = "BCDFGHJKLMNPQRSTVWXYZ"
_CURP_BLACKLIST = stdnum_curp._name_blacklist  # RENAPO's list of words a CURP must not start with
_HOMOCLAVE = "123456789ABCDEFGHIJKLMNPQRSTUVWXYZ"

STATUS_WEIGHTS = {
    "HT": {M.HUMANITARIAN: 40, M.ASYLUM_SEEKER: 25, M.FMM: 10, M.IRREGULAR: 15, M.VISITOR: 5,
           M.TEMPORARY_RESIDENT: 3, M.VISITOR_WORK: 2},
    "CA": {M.ASYLUM_SEEKER: 40, M.FMM: 20, M.IRREGULAR: 30, M.VISITOR: 10},
}
# COMAR offices that issued the constancias (number prefix -> city, state). Tapachula
# (Chiapas) received most of the 2021 applications; a constancia ties the applicant to the
# state where it was issued (DOMAIN.md, Mexican documents).
COMAR_OFFICES = {"TAP": ("Tapachula", "Chiapas"), "PAL": ("Palenque", "Chiapas"),
                 "CMX": ("Ciudad de México", "Ciudad de México"),
                 "TIJ": ("Tijuana", "Baja California")}
COMAR_OFFICE_WEIGHTS = {"TAP": 85, "PAL": 4, "CMX": 5, "TIJ": 6}
CURP_RATE = {M.HUMANITARIAN: 0.6, M.ASYLUM_SEEKER: 0.7, M.TEMPORARY_RESIDENT: 1.0,
             M.VISITOR_WORK: 0.8}


def _letters(text: str) -> str:
    return "".join(c for c in strip_accents(text).upper() if "A" <= c <= "Z")


def _first_inner(chars: str, pool: str) -> str:
    """First letter of ``chars`` after the initial one that is in ``pool``; X if none."""
    return next((c for c in chars[1:] if c in pool), "X")


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def make_curp(rng: random.Random, given_names: str, surnames: str, birth: date,
              sex: str, state: str = "NE") -> str:
    """A CURP following RENAPO's construction (state NE, born abroad; BC for a baby born in
    Mexicali) with a valid check digit. The homoclave is a digit for births before 2000 and
    a letter after."""
    parts = [_letters(p) for p in surnames.split()] or ["X"]
    first = parts[0] or "X"
    second = parts[1] if len(parts) > 1 and parts[1] else ""
    given = [_letters(g) for g in given_names.split()]
    name = given[1] if len(given) > 1 and given[0] in ("MARIA", "MA", "JOSE", "J") else given[0]
    head = first[0] + _first_inner(first, VOWELS) + (second[:1] or "X") + name[0]
    if head in _CURP_BLACKLIST:
        head = head[0] + "X" + head[2:]
    consonants = "".join(_first_inner(p, CONSONANTS) if p else "X"
                         for p in (first, second, name))
    homoclave = rng.choice("0123456789" if birth.year < 2000 else "ABCDEFGHIJKLMNPQRSTUVWXYZ")
    body = (f"{head}{birth:%y%m%d}{'H' if sex == 'M' else 'M'}{state}{consonants}{homoclave}")
    return body + stdnum_curp.calc_check_digit(body)  # the validators check it on write


def make_rfc(rng: random.Random, curp: str) -> str:
    """Personal RFC (13 characters) from the CURP's name part and birth date, with a
    homoclave and a check digit that python-stdnum accepts."""
    body = curp[:10] + rng.choice(_HOMOCLAVE[:-4]) + rng.choice(_HOMOCLAVE)  # [1-9A-V][1-9A-Z]
    return body + stdnum_rfc.calc_check_digit(body)


def _digits(rng: random.Random, n: int) -> str:
    return f"{rng.randrange(10 ** n):0{n}d}"


def passport(rng: random.Random, country: str, arrival: date) -> dict:
    issue = arrival - timedelta(days=rng.randint(90, 365 * 8))
    years = 10 if issue.year >= 2018 or country != "HT" else 5
    prefix = rng.choice(("PP", "RD", "OC")) if country == "HT" else rng.choice("ABCEFGP")
    return dict(doc_type=D.PASSPORT, number=prefix + _digits(rng, 7), issuing_country=country,
                issue_date=issue, expiry_date=add_years(issue, years))


def national_id(rng: random.Random, country: str, birth: date, arrival: date) -> dict:
    issue = arrival - timedelta(days=rng.randint(200, 365 * 10))
    issue = max(issue, add_years(birth, 18))
    if country == "HT":
        kind = pick(rng, {D.HAITI_NIF: 45, D.HAITI_CIN: 30, D.HAITI_NINU: 25})
        number = {D.HAITI_NIF: lambda: "-".join((_digits(rng, 3), _digits(rng, 3),
                                                  _digits(rng, 3), _digits(rng, 1))),
                  D.HAITI_CIN: lambda: "-".join((_digits(rng, 2), _digits(rng, 2),
                                                  _digits(rng, 2), f"{birth.year}",
                                                  _digits(rng, 2), _digits(rng, 5))),
                  D.HAITI_NINU: lambda: _digits(rng, 10)}[kind]()
        return dict(doc_type=kind, number=number, issuing_country="HT", issue_date=issue)
    number = {"HN": lambda: f"{_digits(rng, 4)}-{birth.year}-{_digits(rng, 5)}",
              "GT": lambda: f"{_digits(rng, 4)} {_digits(rng, 5)} {_digits(rng, 4)}",
              "SV": lambda: f"{_digits(rng, 8)}-{_digits(rng, 1)}"}[country]()
    return dict(doc_type=D.NATIONAL_ID, number=number, issuing_country=country, issue_date=issue)


def birth_certificate(rng: random.Random, country: str, birth: date) -> dict:
    return dict(doc_type=D.BIRTH_CERTIFICATE, number=_digits(rng, 8), issuing_country=country,
                issue_date=birth + timedelta(days=rng.randint(3, 60)))


def migratory_status(rng: random.Random, origin: str, arrival: date, as_of: date) -> dict:
    """A status with its validity dates (a household usually shares one), as held on
    ``as_of``: nothing starts after that day.

    Most people of the 2021 flows entered Mexico at the southern border and applied for
    refugee status at COMAR's Tapachula office (Chiapas) before travelling north; a
    humanitarian visitor card (TVRH) was issued there too, or by INM after arrival."""
    status = pick(rng, STATUS_WEIGHTS["HT" if origin == "HT" else "CA"])
    start = until = None
    office = None
    if status == M.HUMANITARIAN:
        start = arrival + timedelta(days=rng.randint(7, 40))
        if start > as_of or rng.random() < 0.5:  # issued in the south, before the journey
            start = arrival - timedelta(days=rng.randint(10, 90))
        until = start + timedelta(days=365)
    elif status == M.ASYLUM_SEEKER:
        office = pick(rng, COMAR_OFFICE_WEIGHTS)
        if COMAR_OFFICES[office][1] == "Baja California":
            start = arrival + timedelta(days=rng.randint(3, 30))
            if start > as_of:
                office = "TAP"
        if COMAR_OFFICES[office][1] != "Baja California":
            start = arrival - timedelta(days=rng.randint(20, 150))
        until = start + timedelta(days=180)
    elif status in (M.FMM, M.VISITOR, M.VISITOR_WORK):
        start = arrival - timedelta(days=rng.randint(5, 60))
        until = start + timedelta(days=30 if status == M.FMM else 180)
    elif status == M.TEMPORARY_RESIDENT:
        start = arrival - timedelta(days=rng.randint(30, 300))
        until = start + timedelta(days=365)
    return {"status": status, "from": start, "until": until, "office": office}


def status_document(rng: random.Random, status: dict) -> dict | None:
    """The person's own Mexican document proving ``status``, or None."""
    kind, start, until = status["status"], status["from"], status["until"]
    if kind == M.HUMANITARIAN:
        number, doc_type = _digits(rng, 10), D.TVRH_CARD
    elif kind == M.ASYLUM_SEEKER:
        number = f"COMAR-{status['office']}-{start.year}-{_digits(rng, 7)}"
        doc_type = D.COMAR_CONSTANCIA
        until = None
    elif kind == M.FMM or (kind in (M.VISITOR, M.VISITOR_WORK) and rng.random() < 0.5):
        number, doc_type = "FMM" + _digits(rng, 9), D.FMM
    elif kind == M.TEMPORARY_RESIDENT:
        number, doc_type = _digits(rng, 9), D.RESIDENT_CARD
    else:
        return None
    return dict(doc_type=doc_type, number=number, issuing_country="MX", issue_date=start,
                expiry_date=until)


def temporary_curp_document(curp: str, start: date) -> dict:
    """COMAR applicants get a temporary CURP valid 180 days."""
    return dict(doc_type=D.CURP, number=curp, issuing_country="MX", issue_date=start,
                expiry_date=start + timedelta(days=180))
