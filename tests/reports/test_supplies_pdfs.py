"""Supplies PDFs: the donation receipt, distributions per period with donations per donor,
stock on hand; the impact report's donated articles from the donations; SUPPLIES needed."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from factories import member
from reports_world import pdf_text

from albergue_desktop.domain import clock
from albergue_desktop.domain.errors import PermissionDenied
from albergue_desktop.reports import supplies as rs
from albergue_desktop.reports.impact import compute_impact, impact_pdf
from albergue_desktop.services import people, supplies
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.services.stock import item_id_for

COORD = Actor("coord", "coordinacion")
TODAY = date(2022, 1, 10)
WHEN = datetime(2022, 1, 10, 17, tzinfo=timezone.utc)


@pytest.fixture
def donated(db, center):
    with clock.frozen(TODAY):
        supplies.load_catalog(db, COORD)
        did, _w = supplies.record_donation(
            db, COORD, center_id=center.id, received_on=TODAY, donor_kind="partner",
            donor="DIF-ESTATAL", value_mxn=12500.0, when=WHEN,
            lines=[supplies.DonationLine(item_id_for("cobija"), 300),
                   supplies.DonationLine(item_id_for("despensa"), 40)])
        reg = people.register_household(db, Actor("r", "registro", center.id),
                                        center_id=center.id, today=TODAY, members=[member()])
        supplies.distribute(db, COORD, center_id=center.id, person_id=reg.person_ids[0],
                            kit_code="despensa", when=WHEN,
                            lines=[supplies.DistributionLine(item_id_for("despensa"), 1)])
    return did


def test_the_donation_receipt_lists_the_goods_and_the_donor(db, donated, tmp_path):
    text = pdf_text(rs.donation_receipt_pdf(db, COORD, tmp_path / "r.pdf", donated))[0]
    assert "Recibo de donativo" in text and "DIF Estatal" in text
    assert "Cobija pieza 300" in text and "Despensa paquete 40" in text
    assert "Total de unidades 340" in text and "$ 12,500.00 MXN" in text
    assert rs.receipt_number(donated) in text


def test_distributions_and_stock_on_hand(db, center, donated, tmp_path):
    text = pdf_text(rs.distributions_pdf(db, COORD, tmp_path / "d.pdf"))[0]
    assert "Entregas de insumos" in text and "Despensa 1 1 paquete 1" in text
    assert "DIF Estatal" in text
    text = pdf_text(rs.stock_on_hand_pdf(db, COORD, tmp_path / "s.pdf", center="03"))[0]
    assert "Cobija 300 pieza" in text and "Despensa 39 paquete" in text


def test_the_impact_report_counts_donated_supplies(db, donated, tmp_path):
    assert compute_impact(db, SYSTEM)["donated_articles"] == 340
    text = pdf_text(impact_pdf(db, SYSTEM, tmp_path / "i.pdf"))[0]
    assert "Artículos donados 340" in text


def test_supplies_reports_need_the_supplies_permission(db, donated, tmp_path):
    for report in (lambda a: rs.donation_receipt_pdf(db, a, tmp_path / "x.pdf", donated),
                   lambda a: rs.distributions_pdf(db, a, tmp_path / "y.pdf")):
        with pytest.raises(PermissionDenied):
            report(Actor("n", "salud"))
