"""Shared helpers for tests: write valid content files, then break them one field at a time.

A report is written from an ordered mapping of front-matter keys to the YAML text
after `key: `, so a test can replace one value, drop a key or add one, and still
know on which line every key stands (`line_of`). Values that span several lines
start with a newline.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from po_build.check.result import Result
from po_build.check.tree import check_tree
from po_build.model.problems import Problem

TODAY = date(2026, 11, 22)

BRIST_FIELDS: dict[str, str] = {
    "id": "B-2025-001",
    "typ": "brist",
    "rubrik": "Handläggare går inte att nå per telefon",
    "datum": "2025-03-14",
    "nivå": "lokal",
    "kategorier": "[tillganglighet, samordning]",
    "aktörer": "[forsakringskassan, socialtjansten]",
    "allvarlighet": "hög",
    "status": "påtalad",
}

POSITIV_FIELDS: dict[str, str] = {
    "id": "P-2025-001",
    "typ": "positiv",
    "rubrik": "Samordnat möte löste boendet på en vecka",
    "datum": "2025-04-02",
    "kategorier": "[samordning]",
    "aktörer": "[socialtjansten, psykiatrin]",
}

BRIST_BODY = """
## Beskrivning

Klienterna når inte sin handläggare per telefon och får inga svar på meddelanden.

## Orsaker

Telefontiderna har tagits bort och ärendena fördelas utan fast handläggare.

## Konsekvenser

Ansökningar blir liggande och ersättningar betalas ut för sent.

## Förslag till åtgärder

Inför fasta telefontider och en fast handläggare för klientgruppen.
"""

POSITIV_BODY = """
## Händelse

