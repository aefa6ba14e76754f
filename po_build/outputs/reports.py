"""The report pages."""

from __future__ import annotations

from po_build.outputs.pages import PageSettings, PageSpec
from po_build.project.projection import Projection, ReportView
from po_build.render.templating import report_anchors


def report_pages(p: Projection, settings: PageSettings) -> list[PageSpec]:
    """One page per report, at brister/<id>/ or positivt/<id>/."""
    return [PageSpec(f"{r.url.rstrip('/')}.md", r.rubrik, "rapport.html", {"r": r}, toc=report_toc(r))
            for r in p.reports]


def report_toc(r: ReportView) -> list[tuple[str, str]]:
    anchors = report_anchors()
    toc = [(anchors(s.title), s.title) for s in r.sections if s.title]
    if r.historik:
        toc.append(("tidslinje", "Tidslinje"))
    if r.mottagare:
        toc.append(("paatalad-for", "Påtalad för"))
    if r.relaterade or r.omnämnd_i:
        toc.append(("relaterade", "Relaterade rapporter"))
    if r.bilagor:
        toc.append(("bilagor", "Bilagor"))
    return toc
