"""How ``schema_v1.sqlite`` was made (run once, with the schema-version-1 code of the app).

Do NOT re-run this script with a later version of Albergue: the committed file must stay a
file written by schema version 1, so that tests/storage/test_migrations_v1.py proves that
later versions still open it. It is kept only to document what the file contains.

    uv run python tests/data/make_schema_v1.py tests/data/schema_v1.sqlite
"""

from __future__ import annotations

from albergue_sync import dbapi as sqlite3
import sys
from datetime import date, datetime, timezone
from pathlib import Path

from sqlmodel import select

from albergue_desktop.services import centers, people, stays
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.services.people import MemberInput
from albergue_desktop.storage.db import Database
from albergue_desktop.storage.tables import Bed, IdentityDocumentBase, VaccinationBase

TODAY = date(2022, 1, 15)


def _m(given, surnames, sex, birth, rel, **extra) -> MemberInput:
    return MemberInput(given_names=given, surnames=surnames, sex=sex, birth_date=birth,
                       relationship=rel, nationality="HT", country_of_birth="HT", **extra)


def build(path: Path) -> None:
    db = Database.open(path)
    center, _ = centers.init_center_database(
        db, center_code="3", center_name="Centro Comunitario 3", city_prefix="MXL",
        admin_username="admin", admin_password="contraseña-de-prueba")
    area = centers.create_area(db, SYSTEM, center_id=center.id, name="Dormitorio A",
                               area_m2=70)
    centers.add_beds(db, SYSTEM, area_id=area.id, count=6)
    passport = IdentityDocumentBase(doc_type="passport", number="PP-1234567",
                                    issuing_country="HT", issue_date=date(2019, 3, 1),
                                    expiry_date=date(2029, 3, 1))
    ninu = IdentityDocumentBase(doc_type="ht_ninu", number="0012345678", issuing_country="HT")
    curp = IdentityDocumentBase(doc_type="curp", number="JOMC900501MNESSR05")
    vaccine = VaccinationBase(vaccine="COVID-19", brand="AstraZeneca", dose=1,
                              date=date(2021, 12, 20), lot="AZ-55")
    households = [
        [_m("Marie-Claude", "Joseph", "F", date(1990, 5, 1), "head",
            documents=[passport, curp], vaccinations=[vaccine], phone="+52 686 555 0101"),
         _m("Jean-Baptiste", "Saint-Vil", "M", date(1987, 11, 2), "spouse"),
         _m("Wilnès", "Joseph", "F", date(2016, 2, 29), "child", birth_date_estimated=True)],
        [_m("Dieu-Juste", "Pierre Louis", "M", date(1979, 7, 14), "head", documents=[ninu]),
         _m("Roseline", "D'Haïti", "F", date(1982, 1, 9), "spouse")],
        [_m("Ti-Jean", "Désir", "M", date(2000, 8, 8), "head")],
    ]
    regs = [people.register_household(db, SYSTEM, center_id=center.id, members=h, today=TODAY)
            for h in households]
    with db.session() as s:
        beds = list(s.exec(select(Bed).order_by(Bed.code)))
    when = datetime(2022, 1, 10, 18, 0, tzinfo=timezone.utc)
    for bed, pid in zip(beds, [*regs[0].person_ids, *regs[1].person_ids]):
        stays.check_in(db, SYSTEM, person_id=pid, center_id=center.id, bed_id=bed.id,
                       when=when)
    stays.check_out(db, SYSTEM, person_id=regs[1].person_ids[1], reason="housing",
                    destination="Colonia Pueblo Nuevo",
                    when=datetime(2022, 1, 14, 12, 0, tzinfo=timezone.utc))
    people.delete_person(db, SYSTEM, regs[2].person_ids[0], reason="Registro duplicado")
    db.close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode = DELETE")  # self-contained: no -wal file needed
    conn.execute("PRAGMA page_size = 1024")  # one page per table/index: keep the file small
    conn.execute("VACUUM")
    conn.close()


if __name__ == "__main__":
    target = Path(sys.argv[1])
    if target.exists():
        sys.exit(f"{target} exists; the committed v1 file must not be regenerated.")
    build(target)
    print(f"{target}: {target.stat().st_size} bytes")
