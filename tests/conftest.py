"""Shared fixtures: each test gets a fresh temporary database."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ALBERGUE_LANG", "es")

from hypothesis import settings  # noqa: E402

from albergue_desktop.domain import i18n  # noqa: E402
from albergue_desktop.services import centers  # noqa: E402
from albergue_desktop.services.context import SYSTEM, Actor  # noqa: E402
from factories import member  # noqa: E402  (tests/ is on sys.path: rootdir conftest)
from albergue_desktop.storage.db import Database  # noqa: E402


# In CI (the CI environment variable, set by .ci/run) property tests are derandomized: the
# same examples on every run, so a red build is reproducible and never a coin toss.
# Tests that set max_examples or deadline keep them; the profile supplies the rest.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("dev", deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else
                      os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(autouse=True)
def _fast_password_hashing(monkeypatch):
    """Argon2id with minimal cost in tests (production keeps argon2-cffi's defaults)."""
    from argon2 import PasswordHasher

    from albergue_desktop.services import auth

    monkeypatch.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024,
                                                        parallelism=1))


@pytest.fixture(autouse=True)
def _fast_key_wrapping(monkeypatch):
    """Key slots of encrypted files (albergue_sync.keyfile) with the same minimal argon2id
    cost; production uses RFC 9106's low-memory profile."""
    from albergue_sync import crypto_keys, keyfile

    monkeypatch.setattr(keyfile, "KDF", crypto_keys.KdfParams(time_cost=1, memory_cost=1024,
                                                              parallelism=1))
    yield
    keyfile.forget_offered()  # credentials an albergue-sync sign-in offered stay per test


@pytest.fixture(autouse=True)
def _spanish():
    i18n.set_language("es")
    yield
    i18n.set_language("es")


@pytest.fixture
def db(tmp_path):
    database = Database.open(tmp_path / "center.sqlite")
    yield database
    database.close()


@pytest.fixture
def center(db):
    """A center with one area of 10 cots, set up as a center laptop (admin 'admin')."""
    c, _admin = centers.init_center_database(
        db, center_code="03", center_name="Centro Comunitario 3", city_prefix="MXL",
        admin_username="admin", admin_password="contraseña-segura")
    area = centers.create_area(db, SYSTEM, center_id=c.id, name="Dormitorio A", area_m2=70)
    centers.add_beds(db, SYSTEM, area_id=area.id, count=10)
    return c


@pytest.fixture
def intake_actor(center):
    return Actor(username="registro1", role="registro", center_id=center.id)


@pytest.fixture
def make_member():
    """Factory of household members: ``make_member(given=..., relationship="child")``."""
    return member
