"""`make site` end to end, in a copy of the project that has only its own files."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def project_files() -> list[str]:
    out = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO, check=True,
        capture_output=True, text=True,
    ).stdout
    return [line for line in out.splitlines() if line and (REPO / line).is_file()]


def test_make_site_builds_the_sample_site_from_a_clean_copy(tmp_path):
    copy = tmp_path / "po-build"
    for name in project_files():
        target = copy / name
        target.parent.mkdir(parents=True, exist_ok=True)
        # copy2 keeps mtimes, so make sees the installed environment as up to date.
        shutil.copy2(REPO / name, target)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    venv = REPO / ".venv"
    # -o: never reinstall from the copy, which would point the shared environment at it.
    result = subprocess.run(
        ["make", "site", f"VENV={venv}", "-o", str(venv / ".installed")], cwd=copy, env=env,
        capture_output=True, text=True, timeout=600,
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert "Inga fel i" in output
    assert "po:" in output and "publicerade" in output
    assert (copy / "site" / "index.html").is_file()
    assert (copy / "site" / "brister" / "index.html").is_file()
    assert "Traceback" not in output
