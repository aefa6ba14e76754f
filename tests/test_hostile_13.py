"""Issue 13: nothing unchecked reaches the public site.

Each case of the red-team pass is a real content tree. Where the issue says the site is built,
it is built with MkDocs (in this process; a subprocess where a traceback is what to look for),
and then the whole output is searched: for the canary a draft or an attachment carried (no
leak), for a Python traceback, and for the build's accounting line (no report silently
missing). Every case failed on the code before the fix (see the report of issue 13).
"""

from __future__ import annotations

import gzip
import io
import logging
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError
from PIL import Image, PngImagePlugin

from po_build.check.privacy.files import scan_file_text
from po_build.check.result import Result
from po_build.check.tree import check_tree
from po_build.cli.main import main
from tests.helpers import (
    BRIST_BODY,
    PDF,
    TODAY,
    image_bytes,
    jpeg_with_gps,
    pdf_bytes,
    png_header,
    report_text,
    write,
)

CANARY = "KANARIE13"
PUBLISHED = {"publicera": "true", "publicerad": "2025-05-01"}
# Valid personnummer (right check digit) and a name from the name lists.
PNR = "850312-1231"
NAME = "Anna Lindqvist"


def site(root: Path, **po: object) -> Path:
    """A small site: mkdocs.yml, a start page and one published report. Returns content/."""
    config = {
        "site_name": "Test",
        "site_url": "https://test.example/",
        "docs_dir": "content",
        "theme": {"name": "material", "language": "sv"},
        "plugins": {"search": {"lang": "sv"}, "po": {
            "idag": TODAY.isoformat(), "pdf": False,
            "tillganglighet": {"bedomning": "helt", "epost": "a@example.org", "senast_granskad": "2026-11-01"},
            **po,
        }},
    }
    write(root / "mkdocs.yml", yaml.safe_dump(config, allow_unicode=True))
    content = root / "content"
    write(content / "index.md", "# Start\n\nVälkommen.\n")
    write(content / "brister" / "2025" / "B-2025-001-bas.md", report_text(fields=PUBLISHED))
    return content


def draft(report_id: str = "B-2025-002", **fields: str) -> str:
    """A draft report (publicera: false) whose text carries the canary."""
    body = BRIST_BODY.replace("Klienterna når inte", f"{CANARY} Klienterna når inte")
    return report_text(fields={"id": report_id, "publicera": "false", **fields}, body=body)


@dataclass
class Built:
    ok: bool
    log: str
    site: Path

    def text(self) -> str:
        """Every output file as text, gzip unpacked: a leak in any format shows here."""
        parts = []
        for path in sorted(self.site.rglob("*")) if self.site.is_dir() else []:
            if path.is_file():
                data = path.read_bytes()
                parts.append((gzip.decompress(data) if path.suffix == ".gz" else data).decode("utf-8", "replace"))
        return "\n".join(parts)

    def accounting(self) -> str:
        lines = [line for line in self.log.splitlines() if re.search(r"po: \d+ filer:", line)]
        assert len(lines) == 1, self.log[-3000:]
        return lines[0]


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


