"""The yearly report: figures, placement, small numbers, charts, pages and the PDF.

Every figure is checked against counts made here directly from the records
(`check_tree(...).content`), never through stats.py or report.py. The PDF is read
back with pypdf (metadata, outline, tags) and pdftotext (the figures), and its
pages are rendered with pdftoppm to test-artefakter/arsrapport/ for a person to
look at.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import shutil
import subprocess
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2 import Environment, PackageLoader, StrictUndefined
from mkdocs.commands.build import build
from mkdocs.config import load_config
from pypdf import PdfReader

from po_build.check.tree import check_tree
from po_build.contract.markers import DEFAULT_ORDER, MARKER_NAMES
from po_build.model.records import Content, Report
from po_build.outputs.opendata.registry import open_data_files
from po_build.outputs.pages import PageSettings
from po_build.outputs.pdf import write_pdfs
from po_build.outputs.yearly.document import FIGURES_PART, build_document
from po_build.outputs.yearly.pages import year_pages
from po_build.outputs.yearly.sections import RECURRING_MIN, section_data, sokande_open_data
from po_build.project.disclosure import protect
from po_build.project.projection import project
from po_build.project.stats import status_at_year_end
from po_build.render import templating
from po_build.render.charts import bar_chart

from .contentgen import write_tree
from .helpers import TODAY, error_codes, write_report, write_year

REPO = Path(__file__).resolve().parents[1]
ARTEFACTS = REPO / "test-artefakter" / "arsrapport"
ORGANISATION = "Personliga ombud Exempellän"
CLOSED = {"åtgärdad", "uppföljd", "avslutad"}


# --- helpers ----------------------------------------------------------------------------


def build_site(config_file: Path, site_dir: Path) -> Path:
    build(load_config(config_file=str(config_file), site_dir=str(site_dir)))
    return site_dir


def template_env() -> Environment:
    """The same Jinja environment as the plugin's (without theme overrides)."""
    env = Environment(loader=PackageLoader("po_build", "templates/po"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    templating.install(env)
    return env


def pdf_text(path: Path) -> str:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True)
    return " ".join(out.stdout.decode("utf-8").split())


def flat(html: str) -> str:
    """Page text without tags and with single spaces, for sentence checks."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


class Expected:
    """The year's figures, counted straight from the records."""

    def __init__(self, content: Content, year: int, public: bool = True) -> None:
        reports = [r for r in content.reports if r.publicera or not public]
        self.all_brister = [r for r in reports if r.typ == "brist"]
        self.brister = [r for r in self.all_brister if r.datum.year == year]
        self.positiva = [r for r in reports if r.typ == "positiv" and r.datum.year == year]
        self.per_level = Counter(r.nivå for r in self.brister)
        self.remedied = [r for r in self.all_brister
                         if any(s.status == "åtgärdad" and s.datum.year == year for s in r.historik)]
        self.open_this = [r for r in self.brister if _open_at_end(r, year)]
        self.open_earlier = [r for r in self.all_brister if r.datum.year < year and _open_at_end(r, year)]


def _open_at_end(r: Report, year: int) -> bool:
    if not r.historik:
        return r.status not in CLOSED
    steps = [s for s in r.historik if s.datum.year <= year]
    return bool(steps) and steps[-1].status not in CLOSED


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


# --- the sample site, built once -----------------------------------------------------------


@pytest.fixture(scope="module")
def sample_content() -> Content:
    return check_tree(REPO / "content", scanner=None).content


@pytest.fixture(scope="module")
def sample_years(sample_content: Content) -> list[int]:
    years = sorted(y.år for y in sample_content.years if y.publicera)
    assert len(years) >= 2, "exempelwebbplatsen ska ha två publicerade årsrapporter"
    return years


@pytest.mark.pdf
def test_sample_site_has_pages_and_pdfs_for_both_years(sample_site, sample_years):
    archive = (sample_site / "arsrapport" / "index.html").read_text("utf-8")
    for year in sample_years:
        assert (sample_site / "arsrapport" / str(year) / "index.html").is_file()
        pdf = sample_site / "arsrapport" / str(year) / f"arsrapport-{year}.pdf"
        assert pdf.is_file() and pdf.read_bytes().startswith(b"%PDF-")
        assert f"arsrapport-{year}.pdf" in archive
        assert f'href="{year}/"' in archive


def test_page_figures_match_the_records(sample_site, sample_content, sample_years):
    vocab = sample_content.vocabulary
    for year in sample_years:
        e = Expected(sample_content, year)
        html = (sample_site / "arsrapport" / str(year) / "index.html").read_text("utf-8")
        text = flat(html)
        assert f"Under {year} uppmärksammade ombuden {_plural(len(e.brister), 'brist', 'brister')}" in text
        assert f"{_plural(len(e.remedied), 'brist', 'brister')} åtgärdades under året" in text
        assert f"{len(e.positiva)} positiva händelser rapporterades" in text
        for level, term in vocab.levels.items():
            label = f"varav {term.namn[0].lower()}{term.namn[1:]}"
            row = re.search(rf'<th scope="row">{re.escape(label)}</th>\s*<td class="po-ar-num">(\d+)</td>', html)
            assert row and int(row.group(1)) == e.per_level.get(level, 0), (year, level)
        for label, expected in [
            ("Brister som åtgärdades under året", len(e.remedied)),
            ("Årets brister som var öppna vid årets slut", len(e.open_this)),
            ("Brister från tidigare år som var öppna vid årets slut", len(e.open_earlier)),
            ("Positiva händelser", len(e.positiva)),
        ]:
            row = re.search(rf'<th scope="row">{re.escape(label)}</th>\s*<td class="po-ar-num">(\d+)</td>', html)
            assert row and int(row.group(1)) == expected, (year, label)
        # The public text says what it counts.
        assert "bara på det som styrgruppen har beslutat att publicera" in text
        assert f"för {year} är det {_plural(len(e.brister), 'brist', 'brister')}" in text
        # Every remedied deficiency is listed with what was done.
        section = html[html.index('id="po-atgardade"'):]
        for r in e.remedied:
            assert r.id in section


@pytest.mark.pdf
def test_pdf_figures_match_the_records(sample_site, sample_content, sample_years):
    vocab = sample_content.vocabulary
    for year in sample_years:
        e = Expected(sample_content, year)
        text = pdf_text(sample_site / "arsrapport" / str(year) / f"arsrapport-{year}.pdf")
        assert f"Under {year} uppmärksammade ombuden {_plural(len(e.brister), 'brist', 'brister')}" in text
        assert f"{_plural(len(e.remedied), 'brist', 'brister')} åtgärdades under året" in text
        # Socialstyrelsen's table of deficiencies per level, row by row.
        table = text[text.index(f"Identifierade brister {year} per nivå"):]
        for level, term in vocab.levels.items():
            assert f"{term.namn} {e.per_level.get(level, 0)}" in table, (year, level)
        assert f"Totalt {len(e.brister)}" in table
        for r in e.remedied:
            assert r.id in text
        assert "bara på det som styrgruppen har beslutat att publicera" in text


@pytest.mark.pdf
def test_pdf_opens_with_metadata_language_tags_and_outline(sample_site, sample_content, sample_years):
    for year in sample_years:
        y = next(y for y in sample_content.years if y.år == year)
        reader = PdfReader(sample_site / "arsrapport" / str(year) / f"arsrapport-{year}.pdf")
        assert len(reader.pages) >= 5
        assert reader.metadata.title == y.titel
        assert reader.metadata.author == ORGANISATION
        root = reader.trailer["/Root"]
        assert root["/Lang"] == "sv"
        assert bool(root["/MarkInfo"]["/Marked"])  # tagged for screen readers
        assert "/StructTreeRoot" in root
        xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
        assert 'pdfuaid:part="1"' in xmp
        # One top-level bookmark per part: foreword, each chapter, and the final
        # figures part when some section had no marker.
        top = [item.title for item in reader.outline if not isinstance(item, list)]
        expected = (["Förord"] if y.foreword.strip() else []) + [c.rubrik for c in sorted(
            y.chapters, key=lambda c: c.ordning)]
        assert top[: len(expected)] == expected
        assert top[len(expected):] in ([], [FIGURES_PART])
        # The contents page has page numbers (target-counter) for every part.
        contents = reader.pages[1].extract_text()
        for title in expected:
            assert re.search(rf"{re.escape(title)}[ .]*\d+", contents), title


@pytest.mark.pdf
def test_pdf_pages_are_rendered_to_png_for_people_to_look_at(sample_site, sample_years):
    assert shutil.which("pdftoppm"), "pdftoppm saknas – installera poppler-utils (make setup gör det)"
    for year in sample_years:
        pdf = sample_site / "arsrapport" / str(year) / f"arsrapport-{year}.pdf"
        target = ARTEFACTS / str(year)
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(target / "sida")], check=True)
        pngs = sorted(target.glob("sida-*.png"))
        assert len(pngs) == len(PdfReader(pdf).pages)
        assert all(p.read_bytes().startswith(b"\x89PNG") for p in pngs)


