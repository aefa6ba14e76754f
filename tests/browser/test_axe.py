"""axe-core on every kind of page: zero violations of WCAG 2.0 and 2.1, levels A and AA.

Rules are never switched off here: a violation is fixed where it arises (the templates,
po.css, overrides/, the palette in mkdocs.yml).
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import PAGES, require_page

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page: Any) -> list[dict[str, Any]]:
    from axe_playwright_python.base import AXE_SCRIPT

    page.evaluate(AXE_SCRIPT)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    return result["violations"]


def report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} – {v['helpUrl']}")
        for node in v["nodes"][:5]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {', '.join(map(str, node['target']))}: {summary[:300]}")
        if len(v["nodes"]) > 5:
            lines.append(f"    … och {len(v['nodes']) - 5} till")
    return "\n".join(lines)


def wait_for_search_results(page: Any) -> None:
    # Material's search runs in a web worker; the hits arrive a moment after the page.
    page.wait_for_selector(".md-search-result__item", timeout=15_000)


@pytest.mark.parametrize("name", list(PAGES))
def test_page_has_no_wcag_violations(open_page, name):
    path = PAGES[name]
    page = open_page(path)
    require_page(page, path)
    if name == "sokresultat":
        wait_for_search_results(page)
        assert page.input_value("input.md-search__input") == "försäkringskassan"
    violations = axe_violations(page)
    assert not violations, f"axe hittade brister på {path}:\n{report(violations)}"
    assert not page.po_outside, f"{path} hämtar från andra webbplatser: {page.po_outside}"


@pytest.mark.parametrize("width", ["dator", "mobil"])
def test_search_typed_in_the_search_box(open_page, width):
    """Search as a reader does it: open the box, type, look at the hits."""
    page = open_page("/", width)
    if width == "mobil":
        page.click('label.md-header__button[for="__search"]')
    else:
        page.click("input.md-search__input")
    page.keyboard.type("försäkringskassan")
    wait_for_search_results(page)
    assert "sökresultat" in page.inner_text(".md-search-result__meta")
    violations = axe_violations(page)
    assert not violations, f"axe hittade brister i sökresultaten ({width}):\n{report(violations)}"


def test_a_missing_page_answers_404_in_swedish(open_page):
    page = open_page("/finns-inte/alls/")
    assert page.po_status == 404
    assert page.inner_text("article h1") == "Sidan finns inte"
    assert page.locator("article a", has_text="Till startsidan").count() == 1
    violations = axe_violations(page)
    assert not violations, report(violations)
