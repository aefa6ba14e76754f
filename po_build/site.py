"""The site's generated pages: which pages exist, at which URL, with what data.

Made from a Projection only. The plugin turns each PageSpec into an ordinary
MkDocs page, so search, sitemap and theme treat them like any other page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from typing import Any

from .guide import guide_pages
from .projection import Label, Projection, ReportView, slug
from .report import year_pages

PER_PAGE = 50


@dataclass
class PageSpec:
    src_uri: str  # pretend source path, e.g. "brister/B-2025-001.md"
    title: str
    template: str  # under templates/po/
    context: dict[str, Any]
    toc: list[tuple[str, str]] = field(default_factory=list)  # (anchor, title) of H2s

    @property
    def url(self) -> str:
        base = self.src_uri.removesuffix(".md")
        if base == "index":
            return ""
        return base.removesuffix("/index") + "/"


@dataclass(frozen=True)
class Facet:
    key: str  # URL part: niva, kategori, ...
    title: str  # "Nivå"
    values: list[tuple[Label, list[ReportView]]]


def facets(p: Projection) -> list[Facet]:
    """Every facet of the deficiency list, with all its values (also empty ones)."""
    brister = p.brister
    v = p.vocabulary

    def group(facet: str, terms: Iterable[tuple[str, str]], key: Callable[[ReportView], Iterable[str]]
              ) -> list[tuple[Label, list[ReportView]]]:
        out = []
        for term_id, namn in terms:
            items = [r for r in brister if term_id in key(r)]
            out.append((Label(term_id, namn, facet), items))
        return out

    years = sorted({r.year for r in brister}, reverse=True)
    areas = [(t.id, t.namn) for t in v.areas.values()]
    if any(a.id == "region" for r in brister for a in r.områden):
        areas.append(("region", p.region or "Hela regionen"))
    return [
        Facet("niva", "Nivå", group("niva", [(t.id, t.namn) for t in v.levels.values()],
                                    lambda r: [r.nivå.id] if r.nivå else [])),
        Facet("status", "Status", group("status", [(t.id, t.namn) for t in v.statuses.values()],
                                        lambda r: [r.status.id] if r.status else [])),
        Facet("kategori", "Kategori", group("kategori",
                                            [(t.id, t.namn) for t in v.categories.values()],
                                            lambda r: [c.id for c in r.kategorier])),
        Facet("aktor", "Aktör", group("aktor", [(t.id, t.namn) for t in v.actors.values()],
                                      lambda r: [a.id for a in r.aktörer])),
        Facet("ar", "År", group("ar", [(str(y), str(y)) for y in years],
                                lambda r: [str(r.year)])),
        Facet("omrade", "Område", group("omrade", areas, lambda r: [a.id for a in r.områden])),
    ]


def _paginate(
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


def report_toc(r: ReportView) -> list[tuple[str, str]]:
    toc = [(section_anchor(s.title), s.title) for s in r.sections if s.title]
    if r.historik:
        toc.append(("tidslinje", "Tidslinje"))
    if r.mottagare:
        toc.append(("paatalad-for", "Påtalad för"))
    if r.relaterade or r.omnämnd_i:
        toc.append(("relaterade", "Relaterade rapporter"))
    if r.bilagor:
        toc.append(("bilagor", "Bilagor"))
    return toc


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


def section_anchor(title: str) -> str:
    """A URL fragment for a heading: ASCII letters, digits and hyphens only."""
    return re.sub(r"[^a-z0-9]+", "-", slug(title)).strip("-")


def build_pages(p: Projection, per_page: int = PER_PAGE, positive: str = "alla") -> list[PageSpec]:
    specs: list[PageSpec] = []
    all_facets = facets(p)
    for r in p.reports:
        specs.append(PageSpec(f"{r.url.rstrip('/')}.md", r.rubrik, "rapport.html", {"r": r},
                              toc=report_toc(r)))

    brister = p.brister
    common = {"facets": all_facets}
    specs += _paginate("brister", "Brister", brister,
                       {**common, "heading": "Alla brister", "current": None}, per_page)
    for facet in all_facets:
        for label, items in facet.values:
            heading = f"{facet.title}: {label.namn}"
            specs += _paginate(
                f"brister/{facet.key}/{slug(label.id)}", heading, items,
                {**common, "heading": heading, "current": (facet.key, label.id), "facet": facet},
                per_page,
            )
    specs += _paginate("positivt", "Positiva händelser", p.positiva,
                       {"heading": "Positiva händelser", "facets": [], "current": None},
                       per_page, template="positivt.html")

    actor_facet = next(f for f in all_facets if f.key == "aktor")
    actors = []
    for label, items in actor_facet.values:
        positive = [r for r in p.positiva if label.id in {a.id for a in r.aktörer}]
        actors.append((label, items, positive))
        specs.append(PageSpec(
            f"aktorer/{slug(label.id)}.md", label.namn, "aktor.html",
            {"actor": label, "open": [r for r in items if r.is_open],
             "closed": [r for r in items if not r.is_open], "positive": positive,
             "by_status": _by_status(p, items)},
        ))
    specs.append(PageSpec("aktorer/index.md", "Aktörer", "aktorer.html", {"actors": actors}))
    specs.append(PageSpec("sa-fungerar-det.md", "Så fungerar det", "sa-fungerar-det.html",
                          {"vocabulary": p.vocabulary}))
    if not p.internal:
        specs.append(document_page("oppna-data/index.md", "oppna-data.md", open_data_links(p)))
    specs += year_pages(p, positive=positive)  # type: ignore[arg-type]
    specs += guide_pages(p)
    return specs


def document_page(src_uri: str, doc: str, files: list[tuple[str, str]] | None = None) -> PageSpec:
    """A page from the Swedish documentation shipped in po_build/docs/."""
    text = resources.files("po_build").joinpath(f"docs/{doc}").read_text("utf-8")
    title = text.splitlines()[0].lstrip("# ").strip()
    body = text.split("\n", 1)[1] if "\n" in text else ""
    return PageSpec(src_uri, title, "dokument.html",
                    {"title": title, "markdown": body, "files": files or []},
                    toc=[(section_anchor(h), h) for h in re.findall(r"^## (.+)$", body, re.M)])


def open_data_links(p: Projection) -> list[tuple[str, str]]:
    years = sorted({r.year for r in p.reports})
    return [
        ("oppna-data/brister.json", "Brister (JSON)"),
        ("oppna-data/brister.csv", "Brister (CSV för kalkylprogram)"),
        ("oppna-data/positiva.json", "Positiva händelser (JSON)"),
        *[(f"oppna-data/statistik-{y}.json", f"Statistik {y} (JSON)") for y in years],
        *[(f"oppna-data/socialstyrelsen-{y.år}.csv", f"Svar till Socialstyrelsen {y.år} (CSV)")
          for y in sorted(p.years, key=lambda y: y.år)],
        *[(f"oppna-data/sokande-{y.år}.json", f"Sökande {y.år}, skyddat mot små tal (JSON)")
          for y in sorted(p.years, key=lambda y: y.år) if y.sökande],
        ("schema/rapport.schema.json", "Fältens schema (JSON Schema)"),
        ("flode/atom.xml", "Nya rapporter (Atom-flöde)"),
    ]


def _by_status(p: Projection, items: list[ReportView]) -> list[tuple[Label, list[ReportView]]]:
    out = []
    for term in p.vocabulary.statuses.values():
        matching = [r for r in items if r.status and r.status.id == term.id]
        if matching:
            out.append((Label(term.id, term.namn, "status"), matching))
    return out
