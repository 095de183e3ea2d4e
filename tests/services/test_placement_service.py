"""Placement end to end through the database: households registered and screened, centers and
beds configured, suggestions ranked by the domain, accepted (every member checked in at once)
or overridden with a reason, and each decision recorded."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from factories import member
from sqlmodel import select

from albergue_desktop.domain.clinical_enums import Symptom
from albergue_desktop.domain.errors import PermissionDenied, RuleViolation, ValidationError
from albergue_desktop.domain.placement import (
    AGE_DOUBT_NOTICE, MATERNITY_SUPERSEDED, NO_OPTION, NO_QUARANTINE_ROOM, SEPARATED_NOTICE,
)
from albergue_desktop.domain.placement_model import PlacementRule as R
from albergue_desktop.domain.triage import ScreeningInput
from albergue_desktop.services import beds, centers, people, placement, screening, stays
from albergue_desktop.services.beds import CenterUpdate
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.services.placement import ChosenBed
from albergue_desktop.storage.tables import Area, Bed, PersonUpdate, PlacementDecision, Stay

TODAY = date.today()
COORD = Actor("coord", "coordinacion")
NURSE = Actor("enf", "salud")


def born(years: float) -> date:
    return TODAY - timedelta(days=int(years * 365.25) + 20)


@pytest.fixture
def world(db):
    """Six open centers, one area each: code -> (center id, area id)."""
    spec = [("01", "Familias", "families", False, "Dormitorio F", 8),
            ("02", "Hombres", "single_men", False, "Dormitorio M", 6),
            ("03", "Mujeres", "women_children", False, "Dormitorio W", 6),
            ("04", "Maternidad", "maternity", True, "Dormitorio T", 4),
            ("05", "Aislamiento", "isolation", True, "Dormitorio I", 6),
            ("06", "Crónicos", "chronic_care", True, "Dormitorio C", 4)]
    out = {}
    for code, name, profile, medical, area_name, count in spec:
        c = centers.create_center(db, SYSTEM, code=code, name=f"Centro {name}",
                                  profile=profile, has_medical_care=medical)
        a = centers.create_area(db, SYSTEM, center_id=c.id, name=area_name, segment=profile,
                                area_m2=count * 3.5)
        centers.add_beds(db, SYSTEM, area_id=a.id, count=count)
        out[code] = (c.id, a.id)
    return out


def household(db, world, *members):
    reg = people.register_household(db, SYSTEM, center_id=world["01"][0], members=list(members))
    return reg.household_id, reg.person_ids


def bed_codes(db, person_ids) -> list[str | None]:
    with db.session() as s:
        out = []
        for pid in person_ids:
            stay = s.exec(select(Stay).where(Stay.person_id == pid,
                                             Stay.check_out == None)).first()  # noqa: E711
            out.append(None if stay is None or stay.bed_id is None
                       else s.get(Bed, stay.bed_id).code)
        return out


def decisions(db) -> list[PlacementDecision]:
    with db.session() as s:
        return list(s.exec(select(PlacementDecision).order_by(PlacementDecision.change_seq)))


def test_a_family_is_placed_together_and_accepted_in_one_go(db, world):
    hh, ids = household(db, world, member("Jean", "Pierre", "M", born(35)),
                        member("Marie", "Pierre", "F", born(32), "spouse"),
                        member("Rose", "Pierre", "F", born(8), "child"),
                        member("Paul", "Pierre", "M", born(4), "child"))
    proposal = placement.suggest_for_household(db, Actor("r", "registro"), hh)
    best = proposal.result.best
    assert proposal.result.all_rules_satisfied and best.area_ids == (world["01"][1],)
    assert [a.bed_code for a in best.assignments] == ["F-01", "F-02", "F-03", "F-04"]
    assert [m.age_months // 12 for m in proposal.members] == [35, 32, 8, 4]
    made = placement.accept_placement(db, COORD, household_id=hh, suggestion=best, rank=0,
                                      bedding=["cot", "blanket", "pillow"])
    assert len(made) == 4 and {s.bedding[1] for s in made} == {"blanket"}
    assert bed_codes(db, ids) == ["F-01", "F-02", "F-03", "F-04"]
    (decision,) = decisions(db)
    assert (decision.kind, decision.household_id, decision.decided_by, decision.reason,
            decision.suggestion_rank) == ("accepted", hh, "coord", None, 0)
    assert [a["bed_code"] for a in decision.suggestion["assignments"]] == [
        "F-01", "F-02", "F-03", "F-04"]
    assert "Adjacent beds {first} to {last}." in [
        e["msgid"] for e in decision.suggestion["explanations"]]
    assert [c["person_id"] for c in decision.choice] == ids
    with pytest.raises(RuleViolation):  # nobody left to place
        placement.suggest_for_household(db, COORD, hh)


def quarantine_room(db, world, beds_count=5) -> str:
    room = centers.create_area(db, SYSTEM, center_id=world["05"][0], name="Cuarto Q",
                               segment="quarantine", area_m2=20)
    centers.add_beds(db, SYSTEM, area_id=room.id, count=beds_count)
    return room.id


def positive(db, person_id, **extra):
    screening.record_screening(db, NURSE, person_id=person_id, screening=ScreeningInput(
        symptoms={Symptom.COUGH, Symptom.FEVER, Symptom.RUNNY_NOSE}, **extra))


def test_pregnant_woman_with_a_positive_screen_and_three_children(db, world):
    room = quarantine_room(db, world)
    hh, ids = household(db, world, member("Guerline", "Jean", "F", born(28)),
                        member("Kervens", "Jean", "M", born(9), "child"),
                        member("Nadia", "Jean", "F", born(5), "child"),
                        member("Wesley", "Jean", "M", born(2), "child"))
    positive(db, ids[0], pregnant=True, gestation_weeks=24)
    seen_by_health = placement.suggest_for_household(db, Actor("sup", "supervision"), hh)
    mum = seen_by_health.members[0]
    assert mum.needs_isolation and mum.needs_maternity and not seen_by_health.members[1].triage
    proposal = placement.suggest_for_household(db, COORD, hh)
    # The coordinator gets the same beds, but not the screening nor the condition behind them.
    assert [s.assignments for s in proposal.suggestions] == [
        s.assignments for s in seen_by_health.suggestions]
    assert all(m.triage is None for m in proposal.members)
    assert seen_by_health.result.relaxed == (R.MATERNITY,)
    assert MATERNITY_SUPERSEDED in [e.msgid for e in seen_by_health.result.best.explanations]
    best = proposal.result.best
    assert best.area_ids == (room,)            # together in a room of their own, as contacts
    assert [a.bed_code for a in best.assignments] == ["Q-01", "Q-02", "Q-03", "Q-04"]
    assert proposal.result.relaxed == (R.HEALTH_INDICATION,)
    assert MATERNITY_SUPERSEDED not in [e.msgid for e in best.explanations]
    assert all(world["05"][1] not in s.area_ids for s in proposal.suggestions)  # cases only
    placement.accept_placement(db, COORD, household_id=hh, suggestion=best)
    assert bed_codes(db, ids) == ["Q-01", "Q-02", "Q-03", "Q-04"]

    # The room now holds that household: the next case's household does not go there, and
    # the result says that no room is free. The contact never goes to the shared area.
    hh2, ids2 = household(db, world, member("Frantz", "Désir", "M", born(33)),
                          member("Bébé", "Désir", "F", born(0.4), "child"))
    positive(db, ids2[0])
    second = placement.suggest_for_household(db, Actor("sup", "supervision"), hh2).result
    assert second.suggestions
    assert all(room not in s.area_ids and world["05"][1] not in s.area_ids
               for s in second.suggestions)
    assert NO_QUARANTINE_ROOM in [n.msgid for n in second.notices]
    as_coordinator = placement.suggest_for_household(db, COORD, hh2).result
    assert [n.msgid for n in as_coordinator.notices] == [placement.HEALTH_NO_ROOM]


def test_single_adults_by_sex_and_chronic_disease_to_medical_care(db, world):
    man = household(db, world, member("Frantz", "Désir", "M", born(30)))
    woman = household(db, world, member("Rose", "Étienne", "F", born(30)))
    elder = household(db, world, member("Jacques", "Noël", "M", born(66),
                                        specific_needs=["SM-CI"]))
    area_of = {hh: placement.suggest_for_household(db, COORD, hh).result.best.area_ids
               for hh, _ in (man, woman, elder)}
    assert area_of == {man[0]: (world["02"][1],), woman[0]: (world["03"][1],),
                       elder[0]: (world["06"][1],)}


def first_free_bed(db, area_id) -> str:
    with db.session() as s:
        return s.exec(select(Bed.id).where(Bed.area_id == area_id, Bed.status == "available")
                      .order_by(Bed.code)).first()


def test_an_unaccompanied_minor_goes_where_no_adult_sleeps(db, world):
    for code, name, sex in (("01", "Joseph", "M"), ("03", "Anne", "F"), ("06", "Odile", "F")):
        _hh, (adult,) = household(db, world, member(name, "Lodge", sex, born(40)))
        stays.check_in(db, SYSTEM, person_id=adult, center_id=world[code][0],
                       bed_id=first_free_bed(db, world[code][1]))
    hh, (teen,) = household(db, world, member("Nadège", "Louis", "F", born(15),
                                              "head", specific_needs=["SC-UC"]))
    result = placement.suggest_for_household(db, COORD, hh).result
    assert result.dif_protection_route and result.notices[0].msgid.startswith("{names}: unacc")
    lodged = {world[c][1] for c in ("01", "03", "06")}
    assert result.suggestions and all(not set(s.area_ids) & lodged
                                      for s in result.suggestions)
    assert result.best.area_ids == (world["04"][1],)   # maternity: women only, no adult
    _hh, (woman,) = household(db, world, member("Adèle", "Maternidad", "F", born(30)))
    stays.check_in(db, SYSTEM, person_id=woman, center_id=world["04"][0],
                   bed_id=first_free_bed(db, world["04"][1]))
    again = placement.suggest_for_household(db, COORD, hh).result
    assert again.suggestions == () and NO_OPTION in [n.msgid for n in again.notices]
    assert again.dif_protection_route


def test_override_records_the_choice_and_the_reason(db, world):
    hh, ids = household(db, world, member("Wilner", "Casséus", "M", born(40)),
                        member("Dieunes", "Casséus", "M", born(38), "other_relative"))
    proposal = placement.suggest_for_household(db, COORD, hh)
    with db.session() as s:
        f_beds = list(s.exec(select(Bed).where(Bed.area_id == world["01"][1])
                             .order_by(Bed.code)))
    choice = [ChosenBed(ids[0], world["01"][0], f_beds[6].id),
              ChosenBed(ids[1], world["01"][0], f_beds[7].id)]
    with pytest.raises(ValidationError):
        placement.override_placement(db, COORD, household_id=hh, choice=choice, reason=" ",
                                     suggestion=proposal.result.best)
    assert bed_codes(db, ids) == [None, None] and decisions(db) == []
    placement.override_placement(db, COORD, household_id=hh, choice=choice,
                                 reason="Hermanos, prefieren el Centro 1",
                                 suggestion=proposal.result.best, rank=0,
                                 bedding={ids[0]: ["mat"]})
    assert bed_codes(db, ids) == ["F-07", "F-08"]
    (decision,) = decisions(db)
    assert (decision.kind, decision.reason) == ("override", "Hermanos, prefieren el Centro 1")
    assert decision.suggestion["assignments"][0]["center_id"] == world["02"][0]
    assert decision.choice[1] == {"person_id": ids[1], "center_id": world["01"][0],
                                  "bed_id": f_beds[7].id}
    assert [d.kind for d in placement.decisions_of(db, COORD, hh)] == ["override"]


def test_accepting_is_all_or_nothing(db, world):
    hh, ids = household(db, world, member("Jean", "Pierre", "M", born(35)),
                        member("Marie", "Pierre", "F", born(32), "spouse"))
    best = placement.suggest_for_household(db, COORD, hh).result.best
    _other, (intruder,) = household(db, world, member("Otro", "Señor", "M", born(50)))
    stays.check_in(db, SYSTEM, person_id=intruder, center_id=world["01"][0],
                   bed_id=best.assignments[1].bed_id)  # meanwhile, someone took a bed
    with pytest.raises(RuleViolation, match="no está disponible"):
        placement.accept_placement(db, COORD, household_id=hh, suggestion=best)
    assert bed_codes(db, ids) == [None, None] and decisions(db) == []
    with db.session() as s:
        assert s.get(Bed, best.assignments[0].bed_id).status == "available"
    with pytest.raises(RuleViolation):  # somebody else's member
        placement.override_placement(db, COORD, household_id=hh, reason="x", choice=[
            ChosenBed(intruder, world["01"][0], None)])


def test_a_pending_transfer_is_placed_at_its_center(db, world):
    hh, (woman,) = household(db, world, member("Rose", "Étienne", "F", born(30)))
    first = stays.check_in(db, SYSTEM, person_id=woman, center_id=world["03"][0])
    pending = stays.transfer(db, SYSTEM, person_id=woman, to_center_id=world["01"][0])
    proposal = placement.suggest_for_household(db, COORD, hh, center_ids=[world["01"][0]])
    assert [m.person_id for m in proposal.members] == [woman]
    assert proposal.result.best.center_ids == (world["01"][0],)
    (stay,) = placement.accept_placement(db, COORD, household_id=hh,
                                         suggestion=proposal.result.best)
    assert (stay.id, stay.status, stay.from_stay_id) == (pending.id, "open", first.id)
    assert bed_codes(db, [woman]) == ["F-01"]


def test_no_bed_beyond_capacity_and_only_open_centers(db, world):
    big = [member("Jean", "Grand", "M", born(40))] + [
        member(f"Enfant {chr(65 + i)}", "Grand", "F", born(3 + i), "child") for i in range(8)]
    hh, _ids = household(db, world, *big)
    only_families = [world["01"][0]]
    result = placement.suggest_for_household(db, COORD, hh, center_ids=only_families).result
    assert result.suggestions == () and NO_OPTION in [n.msgid for n in result.notices]
    man, _ = household(db, world, member("Frantz", "Désir", "M", born(30)))
    beds.update_center(db, COORD, world["02"][0], CenterUpdate(status="preparing"))
    best = placement.suggest_for_household(db, COORD, man).result.best
    assert best.center_ids == (world["01"][0],)  # the single men's center is not open
    with pytest.raises(PermissionDenied):
        placement.suggest_for_household(db, NURSE, man)


def test_a_person_alone_whose_age_is_in_doubt_is_presumed_a_minor(db, world):
    _hh, (adult,) = household(db, world, member("Joseph", "Lodge", "M", born(40)))
    stays.check_in(db, SYSTEM, person_id=adult, center_id=world["02"][0],
                   bed_id=first_free_bed(db, world["02"][1]))
    # an estimated birth date alone is not doubt: an adult man, single men's area
    est, (est_id,) = household(db, world, member("Wilson", "Estimé", "M", born(19),
                                         birth_date_estimated=True))
    estimated = placement.suggest_for_household(db, COORD, est).result
    assert estimated.best.area_ids == (world["02"][1],) and not estimated.dif_protection_route
    assert estimated.notices == ()
    # staff tick "edad en duda" (at registration): presumed a minor, DIF notice, never with
    # unrelated adults (the man lodged in the single men's area)
    doubt, (doubt_id,) = household(db, world, member("Wilner", "Dout", "M", born(19),
                                                     age_in_doubt=True))
    result = placement.suggest_for_household(db, COORD, doubt).result
    assert result.dif_protection_route
    assert [n.msgid for n in result.notices] == [AGE_DOUBT_NOTICE]
    assert result.suggestions and all(world["02"][1] not in s.area_ids
                                      for s in result.suggestions)
    # ticked later in the record edit: the same
    people.update_person(db, COORD, est_id, PersonUpdate(age_in_doubt=True))
    assert placement.suggest_for_household(db, COORD, est).result.dif_protection_route
    people.update_person(db, COORD, est_id, PersonUpdate(age_in_doubt=False))
    # once lodged alone, the presumed minor protects the area from adults placed after
    placement.accept_placement(db, COORD, household_id=doubt, suggestion=result.best)
    area_of_doubt = result.best.area_ids[0]
    again = placement.suggest_for_household(db, COORD, est, limit=20).result
    assert all(area_of_doubt not in s.area_ids for s in again.suggestions)
    assert doubt_id in {a.person_id for a in result.best.assignments}


def test_a_separated_child_gets_the_dif_notice(db, world):
    hh, _ids = household(db, world, member("Marthe", "Tante", "F", born(36)),
                         member("Ti-Paul", "Neveu", "M", born(9), "other_relative",
                                specific_needs=["SC-SC"]))
    result = placement.suggest_for_household(db, COORD, hh).result
    assert result.dif_protection_route
    assert [n.msgid for n in result.notices] == [SEPARATED_NOTICE]
    assert result.best.area_ids == (world["03"][1],)  # stays with his aunt


def test_a_family_quarantine_room_is_an_area_segment_not_a_center_profile(db, world):
    room = quarantine_room(db, world)
    with db.session() as s:
        assert s.get(Area, room).segment == "quarantine"
    with pytest.raises(ValidationError) as err:
        beds.update_center(db, COORD, world["05"][0], CenterUpdate(profile="quarantine"))
    assert err.value.errors[0].field == "profile"
    assert "no un perfil de centro" in str(err.value)


def test_a_mother_and_infant_are_not_placed_next_to_a_case_lodged_outside_isolation(db, world):
    _hh, (case,) = household(db, world, member("Jacques", "Toux", "M", born(45)))
    stays.check_in(db, SYSTEM, person_id=case, center_id=world["01"][0],
                   bed_id=first_free_bed(db, world["01"][1]))  # no isolation bed that day
    first = screening.record_screening(db, NURSE, person_id=case, screening=ScreeningInput(
        symptoms={Symptom.COUGH, Symptom.FEVER, Symptom.RUNNY_NOSE}))
    mum, _ = household(db, world, member("Rose", "Lait", "F", born(25),
                                         specific_needs=["WR-LC"]),
                       member("Bébé", "Lait", "F", born(0.3), "child"))
    result = placement.suggest_for_household(db, COORD, mum, limit=20).result
    assert result.suggestions
    assert all(world["01"][1] not in s.area_ids for s in result.suggestions)
    # the screening is corrected (no respiratory signs after all): the area is offered again
    screening.record_screening(db, NURSE, person_id=case, screening=ScreeningInput(),
                               corrects_id=first.id)
    again = placement.suggest_for_household(db, COORD, mum, limit=20).result
    assert any(world["01"][1] in s.area_ids for s in again.suggestions)


def test_a_clinicians_raise_to_red_reaches_placement_as_urgent_care(db, world):
    from albergue_desktop.domain.clinical_enums import TriageColour
    hh, ids = household(db, world, member("Rosemene", "Pierre", "F", born(34)))
    before = placement.suggest_for_household(db, COORD, hh)
    assert not before.result.urgent_care
    screening.record_screening(db, NURSE, person_id=ids[0], screening=ScreeningInput(),
                               raise_to=TriageColour.RED, raise_reason="Se ve muy grave")
    after = placement.suggest_for_household(db, COORD, hh)
    assert after.result.urgent_care


# --- health data in the placement result, per role -------------------------------------------

# Words that tell a condition (Spanish and English), and the names of the areas that do.
CONDITION_WORDS = ("respirat", "matern", "aisla", "isolat", "embaraz", "pregnan", "crónic",
                   "chronic", "tamizaje", "screen", "caso", "case", "cuarentena", "quarantin",
                   "infant", "lactant", "médic", "medic", "Dormitorio T", "Dormitorio I",
                   "Dormitorio C", "Cuarto Q")


def rendered(proposal) -> str:
    """Everything of the result a screen writes: notices, reasons, relaxed rules, areas."""
    result = proposal.result
    lines = [n.text() for n in result.notices]
    for s in result.suggestions:
        lines += [e.text() for e in s.explanations] + [str(r) for r in s.relaxed]
    lines += [a.name for c in proposal.centers for a in c.areas]
    lines += [c.name for c in proposal.centers]
    return "\n".join(lines)


@pytest.fixture
def respiratory_household(db, world):
    """Wilner (positive respiratory screen), his pregnant partner and their baby: the shared
    isolation area is for cases only and no quarantine room exists."""
    hh, ids = household(db, world, member("Wilner", "Pierre", "M", born(30)),
                        member("Nadège", "Pierre", "F", born(26), "spouse",
                               specific_needs=["CR-TP"]),
                        member("Ti", "Pierre", "F", born(0.3), "child"))
    positive(db, ids[0])
    return hh


@pytest.mark.parametrize("role", ["registro", "coordinacion", "admin"])
def test_roles_without_health_permission_see_no_condition_in_the_placement(
        db, world, respiratory_household, role):
    proposal = placement.suggest_for_household(db, Actor("u", role), respiratory_household,
                                               limit=20)
    text = rendered(proposal)
    assert proposal.suggestions and text
    for word in CONDITION_WORDS:
        assert word.casefold() not in text.casefold(), (word, text)
    # What intake needs to act on stays: the beds, the household together, "no free room",
    # the health indication to ask about, and which areas are reserved.
    health = placement.suggest_for_household(db, Actor("s", "supervision"),
                                             respiratory_household, limit=20)
    assert [s.assignments for s in proposal.suggestions] == [
        s.assignments for s in health.suggestions]
    assert "No hay un cuarto libre que mantenga a este hogar junto" in text
    assert "consulte al personal de salud" in text
    assert "Área reservada 1" in text and "Área reservada 2" in text and "Dormitorio F" in text
    assert "Centro reservado 1" in text and "Centro Familias" in text
    assert all(r in R for s in proposal.suggestions for r in s.relaxed)
    assert not {R.ISOLATION, R.MATERNITY, R.MEDICAL_CARE, R.HOUSEHOLD_APART} & {
        r for s in proposal.suggestions for r in s.relaxed}


def test_a_role_with_health_permission_sees_the_conditions(db, world, respiratory_household):
    proposal = placement.suggest_for_household(db, Actor("s", "supervision"),
                                               respiratory_household, limit=20)
    text = rendered(proposal)
    assert "Wilner Pierre: tamizaje respiratorio positivo" in text or \
        "tamizaje respiratorio positivo" in text
    assert "Dormitorio T" in text and "Área reservada" not in text


def test_the_health_role_does_not_place(db, world, respiratory_household):
    with pytest.raises(PermissionDenied):
        placement.suggest_for_household(db, NURSE, respiratory_household)