@pytest.mark.pdf
def test_small_numbers_are_protected_on_page_and_in_pdf(sample_site, sample_content, sample_years):
    y = next(y for y in sample_content.years if y.år == sample_years[0])
    assert y.sökande, "exemplet ska visa skyddet för små tal"
    hidden = [key for key in ("själv", "anhörig", "myndighet", "övriga") if 0 < y.sökande[key] < 3]
    assert hidden, "exemplet ska ha ett litet tal"
    html = (sample_site / "arsrapport" / str(y.år) / "index.html").read_text("utf-8")
    section = flat(html[html.index('id="po-sokande"'):].split("</table>")[0])
    assert "färre än 3" in section and "visas inte" in section
    assert f"Totalt {y.sökande['totalt']}" in section
    parts = [y.sökande[k] for k in ("själv", "anhörig", "myndighet", "övriga")]
    secondary = min(v for k, v in y.sökande.items() if k not in (*hidden, "totalt") and v)
    for value in {*[y.sökande[k] for k in hidden], secondary}:
        assert not re.search(rf"(?<!\d){value}(?!\d)", section.replace(str(y.år), "")), value
    assert sum(parts) == y.sökande["totalt"]
    pdf = pdf_text(sample_site / "arsrapport" / str(y.år) / f"arsrapport-{y.år}.pdf")
    table = pdf[pdf.index("efter hur de kom i kontakt"):pdf.index("Totalt", pdf.index("efter hur de kom i kontakt"))]
    assert "färre än 3" in table and "visas inte" in table
    for value in {*[y.sökande[k] for k in hidden], secondary}:
        assert not re.search(rf"(?<!\d){value}(?!\d)", table.replace(str(y.år), "")), value


