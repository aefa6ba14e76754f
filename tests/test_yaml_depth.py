"""PO120 for every depth limit, whichever YAML parser meets it first.

PyYAML comes with two parsers: libyaml in C (CSafeLoader, used when the wheel has it) and
the pure-Python one. libyaml 0.2.5 and later stop at 1000 levels with their own error,
and they scan ahead of the events the loader counts, so a long flow value can meet
libyaml's limit before the loader's own MAX_DEPTH. Both must give PO120, never PO106
and never a crash; each case runs with both parsers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from po_build.load import frontmatter as load
from po_build.load.frontmatter import MAX_DEPTH, parse_yaml
from po_build.model.problems import ProblemList
from tests.helpers import assert_problem, check, write_report

EXTRA = 11  # a key added to the default brist with fields={...} stands on this line

PARSERS = {"libyaml": "CSafeLoader", "python": "SafeLoader"}


@pytest.fixture(params=list(PARSERS))
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    name = PARSERS[request.param]
    # The C parser is part of every PyYAML wheel in the lock: its absence is a broken install.
    assert hasattr(yaml, name), f"PyYAML saknar {name}"
    monkeypatch.setattr(load, "_Loader", getattr(yaml, name))
    yield request.param


def _flow(depth: int, opener: str = "[", closer: str = "]") -> str:
    return opener * depth + closer * depth


DEEP = {
    "flow-list-10000": "tema: " + _flow(10_000),
    "flow-mapping-2000": "tema: " + "{a: " * 2000 + "1" + "}" * 2000,
    "flow-mixed-3000": "tema: " + "[{a: " * 1500 + "1" + "}]" * 1500,
    "block-mapping-1200": "intern:\n" + "".join(" " * (i + 1) + f"k{i}:\n" for i in range(1200)) + " x: 1\n",
    "block-list-1200": "intern:\n  " + "- " * 1200 + "x\n",
}


@pytest.mark.parametrize("case", list(DEEP))
def test_deep_front_matter_is_po120_with_either_parser(parser: str, case: str) -> None:
    problems = ProblemList("brister/2025/B-2025-001-rapport.md")
    assert parse_yaml(DEEP[case], problems, line_offset=1) is None
    found = [p.code for p in problems]
    assert found == ["PO120"], f"{parser}, {case}: {[p.format() for p in problems]}"
    assert str(MAX_DEPTH) in problems[0].message


def test_libyaml_meets_its_own_limit_on_a_long_flow_value() -> None:
    # What made this file necessary: libyaml's own error, which used to become PO106.
    # If a later libyaml stops raising it, this test says so instead of passing silently.
    with pytest.raises(yaml.MarkedYAMLError, match="nesting depth"):
        for _event in yaml.parse("a: " + _flow(10_000), Loader=yaml.CSafeLoader):
            pass


def test_very_deep_report_is_po120_on_its_line(tmp_path: Path, parser: str) -> None:
    path = write_report(tmp_path, fields={"tema": _flow(10_000)})
    p = assert_problem(check(tmp_path), "PO120", path, EXTRA, tmp_path)
    assert str(MAX_DEPTH) in p.message


def test_deep_block_vocabulary_is_po120(tmp_path: Path, parser: str) -> None:
    write_report(tmp_path)
    # Compact nested block lists ("- - - x"): 1100 block levels on one line.
    (tmp_path / "vokabular.yml").write_text("områden:\n  " + "- " * 1100 + "x\n", "utf-8")
    result = check(tmp_path)
    assert [p.code for p in result.errors if p.path == "vokabular.yml"] == ["PO120"], [
        p.format() for p in result.problems]


def test_nesting_at_the_limit_is_accepted_with_either_parser(tmp_path: Path, parser: str) -> None:
    # One level for the front matter, one for intern: MAX_DEPTH - 1 flow levels still fit.
    write_report(tmp_path, fields={"intern": "{a: " * (MAX_DEPTH - 1) + "1" + "}" * (MAX_DEPTH - 1)})
    assert not check(tmp_path).problems


def test_nesting_one_past_the_limit_is_po120_at_the_opening_bracket(tmp_path: Path, parser: str) -> None:
    path = write_report(tmp_path, fields={"intern": "{a: " * MAX_DEPTH + "1" + "}" * MAX_DEPTH})
    col = len("intern: ") + len("{a: ") * (MAX_DEPTH - 1) + 1
    assert_problem(check(tmp_path), "PO120", path, EXTRA, tmp_path, col=col)
