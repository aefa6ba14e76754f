"""The yearly report (årsrapport): from a Projection to an ordered document.

The author writes the narrative (foreword in `arsrapport/<år>/index.md`,
chapters beside it ordered by `ordning`) and places the generated sections with
markers on their own line, `<!-- po: NAMN -->`. This module turns that into one
:class:`YearDocument`: an ordered list of parts (foreword, chapters, and a final
part for what was not placed), each a sequence of rendered author Markdown and
generated sections. The web page and the PDF are both rendered from it, so they
can never disagree.

Where a section goes when no marker names it (documented in docs/arsrapport.md):

- `nyckeltal` last in the foreword (first in the final part if there is no foreword);
- every other section in a final part "Siffror och sammanställningar", in the
  order of DEFAULT_ORDER; `sokande` only when the year gives `sökande`.

What the figures count:

- the year's deficiencies and positive events: reports whose `datum` lies in the
  year (the date a deficiency was first noticed);
- remedied during the year: a `historik` step `åtgärdad` dated in the year,
  whenever the deficiency was first noticed;
- status "at the end of the year": the last `historik` step dated in or before
  the year (the current status for a report without `historik`), so a yearly
  report keeps its figures when the work goes on the next year;
- recurring: seen at least RECURRING_MIN times (`förekomster` + 1), noticed in the
  year or still open at its end;
- the previous year's figures for the change, when the projection has any report
  from that year.

Everything comes from the Projection: the public build counts only published
reports, the internal one all of them, and the text says which.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from html import unescape as html_unescape
from typing import TYPE_CHECKING, Any, Literal

from markupsafe import Markup

from .body import MARKER, MARKER_NAMES, visible_lines
from .disclosure import Protected, protect
from .opendata import neutralise
from .projection import CLOSED_STATUSES, Label, Projection, ReportView, YearView, slug
from .render import markdown_to_html
from .stats import LEVELS, count_by, in_vocabulary_order, most_serious, remedied_in

if TYPE_CHECKING:
    from .site import PageSpec

PositiveSelection = Literal["alla", "tema"]

# A deficiency seen this many times (first time + `förekomster`) counts as
# recurring. Three is the smallest number that is clearly a pattern rather than
# a coincidence, and the same k as for small numbers, so one rule is easy to explain.
RECURRING_MIN = 3
# How many of the most serious deficiencies to list per level.
MOST_SERIOUS_PER_LEVEL = 3

FIGURES_PART = "Siffror och sammanställningar"
# The public page that explains small-number protection (docs/smatal.md).
SMALL_NUMBERS_PAGE = "arsrapport/sma-tal/"
FOREWORD_PART = "Förord"

SECTION_TITLES: dict[str, str] = {
    "nyckeltal": "Året i siffror",
    "per-niva": "Brister per nivå",
    "per-kategori": "Brister per kategori",
    "per-aktor": "Brister per aktör",
    "per-status": "Brister per status vid årets slut",
    "allvarligaste": "De allvarligaste bristerna per nivå",
    "atgardade": "Brister som åtgärdats under året",
    "aterkommande": "Återkommande brister och brister som är öppna sedan tidigare år",
    "positiva": "Årets positiva händelser",
    "sokande": "Sökande under året",
    "socialstyrelsen": "Svar på Socialstyrelsens frågor",
}
# The final part's order: overview first, then the details behind it, then what
# Socialstyrelsen asks for, which repeats the key figures in its own form.
DEFAULT_ORDER = (
    "per-niva", "per-kategori", "per-aktor", "per-status", "allvarligaste", "atgardade",
    "aterkommande", "positiva", "sokande", "socialstyrelsen",
)
assert set(SECTION_TITLES) == set(MARKER_NAMES), "varje markering behöver en rubrik"

SOKANDE_PARTS: dict[str, str] = {
    "själv": "Sökte själva",
    "anhörig": "Via anhörig eller närstående",
    "myndighet": "Via myndighet eller verksamhet",
    "övriga": "Andra vägar",
}

_ATX = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
_HTML_HEADING = re.compile(r"<h([3-6])>(.*?)</h\1>", re.S)
_TAG = re.compile(r"<[^>]+>")


# --- the document -------------------------------------------------------------------


@dataclass
class Section:
    """A generated section, where it stands and what it shows."""

    name: str
    title: str
    anchor: str
    level: int  # the heading that names the section: ours, or the author's just before the marker
    own_heading: bool
    data: dict[str, Any]

    @property
    def sub(self) -> int:
        """Level for headings inside the section."""
        return min(6, self.level + 1)


@dataclass
class Block:
    html: Markup | None = None
    section: Section | None = None


@dataclass
class Part:
    anchor: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    headings: list[tuple[str, str]] = field(default_factory=list)  # (anchor, title) of level-3 headings


@dataclass
class YearDocument:
    year: int
    title: str
    organisation: str
    tema: str | None
    draft: bool
    internal: bool
    basis: str
    parts: list[Part]
    sections: dict[str, Section]

    @property
    def page_url(self) -> str:
        return f"arsrapport/{self.year}/"

    @property
    def pdf_url(self) -> str:
        return pdf_path(self.year)

    @property
    def charts(self) -> list[str]:
        return [s.data["chart"] for s in self.sections.values() if s.data.get("chart")]


def pdf_path(year: int) -> str:
    return f"arsrapport/{year}/arsrapport-{year}.pdf"


# --- status at the end of a year ---------------------------------------------------


def status_at_year_end(r: ReportView, year: int) -> Label | None:
    """The status the report had on 31 December of `year`.

    The last `historik` step dated in or before the year. Without `historik` only
    the current status is known, so that is used.
    """
    if not r.historik:
        return r.status
    steps = [s for s in r.historik if s.year <= year]
    return steps[-1].status if steps else None


def open_at_year_end(r: ReportView, year: int) -> bool:
    status = status_at_year_end(r, year)
    return status is not None and status.id not in CLOSED_STATUSES


# --- figures --------------------------------------------------------------------------


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


def _year_view(p: Projection, year: int) -> YearView | None:
    return next((y for y in p.years if y.år == year), None)


def _sokande(p: Projection, y: YearView | None) -> Protected | None:
    if y is None or not y.sökande:
        return None
    parts = {key: int(y.sökande.get(key, 0)) for key in SOKANDE_PARTS}
    return protect(parts, int(y.sökande.get("totalt", sum(parts.values()))), p.k, enabled=not p.internal)


def sokande_open_data(p: Projection, year: int) -> dict[str, Any] | None:
    """The year's applicants for open data: a hidden count is `null` with `"skyddad": true`.

    Meant for oppna-data/statistik-<år>.json; None when the year gives no `sökande`.
    """
    protected = _sokande(p, _year_view(p, year))
    return protected.open_data() if protected is not None else None


def basis_text(p: Projection, year: int) -> str:
    """One sentence that says what the figures count: published reports, or all."""
    n_b, n_p = len(_brister(p, year)), len(_positiva(p, year))
    counted = (f"för {year} är det {n_b} {'brist' if n_b == 1 else 'brister'} och "
               f"{n_p} {'positiv händelse' if n_p == 1 else 'positiva händelser'}")
    if p.internal:
        return (f"Siffrorna bygger på alla registrerade brister, även opublicerade: {counted}. "
                "Den offentliga versionen räknar bara det som styrgruppen har beslutat att publicera.")
    return f"Siffrorna bygger bara på det som styrgruppen har beslutat att publicera: {counted}."


def key_figures(p: Projection, year: int) -> dict[str, Any]:
    """`nyckeltal`: the year in figures, with the previous year beside them."""
    prev = year - 1
    has_prev = any(r.year == prev for r in p.reports)
    brister, before = _brister(p, year), _brister(p, prev)
    rows: list[dict[str, str]] = []

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

    y, y_prev = _year_view(p, year), _year_view(p, prev)
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
        from . import charts  # matplotlib takes most of a second to import; `po check` never needs it

        description = f"{title}: " + "; ".join(f"{label} {n}" for label, n in rows) + "."
        chart = Markup(charts.bar_chart(  # safe: made by matplotlib from our own labels, escaped there
            f"{name}-{year}", [label for label, _ in rows], [n for _, n in rows], title, description))
    return {"rows": rows, "chart": chart, "caption": title, "total": len(_brister(p, year)), "note": note}


def _first_paragraph(r: ReportView, *titles: str) -> Markup | None:
    for title in titles:
        section = next((s for s in r.sections if s.title == title and s.markdown.strip()), None)
        if section is not None:
            first = section.markdown.strip().split("\n\n")[0]
            return Markup(markdown_to_html(first))  # safe: sanitised by markdown_to_html
    return None


def _remedied_step(r: ReportView, year: int) -> Any:
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
        items = sorted(remedied_in(p.brister, year), key=lambda r: (_remedied_step(r, year).month, r.id))
        return {"reports": [
            {"r": r, "step": _remedied_step(r, year),
             "what": _remedied_step(r, year).text,
             "result": None if _remedied_step(r, year).text else _first_paragraph(r, "Resultat")}
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
            "rows": ([(SOKANDE_PARTS[c.key], c) for c in protected.parts] if protected else []),
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
            m = _ATX.match(visible.get(i, ""))
            if m and start is None and len(m.group(1)) == 2 and m.group(2).casefold().startswith("rutin"):
                start = i + 1
            elif m and start is not None and len(m.group(1)) <= 2:
                return _without_markers(lines[start:i]) or None
        if start is not None:
            return _without_markers(lines[start:]) or None
    return None


def _without_markers(lines: list[str]) -> str:
    return "\n".join(line for line in lines if not MARKER.match(line)).strip()


# --- assembling the document -----------------------------------------------------


def _anchor(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", slug(text)).strip("-") or "avsnitt"


class _Anchors:
    """Unique ids within one document."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, text: str) -> str:
        base = _anchor(text)
        candidate, n = base, 2
        while candidate in self.used:
            candidate, n = f"{base}-{n}", n + 1
        self.used.add(candidate)
        return candidate


