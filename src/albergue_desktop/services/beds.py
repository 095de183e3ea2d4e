"""Centers, areas and beds after setup: profile, status and capacity of a center, areas with
floor area and segment, beds blocked, unblocked or retired with a reason; capacity shown two
ways (beds in service, and Sphere space) with its warnings; the bed board of a center.

Creating centers, areas and beds in bulk is in :mod:`.centers`.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlmodel import SQLModel

from ..domain import capacity as cap
from ..domain.enums import BedStatus, CenterProfile, CenterStatus
from ..domain.errors import FieldError, NotFoundError, RuleViolation, ValidationError
from ..domain.permissions import Permission
from ..storage import bed_queries as bq
from ..storage.db import Database
from ..storage.tables import Area, Bed, Center
from ..storage.versioning import utcnow
from .context import Actor
from .stays import take_write_lock

OVER_DAILY_CAPACITY = "Occupancy {occupancy} is above the daily capacity of {capacity} people."


class CenterUpdate(SQLModel):
    """Partial update of a center: only the fields that were set are applied."""

    name: str | None = None
    address: str | None = None
    status: str | None = None
    profile: str | None = None
    daily_capacity: int | None = None
    has_medical_care: bool | None = None
    m2_per_person: float | None = None


class AreaUpdate(SQLModel):
    name: str | None = None
    segment: str | None = None
    area_m2: float | None = None


AREA_ONLY_PROFILE = "A family quarantine room is an area of a center, not a center profile."


def _check(data: dict) -> None:
    """Raise :class:`ValidationError` for the invalid fields of a center or area change."""
    errors: list[FieldError] = []
    if "name" in data and not (data["name"] or "").strip():
        errors.append(FieldError("name", "This field is required."))
    for name in ("status", "profile", "segment", "has_medical_care"):
        if name in data and data[name] is None:
            errors.append(FieldError(name, "This field is required."))
    vocabularies = (("status", CenterStatus), ("profile", CenterProfile),
                    ("segment", CenterProfile))
    for name, vocabulary in vocabularies:
        if data.get(name) is not None and data[name] not in set(vocabulary):
            errors.append(FieldError(name, "Unknown value: {value}.", {"value": data[name]}))
    if data.get("profile") == CenterProfile.QUARANTINE:
        errors.append(FieldError("profile", AREA_ONLY_PROFILE))
    for name in ("daily_capacity", "area_m2"):
        if data.get(name) is not None and data[name] < 0:
            errors.append(FieldError(name, "The value cannot be negative."))
    if data.get("m2_per_person") is not None and not 1 <= data["m2_per_person"] <= 20:
        errors.append(FieldError("m2_per_person", "The value must be between {min} and {max}.",
                                 {"min": 1, "max": 20}))
    if errors:
        raise ValidationError(errors)


def update_center(db: Database, actor: Actor, center_id: str, changes: CenterUpdate) -> Center:
    """Edit a center's profile, status, medical care, daily capacity or Sphere m2 per
    person. A center cannot close while someone is present or expected there."""
    actor.require(Permission.MANAGE_CENTERS)
    data = changes.model_dump(exclude_unset=True)
    _check(data)
    with db.session(actor.username) as session:
        take_write_lock(session)
        center = session.get(Center, center_id)
        if center is None or center.deleted:
            raise NotFoundError("center", center_id)
        if data.get("status") == CenterStatus.CLOSED:
            present, pending = bq.center_counts(session=session, center_id=center_id)
            if present + pending:
                raise RuleViolation("Center {center} still has {count} people present or "
                                    "expected.", center=center.name, count=present + pending)
        if "name" in data:
            data["name"] = data["name"].strip()
        center.sqlmodel_update(data)
        session.add(center)
    return center


def update_area(db: Database, actor: Actor, area_id: str, changes: AreaUpdate) -> Area:
    actor.require(Permission.MANAGE_CENTERS)
    data = changes.model_dump(exclude_unset=True)
    _check(data)
    with db.session(actor.username) as session:
        area = session.get(Area, area_id)
        if area is None or area.deleted:
            raise NotFoundError("area", area_id)
        if "name" in data:
            data["name"] = data["name"].strip()
        area.sqlmodel_update(data)
        session.add(area)
    return area


def _bed_for_change(session, bed_id: str) -> Bed:
    bed = session.get(Bed, bed_id)
    if bed is None or bed.deleted:
        raise NotFoundError("bed", bed_id)
    occupied = session.connection().exec_driver_sql(
        "SELECT 1 FROM stay WHERE bed_id = ? AND check_out IS NULL AND deleted = 0",
        (bed_id,)).first()
    if occupied:
        raise RuleViolation("Bed {bed} is occupied; move or check out its occupant first.",
                            bed=bed.code)
    return bed


def _reason(reason: str | None) -> str:
    if not reason or not reason.strip():
        raise ValidationError([FieldError("reason", "A reason is required.")])
    return reason.strip()


def block_bed(db: Database, actor: Actor, bed_id: str, *, reason: str) -> Bed:
    """Put a free bed out of service (broken, wet, kept free...) with a reason."""
    actor.require(Permission.MANAGE_CENTERS)
    reason = _reason(reason)
    with db.session(actor.username) as session:
        take_write_lock(session)
        bed = _bed_for_change(session, bed_id)
        bed.status, bed.block_reason = BedStatus.OUT_OF_SERVICE, reason
        session.add(bed)
    return bed


def unblock_bed(db: Database, actor: Actor, bed_id: str) -> Bed:
    """Put a blocked bed back in service (a free bed stays as it is)."""
    actor.require(Permission.MANAGE_CENTERS)
    with db.session(actor.username) as session:
        take_write_lock(session)
        bed = session.get(Bed, bed_id)
        if bed is None or bed.deleted:
            raise NotFoundError("bed", bed_id)
        if bed.status == BedStatus.OUT_OF_SERVICE:
            bed.status, bed.block_reason = BedStatus.AVAILABLE, None
            session.add(bed)
    return bed


def retire_bed(db: Database, actor: Actor, bed_id: str, *, reason: str) -> Bed:
    """Remove a free bed for good (tombstone with the reason); its code is not reused."""
    actor.require(Permission.MANAGE_CENTERS)
    reason = _reason(reason)
    with db.session(actor.username) as session:
        take_write_lock(session)
        bed = _bed_for_change(session, bed_id)
        bed.status, bed.block_reason = BedStatus.OUT_OF_SERVICE, reason
        bed.deleted, bed.deleted_at, bed.deleted_by = True, utcnow(), actor.username
        bed.delete_reason = reason
        session.add(bed)
    return bed


# --- capacity ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class AreaCapacity:
    area_id: str
    name: str
    segment: str
    area_m2: float | None
    beds: int       # not retired
    blocked: int    # out of service
    occupied: int   # beds with someone present
    status: cap.CapacityStatus  # beds in service, Sphere capacity, people in its beds

    @property
    def free(self) -> int:
        return max(self.beds - self.blocked - self.occupied, 0)

    @property
    def warnings(self) -> tuple[cap.CapacityWarning, ...]:
        return self.status.warnings


@dataclass(frozen=True)
class CenterCapacity:
    center_id: str
    code: str
    name: str
    daily_capacity: int | None
    m2_per_person: float
    areas: tuple[AreaCapacity, ...]
    unbedded: int   # present without a bed (count in the center, in no area)
    pending: int    # expected arrivals (transfers), not yet present
    status: cap.CapacityStatus  # the areas summed, occupancy = everyone present

    @property
    def present(self) -> int:
        return self.status.occupancy

    @property
    def free(self) -> int:
        return sum(a.free for a in self.areas)

    @property
    def warnings(self) -> tuple[cap.CapacityWarning, ...]:
        out = list(self.status.warnings)
        if self.daily_capacity is not None and self.present > self.daily_capacity:
            out.append(cap.CapacityWarning(OVER_DAILY_CAPACITY, (
                ("occupancy", self.present), ("capacity", self.daily_capacity))))
        return tuple(out)


def m2_of(center: Center, override: float | None = None) -> float:
    return override or center.m2_per_person or cap.M2_PER_PERSON_DEFAULT


def center_capacity(db: Database, actor: Actor, center_id: str, *,
                    m2_per_person: float | None = None) -> CenterCapacity:
    """Capacity of a center and of each of its areas, two ways: beds in service and Sphere
    space (floor area / m2 per person: the center's setting, else 3.5)."""
    actor.require(Permission.VIEW_PEOPLE)
    with db.session(actor.username) as session:
        center = session.get(Center, center_id)
        if center is None or center.deleted:
            raise NotFoundError("center", center_id)
        rows = bq.area_rows(session=session, center_id=center_id)
        present, pending = bq.center_counts(session=session, center_id=center_id)
    return build_capacity(center, rows, present, pending, m2_of(center, m2_per_person))


def build_capacity(center: Center, rows: list[bq.AreaRow], present: int, pending: int,
                   m2: float) -> CenterCapacity:
    areas = tuple(AreaCapacity(
        r.area_id, r.name, r.segment, r.area_m2, r.beds, r.blocked, r.occupied,
        cap.area_capacity(area_m2=r.area_m2, beds_in_service=r.beds - r.blocked,
                          occupancy=r.present, m2_per_person=m2)) for r in rows)
    total = dataclasses.replace(cap.center_capacity(a.status for a in areas), occupancy=present,
                                m2_per_person=m2)
    in_beds = sum(r.present for r in rows)
    return CenterCapacity(center.id, center.code, center.name, center.daily_capacity, m2, areas,
                          max(present - in_beds, 0), pending, total)
