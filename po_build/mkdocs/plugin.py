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
import time
from collections.abc import Callable
from datetime import date
from html import escape, unescape
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url
from mkdocs.utils.templates import TemplateContext

from po_build.check.memo import CheckMemo
from po_build.check.privacy.files import scan_file_text
from po_build.check.tree import check_tree
from po_build.contract.layout import ATTACHMENT_DIR
from po_build.load import store
from po_build.load.store import Store, digest
from po_build.mkdocs import files as site_files
from po_build.mkdocs import logs
from po_build.mkdocs.cache import build_cache, pdf_line
from po_build.mkdocs.compiled import CompiledTemplates
from po_build.mkdocs.config import PoConfig, accessibility_of, apply_environment, config_errors
from po_build.mkdocs.head import OpenGraph, decorate, hide_charts, show_charts
from po_build.mkdocs.pause import CollectorPause
from po_build.mkdocs.preview import (
    ERROR_TEMPLATES,
    ERRORS_URL,
    Preview,
    page_url,
    site_fingerprint,
    title_unread_pages,
)
from po_build.mkdocs.server import LazyData, with_preview
from po_build.mkdocs.theme_env import ThemeListing
from po_build.mkdocs.watch import use_inotify
from po_build.outputs.accounting import account, accounting_line
from po_build.outputs.feeds import feed_files, feed_links
from po_build.outputs.filterindex import filter_index_files
from po_build.outputs.opendata.registry import open_data_files
from po_build.outputs.pages import CARD_PARTS, CARD_TEMPLATES, PageSettings, PageSpec
from po_build.outputs.pdf import write_pdfs
from po_build.outputs.registry import build_pages
from po_build.outputs.start import place_figures, start_context
from po_build.outputs.yearly.document import use_input_keys
from po_build.project.fingerprint import Fingerprints
from po_build.project.projection import PageFacts, Projection, project
from po_build.render.markdown import clean_page, escape_meta
from po_build.render.templating import environment