def _render_chunk(text: str, part: Part, anchors: _Anchors) -> Markup | None:
    """Author Markdown, `##` shifted to h3 under the part's h2, with ids on headings."""
    if not text.strip():
        return None
    html = markdown_to_html(text, shift_headings=1)

    def with_id(m: re.Match[str]) -> str:
        # Plain text for the table of contents, which the template escapes once.
        title = html_unescape(_TAG.sub("", m.group(2))).strip()
        anchor = anchors(f"{part.anchor}-{title}")
        if m.group(1) == "3":
            part.headings.append((anchor, title))
        return f'<h{m.group(1)} id="{anchor}">{m.group(2)}</h{m.group(1)}>'

    return Markup(_HTML_HEADING.sub(with_id, html))  # safe: sanitised by markdown_to_html


def _split(
    body: str,
    part: Part,
    anchors: _Anchors,
    make: Callable[[str, int, bool], Section | None],
    placed: dict[str, Section],
) -> None:
    """Fill `part` from `body`: Markdown between markers, a section at each marker."""
    lines = body.split("\n")
    markers = {i: m.group(1) for i, line in visible_lines(body) if (m := MARKER.match(line))}
    headings = {i: len(m.group(1)) + 1 for i, line in visible_lines(body) if (m := _ATX.match(line))}
    titles = {i: m.group(2) for i, line in visible_lines(body) if (m := _ATX.match(line))}
    chunk: list[str] = []
    level = 2  # the part's own heading
    last_heading_line = -1
    for i, line in enumerate(lines):
        if i in headings:
            level, last_heading_line = min(6, headings[i]), i
        if i not in markers:
            chunk.append(line)
            continue
        html = _render_chunk("\n".join(chunk), part, anchors)
        if html:
            part.blocks.append(Block(html=html))
        # Right under the author's heading ("## Årets siffror", then the marker) the
        # author has named the section already; a second heading would only repeat it.
        follows_heading = last_heading_line >= 0 and not any(
            lines[j].strip() for j in range(last_heading_line + 1, i)
        )
        chunk = []
        name = markers[i]
        # Under an author's heading with the section's own name ("## Brister per nivå",
        # a paragraph, the marker), a second heading would only repeat it.
        under_same_title = last_heading_line >= 0 and name in SECTION_TITLES and (
            titles[last_heading_line].casefold() == SECTION_TITLES[name].casefold())
        follows_heading = follows_heading or under_same_title
        if name not in MARKER_NAMES:
            continue  # `po check` refuses it (PO330); nothing to place
        if name in placed:
            # The same section twice would repeat every figure; point back instead.
            first = placed[name]
            part.blocks.append(Block(html=Markup(
                f'<p class="po-see-also">Se <a href="#{first.anchor}">{Markup.escape(first.title)}</a>.</p>'
            )))
            continue
        section = make(name, level if follows_heading else min(6, level + 1), not follows_heading)
        if section is not None:
            placed[name] = section
            part.blocks.append(Block(section=section))
    html = _render_chunk("\n".join(chunk), part, anchors)
    if html:
        part.blocks.append(Block(html=html))


