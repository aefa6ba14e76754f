"""The live preview (`mkdocs serve`): what a save shows, and what it rebuilds.

What a save shows. A file with errors keeps its page, which lists the errors in its place;
every other page keeps its last good version (the lists show the last good version of the
broken report too), and a banner on them says how many errors there are (banner.py). The
whole list is on the page fel/. A broken vocabulary keeps the whole last good site.

What a save rebuilds. MkDocs' own `--dirty` (make serve uses it) renders a page only when
its output file is missing or older than its source. Generated pages have no source of
their own, so each gets one shared, empty source dated 1970: a page is then rendered
exactly when its output file is missing. Before the build, every page's output is given a
token, a digest of everything that goes into it (for a generated page: its title, table
of contents and the HTML the po templates made for it; for the organisation's own pages:
their figures on the start page, and otherwise MkDocs' own date check); the output of a
page whose token changed is deleted, and so is every output of the last build that this
build does not make (a deleted report's page gives 404). A generated page whose token
changed is first made by the po template alone: when that HTML, with the page's title,
table of contents and description, is the one in its output, the output stays (a report's
changed text changes its yearly report's inputs, seldom what the yearly report shows). The site-wide part of every
token (mkdocs.yml, overrides/, the menu's titles, the plugin's settings) changes all of
them: then everything is rebuilt, as without --dirty.

Files the plugin makes in memory (the form, the styles, cleaned attachments) would be
written again by every build; one whose bytes and output are as the last build left them
is left alone (keep_unchanged).

A dirty build leaves Material's search index with the rebuilt pages only, and its own
merge assumes one page per save; fix_search() merges it page by page instead.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.utils import meta

from po_build.check.result import Result
from po_build.contract.layout import REPORT_DIR, VOCABULARY_FILE, YEAR_DIR
from po_build.contract.schema import ID_FORM
from po_build.load.store import code_digest, digest, versions
from po_build.model.problems import Problem
from po_build.model.records import Content, Report, YearReport
from po_build.model.slug import slugify
from po_build.outputs.pages import PageSpec
from po_build.outputs.paths import GUIDE_PAGE, code_url
from po_build.project.projection import report_url
from po_build.render.markdown import escape_meta

ERRORS_PAGE = "fel/index.md"  # the list of every error, only while previewing
ERRORS_URL = "fel/"
ERROR_TEMPLATES = {"fel.html", "fel-fil.html"}
_ID_IN_NAME = re.compile(rf"^({ID_FORM})(?:-|\.md$)", re.IGNORECASE)


def page_url(src_uri: str) -> str:
    """The address of a page made from src_uri, as MkDocs makes it with directory URLs."""
    base = src_uri.removesuffix(".md")
    if base == "index":
        return ""
    return base.removesuffix("/index") + "/"


@dataclass
class Broken:
    """The errors of one file, and the page that shows them (None: only on the list)."""

    rel: str  # relative to docs_dir
    shown: str  # as in the messages
    problems: list[Problem]
    page: str | None = None  # src_uri of its error page


@dataclass
class Errors:
    """This build's errors, for the pages and the banner."""

    files: list[Broken] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(b.problems) for b in self.files)

    @property
    def pages(self) -> set[str]:
        return {b.page for b in self.files if b.page}


