"""Small images made in memory for upload tests."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image


def image_bytes(fmt="PNG", size=(120, 80), mode="RGB", **save_args) -> bytes:
    output = io.BytesIO()
    Image.new(mode, size, (0, 68, 148)).save(output, fmt, **save_args)
    return output.getvalue()


def upload(name="logo.png", fmt="PNG", size=(120, 80), content=None, **kwargs):
    data = content if content is not None else image_bytes(fmt, size, **kwargs)
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")
