"""The form at /admin/ in a real browser: an ombud submits through the form only.

A temporary clone of the sample site is the git repository; Decap's own local
server (decap-server in git mode, from node_modules) is started and stopped here,
so saving makes a review branch exactly as a pull request on GitHub would. Every
request the page makes to another host is recorded and fails the test.
"""

from __future__ import annotations

import functools
import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from datetime import date
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from po_build.model.slug import report_file_name

from .conftest import REPO, WIDTHS, _SiteHandler, artefact, local_page, unavailable
from .test_axe import WCAG_TAGS, report

SERVER = REPO / "node_modules" / "decap-server" / "dist" / "index.js"
YEAR = date.today().year - 1  # a date in the past, in a year the sample site has reports for
SAMPLE_YEAR = 2025
# No animations, as in the other browser tests, except Decap's messages: they close when
# their animation ends, and would otherwise stay over the buttons for good.
NO_MOTION_CSS = ('*:not([class*="Toastify"]), *:not([class*="Toastify"])::before, '
                 '*:not([class*="Toastify"])::after { transition: none !important; animation: none !important; }')
RUBRIK = "Telefontiden hos kundtjänsten räcker inte för klienterna"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _git(root: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@exempel.invalid",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@exempel.invalid"}
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True, env=env).stdout


