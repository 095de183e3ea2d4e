"""The cross-center duplicates scan: which person records of the whole database may be the
same person, for a supervisor to review (never merged automatically; see
:mod:`.sync_links` for confirming and dismissing).

Blocking decides which pairs are scored at all, so the scan grows with the number of
plausible pairs rather than with the square of the population:

1. same sex, same year of birth and one name token with the same phonetic key
   (:mod:`..domain.phonetic`): spelling variants, swapped given names and surnames;
2. same sex and the same phonetic keys of the first given name and first surname, whatever
   the year (a mistyped or unknown date of birth);
3. a shared document number, CURP or RFC (whatever else differs).

Every pair is then scored by :func:`..domain.matching.score` (rapidfuzz on normalized names,
date of birth, sex, nationality, documents). Members of one household are never proposed;
pairs a reviewer dismissed ("no es duplicado") and records already linked are left out.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from itertools import combinations

from sqlalchemy import text

from ..domain.matching import POSSIBLE_DUPLICATE, PersonFacts, name_similarity, score
from ..domain.normalize import identifier_key
from ..domain.permissions import Permission
from ..domain.phonetic import phonetic_keys
from ..storage.db import Database
from ..storage.report_queries import parse_date, parse_ts
from .context import Actor

MAX_BLOCK = 300  # a name block larger than this is skipped (the other passes still apply)

_PEOPLE_SQL = """
SELECT p.id, p.folio, p.given_names, p.surnames, p.sex, p.birth_date,
       p.birth_date_estimated, p.nationality, p.curp, p.rfc, p.household_id, p.created_at,
       c.code AS center_code, c.name AS center_name,
       (SELECT group_concat(d.number_key, ' ') FROM identity_document d
         WHERE d.person_id = p.id AND d.deleted = 0) AS docs,
       (SELECT sc.code || ' · ' || sc.name FROM stay s JOIN center sc ON sc.id = s.center_id
         WHERE s.person_id = p.id AND s.check_out IS NULL AND s.deleted = 0
         LIMIT 1) AS present_at
