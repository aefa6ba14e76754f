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

from po_build.render.templating import number

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
    width: float = FIG_WIDTH,
) -> str:
    """A horizontal bar chart as an inline <svg> element, `width` inches wide.

    `chart_id` must be unique on the page (it prefixes every id in the SVG);
    `title` and `description` become the SVG's <title> and <desc>, the text a
    screen reader reads out instead of the picture.
    """
    if len(labels) != len(values):
        raise ValueError("lika många etiketter och värden behövs")
    settings: dict[RcKeyType, Any] = {**_RC, "svg.hashsalt": f"po-{chart_id}"}
    with matplotlib.rc_context(settings):
        fig = _draw(labels, values, width)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return _accessible(buffer.getvalue(), chart_id, title, description)


def _text_width(text: str, bold: bool = False) -> float:
    """Width in points of `text` in the chart's font at 10 pt."""
    prop = FontProperties(family=FONT_FAMILY[0], size=10, weight="bold" if bold else "normal")
    width, _, _ = _TEXT_PATH.get_text_width_height_descent(text.replace("\\$", "$"), prop, ismath=False)
    return float(width)


def _draw(labels: Sequence[str], values: Sequence[int], width: float = FIG_WIDTH) -> Figure:
    n = len(labels)
    # A "$" pair would start matplotlib's maths mode; names are plain text.
    wrapped = [textwrap.fill(label, LABEL_WIDTH).replace("$", r"\$") for label in labels]
    lines = sum(w.count("\n") + 1 for w in wrapped)
    height = 0.2 + 0.3 * max(n, 1) + 0.17 * (lines - n)
    # The margin for the names is measured rather than found by a "tight" bounding
    # box: that would draw the whole chart twice, and the charts must stay fast.
    label_width = max((_text_width(line) for w in wrapped for line in w.split("\n")), default=0.0)
    left = min(0.6, (label_width + 10) / 72 / width)
    value_width = (_text_width(number(max([*values, 0])), bold=True) + 8) / 72 / width
    margin = 0.1 / height
    fig = Figure(figsize=(width, height))
    ax = fig.add_axes((left, margin, 1 - left - value_width - 0.01, 1 - 2 * margin))
    # Top to bottom in the given order (the vocabulary's), as in the table beside it.
    positions = list(range(n))[::-1]
    ax.barh(positions, values, height=0.62, color=BAR_COLOUR)
    top = max([*values, 1])
    for y, v in zip(positions, values, strict=True):
        ax.text(v + top * 0.015, y, number(v), va="center", ha="left", fontsize=10, fontweight="bold")
    _bar_axes(ax, positions, wrapped, top)
    return fig


# The parts of a stacked bar: dark, middle and light, each with its own pattern, so that
# the parts can be told apart in greyscale and without seeing colour; the numbers are
# written in the parts that are wide enough, and all of them stand in the table beside it.
STACK_STYLES: tuple[tuple[str, str, str], ...] = (
    ("#1a237e", "", "#ffffff"),  # fill, hatch, text colour
    ("#7986cb", "//", "#000000"),
    ("#e8eaf6", "..", "#000000"),
    ("#3949ab", "xx", "#ffffff"),
    ("#c5cae9", "\\\\", "#000000"),
)


def stacked_bar_chart(
    chart_id: str,
    labels: Sequence[str],
    series: Sequence[str],
    values: Sequence[Sequence[int]],
    title: str,
    description: str,
    width: float = FIG_WIDTH,
) -> str:
    """Horizontal bars made of parts, one bar per label, one part per series, as inline <svg>.

    `values[i][j]` is label i's value in series j. A legend above names the parts; the
    total stands at the end of each bar. As for bar_chart, `title` and `description`
    are what a screen reader reads instead of the picture.
    """
    if len(labels) != len(values) or any(len(row) != len(series) for row in values):
        raise ValueError("ett värde per etikett och serie behövs")
    if len(series) > len(STACK_STYLES):
        raise ValueError(f"högst {len(STACK_STYLES)} serier går att skilja åt")
    settings: dict[RcKeyType, Any] = {**_RC, "svg.hashsalt": f"po-{chart_id}", "hatch.linewidth": 0.8}
    with matplotlib.rc_context(settings):
        fig = _draw_stacked(labels, series, values, width)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    return _accessible(_small_patterns(buffer.getvalue()), chart_id, title, description)