def test_page_is_accessible_charts_have_text_and_tables(sample_site, sample_years):
    html = (sample_site / "arsrapport" / str(sample_years[-1]) / "index.html").read_text("utf-8")
    content = html[html.index('<article'):html.index('</article>')]
    svgs = re.findall(r"<svg\b.*?</svg>", content, re.S)
    assert svgs
    for svg in svgs:
        assert 'role="img"' in svg and "aria-labelledby=" in svg
        assert re.search(r"<title id=\"[^\"]+\">[^<]+</title><desc id=\"[^\"]+\">[^<]*\d", svg)
    # Each chart is in a figure with a caption, and its table follows.
    for figure in re.findall(r'<figure class="po-ar-figure">.*?</figure>\s*<table', content, re.S):
        assert "<figcaption>" in figure
    assert len(re.findall(r'<figure class="po-ar-figure">', content)) == len(svgs)
    ids = re.findall(r'\bid="([^"]+)"', content)
    assert len(ids) == len(set(ids)), "samma id två gånger på sidan"
    headings = [int(h) for h in re.findall(r"<h([1-6])\b", content)]
    assert headings[0] == 1
    for before, after in itertools.pairwise(headings):
        assert after <= before + 1, "rubriknivåer hoppar över ett steg"
    for table in re.findall(r"<table\b.*?</table>", content, re.S):
        assert "<caption>" in table and 'scope="col"' in table


def test_pdf_link_on_the_page_and_archive(sample_site, sample_years):
    year = sample_years[-1]
    html = (sample_site / "arsrapport" / str(year) / "index.html").read_text("utf-8")
    assert f'href="arsrapport-{year}.pdf"' in html
    assert "Ladda ner årsrapporten" in html


# --- building the same PDF twice ------------------------------------------------------------


@pytest.mark.pdf
def test_two_pdf_builds_are_byte_identical(tmp_path, sample_site, sample_content):
    # A second build, from a fresh projection, outside MkDocs: the same bytes as the site's.
    p = project(sample_content, "public", organisation=ORGANISATION, region="Exempellän")
    written = write_pdfs(p, tmp_path, template_env(), ORGANISATION, site_url="https://exempellan.example/")
    assert written
    for path in written:
        assert path.read_bytes() == (sample_site / path.relative_to(tmp_path)).read_bytes(), path.name


def test_charts_are_deterministic_and_carry_their_text():
    args = ("per-niva-2025", ["Individnivå", "Lokal nivå", "Nationell nivå"], [4, 8, 0],
            "Brister per nivå 2025", "Brister per nivå 2025: Individnivå 4; Lokal nivå 8; Nationell nivå 0.")
    a, b = bar_chart(*args), bar_chart(*args)
    assert a == b
    assert a.startswith("<svg")
    assert '<title id="per-niva-2025-titel">Brister per nivå 2025</title>' in a
    assert "Individnivå 4; Lokal nivå 8; Nationell nivå 0." in a
    assert "<dc:date>" not in a and "<metadata>" not in a
    # Value labels on the bars, so nothing depends on colour.
    for value in ("4", "8"):
        assert re.search(rf">\s*{value}\s*<", a) or f"{value}</text>" in a
    ids = re.findall(r'\bid="([^"]+)"', a)
    assert ids and all(i.startswith("per-niva-2025-") for i in ids)
    other = bar_chart("per-aktor-2025", ["A"], [1], "t", "d")
    assert not set(ids) & set(re.findall(r'\bid="([^"]+)"', other))


