"""The build cache (load/store.py) makes builds faster, never different.

- A cached PDF is byte for byte the PDF a fresh layout gives, and a year is laid out
  again when one of its reports changes (the other years come from the cache).
- A PDF that read a file (an image) is used only while that file is unchanged; a broken
  entry is a miss, not an error; every input of the layout is in the key.
- Charts, report bodies and check verdicts from the cache equal freshly made ones; a
  verdict is checked again when the file, the vocabulary or the day calls for it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from po_build.check.memo import CheckMemo, decode, encode
from po_build.check.tree import check_tree
from po_build.load import store as store_module
from po_build.load.store import Store
from po_build.outputs import pdfcache
from po_build.outputs.pdf import write_pdfs
from po_build.project.projection import project
from po_build.render import chartcache, charts, htmlcache

from .contentgen import write_tree
from .helpers import TODAY, write_report
from .test_arsrapport import template_env

BIN = Path(sys.executable).parent


@pytest.fixture
def cache(tmp_path: Path) -> Store:
    """A store of its own, used by everything that looks for one, and forgotten afterwards."""
    s = Store(tmp_path / "cache")
    store_module.use(s)
    chartcache._memory.clear()
    htmlcache._memory.clear()
    yield s
    store_module.use(None)
    chartcache._memory.clear()
    htmlcache._memory.clear()


def two_years(root: Path) -> Path:
    """Forty published reports in 2024 and 2025, each year with its yearly report."""
    write_tree(root, 40, years=2, yearly_reports=True, start=date(2024, 1, 1), unpublished_share=0.0,
               mkdocs_yml=False)
    return root / "content"


def the_pdfs(root: Path, site: Path, store: Store | None) -> tuple[dict[int, bytes], list[int]]:
    content = check_tree(root / "content", today=TODAY, scanner=None).content
    fresh: list[int] = []
    written = write_pdfs(project(content, "public", organisation="Testorganisation"), site, template_env(),
                         "Testorganisation", store=store, laid_out=fresh)
    return {int(p.parent.name): p.read_bytes() for p in written}, fresh


# --- the PDF ------------------------------------------------------------------------------


@pytest.mark.pdf
def test_a_cached_pdf_is_byte_identical_to_a_fresh_one_and_a_changed_year_is_laid_out_again(
    tmp_path: Path, cache: Store
) -> None:
    two_years(tmp_path)
    first, fresh = the_pdfs(tmp_path, tmp_path / "ut", cache)
    assert sorted(first) == [2024, 2025] and sorted(fresh) == [2024, 2025]
    again, fresh = the_pdfs(tmp_path, tmp_path / "ut", cache)
    assert fresh == [], "inget hade ändrats, men en PDF lades ut på nytt"
    assert again == first
    uncached, fresh = the_pdfs(tmp_path, tmp_path / "ut", None)
    assert sorted(fresh) == [2024, 2025] and uncached == first

    # One report of 2025 gets a new headline: only 2025 is laid out again, and its new PDF
    # is the one a fresh layout gives.
    report = next(f for f in sorted((tmp_path / "content" / "brister" / "2025").glob("B-*.md")))
    report.write_text(report.read_text("utf-8").replace("Rapport nummer", "Ändrad rapport nummer", 1), "utf-8")
    changed, fresh = the_pdfs(tmp_path, tmp_path / "ut", cache)
    assert fresh == [2025]
    assert changed[2024] == first[2024] and changed[2025] != first[2025]
    without, _ = the_pdfs(tmp_path, tmp_path / "ut2", None)
    assert changed == without


@pytest.mark.pdf
def test_the_build_takes_the_pdfs_from_the_cache_and_says_so(tmp_path: Path) -> None:
    """Two `mkdocs build` into site/ in new processes, as `make site` runs it twice: the
    same PDF bytes, the second from the cache. (The site folder is in the key: relative
    addresses in the PDF are resolved against it.)"""
    write_tree(tmp_path, 30, years=2, yearly_reports=True, start=date(2024, 1, 1), unpublished_share=0.0)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PO_CACHE_DIR": str(tmp_path / "cache"),
           "SOURCE_DATE_EPOCH": "1790000000"}
    env.pop("PO_CACHE", None)
    outputs, pdfs = [], []
    for _ in range(2):
        result = subprocess.run([str(BIN / "mkdocs"), "build", "--clean", "-d", str(tmp_path / "site")],
                                cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, result.stderr[-3000:]
        outputs.append(result.stderr)
        pdfs.append({year: (tmp_path / "site" / f"arsrapport/{year}/arsrapport-{year}.pdf").read_bytes()
                     for year in (2024, 2025)})
    assert "lades ut för 2024 och 2025" in outputs[0]
    assert "togs ur bygg-cachen: inget av dem hade ändrats" in outputs[1]
    assert pdfs[0] == pdfs[1]


def test_a_pdf_that_read_a_file_is_used_only_while_the_file_is_unchanged(tmp_path: Path) -> None:
    s = Store(tmp_path / "cache")
    image = tmp_path / "bild.png"
    image.write_bytes(b"en bild")
    pdfcache.keep(s, "nyckel", b"%PDF-1.7 ...", [(str(image), hashlib.sha256(b"en bild").hexdigest()),
                                                  (str(tmp_path / "saknas.png"), None)])
    assert pdfcache.cached(s, "nyckel") == b"%PDF-1.7 ..."
    image.write_bytes(b"en annan bild")
    assert pdfcache.cached(s, "nyckel") is None
    image.write_bytes(b"en bild")
    (tmp_path / "saknas.png").write_bytes(b"nu finns den")  # was missing when the PDF was made
    assert pdfcache.cached(s, "nyckel") is None


@pytest.mark.parametrize("damage", ["tom", "avklippt", "fel-summa", "skräp"])
def test_a_broken_cache_entry_is_a_miss(tmp_path: Path, damage: str) -> None:
    s = Store(tmp_path / "cache")
    pdfcache.keep(s, "nyckel", b"%PDF-1.7 hela filen", [])
    entry = s.path("pdf", "nyckel")
    data = entry.read_bytes()
    entry.write_bytes({"tom": b"", "avklippt": data[:-5], "skräp": b"\x00\xff{not json\n%PDF",
                       "fel-summa": data.replace(b"hela", b"halv")}[damage])
    assert pdfcache.cached(s, "nyckel") is None


def test_the_pdf_key_covers_html_folder_programs_fonts_and_code(monkeypatch: pytest.MonkeyPatch) -> None:
    base = pdfcache.pdf_key("<html>a</html>", "/plats")
    assert pdfcache.pdf_key("<html>b</html>", "/plats") != base
    assert pdfcache.pdf_key("<html>a</html>", "/annan") != base
    for name, value in (("versions", lambda *names: "weasyprint=1"), ("fonts_fingerprint", lambda: "andra typsnitt"),
                        ("code_digest", lambda: "annan kod")):
        with monkeypatch.context() as m:
            m.setattr(pdfcache, name, value)
            assert pdfcache.pdf_key("<html>a</html>", "/plats") != base, name


def test_a_cache_folder_that_cannot_be_written_only_makes_misses(tmp_path: Path) -> None:
    blocked = tmp_path / "fil"
    blocked.write_text("en fil där mappen skulle vara", "utf-8")
    s = Store(blocked / "cache")
    s.put("pdf", "nyckel", b"data")
    assert s.get("pdf", "nyckel") is None


# --- charts and report bodies --------------------------------------------------------------


def test_a_chart_from_the_cache_is_the_chart_matplotlib_draws(cache: Store) -> None:
    args = ("per-niva-2025", ["Individnivå", "Lokal nivå", "Nationell nivå"], [3, 5, 0], "Brister per nivå 2025",
            "Brister per nivå 2025: Individnivå 3; Lokal nivå 5; Nationell nivå 0.")
    drawn = charts.bar_chart(*args)
    assert chartcache.bar_chart(*args) == drawn
    chartcache._memory.clear()  # a new process: only the store remembers
    hits = cache.hits
    assert chartcache.bar_chart(*args) == drawn
    assert cache.hits == hits + 1
    other = chartcache.bar_chart(args[0], args[1], [3, 6, 0], args[3], args[4])
    assert other != drawn


def test_the_start_pages_charts_from_the_cache_are_the_ones_matplotlib_draws(cache: Store) -> None:
    """The start page's charts (narrower, and one of them stacked) are kept too: by every figure
    and text, the series' names and the width, so that none of them is shown from an older chart."""
    args = ("brister-per-ar", ["2024", "2025"], ["Individnivå", "Lokal nivå"], [[1, 2], [3, 0]],
            "Brister per år och nivå", "Brister per år och nivå: 2024: 3; 2025: 3.")
    drawn = charts.stacked_bar_chart(*args, width=4.4)
    assert chartcache.stacked_bar_chart(*args, width=4.4) == drawn
    chartcache._memory.clear()
    hits = cache.hits
    assert chartcache.stacked_bar_chart(*args, width=4.4) == drawn
    assert cache.hits == hits + 1
    assert chartcache.stacked_bar_chart(*args, width=5.0) == charts.stacked_bar_chart(*args, width=5.0) != drawn
    renamed = (args[0], args[1], ["Individnivå", "Nationell nivå"], *args[3:])
    assert chartcache.stacked_bar_chart(*renamed, width=4.4) == charts.stacked_bar_chart(*renamed, width=4.4)
    assert chartcache.stacked_bar_chart(*renamed, width=4.4) != drawn
    changed = (*args[:3], [[1, 2], [3, 1]], *args[4:])
    assert chartcache.stacked_bar_chart(*changed, width=4.4) != drawn
    bar = ("brister-per-aktor", ["Försäkringskassan"], [4], "Brister per aktör", "Försäkringskassan 4.")
    narrow = chartcache.bar_chart(*bar, width=4.4)
    assert narrow == charts.bar_chart(*bar, width=4.4)
    assert chartcache.bar_chart(*bar) == charts.bar_chart(*bar) != narrow


