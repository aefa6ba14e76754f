"""The MkDocs plugin `po`: a plain `mkdocs build` validates, projects and renders.

Flow per build: files → check_tree (stop on errors, no half-built site) →
project (public or internal) → generated pages and files. Report pages are added
as ordinary MkDocs pages outside the navigation, as Material's blog plugin does
with posts, so the theme, search and sitemap treat them like any other page.
"""

from __future__ import annotations

import json
import logging
import os
import re
from datetime import date
from html import escape
from importlib import resources
from pathlib import Path, PurePosixPath
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PackageLoader, StrictUndefined
from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from . import templating
from .accessibility import accessibility_page
from .attachments import IMAGE_SUFFIXES, public_bytes, referenced_in
from .feeds import feed_files, feed_links
from .identifiers import scan_file_text
from .opendata import open_data_files
from .outputs.cms.config import FormOptions, FormOptionsError
from .outputs.cms.files import DecapMissing, admin_files
from .pdf import write_pdfs
from .projection import Projection, project
from .records import Content
from .render import clean_page, escape_meta
from .report import socialstyrelsen_files, sokande_open_data
from .schema import build_schema
from .site import PageSpec, build_pages, start_context
from .validate import (
    ATTACHMENT_DIR,
    REPORT_DIR,
    VOCABULARY_FILE,
    YEAR_DIR,
    Result,
    account,
    accounting_line,
    check_tree,
    is_ignored,
)

log = logging.getLogger("mkdocs.plugins.po")
CSS_PATH = "assets/po/po.css"
JS_PATH = "assets/po/po.js"
REPORT_CSS_PATH = "assets/po/arsrapport.css"
ASSETS = (CSS_PATH, REPORT_CSS_PATH, JS_PATH)
LIST_TEMPLATES = {"lista.html", "positivt.html"}


def _json_bytes(data: object) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


