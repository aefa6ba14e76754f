"""Shared fixtures for the browser tests: the sample site built once, served on 127.0.0.1,
and one Debian Chromium driven by Playwright for the whole session.

The browser is always the system's /usr/bin/chromium (Debian's package, installed by
`make test`); a browser that Playwright downloads itself is never used. Where Chromium or
Playwright is missing the tests skip locally with a hint, and fail in CI (CI set), where a
skipped accessibility suite would look like a passed one.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
ARTEFACTS = REPO / "test-artefakter"
SCREENSHOTS = ARTEFACTS / "skarmbilder"
CHROMIUM = Path(os.environ.get("PO_CHROMIUM", "/usr/bin/chromium"))
# Flags for a headless Chromium on a machine without network: without the background
# networking ones it keeps trying to reach Google's services at every start.
LAUNCH_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
WIDTHS = {"mobil": (375, 812), "surfplatta": (768, 1024), "dator": (1280, 900)}

# Every kind of page the public site has, by a short name used in test ids and file names.
PAGES = {
    "start": "/",
    "brister": "/brister/",
    "filtrerad-lista": "/brister/?niva=lokal&aktor=forsakringskassan",
    "facett": "/brister/niva/lokal/",
    "rapport": "/brister/B-2025-003/",
    "positiv-handelse": "/positivt/P-2025-001/",
    "aktor": "/aktorer/forsakringskassan/",
    "aktorer": "/aktorer/",
    "positiva": "/positivt/",
    "arsrapport": "/arsrapport/2025/",
    "arsrapporter": "/arsrapport/",
    "sokresultat": "/?q=försäkringskassan",
    "sa-fungerar-det": "/sa-fungerar-det/",
    "oppna-data": "/oppna-data/",
    "guide": "/guide/",
    "404": "/404.html",
    "tillganglighet": "/tillganglighet/",
}

# Screenshots and axe runs must not depend on where an animation happens to be.
NO_MOTION_CSS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def wait_until_settled(page: Any) -> None:
    """The list's combined filter is built once its index has arrived (po.js marks it ready)."""
    if page.locator("nav.po-facets[data-po-combined]").count():
        page.wait_for_selector("nav.po-facets[data-po-ready]", state="attached", timeout=15_000)


def unavailable(message: str) -> None:
    """Skip locally, but fail in CI: there the browser suite must really run."""
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI är satt: webbläsartesterna måste köras)", pytrace=False)
    pytest.skip(f"{message} – kör `make test`, som installerar det som behövs")


class _SiteHandler(SimpleHTTPRequestHandler):
    """Static files, and the site's own 404 page for a missing path, as a web host does."""

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="session")
def built_site(sample_site: Path) -> Path:
    """The sample site as `make site` builds it (the yearly report's PDF included)."""
    return sample_site


@pytest.fixture(scope="session")
def base_url(built_site: Path) -> Iterator[str]:
    handler = functools.partial(_SiteHandler, directory=str(built_site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="webbplats", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright saknas (pip install -e '.[dev]')")
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        unavailable(f"Chromium saknas ({CHROMIUM}; Debians paket chromium)")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def screenshot_dir() -> Path:
    """test-artefakter/skarmbilder/, emptied of the previous run's pictures."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob("*.png"):
        old.unlink()
    return SCREENSHOTS


def local_page(browser: Any, size: tuple[int, int], contexts: list[Any], javascript: bool = True) -> Any:
    """A new page in its own context (kept in `contexts` to close), Swedish, without motion,
    whose every request outside the local server is blocked and recorded in `page.po_outside`."""
    w, h = size
    context = browser.new_context(viewport={"width": w, "height": h}, locale="sv-SE",
                                  reduced_motion="reduce", java_script_enabled=javascript)
    contexts.append(context)
    outside: list[str] = []

    def guard(route: Any) -> None:
        outside.append(route.request.url)
        route.abort()

    # A pattern, not a Python function: the browser matches it itself. With a function every
    # request waits for the test's thread, which may be asleep (the form's save hung on it).
    context.route(re.compile(r"^(?!http://127\.0\.0\.1:\d+/)"), guard)
    page = context.new_page()
    page.po_outside = outside
    return page


@pytest.fixture
def open_page(browser: Any, base_url: str) -> Iterator[Callable[..., Any]]:
    """open_page(path, width="dator", media=None, javascript=True) -> a Playwright page, loaded and settled.

    Every request that is not to the local server is blocked and recorded in
    `page.po_outside`: the site must work, and be tested, without any third party.
    """
    contexts = []

    def opener(path: str, width: str = "dator", media: str | None = None, settle: bool = True,
               javascript: bool = True) -> Any:
        page = local_page(browser, WIDTHS[width], contexts, javascript=javascript)
        if media:
            page.emulate_media(media=media)
        response = page.goto(base_url + path, wait_until="load")
        page.po_status = response.status if response else 0
        # add_style_tag waits for the style's load event, which a page without JavaScript
        # never reports; such a page has no animations to stop either.
        if settle and javascript:
            page.add_style_tag(content=NO_MOTION_CSS)
            wait_until_settled(page)
        return page

    yield opener
    for context in contexts:
        context.close()


def require_page(page: Any, path: str) -> None:
    """A clear failure for a page kind that the build did not produce."""
    if page.po_status != 200:
        pytest.fail(f"sidan {path} finns inte på den byggda webbplatsen (HTTP {page.po_status}); "
                    "den är en av sidtyperna som ska testas", pytrace=False)


def describe(page: Any) -> str:
    return page.evaluate("""() => {
        const e = document.activeElement;
        const text = (e.getAttribute('aria-label') || e.textContent || '').trim().replace(/\\s+/g, ' ');
        return `<${e.tagName.toLowerCase()} class="${e.className}"> ${text.slice(0, 60)}`;
    }""")


def artefact(name: str) -> Path:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    return ARTEFACTS / name


def java_available() -> bool:
    return shutil.which("java") is not None
