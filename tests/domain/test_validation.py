"""Validators of domain/validation.py: CURP, RFC, names, dates, phones, enums."""

from __future__ import annotations

import string
from datetime import date, timedelta

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from stdnum.mx import curp as stdnum_curp

from albergue_desktop.domain import validation as v
from albergue_desktop.domain.enums import DocumentType, Relationship, Sex
from albergue_desktop.domain.errors import FieldError

TODAY = date(2022, 1, 15)
STATES = ("AS", "BC", "CH", "DF", "JC", "NL", "YN", "NE")  # NE: born abroad
CONSONANTS = "BCDFGHJKLMNPQRSTVWXZ"


def curp_for(birth: date, sex: str, *, state: str = "NE", letters: str = "JOMC",
             inner: str = "SSR") -> str:
    """A CURP with a correct check digit for the given birth date and sex (H/M)."""
    diff = "0" if birth.year < 2000 else "A"
    base = f"{letters}{birth:%y%m%d}{sex}{state}{inner}{diff}"
    return base + stdnum_curp.calc_check_digit(base + "0")


def msgids(errors: list[FieldError]) -> list[str]:
    return [e.msgid for e in errors]


def reasons(errors: list[FieldError]) -> list[object]:
    return [e.params.get("reason") for e in errors]


# --- CURP -----------------------------------------------------------------------------------

births = st.dates(min_value=date(1902, 1, 1), max_value=date(2021, 12, 31))


@given(birth=births, sex=st.sampled_from("HM"), state=st.sampled_from(STATES),
       inner=st.text(CONSONANTS, min_size=3, max_size=3))
def test_generated_curps_are_valid_and_match_birth_and_sex(birth, sex, state, inner):
    curp = curp_for(birth, sex, state=state, inner=inner)
    person_sex = Sex.MALE if sex == "H" else Sex.FEMALE
    assert v.validate_curp("curp", curp, birth_date=birth, sex=person_sex) == []
    # lower case and surrounding spaces are tolerated (stdnum compacts the number)
    assert v.validate_curp("curp", f" {curp.lower()} ", birth_date=birth) == []


@given(birth=births, sex=st.sampled_from("HM"), wrong=st.sampled_from(string.digits))
def test_any_wrong_check_digit_is_refused(birth, sex, wrong):
    curp = curp_for(birth, sex)
    assume(wrong != curp[-1])
    errors = v.validate_curp("curp", curp[:-1] + wrong)
    assert msgids(errors) == ["Invalid CURP: {reason}."]
    assert reasons(errors) == ["invalid check digit"]


@pytest.mark.parametrize("value, reason", [
    ("JOMC900501MNESSR0", "wrong length"),
    ("JOMC900501MNESSR055", "wrong length"),
    ("J0MC900501MNESSR05", "invalid format"),       # digit among the name letters
    ("JOMC9005O1MNESSR05", "invalid format"),       # letter O in the date
])
def test_malformed_curps_name_the_reason(value, reason):
    assert reasons(v.validate_curp("curp", value)) == [reason]


def test_impossible_birth_date_inside_the_curp():
    base = "JOMC900231MNESSR0"  # 31 February
    curp = base + stdnum_curp.calc_check_digit(base + "0")
    assert reasons(v.validate_curp("curp", curp)) == ["invalid date of birth in the code"]


def test_bad_state_code_is_not_reported_as_a_bad_birth_date():
    base = "JOMC900501MZZSSR0"  # ZZ is not a state
    curp = base + stdnum_curp.calc_check_digit(base + "0")
    assert reasons(v.validate_curp("curp", curp)) == ["invalid component"]


def test_curp_against_birth_date_and_sex():
    curp = curp_for(date(1990, 5, 1), "M")
    assert v.validate_curp("curp", curp, birth_date=date(1990, 5, 1), sex=Sex.FEMALE) == []
    assert msgids(v.validate_curp("curp", curp, birth_date=date(1990, 5, 2))) == [
        "The CURP does not match the date of birth."]
    assert msgids(v.validate_curp("curp", curp, sex=Sex.MALE)) == [
        "The CURP does not match the sex."]
    # sex X (other) is not compared with the H/M of the CURP
    assert v.validate_curp("curp", curp, sex=Sex.OTHER) == []


def test_curp_of_someone_born_after_2000_uses_a_letter_differentiator():
    curp = curp_for(date(2016, 2, 29), "H")
    assert curp[16] == "A"
    assert v.validate_curp("curp", curp, birth_date=date(2016, 2, 29), sex=Sex.MALE) == []


def test_estimated_birth_date_is_not_compared_with_the_curp():
    curp = curp_for(date(1990, 5, 1), "M")
    data = dict(given_names="Marie", sex="F", birth_date=date(1990, 1, 1), curp=curp)
    assert "The CURP does not match the date of birth." in msgids(
        v.validate_person(data, today=TODAY))
    data["birth_date_estimated"] = True
    assert v.validate_person(data, today=TODAY) == []


