"""Sign-in: argon2 check, lockout after five failures, audit trail, account management."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlmodel import select

from albergue_desktop.domain.errors import PermissionDenied
from albergue_desktop.services import accounts, centers
from albergue_desktop.services.accounts import SignInError
from albergue_desktop.services.context import Actor
from albergue_desktop.storage.tables import AuditEvent, User
from albergue_desktop.storage.versioning import utcnow


def _events(db, action):
    with db.session() as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.action == action)))


def test_sign_in_returns_actor_with_role_and_center(db, center):
    actor = accounts.sign_in(db, "Admin ", "contraseña-segura")
    assert actor.username == "admin" and actor.role == "admin" and actor.center_id == center.id
    assert [e.username for e in _events(db, "sign_in")] == ["admin"]


def test_password_is_stored_as_argon2_hash(db, center):
    with db.session() as s:
        user = s.exec(select(User)).one()
    assert user.password_hash.startswith("$argon2id$")
    assert "contraseña-segura" not in user.password_hash


def test_wrong_password_and_unknown_user_give_the_same_message(db, center):
    with pytest.raises(SignInError) as wrong:
        accounts.sign_in(db, "admin", "nope")
    with pytest.raises(SignInError) as unknown:
        accounts.sign_in(db, "nadie", "nope")
    assert str(wrong.value) == str(unknown.value) == "Usuario o contraseña incorrectos."
    assert len(_events(db, "sign_in_failed")) == 2


def test_an_unknown_user_costs_one_argon2_verification_too(db, center, monkeypatch):
    """Constant-time sign-in: every attempt runs exactly one argon2 verification, against a
    dummy hash when the user does not exist (no user enumeration by timing)."""
    from albergue_sync import auth

    hashes = []
    real = auth._hasher

    class Spy:
        def verify(self, password_hash, password):
            hashes.append(password_hash)
            return real.verify(password_hash, password)

    monkeypatch.setattr(auth, "_hasher", Spy())
    with pytest.raises(SignInError):
        accounts.sign_in(db, "nadie", "contraseña-segura")
    assert hashes == [auth.DUMMY_HASH]
    with pytest.raises(SignInError):
        accounts.sign_in(db, "admin", "otra")
    assert len(hashes) == 2 and hashes[1] != auth.DUMMY_HASH


def test_a_deactivated_account_is_told_only_to_its_owner(db, center):
    admin = accounts.sign_in(db, "admin", "contraseña-segura")
    user = centers.create_user(db, admin, username="ana", full_name="Ana", role="registro",
                               password="clave-de-ana", center_id=center.id)
    accounts.set_active(db, admin, user.id, False)
    with pytest.raises(SignInError) as wrong:
        accounts.sign_in(db, "ana", "otra-clave")
    assert str(wrong.value) == "Usuario o contraseña incorrectos."
    with pytest.raises(SignInError, match="desactivada"):
        accounts.sign_in(db, "ana", "clave-de-ana")


def test_five_failures_lock_the_account_even_for_the_right_password(db, center):
    now = utcnow()
    for attempt in range(4):
        with pytest.raises(SignInError, match="incorrectos"):
            accounts.sign_in(db, "admin", "mal", now=now)
    with pytest.raises(SignInError, match="bloqueada"):
        accounts.sign_in(db, "admin", "mal", now=now)
    with pytest.raises(SignInError, match="bloqueada"):
        accounts.sign_in(db, "admin", "contraseña-segura", now=now + timedelta(minutes=4))
    # After the lockout the right password works and the counter starts again.
    actor = accounts.sign_in(db, "admin", "contraseña-segura", now=now + timedelta(minutes=6))
    assert actor.username == "admin"
    with db.session() as s:
        user = s.exec(select(User)).one()
    assert user.failed_attempts == 0 and user.locked_until is None


def test_a_success_resets_the_failure_counter(db, center):
    for _ in range(4):
        with pytest.raises(SignInError):
            accounts.sign_in(db, "admin", "mal")
    accounts.sign_in(db, "admin", "contraseña-segura")
    for _ in range(4):
        with pytest.raises(SignInError, match="incorrectos"):
            accounts.sign_in(db, "admin", "mal")


def test_deactivated_user_cannot_sign_in_and_admin_manages_users(db, center):
    admin = accounts.sign_in(db, "admin", "contraseña-segura")
    user = centers.create_user(db, admin, username="Rosa", full_name="Rosa Pérez",
                               role="registro", password="registro-123", center_id=center.id)
    assert accounts.sign_in(db, "rosa", "registro-123").role == "registro"
    accounts.set_active(db, admin, user.id, False)
    with pytest.raises(SignInError, match="desactivada"):
        accounts.sign_in(db, "rosa", "registro-123")
    accounts.set_active(db, admin, user.id, True)
    accounts.reset_password(db, admin, user.id, "nueva-clave-1")
    with pytest.raises(SignInError):
        accounts.sign_in(db, "rosa", "registro-123")
    assert accounts.sign_in(db, "rosa", "nueva-clave-1").username == "rosa"


def test_only_admins_manage_users(db, center):
    intake = Actor(username="rosa", role="registro", center_id=center.id)
    with pytest.raises(PermissionDenied, match="gestionar usuarios"):
        accounts.list_users(db, intake)
    with pytest.raises(PermissionDenied):
        centers.create_user(db, intake, username="x", full_name="X", role="admin",
                            password="12345678")


def test_has_users_is_false_on_a_new_file(db):
    assert accounts.has_users(db) is False


def test_intake_role_cannot_record_or_see_clinical_needs(db, center, make_member):
    from albergue_desktop.services import people
    from albergue_desktop.services.context import SYSTEM
    from albergue_desktop.storage.tables import PersonUpdate

    intake = Actor(username="rosa", role="registro", center_id=center.id)
    health = Actor(username="enf", role="salud", center_id=center.id)
    with pytest.raises(PermissionDenied, match="datos de salud"):
        people.register_household(db, intake, center_id=center.id,
                                  members=[make_member(specific_needs=["SM-CI"])])
    reg = people.register_household(db, SYSTEM, center_id=center.id,
                                    members=[make_member(specific_needs=["SM-CI", "WR-LC"])])
    pid = reg.person_ids[0]
    assert people.get_person(db, intake, pid).specific_needs == ["WR-LC"]
    assert people.get_person(db, health, pid).specific_needs == ["SM-CI", "WR-LC"]
    # Intake edits the needs it sees; the hidden clinical code survives.
    people.update_person(db, intake, pid, PersonUpdate(specific_needs=["WR-LC", "SP-PT"]))
    assert sorted(people.get_person(db, SYSTEM, pid).specific_needs) == ["SM-CI", "SP-PT",
                                                                         "WR-LC"]
    with pytest.raises(PermissionDenied):
        people.update_person(db, intake, pid, PersonUpdate(specific_needs=["SM-MI"]))
