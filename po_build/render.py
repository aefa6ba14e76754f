"""Markdown written by contributors → safe HTML.

Report bodies are rendered with a small, fixed set of Markdown extensions (no raw
HTML pass-through, no attribute lists) and then cleaned by nh3 (the Rust
`ammonia` sanitiser) with an allow-list. `po check` already refuses raw HTML;
this is the second lock on the same door, for whatever slips past a check.
"""

from __future__ import annotations

import html
import re

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "code", "pre",
    "h2", "h3", "h4", "h5", "h6", "a", "table", "thead", "tbody", "tr", "th", "td", "hr", "img",
    "del", "sup", "sub",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "th": {"align"},
    "td": {"align"},
}
URL_SCHEMES = {"http", "https", "mailto"}


class _Renderer:
    def __init__(self) -> None:
        self.md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
        # Raw HTML is escaped instead of passed through: replace the block and inline
        # HTML handlers with ones that keep the text visible but inert.
        self.md.preprocessors.deregister("html_block")
        self.md.inlinePatterns.deregister("html")
        self.md.inlinePatterns.deregister("entity")

    def __call__(self, text: str, shift_headings: int = 0) -> str:
        self.md.reset()
        out = self.md.convert(text)
        if shift_headings:
            out = _shift(out, shift_headings)
        return clean(out)


_renderer: _Renderer | None = None


def markdown_to_html(text: str, shift_headings: int = 0) -> str:
    """Safe HTML for contributor Markdown; headings shifted so H2 in a section becomes H3."""
    global _renderer
    if _renderer is None:
        _renderer = _Renderer()
    return _renderer(text, shift_headings)


def _attribute_filter(tag: str, attr: str, value: str) -> str | None:
    # Images only from the site's own attachments: a remote image would tell its
    # host who reads which report.
    if tag == "img" and attr == "src" and re.match(r"^[a-z][a-z0-9+.-]*:|^//", value, re.I):
        return None
    return value


def clean(fragment: str) -> str:
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        attribute_filter=_attribute_filter,
    )


def _shift(fragment: str, by: int) -> str:
    def repl(m: re.Match[str]) -> str:
        level = min(6, int(m.group(2)) + by)
        return f"<{m.group(1)}h{level}"

    return re.sub(r"<(/?)h([1-6])", repl, fragment)


def escape(text: str) -> str:
    return html.escape(text, quote=True)