def run_build(root: Path) -> Built:
    """`mkdocs build` of root/mkdocs.yml in this process: stopped (ok False) or built."""
    logger = logging.getLogger("mkdocs")
    handler, level = _Collect(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site")))
        ok = True
    except (PluginError, Abort) as err:  # what MkDocs shows as a message, never a traceback
        handler.lines.append(str(err))
        ok = False
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
    return Built(ok, "\n".join(handler.lines), root / "site")


def mkdocs_subprocess(root: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build`, as an ombud or CI runs it."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")],
        capture_output=True, text=True, timeout=300, cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PO_PDF": "0", **env},
    )


def checked(content: Path, scanner: bool = True) -> Result:
    return check_tree(content, today=TODAY, scanner=scan_file_text if scanner else None,
                      display_root=content, site=True)


def codes_at(result: Result) -> dict[str, set[str]]:
    """path → codes of the errors there."""
    out: dict[str, set[str]] = {}
    for p in result.errors:
        out.setdefault(p.path, set()).add(p.code)
    return out


def assert_refused(root: Path, path: str, code: str) -> Built:
    """`po check` gives `code` for `path`; the build stops with it; nothing of the canary is out."""
    result = checked(root / "content")
    assert code in codes_at(result).get(path, set()), "\n".join(p.format() for p in result.problems)
    built = run_build(root)
    assert not built.ok, built.log[-2000:]
    assert code in built.log
    assert CANARY not in built.text()
    return built


@pytest.fixture(autouse=True)
def _quiet(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    yield


# --- a draft outside content/brister/ ----------------------------------------------------------


@pytest.mark.parametrize("folder", ["Brister", "BRISTER", "Brister ", "BRİSTER"])
def test_a_report_folder_spelt_otherwise_is_refused(tmp_path: Path, folder: str) -> None:
    content = site(tmp_path)
    rel = f"{folder}/2025/B-2025-002-utkast.md"
    write(content / rel, draft())
    assert_refused(tmp_path, rel, "PO128")


@pytest.mark.parametrize("folder", ["Arsrapport", "årsrapport", "Årsrapport", "Bilagor"])
def test_other_layout_folders_spelt_otherwise_are_refused(tmp_path: Path, folder: str) -> None:
    content = site(tmp_path)
    rel = f"{folder}/2025/index.md"
    write(content / rel, f"---\når: 2025\ntitel: Årsrapport\npublicera: false\n---\n\n{CANARY}\n")
    assert_refused(tmp_path, rel, "PO128")


def test_a_draft_attachment_in_a_misspelt_bilagor_folder_is_refused(tmp_path: Path) -> None:
    content = site(tmp_path)
    write(content / "Bilagor" / "brev.txt", f"Utkast till brev {CANARY}.\n")
    assert_refused(tmp_path, "Bilagor/brev.txt", "PO128")


@pytest.mark.parametrize(
    "rel",
    ["B-2025-002-utkast.md", "om/B-2025-002-utkast.md", "om/brister/2025/B-2025-002-utkast.md",
     "utkast.markdown", "bilagor/B-2025-002-utkast.md"],
)
def test_a_report_outside_the_report_folder_is_refused(tmp_path: Path, rel: str) -> None:
    content = site(tmp_path)
    write(content / rel, draft())
    built = assert_refused(tmp_path, rel, "PO127")
    assert "content/brister/2025/" in built.log  # where to move it


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # Fields broken as YAML: MkDocs then shows them as the page's text.
        ("trasig.md", f"---\nid: B-2025-002\nrubrik: [Utkast\npublicera: false\n---\n\n{CANARY}\n"),
        # No --- lines: MkDocs reads `key: value` lines up to the first empty line as metadata.
        ("utan-streck.md", f"typ: brist\nrubrik: Utkast om telefontider\n\n{CANARY}\n"),
        ("flödesform.md", f"---\n{{id: P-2025-004, rubrik: Utkast}}\n---\n\n{CANARY}\n"),
        ("bara-publicera.md", f"---\ntitle: Om\npublicera: false\n---\n\n{CANARY}\n"),
        ("årsrapport.md", f"---\når: 2025\ntitel: Årsrapport 2025\npublicera: false\n---\n\n{CANARY}\n"),
    ],
)
def test_what_looks_like_a_report_is_one_however_its_fields_are_written(tmp_path: Path, name: str,
                                                                        text: str) -> None:
    content = site(tmp_path)
    write(content / name, text)
    assert_refused(tmp_path, name, "PO127")


def test_own_pages_stay_own_pages_and_are_scanned(tmp_path: Path) -> None:
    content = site(tmp_path)
    write(content / "om.md", "---\ntitle: Om oss\nstatus: new\n---\n\n# Om oss\n\nVi är personliga ombud.\n")
    write(content / "kontakt.md", f"# Kontakt\n\nRing {NAME} på 070-123 45 67.\n")
    result = checked(content)
    assert codes_at(result) == {"kontakt.md": {"PO403", "PO407"}}
    assert "om.md" in result.content.other_pages


def test_a_report_among_the_chapters_of_a_yearly_report_is_refused(tmp_path: Path) -> None:
    content = site(tmp_path)
    write(content / "arsrapport" / "2025" / "index.md", "---\når: 2025\ntitel: Årsrapport 2025\n---\n\nFörord.\n")
    write(content / "arsrapport" / "2025" / "B-2025-002-utkast.md", draft())
    assert_refused(tmp_path, "arsrapport/2025/B-2025-002-utkast.md", "PO127")


@pytest.mark.parametrize("name", ["B-2025-002-utkast.markdown", "B-2025-002-utkast.mdown", "B-2025-002-utkast.mkd",
                                  "B-2025-002-utkast.md.txt"])
def test_a_report_saved_with_another_suffix_is_refused_not_dropped(tmp_path: Path, name: str) -> None:
    content = site(tmp_path)
    rel = f"brister/2025/{name}"
    write(content / rel, draft())
    built = assert_refused(tmp_path, rel, "PO127")
    assert ".md" in built.log


def test_the_check_of_the_site_reads_it_as_the_build_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """Without brister/ a folder used to be read as loose report files: the draft at the root passed."""
    site(tmp_path)
    (tmp_path / "content" / "brister" / "2025" / "B-2025-001-bas.md").unlink()
    (tmp_path / "content" / "brister" / "2025").rmdir()
    (tmp_path / "content" / "brister").rmdir()
    write(tmp_path / "content" / "B-2025-002-utkast.md", draft())
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 1
    assert "PO127" in capsys.readouterr().out
    assert main(["check", "content/B-2025-002-utkast.md"]) == 1
    assert "PO127" in capsys.readouterr().out
    built = run_build(tmp_path)
    assert not built.ok and "PO127" in built.log and CANARY not in built.text()


# --- invisible characters --------------------------------------------------------------------

INVISIBLE = ["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u180e", "\u034f"]


@pytest.mark.parametrize("char", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
@pytest.mark.parametrize(("text", "code"), [(PNR, "PO401"), ("070-123 45 67", "PO403")])
def test_invisible_characters_inside_an_identifier_do_not_hide_it(tmp_path: Path, char: str, text: str,
                                                                  code: str) -> None:
    content = site(tmp_path)
    hidden = text[:3] + char + text[3:6] + char + text[6:]
    body = BRIST_BODY.replace("Klienterna når inte", f"Klienten {hidden} når inte")
    path = write(content / "brister" / "2025" / "B-2025-002-x.md",
                 report_text(fields={"id": "B-2025-002", **PUBLISHED}, body=body))
    result = checked(content)
    found = [p for p in result.errors if p.code == code]
    assert len(found) == 1, "\n".join(p.format() for p in result.problems)
    # The message points at the number in the file, and says what hid it.
    line = path.read_text("utf-8").split("\n").index(next(
        x for x in path.read_text("utf-8").split("\n") if hidden in x)) + 1
    assert (found[0].line, found[0].col) == (line, len("Klienten ") + 1)
    assert f"U+{ord(char):04X}" in found[0].message
    built = run_build(tmp_path)
    assert not built.ok and text[:6] not in built.text()


@pytest.mark.parametrize(
    "hidden",
    [f"{PNR[:6]}&#45;{PNR[7:]}", f"&#56;{PNR[1:]}", f"{PNR[:6]}&shy;-{PNR[7:]}", f"{PNR[:6]}\\-{PNR[7:]}",
     f"{PNR[:4]}*{PNR[4:6]}*-{PNR[7:]}", f"{PNR[:4]}`{PNR[4:6]}`-{PNR[7:]}"],
    ids=["entity", "numeric-entity", "shy-entity", "backslash", "emphasis", "code"],
)
def test_markup_that_hides_itself_does_not_hide_an_identifier(tmp_path: Path, hidden: str) -> None:
    """The scan reads what Markdown shows: `&#45;` is a hyphen, `8503*12*` is 850312."""
    content = site(tmp_path)
    body = BRIST_BODY.replace("Klienterna når inte", f"Nr {hidden} når inte")
    write(content / "brister" / "2025" / "B-2025-002-x.md",
          report_text(fields={"id": "B-2025-002", **PUBLISHED}, body=body))
    assert "PO401" in {p.code for p in checked(content).errors}


@pytest.mark.parametrize("hidden", [f"{PNR[:6]}<span></span>-{PNR[7:]}", f"{PNR[:6]}<!-- x -->-{PNR[7:]}"])
def test_html_inside_an_identifier_in_an_own_page_does_not_hide_it(tmp_path: Path, hidden: str) -> None:
    content = site(tmp_path)
    write(content / "om.md", f"# Om\n\nNummer {hidden}.\n")
    assert "PO401" in codes_at(checked(content)).get("om.md", set())


def test_full_width_digits_are_read_as_digits(tmp_path: Path) -> None:
    content = site(tmp_path)
    wide = PNR.translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
    write(content / "brister" / "2025" / "B-2025-002-x.md", report_text(
        fields={"id": "B-2025-002"}, body=BRIST_BODY.replace("Klienterna når inte", f"Klienten {wide} når inte")))
    assert "PO401" in {p.code for p in checked(content).errors}


BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]


@pytest.mark.parametrize("char", BIDI, ids=[f"U+{ord(c):04X}" for c in BIDI])
def test_bidi_controls_are_refused_in_a_headline(tmp_path: Path, char: str) -> None:
    content = site(tmp_path)
    rubrik = f"Handläggare {char}når inte{CANARY} klienterna"
    write(content / "brister" / "2025" / "B-2025-002-x.md",
          report_text(fields={"id": "B-2025-002", "rubrik": rubrik, **PUBLISHED}))
    built = assert_refused(tmp_path, "brister/2025/B-2025-002-x.md", "PO112")
    assert "baklänges" in built.log


@pytest.mark.parametrize("where", ["body", "quoted-escape", "vocabulary", "page", "svg", "text"])
def test_bidi_controls_are_refused_in_any_text(tmp_path: Path, where: str) -> None:
    content = site(tmp_path)
    rlo = "\u202e"
    rel = {"body": "brister/2025/B-2025-002-x.md", "quoted-escape": "brister/2025/B-2025-002-x.md",
           "vocabulary": "vokabular.yml", "page": "om.md", "svg": "bilagor/karta.svg",
           "text": "bilagor/brev.txt"}[where]
    if where == "body":
        write(content / rel, report_text(fields={"id": "B-2025-002"}, body=BRIST_BODY.replace("per telefon", rlo)))
    elif where == "quoted-escape":
        write(content / rel, report_text(fields={"id": "B-2025-002", "tema": '"Tema \\u202e baklänges"'}))
    elif where == "vocabulary":
        write(content / rel, f"aktörer:\n  egen: Egen {rlo}aktör\n")
    elif where == "page":
        write(content / rel, f"# Om {rlo}oss\n")
    elif where == "svg":
        write(content / rel, f'<svg xmlns="http://www.w3.org/2000/svg"><text>Karta {rlo}x</text></svg>')
    else:
        write(content / rel, f"Brev {rlo}x\n")
    assert "PO112" in codes_at(checked(content)).get(rel, set())


# --- attachments: allowed by content ------------------------------------------------------------

XHTML_SCRIPT = (f'<?xml version="1.0"?><schema xmlns:h="http://www.w3.org/1999/xhtml">'
                f'<h:script>alert("{CANARY}")</h:script></schema>')


def with_attachment(content: Path, name: str) -> None:
    """The published report lists bilagor/<name>: used, so the build would publish it."""
    write(content / "brister" / "2025" / "B-2025-001-bas.md",
          report_text(fields={**PUBLISHED, "bilagor": f"[{name}]"}))


@pytest.mark.parametrize("suffix", [".xsd", ".xsl", ".rdf", ".kml", ".xhtml", ".xml", ".gpx", ".atom"])
@pytest.mark.parametrize("folder", ["bilagor/", ""])
def test_xml_types_with_script_are_refused(tmp_path: Path, suffix: str, folder: str) -> None:
    content = site(tmp_path)
    write(content / f"{folder}schema{suffix}", XHTML_SCRIPT)
    if folder:
        with_attachment(content, f"schema{suffix}")
    assert_refused(tmp_path, f"{folder}schema{suffix}", "PO124")


@pytest.mark.parametrize(
    ("name", "data", "hint"),
    [
        ("skrivelse.docx", b"PK\x03\x04" + b"\x00" * 40, "spara dokumentet som PDF"),
        ("tabell.xlsx", b"PK\x03\x04" + b"\x00" * 40, "CSV"),
        ("arkiv.zip", b"PK\x03\x04" + b"\x00" * 40, "packa upp"),
        ("stil.css", f"body {{ content: '{CANARY}' }}".encode(), "overrides/"),
        ("brev.pdf", f"<html><script>alert('{CANARY}')</script></html>".encode(), "inte en PDF"),
        ("bild.png", f"inte en bild {CANARY}".encode(), "inte en PNG-bild"),
        ("bild.jpg", image_bytes("PNG"), "är en PNG-bild"),
        ("brev.txt", PDF, "är en PDF"),
        ("sida.txt", f"<html><body>{CANARY}</body></html>".encode(), "HTML"),
        ("anteckning.txt", f"Anteckning\n<script>alert('{CANARY}')</script>\n".encode(), "HTML"),
        ("utan-andelse", f"{CANARY}".encode(), "utan ändelse"),
        ("bild.heic", b"\x00\x00\x00\x18ftypheic", "PNG eller JPG"),
    ],
)
@pytest.mark.parametrize("folder", ["bilagor/", "filer/"])
def test_everything_but_the_allowed_types_is_refused(tmp_path: Path, name: str, data: bytes, hint: str,
                                                     folder: str) -> None:
    content = site(tmp_path)
    write(content / f"{folder}{name}", data)
    if folder == "bilagor/":
        with_attachment(content, name)
    built = assert_refused(tmp_path, f"{folder}{name}", "PO125")
    assert hint in built.log


def test_a_non_image_named_png_is_refused_not_published_empty(tmp_path: Path) -> None:
    content = site(tmp_path)
    write(content / "bilagor" / "karta.png", b"GIF89a but not really")
    with_attachment(content, "karta.png")
    result = checked(content)
    assert codes_at(result) == {"bilagor/karta.png": {"PO125"}}
    built = run_build(tmp_path)
    assert not built.ok
    assert not (built.site / "bilagor" / "karta.png").exists()


def test_allowed_types_pass_and_every_file_is_accounted_for(tmp_path: Path) -> None:
    content = site(tmp_path)
    files = {
        "bilagor/brev.pdf": PDF, "bilagor/karta.png": image_bytes("PNG"), "bilagor/foto.jfif": image_bytes("JPEG"),
        "bilagor/foto.jpe": image_bytes("JPEG"), "bilagor/rorlig.gif": image_bytes("GIF"),
        "bilagor/bild.webp": image_bytes("WEBP"), "bilagor/tabell.csv": b"kommun;antal\nNorrby;4\n",
        "bilagor/karta.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><title>Karta</title><circle r="4"/></svg>',
        "robots.txt": b"User-agent: *\n", "CNAME": b"po.example.se\n", "bilder/logga.png": image_bytes("PNG"),
    }
    for rel, data in files.items():
        write(content / rel, data)
    write(content / "brister" / "2025" / "B-2025-001-bas.md", report_text(fields={
        **PUBLISHED, "bilagor": "[brev.pdf, karta.png, foto.jfif, foto.jpe, rorlig.gif, bild.webp, tabell.csv, "
                                "karta.svg]"}))
    result = checked(content)
    assert result.errors == [], "\n".join(p.format() for p in result.errors)
    built = run_build(tmp_path)
    assert built.ok, built.log[-3000:]
    line = built.accounting()
    total = sum(1 for p in content.rglob("*") if p.is_file())
    assert line.startswith(f"po: {total} filer:") and "8 bilagor (8 publiceras)" in line and "3 övriga filer" in line
    for rel in files:
        assert (built.site / rel).is_file(), rel


# --- personal data inside attachments ---------------------------------------------------------


def test_an_svg_s_text_is_scanned(tmp_path: Path) -> None:
    content = site(tmp_path)
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg">\n<title>Karta</title>\n'
           f'<text x="1" y="2">Klienten {NAME}</text>\n<text>pnr &#56;50312-1231</text>\n'
           f'<!-- {PNR} -->\n<g aria-label="{PNR}"/></svg>')
    write(content / "bilagor" / "karta.svg", svg)
    with_attachment(content, "karta.svg")
    result = checked(content)
    found = sorted((p.line, p.code) for p in result.errors)
    assert found == [(3, "PO407"), (4, "PO401"), (5, "PO401"), (6, "PO401")], "\n".join(
        p.format() for p in result.problems)
    built = run_build(tmp_path)
    assert not built.ok and "PO401" in built.log and PNR not in built.text()