def build_document(
    p: Projection, y: YearView, organisation: str | None = None, positive: PositiveSelection = "alla"
) -> YearDocument:
    """The whole yearly report for one year, in reading order."""
    anchors = _Anchors()
    anchors.used.update({"innehall", "po-innehall"})

    def make(name: str, level: int, own_heading: bool) -> Section | None:
        data = {"year": y.år, **section_data(p, y, name, positive)}
        return Section(name, SECTION_TITLES[name], anchors(f"po-{name}"), level, own_heading, data)

    placed: dict[str, Section] = {}
    parts: list[Part] = []
    foreword: Part | None = None
    if y.foreword.strip():
        foreword = Part(anchors("forord"), FOREWORD_PART)
        _split(y.foreword, foreword, anchors, make, placed)
        parts.append(foreword)
    chapter_parts = []
    for chapter in sorted(y.chapters, key=lambda c: c.ordning):
        part = Part(anchors(chapter.rubrik), chapter.rubrik)
        _split(chapter.body, part, anchors, make, placed)
        chapter_parts.append(part)
    if foreword is not None and "nyckeltal" not in placed:
        # Unplaced, the figures come right after the foreword, where a reader
        # expects a summary of the year; they are known before any chapter is read.
        section = make("nyckeltal", 3, True)
        assert section is not None
        placed["nyckeltal"] = section
        foreword.blocks.append(Block(section=section))
    parts += chapter_parts
    rest = [name for name in ("nyckeltal", *DEFAULT_ORDER) if name not in placed]
    if rest and not y.sökande and "sokande" in rest:
        rest.remove("sokande")  # nothing to show, and nobody asked for it
    if rest:
        final = Part(anchors(FIGURES_PART), FIGURES_PART)
        for name in rest:
            section = make(name, 3, True)
            assert section is not None
            placed[name] = section
            final.blocks.append(Block(section=section))
            final.headings.append((section.anchor, section.title))
        parts.append(final)
    for part in parts:
        for block in part.blocks:
            s = block.section
            if s is not None and s.own_heading and s.level == 3:
                part.headings.append((s.anchor, s.title))
        # Headings were collected in two passes; put them back in reading order.
        order = {a: n for n, a in enumerate(_reading_order(part))}
        part.headings.sort(key=lambda h: order.get(h[0], 0))
        part.headings = list(dict.fromkeys(part.headings))
    return YearDocument(
        year=y.år,
        title=y.titel,
        organisation=organisation or p.organisation,
        tema=y.tema,
        draft=y.draft,
        internal=p.internal,
        basis=basis_text(p, y.år),
        parts=parts,
        sections=placed,
    )


