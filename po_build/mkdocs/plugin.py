"""The MkDocs plugin `po`: a plain `mkdocs build` checks, projects and renders.

Hooks only; the work is done by the stages below. Flow per build: files → check_tree
(stop on errors, no half-built site) → project (public or internal) → generated pages
and files. Report pages are added as ordinary MkDocs pages outside the navigation, as
Material's blog plugin does with posts, so the theme, search and sitemap treat them like
any other page.
"""

from __future__ import annotations

import logging
import os
from datetime import date
from html import escape, unescape
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from po_build.check.privacy.files import scan_file_text
from po_build.check.result import Result
from po_build.check.tree import check_tree
from po_build.contract.layout import ATTACHMENT_DIR
from po_build.mkdocs import files as site_files
from po_build.mkdocs.config import PoConfig, accessibility_of, apply_environment, config_errors
from po_build.mkdocs.head import OpenGraph, decorate
from po_build.model.records import Content
from po_build.outputs.accounting import account, accounting_line
from po_build.outputs.feeds import feed_files, feed_links
from po_build.outputs.filterindex import filter_index_files
from po_build.outputs.opendata.registry import open_data_files
from po_build.outputs.pages import PageSettings, PageSpec
from po_build.outputs.pdf import write_pdfs
from po_build.outputs.registry import build_pages
from po_build.outputs.start import place_figures, start_context
from po_build.project.projection import Projection, project
from po_build.render.markdown import clean_page, escape_meta
from po_build.render.templating import environment

log = logging.getLogger("mkdocs.plugins.po")
LIST_TEMPLATES = {"lista.html", "positivt.html"}