class PoConfig(Config):
    organisation = c.Type(str, default="Personligt ombud")
    region = c.Type(str, default="")
    minsta_antal = c.Type(int, default=3)
    intern = c.Type(bool, default=False)
    per_sida = c.Type(int, default=50)
    pdf = c.Type(bool, default=True)
    idag = c.Optional(c.Type(str))
    positiva = c.Choice(("alla", "tema"), default="alla")  # which positive events the yearly report shows
    tillganglighet = c.Type(dict, default={})  # the accessibility statement: accessibility.py
    formular = c.Type(dict, default={})  # the form at /admin/: outputs/cms/


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

    # -- configuration -------------------------------------------------------------

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if os.environ.get("PO_INTERN") in ("1", "true", "ja"):
            self.config.intern = True
        if os.environ.get("PO_PDF") in ("0", "false", "nej"):
            self.config.pdf = False
        if self.config.minsta_antal < 1:
            raise PluginError("po: minsta_antal i mkdocs.yml ska vara 1 eller mer (normalt 3)")
        overrides = Path(config.config_file_path).parent / "overrides" / "po"
        loaders: list[Any] = []
        if overrides.is_dir():
            loaders.append(FileSystemLoader(str(overrides)))
        loaders.append(PackageLoader("po_build", "templates/po"))
        self.env = Environment(
            loader=ChoiceLoader(loaders),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        templating.install(self.env)
        for css in (CSS_PATH, REPORT_CSS_PATH):
            if css not in config.extra_css:
                config.extra_css.append(css)
        if JS_PATH not in [str(js) for js in config.extra_javascript]:
            config.extra_javascript.append(JS_PATH)
        return config

    def _today(self) -> date:
        value = self.config.idag or os.environ.get("PO_IDAG")
        return date.fromisoformat(value) if value else date.today()

    # -- files: validate, project, add generated pages -----------------------------

    @event_priority(50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        docs_dir = Path(config.docs_dir)
        root = Path(config.config_file_path).parent
        self.summary = ""  # `mkdocs serve` rebuilds with the same plugin: no stale line after an error
        result = check_tree(docs_dir, today=self._today(), scanner=scan_file_text, display_root=root)
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
        content = result.content
        mode = "intern" if self.config.intern else "public"
        self.projection = project(
            content, mode, organisation=self.config.organisation,
            region=self.config.region, k=self.config.minsta_antal,
        )
        p = self.projection
        published_ids = {r.id for r in p.reports}
        used_attachments = {a.url for r in p.reports for a in r.bilagor}
        for r in p.reports:
            for section in r.sections:
                used_attachments |= {f"{ATTACHMENT_DIR}/{name}" for name in referenced_in(section.markdown)}

        # What MkDocs itself would publish, before we take anything away: the summary
        # counts a page only when MkDocs renders it.
        included_by_mkdocs = {f.src_uri for f in files if f.inclusion.is_included()}
        pages_by_mkdocs = {f.src_uri for f in files if f.is_documentation_page()}

        # Sources of reports are data, not pages; attachments are published only when a
        # visible report uses them, so a draft's letter never reaches the public site.
        # Files named _... or .... are ignored by the check, so they are never published.
        # One pass that builds the kept set, instead of removing while iterating.
        kept: list[File] = []
        for f in files:
            parts = PurePosixPath(f.src_uri).parts
            if not parts:
                kept.append(f)
                continue
            is_source = parts[0] in (REPORT_DIR, YEAR_DIR) or f.src_uri == VOCABULARY_FILE
            unused_attachment = parts[0] == ATTACHMENT_DIR and f.src_uri not in used_attachments
            if is_source or unused_attachment or is_ignored(PurePosixPath(f.src_uri)):
                continue
            if parts[0] == ATTACHMENT_DIR and Path(f.abs_src_path or "").suffix.lower() in IMAGE_SUFFIXES:
                f = File.generated(config, f.src_uri, content=public_bytes(Path(f.abs_src_path)))
            kept.append(f)
        files = Files(kept)

        self.feeds = {} if p.internal else {path: title for title, path in feed_links(p)}
        self.specs = {}
        for spec in [*build_pages(p, per_page=self.config.per_sida, positive=self.config.positiva),
                     accessibility_page(self.config.tillganglighet, self.config.organisation)]:
            self.specs[spec.src_uri] = spec
            files.append(File.generated(config, spec.src_uri, content="",
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        for target in ASSETS:
            source = resources.files("po_build").joinpath("assets", target.rsplit("/", 1)[1])
            files.append(File.generated(config, target, content=source.read_bytes()))
        for path, data in self._extra_files(p, config).items():
            files.append(File.generated(config, path, content=data))
        for path, data in self._form_files(p, config).items():
            files.append(File.generated(config, path, content=data))

        published_attachments = sum(
            1 for f in files if f.src_uri.startswith(f"{ATTACHMENT_DIR}/") and f.src_uri in included_by_mkdocs
        )
        self.accounting = account(result.inventory, included_by_mkdocs, pages_by_mkdocs)
        self.summary = accounting_line(self.accounting, len(result.inventory), published_attachments)
        if self.config.intern:
            self.summary += " (den interna versionen visar även de opublicerade)"
        else:
            self.summary += f" ({len(published_ids)} {'rapport' if len(published_ids) == 1 else 'rapporter'} visas)"
        return files

    def _error_site(self, files: Files, config: MkDocsConfig, result: Result) -> Files:
        """While previewing, a page listing the errors instead of a stopped server.

        `mkdocs serve` then keeps watching, and the next save that fixes the file
        brings the site back without a restart.
        """
        self.projection = project(Content([], [], result.content.vocabulary), "public")
        self.feeds = {}
        for f in [f for f in files if f.is_documentation_page() or f.src_uri.startswith(
                (f"{REPORT_DIR}/", f"{YEAR_DIR}/", f"{ATTACHMENT_DIR}/"))]:
            files.remove(f)
        spec = PageSpec("index.md", "Det finns fel att rätta", "fel.html", {"problems": result.errors})
        self.specs = {spec.src_uri: spec}
        files.append(File.generated(config, spec.src_uri, content=""))
        files.append(File.generated(config, CSS_PATH,
                                    content=resources.files("po_build").joinpath("assets/po.css").read_bytes()))
        return files

    def _extra_files(self, p: Projection, config: MkDocsConfig) -> dict[str, bytes]:
        """Open data, schema and feeds: for the public only; the internal build has none."""
        if p.internal:
            return {}
        if not config.site_url:
            log.info("po: site_url saknas i mkdocs.yml – flödena får relativa länkar")
        applicants = {
            f"oppna-data/sokande-{y.år}.json": _json_bytes(data)
            for y in p.years if (data := sokande_open_data(p, y.år)) is not None
        }
        return {
            **open_data_files(p, build_schema(p.vocabulary)),
            **socialstyrelsen_files(p, positive=self.config.positiva),
            **applicants,
            **feed_files(p, config.site_url or ""),
        }

    def _form_files(self, p: Projection, config: MkDocsConfig) -> dict[str, bytes]:
        """The form at /admin/ (outputs/cms/): rebuilt with the vocabulary at every build."""
        try:
            options = FormOptions.from_dict(self.config.formular)
            return admin_files(p.vocabulary, options, self.config.organisation, config.site_url or "",
                               Path(config.config_file_path).parent)
        except FormOptionsError as err:
            raise PluginError(f"po: {err}") from err
        except DecapMissing as err:
            # A repository with package.json wants the form: a missing `npm ci` is a mistake.
            wanted = (Path(config.config_file_path).parent / "package.json").is_file()
            (log.warning if wanted else log.info)(f"po: {err}")
            return {}

    # -- pages ---------------------------------------------------------------------

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        spec = self.specs.get(page.file.src_uri)
        if spec is None:
            # An own page's front matter (title, description) goes into the page as it is.
            page.meta = escape_meta(page.meta)
            return markdown
        # Material writes the title into <title>, the header and the search index without
        # escaping it (MkDocs titles are HTML): a report's rubrik must arrive escaped.
        page.meta["title"] = escape(spec.title, quote=False)
        if spec.template in LIST_TEMPLATES:
            # Lists repeat what the report pages say; indexing them would only make
            # every hit appear many times (and the index, and the build, much larger).
            page.meta["search"] = {"exclude": True}
        if spec.template == "lista.html":
            # The facets take the navigation's column (po.css); the contents column would be empty.
            page.meta["hide"] = ["navigation", "toc"]
        return ""

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        assert self.env is not None and self.projection is not None
        spec = self.specs.get(page.file.src_uri)
        context = {
            "p": self.projection,
            "rel": lambda url: get_relative_url(url or "./", page.url or "./") or "./",
            "today": self._today(),
            "config": self.config,
        }
        if spec is not None:
            template = self.env.get_template(spec.template)
            if spec.toc:
                page.toc = get_toc([
                    {"level": 2, "id": escape(anchor), "name": escape(title, quote=False), "children": []}
                    for anchor, title in spec.toc
                ])
            return template.render(**context, **spec.context)
        if page.title:
            # A title taken from the page's first heading is HTML: Material strips its tags
            # for <title>, which also turns &lt;/title&gt; back into </title>. Give it the
            # plain text, escaped once, as for the generated pages.
            page.meta["title"] = escape(Markup(page.title).striptags(), quote=False)
        if page.is_homepage:
            start = start_context(self.projection, self._today().year)
            return clean_page(html) + self.env.get_template("start.html").render(**context, **start)
        # The organisation's own pages: their HTML stays, anything that runs script goes.
        return clean_page(html)

    def on_page_context(self, context: dict[str, Any], *, page: Page, config: MkDocsConfig,
                        nav: Any) -> dict[str, Any]:
        context["po_intern"] = self.config.intern
        context["po_organisation"] = self.config.organisation
        return context

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Feed links in <head>, and the internal banner right after <body>.

        Done here rather than in a theme override so that no override can forget them.
        """
        assert self.projection is not None
        head = []
        if not self.projection.internal:
            for path in ("flode/atom.xml", f"{page.url}atom.xml"):
                if path in self.feeds:
                    href = get_relative_url(path, page.url or "./")
                    head.append(f'<link rel="alternate" type="application/atom+xml" '
                                f'title="{escape(self.feeds[path])}" href="{escape(href)}">')
        else:
            head.append('<meta name="robots" content="noindex, nofollow">')
        if head:
            output = output.replace("</head>", "\n".join(head) + "\n</head>", 1)
        if self.projection.internal:
            banner = ('<div class="po-intern-banner" role="note">INTERN VERSION för styrgruppen – '
                      "innehåller utkast och interna uppgifter. Får inte publiceras eller spridas.</div>")
            output = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + banner, output, count=1)
        return output

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.config.pdf and self.projection is not None and self.env is not None:
            write_pdfs(self.projection, Path(config.site_dir), self.env, self.config.organisation,
                       site_url=config.site_url or "", positive=self.config.positiva)
        if self.summary:
            log.info(f"po: {self.summary}")
