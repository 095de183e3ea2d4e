"""Scoring how likely two person records are the same person (duplicate warnings and the
cross-center duplicates review). Pure: takes plain values, returns a score and the reasons."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rapidfuzz import fuzz

from .normalize import identifier_key, name_key

LIKELY_DUPLICATE = 85.0   # shown as "this may be ..."
POSSIBLE_DUPLICATE = 70.0


@dataclass(frozen=True)
class PersonFacts:
    given_names: str
    surnames: str
    sex: str | None = None
    birth_date: date | None = None
    birth_date_estimated: bool = False
    nationality: str | None = None
    document_numbers: tuple[str, ...] = ()


@dataclass(frozen=True)
class MatchScore:
    score: float
    reasons: list[str] = field(default_factory=list)


def name_similarity(a: PersonFacts, b: PersonFacts) -> float:
    """0-100. Token order is ignored (surnames written first, given names swapped)."""
    left = name_key(f"{a.given_names} {a.surnames}")
    right = name_key(f"{b.given_names} {b.surnames}")
    if not left or not right:
        return 0.0
    return max(fuzz.token_sort_ratio(left, right), fuzz.token_set_ratio(left, right) - 5)


def score(a: PersonFacts, b: PersonFacts) -> MatchScore:
    """Combine name similarity with birth date, sex, nationality and document numbers.
    A shared document number is decisive; a different sex or distant birth year is strong
    evidence against."""
    reasons: list[str] = []
    docs_a = {identifier_key(n) for n in a.document_numbers if identifier_key(n)}
    docs_b = {identifier_key(n) for n in b.document_numbers if identifier_key(n)}
    names = name_similarity(a, b)
    if docs_a & docs_b:
        born_close = (a.birth_date is not None and b.birth_date is not None
                      and abs(a.birth_date.year - b.birth_date.year) <= 1)
        if names >= 60 or (born_close and not (a.sex and b.sex and a.sex != b.sex)):
            return MatchScore(100.0, ["same document number"])
        # The same number on two records with other names, sex or age is a typing error or
        # a document shared by a family: worth a look, not a certain match.
        return MatchScore(POSSIBLE_DUPLICATE, ["same document number", f"name {names:.0f}%"])
    total = names * 0.7
    reasons.append(f"name {names:.0f}%")
    if a.birth_date and b.birth_date:
        if a.birth_date == b.birth_date:
            total += 25
            reasons.append("same date of birth")
        elif abs(a.birth_date.year - b.birth_date.year) <= (
                2 if (a.birth_date_estimated or b.birth_date_estimated) else 0):
            total += 15
            reasons.append("similar year of birth")
        elif abs(a.birth_date.year - b.birth_date.year) > 5:
            total -= 30
    if a.sex and b.sex and a.sex != b.sex:
        total -= 40
    if a.nationality and b.nationality:
        total += 5 if a.nationality == b.nationality else -5
    return MatchScore(max(0.0, min(total, 99.0)), reasons)
