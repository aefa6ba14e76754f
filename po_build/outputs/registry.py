"""The site's generated pages: which pages exist, at which URL, with what data.

Made from a Projection only. The plugin turns each PageSpec into an ordinary
MkDocs page, so search, sitemap and theme treat them like any other page.
"""

from __future__ import annotations

from po_build.model.slug import slugify
from po_build.outputs.actors import by_status
from po_build.outputs.documents import document_page
from po_build.outputs.facets import facets
from po_build.outputs.guide import guide_pages
from po_build.outputs.opendata import open_data_links
from po_build.outputs.pages import PER_PAGE, PageSpec, paginate
from po_build.outputs.reports import report_toc
from po_build.outputs.yearly.pages import year_pages
from po_build.project.projection import Projection


def build_pages(p: Projection, per_page: int = PER_PAGE, positive: str = "alla") -> list[PageSpec]:
    specs: list[PageSpec] = []
    all_facets = facets(p)
    for r in p.reports:
        specs.append(PageSpec(f"{r.url.rstrip('/')}.md", r.rubrik, "rapport.html", {"r": r},
                              toc=report_toc(r)))

    brister = p.brister
    common = {"facets": all_facets}
    specs += paginate("brister", "Brister", brister,
                       {**common, "heading": "Alla brister", "current": None}, per_page)
    for facet in all_facets:
        for label, items in facet.values:
            heading = f"{facet.title}: {label.namn}"
            specs += paginate(
                f"brister/{facet.key}/{slugify(label.id)}", heading, items,
                {**common, "heading": heading, "current": (facet.key, label.id), "facet": facet},
                per_page,
            )
    specs += paginate("positivt", "Positiva händelser", p.positiva,
                       {"heading": "Positiva händelser", "facets": [], "current": None},
                       per_page, template="positivt.html")

    actor_facet = next(f for f in all_facets if f.key == "aktor")
    actors = []
    for label, items in actor_facet.values:
        positive = [r for r in p.positiva if label.id in {a.id for a in r.aktörer}]
        actors.append((label, items, positive))
        specs.append(PageSpec(
            f"aktorer/{slugify(label.id)}.md", label.namn, "aktor.html",
            {"actor": label, "open": [r for r in items if r.is_open],
             "closed": [r for r in items if not r.is_open], "positive": positive,
             "by_status": by_status(p, items)},
        ))
    specs.append(PageSpec("aktorer/index.md", "Aktörer", "aktorer.html", {"actors": actors}))
    specs.append(PageSpec("sa-fungerar-det.md", "Så fungerar det", "sa-fungerar-det.html",
                          {"vocabulary": p.vocabulary}))
    if not p.internal:
        specs.append(document_page("oppna-data/index.md", "oppna-data.md", open_data_links(p)))
    specs += year_pages(p, positive=positive)  # type: ignore[arg-type]
    specs += guide_pages(p)
    return specs






