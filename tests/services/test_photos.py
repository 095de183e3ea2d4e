"""A person's photo (services/photos.py, table person_photo of schema v5): set, replace,
remove, refused files with Spanish messages, roles, history, and the sync engine merging it
as personal data (a pull without health data still brings it)."""

from __future__ import annotations

import io
from albergue_sync import dbapi as sqlite3
from datetime import date, timedelta

import pytest
from PIL import Image
from sqlmodel import select

from albergue_desktop.domain.errors import PermissionDenied, ValidationError
from albergue_desktop.services import centers, people, photos, records
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.services.people import MemberInput
from albergue_desktop.storage.db import Database
from albergue_desktop.storage.tables import Meta, PersonPhoto, VaccinationBase
from albergue_desktop.storage.versioning import utcnow
from albergue_sync import Options, merge_files
from albergue_sync.rules import HEALTH_TABLES

REGISTRO = Actor("registro1", "registro")


def jpeg(size=(360, 480), colour=(200, 120, 40), quality=80) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, "JPEG", quality=quality)
    return out.getvalue()


def png(size=(40, 40)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (10, 90, 200)).save(out, "PNG")
    return out.getvalue()


def register(db, center_id, given="Marie-Claude", **extra) -> str:
    return people.register_household(db, SYSTEM, center_id=center_id, members=[MemberInput(
        given_names=given, surnames="Joseph", sex="F", birth_date=date(1990, 5, 1),
        nationality="HT", relationship="head", **extra)]).person_ids[0]


@pytest.fixture
def marie(db, center):
    return register(db, center.id)


def all_photos(db, pid):
    with db.session() as s:
        return list(s.exec(select(PersonPhoto).where(PersonPhoto.person_id == pid)
                           .order_by(PersonPhoto.id)))  # UUIDv7: creation order


def test_set_replace_and_remove_with_history(db, marie):
    assert photos.get_photo(db, REGISTRO, marie) is None
    first = jpeg()
    photos.set_photo(db, REGISTRO, marie, first)
    got = photos.get_photo(db, REGISTRO, marie)
    assert (got.mime, got.created_by) == ("image/jpeg", "registro1")
    assert Image.open(io.BytesIO(got.image)).size == (360, 480)  # re-encoded, same size
    second = png()
    photos.set_photo(db, REGISTRO, marie, second)
    assert photos.get_photo(db, REGISTRO, marie).mime == "image/jpeg"  # stored as JPEG
    rows = all_photos(db, marie)
    assert [(r.deleted, r.delete_reason) for r in rows] == [
        (True, photos.REPLACED), (False, None)]
    assert rows[0].image == got.image  # the bytes of a row never change
    assert photos.remove_photo(db, REGISTRO, marie, reason="Foto de otra persona")
    assert photos.get_photo(db, REGISTRO, marie) is None
    assert not photos.remove_photo(db, REGISTRO, marie)  # nothing left to remove
    history = [(h.action, h.changes.get("delete_reason", [None, None])[1])
               for h in records.person_record(db, REGISTRO, marie).history
               if h.table_name == "person_photo"]
    assert history == [("create", None), ("delete", photos.REPLACED), ("create", None),
                       ("delete", "Foto de otra persona")]
    with db.session() as s:  # the audit never copies the image
        assert "image" not in str(s.connection().exec_driver_sql(
            "SELECT group_concat(changes) FROM audit_event "
            "WHERE table_name = 'person_photo'").scalar())


@pytest.mark.parametrize(("data", "message"), [
    (b"GIF89a" + b"\0" * 100, "El archivo no es una imagen JPEG o PNG."),
    (b"%PDF-1.7 not a photo", "El archivo no es una imagen JPEG o PNG."),
    (b"", "El archivo no es una imagen JPEG o PNG."),
    (b"\xff\xd8\xff\xe0" + b"\0" * (photos.MAX_SOURCE_BYTES + 10),
     "La foto es demasiado grande (15361 KB; máximo 15360 KB)."),
    (b"\xff\xd8\xff\xe0" + b"\0" * 1000, "La imagen está dañada o no se puede leer."),
])
def test_non_images_and_too_large_files_are_refused_in_spanish(db, marie, data, message):
    with pytest.raises(ValidationError) as err:
        photos.set_photo(db, REGISTRO, marie, data)
    assert [(e.field, e.message()) for e in err.value.errors] == [("photo", message)]
    assert all_photos(db, marie) == []


