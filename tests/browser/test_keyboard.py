"""With the keyboard alone: a skip link first, every control reachable, focus always visible."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import describe

REPORT = "/brister/B-2025-003/"
LIST = "/brister/"
MAX_STEPS = 250

# What a keyboard user must be able to reach, when it is on screen.
INTERACTIVE = ("a[href], summary, button, input:not([type=hidden]), select, textarea, "
               "[tabindex]:not([tabindex='-1'])")

FOCUS_STATE = """() => {
    const e = document.activeElement;
    if (!e || e === document.body) return null;
    const cs = getComputedStyle(e);
    const r = e.getBoundingClientRect();
    e.dataset.poReached = '1';
    return {
        outline: cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0,
        shadow: cs.boxShadow !== 'none',
        visible: e.checkVisibility({opacityProperty: true, visibilityProperty: true})
                 && r.width > 0 && r.height > 0,
        onScreen: r.right > 0 && r.bottom > 0 && r.left < innerWidth,
    };
}"""

UNREACHED = """selector => Array.from(document.querySelectorAll(selector))
    .filter(e => !e.dataset.poReached && !e.disabled
                 && e.checkVisibility({opacityProperty: true, visibilityProperty: true})
                 && e.getBoundingClientRect().width > 0)
    .map(e => `<${e.tagName.toLowerCase()} class="${e.className}"> ${(e.textContent || '').trim().slice(0, 50)}`)"""


def tab_through(page: Any) -> list[str]:
    """Tab from the top until focus comes round again; every stop must show where focus is."""
    problems = []
    first = None
    for _ in range(MAX_STEPS):
        page.keyboard.press("Tab")
        state = page.evaluate(FOCUS_STATE)
        if state is None:  # the browser's own stop between the end and the start of the page
            continue
        if not (state["visible"] and state["onScreen"]):
            # Material opens the search box a moment after its field takes focus.
            page.wait_for_timeout(150)
            state = page.evaluate(FOCUS_STATE)
        here = describe(page)
        if first is None:
            first = here
        elif here == first:
            return problems
        if not (state["visible"] and state["onScreen"]):
            problems.append(f"osynligt element får fokus: {here}")
        elif not (state["outline"] or state["shadow"]):
            problems.append(f"ingen synlig fokusmarkering: {here}")
    problems.append(f"fokus kom inte tillbaka till början efter {MAX_STEPS} tabbsteg")
    return problems


@pytest.mark.parametrize("path", [REPORT, LIST])
def test_skip_link_comes_first_is_swedish_and_skips_to_the_content(open_page, path):
    page = open_page(path)
    page.keyboard.press("Tab")
    skip = page.locator("a.po-skip")
    assert page.evaluate("document.activeElement.classList.contains('po-skip')"), describe(page)
    assert skip.inner_text().strip() == "Hoppa till innehållet"
    assert page.evaluate("getComputedStyle(document.activeElement).opacity") == "1", \
        "överhoppningslänken syns inte när den har fokus"
    assert page.locator(".md-skip:not(.po-skip)").evaluate_all(
        "els => els.every(e => !e.checkVisibility())"), "Materials egen överhoppningslänk syns också"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#innehall"
    page.keyboard.press("Tab")
    assert page.evaluate("!!document.activeElement.closest('article.md-content__inner')"), (
        f"efter överhoppningslänken hamnar fokus utanför innehållet: {describe(page)}"
    )


@pytest.mark.parametrize("width", ["dator", "mobil"])
@pytest.mark.parametrize("path", [REPORT, LIST])
def test_every_control_is_reachable_and_visibly_focused(open_page, path, width):
    page = open_page(path, width)
    problems = tab_through(page)
    unreached = page.evaluate(UNREACHED, INTERACTIVE)
    problems += [f"nås inte med tabb: {u}" for u in unreached]
    assert not problems, f"{path} ({width}):\n" + "\n".join(problems)


def test_facets_open_from_the_keyboard(open_page):
    """Without JavaScript the facets are links to the static facet pages."""
    page = open_page(LIST, javascript=False)
    details = page.locator("nav.po-facets details").filter(has=page.locator("summary", has_text="Status"))
    details.locator("summary").focus()
    link = details.locator("a").first
    assert not link.is_visible()
    page.keyboard.press("Enter")
    assert link.is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('details')?.open === true"), describe(page)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/brister/status/" in page.url


def test_combined_filters_work_from_the_keyboard(open_page):
    """With JavaScript the facets on /brister/ are checkboxes: Space chooses, the list follows."""
    page = open_page(LIST)
    details = page.locator("nav.po-facets details").filter(has=page.locator("summary", has_text="Nivå"))
    details.locator("summary").focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "checkbox", describe(page)
    name = page.evaluate("document.activeElement.value")
    page.keyboard.press("Space")
    assert f"niva={name}" in page.evaluate("location.search")
    assert page.locator(".po-chosen button").count() == 1
    # The chosen value's button removes it again, from the keyboard too.
    page.locator(".po-chosen button").focus()
    page.keyboard.press("Enter")
    assert "niva=" not in page.evaluate("location.search")


def test_phone_menu_opens_and_closes_from_the_keyboard(open_page):
    page = open_page(REPORT, "mobil")
    button = page.locator('label.md-header__button[for="__drawer"]')
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('for')") == "__drawer", describe(page)
    assert button.get_attribute("aria-label") == "Meny"
    assert button.get_attribute("aria-expanded") == "false"
    page.keyboard.press("Enter")
    page.wait_for_function("document.activeElement.closest('.md-sidebar--primary') !== null")
    assert button.get_attribute("aria-expanded") == "true"
    assert page.evaluate(FOCUS_STATE)["visible"], describe(page)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null"), describe(page)
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.getAttribute('for')") == "__drawer"
    assert not page.locator(".md-sidebar--primary a").first.is_visible()


@pytest.mark.parametrize("width", ["dator", "mobil"])
def test_search_from_the_keyboard(open_page, width):
    page = open_page(LIST, width)
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-search__input')"):
            break
    else:
        pytest.fail(f"sökrutan nås inte med tabb ({width}): {describe(page)}")
    page.keyboard.type("försäkringskassan")
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('md-search-result__link')"), describe(page)
    state = page.evaluate(FOCUS_STATE)
    assert state["visible"] and (state["outline"] or state["shadow"]), describe(page)
    target = page.evaluate("document.activeElement.href")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.split("#")[0] == target.split("#")[0]
