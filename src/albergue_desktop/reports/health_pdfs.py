"""Health PDFs (roles that see health data): the consultation summary that goes with a
referral letter, and the list of open referrals with the days waiting. Both carry a
confidentiality note; printing them is an audited read (``print`` events)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether, Spacer, Table

from ..domain import clock
from ..domain.clinical_enums import clinical_label
from ..domain.i18n import translate as _
from ..domain.labels import label
from ..domain.permissions import Permission
from ..services import access_log, consultations, referrals
from ..services.context import Actor
from ..storage.db import Database
from ..storage.tables import Person
from . import common
from .frame import PrintInfo, build_pdf, fmt_date, fmt_datetime, long_table, para, styles

CONFIDENTIAL = "Confidential health information: share only with the receiving clinician."
VITAL_UNITS = (("temperature_c", "Temperature", "°C"), ("heart_rate", "Heart rate", "/min"),
               ("respiratory_rate", "Respiratory rate", "/min"),
               ("spo2", "SpO2", "%"), ("weight_kg", "Weight", "kg"),
               ("height_cm", "Height", "cm"))


def _vitals_text(data: consultations.ConsultationInput) -> str:
    parts = []
    for name, title, unit in VITAL_UNITS:
        value = getattr(data, name)
        if value is not None:
            parts.append(f"{_(title)} {value:g} {unit}")
    if data.systolic_bp and data.diastolic_bp:
        parts.insert(3, f"{_('Blood pressure')} {data.systolic_bp}/{data.diastolic_bp} mmHg")
    if data.avpu is not None:
        parts.append(f"AVPU {data.avpu.value}")
    return " · ".join(parts) or _("not recorded")


def _signature(st) -> KeepTogether:
    table = Table([["_" * 40, "_" * 30], [_("Signature and professional licence"),
                                          _("Date")]], colWidths=(300, 240), rowHeights=22)
    table.setStyle([("FONT", (0, 0), (-1, -1), st["body"].fontName, 9),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM")])
    return KeepTogether([Spacer(0, 0.4 * inch), table])


@access_log.audited(access_log.PRINT, "consultation_summary")
def consultation_summary_pdf(db: Database, actor: Actor, out, *, consultation_id: str,
                             referral_id: str | None = None) -> Path:
    """The consultation summary of a referral letter: the patient, the consultation (reason,
    vital signs and their triage colour, findings, ICD-10 diagnosis, plan) and, with
    ``referral_id``, where and why the person is referred."""
    actor.require(Permission.VIEW_HEALTH)
    record = consultations.get_consultation(db, actor, consultation_id)
    referral = None
    with db.read_session() as session:
        person = session.get(Person, record.person_id)
        assert person is not None
        if referral_id:
            referral = next((r for r in referrals.person_referrals(session, person.id)
                             if r.id == referral_id), None)
    st = styles()
    title = _("Referral letter") if referral else _("Consultation summary")
    info = PrintInfo(title, common.printed_by(db, actor), "",
                     fmt_datetime(record.attended_at.astimezone()))
    rows = [
        [_("Patient"), f"{person.given_names} {person.surnames.upper()}"],
        [_("Folio"), person.folio or ""],
        [_("Date of birth"), fmt_date(person.birth_date) + (" ~" if person.birth_date_estimated
                                                            else "")],
        [_("Sex"), label("sex", person.sex)],
        [_("Reason for consultation"), para(record.input.reason, st["cell"])],
        [_("Vital signs"), para(_vitals_text(record.input), st["cell"])],
        [_("Triage colour of the vital signs"),
         para(clinical_label(record.colour) + (" — " + "; ".join(
             f.text() for f in record.triage.findings[:4]) if record.triage.findings
             else ""), st["cell"])],
        [_("Findings"), para(record.input.findings or "—", st["cell"])],
        [_("Diagnosis (ICD-10)"), para(record.diagnosis or "—", st["cell"])],
        [_("Plan"), para(record.input.plan or "—", st["cell"])],
        [_("Follow-up"), fmt_date(record.input.follow_up_date) or "—"],
        [_("Attended by"), record.attended_by],
    ]
    if referral is not None:
        rows += [[_("Referred to"), para(referral.destination, st["cell"])],
                 [_("Specialty"), referral.specialty or "—"],
                 [_("Urgency"), _(referral.urgency)],
                 [_("Transport"), _(referral.transport) if referral.transport else "—"],
                 [_("Reason for referral"), para(referral.reason, st["cell"])]]
    if not record.is_current:
        rows.append([_("Status"), _("corrected by a later record")])
    rows = [[para(str(name), st["bold"]), value] for name, value in rows]
    table = long_table(rows, (170, 370), [("BACKGROUND", (0, 0), (-1, 0), "white"),
                                          ("VALIGN", (0, 0), (-1, -1), "TOP")])
    story = [table, _signature(st), para(_(CONFIDENTIAL), st["note"])]
    return build_pdf(out, story, info)


@access_log.audited(access_log.PRINT, "open_referrals")
def open_referrals_pdf(db: Database, actor: Actor, out, *, center: str | None = None,
                       on: date | None = None) -> Path:
    """Open referrals (sent, attended without counter-referral, not attended) of a center
    (code or id; every center when None), most days waiting first."""
    actor.require(Permission.VIEW_HEALTH)
    on = on or clock.today()
    center_id, center_label = common.resolve_center(db, center)
    lines = referrals.open_referrals(db, actor, center_id=center_id)
    st = styles()
    info = PrintInfo(_("Open referrals"), common.printed_by(db, actor), center_label,
                     fmt_date(on), landscape=True)
    widths = (62, 150, 140, 146, 62, 76, 84)
    data: list[list] = [[_("Referred"), _("Person"), _("Destination"), _("Reason"),
                         _("Urgency"), _("Status"), _("Days waiting")]]
    for r in lines:
        data.append([fmt_date(r.referred_at), para(f"{r.folio or ''} {r.name or ''}",
                                                   st["cell"]),
                     para(" · ".join(p for p in (r.destination, r.specialty) if p), st["cell"]),
                     para(r.reason, st["cell"]), _(r.urgency), referrals.status_word(r.status),
                     str(r.days_waiting(on))])
    story: list = []
    if lines:
        story.append(long_table(data, widths, [("ALIGN", (6, 1), (6, -1), "RIGHT"),
                                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    else:
        story.append(para(_("No open referrals."), st["body"]))
    story.append(para(_(CONFIDENTIAL), st["note"]))
    return build_pdf(out, story, info)