def test_a_pdf_s_page_text_is_scanned(tmp_path: Path) -> None:
    content = site(tmp_path)
    write(content / "bilagor" / "brev.pdf", pdf_bytes(f"Skrivelse\nKlienten {PNR} fick avslag."))
    with_attachment(content, "brev.pdf")
    result = checked(content)
    found = [p for p in result.errors if p.code == "PO401"]
    assert len(found) == 1 and "på sidan 1" in found[0].message
    built = run_build(tmp_path)
    assert not built.ok and "PO401" in built.log


def test_an_svg_number_split_over_tspans_is_read_as_one(tmp_path: Path) -> None:
    content = site(tmp_path)
    write(content / "bilagor" / "karta.svg", f'<svg xmlns="http://www.w3.org/2000/svg"><text>{PNR[:6]}'
                                             f'<tspan fill="red">{PNR[6:]}</tspan></text></svg>')
    assert "PO401" in codes_at(checked(content)).get("bilagor/karta.svg", set())


def test_a_pdf_s_comments_and_form_fields_are_scanned(tmp_path: Path) -> None:
    content = site(tmp_path)
    note = f"/Annots [<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] /Contents (Ring {NAME}) >>]"
    write(content / "bilagor" / "brev.pdf", pdf_bytes("Skrivelse.", page_extra=note))
    found = [p for p in checked(content).errors if p.code == "PO407"]
    assert len(found) == 1 and "kommentar" in found[0].message


