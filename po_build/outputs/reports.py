"""The report pages."""

from __future__ import annotations

from po_build.model.slug import slugify
from po_build.project.projection import ReportView


def report_toc(r: ReportView) -> list[tuple[str, str]]:
    toc = [(slugify(s.title), s.title) for s in r.sections if s.title]
    if r.historik:
        toc.append(("tidslinje", "Tidslinje"))
    if r.mottagare:
        toc.append(("paatalad-for", "Påtalad för"))
    if r.relaterade or r.omnämnd_i:
        toc.append(("relaterade", "Relaterade rapporter"))
    if r.bilagor:
        toc.append(("bilagor", "Bilagor"))
    return toc
