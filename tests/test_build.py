"""End to end: a plain `mkdocs build` of the sample site and of generated trees."""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, PluginError

from po_build.check.tree import check_tree
from po_build.project.dates import MONTHS

from .contentgen import write_tree
from .helpers import PDF, image_bytes

REPO = Path(__file__).resolve().parents[1]


def build_site(config_file: Path, site_dir: Path, **overrides: object) -> Path:
    cfg = load_config(config_file=str(config_file), site_dir=str(site_dir), **overrides)
    build(cfg)
    return site_dir


def read_all(site: Path) -> dict[str, str]:
    """Every output file as text (gzip unpacked), so leaks in any format are found."""
    out = {}
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        out[path.relative_to(site).as_posix()] = data.decode("utf-8", "replace")
    return out


@pytest.fixture(scope="module")
def sample_content():
    return check_tree(REPO / "content", scanner=None).content


def test_every_published_report_has_a_page_and_no_draft_does(sample_site, sample_content):
    published = [r for r in sample_content.reports if r.publicera]
    drafts = [r for r in sample_content.reports if not r.publicera]
    assert published and drafts
    for r in published:
        folder = "brister" if r.typ == "brist" else "positivt"
        page = sample_site / folder / r.id / "index.html"
        assert page.is_file(), r.id
        assert r.rubrik.replace("–", "&ndash;") in page.read_text("utf-8") or (
            r.rubrik in page.read_text("utf-8")
        )
    everything = "\n".join(read_all(sample_site).values())
    for r in drafts:
        assert r.id not in everything, f"utkastet {r.id} syns på den offentliga webbplatsen"
        assert r.rubrik not in everything


def test_report_page_shows_labels_times_seen_timeline_and_publication(sample_site, sample_content):
    r = next(r for r in sample_content.reports
             if r.publicera and r.typ == "brist" and r.förekomster and r.historik)
    html = (sample_site / "brister" / r.id / "index.html").read_text("utf-8")
    assert f"Uppmärksammad {r.times_seen} gånger" in html
    assert "Tidslinje" in html
    first = r.historik[0].datum
    assert f"{MONTHS[first.month - 1]} {first.year}" in html
    assert first.isoformat() not in html
    assert "Publicerad " in html and str(r.publicerad.year) in html
    for section in ("Beskrivning", "Orsaker", "Konsekvenser", "Förslag till åtgärder"):
        assert f">{section}</h2>" in html


def test_facet_pages_exist_for_every_vocabulary_value(sample_site, sample_content):
    v = sample_content.vocabulary
    for level in v.levels:
        assert (sample_site / "brister" / "niva" / level / "index.html").is_file()
    for status in ("upptackt", "analyserad", "patalad", "beslutad", "pagar", "atgardad",
                   "uppfoljd", "kvarstar", "avslutad"):
        assert (sample_site / "brister" / "status" / status / "index.html").is_file()
    for cat in v.categories:
        assert (sample_site / "brister" / "kategori" / cat / "index.html").is_file()
    for actor in v.actors:
        assert (sample_site / "brister" / "aktor" / actor / "index.html").is_file()
        assert (sample_site / "aktorer" / actor / "index.html").is_file()
    years = {r.year for r in sample_content.reports if r.publicera and r.typ == "brist"}
    for year in years:
        assert (sample_site / "brister" / "ar" / str(year) / "index.html").is_file()


def test_facet_page_lists_exactly_the_matching_published_reports(sample_site, sample_content):
    expected = sorted(r.id for r in sample_content.reports
                      if r.publicera and r.typ == "brist" and "psykiatrin" in r.aktörer)
    html = (sample_site / "brister" / "aktor" / "psykiatrin" / "index.html").read_text("utf-8")
    listed = sorted(set(re.findall(r'po-card__id">(B-\d{4}-\d{3})<', html)))
    assert listed == expected


def test_reports_are_not_in_the_navigation(sample_site, sample_content):
    html = (sample_site / "index.html").read_text("utf-8")
    # Everything before the page content: header, tabs and the primary sidebar.
    chrome = html[: html.index('<div class="md-content"')]
    assert 'md-sidebar--primary' in chrome
    assert not re.search(r"(brister|positivt)/[BP]-\d{4}-\d{3}", chrome)


def test_search_index_has_only_public_reports(sample_site, sample_content):
    index = json.loads((sample_site / "search" / "search_index.json").read_text("utf-8"))
    assert index["config"]["lang"] == ["sv"]
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    for r in sample_content.reports:
        folder = "brister" if r.typ == "brist" else "positivt"
        assert (f"{folder}/{r.id}/" in locations) == r.publicera


def test_lists_and_actor_pages_are_kept_out_of_the_search_index(sample_site, sample_content):
    """They only repeat what the report pages say: a hit belongs to the report, once."""
    index = json.loads((sample_site / "search" / "search_index.json").read_text("utf-8"))
    locations = {d["location"].split("#")[0] for d in index["docs"]}
    pages = {p.parent.relative_to(sample_site).as_posix() + "/": p.read_text("utf-8")
             for p in sample_site.rglob("index.html") if p.parent != sample_site}
    actors = [url for url in pages if re.fullmatch(r"aktorer/[^/]+/", url)]
    lists = [url for url, html in pages.items() if 'class="po-count"' in html]
    assert len(actors) >= 3 and "brister/" in lists and len(lists) >= 5, (actors, lists)
    assert not (set(actors) | set(lists)) & locations
    assert "positivt/" not in locations
    reports = [f"{'brister' if r.typ == 'brist' else 'positivt'}/{r.id}/" for r in sample_content.reports
               if r.publicera]
    assert reports and set(reports) <= locations