def test_empty_curp_is_not_an_error():
    assert v.validate_curp("curp", None) == []
    assert v.validate_curp("curp", "") == []


# --- RFC ------------------------------------------------------------------------------------

@pytest.mark.parametrize("rfc", ["GODE561231GR8", "gode561231gr8", "VECJ880326XXX"])
def test_personal_rfc_13_characters_is_accepted(rfc):
    assert v.validate_rfc("rfc", rfc) == []


@pytest.mark.parametrize("rfc, reason", [
    ("ABC680524P76", "wrong length"),        # a valid company RFC: 12 characters
    ("GODE561231GR", "wrong length"),
    ("GODE561231GR8X", "wrong length"),
    ("GODE563231GR8", "invalid date of birth in the code"),  # month 32
    ("G0DE561231GR8", "invalid format"),
])
def test_rfc_refused_with_reason(rfc, reason):
    errors = v.validate_rfc("rfc", rfc)
    assert msgids(errors) == ["Invalid RFC: {reason}."]
    assert reasons(errors) == [reason]


# --- names ----------------------------------------------------------------------------------

HAITIAN_NAMES = [
    "Marie-Claude", "Jean-Baptiste", "Saint-Vil", "D'Haïti", "Pierre Louis", "Wilnès",
    "Dieu-Juste", "Ti-Jean", "Jean Ronald Jr.", "Désir", "Lòrvens", "Fènand", "O'Neil",
    "Anne-Marie Saint-Fleur", "Nuñez", "Peña", "José Ángel", "Françoise", "Œdipe",
]


@pytest.mark.parametrize("name", HAITIAN_NAMES)
def test_real_world_names_are_accepted(name):
    assert v.validate_name("given_names", name, required=True) == []


def test_decomposed_accents_are_accepted():
    assert v.validate_name("given_names", "Wilne\u0300s", required=True) == []


@pytest.mark.parametrize("name", [
    "Marie2", "J3an", "Jean_Baptiste", "Marie@", "Jean#", "Ana;", "<script>", "Ana/Luis",
    "-Marie", "'Jean", "Marie²", "Jean½", "Luis Ⅻ", "😀", "Ana 😀",
])
def test_digits_and_symbols_are_refused(name):
    assert msgids(v.validate_name("given_names", name, required=True)) == [
        "The name may only contain letters, spaces, hyphens, apostrophes and periods."]


name_letters = st.characters(whitelist_categories=("Lu", "Ll"), max_codepoint=0x24F)
name_parts = st.text(name_letters, min_size=1, max_size=12)


@given(parts=st.lists(name_parts, min_size=1, max_size=4),
       seps=st.lists(st.sampled_from([" ", "-", "'", ". "]), min_size=3, max_size=3))
def test_any_latin_name_with_separators_is_accepted(parts, seps):
    name = parts[0] + "".join(s + p for s, p in zip(seps, parts[1:]))
    assume(len(name) <= v.MAX_NAME_LENGTH)
    assert v.validate_name("given_names", name, required=True) == []


@given(prefix=name_parts, bad=st.characters(whitelist_categories=("Nd", "No", "Nl", "Sm", "Sc",
                                                                  "So", "Pc")),
       suffix=st.text(name_letters, max_size=5))
def test_a_digit_or_symbol_anywhere_is_refused(prefix, bad, suffix):
    assert v.validate_name("given_names", prefix + bad + suffix, required=True) != []


def test_required_and_length():
    assert msgids(v.validate_name("given_names", "  ", required=True)) == [v.REQUIRED]
    assert v.validate_name("surnames", "", required=False) == []
    assert v.validate_name("surnames", "A" * v.MAX_NAME_LENGTH, required=False) == []
    assert msgids(v.validate_name("surnames", "A" * (v.MAX_NAME_LENGTH + 1), required=False)) \
        == ["The name is too long (at most {max} characters)."]


# --- birth dates ----------------------------------------------------------------------------

def test_birth_date_boundaries():
    assert v.validate_birth_date("b", TODAY, today=TODAY) == []
    assert msgids(v.validate_birth_date("b", TODAY + timedelta(days=1), today=TODAY)) == [
        "The date of birth cannot be in the future."]
    # 120 years old is allowed up to the day before the 121st birthday
    birthday_121 = date(TODAY.year - 121, TODAY.month, TODAY.day)
    assert v.validate_birth_date("b", birthday_121 + timedelta(days=1), today=TODAY) == []
    assert msgids(v.validate_birth_date("b", birthday_121, today=TODAY)) == [
        "The age cannot be more than {max} years."]


@given(birth=st.dates(min_value=date(1800, 1, 1), max_value=date(2100, 12, 31)),
       today=st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31)))