Socialtjänsten och psykiatrin bjöd in till ett gemensamt möte inom en vecka.
"""

FIELDS = {"brist": BRIST_FIELDS, "positiv": POSITIV_FIELDS}
BODIES = {"brist": BRIST_BODY, "positiv": POSITIV_BODY}


def front_matter(fields: Mapping[str, str | None]) -> str:
    """'---', one `key: value` per entry (None: left out), '---'."""
    lines = ["---"]
    for key, value in fields.items():
        if value is None:
            continue
        sep = "" if value.startswith("\n") or value == "" else " "
        lines.append(f"{key}:{sep}{value}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def report_text(
    kind: str = "brist",
    fields: Mapping[str, str | None] | None = None,
    drop: Iterable[str] = (),
    body: str | None = None,
) -> str:
    """A valid report of `kind`, with `fields` replaced or added and `drop` left out."""
    merged: dict[str, str | None] = dict(FIELDS[kind])
    merged.update(fields or {})
    for key in drop:
        merged.pop(key, None)
    return front_matter(merged) + (BODIES[kind] if body is None else body)


def report_path(root: Path, report_id: str, slug: str = "rapport", year: str | None = None) -> Path:
    year = year or (report_id[2:6] if len(report_id) >= 6 else "2025")
    return root / "brister" / year / f"{report_id}-{slug}.md"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))
    return path


def write_report(
    root: Path,
    kind: str = "brist",
    fields: Mapping[str, str | None] | None = None,
    drop: Iterable[str] = (),
    body: str | None = None,
    *,
    name: str | None = None,
    year: str | None = None,
    text: str | bytes | None = None,
) -> Path:
    """Write a report under root/brister/<year>/ and return its path.

    The file name is `<id>-rapport.md` unless `name` is given; `text` replaces
    the whole file (front matter included).
    """
    report_id = (fields or {}).get("id") or FIELDS[kind]["id"]
    report_id = report_id.strip("'\"")
    path = report_path(root, report_id, year=year)
    if name is not None:
        path = path.with_name(name)
    content = report_text(kind, fields, drop, body) if text is None else text
    return write(path, content)


def rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def line_of(
    path_or_text: Path | str, needle: str, occurrence: int = 1, *, exact: bool = False
) -> int:
    """1-based line of the `occurrence`-th line containing (or, `exact`, being) `needle`."""
    text = path_or_text.read_text("utf-8") if isinstance(path_or_text, Path) else path_or_text
    seen = 0
    for i, line in enumerate(text.split("\n"), start=1):
        if line == needle if exact else needle in line:
            seen += 1
            if seen == occurrence:
                return i
    raise AssertionError(f"{needle!r} not found")


def check(root: Path, today: date = TODAY) -> Result:
    """check_tree as the tests use it: fixed day, no identifier scanner, paths relative to root."""
    return check_tree(root, today=today, scanner=None, display_root=root)


def codes(result: Result) -> list[str]:
    return [p.code for p in result.problems]


def error_codes(result: Result) -> list[str]:
    return [p.code for p in result.errors]


def only(result: Result, code: str) -> Problem:
    """The single problem with `code`; fails with every problem listed otherwise."""
    found = [p for p in result.problems if p.code == code]
    assert len(found) == 1, f"expected one {code}, got: " + "\n".join(
        p.format() for p in result.problems
    )
    return found[0]


def assert_problem(
    result: Result,
    code: str,
    path: Path | str,
    line: int,
    root: Path | None = None,
    col: int | None = None,
) -> Problem:
    """Exactly one problem with `code`, in `path`, on `line` (and `col` when given)."""
    p = only(result, code)
    want = rel(path, root) if isinstance(path, Path) and root is not None else str(path)
    assert (p.path, p.line) == (want, line), p.format()
    if col is not None:
        assert p.col == col, p.format()
    return p


def assert_clean(result: Result) -> None:
    assert result.problems == [], "\n".join(p.format() for p in result.problems)


def assert_no_errors(result: Result) -> None:
    assert result.errors == [], "\n".join(p.format() for p in result.errors)


def write_year(
    root: Path,
    year: str = "2025",
    fields: Mapping[str, str | None] | None = None,
    body: str = "\nFörordet.\n\n<!-- po: nyckeltal -->\n",
    chapters: Mapping[str, tuple[str, int, str]] | None = None,
    *,
    index: bool = True,
) -> Path:
    """arsrapport/<year>/ with index.md and chapters {file stem: (rubrik, ordning, body)}."""
    folder = root / "arsrapport" / year
    folder.mkdir(parents=True, exist_ok=True)
    if index:
        merged: dict[str, str | None] = {"år": year, "titel": f"Årsrapport {year}"}
        merged.update(fields or {})
        write(folder / "index.md", front_matter(merged) + body)
    for stem, (rubrik, ordning, text) in (chapters or {}).items():
        write(
            folder / f"{stem}.md",
            front_matter({"rubrik": rubrik, "ordning": str(ordning)}) + text,
        )
    return folder


def pdf_bytes(
    text: str = "Skrivelse till styrgruppen.",
    info: Mapping[str, str] | None = None,
    xmp: str | None = None,
    root_extra: str = "",
    page_extra: str = "",
    jpeg: bytes | None = None,
) -> bytes:
    """A small, valid PDF: one page of text (Helvetica, Latin-1), document information, XMP,
    and a JPEG picture on the page (`jpeg`, its file as it is: a PDF carries it whole).

    `root_extra` and `page_extra` are put into the catalog and the page as they are, for
    actions such as /OpenAction.
    """

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = "BT /F1 12 Tf 72 760 Td 14 TL " + " ".join(f"({esc(line)}) Tj T*" for line in text.split("\n")) + " ET"
    if jpeg:
        ops += " q 100 0 0 100 72 500 cm /Im1 Do Q"
    stream = ops.encode("latin-1")
    objs: list[bytes] = [
        b"",  # the catalog, written last: it refers to what follows
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        f"/Resources << /Font << /F1 5 0 R >> {'/XObject << /Im1 6 0 R >>' if jpeg else ''} >> "
        f"{page_extra}>>".encode(),
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    if jpeg:
        from PIL import Image

        with Image.open(io.BytesIO(jpeg)) as picture:
            width, height = picture.size
        objs.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
                    b"/BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n" % (width, height, len(jpeg))
                    + jpeg + b"\nendstream")
    info_ref = meta_ref = ""
    if info:
        objs.append(("<< " + " ".join(f"/{k} ({esc(v)})" for k, v in info.items()) + " >>").encode("latin-1"))
        info_ref = f"/Info {len(objs)} 0 R"
    if xmp:
        data = xmp.encode()
        objs.append(b"<< /Type /Metadata /Subtype /XML /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        meta_ref = f"/Metadata {len(objs)} 0 R"
    objs[0] = f"<< /Type /Catalog /Pages 2 0 R {meta_ref} {root_extra}>>".encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R {info_ref} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


PDF = pdf_bytes()


def image_bytes(fmt: str = "PNG", size: tuple[int, int] = (4, 4), **save: object) -> bytes:
    """A small picture in `fmt`, saved with Pillow's `save` options (exif=..., pnginfo=...)."""
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, format=fmt, **save)
    return out.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG that claims `width` × `height` pixels in a few bytes: a decompression bomb's header."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00" * 64)) + \
        chunk(b"IEND", b"")


def jpeg_with_gps(owner: str = "Fotografens Namn") -> bytes:
    """A small JPEG whose EXIF names its owner and holds a GPS position."""
    import io

    from PIL import Image

    image = Image.new("RGB", (8, 8), (10, 120, 200))
    exif = Image.Exif()
    exif[0x013B] = owner  # Artist
    exif[0x8825] = {1: "N", 2: (59.0, 19.0, 0.0), 3: "E", 4: (18.0, 4.0, 0.0)}  # GPSInfo
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()