def _build(root: Path, site: Path) -> None:
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    config.plugins["po"].config.pdf = False
    build(config)


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The sample site in a new git repository, its built site served, decap-server beside it."""
    if shutil.which("node") is None or not SERVER.is_file():
        unavailable("Node.js eller decap-server saknas (kör npm ci --ignore-scripts)")
    root = tmp_path_factory.mktemp("arkiv") / "webbplats"
    root.mkdir()
    for name in ("content", "overrides"):
        shutil.copytree(REPO / name, root / name)
    port = _free_port()
    text = (REPO / "mkdocs.yml").read_text("utf-8").replace(
        "      gren: main\n", f"      gren: main\n      lokal_server: http://127.0.0.1:{port}/api/v1\n")
    (root / "mkdocs.yml").write_text(text, "utf-8")
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "Exempelwebbplatsen")
    site = root.parent / "site"
    _build(root, site)
    (root.parent / ".gitignore").write_text("site/\n")

    handler = functools.partial(_SiteHandler, directory=str(site))
    web = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    web.daemon_threads = True
    threading.Thread(target=web.serve_forever, daemon=True).start()
    log = (root.parent / "decap-server.log").open("w")
    server = subprocess.Popen(
        ["node", str(SERVER)], cwd=root, stdout=log, stderr=subprocess.STDOUT,
        env={**os.environ, "MODE": "git", "PORT": str(port), "BIND_HOST": "127.0.0.1",
             "GIT_REPO_DIRECTORY": str(root), "LOG_LEVEL": "warn"},
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("decap-server startade inte: " + (root.parent / "decap-server.log").read_text())
                time.sleep(0.2)
        yield {"root": root, "url": f"http://127.0.0.1:{web.server_address[1]}", "site": site}
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
        web.shutdown()
        web.server_close()


@pytest.fixture
def form(browser: Any, clone: dict[str, Any]) -> Iterator[Any]:
    """open(width) -> a signed-in page at /admin/, recording every request to another host."""
    contexts = []

    def opener(width: str = "dator") -> Any:
        page = local_page(browser, WIDTHS[width], contexts)
        page.po_console = []
        page.on("console", lambda m: page.po_console.append(m.text) if m.type == "error" else None)
        page.goto(clone["url"] + "/admin/", wait_until="load")
        page.get_by_role("button", name="Logga in").click()
        page.wait_for_selector("text=Samlingar", timeout=20_000)
        page.add_style_tag(content=NO_MOTION_CSS)
        return page

    yield opener
    for context in contexts:
        context.close()


def _pick(page: Any, label: str, option: str) -> None:
    page.get_by_label(label, exact=True).click()
    page.keyboard.type(option)
    page.keyboard.press("Enter")


def _errors(page: Any) -> list[str]:
    # Decap shows each field's errors in a list above the field.
    return [t.strip() for t in page.locator("ul li").all_inner_texts() if t.strip()]


def _save(page: Any) -> None:
    # On a phone a message from the last save can lie over the button for a few seconds:
    # the click waits until it has gone, as one would.
    page.get_by_role("button", name="Spara och lämna in").click()


def _new(page: Any, clone: dict[str, Any], collection: str) -> None:
    page.goto(f"{clone['url']}/admin/#/collections/{collection}/new")
    page.get_by_label("Förslag till åtgärder" if collection == "brister" else "Händelse").wait_for()
    # From another report's page the old form shows for a moment: wait for the empty one.
    deadline = time.monotonic() + 15
    while page.get_by_label("Datum", exact=True).input_value() and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    page.add_style_tag(content=NO_MOTION_CSS)


def _branches(root: Path) -> list[str]:
    return [b.strip() for b in _git(root, "for-each-ref", "--format=%(refname:short)", "refs/heads/cms").split()]


def _wait_for_branch(root: Path, before: list[str], page: Any) -> str:
    """The new review branch, once the form says it is saved and the branch has the commit."""
    # Decap's local server takes its time over git on a busy machine: it makes the branch
    # first and commits to it after, so the branch alone is not yet the submission.
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        saved = page.get_by_text("Sparad och inlämnad för granskning.").count() > 0
        new = [b for b in _branches(root) if b not in before]
        if saved and new and _git(root, "rev-list", f"main..{new[0]}").strip():
            return new[0]
        page.wait_for_timeout(300)  # not time.sleep: the page goes on meanwhile
    page.screenshot(path=str(artefact("skarmbilder/formular-sparades-inte.png")))
    toasts = page.locator(".Toastify").all_inner_texts()
    pytest.fail(f"formuläret sparade ingen gren för granskning: {_errors(page)} {toasts} {page.po_console}")


def _po_check(root: Path, branch: str, worktree: Path) -> subprocess.CompletedProcess[str]:
    # A clone of the review branch, as CI checks out a pull request. Not `git worktree`:
    # decap-server switches branches in the repository, and git refuses a branch that is
    # checked out in another worktree.
    _git(root.parent, "clone", "-q", "--branch", branch, str(root), str(worktree))
    po = REPO / ".venv" / "bin" / "po"
    return subprocess.run([str(po if po.exists() else "po"), "check"], cwd=worktree, capture_output=True, text=True)


def _axe(page: Any) -> list[dict[str, Any]]:
    from axe_playwright_python.base import AXE_SCRIPT

    page.evaluate(AXE_SCRIPT)
    # Our widgets and the fields our config labels; Decap's own frame is its project's business.
    return page.evaluate(
        """tags => axe.run({include: [['.po-avsnitt'], ['input[type=date]'], ['input[id^="id-field-"]']]},
                           {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
                  .then(r => r.violations)""",
        WCAG_TAGS,
    )


def _preview_frame(page: Any) -> Any:
    return next(f for f in page.frames if f != page.main_frame and f.query_selector(".po-forhandsvisning"))


def _preview_text(page: Any) -> str:
    """What the preview shows, once it has drawn the last change."""
    frame = _preview_frame(page)
    frame.wait_for_selector(".po-forhandsvisning")
    page.wait_for_timeout(500)  # Decap redraws the preview a moment after a field changes
    return str(frame.evaluate("document.body.innerText"))


def _axe_preview(page: Any) -> list[dict[str, Any]]:
    """axe-core in the preview's own frame, where our template draws the report as the public page."""
    from axe_playwright_python.base import AXE_SCRIPT

    frame = _preview_frame(page)
    frame.evaluate(AXE_SCRIPT)
    return frame.evaluate(
        """tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
                  .then(r => r.violations)""",
        WCAG_TAGS,
    )


def _wait_for_commit(root: Path, branch: str, head: str, page: Any) -> None:
    """The steering group's change is on the review branch, and the form says it is saved."""
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        saved = page.get_by_text("Sparad och inlämnad för granskning.").count() > 0
        if saved and _git(root, "rev-parse", branch) != head:
            return
        page.wait_for_timeout(300)
    pytest.fail(f"styrgruppens ändring sparades inte: {_errors(page)} {page.po_console}")


def _decide(page: Any, clone: dict[str, Any], report_id: str, branch: str, path: str, wait_for: str,
            screenshot: str) -> None:
    """The steering group opens the submission from the list of open ones and decides to publish."""
    root = clone["root"]
    page.goto(f"{clone['url']}/admin/#/workflow")
    page.get_by_text(report_id).first.wait_for()
    # Handed in, it waits for the steering group: under Till granskning, not as a draft.
    assert page.get_by_text("1 inlämnad rapport väntar på granskning").count() == 1
    page.screenshot(path=str(artefact(f"skarmbilder/{screenshot}")))
    page.get_by_text(report_id).first.click()
    page.get_by_label(wait_for).wait_for()
    page.add_style_tag(content=NO_MOTION_CSS)
    page.get_by_label("Publicera (styrgruppens beslut)").click()
    _save(page)
    page.wait_for_timeout(800)
    # The date of the decision is required once the box is ticked, as `po check` wants.
    assert "behöver fyllas i när rutan ”publicera” är ikryssad" in " ".join(_errors(page)).lower()
    page.get_by_label("Datum för beslutet att publicera").fill(date.today().isoformat())
    head = _git(root, "rev-parse", branch)
    _save(page)
    _wait_for_commit(root, branch, head, page)
    decided = _git(root, "show", f"{branch}:{path}")
    assert "publicera: true\n" in decided and f"publicerad: {date.today().isoformat()}\n" in decided


def _merge_and_build(root: Path, branch: str, site: Path) -> None:
    """The pull request merged (on GitHub or GitLab), then the public site built from main."""
    # A merged pull request is no longer open; decap-server knows open ones by their branch.
    _git(root, "merge", "-q", "--no-ff", "-m", "Inlämningen godkänd", branch)
    _git(root, "branch", "-q", "-d", branch)
    _build(root, site)


def _next_on_main(root: Path, letter: str) -> str:
    numbers = [int(p.name[7:10]) for p in (root / "content" / "brister" / str(SAMPLE_YEAR)).glob(f"{letter}-*.md")]
    return f"{letter}-{SAMPLE_YEAR}-{max(numbers) + 1:03d}"


def _wait_for_id(page: Any, expected: str) -> None:
    id_box = page.get_by_label("Id", exact=True)
    deadline = time.monotonic() + 15
    while id_box.input_value() != expected and time.monotonic() < deadline:
        page.wait_for_timeout(200)
    assert id_box.input_value() == expected


def test_an_ombud_submits_a_deficiency_through_the_form(form: Any, clone: dict[str, Any], tmp_path: Path) -> None:
    root = clone["root"]
    page = form()
    _new(page, clone, "brister")
    page.get_by_label("Rubrik", exact=True).fill(RUBRIK)
    page.get_by_label("Datum", exact=True).fill(f"{SAMPLE_YEAR}-05-10")
    _pick(page, "Nivå", "Lokal nivå")
    _pick(page, "Kategorier", "Bemötande")  # only for the individual level
    _pick(page, "Aktörer", "Försäkringskassan")
    page.get_by_label("Beskrivning").fill("Klienter kommer inte fram till sin handläggare på telefon.")
    page.get_by_label("Orsaker").fill(
        "Skriv vad som orsakar bristen: rutiner, regler, organisation eller arbetssätt, inte enskilda personer.")
    page.get_by_label("Konsekvenser").fill("Kompletteringar kommer in för sent och ersättningen dröjer.")
    # The next free id of the year on the main branch of the sample site (B-2025-021).
    expected = _next_on_main(root, "B")
    _wait_for_id(page, expected)

    before = _branches(root)
    _save(page)
    page.wait_for_timeout(800)
    errors = " ".join(_errors(page)).lower()
    # Refused in the form, in Swedish: a required field left empty, a category not for the
    # level, a missing required section, the hint text left in a section. Nothing was saved.
    assert "allvarlighet behöver fyllas i." in errors, errors
    assert "”bemötande” hör inte till lokal nivå" in errors, errors
    assert "skriv något under ”förslag till åtgärder”" in errors, errors
    assert "hjälptexten under ”orsaker” står kvar" in errors, errors
    assert _branches(root) == before
    page.get_by_text("hör inte till lokal nivå").scroll_into_view_if_needed()
    page.screenshot(path=str(artefact("skarmbilder/formular-fel-dator.png")))

    page.get_by_label("Kategorier", exact=True).click()
    page.keyboard.press("Backspace")
    page.keyboard.type("Tillgänglighet")
    page.keyboard.press("Enter")
    _pick(page, "Allvarlighet", "Hög")
    page.get_by_label("Orsaker").fill("Telefontiden är två timmar i veckan och ingen ringer tillbaka.")
    page.get_by_label("Förslag till åtgärder").fill("Längre telefontid och en rutin för att ringa tillbaka.")
    page.get_by_label("Rapportör").fill("Ombud A")
    page.get_by_label("Beskrivning").scroll_into_view_if_needed()
    page.screenshot(path=str(artefact("skarmbilder/formular-brist-dator.png")))
    # The preview beside the form follows the public projection: a draft banner, the date as
    # month and year, nothing written under Internt.
    shown = _preview_text(page)
    assert "Förhandsvisning – inte offentlig" in shown and RUBRIK in shown
    assert f"maj {SAMPLE_YEAR}" in shown and f"{SAMPLE_YEAR}-05-10" not in shown
    assert "Ombud A" not in shown and "Rapportör" not in shown
    _save(page)
    branch = _wait_for_branch(root, before, page)
    assert not page.po_outside, f"formuläret hämtade från andra webbplatser: {page.po_outside}"
    violations = _axe(page)
    assert not violations, report(violations)

    # The review branch has the file, named as the content format wants, and po check passes.
    files = [f for f in _git(root, "ls-tree", "-r", "--name-only", branch, "content/brister").split()
             if f"/{expected}-" in f]
    # As `po ny` names it: the id as it is, the year's folder, whole words of the rubrik.
    assert files == [f"content/brister/{SAMPLE_YEAR}/{report_file_name(expected, RUBRIK)}"]
    assert files[0].endswith("-telefontiden-hos-kundtjansten-racker-inte-for.md")
    text = _git(root, "show", f"{branch}:{files[0]}")
    assert text.startswith(f"---\nid: {expected}\ntyp: brist\n")
    assert "kategorier:\n  - tillganglighet\n" in text and "publicera: false\n" in text
    assert "intern:\n  rapportör: Ombud A\n" in text
    assert "tema:" not in text and "områden:" not in text  # empty optional fields are left out
    for heading in ("## Beskrivning", "## Orsaker", "## Konsekvenser", "## Förslag till åtgärder"):
        assert heading in text
    assert "## Vad ombuden har gjort" not in text
    result = _po_check(root, branch, tmp_path / "granskning")
    assert result.returncode == 0, result.stdout + result.stderr
    assert _git(root, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"  # the main branch is untouched
    assert not (root / files[0]).exists()

    # A second report while the first is still open gets the next number, not the same.
    _new(page, clone, "brister")
    page.get_by_label("Datum", exact=True).fill(f"{SAMPLE_YEAR}-06-01")
    _wait_for_id(page, f"B-{SAMPLE_YEAR}-{int(expected[-3:]) + 1:03d}")
    page.once("dialog", lambda dialog: dialog.accept())  # leave it unsaved

    # The steering group decides in the same form; merged, it builds into the public page.
    _decide(page, clone, expected, branch, files[0], "Förslag till åtgärder", "formular-inlamnade-dator.png")
    _merge_and_build(root, branch, tmp_path / "publik")
    public = (tmp_path / "publik" / "brister" / expected / "index.html").read_text("utf-8")
    assert RUBRIK in public
    assert f"maj {SAMPLE_YEAR}" in public and f"{SAMPLE_YEAR}-05-10" not in public
    assert "Ombud A" not in public


def test_an_ombud_submits_a_positive_event_on_a_phone(form: Any, clone: dict[str, Any], tmp_path: Path) -> None:
    root = clone["root"]
    page = form("mobil")
    _new(page, clone, "positiva")
    # Nothing of the form reaches outside a phone's screen: not the save button either.
    width = WIDTHS["mobil"][0]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    save = page.get_by_role("button", name="Spara och lämna in").bounding_box()
    assert save is not None and save["x"] >= 0 and save["x"] + save["width"] <= width

    page.get_by_label("Rubrik", exact=True).fill("Ringde upp")
    page.get_by_label("Datum", exact=True).fill(f"{date.today().year + 1}-01-01")
    _pick(page, "Kategorier", "Tydlighet och återkoppling")
    _pick(page, "Aktörer", "Kommunens socialtjänst")
    page.get_by_label("Händelse").fill("En klient fick svar på sin fråga samma dag, med en tydlig plan.")
    before = _branches(root)
    _save(page)
    page.wait_for_timeout(800)
    errors = " ".join(_errors(page)).lower()
    # Refused: a headline shorter than the format allows, a date in the future.
    assert "rubrik: skriv 10–120 tecken." in errors, errors
    assert "ligger i framtiden" in errors, errors
    assert _branches(root) == before
    headline = page.get_by_label("Rubrik", exact=True)
    # Decap redraws a field with an error when it gets focus: fill again until the text is all ours.
    deadline = time.monotonic() + 10
    while headline.input_value() != "Socialtjänsten ringde upp samma dag" and time.monotonic() < deadline:
        headline.fill("Socialtjänsten ringde upp samma dag")
        page.wait_for_timeout(200)
    page.get_by_label("Datum", exact=True).fill(f"{SAMPLE_YEAR}-09-02")
    expected = _next_on_main(root, "P")
    _wait_for_id(page, expected)
    page.screenshot(path=str(artefact("skarmbilder/formular-positiv-mobil.png")))
    # On a phone the preview is under the form (po-cms.css), in its own frame as Decap makes it.
    preview = page.frame_locator("iframe").first
    assert preview.get_by_text("Förhandsvisning – inte offentlig").is_visible()
    assert preview.get_by_text(f"september {SAMPLE_YEAR}").count() > 0  # month and year, never the day
    page.locator("iframe").first.scroll_into_view_if_needed()
    violations = _axe_preview(page)
    assert not violations, report(violations)
    page.screenshot(path=str(artefact("skarmbilder/formular-positiv-forhandsvisning-mobil.png")))
    _save(page)
    branch = _wait_for_branch(root, before, page)
    violations = _axe(page)
    assert not violations, report(violations)
    path = f"content/brister/{SAMPLE_YEAR}/{report_file_name(expected, 'Socialtjänsten ringde upp samma dag')}"
    assert _git(root, "diff", "--name-only", "main", branch).split() == [path]
    assert "typ: positiv\n" in _git(root, "show", f"{branch}:{path}")
    result = _po_check(root, branch, tmp_path / "granskning")
    assert result.returncode == 0, result.stdout + result.stderr

    _decide(page, clone, expected, branch, path, "Händelse", "formular-inlamnade-mobil.png")
    _merge_and_build(root, branch, tmp_path / "publik")
    public = (tmp_path / "publik" / "positivt" / expected / "index.html").read_text("utf-8")
    assert "Socialtjänsten ringde upp samma dag" in public and f"september {SAMPLE_YEAR}" in public
    assert not page.po_outside, f"formuläret hämtade från andra webbplatser: {page.po_outside}"
