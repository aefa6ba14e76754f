"""What a reader may see: the one place that decides it.

Every output (pages, search index, sitemap, feeds, open data, PDF) is made from a
:class:`Projection` and nothing else. The public projection keeps only reports
the steering group decided to publish, and of those only public fields: event
dates become month and year, recurrences become a count, `intern` is gone, and an
area is named only when at least k published reports share it that year. The
internal projection for the steering group shows everything, drafts marked.

The view objects simply do not carry what the public may not see, so a template
cannot leak it by mistake.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from po_build.contract.vocabulary import CLOSED_STATUSES, Vocabulary
from po_build.model.records import Content, Report, Section, YearReport
from po_build.model.slug import slugify
from po_build.project.dates import month_text

Mode = Literal["public", "intern"]










@dataclass(frozen=True)
class Label:
    id: str
    namn: str
    facet: str  # the facet folder: niva, kategori, aktor, status, omrade, ...

    @property
    def url(self) -> str:
        return f"brister/{self.facet}/{slugify(self.id)}/"


@dataclass(frozen=True)
class StepView:
    when: str  # "mars 2025" publicly, the exact date internally
    year: int
    month: int
    status: Label
    text: str


@dataclass(frozen=True)
class Attachment:
    name: str
    url: str  # relative to the site root


@dataclass(eq=False)  # identity: comparing every field made `in` checks quadratic
class ReportView:
    id: str
    typ: str
    rubrik: str
    url: str
    year: int
    month: int
    when: str
    kategorier: list[Label]
    aktörer: list[Label]
    områden: list[Label]
    sections: list[Section]
    nivå: Label | None = None
    allvarlighet: Label | None = None
    status: Label | None = None
    times_seen: int = 1
    # The year of each time the deficiency was seen (the first one included): years only,
    # so that a yearly report can count the times up to its year's end without any date.
    seen_years: tuple[int, ...] = ()
    historik: list[StepView] = field(default_factory=list)
    mottagare: list[str] = field(default_factory=list)
    relaterade: list[ReportView] = field(default_factory=list)
    omnämnd_i: list[ReportView] = field(default_factory=list)
    bilagor: list[Attachment] = field(default_factory=list)
    publicerad: date | None = None
    tema: str | None = None
    remedied_years: frozenset[int] = frozenset()
    # Internal build only: None in the public projection.
    draft: bool = False
    intern: dict[str, Any] | None = None
    exact_dates: dict[str, str] | None = None

    @property
    def is_open(self) -> bool:
        return self.status is not None and self.status.id not in CLOSED_STATUSES

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.year, self.month, self.id)


@dataclass
class YearView:
    år: int
    titel: str
    foreword: str
    chapters: list[Any]
    tema: str | None
    ombud: float | None
    sökande: dict[str, int] | None
    draft: bool = False


@dataclass
class Projection:
    mode: Mode
    vocabulary: Vocabulary
    organisation: str
    region: str
    k: int
    reports: list[ReportView]
    years: list[YearView]

    @property
    def brister(self) -> list[ReportView]:
        return [r for r in self.reports if r.typ == "brist"]

    @property
    def positiva(self) -> list[ReportView]:
        return [r for r in self.reports if r.typ == "positiv"]

    @property
    def internal(self) -> bool:
        return self.mode == "intern"

    def label(self, section: str, facet: str, term_id: str) -> Label:
        return Label(term_id, self.vocabulary.label(section, term_id), facet)


@dataclass(frozen=True)
class PageFacts:
    """What a page's template may know of the whole projection: its settings. Everything a
    page shows of the reports comes through its own context (outputs/pages.PageSpec)."""

    mode: Mode
    organisation: str
    region: str
    k: int

    @property
    def internal(self) -> bool:
        return self.mode == "intern"

    @classmethod
    def of(cls, p: Projection) -> PageFacts:
        return cls(p.mode, p.organisation, p.region, p.k)


def project(
    content: Content,
    mode: Mode,
    organisation: str = "",
    region: str = "",
    k: int = 3,
    attachment_url: str = "bilagor/",
) -> Projection:
    vocab = content.vocabulary
    visible = [r for r in content.reports if mode == "intern" or r.publicera]
    area_ok = _areas_to_show(visible, mode, k)
    region_label = Label("region", region or "Hela regionen", "omrade")

    views: dict[str, ReportView] = {}
    for r in visible:
        views[r.id] = _view(r, vocab, mode, area_ok, region_label, attachment_url)
    for r in visible:
        view = views[r.id]
        view.relaterade = [views[i] for i in r.relaterade if i in views]
        for other in view.relaterade:
            if view not in other.omnämnd_i and other is not view:
                other.omnämnd_i.append(view)
    for view in views.values():
        view.omnämnd_i.sort(key=lambda v: v.id)
    ordered = sorted(views.values(), key=lambda v: v.sort_key, reverse=True)
    years = [
        _year_view(y, mode)
        for y in sorted(content.years, key=lambda y: y.år, reverse=True)
        if mode == "intern" or y.publicera
    ]
    return Projection(mode, vocab, organisation, region, k, ordered, years)


def report_url(typ: str, report_id: str) -> str:
    """Where a report's page is published: brister/<id>/ or positivt/<id>/."""
    return f"{'positivt' if typ == 'positiv' else 'brister'}/{report_id}/"


