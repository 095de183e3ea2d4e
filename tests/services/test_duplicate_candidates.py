"""Duplicate warning before saving: fuzzy names, birth date, documents, other centers."""

from __future__ import annotations

from datetime import date

from albergue_desktop.domain.matching import PersonFacts, score
from albergue_desktop.services import centers, duplicates, people
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage.tables import IdentityDocumentBase


def _facts(given, surnames, sex="F", birth=date(1990, 5, 1), docs=()):
    return PersonFacts(given, surnames, sex, birth, False, "HT", tuple(docs))


def test_near_identical_name_and_birth_date_is_found(db, center, make_member):
    member = make_member
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=[member()])
    found = duplicates.find_possible_duplicates(db, SYSTEM, _facts("Marie Claude", "Josef"))
    assert [c.folio for c in found] == reg.folios
    assert found[0].full_name == "Marie-Claude JOSEPH" and found[0].center_code == "03"
    assert found[0].match.score >= 85


def test_swapped_given_names_and_surnames_still_match(db, center, make_member):
    member = make_member
    people.register_household(db, SYSTEM, center_id=center.id, members=[member()])
    found = duplicates.find_possible_duplicates(db, SYSTEM, _facts("Joseph", "Marie-Claude"))
    assert len(found) == 1


def test_different_person_is_not_a_duplicate(db, center, make_member):
    member = make_member
    people.register_household(db, SYSTEM, center_id=center.id, members=[member()])
    assert duplicates.find_possible_duplicates(
        db, SYSTEM, _facts("Jean", "Pierre", sex="M", birth=date(1975, 2, 3))) == []
    # Same name, other sex and a birth date decades apart: a namesake, not a duplicate.
    assert duplicates.find_possible_duplicates(
        db, SYSTEM, _facts("Marie-Claude", "Joseph", sex="M", birth=date(1950, 1, 1))) == []


def test_same_document_number_matches_whatever_the_name(db, center, make_member):
    member = make_member
    doc = IdentityDocumentBase(doc_type="passport", number="PP-778 899", issuing_country="HT")
    people.register_household(db, SYSTEM, center_id=center.id,
                              members=[member(documents=[doc])])
    found = duplicates.find_possible_duplicates(
        db, SYSTEM, _facts("Mari", "Josué", docs=["pp778899"]))
    assert len(found) == 1 and found[0].match.reasons == ["same document number"]


def test_people_registered_at_another_center_are_found(db, center, make_member):
    member = make_member
    other = centers.create_center(db, SYSTEM, code="05", name="Centro Comunitario 5")
    reg = people.register_household(db, SYSTEM, center_id=other.id, members=[member()])
    found = duplicates.find_possible_duplicates(db, SYSTEM, _facts("Marie-Claude", "Joseph"))
    assert found[0].folio == reg.folios[0] and found[0].center_code == "05"


def test_excluded_and_deleted_people_are_not_candidates(db, center, make_member):
    member = make_member
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=[member()])
    facts = _facts("Marie-Claude", "Joseph")
    assert duplicates.find_possible_duplicates(
        db, SYSTEM, facts, exclude_ids=frozenset(reg.person_ids)) == []
    people.delete_person(db, SYSTEM, reg.person_ids[0], reason="prueba")
    assert duplicates.find_possible_duplicates(db, SYSTEM, facts) == []


def test_score_is_symmetric_and_bounded():
    a = _facts("Jean-Baptiste", "Saint-Vil", sex="M")
    b = _facts("Jean Batiste", "St Vil", sex="M", birth=date(1991, 5, 1))
    assert score(a, b).score == score(b, a).score
    assert 0 <= score(a, b).score <= 100


def test_a_shared_number_with_another_name_sex_and_age_is_not_certain():
    a = PersonFacts("Gina", "Jean", "F", date(2015, 3, 1), False, "HT", ("COMARBC2022123",))
    b = PersonFacts("Fritznel", "Louis", "M", date(2017, 6, 1), False, "BR", ("COMARBC2022123",))
    assert 0 < score(a, b).score < 85
    same = PersonFacts("Gina", "Jean", "F", date(2015, 3, 1), False, "HT", ("COMARBC2022123",))
    assert score(a, same).score == 100