def _reading_order(part: Part) -> Iterable[str]:
    for block in part.blocks:
        if block.section is not None:
            yield block.section.anchor
        elif block.html is not None:
            yield from re.findall(r'<h3 id="([^"]+)"', block.html)


# Pages and the PDF are made from the same projection in one build; the charts
# are the slow part, so the documents are made once per projection.
_cache: tuple[Projection, str, dict[int, YearDocument]] | None = None


def documents(p: Projection, organisation: str | None = None,
              positive: PositiveSelection = "alla") -> list[YearDocument]:
    """One document per year in the projection (published years only, publicly), newest first."""
    global _cache
    if _cache is None or _cache[0] is not p or _cache[1] != positive:
        _cache = (p, positive, {})
    docs = _cache[2]
    for y in p.years:
        if y.år not in docs:
            docs[y.år] = build_document(p, y, positive=positive)
    out = [docs[y.år] for y in p.years]
    if organisation and organisation != p.organisation:
        out = [replace(doc, organisation=organisation) for doc in out]
    return out


# --- pages ---------------------------------------------------------------------------


def year_pages(p: Projection, positive: PositiveSelection = "alla") -> list[PageSpec]:
    """The archive /arsrapport/ and one page per year, /arsrapport/<år>/.

    One page per year rather than one per chapter: a yearly report is read (and
    searched, and printed) as a whole, chapters are short, and the figures sections
    refer to each other. The contents list at the top and the sidebar's table of
    contents take the reader to any part.
    """
    from .site import PageSpec, document_page  # site.build_pages calls this function: no import cycle

    docs = documents(p, positive=positive)
    specs = [PageSpec("arsrapport/index.md", "Årsrapporter", "arsrapporter.html", {"docs": docs})]
    for doc in docs:
        specs.append(PageSpec(
            f"arsrapport/{doc.year}/index.md", doc.title, "arsrapport.html", {"doc": doc, "pdf": False},
            toc=[(part.anchor, part.title) for part in doc.parts],
        ))
    specs.append(document_page(SMALL_NUMBERS_PAGE.rstrip("/") + ".md", "smatal.md"))
    return specs


