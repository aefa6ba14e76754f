"""The yearly reports' pages: the archive, one page per year, and the page about small numbers."""

from __future__ import annotations

from po_build.outputs.documents import document_page
from po_build.outputs.pages import PageSettings, PageSpec
from po_build.outputs.paths import SMALL_NUMBERS_PAGE
from po_build.outputs.yearly.document import documents
from po_build.project.projection import Projection


def year_pages(p: Projection, settings: PageSettings) -> list[PageSpec]:
    """The archive /arsrapport/ and one page per year, /arsrapport/<år>/.

    One page per year rather than one per chapter: a yearly report is read (and
    searched, and printed) as a whole, chapters are short, and the figures sections
    refer to each other. The contents list at the top and the sidebar's table of
    contents take the reader to any part.
    """

    docs = documents(p, positive=settings.positive)
    specs = [PageSpec("arsrapport/index.md", "Årsrapporter", "arsrapporter.html", {"docs": docs})]
    for doc in docs:
        specs.append(PageSpec(
            f"arsrapport/{doc.year}/index.md", doc.title, "arsrapport.html", {"doc": doc, "pdf": False},
            toc=[(part.anchor, part.title) for part in doc.parts],
        ))
    specs.append(document_page(SMALL_NUMBERS_PAGE.rstrip("/") + ".md", "smatal.md"))
    return specs
