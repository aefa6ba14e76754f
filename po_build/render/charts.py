"""Bar charts for the yearly report, drawn at build time with matplotlib.

Readers get a plain SVG: no JavaScript, the same picture on the web page and in
the PDF. Every chart is one dark colour with the value written at the end of each
bar, so it reads the same in greyscale, printed on a black-and-white printer and
for colour-blind readers; the numbers never depend on telling colours apart.
The SVG carries a <title> and <desc> that say what the chart shows, and the
page puts the same figures in a table next to it.

Two builds of the same figures give byte-identical SVG: fixed hash salt (per
chart, so that ids of several charts on one page never collide), no date in the
metadata, text kept as text (smaller, and searchable in the PDF).
"""

from __future__ import annotations

import hashlib
import io
import re
import textwrap
from collections.abc import Sequence
from html import escape
from typing import Any

import matplotlib

# Agg: no display, no GUI toolkit; the build runs on servers and in CI.
matplotlib.use("Agg")

# Figure directly, not pyplot: no global figure registry to leak between charts,
# and a faster import.
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.textpath import TextToPath
from matplotlib.typing import RcKeyType

_TEXT_PATH = TextToPath()

# Dark indigo, close to the site's Material "indigo" primary colour, with a
# contrast above 10:1 against white: legible as a grey too.
BAR_COLOUR = "#1a237e"
TEXT_COLOUR = "#1f1f1f"
GRID_COLOUR = "#d0d0d0"
FONT_FAMILY = ["DejaVu Sans", "Verdana", "Arial", "sans-serif"]
LABEL_WIDTH = 30  # characters before a category name wraps onto a second line
FIG_WIDTH = 6.4  # inches: at this size the chart's 10 pt text matches the PDF's body text

_RC: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": FONT_FAMILY,
    "font.size": 10,
    "axes.edgecolor": TEXT_COLOUR,
    "text.color": TEXT_COLOUR,
    "xtick.color": TEXT_COLOUR,
    "ytick.color": TEXT_COLOUR,
}


def bar_chart(
    chart_id: str,
    labels: Sequence[str],
    values: Sequence[int],
    title: str,
    description: str,
) -> str:
    """A horizontal bar chart as an inline <svg> element.

    `chart_id` must be unique on the page (it prefixes every id in the SVG);
    `title` and `description` become the SVG's <title> and <desc>, the text a
    screen reader reads out instead of the picture.
    """
    if len(labels) != len(values):
        raise ValueError("lika många etiketter och värden behövs")
    settings: dict[RcKeyType, Any] = {**_RC, "svg.hashsalt": f"po-{chart_id}"}
    with matplotlib.rc_context(settings):
        fig = _draw(labels, values)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return _accessible(buffer.getvalue(), chart_id, title, description)


def _text_width(text: str, bold: bool = False) -> float:
    """Width in points of `text` in the chart's font at 10 pt."""
    prop = FontProperties(family=FONT_FAMILY[0], size=10, weight="bold" if bold else "normal")
    width, _, _ = _TEXT_PATH.get_text_width_height_descent(text.replace("\\$", "$"), prop, ismath=False)
    return float(width)


def _draw(labels: Sequence[str], values: Sequence[int]) -> Figure:
    n = len(labels)
    # A "$" pair would start matplotlib's maths mode; names are plain text.
    wrapped = [textwrap.fill(label, LABEL_WIDTH).replace("$", r"\$") for label in labels]
    lines = sum(w.count("\n") + 1 for w in wrapped)
    height = 0.2 + 0.3 * max(n, 1) + 0.17 * (lines - n)
    # The margin for the names is measured rather than found by a "tight" bounding
    # box: that would draw the whole chart twice, and the charts must stay fast.
    label_width = max((_text_width(line) for w in wrapped for line in w.split("\n")), default=0.0)
    left = min(0.6, (label_width + 10) / 72 / FIG_WIDTH)
    value_width = (_text_width(str(max([*values, 0])), bold=True) + 8) / 72 / FIG_WIDTH
    margin = 0.1 / height
    fig = Figure(figsize=(FIG_WIDTH, height))
    ax = fig.add_axes((left, margin, 1 - left - value_width - 0.01, 1 - 2 * margin))
    # Top to bottom in the given order (the vocabulary's), as in the table beside it.
    positions = list(range(n))[::-1]
    ax.barh(positions, values, height=0.62, color=BAR_COLOUR)
    top = max([*values, 1])
    for y, v in zip(positions, values, strict=True):
        ax.text(v + top * 0.015, y, str(v), va="center", ha="left", fontsize=10, fontweight="bold")
    ax.set_yticks(positions, wrapped)
    ax.set_xlim(0, top)
    ax.set_ylim(-0.6, n - 0.4)
    ax.set_xticks([])
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0, pad=6)
    return fig


_SVG_OPEN = re.compile(r"<svg\b[^>]*>")


def _accessible(svg: str, chart_id: str, title: str, description: str) -> str:
    """Inline-ready SVG: no XML prolog, role=img, <title>/<desc> first, unique ids."""
    svg = svg[svg.index("<svg"):]
    # matplotlib's hashed ids are only unique within one file; prefix them so that
    # several charts inlined in one page (and one PDF) never share an id.
    prefix = f"{chart_id}-"
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m.group(1)}"', svg)
    svg = re.sub(r'(xlink:href|href)="#([^"]+)"', lambda m: f'{m.group(1)}="#{prefix}{m.group(2)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m.group(1)})", svg)
    title_id, desc_id = f"{chart_id}-titel", f"{chart_id}-beskrivning"
    opening = _SVG_OPEN.search(svg)
    assert opening is not None
    tag = opening.group(0)
    # The width and height in points stay: at that size the chart's text is as
    # large as the body text. CSS lets it shrink on narrow screens (max-width).
    tag = tag[:-1] + f' role="img" aria-labelledby="{title_id} {desc_id}" class="po-chart__svg">'
    head = f'<title id="{title_id}">{escape(title)}</title><desc id="{desc_id}">{escape(description)}</desc>'
    svg = svg[: opening.start()] + tag + head + svg[opening.end():]
    # The RDF metadata block only names the tool; it adds bytes, not meaning.
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, flags=re.S)
    return svg.strip() + "\n"


def fingerprint(svg: str) -> str:
    """Short stable digest of a chart, for tests and caches."""
    return hashlib.sha256(svg.encode("utf-8")).hexdigest()[:16]