class Preview:
    """What one `mkdocs serve` keeps from one build to the next."""

    def __init__(self, incremental: bool) -> None:
        self.incremental = incremental
        self.good_reports: dict[str, Report] = {}  # by source, the last version without errors
        self.good_years: dict[int, YearReport] = {}
        self.good_content: Content | None = None  # the last build without any error
        self.errors = Errors()
        self.tokens: dict[str, str] = {}  # src_uri → token of its output at the last build
        # src_uri → digest of the po HTML in its output, with the page's title and the site
        # (plugin._plan_rebuild): the same again means the same page. This build's, until commit.
        self.html: dict[str, str] = {}
        self.html_now: dict[str, str] = {}
        self.outputs: set[str] = set()  # every file the last build wrote (abs_dest_path)
        self.search: dict[str, list[dict[str, Any]]] = {}  # page url → its search entries
        self.built: set[str] = set()  # pages rendered in this build
        self.pending: tuple[dict[str, str], set[str]] | None = None
        # Files made in memory (the form, the styles, cleaned attachments): dest → the bytes the
        # last build wrote there and the output's (size, mtime, inode) just after (keep_unchanged).
        self.written: dict[str, tuple[bytes, tuple[int, int, int]]] = {}
        self.writing: dict[str, bytes] = {}
        self._blank_dir = tempfile.mkdtemp(prefix="po-forhandsvisning-") if incremental else ""
        self._blank: str | None = None

    # -- what to show ---------------------------------------------------------------------

    def content_to_show(self, result: Result, docs_prefix: str) -> Content:
        """The current records without errors, and the last good version of each broken file."""
        current = result.content
        self.errors = Errors(_broken(result.errors, docs_prefix))
        broken = {b.rel for b in self.errors.files}
        sources = {r.source for r in current.reports}
        for r in current.reports:
            if r.source not in broken:
                self.good_reports[r.source] = r
        for y in current.years:
            if not any(rel.startswith(f"{YEAR_DIR}/{y.år}/") for rel in broken):
                self.good_years[y.år] = y
        if not self.errors.files:
            self.good_content = current
            self.good_reports = {r.source: r for r in current.reports}
            self.good_years = {y.år: y for y in current.years}
            return current
        if VOCABULARY_FILE in broken and self.good_content is not None:
            return self.good_content  # every report depends on the vocabulary: all as last seen
        existing = sources | broken
        self.good_reports = {src: r for src, r in self.good_reports.items() if src in existing}
        reports = [r for r in current.reports if r.source not in broken]
        ids = {r.id for r in reports}
        for src in sorted(broken & set(self.good_reports)):
            last = self.good_reports[src]
            if last.id not in ids:
                reports.append(last)
                ids.add(last.id)
        years = {y.år: y for y in current.years if not any(rel.startswith(f"{YEAR_DIR}/{y.år}/") for rel in broken)}
        for rel in broken:
            parts = PurePosixPath(rel).parts
            if len(parts) >= 3 and parts[0] == YEAR_DIR and parts[1].isdigit():
                last_year = self.good_years.get(int(parts[1]))
                if last_year is not None:
                    years.setdefault(last_year.år, last_year)
        return Content(sorted(reports, key=lambda r: r.id), sorted(years.values(), key=lambda y: y.år),
                       current.vocabulary, current.files_read, current.ignored, current.other_pages)

    def error_pages(self, specs: list[PageSpec], own_pages: set[str]) -> list[PageSpec]:
        """The specs with each broken file's page in place of its own, and the list of errors."""
        by_src = {s.src_uri: s for s in specs}
        taken = {s.src_uri for s in specs}
        links = {"list_url": ERRORS_URL, "guide_url": GUIDE_PAGE, "code_url": code_url, "page_url": page_url}
        error_specs: dict[str, PageSpec] = {}
        for b in self.errors.files:
            src = self._page_for(b, taken, own_pages)
            if src is None:
                continue
            b.page = src
            if src in error_specs:
                error_specs[src].context["files"].append(b)
                continue
            title = f"Fel att rätta i {PurePosixPath(b.rel).name}"
            error_specs[src] = PageSpec(src, title, "fel-fil.html", {"files": [b], **links})
        for src, spec in error_specs.items():
            by_src[src] = spec
        by_src[ERRORS_PAGE] = PageSpec(ERRORS_PAGE, "Fel att rätta", "fel.html", {"errors": self.errors, **links})
        return list(by_src.values())

    def _page_for(self, b: Broken, taken: set[str], own_pages: set[str]) -> str | None:
        parts = PurePosixPath(b.rel).parts
        if not parts or not b.rel.endswith(".md"):
            return None
        if parts[0] == REPORT_DIR:
            last = self.good_reports.get(b.rel)
            m = _ID_IN_NAME.match(parts[-1])
            if last is not None:
                src = report_url(last.typ, last.id).rstrip("/") + ".md"
            elif m is not None:
                report_id = m.group(1).upper()
                src = report_url("positiv" if report_id.startswith("P") else "brist", report_id).rstrip("/") + ".md"
                if src in taken:  # another file's good report has that id: not its page
                    src = f"fel/{slugify(b.rel.removesuffix('.md'))}.md"
            else:
                src = f"fel/{slugify(b.rel.removesuffix('.md'))}.md"
            return src
        if parts[0] == YEAR_DIR and len(parts) >= 3 and parts[1].isdigit():
            return f"{YEAR_DIR}/{parts[1]}/index.md"
        if b.rel in own_pages:
            return b.rel
        return None

    # -- what to rebuild ------------------------------------------------------------------

    def blank_source(self) -> str:
        """One empty source for every generated page, older than any output (see the docstring);
        made again if something removed it."""
        if self._blank is None or not os.path.exists(self._blank):
            path = Path(self._blank_dir) / "tom.md"
            path.write_text("", "utf-8")
            os.utime(path, (0, 0))
            self._blank = str(path)
        return self._blank

    def generated_pages(self, config: MkDocsConfig, src_uris: Iterable[str]) -> list[File]:
        blank = self.blank_source()  # once per build, not once per page
        return [File.generated(config, src, abs_src_path=blank, inclusion=InclusionLevel.NOT_IN_NAV)
                for src in src_uris]

    def plan(self, files: Files, tokens: dict[str, str], same_html: frozenset[str] = frozenset()) -> int:
        """Delete the output of every page whose token changed, except those whose HTML was
        found to be what their output holds (same_html), and what this build will not write
        again; the changes are kept when the build has finished (commit)."""
        outputs = {f.abs_dest_path for f in files}
        removed = 0
        for f in files.documentation_pages():
            token = tokens.get(f.src_uri)
            if (token is None or self.tokens.get(f.src_uri) != token) and f.src_uri not in same_html:
                removed += _remove(f.abs_dest_path)
        for stale in self.outputs - outputs:
            removed += _remove(stale)
        self.built = set()
        self.pending = (tokens, outputs)
        return removed

    def keep_unchanged(self, files: Files, config: MkDocsConfig) -> int:
        """Files made in memory are written again by every build: MkDocs cannot tell that their
        bytes are the same (at a thousand reports, a tenth of a second or more of every save,
        most of it the form's Decap files). One whose bytes are those the last build wrote,
        and whose output is still exactly as written then (size, time and inode), is pointed
        at its own output instead: MkDocs' date check then leaves it as it is. Returns how many."""
        kept = 0
        self.writing = {}
        for f in list(files):
            if f.abs_src_path is not None or f.is_documentation_page():
                continue  # a real file (MkDocs compares dates) or a page (plan() decides)
            data, dest = f.content_bytes, f.abs_dest_path
            last = self.written.get(dest)
            if last is not None and last[0] == data and _stat(dest) == last[1]:
                files.remove(f)
                files.append(File.generated(config, f.src_uri, abs_src_path=dest, inclusion=f.inclusion))
                kept += 1
            else:
                self.writing[dest] = data
        return kept

    def commit(self) -> None:
        if self.pending is not None:
            self.tokens, self.outputs = self.pending
            self.pending = None
            self.html = {src: h for src, h in {**self.html, **self.html_now}.items() if src in self.tokens}
        self.html_now = {}
        for dest, data in self.writing.items():
            seen = _stat(dest)
            if seen is None:
                self.written.pop(dest, None)
            else:
                self.written[dest] = (data, seen)
        self.writing = {}
        for dest in set(self.written) - self.outputs:
            del self.written[dest]

    def close(self) -> None:
        if self._blank_dir:
            with contextlib.suppress(OSError):
                (Path(self._blank_dir) / "tom.md").unlink()
                os.rmdir(self._blank_dir)

    # -- the search index -----------------------------------------------------------------

    def fix_search(self, config: MkDocsConfig, page_urls: Iterable[str]) -> None:
        """Material's index with this build's entries for the rebuilt pages and the last
        entries for the others, in page order; nothing for pages that are gone."""
        search = next((p for p in config.plugins.values()
                       if hasattr(p, "search_index") and hasattr(p, "search_index_prev")), None)
        index = getattr(search, "search_index", None)
        if search is None or index is None or not isinstance(getattr(index, "entries", None), list):
            return
        fresh: dict[str, list[dict[str, Any]]] = {url: [] for url in self.built}
        for entry in index.entries:
            url = str(entry.get("location", "")).split("#", 1)[0]
            fresh.setdefault(url, []).append(entry)
        self.search.update(fresh)
        urls = list(page_urls)
        self.search = {url: self.search[url] for url in urls if url in self.search}
        index.entries = [entry for url in urls for entry in self.search.get(url, [])]
        search.search_index_prev = None  # our merge replaces Material's


