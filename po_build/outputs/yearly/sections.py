"""What each generated section of the yearly report shows, from the projection's figures."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from markupsafe import Markup

from po_build.check.body import visible_lines
from po_build.contract.markers import MARKER, SECTION_TITLES
from po_build.contract.options import PositiveSelection
from po_build.contract.vocabulary import LEVELS
from po_build.outputs.paths import SMALL_NUMBERS_PAGE, socialstyrelsen_path
from po_build.project.disclosure import Cell, Protected, protect
from po_build.project.projection import Projection, ReportView, YearView
from po_build.project.stats import (
    count_by,
    in_vocabulary_order,
    most_serious,
    open_at_year_end,
    remedied_in,
    status_at_year_end,
)
from po_build.render import chartcache
from po_build.render.markdown import markdown_to_html

# A deficiency seen this many times (first time + `förekomster`) counts as
# recurring. Three is the smallest number that is clearly a pattern rather than
# a coincidence, and the same k as for small numbers, so one rule is easy to explain.
RECURRING_MIN = 3


# How many of the most serious deficiencies to list per level.
MOST_SERIOUS_PER_LEVEL = 3




SOKANDE_PARTS: dict[str, str] = {
    "själv": "Sökte själva",
    "anhörig": "Via anhörig eller närstående",
    "myndighet": "Via myndighet eller verksamhet",
    "övriga": "Andra vägar",
}


ATX_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")


def _brister(p: Projection, year: int) -> list[ReportView]:
    return [r for r in p.brister if r.year == year]


def _positiva(p: Projection, year: int) -> list[ReportView]:
    return [r for r in p.positiva if r.year == year]


def _change(now: int | None, before: int | None) -> str:
    if now is None or before is None:
        return "–"
    d = now - before
    return f"+{d}" if d > 0 else f"−{-d}" if d < 0 else "±0"


def _number(value: float) -> str:
    """4 → '4', 4.5 → '4,5': Swedish decimal comma."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}".replace(".", ",")


def year_view(p: Projection, year: int) -> YearView | None:
    return next((y for y in p.years if y.år == year), None)


# The applicants not accounted for by the parts given (when some are missing). Never shown,
# but protected like a part: a reader who sees the total and the other parts could work it out.
UNACCOUNTED = "ej_fordelade"


def _sokande(p: Projection, y: YearView | None) -> Protected | None:
    """The year's applicants, protected. A missing part is left out (shown as "uppgift saknas",
    never as 0); the rest of the total then counts as one more hidden-or-shown cell."""
    if y is None or not y.sökande:
        return None
    given = {key: int(y.sökande[key]) for key in SOKANDE_PARTS if key in y.sökande}
    total = int(y.sökande.get("totalt", sum(given.values())))
    parts = dict(given)
    if len(given) < len(SOKANDE_PARTS):
        parts[UNACCOUNTED] = max(0, total - sum(given.values()))
    protected = protect(parts, total, p.k, enabled=not p.internal)
    return Protected([c for c in protected.parts if c.key != UNACCOUNTED], protected.total, protected.k)


def sokande_rows(protected: Protected) -> list[tuple[str, Cell | None]]:
    """(label, cell) for every part in order; None where the year gives no figure."""
    cells = {c.key: c for c in protected.parts}
    return [(label, cells.get(key)) for key, label in SOKANDE_PARTS.items()]


def sokande_open_data(p: Projection, year: int) -> dict[str, Any] | None:
    """The year's applicants for open data: a hidden count is `null` with `"skyddad": true`.

    Meant for oppna-data/statistik-<år>.json; None when the year gives no `sökande`.
    """
    protected = _sokande(p, year_view(p, year))
    if protected is None:
        return None
    data = protected.open_data()
    for key in SOKANDE_PARTS:
        # A part the year does not give is "uppgift saknas": null, and never 0.
        data.setdefault(key, {"antal": None, "skyddad": False, "uppgift_saknas": True})
    return {key: data[key] for key in (*SOKANDE_PARTS, "totalt") if key in data}


