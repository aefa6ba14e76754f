"""Figures about the reports: the year's statistics, counts for the start page and
the yearly report, and the most serious deficiencies per level.

Everything is computed from a :class:`~po_build.projection.Projection`, never from
the records, so a public figure can only count what the public may see: a report
the steering group has not published is not in the public projection and
therefore in no public figure either.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from po_build.contract.vocabulary import CLOSED_STATUSES, LEVELS, SEVERITY_RANK
from po_build.project.projection import Label, Projection, ReportView

_LABEL_ATTRS = ("nivå", "status", "allvarlighet")
_LIST_ATTRS = ("kategorier", "aktörer", "områden")


def count_by(reports: Iterable[ReportView], attr: str) -> Counter[str]:
    """How many reports carry each id of `attr`.

    `attr` is a single-label attribute (nivå, status, allvarlighet) or a list
    attribute (kategorier, aktörer, områden). A report counts once in every value
    it has, so a report with two categories counts in both, but never twice in
    the same one.
    """
    if attr not in _LABEL_ATTRS and attr not in _LIST_ATTRS:
        raise ValueError(
            f"count_by: unknown attribute {attr!r}; use one of {_LABEL_ATTRS + _LIST_ATTRS}"
        )
    counts: Counter[str] = Counter()
    for r in reports:
        value: Label | list[Label] | None = getattr(r, attr)
        if value is None:
            continue
        labels = value if isinstance(value, list) else [value]
        # One per distinct id: a value listed twice in a report is still one report.
        counts.update(dict.fromkeys((label.id for label in labels), 1))
    return counts


def in_vocabulary_order(counts: Mapping[str, int], terms: Mapping[str, Any]) -> dict[str, int]:
    """Non-zero counts, keyed in the vocabulary's order.

    The vocabulary's order is the one an organisation chose for its readers
    (levels individ → nationell, statuses along the work model). Ids the
    vocabulary does not know (the generalised area "region", for one) follow,
    sorted, so the result is still deterministic.
    """
    known = [key for key in terms if counts.get(key)]
    unknown = sorted(key for key, n in counts.items() if n and key not in terms)
    return {key: counts[key] for key in [*known, *unknown]}


def remedied_in(reports: Iterable[ReportView], year: int) -> list[ReportView]:
    """Reports with a `historik` step `åtgärdad` dated in `year`, whatever year they date from."""
    return [r for r in reports if year in r.remedied_years]


def open_reports(reports: Iterable[ReportView]) -> list[ReportView]:
    """Deficiencies still being worked on: a status that is not one of CLOSED_STATUSES."""
    return [r for r in reports if r.status is not None and r.status.id not in CLOSED_STATUSES]


def most_serious(
    reports: Iterable[ReportView], year: int, per_level: int = 3
) -> dict[str, list[ReportView]]:
    """The most serious deficiencies noticed in `year`, per level.

    Severity high before medium (low is never included), then the ones seen most
    often, then by id so that ties come out the same in every build. Every fixed
    level is a key, possibly with an empty list, so that a page can say "none on
    the national level" instead of leaving the level out.
    """
    candidates: list[tuple[tuple[int, int, str], str, ReportView]] = []
    for r in reports:
        if r.typ != "brist" or r.year != year or r.nivå is None or r.allvarlighet is None:
            continue
        rank = SEVERITY_RANK.get(r.allvarlighet.id)
        if rank is not None:
            candidates.append(((rank, -r.times_seen, r.id), r.nivå.id, r))
    candidates.sort(key=lambda c: c[0])
    out: dict[str, list[ReportView]] = {level: [] for level in LEVELS}
    # A level outside the fixed three cannot come from a valid vocabulary; keep it
    # anyway, after the known ones, rather than silently drop a report.
    for level in sorted({level for _, level, _ in candidates} - set(LEVELS)):
        out[level] = []
    for _, level, r in candidates:
        if len(out[level]) < per_level:
            out[level].append(r)
    return out


def report_years(p: Projection) -> list[int]:
    """Every year with at least one report (deficiency or positive event), ascending."""
    return sorted({r.year for r in p.reports})


def year_stats(p: Projection, year: int) -> dict[str, Any]:
    """The year's figures, in the shape published as oppna-data/statistik-<år>.json.

    As the yearly report counts them: at the end of the year (as_of_year_end), so that the
    file for a past year does not change when the work on its deficiencies goes on.
    """
    p = as_of_year_end(p, year)
    vocab = p.vocabulary
    brister = [r for r in p.brister if r.year == year]
    return {
        "år": year,
        "läge_vid": "årets slut",
        "brister": {
            "totalt": len(brister),
            "per_nivå": in_vocabulary_order(count_by(brister, "nivå"), vocab.levels),
            "per_status": in_vocabulary_order(count_by(brister, "status"), vocab.statuses),
            "per_kategori": in_vocabulary_order(count_by(brister, "kategorier"), vocab.categories),
            "per_aktör": in_vocabulary_order(count_by(brister, "aktörer"), vocab.actors),
            "åtgärdade_under_året": len(remedied_in(p.brister, year)),
            "öppna_vid_årets_slut": len(open_reports(brister)),
        },
        "positiva": {"totalt": sum(1 for r in p.positiva if r.year == year)},
    }


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


def times_seen_at_year_end(r: ReportView, year: int) -> int:
    """How many times the deficiency had been seen by the end of `year` (the first time included)."""
    if not r.seen_years:
        return r.times_seen
    return sum(1 for seen in r.seen_years if seen <= year)


def as_of_year_end(p: Projection, year: int) -> Projection:
    """The projection as it stood at the end of `year`: what every yearly figure is counted from.

    The one place that freezes a year: the yearly report's page, its PDF, its answers to
    Socialstyrelsen and oppna-data/statistik-<år>.json all count from this, so a published
    yearly report keeps its figures when the work goes on. Reports first noticed after the
    year are left out; every other report has the status it had at the year's end
    (status_at_year_end), its timeline up to then, the times it had been seen by then, and
    only the remedies dated up to then. The report pages show today's state instead.

    What the projection does not know cannot be frozen: a report without `historik` keeps
    its current status, and a report published after the year counts once it is published.
    """
    frozen = [
        replace(
            r,
            status=status_at_year_end(r, year),
            historik=[s for s in r.historik if s.year <= year],
            times_seen=times_seen_at_year_end(r, year),
            seen_years=tuple(seen for seen in r.seen_years if seen <= year),
            remedied_years=frozenset(y for y in r.remedied_years if y <= year),
        )
        for r in p.reports
        if r.year <= year
    ]
    return replace(p, reports=frozen)


def latest_year(p: Projection) -> int | None:
    """The latest year with at least one published deficiency: the start page's year."""
    return max((r.year for r in p.brister), default=None)


def per_year_and_level(p: Projection) -> list[tuple[int, dict[str, int]]]:
    """Deficiencies noticed each year, per level (every level, also empty), oldest year first.

    Every year from the first to the last, also one without any, so that a gap shows as a gap.
    """
    years = [r.year for r in p.brister]
    if not years:
        return []
    out = []
    for year in range(min(years), max(years) + 1):
        counts = count_by((r for r in p.brister if r.year == year), "nivå")
        out.append((year, {level: counts.get(level, 0) for level in p.vocabulary.levels}))
    return out
