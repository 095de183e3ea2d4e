"""A family of four registered with the keyboard only: Enter and Tab move on, Ctrl+N adds a
member, Ctrl+PgDown changes page, Space ticks, Ctrl+S saves; the rows and folios are in the
database and the confirmation shows them."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlmodel import select

from albergue_desktop.storage.tables import Household, IdentityDocument, Person, Vaccination
from albergue_desktop.ui.intake.fields import birth_from_age


def test_family_of_four_registered_with_the_keyboard_only(open_dialog, keyboard, db, qtbot,
                                                         today):
    dialog = open_dialog()
    kb = keyboard
    head = dialog.current_form()
    assert kb.focus is head.basic.given_names  # the dialog opens ready to type

    # --- head: basic data, then a passport and a COVID-19 dose on the other pages ---------
    kb.field("Marie-Claude")
    kb.field("Joseph")
    kb.field("M")                 # Mujer
    kb.field("14/05/1990")        # the estimated-age field is skipped: a date was typed
    assert kb.focus is head.basic.age_in_doubt  # "edad en duda": Space ticks, Enter moves on
    kb.enter()
    assert kb.focus is head.basic.nationality
    kb.field("Hai")               # Haití
    kb.field("Hai")               # country of birth
    kb.field("Cas")               # Casado(a)
    kb.field("686 555 0101")      # phone
    assert kb.focus is head.basic.emergency_contact_name
    kb.ctrl(Qt.Key.Key_PageDown)  # documents page
    assert head.currentIndex() == 1 and kb.focus is head.documents.document_name
    kb.tab(6)                     # name, CURP, RFC, status, from, until -> "Add document"
    assert kb.focus is head.documents.documents.add_button
    kb.key(Qt.Key.Key_Space)      # a document row, focus on its type
    kb.field("Pas")               # Pasaporte
    kb.field("RD1234567")
    kb.field("Hai")               # issued by Haiti
    kb.ctrl(Qt.Key.Key_PageDown)  # languages page
    kb.ctrl(Qt.Key.Key_PageDown)  # vaccination page
    assert head.currentIndex() == 3
    assert kb.focus is head.vaccines.vaccinations.add_button
    kb.enter()                    # Enter on a button presses it
    kb.field("COV")               # COVID-19: the product chooser is enabled, the name is not
    assert kb.focus is head.vaccines.vaccinations.rows[0].widgets["brand"]
    kb.field("Mod")               # Moderna
    kb.field("1")
    kb.field("20/12/2021")
    kb.field("LOT-77")

    # --- spouse: same nationality and same household contact, ticked with Space ----------
    kb.ctrl(Qt.Key.Key_N)
    spouse = dialog.current_form()
    assert dialog.members.currentRow() == 1 and kb.focus is spouse.basic.relationship
    kb.field("C")                 # Cónyuge o pareja
    kb.field("Jean-Baptiste")
    kb.field("Saint-Vil")
    kb.field("H")                 # Hombre
    kb.field("03/02/1988")
    kb.enter()                    # past "edad en duda"
    assert kb.focus is spouse.basic.nationality
    kb.tab()
    kb.key(Qt.Key.Key_Space)      # "misma nacionalidad"
    assert not spouse.basic.nationality.isEnabled()

    # --- two children: one date of birth, one estimated age ------------------------------
    kb.ctrl(Qt.Key.Key_N)
    kb.field("H")                 # Hijo(a)
    kb.field("Rose")
    kb.field("Saint-Vil Joseph")
    kb.field("M")
    kb.field("09/07/2015")
    kb.tab(2)                     # past "edad en duda" and the nationality
    kb.key(Qt.Key.Key_Space)      # same nationality
    kb.ctrl(Qt.Key.Key_N)
    youngest = dialog.current_form()
    kb.field("H")
    kb.field("Ti-Jean")
    kb.field("Saint-Vil Joseph")
    kb.field("H")
    kb.enter()                    # no date of birth known: on to the estimated age
    assert kb.focus is youngest.basic.age
    kb.field("4")
    kb.tab(2)
    kb.key(Qt.Key.Key_Space)      # same nationality
    kb.tab(3)                     # country of birth, civil status -> "mismo domicilio"
    assert kb.focus is youngest.basic.same_contact
    kb.key(Qt.Key.Key_Space)
    assert youngest.basic.phone.text() == "686 555 0101"

    with qtbot.waitSignal(dialog.household_registered, timeout=5000) as saved:
        kb.ctrl(Qt.Key.Key_S)
    registration = saved.args[0]
    assert registration.folios == [f"MXL-03-00000{n}" for n in range(1, 5)]

    with db.session() as s:
        household = s.get(Household, registration.household_id)
        people = [s.get(Person, pid) for pid in registration.person_ids]
        (passport,) = s.exec(select(IdentityDocument)).all()
        (dose,) = s.exec(select(Vaccination)).all()
    assert len(people) == 4 and household.head_person_id == people[0].id
    assert [(p.folio, p.given_names, p.surnames, p.sex, p.relationship) for p in people] == [
        ("MXL-03-000001", "Marie-Claude", "Joseph", "F", "head"),
        ("MXL-03-000002", "Jean-Baptiste", "Saint-Vil", "M", "spouse"),
        ("MXL-03-000003", "Rose", "Saint-Vil Joseph", "F", "child"),
        ("MXL-03-000004", "Ti-Jean", "Saint-Vil Joseph", "M", "child"),
    ]
    assert [p.nationality for p in people] == ["HT"] * 4
    assert [(p.birth_date, p.birth_date_estimated) for p in people] == [
        (date(1990, 5, 14), False), (date(1988, 2, 3), False), (date(2015, 7, 9), False),
        (birth_from_age(4, today), True)]
    assert people[0].civil_status == "married" and people[0].arrival_date == today
    assert [p.phone for p in people] == ["686 555 0101", None, None, "686 555 0101"]
    assert (passport.person_id, passport.doc_type, passport.number,
            passport.issuing_country) == (people[0].id, "passport", "RD1234567", "HT")
    assert (dose.person_id, dose.vaccine, dose.brand, dose.dose, dose.date, dose.lot) == (
        people[0].id, "covid19", "moderna", 1, date(2021, 12, 20), "LOT-77")

    # the confirmation lists every folio and name, and offers the next steps
    table = dialog.confirmation.table
    assert dialog.pages.currentWidget() is dialog.confirmation
    assert [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(4)] == [
        ("MXL-03-000001", "Marie-Claude JOSEPH"), ("MXL-03-000002", "Jean-Baptiste SAINT-VIL"),
        ("MXL-03-000003", "Rose SAINT-VIL JOSEPH"), ("MXL-03-000004", "Ti-Jean SAINT-VIL JOSEPH")]
    assert dialog.confirmation.title.text() == "Núcleo familiar registrado: 4 personas"
    assert QApplication.focusWidget() is dialog.confirmation.screening_button
    with qtbot.waitSignal(dialog.next_step_requested) as step:
        kb.enter()                # Enter on the focused "Tamizaje de salud"
    assert step.args == ["screening", registration.household_id]
    # the confirmation stays (under the step's dialog), ready for the next step
    assert dialog.isVisible() and dialog.pages.currentWidget() is dialog.confirmation
    assert QApplication.focusWidget() is dialog.confirmation.bed_button
    with qtbot.waitSignal(dialog.next_step_requested) as step:
        kb.enter()                # Enter on "Asignar camas"
    assert step.args == ["bed", registration.household_id]
    assert QApplication.focusWidget() is dialog.confirmation.cards_button
    with qtbot.waitSignal(dialog.cards_requested) as cards:
        kb.enter()                # Enter on "Imprimir credenciales"
    assert cards.args == ["MXL-03-000001"] and not dialog.isVisible()


def test_age_in_doubt_is_ticked_at_registration(open_dialog, keyboard, db, qtbot):
    dialog = open_dialog()
    kb = keyboard
    head = dialog.current_form()
    kb.field("Wilner")
    kb.field("Dorval")
    kb.field("H")                 # Hombre
    kb.field("02/03/2004")        # the document says 17, he says 19: staff doubt it
    assert kb.focus is head.basic.age_in_doubt
    assert head.basic.age_in_doubt.text() == "Edad en duda: se presume menor de edad"
    kb.key(Qt.Key.Key_Space)
    assert head.basic.age_in_doubt.isChecked()
    with qtbot.waitSignal(dialog.household_registered, timeout=5000) as saved:
        kb.ctrl(Qt.Key.Key_S)
    with db.session() as s:
        person = s.get(Person, saved.args[0].person_ids[0])
    assert (person.age_in_doubt, person.birth_date_estimated) == (True, False)


def test_the_next_member_starts_with_the_shared_fields(open_dialog, keyboard, qtbot):
    """Surnames, nationality and arrival date carry over to the next member (the address is
    the household's); typing over a carried value replaces it; closing a dialog where only
    carried values are in a new member asks nothing about that member."""
    dialog = open_dialog()
    kb = keyboard
    head = dialog.current_form()
    kb.field("Marie-Claude")
    kb.field("Joseph")
    head.basic.arrival_date.setFocus()
    head.basic.arrival_date.selectAll()
    kb.type("12/01/2022")
    head.basic.nationality.setFocus()
    kb.field("Hai")
    dialog.address.setText("Calle 5 de Mayo 12, Mexicali")
    kb.ctrl(Qt.Key.Key_N)
    child = dialog.current_form()
    assert child is not head
    assert child.basic.surnames.text() == "Joseph"
    assert child.basic.nationality.code() == "HT"
    assert child.basic.arrival_date.text() == "12/01/2022"
    assert not child.has_input()  # carried over, not typed
    kb.field("H")                 # Hijo(a)
    kb.field("Rose")
    assert kb.focus is child.basic.surnames
    kb.field("Saint-Vil")         # Tab into a field selects it: typing replaces the surnames
    assert child.basic.surnames.text() == "Saint-Vil"
    kb.ctrl(Qt.Key.Key_N)
    third = dialog.current_form()
    assert third.basic.surnames.text() == "Saint-Vil"  # from the member just before
    assert third.basic.arrival_date.text() == "12/01/2022"
    assert dialog.address.text() == "Calle 5 de Mayo 12, Mexicali"
