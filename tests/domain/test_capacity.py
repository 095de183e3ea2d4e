"""Sphere capacity of dormitories and centers, WASH ratios."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from albergue_desktop.domain import capacity as cap
from albergue_desktop.domain import i18n
from albergue_desktop.domain.capacity import (
    M2_PER_PERSON_COLD, M2_PER_PERSON_DEFAULT, WashPhase, area_capacity, center_capacity,
    food_kcal_per_day, showers_needed, sphere_capacity, toilet_split, toilets_needed,
    water_litres_per_day,
)


def test_sphere_defaults_are_the_handbook_figures():
    assert M2_PER_PERSON_DEFAULT == 3.5
    assert M2_PER_PERSON_COLD == (4.5, 5.5)


@pytest.mark.parametrize("area, per_person, expected", [
    (70, 3.5, 20), (69.9, 3.5, 19), (3.5, 3.5, 1), (3.4, 3.5, 0), (0, 3.5, 0),
    (10.5, 3.5, 3), (90, 4.5, 20), (89.9, 4.5, 19), (110, 5.5, 20), (None, 3.5, None),
])
def test_sphere_capacity_rounds_down(area, per_person, expected):
    assert sphere_capacity(area, per_person) == expected


def test_sphere_capacity_rejects_nonsense():
    with pytest.raises(ValueError):
        sphere_capacity(70, 0)
    with pytest.raises(ValueError):
        sphere_capacity(-1)


@given(area=st.decimals(0, 5000, places=2), per=st.sampled_from([3.5, 4.5, 5.0, 5.5]))
def test_sphere_capacity_is_the_largest_that_fits(area, per):
    cap = sphere_capacity(float(area), per)
    assert cap * Decimal(str(per)) <= area < (cap + 1) * Decimal(str(per))


def test_full_is_not_over_and_one_more_warns():
    full = area_capacity(area_m2=70, beds_in_service=30, occupancy=20)
    assert full.sphere_capacity == 20 and full.effective_capacity == 20
    assert full.is_full and not full.over_sphere and not full.over_beds
    assert full.warnings == () and full.sphere_free == 0 and full.free_beds == 10
    over = area_capacity(area_m2=70, beds_in_service=30, occupancy=21)
    assert over.over_sphere and not over.over_beds
    assert [w.text() for w in over.warnings] == [
        "La ocupación de 21 supera la capacidad Sphere de 20 personas (3.5 m² por persona)."]


def test_more_people_than_beds_warns_even_with_space():
    status = area_capacity(area_m2=200, beds_in_service=10, occupancy=11)
    assert status.over_beds and not status.over_sphere
    assert status.warnings[0].text() == "La ocupación de 11 supera las 10 camas en servicio."
    assert status.effective_capacity == 10 and status.free_beds == 0


def test_cold_climate_setting_lowers_capacity():
    assert area_capacity(area_m2=90, beds_in_service=30, occupancy=0,
                         m2_per_person=4.5).sphere_capacity == 20


def test_unknown_floor_area_uses_beds_and_says_so():
    status = area_capacity(area_m2=None, beds_in_service=12, occupancy=5)
    assert status.sphere_capacity is None and status.effective_capacity == 12
    assert not status.over_sphere and status.sphere_free is None
    assert status.warnings[0].text() == "Superficie no registrada: capacidad Sphere desconocida."


def test_center_is_the_sum_of_its_areas_and_unknown_stays_unknown():
    a = area_capacity(area_m2=70, beds_in_service=25, occupancy=18)
    b = area_capacity(area_m2=35, beds_in_service=8, occupancy=9)
    total = center_capacity([a, b])
    assert (total.beds_in_service, total.sphere_capacity, total.occupancy) == (33, 30, 27)
    assert not total.over_beds and not total.over_sphere  # b is over, the center is not
    assert b.over_beds
    unknown = center_capacity([a, area_capacity(area_m2=None, beds_in_service=5, occupancy=0)])
    assert unknown.sphere_capacity is None


@pytest.mark.parametrize("people, phase, toilets", [
    (50, WashPhase.INITIAL, 1), (51, WashPhase.INITIAL, 2), (0, WashPhase.INITIAL, 0),
    (20, WashPhase.MEDIUM_TERM, 1), (21, WashPhase.MEDIUM_TERM, 2),
    (2767, WashPhase.INITIAL, 56), (2767, WashPhase.MEDIUM_TERM, 139),
])
def test_toilets(people, phase, toilets):
    assert toilets_needed(people, phase) == toilets


@pytest.mark.parametrize("toilets, split", [(0, (0, 0)), (1, (1, 0)), (4, (3, 1)), (5, (4, 1)),
                                            (8, (6, 2))])
def test_toilet_split_three_female_to_one_male(toilets, split):
    assert toilet_split(toilets) == split


def test_showers_water_and_food():
    assert (showers_needed(50), showers_needed(51)) == (1, 2)
    assert water_litres_per_day(10) == 150
    assert food_kcal_per_day(3) == 6300


def test_cold_climate_preset_is_sourced_and_named():
    assert cap.SPHERE_COLD_CLIMATE_M2 == 4.5 and cap.SPHERE_COLD_CLIMATE.m2_per_person == 4.5
    assert cap.M2_PER_PERSON_COLD[0] <= cap.SPHERE_COLD_CLIMATE_M2 <= cap.M2_PER_PERSON_COLD[1]
    assert [p.key for p in cap.M2_PRESETS] == ["sphere_minimum", "sphere_cold_climate"]
    assert cap.preset_for(4.5) is cap.SPHERE_COLD_CLIMATE
    assert cap.preset_for(None) is cap.SPHERE_MINIMUM and cap.preset_for(4.0) is None
    # 70 m²: 20 people at the minimum, 15 in a cold climate
    assert cap.sphere_capacity(70, cap.SPHERE_COLD_CLIMATE_M2) == 15
    i18n.set_language("es")
    assert cap.SPHERE_COLD_CLIMATE.text() == "Esfera, clima frío (4.5 m² por persona)"
    assert cap.SPHERE_COLD_CLIMATE.source_text().startswith(
        "Manual Esfera 2018, norma 3 sobre alojamiento y asentamiento")
    assert "4.5-5.5 m² por persona en climas fríos" in cap.SPHERE_COLD_CLIMATE.source_text()
