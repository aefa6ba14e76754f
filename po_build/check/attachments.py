"""Every file MkDocs would copy to the site as it is (attachments in bilagor/, and anything else
in content/ that is not a page): allowed by type, told by its content, and read for personal data.

The types are contract/filetypes.py's. For each one the content must be that type and the name
must end the way it is served: a JPEG named `.jfif` is a JPEG, a text named `.png` is refused,
and an `.xsd` is refused whatever it holds. Then what the file says is scanned like a report:
an SVG's text and comments, a PDF's pages and its metadata, an image's metadata (and a GPS
position, PO416), a text file's lines. The build then publishes images re-encoded and PDFs
without metadata (outputs/attachments.py), so what the scan let through as an author's name
never reaches the site either.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from po_build.check.markup import scan_xml
from po_build.check.result import TextScanner
from po_build.contract.filetypes import (
    ACTIVE_SUFFIXES,
    IMAGES,
    PDF,
    SVG,
    TEXT,
    TEXT_NAMES,
    FileType,
    advice,
    allowed_summary,
    by_suffix,
    sniff,
)
from po_build.contract.vocabulary import Vocabulary
from po_build.load.attachments import AUTHOR_FIELDS, read_image, read_pdf, svg_root, svg_texts
from po_build.load.sniff import looks_like
from po_build.load.text import BIDI, invisible_message, os_reason, read_text
from po_build.model.problems import ProblemList

MAX_BYTES = 25 * 1024 * 1024
# A plain document has no reason to hold these; a browser that sniffs a text may run them.
_MARKUP_IN_TEXT = re.compile(r"<\s*/?\s*(?:script|html|body|iframe|svg|object|embed|meta|link|style|"
                             r"!doctype|\?xml)\b", re.IGNORECASE)
MAX_SVG_BYTES = 10 * 1024 * 1024


def check_public_file(
    docs_dir: Path, rel: PurePosixPath, vocab: Vocabulary, scanner: TextScanner | None, problems: ProblemList
) -> None:
    """The problems of one file that MkDocs would copy to the site as it is."""
    path = docs_dir / str(rel)
    suffix = rel.suffix.lower()
    if suffix in ACTIVE_SUFFIXES:
        problems.add("PO124", (
            f"filer av typen {suffix} kan köra skript på webbplatsen och får inte ligga i content/ – "
            "spara dokumentet som PDF; egna skript och mallar hör hemma i overrides/"
        ))
        return
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            problems.add("PO126", f"filen är för stor ({size // 1024 // 1024} MiB, högst {MAX_BYTES // 1024 // 1024} "
                                  "MiB) – minska den eller dela upp den")
            return
        data = path.read_bytes()
    except OSError as err:
        problems.add("PO100", f"filen gick inte att läsa ({os_reason(err)})")
        return
    named = TEXT if rel.name in TEXT_NAMES and len(rel.parts) == 1 else by_suffix(suffix)
    content = sniff(data)
    if named is None:
        kind = f"en fil av typen {suffix}" if suffix else "en fil utan ändelse"
        if content is not None:
            problems.add("PO125", f"filen är {content.label} men heter {rel.name} – byt ändelsen till "
                                  f"{content.suffixes[0]}")
        else:
            problems.add("PO125", f"{kind} publiceras inte ({allowed_summary()} gör det) – {advice(suffix)}")
        return
    if content is not None and content is not named:
        problems.add("PO125", f"filen heter {suffix} men är {content.label} – byt ändelsen till {content.suffixes[0]}")
        return
    if content is None and (named is PDF or named in IMAGES):
        problems.add("PO125", f"filen heter {suffix} men är inte {named.label} – öppna den i programmet den "
                              f"kommer från och spara den på nytt som {named.suffixes[0].lstrip('.').upper()}")
        return
    if named is PDF:
        _check_pdf(data, str(rel), vocab, scanner, problems)
    elif named in IMAGES:
        _check_image(data, named, str(rel), vocab, scanner, problems)
    elif named is SVG:
        _check_svg(data, str(rel), vocab, scanner, problems)
    else:
        _check_text(path, data, rel, vocab, scanner, problems)


def _scan(
    scanner: TextScanner | None, text: str, rel: str, vocab: Vocabulary, problems: ProblemList, *,
    prefix: str = "", at: tuple[int, int] | None = None, skip_names: bool = False,
) -> None:
    """The identifier scan of a piece of a file, its findings placed in the file (`at`) or named (`prefix`)."""
    if scanner is None or not text.strip():
        return
    found = ProblemList(problems.path)
    scanner(text, rel, vocab, found, skip_names=skip_names)
    for p in found:
        pos = (1, 1) if at is None else (at[0] + p.line - 1, p.col + (at[1] - 1 if p.line == 1 else 0))
        problems.add(p.code, prefix + p.message, pos)


def _check_pdf(data: bytes, rel: str, vocab: Vocabulary, scanner: TextScanner | None, problems: ProblemList) -> None:
    pdf = read_pdf(data)
    if pdf.error:
        problems.add("PO126", pdf.error)
        return
    if pdf.running:
        problems.add("PO124", f"PDF:en innehåller {', '.join(pdf.running)}, som körs när den öppnas eller "
                              "klickas på – skriv ut den till en ny PDF (Skriv ut → Spara som PDF) utan formulär")
    if pdf.embedded_files:
        problems.add("PO125", "PDF:en bär med sig inbäddade filer, som inte granskas – spara den på nytt utan "
                              "bifogade filer (Skriv ut → Spara som PDF)")
    for number, text in enumerate(pdf.pages, start=1):
        _scan(scanner, text, rel, vocab, problems, prefix=f"på sidan {number}: ")
    for key, value in pdf.metadata.items():
        _scan(scanner, value, rel, vocab, problems, prefix=f"i PDF:ens egenskaper ({key.lstrip('/')}): ",
              skip_names=key in AUTHOR_FIELDS)
    for text in pdf.xmp:
        _scan(scanner, text, rel, vocab, problems, prefix="i PDF:ens XMP-metadata: ", skip_names=True)
    for text in pdf.notes:
        _scan(scanner, text, rel, vocab, problems, prefix="i en kommentar, ett formulärfält eller ett bokmärke: ")


def _check_image(
    data: bytes, kind: FileType, rel: str, vocab: Vocabulary, scanner: TextScanner | None, problems: ProblemList
) -> None:
    image = read_image(data)
    if image.error:
        problems.add("PO126", image.error)
        return
    if image.gps:
        problems.add("PO416", "bilden innehåller platsen där den togs (GPS) – ta bort platsuppgiften innan "
                              "bilden läggs här (i Windows: Egenskaper → Detaljer → Ta bort egenskaper)")
    for name, text in image.texts:
        _scan(scanner, text, rel, vocab, problems, prefix=f"i bildens metadata ({name}): ",
              skip_names=name in AUTHOR_FIELDS or name == "XMP")


def _check_svg(data: bytes, rel: str, vocab: Vocabulary, scanner: TextScanner | None, problems: ProblemList) -> None:
    if len(data) > MAX_SVG_BYTES:
        problems.add("PO126", f"SVG-filen är för stor för att granskas (högst {MAX_SVG_BYTES // 1024 // 1024} MiB) "
                              "– spara bilden som PNG")
        return
    found = scan_xml(data)
    if found is not None:
        problems.add("PO124", f"SVG-filen innehåller {found}, som kan köra skript i webbläsaren – spara bilden "
                              "som PNG, eller exportera den på nytt som ren SVG utan skript och länkar")
        return
    if svg_root(data) != "svg":
        problems.add("PO125", "filen heter .svg men är ingen SVG-bild – spara bilden på nytt som SVG eller PNG")
        return
    for line, col, text in svg_texts(data):
        bidi = BIDI.search(text)
        if bidi:
            problems.add("PO112", invisible_message(bidi.group()), (line, col))
        _scan(scanner, text, rel, vocab, problems, at=(line, col))


def _check_text(
    path: Path, data: bytes, rel: PurePosixPath, vocab: Vocabulary, scanner: TextScanner | None,
    problems: ProblemList,
) -> None:
    if not data.strip():
        return  # an empty robots.txt says nothing
    text = read_text(path, problems)
    if text is None:
        return
    if text.lstrip().startswith("<") or _MARKUP_IN_TEXT.search(text):
        problems.add("PO125", f"textfilen {rel.name} innehåller HTML eller XML, som en webbläsare kan visa som en "
                              "sida – spara den som PDF")
        return
    if rel.suffix.lower() == ".csv":
        formula = _formula(text)
        if formula is not None:
            line, cell = formula
            problems.add("PO124", f"cellen '{cell[:40]}' börjar med {cell[0]!r} och körs som en formel när "
                                  "tabellen öppnas i ett kalkylprogram – skriv en apostrof (') först i cellen, "
                                  "eller ta bort tecknet", (line, 1))
    evidence = looks_like(text)
    if evidence is not None:
        problems.add("PO127", f"filen ser ut som en {evidence.kind} ({evidence.field}) men är sparad som "
                              f"{rel.suffix or 'en fil utan ändelse'} – spara den som .md i "
                              f"{evidence.home}, annars publiceras den som den är")
    _scan(scanner, text, str(rel), vocab, problems, at=(1, 1))


def _formula(text: str) -> tuple[int, str] | None:
    """The first cell a spreadsheet would run as a formula (=, +, @, or - before a non-number)."""
    for number, row in enumerate(text.split("\n"), start=1):
        for cell in re.split(r"[;,\t]", row):
            cell = cell.strip().strip('"').lstrip()
            if cell[:1] in ("=", "+", "@") and not re.fullmatch(r"\+[0-9 ()-]+", cell):
                return number, cell
            if cell[:1] == "-" and not re.fullmatch(r"-[0-9][0-9 .,]*", cell) and cell != "-":
                return number, cell
    return None