def test_a_report_body_from_the_cache_is_the_rendered_one(cache: Store) -> None:
    from po_build.render.markdown import render
    from po_build.render.templating import report_anchors

    text = "## Beskrivning\n\nText med *betoning* och en [länk](https://example.org).\n"
    made = htmlcache.cached_html("prov", text, lambda t: render(t, anchors=report_anchors()).html)
    htmlcache._memory.clear()
    assert htmlcache.cached_html("prov", text, lambda t: "fel: gjordes om") == made
    assert htmlcache.cached_html("prov", text + "Mer.\n", lambda t: "ny text") == "ny text"


# --- check verdicts ---------------------------------------------------------------------------


def test_verdicts_from_the_disk_are_those_of_a_fresh_check(tmp_path: Path) -> None:
    gen = write_tree(tmp_path, 30, canaries=True, mkdocs_yml=False)
    content = tmp_path / "content"
    broken = sorted((content / "brister").rglob("B-*.md"))[3]
    broken.write_text(broken.read_text("utf-8").replace("nivå:", "nivvå:"), "utf-8")
    s = Store(tmp_path / "cache")
    fresh = check_tree(content, today=TODAY, scanner=None, display_root=tmp_path)
    first = CheckMemo(s)
    assert check_tree(content, today=TODAY, scanner=None, display_root=tmp_path, memo=first).problems == fresh.problems
    second = CheckMemo(s)  # another process, the same cache folder
    again = check_tree(content, today=TODAY, scanner=None, display_root=tmp_path, memo=second)
    assert second.hits == len(gen.published) + len(gen.unpublished) and second.misses == 0
    assert again.problems == fresh.problems and again.inventory == fresh.inventory
    assert again.content.reports == fresh.content.reports


