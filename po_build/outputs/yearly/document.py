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
- every figure as it stood at the end of the year (project.stats.as_of_year_end):
  the status is the last `historik` step dated in or before the year (the current
  status for a report without `historik`), the times seen count only the times up
  to the year's end, and later reports are not there, so a yearly report keeps its
  figures when the work goes on the next year;
- recurring: seen at least RECURRING_MIN times (`förekomster` + 1) by the year's
  end, noticed in the year or still open at its end;
- the previous year's figures for the change, when the projection has any report
  from that year.

Everything comes from the Projection: the public build counts only published
reports, the internal one all of them, and the text says which.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from markupsafe import Markup

from po_build.check.body import visible_lines
from po_build.contract.markers import DEFAULT_ORDER, MARKER, MARKER_NAMES, SECTION_TITLES
from po_build.contract.options import PositiveSelection
from po_build.outputs.paths import pdf_path
from po_build.outputs.yearly.sections import ATX_HEADING, basis_text, section_data
from po_build.project.projection import Projection, YearView
from po_build.project.stats import as_of_year_end
from po_build.render.markdown import Anchors, render

FIGURES_PART = "Siffror och sammanställningar"
FOREWORD_PART = "Förord"

assert set(SECTION_TITLES) == set(MARKER_NAMES), "varje markering behöver en rubrik"




# --- the document -------------------------------------------------------------------


@dataclass
class FigureSection:
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
    section: FigureSection | None = None
    heading_ids: list[str] = field(default_factory=list)  # the h3 ids in `html`, in order


@dataclass
class DocumentPart:
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
    parts: list[DocumentPart]
    sections: dict[str, FigureSection]

    @property
    def page_url(self) -> str:
        return f"arsrapport/{self.year}/"

    @property
    def pdf_url(self) -> str:
        return pdf_path(self.year)

    @property
    def charts(self) -> list[str]:
        return [s.data["chart"] for s in self.sections.values() if s.data.get("chart")]




# --- status at the end of a year ---------------------------------------------------






# --- figures --------------------------------------------------------------------------


































# --- assembling the document -----------------------------------------------------




def _render_chunk(text: str, part: DocumentPart, anchors: Anchors) -> Block | None:
    """Author Markdown, `##` shifted to h3 under the part's h2, with ids on headings."""
    if not text.strip():
        return None
    rendered = render(text, shift=1, anchors=anchors, prefix=f"{part.anchor}-", id_levels=range(3, 7))
    level3 = [h for h in rendered.headings if h.level == 3]
    part.headings += [(h.id, h.title) for h in level3]
    # safe: sanitised by the renderer
    return Block(html=Markup(rendered.html), heading_ids=[h.id for h in level3])


def _split(
    body: str,
    part: DocumentPart,
    anchors: Anchors,
    make: Callable[[str, int, bool], FigureSection | None],
    placed: dict[str, FigureSection],
) -> None:
    """Fill `part` from `body`: Markdown between markers, a section at each marker."""
    lines = body.split("\n")
    markers = {i: m.group(1) for i, line in visible_lines(body) if (m := MARKER.match(line))}
    headings = {i: len(m.group(1)) + 1 for i, line in visible_lines(body) if (m := ATX_HEADING.match(line))}
    titles = {i: m.group(2) for i, line in visible_lines(body) if (m := ATX_HEADING.match(line))}
    chunk: list[str] = []
    level = 2  # the part's own heading
    last_heading_line = -1
    for i, line in enumerate(lines):
        if i in headings:
            level, last_heading_line = min(6, headings[i]), i
        if i not in markers:
            chunk.append(line)
            continue
        block = _render_chunk("\n".join(chunk), part, anchors)
        if block:
            part.blocks.append(block)
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
    block = _render_chunk("\n".join(chunk), part, anchors)
    if block:
        part.blocks.append(block)


def build_document(
    p: Projection, y: YearView, organisation: str | None = None, positive: PositiveSelection = "alla"
) -> YearDocument:
    """The whole yearly report for one year, in reading order, with its figures as they
    stood at the year's end (as_of_year_end): a published report never changes afterwards."""
    p = as_of_year_end(p, y.år)
    anchors = Anchors(reserved=("innehall", "po-innehall"))

    def make(name: str, level: int, own_heading: bool) -> FigureSection | None:
        data = {"year": y.år, **section_data(p, y, name, positive)}
        return FigureSection(name, SECTION_TITLES[name], anchors(f"po-{name}"), level, own_heading, data)

    placed: dict[str, FigureSection] = {}
    parts: list[DocumentPart] = []
    foreword: DocumentPart | None = None
    if y.foreword.strip():
        foreword = DocumentPart(anchors("forord"), FOREWORD_PART)
        _split(y.foreword, foreword, anchors, make, placed)
        parts.append(foreword)
    chapter_parts = []
    for chapter in sorted(y.chapters, key=lambda c: c.ordning):
        part = DocumentPart(anchors(chapter.rubrik), chapter.rubrik)
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
        final = DocumentPart(anchors(FIGURES_PART), FIGURES_PART)
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


def _reading_order(part: DocumentPart) -> Iterable[str]:
    for block in part.blocks:
        if block.section is not None:
            yield block.section.anchor
        else:
            yield from block.heading_ids


# Pages and the PDF are made from the same projection in one build; the charts
# are the slow part, so the documents are made once per projection.
_cache: tuple[Projection, str, dict[int, YearDocument]] | None = None
# While serving, a save makes a new projection, though most years' documents are made of the
# same things: a caller that can say what a year's document is made from (use_input_keys, the
# plugin with project/fingerprint.py) gets the last build's document for an equal digest.
_keys: tuple[Projection, Callable[[YearView], str | None]] | None = None
_by_inputs: dict[str, YearDocument] = {}


def use_input_keys(p: Projection, key: Callable[[YearView], str | None]) -> None:
    """For documents(p): `key(year)` is a digest of everything the year's document is made from."""
    global _keys
    _keys = (p, key)


def documents(p: Projection, organisation: str | None = None,
              positive: PositiveSelection = "alla") -> list[YearDocument]:
    """One document per year in the projection (published years only, publicly), newest first."""
    global _cache, _by_inputs
    if _cache is None or _cache[0] is not p or _cache[1] != positive:
        _cache = (p, positive, {})
    docs = _cache[2]
    key_of = _keys[1] if _keys is not None and _keys[0] is p else None
    made: dict[str, YearDocument] = {}
    for y in p.years:
        if y.år not in docs:
            digest = key_of(y) if key_of is not None else None
            key = f"{positive}|{digest}" if digest is not None else None
            kept = _by_inputs.get(key) if key is not None else None
            docs[y.år] = kept if kept is not None else build_document(p, y, positive=positive)
            if key is not None:
                made[key] = docs[y.år]
    if key_of is not None and made:
        _by_inputs = made  # this build's: what the next save may find again
    out = [docs[y.år] for y in p.years]
    if organisation and organisation != p.organisation:
        out = [replace(doc, organisation=organisation) for doc in out]
    return out


# --- pages ---------------------------------------------------------------------------




# --- Socialstyrelsen's questions as open data ----------------------------------------








