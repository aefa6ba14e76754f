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
    "PO409": (
        "namn",
        "ett namn skrivet med liten bokstav",
        "är det ett namn: skriv 'klienten' eller en roll i stället; är det inget namn kan "
        "varningen lämnas",
    ),
    # Details that together can point out a person: warnings (see indirect.py).
    "PO410": (
        "liten ort",
        "en liten ort",
        "skriv hellre 'en mindre ort i kommunen' om orten inte behövs för att förstå bristen",
    ),
    "PO411": (
        "sällsynt diagnos",
        "en sällsynt diagnos",
        "skriv om behovet i stället för diagnosen, t.ex. 'en klient med en ovanlig "
        "neurologisk sjukdom', särskilt om orten eller familjen också nämns",
    ),
    "PO412": (
        "familjeuppgift",
        "en ovanlig familjeuppgift",
        "ta bort den om den inte behövs, eller skriv bredare, t.ex. 'en förälder med flera barn'",
    ),
    "PO413": (
        "tidigare yrke",
        "ett tidigare yrke",
        "ta bort yrket om det inte behövs för att förstå bristen; i en liten ort pekar det ut en person",
    ),
    "PO414": (
        "händelse med plats eller tid",
        "en olycka eller händelse med plats eller tid",
        "skriv utan plats och tid, t.ex. 'efter en olycka', så att händelsen inte går att slå upp",
    ),
    "PO415": (
        "unik uppgift",
        "en uppgift som bara gäller en eller ett fåtal",
        "skriv bredare, så att beskrivningen passar fler än en person",
    ),
}


# When two findings overlap the more specific one wins: "Storgatan 12" is an
# address, not a name; "Kalle.Berg@mejl.se" is an e-mail address, not a name.
PRIORITY = {
    "PO401": 0, "PO402": 0, "PO404": 1, "PO403": 2, "PO406": 3, "PO405": 4,
    "PO408": 5, "PO407": 6, "PO409": 7,
    "PO410": 8, "PO411": 8, "PO412": 8, "PO413": 8, "PO414": 8, "PO415": 8,
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


# Warnings about details that identify only together with others.
INDIRECT = frozenset({"PO410", "PO411", "PO412", "PO413", "PO414", "PO415"})


def finding_message(code: str, matched: str, note: str) -> str:
    _, what, rewrite = CODES[code]
    shown = " ".join(matched.split())
    if code in INDIRECT:
        return (f"{what} ('{shown}'){note}: tillsammans med andra uppgifter kan det peka ut "
                f"klienten – {rewrite}")
    return f"ser ut som {what} ('{shown}'){note} – {rewrite}"
