"""Restricted specific-needs codes and condition-revealing areas in every output, per role
(docs/sensitive-data.md): roster, bed list and ID cards (PDF text), the partner
workbook (every cell), the people list filters and the people list itself."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from reports_world import DAY, TZ, pdf_text, world  # noqa: F401 (fixture)

from albergue_desktop.domain.enums import Role
from albergue_desktop.domain.errors import PermissionDenied
from albergue_desktop.domain.permissions import Permission, allows
from albergue_desktop.reports.bedlist import bedlist_pdf
from albergue_desktop.reports.census import census_pdf
from albergue_desktop.reports.excel_export import export_workbook
from albergue_desktop.reports.idcards import idcards_pdf
from albergue_desktop.reports.roster import roster_pdf
from albergue_desktop.services import centers, people, people_list, stays
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.tables import PersonUpdate

ROLES = [r.value for r in Role]
PROTECTION_CODES = ("SV-VA", "SV-GM", "WR-WR")
HEALTH_CODES = ("SM-CI", "CR-TP")
CONDITION_AREAS = ("Aislamiento", "Maternidad", "Sala Norte")  # Sala Norte: chronic_care


@pytest.fixture
def sensitive(db, world):  # noqa: F811
    """Marie-Claude (present, A-01) is a GBV survivor and a woman at risk; Dieu-Nés a
    pregnant teenager moved to a maternity area; Jacques in a chronic-care area named
    neutrally (its segment reveals it)."""
    people.update_person(db, SYSTEM, world.people["marie"], PersonUpdate(
        specific_needs=["SV-VA", "SV-GM", "WR-WR", "SP-PT"]))
    people.update_person(db, SYSTEM, world.people["dieunes"], PersonUpdate(
        specific_needs=["SC-UC", "CR-TP"]))
    maternity = centers.create_area(db, SYSTEM, center_id=world.c3.id, name="Maternidad",
                                    segment="maternity", area_m2=12)
    (bed,) = centers.add_beds(db, SYSTEM, area_id=maternity.id, count=1, prefix="M")
    stays.move_bed(db, SYSTEM, person_id=world.people["dieunes"], bed_id=bed.id)
    chronic = centers.create_area(db, SYSTEM, center_id=world.c3.id, name="Sala Norte",
                                  segment="chronic_care", area_m2=12)
    (bed,) = centers.add_beds(db, SYSTEM, area_id=chronic.id, count=1, prefix="N")
    stays.check_in(db, SYSTEM, person_id=world.people["jacques"], center_id=world.c3.id,
                   bed_id=bed.id)
    return world


def _expect(text: str, role: str, *, codes: bool = True) -> None:
    sees_protection = allows(role, Permission.PROTECTION)
    sees_health = allows(role, Permission.VIEW_HEALTH)
    for code in PROTECTION_CODES:
        assert (code in text) == (codes and sees_protection), (role, code)
    for code in HEALTH_CODES:
        assert (code in text) == (codes and sees_health), (role, code)
    for area in CONDITION_AREAS:
        assert (area in text) == sees_health, (role, area)
    for segment in ("Maternidad", "Aislamiento respiratorio", "Cuidados crónicos",
                    "Enfermedad crónica"):
        if not sees_health:
            assert segment not in text, (role, segment)


@pytest.mark.parametrize("role", ROLES)
def test_roster_pdf(db, sensitive, role, tmp_path):
    text = " ".join(pdf_text(roster_pdf(db, Actor("u", role), tmp_path / "r.pdf",
                                        center="03", on=DAY)))
    assert "SC-UC" in text and "SP-PT" in text  # what every role sees is there
    _expect(text, role)
    if not allows(role, Permission.VIEW_HEALTH):
        assert "Área reservada" in text


@pytest.mark.parametrize("role", ROLES)
def test_bed_list_pdf(db, sensitive, role, tmp_path):
    text = " ".join(pdf_text(bedlist_pdf(db, Actor("u", role), tmp_path / "b.pdf",
                                         center="03", on=DAY)))
    assert "Dormitorio A" in text
    _expect(text, role, codes=False)


@pytest.mark.parametrize("role", ROLES)
def test_id_cards_pdf(db, sensitive, role, tmp_path):
    text = " ".join(pdf_text(idcards_pdf(db, Actor("u", role), tmp_path / "c.pdf",
                                         center="03")))
    assert sensitive.folios["marie"] in text
    for word in (*PROTECTION_CODES, *HEALTH_CODES, *CONDITION_AREAS, "SC-UC"):
        assert word not in text, (role, word)


@pytest.mark.parametrize("role", ROLES)
def test_census_pdf_counts_condition_areas_as_one_reserved_column(db, sensitive, role,
                                                                   tmp_path):
    text = " ".join(pdf_text(census_pdf(db, Actor("u", role), tmp_path / "k.pdf", day=DAY,
                                        tz=TZ)))
    health = allows(role, Permission.VIEW_HEALTH)
    assert ("Aislamiento respiratorio" in text) == health
    assert ("Área reservada" in text) == (not health)


@pytest.mark.parametrize("role", ROLES)
def test_partner_workbook_cells(db, sensitive, role, tmp_path):
    out = export_workbook(db, Actor("u", role), tmp_path / "w.xlsx", day=DAY, tz=TZ)
    wb = load_workbook(out, read_only=True)
    cells = [str(v) for ws in wb.worksheets for row in ws.iter_rows(values_only=True)
             for v in row if v is not None]
    text = "\n".join(cells)
    assert "SC-UC" in text and "SP-PT" in text
    _expect(text, role)


@pytest.mark.parametrize("role", ROLES)
def test_people_list_filters(db, sensitive, role):
    actor = Actor("u", role)
    offered = set(people_list.filterable_needs(actor))
    assert "SC-UC" in offered and "SP-PT" in offered
    for code in (*PROTECTION_CODES, "SV-SS"):
        assert (code in offered) == allows(role, Permission.PROTECTION), code
    for code in (*HEALTH_CODES, "SM-MI"):
        assert (code in offered) == allows(role, Permission.VIEW_HEALTH), code
    # a filter it is not offered is refused by the service too (a count would tell who)
    for code in ("SV-VA", "SM-CI"):
        if code in offered:
            assert people_list.count_people(db, actor, need=code) == 1
            rows = people_list.browse_people(db, actor, None, 50, need=code)
            assert len(rows) == 1
        else:
            with pytest.raises(PermissionDenied):
                people_list.count_people(db, actor, need=code)
            with pytest.raises(PermissionDenied):
                people_list.browse_people(db, actor, None, 50, need=code)
            with pytest.raises(PermissionDenied):
                people_list.search_people(db, actor, "Joseph", limit=50, need=code)


@pytest.mark.parametrize("role", ROLES)
def test_person_record_as_each_role_sees_it(db, sensitive, role):
    needs = people.get_person(db, Actor("u", role), sensitive.people["marie"]).specific_needs
    assert ("SV-VA" in needs) == allows(role, Permission.PROTECTION)
    assert "SP-PT" in needs


def test_a_role_without_protection_edits_needs_without_losing_or_adding_sv_codes(db,
                                                                               sensitive):
    intake = Actor("rosa", Role.INTAKE.value)
    pid = sensitive.people["marie"]
    assert people.get_person(db, intake, pid).specific_needs == ["SP-PT"]
    people.update_person(db, intake, pid, PersonUpdate(specific_needs=["SP-PT", "FU-TR"]))
    assert sorted(people.get_person(db, SYSTEM, pid).specific_needs) == sorted(
        ["SV-VA", "SV-GM", "WR-WR", "SP-PT", "FU-TR"])
    with pytest.raises(PermissionDenied):
        people.update_person(db, intake, pid, PersonUpdate(specific_needs=["SV-SS"]))
    with pytest.raises(PermissionDenied):
        people.register_household(db, intake, center_id=sensitive.c3.id, members=[
            people.MemberInput(given_names="Nadia", surnames="Paul", sex="F",
                               birth_date=date(1999, 1, 1), relationship="head",
                               specific_needs=["SV-VA"])])


@pytest.mark.parametrize("role", ROLES)
def test_areas_offered_for_a_bed_list(db, sensitive, role):
    from albergue_desktop.services.report_areas import printable_areas
    from albergue_desktop.ui.reports.jobs import areas_of

    names = [name for _id, name in printable_areas(db, Actor("u", role), sensitive.c3.id)]
    assert areas_of(db, Actor("u", role), sensitive.c3.id) == printable_areas(
        db, Actor("u", role), sensitive.c3.id)
    assert "Dormitorio A" in names and len(names) == 4
    health = allows(role, Permission.VIEW_HEALTH)
    for area in CONDITION_AREAS:
        assert (area in names) == health
    assert sorted(n for n in names if n.startswith("Área reservada")) == (
        [] if health else ["Área reservada 1", "Área reservada 2", "Área reservada 3"])