def test_start_page_has_author_text_and_figures(sample_site):
    html = (sample_site / "index.html").read_text("utf-8")
    assert "påhittad" in html
    assert "Senast publicerat" in html
    assert "åtgärdade under året" in html


def test_how_it_works_page_lists_every_status(sample_site, sample_content):
    html = (sample_site / "sa-fungerar-det" / "index.html").read_text("utf-8")
    for term in sample_content.vocabulary.statuses.values():
        assert term.namn in html


def test_internal_build_shows_drafts_and_banner(tmp_path, sample_content):
    site = build_site(REPO / "mkdocs-intern.yml", tmp_path / "intern")
    drafts = [r for r in sample_content.reports if not r.publicera]
    page = (site / "brister" / drafts[0].id / "index.html") if drafts[0].typ == "brist" else (
        site / "positivt" / drafts[0].id / "index.html")
    html = page.read_text("utf-8")
    assert "Utkast" in html
    assert "INTERN VERSION" in html
    assert "Internt – publiceras inte" in html


def test_canaries_and_exact_event_dates_never_reach_public_output(tmp_path):
    gen = write_tree(tmp_path, 60, canaries=True)
    site = build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    files = read_all(site)
    assert len(files) > 50
    for name, text in files.items():
        for canary in gen.canaries:
            assert canary not in text, f"{canary} läcker i {name}"
        for d in gen.event_dates:
            assert d.isoformat() not in text, f"händelsedatum {d} läcker i {name}"
            spoken = rf"(?<![\d-]){d.day} {MONTHS[d.month - 1]} {d.year}"
            assert not re.search(spoken, text), f"händelsedatum {d} läcker i {name}"


def test_two_builds_are_byte_identical(tmp_path):
    write_tree(tmp_path, 30)
    a = build_site(tmp_path / "mkdocs.yml", tmp_path / "a")
    b = build_site(tmp_path / "mkdocs.yml", tmp_path / "b")

    def digest(site: Path) -> dict[str, str]:
        return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in site.rglob("*") if p.is_file()}

    assert digest(a) == digest(b)


def test_build_stops_on_bad_content_and_writes_no_site(tmp_path, caplog):
    write_tree(tmp_path, 5)
    bad = next((tmp_path / "content" / "brister").rglob("B-*.md"))
    bad.write_text(bad.read_text("utf-8").replace("kategorier:", "kategoriier:"), "utf-8")
    with pytest.raises((PluginError, Abort)):
        build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert "PO202" in caplog.text
    assert "kategoriier" in caplog.text
    assert not (tmp_path / "site" / "index.html").exists()


def test_attachments_of_drafts_are_not_published(tmp_path):
    write_tree(tmp_path, 3, unpublished_share=0.0)
    bilagor = tmp_path / "content" / "bilagor"
    bilagor.mkdir()
    (bilagor / "skrivelse.pdf").write_bytes(PDF)
    (bilagor / "hemlig.pdf").write_bytes(PDF)
    report = next((tmp_path / "content" / "brister").rglob("B-*.md"))
    text = report.read_text("utf-8").replace("---\n\n", "bilagor: [skrivelse.pdf]\n---\n\n", 1)
    report.write_text(text, "utf-8")
    site = build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    assert (site / "bilagor" / "skrivelse.pdf").is_file()
    assert not (site / "bilagor" / "hemlig.pdf").exists()


@pytest.fixture(autouse=True)
def _quiet(monkeypatch):
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")


def test_published_images_lose_their_metadata(tmp_path):
    # (A GPS position is refused by `po check`, PO416: this photo only names its owner.)
    from PIL import Image

    exif = Image.Exif()
    exif[0x013B] = "Fotografens Namn"  # Artist
    write_tree(tmp_path, 3, unpublished_share=0.0)
    bilagor = tmp_path / "content" / "bilagor"
    bilagor.mkdir()
    (bilagor / "foto.jpg").write_bytes(image_bytes("JPEG", (8, 8), exif=exif))
    report = next((tmp_path / "content" / "brister").rglob("B-*.md"))
    text = report.read_text("utf-8").replace("---\n\n", "bilagor: [foto.jpg]\n---\n\n", 1)
    report.write_text(text, "utf-8")
    site = build_site(tmp_path / "mkdocs.yml", tmp_path / "site")
    published = (site / "bilagor" / "foto.jpg").read_bytes()
    assert published[:2] == b"\xff\xd8"
    assert b"Fotografens" not in published and b"Exif" not in published


@pytest.mark.parametrize(("setting", "words"), [
    ("idag: igår", "ska vara ett datum ÅÅÅÅ-MM-DD"),
    ("idag: '14 mars'", "ska vara ett datum ÅÅÅÅ-MM-DD"),
    ("per_sida: 0", "ska vara 1 eller mer"),
    ("positiva: några", "ska vara alla eller tema"),
])
def test_a_wrong_option_in_mkdocs_yml_stops_the_build_in_swedish_without_a_traceback(tmp_path, setting, words):
    """`idag: igår` once ended in a Python traceback: every option is now checked when MkDocs
    reads mkdocs.yml, as Material's blog plugin checks its dates."""
    import subprocess
    import sys

    write_tree(tmp_path, 3)
    config = tmp_path / "mkdocs.yml"
    config.write_text(config.read_text("utf-8") + f"    {setting}\n", "utf-8")
    done = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "-q"], cwd=tmp_path,
                          capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert done.returncode != 0
    assert words in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert not (tmp_path / "site" / "index.html").exists()
