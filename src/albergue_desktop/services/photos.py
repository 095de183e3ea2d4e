"""A person's optional photo (table ``person_photo``): set, remove, read.

The desktop downscales the chosen file with Qt before calling :func:`set_photo`, but this
module trusts no caller: :func:`prepare_photo` decodes the bytes itself with Pillow (no Qt
below ui/), refuses files that are too large in bytes or in pixels before decoding them
(a "decompression bomb" declares a huge size in a small file), and re-encodes the image as a
JPEG of at most 480 px on the long side with no metadata (EXIF: GPS position, camera serial,
date; ICC profiles, comments, and anything hidden after the image data are dropped).
A photo is personal data, not health data (EDIT_PEOPLE / VIEW_PEOPLE).

A new photo tombstones the previous row and adds its own; a row's image never changes, so the
history (storage hook) records "photo added" / "photo removed" and never the bytes."""

from __future__ import annotations

import io
import warnings
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
# What the service accepts before decoding: a phone photo (up to ~40 MP, ~15 MB), not more.
MAX_SOURCE_BYTES = 15 * 1024 * 1024
MAX_SOURCE_PIXELS = 40_000_000
MAX_SOURCE_SIDE = 12_000
LONG_SIDE = 480       # px of the stored photo (ID card at 300 dpi needs ~300 px)
JPEG_QUALITY = 82
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


def _invalid(msgid: str, **params) -> ValidationError:
    return ValidationError([FieldError("photo", msgid, params)])


def check_image(data: bytes | None) -> str:
    """The MIME type of ``data`` by its header; :class:`ValidationError` (field ``photo``)
    when it is not a JPEG/PNG or larger than a photo can be. Cheap: decodes nothing."""
    mime = image_type(data or b"")
    if mime is None:
        raise _invalid("The file is not a JPEG or PNG image.")
    if len(data) > MAX_SOURCE_BYTES:
        raise _invalid("The photo is too large ({size} KB; at most {max} KB).",
                       size=-(-len(data) // 1024), max=MAX_SOURCE_BYTES // 1024)
    return mime


def prepare_photo(data: bytes | None) -> bytes:
    """Decode ``data`` (JPEG or PNG), bound it and re-encode it: a JPEG of at most
    :data:`LONG_SIDE` px and :data:`MAX_PHOTO_BYTES`, without any metadata.
    :class:`ValidationError` (field ``photo``, Spanish message) for anything else."""
    from PIL import Image, ImageOps  # imported on use: opening the app does not pay for it

    check_image(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image: Image.Image = Image.open(io.BytesIO(data), formats=("JPEG", "PNG"))
            width, height = image.size  # from the header: nothing decoded yet
            if (width * height > MAX_SOURCE_PIXELS or max(width, height) > MAX_SOURCE_SIDE
                    or min(width, height) < 1):
                raise _invalid("The image is too large ({width} × {height} pixels; at most "
                               "{max} megapixels).", width=width, height=height,
                               max=MAX_SOURCE_PIXELS // 1_000_000)
            if image.format == "JPEG":  # decode at 1/2..1/8 scale straight away
                image.draft("RGB", (LONG_SIDE * 2, LONG_SIDE * 2))
            image.load()
            image = ImageOps.exif_transpose(image)  # keep it upright, then drop the EXIF
            if image.mode in ("RGBA", "LA", "P", "PA"):
                image = image.convert("RGBA")
                flat = Image.new("RGB", image.size, (255, 255, 255))
                flat.paste(image, mask=image.getchannel("A"))
                image = flat
            elif image.mode != "RGB":
                image = image.convert("RGB")
            image.thumbnail((LONG_SIDE, LONG_SIDE), Image.Resampling.LANCZOS)
            clean = Image.new("RGB", image.size)  # a new image carries no info/exif/icc
            clean.paste(image)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        # Pillow's own guard fired while reading the header (sizes far beyond ours)
        raise _invalid("The image declares a size far too large for a photo.") from exc
    except (OSError, SyntaxError, ValueError, TypeError, EOFError, MemoryError) as exc:
        raise _invalid("The image is damaged or cannot be read.") from exc
    for quality in (JPEG_QUALITY, 70, 55, 40):
        out = io.BytesIO()
        clean.save(out, "JPEG", quality=quality, optimize=True)
        if out.tell() <= MAX_PHOTO_BYTES:
            return out.getvalue()
    raise _invalid("The photo is too large ({size} KB; at most {max} KB).",  # pragma: no cover
                   size=-(-out.tell() // 1024), max=MAX_PHOTO_BYTES // 1024)


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
    """Store ``image`` (JPEG or PNG bytes) as the person's photo, replacing the current one;
    it is decoded, bounded and re-encoded by :func:`prepare_photo` first. Returns the id of
    the new row. With ``session`` the rows join the caller's transaction (the registration
    saves the household and its photos at once)."""
    actor.require(Permission.EDIT_PEOPLE)
    image = prepare_photo(image)
    return _store(db, actor, person_id, image, taken_at=taken_at, session=session)


def _store(db: Database, actor: Actor, person_id: str, image: bytes, *,
           taken_at: datetime | None, session: Session | None) -> str:
    """Store an image already made by :func:`prepare_photo`."""
    mime = JPEG
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
    errors, prepared = [], []
    for index, image in enumerate(member_photos):
        if image is None:
            prepared.append(None)
            continue
        try:
            prepared.append(prepare_photo(image))
        except ValidationError as exc:
            errors += [replace(e, field=f"members.{index}.{e.field}") for e in exc.errors]
    if errors:
        raise ValidationError(errors)
    with db.session(actor.username) as s:
        done = register_household(db, actor, session=s, **registration)
        for person_id, image in zip(done.person_ids, prepared):
            if image is not None:
                _store(db, actor, person_id, image, taken_at=None, session=s)
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
