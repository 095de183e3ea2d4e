"""The printout that answers a person's request to see their data (services/data_requests.py):
the record and each section of rows, field by field, and the sections this role may not
print (the health or protection staff print those)."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph, Spacer, Table

from ..domain.i18n import translate as _
from ..domain.labels import label
from ..services import data_requests
from ..services.context import Actor
from ..storage.db import Database
from . import common
from .frame import PrintInfo, build_pdf, styles

SECTION_TITLES = {
    "identity_document": "Identity documents", "stay": "Stays", "person_photo": "Photo",
    "vaccination": "Vaccinations", "screening": "Health screenings",
    "consultation": "Consultations", "referral": "Referrals",
    "pregnancy_visit": "Pregnancy visits", "birth": "Births",
    "mental_health_note": "Mental health notes", "allergy": "Allergies",
    "dispensing": "Medicines dispensed", "discharge": "Discharge",
    "work_paperwork": "Work paperwork", "job_placement": "Job placements",
    "school_enrollment": "School enrolment", "inea_enrollment": "INEA enrolment",
    "spanish_attendance": "Spanish classes", "asylum_application": "Asylum application",
    "protection_referral": "Protection referrals",
}
WITHHELD = {
    "health": "Health records are printed by the health staff.",
    "protection": "Protection records are printed by the protection focal point.",
}


# Column -> English label (Spanish in domain/erasure_text.py); others print their name.
FIELD_LABELS = {
    "created_at": "Recorded on", "given_names": "Given names", "surnames": "Surnames",
    "document_name": "Name on the document", "sex": "Sex", "birth_date": "Date of birth",
    "birth_date_estimated": "Date of birth estimated", "age_in_doubt": "Age in doubt",
    "nationality": "Nationality", "country_of_birth": "Country of birth",
    "civil_status": "Civil status", "relationship": "Relationship", "languages": "Languages",
    "education_level": "Education", "work_experience": "Work experience", "phone": "Phone",
    "emergency_contact_name": "Emergency contact", "emergency_contact_phone":
    "Emergency contact phone", "migratory_status": "Migratory status",
    "migratory_status_from": "Migratory status since", "migratory_status_until":
    "Migratory status until", "curp": "CURP", "rfc": "RFC", "specific_needs": "Specific needs",
    "consent_given": "Consent given", "consent_at": "Consent date", "consent_by":
    "Consent recorded by", "consent_purposes": "Consent purposes", "arrival_date":
    "Arrival date", "notes": "Notes", "folio": "Folio", "doc_type": "Document",
    "number": "Number", "issuing_country": "Issued by", "check_in": "Arrival",
    "check_out": "Departure", "reason": "Reason", "destination": "Destination",
    "status": "Status",
}
VOCABULARY = {"sex": "sex", "relationship": "relationship", "civil_status": "civil_status",
              "migratory_status": "migratory_status", "doc_type": "doc_type",
              "nationality": "country", "country_of_birth": "country",
              "issuing_country": "country"}
BOOLEANS = frozenset({"birth_date_estimated", "age_in_doubt", "consent_given", "present"})


def _value(key: str, value) -> str:
    if key in BOOLEANS:
        return _("Yes") if value else _("No")
    if key in VOCABULARY and isinstance(value, str):
        return label(VOCABULARY[key], value)
    return str(value)


def _fields(row: dict, st) -> Table:
    body = st["body"]
    return Table([[Paragraph(escape(_(FIELD_LABELS.get(k, k))), body),
                   Paragraph(escape(_value(k, v)), body)]
                  for k, v in row.items()], colWidths=[170, 330], hAlign="LEFT")


def access_pdf(db: Database, actor: Actor, out, *, person_id: str) -> Path:
    report = data_requests.access_report(db, actor, person_id)
    st = styles()
    story: list = [Paragraph(escape(_("Personal data held about this person")), st["h2"]),
                   _fields(report.person, st)]
    for table, rows in report.sections:
        story += [Spacer(0, 8), Paragraph(escape(_(SECTION_TITLES[table])), st["h2"])]
        for row in rows:
            story += [_fields(row, st), Spacer(0, 4)]
    for what in report.withheld:
        story += [Spacer(0, 6), Paragraph(escape(_(WITHHELD[what])), st["note"])]
    name = f"{report.person.get('given_names', '')} {report.person.get('surnames', '')}"
    info = PrintInfo(_("Access to personal data"), common.printed_by(db, actor), "",
                     f"{name.strip()} · {report.person.get('folio', '')}")
    return build_pdf(out, story, info)
