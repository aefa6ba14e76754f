"""Reading what an attachment holds: a PDF's text, metadata and actions, an image's size and
metadata, an SVG's text. The rules about them are check/attachments.py's; cleaning them for
the site is outputs/attachments.py's.

Every reader here takes bytes a stranger may have made to crash it: whatever the library
raises becomes an `error` in Swedish, never an exception.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any
from xml.parsers import expat

from PIL import ExifTags, Image, ImageFile

from po_build.load.xmlparser import xml_parser

MAX_PDF_PAGES = 300
MAX_PDF_OBJECTS = 200_000
# A 48-megapixel phone photo fits; a header claiming 30,000 × 30,000 (900 million pixels, a
# "decompression bomb" of a few kilobytes) does not.
MAX_PIXELS = 50_000_000

# Where a document names the person who made it: a staff member, like `intern.rapportör`, so
# these skip only the name check. They are never published (outputs/attachments.py).
AUTHOR_FIELDS = frozenset({"/Author", "/Creator", "/Producer", "/LastModifiedBy", "Artist", "XPAuthor",
                           "Copyright", "author", "Author", "Software"})

# Actions that run something when a PDF is opened or a link is followed.
_PDF_RUNNING = {"/JavaScript": "JavaScript", "/Launch": "en åtgärd som startar ett program",
                "/SubmitForm": "ett formulär som skickar uppgifter", "/ImportData": "en åtgärd som läser in data",
                "/GoToE": "en åtgärd som öppnar en inbäddad fil", "/GoToR": "en länk som öppnar en annan fil",
                "/Rendition": "en mediaåtgärd",
                "/RichMediaExecute": "en mediaåtgärd"}
_PDF_RUNNING_KEYS = {"/JS": "JavaScript", "/JavaScript": "JavaScript", "/XFA": "ett XFA-formulär (som kan köra skript)",
                     "/RichMedia": "inbäddad media"}
_BAD_URI = ("javascript:", "vbscript:", "file:", "data:")
# Text a viewer shows beside the pages: a comment's text (/Contents is a string there, a stream
# on a page), a form field's name, tooltip and value, a bookmark's title, rich text.
_NOTE_KEYS = frozenset({"/Contents", "/T", "/TU", "/V", "/Title", "/Subj", "/RC"})


@contextmanager
def _quiet() -> Iterator[None]:
    """pypdf and Pillow warn about damaged files through logging and warnings: our message says it."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


@contextmanager
def strict_images() -> Iterator[None]:
    """Pillow as it is by default: a truncated image is an error. WeasyPrint, imported for the
    yearly report's PDF, switches that off for the whole process; here it must not be."""
    before = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = before


@dataclass
class PdfContent:
    pages: list[str] = field(default_factory=list)  # the text of each page
    metadata: dict[str, str] = field(default_factory=dict)  # the document information: /Title, /Author ...
    xmp: list[str] = field(default_factory=list)  # text of every XMP packet (the document's and its images')
    notes: list[str] = field(default_factory=list)  # comments, form fields, bookmarks: text beside the pages
    running: list[str] = field(default_factory=list)  # actions that run something, in Swedish
    embedded_files: bool = False
    error: str | None = None  # why it could not be read, in Swedish


