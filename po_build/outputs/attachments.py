"""Files on their way to the public site as they are: only attachments a visible report uses,
images without their metadata, PDFs without theirs.

A photo's EXIF block can carry the GPS position where it was taken, the camera owner's name
and the exact time: exactly what could point to a client. Pillow re-encodes the pixels into a
fresh file that carries none of it. A PDF's document information names its author, and its
XMP packets the program, the person and sometimes the file's path: the PDF is written anew
with pypdf, keeping only its title (the organisation's name for the document, which `po check`
has scanned like any text), and without actions that would run something when it is opened.

What a file is, is told by its content (contract/filetypes.sniff), never by its name: a JPEG
named `.jfif` is cleaned like one named `.jpg`. `po check` has refused everything that is not
an allowed type before the build gets here; a file that still cannot be cleaned stops the build
(UncleanFile) rather than being published as it is, or as nothing.
"""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

from PIL import Image

from po_build.contract.filetypes import IMAGES, PDF, sniff
from po_build.load.attachments import MAX_PIXELS, open_pdf, strict_images

_BODY_REFERENCE = re.compile(r"bilagor/([^)\s\"'<>]+)")

# Keys of a PDF's catalog (its root) and pages that run something or describe the person and
# program behind it. Actions are refused by `po check`; removing them is the second lock.
_ROOT_DROP = ("/OpenAction", "/AA", "/Metadata", "/PieceInfo", "/Perms", "/Threads", "/SpiderInfo", "/URI")
_NAMES_DROP = ("/JavaScript", "/EmbeddedFiles")
_PAGE_DROP = ("/AA", "/Metadata", "/PieceInfo")


class UncleanFile(ValueError):
    """A file that cannot be made safe to publish; the message is Swedish."""


def referenced_in(markdown: str) -> set[str]:
    """Attachment names a body links to or shows, e.g. ![karta](../../bilagor/karta.png)."""
    return {m.group(1) for m in _BODY_REFERENCE.finditer(markdown)}


def public_bytes(path: Path) -> bytes:
    """The bytes to publish: images re-encoded without metadata, PDFs without theirs, the rest
    (SVG and text, which `po check` has read whole) as they are."""
    data = path.read_bytes()
    kind = sniff(data)
    if kind in IMAGES:
        return clean_image(data, path.name)
    if kind is PDF:
        return clean_pdf(data, path.name)
    return data


def clean_image(data: bytes, name: str) -> bytes:
    try:
        with strict_images(), Image.open(io.BytesIO(data)) as image:
            if image.size[0] * image.size[1] > MAX_PIXELS:
                raise UncleanFile(f"bilden {name} är för stor för att publiceras – kör 'po check'")
            image.load()
            # A fresh image from the raw pixels has no info, EXIF, XMP or text chunks.
            clean = Image.frombytes(image.mode, image.size, image.tobytes())
            palette = image.getpalette() if image.mode == "P" else None
            if palette:
                clean.putpalette(palette)
            if "transparency" in image.info and image.mode in ("P", "L", "RGB"):
                clean.info["transparency"] = image.info["transparency"]
            out = io.BytesIO()
            fmt = image.format or "PNG"
            clean.save(out, format=fmt, **({"quality": 90} if fmt == "JPEG" else {}))
            return out.getvalue()
    except UncleanFile:
        raise
    except Exception as err:  # Pillow raises many kinds for a damaged file
        raise UncleanFile(f"bilden {name} går inte att läsa och publiceras inte – kör 'po check'") from err


def clean_pdf(data: bytes, name: str) -> bytes:
    """The PDF written anew: its pages and title, no other metadata, nothing that runs."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, TextStringObject

    try:
        reader = open_pdf(data)
        title = (reader.metadata or {}).get("/Title")
        writer = PdfWriter(clone_from=reader)
        writer.metadata = None
        if isinstance(title, str) and title.strip():
            writer.add_metadata({"/Title": TextStringObject(title)})
        root: Any = writer._root_object
        for key in _ROOT_DROP:
            root.pop(NameObject(key), None)
        names = root.get("/Names")
        if names is not None:
            names = names.get_object()
            for key in _NAMES_DROP:
                names.pop(NameObject(key), None)
        for page in writer.pages:
            for key in _PAGE_DROP:
                page.pop(NameObject(key), None)
        _drop_everywhere(writer, "/Metadata")
        # What nothing refers to any more (the old document information, the XMP packets) would
        # still be written: leave it out.
        try:
            writer.compress_identical_objects(remove_duplicates=False, remove_unreferenced=True)
        except TypeError:  # pypdf 5 and early 6 name them remove_identicals, remove_orphans
            writer.compress_identical_objects(remove_identicals=False, remove_orphans=True)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()
    except Exception as err:  # pypdf raises many kinds for a damaged file
        raise UncleanFile(f"PDF:en {name} går inte att läsa och publiceras inte – kör 'po check'") from err


def _drop_everywhere(writer: Any, key: str) -> None:
    """An XMP packet may hang on any image or font in the file, not only on the catalog; a
    photo pasted into a document keeps its EXIF (and GPS) inside the JPEG stream."""
    from pypdf.generic import ArrayObject, DictionaryObject, NameObject, NumberObject, StreamObject

    for obj in writer._objects:
        if not isinstance(obj, DictionaryObject):
            continue
        obj.pop(NameObject(key), None)
        filters = obj.get("/Filter")
        filters = list(filters) if isinstance(filters, ArrayObject) else [filters]
        if isinstance(obj, StreamObject) and filters == ["/DCTDecode"]:
            # The stream is the JPEG file itself: its segments can go as in a JPEG on its own.
            obj._data = strip_jpeg_metadata(obj._data)
            obj[NameObject("/Length")] = NumberObject(len(obj._data))


# JPEG segments that hold metadata: APP1 (EXIF, XMP) and APP3–APP13, APP15, and comments.
# APP0 (JFIF), APP2 when it is a colour profile, and APP14 (Adobe colour transform) decide how
# the picture looks and stay.
_JPEG_META = frozenset({0xE1, *range(0xE3, 0xEE), 0xEF, 0xFE})


def strip_jpeg_metadata(data: bytes) -> bytes:
    """A JPEG without its metadata segments, the picture itself untouched (no re-encoding)."""
    if not data.startswith(b"\xff\xd8"):
        return data
    out = bytearray(b"\xff\xd8")
    i = 2
    while i + 4 <= len(data) and data[i] == 0xFF:
        marker = data[i + 1]
        if marker == 0xDA:  # start of scan: the picture data follows to the end
            break
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        segment = data[i : i + 2 + length]
        icc = marker == 0xE2 and segment[4:16] == b"ICC_PROFILE\x00"
        if marker not in _JPEG_META and (marker != 0xE2 or icc):
            out += segment
        i += 2 + length
    return bytes(out + data[i:])
