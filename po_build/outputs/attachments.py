"""Attachments on their way to the public site: only files a visible report uses,
and images without their metadata.

A photo's EXIF block can carry the GPS position where it was taken, the camera
owner's name and the exact time: exactly what could point to a client. Pillow
re-encodes the pixels into a fresh file that carries none of it.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image, UnidentifiedImageError

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff"}
_BODY_REFERENCE = re.compile(r"bilagor/([^)\s\"'<>]+)")


def referenced_in(markdown: str) -> set[str]:
    """Attachment names a body links to or shows, e.g. ![karta](../../bilagor/karta.png)."""
    return {m.group(1) for m in _BODY_REFERENCE.finditer(markdown)}


def public_bytes(path: Path) -> bytes:
    """The bytes to publish: images re-encoded without metadata, other files as they are."""
    data = path.read_bytes()
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        return data
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            # A fresh image from the raw pixels has no info, EXIF, XMP or text chunks.
            clean = Image.frombytes(image.mode, image.size, image.tobytes())
            palette = image.getpalette() if image.mode == "P" else None
            if palette:
                clean.putpalette(palette)
            out = io.BytesIO()
            fmt = image.format or "PNG"
            clean.save(out, format=fmt, **({"quality": 90} if fmt == "JPEG" else {}))
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError):
        # Not a readable image despite its name: refuse to publish rather than leak.
        return b""
