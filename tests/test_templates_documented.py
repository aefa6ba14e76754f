"""Every template's context is documented on the guide's page for organisations that override them.

An organisation copies a template into overrides/po/ and changes it; the page
po_build/docs/guide-anpassa.md says which values each template receives. This test reads
every template's undeclared variables from Jinja's own parser, so a template that starts
using a new value fails here until the page says what it is.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jinja2 import meta

from po_build.render.templating import environment

TEMPLATES = Path(__file__).resolve().parents[1] / "po_build" / "templates" / "po"
DOC = Path(__file__).resolve().parents[1] / "po_build" / "docs" / "guide-anpassa.md"
# What every generated page receives (mkdocs/plugin.py on_page_content), documented once.
COMMON = {"p", "rel", "today", "config"}


def _sections() -> dict[str, str]:
    """The documentation page's text under each '### <template>' heading."""
    text = DOC.read_text("utf-8")
    parts = re.split(r"^### (\S+)\s*$", text, flags=re.M)
    return {name: body for name, body in zip(parts[1::2], parts[2::2], strict=True)}


def _context(path: Path) -> set[str]:
    source = path.read_text("utf-8")
    names = meta.find_undeclared_variables(environment(None).parse(source))
    assigned = set(re.findall(r"{%-?\s*set\s+(\w+)", source))
    return names - assigned - COMMON


TEMPLATE_FILES = sorted(TEMPLATES.rglob("*.html"))


@pytest.mark.parametrize("path", TEMPLATE_FILES, ids=lambda p: p.relative_to(TEMPLATES).as_posix())
def test_every_value_a_template_uses_is_documented(path: Path) -> None:
    name = path.relative_to(TEMPLATES).as_posix()
    sections = _sections()
    assert name in sections, f"{name} saknar ett avsnitt '### {name}' i {DOC.name}"
    documented = set(re.findall(r"`(\w+)`", sections[name]))
    missing = sorted(_context(path) - documented)
    assert missing == [], f"{name} använder {missing}, som {DOC.name} inte beskriver"


def test_the_page_documents_no_template_that_does_not_exist() -> None:
    existing = {p.relative_to(TEMPLATES).as_posix() for p in TEMPLATE_FILES}
    assert set(_sections()) <= existing


def test_the_common_values_are_documented() -> None:
    common = DOC.read_text("utf-8").split("## Mallarna och deras värden")[0]
    for name in COMMON:
        assert f"`{name}`" in common or f"`{name}(" in common, name


def test_a_new_value_in_a_template_is_caught(tmp_path: Path) -> None:
    template = tmp_path / "rapport.html"
    template.write_text("{{ r.rubrik }} {{ hemligt }}", "utf-8")
    assert _context(template) == {"r", "hemligt"}
