"""Health PDFs per role: the consultation summary (as a referral letter when a referral
names the consultation) and the open referrals list print for salud and supervision and are
refused to every other role; they never carry a mental health note; printing is audited."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from factories import member
from reports_world import pdf_text
from sqlmodel import select

from albergue_desktop.domain.errors import PermissionDenied
from albergue_desktop.reports import health_pdfs
from albergue_desktop.services import (
    consultations, mental_health, people, referrals, stays,
)
from albergue_desktop.services.consultations import ConsultationInput
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.tables import AuditEvent

T0 = datetime(2022, 1, 10, 18, 0, tzinfo=timezone.utc)


@pytest.fixture
def care(db, center):
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=[
        member("Marie-Claude", "Saint-Vil", "F", date(1990, 5, 1))])
    pid = reg.person_ids[0]
    stays.check_in(db, SYSTEM, person_id=pid, center_id=center.id, when=T0)
    nurse = Actor("salud", "salud", center.id)
    visit = consultations.record_consultation(
        db, nurse, person_id=pid, when=T0, consultation=ConsultationInput(
            reason="Dolor abdominal intenso", temperature_c=38.4, systolic_bp=150,
            diastolic_bp=95, diagnosis_code="R10.4", plan="Valoración quirúrgica"))
    ref = referrals.create_referral(db, nurse, person_id=pid, when=T0,
                                    referral=referrals.ReferralInput(
                                        destination="Hospital General de Mexicali",
                                        specialty="Cirugía general", reason="Abdomen agudo",
                                        urgency="urgent", transport="ambulance",
                                        consultation_id=visit.id))
    mental_health.record_note(db, nurse, person_id=pid, kind="psychology",
                              note="Pesadillas recurrentes")
    return visit, ref


def test_referral_letter_and_open_referrals(db, center, care, tmp_path):
    visit, ref = care
    for role in ("salud", "supervision"):
        actor = Actor(role, role, center.id)
        out = health_pdfs.consultation_summary_pdf(db, actor, tmp_path / f"{role}.pdf",
                                                   consultation_id=visit.id,
                                                   referral_id=ref.id)
        text = " ".join(pdf_text(out))
        assert "Hoja de referencia" in text and "Marie-Claude SAINT-VIL" in text
        assert "R10.4" in text and "Otros dolores abdominales" in text
        assert "Hospital General de Mexicali" in text and "urgente" in text
        assert "ambulancia" in text and "Presión arterial 150/95 mmHg" in text
        assert "Pesadillas" not in text
        listing = health_pdfs.open_referrals_pdf(db, actor, tmp_path / f"open-{role}.pdf",
                                                 on=date(2022, 1, 15))
        text = " ".join(pdf_text(listing))
        assert "Referencias abiertas" in text and "Abdomen agudo" in text
        assert "enviada" in text and " 5" in text  # days waiting
        assert "Pesadillas" not in text
    with db.read_session() as s:
        printed = [e.changes.get("report") for e in s.exec(select(AuditEvent).where(
            AuditEvent.action == "print"))]
    assert printed.count("consultation_summary") == 2 and printed.count("open_referrals") == 2


@pytest.mark.parametrize("role", ["registro", "coordinacion", "admin"])
def test_other_roles_cannot_print_health_pdfs(db, center, care, tmp_path, role):
    visit, _ref = care
    actor = Actor(role, role, center.id)
    with pytest.raises(PermissionDenied):
        health_pdfs.consultation_summary_pdf(db, actor, tmp_path / "x.pdf",
                                             consultation_id=visit.id)
    with pytest.raises(PermissionDenied):
        health_pdfs.open_referrals_pdf(db, actor, tmp_path / "y.pdf")
    assert not list(tmp_path.glob("*.pdf"))
