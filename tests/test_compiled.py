"""While serving, the theme's templates are compiled once (mkdocs/compiled.py), and again when edited."""

from __future__ import annotations

import os
from pathlib import Path

import jinja2
import pytest

from po_build.mkdocs.compiled import CompiledTemplates


def fresh_env(folder: Path, compiled: CompiledTemplates, parsed: list[str]) -> jinja2.Environment:
    """A new environment as MkDocs makes one for every build, with the plugin's cache."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), auto_reload=False)
    env.filters["url"] = lambda value: f"/{value}"
    real_parse = env._parse

    def counting(source: str, name: str | None, filename: str | None) -> jinja2.nodes.Template:
        parsed.append(str(name))
        return real_parse(source, name, filename)

    env._parse = counting  # type: ignore[method-assign]
    compiled.use_in(env)
    return env


def test_a_template_is_compiled_once_across_builds_and_again_when_edited(tmp_path: Path) -> None:
    (tmp_path / "base.html").write_text("<b>{% block body %}{% endblock %}</b>", "utf-8")
    page = tmp_path / "main.html"
    page.write_text('{% extends "base.html" %}{% block body %}{{ "x" | url }} gammal{% endblock %}', "utf-8")
    compiled = CompiledTemplates()
    parsed: list[str] = []

    assert fresh_env(tmp_path, compiled, parsed).get_template("main.html").render() == "<b>/x gammal</b>"
    assert sorted(parsed) == ["base.html", "main.html"]

    parsed.clear()
    assert fresh_env(tmp_path, compiled, parsed).get_template("main.html").render() == "<b>/x gammal</b>"
    assert parsed == []  # the next build: nothing parsed or compiled again

    page.write_text('{% extends "base.html" %}{% block body %}{{ "x" | url }} ny{% endblock %}', "utf-8")
    os.utime(page, (1, 1))  # an old date: the source itself decides, not its time
    parsed.clear()
    assert fresh_env(tmp_path, compiled, parsed).get_template("main.html").render() == "<b>/x ny</b>"
    assert parsed == ["main.html"]


@pytest.mark.parametrize("change", ["filter", "syntax"])
def test_other_environment_settings_compile_again(tmp_path: Path, change: str) -> None:
    (tmp_path / "main.html").write_text("{{ 1 }}", "utf-8")
    compiled = CompiledTemplates()
    parsed: list[str] = []
    fresh_env(tmp_path, compiled, parsed).get_template("main.html").render()
    env = fresh_env(tmp_path, compiled, parsed)
    if change == "filter":
        env.filters["ny"] = str
    else:
        env.trim_blocks = True
    compiled.use_in(env)
    parsed.clear()
    env.get_template("main.html").render()
    assert parsed == ["main.html"]
