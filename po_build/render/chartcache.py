"""A chart from the build cache when the same figures were drawn before (charts.py draws it).

A yearly report has a dozen charts, the start page two and matplotlib takes most of a second to import and a
tenth of a second per chart; a past year's figures do not change. The key is a digest of
everything the SVG is made from: the chart's id, names, values and texts, the versions of
matplotlib and numpy, the fonts on the machine, any matplotlibrc that could change a
default, and po-build's own files (code_digest). Only a miss imports matplotlib.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from po_build.load.store import code_digest, current, digest, fonts_fingerprint, versions

KIND = "diagram"
MEMORY = 512  # charts kept in this process (a preview redraws the same ones on every save)
_memory: dict[str, str] = {}


def _matplotlibrc() -> str:
    """Every matplotlibrc matplotlib would read, by path and bytes."""
    candidates = [os.environ.get("MATPLOTLIBRC", ""), "matplotlibrc",
                  os.path.join(os.environ.get("MPLCONFIGDIR", "~/.config/matplotlib"), "matplotlibrc"),
                  "~/.config/matplotlib/matplotlibrc"]
    parts = []
    for name in candidates:
        path = Path(name).expanduser() if name else None
        if path is not None and path.is_file():
            parts.append(f"{path.resolve()}:{path.read_bytes().hex()}")
    return ";".join(parts)


def chart_key(chart_id: str, labels: Sequence[str], values: Sequence[int], title: str, description: str,
              width: float | None = None) -> str:
    figures = [chart_id, list(labels), list(values), title, description]
    if width is not None:  # the default width's key stays as it was: the charts kept on disk still hold
        figures.append(repr(float(width)))
    return _key("balkdiagram/1", figures)


def stacked_chart_key(chart_id: str, labels: Sequence[str], series: Sequence[str],
                      values: Sequence[Sequence[int]], title: str, description: str, width: float) -> str:
    figures = [chart_id, list(labels), list(series), [list(row) for row in values], title, description,
               repr(float(width))]
    return _key("stapeldiagram/1", figures)


def _key(kind: str, figures: Sequence[object]) -> str:
    return digest(kind, json.dumps(figures, ensure_ascii=False), versions("matplotlib", "numpy"),
                  fonts_fingerprint(), _matplotlibrc(), code_digest())


def bar_chart(chart_id: str, labels: Sequence[str], values: Sequence[int], title: str, description: str,
              width: float | None = None) -> str:
    """charts.bar_chart, from memory or the build cache when it has drawn these figures before."""
    def draw() -> str:
        from po_build.render import charts  # matplotlib takes most of a second to import

        if width is None:
            return charts.bar_chart(chart_id, labels, values, title, description)
        return charts.bar_chart(chart_id, labels, values, title, description, width=width)

    return _kept(chart_key(chart_id, labels, values, title, description, width), draw)


def stacked_bar_chart(chart_id: str, labels: Sequence[str], series: Sequence[str],
                      values: Sequence[Sequence[int]], title: str, description: str, width: float) -> str:
    """charts.stacked_bar_chart, likewise (the start page's chart per year and level)."""
    def draw() -> str:
        from po_build.render import charts

        return charts.stacked_bar_chart(chart_id, labels, series, values, title, description, width=width)

    return _kept(stacked_chart_key(chart_id, labels, series, values, title, description, width), draw)


def _kept(key: str, draw: Callable[[], str]) -> str:
    svg = _memory.get(key)
    if svg is not None:
        return svg
    store = current()
    kept = store.get(KIND, key) if store is not None else None
    if kept is not None:
        try:
            svg = kept.decode("utf-8")
        except UnicodeDecodeError:
            svg = None
    if svg is None:
        svg = draw()
        if store is not None:
            store.put(KIND, key, svg.encode("utf-8"))
    if len(_memory) >= MEMORY:
        _memory.clear()
    _memory[key] = svg
    return svg
