"""Finding people who may already be registered (here or at another center)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import text

from ..domain.matching import POSSIBLE_DUPLICATE, MatchScore, PersonFacts, score
from ..domain.normalize import identifier_key, search_tokens
from ..domain.permissions import Permission
from ..storage.db import Database
from .context import Actor

MAX_CANDIDATES = 400


@dataclass(frozen=True)
class DuplicateCandidate:
    person_id: str
    folio: str | None
    full_name: str
    birth_date: date | None
    center_code: str | None
    center_name: str | None
    registered_on: date | None
    match: MatchScore


def _candidate_rows(conn, facts: PersonFacts):
    """Blocking: anyone sharing a name token (full-text index) or a document number."""
    tokens = [t for t in search_tokens(f"{facts.given_names} {facts.surnames}") if len(t) > 1]
    docs = [identifier_key(n) for n in facts.document_numbers if identifier_key(n)]
    ids: set[str] = set()
    if tokens:
        match = " OR ".join(f'name : "{t}"' for t in tokens)
        ids |= {r[0] for r in conn.execute(text(
            "SELECT k.person_id FROM person_fts f JOIN person_key k ON k.n = f.rowid "
            "WHERE person_fts MATCH :m ORDER BY f.rank LIMIT :n"),
            {"m": match, "n": MAX_CANDIDATES})}
    for number in docs:
        ids |= {r[0] for r in conn.execute(text(
            "SELECT person_id FROM identity_document WHERE number_key = :k AND deleted = 0"),
            {"k": number})}
        ids |= {r[0] for r in conn.execute(text(
            "SELECT id FROM person WHERE (curp = :k OR rfc = :k) AND deleted = 0"), {"k": number})}
    if not ids:
        return []
    placeholders = ",".join(f":i{n}" for n in range(len(ids)))
    params = {f"i{n}": v for n, v in enumerate(ids)}
    return conn.execute(text(f"""
        SELECT p.id, p.folio, p.given_names, p.surnames, p.sex, p.birth_date,
               p.birth_date_estimated, p.nationality, p.curp, p.rfc, p.created_at,
               c.code AS center_code, c.name AS center_name,
               (SELECT group_concat(d.number_key, ' ') FROM identity_document d
                 WHERE d.person_id = p.id AND d.deleted = 0) AS docs
        FROM person p LEFT JOIN center c ON c.id = p.center_id
        WHERE p.id IN ({placeholders}) AND p.deleted = 0 AND p.merged_into_id IS NULL"""),
        params).all()


def _as_date(value) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def find_possible_duplicates(db: Database, actor: Actor, facts: PersonFacts, *,
                             exclude_ids: frozenset[str] = frozenset(),
                             threshold: float = POSSIBLE_DUPLICATE,
                             limit: int = 5) -> list[DuplicateCandidate]:
    """People in this database (any center, including people received through sync) who
    may be the person described by ``facts``, best first."""
    actor.require(Permission.VIEW_PEOPLE)
    with db.read_session() as session:
        rows = _candidate_rows(session.connection(), facts)
    found = []
    for r in rows:
        if r.id in exclude_ids:
            continue
        other = PersonFacts(r.given_names, r.surnames, r.sex, _as_date(r.birth_date),
                            bool(r.birth_date_estimated), r.nationality,
                            tuple(filter(None, [*(r.docs or "").split(), r.curp, r.rfc])))
        match = score(facts, other)
        if match.score >= threshold:
            found.append(DuplicateCandidate(
                r.id, r.folio, f"{r.given_names} {r.surnames.upper()}".strip(),
                _as_date(r.birth_date), r.center_code, r.center_name,
                _as_date(r.created_at), match))
    found.sort(key=lambda c: -c.match.score)
    return found[:limit]
