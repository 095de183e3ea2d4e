"""Decisions of the duplicates review: "confirmar duplicado" links a record to the person
kept (``person.merged_into_id``), "deshacer" clears the link, "no es duplicado" dismisses
the pair for good (a ``duplicate_review`` row). Each is an ordinary write: stamped, audited
by the storage hook and synced to every file. Nothing is ever merged automatically, and
no data of either record is changed or lost: the duplicate keeps its folio, documents and
stays, which the kept person's record lists (:func:`linked_duplicates`).

Links are one level deep: a record linked to another is never the target of a link, and
confirming a record that others point to moves those links to the kept person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlmodel import Session, select

from ..domain.errors import NotFoundError, RuleViolation
from ..domain.permissions import Permission
from ..storage.db import Database
from ..storage.tables import Center, DuplicateReview, Person, Stay
from ..storage.versioning import utcnow
from .context import Actor
from .stays import take_write_lock


def _live_person(session: Session, person_id: str) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError("person", person_id)
    if person.deleted:
        raise RuleViolation("The record {folio} was deleted.", folio=person.folio or person_id)
    return person


def _open_stay_center(session: Session, person_id: str) -> str | None:
    stay = session.exec(select(Stay).where(
        Stay.person_id == person_id, Stay.deleted == False,  # noqa: E712
        Stay.check_out == None)).first()  # noqa: E711
    if stay is None:
        return None
    center = session.get(Center, stay.center_id)
    return center.code if center else "?"


def confirm_duplicate(db: Database, actor: Actor, *, duplicate_id: str, kept_id: str) -> None:
    """Record that ``duplicate_id`` is the same person as ``kept_id``: every list and count
    then shows only the kept person. Refused when the link would not be one level deep
    or both records are lodged at the same time (check one of them out first)."""
    actor.require(Permission.REVIEW_SYNC)
    if duplicate_id == kept_id:
        raise RuleViolation("A record cannot be a duplicate of itself.")
    with db.session(actor.username) as session:
        take_write_lock(session)
        duplicate = _live_person(session, duplicate_id)
        kept = _live_person(session, kept_id)
        if kept.merged_into_id is not None:
            target = session.get(Person, kept.merged_into_id)
            raise RuleViolation(
                "{folio} is itself a duplicate of {other}; link to {other} instead.",
                folio=kept.folio or kept.id, other=(target.folio if target else None)
                or kept.merged_into_id)
        if duplicate.merged_into_id is not None:
            raise RuleViolation("{folio} is already linked as a duplicate.",
                                folio=duplicate.folio or duplicate.id)
        here, there = (_open_stay_center(session, duplicate_id),
                       _open_stay_center(session, kept_id))
        if here and there:
            raise RuleViolation(
                "Both records have an open stay (centers {first} and {second}): record the "
                "departure of one of them first.", first=there, second=here)
        followers = session.exec(select(Person).where(Person.merged_into_id == duplicate_id))
        for follower in followers:
            follower.merged_into_id = kept_id
            session.add(follower)
        duplicate.merged_into_id = kept_id
        session.add(duplicate)


def undo_duplicate(db: Database, actor: Actor, *, duplicate_id: str) -> None:
    """Clear the link of a confirmed duplicate: it is listed and counted again."""
    actor.require(Permission.REVIEW_SYNC)
    with db.session(actor.username) as session:
        take_write_lock(session)
        duplicate = _live_person(session, duplicate_id)
        if duplicate.merged_into_id is None:
            raise RuleViolation("{folio} is not linked as a duplicate.",
                                folio=duplicate.folio or duplicate.id)
        duplicate.merged_into_id = None
        session.add(duplicate)


def dismiss_pair(db: Database, actor: Actor, first_id: str, second_id: str, *,
                 note: str | None = None) -> DuplicateReview:
    """"No es duplicado": the pair is not proposed again, here or on any synced file."""
    actor.require(Permission.REVIEW_SYNC)
    a, b = sorted((first_id, second_id))
    with db.session(actor.username) as session:
        for person_id in (a, b):
            _live_person(session, person_id)
        existing = session.exec(select(DuplicateReview).where(
            DuplicateReview.person_a_id == a, DuplicateReview.person_b_id == b,
            DuplicateReview.deleted == False)).first()  # noqa: E712
        if existing is not None:
            return existing
        review = DuplicateReview(person_a_id=a, person_b_id=b, decision="not_duplicate",
                                 decided_at=utcnow(), decided_by=actor.username,
                                 note=(note or "").strip() or None)
        session.add(review)
    return review


def linked_duplicates(db: Database, actor: Actor, kept_id: str) -> list[Person]:
    """Live records confirmed as duplicates of ``kept_id`` (detached), by folio."""
    actor.require(Permission.VIEW_PEOPLE)
    with db.session(actor.username) as session:
        rows = list(session.exec(select(Person).where(
            Person.merged_into_id == kept_id, Person.deleted == False)  # noqa: E712
            .order_by(Person.folio)))
        session.expunge_all()
    return rows


@dataclass(frozen=True)
class LinkLine:
    """A confirmed duplicate and the person it is linked to, for the review screen."""

    duplicate_id: str
    duplicate: str  # "MXL-07-000001 · Vilner LOUIZ (07)"
    kept_id: str
    kept: str
    linked_by: str | None
    linked_at: datetime | None


def _line(person: Person, centers: dict[str, str]) -> str:
    name = f"{person.given_names} {person.surnames.upper()}".strip()
    center = centers.get(person.center_id or "", "—")
    return f"{person.folio or '—'} · {name} ({center})"


def confirmed_links(db: Database, actor: Actor) -> list[LinkLine]:
    """Every live record linked as a duplicate, latest link first."""
    actor.require(Permission.REVIEW_SYNC)
    with db.session(actor.username) as session:
        centers = {c.id: c.code for c in session.exec(select(Center))}
        duplicates = list(session.exec(select(Person).where(
            Person.merged_into_id != None, Person.deleted == False)))  # noqa: E711, E712
        lines = []
        for dup in duplicates:
            kept = session.get(Person, dup.merged_into_id)
            lines.append(LinkLine(dup.id, _line(dup, centers), dup.merged_into_id,
                                  _line(kept, centers) if kept else dup.merged_into_id,
                                  dup.updated_by, dup.updated_at))
    lines.sort(key=lambda line: line.linked_at or datetime.min.replace(tzinfo=timezone.utc),
               reverse=True)
    return lines
