"""Spanish names of person fields and readable values of stored codes, for the record view
and the history of changes. Code labels come from :mod:`domain.labels` and, for the codes
the registration form labels (specific needs, education, civil status, languages), from
``ui.intake.codes``."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale

from ...domain.labels import label
from ...domain.vaccines import VACCINE_LABELS, parse_covid_brand, parse_vaccine
from ...domain.i18n import translate

CONTEXT = "record_fields"

FIELD_LABELS: dict[str, str] = {
    "folio": QT_TRANSLATE_NOOP("record_fields", "Folio"),
    "given_names": QT_TRANSLATE_NOOP("record_fields", "Given names"),
    "surnames": QT_TRANSLATE_NOOP("record_fields", "Surnames"),
    "document_name": QT_TRANSLATE_NOOP("record_fields", "Name as in the document"),
    "sex": QT_TRANSLATE_NOOP("record_fields", "Sex"),
    "birth_date": QT_TRANSLATE_NOOP("record_fields", "Date of birth"),
    "birth_date_estimated": QT_TRANSLATE_NOOP("record_fields", "Estimated date of birth"),
    "age_in_doubt": QT_TRANSLATE_NOOP("record_fields", "Age in doubt"),
    "nationality": QT_TRANSLATE_NOOP("record_fields", "Nationality"),
    "country_of_birth": QT_TRANSLATE_NOOP("record_fields", "Country of birth"),
    "civil_status": QT_TRANSLATE_NOOP("record_fields", "Civil status"),
    "relationship": QT_TRANSLATE_NOOP("record_fields", "Relationship to the head"),
    "languages": QT_TRANSLATE_NOOP("record_fields", "Languages"),
    "education_level": QT_TRANSLATE_NOOP("record_fields", "Education"),
    "work_experience": QT_TRANSLATE_NOOP("record_fields", "Work experience"),
    "phone": QT_TRANSLATE_NOOP("record_fields", "Phone"),
    "emergency_contact_name": QT_TRANSLATE_NOOP("record_fields", "Emergency contact"),
    "emergency_contact_phone": QT_TRANSLATE_NOOP("record_fields", "Emergency phone"),
    "migratory_status": QT_TRANSLATE_NOOP("record_fields", "Migratory status"),
    "migratory_status_from": QT_TRANSLATE_NOOP("record_fields", "Migratory status from"),
    "migratory_status_until": QT_TRANSLATE_NOOP("record_fields", "Migratory status until"),
    "curp": QT_TRANSLATE_NOOP("record_fields", "CURP"),
    "rfc": QT_TRANSLATE_NOOP("record_fields", "RFC"),
    "specific_needs": QT_TRANSLATE_NOOP("record_fields", "Specific needs"),
    "consent_given": QT_TRANSLATE_NOOP("record_fields", "Consent given"),
    "consent_at": QT_TRANSLATE_NOOP("record_fields", "Consent recorded on"),
    "consent_by": QT_TRANSLATE_NOOP("record_fields", "Consent recorded by"),
    "consent_purposes": QT_TRANSLATE_NOOP("record_fields", "Consent purposes"),
    "arrival_date": QT_TRANSLATE_NOOP("record_fields", "Arrival date"),
    "notes": QT_TRANSLATE_NOOP("record_fields", "Notes"),
    "deleted": QT_TRANSLATE_NOOP("record_fields", "Deleted"),
    "delete_reason": QT_TRANSLATE_NOOP("record_fields", "Reason for deletion"),
    "center_id": QT_TRANSLATE_NOOP("record_fields", "Center"),
    "household_id": QT_TRANSLATE_NOOP("record_fields", "Household"),
    "merged_into_id": QT_TRANSLATE_NOOP("record_fields", "Merged into"),
    # documents and stays
    "doc_type": QT_TRANSLATE_NOOP("record_fields", "Document type"),
    "number": QT_TRANSLATE_NOOP("record_fields", "Number"),
    "issuing_country": QT_TRANSLATE_NOOP("record_fields", "Issuing country"),
    "issue_date": QT_TRANSLATE_NOOP("record_fields", "Issue date"),
    "expiry_date": QT_TRANSLATE_NOOP("record_fields", "Expiry date"),
    "bed_id": QT_TRANSLATE_NOOP("record_fields", "Bed"),
    "check_in": QT_TRANSLATE_NOOP("record_fields", "Check-in"),
    "check_out": QT_TRANSLATE_NOOP("record_fields", "Check-out"),
    "reason": QT_TRANSLATE_NOOP("record_fields", "Reason"),
    "destination": QT_TRANSLATE_NOOP("record_fields", "Destination"),
    "status": QT_TRANSLATE_NOOP("record_fields", "Status"),
    "bedding": QT_TRANSLATE_NOOP("record_fields", "Bedding"),
    # vaccinations and the photo
    "vaccine": QT_TRANSLATE_NOOP("record_fields", "Vaccine"),
    "brand": QT_TRANSLATE_NOOP("record_fields", "COVID-19 product"),
    "dose": QT_TRANSLATE_NOOP("record_fields", "Dose"),
    "date": QT_TRANSLATE_NOOP("record_fields", "Date"),
    "lot": QT_TRANSLATE_NOOP("record_fields", "Lot"),
    "place": QT_TRANSLATE_NOOP("record_fields", "Place"),
    "taken_at": QT_TRANSLATE_NOOP("record_fields", "Taken on"),
}

YES = QT_TRANSLATE_NOOP("record_fields", "Yes")
NO = QT_TRANSLATE_NOOP("record_fields", "No")
YEARS = QT_TRANSLATE_NOOP("record_fields", "{what} ({years} years)")

# Internal columns never shown in the history (kept in step by the services).
HIDDEN_FIELDS = frozenset({"search_key", "deleted_at", "deleted_by", "number_key",
                           "from_stay_id", "person_id", "image", "mime"})

_KINDS = {"sex": "sex", "nationality": "country", "country_of_birth": "country",
          "issuing_country": "country", "relationship": "relationship",
          "migratory_status": "migratory_status", "doc_type": "doc_type",
          "reason": "checkout_reason", "status": "stay_status"}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)



def field_label(name: str) -> str:
    return tr(FIELD_LABELS[name]) if name in FIELD_LABELS else name


def _intake_label(kind: str, code: str) -> str:
    """Labels the registration form owns; the code itself if that part is missing."""
    try:
        from ..intake import codes
    except ImportError:  # pragma: no cover - the registration part is always shipped
        return code
    table = {"need": codes.SPECIFIC_NEED_LABELS, "education": codes.EDUCATION_LABELS,
             "civil": codes.CIVIL_STATUS_LABELS, "language": codes.LANGUAGE_LABELS,
             "level": codes.LANGUAGE_LEVEL_LABELS}[kind]
    return codes.tr(table[code]) if code in table else code


def need_label(code: str) -> str:
    return _intake_label("need", code)


def vaccine_label(code: str) -> str:
    """The label of a stored vaccine code or name ("COVID-19", "Neumocócica"...)."""
    vaccine = parse_vaccine(code)
    return translate(VACCINE_LABELS[vaccine]) if vaccine else code


def brand_label(code: str) -> str:
    from ..intake import codes
    brand = parse_covid_brand(code)
    return codes.COVID_BRAND_NAMES.get(brand, code) if brand else code


def format_date(value: Any) -> str:
    if value in (None, ""):
        return "—"
    if isinstance(value, str):
        try:
            value = (datetime.fromisoformat(value) if "T" in value or " " in value
                     else date.fromisoformat(value))
        except ValueError:
            return value
    locale = QLocale()
    if isinstance(value, datetime):
        local = value.astimezone() if value.tzinfo else value
        return locale.toString(local, "dd/MM/yyyy HH:mm")
    return locale.toString(value, "dd/MM/yyyy")


def _languages(value: list) -> str:
    parts = []
    for item in value or []:
        if isinstance(item, dict):
            text = _intake_label("language", str(item.get("code") or item.get("language")))
            level = item.get("level")
            parts.append(f"{text} ({_intake_label('level', level)})" if level else text)
    return ", ".join(parts) or "—"


def _work(value: list) -> str:
    parts = []
    for item in value or []:
        if isinstance(item, dict):
            what = item.get("occupation") or item.get("skill") or item.get("title") or ""
            years = item.get("years")
            parts.append(tr(YEARS).format(what=what, years=years)
                         if years not in (None, "") else str(what))
    return ", ".join(p for p in parts if p) or "—"


def format_value(name: str, value: Any) -> str:
    """A stored value as a reader sees it (labels for codes, local dates, Yes/No)."""
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, bool):
        return tr(YES) if value else tr(NO)
    if name in _KINDS:
        return label(_KINDS[name], str(value))
    if name == "specific_needs":
        return ", ".join(need_label(str(c)) for c in value)
    if name == "education_level":
        return _intake_label("education", str(value))
    if name == "civil_status":
        return _intake_label("civil", str(value))
    if name == "languages":
        return _languages(value)
    if name == "work_experience":
        return _work(value)
    if name == "vaccine":
        return vaccine_label(str(value))
    if name == "brand":
        return brand_label(str(value))
    if name == "bedding":
        return ", ".join(label("bedding", str(c)) for c in value)
    if name.endswith(("_date", "_from", "_until", "_at")) or name in ("check_in", "check_out",
                                                                        "date"):
        return format_date(value)
    return str(value)
