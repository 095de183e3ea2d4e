"""Role -> permission table."""

from __future__ import annotations

import pytest

from albergue_desktop.domain.enums import Role
from albergue_desktop.domain.permissions import ROLE_PERMISSIONS, Permission, allows

P = Permission


def test_every_role_has_an_entry_and_can_view_people():
    assert set(ROLE_PERMISSIONS) == set(Role)
    for role in Role:
        assert allows(role.value, P.VIEW_PEOPLE)


@pytest.mark.parametrize("role, allowed, denied", [
    (Role.INTAKE, {P.REGISTER, P.EDIT_PEOPLE, P.MANAGE_STAYS},
     {P.DELETE_PEOPLE, P.MANAGE_CENTERS, P.MANAGE_USERS, P.VIEW_HEALTH, P.EDIT_HEALTH,
      P.PROTECTION}),
    (Role.HEALTH, {P.VIEW_HEALTH, P.EDIT_HEALTH, P.MENTAL_HEALTH, P.PHARMACY},
     {P.SUPPLIES, P.REGISTER, P.EDIT_PEOPLE, P.DELETE_PEOPLE, P.MANAGE_STAYS, P.MANAGE_CENTERS,
      P.MANAGE_USERS, P.PROTECTION}),
    (Role.COORDINATOR, {P.REGISTER, P.EDIT_PEOPLE, P.DELETE_PEOPLE, P.MANAGE_STAYS,
                        P.MANAGE_CENTERS, P.PROTECTION, P.SUPPLIES},
     {P.MANAGE_USERS, P.VIEW_HEALTH, P.EDIT_HEALTH, P.MENTAL_HEALTH, P.PHARMACY}),
    (Role.SUPERVISOR, set(P) - {P.MANAGE_USERS, P.MENTAL_HEALTH},
     {P.MANAGE_USERS, P.MENTAL_HEALTH}),
    (Role.ADMIN, set(P) - {P.VIEW_HEALTH, P.EDIT_HEALTH, P.PROTECTION, P.MENTAL_HEALTH,
                           P.PHARMACY},
     {P.VIEW_HEALTH, P.EDIT_HEALTH, P.PROTECTION, P.MENTAL_HEALTH, P.PHARMACY}),
    (Role.PATHWAYS, {P.MANAGE_PATHWAYS, P.DISCHARGE},
     {P.REGISTER, P.EDIT_PEOPLE, P.MANAGE_STAYS, P.VIEW_HEALTH, P.PROTECTION, P.MANAGE_USERS}),
])
def test_role_permissions(role, allowed, denied):
    for permission in allowed:
        assert allows(role.value, permission), (role, permission)
    for permission in denied:
        assert not allows(role.value, permission), (role, permission)


def test_mental_health_notes_stay_with_the_health_staff():
    assert {role for role in Role if allows(role.value, P.MENTAL_HEALTH)} == {Role.HEALTH}


def test_health_data_stays_with_health_staff_and_supervisors():
    who = {role for role in Role if allows(role.value, P.VIEW_HEALTH)}
    assert who == {Role.HEALTH, Role.SUPERVISOR}


@pytest.mark.parametrize("role", ["", "root", "ADMIN", "administrador", None])
def test_unknown_roles_get_nothing(role):
    assert not any(allows(role, permission) for permission in Permission)


def test_protection_codes_stay_with_coordinators_and_supervisors():
    who = {role for role in Role if allows(role.value, P.PROTECTION)}
    assert who == {Role.COORDINATOR, Role.SUPERVISOR}


# The matrix of docs/sensitive-data.md: code -> roles that see it.
SEEN_BY = {
    "SV-VA": {Role.COORDINATOR, Role.SUPERVISOR},
    "SV-GM": {Role.COORDINATOR, Role.SUPERVISOR},
    "SV-SS": {Role.COORDINATOR, Role.SUPERVISOR},
    "SV-XX": {Role.COORDINATOR, Role.SUPERVISOR},  # a future SV code is restricted too
    "WR-WR": {Role.COORDINATOR, Role.SUPERVISOR},
    "SM-CI": {Role.HEALTH, Role.SUPERVISOR},
    "SM-MI": {Role.HEALTH, Role.SUPERVISOR},
    "CR-TP": {Role.HEALTH, Role.SUPERVISOR},
    "SC-UC": set(Role), "SC-SC": set(Role), "LP-ND": set(Role), "DS-PM": set(Role),
    "WR-LC": set(Role), "FU-TR": set(Role),
}


@pytest.mark.parametrize("code", sorted(SEEN_BY))
def test_who_sees_each_specific_need(code):
    from albergue_desktop.domain.permissions import can_record_need, visible_needs
    for role in Role:
        assert (visible_needs(role.value, [code]) == [code]) == (role in SEEN_BY[code]), role
    # who may record: the health codes need EDIT_HEALTH (same roles here), protection ones
    # PROTECTION
    assert {r for r in Role if can_record_need(r.value, code)} == SEEN_BY[code]


@pytest.mark.parametrize("name, segment, reveals", [
    ("Dormitorio A", "families", False), ("Maternidad", "families", True),
    ("Sala 2", "maternity", True), ("Sala 3", "isolation", True),
    ("Sala 4", "chronic_care", True), ("Aislamiento respiratorio", "families", True),
    ("Crónicos", "single_men", True), ("Varones", "single_men", False),
    ("Cuarto Q", "quarantine", True),
])
def test_areas_that_reveal_a_condition(name, segment, reveals):
    from albergue_desktop.domain.permissions import reveals_condition
    assert reveals_condition(name, segment) is reveals
