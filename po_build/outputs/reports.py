"""The report pages."""

from __future__ import annotations

from po_build.outputs.feeds import summary
from po_build.outputs.pages import PageSettings, PageSpec
from po_build.project.projection import Projection, ReportView
from po_build.render.templating import report_anchors

# About what a search engine or a link preview shows of a description.
DESCRIPTION_CHARS = 160


def report_pages(p: Projection, settings: PageSettings) -> list[PageSpec]:
    """One page per report, at brister/<id>/ or positivt/<id>/."""
    organisation = settings.organisation or p.organisation
    site_url = settings.site_url.rstrip("/") + "/" if settings.site_url else ""
    return [PageSpec(
        f"{r.url.rstrip('/')}.md", r.rubrik, "rapport.html",
        {"r": r, "permalink": site_url + r.url if site_url else "",
         "cite": {"organisation": organisation, "year": r.publicerad.year if r.publicerad else r.year},
         "back": ("brister/", "Alla brister") if r.typ == "brist" else ("positivt/", "Alla positiva händelser")},
        toc=report_toc(r),
        # From the public projection's own text: the first section, as plain text.
        description=summary(r, DESCRIPTION_CHARS),
        kind="article",
    ) for r in p.reports]


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
    toc.append(("citera", "Citera"))
    return toc