def basis_text(p: Projection, year: int) -> str:
    """One sentence that says what the figures count: published reports, or all."""
    n_b, n_p = len(_brister(p, year)), len(_positiva(p, year))
    counted = (f"för {year} är det {n_b} {'brist' if n_b == 1 else 'brister'} och "
               f"{n_p} {'positiv händelse' if n_p == 1 else 'positiva händelser'}")
    # The figures are frozen at the year's end (as_of_year_end): the reader is told so, and
    # where today's state is.
    frozen = (f" Alla siffror gäller läget vid slutet av {year}: status vid årets slut och gånger till och "
              "med året. Rapportsidorna visar läget i dag.")
    # What cannot be frozen is said, and only when it happens: a deficiency without `historik`
    # has no date to go by, so it counts with its status today (stats.status_at_year_end).
    if any(not r.historik and r.status is not None for r in p.brister if r.year <= year):
        frozen += (" En brist utan historik räknas med sin nuvarande status, eftersom det inte finns något "
                   "datum att gå efter.")
    if p.internal:
        return (f"Siffrorna bygger på alla registrerade brister, även opublicerade: {counted}. "
                "Den offentliga versionen räknar bara det som styrgruppen har beslutat att publicera." + frozen)
    return f"Siffrorna bygger bara på det som styrgruppen har beslutat att publicera: {counted}." + frozen


def key_figures(p: Projection, year: int) -> dict[str, Any]:
    """`nyckeltal`: the year in figures, with the previous year beside them."""
    prev = year - 1
    has_prev = any(r.year == prev for r in p.reports)
    brister, before = _brister(p, year), _brister(p, prev)
    rows: list[dict[str, str | bool]] = []

    def row(label: str, now: int, then: int | None, indent: bool = False) -> None:
        then = then if has_prev else None
        rows.append({"label": label, "value": str(now), "previous": "–" if then is None else str(then),
                     "change": _change(now, then), "indent": indent})

    row("Brister som uppmärksammades under året", len(brister), len(before))
    levels_now, levels_then = count_by(brister, "nivå"), count_by(before, "nivå")
    for level_id, term in p.vocabulary.levels.items():
        row(f"varav {term.namn[0].lower()}{term.namn[1:]}", levels_now.get(level_id, 0),
            levels_then.get(level_id, 0), indent=True)
    remedied = remedied_in(p.brister, year)
    row("Brister som åtgärdades under året", len(remedied), len(remedied_in(p.brister, prev)))
    still_open = [r for r in brister if open_at_year_end(r, year)]
    row("Årets brister som var öppna vid årets slut", len(still_open),
        sum(1 for r in before if open_at_year_end(r, prev)))
    earlier_open = [r for r in p.brister if r.year < year and open_at_year_end(r, year)]
    row("Brister från tidigare år som var öppna vid årets slut", len(earlier_open),
        sum(1 for r in p.brister if r.year < prev and open_at_year_end(r, prev)))
    positiva = _positiva(p, year)
    row("Positiva händelser", len(positiva), len(_positiva(p, prev)))

    y, y_prev = year_view(p, year), year_view(p, prev)
    sokande, sokande_prev = _sokande(p, y), _sokande(p, y_prev)
    if sokande is not None and sokande.total is not None:
        total, total_prev = sokande.total, sokande_prev.total if sokande_prev and sokande_prev.total else None
        rows.append({
            "label": "Personer som sökte personligt ombud",
            "value": total.text,
            "previous": total_prev.text if total_prev else "–",
            "change": _change(total.shown, total_prev.shown if total_prev else None),
            "indent": False,
        })
    if y is not None and y.ombud is not None:
        rows.append({
            "label": "Personliga ombud (årsarbetare)",
            "value": _number(y.ombud),
            "previous": _number(y_prev.ombud) if y_prev and y_prev.ombud is not None else "–",
            "change": "",
            "indent": False,
        })
    summary = (
        f"Under {year} uppmärksammade ombuden {len(brister)} {'brist' if len(brister) == 1 else 'brister'}"
        + (f" ({len(before)} året innan)" if has_prev else "")
        + f". {len(remedied)} {'brist' if len(remedied) == 1 else 'brister'} åtgärdades under året"
        + f" och {len(positiva)} {'positiv händelse' if len(positiva) == 1 else 'positiva händelser'}"
        " rapporterades."
    )
    return {"rows": rows, "year": year, "previous_year": prev, "has_previous": has_prev,
            "summary": summary, "basis": basis_text(p, year)}