def _stat(path: str) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns, info.st_ino


def _remove(path: str) -> int:
    try:
        os.remove(path)
    except OSError:
        return 0
    return 1


def _broken(errors: list[Problem], docs_prefix: str) -> list[Broken]:
    by_path: dict[str, list[Problem]] = {}
    for p in errors:
        by_path.setdefault(p.path, []).append(p)
    out = []
    for shown, problems in sorted(by_path.items()):
        rel = shown[len(docs_prefix):] if shown.startswith(docs_prefix) else shown
        out.append(Broken(rel, shown, problems))
    return out


def site_fingerprint(config: MkDocsConfig, plugin_options: dict[str, Any], extra: Iterable[str]) -> str:
    """Everything that is on every page: a change rebuilds them all.

    mkdocs.yml as written, the theme's own folder (overrides/), the titles of the menu's
    pages that take their title from the page itself, the plugin's settings, and the
    versions of MkDocs, Material and po-build.
    """
    parts: list[bytes | str] = [versions("mkdocs", "mkdocs-material"), code_digest(),
                                repr(sorted(plugin_options.items())), *extra]
    with contextlib.suppress(OSError):
        parts.append(Path(config.config_file_path).read_bytes())
    custom = config.theme.custom_dir
    if custom and Path(custom).is_dir():
        for f in sorted(Path(custom).rglob("*")):
            if f.is_file():
                st = f.stat()
                parts.append(f"{f}:{st.st_size}:{st.st_mtime_ns}")
    docs = Path(config.docs_dir)
    for src in _untitled_nav_pages(config.nav):
        parts.append(f"{src}:{_title_lines(docs / src)}")
    return digest(*parts)


