"""Housing: landlords, homes (with the DIF as "aval moral" and the homes recovered from
disuse), leases and the households living on them (about two per home in the program),
move-in and move-out. Moving a household into its home discharges it in the same step
through :func:`~albergue_desktop.services.discharge.discharge_household_in_session`.
docs/pathways.md."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, select

from ..domain import clock
from ..domain.errors import FieldError, RuleViolation, ValidationError
from ..domain.normalize import clean_name
from ..domain.pathways import DischargeDestination, HomeStatus, Transport
from ..domain.permissions import Permission
from ..storage.db import Database
from ..storage.tables import Discharge, Home, Household, Landlord, Lease, LeaseHousehold
from .context import Actor
from .pathway_common import get_live
from .discharge import DischargePlan, discharge_household_in_session
from .stays import take_write_lock

_OPEN_TO_LEASE = (HomeStatus.AVAILABLE, HomeStatus.RECOVERED, HomeStatus.PROSPECT)


def _money(errors: list[FieldError], field: str, value: float | None, msgid: str) -> None:
    if value is not None and value < 0:
        errors.append(FieldError(field, msgid))


def save_landlord(db: Database, actor: Actor, *, landlord_id: str | None = None, name: str,
                  phone: str | None = None, address: str | None = None,
                  notes: str | None = None) -> Landlord:
    actor.require(Permission.MANAGE_PATHWAYS)
    name = clean_name(name)
    if not name:
        raise ValidationError([FieldError("name", "The name is required.")])
    with db.session(actor.username) as session:
        row = get_live(session, Landlord, landlord_id) if landlord_id else \
            Landlord(name=name)
        row.sqlmodel_update(dict(name=name, phone=phone or None, address=address or None,
                                 notes=notes or None))
        session.add(row)
        session.flush()
        return row


@dataclass
class HomeInput:
    address: str
    landlord_id: str | None = None
    neighborhood: str | None = None
    rooms: int = 1
    rent: float | None = None
    deposit: float | None = None
    dif_guarantor: bool = False
    conditions: str | None = None
    status: str = HomeStatus.AVAILABLE
    recovered: bool = False


def save_home(db: Database, actor: Actor, data: HomeInput, *,
              home_id: str | None = None) -> Home:
    """Create or update a home. Status "recovered" marks a home recovered from disuse; the
    ``recovered`` flag keeps that fact once it is leased."""
    actor.require(Permission.MANAGE_PATHWAYS)
    errors: list[FieldError] = []
    address = clean_name(data.address)
    if not address:
        errors.append(FieldError("address", "The address is required."))
    if not 1 <= data.rooms <= 20:
        errors.append(FieldError("rooms", "The number of rooms must be between 1 and 20."))
    _money(errors, "rent", data.rent, "The rent cannot be negative.")
    _money(errors, "deposit", data.deposit, "The rent cannot be negative.")
    if data.status not in set(HomeStatus):
        errors.append(FieldError("status", "Unknown value: {value}.", {"value": data.status}))
    if errors:
        raise ValidationError(errors)
    with db.session(actor.username) as session:
        if data.landlord_id:
            get_live(session, Landlord, data.landlord_id)
        row = get_live(session, Home, home_id) if home_id else Home(address=address)
        row.sqlmodel_update(dict(
            address=address, landlord_id=data.landlord_id, neighborhood=data.neighborhood or None,
            rooms=data.rooms, rent=data.rent, deposit=data.deposit,
            dif_guarantor=data.dif_guarantor, conditions=data.conditions or None,
            status=data.status,
            recovered=data.recovered or data.status == HomeStatus.RECOVERED or row.recovered))
        session.add(row)
        session.flush()
        return row


def _occupants(session: Session, lease_id: str) -> list[LeaseHousehold]:
    return list(session.exec(select(LeaseHousehold).where(
        LeaseHousehold.lease_id == lease_id, LeaseHousehold.deleted == False,  # noqa: E712
        LeaseHousehold.moved_out == None)))  # noqa: E711


def _check_share(session: Session, lease: Lease, share: float | None) -> None:
    if share is None or lease.rent is None:
        return
    if share < 0:
        raise ValidationError([FieldError("rent_share", "The rent cannot be negative.")])
    taken = sum(o.rent_share or 0 for o in _occupants(session, lease.id))
    if taken + share > lease.rent + 0.005:
        raise ValidationError([FieldError("rent_share",
                                          "The rent shares add up to more than the rent.")])


def _join(session: Session, lease: Lease, household_id: str, share: float | None,
          moved_in: date) -> LeaseHousehold:
    get_live(session, Household, household_id)
    if lease.ended_on is not None:
        raise RuleViolation("The lease has ended.")
    if moved_in < lease.start_date:
        raise ValidationError([FieldError("moved_in",
                                          "The move-in cannot be before the start of the lease.")])
    if any(o.household_id == household_id for o in _occupants(session, lease.id)):
        raise RuleViolation("The household already lives in this home.")
    _check_share(session, lease, share)
    row = LeaseHousehold(lease_id=lease.id, household_id=household_id, rent_share=share,
                         moved_in=moved_in)
    session.add(row)
    session.flush()
    return row


def create_lease(db: Database, actor: Actor, *, home_id: str, start_date: date,
                 end_date: date | None = None, rent: float | None = None,
                 notes: str | None = None) -> Lease:
    """A lease of an available (or recovered) home; the home becomes leased."""
    actor.require(Permission.MANAGE_PATHWAYS)
    errors: list[FieldError] = []
    _money(errors, "rent", rent, "The rent cannot be negative.")
    if end_date and end_date < start_date:
        errors.append(FieldError("end_date", "The end date is before the start date."))
    if errors:
        raise ValidationError(errors)
    with db.session(actor.username) as session:
        home = get_live(session, Home, home_id)
        if home.status not in _OPEN_TO_LEASE:
            raise RuleViolation("This home is not available.")
        lease = Lease(home_id=home_id, start_date=start_date, end_date=end_date,
                      rent=rent if rent is not None else home.rent, notes=notes or None)
        home.status = HomeStatus.LEASED
        session.add_all([lease, home])
        session.flush()
        return lease


@dataclass(frozen=True)
class MoveIn:
    occupancy: LeaseHousehold
    discharge: Discharge | None


def move_in(db: Database, actor: Actor, *, lease_id: str, household_id: str,
            moved_in: date | None = None, rent_share: float | None = None,
            discharge: bool = True, transport: str = Transport.NONE,
            transport_detail: str | None = None, reason: str | None = None,
            when: datetime | None = None) -> MoveIn:
    """A household moves into a leased home. With ``discharge`` (the default) every member
    still in a shelter is discharged in the same transaction, destination housing, this
    lease: the household leaves for its home in one step."""
    actor.require(Permission.MANAGE_PATHWAYS)
    if discharge:
        actor.require(Permission.DISCHARGE)
    moved_in = moved_in or clock.today()
    with db.session(actor.username) as session:
        take_write_lock(session)
        lease = get_live(session, Lease, lease_id)
        occupancy = _join(session, lease, household_id, rent_share, moved_in)
        row = None
        if discharge:
            row = discharge_household_in_session(
                session, household_id=household_id, when=when or clock.now(),
                plan=DischargePlan(destination=DischargeDestination.HOUSING, lease_id=lease_id,
                                   transport=transport, transport_detail=transport_detail,
                                   reason=reason))
        return MoveIn(occupancy, row)


def move_out(db: Database, actor: Actor, *, lease_id: str, household_id: str,
             on: date | None = None) -> LeaseHousehold:
    """A household leaves the home. When the last one leaves, the lease ends and the home
    is available again."""
    actor.require(Permission.MANAGE_PATHWAYS)
    on = on or clock.today()
    with db.session(actor.username) as session:
        lease = get_live(session, Lease, lease_id)
        mine = [o for o in _occupants(session, lease_id) if o.household_id == household_id]
        if not mine:
            raise RuleViolation("The household is not on this lease.")
        occupancy = mine[0]
        if on < occupancy.moved_in:
            raise ValidationError([FieldError("moved_out",
                                              "The end date is before the start date.")])
        occupancy.moved_out = on
        session.add(occupancy)
        session.flush()
        if not _occupants(session, lease_id):
            lease.ended_on = on
            home = session.get(Home, lease.home_id)
            if home is not None and home.status == HomeStatus.LEASED:
                home.status = HomeStatus.AVAILABLE
                session.add(home)
            session.add(lease)
        return occupancy


@dataclass(frozen=True)
class HomeRow:
    id: str
    address: str
    neighborhood: str | None
    rooms: int
    rent: float | None
    dif_guarantor: bool
    status: str
    recovered: bool
    landlord: str | None
    households: int


def list_homes(db: Database, actor: Actor, *, statuses: Sequence[str] = ()) -> list[HomeRow]:
    actor.require(Permission.VIEW_PEOPLE)
    with db.read_session() as session:
        landlords = {r.id: r.name for r in session.exec(select(Landlord))}
        homes = session.exec(select(Home).where(Home.deleted == False)).all()  # noqa: E712
        leases = session.exec(select(Lease).where(Lease.deleted == False,  # noqa: E712
                                                  Lease.ended_on == None)).all()  # noqa: E711
        count: dict[str, int] = {}
        for lease in leases:
            count[lease.home_id] = count.get(lease.home_id, 0) + len(
                _occupants(session, lease.id))
        return sorted((HomeRow(h.id, h.address, h.neighborhood, h.rooms, h.rent,
                               h.dif_guarantor, h.status, h.recovered,
                               landlords.get(h.landlord_id or ""), count.get(h.id, 0))
                       for h in homes if not statuses or h.status in statuses),
                      key=lambda r: r.address)


def active_lease_of(session: Session, household_id: str) -> Lease | None:
    occ = session.exec(select(LeaseHousehold).where(
        LeaseHousehold.household_id == household_id, LeaseHousehold.deleted == False,  # noqa: E712
        LeaseHousehold.moved_out == None)).first()  # noqa: E711
    return session.get(Lease, occ.lease_id) if occ else None