def _counted(
    p: Projection, year: int, name: str, counts: dict[str, int], section: str, all_levels: bool = False,
    note: str = "", by_size: bool = False,
) -> dict[str, Any]:
    """A table and its chart for one way of counting the year's deficiencies."""
    terms = getattr(p.vocabulary, section)
    # Every level, also an empty one: "none on the national level" is worth saying.
    ordered = {key: counts.get(key, 0) for key in terms} if all_levels else in_vocabulary_order(counts, terms)
    if by_size:
        # Categories and actors have no natural order: largest first is what a reader
        # scans a bar chart for. sorted() is stable, so ties keep the vocabulary's order.
        ordered = dict(sorted(ordered.items(), key=lambda item: -item[1]))
    rows = [(p.vocabulary.label(section, key), n) for key, n in ordered.items()]
    title = f"{SECTION_TITLES[name]} {year}"
    chart = Markup("")
    if any(n for _, n in rows):
        description = f"{title}: " + "; ".join(f"{label} {n}" for label, n in rows) + "."
        chart = Markup(chartcache.bar_chart(  # safe: made by matplotlib from our own labels, escaped there
            f"{name}-{year}", [label for label, _ in rows], [n for _, n in rows], title, description))
    return {"rows": rows, "chart": chart, "caption": title, "total": len(_brister(p, year)), "note": note}


def _first_paragraph(r: ReportView, *titles: str) -> Markup | None:
    for title in titles:
        section = next((s for s in r.sections if s.title == title and s.markdown.strip()), None)
        if section is not None:
            first = section.markdown.strip().split("\n\n")[0]
            return Markup(markdown_to_html(first))  # safe: sanitised by markdown_to_html
    return None


def remedied_step(r: ReportView, year: int) -> Any:
    return [s for s in r.historik if s.status.id == "åtgärdad" and s.year == year][-1]


