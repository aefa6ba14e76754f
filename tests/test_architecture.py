"""The package's shape: layers, no import cycles, small modules, checked types, a curated API.

The layers contract itself is import-linter's (pyproject.toml, run by `make test`); these
tests hold what it does not: cycles inside a layer, module sizes, reasons for every
`# type: ignore`, and that the public API in po_build/__init__.py is real.
"""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

import po_build

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "po_build"
LAYERS = ["cli", "mkdocs", "outputs", "render", "project", "check", "load", "model", "contract"]
MAX_LINES = 500


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_the_layers_contract_is_kept() -> None:
    done = subprocess.run([str(Path(sys.executable).parent / "lint-imports"), "--no-cache"], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 kept, 0 broken" in done.stdout


def test_every_module_is_in_a_layer() -> None:
    top = {p.relative_to(PACKAGE).parts[0] for p in _modules()} - {"__init__.py"}
    assert top == set(LAYERS)


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Every module that can reach itself through imports, with one such path."""
    found: list[list[str]] = []
    done: set[str] = set()
    for start in sorted(graph.modules):
        if start in done:
            continue
        stack: list[tuple[str, list[str]]] = [(start, [start])]
        seen: set[str] = set()
        while stack:
            module, path = stack.pop()
            for nxt in sorted(graph.find_modules_directly_imported_by(module)):
                if nxt == start:
                    found.append([*path, start])
                    stack = []
                    break
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*path, nxt]))
        done.add(start)
    return found


def test_no_import_cycles() -> None:
    graph = grimp.build_graph("po_build")
    # The package itself only points at the public API, lazily (po_build/__init__.py).
    graph.remove_module("po_build")
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for name in ("a", "a.x", "a.y", "a.z"):
        graph.add_module(name)
    graph.add_import(importer="a.x", imported="a.y")
    graph.add_import(importer="a.y", imported="a.z")
    assert _cycles(graph) == []
    graph.add_import(importer="a.z", imported="a.x")
    assert ["a.x", "a.y", "a.z", "a.x"] in _cycles(graph)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_modules_are_small_or_say_why(path: Path) -> None:
    lines = path.read_text("utf-8").count("\n")
    if lines <= MAX_LINES:
        return
    doc = ast.get_docstring(ast.parse(path.read_text("utf-8"))) or ""
    assert "longer than" in doc.lower(), f"{path.name} has {lines} lines and no reason in its docstring"


TYPE_IGNORE = re.compile(r"#\s*type:\s*ignore(?P<codes>\[[^\]]*\])?(?P<rest>.*)$")


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_type_ignore_names_its_error_and_its_reason(path: Path) -> None:
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        m = TYPE_IGNORE.search(line)
        if m:
            assert m.group("codes"), f"{path.name}:{number}: type: ignore without an error code"
            assert re.match(r"\s*#\s*\S", m.group("rest")), f"{path.name}:{number}: no reason on the line"


def test_the_public_api_is_what_it_says() -> None:
    exported = [name for name in po_build.__all__ if name != "__version__"]
    assert exported == sorted(exported)
    for name in exported:
        value = getattr(po_build, name)
        home = importlib.import_module(po_build._API[name])
        assert getattr(home, name) is value
    with pytest.raises(AttributeError):
        po_build.no_such_name  # noqa: B018


def test_importing_the_package_loads_no_stage() -> None:
    code = "import sys, po_build; print(sorted(m for m in sys.modules if m.startswith('po_build.')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