def test_a_pdf_s_metadata_is_scanned(tmp_path: Path) -> None:
    content = site(tmp_path)
    write(content / "bilagor" / "brev.pdf", pdf_bytes("Skrivelse.", info={"Author": f"Ombudet {PNR}",
                                                                          "Subject": f"Om {NAME}"}))
    with_attachment(content, "brev.pdf")
    result = checked(content)
    messages = {(p.code, p.message.split(":")[0]) for p in result.errors}
    assert messages == {("PO401", "i PDF"), ("PO407", "i PDF")}, messages


def test_a_pdf_is_published_without_metadata_that_is_not_the_organisation_s(tmp_path: Path) -> None:
    from pypdf import PdfReader

    content = site(tmp_path)
    xmp = (f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
           f'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Ombud {CANARY}</dc:creator>'
           f'</rdf:Description></rdf:RDF></x:xmpmeta>')
    # The author is a staff member (like intern.rapportör): not refused, but never published.
    write(content / "bilagor" / "brev.pdf", pdf_bytes("Skrivelse om telefontider.", xmp=xmp, info={
        "Title": "Skrivelse till Försäkringskassan", "Author": f"Kerstin {CANARY}", "Creator": f"C:/Users/{CANARY}"}))
    with_attachment(content, "brev.pdf")
    built = run_build(tmp_path)
    assert built.ok, built.log[-3000:]
    published = (built.site / "bilagor" / "brev.pdf").read_bytes()
    assert CANARY.encode() not in published and CANARY not in built.text()
    reader = PdfReader(io.BytesIO(published))
    assert reader.metadata == {"/Title": "Skrivelse till Försäkringskassan"}
    assert "telefontider" in reader.pages[0].extract_text()


