"""The printout that answers a person's request to see their data (services/data_requests.py):
the record and each section of rows, field by field, and the sections this role may not
print (the health or protection staff print those)."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.platypus import Paragraph, Spacer, Table

from ..domain.i18n import translate as _
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


def _fields(row: dict, st) -> Table:
    body = st["body"]
    return Table([[Paragraph(escape(str(k)), body), Paragraph(escape(str(v)), body)]
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
