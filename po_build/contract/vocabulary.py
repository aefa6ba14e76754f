"""The vocabulary: its structure, the ids the work model depends on, and the merged terms.

The built-in values themselves are data (`po_build/data/vokabular-standard.yml`), read by
`po_build.load.vocabulary`; an organisation merges its own `content/vokabular.yml` over them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BUILTIN_FILE = "vokabular-standard.yml"  # in po_build/data/

# Section name in the file → attribute on Vocabulary.
VOCABULARY_SECTIONS: dict[str, str] = {
    "nivåer": "levels",
    "kategorier": "categories",
    "positiva_kategorier": "positive_categories",
    "aktörer": "actors",
    "områden": "areas",
    "statusar": "statuses",
    "allvarlighet": "severities",
}
# Statuses, levels and severities can be renamed but not added: the lifecycle and the
# yearly figures depend on exactly those ids.
FIXED_SECTIONS = {"nivåer", "statusar", "allvarlighet"}
ENTRY_KEYS = ("namn", "beskrivning", "nivåer", "utgått")
NEW_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Statuses where the work with a deficiency is finished; the rest are "open".
CLOSED_STATUSES = ("åtgärdad", "uppföljd", "avslutad")
REMEDIED_STATUS = "åtgärdad"
FIRST_STATUS = "upptäckt"

# Levels are fixed in the vocabulary (they can be renamed, not added), and
# Socialstyrelsen asks for the most serious deficiency on each of them, so every
# level gets an entry even when it has none.
LEVELS = ("individ", "lokal", "nationell")

# Only these count as "serious"; a low-severity deficiency is never listed among
# the most serious, however often it was seen.
SEVERITY_RANK = {"hög": 0, "medel": 1}


@dataclass(frozen=True)
class Term:
    id: str
    namn: str
    beskrivning: str = ""
    nivåer: tuple[str, ...] = ()
    utgått: bool = False


@dataclass(frozen=True)
class AllowedTerm:
    term: str
    skäl: str


@dataclass
class Vocabulary:
    levels: dict[str, Term] = field(default_factory=dict)
    categories: dict[str, Term] = field(default_factory=dict)
    positive_categories: dict[str, Term] = field(default_factory=dict)
    actors: dict[str, Term] = field(default_factory=dict)
    areas: dict[str, Term] = field(default_factory=dict)
    statuses: dict[str, Term] = field(default_factory=dict)
    severities: dict[str, Term] = field(default_factory=dict)
    allowed_terms: list[AllowedTerm] = field(default_factory=list)

    def label(self, section: str, term_id: str) -> str:
        term = getattr(self, section).get(term_id)
        return term.namn if term else term_id

    def labels(self) -> set[str]:
        """Every label, so that the name scanner never takes 'Norrby kommun' for a person."""
        out: set[str] = set()
        for attr in VOCABULARY_SECTIONS.values():
            out.update(t.namn for t in getattr(self, attr).values())
        return out
