"""Account management from the admin screen: an administrator cannot lock themselves out;
full names for greetings."""

from __future__ import annotations

import pytest

from albergue_desktop.domain.errors import RuleViolation
from albergue_desktop.services import accounts, centers


def test_admin_cannot_deactivate_or_demote_their_own_account(db, center):
    admin = accounts.sign_in(db, "admin", "contraseña-segura")
    [me] = accounts.list_users(db, admin)
    with pytest.raises(RuleViolation, match="su propia cuenta"):
        accounts.set_active(db, admin, me.id, False)
    with pytest.raises(RuleViolation, match="su propio rol"):
        accounts.set_role(db, admin, me.id, "registro")
    accounts.set_role(db, admin, me.id, "admin")  # no change: allowed
    accounts.set_active(db, admin, me.id, True)
    [me] = accounts.list_users(db, admin)
    assert me.active and me.role == "admin"


def test_admin_changes_another_users_role(db, center):
    admin = accounts.sign_in(db, "admin", "contraseña-segura")
    rosa = centers.create_user(db, admin, username="rosa", full_name="Rosa Pérez",
                               role="registro", password="registro-123", center_id=center.id)
    accounts.set_role(db, admin, rosa.id, "salud")
    assert accounts.sign_in(db, "rosa", "registro-123").role == "salud"
    assert accounts.full_name(db, "rosa") == "Rosa Pérez"
    assert accounts.full_name(db, "nadie") == "nadie"