# --- small numbers -----------------------------------------------------------------------------


def texts(parts: dict[str, int], total: int, k: int = 3) -> list[str]:
    pr = protect(parts, total, k)
    return [c.text for c in pr.parts] + [pr.total.text]


def test_zero_and_k_or_more_are_shown():
    assert texts({"a": 0, "b": 3, "c": 10}, 13) == ["0", "3", "10", "13"]


@pytest.mark.parametrize("k", [2, 3, 5])
def test_one_to_k_minus_one_is_fewer_than_k(k):
    for small in range(1, k):
        pr = protect({"a": small, "b": 40, "c": 50}, 90 + small, k)
        assert pr.parts[0].text == f"färre än {k}"
        assert pr.parts[0].shown is None


def test_one_hidden_cell_hides_the_next_smallest_non_zero_part():
    assert texts({"själv": 31, "anhörig": 14, "myndighet": 11, "övriga": 2}, 58) == [
        "31", "14", "visas inte", "färre än 3", "58"]
    # A zero is not chosen: hiding it would still leave the small one computable.
    assert texts({"a": 5, "b": 1, "c": 0, "d": 0}, 6) == ["visas inte", "färre än 3", "0", "0", "6"]


def test_two_small_cells_that_the_sum_gives_away_hide_one_more():
    # 1 + 1 = 2 and each is at least 1: both are known unless a third is hidden.
    assert texts({"a": 10, "b": 1, "c": 1, "d": 5}, 17) == ["10", "färre än 3", "färre än 3", "visas inte", "17"]
    # 1 + 2 = 3 leaves two possibilities; nothing more needs hiding.
    assert texts({"a": 10, "b": 1, "c": 2, "d": 5}, 18) == ["10", "färre än 3", "färre än 3", "5", "18"]


def test_a_small_total_is_hidden_too():
    assert texts({"a": 2, "b": 0}, 2) == ["färre än 3", "0", "färre än 3"]


def test_open_data_has_null_and_a_flag():
    pr = protect({"själv": 31, "anhörig": 14, "myndighet": 11, "övriga": 2}, 58)
    data = pr.open_data()
    assert data["själv"] == {"antal": 31, "skyddad": False}
    assert data["övriga"] == {"antal": None, "skyddad": True, "färre_än": 3}
    assert data["myndighet"] == {"antal": None, "skyddad": True}
    assert data["totalt"] == {"antal": 58, "skyddad": False}
    assert "11" not in repr(data) and "2," not in repr(data).replace("färre_än': 3", "")


def test_sokande_in_open_data_is_protected(sample_content):
    p = project(sample_content, "public", organisation=ORGANISATION)
    data = sokande_open_data(p, 2024)
    assert data["övriga"] == {"antal": None, "skyddad": True, "färre_än": 3}
    assert data["myndighet"] == {"antal": None, "skyddad": True}
    assert data["totalt"] == {"antal": 58, "skyddad": False}
    assert sokande_open_data(p, 1999) is None


def test_internal_view_shows_every_number():
    pr = protect({"a": 1, "b": 9}, 10, 3, enabled=False)
    assert [c.text for c in pr.cells] == ["1", "9", "10"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 9), min_size=2, max_size=4), st.integers(2, 4))
def test_no_hidden_part_can_be_worked_out(values, k):
    parts = {f"d{i}": v for i, v in enumerate(values)}
    total = sum(values)
    pr = protect(parts, total, k)
    for cell, true in zip(pr.parts, values, strict=True):
        if 0 < true < k:
            assert cell.hidden
        if not cell.hidden:
            assert cell.shown == true
    if pr.total.hidden:
        return
    hidden = [i for i, c in enumerate(pr.parts) if c.hidden]
    if not hidden:
        return
    rest = total - sum(c.shown for c in pr.parts if not c.hidden)
    ranges = [range(1, k) if pr.parts[i].state == "litet" else range(rest + 1) for i in hidden]
    possible: dict[int, set[int]] = {i: set() for i in hidden}
    for combo in itertools.product(*ranges):
        if sum(combo) == rest:
            for i, v in zip(hidden, combo, strict=True):
                possible[i].add(v)
    for i in hidden:
        assert len(possible[i]) >= 2, f"{values} k={k}: del {i} går att räkna ut"


# --- markers and default places -----------------------------------------------------------------


