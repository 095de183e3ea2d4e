"""Who may do what. Services check these; the UI hides what a role cannot use."""

from __future__ import annotations

from enum import StrEnum

from .enums import Role


class Permission(StrEnum):
    VIEW_PEOPLE = "view people"
    REGISTER = "register people"
    EDIT_PEOPLE = "edit people"
    DELETE_PEOPLE = "delete people"
    MANAGE_STAYS = "manage stays"
    MANAGE_CENTERS = "manage centers and beds"
    MANAGE_USERS = "manage users"
    VIEW_HEALTH = "view health data"
    EDIT_HEALTH = "edit health data"
    SYNC = "synchronize with the central file"
    REVIEW_SYNC = "review sync conflicts and duplicates"


_ALL = frozenset(Permission)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.INTAKE: frozenset({Permission.VIEW_PEOPLE, Permission.REGISTER, Permission.EDIT_PEOPLE,
                            Permission.MANAGE_STAYS}),
    Role.HEALTH: frozenset({Permission.VIEW_PEOPLE, Permission.VIEW_HEALTH,
                            Permission.EDIT_HEALTH}),
    Role.COORDINATOR: frozenset({Permission.VIEW_PEOPLE, Permission.REGISTER,
                                 Permission.EDIT_PEOPLE, Permission.DELETE_PEOPLE,
                                 Permission.MANAGE_STAYS, Permission.MANAGE_CENTERS,
                                 Permission.SYNC}),
    Role.SUPERVISOR: _ALL - {Permission.MANAGE_USERS},
    # Administrators manage the system; health data stays with health staff and supervisors.
    Role.ADMIN: _ALL - {Permission.VIEW_HEALTH, Permission.EDIT_HEALTH},
}


def allows(role: str, permission: Permission) -> bool:
    try:
        return permission in ROLE_PERMISSIONS[Role(role)]
    except ValueError:
        return False


# Specific-needs codes that are clinical information: only roles with VIEW_HEALTH see them
# and only roles with EDIT_HEALTH record them (medical conditions, teenage pregnancy).
HEALTH_NEED_PREFIXES: tuple[str, ...] = ("SM-", "CR-TP")


def is_health_need(code: str) -> bool:
    return code.startswith(HEALTH_NEED_PREFIXES)


def visible_needs(role: str, codes: list[str]) -> list[str]:
    """The specific-needs codes a role may see."""
    if allows(role, Permission.VIEW_HEALTH):
        return list(codes)
    return [c for c in codes if not is_health_need(c)]
