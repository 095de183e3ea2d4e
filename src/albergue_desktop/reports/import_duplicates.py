"""People already registered, indexed once for a bulk import.

``services.duplicates.find_possible_duplicates`` runs a full-text query per person (tens of
milliseconds when names are common): fine for one registration, minutes for 10,000 rows.
This index loads the people once and blocks candidates by document number, exact date of
birth, and (name token, birth year within 2); it scores them with the same
``domain.matching.score``. At the LIKELY_DUPLICATE threshold nothing is lost by the year
blocking: without a shared document a score of 85 needs the same birth year (or within two
years when a date is estimated)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from sqlalchemy import text

from ..domain.matching import LIKELY_DUPLICATE, PersonFacts, score
from ..domain.normalize import identifier_key, search_tokens
from ..services.duplicates import DuplicateCandidate
from ..storage.db import Database

YEAR_WINDOW = 2


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


class ExistingPeople:
    """An in-memory blocking index of the live people of a database."""

    def __init__(self, db: Database) -> None:
        with db.session() as session:
            rows = session.connection().execute(text("""
                SELECT p.id, p.folio, p.given_names, p.surnames, p.sex, p.birth_date,
                       p.birth_date_estimated, p.nationality, p.curp, p.rfc, p.created_at,
                       c.code AS center_code, c.name AS center_name,
                       (SELECT group_concat(d.number_key, ' ') FROM identity_document d
                         WHERE d.person_id = p.id AND d.deleted = 0) AS docs
                FROM person p LEFT JOIN center c ON c.id = p.center_id
                WHERE p.deleted = 0 AND p.merged_into_id IS NULL""")).all()
        self._rows = rows
        self._facts: list[PersonFacts] = []
        self._by_doc: dict[str, list[int]] = defaultdict(list)
        self._by_date: dict[date, list[int]] = defaultdict(list)
        self._by_token_year: dict[tuple[str, int], list[int]] = defaultdict(list)
        for i, r in enumerate(rows):
            birth = _as_date(r.birth_date)
            docs = tuple(filter(None, [*(r.docs or "").split(), r.curp, r.rfc]))
            self._facts.append(PersonFacts(r.given_names, r.surnames, r.sex, birth,
                                           bool(r.birth_date_estimated), r.nationality, docs))
            for doc in docs:
                self._by_doc[identifier_key(doc)].append(i)
            if birth is not None:
                self._by_date[birth].append(i)
                for token in set(search_tokens(f"{r.given_names} {r.surnames}")):
                    self._by_token_year[(token, birth.year)].append(i)

    def __len__(self) -> int:
        return len(self._rows)

    def best_match(self, facts: PersonFacts,
                   threshold: float = LIKELY_DUPLICATE) -> DuplicateCandidate | None:
        found: set[int] = set()
        for doc in facts.document_numbers:
            found.update(self._by_doc.get(identifier_key(doc), ()))
        if facts.birth_date is not None:
            found.update(self._by_date.get(facts.birth_date, ()))
            year = facts.birth_date.year
            for token in set(search_tokens(f"{facts.given_names} {facts.surnames}")):
                for y in range(year - YEAR_WINDOW, year + YEAR_WINDOW + 1):
                    found.update(self._by_token_year.get((token, y), ()))
        best: tuple[float, int, object] | None = None
        for i in found:
            match = score(facts, self._facts[i])
            if match.score >= threshold and (best is None or match.score > best[0]):
                best = (match.score, i, match)
        if best is None:
            return None
        r = self._rows[best[1]]
        return DuplicateCandidate(r.id, r.folio, f"{r.given_names} {r.surnames.upper()}".strip(),
                                  _as_date(r.birth_date), r.center_code, r.center_name,
                                  _as_date(r.created_at), best[2])
