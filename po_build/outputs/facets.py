"""The deficiency list's facets (level, status, category, actor, year, area) with their values."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from po_build.model.slug import slugify
from po_build.outputs.pages import PageSettings, PageSpec, paginate
from po_build.outputs.paths import FILTER_INDEX, MAIN_FEED
from po_build.project.projection import Label, Projection, ReportView

# Open or closed, whatever the status: what a reader asks first, as the actor pages count it.
OPEN_OR_CLOSED = {"oppen": "Öppen", "avslutad": "Åtgärdad eller avslutad"}


@dataclass(frozen=True)
class Facet:
    key: str  # URL part: niva, kategori, ...
    title: str  # "Nivå"
    values: list[tuple[Label, list[ReportView]]]


@dataclass(frozen=True)
class FacetCounts:
    """A facet as the list pages show it: each value with its number of reports.

    The counts, not the reports: a page's context holds what it shows, so that the preview
    rebuilds a list page when a count changes, not whenever any report does
    (project/fingerprint.py).
    """

    key: str
    title: str
    values: list[tuple[Label, int]]

    @classmethod
    def of(cls, facet: Facet) -> FacetCounts:
        return cls(facet.key, facet.title, [(label, len(items)) for label, items in facet.values])


def facets(p: Projection) -> list[Facet]:
    """Every facet of the deficiency list, with all its values (also empty ones)."""
    brister = p.brister
    v = p.vocabulary

    def group(facet: str, terms: Iterable[tuple[str, str]], key: Callable[[ReportView], Iterable[str]]
              ) -> list[tuple[Label, list[ReportView]]]:
        terms = list(terms)
        # One pass over the reports, not one per value: each keeps the reports' order.
        by_term: dict[str, list[ReportView]] = {term_id: [] for term_id, _ in terms}
        for r in brister:
            for term_id in key(r):
                bucket = by_term.get(term_id)
                if bucket is not None and (not bucket or bucket[-1] is not r):
                    bucket.append(r)
        return [(Label(term_id, namn, facet), list(by_term[term_id])) for term_id, namn in terms]

    years = sorted({r.year for r in brister}, reverse=True)
    areas = [(t.id, t.namn) for t in v.areas.values()]
    if any(a.id == "region" for r in brister for a in r.områden):
        areas.append(("region", p.region or "Hela regionen"))
    return [
        Facet("niva", "Nivå", group("niva", [(t.id, t.namn) for t in v.levels.values()],
                                    lambda r: [r.nivå.id] if r.nivå else [])),
        Facet("status", "Status", group("status", [(t.id, t.namn) for t in v.statuses.values()],
                                        lambda r: [r.status.id] if r.status else [])),
        Facet("lage", "Läge", group("lage", list(OPEN_OR_CLOSED.items()),
                                    lambda r: ["oppen" if r.is_open else "avslutad"])),
        Facet("kategori", "Kategori", group("kategori",
                                            [(t.id, t.namn) for t in v.categories.values()],
                                            lambda r: [c.id for c in r.kategorier])),
        Facet("aktor", "Aktör", group("aktor", [(t.id, t.namn) for t in v.actors.values()],
                                      lambda r: [a.id for a in r.aktörer])),
        Facet("ar", "År", group("ar", [(str(y), str(y)) for y in years],
                                lambda r: [str(r.year)])),
        Facet("omrade", "Område", group("omrade", areas, lambda r: [a.id for a in r.områden])),
    ]


def list_pages(p: Projection, settings: PageSettings) -> list[PageSpec]:
    """The list of all deficiencies, one list per facet value, and the list of positive events."""
    all_facets = facets(p)
    members: dict[int, tuple[list[ReportView], frozenset[int]]] = {}
    public = not p.internal
    common = {"facets": [FacetCounts.of(f) for f in all_facets], "index": FILTER_INDEX if public else None,
              "per_page": settings.per_page, "feed": MAIN_FEED if public and p.reports else None}
    specs = paginate("brister", "Brister", p.brister,
                     {**common, "heading": "Alla brister", "current": None,
                      "counts": facet_counts(all_facets, p.brister, None, members)}, settings.per_page)
    for facet in all_facets:
        for label, items in facet.values:
            heading = f"{facet.title}: {label.namn}"
            specs += paginate(
                f"brister/{facet.key}/{slugify(label.id)}", heading, items,
                {**common, "heading": heading, "current": (facet.key, label.id),
                 "counts": facet_counts(all_facets, items, facet.key, members)},
                settings.per_page,
            )
    specs += paginate("positivt", "Positiva händelser", p.positiva,
                      {"heading": "Positiva händelser", "facets": [], "current": None, "feed": common["feed"]},
                      settings.per_page, template="positivt.html")
    return specs


def facet_counts(all_facets: list[Facet], items: list[ReportView], current: str | None,
                 members: dict[int, tuple[list[ReportView], frozenset[int]]] | None = None
                 ) -> dict[str, list[tuple[Label, int]]]:
    """Each facet's values with their counts among `items`, the reports of the page.

    The page's own facet keeps its counts over all reports: choosing another value there
    replaces the page's value rather than narrowing it.
    """
    members = {} if members is None else members
    shown = {id(r) for r in items}
    out: dict[str, list[tuple[Label, int]]] = {}
    for f in all_facets:
        if current is None or f.key == current:
            out[f.key] = [(label, len(reports)) for label, reports in f.values]
        else:
            out[f.key] = [(label, len(shown.intersection(_members(reports, members)))) for label, reports in f.values]
    return out


def _members(reports: list[ReportView], members: dict[int, tuple[list[ReportView], frozenset[int]]]
             ) -> frozenset[int]:
    """The reports of a facet value as a set, made once for all the list pages (a page's
    counts are then set intersections, not a walk through every value's reports)."""
    kept = members.get(id(reports))
    if kept is None or kept[0] is not reports:
        kept = (reports, frozenset(id(r) for r in reports))
        members[id(reports)] = kept
    return kept[1]