def _document(tmp_path: Path, foreword: str, chapters: dict[str, tuple[str, int, str]],
              fields: dict[str, str] | None = None, mode: str = "public"):
    content_dir = tmp_path / "content"
    write_report(content_dir, fields={"publicera": "true", "publicerad": "2025-06-01"})
    write_year(content_dir, fields={"publicera": "true", **(fields or {})}, body=foreword, chapters=chapters)
    result = check_tree(content_dir, today=TODAY, scanner=None)
    assert not result.errors, [p.format() for p in result.errors]
    p = project(result.content, mode, organisation=ORGANISATION)
    return build_document(p, p.years[0])


def _order(doc) -> list[tuple[str, str]]:
    out = []
    for part in doc.parts:
        for block in part.blocks:
            if block.section is not None:
                out.append((part.title, block.section.name))
            else:
                out.append((part.title, flat(block.html)[:20]))
    return out


def test_markers_are_placed_where_written(tmp_path):
    chapter = ("Före markeringen.\n\n<!-- po: per-niva -->\n\nEfter markeringen.\n\n"
               "## Siffror\n\n<!-- po: nyckeltal -->\n\n## Tema\n\nText om temat.\n\n<!-- po: positiva -->\n")
    doc = _document(tmp_path, "\nFörordet.\n", {"01-kapitel": ("Kapitlet", 1, chapter)})
    order = _order(doc)
    assert order[:2] == [("Förord", "Förordet."), ("Kapitlet", "Före markeringen.")]
    kapitel = [name for part, name in order if part == "Kapitlet"]
    assert kapitel[1] == "per-niva"
    assert kapitel[2].startswith("Efter markeringen.")
    assert kapitel.index("nyckeltal") < kapitel.index("positiva")
    # Right under the author's heading the section takes that heading; after text it gets its own.
    assert doc.sections["nyckeltal"].own_heading is False
    assert doc.sections["nyckeltal"].level == 3
    assert doc.sections["positiva"].own_heading is True
    assert doc.sections["positiva"].level == 4
    assert doc.sections["per-niva"].own_heading is True and doc.sections["per-niva"].level == 3
    # nyckeltal was placed, so the foreword does not get it as well.
    assert [name for part, name in order if part == "Förord"] == ["Förordet."]


def test_unplaced_sections_go_to_their_default_places(tmp_path):
    doc = _document(tmp_path, "\nFörordet.\n", {"01-kapitel": ("Kapitlet", 1, "\nBara text.\n")})
    order = _order(doc)
    assert order[:2] == [("Förord", "Förordet."), ("Förord", "nyckeltal")]
    final = [name for part, name in order if part == FIGURES_PART]
    assert final == [name for name in DEFAULT_ORDER if name != "sokande"]  # no sökande given
    assert doc.parts[-1].title == FIGURES_PART
    assert set(doc.sections) == set(MARKER_NAMES) - {"sokande"}


def test_sokande_gets_a_default_place_when_given_and_nyckeltal_goes_last_without_foreword(tmp_path):
    fields = {"sökande": "\n  totalt: 10\n  själv: 5\n  anhörig: 3\n  myndighet: 2\n  övriga: 0"}
    doc = _document(tmp_path, "\n", {"01-kapitel": ("Kapitlet", 1, "\nText.\n")}, fields)
    final = [name for part, name in _order(doc) if part == FIGURES_PART]
    assert final == ["nyckeltal", *DEFAULT_ORDER]
    assert [part.title for part in doc.parts] == ["Kapitlet", FIGURES_PART]


def test_a_marker_used_twice_points_back_and_code_is_not_a_marker(tmp_path):
    chapter = ("<!-- po: atgardade -->\n\nText.\n\n<!-- po: atgardade -->\n\n"
               "```\n<!-- po: per-aktor -->\n```\n")
    doc = _document(tmp_path, "\nFörordet.\n", {"01-kapitel": ("Kapitlet", 1, chapter)})
    part = next(p for p in doc.parts if p.title == "Kapitlet")
    sections = [b.section.name for b in part.blocks if b.section]
    assert sections == ["atgardade"]
    assert any(b.html and 'href="#po-atgardade"' in b.html for b in part.blocks)
    # The marker inside the code block is shown as code; per-aktor goes to its default place.
    assert any(b.html and "&lt;!-- po: per-aktor --&gt;" in b.html for b in part.blocks)
    assert ("Siffror och sammanställningar", "per-aktor") in _order(doc)


def test_unknown_marker_is_check_error_po330(tmp_path):
    write_year(tmp_path, body="\nFörordet.\n\n<!-- po: nyckeltall -->\n")
    result = check_tree(tmp_path, today=TODAY, scanner=None)
    assert "PO330" in error_codes(result)
    assert "nyckeltal" in next(p.message for p in result.errors if p.code == "PO330")


