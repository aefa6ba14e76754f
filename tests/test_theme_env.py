"""While serving, the theme's installed folders are listed once per server (mkdocs/theme_env.py):
the static files MkDocs finds must be exactly those it finds by itself, a file added to
overrides/ must be seen at the next build, and the installed folders must not be walked again."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from po_build.mkdocs.compiled import CompiledTemplates
from po_build.mkdocs.theme_env import ThemeListing, installed


def site(tmp_path: Path) -> Path:
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "index.md").write_text("# Start\n", "utf-8")
    (tmp_path / "overrides" / "assets").mkdir(parents=True, exist_ok=True)
    (tmp_path / "overrides" / "assets" / "egen.css").write_text("p{}", "utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Test\ndocs_dir: docs\ntheme:\n  name: material\n  custom_dir: overrides\n", "utf-8")
    return tmp_path


def config_of(root: Path) -> MkDocsConfig:
    return load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "ut"))


def theme_files(config: MkDocsConfig) -> list[tuple[str, str]]:
    files = Files([])
    files.add_files_from_theme(config.theme.get_env(), config)
    return sorted((f.src_uri, f.abs_src_path or "") for f in files)


@pytest.fixture
def walked(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    roots: list[str] = []
    walk = os.walk

    def recording(top: str, *args: object, **kwargs: object) -> Iterator[tuple[str, list[str], list[str]]]:
        roots.append(os.fspath(top))
        return walk(top, *args, **kwargs)  # type: ignore[arg-type]  # os.walk's own arguments

    monkeypatch.setattr(os, "walk", recording)
    yield roots


def test_the_kept_listing_finds_what_mkdocs_finds_and_sees_new_overrides(tmp_path: Path,
                                                                          walked: list[str]) -> None:
    root = site(tmp_path)
    expected = theme_files(config_of(root))
    assert ("assets/egen.css", str(root / "overrides" / "assets" / "egen.css")) in expected
    assert any(src.startswith("assets/javascripts/") for src, _ in expected)  # Material's own

    listing, compiled = ThemeListing(), CompiledTemplates()
    first = config_of(root)
    listing.install(first.theme, compiled)
    assert theme_files(first) == expected

    # The next save: a new file in overrides/ is found; Material's folder is not walked again.
    (root / "overrides" / "assets" / "ny.css").write_text("a{}", "utf-8")
    by_mkdocs = theme_files(config_of(root))
    second = config_of(root)
    listing.install(second.theme, compiled)
    walked.clear()
    found = theme_files(second)
    assert found == by_mkdocs
    assert ("assets/ny.css", str(root / "overrides" / "assets" / "ny.css")) in found
    material = [d for d in second.theme.dirs if installed(d)]
    assert material and walked
    assert not any(w.startswith(tuple(material)) for w in walked)
    assert all(w.startswith(str(root / "overrides")) for w in walked)


def test_other_listings_and_the_environments_are_as_jinja_makes_them(tmp_path: Path) -> None:
    root = site(tmp_path)
    config = config_of(root)
    plain = config.theme.get_env()
    listing, compiled = ThemeListing(), CompiledTemplates()
    listing.install(config.theme, compiled)
    listing.install(config.theme, compiled)  # twice: still one wrapper
    env = config.theme.get_env()
    assert env.bytecode_cache is not None  # compiled.py's, also for the search plugin's environments
    assert env.list_templates(extensions=["css"]) == plain.list_templates(extensions=["css"])
    assert env.list_templates(filter_func=lambda name: name.endswith(".html")) == plain.list_templates(
        filter_func=lambda name: name.endswith(".html"))
    assert env.list_templates() == plain.list_templates()


def test_a_folder_of_the_site_is_never_taken_for_an_installed_one(tmp_path: Path) -> None:
    assert not installed(str(site(tmp_path) / "overrides"))
    material = importlib.util.find_spec("material")
    assert material is not None and material.origin is not None
    assert installed(os.path.dirname(material.origin))