def open_pdf(data: bytes) -> Any:
    """A pypdf reader, decrypted when only an owner password (no password to open) is set."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise PermissionError
    return reader


def read_pdf(data: bytes) -> PdfContent:
    out = PdfContent()
    with _quiet():
        try:
            reader = open_pdf(data)
        except PermissionError:
            out.error = "PDF:en är lösenordsskyddad – spara den på nytt utan lösenord"
            return out
        except Exception:  # a hostile or damaged file: whatever pypdf raises, the answer is the same
            out.error = "PDF:en går inte att läsa – den är skadad eller ingen riktig PDF; spara den på nytt som PDF"
            return out
        try:
            count = len(reader.pages)
            if count > MAX_PDF_PAGES:
                out.error = (f"PDF:en har {count} sidor, högst {MAX_PDF_PAGES} granskas – dela upp den "
                             "eller lägg bara de sidor som ska publiceras")
                return out
            _walk(reader, out)
            if out.error:
                return out
            out.pages = [page.extract_text() or "" for page in reader.pages]
            for key, value in (reader.metadata or {}).items():
                text = value if isinstance(value, str) else ""
                if text.strip():
                    out.metadata[str(key)] = text
        except Exception:
            out.error = ("PDF:ens text går inte att läsa, så den kan inte granskas – skriv ut den till en "
                         "ny PDF (Skriv ut → Spara som PDF) och försök igen")
    return out


def _walk(reader: Any, out: PdfContent) -> None:
    """Every object reachable from the trailer: actions that run, embedded files, XMP packets."""
    from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

    seen: set[tuple[int, int]] = set()
    # The document information is read as metadata (read_pdf): not twice.
    stack: list[Any] = [v for k, v in reader.trailer.items() if k != "/Info"]
    while stack:
        obj = stack.pop()
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                continue
            seen.add(key)
            if len(seen) > MAX_PDF_OBJECTS:
                out.error = "PDF:en har för många delar för att granskas – skriv ut den till en ny PDF"
                return
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            if obj.get("/Type") == "/Metadata" and isinstance(obj, StreamObject):
                out.xmp.append(xml_text(obj.get_data()))
            for name, value in obj.items():
                if name in _PDF_RUNNING_KEYS:
                    _note(out.running, _PDF_RUNNING_KEYS[name])
                elif name == "/S" and value in _PDF_RUNNING:
                    _note(out.running, _PDF_RUNNING[value])
                elif name == "/URI" and str(value).strip().lower().replace(" ", "").startswith(_BAD_URI):
                    _note(out.running, f"en länk till {str(value).strip().split(':')[0]}:")
                elif name in ("/EmbeddedFiles", "/EmbeddedFile") or (name == "/Type" and value == "/Filespec"):
                    out.embedded_files = True
                if name in _NOTE_KEYS and isinstance(value, str) and value.strip():
                    out.notes.append(str(value))
                stack.append(value)
        elif isinstance(obj, ArrayObject):
            stack.extend(obj)


def _note(found: list[str], what: str) -> None:
    if what not in found:
        found.append(what)


def xml_text(data: bytes) -> str:
    """The character data of an XML packet (XMP), one chunk per line; markup and all else gone."""
    chunks: list[str] = []
    parser = xml_parser(namespaces=False)
    parser.CharacterDataHandler = chunks.append
    parser.StartElementHandler = lambda _name, attrs: chunks.extend(
        f"\n{v}\n" for k, v in attrs.items() if not k.startswith("xmlns"))
    try:
        parser.Parse(data, True)
    except (expat.ExpatError, ValueError, UnicodeError):
        # Not well-formed: the text between the tags is what a person would read in it.
        return re.sub(r"<[^>]*>", "\n", data.decode("utf-8", "replace"))
    return re.sub(r"\n\s*\n+", "\n", "".join(chunks)).strip()


@dataclass
class ImageContent:
    format: str | None = None  # Pillow's name: PNG, JPEG, GIF, WEBP
    size: tuple[int, int] = (0, 0)
    texts: list[tuple[str, str]] = field(default_factory=list)  # (field, text) from EXIF, PNG text chunks, XMP
    gps: bool = False
    error: str | None = None


_EXIF_TEXT = {270: "ImageDescription", 315: "Artist", 33432: "Copyright", 305: "Software",
              40091: "XPTitle", 40092: "XPComment", 40093: "XPAuthor", 40094: "XPKeywords", 40095: "XPSubject"}
_EXIF_IFD_TEXT = {37510: "UserComment", 42032: "CameraOwnerName", 42033: "BodySerialNumber"}
_NOT_TEXT = frozenset({"dpi", "gamma", "transparency", "icc_profile", "exif", "xmp", "duration", "loop",
                       "background", "version", "progression", "progressive", "jfif", "jfif_version",
                       "jfif_unit", "jfif_density", "adobe", "adobe_transform", "interlace", "aspect",
                       "srgb", "chromaticity", "compression", "photoshop", "mp", "mpoffset", "extension",
                       "lossless", "bbox", "timestamp", "blend", "disposal", "icc"})


def read_image(data: bytes) -> ImageContent:
    """Size and metadata of an image, and whether it decodes at all (without a decompression bomb)."""
    out = ImageContent()
    with _quiet(), strict_images():
        try:
            with Image.open(io.BytesIO(data)) as image:
                out.format, out.size = image.format, image.size
                width, height = image.size
                if width * height > MAX_PIXELS:
                    out.error = (f"bilden är för stor ({width} × {height} bildpunkter, högst "
                                 f"{MAX_PIXELS // 1_000_000} miljoner) – minska den, t.ex. till 4 000 "
                                 "bildpunkter på bredden, och spara den på nytt")
                    return out
                _image_texts(image, out)
                image.load()
        except Image.DecompressionBombError as err:
            # Pillow refuses to open the largest ones at all; its message has the pixel count.
            pixels = re.search(r"\((\d+) pixels\)", str(err))
            count = f"{int(pixels.group(1)):,} bildpunkter".replace(",", " ") if pixels else "för många bildpunkter"
            out.error = (f"bilden är för stor ({count}, högst {MAX_PIXELS // 1_000_000} miljoner) – minska den, "
                         "t.ex. till 4 000 bildpunkter på bredden, och spara den på nytt")
        except Exception:  # Pillow raises many kinds for damaged or hostile files
            out.error = "bilden går inte att läsa – den är skadad eller ingen riktig bild; spara den på nytt"
    return out


def _image_texts(image: Image.Image, out: ImageContent) -> None:
    exif = image.getexif()
    for tag, name in _EXIF_TEXT.items():
        if tag in exif:
            out.texts.append((name, _exif_text(exif[tag])))
    if exif.get_ifd(ExifTags.IFD.GPSInfo) or ExifTags.IFD.GPSInfo in exif:
        out.gps = True
    ifd = exif.get_ifd(ExifTags.IFD.Exif)
    for tag, name in _EXIF_IFD_TEXT.items():
        if tag in ifd:
            out.texts.append((name, _exif_text(ifd[tag])))
    for key, value in image.info.items():
        if key == "xmp" and isinstance(value, (bytes, str)):
            out.texts.append(("XMP", xml_text(value.encode() if isinstance(value, str) else value)))
        elif key == "comment" and isinstance(value, bytes):
            out.texts.append(("kommentar", value.decode("utf-8", "replace")))
        elif isinstance(key, str) and key.lower() not in _NOT_TEXT and isinstance(value, str):
            out.texts.append((key, value))
    out.texts = [(name, text) for name, text in out.texts if text.strip()]


def _exif_text(value: object) -> str:
    if isinstance(value, bytes):
        # XP* tags are UTF-16; UserComment starts with an 8-byte code such as b"ASCII\0\0\0".
        if value[:8] in (b"ASCII\x00\x00\x00", b"UNICODE\x00", b"\x00" * 8):
            body = value[8:]
            return body.decode("utf-16" if value.startswith(b"UNICODE") else "latin-1", "replace").strip("\x00 ")
        return value.decode("utf-16-le", "replace").strip("\x00 ")
    if isinstance(value, tuple):
        return bytes(int(v) & 0xFF for v in value).decode("utf-16-le", "replace").strip("\x00 ")
    return str(value).strip("\x00 ")


# Attributes that hold geometry, never text: their digits are no phone numbers.
_GEOMETRY = frozenset({"d", "points", "transform", "viewbox", "values", "keytimes", "keysplines", "path",
                       "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "width", "height",
                       "dx", "dy", "rotate", "offset", "stroke-dasharray", "gradienttransform",
                       "patterntransform", "kernelmatrix", "tablevalues", "stddeviation", "style", "id",
                       "class", "version", "xmlns", "fill", "stroke", "font-size", "stroke-width"})


# Elements inside a line of text: `<text>850312<tspan>-1231</tspan></text>` shows one number.
_INLINE = frozenset({"tspan", "textpath", "tref", "a", "altglyph"})


def svg_texts(data: bytes) -> list[tuple[int, int, str]]:
    """The text of an SVG, where it stands (line, column): character data and textual attributes.

    Entities are resolved by the parser, so `&#56;50312` is read as the 850312 a browser shows.
    """
    found: list[tuple[int, int, str]] = []
    parser = xml_parser()
    pending: list[str] = []
    start: list[tuple[int, int]] = []

    def flush() -> None:
        if pending:
            text = "".join(pending)
            if text.strip():
                found.append((start[0][0], start[0][1], text))
            pending.clear()
            start.clear()

    def characters(text: str) -> None:
        if not start:
            start.append((parser.CurrentLineNumber, parser.CurrentColumnNumber + 1))
        pending.append(text)

    def element(name: str, attrs: dict[str, str]) -> None:
        if name.rpartition(" ")[2].lower() not in _INLINE:
            flush()
        where = (parser.CurrentLineNumber, parser.CurrentColumnNumber + 1)
        for attr, value in attrs.items():
            local = attr.rpartition(" ")[2].lower()
            if local not in _GEOMETRY and value.strip():
                found.append((*where, value))

    def comment(text: str) -> None:
        # Not shown, but served with the file: as public as the text.
        flush()
        found.append((parser.CurrentLineNumber, parser.CurrentColumnNumber + 1, text))

    def end(name: str) -> None:
        if name.rpartition(" ")[2].lower() not in _INLINE:
            flush()

    parser.CharacterDataHandler = characters
    parser.StartElementHandler = element
    parser.EndElementHandler = end
    parser.CommentHandler = comment
    with suppress(expat.ExpatError, ValueError, UnicodeError):  # the script scan has refused it already
        parser.Parse(data, True)
    flush()
    return found


def svg_root(data: bytes) -> str | None:
    """The local name of the root element, or None when it is not XML."""
    parser = xml_parser()
    names: list[str] = []

    class _Done(Exception):
        pass

    def element(name: str, _attrs: dict[str, str]) -> None:
        names.append(name.rpartition(" ")[2])
        raise _Done

    parser.StartElementHandler = element
    try:
        parser.Parse(data, True)
    except _Done:
        pass
    except (expat.ExpatError, ValueError, UnicodeError):
        return None
    return names[0] if names else None