log = logging.getLogger("mkdocs.plugins.po")
LIST_TEMPLATES = {"lista.html", "positivt.html"}
# Pages that only repeat what the report pages say: kept out of the search index.
UNSEARCHED_TEMPLATES = LIST_TEMPLATES | {"aktor.html"}


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
        self.store: Store | None = None
        self.memo: CheckMemo | None = None
        self.charts: dict[str, list[str]] = {}  # a page's charts, between its content and its output
        self.preview: Preview | None = None  # while serving: what one save keeps from the last
        self.rendered: dict[str, str] = {}  # po templates rendered before the build (preview)
        self.page_meta: dict[str, str] = {}  # src_uri → its site, address and title, digested (preview)
        self.start_parts: tuple[str, str] | None = None  # the start page's, likewise
        self.page_urls: list[str] = []
        self.noted = False
        self.pruned = False
        self.pause = CollectorPause()
        self.built_once = False
        self.lazy_data = LazyData()
        self.made_data: Callable[[], dict[str, bytes]] | None = None
        self.env_for: Path | None = None
        self.nav: Navigation | None = None  # this build's menu (the preview titles its unread pages)
        self.compiled = CompiledTemplates()
        self.theme_listing = ThemeListing()

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
        if self.serving:
            self.preview = Preview(incremental=dirty)
            logs.install()

    def on_serve(self, server: LiveReloadServer, *, config: MkDocsConfig,
                 builder: Callable[..., Any]) -> LiveReloadServer:
        """The banner with the number of errors, put into each page as it is served (server.py),
        and a save seen as soon as it is made (watch.py)."""
        preview = self.preview
        if preview is None:
            return server
        use_inotify(server)
        mount = urlsplit(config.site_url or "/").path.rstrip("/") + "/"

        def error_urls() -> set[str]:
            return {mount + ERRORS_URL} | {mount + page_url(src) for src in preview.errors.pages}

        app = server.get_app()
        if app is not None:
            server.set_app(with_preview(app, lambda: preview.errors, mount + ERRORS_URL, error_urls,
                                        self.lazy_data, mount))
        return server

    def on_shutdown(self) -> None:
        self.pause.end(later=False)
        if self.preview is not None:
            self.preview.close()

    @event_priority(100)  # before the search plugin's, which makes environments of the theme
    def _on_config_theme(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.serving:
            self.theme_listing.install(config.theme, self.compiled)  # theme_env.py
        return config

    def _on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.today = self.config.idag or date.today()
        if not self.noted:  # `mkdocs serve` reads the configuration again on every save: say it once
            for note in accessibility_of(self.config).notes:
                log.info(f"po: {note}")
            self.noted = self.serving
        overrides = Path(config.config_file_path).parent / "overrides" / "po"
        if self.env is None or self.env_for != overrides:
            # Kept between the rebuilds of `mkdocs serve`: Jinja compiles each template once
            # and notices an edited override by itself (auto_reload).
            self.env, self.env_for = environment(overrides), overrides
        wanted = build_cache(Path(config.config_file_path).parent, self.config.cache)
        if wanted is None or self.store is None or wanted.root != self.store.root:
            self.store = wanted  # the same one between the rebuilds of `mkdocs serve`
        store.use(self.store)
        if self.memo is None or self.memo.store is not self.store:
            self.memo = CheckMemo(self.store)
        for css in (site_files.CSS_PATH, site_files.REPORT_CSS_PATH):
            if css not in config.extra_css:
                config.extra_css.append(css)
        if site_files.JS_PATH not in [str(js) for js in config.extra_javascript]:
            config.extra_javascript.append(site_files.JS_PATH)
        return config

    on_config = CombinedEvent(_on_config_theme, _on_config)

    # -- files: check, project, add generated pages --------------------------------

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.lazy_data.building()
        self.made_data = None
        if self.serving and self.built_once:
            # pause.py: the collector's full pass waits until the page is out. Not in the first
            # build, which makes the whole site: there the collector keeps the memory down.
            self.pause.start()

    def on_build_error(self, *, error: Exception) -> None:
        self.lazy_data.built(None)  # the last build's data stays
        self.pause.end()

    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir)
        root = Path(config.config_file_path).parent
        self.summary = ""  # `mkdocs serve` rebuilds with the same plugin: no stale line after an error
        result = check_tree(docs_dir, today=self.today, scanner=scan_file_text, display_root=root, site=True,
                            memo=self.memo)
        for problem in result.warnings:
            log.info(problem.format())
        if result.errors:
            for problem in result.errors:
                log.error(problem.format())
            if self.preview is None:
                raise PluginError(
                    f"po: {result.summary()} – webbplatsen byggs inte förrän felen är rättade "
                    "(kör 'po check' för samma lista)"
                )
        content = result.content
        if self.preview is not None:
            prefix = os.path.relpath(docs_dir.resolve(), root.resolve()).replace(os.sep, "/")
            content = self.preview.content_to_show(result, "" if prefix == "." else prefix + "/")
        self.projection = p = project(
            content, "intern" if self.config.intern else "public",
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
        fingerprints = Fingerprints(p) if self.preview is not None and self.preview.incremental else None
        if fingerprints is not None:
            # A save seldom changes every year: a yearly report's document made of the same
            # things as at the last save is taken from then (outputs/yearly/document.py).
            use_input_keys(p, lambda year: fingerprints.of_year(p, year))
        specs = build_pages(p, settings)
        if self.preview is not None:
            own = {f.src_uri for f in files if f.is_documentation_page()}
            specs = self.preview.error_pages(specs, own)
            for src in self.preview.errors.pages & own:
                files.remove(files.get_file_from_path(src))  # type: ignore[arg-type]  # in `own`, so there
        self.specs = {spec.src_uri: spec for spec in specs}
        if self.preview is not None and self.preview.incremental:
            for page in self.preview.generated_pages(config, (spec.src_uri for spec in specs)):
                files.append(page)
        else:
            site_files.add_pages(files, config, specs)
        site_files.add_assets(files, config)
        if not p.internal:
            if not config.site_url and not self.serving:
                log.info("po: site_url saknas i mkdocs.yml – flödena får relativa länkar")
            positive, licence, site_url = self.config.positiva, self.config.licens, config.site_url or ""

            def data() -> dict[str, bytes]:
                return {**open_data_files(p, positive, licence), **feed_files(p, site_url), **filter_index_files(p)}

            if self.preview is not None and self.preview.incremental:
                self.made_data = data  # made when asked for (server.py)
            else:
                site_files.add_data(files, config, data())
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
        if result.errors:
            self.summary += f"; {result.summary()}, se sidan {ERRORS_URL}"
        if self.preview is not None and self.preview.incremental and fingerprints is not None:
            self._plan_rebuild(files, config, fingerprints)
            self.preview.keep_unchanged(files, config)
        return files

    def _plan_rebuild(self, files: Files, config: MkDocsConfig, fingerprints: Fingerprints) -> None:
        """Give every page a token of what it is made from, and let the preview delete the
        output of each page whose token changed (preview.py)."""
        assert self.preview is not None and self.projection is not None
        site = site_fingerprint(config, dict(self.config), [self.today.isoformat(), repr(sorted(self.feeds.items()))])
        tokens: dict[str, str] = {}
        same_html: set[str] = set()
        self.rendered = {}
        self.page_meta = {}
        last, last_html = self.preview.tokens, self.preview.html
        own_templates = self.env_for  # the organisation's own po templates (on_config)
        cards = own_templates is None or not any((own_templates / name).exists() for name in CARD_PARTS)
        for f in files.documentation_pages():
            spec = self.specs.get(f.src_uri)
            if spec is not None:
                self.page_meta[f.src_uri] = meta = digest(site, f.url, spec.title, spec.description, spec.kind,
                                                          spec.template, repr(spec.toc))
                made_of = fingerprints.of(spec.context, cards=cards and spec.template in CARD_TEMPLATES)
                if made_of is None:  # something without a stable digest: make the page and compare it
                    self.rendered[f.src_uri] = html = self._render_spec(spec, f.url)
                    made_of = "html:" + digest(html)
                tokens[f.src_uri] = token = digest(meta, made_of)
                if token != last.get(f.src_uri) and f.src_uri in last_html:
                    # What it is made of changed; what it shows may not have (preview.py).
                    html = self.rendered.get(f.src_uri) or self._render_spec(spec, f.url)
                    if digest(meta, html) == last_html[f.src_uri]:
                        same_html.add(f.src_uri)
                    else:
                        self.rendered[f.src_uri] = html
            elif f.url in ("", "./", "index.html"):
                start = start_context(self.projection, self.today)
                made_of = fingerprints.of(start, cards=cards)  # start.html and start-diagram.html
                if made_of is None:
                    self.start_parts = parts = self._start_html(f.url)
                    made_of = "html:" + digest(*parts)
                tokens[f.src_uri] = digest(site, f.src_uri, "start", made_of)
            else:
                tokens[f.src_uri] = digest(site, f.src_uri)
        self.page_urls = [f.url for f in files.documentation_pages()]
        self.preview.plan(files, tokens, frozenset(same_html))

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav = nav
        return nav

    @event_priority(-100)  # after the other plugins' filters: the cache is for the environment as it renders
    def on_env(self, env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
        if self.preview is not None and self.preview.incremental and self.nav is not None:
            title_unread_pages(self.nav)
        if self.serving:
            self.compiled.use_in(env)  # compiled.py: the theme's templates compiled once per server
        return env

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
        if spec.template in UNSEARCHED_TEMPLATES | ERROR_TEMPLATES:
            # Lists and actor pages repeat what the report pages say; indexing them would
            # only make every hit appear many times (and the index, and the build, larger).
            page.meta["search"] = {"exclude": True}
        if spec.template == "lista.html":
            # The facets take the navigation's column (po.css); the contents column would be empty.
            page.meta["hide"] = ["navigation", "toc"]
        return ""

    def _context(self, page_url: str) -> dict[str, Any]:
        assert self.projection is not None
        return {
            # The settings, not the projection: a page shows what its context holds, which is
            # what the preview's fingerprint of the page covers (project/fingerprint.py).
            "p": PageFacts.of(self.projection),
            "rel": lambda url: get_relative_url(url or "./", page_url or "./") or "./",
            "today": self.today,
            "config": self.config,
        }

    def _render_spec(self, spec: PageSpec, page_url: str) -> str:
        assert self.env is not None
        return self.env.get_template(spec.template).render(**self._context(page_url), **spec.context)

    def _start_html(self, page_url: str) -> tuple[str, str]:
        """The start page's figures (placed before the author's text) and its charts (after)."""
        assert self.env is not None and self.projection is not None
        start = start_context(self.projection, self.today)
        context = self._context(page_url)
        return (self.env.get_template("start.html").render(**context, **start),
                self.env.get_template("start-diagram.html").render(**context, **start))

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        assert self.env is not None and self.projection is not None
        spec = self.specs.get(page.file.src_uri)
        ready = self.rendered.pop(page.file.src_uri, None)
        if spec is not None:
            if spec.toc:
                page.toc = get_toc([
                    {"level": 2, "id": escape(anchor), "name": escape(title, quote=False), "children": []}
                    for anchor, title in spec.toc
                ])
            made = ready or self._render_spec(spec, page.url)
            if self.preview is not None and page.file.src_uri in self.page_meta:
                self.preview.html_now[page.file.src_uri] = digest(self.page_meta[page.file.src_uri], made)
            out, self.charts[page.file.src_uri] = hide_charts(made)
            return out
        if page.title:
            # A title taken from the page's first heading is HTML: Material strips its tags
            # for <title>, which also turns &lt;/title&gt; back into </title>. Give it the
            # plain text, escaped once, as for the generated pages.
            page.meta["title"] = escape(Markup(page.title).striptags(), quote=False)
        if page.is_homepage:
            figures, rest = self.start_parts or self._start_html(page.url)
            self.start_parts = None
            return place_figures(clean_page(html), figures) + rest
        # The organisation's own pages: their HTML stays, anything that runs script goes.
        return clean_page(html)

    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        if self.preview is not None:
            self.preview.built.add(page.url)
        extra: dict[str, Any] = {"po_intern": self.config.intern, "po_organisation": self.config.organisation}
        context.update(extra)  # type: ignore[typeddict-item]  # our own keys, for overrides/main.html
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        assert self.projection is not None
        output = show_charts(output, self.charts.pop(page.file.src_uri, []))
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

    @event_priority(100)  # before Material's search writes its index: fix_search() gives it the whole
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.preview is not None and self.preview.incremental:
            self.preview.fix_search(config, self.page_urls)
            self.preview.commit()
            self.lazy_data.built(self.made_data)
            self.summary += f"; {len(self.preview.built)} av {len(self.page_urls)} sidor byggdes om"
        if self.config.pdf and self.projection is not None and self.env is not None:
            started = time.process_time()
            fresh: list[int] = []
            written = write_pdfs(self.projection, Path(config.site_dir), self.env, self.config.organisation,
                                 site_url=config.site_url or "", positive=self.config.positiva,
                                 store=self.store, laid_out=fresh)
            if written:
                log.info(f"po: {pdf_line(len(written), fresh, time.process_time() - started, self.store)}")
        if self.store is not None and not self.pruned:
            self.store.prune()
            # While serving, once: walking the whole cache on every save is time the page waits for.
            self.pruned = self.serving
        if self.summary:
            log.info(f"po: {self.summary}")
        self.pause.end()  # the collector's pass, once the page is out
        self.built_once = True
