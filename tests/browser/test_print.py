"""Printing: a report and the yearly report come out as text on paper, without the site's
navigation. Chromium's own PDF and a picture of the print layout are kept in
test-artefakter/utskrift/ to look at.
"""

from __future__ import annotations

import io

import pytest

from .conftest import ARTEFACTS, require_page

# What belongs to the screen only: header, tabs, sidebars, footer, search, facets, pages.
CHROME = [
    ".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-search", ".po-facets",
    ".po-pagination", ".po-skip", ".md-top", ".po-filter",
]


@pytest.mark.parametrize(("name", "path"), [("rapport", "/brister/B-2025-003/"),
                                            ("arsrapport", "/arsrapport/2025/")])
def test_prints_without_navigation(open_page, name, path):
    from pypdf import PdfReader

    page = open_page(path, media="print")
    require_page(page, path)
    shown = page.evaluate(
        "sels => sels.flatMap(s => Array.from(document.querySelectorAll(s)))"
        ".filter(e => e.checkVisibility()).map(e => e.className)", CHROME)
    assert not shown, f"{path} visar navigering i utskrift: {shown}"
    title = page.inner_text("article h1").strip()
    assert title and page.locator("article h1").is_visible()
    paragraphs = page.locator("article p").evaluate_all("ps => ps.filter(p => p.checkVisibility()).length")
    assert paragraphs >= 3, "innehållet syns inte i utskrift"

    out = ARTEFACTS / "utskrift"
    out.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out / f"{name}.png"), full_page=True)
    pdf = page.pdf(path=str(out / f"{name}.pdf"), format="A4", print_background=True,
                   margin={"top": "15mm", "bottom": "15mm", "left": "15mm", "right": "15mm"})
    text = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf)).pages)
    words = " ".join(text.split())
    assert " ".join(title.split())[:30] in words
    for chrome in ("Hoppa till innehållet", "Positiva händelser Aktörer", "Innehållsförteckning"):
        assert chrome not in words, f"'{chrome}' står i utskriften av {path}"