class PoPlugin(BasePlugin[PoConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        super().__init__()
        self.projection: Projection | None = None
        self.specs: dict[str, PageSpec] = {}
        self.env: Environment | None = None
        self.accounting: dict[str, int] = {}
        self.summary = ""
        self.feeds: dict[str, str] = {}
        self.serving = False
        self.today = date.today()

    # -- configuration -------------------------------------------------------------

    def load_config(self, options: dict[str, Any], config_file_path: str | None = None) -> tuple[Any, Any]:
        """MkDocs validates the options here; what is wrong is said in Swedish (see mkdocs/config.py)."""
        errors, warnings = super().load_config(options, config_file_path)
        lines = config_errors(errors, warnings)
        if not lines:
            lines = apply_environment(self.config, os.environ)
        if lines:
            for line in lines:
                log.error(f"po: {line}")
            raise Abort("Bygget avbröts – rätta inställningen ovan och bygg igen.")
        return errors, warnings

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.today = self.config.idag or date.today()
        for note in accessibility_of(self.config).notes:
            log.info(f"po: {note}")
        self.env = environment(Path(config.config_file_path).parent / "overrides" / "po")
        for css in (site_files.CSS_PATH, site_files.REPORT_CSS_PATH):
            if css not in config.extra_css:
                config.extra_css.append(css)
        if site_files.JS_PATH not in [str(js) for js in config.extra_javascript]:
            config.extra_javascript.append(site_files.JS_PATH)
        return config

    # -- files: check, project, add generated pages --------------------------------

    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir)
        root = Path(config.config_file_path).parent
        self.summary = ""  # `mkdocs serve` rebuilds with the same plugin: no stale line after an error
        result = check_tree(docs_dir, today=self.today, scanner=scan_file_text, display_root=root, site=True)
        for problem in result.warnings:
            log.info(problem.format())
        if result.errors:
            for problem in result.errors:
                log.error(problem.format())
            if self.serving:
                return self._error_site(files, config, result)
            raise PluginError(
                f"po: {result.summary()} – webbplatsen byggs inte förrän felen är rättade "
                "(kör 'po check' för samma lista)"
            )
        self.projection = p = project(
            result.content, "intern" if self.config.intern else "public",
            organisation=self.config.organisation, region=self.config.region, k=self.config.minsta_antal,
        )
        # What MkDocs itself would publish, before we take anything away: the summary
        # counts a page only when MkDocs renders it.
        included_by_mkdocs = {f.src_uri for f in files if f.inclusion.is_included()}
        pages_by_mkdocs = {f.src_uri for f in files if f.is_documentation_page()}
        files = site_files.published_files(files, config, p)

        self.feeds = {} if p.internal else {path: title for title, path in feed_links(p)}
        settings = PageSettings(per_page=self.config.per_sida, positive=self.config.positiva,
                                organisation=self.config.organisation, accessibility=accessibility_of(self.config),
                                site_url=config.site_url or "", licence=self.config.licens)
        self.specs = {spec.src_uri: spec for spec in build_pages(p, settings)}
        site_files.add_pages(files, config, list(self.specs.values()))
        site_files.add_assets(files, config)
        if not p.internal:
            if not config.site_url:
                log.info("po: site_url saknas i mkdocs.yml – flödena får relativa länkar")
            site_files.add_data(files, config, {**open_data_files(p, self.config.positiva, self.config.licens),
                                                **feed_files(p, config.site_url or ""),
                                                **filter_index_files(p)})
        missing = site_files.add_form(files, config, p, self.config.formular, self.config.organisation)
        if missing:
            (log.warning if missing[1] else log.info)(f"po: {missing[0]}")

        published_attachments = sum(
            1 for f in files if f.src_uri.startswith(f"{ATTACHMENT_DIR}/") and f.inclusion.is_included()
        )
        self.accounting = account(result.inventory, included_by_mkdocs, pages_by_mkdocs)
        self.summary = accounting_line(self.accounting, len(result.inventory), published_attachments)
        if self.config.intern:
            self.summary += " (den interna versionen visar även de opublicerade)"
        else:
            shown = len(p.reports)
            self.summary += f" ({shown} {'rapport' if shown == 1 else 'rapporter'} visas)"
        return files

    def _error_site(self, files: Files, config: MkDocsConfig, result: Result) -> Files:
        """While previewing, a page listing the errors instead of a stopped server.

        `mkdocs serve` then keeps watching, and the next save that fixes the file
        brings the site back without a restart.
        """
        self.projection = project(Content([], [], result.content.vocabulary), "public")
        self.feeds = {}
        kept = Files([f for f in files if not (f.is_documentation_page() or site_files.is_source(f.src_uri)
                                              or f.src_uri.startswith(f"{ATTACHMENT_DIR}/"))])
        spec = PageSpec("index.md", "Det finns fel att rätta", "fel.html", {"problems": result.errors})
        self.specs = {spec.src_uri: spec}
        kept.append(File.generated(config, spec.src_uri, content=""))
        site_files.add_assets(kept, config, only=(site_files.CSS_PATH,))
        return kept

    # -- pages ---------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            # An own page's front matter (title, description) goes into the page as it is.
            page.meta = escape_meta(page.meta)
            return markdown
        # Material writes the title into <title>, the header and the search index without
        # escaping it (MkDocs titles are HTML): a report's rubrik must arrive escaped.
        page.meta["title"] = escape(spec.title, quote=False)
        if spec.description:
            # Material writes it into content="..." as it is: escaped here, once.
            page.meta["description"] = escape(spec.description, quote=True)
        if spec.template in LIST_TEMPLATES:
            # Lists repeat what the report pages say; indexing them would only make
            # every hit appear many times (and the index, and the build, much larger).
            page.meta["search"] = {"exclude": True}
        if spec.template == "lista.html":
            # The facets take the navigation's column (po.css); the contents column would be empty.
            page.meta["hide"] = ["navigation", "toc"]
        return ""

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.env is not None and self.projection is not None
        spec = self.specs.get(page.file.src_uri)
        context = {
            "p": self.projection,
            "rel": lambda url: get_relative_url(url or "./", page.url or "./") or "./",
            "today": self.today,
            "config": self.config,
        }
        if spec is not None:
            if spec.toc:
                page.toc = get_toc([
                    {"level": 2, "id": escape(anchor), "name": escape(title, quote=False), "children": []}
                    for anchor, title in spec.toc
                ])
            return self.env.get_template(spec.template).render(**context, **spec.context)
        if page.title:
            # A title taken from the page's first heading is HTML: Material strips its tags
            # for <title>, which also turns &lt;/title&gt; back into </title>. Give it the
            # plain text, escaped once, as for the generated pages.
            page.meta["title"] = escape(Markup(page.title).striptags(), quote=False)
        if page.is_homepage:
            start = start_context(self.projection, self.today)
            figures = self.env.get_template("start.html").render(**context, **start)
            rest = self.env.get_template("start-diagram.html").render(**context, **start)
            return place_figures(clean_page(html), figures) + rest
        # The organisation's own pages: their HTML stays, anything that runs script goes.
        return clean_page(html)

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        extra: dict[str, Any] = {"po_intern": self.config.intern, "po_organisation": self.config.organisation}
        context.update(extra)  # type: ignore[typeddict-item]  # our own keys, for overrides/main.html
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        assert self.projection is not None
        return decorate(output, page.url or "", self.projection.internal, self.feeds, self._open_graph(page, config))

    def _open_graph(self, page: Page, config: MkDocsConfig) -> OpenGraph:
        spec = self.specs.get(page.file.src_uri)
        # page.meta holds escaped text (for Material); the tags want it plain, escaped once by head.py.
        title = spec.title if spec is not None else unescape(str(page.meta.get("title") or page.title or ""))
        if page.is_homepage:
            title = config.site_name
        description = (spec.description if spec is not None and spec.description
                       else unescape(str(page.meta.get("description") or config.site_description or "")))
        return OpenGraph(title, description, spec.kind if spec is not None else "website",
                         page.canonical_url or "", config.site_name)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.pdf and self.projection is not None and self.env is not None:
            write_pdfs(self.projection, Path(config.site_dir), self.env, self.config.organisation,
                       site_url=config.site_url or "", positive=self.config.positiva)
        if self.summary:
            log.info(f"po: {self.summary}")
