"""The H2 sections of a report body, and the hint line `po ny` writes under each.

One table per kind: the heading, whether it is required, and the hint. The hint is
plain text on purpose: an HTML comment would be refused by `po check` (PO503), and
a hint still left in a report is found by comparing lines with this table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionSpec:
    title: str
    required: bool
    hint: str


SECTION_TABLE: dict[str, tuple[SectionSpec, ...]] = {
    "brist": (
        SectionSpec("Beskrivning", True, "Beskriv vad som händer och hur problemet visar sig, utan namn eller "
                    "detaljer som kan peka ut en klient."),
        SectionSpec("Orsaker", True, "Skriv vad som orsakar bristen: rutiner, regler, organisation eller "
                    "arbetssätt, inte enskilda personer."),
        SectionSpec("Konsekvenser", True, "Beskriv vad bristen får för följder för klientgruppen."),
        SectionSpec("Förslag till åtgärder", True, "Föreslå vad som kan göras och vem som kan påverka det."),
        SectionSpec("Vad ombuden har gjort", False, "Valfritt: vad ombuden har gjort, till exempel vem ni har "
                    "kontaktat. Ta bort rubriken om den inte behövs."),
        SectionSpec("Resultat", False, "Valfritt: vad som hände efter att bristen påtalades. Ta bort rubriken "
                    "om det inte finns något att skriva ännu."),
        SectionSpec("Uppföljning", False, "Valfritt: hur effekten har följts upp. Ta bort rubriken om det inte "
                    "finns något att skriva ännu."),
    ),
    "positiv": (
        SectionSpec("Händelse", True, "Beskriv vad som hände och vad som fungerade bra, utan namn eller "
                    "detaljer som kan peka ut en klient."),
        SectionSpec("Varför det fungerade", False, "Valfritt: vad som gjorde att det fungerade, så att fler "
                    "kan göra likadant. Ta bort rubriken om den inte behövs."),
    ),
}

# (heading, required) per kind, in order: the form the body checks read.
SECTIONS: dict[str, list[tuple[str, bool]]] = {
    kind: [(s.title, s.required) for s in specs] for kind, specs in SECTION_TABLE.items()
}
# Heading → hint, for every kind (no heading appears in two kinds with two hints).
HINTS: dict[str, str] = {s.title: s.hint for specs in SECTION_TABLE.values() for s in specs}

FOREWORD_HINT = (
    "Skriv förordet här: vad som har präglat året, årets tema och ett tack till dem som har bidragit."
)
