"""A small site built with a plain `mkdocs build`, as the readers' tests (issue 17) build theirs:
the sample site's footer, no PDF, a fixed day, a chosen threshold for small numbers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

REPO = Path(__file__).resolve().parents[1]
MKDOCS = """site_name: Test
site_url: https://test.example/
site_description: Webbplatsens egen beskrivning.
docs_dir: content
theme:
  name: material
  language: sv
  custom_dir: overrides
plugins:
  search:
    lang: sv
  po:
    organisation: Testorganisation
    region: Testlän
    pdf: false
    idag: {today}
    minsta_antal: {k}
"""


def quiet_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The build as mkdocs.yml says it, whatever the shell running the tests has set."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    for name in ("PO_IDAG", "PO_INTERN", "PO_PDF", "SOURCE_DATE_EPOCH"):
        monkeypatch.delenv(name, raising=False)


def build_site(root: Path, today: date = date(2026, 11, 22), k: int = 3) -> Path:
    (root / "mkdocs.yml").write_text(MKDOCS.format(today=today.isoformat(), k=k), "utf-8")
    overrides = root / "overrides" / "partials"
    overrides.mkdir(parents=True, exist_ok=True)
    (overrides / "copyright.html").write_text((REPO / "overrides/partials/copyright.html").read_text("utf-8"),
                                              "utf-8")
    site = root / "site"
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site)))
    return site
