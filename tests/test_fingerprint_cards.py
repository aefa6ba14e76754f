"""The preview digests a list, an actor page and the start page with each report's card alone
(project/fingerprint.py CARD_FIELDS, outputs/pages.py CARD_TEMPLATES). That is only right if
those templates read nothing else of a report: proved here by rendering every such page
with reports that have nothing else, which must give the very same HTML. And in a dirty
rebuild: a changed text rebuilds the report's page and not its lists; a changed headline
rebuilds both, and neither shows an old version."""

from __future__ import annotations

import copy
import dataclasses
import logging
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from mkdocs.commands.build import build, get_files
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from po_build.mkdocs.plugin import PoPlugin
from po_build.outputs.pages import CARD_TEMPLATES
from po_build.outputs.start import start_context
from po_build.project.fingerprint import CARD_FIELDS
from po_build.project.projection import ReportView

from .contentgen import write_tree


class CardOnly:
    """A report with its card's fields and nothing more: reading anything else fails loudly
    (not with AttributeError, which Jinja would take for a missing value)."""

    def __init__(self, view: ReportView, fields: tuple[str, ...], seen: list[str]) -> None:
        for name in fields:
            object.__setattr__(self, name, getattr(view, name))
        object.__setattr__(self, "_view_id", view.id)
        seen.append(view.id)

    is_open = ReportView.is_open
    sort_key = ReportView.sort_key

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"en kortmall läste {name} av {self._view_id}, som inte finns på kortet")


def cards_only(value: Any, fields: tuple[str, ...], seen: list[str]) -> Any:
    """value with every report view in it, at any depth, replaced by its card."""
    if isinstance(value, ReportView):
        return CardOnly(value, fields, seen)
    if isinstance(value, list):
        return [cards_only(v, fields, seen) for v in value]
    if isinstance(value, tuple):
        return tuple(cards_only(v, fields, seen) for v in value)
    if isinstance(value, dict):
        return {k: cards_only(v, fields, seen) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = copy.copy(value)
        for f in dataclasses.fields(value):
            object.__setattr__(out, f.name, cards_only(getattr(value, f.name), fields, seen))
        return out
    return value


def load(root: Path, site: Path) -> MkDocsConfig:
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site))
    config.site_url = "http://127.0.0.1:8000/"
    return config


def plugin_after_files(root: Path, tmp_path: Path) -> PoPlugin:
    config = load(root, tmp_path / "ut")
    config = config.plugins.on_config(config)
    plugin = config.plugins["po"]
    assert isinstance(plugin, PoPlugin)
    plugin.on_files(get_files(config), config=config)
    return plugin


def rendered(plugin: PoPlugin, fields: tuple[str, ...]) -> tuple[dict[str, str], dict[str, str], list[str]]:
    """Every card page as made from the reports, and as made from their cards alone."""
    assert plugin.env is not None and plugin.projection is not None
    real: dict[str, str] = {}
    cards: dict[str, str] = {}
    seen: list[str] = []
    for spec in plugin.specs.values():
        if spec.template in CARD_TEMPLATES:
            real[spec.src_uri] = plugin._render_spec(spec, spec.url)
            only = dataclasses.replace(spec, context=cards_only(spec.context, fields, seen))
            cards[spec.src_uri] = plugin._render_spec(only, spec.url)
    start = start_context(plugin.projection, plugin.today)
    for name in ("start.html", "start-diagram.html"):
        assert name in CARD_TEMPLATES
        template = plugin.env.get_template(name)
        real[name] = template.render(**plugin._context(""), **start)
        cards[name] = template.render(**plugin._context(""), **cards_only(start, fields, seen))
    return real, cards, seen


@pytest.fixture(autouse=True)
def own_plugins() -> Iterator[None]:
    """MkDocs keeps one instance of a plugin with on_startup for the whole process (its
    plugin cache): these tests get their own, and leave the others theirs, so that a
    serving plugin from here never builds another test's site."""
    cache = MkDocsConfig.plugins.plugin_cache
    saved = dict(cache)
    cache.clear()
    yield
    cache.clear()
    cache.update(saved)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("kort")
    write_tree(root, 120, years=3, start=date(2023, 1, 2), yearly_reports=True)
    return root