def _areas_to_show(reports: list[Report], mode: Mode, k: int) -> set[tuple[str, int]]:
    """(area, year) pairs shared by at least k reports; the rest are generalised."""
    counts: Counter[tuple[str, int]] = Counter()
    for r in reports:
        for area in set(r.områden):
            counts[(area, r.year)] += 1
    if mode == "intern":
        return set(counts)
    return {key for key, n in counts.items() if n >= k}


def _view(
    r: Report,
    vocab: Vocabulary,
    mode: Mode,
    area_ok: set[tuple[str, int]],
    region_label: Label,
    attachment_url: str,
) -> ReportView:
    internal = mode == "intern"
    cats = vocab.categories if r.typ == "brist" else vocab.positive_categories

    def when(d: date) -> str:
        return d.isoformat() if internal else month_text(d)

    areas: list[Label] = []
    for a in r.områden:
        label = Label(a, vocab.label("areas", a), "omrade") if (a, r.year) in area_ok else region_label
        if label not in areas:
            areas.append(label)
    category_facet = "kategori" if r.typ == "brist" else "positiv-kategori"
    return ReportView(
        id=r.id,
        typ=r.typ,
        rubrik=r.rubrik,
        url=report_url(r.typ, r.id),
        year=r.year,
        month=r.datum.month,
        when=when(r.datum),
        kategorier=[Label(c, cats[c].namn if c in cats else c, category_facet) for c in r.kategorier],
        aktörer=[Label(a, vocab.label("actors", a), "aktor") for a in r.aktörer],
        områden=areas,
        sections=list(r.sections),
        nivå=Label(r.nivå, vocab.label("levels", r.nivå), "niva") if r.nivå else None,
        allvarlighet=(
            Label(r.allvarlighet, vocab.label("severities", r.allvarlighet), "allvarlighet")
            if r.allvarlighet
            else None
        ),
        status=Label(r.status, vocab.label("statuses", r.status), "status") if r.status else None,
        times_seen=r.times_seen,
        seen_years=tuple(sorted([r.datum.year, *(d.year for d in r.förekomster)])),
        historik=[
            StepView(when(s.datum), s.datum.year, s.datum.month,
                     Label(s.status, vocab.label("statuses", s.status), "status"), s.text)
            for s in r.historik
        ],
        mottagare=list(r.mottagare),
        bilagor=[Attachment(b.split("/")[-1], attachment_url + b.removeprefix("bilagor/"))
                 for b in r.bilagor],
        publicerad=r.publicerad,
        tema=r.tema,
        remedied_years=frozenset(s.datum.year for s in r.historik if s.status == "åtgärdad"),
        draft=internal and not r.publicera,
        intern=dict(r.intern) if internal else None,
        exact_dates=(
            {"datum": r.datum.isoformat(),
             "förekomster": ", ".join(d.isoformat() for d in r.förekomster)}
            if internal
            else None
        ),
    )


def _year_view(y: YearReport, mode: Mode) -> YearView:
    return YearView(
        y.år, y.titel, y.foreword, list(y.chapters), y.tema, y.ombud,
        dict(y.sökande) if y.sökande else None,
        draft=mode == "intern" and not y.publicera,
    )
