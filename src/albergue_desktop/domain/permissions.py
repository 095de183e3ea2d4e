"""Who may do what: THE permission matrix. Services check these; the UI hides what a role
cannot use. Later modules extend this matrix (a new Permission and its roles here), never
define their own checks. The reasons for each restricted specific-needs code are in
docs/sensitive-data.md."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from albergue_sync.redact import HEALTH_NEED_PREFIXES, PROTECTION_NEED_PREFIXES

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
    # View and record the protection-sensitive specific-needs codes (survivors of sexual and
    # gender-based violence, women at risk): need-to-know only (GBVIMS, IASC GBV 2015).
    PROTECTION = "view and record protection-sensitive data"
    SYNC = "synchronize with the central file"
    REVIEW_SYNC = "review sync conflicts and duplicates"
    # The audit log and "who viewed this record": supervision and administration.
    VIEW_AUDIT = "view the audit log"
    # Mental health and psychosocial support notes: the treating health staff only (IASC
    # MHPSS Guidelines 2007, confidentiality; docs/health-followup.md).
    MENTAL_HEALTH = "view and record mental health and psychosocial notes"
    # The stock ledger (docs/stock-ledger.md): medicines are kept by the health staff,
    # supplies by the center's coordination.
    PHARMACY = "manage the pharmacy stock"
    SUPPLIES = "manage the supplies stock"
    # Exit pathways (docs/pathways.md): the job bank, housing, schooling and Spanish classes;
    # the legal and protection pathway stays under PROTECTION.
    MANAGE_PATHWAYS = "manage the job bank, housing and schooling"
    # Discharge a household or a person with destination and transport (services/discharge).
    DISCHARGE = "discharge households"
    # Answer a person's data-protection requests (LGPDPPSO arts. 43-52: access printout,
    # correction, erasure) and erase people: the center coordinator (the DIF's data
    # protection liaison at the center), supervision and administration (docs/erasure.md).
    DATA_REQUESTS = "answer data-protection requests and erase people"


_ALL = frozenset(Permission)

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.INTAKE: frozenset({Permission.VIEW_PEOPLE, Permission.REGISTER, Permission.EDIT_PEOPLE,
                            Permission.MANAGE_STAYS, Permission.DISCHARGE}),
    Role.HEALTH: frozenset({Permission.VIEW_PEOPLE, Permission.VIEW_HEALTH,
                            Permission.EDIT_HEALTH, Permission.MENTAL_HEALTH,
                            Permission.PHARMACY}),
    # The center coordinator is its protection focal point (case referrals to DIF, COMAR,
    # the GBV service providers): sees and records the protection codes, not health data.
    Role.COORDINATOR: frozenset({Permission.VIEW_PEOPLE, Permission.REGISTER,
                                 Permission.EDIT_PEOPLE, Permission.DELETE_PEOPLE,
                                 Permission.MANAGE_STAYS, Permission.MANAGE_CENTERS,
                                 Permission.PROTECTION, Permission.SYNC,
                                 Permission.SUPPLIES, Permission.MANAGE_PATHWAYS,
                                 Permission.DISCHARGE, Permission.DATA_REQUESTS}),
    # Job-bank, housing and schooling staff (plan phase 3, "vinculación"): they see people
    # and their work and school records, discharge a household into its home; no health or
    # protection data.
    Role.PATHWAYS: frozenset({Permission.VIEW_PEOPLE, Permission.MANAGE_PATHWAYS,
                              Permission.DISCHARGE}),
    Role.SUPERVISOR: _ALL - {Permission.MANAGE_USERS, Permission.MENTAL_HEALTH},
    # Administrators manage the system; health and protection data stay with the staff who
    # need them.
    Role.ADMIN: _ALL - {Permission.VIEW_HEALTH, Permission.EDIT_HEALTH, Permission.PROTECTION,
                        Permission.MENTAL_HEALTH, Permission.PHARMACY},
}


def allows(role: str, permission: Permission) -> bool:
    try:
        return permission in ROLE_PERMISSIONS[Role(role)]
    except ValueError:
        return False


# --- restricted specific-needs codes ----------------------------------------------------------
# A code matching one of these prefixes is seen only by roles with the permission and
# recorded only by roles with the matching record permission. Prefixes, not a closed list: a
# future SV-* or SM-* code is restricted from the day it is added. docs/sensitive-data.md
# gives the reason for each entry (and for the codes deliberately left visible). Defined once
# in the sync engine (HEALTH_NEED_PREFIXES, PROTECTION_NEED_PREFIXES, imported above), which
# withholds the same codes from pulls without the permission.

# permission to see -> permission to record
RECORD_PERMISSION: dict[Permission, Permission] = {
    Permission.VIEW_HEALTH: Permission.EDIT_HEALTH,
    Permission.PROTECTION: Permission.PROTECTION,
}


def is_health_need(code: str) -> bool:
    return code.startswith(HEALTH_NEED_PREFIXES)


def is_protection_need(code: str) -> bool:
    return code.startswith(PROTECTION_NEED_PREFIXES)


def need_permission(code: str) -> Permission | None:
    """The permission needed to see the specific-needs ``code`` (None: every role)."""
    if is_health_need(code):
        return Permission.VIEW_HEALTH
    if is_protection_need(code):
        return Permission.PROTECTION
    return None


def is_restricted_need(code: str) -> bool:
    return need_permission(code) is not None


def can_see_need(role: str, code: str) -> bool:
    needed = need_permission(code)
    return needed is None or allows(role, needed)


def can_record_need(role: str, code: str) -> bool:
    needed = need_permission(code)
    return needed is None or allows(role, RECORD_PERMISSION[needed])


def visible_needs(role: str, codes: Iterable[str]) -> list[str]:
    """The specific-needs codes a role may see (health and protection codes removed for
    roles without the permission)."""
    return [c for c in codes if can_see_need(role, c)]


def hidden_needs(role: str, codes: Iterable[str]) -> list[str]:
    """The codes of ``codes`` the role may not see (kept untouched when it edits the list)."""
    return [c for c in codes if not can_see_need(role, c)]


# --- places that reveal a condition -------------------------------------------------------
# Area segments (and words of area names) that tell what a person has: on paper and in the
# partner workbook a role without VIEW_HEALTH sees a generic label instead.
CONDITION_SEGMENTS = frozenset({"maternity", "isolation", "chronic_care", "quarantine"})
CONDITION_WORDS: tuple[str, ...] = (
    "matern", "embaraz", "gestant", "lactan", "parto", "aisla", "cuarentena", "covid",
    "respirat", "crónic", "cronic", "enferm", "salud mental", "psiqui", "vih", "hiv",
    "isolat", "quarantin", "chronic", "pregnan", "sick", "médic", "medic",
)


def reveals_condition(area_name: str | None, segment: str | None) -> bool:
    """Whether an area's segment or name reveals a health condition of those in it."""
    if segment in CONDITION_SEGMENTS:
        return True
    name = (area_name or "").casefold()
    return any(word in name for word in CONDITION_WORDS)