def test_every_marker_has_an_example_in_the_guide():
    guide = (REPO / "po_build" / "docs" / "arsrapport.md").read_text("utf-8")
    for name in MARKER_NAMES:
        assert f"<!-- po: {name} -->" in guide, name


def test_positive_events_all_or_by_theme(tmp_path):
    content_dir = tmp_path / "content"
    write_report(content_dir, "positiv", fields={"id": "P-2025-001", "tema": "Digitalt utanförskap",
                                                 "publicera": "true", "publicerad": "2025-06-01"})
    write_report(content_dir, "positiv", fields={"id": "P-2025-002", "publicera": "true",
                                                 "publicerad": "2025-06-01"})
    write_year(content_dir, fields={"publicera": "true", "tema": "digitalt utanförskap"})
    p = project(check_tree(content_dir, today=TODAY, scanner=None).content, "public")
    every = build_document(p, p.years[0]).sections["positiva"].data
    themed = build_document(p, p.years[0], positive="tema").sections["positiva"].data
    assert [r.id for r, _ in every["reports"]] == ["P-2025-001", "P-2025-002"]
    assert [r.id for r, _ in themed["reports"]] == ["P-2025-001"]
    assert themed["theme"] == "digitalt utanförskap"


def test_chart_labels_with_dollar_signs_are_plain_text():
    svg = bar_chart("dollar", ["Kostnad $ och $ mer"], [2], "t", "d")
    assert "Kostnad $ och $ mer" in svg


def test_routines_come_from_the_rutiner_heading(tmp_path):
    chapter = "\n## Rutiner för brister\n\n- Vi går igenom bristerna varje månad.\n\n## Annat\n\nSlut.\n"
    doc = _document(tmp_path, "\nFörordet.\n", {"01-kapitel": ("Kapitlet", 1, chapter)})
    routines = doc.sections["socialstyrelsen"].data["routines"]
    assert "varje månad" in routines and "Slut." not in routines
    doc = _document(tmp_path / "utan", "\nFörordet.\n", {"01-kapitel": ("Kapitlet", 1, "\nText.\n")})
    assert doc.sections["socialstyrelsen"].data["routines"] is None


# --- status at the end of a year -------------------------------------------------------------------


def test_status_at_year_end_follows_the_history(tmp_path):
    content_dir = tmp_path / "content"
    write_report(content_dir, fields={
        "datum": "2024-05-02", "id": "B-2024-001", "status": "åtgärdad", "historik": (
            "\n  - {datum: 2024-05-02, status: upptäckt}\n  - {datum: 2024-09-01, status: påtalad}"
            "\n  - {datum: 2025-03-01, status: åtgärdad}"),
        "publicera": "true", "publicerad": "2025-06-01"})
    p = project(check_tree(content_dir, today=TODAY, scanner=None).content, "public")
    r = p.brister[0]
    assert status_at_year_end(r, 2024).id == "påtalad"
    assert status_at_year_end(r, 2025).id == "åtgärdad"


# --- public and internal ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mixed_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Generated reports over 2024–2025, the 2024 report published and 2025 not."""
    root = tmp_path_factory.mktemp("blandat")
    write_tree(root, 120, start=date(2024, 1, 2), events_per_day=3)
    content = root / "content"
    write_year(content, "2024", fields={"titel": "Årsrapport 2024 PUBLICERAD", "publicera": "true"},
               body="\nFörordet 2024.\n")
    write_year(content, "2025", fields={"titel": "Årsrapport 2025 UTKASTET"}, body="\nFörordet 2025.\n")
    po = ("plugins:\n  po:\n    organisation: Testorganisation\n    pdf: false\n"
          "    tillganglighet:\n      bedomning: helt\n")
    base = "site_name: Test\ndocs_dir: content\ntheme:\n  name: material\n  language: sv\n" + po
    (root / "mkdocs.yml").write_text(base, "utf-8")
    (root / "mkdocs-intern.yml").write_text(base + "    intern: true\n", "utf-8")
    return root


def test_public_build_has_only_published_years_and_internal_has_all(mixed_tree, tmp_path):
    public = build_site(mixed_tree / "mkdocs.yml", tmp_path / "public")
    internal = build_site(mixed_tree / "mkdocs-intern.yml", tmp_path / "intern")
    assert (public / "arsrapport" / "2024" / "index.html").is_file()
    assert not (public / "arsrapport" / "2025").exists()
    archive = (public / "arsrapport" / "index.html").read_text("utf-8")
    assert "PUBLICERAD" in archive and "UTKASTET" not in archive
    assert not any("UTKASTET" in p.read_text("utf-8", "replace") for p in public.rglob("*.html"))
    intern_2025 = (internal / "arsrapport" / "2025" / "index.html").read_text("utf-8")
    assert "UTKASTET" in intern_2025 and "Utkast" in intern_2025
    assert (internal / "arsrapport" / "2024" / "index.html").is_file()
    # Without `pdf: true` no PDF is made, and the page does not link to one.
    assert not list(public.rglob("*.pdf"))
    assert ".pdf" not in (public / "arsrapport" / "2024" / "index.html").read_text("utf-8")


