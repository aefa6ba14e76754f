"""The live preview (`make serve`: mkdocs serve --dirty) in a real browser, as an ombud meets it.

A published report is saved with a wrong value. In Chromium: the report's page stays (200) and
shows, in Swedish, that file's errors with line, message and a link to the guide's explanation
of the code, and the link leads there; every other page shows the banner with the count and a
link to the error list, which names the file; the guide stays reachable; axe finds nothing on
the error pages or the banner; no English from MkDocs is visible. Saved again without the
error, the open page turns back into the report by itself and the banner goes.

Pictures of the error page, the error list and the start page with the banner, at phone and
desktop width, go to test-artefakter/skarmbilder/forhandsvisning-*.png.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from po_build.contract.codes import CODES
from po_build.mkdocs.preview import ERRORS_URL

from ..contentgen import write_tree
from ..test_serve import ENGLISH, published_reports, serving, wait_for
from .conftest import NO_MOTION_CSS, REPO, local_page
from .test_axe import axe_violations, report

# The brief's phone is 390 px wide (an iPhone 12–15); the desktop is the other tests' one.
SIZES = {"mobil": (390, 844), "dator": (1280, 900)}
# What MkDocs or an untranslated theme would show a writer: none of it may be visible. None is
# what MkDocs' menu said, under --dirty, for a page whose title comes from its text.
ENGLISH_ON_PAGE = re.compile(r"\b(None|404|Not [Ff]ound|Page not found|Error|Warning|Traceback|Skip to content|"
                             r"Previous|Next|Search|Back to top|Table of contents|Made with)\b")
# A value of allvarlighet that the vocabulary does not have: one error, PO206, at its line.
WRONG_VALUE = "allvarlighet: jättehög"
CODE = "PO206"
# A save is rebuilt and reloaded in a second or two; a busy CI machine gets far longer.
RELOAD_MS = 120_000


def organisation_site(root: Path) -> None:
    """A generated content tree with the theme set-up `po init` gives an organisation: its
    overrides (the Swedish footer, the skip link) and no fonts from Google's servers."""
    write_tree(root, 8, unpublished_share=0.0)
    shutil.copytree(REPO / "po_build" / "data" / "ny-organisation" / "overrides", root / "overrides")
    settings = root / "mkdocs.yml"
    text = settings.read_text("utf-8")
    assert "  language: sv\n" in text
    settings.write_text(text.replace("  language: sv\n", "  language: sv\n  custom_dir: overrides\n  font: false\n"),
                        "utf-8")


@pytest.fixture
def new_page(browser: Any) -> Iterator[Callable[[str], Any]]:
    """new_page(width) -> a page whose requests outside 127.0.0.1 are blocked and recorded."""
    contexts: list[Any] = []

    def opener(width: str) -> Any:
        return local_page(browser, SIZES[width], contexts)

    yield opener
    for context in contexts:
        context.close()


def goto(page: Any, url: str) -> int:
    response = page.goto(url, wait_until="load")
    page.add_style_tag(content=NO_MOTION_CSS)
    return response.status if response else 0


def visible_text(page: Any) -> str:
    return str(page.inner_text("body"))


def assert_swedish_and_accessible(page: Any, what: str) -> None:
    text = visible_text(page)
    english = ENGLISH_ON_PAGE.findall(text)
    assert not english, f"engelska på {what}: {english}\n{text[:1500]}"
    violations = axe_violations(page)
    assert not violations, f"axe hittade brister på {what}:\n{report(violations)}"
    assert not page.po_outside, f"{what} hämtar från andra webbplatser: {page.po_outside}"


