"""The engines: MkDocs, ProperDocs, and engines that do not run the po plugin.

- ProperDocs (the maintained continuation of MkDocs 1.x) runs the plugin unchanged and
  must build the very same site as `mkdocs build`: every file byte for byte, except the
  generator tag in the HTML.
- An engine that ignores the plugin (Zensical skips plugins it does not know; anyone can
  drop the plugin from mkdocs.yml) must publish nothing that is not public: mkdocs.yml keeps
  the sources out of the engine's own files (exclude_docs), so no draft, canary, `intern`
  value, unused attachment or vokabular.yml can appear.

Every engine runs as its command-line program, as a person or CI runs it, from the lock.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from po_build.check.tree import check_tree

from .contentgen import write_tree
from .test_build import read_all

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')
SOURCE_DIRS = ("brister/", "arsrapport/", "bilagor/")
UNUSED = "bilagor/oanvand-skrivelse.pdf"
UNUSED_BYTES = b"%PDF-1.4\n% KANARIEBILAGA oanvand\n"

# What a build may print: the engine's own progress lines and the plugin's summary.
# Anything else (a deprecation notice, a nag to switch engines, a warning) fails the test,
# so that a new English message from an engine is seen before a user sees it.
_EXPECTED_OUTPUT = re.compile(
    r"INFO\s+-\s+(Cleaning site directory|Building documentation to directory: .*"
    r"|Documentation built in [0-9.]+ seconds|po: .*)"
)


def _env() -> dict[str, str]:
    # The same as the Makefile and the CI templates set; one fixed build date for both builds.
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": str(int(time.time()))}


def run_engine(engine: str, project: Path, site: Path, *args: str, env: dict[str, str] | None = None,
               config: str = "mkdocs.yml") -> str:
    command = [str(BIN / engine), "build", "-f", config, *args]
    if engine != "zensical":
        command += ["--clean", "--site-dir", str(site)]
    result = subprocess.run(command, cwd=project, env=env or _env(), capture_output=True, text=True,
                            timeout=600)
    output = result.stdout + result.stderr
    assert result.returncode == 0, f"{engine}: {output[-3000:]}"
    return output


def tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


# --- ProperDocs builds the same site --------------------------------------------------------


def test_properdocs_builds_the_same_site_as_mkdocs(tmp_path: Path) -> None:
    env = _env()
    outputs = {engine: run_engine(engine, REPO, tmp_path / engine, "--strict", env=env)
               for engine in ("mkdocs", "properdocs")}
    a, b = tree(tmp_path / "mkdocs"), tree(tmp_path / "properdocs")
    assert len(a) > 200
    assert sorted(a) == sorted(b)
    differing = sorted(name for name in a if a[name] != b[name])
    # Only the generator tag may differ, and it must (it shows that ProperDocs did the build).
    assert [n for n in differing if GENERATOR.sub(b"", a[n]) != GENERATOR.sub(b"", b[n])] == []
    assert differing and all(name.endswith(".html") for name in differing)
    assert b'content="mkdocs-ProperDocs' in b["index.html"]
    for engine, output in outputs.items():
        unexpected = [line for line in output.splitlines() if line.strip() and not _EXPECTED_OUTPUT.fullmatch(line)]
        assert unexpected == [], f"{engine} skriver något oväntat: {unexpected}"
        assert "po: " in output and "publicerade" in output


# --- without the plugin, nothing that is not public ------------------------------------------


def _project(tmp_path: Path, content: Path | None, with_plugin: bool) -> Path:
    """A site folder with this repository's mkdocs.yml, optionally without the po plugin."""
    project = tmp_path / "projekt"
    if content is not None:
        shutil.copytree(content, project / "content")
    shutil.copytree(REPO / "overrides", project / "overrides")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    if not with_plugin:
        del config["plugins"]["po"]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    unused = project / "content" / UNUSED
    unused.parent.mkdir(parents=True, exist_ok=True)
    unused.write_bytes(UNUSED_BYTES)
    return project


def _secrets(content: Path) -> tuple[list[str], list[str]]:
    """Texts that must never be public: drafts' ids and headlines, every intern value."""
    reports = check_tree(content, scanner=None).content.reports
    drafts = [r for r in reports if not r.publicera]
    assert drafts, "provinnehållet ska ha utkast"
    texts = [t for r in drafts for t in (r.id, r.rubrik)]
    intern = [str(v) for r in reports for v in r.intern.values() if len(str(v)) >= 8]
    assert intern, "provinnehållet ska ha interna fält"
    return texts, intern


def _assert_nothing_private(site: Path, secrets: list[str], intern: list[str]) -> None:
    files = read_all(site)
    assert "index.html" in files
    sources = [name for name in files if name.startswith(SOURCE_DIRS) or "vokabular" in name or "/_" in f"/{name}"]
    assert sources == [], f"källfiler publicerade: {sources[:10]}"
    for name, text in files.items():
        for secret in [*secrets, *intern, "KANARIEBILAGA", "tillåtna_termer"]:
            assert secret not in text, f"{secret!r} läcker i {name}"


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_sample_site_without_the_plugin_publishes_nothing_private(tmp_path: Path, engine: str) -> None:
    project = _project(tmp_path, REPO / "content", with_plugin=False)
    run_engine(engine, project, project / "site")
    _assert_nothing_private(project / "site", *_secrets(project / "content"))


def test_canaries_without_the_plugin_stay_private(tmp_path: Path) -> None:
    gen = write_tree(tmp_path / "genererat", 40, canaries=True, mkdocs_yml=False)
    assert gen.canaries and gen.unpublished
    project = _project(tmp_path, tmp_path / "genererat" / "content", with_plugin=False)
    run_engine("mkdocs", project, project / "site")
    _assert_nothing_private(project / "site", [*gen.canaries, *gen.unpublished, *gen.published], [])


def test_zensical_skips_the_plugin_and_publishes_nothing_private(tmp_path: Path) -> None:
    # Zensical reads the same mkdocs.yml, plugin and all, and silently skips the plugin.
    project = _project(tmp_path, REPO / "content", with_plugin=True)
    output = run_engine("zensical", project, project / "site")
    assert "Build finished" in output
    _assert_nothing_private(project / "site", *_secrets(project / "content"))
    # It did build the organisation's own page: the check above looked at a real site.
    assert "Exempellän" in (project / "site" / "index.html").read_text("utf-8")


def test_zensical_without_exclude_docs_would_publish_drafts(tmp_path: Path) -> None:
    # Why exclude_docs is in mkdocs.yml: without it Zensical publishes every source file.
    project = _project(tmp_path, REPO / "content", with_plugin=True)
    config = yaml.safe_load((project / "mkdocs.yml").read_text("utf-8"))
    del config["exclude_docs"]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    run_engine("zensical", project, project / "site")
    drafts, _intern = _secrets(project / "content")
    everything = "\n".join(read_all(project / "site").values())
    assert any(d in everything for d in drafts)