def test_a_photo_pasted_into_a_pdf_is_published_without_its_exif(tmp_path: Path) -> None:
    from pypdf import PdfReader

    content = site(tmp_path)
    write(content / "bilagor" / "brev.pdf", pdf_bytes("Skrivelse.", jpeg=jpeg_with_gps(f"Fotograf {CANARY}")))
    with_attachment(content, "brev.pdf")
    built = run_build(tmp_path)
    assert built.ok, built.log[-3000:]
    published = (built.site / "bilagor" / "brev.pdf").read_bytes()
    assert CANARY.encode() not in published and b"Exif" not in published
    assert PdfReader(io.BytesIO(published)).pages[0].images[0].image.size == (8, 8)


@pytest.mark.parametrize(
    ("extra", "what"),
    [
        ("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>", "JavaScript"),
        ("/Names << /JavaScript << /Names [(x) << /S /JavaScript /JS (app.alert(1)) >>] >> >>", "JavaScript"),
        ("/OpenAction << /S /Launch /F (calc.exe) >>", "program"),
        ("/AcroForm << /XFA 9 0 R /Fields [] >>", "XFA"),
    ],
)
def test_a_pdf_that_runs_something_is_refused(tmp_path: Path, extra: str, what: str) -> None:
    content = site(tmp_path)
    write(content / "bilagor" / "brev.pdf", pdf_bytes("Skrivelse.", root_extra=extra))
    with_attachment(content, "brev.pdf")
    result = checked(content)
    found = [p for p in result.errors if p.code == "PO124"]
    assert len(found) == 1 and what in found[0].message, "\n".join(p.format() for p in result.problems)


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_an_image_s_metadata_is_scanned(tmp_path: Path, fmt: str) -> None:
    content = site(tmp_path)
    if fmt == "PNG":
        info = PngImagePlugin.PngInfo()
        info.add_text("Description", f"Klienten {PNR}")
        data = image_bytes("PNG", pnginfo=info)
    else:
        exif = Image.Exif()
        exif[0x010E] = f"Klienten {PNR}"  # ImageDescription
        data = image_bytes("JPEG", exif=exif)
    name = f"bild.{'png' if fmt == 'PNG' else 'jpg'}"
    write(content / "bilagor" / name, data)
    with_attachment(content, name)
    found = [p for p in checked(content).errors if p.code == "PO401"]
    assert len(found) == 1 and "metadata" in found[0].message