@example(birth=date(2000, 2, 29), today=date(2021, 2, 28))
def test_birth_date_rule_agrees_with_a_reference_age(birth, today):
    errors = v.validate_birth_date("b", birth, today=today)
    # reference: the birthday of year Y is 1 March when Y has no 29 February
    if birth > today:
        assert msgids(errors) == ["The date of birth cannot be in the future."]
        return
    age = today.year - birth.year
    if (today.month, today.day) < (birth.month, birth.day):
        age -= 1
    assert v.age_on(birth, today) == age
    assert (errors != []) == (age > v.MAX_AGE_YEARS)


def test_age_on_leap_day_birthday():
    assert v.age_on(date(2000, 2, 29), date(2021, 2, 28)) == 20
    assert v.age_on(date(2000, 2, 29), date(2021, 3, 1)) == 21


# --- phones, enums, whole person ------------------------------------------------------------

@pytest.mark.parametrize("phone", ["+52 686 555 0101", "6865550101", "+509 3712-3456",
                                   "(686) 555-0101"])
def test_valid_phones(phone):
    assert v.validate_person({"phone": phone}, today=TODAY, partial=True) == []


@pytest.mark.parametrize("phone", ["12345", "abc 555 0101", "+52 686 555 0101 ext 4",
                                   "++526865550101", "1" * 30])
def test_invalid_phones(phone):
    for name in ("phone", "emergency_contact_phone"):
        errors = v.validate_person({name: phone}, today=TODAY, partial=True)
        assert [(e.field, e.msgid) for e in errors] == [(name, "Invalid phone number.")]


@pytest.mark.parametrize("field, enum", [("sex", Sex), ("relationship", Relationship)])
def test_enum_fields_accept_codes_and_refuse_others(field, enum):
    for value in enum:
        assert v.validate_person({field: value.value}, today=TODAY, partial=True) == []
    errors = v.validate_person({field: "banana"}, today=TODAY, partial=True)
    assert [(e.field, e.msgid, e.params) for e in errors] == [
        (field, "Unknown value: {value}.", {"value": "banana"})]


def test_new_person_requires_name_sex_and_birth_date():
    errors = v.validate_person({}, today=TODAY, prefix="members.2.")
    assert {(e.field, e.msgid) for e in errors} == {
        ("members.2.given_names", v.REQUIRED), ("members.2.sex", v.REQUIRED),
        ("members.2.birth_date", v.REQUIRED)}


def test_partial_update_checks_only_present_fields():
    assert v.validate_person({"notes": "x"}, today=TODAY, partial=True) == []
    assert [e.field for e in v.validate_person({"given_names": ""}, today=TODAY,
                                               partial=True)] == ["given_names"]


def test_lists_and_dates_inside_a_person():
    data = dict(given_names="Marie", sex="F", birth_date=date(1990, 1, 1),
                specific_needs=["SM-CI", "XX-YY"],
                languages=[{"code": "ht", "level": "native"}, {"code": "de", "level": "wow"}],
                work_experience=[{"occupation": "Albañil", "years": 5},
                                 {"occupation": " ", "years": 81}],
                migratory_status="tvrh", migratory_status_from=date(2022, 1, 10),
                migratory_status_until=date(2022, 1, 1), arrival_date=TODAY + timedelta(1),
                consent_given=True, consent_by="registro1")
    fields = sorted(e.field for e in v.validate_person(data, today=TODAY))
    assert fields == sorted([
        "specific_needs.1", "languages.1.code", "languages.1.level",
        "work_experience.1.occupation", "work_experience.1.years", "migratory_status_until",
        "arrival_date", "consent_given"])


def test_documents_and_vaccinations():
    ok = dict(doc_type="passport", number="PP123", issue_date=date(2020, 1, 1),
              expiry_date=date(2030, 1, 1))
    assert v.validate_document(ok, today=TODAY) == []
    bad = dict(doc_type="spaceship", number=" ", issue_date=TODAY + timedelta(1),
               expiry_date=TODAY)
    assert sorted(e.field for e in v.validate_document(bad, today=TODAY)) == [
        "doc_type", "expiry_date", "issue_date", "number"]
    curp_doc = dict(doc_type=DocumentType.CURP, number="JOMC900501MNESSR04")
    assert reasons(v.validate_document(curp_doc, today=TODAY)) == ["invalid check digit"]
    rfc_doc = dict(doc_type=DocumentType.RFC, number="ABC680524P76")
    assert reasons(v.validate_document(rfc_doc, today=TODAY)) == ["wrong length"]
    assert v.validate_vaccination(dict(vaccine="COVID-19", dose=2, date=TODAY), today=TODAY) == []
    assert sorted(e.field for e in v.validate_vaccination(
        dict(vaccine="", dose=11, date=TODAY + timedelta(1)), today=TODAY)) == [
        "date", "dose", "vaccine"]
