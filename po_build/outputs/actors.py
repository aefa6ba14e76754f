"""The actor pages: what each authority or service has open and closed, and what worked."""

from __future__ import annotations

from po_build.model.slug import slugify
from po_build.outputs.facets import facets
from po_build.outputs.pages import PageSettings, PageSpec
from po_build.project.projection import Label, Projection, ReportView


def actor_pages(p: Projection, settings: PageSettings) -> list[PageSpec]:
    """One page per actor, and the page that lists them all."""
    actor_facet = next(f for f in facets(p) if f.key == "aktor")
    specs: list[PageSpec] = []
    actors = []
    for label, items in actor_facet.values:
        positive_events = [r for r in p.positiva if label.id in {a.id for a in r.aktörer}]
        actors.append((label, items, positive_events))
        specs.append(PageSpec(
            f"aktorer/{slugify(label.id)}.md", label.namn, "aktor.html",
            {"actor": label, "open": [r for r in items if r.is_open],
             "closed": [r for r in items if not r.is_open], "positive": positive_events,
             "by_status": by_status(p, items)},
        ))
    specs.append(PageSpec("aktorer/index.md", "Aktörer", "aktorer.html", {"actors": actors}))
    return specs


def by_status(p: Projection, items: list[ReportView]) -> list[tuple[Label, list[ReportView]]]:
    out = []
    for term in p.vocabulary.statuses.values():
        matching = [r for r in items if r.status and r.status.id == term.id]
        if matching:
            out.append((Label(term.id, term.namn, "status"), matching))
    return out
