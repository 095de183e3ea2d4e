"""UI fixtures: Spanish translators on the test QApplication and a read-only database of a
few hundred people registered through the services (built once; tests only read it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from PySide6.QtCore import QSettings

from albergue_desktop.services import centers, people, stays
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.services.people import MemberInput
from albergue_desktop.storage.db import Database
from albergue_desktop.ui.translation import install_translators


def member(given: str, surnames: str, sex: str, relationship: str = "head",
           birth: date = date(1990, 5, 1), **extra) -> MemberInput:
    return MemberInput(given_names=given, surnames=surnames, sex=sex, birth_date=birth,
                       relationship=relationship, nationality="HT", **extra)

HOUSEHOLDS = 100  # of 3 people: 300 people, plus Josè's household of 2


# pytest-qt waits 5 s by default for a signal, a condition or a window. On a loaded machine
# (two suites on two cores) a worker task such as reducing and saving a photo can take longer,
# and test_record_photo failed that way. The wait is a safety net against a hung test, never
# a timing the test asserts: waits that succeed return as soon as the event happens, so a
# long default costs nothing when all is well. Explicit ``timeout=`` arguments are kept.
PATIENT_WAIT_MS = 120_000
_WAITS = ("waitSignal", "waitSignals", "waitUntil", "waitExposed", "waitActive",
          "waitCallback")


@pytest.fixture(scope="session", autouse=True)
def _patient_waits():
    from pytestqt.qtbot import QtBot

    originals = {name: getattr(QtBot, name) for name in _WAITS}

    def patient(original):
        def wait(self, *args, **kwargs):
            kwargs.setdefault("timeout", PATIENT_WAIT_MS)
            return original(self, *args, **kwargs)
        return wait

    for name, original in originals.items():
        setattr(QtBot, name, patient(original))
    yield
    for name, original in originals.items():
        setattr(QtBot, name, original)


@pytest.fixture(scope="session", autouse=True)
def _spanish_qt(qapp):
    install_translators(qapp, "es")


@pytest.fixture(scope="session", autouse=True)
def _private_settings(qapp, tmp_path_factory):
    """QSettings in a temporary INI file: tests never read or write the user's settings."""
    qapp.setOrganizationName("AlbergueTests")
    qapp.setApplicationName("Albergue")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path_factory.mktemp("settings")))


@pytest.fixture
def settings_store(_private_settings):
    """An empty settings file for the test (cleared again afterwards)."""
    QSettings().clear()
    yield QSettings()
    QSettings().clear()


@dataclass
class PeopleDb:
    db: Database
    total: int
    first_folio: str  # the oldest person: never on the first page
    jose_folio: str
    estimated_folio: str  # age estimated (born 1990-05-01)
    bed_folio: str  # in bed A-01, present
    bed_code: str
    center_name: str


@pytest.fixture(scope="session")
def people_db(tmp_path_factory) -> PeopleDb:
    db = Database.open(tmp_path_factory.mktemp("ui") / "center.sqlite")
    center, _ = centers.init_center_database(
        db, center_code="03", center_name="Centro Comunitario 3", city_prefix="MXL",
        admin_username="admin", admin_password="contraseña-segura")
    area = centers.create_area(db, SYSTEM, center_id=center.id, name="Dormitorio A")
    beds = centers.add_beds(db, SYSTEM, area_id=area.id, count=2, prefix="A")
    folios: list[str] = []
    for i in range(HOUSEHOLDS):
        reg = people.register_household(db, SYSTEM, center_id=center.id, members=[
            member(given="Marie-Claude", surnames=f"Pierre{'x' * (i % 5)}", sex="F"),
            member(given="Wilner", surnames="Louis", sex="M", relationship="spouse",
                   birth=date(1988, 2, 3)),
            member(given="Rose", surnames="Louis", sex="F", relationship="child",
                   birth=date(2015, 7, 9), birth_date_estimated=True)])
        folios += reg.folios
    jose = people.register_household(db, SYSTEM, center_id=center.id, members=[
        member(given="Josè", surnames="Saint-Vil", sex="M", birth=date(1990, 5, 1),
               birth_date_estimated=True),
        member(given="Nadège", surnames="Saint-Vil", sex="F", relationship="spouse")])
    stays.check_in(db, SYSTEM, person_id=jose.person_ids[1], center_id=center.id,
                   bed_id=beds[0].id)
    yield PeopleDb(db, total=len(folios) + 2, first_folio=folios[0],
                   jose_folio=jose.folios[0], estimated_folio=jose.folios[0],
                   bed_folio=jose.folios[1], bed_code=beds[0].code,
                   center_name="Centro Comunitario 3")
    db.close()
