"""COVID-19 course status, Tdap in pregnancy and children's schedule prompts."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from albergue_desktop.domain.vaccines import (
    COVID_DOSES_FOR_FULL_COURSE, CovidBrand, CovidStatus, Vaccine, VaccineDose,
    child_schedule_gaps, covid_status, parse_covid_brand, parse_vaccine, tdap_in_pregnancy,
)

TODAY = date(2021, 12, 20)
EXPECTED_DOSES = {"pfizer": 2, "astrazeneca": 2, "moderna": 2, "sputnik_v": 2, "sinovac": 2,
                  "covaxin": 2, "cansino": 1, "janssen": 1}


def covid(brand, n=1, dose=None):
    return [VaccineDose("covid19", brand, dose, TODAY - timedelta(days=30 * i)) for i in range(n)]


def test_full_course_doses_per_brand():
    assert {b.value: n for b, n in COVID_DOSES_FOR_FULL_COURSE.items()} == EXPECTED_DOSES


@pytest.mark.parametrize("brand", list(EXPECTED_DOSES))
def test_each_brand_is_complete_at_its_dose_count_and_partial_below(brand):
    required = EXPECTED_DOSES[brand]
    done = covid_status(covid(brand, required))
    assert done.status is CovidStatus.COMPLETE and done.doses_required == required
    if required > 1:
        part = covid_status(covid(brand, required - 1))
        assert part.status is CovidStatus.PARTIAL
        assert (part.doses_received, part.doses_required) == (required - 1, required)


def test_covid_summary_cases():
    assert covid_status([]).status is CovidStatus.NONE
    assert covid_status([VaccineDose("bcg")]).status is CovidStatus.NONE
    mixed = covid_status(covid("AstraZeneca") + covid("Pfizer-BioNTech"))
    assert mixed.status is CovidStatus.COMPLETE
    assert mixed.brands == {CovidBrand.ASTRAZENECA, CovidBrand.PFIZER}
    only_second = covid_status([VaccineDose("COVID-19", "Moderna", dose=2)])
    assert only_second.status is CovidStatus.COMPLETE and only_second.doses_received == 2
    unknown = covid_status([VaccineDose("covid19")])
    assert unknown.status is CovidStatus.PARTIAL and unknown.doses_required is None
    assert unknown.text() == "COVID-19: 1 dosis, producto desconocido: revise la cartilla."
    assert covid_status(covid("pfizer")).text() == "COVID-19: esquema incompleto (1 de 2 dosis)."
    assert covid_status(covid("janssen")).text() == "COVID-19: esquema completo (1 de 1 dosis)."
    assert covid_status([]).text() == "COVID-19: sin dosis registradas."


def test_names_as_typed_are_recognised():
    assert parse_covid_brand("Sputnik V") is CovidBrand.SPUTNIK_V
    assert parse_covid_brand("CoronaVac") is CovidBrand.SINOVAC
    assert parse_covid_brand("vacuna rara") is None
    assert parse_vaccine("Neumocócica") is Vaccine.PNEUMOCOCCAL
    assert parse_vaccine("Triple viral") is Vaccine.MMR
    assert parse_vaccine("otra") is None


@pytest.mark.parametrize("weeks, prompted", [(19, False), (20, True), (26, True), (32, True),
                                             (33, False), (None, False)])
def test_tdap_window_weeks_20_to_32(weeks, prompted):
    prompt = tdap_in_pregnancy(pregnant=True, gestation_weeks=weeks, doses=[], today=TODAY)
    assert (prompt is not None) is prompted
    if prompt:
        assert prompt.text() == (f"Se recomienda Tdpa entre las semanas 20 y 32 del embarazo "
                                 f"(semana actual: {weeks}).")


def test_tdap_given_in_this_pregnancy_silences_the_prompt():
    this_pregnancy = [VaccineDose("tdap", given_on=TODAY - timedelta(weeks=2))]
    before = [VaccineDose("Tdpa", given_on=TODAY - timedelta(weeks=30))]
    undated = [VaccineDose("tdap")]
    kw = dict(pregnant=True, gestation_weeks=24, today=TODAY)
    assert tdap_in_pregnancy(doses=this_pregnancy, **kw) is None
    assert tdap_in_pregnancy(doses=before, **kw) is not None
    assert tdap_in_pregnancy(doses=undated, **kw) is not None
    assert tdap_in_pregnancy(pregnant=False, gestation_weeks=24, doses=[], today=TODAY) is None


def doses(*pairs):
    return [VaccineDose(v, dose=n) for v, n in pairs]


def gaps(age, records=(), today=None):
    return [(p.vaccine.value, p.dose) for p in child_schedule_gaps(
        age_months=age, doses=records, today=today)]


def test_newborn_without_records_needs_bcg_and_hepatitis_b():
    assert gaps(0) == [("bcg", 1), ("hepatitis_b", 1)]


def test_two_months_old_with_birth_doses():
    assert gaps(2, doses(("bcg", 1), ("hepatitis_b", 1))) == [
        ("hexavalent", 1), ("rotavirus", 1), ("pneumococcal", 1)]


def test_only_the_next_missing_dose_of_each_vaccine_is_prompted():
    records = doses(("bcg", 1), ("hepatitis_b", 1), ("hexavalent", 1), ("rotavirus", 1),
                    ("pneumococcal", 1))
    assert gaps(6, records) == [("hexavalent", 2), ("rotavirus", 2), ("pneumococcal", 2),
                                ("influenza", 1)]


def test_rotavirus_prompt_stops_at_eight_months():
    assert ("rotavirus", 1) in gaps(7)
    assert all(v != "rotavirus" for v, _ in gaps(8))


def test_srp_at_12_and_18_months_and_dpt_at_4_years():
    full_infant = doses(("bcg", 1), ("hepatitis_b", 1), ("hexavalent", 3), ("rotavirus", 3),
                        ("pneumococcal", 2), ("influenza", 2))
    assert gaps(12, full_infant) == [("pneumococcal", 3), ("srp", 1)]
    assert ("srp", 2) in gaps(18, full_infant + doses(("srp", 1)))
    assert ("dpt", 1) in gaps(48)
    assert ("dpt", 1) in gaps(83) and ("dpt", 1) not in gaps(84)
    assert gaps(120) == []  # the 0-9 years card ends


def test_yearly_influenza_from_one_to_four_years():
    primary = [VaccineDose("influenza", dose=1, given_on=TODAY - timedelta(days=500)),
               VaccineDose("influenza", dose=2, given_on=TODAY - timedelta(days=470))]
    assert ("influenza", None) in gaps(30, primary, today=TODAY)
    recent = primary + [VaccineDose("influenza", given_on=TODAY - timedelta(days=200))]
    assert ("influenza", None) not in gaps(30, recent, today=TODAY)
    assert ("influenza", None) not in gaps(60, primary, today=TODAY)


def test_prompt_texts_are_spanish():
    prompts = child_schedule_gaps(age_months=2, doses=[])
    assert prompts[0].text() == "BCG: la dosis 1 corresponde (desde el nacimiento)."
    assert prompts[2].text() == ("Hexavalente (DPaT-VIP-Hib-HB): la dosis 1 corresponde "
                                 "(desde los 2 meses de edad).")
