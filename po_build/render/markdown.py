"""Markdown written by contributors → safe HTML.

Report bodies are rendered with a small, fixed set of Markdown extensions (no raw
HTML pass-through, no attribute lists) and then cleaned by nh3 (the Rust
`ammonia` sanitiser) with an allow-list. `po check` already refuses raw HTML;
this is the second lock on the same door, for whatever slips past a check.

The organisation's own pages (the start page and the like) may hold HTML, which
MkDocs renders; `clean_page` removes from them whatever could run script.
"""

from __future__ import annotations

import html
import re
import urllib.parse
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import markdown
import nh3
from markdown.extensions.toc import render_inner_html, strip_tags
from markdown.treeprocessors import Treeprocessor

from po_build.model.slug import slugify
from po_build.render.htmlcache import cached_html

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4", "h5", "h6", "a", "table", "thead", "tbody", "tr", "th", "td", "hr", "img",
    "del", "sup", "sub",
}
ALLOWED_ATTRIBUTES = {
    # Heading ids come from the pipeline's own treeprocessor: contributor Markdown cannot set
    # attributes (no attr_list, raw HTML escaped).
    **{f"h{n}": {"id"} for n in range(2, 7)},
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
}
URL_SCHEMES = {"http", "https", "mailto"}

# An image in a body may only show an attachment: ../../bilagor/karta.png and the like.
_ATTACHMENT_IMAGE = re.compile(
    r"^(?:\.\./){0,2}bilagor/(?:[A-Za-z0-9_][A-Za-z0-9._-]*/)*[A-Za-z0-9_][A-Za-z0-9._ -]*"
    r"\.(?:png|jpe?g|gif|webp)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Heading:
    level: int  # after shifting
    id: str
    title: str  # plain text, as a table of contents shows it


@dataclass(frozen=True)
class Rendered:
    html: str
    headings: list[Heading]  # the headings that were given ids, in reading order


class Anchors:
    """Unique heading ids within one page: the second 'Resultat' becomes 'resultat-2'."""

    def __init__(self, reserved: Iterable[str] = ()) -> None:
        self.used: set[str] = set(reserved)

    def __call__(self, text: str) -> str:
        base = slugify(text, fallback="avsnitt")
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}-{n}", n + 1
        self.used.add(candidate)
        return candidate


class _HeadingProcessor(Treeprocessor):
    """Shifts heading levels and gives headings ids, in the element tree, before serialising.

    Runs after the inline patterns (priority 5, like Python-Markdown's own toc extension), so a
    heading's text is what the reader sees, with emphasis and code resolved.
    """

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        self.shift = 0
        self.anchors: Anchors | None = None
        self.prefix = ""
        self.id_levels: frozenset[int] = frozenset()
        self.found: list[Heading] = []

    def run(self, root: etree.Element) -> None:
        for el in root.iter():
            if not isinstance(el.tag, str) or not _HEADING_TAG.fullmatch(el.tag):
                continue
            level = min(6, int(el.tag[1]) + self.shift)
            el.tag = f"h{level}"
            if self.anchors is not None and level in self.id_levels:
                title = html.unescape(strip_tags(render_inner_html(el, self.md))).strip()
                anchor = self.anchors(f"{self.prefix}{title}")
                el.set("id", anchor)
                self.found.append(Heading(level, anchor, title))


_HEADING_TAG = re.compile(r"h[1-6]")


class _Renderer:
    def __init__(self) -> None:
        # fenced_code: `po check` reads ``` blocks as code (their headings and links are not
        # checked), so the page must show them as code too, not as text and headings.
        self.md = markdown.Markdown(extensions=["tables", "sane_lists", "fenced_code"], output_format="html")
        # Raw HTML is escaped instead of passed through: replace the block and inline
        # HTML handlers with ones that keep the text visible but inert.
        self.md.preprocessors.deregister("html_block")
        self.md.inlinePatterns.deregister("html")
        self.md.inlinePatterns.deregister("entity")
        self.headings = _HeadingProcessor(self.md)
        self.md.treeprocessors.register(self.headings, "po-headings", 5)

    def __call__(self, text: str, shift: int, anchors: Anchors | None, prefix: str,
                 id_levels: frozenset[int]) -> Rendered:
        self.md.reset()
        h = self.headings
        h.shift, h.anchors, h.prefix, h.id_levels, h.found = shift, anchors, prefix, id_levels, []
        out = self.md.convert(text)
        return Rendered(clean(out), list(h.found))


_renderer: _Renderer | None = None