@pytest.mark.parametrize("intern", [False, True], ids=["publik", "intern"])
def test_card_pages_read_nothing_of_a_report_but_its_card(site: Path, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch, intern: bool) -> None:
    monkeypatch.setenv("PO_PDF", "0")
    if intern:
        monkeypatch.setenv("PO_INTERN", "1")
    plugin = plugin_after_files(site, tmp_path)
    real, cards, seen = rendered(plugin, CARD_FIELDS)
    assert plugin.projection is not None
    templates = {s.template for s in plugin.specs.values()} | {"start.html", "start-diagram.html"}
    assert templates >= CARD_TEMPLATES  # every card template was rendered at least once
    assert set(seen) == {r.id for r in plugin.projection.reports}  # with every report on them
    assert real == cards


def test_a_card_template_reading_a_field_off_the_card_is_seen(site: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The check above can fail: a card without its headline is caught."""
    monkeypatch.setenv("PO_PDF", "0")
    fewer = tuple(name for name in CARD_FIELDS if name != "rubrik")
    with pytest.raises(AssertionError, match="läste rubrik"):
        rendered(plugin_after_files(site, tmp_path), fewer)


class Served:
    """A site built as `mkdocs serve --dirty` builds it, in this process, and saved to."""

    def __init__(self, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setenv("PO_PDF", "0")
        monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
        logging.getLogger("mkdocs").setLevel(logging.ERROR)
        write_tree(root, 40, years=2, start=date(2024, 1, 2), yearly_reports=True, unpublished_share=0.0,
                   positive_share=0.0)
        self.root, self.site = root, root / "ut"
        self.config = load(root, self.site)
        self.config.plugins.on_startup(command="serve", dirty=True)

    def start(self) -> None:
        build(self.config, serve_url=self.config.site_url, dirty=True)
        self.report = sorted((self.root / "content" / "brister").rglob("B-*.md"))[-1]
        self.id = self.report.name[: len("B-2025-001")]
        self.original = self.report.read_text("utf-8")
        self.page, self.overview = self.site / "brister" / self.id / "index.html", self.site / "brister" / "index.html"
        assert self.id in self.overview.read_text("utf-8")

    def save(self, text: str) -> set[str]:
        self.report.write_text(text, "utf-8")
        os.utime(self.report)
        config = load(self.root, self.site)
        build(config, serve_url=config.site_url, dirty=True)
        plugin = config.plugins["po"]
        assert isinstance(plugin, PoPlugin) and plugin.preview is not None
        return plugin.preview.built

    def stop(self) -> None:
        self.config.plugins.on_shutdown()


def test_a_changed_text_rebuilds_its_page_not_its_lists_and_a_headline_both(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    served = Served(tmp_path, monkeypatch)
    served.start()
    save, report_id, original = served.save, served.id, served.original
    page, overview = served.page, served.overview
    list_before = overview.read_bytes()
    built = save(original + "\nEn helt ny mening om väntetiderna.\n")
    assert f"brister/{report_id}/" in built and "brister/" not in built
    assert "En helt ny mening om väntetiderna." in page.read_text("utf-8")
    assert overview.read_bytes() == list_before  # the list shows the card, which did not change

    assert "Rapport nummer" in original
    built = save(original.replace("Rapport nummer", "Omskriven rubrik nummer", 1))
    assert {f"brister/{report_id}/", "brister/"} <= built
    assert "Omskriven rubrik nummer" in page.read_text("utf-8")
    assert "Omskriven rubrik nummer" in overview.read_text("utf-8")
    served.stop()


def test_an_own_card_template_makes_lists_follow_the_whole_report(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """An organisation's own _macros.html may show more of a report than the card: its lists are
    then digested whole, and show a changed text at once."""
    served = Served(tmp_path, monkeypatch)
    macros = Path(__file__).parent.parent / "po_build" / "templates" / "po" / "_macros.html"
    own = tmp_path / "overrides" / "po"
    own.mkdir(parents=True)
    card_title = '<h3 class="po-card__title">'
    text = macros.read_text("utf-8")
    assert card_title in text
    (own / "_macros.html").write_text(
        text.replace(card_title, '<p class="egen">{{ r.sections[-1].markdown[-40:] }}</p>' + card_title, 1), "utf-8")
    served.start()
    built = served.save(served.original + "\nEn helt ny mening om väntetiderna.\n")
    assert {f"brister/{served.id}/", "brister/"} <= built
    assert "En helt ny mening om väntetiderna." in served.overview.read_text("utf-8")
    served.stop()
