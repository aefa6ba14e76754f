"""Every generated page of the site, from one list of page providers.

Made from a Projection only. The plugin turns each PageSpec into an ordinary MkDocs page
outside the navigation, so search, sitemap and theme treat them like any other page. A
new kind of page is a new provider in PROVIDERS, and nothing else.
"""

from __future__ import annotations

from po_build.outputs.accessibility import accessibility_pages
from po_build.outputs.actors import actor_pages
from po_build.outputs.documents import about_pages
from po_build.outputs.facets import list_pages
from po_build.outputs.guide import guide_pages
from po_build.outputs.opendata.registry import open_data_pages
from po_build.outputs.pages import PageProvider, PageSettings, PageSpec
from po_build.outputs.reports import report_pages
from po_build.outputs.yearly.pages import year_pages
from po_build.project.projection import Projection

PROVIDERS: tuple[PageProvider, ...] = (
    report_pages,
    list_pages,
    actor_pages,
    about_pages,
    open_data_pages,
    year_pages,
    guide_pages,
    accessibility_pages,
)


def build_pages(p: Projection, settings: PageSettings | None = None) -> list[PageSpec]:
    settings = settings or PageSettings()
    return [spec for provider in PROVIDERS for spec in provider(p, settings)]
