"""Exit pathways (plan phase 3): the closed vocabularies of discharge, job bank, housing,
legal/protection and schooling, and the pure rules over them (what a person still needs to
be hired, the stage of a household on the coordinators' board). No Qt, no I/O.
Design notes: docs/pathways.md."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from .enums import CheckoutReason, MigratoryStatus


class DischargeDestination(StrEnum):
    HOUSING = "housing"  # a home or a lease in Mexicali
    OTHER_CITY = "other_city"
    RETURN = "return"  # to the country of origin or of previous residence
    OTHER_SHELTER = "other_shelter"  # a shelter outside the program
    OTHER = "other"


# How each destination closes the stays (the stay's checkout reason).
CHECKOUT_REASON: dict[str, str] = {
    DischargeDestination.HOUSING: CheckoutReason.HOUSING,
    DischargeDestination.OTHER_CITY: CheckoutReason.OTHER_CITY,
    DischargeDestination.RETURN: CheckoutReason.RETURN,
    DischargeDestination.OTHER_SHELTER: CheckoutReason.OTHER,
    DischargeDestination.OTHER: CheckoutReason.OTHER,
}


class Transport(StrEnum):
    NONE = "none"  # leaves by their own means
    PROGRAM_VEHICLE = "program_vehicle"  # DIF / municipal vehicle
    BUS_TICKET = "bus_ticket"
    FLIGHT = "flight"
    PARTNER = "partner"  # arranged by a partner (OIM, ACNUR...)


class RfcStatus(StrEnum):
    NOT_STARTED = "not_started"
    DOCUMENTS = "documents_gathered"
    APPOINTMENT = "appointment"
    ISSUED = "issued"


class CurpStatus(StrEnum):
    NONE = "none"
    TEMPORARY = "temporary"  # COMAR applicants: valid 180 days
    PERMANENT = "permanent"


class OpeningStatus(StrEnum):
    OPEN = "open"
    FILLED = "filled"
    CLOSED = "closed"


class PlacementOutcome(StrEnum):
    PROPOSED = "proposed"  # sent to the interview
    STARTED = "started"
    LEFT = "left"
    WORKING_30_DAYS = "working_30_days"


class HomeStatus(StrEnum):
    PROSPECT = "prospect"  # offered, not yet checked
    RECOVERED = "recovered"  # recovered from disuse ("casa deshabitada recuperada"), ready
    AVAILABLE = "available"
    LEASED = "leased"
    WITHDRAWN = "withdrawn"


class AsylumStatus(StrEnum):
    FILED = "filed"  # solicitud presentada
    CONSTANCIA = "constancia"  # constancia de trámite issued
    INTERVIEW = "interview"
    RECOGNIZED = "recognized"
    COMPLEMENTARY = "complementary_protection"
    DENIED = "denied"
    ABANDONED = "abandoned"


class ReferralStatus(StrEnum):
    REFERRED = "referred"
    ACCEPTED = "accepted"
    IN_CARE = "in_care"
    CLOSED = "closed"


class SchoolLevel(StrEnum):
    PRESCHOOL = "preescolar"
    PRIMARY = "primaria"
    SECONDARY = "secundaria"


class EnrollmentStatus(StrEnum):
    DOCUMENTS = "gathering_documents"
    ENROLLED = "enrolled"
    ATTENDING = "attending"
    LEFT = "left"


class IneaLevel(StrEnum):
    LITERACY = "alfabetizacion"
    PRIMARY = "primaria"
    SECONDARY = "secundaria"


class IneaStatus(StrEnum):
    ENROLLED = "enrolled"
    IN_PROGRESS = "in_progress"
    CERTIFIED = "certified"  # revalidation / certificate issued
    LEFT = "left"


class Stage(StrEnum):
    """Where a household stands on the coordinators' board (first that applies, from the
    end): left, ready to leave, housing, job, documents, arrived."""

    ARRIVED = "arrived"
    DOCUMENTS = "documents"
    JOB = "job"
    HOUSING = "housing"
    READY = "ready"
    LEFT = "left"


STAGE_ORDER: tuple[str, ...] = tuple(Stage)

# Temporary CURP of a COMAR applicant: valid 180 days (RENAPO's temporary CURP for people
# applying for refugee status, issued on the COMAR constancia de trámite); the document row
# records its real expiry when known, this is the default when only the issue date is.
TEMPORARY_CURP_DAYS = 180
EXPIRY_WINDOW_DAYS = 30

# Migratory conditions that allow paid work (Ley de Migración art. 52: fr. V visitante por
# razones humanitarias, fr. VII residente temporal and fr. IX residente permanente; the
# visitante con permiso para recibir remuneración of fr. II). A COMAR constancia alone does
# not: the applicant asks the INM for the TVRH (art. 52 V b).
WORK_ALLOWED = frozenset({MigratoryStatus.HUMANITARIAN, MigratoryStatus.VISITOR_WORK,
                          MigratoryStatus.TEMPORARY_RESIDENT,
                          MigratoryStatus.PERMANENT_RESIDENT})


@dataclass(frozen=True)
class HiringFile:
    """What a person has towards being hired formally."""

    migratory_status: str | None
    status_until: date | None
    curp: str | None
    rfc_status: str | None
    rfc: str | None
    nss: str | None


def missing_to_hire(f: HiringFile, today: date) -> list[str]:
    """Codes of what is still missing (empty: the person can be hired): ``work_permit``
    (no condition allowing work, or expired), ``curp``, ``rfc``, ``nss``."""
    missing = []
    if f.migratory_status not in WORK_ALLOWED or (f.status_until and f.status_until < today):
        missing.append("work_permit")
    if not f.curp:
        missing.append("curp")
    if not (f.rfc and f.rfc_status in (None, RfcStatus.ISSUED)):
        missing.append("rfc")
    if not f.nss:
        missing.append("nss")
    return missing


@dataclass(frozen=True)
class HouseholdProgress:
    """The facts the board derives a household's stage from."""

    present: int  # members with an open or pending stay
    discharged: bool  # no member present, at least one stay closed
    documents_ready: bool  # every adult can be hired except possibly RFC/NSS in progress
    working: bool  # an adult placed (started or still working)
    housed: bool  # on an active lease
    school_ok: bool  # every school-age child enrolled, or none


def stage(p: HouseholdProgress) -> str:
    if p.discharged:
        return Stage.LEFT
    if p.housed and p.working and p.school_ok:
        return Stage.READY
    if p.housed:
        return Stage.HOUSING
    if p.working:
        return Stage.JOB
    if p.documents_ready:
        return Stage.DOCUMENTS
    return Stage.ARRIVED


def expires_within(expiry: date | None, today: date, days: int = EXPIRY_WINDOW_DAYS) -> bool:
    return expiry is not None and today <= expiry <= today + timedelta(days=days)


def school_age(age_years: int | None) -> bool:
    """Basic education in Mexico: preescolar from 3, primaria from 6, secundaria to about
    14 (the SEP's enrolment ages). Unknown age: not counted."""
    return age_years is not None and 3 <= age_years <= 14


def codes(values: Iterable[str], enum: type[StrEnum]) -> list[str]:
    known = set(enum)
    return [v for v in values if v in known]
