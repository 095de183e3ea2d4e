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
     {P.DELETE_PEOPLE, P.MANAGE_CENTERS, P.MANAGE_USERS, P.VIEW_HEALTH, P.EDIT_HEALTH}),
    (Role.HEALTH, {P.VIEW_HEALTH, P.EDIT_HEALTH},
     {P.REGISTER, P.EDIT_PEOPLE, P.DELETE_PEOPLE, P.MANAGE_STAYS, P.MANAGE_CENTERS,
      P.MANAGE_USERS}),
    (Role.COORDINATOR, {P.REGISTER, P.EDIT_PEOPLE, P.DELETE_PEOPLE, P.MANAGE_STAYS,
                        P.MANAGE_CENTERS},
     {P.MANAGE_USERS, P.VIEW_HEALTH, P.EDIT_HEALTH}),
    (Role.SUPERVISOR, set(P) - {P.MANAGE_USERS}, {P.MANAGE_USERS}),
    (Role.ADMIN, set(P) - {P.VIEW_HEALTH, P.EDIT_HEALTH}, {P.VIEW_HEALTH, P.EDIT_HEALTH}),
])
def test_role_permissions(role, allowed, denied):
    for permission in allowed:
        assert allows(role.value, permission), (role, permission)
    for permission in denied:
        assert not allows(role.value, permission), (role, permission)


def test_health_data_stays_with_health_staff_and_supervisors():
    who = {role for role in Role if allows(role.value, P.VIEW_HEALTH)}
    assert who == {Role.HEALTH, Role.SUPERVISOR}


@pytest.mark.parametrize("role", ["", "root", "ADMIN", "administrador", None])
def test_unknown_roles_get_nothing(role):
    assert not any(allows(role, permission) for permission in Permission)