def test_public_figures_count_published_and_internal_count_all(mixed_tree, tmp_path):
    content = check_tree(mixed_tree / "content", scanner=None).content
    for mode, public in (("public", True), ("intern", False)):
        p = project(content, mode)
        doc = build_document(p, next(y for y in p.years if y.år == 2024))
        e = Expected(content, 2024, public=public)
        rows = {row["label"]: row["value"] for row in doc.sections["nyckeltal"].data["rows"]}
        assert rows["Brister som uppmärksammades under året"] == str(len(e.brister))
        assert rows["Brister som åtgärdades under året"] == str(len(e.remedied))
        assert rows["Positiva händelser"] == str(len(e.positiva))
        per_level = dict(doc.sections["per-niva"].data["rows"])
        for level, term in content.vocabulary.levels.items():
            assert per_level[term.namn] == e.per_level.get(level, 0)
        recurring = {r.id for r, _ in doc.sections["aterkommande"].data["recurring"]}
        assert recurring == {r.id for r in e.all_brister if r.datum.year <= 2024
                             and 1 + len(r.förekomster) >= RECURRING_MIN
                             and (r.datum.year == 2024 or _open_at_end(r, 2024))}
        if public:
            assert "bara på det som styrgruppen har beslutat att publicera" in doc.basis
        else:
            assert "alla registrerade brister, även opublicerade" in doc.basis
    assert len(Expected(content, 2024, public=False).brister) > len(Expected(content, 2024).brister)


@pytest.mark.pdf
def test_pdfs_only_for_published_years_in_public(mixed_tree, tmp_path):
    content = check_tree(mixed_tree / "content", scanner=None).content
    written = write_pdfs(project(content, "public"), tmp_path / "pub", template_env(), "Testorganisation")
    assert [w.name for w in written] == ["arsrapport-2024.pdf"]
    text = pdf_text(written[0])
    assert "UTKAST" not in text
    written = write_pdfs(project(content, "intern"), tmp_path / "int", template_env(), "Testorganisation")
    assert sorted(w.name for w in written) == ["arsrapport-2024.pdf", "arsrapport-2025.pdf"]
    assert "alla registrerade brister, även opublicerade" in pdf_text(tmp_path / "int" / "arsrapport" / "2025"
                                                                     / "arsrapport-2025.pdf")


def test_year_pages_are_the_archive_and_one_page_per_year(mixed_tree):
    content = check_tree(mixed_tree / "content", scanner=None).content
    uris = [s.src_uri for s in year_pages(project(content, "intern"), PageSettings())]
    assert uris[:3] == ["arsrapport/index.md", "arsrapport/2025/index.md", "arsrapport/2024/index.md"]


# --- Socialstyrelsen's CSV -------------------------------------------------------------------------


def test_socialstyrelsen_csv_answers_the_four_questions(sample_content, sample_years):
    p = project(sample_content, "public", organisation=ORGANISATION)
    files = {path: data for path, data in open_data_files(p).items() if "socialstyrelsen" in path}
    assert sorted(files) == [f"oppna-data/socialstyrelsen-{y}.csv" for y in sample_years]
    for year in sample_years:
        data = files[f"oppna-data/socialstyrelsen-{year}.csv"]
        assert data.startswith("\ufeff".encode())
        rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
        assert list(rows[0]) == ["år", "fråga", "nivå", "nivå_namn", "svar", "id", "sida", "kommentar"]
        e = Expected(sample_content, year)
        counts = {r["nivå"]: int(r["svar"]) for r in rows if r["fråga"] == "Antal identifierade brister"}
        assert counts == {**{level: e.per_level.get(level, 0) for level in ("individ", "lokal", "nationell")},
                          "totalt": len(e.brister)}
        remedied = {r["id"] for r in rows if r["fråga"] == "Brister som åtgärdats under året"}
        assert remedied == {r.id for r in e.remedied}
        routines = next(r for r in rows if r["fråga"].startswith("Rutiner"))
        assert routines["svar"] and routines["svar"] != "Beskrivs inte i årsrapporten"
        serious = [r for r in rows if r["fråga"] == "De allvarligaste bristerna"]
        assert {r["nivå"] for r in serious} == {"individ", "lokal", "nationell"}
        for r in serious:
            if r["id"]:
                record = next(x for x in e.brister if x.id == r["id"])
                assert record.allvarlighet in ("hög", "medel") and record.nivå == r["nivå"]


