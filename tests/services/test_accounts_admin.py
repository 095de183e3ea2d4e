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


# --- separation of duties -------------------------------------------------------------------

def test_an_admin_reset_forces_a_new_password_and_is_shown_to_the_user(db, center):
    from albergue_desktop.services.accounts import SignInError

    admin = accounts.sign_in(db, "admin", "contraseña-segura")
    rosa = centers.create_user(db, admin, username="rosa", full_name="Rosa Pérez",
                               role="registro", password="registro-123", center_id=center.id)
    assert not accounts.must_change_password(db, "rosa")
    accounts.reset_password(db, admin, rosa.id, "temporal-456")
    assert accounts.must_change_password(db, "rosa")
    me = accounts.sign_in(db, "rosa", "temporal-456")
    [reset] = accounts.password_resets_for(db, me)
    assert reset.username == "admin"  # who reset it, visible to Rosa
    with pytest.raises(SignInError):  # the current password proves it is her
        accounts.change_own_password(db, me, "otra-cosa", "mi-clave-nueva")
    with pytest.raises(RuleViolation, match="distinta"):
        accounts.change_own_password(db, me, "temporal-456", "temporal-456")
    accounts.change_own_password(db, me, "temporal-456", "mi-clave-nueva")
    assert not accounts.must_change_password(db, "rosa")
    assert accounts.sign_in(db, "rosa", "mi-clave-nueva").username == "rosa"
    with pytest.raises(SignInError):
        accounts.sign_in(db, "rosa", "temporal-456")


def test_granting_a_health_or_protection_role_is_listed_for_supervisors(db, center):
    from albergue_desktop.domain.errors import PermissionDenied
    from albergue_desktop.services.context import Actor

    admin = accounts.sign_in(db, "admin", "contraseña-segura")
    rosa = centers.create_user(db, admin, username="rosa", full_name="Rosa Pérez",
                               role="registro", password="registro-123", center_id=center.id)
    centers.create_user(db, admin, username="sara", full_name="Sara", role="salud",
                        password="salud-1234", center_id=center.id)
    accounts.set_role(db, admin, rosa.id, "coordinacion")  # protection
    accounts.set_role(db, admin, rosa.id, "registro")      # a demotion: nothing granted
    supervisor = Actor("supervision", "supervision")
    grants = accounts.sensitive_role_grants(db, supervisor)
    assert [(g.changes["user"], g.changes["access"], g.username) for g in grants] == [
        ("rosa", ["protection"], "admin"), ("sara", ["health"], "admin")]
    assert grants[0].changes["role"] == ["registro", "coordinacion"]
    with pytest.raises(PermissionDenied):
        accounts.sensitive_role_grants(db, Actor("rosa", "registro"))
