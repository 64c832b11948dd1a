"""Logo uploads: only PNG, JPEG or WebP, within size and dimension limits, decoded
and re-encoded with Pillow so that nothing but pixels reaches storage.

Every logo the portal publishes goes through here: organisations' (their own
form and the admin) and national coalitions' (their editors' form and the
admin). `process_logo` checks and re-encodes an upload, `LogoFormMixin` does it
in a ModelForm's `logo` field, and `store_logo` saves the result."""

from __future__ import annotations

import io
import secrets
import warnings
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db.models.fields.files import FieldFile
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


def store_logo(*, file: FieldFile, logo: ProcessedLogo, stem: str) -> None:
    """Store a re-encoded logo in a model's image field through the storage API
    (a new name, so caches never serve the old picture), then delete the old file."""
    old = file.name if file else ""
    file.save(
        f"{stem}-{secrets.token_hex(4)}.{logo.extension}", ContentFile(logo.content), save=True
    )
    if old:
        file.storage.delete(old)


class LogoFormMixin:
    """For a ModelForm with a `logo` image field: an upload is checked and
    re-encoded by process_logo() into `processed_logo`, and the model keeps its
    current file until the caller stores that one with store_logo() once the
    object is saved. Clearing the field (the clear checkbox) works as usual."""

    processed_logo: ProcessedLogo | None = None

    def clean_logo(self) -> Any:
        logo = self.cleaned_data.get("logo")  # type: ignore[attr-defined]
        if isinstance(logo, UploadedFile):
            self.processed_logo = process_logo(logo)
            return self.instance.logo  # type: ignore[attr-defined]
        return logo
