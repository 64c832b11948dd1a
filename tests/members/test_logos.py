import io

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from members import logos
from members.logos import process_logo
from tests.members.images import image_bytes, upload


@pytest.mark.parametrize(("fmt", "extension"), [("PNG", "png"), ("JPEG", "jpg"), ("WEBP", "webp")])
def test_it_accepts_png_jpeg_and_webp_and_re_encodes_them(fmt, extension):
    original = image_bytes(fmt, (300, 200))

    logo = process_logo(upload(f"logo.{extension}", content=original))

    assert logo.extension == extension
    assert Image.open(io.BytesIO(logo.content)).format == fmt
    assert (logo.width, logo.height) == (300, 200)


def test_it_drops_metadata_and_anything_appended_to_the_file():
    exif = Image.Exif()
    exif[0x010E] = "secret description"
    original = image_bytes("JPEG", (100, 100), exif=exif.tobytes()) + b"<script>alert(1)</script>"

    logo = process_logo(upload("logo.jpg", content=original))

    assert b"secret description" not in logo.content
    assert b"<script>" not in logo.content


def test_it_shrinks_large_logos_to_the_stored_size():
    logo = process_logo(upload(size=(1600, 400)))

    assert (logo.width, logo.height) == (800, 200)


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (lambda: upload("logo.gif", "GIF"), "must be a PNG, JPEG or WebP"),
        (lambda: upload("logo.png", content=b"%PDF-1.4 not an image"), "not an image we can read"),
        (lambda: upload("logo.svg", content=b"<svg onload='alert(1)'/>"), "not an image"),
        (lambda: upload("logo.png", content=image_bytes()[:40]), "not an image we can read"),
        (lambda: upload(size=(4001, 100)), "at most 4000 × 4000 pixels"),
        (lambda: upload(size=(20, 20)), "at least 32 × 32 pixels"),
    ],
)
def test_it_refuses_other_files_with_a_clear_message(file, message):
    with pytest.raises(ValidationError) as refused:
        process_logo(file())

    assert message in refused.value.messages[0]


def test_it_refuses_files_over_the_size_limit(monkeypatch):
    monkeypatch.setattr(logos, "MAX_BYTES", 1000)

    with pytest.raises(ValidationError) as refused:
        process_logo(upload(content=b"x" * 1001))

    assert refused.value.messages == ["The logo file is too large: the limit is 1000\xa0bytes."]
