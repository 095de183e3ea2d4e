"""Placement suggestions: each segmentation rule, their conflicts and the hard invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from albergue_desktop.domain import i18n
from albergue_desktop.domain.clinical_enums import ChronicCondition, Symptom
from albergue_desktop.domain.enums import CenterProfile as P
from albergue_desktop.domain.enums import Relationship, Sex
from albergue_desktop.domain.placement import (
    AGE_DOUBT_NOTICE, CASE_NEARBY, DIF_NOTICE, MATERNITY_SUPERSEDED, NO_OPTION, NO_QUARANTINE_ROOM,
    QUARANTINE_OK, SEPARATED_NOTICE, SHARED_ISOLATION_HOUSEHOLD, suggest_placements,
)
from albergue_desktop.domain.placement_model import (
    SOFT_RULES, AreaOption, CenterOption, FreeBed, Member, PlacementRule as R, bed_position,
)
from albergue_desktop.domain.triage import ScreeningInput, assess

POSITIVE = assess(ScreeningInput(symptoms={Symptom.COUGH, Symptom.FEVER, Symptom.RUNNY_NOSE}),
                  age_years=30)
CHRONIC = assess(ScreeningInput(chronic_conditions={ChronicCondition.DIABETES}), age_years=60)


def area(area_id, segment, numbers, **kw):
    free = tuple(FreeBed(f"{area_id}/{n}", f"{area_id}-{n:02d}") for n in numbers)
    return AreaOption(area_id, f"Dorm {area_id}", segment, free, **kw)


def center(code, profile, *areas, medical=False):
    return CenterOption(f"c{code}", code, f"Centro {code}", profile, medical, tuple(areas))


def person(pid, sex, years, rel="head", **kw):
    return Member(pid, Sex(sex), None if years is None else int(years * 12), Relationship(rel),
                  name=pid, **kw)


def areas_of(suggestion):
    return {a.person_id: a.area_id for a in suggestion.assignments}


def texts(suggestion):
    i18n.set_language("en")
    try:
        return [e.msgid for e in suggestion.explanations]
    finally:
        i18n.set_language("es")


# --- single rules ----------------------------------------------------------------------------

SHELTERS = (
    center("01", P.FAMILIES, area("F", P.FAMILIES, range(1, 11))),
    center("02", P.SINGLE_MEN, area("M", P.SINGLE_MEN, range(1, 11))),
    center("03", P.WOMEN_WITH_CHILDREN, area("W", P.WOMEN_WITH_CHILDREN, range(1, 11))),
    center("04", P.MATERNITY, area("T", P.MATERNITY, range(1, 7)), medical=True),
    center("05", P.RESPIRATORY_ISOLATION, area("I", P.RESPIRATORY_ISOLATION, range(1, 9)),
           medical=True),
)


def test_single_adults_by_sex():
    man = suggest_placements([person("m", "M", 30)], SHELTERS)
    assert man.best.area_ids == ("M",) and man.all_rules_satisfied
    woman = suggest_placements([person("w", "F", 30)], SHELTERS)
    assert woman.best.area_ids == ("W",) and woman.all_rules_satisfied
    # never in the single men's area, even when it is the only one with beds
    only_men = (center("02", P.SINGLE_MEN, area("M", P.SINGLE_MEN, range(1, 11))),)
    nobody = suggest_placements([person("w", "F", 30)], only_men)
    assert nobody.suggestions == () and not nobody.all_rules_satisfied
    assert [n.msgid for n in nobody.notices] == [NO_OPTION]


def test_single_man_goes_to_families_when_no_single_men_bed():
    no_men = tuple(c for c in SHELTERS if c.code != "02")
    result = suggest_placements([person("m", "M", 30)], no_men)
    assert result.best.area_ids == ("F",) and result.relaxed == (R.SEGMENT,)
    assert all("W" not in s.area_ids and "T" not in s.area_ids for s in result.suggestions)


def test_family_together_in_adjacent_family_beds():
    family = [person("dad", "M", 35), person("mum", "F", 32, "spouse"),
              person("kid1", "F", 8, "child"), person("kid2", "M", 4, "child")]
    result = suggest_placements(family, SHELTERS)
    best = result.best
    assert result.all_rules_satisfied and best.area_ids == ("F",)
    assert [a.bed_code for a in best.assignments] == ["F-01", "F-02", "F-03", "F-04"]
    assert "Adjacent beds {first} to {last}." in texts(best)


def test_mother_with_infant_goes_to_maternity():
    result = suggest_placements([person("mum", "F", 22, postpartum=True),
                                 person("baby", "M", 0.25, "child")], SHELTERS)
    assert result.best.area_ids == ("T",) and result.all_rules_satisfied


def test_pregnant_woman_with_husband_stays_with_him_rather_than_maternity():
    couple = [person("wife", "F", 27, pregnant=True), person("husband", "M", 29, "spouse")]
    result = suggest_placements(couple, SHELTERS)
    assert result.best.area_ids == ("F",) and result.relaxed == (R.MATERNITY,)
    split = [s for s in result.suggestions if len(s.area_ids) == 2]
    assert split and areas_of(split[0]) == {"wife": "T", "husband": "M"}
    assert R.SAME_AREA in split[0].relaxed


def test_positive_screen_goes_to_isolation_and_nobody_else_does():
    result = suggest_placements([person("m", "M", 40, triage=POSITIVE)], SHELTERS)
    assert result.best.area_ids == ("I",) and result.all_rules_satisfied
    healthy = suggest_placements([person("m", "M", 40)], SHELTERS, limit=20)
    assert all("I" not in s.area_ids for s in healthy.suggestions)


def test_chronic_disease_prefers_a_center_with_medical_care():
    medical_families = center("06", P.FAMILIES, area("G", P.FAMILIES, range(1, 5)), medical=True)
    patient = [person("old", "M", 66, chronic_disease=True)]
    result = suggest_placements(patient, SHELTERS + (medical_families,))
    assert result.best.center_ids == ("c06",)
    assert result.relaxed == (R.SEGMENT,)  # a family area, but with medical care
    via_triage = suggest_placements([person("old", "M", 66, triage=CHRONIC)],
                                    SHELTERS + (medical_families,))
    assert via_triage.best.center_ids == ("c06",)


def test_chronic_disease_when_no_medical_center_has_beds():
    full_medical = center("06", P.CHRONIC_CARE, area("G", P.CHRONIC_CARE, ()), medical=True)
    result = suggest_placements([person("old", "M", 66, chronic_disease=True)],
                                SHELTERS[:3] + (full_medical,))
    assert result.best.area_ids == ("M",)
    assert result.relaxed == (R.MEDICAL_CARE,) and not result.all_rules_satisfied
    i18n.set_language("es")
    relaxed = [e for e in result.best.explanations if e.rule is R.MEDICAL_CARE]
    assert relaxed[0].text() == ("Ningún centro con atención médica tiene lugar para old: "
                                 "organice el seguimiento médico.")


# --- conflicts -------------------------------------------------------------------------------

def pregnant_positive_with_children():
    return [person("mum", "F", 28, pregnant=True, triage=POSITIVE),
            person("c1", "M", 9, "child"), person("c2", "F", 5, "child"),
            person("c3", "M", 2, "child")]


def with_room(*centers_, beds=range(1, 7), **kw):
    """SHELTERS plus a family quarantine room Q in the isolation center."""
    room = area("Q", P.QUARANTINE, beds, **kw)
    iso = center("05", P.RESPIRATORY_ISOLATION, area("I", P.RESPIRATORY_ISOLATION, range(1, 9)),
                 room, medical=True)
    return tuple(c for c in (centers_ or SHELTERS) if c.code != "05") + (iso,)


def notice_ids(result):
    return [n.msgid for n in result.notices]


def test_pregnant_woman_with_positive_screen_and_three_children():
    result = suggest_placements(pregnant_positive_with_children(), with_room())
    best = result.best
    assert set(areas_of(best).values()) == {"Q"}  # together, in a room of their own
    assert [a.bed_code for a in best.assignments] == ["Q-01", "Q-02", "Q-03", "Q-04"]
    assert result.relaxed == (R.MATERNITY,) and not result.all_rules_satisfied
    assert MATERNITY_SUPERSEDED in texts(best)
    assert QUARANTINE_OK in texts(best)
    assert "The rest of the household stays with the case as contacts." in texts(best)
    assert NO_QUARANTINE_ROOM not in notice_ids(result)


def test_shared_isolation_area_holds_cases_only():
    # Without a family room the children (contacts) never go to the shared isolation area,
    # and the mother cannot leave them: the household stays together outside isolation.
    result = suggest_placements(pregnant_positive_with_children(), SHELTERS, limit=20)
    assert result.suggestions
    assert all("I" not in s.area_ids for s in result.suggestions)
    assert result.relaxed == (R.ISOLATION, R.MATERNITY)
    assert NO_QUARANTINE_ROOM in notice_ids(result)
    # only the isolation area has beds: nothing is suggested
    only_isolation = (center("05", P.RESPIRATORY_ISOLATION,
                             area("I", P.RESPIRATORY_ISOLATION, range(1, 9))),)
    none = suggest_placements(pregnant_positive_with_children(), only_isolation)
    assert none.suggestions == ()
    assert notice_ids(none) == [NO_QUARANTINE_ROOM, NO_OPTION]


def test_no_quarantine_room_free_notice_is_clear_in_spanish():
    taken = with_room(other_households_present=3)
    result = suggest_placements(pregnant_positive_with_children(), taken)
    assert all("Q" not in s.area_ids for s in result.suggestions)  # one household at a time
    (notice,) = [n for n in result.notices if n.msgid == NO_QUARANTINE_ROOM]
    assert notice.rule is R.HOUSEHOLD_APART and not notice.satisfied
    assert notice.text() == (
        "No hay cuarto familiar ni área de cuarentena libre para el núcleo familiar de mum "
        "(tamizaje respiratorio positivo): el núcleo no puede permanecer junto y aparte de los "
        "casos de otros núcleos; la coordinación debe liberar o habilitar uno.")


def test_pregnant_positive_mother_is_never_split_from_her_children():
    tiny_isolation = SHELTERS[:4] + (center("05", P.RESPIRATORY_ISOLATION,
                                            area("I", P.RESPIRATORY_ISOLATION, (1, 2))),)
    result = suggest_placements(pregnant_positive_with_children(), tiny_isolation, limit=20)
    assert result.suggestions
    assert all(len(s.area_ids) == 1 for s in result.suggestions)
    # isolation is impossible; the case is kept out of the maternity area (vulnerable people)
    assert result.relaxed == (R.ISOLATION, R.MATERNITY)
    assert result.best.area_ids == ("F",)
    in_maternity = [s for s in result.suggestions if s.area_ids == ("T",)]
    assert in_maternity and R.SEGMENT in in_maternity[0].relaxed


def test_household_of_a_case_stays_together_in_a_family_quarantine_room():
    family = pregnant_positive_with_children() + [person("dad", "M", 30, "spouse")]
    together = suggest_placements(family, with_room())
    assert together.best.area_ids == ("Q",) and together.relaxed == (R.MATERNITY,)
    # without a room: the case alone to the shared isolation area (cases only), the contacts
    # together elsewhere, and a notice that no room is free
    split = suggest_placements(family, SHELTERS)
    assert areas_of(split.best) == {"mum": "I", "dad": "F", "c1": "F", "c2": "F", "c3": "F"}
    assert split.relaxed == (R.SAME_AREA, R.MATERNITY)
    assert NO_QUARANTINE_ROOM in notice_ids(split)


def test_quarantine_room_takes_one_household_at_a_time_and_only_a_case_household():
    family = pregnant_positive_with_children()
    occupied = suggest_placements(family, with_room(other_households_present=1), limit=20)
    assert all("Q" not in s.area_ids for s in occupied.suggestions)
    healthy = [person("dad", "M", 35), person("mum", "F", 32, "spouse"),
               person("kid", "F", 6, "child")]
    only_room = (center("05", P.RESPIRATORY_ISOLATION, area("Q", P.QUARANTINE, range(1, 7))),)
    assert suggest_placements(healthy, only_room).suggestions == ()
    assert all("Q" not in s.area_ids
               for s in suggest_placements(healthy, with_room(), limit=20).suggestions)


def test_single_case_prefers_the_shared_isolation_area_over_a_family_room():
    result = suggest_placements([person("m", "M", 40, triage=POSITIVE)], with_room())
    assert result.best.area_ids == ("I",) and result.all_rules_satisfied
    assert NO_QUARANTINE_ROOM not in notice_ids(result)  # nobody else to keep together
    full_isolation = SHELTERS[:4] + (center("05", P.RESPIRATORY_ISOLATION,
                                            area("I", P.RESPIRATORY_ISOLATION, ()),
                                            area("Q", P.QUARANTINE, (1, 2))),)
    room = suggest_placements([person("m", "M", 40, triage=POSITIVE)], full_isolation)
    assert room.best.area_ids == ("Q",) and room.all_rules_satisfied


def test_household_of_cases_prefers_a_room_of_its_own():
    couple = [person("h", "M", 40, triage=POSITIVE),
              person("w", "F", 38, "spouse", triage=POSITIVE)]
    result = suggest_placements(couple, with_room())
    assert result.best.area_ids == ("Q",) and result.all_rules_satisfied
    shared = suggest_placements(couple, SHELTERS)
    assert shared.best.area_ids == ("I",) and shared.relaxed == (R.HOUSEHOLD_APART,)
    assert SHARED_ISOLATION_HOUSEHOLD in texts(shared.best)
    assert NO_QUARANTINE_ROOM in notice_ids(shared)


def test_pregnant_woman_who_is_not_a_case_is_never_in_shared_isolation():
    couple = [person("husband", "M", 30, triage=POSITIVE),
              person("wife", "F", 26, "spouse", pregnant=True)]
    result = suggest_placements(couple, SHELTERS, limit=20)
    assert result.suggestions
    assert all(s.bed_of("wife").area_id != "I" for s in result.suggestions)
    assert areas_of(result.best) == {"husband": "I", "wife": "T"}
    assert result.relaxed == (R.SAME_AREA,)
    assert suggest_placements(couple, with_room()).best.area_ids == ("Q",)


def test_infant_who_is_not_a_case_is_never_in_shared_isolation():
    pair = [person("mum", "F", 24, triage=POSITIVE), person("baby", "F", 0.5, "child")]
    result = suggest_placements(pair, SHELTERS, limit=20)
    assert result.suggestions
    assert all(s.bed_of("baby").area_id != "I" for s in result.suggestions)
    assert R.ISOLATION in result.relaxed and NO_QUARANTINE_ROOM in notice_ids(result)
    assert suggest_placements(pair, with_room()).best.area_ids == ("Q",)
    # a sick infant with a healthy mother: the mother is a contact, so no shared area either
    sick_baby = [person("mum", "F", 24), person("baby", "F", 0.5, "child", triage=POSITIVE)]
    assert all("I" not in s.area_ids
               for s in suggest_placements(sick_baby, SHELTERS, limit=20).suggestions)
    assert suggest_placements(sick_baby, with_room()).best.area_ids == ("Q",)


def test_unaccompanied_fifteen_year_old():
    teen = [person("teen", "F", 15, "unaccompanied", unaccompanied=True)]
    options = (
        center("01", P.FAMILIES, area("F", P.FAMILIES, range(1, 11), adults_present=12),
               area("E", P.FAMILIES, range(1, 5), adults_present=0)),
        center("03", P.WOMEN_WITH_CHILDREN, area("W", P.WOMEN_WITH_CHILDREN, range(1, 11),
                                                 adults_present=3)),
    )
    result = suggest_placements(teen, options, limit=10)
    assert result.dif_protection_route
    assert [s.area_ids for s in result.suggestions] == [("E",)]
    assert result.notices[0].text().startswith("teen: menor no acompañado(a); notifique a la "
                                               "ruta de protección del DIF")
    nowhere = suggest_placements(teen, options[1:])
    assert nowhere.suggestions == () and nowhere.dif_protection_route
    assert NO_OPTION in [n.msgid for n in nowhere.notices]


def test_minor_travelling_with_an_unrelated_adult_is_placed_apart():
    household = [person("man", "M", 34), person("boy", "M", 15, "non_relative")]
    options = (center("01", P.FAMILIES, area("F", P.FAMILIES, range(1, 11), adults_present=9)),
               center("02", P.SINGLE_MEN, area("M", P.SINGLE_MEN, range(1, 11),
                                               adults_present=9)),
               center("07", P.FAMILIES, area("E", P.FAMILIES, range(1, 4))))
    result = suggest_placements(household, options, limit=10)
    assert result.dif_protection_route and result.suggestions
    for s in result.suggestions:
        where = areas_of(s)
        assert where["boy"] != where["man"]
    assert areas_of(result.best) == {"man": "M", "boy": "E"}
    assert R.SAME_AREA not in result.relaxed


def test_pregnant_woman_or_infant_never_next_to_another_households_case():
    near_case = (center("01", P.FAMILIES, area("F", P.FAMILIES, range(1, 9), cases_present=1),
                        area("G", P.FAMILIES, range(1, 9))),)
    pair = [person("mum", "F", 24, postpartum=True), person("baby", "F", 0.3, "child")]
    result = suggest_placements(pair, near_case, limit=10)
    assert [s.area_ids for s in result.suggestions] == [("G",)]
    only_near = (center("01", P.FAMILIES, area("F", P.FAMILIES, range(1, 9), cases_present=1)),)
    assert suggest_placements(pair, only_near).suggestions == ()
    pregnant = [person("w", "F", 30, pregnant=True)]
    assert all("F" not in s.area_ids
               for s in suggest_placements(pregnant, near_case, limit=10).suggestions)
    # anyone else: a preference, explained
    man = [person("m", "M", 30)]
    best = suggest_placements(man, near_case).best
    assert best.area_ids == ("G",)
    near = suggest_placements(man, only_near)
    assert near.best.area_ids == ("F",) and R.HOUSEHOLD_APART in near.relaxed
    assert CASE_NEARBY in texts(near.best)


ADULTS_AND_EMPTY = (
    center("01", P.FAMILIES, area("F", P.FAMILIES, range(1, 11), adults_present=12),
           area("E", P.FAMILIES, range(1, 5))),
    center("02", P.SINGLE_MEN, area("M", P.SINGLE_MEN, range(1, 11), adults_present=9)),
    center("03", P.WOMEN_WITH_CHILDREN, area("W", P.WOMEN_WITH_CHILDREN, range(1, 11),
                                             adults_present=3)),
)


def test_person_alone_without_birth_date_is_presumed_a_minor():
    alone = [person("x", "M", None)]
    result = suggest_placements(alone, ADULTS_AND_EMPTY, limit=10)
    assert result.dif_protection_route
    assert [s.area_ids for s in result.suggestions] == [("E",)]  # never with unrelated adults
    assert notice_ids(result) == [AGE_DOUBT_NOTICE]
    assert result.notices[0].text().startswith(
        "x: edad desconocida o en duda, se presume menor de edad (LGDNNA art. 5)")
    nowhere = suggest_placements(alone, ADULTS_AND_EMPTY[1:])
    assert nowhere.suggestions == () and notice_ids(nowhere) == [AGE_DOUBT_NOTICE, NO_OPTION]


def test_person_alone_whose_age_staff_marked_in_doubt_is_presumed_a_minor():
    looks_adult = [person("y", "F", 19, age_in_doubt=True)]
    result = suggest_placements(looks_adult, ADULTS_AND_EMPTY, limit=10)
    assert result.dif_protection_route and notice_ids(result) == [AGE_DOUBT_NOTICE]
    assert [s.area_ids for s in result.suggestions] == [("E",)]
    # the same age without doubt (a birth date, estimated or not) is an adult
    sure = suggest_placements([person("y", "F", 19)], ADULTS_AND_EMPTY)
    assert not sure.dif_protection_route and sure.notices == ()
    assert sure.best.area_ids == ("W",)


def test_siblings_whose_ages_are_in_doubt_stay_together_away_from_adults():
    pair = [person("a", "M", 17, age_in_doubt=True),
            person("b", "F", None, "other_relative")]
    result = suggest_placements(pair, ADULTS_AND_EMPTY, limit=10)
    assert [s.area_ids for s in result.suggestions] == [("E",)]
    assert result.notices[0].params == (("names", "a, b"),)


def test_person_of_uncertain_age_is_kept_safe_for_others_too():
    # A man whose age is in doubt, with his wife: never in a women's area, and never where
    # unaccompanied minors sleep (he may be an adult).
    couple = [person("wife", "F", 30), person("man", "M", None, "spouse")]
    options = (center("03", P.WOMEN_WITH_CHILDREN, area("W", P.WOMEN_WITH_CHILDREN, range(1, 9))),
               center("01", P.FAMILIES, area("U", P.FAMILIES, range(1, 9),
                                             unaccompanied_minors_present=1),
                      area("F", P.FAMILIES, range(1, 9))))
    result = suggest_placements(couple, options, limit=10)
    assert [s.area_ids for s in result.suggestions] == [("F",)]
    assert not result.dif_protection_route  # not alone: he stays with his household


def test_separated_child_gets_the_dif_notice():
    with_aunt = [person("aunt", "F", 35), person("kid", "M", 10, "other_relative",
                                                 separated=True)]
    result = suggest_placements(with_aunt, SHELTERS)
    assert result.dif_protection_route and notice_ids(result) == [SEPARATED_NOTICE]
    assert result.best.area_ids == ("W",)  # stays with the relative who cares for them
    assert result.notices[0].text().startswith("kid: niña, niño o adolescente separado(a)")
    alone = suggest_placements([person("kid", "M", 10, separated=True)], ADULTS_AND_EMPTY,
                               limit=10)
    assert notice_ids(alone) == [SEPARATED_NOTICE]
    assert [s.area_ids for s in alone.suggestions] == [("E",)]
    # an unaccompanied child (SC-UC) keeps its own notice
    sc_uc = suggest_placements([person("kid", "M", 10, unaccompanied=True)], ADULTS_AND_EMPTY)
    assert notice_ids(sc_uc) == [DIF_NOTICE] and sc_uc.dif_protection_route


def test_adults_never_go_where_unaccompanied_minors_sleep():
    options = (center("01", P.FAMILIES, area("F", P.FAMILIES, range(1, 11),
                                             unaccompanied_minors_present=2)),)
    assert suggest_placements([person("m", "M", 30)], options).suggestions == ()


def family_of_six(two_parents=True):
    adults = [person("mum", "F", 38)]
    if two_parents:
        adults.append(person("dad", "M", 40, "spouse"))
    kids = [person(f"k{i}", "F", age, "child") for i, age in enumerate((1, 4, 7, 10, 13))]
    return adults + kids[:6 - len(adults)]


def test_family_of_six_with_only_four_adjacent_beds_in_one_area():
    options = (center("01", P.FAMILIES, area("F", P.FAMILIES, (1, 2, 3, 4, 7, 9))),)
    result = suggest_placements(family_of_six(), options)
    best = result.best
    assert best.area_ids == ("F",) and result.relaxed == (R.ADJACENT_BEDS,)
    assert sorted(a.bed_code for a in best.assignments) == [
        "F-01", "F-02", "F-03", "F-04", "F-07", "F-09"]


def test_family_of_six_split_in_two_areas_each_child_with_a_parent():
    options = (center("01", P.FAMILIES, area("A", P.FAMILIES, (1, 2, 3, 4)),
                      area("B", P.FAMILIES, (1, 2))),)
    result = suggest_placements(family_of_six(), options)
    assert result.relaxed == (R.SAME_AREA,)
    where = areas_of(result.best)
    assert sorted(where.values()) == ["A"] * 4 + ["B"] * 2
    assert where["mum"] != where["dad"]
    # a single parent with five children cannot be split, and no area takes all six
    alone = suggest_placements(family_of_six(two_parents=False), options)
    assert alone.suggestions == () and not alone.all_rules_satisfied


def test_sphere_space_is_a_preference_not_a_block():
    crowded = area("F", P.FAMILIES, range(1, 11), sphere_free=2)
    roomy = area("G", P.FAMILIES, range(1, 11), sphere_free=10)
    family = [person("dad", "M", 35), person("mum", "F", 32, "spouse"),
              person("kid", "F", 6, "child")]
    assert suggest_placements(family, (center("01", P.FAMILIES, crowded, roomy),)
                              ).best.area_ids == ("G",)
    only = suggest_placements(family, (center("01", P.FAMILIES, crowded),))
    assert only.best.area_ids == ("F",) and only.relaxed == (R.SPHERE_SPACE,)


def test_adjacency_follows_bed_codes_and_keeps_long_runs_free():
    gaps = (center("01", P.FAMILIES, area("F", P.FAMILIES, (1, 2, 4, 5, 6, 10, 11, 12, 13, 14))),)
    family = [person("dad", "M", 35), person("mum", "F", 32, "spouse"),
              person("kid", "F", 6, "child")]
    beds = [a.bed_code for a in suggest_placements(family, gaps).best.assignments]
    assert beds == ["F-04", "F-05", "F-06"]  # the run of 3, not the start of the run of 5
    assert bed_position(FreeBed("x", "Dormitorio A-007")) == 7
    assert bed_position(FreeBed("x", "cuna", position=3)) == 3


def test_urgent_member_is_noticed():
    red = assess(ScreeningInput(heart_rate=160), age_years=40)
    result = suggest_placements([person("m", "M", 40, triage=red)], SHELTERS)
    assert result.urgent_care
    assert result.notices[0].text() == "m: la atención médica urgente va antes de la ubicación."


# --- invariants under random households and shelters ------------------------------------------

members = st.builds(
    lambda i, sex, years, rel, preg, pos, chronic, unacc, doubt, sep: person(
        f"p{i}", sex, years, rel,
        pregnant=preg and sex == "F" and years is not None and 15 <= years <= 45,
        triage=POSITIVE if pos else None, chronic_disease=chronic, unaccompanied=unacc,
        age_in_doubt=doubt, separated=sep),
    st.integers(0, 10**6), st.sampled_from("MFX"),
    st.sampled_from([0.3, 3, 8, 15, 25, 40, 70, None]),
    st.sampled_from(list(Relationship)), st.booleans(), st.integers(0, 3).map(lambda x: x == 0),
    st.integers(0, 5).map(lambda x: x == 0), st.integers(0, 7).map(lambda x: x == 0),
    st.integers(0, 7).map(lambda x: x == 0), st.integers(0, 7).map(lambda x: x == 0))
households = st.lists(members, min_size=1, max_size=7, unique_by=lambda m: m.person_id)
area_options = st.builds(
    lambda i, seg, beds, sphere, adults, minors, others, cases: area(
        f"A{i}", seg, sorted(beds), sphere_free=sphere, adults_present=adults,
        unaccompanied_minors_present=minors, other_households_present=others,
        cases_present=cases),
    st.integers(0, 10**6), st.sampled_from(list(P)),
    st.sets(st.integers(1, 12), max_size=10), st.none() | st.integers(0, 8),
    st.sampled_from([0, 0, 3]), st.sampled_from([0, 0, 1]), st.sampled_from([0, 0, 1]),
    st.sampled_from([0, 0, 1]))
shelters = st.lists(st.builds(lambda i, areas, med: center(f"{i:02d}", P.FAMILIES, *areas,
                                                           medical=med),
                              st.integers(0, 99), st.lists(area_options, max_size=3),
                              st.booleans()),
                    min_size=1, max_size=4, unique_by=lambda c: c.code)


def certain_adult(m):
    """An adult by the test's own reading of LGDNNA art. 5 (an uncertain age is a minor)."""
    return m.age_months is not None and not m.age_in_doubt and m.age_months >= 18 * 12


