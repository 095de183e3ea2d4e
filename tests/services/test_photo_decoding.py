"""The photo service decodes and bounds the image itself (Pillow, no Qt): corrupt files,
decompression bombs and oversized files are refused in Spanish before they are decoded;
what is stored is a small JPEG without metadata (services/photos.py)."""

from __future__ import annotations

import io
import struct
import zlib
from datetime import date

import pytest
from PIL import Image

from albergue_desktop.domain.errors import ValidationError
from albergue_desktop.services import people, photos
from albergue_desktop.services.context import Actor
from albergue_desktop.services.people import MemberInput

REGISTRO = Actor("registro1", "registro")


def jpeg(size=(360, 480), **save) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(out, "JPEG", **save)
    return out.getvalue()


def png_header(width, height) -> bytes:
    """A PNG that declares ``width`` × ``height`` in a few hundred bytes."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\0" * 1000)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat)
            + chunk(b"IEND", b""))


def jpeg_declaring(width, height) -> bytes:
    """A real small JPEG whose frame header (SOF0) is patched to declare a huge size."""
    data = bytearray(jpeg((16, 16)))
    sof = data.index(b"\xff\xc0")
    data[sof + 5:sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def errors(data):
    with pytest.raises(ValidationError) as caught:
        photos.prepare_photo(data)
    return [(e.field, e.message()) for e in caught.value.errors]


@pytest.fixture
def marie(db, center):
    return people.register_household(db, REGISTRO, center_id=center.id, members=[MemberInput(
        given_names="Marie", surnames="Joseph", sex="F", birth_date=date(1990, 5, 1),
        nationality="HT", relationship="head")]).person_ids[0]


@pytest.mark.parametrize("bomb", [png_header(50_000, 50_000), jpeg_declaring(65_000, 65_000)],
                         ids=["png", "jpeg"])
def test_a_decompression_bomb_is_refused_from_its_header(bomb, db, marie):
    assert len(bomb) < 2000
    assert errors(bomb) == [("photo", "La imagen declara un tamaño demasiado grande para "
                                      "una foto.")]  # Pillow's guard, turned into Spanish
    with pytest.raises(ValidationError):
        photos.set_photo(db, REGISTRO, marie, bomb)
    assert photos.get_photo(db, REGISTRO, marie) is None


def test_a_bomb_under_pillows_own_limit_is_refused_by_ours():
    # 9,000 × 9,000 = 81 MP: under Pillow's own warning (89 MP) and refusal (179 MP)
    assert errors(png_header(9_000, 9_000)) == [("photo", (
        "La imagen es demasiado grande (9000 × 9000 píxeles; como máximo 40 megapíxeles)."))]


def test_a_very_long_thin_image_is_refused():
    assert errors(png_header(20_000, 10))[0][1] == (
        "La imagen es demasiado grande (20000 × 10 píxeles; como máximo 40 megapíxeles).")


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_truncated_jpeg_is_refused(cut):
    data = jpeg((400, 400), quality=95)
    assert errors(data[:int(len(data) * cut)]) == [
        ("photo", "La imagen está dañada o no se puede leer.")]


def test_a_png_with_a_broken_checksum_is_refused():
    out = io.BytesIO()
    Image.new("RGB", (50, 50), (1, 2, 3)).save(out, "PNG")
    data = bytearray(out.getvalue())
    data[40] ^= 0xFF  # inside the image data
    assert errors(bytes(data)) == [("photo", "La imagen está dañada o no se puede leer.")]


def test_metadata_is_stripped_and_the_photo_is_bounded():
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"   # Make
    exif[0x9286] = "GPS 32.62N 115.45W"  # UserComment: where the person was
    big = io.BytesIO()
    Image.new("RGB", (3000, 4000), (90, 60, 30)).save(big, "JPEG", exif=exif.tobytes(),
                                                      comment=b"secret note")
    data = big.getvalue() + b"trailing payload after the image"
    stored = photos.prepare_photo(data)
    assert len(stored) <= photos.MAX_PHOTO_BYTES
    for hidden in (b"CameraMaker", b"GPS 32.62N", b"secret note", b"trailing payload",
                   b"Exif"):
        assert hidden not in stored
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG" and image.size == (360, 480)
    assert not image.getexif() and "icc_profile" not in image.info


def test_orientation_is_applied_before_the_exif_is_dropped():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    out = io.BytesIO()
    Image.new("RGB", (400, 300), (0, 0, 0)).save(out, "JPEG", exif=exif.tobytes())
    assert Image.open(io.BytesIO(photos.prepare_photo(out.getvalue()))).size == (300, 400)


def test_a_transparent_png_becomes_a_jpeg_on_white():
    out = io.BytesIO()
    Image.new("RGBA", (100, 100), (0, 0, 0, 0)).save(out, "PNG")
    image = Image.open(io.BytesIO(photos.prepare_photo(out.getvalue())))
    assert image.format == "JPEG" and image.getpixel((50, 50))[0] > 240


def test_the_service_stores_only_what_it_prepared(db, marie):
    photos.set_photo(db, REGISTRO, marie, jpeg((2000, 1000), quality=100))
    stored = photos.get_photo(db, REGISTRO, marie)
    assert stored.mime == "image/jpeg"
    assert Image.open(io.BytesIO(stored.image)).size == (480, 240)


def test_pillow_is_imported_only_on_use():
    import subprocess
    import sys
    code = ("import sys, albergue_desktop.services.photos; "
            "assert 'PIL' not in sys.modules and 'PySide6' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