def test_a_gps_position_in_a_photo_is_refused(tmp_path: Path) -> None:
    content = site(tmp_path)
    write(content / "bilagor" / "foto.jpg", jpeg_with_gps())
    with_attachment(content, "foto.jpg")
    assert_refused(tmp_path, "bilagor/foto.jpg", "PO416")


@pytest.mark.parametrize("suffix", [".jfif", ".jpe", ".JPG"])
def test_a_jpeg_under_any_of_its_names_is_published_without_exif(tmp_path: Path, suffix: str) -> None:
    content = site(tmp_path)
    exif = Image.Exif()
    exif[0x013B] = f"Fotograf {CANARY}"  # Artist: a staff member, never published
    exif[0x0132] = "2025:03:14 10:22:01"  # DateTime
    name = f"foto{suffix}"
    write(content / "bilagor" / name, image_bytes("JPEG", (16, 16), exif=exif))
    with_attachment(content, name)
    built = run_build(tmp_path)
    assert built.ok, built.log[-3000:]
    published = (built.site / "bilagor" / name).read_bytes()
    assert published[:3] == b"\xff\xd8\xff" and b"Exif" not in published and CANARY.encode() not in published
    assert b"2025:03:14" not in published


def test_images_outside_bilagor_lose_their_metadata_too(tmp_path: Path) -> None:
    content = site(tmp_path)
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", f"Ombud {CANARY}")
    write(content / "bilder" / "logga.png", image_bytes("PNG", pnginfo=info))
    built = run_build(tmp_path)
    assert built.ok, built.log[-3000:]
    assert CANARY.encode() not in (built.site / "bilder" / "logga.png").read_bytes()