def _draw_stacked(labels: Sequence[str], series: Sequence[str], values: Sequence[Sequence[int]],
                  width: float) -> Figure:
    n = len(labels)
    wrapped = [textwrap.fill(label, LABEL_WIDTH).replace("$", r"\$") for label in labels]
    lines = sum(w.count("\n") + 1 for w in wrapped)
    # The legend in one row when it fits, else one name per row.
    legend_width = sum(_text_width(name) + 40 for name in series) / 72
    columns = len(series) if legend_width <= width - 0.2 else 1
    legend_height = 0.1 + 0.22 * -(-len(series) // columns)
    plot_height = 0.2 + 0.3 * max(n, 1) + 0.17 * (lines - n)
    height = plot_height + legend_height
    label_width = max((_text_width(line) for w in wrapped for line in w.split("\n")), default=0.0)
    left = min(0.6, (label_width + 10) / 72 / width)
    totals = [sum(row) for row in values]
    value_width = (_text_width(number(max([*totals, 0])), bold=True) + 8) / 72 / width
    bottom = 0.1 / height
    fig = Figure(figsize=(width, height))
    axes_width = 1 - left - value_width - 0.01
    ax = fig.add_axes((left, bottom, axes_width, (plot_height - 0.2) / height))
    positions = list(range(n))[::-1]
    top = max([*totals, 1])
    points_per_unit = axes_width * width * 72 / top
    starts = [0] * n
    handles = []
    for j, name in enumerate(series):
        fill, hatch, text_colour = STACK_STYLES[j]
        part = [row[j] for row in values]
        bars = ax.barh(positions, part, left=starts, height=0.62, color=fill, hatch=hatch or None,
                       edgecolor="#ffffff" if not hatch else TEXT_COLOUR, linewidth=0.6, label=name)
        handles.append(bars)
        for y, start, v in zip(positions, starts, part, strict=True):
            text = number(v)
            if v and v * points_per_unit >= _text_width(text) + 6:
                ax.text(start + v / 2, y, text, va="center", ha="center", fontsize=10, color=text_colour,
                        bbox={"facecolor": fill, "edgecolor": "none", "pad": 0.6} if hatch else None)
        starts = [s + v for s, v in zip(starts, part, strict=True)]
    for y, total in zip(positions, totals, strict=True):
        ax.text(total + top * 0.015, y, number(total), va="center", ha="left", fontsize=10, fontweight="bold")
    _bar_axes(ax, positions, wrapped, top)
    fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(left, 1.0), ncol=columns, frameon=False,
               handlelength=1.6, columnspacing=1.2, borderaxespad=0.1, fontsize=10)
    return fig


# Tiles of 6 points instead of matplotlib's: its hatch patterns are 72-point tiles written out
# line by line, some 30 kB each, which made one small chart larger than the page around it.
_TILES = {
    "//": '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke="{ink}" stroke-width="0.8"/>',
    "..": '<circle cx="1.5" cy="1.5" r="0.8" fill="{ink}"/><circle cx="4.5" cy="4.5" r="0.8" fill="{ink}"/>',
    "xx": '<path d="M0,0 l6,6 M6,0 l-6,6" stroke="{ink}" stroke-width="0.7"/>',
    "\\\\": '<path d="M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2" stroke="{ink}" stroke-width="0.8"/>',
}
_PATTERN = re.compile(r'<pattern id="([^"]+)"[^>]*>\s*<rect [^>]*fill="(#[0-9a-fA-F]{6})"[^>]*/>.*?</pattern>', re.S)


def _small_patterns(svg: str) -> str:
    hatch_of = {fill.lower(): hatch for fill, hatch, _ in STACK_STYLES if hatch}

    def tile(m: re.Match[str]) -> str:
        hatch = hatch_of.get(m.group(2).lower())
        if hatch is None:
            return m.group(0)
        body = _TILES[hatch].replace("{ink}", TEXT_COLOUR)
        return (f'<pattern id="{m.group(1)}" patternUnits="userSpaceOnUse" x="0" y="0" width="6" height="6">'
                f'<rect x="0" y="0" width="6" height="6" fill="{m.group(2)}"/>{body}</pattern>')

    return _PATTERN.sub(tile, svg)


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


def _bar_axes(ax: Any, positions: list[int], labels: list[str], top: float) -> None:
    """The look both bar charts share: labels at the left, no frame but the baseline, no scale
    (every bar carries its number)."""
    ax.set_yticks(positions, labels)
    ax.set_xlim(0, top)
    ax.set_ylim(-0.6, len(positions) - 0.4)
    ax.set_xticks([])
    for side in ("top", "right", "bottom"):
        ax.spines[side].set_visible(False)
    ax.tick_params(axis="y", length=0, pad=6)
