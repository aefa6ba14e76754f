"""`mkdocs serve` shows errors in the browser and recovers on the next save."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from .contentgen import write_tree

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    last = ""
    while time.monotonic() < deadline:
        try:
            last = fetch(url)
            if text in last:
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"'{text}' kom aldrig på {url}; senast:\n{last[:2000]}")


def test_serve_survives_a_half_written_file(tmp_path):
    write_tree(tmp_path, 4, unpublished_share=0.0)
    proc, url = _serve(tmp_path)
    try:
        wait_for(url, "Testorganisation")
        report = next((tmp_path / "content" / "brister").rglob("B-*.md"))
        good = report.read_text("utf-8")
        # An editor saving half a file: the front matter is cut off mid-way.
        report.write_text(good[: good.index("nivå:")] + "nivå: lok", "utf-8")
        page = wait_for(url, "Det finns")
        assert report.name in page
        report.write_text(good, "utf-8")
        wait_for(url, "Testorganisation")
        assert proc.poll() is None, "servern stannade"
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert b"Traceback" not in err


def _serve(root: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PO_PDF": "0"}
    proc = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    return proc, f"http://127.0.0.1:{port}/"


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as err:
        return err.code


def wait_for_status(url: str, status: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if _status(url) == status:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{url} gav aldrig {status}")


def test_serve_survives_invalid_utf8_and_a_deleted_file(tmp_path):
    write_tree(tmp_path, 4, unpublished_share=0.0)
    proc, url = _serve(tmp_path)
    try:
        wait_for(url, "Testorganisation")
        reports = sorted((tmp_path / "content" / "brister").rglob("B-*.md"))
        report, doomed = reports[0], reports[1]
        good = report.read_text("utf-8")
        # Saved by an editor set to Windows-1252: å, ä and ö become single bytes.
        report.write_bytes(good.encode("cp1252"))
        page = wait_for(url, "Det finns")
        assert report.name in page and "UTF-8" in page
        report.write_text(good, "utf-8")
        wait_for(url, "Testorganisation")
        # A report deleted while the preview runs: its page goes, the rest stays.
        doomed_id = doomed.name[: len("B-2025-001")]
        page_url = f"{url}brister/{doomed_id}/"
        wait_for_status(page_url, 200)
        doomed.unlink()
        wait_for_status(page_url, 404)
        wait_for(url, "Testorganisation")
        assert proc.poll() is None, "servern stannade"
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=20)
    assert b"Traceback" not in err


def test_a_file_deleted_during_the_check_is_reported_in_swedish(tmp_path, monkeypatch):
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