FROM person p LEFT JOIN center c ON c.id = p.center_id
WHERE p.deleted = 0 AND p.merged_into_id IS NULL
ORDER BY p.created_at, p.id
"""


@dataclass(frozen=True)
class PersonSide:
    """One record of a proposed pair, as the review screen shows it."""

    id: str
    folio: str | None
    given_names: str
    surnames: str
    sex: str
    birth_date: date | None
    birth_date_estimated: bool
    nationality: str | None
    center_code: str | None
    center_name: str | None
    household_id: str | None
    created_at: datetime | None
    documents: tuple[str, ...]
    present_at: str | None  # "code · name" of the center where the person has an open stay

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.surnames.upper()}".strip()

    def facts(self) -> PersonFacts:
        return PersonFacts(self.given_names, self.surnames, self.sex, self.birth_date,
                           self.birth_date_estimated, self.nationality, self.documents)


@dataclass(frozen=True)
class DuplicatePair:
    """Two records that may be one person. ``reasons`` are (code, detail): ``document``
    (the shared number), ``name`` (similarity in %), ``phonetic``, ``birth_date``,
    ``birth_year``, ``other_center``. ``keep`` is the record suggested to keep: the one with
    an open stay, else the older one."""

    a: PersonSide
    b: PersonSide
    score: float
    reasons: tuple[tuple[str, str], ...]

    @property
    def cross_center(self) -> bool:
        return (self.a.center_code or "") != (self.b.center_code or "")

    @property
    def key(self) -> tuple[str, str]:
        return (self.a.id, self.b.id)

    @property
    def keep(self) -> PersonSide:
        if bool(self.a.present_at) != bool(self.b.present_at):
            return self.a if self.a.present_at else self.b
        older = min((self.a, self.b), key=lambda p: (p.created_at is None, p.created_at or 0,
                                                     p.folio or ""))
        return older


@dataclass(frozen=True)
class ScanResult:
    pairs: list[DuplicatePair]
    people: int        # records scanned
    compared: int      # pairs scored after blocking
    seconds: float


def _side(r) -> PersonSide:
    docs = tuple(filter(None, [*(r.docs or "").split(), identifier_key(r.curp),
                               identifier_key(r.rfc)]))
    return PersonSide(r.id, r.folio, r.given_names, r.surnames or "", r.sex,
                      parse_date(r.birth_date), bool(r.birth_date_estimated), r.nationality,
                      r.center_code, r.center_name, r.household_id, parse_ts(r.created_at),
                      docs, r.present_at)


def _blocks(people: list[PersonSide]) -> list[list[int]]:
    by_name: dict[tuple, list[int]] = defaultdict(list)
    by_first: dict[tuple, list[int]] = defaultdict(list)
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(people):
        given, surnames = phonetic_keys(p.given_names), phonetic_keys(p.surnames)
        if p.birth_date is not None:
            for key in set(given + surnames):
                by_name[(p.sex, p.birth_date.year, key)].append(i)
        if given and surnames:
            by_first[(p.sex, frozenset((given[0], surnames[0])))].append(i)
        for number in set(p.documents):
            by_doc[number].append(i)
    named = [b for b in (*by_name.values(), *by_first.values()) if 1 < len(b) <= MAX_BLOCK]
    return named + [b for b in by_doc.values() if len(b) > 1]


def _reasons(a: PersonSide, b: PersonSide) -> tuple[tuple[str, str], ...]:
    reasons: list[tuple[str, str]] = []
    shared = sorted(set(a.documents) & set(b.documents))
    if shared:
        reasons.append(("document", shared[0]))
    reasons.append(("name", f"{name_similarity(a.facts(), b.facts()):.0f}"))
    if sorted(phonetic_keys(f"{a.given_names} {a.surnames}")) == \
            sorted(phonetic_keys(f"{b.given_names} {b.surnames}")):
        reasons.append(("phonetic", ""))
    if a.birth_date and b.birth_date:
        if a.birth_date == b.birth_date:
            reasons.append(("birth_date", a.birth_date.isoformat()))
        elif a.birth_date.year == b.birth_date.year:
            reasons.append(("birth_year", str(a.birth_date.year)))
    if (a.center_code or "") != (b.center_code or ""):
        reasons.append(("other_center", f"{a.center_code or '—'} / {b.center_code or '—'}"))
    return tuple(reasons)


def dismissed_pairs(conn) -> set[tuple[str, str]]:
    rows = conn.execute(text(
        "SELECT person_a_id, person_b_id FROM duplicate_review "
        "WHERE deleted = 0 AND decision = 'not_duplicate'"))
    return {tuple(sorted(r)) for r in rows}


def scan_duplicates(db: Database, actor: Actor, *, threshold: float = POSSIBLE_DUPLICATE,
                    cross_center_only: bool = False,
                    progress: Callable[[int, int], None] | None = None) -> ScanResult:
    """Pairs of live, unlinked records that may be one person, best first (cross-center
    pairs first among equal scores). ``progress(done, total)`` follows the scoring."""
    actor.require(Permission.REVIEW_SYNC)
    started = time.perf_counter()
    with db.session(actor.username) as session:
        conn = session.connection()
        people = [_side(r) for r in conn.execute(text(_PEOPLE_SQL))]
        dismissed = dismissed_pairs(conn)
    candidates: set[tuple[int, int]] = set()
    for block in _blocks(people):
        candidates.update(combinations(sorted(block), 2))
    pairs: list[DuplicatePair] = []
    for done, (i, j) in enumerate(sorted(candidates)):
        if progress is not None and done % 5000 == 0:
            progress(done, len(candidates))
        a, b = people[i], people[j]
        if a.household_id and a.household_id == b.household_id:
            continue
        if cross_center_only and (a.center_code or "") == (b.center_code or ""):
            continue
        if a.id > b.id:
            a, b = b, a
        if (a.id, b.id) in dismissed:
            continue
        match = score(a.facts(), b.facts())
        if match.score >= threshold:
            pairs.append(DuplicatePair(a, b, round(match.score, 1), _reasons(a, b)))
    pairs.sort(key=lambda p: (-p.score, not p.cross_center, p.a.folio or "", p.b.folio or ""))
    return ScanResult(pairs, len(people), len(candidates), time.perf_counter() - started)
