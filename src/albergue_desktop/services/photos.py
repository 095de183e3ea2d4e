"""A person's optional photo (table ``person_photo``): set, remove, read.

The desktop decodes the chosen file and downscales it with Qt before calling
:func:`set_photo` (about 480 px on the long side, some 60 KB of JPEG), so this module needs no
imaging library: it checks that the bytes are a JPEG or PNG by their header and that they fit
the size limit. A photo is personal data, not health data (EDIT_PEOPLE / VIEW_PEOPLE).

A new photo tombstones the previous row and adds its own; a row's image never changes, so the
history (storage hook) records "photo added" / "photo removed" and never the bytes."""

from __future__ import annotations

from collections.abc import Iterable
from contextlib import nullcontext
from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy.orm import Session
from sqlmodel import select

from ..domain import clock
from ..domain.errors import FieldError, NotFoundError, RuleViolation, ValidationError
from ..domain.permissions import Permission
from ..storage.db import Database
from ..storage.tables import Person, PersonPhoto
from ..storage.versioning import utcnow
from .context import Actor
from .people import Registration, register_household
from .stays import take_write_lock

# The desktop aims at ~60 KB; this leaves room for a detailed face and refuses raw camera
# files (several MB each would bloat every center's file and every sync).
MAX_PHOTO_BYTES = 100 * 1024
JPEG, PNG = "image/jpeg", "image/png"
_SIGNATURES = ((b"\xff\xd8\xff", JPEG), (b"\x89PNG\r\n\x1a\n", PNG))
REPLACED = "replaced by a new photo"


@dataclass(frozen=True)
class Photo:
    id: str
    person_id: str
    image: bytes
    mime: str
    taken_at: datetime | None
    created_by: str | None


def image_type(data: bytes) -> str | None:
    """``image/jpeg`` or ``image/png`` from the first bytes; None for anything else."""
    for signature, mime in _SIGNATURES:
        if data.startswith(signature):
            return mime
    return None


def check_image(data: bytes | None) -> str:
    """The MIME type of ``data``; :class:`ValidationError` (field ``photo``) when it is not
    a JPEG/PNG or is too large."""
    mime = image_type(data or b"")
    if mime is None:
        raise ValidationError([FieldError("photo", "The file is not a JPEG or PNG image.")])
    if len(data) > MAX_PHOTO_BYTES:
        raise ValidationError([FieldError(
            "photo", "The photo is too large ({size} KB; at most {max} KB).",
            {"size": -(-len(data) // 1024), "max": MAX_PHOTO_BYTES // 1024})])
    return mime


def _live_person(session: Session, person_id: str) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError("person", person_id)
    if person.deleted:
        raise RuleViolation("This record was deleted.")
    return person


def _live_photos(session: Session, person_id: str) -> list[PersonPhoto]:
    return list(session.exec(select(PersonPhoto).where(
        PersonPhoto.person_id == person_id, PersonPhoto.deleted == False)))  # noqa: E712


def _tombstone(photo: PersonPhoto, actor: Actor, reason: str | None) -> None:
    photo.deleted, photo.deleted_at = True, utcnow()
    photo.deleted_by, photo.delete_reason = actor.username, reason


def set_photo(db: Database, actor: Actor, person_id: str, image: bytes, *,
              taken_at: datetime | None = None, session: Session | None = None) -> str:
    """Store ``image`` (JPEG or PNG bytes, already downscaled) as the person's photo,
    replacing the current one. Returns the id of the new row. With ``session`` the rows join
    the caller's transaction (the registration saves the household and its photos at once)."""
    actor.require(Permission.EDIT_PEOPLE)
    mime = check_image(image)
    with (nullcontext(session) if session is not None
          else db.session(actor.username)) as s:
        take_write_lock(s)
        _live_person(s, person_id)
        for old in _live_photos(s, person_id):
            _tombstone(old, actor, REPLACED)
            s.add(old)
        s.flush()  # the history reads "replaced", then "added"
        photo = PersonPhoto(person_id=person_id, image=bytes(image), mime=mime,
                            taken_at=taken_at or clock.now())
        s.add(photo)
        s.flush()
        return photo.id


def remove_photo(db: Database, actor: Actor, person_id: str, *,
                 reason: str | None = None) -> bool:
    """Tombstone the person's photo (the row stays for the history and the sync). False when
    there was none."""
    actor.require(Permission.EDIT_PEOPLE)
    reason = (reason or "").strip() or None
    with db.session(actor.username) as s:
        take_write_lock(s)
        _live_person(s, person_id)
        photos = _live_photos(s, person_id)
        for photo in photos:
            _tombstone(photo, actor, reason)
            s.add(photo)
    return bool(photos)


def register_with_photos(db: Database, actor: Actor, *, member_photos: list[bytes | None],
                         **registration) -> Registration:
    """:func:`services.people.register_household` and the members' photos (in member order,
    None for no photo) in one transaction: a refused photo saves nothing."""
    if any(member_photos):
        actor.require(Permission.EDIT_PEOPLE)
    errors = []
    for index, image in enumerate(member_photos):
        if image is not None:
            try:
                check_image(image)
            except ValidationError as exc:
                errors += [replace(e, field=f"members.{index}.{e.field}")
                           for e in exc.errors]
    if errors:
        raise ValidationError(errors)
    with db.session(actor.username) as s:
        done = register_household(db, actor, session=s, **registration)
        for person_id, image in zip(done.person_ids, member_photos):
            if image is not None:
                set_photo(db, actor, person_id, image, session=s)
    return done


def _latest(rows: Iterable[PersonPhoto]) -> dict[str, PersonPhoto]:
    """person_id -> the photo taken last (two centers may each have set one before a sync)."""
    best: dict[str, PersonPhoto] = {}
    for row in rows:
        key = (row.taken_at or row.created_at, row.id)
        current = best.get(row.person_id)
        if current is None or key > (current.taken_at or current.created_at, current.id):
            best[row.person_id] = row
    return best


def photos_of(session: Session, person_ids: list[str]) -> dict[str, bytes]:
    """person_id -> image bytes of the current photo, for those who have one (ID cards)."""
    found: dict[str, bytes] = {}
    for start in range(0, len(person_ids), 500):
        chunk = person_ids[start:start + 500]
        rows = session.exec(select(PersonPhoto).where(
            PersonPhoto.person_id.in_(chunk), PersonPhoto.deleted == False))  # noqa: E712
        found |= {pid: row.image for pid, row in _latest(rows).items()}
    return found


def get_photo(db: Database, actor: Actor, person_id: str) -> Photo | None:
    actor.require(Permission.VIEW_PEOPLE)
    with db.session(actor.username) as s:
        row = _latest(_live_photos(s, person_id)).get(person_id)
        if row is None:
            return None
        return Photo(row.id, row.person_id, row.image, row.mime, row.taken_at, row.created_by)
