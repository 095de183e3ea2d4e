"""Labels of the codes the registration form offers (English source, translated by the intake
catalog). Codes that already have labels in :mod:`albergue_desktop.domain.labels` (sex,
relationship, countries, document types, migratory status) are taken from there."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ...domain import labels
from ...domain.enums import SPECIFIC_NEEDS, CivilStatus, EducationLevel, LanguageLevel
from ...domain.i18n import translate
from ...domain.vaccines import VACCINE_LABELS, CovidBrand, Vaccine

CONTEXT = "intake_codes"

SPECIFIC_NEED_LABELS: dict[str, str] = {  # UNHCR (proGres) specific-needs codes
    "SC-UC": QT_TRANSLATE_NOOP("intake_codes", "Unaccompanied child"),
    "SC-SC": QT_TRANSLATE_NOOP("intake_codes", "Separated child"),
    "CR-TP": QT_TRANSLATE_NOOP("intake_codes", "Teenage pregnancy"),
    "WR-WR": QT_TRANSLATE_NOOP("intake_codes", "Woman at risk"),
    "WR-LC": QT_TRANSLATE_NOOP("intake_codes", "Lactating woman"),
    "ER-NF": QT_TRANSLATE_NOOP("intake_codes", "Single older person"),
    "ER-FR": QT_TRANSLATE_NOOP("intake_codes", "Older person unable to care for self"),
    "SP-PT": QT_TRANSLATE_NOOP("intake_codes", "Single parent"),
    "DS-BD": QT_TRANSLATE_NOOP("intake_codes", "Visual impairment"),
    "DS-DF": QT_TRANSLATE_NOOP("intake_codes", "Hearing impairment"),
    "DS-PM": QT_TRANSLATE_NOOP("intake_codes", "Physical disability, moderate"),
    "DS-PS": QT_TRANSLATE_NOOP("intake_codes", "Physical disability, severe"),
    "DS-MM": QT_TRANSLATE_NOOP("intake_codes", "Mental disability, moderate"),
    "DS-MS": QT_TRANSLATE_NOOP("intake_codes", "Mental disability, severe"),
    "DS-SD": QT_TRANSLATE_NOOP("intake_codes", "Speech impairment"),
    "SM-CI": QT_TRANSLATE_NOOP("intake_codes", "Chronic illness"),
    "SM-DP": QT_TRANSLATE_NOOP("intake_codes", "Difficult pregnancy"),
    "SM-MI": QT_TRANSLATE_NOOP("intake_codes", "Mental illness"),
    "SM-MN": QT_TRANSLATE_NOOP("intake_codes", "Malnutrition"),
    "LP-ND": QT_TRANSLATE_NOOP("intake_codes", "No legal documentation"),
    "FU-TR": QT_TRANSLATE_NOOP("intake_codes", "Family tracing required"),
    "SV-GM": QT_TRANSLATE_NOOP("intake_codes", "Female genital mutilation"),
    "SV-SS": QT_TRANSLATE_NOOP("intake_codes", "Survival sex"),
    "SV-VA": QT_TRANSLATE_NOOP("intake_codes", "Survivor of sexual or gender-based violence"),
}
assert set(SPECIFIC_NEED_LABELS) == set(SPECIFIC_NEEDS)

LANGUAGE_LABELS: dict[str, str] = {
    "ht": QT_TRANSLATE_NOOP("intake_codes", "Haitian Creole"),
    "fr": QT_TRANSLATE_NOOP("intake_codes", "French"),
    "es": QT_TRANSLATE_NOOP("intake_codes", "Spanish"),
    "en": QT_TRANSLATE_NOOP("intake_codes", "English"),
    "pt": QT_TRANSLATE_NOOP("intake_codes", "Portuguese"),
}

LANGUAGE_LEVEL_LABELS: dict[str, str] = {
    LanguageLevel.NATIVE: QT_TRANSLATE_NOOP("intake_codes", "Native"),
    LanguageLevel.FLUENT: QT_TRANSLATE_NOOP("intake_codes", "Fluent"),
    LanguageLevel.BASIC: QT_TRANSLATE_NOOP("intake_codes", "Basic"),
    LanguageLevel.INTERPRETER_NEEDED: QT_TRANSLATE_NOOP("intake_codes", "Needs an interpreter"),
}

EDUCATION_LABELS: dict[str, str] = {
    EducationLevel.NONE: QT_TRANSLATE_NOOP("intake_codes", "No schooling"),
    EducationLevel.PRIMARY: QT_TRANSLATE_NOOP("intake_codes", "Primary school"),
    EducationLevel.SECONDARY: QT_TRANSLATE_NOOP("intake_codes", "Secondary school"),
    EducationLevel.HIGH_SCHOOL: QT_TRANSLATE_NOOP("intake_codes", "High school"),
    EducationLevel.TECHNICAL: QT_TRANSLATE_NOOP("intake_codes", "Technical training"),
    EducationLevel.UNIVERSITY: QT_TRANSLATE_NOOP("intake_codes", "University degree"),
    EducationLevel.POSTGRADUATE: QT_TRANSLATE_NOOP("intake_codes", "Postgraduate"),
}

CIVIL_STATUS_LABELS: dict[str, str] = {
    CivilStatus.SINGLE: QT_TRANSLATE_NOOP("intake_codes", "Single"),
    CivilStatus.MARRIED: QT_TRANSLATE_NOOP("intake_codes", "Married"),
    CivilStatus.COHABITING: QT_TRANSLATE_NOOP("intake_codes", "Common-law union"),
    CivilStatus.DIVORCED: QT_TRANSLATE_NOOP("intake_codes", "Divorced"),
    CivilStatus.SEPARATED: QT_TRANSLATE_NOOP("intake_codes", "Separated"),
    CivilStatus.WIDOWED: QT_TRANSLATE_NOOP("intake_codes", "Widowed"),
}

CONSENT_PURPOSES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("intake_codes", "Census registration"),
    QT_TRANSLATE_NOOP("intake_codes", "Medical care"),
    QT_TRANSLATE_NOOP("intake_codes", "Referral to programs (work, housing, school)"),
    QT_TRANSLATE_NOOP("intake_codes", "Sharing with partner agencies (UNHCR, IOM)"),
)

# Brand names are the same in every language.
COVID_BRAND_NAMES: dict[str, str] = {
    CovidBrand.PFIZER: "Pfizer", CovidBrand.ASTRAZENECA: "AstraZeneca",
    CovidBrand.MODERNA: "Moderna", CovidBrand.SPUTNIK_V: "Sputnik V",
    CovidBrand.SINOVAC: "Sinovac", CovidBrand.COVAXIN: "Covaxin",
    CovidBrand.CANSINO: "CanSino", CovidBrand.JANSSEN: "Janssen",
}



def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def need_label(code: str) -> str:
    return tr(SPECIFIC_NEED_LABELS[code]) if code in SPECIFIC_NEED_LABELS else code


def pairs(table: dict[str, str]) -> list[tuple[str, str]]:
    """(code, translated label) in the table's order."""
    return [(str(code), tr(text)) for code, text in table.items()]


def domain_pairs(kind: str) -> list[tuple[str, str]]:
    """(code, label) of a vocabulary labelled in the domain; countries sorted by label."""
    found = labels.choices(kind)
    return sorted(found, key=lambda p: p[1]) if kind == "country" else found


def vaccine_pairs() -> list[tuple[str, str]]:
    """Stored vaccine codes (as :func:`domain.vaccines.parse_vaccine` reads them)."""
    return [(str(v), translate(VACCINE_LABELS[v])) for v in Vaccine]