def test_only_roles_that_edit_people_set_photos_and_everyone_who_sees_people_reads(db, marie):
    with pytest.raises(PermissionDenied):
        photos.set_photo(db, Actor("salud1", "salud"), marie, jpeg())
    photos.set_photo(db, Actor("coord", "coordinacion"), marie, jpeg())
    with pytest.raises(PermissionDenied):
        photos.remove_photo(db, Actor("salud1", "salud"), marie)
    assert photos.get_photo(db, Actor("salud1", "salud"), marie) is not None


def test_photos_of_gives_the_latest_live_photo_per_person(db, center, marie):
    other = register(db, center.id, given="Jean")
    photos.set_photo(db, REGISTRO, marie, jpeg(colour=(1, 2, 3)))
    photos.set_photo(db, REGISTRO, other, png())
    older = photos.set_photo(db, REGISTRO, marie, jpeg(colour=(9, 9, 9)),
                             taken_at=utcnow() - timedelta(days=3))
    # a row that came from another center before the sync tombstoned ours: both live
    with db.session("x") as s:
        s.add(PersonPhoto(person_id=marie, image=jpeg(colour=(5, 5, 5)),
                          taken_at=utcnow() - timedelta(days=9)))
    with db.session() as s:
        found = photos.photos_of(s, [marie, other, "nobody"])
    assert set(found) == {marie, other}
    with db.session() as s:
        assert found[marie] == s.get(PersonPhoto, older).image
    assert photos.get_photo(db, REGISTRO, marie).id == older


def _center_file(path, code):
    db = Database.open(path)
    center = centers.create_center(db, SYSTEM, code=code, name=f"Centro {code}")
    with db.session("admin") as s:
        s.merge(Meta(key="center_id", value=center.id))
    return db, center.id


def test_the_sync_engine_merges_photos_as_personal_data(tmp_path):
    assert "person_photo" not in HEALTH_TABLES
    a, a_center = _center_file(tmp_path / "a.sqlite", "01")
    b, _ = _center_file(tmp_path / "b.sqlite", "02")
    pid = register(a, a_center, vaccinations=[VaccinationBase(vaccine="bcg")])
    image = jpeg()
    photos.set_photo(a, SYSTEM, pid, image)
    image = photos.get_photo(a, SYSTEM, pid).image  # as stored (re-encoded)
    a.close()
    b.close()
    central = tmp_path / "central.sqlite"
    [report] = merge_files(central, [tmp_path / "a.sqlite"])
    assert report.tables["person_photo"]["new"] == 1
    [pulled] = merge_files(tmp_path / "b.sqlite", [central],
                           Options(direction="pull", with_health=False))
    assert pulled.tables["person_photo"]["new"] == 1
    assert pulled.tables["vaccination"]["read"] == 0  # health stays home; the photo travels
    b = Database.open(tmp_path / "b.sqlite")
    try:
        assert photos.get_photo(b, SYSTEM, pid).image == image
        photos.remove_photo(b, SYSTEM, pid, reason="Foto borrosa")  # a tombstone travels back
    finally:
        b.close()
    merge_files(central, [tmp_path / "b.sqlite"])
    conn = sqlite3.connect(central)
    try:
        assert conn.execute("SELECT deleted, delete_reason, length(image) FROM person_photo"
                            ).fetchall() == [(1, "Foto borrosa", len(image))]
        assert conn.execute("SELECT count(*) FROM sync_conflict").fetchone() == (0,)
    finally:
        conn.close()


def test_registration_with_photos_is_one_transaction(db, center):
    member = MemberInput(given_names="Jean", surnames="Pierre", sex="M",
                         birth_date=date(1980, 1, 1), nationality="HT", relationship="head")
    child = MemberInput(given_names="Ti-Jean", surnames="Pierre", sex="M",
                        birth_date=date(2015, 1, 1), nationality="HT", relationship="child")
    with pytest.raises(ValidationError) as err:
        photos.register_with_photos(db, REGISTRO, center_id=center.id, members=[member, child],
                                    member_photos=[jpeg(), b"GIF89a"])
    assert [e.field for e in err.value.errors] == ["members.1.photo"]
    with db.session() as s:  # nothing of the household was written
        assert s.connection().exec_driver_sql("SELECT count(*) FROM person").scalar() == 0
    done = photos.register_with_photos(db, REGISTRO, center_id=center.id,
                                       members=[member, child], member_photos=[None, png()])
    assert photos.get_photo(db, REGISTRO, done.person_ids[0]) is None
    assert photos.get_photo(db, REGISTRO, done.person_ids[1]).mime == "image/jpeg"
