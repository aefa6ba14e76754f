"""What the scanner reports: a finding, its code and message, and which of two overlapping
findings wins."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One personal identifier found in a text."""

    line: int
    col: int
    code: str
    kind: str
    match: str
    message: str


# code: (kind, what it is in a sentence, suggested rewrite)
CODES: dict[str, tuple[str, str, str]] = {
    "PO401": (
        "personnummer",
        "ett personnummer",
        "ta bort det och skriv 'klienten' i stället",
    ),
    "PO402": (
        "samordningsnummer",
        "ett samordningsnummer",
        "ta bort det och skriv 'klienten' i stället",
    ),
    "PO403": (
        "telefonnummer",
        "ett telefonnummer",
        "ta bort det och skriv till exempel 'handläggarens direktnummer' i stället",
    ),
    "PO404": (
        "e-postadress",
        "en e-postadress",
        "ta bort den och skriv till exempel 'handläggarens e-post' i stället",
    ),
    "PO405": (
        "gatuadress",
        "en gatuadress",
        "ta bort den och skriv till exempel 'klientens bostad' i stället",
    ),
    "PO406": (
        "postnummer och ort",
        "ett postnummer med ort",
        "ta bort det och skriv till exempel 'en ort i länet' i stället",
    ),
    "PO407": (
        "namn",
        "ett namn",
        "skriv 'klienten' eller en roll, som 'handläggaren', i stället",
    ),
    "PO408": (
        "ålder",
        "en ålder",
        "ta bort den eller skriv bredare, som 'en vuxen' eller 'medelålders'",
    ),
}


# When two findings overlap the more specific one wins: "Storgatan 12" is an
# address, not a name; "Kalle.Berg@mejl.se" is an e-mail address, not a name.
PRIORITY = {
    "PO401": 0, "PO402": 0, "PO404": 1, "PO403": 2, "PO406": 3, "PO405": 4,
    "PO408": 5, "PO407": 6,
}


# start, end, code, extra text for the message
Candidate = tuple[int, int, str, str]


SP = "[ \u00a0\u202f]"


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    # Keep the most specific finding where spans overlap; equal priority keeps the longer.
    ordered = sorted(candidates, key=lambda c: (PRIORITY[c[2]], -(c[1] - c[0]), c[0]))
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in ordered:
        start, end = cand[0], cand[1]
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        kept.append(cand)
        taken.append((start, end))
    return kept


def finding_message(code: str, matched: str, note: str) -> str:
    _, what, rewrite = CODES[code]
    shown = " ".join(matched.split())
    return f"ser ut som {what} ('{shown}'){note} – {rewrite}"