def title_unread_pages(nav: Navigation) -> None:
    """--dirty reads only the pages whose source changed, and a page without its text has no
    title: the menu of every rebuilt page would show 'None' for the others that take their
    title from their text (a site without nav:, or a `- fil.md` entry). Their front matter
    and text are read for the title; they are still not rendered."""
    for page in nav.pages:
        if page.markdown is None:
            with contextlib.suppress(OSError, ValueError):
                page.markdown, data = meta.get_data(page.file.content_string)
                # Escaped as on_page_markdown/on_page_content escape a rendered page's title:
                # the menu writes it into every page as HTML.
                page.meta = escape_meta(data)
                title = page.title
                if title and "title" not in data:
                    page.meta["title"] = html.escape(Markup(title).striptags(), quote=False)


def _untitled_nav_pages(nav: Any) -> list[str]:
    """Pages in the menu whose title MkDocs takes from the page: `- fil.md`, or every page
    when mkdocs.yml has no nav (then MkDocs' menu lists them all: returned as ['*'])."""
    if nav is None:
        return ["*"]
    out: list[str] = []

    def walk(item: Any) -> None:
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                if isinstance(value, list):
                    for sub in value:
                        walk(sub)
        elif isinstance(item, list):
            for sub in item:
                walk(sub)

    walk(nav)
    return [p for p in out if p.endswith(".md")]


def _title_lines(path: Path) -> str:
    """What a page's title can come from (front matter, # lines, === underlines), digested.

    For '*' (a menu without nav): every Markdown file's, except the sources the plugin
    reads as data, which are never in the menu.
    """
    if path.name == "*":
        docs = path.parent
        return digest(*(f"{f.relative_to(docs)}:{_title_lines(f)}" for f in sorted(docs.rglob("*.md"))
                        if f.relative_to(docs).parts[0] not in (REPORT_DIR, YEAR_DIR)))
    try:
        text = path.read_text("utf-8", "replace")
    except OSError:
        return "saknas"
    lines = text.split("\n")
    keep = [line for i, line in enumerate(lines)
            if line.startswith(("#", "title:", "---")) or (i + 1 < len(lines) and lines[i + 1].startswith("==="))]
    return hashlib.sha256("\n".join(keep).encode("utf-8")).hexdigest()
