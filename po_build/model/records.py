"""Validated records: what the rest of the build works with.

Everything downstream (projection, pages, feeds, open data, the yearly report)
reads these and never the files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from po_build.contract.vocabulary import Vocabulary

Kind = Literal["brist", "positiv"]


@dataclass(frozen=True)
class Step:
    datum: date
    status: str
    text: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    markdown: str


@dataclass
class Report:
    id: str
    typ: Kind
    rubrik: str
    datum: date
    kategorier: list[str]
    aktörer: list[str]
    body: str
    sections: list[Section]
    source: str  # path relative to docs_dir, with '/'
    områden: list[str] = field(default_factory=list)
    nivå: str | None = None
    allvarlighet: str | None = None
    förekomster: list[date] = field(default_factory=list)
    status: str | None = None
    historik: list[Step] = field(default_factory=list)
    mottagare: list[str] = field(default_factory=list)
    relaterade: list[str] = field(default_factory=list)
    bilagor: list[str] = field(default_factory=list)
    publicera: bool = False
    publicerad: date | None = None
    tema: str | None = None
    intern: dict[str, Any] = field(default_factory=dict)

    @property
    def year(self) -> int:
        return self.datum.year

    @property
    def times_seen(self) -> int:
        return 1 + len(self.förekomster)

    def remedied_in(self, year: int) -> bool:
        return any(s.status == "åtgärdad" and s.datum.year == year for s in self.historik)


@dataclass
class Chapter:
    rubrik: str
    ordning: int
    body: str
    source: str
    slug: str


@dataclass
class YearReport:
    år: int
    titel: str
    foreword: str
    source: str
    chapters: list[Chapter] = field(default_factory=list)
    tema: str | None = None
    ombud: float | None = None
    sökande: dict[str, int] | None = None
    publicera: bool = False


@dataclass
class Content:
    """Everything read from one content tree, plus what was left out and why."""

    reports: list[Report]
    years: list[YearReport]
    vocabulary: Vocabulary
    files_read: int = 0
    ignored: list[str] = field(default_factory=list)
    other_pages: list[str] = field(default_factory=list)

    def by_id(self) -> dict[str, Report]:
        return {r.id: r for r in self.reports}