def test_a_large_image_is_refused_with_its_size(tmp_path: Path) -> None:
    content = site(tmp_path)
    write(content / "bilagor" / "karta.png", png_header(10_000, 6_000))
    assert "10000 × 6000 bildpunkter" in checked(content, scanner=False).errors[0].message


def test_a_decompression_bomb_is_refused_in_swedish_without_a_traceback(tmp_path: Path) -> None:
    content = site(tmp_path)
    write(content / "bilagor" / "karta.png", png_header(30_000, 30_000))
    with_attachment(content, "karta.png")
    result = checked(content, scanner=False)
    assert codes_at(result) == {"bilagor/karta.png": {"PO126"}}
    assert "för stor (900 000 000 bildpunkter, högst 50 miljoner)" in result.errors[0].message
    done = mkdocs_subprocess(tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr + done.stdout and "PO126" in done.stderr


def test_a_csv_attachment_with_a_formula_is_refused(tmp_path: Path) -> None:
    content = site(tmp_path)
    write(content / "bilagor" / "tabell.csv", 'kommun;antal\nNorrby;4\n=HYPERLINK("https://evil.example";"x");1\n')
    with_attachment(content, "tabell.csv")
    result = checked(content)
    assert [(p.code, p.line) for p in result.errors] == [("PO124", 3)]


# --- file names and GitHub annotations ----------------------------------------------------------


def test_a_personnummer_in_a_file_name_is_refused(tmp_path: Path) -> None:
    content = site(tmp_path)
    write(content / "bilagor" / f"beslut-{PNR}.pdf", PDF)
    write(content / "bilagor" / f"Brev till {NAME}.pdf", PDF)
    found = {(p.path, p.code) for p in checked(content).errors}
    assert found == {(f"bilagor/beslut-{PNR}.pdf", "PO401"), (f"bilagor/Brev till {NAME}.pdf", "PO407")}


def test_a_file_name_cannot_forge_a_github_annotation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    content = site(tmp_path)
    forged = "x\n::error file=README.md,line=1::allt är fel\r\n.md"
    write(content / "bilagor" / forged, b"x")
    write(content / "bilagor" / "brev,2025:a.pdf", PDF)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "--format", "github"]) == 1
    out = capsys.readouterr().out
    lines = out.rstrip("\n").split("\n")
    assert all(line.startswith(("::error file=content/bilagor/", "::warning file=content/bilagor/"))
               for line in lines[:-1]), out
    assert not any(line.startswith("::error file=README.md") for line in lines)
    assert "file=content/bilagor/x%0A%3A%3Aerror file=README.md%2Cline=1%3A%3Aallt är fel%0D%0A.md,line=1" in out
    assert "brev%2C2025%3Aa.pdf" in out
    assert main(["check"]) == 1
    text = capsys.readouterr().out
    assert all(":1:1: PO" in line for line in text.rstrip("\n").split("\n")[:-1]), text
    assert "PO129" in text


