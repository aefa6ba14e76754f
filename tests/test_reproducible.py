"""Reproducible builds: the same content gives the same bytes (po_build/docs/reproducerbart.md).

The sample site, PDFs included, is built twice and compared file by file; the second
build without the build cache, so that it lays out every PDF afresh (and the first, which
may have come from the cache, must equal it). A third build pretends to run on another
day: then only the sitemap may differ, because MkDocs writes the build date into it
(lastmod, and the gzip header of sitemap.xml.gz). SOURCE_DATE_EPOCH fixes that date too.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

import mkdocs.utils
import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

# Every build here writes the yearly report's PDF: part of the full suite, not the fast lane.
pytestmark = pytest.mark.pdf

REPO = Path(__file__).resolve().parents[1]
CLOCK_FILES = {"sitemap.xml", "sitemap.xml.gz"}


def digest(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def build_sample(site_dir: Path) -> dict[str, str]:
    build(load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site_dir)))
    return digest(site_dir)


@pytest.fixture(scope="module")
def first(sample_site: Path) -> dict[str, str]:
    return digest(sample_site)


def test_the_sample_site_builds_to_the_same_bytes_twice(
    first: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("PO_CACHE", "0")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    second = build_sample(tmp_path / "site")
    assert any(name.endswith(".pdf") for name in first), "årsrapportens PDF saknas"
    assert len(first) > 100
    assert second == first


def test_on_another_day_only_the_sitemap_differs(
    first: dict[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("PO_CACHE", "0")
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    now = mkdocs.utils.get_build_datetime()
    monkeypatch.setattr(mkdocs.utils, "get_build_datetime", lambda: now + timedelta(days=3))
    later = build_sample(tmp_path / "site")
    differing = {name for name in set(first) | set(later) if first.get(name) != later.get(name)}
    assert differing == CLOCK_FILES


def test_source_date_epoch_fixes_the_sitemap_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1790000000")  # 2026-09-21 14:13 UTC
    monkeypatch.setenv("PO_PDF", "0")
    site = tmp_path / "site"
    build(load_config(config_file=str(REPO / "mkdocs.yml"), site_dir=str(site)))
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    assert "<lastmod>2026-09-21</lastmod>" in sitemap
