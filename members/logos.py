"""Logo uploads: only PNG, JPEG or WebP, within size and dimension limits, decoded
and re-encoded with Pillow so that nothing but pixels reaches storage."""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_BYTES = 2 * 1024 * 1024
MAX_SIDE = 4000  # pixels, before re-encoding
MIN_SIDE = 32
STORED_MAX_SIDE = 800  # the stored logo fits in 800 x 800
FORMATS = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp"}


@dataclass(frozen=True)
class ProcessedLogo:
    content: bytes
    extension: str
    width: int
    height: int


def process_logo(upload: UploadedFile) -> ProcessedLogo:
    """Check an uploaded logo and re-encode it; ValidationError with a message for
    the person uploading when it is refused."""
    if upload.size is None or upload.size > MAX_BYTES:
        raise ValidationError(
            _("The logo file is too large: the limit is %(limit)s.")
            % {"limit": filesizeformat(MAX_BYTES)},
            code="too_large",
        )
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            upload.seek(0)
            image = Image.open(upload)
            image_format = image.format
            if image_format not in FORMATS:
                raise ValidationError(
                    _("The logo must be a PNG, JPEG or WebP image."), code="format"
                )
            width, height = image.size
            if width > MAX_SIDE or height > MAX_SIDE:
                raise ValidationError(
                    _("The logo is too big: at most %(max)s × %(max)s pixels.") % {"max": MAX_SIDE},
                    code="dimensions",
                )
            if width < MIN_SIDE or height < MIN_SIDE:
                raise ValidationError(
                    _("The logo is too small: at least %(min)s × %(min)s pixels.")
                    % {"min": MIN_SIDE},
                    code="dimensions",
                )
            image.load()
    except (
        UnidentifiedImageError,
        OSError,
        SyntaxError,
        ValueError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
    ) as exc:
        raise ValidationError(
            _("This file is not an image we can read: upload a PNG, JPEG or WebP image."),
            code="invalid",
        ) from exc
    image.thumbnail((STORED_MAX_SIDE, STORED_MAX_SIDE))
    output = io.BytesIO()
    if image_format == "JPEG":
        image.convert("RGB").save(output, "JPEG", quality=88, optimize=True)
    elif image_format == "WEBP":
        image.save(output, "WEBP", quality=88)
    else:
        if image.mode not in {"RGB", "RGBA", "L", "LA", "P"}:
            image = image.convert("RGBA")
        image.save(output, "PNG", optimize=True)
    # Saving afresh drops metadata (EXIF, comments) and anything appended to the file.
    return ProcessedLogo(
        content=output.getvalue(),
        extension=FORMATS[image_format],
        width=image.width,
        height=image.height,
    )