def test_a_changed_file_or_vocabulary_is_checked_again(tmp_path: Path) -> None:
    write_tree(tmp_path, 10, mkdocs_yml=False)
    content = tmp_path / "content"
    memo = CheckMemo(Store(tmp_path.parent / f"{tmp_path.name}-cache"))  # outside the content folder
    check_tree(content, today=TODAY, scanner=None, memo=memo)
    report = sorted((content / "brister").rglob("B-*.md"))[0]
    report.write_text(report.read_text("utf-8").replace("nivå:", "nivvå:"), "utf-8")
    memo.hits = memo.misses = 0
    result = check_tree(content, today=TODAY, scanner=None, memo=memo)
    assert memo.misses == 1 and [p.code for p in result.errors] == ["PO202"]
    vocab = content / "vokabular.yml"
    vocab.write_text(vocab.read_text("utf-8") + "  ny: Ny kommun\n", "utf-8")
    memo.hits = memo.misses = 0
    check_tree(content, today=TODAY, scanner=None, memo=memo)
    assert memo.hits == 0 and memo.misses == 10


def test_a_date_in_the_future_is_judged_again_the_next_day(tmp_path: Path) -> None:
    """The day is not in the key: a verdict without future dates holds later too, and a
    verdict with one is made again, since tomorrow that date may have come."""
    tomorrow = TODAY + timedelta(days=1)
    write_report(tmp_path, fields={"datum": tomorrow.isoformat()})
    write_report(tmp_path, fields={"id": "B-2025-002"})
    # Beside the checked folder, not in it: the check would read the cache's files as the site's.
    memo = CheckMemo(Store(tmp_path.parent / f"{tmp_path.name}-cache"))
    assert [p.code for p in check_tree(tmp_path, today=TODAY, scanner=None, memo=memo).errors] == ["PO303"]
    memo.hits = memo.misses = 0
    later = check_tree(tmp_path, today=tomorrow, scanner=None, memo=memo)
    assert later.errors == [] and memo.hits == 1 and memo.misses == 1
    memo.hits = memo.misses = 0
    earlier = check_tree(tmp_path, today=TODAY - timedelta(days=400), scanner=None, memo=memo)
    assert memo.hits == 0, "en dag före kontrollen: allt ska kontrolleras på nytt"
    assert "PO303" in [p.code for p in earlier.errors]


def test_a_verdict_that_would_not_read_back_the_same_is_not_kept(tmp_path: Path) -> None:
    write_report(tmp_path, fields={"intern": "\n  rapportör: Ombud A\n  möte: 2025-05-01"})
    memo = CheckMemo()
    check_tree(tmp_path, today=TODAY, scanner=None, memo=memo)
    (entry,) = [checked for _, checked in memo._entries.values()]
    raw = encode(entry)
    assert raw is not None and decode(raw) == entry
    assert entry.report is not None and isinstance(entry.report.datum, date)  # a date stays a date on disk
    assert json.loads(raw)["report"]["datum"] == {"$date": entry.report.datum.isoformat()}
    # What JSON would hand back changed (a tuple as a list, a key that reads as a date): not kept.
    for odd in ({"möte": ("a", "b")}, {"$date": "2025-05-01"}, {1: "ett"}):
        assert encode(dataclasses.replace(entry, report=dataclasses.replace(entry.report, intern=odd))) is None
    tampered = re.sub(rb'"future_dates": (true|false)', b'"future_dates": "kanske"', raw)
    assert decode(tampered) is not None  # a truthy string: read as data, never run as code
