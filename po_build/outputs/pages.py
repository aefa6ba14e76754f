"""A generated page: where it lives, which template shows it and with what. A leaf module,
so that every page provider can import it without importing another provider."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from po_build.contract.options import PositiveSelection
from po_build.project.projection import Projection, ReportView

if TYPE_CHECKING:  # the statement's settings are validated by their own module
    from po_build.outputs.accessibility import AccessibilitySettings

PER_PAGE = 50
# Templates that show reports only as cards (the card macro, templates/po/_macros.html): the
# preview digests their pages with each report's card alone (project/fingerprint.py), so
# that a report's changed text rebuilds its own page and not every list it is on.
CARD_TEMPLATES = frozenset({"lista.html", "positivt.html", "aktor.html", "aktorer.html",
                            "start.html", "start-diagram.html"})
# An organisation's own version of one of these, or of the macros they share, may show more
# of a report: then its pages are digested whole (mkdocs/plugin.py).
CARD_PARTS = CARD_TEMPLATES | {"_macros.html"}


@dataclass(frozen=True)
class PageSettings:
    """The plugin's options that decide which pages there are and what they show."""

    per_page: int = PER_PAGE
    positive: PositiveSelection = "alla"
    organisation: str = ""
    accessibility: AccessibilitySettings | None = None
    site_url: str = ""  # mkdocs.yml's site_url: permanent links need it
    licence: str = "CC0 1.0"  # the open data's licence (the plugin's option `licens`)


@dataclass
class PageSpec:
    src_uri: str  # pretend source path, e.g. "brister/B-2025-001.md"
    title: str
    template: str  # under templates/po/
    context: dict[str, Any]
    toc: list[tuple[str, str]] = field(default_factory=list)  # (anchor, title) of H2s
    # The page's own description (<meta name="description">, Open Graph) as plain text; empty:
    # the site's description. And its Open Graph type: "article" for a report.
    description: str = ""
    kind: str = "website"

    @property
    def url(self) -> str:
        base = self.src_uri.removesuffix(".md")
        if base == "index":
            return ""
        return base.removesuffix("/index") + "/"


def paginate(
    base: str, title: str, items: list[ReportView], context: dict[str, Any], per_page: int,
    template: str = "lista.html",
) -> list[PageSpec]:
    """Page 1 at base/, page n at base/sida/n/: stable URLs for the first page."""
    pages = max(1, -(-len(items) // per_page))
    specs = []
    for n in range(1, pages + 1):
        src = f"{base}/index.md" if n == 1 else f"{base}/sida/{n}.md"
        chunk = items[(n - 1) * per_page : n * per_page]
        links = [(i, f"{base}/" if i == 1 else f"{base}/sida/{i}/") for i in range(1, pages + 1)]
        specs.append(PageSpec(
            src,
            title if n == 1 else f"{title} – sida {n}",
            template,
            {**context, "items": chunk, "total": len(items), "page": n, "pages": links,
             "first_index": (n - 1) * per_page},
        ))
    return specs


# A page provider: every page of one kind, from the projection. They are listed once, in
# po_build.outputs.registry.PROVIDERS.
PageProvider = Callable[[Projection, PageSettings], list[PageSpec]]
