"""ID cards print the person's photo (person_photo) instead of the empty "Sin foto" box."""

from __future__ import annotations

import io
from datetime import date

import pypdfium2 as pdfium
from PIL import Image
from pypdf import PdfReader

from albergue_desktop.reports.idcards import CARD_H, PHOTO_H, PHOTO_W, card_origins, idcards_pdf
from albergue_desktop.services import people, photos, stays
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.services.people import MemberInput
from albergue_desktop.storage.tables import PersonPhoto

RED = (220, 30, 30)


def _photo(size=(300, 400)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, RED).save(out, "JPEG", quality=85)
    return out.getvalue()


def _register(db, center_id, given):
    pid = people.register_household(db, SYSTEM, center_id=center_id, members=[MemberInput(
        given_names=given, surnames="Joseph", sex="F", birth_date=date(1990, 5, 1),
        nationality="HT", relationship="head")]).person_ids[0]
    stays.check_in(db, SYSTEM, person_id=pid, center_id=center_id)
    return pid


def _images(pdf) -> list:
    return [image for page in PdfReader(str(pdf)).pages for image in page.images]


def test_a_card_shows_the_photo_when_there_is_one(db, center, tmp_path):
    with_photo = _register(db, center.id, "Marie-Claude")
    without = _register(db, center.id, "Nadège")
    assert _images(idcards_pdf(db, SYSTEM, tmp_path / "none.pdf", center="03")) == []
    photos.set_photo(db, SYSTEM, with_photo, _photo())
    pdf = idcards_pdf(db, SYSTEM, tmp_path / "cards.pdf", person_ids=[with_photo, without])
    (image,) = _images(pdf)
    assert image.image.size == (300, 400)
    text = PdfReader(str(pdf)).pages[0].extract_text()
    assert text.count("Sin foto") == 1  # only the card without a photo keeps the box

    # rendered: the first card's photo box is red, the second card's is not
    page = pdfium.PdfDocument(str(pdf))[0]
    scale = 2
    bitmap = page.render(scale=scale).to_pil().convert("RGB")
    height = bitmap.size[1] / scale
    for (x, y), expect_red in zip(card_origins(612, 792)[:2], (True, False)):
        band = 0.3 * 72
        box_top = y + CARD_H - band - 6
        cx, cy = x + 8 + PHOTO_W / 2, box_top - PHOTO_H / 2
        pixel = bitmap.getpixel((int(cx * scale), int((height - cy) * scale)))
        is_red = pixel[0] > 180 and pixel[1] < 90 and pixel[2] < 90
        assert is_red == expect_red, (pixel, expect_red)


def test_a_damaged_photo_does_not_stop_the_sheet(db, center, tmp_path):
    pid = _register(db, center.id, "Marie-Claude")
    with db.session("x") as s:  # header right, body garbage (e.g. a truncated transfer)
        s.add(PersonPhoto(person_id=pid, image=b"\xff\xd8\xff\xe0" + b"\x00" * 200))
    pdf = idcards_pdf(db, SYSTEM, tmp_path / "cards.pdf", center="03")
    assert "Sin foto" in PdfReader(str(pdf)).pages[0].extract_text()