def test_a_report_saved_with_an_error_shows_its_errors_the_banner_and_comes_back_when_fixed(
    tmp_path: Path, new_page: Callable[[str], Any], screenshot_dir: Path
) -> None:
    organisation_site(tmp_path)
    report_file = published_reports(tmp_path)[2]
    report_id = report_file.name[: len("B-2025-001")]
    good = report_file.read_text("utf-8")
    headline = re.search(r"^rubrik: (.*)$", good, re.M).group(1)
    severity = re.search(r"^allvarlighet: .*$", good, re.M).group(0)
    line = good.split("\n").index(severity) + 1
    log: list[str] = []
    with serving(tmp_path, log) as url:
        report_url = f"{url}brister/{report_id}/"
        page = new_page("dator")
        assert goto(page, report_url) == 200
        assert page.inner_text("article h1") == headline

        # 1. The save: the open page turns into the file's error page by itself (livereload).
        report_file.write_text(good.replace(severity, WRONG_VALUE), "utf-8")
        page.wait_for_selector("text=Sidan har fel att rätta", timeout=RELOAD_MS)
        assert goto(page, report_url) == 200, "sidan för en rapport med fel ska finnas kvar"
        assert page.inner_text("article h1") == "Sidan har fel att rätta"
        shown = report_file.relative_to(tmp_path).as_posix()  # as po check names it
        assert f"Filen {shown} har 1 fel." in page.inner_text("article .po-lead")
        problems = page.locator("ol.po-problems > li")
        assert problems.count() == 1, visible_text(page)
        column = len("allvarlighet: ") + 1  # the value's own column
        assert problems.locator(".po-problems__where").inner_text() == f"Rad {line}, kolumn {column}"
        assert "jättehög" in problems.locator(".po-problems__message").inner_text()
        code_link = problems.locator("a.po-problems__code")
        assert code_link.inner_text() == f"{CODE}: vad betyder det?"
        assert page.locator(".po-preview-banner").count() == 0, "felsidan visar felen själv, utan banner"
        assert_swedish_and_accessible(page, "felsidan för filen")
        for width in SIZES:
            shot = new_page(width)
            goto(shot, report_url)
            shot.screenshot(path=str(screenshot_dir / f"forhandsvisning-felsida-{width}.png"), full_page=True)

        # The link to the code's explanation: the guide's page of codes, at that code.
        code_link.click()
        page.wait_for_load_state("load")
        assert page.url == f"{url}guide/felkoder/#{CODE.lower()}"
        explanation = page.locator(f"#{CODE.lower()}")
        explanation.wait_for(state="visible")
        assert CODE in explanation.inner_text()
        assert CODES[CODE].rubrik.rstrip(".") in visible_text(page)
        assert explanation.is_visible() and explanation.bounding_box()["y"] < SIZES["dator"][1]

        # 2. Every other page: its last good version, with the banner and its link to the list.
        assert goto(page, url) == 200
        banner = page.locator(".po-preview-banner")
        assert banner.count() == 1
        assert "1 fel" in banner.inner_text()
        assert page.locator(".md-content h1").count() == 1, "startsidan ska finnas kvar under bannern"
        assert_swedish_and_accessible(page, "startsidan med bannern")
        for width in SIZES:
            shot = new_page(width)
            goto(shot, url)
            shot.screenshot(path=str(screenshot_dir / f"forhandsvisning-banner-{width}.png"), full_page=False)
        assert goto(page, url + "brister/") == 200
        assert headline in visible_text(page), "listan visar den senaste versionen utan fel"
        page.locator(".po-preview-banner a").click()
        page.wait_for_load_state("load")
        assert page.url == url + ERRORS_URL
        assert page.inner_text("article h1") == "Det finns 1 fel att rätta"
        assert page.locator("h2.po-problems__file").all_inner_texts() == [shown]
        assert page.locator(".po-preview-banner").count() == 0
        assert_swedish_and_accessible(page, "listan över fel")
        for width in SIZES:
            shot = new_page(width)
            goto(shot, url + ERRORS_URL)
            shot.screenshot(path=str(screenshot_dir / f"forhandsvisning-fellista-{width}.png"), full_page=True)
        page.get_by_role("link", name="Sidan för filen").click()
        page.wait_for_load_state("load")
        assert page.url == report_url and page.inner_text("article h1") == "Sidan har fel att rätta"

        # 3. The guide stays reachable while there are errors, from the error page's own link.
        page.locator("article a", has_text="Guiden").click()
        page.wait_for_load_state("load")
        assert page.url == url + "guide/"
        assert page.locator("article h1").count() == 1
        assert not ENGLISH_ON_PAGE.findall(visible_text(page))

        # 6. Saved without the error: the open page becomes the report again, and the banner goes.
        assert goto(page, report_url) == 200
        report_file.write_text(good, "utf-8")
        page.wait_for_selector(f"article h1:has-text('{headline}')", timeout=RELOAD_MS)
        assert page.locator(".po-problems").count() == 0
        wait_for(url, "Testorganisation", absent="po-preview-banner")
        assert goto(page, url) == 200
        assert page.locator(".po-preview-banner").count() == 0
        assert goto(page, url + ERRORS_URL) == 200
        assert page.inner_text("article h1") == "Inga fel just nu"
    assert not ENGLISH.search(log[0]), log[0][-3000:]