@pytest.mark.parametrize("name", ["brev:2025.pdf", "fråga?.pdf", "a*b.pdf", 'citat".pdf', "a<b>.pdf",
                                  "rör|.pdf", "CON.pdf", "aux", "punkt.", "tabb\t.pdf", "rapport\u202efdp.exe"])
def test_names_that_break_a_checkout_are_refused(tmp_path: Path, name: str) -> None:
    content = site(tmp_path)
    write(content / "bilagor" / name, PDF)
    assert "PO129" in codes_at(checked(content, scanner=False)).get(f"bilagor/{name}", set())


# --- the plugin's options ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "swedish"),
    [
        ("per_sida", 0, "ska vara 1 eller mer"),
        ("per_sida", -5, "ska vara 1 eller mer"),
        ("per_sida", "tio", "ska vara ett heltal"),
        ("idag", "igår", "ska vara ett datum"),
        ("positiva", "några", "ska vara alla eller tema"),
        ("minsta_antal", 1.5, "ska vara ett heltal"),
        ("pdf", "kanske", "ska vara true eller false"),
        ("per_side", 10, "menade du 'per_sida'"),
    ],
)
def test_every_option_is_checked_in_swedish_at_config_time(tmp_path: Path, option: str, value: object,
                                                           swedish: str) -> None:
    site(tmp_path, **{option: value})
    done = mkdocs_subprocess(tmp_path)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert swedish in output and option in output, output
    assert "Traceback" not in output and "Config value" not in output and "Aborted with" not in output, output
    assert not (tmp_path / "site" / "index.html").exists()


def test_the_organisation_s_name_cannot_turn_its_text(tmp_path: Path) -> None:
    site(tmp_path, organisation="Personliga ombud \u202eExempellän")
    done = mkdocs_subprocess(tmp_path)
    output = done.stdout + done.stderr
    assert done.returncode == 1 and "U+202E" in output and "Traceback" not in output, output


@pytest.mark.parametrize(("name", "value", "swedish"), [("PO_IDAG", "igår", "PO_IDAG ska vara ett datum"),
                                                       ("PO_PDF", "kanske", "PO_PDF ska vara 1 eller 0"),
                                                       ("PO_INTERN", "jo", "PO_INTERN ska vara 1 eller 0")])
def test_a_wrong_environment_variable_is_a_swedish_message_not_a_traceback(tmp_path: Path, name: str, value: str,
                                                                           swedish: str) -> None:
    site(tmp_path, idag=None)
    done = mkdocs_subprocess(tmp_path, **{name: value})
    output = done.stdout + done.stderr
    assert done.returncode == 1 and swedish in output, output
    assert "Traceback" not in output and "Aborted with" not in output, output


# --- ids ------------------------------------------------------------------------------------


def test_serial_000_is_no_id(tmp_path: Path) -> None:
    content = site(tmp_path)
    write(content / "brister" / "2023" / "B-2023-000-noll.md",
          report_text(fields={"id": "B-2023-000", "datum": "2023-03-14", **PUBLISHED}, body=BRIST_BODY.replace(
              "Klienterna når inte", f"{CANARY} Klienterna når inte")))
    assert_refused(tmp_path, "brister/2023/B-2023-000-noll.md", "PO204")