# --- Socialstyrelsen's questions as open data ----------------------------------------


def socialstyrelsen_path(year: int) -> str:
    return f"oppna-data/socialstyrelsen-{year}.csv"


SOCIALSTYRELSEN_HEADER = ["år", "fråga", "nivå", "nivå_namn", "svar", "id", "sida", "kommentar"]


def socialstyrelsen_files(p: Projection, positive: PositiveSelection = "alla") -> dict[str, bytes]:
    """/oppna-data/socialstyrelsen-<år>.csv for every yearly report in the projection.

    UTF-8 with BOM and ';' so that Excel with Swedish settings opens it right
    away; one row per answer, so the file can be read by a person and a program.
    """
    files: dict[str, bytes] = {}
    for doc in documents(p, positive=positive):
        y = _year_view(p, doc.year)
        assert y is not None
        data = doc.sections["socialstyrelsen"].data if "socialstyrelsen" in doc.sections else \
            section_data(p, y, "socialstyrelsen")
        rows: list[list[str]] = []
        year = str(doc.year)
        routines = routines_markdown(y)
        rows.append([year, "Rutiner för att hantera identifierade brister", "", "",
                     _plain(routines) if routines else "Beskrivs inte i årsrapporten", "", "", ""])
        for level, name, n in data["per_level"]:
            rows.append([year, "Antal identifierade brister", level, name, str(n), "", "", ""])
        rows.append([year, "Antal identifierade brister", "totalt", "Alla nivåer", str(data["total"]), "", "", ""])
        for level, name, items in data["serious"]:
            if not items:
                rows.append([year, "De allvarligaste bristerna", level, name, "Ingen", "", "", ""])
            for r in items:
                rows.append([year, "De allvarligaste bristerna", level, name, r.rubrik, r.id, r.url,
                             r.allvarlighet.namn if r.allvarlighet else ""])
        remedied = data["remedied"]
        if not remedied:
            rows.append([year, "Brister som åtgärdats under året", "", "", "Ingen", "", "", ""])
        for r in remedied:
            step = _remedied_step(r, doc.year)
            rows.append([year, "Brister som åtgärdats under året", r.nivå.id if r.nivå else "",
                         r.nivå.namn if r.nivå else "", r.rubrik, r.id, r.url, step.text])
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
        writer.writerow(SOCIALSTYRELSEN_HEADER)
        for row in rows:
            writer.writerow([neutralise(cell) for cell in row])
        files[socialstyrelsen_path(doc.year)] = ("\ufeff" + buffer.getvalue()).encode("utf-8")
    return files


def _plain(markdown_text: str) -> str:
    """Markdown as one line of plain text for a spreadsheet cell."""
    text = re.sub(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", "", markdown_text, flags=re.M)
    text = re.sub(r"[*_`]+", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(text.split())
