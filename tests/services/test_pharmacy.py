"""The pharmacy (services/pharmacy.py): allergies, dispensing from the ledger with the
allergy warning, the catalog, the impact line and the medicines-dispensed PDF per role."""

from __future__ import annotations

from albergue_sync import dbapi as sqlite3
import subprocess
from datetime import date, datetime, timezone

import pytest

from albergue_desktop.domain import clock
from albergue_desktop.domain.errors import PermissionDenied, RuleViolation, ValidationError
from albergue_desktop.domain.medicine_catalog import MEDICINES
from albergue_desktop.domain.stock import NotEnoughStock
from albergue_desktop.reports import impact, pharmacy as pharmacy_pdf
from albergue_desktop.services import people, pharmacy, stock, stock_views
from albergue_desktop.services.context import SYSTEM, Actor

NURSE = Actor("enfermera", "salud")
WHEN = datetime(2022, 1, 10, 17, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def _day():
    with clock.frozen(date(2022, 1, 10)):
        yield


@pytest.fixture
def person(db, center, make_member):
    return people.register_household(db, SYSTEM, center_id=center.id,
                                     members=[make_member()]).person_ids[0]


@pytest.fixture
def amoxicillin(db, center):
    assert pharmacy.load_catalog(db, NURSE) == len(MEDICINES)
    assert pharmacy.load_catalog(db, NURSE) == 0   # loading twice adds nothing
    item = stock.item_id_for("amoxicilina-cap-500")
    stock.receive(db, NURSE, center_id=center.id, item_id=item, quantity=21, lot_code="AM1",
                  expiry=date(2023, 5, 31), when=WHEN)
    return item


def _dispense(db, center, person, item, quantity=21, **kw):
    return pharmacy.dispense(db, NURSE, person_id=person, item_id=item, quantity=quantity,
                             dose="1 cápsula cada 8 horas", days=7, center_id=center.id,
                             when=WHEN, **kw)


def test_dispensing_takes_from_stock_and_is_in_the_persons_history(db, center, person,
                                                                   amoxicillin):
    result = _dispense(db, center, person, amoxicillin)
    assert result.allergy_warning is None
    (record,) = pharmacy.dispensings_of(db, NURSE, person)
    assert record.quantity == 21 and record.lots == (("AM1", date(2023, 5, 31), 21),)
    with pytest.raises(NotEnoughStock):
        _dispense(db, center, person, amoxicillin, quantity=1)
    assert [s.quantity for s in stock_views.balances(db, NURSE, center.id, "medicine")] == [0]


def test_an_allergy_stops_the_dispensing_until_confirmed(db, center, person, amoxicillin):
    pharmacy.record_allergy(db, NURSE, person_id=person, substance="Penicilina",
                            reaction="urticaria", severity="moderate")
    with pytest.raises(RuleViolation):
        pharmacy.record_allergy(db, NURSE, person_id=person, substance="penicilina")
    with pytest.raises(pharmacy.AllergyWarning) as caught:
        _dispense(db, center, person, amoxicillin, quantity=3)
    assert "alergia a Penicilina" in str(caught.value)
    assert stock_views.balances(db, NURSE, center.id, "medicine")[0].quantity == 21
    done = _dispense(db, center, person, amoxicillin, quantity=3, acknowledge_allergy=True)
    assert done.allergy_warning == "Penicilina"
    paracetamol = stock.item_id_for("paracetamol-tab-500")
    stock.receive(db, NURSE, center_id=center.id, item_id=paracetamol, quantity=10,
                  lot_code="P1", expiry=date(2023, 5, 31), when=WHEN)
    assert _dispense(db, center, person, paracetamol, quantity=2).allergy_warning is None


def test_an_allergy_matches_ingredients_and_classes_not_unrelated_words(db, center, person):
    pharmacy.load_catalog(db, NURSE)
    with db.read_session() as session:
        from albergue_desktop.storage.tables import StockItem
        smx = session.get(StockItem, stock.item_id_for("tmp-smx-tab-80-400"))
        para = session.get(StockItem, stock.item_id_for("paracetamol-tab-500"))
    assert pharmacy.matching_allergies(
        [pharmacy.AllergyRecord("a", person, "sulfa", None, None, WHEN, "x")], smx)
    assert not pharmacy.matching_allergies([], smx)
    assert not pharmacy.matching_allergies(
        [pharmacy.AllergyRecord("a", person, "penicilina", None, None, WHEN, "x")], para)
    assert pharmacy.matching_allergies(
        [pharmacy.AllergyRecord("a", person, "ACETAMINOFÉN", None, None, WHEN, "x")], para)


def test_dispensing_validates_and_checks_permissions(db, center, person, amoxicillin):
    with pytest.raises(ValidationError):
        pharmacy.dispense(db, NURSE, person_id=person, item_id=amoxicillin, quantity=1,
                          dose=" ", center_id=center.id)
    with pytest.raises(ValidationError):
        pharmacy.dispense(db, NURSE, person_id=person, item_id=amoxicillin, quantity=1,
                          dose="1", days=0, center_id=center.id)
    for role in ("registro", "coordinacion", "admin"):
        with pytest.raises(PermissionDenied):
            pharmacy.dispense(db, Actor("x", role), person_id=person, item_id=amoxicillin,
                              quantity=1, dose="1", center_id=center.id)
        with pytest.raises(PermissionDenied):
            pharmacy.allergies_of(db, Actor("x", role), person)


def test_allergies_are_health_data_and_removed_with_a_reason(db, center, person):
    allergy = pharmacy.record_allergy(db, NURSE, person_id=person, substance="Ibuprofeno")
    assert [a.substance for a in pharmacy.allergies_of(db, NURSE, person)] == ["Ibuprofeno"]
    with pytest.raises(ValidationError):
        pharmacy.remove_allergy(db, NURSE, allergy.id, reason="")
    pharmacy.remove_allergy(db, NURSE, allergy.id, reason="registrada en otra persona")
    assert pharmacy.allergies_of(db, NURSE, person) == []
    from albergue_sync.rules import HEALTH_TABLES
    assert {"allergy", "dispensing"} <= HEALTH_TABLES


def test_impact_counts_dispensings_from_the_ledger(db, center, person, amoxicillin):
    _dispense(db, center, person, amoxicillin, quantity=5)
    _dispense(db, center, person, amoxicillin, quantity=5)
    values = impact.compute_impact(db, SYSTEM)
    assert values["medication_dispensed"] == 2
    assert impact.compute_impact(db, SYSTEM, start=date(2022, 2, 1))["medication_dispensed"] \
        == 0


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_medicines_dispensed_pdf_names_people_only_for_health_roles(db, center, person,
                                                                    amoxicillin, tmp_path):
    _dispense(db, center, person, amoxicillin, quantity=21)
    out = pharmacy_pdf.dispensed_pdf(db, NURSE, tmp_path / "n.pdf", center="03")
    text = _pdf_text(out)
    assert "Medicamentos dispensados" in text and "Amoxicilina" in text
    assert "Marie-Claude" in text and "1 cápsula cada 8 horas" in text
    supervisor = Actor("sup", "supervision")
    assert "Marie-Claude" in _pdf_text(pharmacy_pdf.dispensed_pdf(db, supervisor,
                                                                  tmp_path / "s.pdf"))
    for role in ("registro", "coordinacion", "admin"):
        with pytest.raises(PermissionDenied):
            pharmacy_pdf.dispensed_pdf(db, Actor("x", role), tmp_path / "x.pdf")
    conn = sqlite3.connect(db.path)
    assert conn.execute("SELECT count(*) FROM audit_event WHERE action = 'print'").fetchone()[0]


def test_medicines_and_allergies_are_on_the_health_timeline(db, center, person, amoxicillin):
    from albergue_desktop.services import health_timeline

    pharmacy.record_allergy(db, NURSE, person_id=person, substance="Penicilina",
                            reaction="urticaria", severity="moderate")
    _dispense(db, center, person, amoxicillin, quantity=3, acknowledge_allergy=True)
    events = {e.kind: e for e in health_timeline.timeline(db, NURSE, person)}
    assert events["medicine"].title == "Medicamento"
    assert "Amoxicilina" in events["medicine"].detail and "7 días" in events["medicine"].detail
    assert "alergia advertida: Penicilina" in events["medicine"].detail
    assert events["allergy"].detail == "Penicilina · urticaria · moderada"
    for role in ("registro", "coordinacion", "admin"):
        with pytest.raises(PermissionDenied):
            health_timeline.timeline(db, Actor("x", role), person)
