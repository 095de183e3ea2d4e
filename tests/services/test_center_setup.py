"""Setting up a center database: center, areas, beds, users and the first administrator."""

from __future__ import annotations

import pytest
from sqlmodel import select

from albergue_desktop.domain.errors import (
    AlbergueError, NotFoundError, PermissionDenied, RuleViolation,
)
from albergue_desktop.services import centers
from albergue_desktop.services.auth import verify_password
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.tables import Bed, User


def test_init_center_database(db, center):
    assert (center.code, center.city_prefix, center.name) == ("03", "MXL",
                                                               "Centro Comunitario 3")
    assert db.meta("center_id") == center.id
    with db.session() as s:
        (admin,) = s.exec(select(User)).all()
    assert (admin.username, admin.role, admin.center_id) == ("admin", "admin", center.id)
    assert admin.password_hash.startswith("$argon2id$")
    assert verify_password(admin.password_hash, "contraseña-segura")
    assert not verify_password(admin.password_hash, "contraseña-segurA")
    with pytest.raises(RuleViolation) as err:
        centers.init_center_database(db, center_code="4", center_name="Otro", city_prefix="MXL",
                                     admin_username="admin2", admin_password="contraseña-2")
    assert str(err.value) == "Esta base de datos ya está configurada."


@pytest.mark.parametrize("code, prefix, message", [
    ("3a", "MXL", "El código del centro debe tener de 1 a 3 dígitos."),
    ("1234", "MXL", "El código del centro debe tener de 1 a 3 dígitos."),
    ("", "MXL", "El código del centro debe tener de 1 a 3 dígitos."),
    ("7", "M", "El prefijo de ciudad debe tener de 2 a 4 letras."),
    ("7", "MX1", "El prefijo de ciudad debe tener de 2 a 4 letras."),
])
def test_center_codes_and_prefixes(db, code, prefix, message):
    with pytest.raises(AlbergueError) as err:
        centers.create_center(db, SYSTEM, code=code, name="X", city_prefix=prefix)
    assert str(err.value) == message
    assert centers.list_centers(db) == []


def test_center_codes_are_normalized_and_unique(db, center):
    c = centers.create_center(db, SYSTEM, code=" 7 ", name="  Centro 7 ", city_prefix=" tij ")
    assert (c.code, c.name, c.city_prefix) == ("07", "Centro 7", "TIJ")
    with pytest.raises(RuleViolation) as err:
        centers.create_center(db, SYSTEM, code="3", name="Duplicado")
    assert str(err.value) == "El código de centro 03 ya está en uso."
    assert [x.code for x in centers.list_centers(db)] == ["03", "07"]
    with db.session() as s:
        assert centers.find_center(s, "7").id == c.id
        assert centers.find_center(s, c.id).code == "07"
        assert centers.find_center(s, "99") is None


def test_beds_are_numbered_after_the_existing_ones(db, center):
    with db.session() as s:
        area_id = s.exec(select(Bed)).first().area_id
    more = centers.add_beds(db, SYSTEM, area_id=area_id, count=3, kind="crib")
    assert [b.code for b in more] == ["A-11", "A-12", "A-13"]
    assert {b.kind for b in more} == {"crib"} and {b.status for b in more} == {"available"}
    with db.session() as s:
        codes = [b.code for b in s.exec(select(Bed).order_by(Bed.code))]
    assert codes == [f"A-{n:02d}" for n in range(1, 14)]
    with pytest.raises(NotFoundError):
        centers.add_beds(db, SYSTEM, area_id="nope", count=1)
    with pytest.raises(NotFoundError):
        centers.create_area(db, SYSTEM, center_id="nope", name="X")


def test_users(db, center):
    admin = Actor("admin", "admin", center.id)
    user = centers.create_user(db, admin, username=" Registro1 ", full_name=" Ana Pérez ",
                               role="registro", password="clave-larga-1", center_id=center.id)
    assert (user.username, user.full_name, user.role) == ("registro1", "Ana Pérez", "registro")
    with pytest.raises(RuleViolation) as err:
        centers.create_user(db, admin, username="REGISTRO1", full_name="Otra", role="salud",
                            password="clave-larga-2")
    assert str(err.value) == "El usuario registro1 ya existe."
    with pytest.raises(AlbergueError) as err:
        centers.create_user(db, admin, username="corta", full_name="X", role="salud",
                            password="1234567")
    assert str(err.value) == "La contraseña debe tener al menos 8 caracteres."
    with pytest.raises(PermissionDenied) as err:
        centers.create_user(db, Actor("coord", "coordinacion"), username="x", full_name="X",
                            role="salud", password="clave-larga-3")
    assert str(err.value) == "No tiene permiso para gestionar usuarios."
    with db.session() as s:
        assert sorted(u.username for u in s.exec(select(User))) == ["admin", "registro1"]
