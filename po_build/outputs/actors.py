"""The actor pages: what each authority or service has open and closed, and what worked."""

from __future__ import annotations

from po_build.project.projection import Label, Projection, ReportView


def by_status(p: Projection, items: list[ReportView]) -> list[tuple[Label, list[ReportView]]]:
    out = []
    for term in p.vocabulary.statuses.values():
        matching = [r for r in items if r.status and r.status.id == term.id]
        if matching:
            out.append((Label(term.id, term.namn, "status"), matching))
    return out
