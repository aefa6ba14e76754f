"""What the plugin adds to every finished page: feed links and Open Graph tags in <head>,
and in the internal build a robots meta tag and a banner. Done on the output, not in a
theme override, so that no override can forget them.

Material writes <meta name="description"> (from page.meta.description, which the plugin
sets for a report) and <link rel="canonical"> (from site_url) itself; they are not
repeated here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from mkdocs.utils import get_relative_url

from po_build.outputs.paths import MAIN_FEED

INTERNAL_BANNER = ('<div class="po-intern-banner" role="note">INTERN VERSION för styrgruppen – '
                   "innehåller utkast och interna uppgifter. Får inte publiceras eller spridas.</div>")


@dataclass(frozen=True)
class OpenGraph:
    """What a shared link's preview shows: plain text, escaped here."""

    title: str
    description: str
    kind: str  # og:type: "article" for a report, "website" for every other page
    url: str  # absolute (from site_url), or empty: og:url is then left out
    site_name: str

    def tags(self) -> list[str]:
        values = [("og:title", self.title), ("og:description", self.description), ("og:type", self.kind),
                  ("og:url", self.url), ("og:site_name", self.site_name), ("og:locale", "sv_SE")]
        return [f'<meta property="{name}" content="{escape(value, quote=True)}">' for name, value in values if value]


def decorate(output: str, page_url: str, internal: bool, feeds: dict[str, str],
             og: OpenGraph | None = None) -> str:
    head = []
    # A theme or plugin that writes its own Open Graph tags (Material's social cards) keeps them.
    if og is not None and not internal and 'property="og:' not in output.split("</head>", 1)[0]:
        head += og.tags()
    if not internal:
        for path in (MAIN_FEED, f"{page_url}atom.xml"):
            if path in feeds:
                href = get_relative_url(path, page_url or "./")
                head.append(f'<link rel="alternate" type="application/atom+xml" '
                            f'title="{escape(feeds[path])}" href="{escape(href)}">')
    else:
        head.append('<meta name="robots" content="noindex, nofollow">')
    if head:
        output = output.replace("</head>", "\n".join(head) + "\n</head>", 1)
    if internal:
        output = re.sub(r"(<body[^>]*>)", lambda m: m.group(1) + INTERNAL_BANNER, output, count=1)
    return output


_SVG = re.compile(r"<svg\b.*?</svg>", re.S)
_CHART_MARK = re.compile(r"<!--po-diagram-(\d+)-->")


def hide_charts(html: str) -> tuple[str, list[str]]:
    """The page's inline SVG charts replaced by marks, for the time between content and output.

    Material's search reads every tag of a page's content, and a chart is hundreds of them
    with no words a reader searches for (its figures stand in the table beside it). The
    marks are HTML comments, which the search skips and the theme passes on unchanged;
    show_charts puts the charts back in the finished page.
    """
    charts: list[str] = []

    def mark(m: re.Match[str]) -> str:
        charts.append(m.group(0))
        return f"<!--po-diagram-{len(charts) - 1}-->"

    return _SVG.sub(mark, html), charts


def show_charts(output: str, charts: list[str]) -> str:
    return _CHART_MARK.sub(lambda m: charts[int(m.group(1))], output) if charts else output
