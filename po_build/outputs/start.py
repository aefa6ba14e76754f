"""The start page's figures, charts and links: what the plugin adds to the organisation's own index.md.

The figures are for the latest year that has published deficiencies, not for the calendar
year: an organisation that publishes its year in the spring would otherwise show "0 brister"
all winter. The page says which year it is. The charts show every year, per level, and
every actor, each with a table of the same figures and a text alternative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from markupsafe import Markup

from po_build.model.slug import slugify
from po_build.outputs.feeds import feed_links
from po_build.outputs.paths import FILTER_INDEX, MAIN_FEED, OPEN_DATA_PAGE
from po_build.project.projection import Label, Projection, ReportView
from po_build.project.stats import count_by, latest_year, open_reports, per_year_and_level, remedied_in
from po_build.render import chartcache
from po_build.render.templating import number

_FIRST_H1 = re.compile(r"</h1>", re.I)
# Inches. Narrower than the yearly report's charts: on a phone a chart shrinks to the
# screen's width, and at this width its text stays close to the size of the page's own.
CHART_WIDTH = 4.4


def start_context(p: Projection, today: date, latest: int = 5) -> dict[str, Any]:
    """Everything start.html and start-diagram.html show."""
    year = latest_year(p)
    newest = sorted(p.reports, key=lambda r: (r.publicerad or date.min, r.id), reverse=True)
    return {
        "year": year,
        "internal": p.internal,
        "figures": _figures(p, year, year == today.year) if year is not None else None,
        "ongoing": year == today.year,
        "charts": _charts(p, year, today) if year is not None else [],
        "latest": newest[:latest],
        "yearly_reports": [(y.år, f"arsrapport/{y.år}/") for y in p.years],
        "open_data": None if p.internal else OPEN_DATA_PAGE,
        "index": None if p.internal else FILTER_INDEX,
        "feed": MAIN_FEED if not p.internal and any(path == MAIN_FEED for _, path in feed_links(p)) else None,
    }


def place_figures(page_html: str, figures_html: str) -> str:
    """The figures right under the page's own heading, before the author's text.

    On a phone the author's text would otherwise push every figure below the fold. A
    page without an H1 gets them first (Material then adds the title above them).
    """
    match = _FIRST_H1.search(page_html)
    if match is None:
        return figures_html + page_html
    return page_html[: match.end()] + figures_html + page_html[match.end():]


def _change(now: int, before: int | None, year: int, ongoing: bool = False) -> str:
    """'3 fler än 2024', '2 färre än 2024', 'lika många som 2024'; '' without a previous year.

    A year still going on is not compared as if it were over: '17 under hela 2024'.
    """
    if before is None:
        return ""
    if ongoing:
        return f"{number(before)} under hela {year}"
    if now == before:
        return f"lika många som {year}"
    difference = abs(now - before)
    return f"{number(difference)} {'fler' if now > before else 'färre'} än {year}"


def _figures(p: Projection, year: int, ongoing: bool) -> dict[str, Any]:
    brister = [r for r in p.brister if r.year == year]
    previous_year = year - 1
    before = [r for r in p.brister if r.year == previous_year]
    # A change is only worth saying when the previous year has published deficiencies too;
    # "20 fler än 2018" for an organisation that started in 2019 would mislead.
    compare = bool(before)
    levels_now, levels_before = count_by(brister, "nivå"), count_by(before, "nivå")
    per_level = [
        {"label": Label(t.id, t.namn, "niva"), "n": levels_now.get(t.id, 0),
         "change": _change(levels_now.get(t.id, 0), levels_before.get(t.id, 0) if compare else None,
                           previous_year, ongoing)}
        for t in p.vocabulary.levels.values()
    ]
    remedied = len(remedied_in(p.brister, year))
    return {
        "total": len(brister),
        "total_change": _change(len(brister), len(before) if compare else None, previous_year, ongoing),
        "per_level": per_level,
        "remedied": remedied,
        # No list on the site holds exactly the deficiencies remedied in a year (the status
        # pages hold today's status): the yearly report does, so the figure links there, and
        # is plain text for a year without a published yearly report.
        "remedied_url": f"arsrapport/{year}/" if any(y.år == year for y in p.years) else None,
        "remedied_change": _change(remedied, len(remedied_in(p.brister, previous_year)) if compare else None,
                                   previous_year, ongoing),
        "still_open": len(open_reports(brister)),
        "previous_year": previous_year if compare else None,
        "year_label": Label(str(year), str(year), "ar"),
    }


@dataclass(frozen=True)
class ChartRow:
    label: str
    values: list[int]
    total: int
    url: str | None = None  # a page about the row (an actor's page), relative to the site root


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    caption: str  # the table's caption
    columns: list[str]
    rows: list[ChartRow]
    chart: Markup  # the SVG, with its title and text alternative


def _charts(p: Projection, year: int, today: date) -> list[Chart]:
    levels = list(p.vocabulary.levels.values())
    by_year = per_year_and_level(p)
    year_rows = [ChartRow(str(y), [counts[t.id] for t in levels], sum(counts.values())) for y, counts in by_year]
    title = "Brister per år och nivå"
    description = f"{title}: " + "; ".join(
        f"{row.label}: {row.total} ("
        + ", ".join(f"{t.namn[0].lower()}{t.namn[1:]} {n}" for t, n in zip(levels, row.values, strict=True))
        + ")"
        for row in year_rows
    ) + "."
    ongoing = f" ({year} pågår: siffrorna gäller hittills i år)" if year == today.year else ""
    out = [Chart(
        "brister-per-ar", title, title + ongoing, ["År", *(t.namn for t in levels), "Totalt"], year_rows,
        Markup(chartcache.stacked_bar_chart(  # safe: made by matplotlib from our own labels, escaped there
            "brister-per-ar", [r.label for r in year_rows], [t.namn for t in levels],
            [r.values for r in year_rows], title, description, width=CHART_WIDTH)),
    )]
    years = [y for y, _ in by_year]
    actors = _per_actor(p, years)
    if actors:
        title = "Brister per aktör, alla år"
        description = f"{title}, flest först: " + "; ".join(f"{r.label} {r.total}" for r in actors) + "."
        out.append(Chart(
            "brister-per-aktor", title,
            "Brister per aktör och år. En brist kan gälla flera aktörer och räknas då hos var och en.",
            ["Aktör", *(str(y) for y in years), "Totalt"], actors,
            Markup(chartcache.bar_chart(  # safe: made by matplotlib from our own labels, escaped there
                "brister-per-aktor", [r.label for r in actors], [r.total for r in actors], title, description,
                width=CHART_WIDTH)),
        ))
    return out


def _per_actor(p: Projection, years: list[int]) -> list[ChartRow]:
    """Actors with at least one published deficiency: count per year and in all, most first."""
    by_actor: dict[str, tuple[Label, list[ReportView]]] = {}
    for r in p.brister:
        for a in r.aktörer:
            by_actor.setdefault(a.id, (a, []))[1].append(r)
    order = [a for a in p.vocabulary.actors if a in by_actor]
    order += sorted(a for a in by_actor if a not in p.vocabulary.actors)
    rows = []
    for actor_id in order:
        label, reports = by_actor[actor_id]
        rows.append(ChartRow(label.namn, [sum(1 for r in reports if r.year == y) for y in years], len(reports),
                             f"aktorer/{slugify(label.id)}/"))
    # Most first, as a reader scans a bar chart; sorted() is stable, so ties keep the vocabulary's order.
    return sorted(rows, key=lambda row: -row.total)
