"""The yearly report's markers: `<!-- po: NAMN -->` on a line of its own.

One table says everything about a marker: its name, the title of the section it
places, the description the guide shows, the heading `po ny arsrapport` writes
above it, the template chapter it is written into, and where it goes when no
marker names it. Every other view of the markers is derived from this table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MARKER = re.compile(r"^[ \t]*<!--[ \t]*po:[ \t]*([^ \t>]*)[ \t]*-->[ \t]*$")


@dataclass(frozen=True)
class Marker:
    name: str
    title: str  # the generated section's heading
    description: str  # what the guide says it shows
    template_heading: str  # the author's heading above it in `po ny arsrapport`
    template_chapter: int = 1  # which chapter of the template holds it (1, 2 or 3)


# In the default order of the final part "Siffror och sammanställningar": overview first,
# then the details behind it, then what Socialstyrelsen asks for, which repeats the key
# figures in its own form. `nyckeltal` is first; unplaced, it follows the foreword.
MARKERS: tuple[Marker, ...] = (
    Marker("nyckeltal", "Året i siffror", "Året i siffror, med förändring från året innan",
           "Året i siffror"),
    Marker("per-niva", "Brister per nivå", "Brister per nivå, tabell och diagram", "Brister per nivå"),
    Marker("per-kategori", "Brister per kategori", "Brister per kategori, tabell och diagram",
           "Brister per kategori"),
    Marker("per-aktor", "Brister per aktör", "Brister per aktör, tabell och diagram", "Brister per aktör"),
    Marker("per-status", "Brister per status vid årets slut", "Brister per status, tabell och diagram",
           "Var bristerna står i arbetet"),
    Marker("allvarligaste", "De allvarligaste bristerna per nivå", "De allvarligaste bristerna per nivå",
           "De allvarligaste bristerna"),
    Marker("atgardade", "Brister som åtgärdats under året", "Brister som åtgärdats under året",
           "Åtgärdat under året"),
    Marker("aterkommande", "Återkommande brister och brister som är öppna sedan tidigare år",
           "Återkommande brister och brister som är öppna sedan tidigare år", "Återkommande brister"),
    Marker("positiva", "Årets positiva händelser", "Årets positiva händelser", "Positiva händelser",
           template_chapter=2),
    Marker("sokande", "Sökande under året", "Vilka som sökte personligt ombud (skyddat mot små tal)",
           "Sökande under året"),
    Marker("socialstyrelsen", "Svar på Socialstyrelsens frågor", "Svaren på Socialstyrelsens årliga frågor",
           "Svaren på Socialstyrelsens frågor", template_chapter=3),
)

BY_NAME: dict[str, Marker] = {m.name: m for m in MARKERS}
# Name → description, in the guide's order.
MARKER_NAMES: dict[str, str] = {m.name: m.description for m in MARKERS}
SECTION_TITLES: dict[str, str] = {m.name: m.title for m in MARKERS}
DEFAULT_ORDER: tuple[str, ...] = tuple(m.name for m in MARKERS if m.name != "nyckeltal")
