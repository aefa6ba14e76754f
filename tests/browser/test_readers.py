"""The reader's side of issue 17 in a real browser: combined filtering with and without
JavaScript, shared filtered addresses, the copy-link button, the way back to the list, the
phone layout of the actor table, and pages that request nothing that is missing."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import pytest

from .conftest import PAGES, require_page

FILTERED = "/brister/?niva=lokal&aktor=forsakringskassan"


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)).lower()


@pytest.fixture(scope="module")
def deficiencies(built_site: Path) -> list[dict[str, Any]]:
    """The published deficiencies as open data has them: the independent answer key."""
    return json.loads((built_site / "oppna-data" / "brister.json").read_text("utf-8"))["brister"]


def card_ids(page: Any) -> list[str]:
    return page.locator(".po-list-main .po-card .po-card__id").all_inner_texts()


def newest_first(items: list[dict[str, Any]]) -> list[str]:
    return [r["id"] for r in sorted(items, key=lambda r: (r["år"], r["månad"], r["id"]), reverse=True)]


def count_of(page: Any, facet: str, value: str) -> int:
    text = page.locator(f"#po-f-{facet}-{value} + label .po-facet-count").inner_text()
    return int(text.strip("()").replace("\u00a0", ""))


def test_combined_filters_with_javascript(open_page, deficiencies):
    page = open_page(FILTERED)
    require_page(page, FILTERED)
    want = [r for r in deficiencies if r["nivå"] == "lokal" and "forsakringskassan" in r["aktörer"]]
    assert want, "exemplet behöver minst en lokal brist hos Försäkringskassan"
    assert card_ids(page) == newest_first(want)
    assert page.locator("#po-f-niva-lokal").is_checked()
    assert page.locator("#po-f-aktor-forsakringskassan").is_checked()
    assert f"{len(want)} av {len(deficiencies)} brister" in page.inner_text(".po-count")
    # Counts for the current selection: a value's count is what choosing it would give.
    national = sum(1 for r in deficiencies if r["nivå"] == "nationell" and "forsakringskassan" in r["aktörer"])
    assert count_of(page, "niva", "nationell") == national
    psychiatry_lokal = sum(1 for r in deficiencies if r["nivå"] == "lokal" and "psykiatrin" in r["aktörer"])
    assert count_of(page, "aktor", "psykiatrin") == psychiatry_lokal
    # Two values in one facet: either of them; the address follows.
    page.locator("#po-f-aktor-psykiatrin").check()
    either = [r for r in deficiencies
              if r["nivå"] == "lokal" and {"forsakringskassan", "psykiatrin"} & set(r["aktörer"])]
    assert card_ids(page) == newest_first(either)
    query = parse_qs(page.evaluate("location.search").lstrip("?"))
    assert query == {"niva": ["lokal"], "aktor": ["forsakringskassan", "psykiatrin"]}
    # The address is the view: opened anew, it shows the same.
    shared = open_page(page.evaluate("location.pathname + location.search"))
    assert card_ids(shared) == newest_first(either)
    assert shared.locator("#po-f-aktor-psykiatrin").is_checked()
    assert shared.inner_text(".md-content h1").startswith("Brister: ")
    # Taking the filters away brings back every deficiency.
    page.click("button.po-filter-clear")
    assert len(card_ids(page)) == min(len(deficiencies), 50)
    assert page.evaluate("location.search") == ""


def test_filtering_ignores_diacritics(open_page, deficiencies):
    page = open_page("/brister/")
    page.fill("#po-sok", "forsakringskassan")
    want = [r for r in deficiencies
            if "forsakringskassan" in r["aktörer"] or "forsakringskassan" in fold(r["rubrik"])]
    assert card_ids(page) == newest_first(want)[:50]
    assert "q=forsakringskassan" in page.evaluate("location.search")
    page.fill("#po-sok", "FÖRSÄKRINGSKASSAN")
    assert card_ids(page) == newest_first(want)[:50]
    # Several words: all of them, anywhere on the card.
    page.fill("#po-sok", "e-legitimation forsakringskassan")
    both = [r for r in want if "e-legitimation" in fold(r["rubrik"])]
    assert both and card_ids(page) == newest_first(both)


def test_filtering_without_javascript_uses_the_static_facet_pages(open_page, deficiencies):
    page = open_page("/brister/niva/lokal/", javascript=False)
    lokal = [r for r in deficiencies if r["nivå"] == "lokal"]
    assert card_ids(page) == newest_first(lokal)[:50]
    assert page.locator("nav.po-facets input").count() == 0
    link = page.locator('nav.po-facets a[data-po-facet="aktor"][data-po-value="forsakringskassan"]')
    assert link.get_attribute("href") == "../../aktor/forsakringskassan/"
    # Counts on a facet page are counts within that facet.
    within = sum(1 for r in lokal if "forsakringskassan" in r["aktörer"])
    count = link.locator("xpath=following-sibling::span[1]").text_content()
    assert count == f"({within})"
    page.locator("nav.po-facets summary", has_text="Aktör").click()
    link.click()
    assert urlparse(page.url).path == "/brister/aktor/forsakringskassan/"
    assert card_ids(page) == newest_first([r for r in deficiencies if "forsakringskassan" in r["aktörer"]])


def test_a_facet_page_with_javascript_combines_with_the_next_choice(open_page, deficiencies):
    page = open_page("/brister/niva/lokal/")
    page.locator("nav.po-facets summary", has_text="Aktör").click()
    with page.expect_navigation():
        page.locator('nav.po-facets a[data-po-value="forsakringskassan"]').click()
    assert urlparse(page.url).path == "/brister/"
    page.wait_for_selector("nav.po-facets[data-po-ready]", state="attached")
    want = [r for r in deficiencies if r["nivå"] == "lokal" and "forsakringskassan" in r["aktörer"]]
    assert card_ids(page) == newest_first(want)


def test_back_from_a_report_to_the_filtered_list(open_page):
    page = open_page(FILTERED)
    list_url = page.url
    with page.expect_navigation():
        page.locator(".po-list-main .po-card a").first.click()
    back = page.locator("a[data-po-back]")
    assert back.inner_text() == "Tillbaka till Brister: Lokal nivå, Försäkringskassan"
    with page.expect_navigation():
        back.click()
    assert page.url == list_url
    page.wait_for_selector("nav.po-facets[data-po-ready]", state="attached")
    assert page.locator("#po-f-aktor-forsakringskassan").is_checked()


def test_a_report_opened_directly_points_back_to_all_deficiencies(open_page):
    page = open_page("/brister/B-2025-003/")
    back = page.locator("a[data-po-back]")
    assert back.inner_text() == "Alla brister"
    assert back.get_attribute("href") == "../"


def test_the_copy_button_copies_the_permanent_link(browser, base_url):
    context = browser.new_context(locale="sv-SE")
    try:
        context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url)
        page = context.new_page()
        page.goto(base_url + "/brister/B-2025-003/")
        button = page.locator("button[data-po-copy]")
        assert button.is_visible()
        button.click()
        page.wait_for_function("document.querySelector('.po-copy__status').textContent !== ''")
        assert page.inner_text(".po-copy__status") == "Länken är kopierad."
        assert page.evaluate("navigator.clipboard.readText()") == "https://exempellan.example/brister/B-2025-003/"
    finally:
        context.close()


def test_without_javascript_the_citation_is_there_and_no_dead_button(open_page):
    page = open_page("/brister/B-2025-003/", javascript=False)
    assert "https://exempellan.example/brister/B-2025-003/" in page.inner_text(".po-cite")
    assert not page.locator("button[data-po-copy]").is_visible()


@pytest.mark.parametrize("width", [320, 390])
def test_the_actor_table_fits_a_phone(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="sv-SE")
    try:
        page = context.new_page()
        page.goto(base_url + "/aktorer/")
        box = page.locator(".po-table-wrap").first
        scroll, client = box.evaluate("e => [e.scrollWidth, e.clientWidth]")
        assert scroll <= client + 1, f"tabellen är {scroll} px i en ruta på {client} px"
    finally:
        context.close()


@pytest.mark.parametrize("name", ["start", "filtrerad-lista", "rapport", "aktor", "oppna-data", "arsrapport"])
def test_no_page_requests_a_missing_file(browser, base_url, name):
    """Material fetched flode/sitemap.xml for the feed link on every page; nothing may fail."""
    context = browser.new_context(locale="sv-SE")
    failed: list[str] = []
    try:
        page = context.new_page()
        page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        page.goto(base_url + PAGES[name], wait_until="networkidle")
        page.wait_for_timeout(300)
        # The feed links are back in place for anyone reading the live page.
        assert page.locator('link[rel="alternate"][type="application/atom+xml"]').count() >= 1
    finally:
        context.close()
    assert not failed, f"{PAGES[name]} begär filer som inte finns: {failed}"
