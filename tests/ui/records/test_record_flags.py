"""The person record flags what needs attention at the desk: an expired identity document
and a missing consent; a record with valid documents and consent shows no flag."""

from __future__ import annotations

from datetime import date

from ui_helpers import actor_of, show_window

from albergue_desktop.domain import clock
from albergue_desktop.services import people
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.services.people import MemberInput
from albergue_desktop.storage.tables import IdentityDocumentBase
from albergue_desktop.ui.main_window import MainWindow


def register(db, center, *, consent: bool, expiry: date) -> str:
    return people.register_household(db, SYSTEM, center_id=center.id, members=[MemberInput(
        given_names="Wilner", surnames="Louis", sex="M", birth_date=date(1985, 3, 2),
        nationality="HT", consent_given=consent,
        consent_by="registro1" if consent else None,
        consent_purposes="Registro censal" if consent else None,
        documents=[IdentityDocumentBase(doc_type="passport", number="PP7654321",
                                        issuing_country="HT", issue_date=date(2015, 1, 1),
                                        expiry_date=expiry)])]).person_ids[0]


def test_expired_document_and_missing_consent_are_flagged(db, center, qtbot):
    with clock.frozen(date(2022, 1, 15)):
        person = register(db, center, consent=False, expiry=date(2021, 12, 31))
        window = show_window(qtbot, MainWindow(db, actor_of("registro", center.id)))
        view = window.open_person(person)
        qtbot.waitUntil(lambda: view.record is not None)
        text = view.flags_label.text()
        assert "Pasaporte vencido el 31/12/2021" in text
        assert "Sin consentimiento registrado" in text and view.flags_label.isVisible()
        window.close()


def test_a_valid_record_has_no_flag(db, center, qtbot):
    with clock.frozen(date(2022, 1, 15)):
        person = register(db, center, consent=True, expiry=date(2030, 1, 1))
        window = show_window(qtbot, MainWindow(db, actor_of("registro", center.id)))
        view = window.open_person(person)
        qtbot.waitUntil(lambda: view.record is not None)
        assert view.flags_label.text() == "" and not view.flags_label.isVisible()
        window.close()