@settings(max_examples=150, deadline=None)
@given(household=households, centers=shelters)
def test_suggestions_respect_the_hard_rules(household, centers):
    areas = {a.area_id: a for c in centers for a in c.areas}
    if len(areas) < sum(len(c.areas) for c in centers):
        return  # duplicate generated area ids
    result = suggest_placements(household, centers, limit=5)
    assert len(result.suggestions) <= 5
    by_id = {m.person_id: m for m in household}
    penalties = []
    for s in result.suggestions:
        assert sorted(a.person_id for a in s.assignments) == sorted(by_id)  # everyone, once
        assert len({a.bed_id for a in s.assignments}) == len(s.assignments)  # one per bed
        for a in s.assignments:
            assert a.bed_id in {b.bed_id for b in areas[a.area_id].free_beds}
        assert list(s.relaxed) == sorted(s.relaxed, key=SOFT_RULES.index)
        penalties.append([SOFT_RULES.index(r) for r in s.relaxed])
        occupants: dict[str, list[Member]] = {}
        for a in s.assignments:
            occupants.setdefault(a.area_id, []).append(by_id[a.person_id])
        for area_id, people in occupants.items():
            opt = areas[area_id]
            adults = [m for m in people if certain_adult(m)]
            minors_alone = [m for m in people if not certain_adult(m) and (
                m.unaccompanied or m.relationship in (Relationship.UNACCOMPANIED,
                                                      Relationship.NON_RELATIVE)
                or not any(certain_adult(x) for x in household))]
            if minors_alone:
                assert not adults and opt.adults_present == 0
            if any(m.age_months is None or m.age_in_doubt or certain_adult(m)
                   for m in people if m not in minors_alone):
                assert opt.unaccompanied_minors_present == 0  # whoever may be an adult
            if opt.segment is P.RESPIRATORY_ISOLATION:  # cases only: no pregnant contact, no
                assert all(m.needs_isolation for m in people)  # infant contact
            if opt.cases_present:  # never a pregnant or infant contact next to a case
                assert not any(m.needs_maternity and not m.needs_isolation for m in people)
            if opt.segment is P.QUARANTINE:  # one case's household at a time
                assert any(m.needs_isolation for m in people)
                assert opt.other_households_present == 0
            if opt.segment in (P.MATERNITY, P.WOMEN_WITH_CHILDREN):
                assert not any(m.sex is Sex.MALE and (certain_adult(m) or m.age_months is None
                                                      or m.age_in_doubt) for m in people)
            if opt.segment is P.SINGLE_MEN:
                assert all(m.is_adult_male for m in people)
            if any(not m.is_adult for m in people):
                assert adults or minors_alone  # no child without an adult of the household
    # best first: the relaxed rules never get more important down the list
    keys = [sum(1 << (len(SOFT_RULES) - 1 - i) for i in p) for p in penalties]
    assert keys == sorted(keys)
    assert result.dif_protection_route == any(
        not certain_adult(m) and (m.unaccompanied or m.separated or m.relationship in (
            Relationship.UNACCOMPANIED, Relationship.NON_RELATIVE)
            or not any(certain_adult(x) for x in household)) for m in household)
