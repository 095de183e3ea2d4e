"""THE household discharge: a whole household (or one person who leaves alone) leaves the
program in one step, with its destination, the transport arranged and the reason. Every
member's stay (open, or a transfer's pending arrival) is closed through the stay service's
:func:`~albergue_desktop.services.stays.close_open_stay`, with the checkout reason that
follows from the destination, and one :class:`Discharge` row records the departure, all in
one write-locked transaction: either everyone leaves or no one does.

The desk's household actions and the housing module (moving a household into a leased home)
call these functions; see docs/pathways.md for the contract.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from ..domain import clock
from ..domain.errors import FieldError, NotFoundError, RuleViolation, ValidationError
from ..domain.pathways import CHECKOUT_REASON, DischargeDestination, Transport
from ..domain.permissions import Permission
from ..storage.db import Database
from ..storage.tables import Center, Discharge, Home, Household, Lease, Person
from .context import Actor
from .stays import close_open_stay, current_stay, take_write_lock

# Destinations that need to say where (a city, a country, which shelter).
_DETAIL_REQUIRED = frozenset({DischargeDestination.OTHER_CITY, DischargeDestination.RETURN,
                              DischargeDestination.OTHER_SHELTER})


@dataclass(frozen=True)
class DischargePlan:
    """Where the household goes and how. ``lease_id``: the lease of the home it moves to
    (destination housing); ``destination_detail`` then defaults to the home's address."""

    destination: str
    destination_detail: str | None = None
    transport: str = Transport.NONE
    transport_detail: str | None = None
    reason: str | None = None
    lease_id: str | None = None


def validate_plan(plan: DischargePlan) -> list[FieldError]:
    errors: list[FieldError] = []
    if plan.destination not in set(DischargeDestination):
        errors.append(FieldError("destination", "Unknown value: {value}.",
                                 {"value": plan.destination}))
    if plan.transport not in set(Transport):
        errors.append(FieldError("transport", "Unknown value: {value}.",
                                 {"value": plan.transport}))
    detail = (plan.destination_detail or "").strip()
    if plan.destination in _DETAIL_REQUIRED and not detail:
        errors.append(FieldError("destination_detail", "Say where the household goes."))
    if plan.destination == DischargeDestination.HOUSING and not (detail or plan.lease_id):
        errors.append(FieldError("destination_detail",
                                 "Give the address of the home or choose its lease."))
    if plan.destination == DischargeDestination.OTHER and not (plan.reason or "").strip():
        errors.append(FieldError("reason", "A reason is required."))
    if plan.transport == Transport.PARTNER and not (plan.transport_detail or "").strip():
        errors.append(FieldError("transport_detail", "Say which partner arranges the transport."))
    if plan.lease_id and plan.destination != DischargeDestination.HOUSING:
        errors.append(FieldError("lease_id", "A lease goes with the destination housing."))
    return errors


def _destination_text(session: Session, plan: DischargePlan) -> str | None:
    detail = (plan.destination_detail or "").strip() or None
    if plan.lease_id and detail is None:
        lease = session.get(Lease, plan.lease_id)
        if lease is None or lease.deleted:
            raise NotFoundError("lease", plan.lease_id)
        home = session.get(Home, lease.home_id)
        detail = home.address if home else None
    return detail


def _close(session: Session, people: Iterable[Person], *, when: datetime,
           plan: DischargePlan, detail: str | None) -> tuple[list[str], str | None]:
    closed, center_id = [], None
    for person in people:
        stay = close_open_stay(session, person.id, when=when,
                               reason=CHECKOUT_REASON[plan.destination], destination=detail)
        if stay is not None:
            closed.append(person.id)
            center_id = center_id or stay.center_id
    return closed, center_id


