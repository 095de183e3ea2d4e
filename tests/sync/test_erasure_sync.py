"""Erasure (docs/erasure.md): a person erased at one center leaves no name, document, phone
or note in any row of any table (audit log and conflict log included) of the center file,
the central file it merges into and another center's file that pulls it; the audit chain
still verifies; a concurrent edit at another center loses to the erasure in both merge
orders, and the de-identified fields (sex, nationality, birth year, arrival, stays) stay."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from albergue_sync import auditchain, merge_files
from albergue_sync import dbapi as sqlite3
from albergue_sync.files import uri
from albergue_sync.engine import Options
from PIL import Image
from sync_helpers import check_in, contents, edit, register

from albergue_desktop.domain.errors import PermissionDenied, ValidationError
from albergue_desktop.services import consultations, erasure, mental_health, photos, screening
from albergue_desktop.services.consultations import ConsultationInput
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.services.screening import ScreeningInput

SECRETS = ("Wilnise", "Dorvilus", "HT998877", "6861234567", "Nota privada", "Tos nocturna",
           "Contención Wilnise", "Wilmène", "Anxieté")


def _photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 40), (9, 99, 199)).save(out, "JPEG")
    return out.getvalue()


def _person_with_everything(db, center_id: str) -> str:
    pid = register(db, center_id, "Wilnise", "Dorvilus", document="HT998877", vaccine=True,
                   phone="6861234567", notes="Nota privada")
    edit(db, pid, emergency_contact_name="Wilmène Dorvilus", notes="Nota privada 2")
    check_in(db, pid, center_id)
    nurse = Actor("enf", "salud", center_id)
    screening.record_screening(db, nurse, person_id=pid,
                               screening=ScreeningInput(temperature_c=37.0, notes="Tos nocturna"))
    consultations.record_consultation(db, nurse, person_id=pid,
                                      consultation=ConsultationInput(reason="Tos nocturna"))
    mental_health.record_note(db, nurse, person_id=pid, kind="first_aid",
                              note="Contención Wilnise")
    photos.set_photo(db, SYSTEM, pid, _photo())
    return pid


def raw_hits(path: Path, needles=SECRETS) -> list[tuple[str, str]]:
    """Every (table, needle) found in any column of any row of any table of the file."""
    conn = sqlite3.connect(uri(path, readonly=True), uri=True)
    try:
        found = []
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for row in conn.execute(f'SELECT * FROM "{table}"'):
                blob = b" ".join(v if isinstance(v, bytes) else str(v).encode()
                                 for v in row)
                for needle in needles:
                    if needle.encode() in blob:
                        found.append((table, needle))
        return sorted(set(found))
    finally:
        conn.close()


def _verify(path: Path) -> auditchain.Verdict:
    conn = sqlite3.connect(uri(path, readonly=True), uri=True)
    try:
        return auditchain.verify(conn)
    finally:
        conn.close()


def _person(path: Path, pid: str) -> dict:
    return contents(path)["person"][pid]


def _rows(path: Path, table: str, pid: str) -> int:
    conn = sqlite3.connect(uri(path, readonly=True), uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table} WHERE person_id = ?",
                            (pid,)).fetchone()[0]
    finally:
        conn.close()


def test_erasure_needs_the_permission_and_a_reason(two_centers):
    (a, a_center), _ = two_centers
    pid = register(a, a_center, "Wilnise", "Dorvilus")
    with pytest.raises(PermissionDenied):
        erasure.erase_person(a, Actor("reg", "registro", a_center), pid, reason="pedido")
    with pytest.raises(PermissionDenied):
        erasure.erase_person(a, Actor("enf", "salud", a_center), pid, reason="pedido")
    with pytest.raises(ValidationError):
        erasure.erase_person(a, Actor("coord", "coordinacion", a_center), pid, reason="  ")
    assert raw_hits(a.path, ("Wilnise",))


def test_erase_merge_pull_leaves_no_trace_anywhere(two_centers, tmp_path):
    (a, a_center), (b, _b_center) = two_centers
    pid = _person_with_everything(a, a_center)
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])  # the central file holds everything first
    merge_files(b.path, [central], Options(direction="pull", with_health=True))
    assert raw_hits(central) and raw_hits(b.path)

    erasure.erase_person(a, Actor("coord", "coordinacion", a_center), pid,
                         reason="Solicitud de cancelación del titular")
    assert raw_hits(a.path) == []
    merge_files(central, [a.path])
    merge_files(b.path, [central], Options(direction="pull", with_health=True))
    for path in (a.path, central, b.path):
        assert raw_hits(path) == [], path
        assert _verify(path).ok, path
        person = _person(path, pid)
        assert person["erased_at"] and person["deleted"] == 1
        assert (person["sex"], person["nationality"], person["birth_date"]) == \
            ("F", "HT", "1990-07-01")
        assert person["given_names"] == "" and person["folio"] is None
        for table in ("screening", "consultation", "mental_health_note", "vaccination",
                      "identity_document", "person_photo"):
            assert _rows(path, table, pid) == 0, (path, table)
        assert _rows(path, "stay", pid) == 1  # kept for the counts, without its notes
    assert _verify(central).redacted > 0
    # a merge that brings nothing writes nothing
    before = central.read_bytes()
    merge_files(central, [a.path])
    assert central.read_bytes() == before


@pytest.mark.parametrize("order", ["erasure first", "edit first"])
def test_a_concurrent_edit_loses_to_the_erasure(two_centers, tmp_path, order):
    (a, a_center), (b, b_center) = two_centers
    pid = _person_with_everything(a, a_center)
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    merge_files(b.path, [central], Options(direction="pull", with_health=True))
    # concurrently: A erases, B edits the name and adds a health note
    erasure.erase_person(a, Actor("coord", "coordinacion", a_center), pid, reason="Pedido")
    edit(b, pid, given_names="Wilnise Marie", phone="6869999999", notes="Anxieté")
    mental_health.record_note(b, Actor("enf", "salud", b_center), person_id=pid,
                              kind="first_aid", note="Anxieté")
    sources = [a.path, b.path] if order == "erasure first" else [b.path, a.path]
    for source in sources:
        merge_files(central, [source])
    merge_files(a.path, [central], Options(direction="pull", with_health=True))
    merge_files(b.path, [central], Options(direction="pull", with_health=True))
    needles = (*SECRETS, "6869999999")
    for path in (a.path, b.path, central):
        assert raw_hits(path, needles) == [], path
        assert _verify(path).ok
        assert _rows(path, "mental_health_note", pid) == 0
    assert _person(central, pid) == _person(a.path, pid) == _person(b.path, pid)


def test_both_merge_orders_give_the_same_erased_row(two_centers, tmp_path):
    (a, a_center), (b, b_center) = two_centers
    pid = _person_with_everything(a, a_center)
    seed = tmp_path / "seed.sqlite"
    merge_files(seed, [a.path])
    merge_files(b.path, [seed], Options(direction="pull", with_health=True))
    erasure.erase_person(a, Actor("coord", "coordinacion", a_center), pid, reason="Pedido")
    edit(b, pid, given_names="Wilnise Marie")
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    merge_files(one, [a.path, b.path])
    merge_files(two, [b.path, a.path])
    assert contents(one)["person"][pid] == contents(two)["person"][pid]
    for path in (one, two):
        assert raw_hits(path) == []
