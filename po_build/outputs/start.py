"""The figures on the start page."""

from __future__ import annotations

from datetime import date
from typing import Any

from po_build.project.projection import Label, Projection


def start_context(p: Projection, year: int, latest: int = 5) -> dict[str, Any]:
    """Figures for the start page: this year's deficiencies by level, remedied, newest."""
    this_year = [r for r in p.brister if r.year == year]
    per_level = [
        (Label(t.id, t.namn, "niva"), sum(1 for r in this_year if r.nivå and r.nivå.id == t.id))
        for t in p.vocabulary.levels.values()
    ]
    newest = sorted(p.reports, key=lambda r: (r.publicerad or date.min, r.id), reverse=True)
    return {
        "year": year,
        "this_year": len(this_year),
        "per_level": per_level,
        "remedied": sum(1 for r in p.brister if year in r.remedied_years),
        "latest": newest[:latest],
    }