def discharge_household_in_session(session: Session, *, household_id: str,
                                   plan: DischargePlan, when: datetime,
                                   person_ids: Iterable[str] | None = None) -> Discharge:
    """The household discharge on the caller's open, write-locked transaction (for the
    housing module's move-in). ``person_ids``: only these members (default: every member
    with a stay not closed)."""
    errors = validate_plan(plan)
    if errors:
        raise ValidationError(errors)
    household = session.get(Household, household_id)
    if household is None or household.deleted:
        raise NotFoundError("household", household_id)
    members = session.exec(select(Person).where(Person.household_id == household_id,
                                                Person.deleted == False)).all()  # noqa: E712
    if person_ids is not None:
        wanted = set(person_ids)
        strangers = wanted - {m.id for m in members}
        if strangers:
            raise RuleViolation("Only members of the household can leave with it.")
        members = [m for m in members if m.id in wanted]
    detail = _destination_text(session, plan)
    closed, center_id = _close(session, members, when=when, plan=plan, detail=detail)
    if not closed:
        raise RuleViolation("No member of this household is in a shelter.")
    row = Discharge(household_id=household_id, person_ids=closed, center_id=center_id,
                    discharged_at=when, destination=plan.destination,
                    destination_detail=detail, lease_id=plan.lease_id,
                    transport=plan.transport, transport_detail=plan.transport_detail,
                    reason=(plan.reason or "").strip() or None)
    session.add(row)
    session.flush()
    return row


def discharge_household(db: Database, actor: Actor, *, household_id: str,
                        plan: DischargePlan, when: datetime | None = None,
                        person_ids: Iterable[str] | None = None) -> Discharge:
    """Discharge the household: close the stay of every member still in a shelter (or of
    ``person_ids``), record the departure. Raises ValidationError (bad plan),
    RuleViolation (nobody to discharge, a check-out before a check-in), NotFoundError."""
    actor.require(Permission.DISCHARGE)
    with db.session(actor.username) as session:
        take_write_lock(session)
        return discharge_household_in_session(session, household_id=household_id, plan=plan,
                                              when=when or clock.now(),
                                              person_ids=person_ids)


def discharge_person(db: Database, actor: Actor, *, person_id: str, plan: DischargePlan,
                     when: datetime | None = None) -> Discharge:
    """One person leaves alone (the household stays): closes their stay, records it."""
    actor.require(Permission.DISCHARGE)
    errors = validate_plan(plan)
    if errors:
        raise ValidationError(errors)
    with db.session(actor.username) as session:
        take_write_lock(session)
        person = session.get(Person, person_id)
        if person is None or person.deleted:
            raise NotFoundError("person", person_id)
        if current_stay(session, person_id) is None:
            raise RuleViolation("{name} has no open stay.",
                                name=f"{person.given_names} {person.surnames}".strip())
        when = when or clock.now()
        detail = _destination_text(session, plan)
        closed, center_id = _close(session, [person], when=when, plan=plan, detail=detail)
        row = Discharge(household_id=None, person_id=person_id, person_ids=closed,
                        center_id=center_id, discharged_at=when, destination=plan.destination,
                        destination_detail=detail, lease_id=plan.lease_id,
                        transport=plan.transport, transport_detail=plan.transport_detail,
                        reason=(plan.reason or "").strip() or None)
        session.add(row)
        session.flush()
        return row


@dataclass(frozen=True)
class DischargeRow:
    id: str
    discharged_at: datetime
    destination: str
    destination_detail: str | None
    transport: str
    reason: str | None
    people: int
    center: str | None
    alone: bool


def discharges_of_household(db: Database, actor: Actor, household_id: str) -> list[DischargeRow]:
    """The household's departures (whole household and members who left alone), newest
    first."""
    actor.require(Permission.VIEW_PEOPLE)
    with db.read_session() as session:
        members = [p.id for p in session.exec(select(Person).where(
            Person.household_id == household_id))]
        rows = session.exec(select(Discharge).where(
            Discharge.deleted == False,  # noqa: E712
            (Discharge.household_id == household_id)
            | (Discharge.person_id.in_(members)))).all()  # type: ignore[union-attr]
        centers = {c.id: c.name for c in session.exec(select(Center))}
        return sorted((DischargeRow(r.id, r.discharged_at, r.destination, r.destination_detail,
                                    r.transport, r.reason, len(r.person_ids),
                                    centers.get(r.center_id or ""), r.person_id is not None)
                       for r in rows), key=lambda r: r.discharged_at, reverse=True)
