"""Closed vocabularies of the domain. Stored values are the enum values (stable codes);
labels for the UI live in :mod:`albergue_desktop.domain.labels`."""

from __future__ import annotations

from enum import StrEnum


class Sex(StrEnum):
    FEMALE = "F"
    MALE = "M"
    OTHER = "X"


class Role(StrEnum):
    INTAKE = "registro"
    HEALTH = "salud"
    COORDINATOR = "coordinacion"
    SUPERVISOR = "supervision"
    ADMIN = "admin"
    PATHWAYS = "vinculacion"  # job bank, housing and schooling staff


class Relationship(StrEnum):
    HEAD = "head"
    SPOUSE = "spouse"
    CHILD = "child"
    OTHER_RELATIVE = "other_relative"
    NON_RELATIVE = "non_relative"
    UNACCOMPANIED = "unaccompanied"


class CivilStatus(StrEnum):
    SINGLE = "single"
    MARRIED = "married"
    COHABITING = "cohabiting"
    DIVORCED = "divorced"
    SEPARATED = "separated"
    WIDOWED = "widowed"


class MigratoryStatus(StrEnum):
    VISITOR = "visitante"
    VISITOR_WORK = "visitante_con_permiso"
    HUMANITARIAN = "tvrh"
    TEMPORARY_RESIDENT = "residente_temporal"
    PERMANENT_RESIDENT = "residente_permanente"
    ASYLUM_SEEKER = "solicitante_refugio"
    FMM = "fmm"
    IRREGULAR = "irregular"


class DocumentType(StrEnum):
    PASSPORT = "passport"
    HAITI_CIN = "ht_cin"
    HAITI_NIF = "ht_nif"
    HAITI_NINU = "ht_ninu"
    CURP = "curp"
    RFC = "rfc"
    TVRH_CARD = "tvrh_card"
    RESIDENT_CARD = "resident_card"
    COMAR_CONSTANCIA = "comar_constancia"
    FMM = "fmm"
    BIRTH_CERTIFICATE = "birth_certificate"
    NATIONAL_ID = "national_id"
    OTHER = "other"


class LanguageLevel(StrEnum):
    NATIVE = "native"
    FLUENT = "fluent"
    BASIC = "basic"
    INTERPRETER_NEEDED = "interpreter"


class EducationLevel(StrEnum):
    NONE = "none"
    PRIMARY = "primary"
    SECONDARY = "secondary"
    HIGH_SCHOOL = "high_school"
    TECHNICAL = "technical"
    UNIVERSITY = "university"
    POSTGRADUATE = "postgraduate"


class CenterStatus(StrEnum):
    PREPARING = "preparing"
    OPEN = "open"
    CLOSING = "closing"
    CLOSED = "closed"


class CenterProfile(StrEnum):
    FAMILIES = "families"
    SINGLE_MEN = "single_men"
    WOMEN_WITH_CHILDREN = "women_children"
    MATERNITY = "maternity"
    RESPIRATORY_ISOLATION = "isolation"
    CHRONIC_CARE = "chronic_care"
    # An area for one household at a time (a family room): a respiratory case stays there with
    # the members of their household, apart from other households' cases.
    QUARANTINE = "quarantine"


class BedKind(StrEnum):
    COT = "cot"
    MAT = "mat"
    CRIB = "crib"


class BedStatus(StrEnum):
    AVAILABLE = "available"
    OCCUPIED = "occupied"
    OUT_OF_SERVICE = "out_of_service"


class StayStatus(StrEnum):
    OPEN = "open"
    CLOSED = "closed"
    PENDING = "pending"  # a transfer's expected arrival (stored in stay.status, schema v3)


class BeddingItem(StrEnum):
    """Bedding kit handed over at check-in (plan phase 1: cot, mat, blanket, pillow)."""

    COT = "cot"
    MAT = "mat"
    BLANKET = "blanket"
    PILLOW = "pillow"


class CheckoutReason(StrEnum):
    TRANSFER = "transfer"
    HOUSING = "housing"
    HOSPITAL = "hospital"
    VOLUNTARY = "voluntary"
    OTHER_CITY = "other_city"
    RETURN = "return"
    OTHER = "other"


# UNHCR specific-needs codes (proGres v4). Label texts are in labels.py.
SPECIFIC_NEEDS: tuple[str, ...] = (
    "SC-UC", "SC-SC", "CR-TP", "WR-WR", "WR-LC", "ER-NF", "ER-FR", "SP-PT",
    "DS-BD", "DS-DF", "DS-PM", "DS-PS", "DS-MM", "DS-MS", "DS-SD",
    "SM-CI", "SM-DP", "SM-MI", "SM-MN", "LP-ND", "FU-TR", "SV-GM", "SV-SS", "SV-VA",
)

LANGUAGES: tuple[str, ...] = ("ht", "fr", "es", "en", "pt")
