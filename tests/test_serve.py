"""`mkdocs serve` shows errors in the browser and recovers on the next save."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
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
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PO_PDF": "0"}
    proc = subprocess.Popen(
        [str(BIN / "mkdocs"), "serve", "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        url = f"http://127.0.0.1:{port}/"
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
