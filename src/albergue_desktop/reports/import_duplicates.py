"""People already registered, indexed once for a bulk import.

``services.duplicates.find_possible_duplicates`` runs a full-text query per person (tens of
milliseconds when names are common): fine for one registration, minutes for 10,000 rows.
This index loads the people once and scores candidates with the same
``domain.matching.score``, after two safe filters. At the LIKELY_DUPLICATE threshold (85),
without a shared document number, a match needs the same sex (a different one costs 40),
the same birth year (within two when either date is estimated), and a name similarity of at
least 78.6 (70 % of the name score, plus 25 for the same date and 5 for the nationality).
``name_similarity`` is max(token_sort_ratio, token_set_ratio - 5), so that means
token_sort_ratio >= 78.6 or token_set_ratio >= 83.6: rapidfuzz computes both for a whole
bucket at once in C."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

from rapidfuzz import fuzz, process
from sqlalchemy import text

from ..domain.matching import LIKELY_DUPLICATE, PersonFacts, score
from ..domain.normalize import identifier_key, name_key
from ..services.duplicates import DuplicateCandidate
from ..storage.db import Database

YEAR_WINDOW = 2        # years apart that an estimated date of birth may be
NAME_CUTOFF = 78.5     # (85 - 25 - 5) / 0.7 = 78.57, rounded down
SCORERS = ((fuzz.token_sort_ratio, NAME_CUTOFF), (fuzz.token_set_ratio, NAME_CUTOFF + 5))


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


class ExistingPeople:
    """An in-memory index of the live people of a database: by document number, and by
    (sex, birth year, estimated) bucket holding the normalized names."""

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
        # (sex, year, estimated) -> (row indexes, name keys)
        self._buckets: dict[tuple, tuple[list[int], list[str]]] = defaultdict(lambda: ([], []))
        for i, r in enumerate(rows):
            birth = _as_date(r.birth_date)
            docs = tuple(filter(None, [*(r.docs or "").split(), r.curp, r.rfc]))
            estimated = bool(r.birth_date_estimated)
            self._facts.append(PersonFacts(r.given_names, r.surnames, r.sex, birth, estimated,
                                           r.nationality, docs))
            for doc in docs:
                self._by_doc[identifier_key(doc)].append(i)
            if birth is not None:
                ids, keys = self._buckets[(r.sex, birth.year, estimated)]
                ids.append(i)
                keys.append(name_key(f"{r.given_names} {r.surnames}"))

    def __len__(self) -> int:
        return len(self._rows)

    def _candidates(self, facts: PersonFacts) -> set[int]:
        found: set[int] = set()
        for doc in facts.document_numbers:
            found.update(self._by_doc.get(identifier_key(doc), ()))
        if facts.birth_date is None:
            return found
        query = name_key(f"{facts.given_names} {facts.surnames}")
        year = facts.birth_date.year
        for estimated in (False, True):
            window = YEAR_WINDOW if (estimated or facts.birth_date_estimated) else 0
            for y in range(year - window, year + window + 1):
                bucket = self._buckets.get((facts.sex, y, estimated))
                if bucket:
                    ids, keys = bucket
                    for scorer, cutoff in SCORERS:
                        found.update(ids[j] for _key, _score, j in process.extract(
                            query, keys, scorer=scorer, score_cutoff=cutoff, limit=None))
        return found

    def best_match(self, facts: PersonFacts,
                   threshold: float = LIKELY_DUPLICATE) -> DuplicateCandidate | None:
        best: tuple[float, int, object] | None = None
        for i in self._candidates(facts):
            match = score(facts, self._facts[i])
            if match.score >= threshold and (best is None or match.score > best[0]):
                best = (match.score, i, match)
        if best is None:
            return None
        r = self._rows[best[1]]
        return DuplicateCandidate(r.id, r.folio, f"{r.given_names} {r.surnames.upper()}".strip(),
                                  _as_date(r.birth_date), r.center_code, r.center_name,
                                  _as_date(r.created_at), best[2])
