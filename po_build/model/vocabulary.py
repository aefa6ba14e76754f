"""The vocabulary: built-in default merged with the organisation's `content/vokabular.yml`.

Both files share one form, so an organisation can copy an entry from the default
and change it. Statuses, levels and severities can be renamed but not added: the
lifecycle and the yearly figures depend on exactly those ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from po_build.contract.vocabulary import VOCABULARY_SECTIONS


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










