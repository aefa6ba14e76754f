"""`mkdocs serve --dirty` (as `make serve` runs it): what a save shows, and that nothing is stale.

- A file with errors keeps its page, which shows the errors in its place; every other page
  keeps its last good version, with a banner that counts the errors and links to fel/.
- A save rebuilds what it changes: a new headline reaches the report's page, its lists
  and the search index, and the old one is gone from all of them; a deleted report's
  page is gone.
- The server says everything in Swedish, and never stops.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from .contentgen import write_tree

BIN = Path(sys.executable).parent
# MkDocs' own English lines while serving: the plugin says them in Swedish (mkdocs/logs.py).
ENGLISH = re.compile(r"Building documentation|Serving on|Detected file changes|Reloading browsers|Watching paths|"
                     r"Documentation built|dirty|The following pages|Cleaning site|Browser connected|Traceback")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=60) as response:
        return response.read().decode("utf-8")


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def wait_for(url: str, text: str, timeout: float = 120, absent: str | None = None) -> str:
    """The page once it has `text` (and no longer `absent`)."""
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if text in last and (absent is None or absent not in last):
                return last
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"'{text}' kom aldrig på {url}; senast:\n{last[:2000]}")


def wait_for_status(url: str, code: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if status(url) == code:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} gav aldrig {code}")


@contextmanager
def serving(root: Path, log: list[str]) -> Iterator[str]:
    """`make serve` in `root`: PO_PDF=0 mkdocs serve --dirty; its output ends up in `log`."""
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PO_PDF": "0"}
    with open(root / "serve.log", "wb") as out:
        proc = subprocess.Popen([str(BIN / "mkdocs"), "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                                cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            url = f"http://127.0.0.1:{port}/"
            wait_for(url, "Testorganisation", timeout=180)
            yield url
            assert proc.poll() is None, "servern stannade"
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    log.append((root / "serve.log").read_text("utf-8", "replace"))


def published_reports(root: Path) -> list[Path]:
    return [p for p in sorted((root / "content" / "brister").rglob("B-*.md"))
            if "publicera: true" in p.read_text("utf-8")]


def test_a_saved_headline_reaches_its_page_its_lists_and_search_and_nothing_stays_stale(tmp_path: Path) -> None:
    write_tree(tmp_path, 30, unpublished_share=0.0)
    report = published_reports(tmp_path)[4]
    report_id = report.name[: len("B-2025-001")]
    good = report.read_text("utf-8")
    first = old = re.search(r"^rubrik: (.*)$", good, re.M).group(1)
    log: list[str] = []
    with serving(tmp_path, log) as url:
        year = re.search(r"^datum: (\d{4})", good, re.M).group(1)
        pages = [f"brister/{report_id}/", "brister/", f"brister/ar/{year}/"]
        # Two saves in a row: the second must replace what the first wrote, on every page. The
        # first is written in place, the second as many editors save: to a temporary file
        # that is then renamed over the report.
        for n in range(2):
            new = f"Ny rubrik nummer {n} om handläggarna"
            text = good.replace(f"rubrik: {first}", f"rubrik: {new}")
            if n == 0:
                report.write_text(text, "utf-8")
            else:
                temporary = report.with_name(f".{report.name}.tmp")
                temporary.write_text(text, "utf-8")
                os.replace(temporary, report)
            for page in pages:
                wait_for(url + page, new, absent=old)
            old = new
        index = json.loads(fetch(url + "search/search_index.json"))["docs"]
        titles = [d["title"] for d in index if d["location"].split("#")[0] == f"brister/{report_id}/"]
        assert "Ny rubrik nummer 1 om handläggarna" in titles
        assert not [d for d in index if "Ny rubrik nummer 0" in d["title"] or "Ny rubrik nummer 0" in d["text"]]
        locations = [d["location"] for d in index]
        assert len(locations) == len(set(locations)), "samma del av en sida står två gånger i sökindexet"
    assert not ENGLISH.search(log[0]), log[0][-3000:]
    assert "sidor byggdes om" in log[0]


def test_a_report_with_errors_keeps_its_page_with_the_errors_and_the_rest_its_last_version(tmp_path: Path) -> None:
    write_tree(tmp_path, 8, unpublished_share=0.0)
    report = published_reports(tmp_path)[2]
    report_id = report.name[: len("B-2025-001")]
    good = report.read_text("utf-8")
    headline = re.search(r"^rubrik: (.*)$", good, re.M).group(1)
    log: list[str] = []
    with serving(tmp_path, log) as url:
        # A misspelt field: one message, at its line, on the report's own page.
        report.write_text(good.replace("nivå:", "nivvå:"), "utf-8")
        line = next(i for i, text in enumerate(good.split("\n"), start=1) if text.startswith("nivå:"))
        page = wait_for(url + f"brister/{report_id}/", "Sidan har fel att rätta")
        assert report.name in page and f"Rad {line}" in page and "menade du &#39;nivå&#39;" in page
        assert page.count('class="po-problems__code"') == 1
        assert 'href="../../guide/felkoder/#po202"' in page
        assert "po-preview-banner" not in page
        # Every other page: the last good version, with the banner.
        start = fetch(url)
        assert "po-preview-banner" in start and "1 fel" in start and 'href="/fel/"' in start
        listing = fetch(url + "brister/")
        assert headline in listing and "po-preview-banner" in listing
        errors = fetch(url + "fel/")
        assert report.name in errors and f'href="../brister/{report_id}/"' in errors
        assert "po-preview-banner" not in errors
        assert status(url + "guide/felkoder/") == 200
        # An editor saving half a file, then the whole.
        report.write_text(good[: good.index("nivå:")] + "nivå: lok", "utf-8")
        wait_for(url + f"brister/{report_id}/", "Sidan har fel att rätta", absent="nivvå")
        report.write_text(good, "utf-8")
        wait_for(url + f"brister/{report_id}/", headline, absent="Sidan har fel")
        assert "po-preview-banner" not in wait_for(url, "Testorganisation", absent="po-preview-banner")
        assert "Inga fel just nu" in fetch(url + "fel/")
    assert not ENGLISH.search(log[0]), log[0][-3000:]


def test_serve_survives_invalid_utf8_and_a_deleted_file(tmp_path: Path) -> None:
    write_tree(tmp_path, 4, unpublished_share=0.0)
    reports = published_reports(tmp_path)
    report, doomed = reports[0], reports[1]
    report_id, doomed_id = report.name[:10], doomed.name[:10]
    good = report.read_text("utf-8")
    log: list[str] = []
    with serving(tmp_path, log) as url:
        # Saved by an editor set to Windows-1252: å, ä and ö become single bytes.
        report.write_bytes(good.encode("cp1252"))
        page = wait_for(url + f"brister/{report_id}/", "Sidan har fel att rätta")
        assert report.name in page and "UTF-8" in page
        report.write_text(good, "utf-8")
        wait_for(url + f"brister/{report_id}/", "Rapport nummer", absent="Sidan har fel")
        # A report deleted while the preview runs: its page goes, and so does its card in the list.
        page_url = f"{url}brister/{doomed_id}/"
        assert doomed_id in fetch(url + "brister/")
        doomed.unlink()
        wait_for_status(page_url, 404)
        wait_for(url + "brister/", "Rapport nummer", absent=doomed_id)
    assert "Traceback" not in log[0]


def test_a_new_report_with_errors_and_no_good_version_gets_a_page_for_its_errors(tmp_path: Path) -> None:
    write_tree(tmp_path, 3, unpublished_share=0.0)
    log: list[str] = []
    with serving(tmp_path, log) as url:
        folder = tmp_path / "content" / "brister" / "2023"
        (folder / "B-2023-090-ny.md").write_text("---\nid: B-2023-090\ntyp: brist\nrubrik: En ny rapport om\n",
                                                 "utf-8")
        page = wait_for(url + "brister/B-2023-090/", "Sidan har fel att rätta")
        assert "B-2023-090-ny.md" in page
        (folder / "utan-id.md").write_text("Bara text.\n", "utf-8")
        errors = wait_for(url + "fel/", "utan-id.md")
        assert "B-2023-090-ny.md" in errors
    assert "Traceback" not in log[0]


def test_a_file_deleted_during_the_check_is_reported_in_swedish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between finding a file and reading it, an editor may remove it: PO100, not a traceback."""
    from po_build.check import tree as validate
    from po_build.check.tree import check_tree
    from po_build.load.walk import Walk

    write_tree(tmp_path, 2, mkdocs_yml=False)
    content = tmp_path / "content"
    real_walk = validate.walk

    def walk_then_delete(docs_dir: Path) -> Walk:
        found = real_walk(docs_dir)
        (docs_dir / str(next(p for p in found.files if p.name.startswith("B-")))).unlink()
        return found

    monkeypatch.setattr(validate, "walk", walk_then_delete)
    result = check_tree(content, scanner=None, display_root=content)
    problem = next(p for p in result.errors if p.code == "PO100")
    assert "finns inte längre" in problem.message
    assert problem.line == 1 and problem.col == 1