def render(
    text: str,
    *,
    shift: int = 0,
    anchors: Anchors | None = None,
    prefix: str = "",
    id_levels: Iterable[int] = (2,),
) -> Rendered:
    """Contributor Markdown → safe HTML, with the headings' ids and titles.

    `shift` moves every heading down (an H2 in a section becomes an H3); with `anchors`,
    headings at `id_levels` (after shifting) get unique ids made from `prefix` + their text.
    """
    global _renderer
    if _renderer is None:
        _renderer = _Renderer()
    return _renderer(text, shift, anchors, prefix, frozenset(id_levels))


def markdown_to_html(text: str, shift_headings: int = 0) -> str:
    """Safe HTML for contributor Markdown; headings shifted so H2 in a section becomes H3.

    Kept by the text (htmlcache): summaries in feeds and yearly reports are the same texts
    from one build to the next.
    """
    return cached_html(f"markdown/{shift_headings}", text, lambda t: render(t, shift=shift_headings).html)


def _image_source_ok(value: str) -> bool:
    """Only the site's own attachments: a remote image would tell its host who reads which
    report, and in the PDF a path like ../../../etc/x.png would read a file of the
    computer that builds it."""
    decoded = urllib.parse.unquote(html.unescape(value))
    return "\\" not in decoded and bool(_ATTACHMENT_IMAGE.match(decoded))


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    if tag == "img" and attr == "src" and not _image_source_ok(value):
        return None
    return value


def clean(fragment: str) -> str:
    return quote_text(nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        attribute_filter=_attribute_filter,
    ))


# nh3 writes every attribute value in "..." with any " inside escaped, and escapes < in
# text; so a tag is '<' up to the first '>' outside quotes, and the rest is text.
_TAG_OR_TEXT = re.compile(r'(<(?:[^>"]|"[^"]*")*>)|([^<]+)')


def quote_text(fragment: str) -> str:
    """Double quotes in text as entities, so that text copied into an attribute stays text.

    Templates and the yearly report turn heading text into id="..." with plain string
    work; a heading like 'Text"onmouseover="...' would otherwise become an attribute.
    (Every such attribute is written with double quotes, so apostrophes may stay.)
    """
    if '"' not in fragment:
        return fragment

    def repl(m: re.Match[str]) -> str:
        if m.group(1) is not None:
            return m.group(1)
        return m.group(2).replace('"', "&quot;")

    return _TAG_OR_TEXT.sub(repl, fragment)


def escape(text: str) -> str:
    return html.escape(text, quote=True)


# --- the organisation's own pages -------------------------------------------------

PAGE_TAGS = ALLOWED_TAGS | {
    "h1", "div", "span", "section", "article", "aside", "header", "footer", "nav", "main",
    "figure", "figcaption", "details", "summary", "abbr", "cite", "dl", "dt", "dd", "kbd",
    "mark", "q", "s", "small", "time", "u", "var", "caption", "colgroup", "col", "ins", "dfn",
    "samp", "wbr", "tfoot", "picture", "source",
}
PAGE_ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir", "role"},
    "a": {"href", "title", "rel", "target"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
    "source": {"srcset", "media", "type"},
    "th": {"align", "colspan", "rowspan", "scope"},
    "td": {"align", "colspan", "rowspan"},
    "ol": {"start", "type", "reversed"},
    "details": {"open"},
    "time": {"datetime"},
    "col": {"span"},
    "colgroup": {"span"},
}
PAGE_SCHEMES = URL_SCHEMES | {"tel"}


def _page_attribute_filter(tag: str, attr: str, value: str) -> str | None:
    # Material finds its settings and widgets by ids that start with "__" (__config,
    # __palette, __search) and by data-md-* attributes: a page element carrying one
    # would be found instead of Material's own.
    if (attr == "id" and value.startswith("__")) or attr.startswith("data-md"):
        return None
    if attr == "target" and value not in ("_blank", "_self"):
        return None
    if attr == "rel":
        # A link that opens a new tab must not give that tab a handle on this one.
        return "noopener noreferrer" if "noopener" not in value else value
    return value


def clean_page(fragment: str) -> str:
    """The rendered HTML of an organisation's own page, without anything that runs script.

    Broader than `clean`: layout elements, classes and ids stay, so Material's
    admonitions, grids and heading anchors look as the author meant.
    """
    return nh3.clean(
        fragment,
        tags=PAGE_TAGS,
        attributes=PAGE_ATTRIBUTES,
        url_schemes=PAGE_SCHEMES,
        link_rel=None,
        attribute_filter=_page_attribute_filter,
        generic_attribute_prefixes={"aria-", "data-"},
    )


def escape_meta(value: Any) -> Any:
    """Front-matter texts of an own page, escaped: Material writes page.meta.title and
    page.meta.description into the page without escaping them (in <title>, the header
    and a content="..." attribute)."""
    if isinstance(value, str):
        return html.escape(value, quote=True)
    if isinstance(value, list):
        return [escape_meta(v) for v in value]
    if isinstance(value, dict):
        return {k: escape_meta(v) for k, v in value.items()}
    return value
