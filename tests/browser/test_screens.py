"""Every kind of page at phone, tablet and desktop width: pictures to look at, and the
layout faults a picture shows (sideways scrolling, tiny badges, charts wider than the page).

The pictures go to test-artefakter/skarmbilder/<sida>-<bredd>.png (not in git).
"""

from __future__ import annotations

import pytest

from .conftest import NO_MOTION_CSS, PAGES, WIDTHS, wait_until_settled

LAYOUT_FAULTS = """() => {
    const faults = [];
    const width = document.documentElement.clientWidth;
    const scrolls = '.po-table-wrap, .md-typeset__scrollwrap, .md-sidebar, .md-search, .md-skip, pre';
    if (document.documentElement.scrollWidth > width + 1) {
        const wide = Array.from(document.querySelectorAll('body *'))
            .filter(e => e.getBoundingClientRect().right > width + 1 && !e.closest(scrolls))
            .slice(0, 3)
            .map(e => `<${e.tagName.toLowerCase()} class="${e.className}">`);
        const total = document.documentElement.scrollWidth;
        faults.push(`sidan går att skrolla i sidled (${total} px > ${width} px): ${wide}`);
    }
    const small = '.md-content .po-label, .md-content .po-status, .md-content .po-card__meta';
    for (const e of document.querySelectorAll(small)) {
        const size = parseFloat(getComputedStyle(e).fontSize);
        if (size < 12) faults.push(`för liten text (${size} px): ${e.textContent.trim().slice(0, 40)}`);
    }
    for (const e of document.querySelectorAll('.md-content svg, .md-content img')) {
        const box = e.getBoundingClientRect();
        const column = e.closest('article').getBoundingClientRect();
        if (box.width > 0 && box.right > column.right + 1) {
            faults.push(`diagram eller bild bredare än spalten: ${e.outerHTML.slice(0, 60)}`);
        }
    }
    return faults;
}"""


@pytest.mark.parametrize("width", list(WIDTHS))
def test_screenshots_of_every_page_kind(browser, base_url, screenshot_dir, width):
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h}, locale="sv-SE", reduced_motion="reduce")
    page = context.new_page()
    faults = []
    try:
        for name, path in PAGES.items():
            response = page.goto(base_url + path, wait_until="load")
            if response is None or response.status != 200:
                faults.append(f"{path}: HTTP {response.status if response else '?'}")
                continue
            page.add_style_tag(content=NO_MOTION_CSS)
            wait_until_settled(page)
            if name == "sokresultat":
                page.wait_for_selector(".md-search-result__item", timeout=15_000)
            # The search hits are a fixed layer over the page: a whole-page picture would cut it.
            page.screenshot(path=str(screenshot_dir / f"{name}-{width}.png"), full_page=name != "sokresultat")
            faults += [f"{path}: {fault}" for fault in page.evaluate(LAYOUT_FAULTS)]
    finally:
        context.close()
    assert not faults, f"{width} ({w}×{h}):\n" + "\n".join(faults)
