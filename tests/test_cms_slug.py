"""The web form names a new report's file as `po ny` does: po-slug.js (run here with Node)
gives the same slugs and file names as model/slug.py, on the config the build writes."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from po_build.model.slug import report_file_name, slugify
from po_build.outputs.cms.config import form_rules

SCRIPT = Path(__file__).resolve().parents[1] / "po_build" / "outputs" / "cms" / "assets" / "po-slug.js"

_RUNNER = """
const slug = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const names = slug.make(input.rules);
process.stdout.write(JSON.stringify(input.cases.map(([text, limit]) => [
  names.slugify(text, limit, "rapport"), names.fileName("B-2026-007", text)])));
"""


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js saknas: make test installerar det (formuläret och decap-server behöver det)")
    return node


def _in_node(cases: list[tuple[str, int | None]]) -> list[list[str]]:
    done = subprocess.run(
        [_node(), "-e", _RUNNER, str(SCRIPT)],
        input=json.dumps({"rules": form_rules()["filnamn"], "cases": cases}), capture_output=True,
        text=True, check=True, timeout=60,
    )
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def _in_python(cases: list[tuple[str, int | None]]) -> list[list[str]]:
    return [[slugify(text, limit=limit, fallback="rapport"), report_file_name("B-2026-007", text)]
            for text, limit in cases]


EXAMPLES: list[tuple[str, int | None]] = [
    ("Telefontiden hos kundtjänsten räcker inte för klienterna", None),
    ("Telefontiden hos kundtjänsten räcker inte för klienterna", 50),
    ("Vård & omsorg – Æble, Øresund, Straße, Łódź, Þór", None),
    ("Åtgärd: ÖVERFÖRMYNDAREN svarar – efter 3 månader", 20),
    ("Kap. 5 § 1 SoL (2001:453) och LSS", 50),
    ("!!!", 50),
    ("", 10),
    ("ett ord som är mycket längre än gränsen för filnamnet i sig självt", 5),
    ("ﬁnans och ＡＢＣ ①②", None),  # compatibility forms: NFKD makes ASCII of them
]


def test_the_form_names_files_as_po_ny_on_examples() -> None:
    assert _in_node(EXAMPLES) == _in_python(EXAMPLES)
    assert _in_node(EXAMPLES[:1])[0][1] == "B-2026-007-telefontiden-hos-kundtjansten-racker-inte-for.md"


# Text an ombud could type: Swedish and other Latin letters, digits, punctuation, spaces.
# (Characters added in the newest Unicode versions can differ, when Node and Python know
# different versions; the file name then differs in its words, never in its id.)
_LETTERS = st.characters(
    codec="utf-8", min_codepoint=0x20, max_codepoint=0x24F,
    exclude_categories=("Cc", "Cs"),
) | st.sampled_from(list("åäöÅÄÖæøœßðþłđ–—§½²³€"))


# Few runs of Node, each with many texts: starting Node is what takes the time.
@settings(max_examples=10, deadline=None)
@given(st.lists(st.tuples(st.text(_LETTERS, max_size=80), st.one_of(st.none(), st.integers(0, 60))),
                min_size=1, max_size=300))
def test_the_form_names_files_as_po_ny_on_any_latin_text(cases: list[tuple[str, int | None]]) -> None:
    assert _in_node(cases) == _in_python(cases)