@pytest.mark.pdf
def test_positiva_tema_is_the_same_on_the_page_and_in_the_pdf_and_each_year_is_assembled_once(
    tmp_path, monkeypatch
):
    """`positiva: tema` once reached the PDF but not the web page: a loop variable overwrote the
    setting (hidden by a `# type: ignore`), so the page showed every positive event, and each
    year's document was assembled twice per build (the cache is keyed by the setting)."""
    from po_build.outputs.yearly import document

    content_dir = tmp_path / "content"
    write_report(content_dir, "positiv", fields={"id": "P-2025-001", "tema": "Digitalt utanförskap",
                                                 "rubrik": "Temats händelse med bra bemötande",
                                                 "publicera": "true", "publicerad": "2025-06-01"})
    write_report(content_dir, "positiv", fields={"id": "P-2025-002", "rubrik": "Händelse utanför temat",
                                                 "publicera": "true", "publicerad": "2025-06-01"})
    write_year(content_dir, fields={"publicera": "true", "tema": "digitalt utanförskap"})
    (content_dir / "index.md").write_text("# Start\n", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\ndocs_dir: content\ntheme:\n  name: material\n  language: sv\n"
        "plugins:\n  po:\n    organisation: Testorganisation\n    positiva: tema\n    idag: 2026-01-15\n",
        "utf-8")
    calls: list[int] = []
    real = document.build_document

    def counted(p, y, *args, **kwargs):
        calls.append(y.år)
        return real(p, y, *args, **kwargs)

    monkeypatch.setattr(document, "build_document", counted)
    site = build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    page = (site / "arsrapport" / "2025" / "index.html").read_text("utf-8")
    pdf = pdf_text(site / "arsrapport" / "2025" / "arsrapport-2025.pdf")
    assert "Temats händelse" in page and "Temats händelse" in flat(pdf)
    assert "Händelse utanför temat" not in page
    assert "Händelse utanför temat" not in flat(pdf)
    assert calls == [2025]


def _year_projection(tmp_path: Path, sokande: str, mode: str = "public"):
    content_dir = tmp_path / "content"
    write_report(content_dir, fields={"publicera": "true", "publicerad": "2025-06-01"})
    write_year(content_dir, fields={"publicera": "true", "sökande": sokande})
    result = check_tree(content_dir, today=TODAY, scanner=None)
    assert not result.errors, [p.format() for p in result.errors]
    return project(result.content, mode, organisation=ORGANISATION)


def test_missing_sokande_parts_are_uppgift_saknas_never_zero(tmp_path):
    p = _year_projection(tmp_path, "{totalt: 20, själv: 12}")
    data = sokande_open_data(p, 2025)
    assert data["själv"] == {"antal": 12, "skyddad": False}
    for key in ("anhörig", "myndighet", "övriga"):
        assert data[key] == {"antal": None, "skyddad": False, "uppgift_saknas": True}
    assert data["totalt"] == {"antal": 20, "skyddad": False}
    rows = section_data(p, p.years[0], "sokande")["rows"]
    assert rows[0][1] is not None and rows[0][1].text == "12"
    assert [cell for _, cell in rows][1:] == [None, None, None]
    section = {"name": "sokande", "anchor": "po-sokande", "own_heading": False, "level": 2, "title": "",
               "data": {**section_data(p, p.years[0], "sokande"), "year": 2025}}
    html = templating.environment().get_template("arsrapport/sokande.html").render(
        s=section, rel=lambda url: url)
    assert flat(html).count("uppgift saknas") == 3  # the page says so in words, never 0
    assert "Sökte själva 12" in flat(html)


def test_only_a_total_is_shown_as_a_total(tmp_path):
    p = _year_projection(tmp_path, "{totalt: 20}")
    data = sokande_open_data(p, 2025)
    assert data["totalt"] == {"antal": 20, "skyddad": False}
    assert all(data[k].get("uppgift_saknas") for k in ("själv", "anhörig", "myndighet", "övriga"))


def test_a_small_remainder_of_missing_parts_is_protected_too(tmp_path):
    # 14 in all, 12 came themselves: the other 2 would follow from the total.
    p = _year_projection(tmp_path, "{totalt: 14, själv: 12}")
    data = sokande_open_data(p, 2025)
    assert data["själv"] == {"antal": None, "skyddad": True}
    assert data["totalt"] == {"antal": 14, "skyddad": False}
    assert "12" not in repr(data)
    internal = sokande_open_data(_year_projection(tmp_path / "i", "{totalt: 14, själv: 12}", "intern"), 2025)
    assert internal["själv"]["antal"] == 12
