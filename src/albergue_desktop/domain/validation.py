"""Validation rules for people, documents and households. Pure functions: they return a
list of :class:`FieldError` (empty when valid) and never touch storage."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from datetime import date

from stdnum import exceptions as stdnum_exc
from stdnum.mx import curp as stdnum_curp
from stdnum.mx import rfc as stdnum_rfc

from .enums import (
    SPECIFIC_NEEDS, LANGUAGES, CivilStatus, DocumentType, EducationLevel, LanguageLevel,
    MigratoryStatus, Relationship, Sex,
)
from .errors import FieldError

MAX_AGE_YEARS = 120
MAX_NAME_LENGTH = 80
# Letters of any script, combining marks, spaces, hyphens, apostrophes and periods. Checked by
# Unicode category: a regex \w would also let through numbers such as "²", "½" or "Ⅻ".
_NAME_PUNCTUATION = frozenset("'-.")
_PHONE_RE = re.compile(r"^\+?\(?[0-9][0-9 ()\-]{6,19}$")


def _is_name(text: str) -> bool:
    if not text or unicodedata.category(text[0])[0] != "L":
        return False
    return all(unicodedata.category(c) in ("Mn", "Mc") or unicodedata.category(c)[0] == "L"
               or c in _NAME_PUNCTUATION or c.isspace() for c in text)

REQUIRED = "This field is required."


def _yymmdd_ok(digits: str) -> bool:
    try:
        yy, mm, dd = int(digits[:2]), int(digits[2:4]), int(digits[4:6])
    except ValueError:
        return False
    for century in (2000, 1900):
        try:
            date(century + yy, mm, dd)
            return True
        except ValueError:
            pass
    return False


def _stdnum_reason(exc: Exception, date_digits: str = "") -> str:
    if isinstance(exc, stdnum_exc.InvalidLength):
        return "wrong length"
    if isinstance(exc, stdnum_exc.InvalidChecksum):
        return "invalid check digit"
    if isinstance(exc, stdnum_exc.InvalidComponent):
        # stdnum also raises it for a bad state, sex or blacklisted name part
        if not _yymmdd_ok(date_digits):
            return "invalid date of birth in the code"
        return "invalid component"
    return "invalid format"


def validate_name(field: str, value: str | None, *, required: bool) -> list[FieldError]:
    if not value or not value.strip():
        return [FieldError(field, REQUIRED)] if required else []
    if len(value) > MAX_NAME_LENGTH:
        return [FieldError(field, "The name is too long (at most {max} characters).",
                           {"max": MAX_NAME_LENGTH})]
    if not _is_name(value.strip()):
        return [FieldError(field, "The name may only contain letters, spaces, hyphens, "
                                  "apostrophes and periods.")]
    return []


def validate_birth_date(field: str, value: date | None, *, today: date) -> list[FieldError]:
    if value is None:
        return []
    if value > today:
        return [FieldError(field, "The date of birth cannot be in the future.")]
    if age_on(value, today) > MAX_AGE_YEARS:
        return [FieldError(field, "The age cannot be more than {max} years.",
                           {"max": MAX_AGE_YEARS})]
    return []


def age_on(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def validate_curp(field: str, value: str | None, *, birth_date: date | None = None,
                  sex: str | None = None) -> list[FieldError]:
    if not value:
        return []
    try:
        compact = stdnum_curp.validate(value)
    except stdnum_exc.ValidationError as exc:
        reason = _stdnum_reason(exc, stdnum_curp.compact(value)[4:10])
        return [FieldError(field, "Invalid CURP: {reason}.", {"reason": reason})]
    errors = []
    if birth_date is not None and stdnum_curp.get_birth_date(compact) != birth_date:
        errors.append(FieldError(field, "The CURP does not match the date of birth."))
    curp_sex = {"H": Sex.MALE, "M": Sex.FEMALE}.get(compact[10])
    if sex in (Sex.MALE, Sex.FEMALE) and curp_sex is not None and curp_sex != sex:
        errors.append(FieldError(field, "The CURP does not match the sex."))
    return errors


def validate_rfc(field: str, value: str | None) -> list[FieldError]:
    if not value:
        return []
    if len(stdnum_rfc.compact(value)) != 13:  # people have 13-character RFCs; 12 is companies
        return [FieldError(field, "Invalid RFC: {reason}.", {"reason": "wrong length"})]
    try:
        stdnum_rfc.validate(value, validate_check_digits=False)
    except stdnum_exc.ValidationError as exc:
        reason = _stdnum_reason(exc, stdnum_rfc.compact(value)[4:10])
        return [FieldError(field, "Invalid RFC: {reason}.", {"reason": reason})]
    return []


def _enum(field: str, value: object, allowed) -> list[FieldError]:
    if value in (None, ""):
        return []
    values = {str(v) for v in allowed}
    if str(value) not in values:
        return [FieldError(field, "Unknown value: {value}.", {"value": value})]
    return []


def _date_order(field: str, start: date | None, end: date | None, msgid: str) -> list[FieldError]:
    if start and end and end < start:
        return [FieldError(field, msgid)]
    return []


def validate_person(data: Mapping[str, object], *, today: date, partial: bool = False,
                    prefix: str = "") -> list[FieldError]:
    """Validate person fields. With ``partial`` only the keys present are checked
    (an edit); otherwise required fields must be present (a new registration)."""
    p = prefix
    errors: list[FieldError] = []
    has = data.__contains__
    if not partial or has("given_names"):
        errors += validate_name(p + "given_names", data.get("given_names"), required=True)
    if has("surnames"):
        errors += validate_name(p + "surnames", data.get("surnames"), required=False)
    if has("document_name") and data.get("document_name"):
        errors += validate_name(p + "document_name", data.get("document_name"), required=False)
    if not partial or has("sex"):
        if not data.get("sex"):
            errors.append(FieldError(p + "sex", REQUIRED))
        else:
            errors += _enum(p + "sex", data.get("sex"), Sex)
    if not partial or has("birth_date"):
        if data.get("birth_date") is None:
            errors.append(FieldError(p + "birth_date", REQUIRED))
        errors += validate_birth_date(p + "birth_date", data.get("birth_date"), today=today)
    if has("curp"):
        errors += validate_curp(p + "curp", data.get("curp"), birth_date=(
            None if data.get("birth_date_estimated") else data.get("birth_date")),
            sex=data.get("sex"))
    if has("rfc"):
        errors += validate_rfc(p + "rfc", data.get("rfc"))
    errors += _enum(p + "relationship", data.get("relationship"), Relationship)
    errors += _enum(p + "civil_status", data.get("civil_status"), CivilStatus)
    errors += _enum(p + "education_level", data.get("education_level"), EducationLevel)
    errors += _enum(p + "migratory_status", data.get("migratory_status"), MigratoryStatus)
    errors += _date_order(p + "migratory_status_until", data.get("migratory_status_from"),
                          data.get("migratory_status_until"),
                          "The end date is before the start date.")
    for i, code in enumerate(data.get("specific_needs") or []):
        errors += _enum(f"{p}specific_needs.{i}", code, SPECIFIC_NEEDS)
    for i, lang in enumerate(data.get("languages") or []):
        errors += _enum(f"{p}languages.{i}.code", lang.get("code"), LANGUAGES)
        errors += _enum(f"{p}languages.{i}.level", lang.get("level"), LanguageLevel)
    for i, job in enumerate(data.get("work_experience") or []):
        if not (job.get("occupation") or "").strip():
            errors.append(FieldError(f"{p}work_experience.{i}.occupation", REQUIRED))
        years = job.get("years")
        if years is not None and not (0 <= years <= 80):
            errors.append(FieldError(f"{p}work_experience.{i}.years",
                                     "Years of experience must be between 0 and 80."))
    for name in ("phone", "emergency_contact_phone"):
        value = data.get(name)
        if value and not _PHONE_RE.match(str(value).strip()):
            errors.append(FieldError(p + name, "Invalid phone number."))
    arrival = data.get("arrival_date")
    if arrival and arrival > today:
        errors.append(FieldError(p + "arrival_date", "The date cannot be in the future."))
    if data.get("consent_given") and not (data.get("consent_by") and data.get("consent_purposes")):
        errors.append(FieldError(p + "consent_given",
                                 "Consent needs who recorded it and its purpose."))
    return errors


def validate_document(data: Mapping[str, object], *, today: date, prefix: str = "",
                      ) -> list[FieldError]:
    p = prefix
    errors = _enum(p + "doc_type", data.get("doc_type"), DocumentType)
    if not data.get("doc_type"):
        errors.append(FieldError(p + "doc_type", REQUIRED))
    if not (str(data.get("number") or "")).strip():
        errors.append(FieldError(p + "number", REQUIRED))
    elif data.get("doc_type") == DocumentType.CURP:
        errors += validate_curp(p + "number", str(data["number"]))
    elif data.get("doc_type") == DocumentType.RFC:
        errors += validate_rfc(p + "number", str(data["number"]))
    issue = data.get("issue_date")
    if issue and issue > today:
        errors.append(FieldError(p + "issue_date", "The date cannot be in the future."))
    errors += _date_order(p + "expiry_date", issue, data.get("expiry_date"),
                          "The expiry date is before the issue date.")
    return errors


def validate_vaccination(data: Mapping[str, object], *, today: date, prefix: str = "",
                         ) -> list[FieldError]:
    p = prefix
    errors = []
    if not (str(data.get("vaccine") or "")).strip():
        errors.append(FieldError(p + "vaccine", REQUIRED))
    dose = data.get("dose")
    if dose is not None and not (1 <= int(dose) <= 10):
        errors.append(FieldError(p + "dose", "The dose must be between 1 and 10."))
    when = data.get("date")
    if when and when > today:
        errors.append(FieldError(p + "date", "The date cannot be in the future."))
    return errors
