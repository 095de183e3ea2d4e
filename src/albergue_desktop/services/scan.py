"""What a scanned ID card or a typed search finds: the one person whose folio was read (the
ID card's QR code holds the folio, reports/idcards.py), or the people a search matches.
Shared by the queue screens (vaccination days, distributions)."""

from __future__ import annotations

from dataclasses import dataclass

from ..storage.queries import PersonRow
from ..storage.db import Database
from . import people_list
from .context import Actor

SEARCH_LIMIT = 20


@dataclass(frozen=True)
class ScanResult:
    text: str
    exact: PersonRow | None  # the folio read matches this person
    matches: tuple[PersonRow, ...]  # a search's results (exact included when found)


def resolve(db: Database, actor: Actor, text: str, *, limit: int = SEARCH_LIMIT) -> ScanResult:
    """The person of a scanned folio, or the people whose name, folio or document matches
    ``text`` (VIEW_PEOPLE)."""
    text = " ".join((text or "").split())
    if not text:
        return ScanResult(text, None, ())
    rows = people_list.search_people(db, actor, text, limit=limit)
    exact = next((r for r in rows if r.folio and r.folio.upper() == text.upper()), None)
    return ScanResult(text, exact, tuple(rows))
