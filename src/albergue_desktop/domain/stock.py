"""The stock ledger's pure rules: movement reasons and their signs, first-expiring-first-out
(FEFO) planning, expiry states. No I/O; the service is :mod:`albergue_desktop.services.stock`
and the design note docs/stock-ledger.md."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .errors import RuleViolation


class ItemKind(StrEnum):
    MEDICINE = "medicine"
    SUPPLY = "supply"


class MovementReason(StrEnum):
    DONATION_IN = "donation_in"
    PURCHASE_IN = "purchase_in"
    TRANSFER_IN = "transfer_in"
    DISPENSE_OUT = "dispense_out"  # medicine to a person (a dispensing, health data)
    DISTRIBUTION_OUT = "distribution_out"  # supply to a person or household
    TRANSFER_OUT = "transfer_out"
    LOSS = "loss"  # damaged, stolen, spilled: with a note
    EXPIRY = "expiry"  # written off because it expired
    ADJUSTMENT = "adjustment"  # a physical count differs from the ledger: either sign


INBOUND = frozenset({MovementReason.DONATION_IN, MovementReason.PURCHASE_IN,
                     MovementReason.TRANSFER_IN})
OUTBOUND = frozenset({MovementReason.DISPENSE_OUT, MovementReason.DISTRIBUTION_OUT,
                      MovementReason.TRANSFER_OUT, MovementReason.LOSS, MovementReason.EXPIRY})
# Reasons that need a written why.
NEEDS_NOTE = frozenset({MovementReason.LOSS, MovementReason.ADJUSTMENT})

# "Expiring soon": a local stock-rotation setting, not a clinical threshold. 90 days gives
# a center one quarter to use, transfer or report a lot before it must be written off.
EXPIRING_SOON_DAYS = 90
# WHO, "Guidelines for medicine donations", revised 2010, article 6:
# donated medicines should have a remaining shelf-life of at least one year on arrival.
# A donation received with less is accepted with a warning (it is not a hard block).
DONATION_MIN_SHELF_LIFE_DAYS = 365


def signed(reason: MovementReason, quantity: int) -> int:
    """The ledger quantity of a movement of ``quantity`` units (positive for inbound,
    negative for outbound; an adjustment keeps the sign it is given)."""
    if reason in INBOUND:
        return abs(quantity)
    if reason in OUTBOUND:
        return -abs(quantity)
    return quantity


class ExpiryState(StrEnum):
    OK = "ok"
    SOON = "soon"
    EXPIRED = "expired"
    UNKNOWN = "unknown"  # no expiry recorded


def expiry_state(expiry: date | None, today: date,
                 soon_days: int = EXPIRING_SOON_DAYS) -> ExpiryState:
    """A lot is expired from the day after its expiry date (the label's date is the last day
    of use)."""
    if expiry is None:
        return ExpiryState.UNKNOWN
    if expiry < today:
        return ExpiryState.EXPIRED
    if expiry <= today + timedelta(days=soon_days):
        return ExpiryState.SOON
    return ExpiryState.OK


@dataclass(frozen=True)
class LotBalance:
    """Stock on hand of one lot (``lot_id`` None: units received without a lot)."""

    lot_id: str | None
    lot_code: str | None
    expiry: date | None
    quantity: int


def fefo_order(lots: Iterable[LotBalance]) -> list[LotBalance]:
    """First expiring first: by expiry date, lots without a date last, then by lot code."""
    return sorted(lots, key=lambda b: (b.expiry is None, b.expiry or date.max,
                                       b.lot_code or "", b.lot_id or ""))


class NotEnoughStock(RuleViolation):
    """More was asked than there is; nothing was taken."""

    msgid = "There are only {available} {unit} of {item} in stock; {wanted} were asked for."


class ExpiredStockOnly(RuleViolation):
    msgid = ("There are only {available} {unit} of {item} in usable lots; {expired} more are "
             "in expired lots, which are never handed out. Write them off as expired.")


def fefo_plan(lots: Iterable[LotBalance], quantity: int, today: date, *,
              item: str = "", unit: str = "") -> list[tuple[LotBalance, int]]:
    """The lots to take ``quantity`` units from, first expiring first, skipping expired lots.
    Raises :class:`NotEnoughStock` (or :class:`ExpiredStockOnly` when expired lots would have
    been enough) without planning anything when there is not enough."""
    if quantity <= 0:
        raise RuleViolation("The quantity must be more than zero.")
    usable, expired = [], 0
    for lot in fefo_order(b for b in lots if b.quantity > 0):
        if expiry_state(lot.expiry, today) is ExpiryState.EXPIRED:
            expired += lot.quantity
        else:
            usable.append(lot)
    available = sum(b.quantity for b in usable)
    if available < quantity:
        if available + expired >= quantity:
            raise ExpiredStockOnly(available=available, expired=expired, item=item, unit=unit)
        raise NotEnoughStock(available=available, wanted=quantity, item=item, unit=unit)
    plan, left = [], quantity
    for lot in usable:
        take = min(left, lot.quantity)
        plan.append((lot, take))
        left -= take
        if not left:
            break
    return plan