def section_data(p: Projection, y: YearView, name: str, positive: PositiveSelection = "alla") -> dict[str, Any]:
    """What one generated section shows."""
    year = y.år
    brister = _brister(p, year)
    if name == "nyckeltal":
        return key_figures(p, year)
    if name == "per-niva":
        return _counted(p, year, name, count_by(brister, "nivå"), "levels", all_levels=True)
    if name == "per-kategori":
        return _counted(p, year, name, count_by(brister, "kategorier"), "categories", by_size=True, note=_many(
            "kategorier", "kategori", len(brister)))
    if name == "per-aktor":
        return _counted(p, year, name, count_by(brister, "aktörer"), "actors", by_size=True, note=_many(
            "aktörer", "aktör", len(brister)))
    if name == "per-status":
        counts = Counter(s.id for r in brister if (s := status_at_year_end(r, year)) is not None)
        return _counted(p, year, name, dict(counts), "statuses")
    if name == "allvarligaste":
        serious = most_serious(p.brister, year, per_level=MOST_SERIOUS_PER_LEVEL)
        return {"per_level": MOST_SERIOUS_PER_LEVEL, "levels": [
            (p.vocabulary.label("levels", level),
             [{"r": r, "text": _first_paragraph(r, "Beskrivning"), "status": status_at_year_end(r, year)}
              for r in items])
            for level, items in serious.items()
        ]}
    if name == "atgardade":
        items = sorted(remedied_in(p.brister, year), key=lambda r: (remedied_step(r, year).month, r.id))
        return {"reports": [
            {"r": r, "step": remedied_step(r, year),
             "what": remedied_step(r, year).text,
             "result": None if remedied_step(r, year).text else _first_paragraph(r, "Resultat")}
            for r in items
        ]}
    if name == "aterkommande":
        recurring = sorted(
            (r for r in p.brister
             if r.year <= year and r.times_seen >= RECURRING_MIN and (r.year == year or open_at_year_end(r, year))),
            key=lambda r: (-r.times_seen, r.id),
        )
        earlier = sorted((r for r in p.brister if r.year < year and open_at_year_end(r, year)),
                         key=lambda r: (r.year, r.id))
        return {
            "minimum": RECURRING_MIN,
            "recurring": [(r, status_at_year_end(r, year)) for r in recurring],
            "earlier": [(r, status_at_year_end(r, year)) for r in earlier],
        }
    if name == "positiva":
        items = sorted(_positiva(p, year), key=lambda r: (r.month, r.id))
        by_theme = positive == "tema" and bool(y.tema)
        if by_theme:
            theme = (y.tema or "").casefold()
            items = [r for r in items if (r.tema or "").casefold() == theme]
        return {"reports": [(r, _first_paragraph(r, "Händelse")) for r in items],
                "theme": y.tema if by_theme else None}
    if name == "sokande":
        protected = _sokande(p, y)
        return {
            "protected": protected,
            "rows": sokande_rows(protected) if protected else [],
            "k": p.k,
            "internal": p.internal,
            "about": SMALL_NUMBERS_PAGE,
        }
    if name == "socialstyrelsen":
        routines = routines_markdown(y)
        per_level = count_by(brister, "nivå")
        serious = most_serious(p.brister, year, per_level=MOST_SERIOUS_PER_LEVEL)
        return {
            "routines": Markup(markdown_to_html(routines, shift_headings=2)) if routines else None,  # safe: sanitised
            "per_level": [(level, p.vocabulary.label("levels", level), per_level.get(level, 0)) for level in LEVELS],
            "total": len(brister),
            "serious": [(level, p.vocabulary.label("levels", level), items) for level, items in serious.items()],
            "remedied": sorted(remedied_in(p.brister, year), key=lambda r: r.id),
            "csv": None if p.internal else socialstyrelsen_path(year),
        }
    raise ValueError(f"okänd markering {name!r}")


def _many(plural: str, one: str, n: int) -> str:
    return (f"En brist kan gälla flera {plural} och räknas då en gång för varje {one}, så summan kan bli "
            f"större än antalet brister ({n}).")


def routines_markdown(y: YearView) -> str | None:
    """The author's text about routines for identified deficiencies.

    Socialstyrelsen asks whether there are routines; only the organisation can
    answer, in its own words. The answer is the text under the first `##` heading
    that starts with "Rutin" (e.g. "## Rutiner för identifierade brister"), in the
    foreword or any chapter, up to the next `#`/`##` heading. Written once, it is
    both a normal part of the report and the answer.
    """
    for body in [y.foreword, *(c.body for c in y.chapters)]:
        lines = body.split("\n")
        visible = dict(visible_lines(body))
        start = None
        for i in range(len(lines)):
            m = ATX_HEADING.match(visible.get(i, ""))
            if m and start is None and len(m.group(1)) == 2 and m.group(2).casefold().startswith("rutin"):
                start = i + 1
            elif m and start is not None and len(m.group(1)) <= 2:
                return _without_markers(lines[start:i]) or None
        if start is not None:
            return _without_markers(lines[start:]) or None
    return None


def _without_markers(lines: list[str]) -> str:
    return "\n".join(line for line in lines if not MARKER.match(line)).strip()
