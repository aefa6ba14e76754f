"""Statistics: year_stats, report_years and the helpers, checked against figures
counted here directly from the fixture records, never through stats.py.

The fixture (`make_content`) is shared with test_opendata and test_feeds: it has
a deficiency from 2024 remedied in 2025, two-category reports, a report in an
area too small to name, unpublished reports, and canary strings wherever the
public must not look.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from po_build.contract.vocabulary import CLOSED_STATUSES, Term, Vocabulary
from po_build.load.vocabulary import builtin_vocabulary
from po_build.model.records import Content, Report, Section, Step
from po_build.project.projection import Projection, project
from po_build.project.stats import (
    count_by,
    in_vocabulary_order,
    most_serious,
    open_reports,
    remedied_in,
    report_years,
    year_stats,
)

ORGANISATION = "Personliga ombud Exempellän"
CANARY = "KANARIE-7f3a"

# Every date of an event (datum, förekomster, historik) in the fixture. None may
# appear in public output; publicerad dates (PUBLISHED_DATES) may.
EVENT_DATES = [
    "2024-10-03", "2024-11-12", "2025-02-18", "2025-03-14", "2025-04-22", "2025-05-09",
    "2025-05-27", "2025-01-21", "2025-08-19", "2025-11-05", "2025-07-08", "2025-09-30",
    "2025-10-20", "2025-04-02", "2024-06-17", "2025-02-11", "2025-08-12",
]
PUBLISHED_DATES = ["2024-12-01", "2025-06-10", "2025-09-02", "2025-12-15", "2025-11-03",
                   "2024-08-20"]
UNPUBLISHED_IDS = ["B-2025-004", "P-2025-002"]

BRIST_SECTIONS = ("Beskrivning", "Orsaker", "Konsekvenser", "Förslag till åtgärder")


def d(text: str) -> date:
    return date.fromisoformat(text)


def vocabulary() -> Vocabulary:
    vocab = builtin_vocabulary()
    vocab.areas["norrby"] = Term("norrby", "Norrby kommun")
    vocab.areas["smaby"] = Term("smaby", "Småby kommun")
    return vocab


def brist(
    id: str,
    datum: str,
    nivå: str,
    kategorier: list[str],
    aktörer: list[str],
    allvarlighet: str,
    status: str,
    *,
    publicerad: str | None = None,
    historik: Sequence[tuple[str, str, str]] = (),
    förekomster: Sequence[str] = (),
    områden: Sequence[str] = (),
    rubrik: str | None = None,
    beskrivning: str = "Klienterna når inte sin handläggare per telefon.",
    **extra: Any,
) -> Report:
    sections = [Section(BRIST_SECTIONS[0], beskrivning)]
    sections += [Section(t, f"Text om {t.lower()}.") for t in BRIST_SECTIONS[1:]]
    body = "\n\n".join(f"## {s.title}\n\n{s.markdown}" for s in sections)
    return Report(
        id=id,
        typ="brist",
        rubrik=rubrik or f"Rubrik för bristen {id}",
        datum=d(datum),
        kategorier=list(kategorier),
        aktörer=list(aktörer),
        body=body,
        sections=sections,
        source=f"brister/{datum[:4]}/{id}-rapport.md",
        områden=list(områden),
        nivå=nivå,
        allvarlighet=allvarlighet,
        förekomster=[d(x) for x in förekomster],
        status=status,
        historik=[Step(d(when), st_, text) for when, st_, text in historik],
        publicera=publicerad is not None,
        publicerad=d(publicerad) if publicerad else None,
        **extra,
    )


def positiv(
    id: str,
    datum: str,
    kategorier: list[str],
    aktörer: list[str],
    *,
    publicerad: str | None = None,
    områden: Sequence[str] = (),
    rubrik: str | None = None,
    händelse: str = "Socialtjänsten och psykiatrin bjöd in till ett gemensamt möte.",
    **extra: Any,
) -> Report:
    sections = [Section("Händelse", händelse)]
    return Report(
        id=id,
        typ="positiv",
        rubrik=rubrik or f"Rubrik för händelsen {id}",
        datum=d(datum),
        kategorier=list(kategorier),
        aktörer=list(aktörer),
        body=f"## Händelse\n\n{händelse}\n",
        sections=sections,
        source=f"brister/{datum[:4]}/{id}-rapport.md",
        områden=list(områden),
        publicera=publicerad is not None,
        publicerad=d(publicerad) if publicerad else None,
        **extra,
    )


def intern(n: int) -> dict[str, Any]:
    return {"rapportör": f"{CANARY}-rapportor-{n}", "anteckningar": f"{CANARY}-anteckning-{n}"}


def reports() -> list[Report]:
    return [
        brist(
            "B-2024-001", "2024-10-03", "lokal", ["tillganglighet"], ["forsakringskassan"],
            "hög", "åtgärdad", publicerad="2024-12-01",
            historik=[("2024-10-03", "upptäckt", ""), ("2024-11-12", "påtalad", ""),
                      ("2025-02-18", "åtgärdad", "Fasta telefontider infördes.")],
            intern=intern(1),
        ),
        brist(
            "B-2025-001", "2025-03-14", "lokal", ["tillganglighet", "samordning"],
            ["forsakringskassan", "socialtjansten"], "hög", "påtalad",
            publicerad="2025-06-10", områden=["norrby"],
            förekomster=["2025-04-22", "2025-05-09"],
            historik=[("2025-03-14", "upptäckt", ""),
                      ("2025-05-27", "påtalad", "Lyft i styrgruppen.")],
            rubrik="Handläggare går inte att nå per telefon",
            beskrivning="Klienterna **når inte** sin [handläggare](https://example.org/x) "
            "per telefon och får inga svar på meddelanden.",
            mottagare=["Styrgruppen"], relaterade=["P-2025-001"], tema="Tillgänglighet",
            intern=intern(2),
        ),
        brist(
            "B-2025-002", "2025-01-21", "individ", ["bemotande"], ["psykiatrin"],
            "medel", "åtgärdad", publicerad="2025-09-02", områden=["norrby", "smaby"],
            historik=[("2025-01-21", "upptäckt", ""), ("2025-08-19", "åtgärdad", "")],
            rubrik="+Bemötandet på akutmottagningen brister",
            mottagare=["=HYPERLINK(\"http://evil.example\")", "@chef", "-Verksamhetschef",
                       "Psykiatrins ledning"],
            intern=intern(3),
        ),
        brist(
            "B-2025-003", "2025-11-05", "nationell", ["regelverk", "samordning"], ["staten"],
            "låg", "upptäckt", publicerad="2025-12-15", områden=["norrby"],
            intern=intern(4),
        ),
        brist(
            "B-2025-004", "2025-02-11", "lokal", ["resurser"], ["kronofogden"],
            "hög", "analyserad", rubrik=f"{CANARY} opublicerad brist",
            beskrivning=f"{CANARY} i en opublicerad text.", intern=intern(5),
        ),
        brist(
            "B-2025-005", "2025-07-08", "nationell", ["resurser"], ["forsakringskassan"],
            "hög", "kvarstår", publicerad="2025-11-03",
            förekomster=["2025-08-12"],
            historik=[("2025-07-08", "upptäckt", ""), ("2025-09-30", "påtalad", ""),
                      ("2025-10-20", "kvarstår", "Ingen åtgärd trots påtalande.")],
            relaterade=["B-2025-004", "P-2025-001"], intern=intern(6),
        ),
        positiv(
            "P-2025-001", "2025-04-02", ["samordning"], ["socialtjansten", "psykiatrin"],
            publicerad="2025-06-10", områden=["norrby"], relaterade=["B-2025-001"],
            intern=intern(7),
        ),
        positiv(
            "P-2024-001", "2024-06-17", ["lilla-extra"], ["primarvarden"],
            publicerad="2024-08-20", intern=intern(8),
        ),
        positiv(
            "P-2025-002", "2025-02-11", ["helhetssyn"], ["boendestod"],
            rubrik=f"{CANARY} opublicerad händelse", händelse=f"{CANARY} i händelsen.",
            intern=intern(9),
        ),
    ]


def make_content(items: list[Report] | None = None) -> Content:
    return Content(reports=reports() if items is None else items, years=[],
                   vocabulary=vocabulary())


def public(content: Content | None = None) -> Projection:
    return project(content or make_content(), "public", organisation=ORGANISATION,
                   region="Exempellän", k=3)


# ---------------------------------------------------------------------------
# Expected figures, counted straight from the records.


def expected_stats(items: list[Report], year: int, vocab: Vocabulary) -> dict[str, Any]:
    published = [r for r in items if r.publicera]
    totalt = 0
    nivå: dict[str, int] = {}
    status: dict[str, int] = {}
    kategori: dict[str, int] = {}
    aktör: dict[str, int] = {}
    åtgärdade = 0
    öppna = 0
    positiva = 0
    for r in published:
        if r.typ == "positiv":
            if r.datum.year == year:
                positiva += 1
            continue
        if any(s.status == "åtgärdad" and s.datum.year == year for s in r.historik):
            åtgärdade += 1
        if r.datum.year != year:
            continue
        totalt += 1
        nivå[r.nivå] = nivå.get(r.nivå, 0) + 1
        # As the year ended: the last step dated in it or before; without steps, the status.
        steps = [s for s in r.historik if s.datum.year <= year]
        at_end = steps[-1].status if steps else (r.status if not r.historik else None)
        if at_end is not None:
            status[at_end] = status.get(at_end, 0) + 1
            öppna += at_end not in CLOSED_STATUSES
        for c in set(r.kategorier):
            kategori[c] = kategori.get(c, 0) + 1
        for a in set(r.aktörer):
            aktör[a] = aktör.get(a, 0) + 1

    def ordered(counts: dict[str, int], terms: dict[str, Any]) -> dict[str, int]:
        return {k: counts[k] for k in terms if k in counts}

    return {
        "år": year,
        "läge_vid": "årets slut",
        "brister": {
            "totalt": totalt,
            "per_nivå": ordered(nivå, vocab.levels),
            "per_status": ordered(status, vocab.statuses),
            "per_kategori": ordered(kategori, vocab.categories),
            "per_aktör": ordered(aktör, vocab.actors),
            "åtgärdade_under_året": åtgärdade,
            "öppna_vid_årets_slut": öppna,
        },
        "positiva": {"totalt": positiva},
    }


@pytest.mark.parametrize("year", [2023, 2024, 2025, 2026])
def test_year_stats_match_an_independent_count(year: int) -> None:
    items = reports()
    got = year_stats(public(make_content(items)), year)
    want = expected_stats(items, year, vocabulary())
    assert got == want
    # Key order is part of the published shape, not only the values.
    assert list(got) == ["år", "läge_vid", "brister", "positiva"]
    assert list(got["brister"]) == ["totalt", "per_nivå", "per_status", "per_kategori",
                                    "per_aktör", "åtgärdade_under_året", "öppna_vid_årets_slut"]
    for key in ("per_nivå", "per_status", "per_kategori", "per_aktör"):
        assert list(got["brister"][key]) == list(want["brister"][key])


def test_year_stats_2025_by_hand() -> None:
    """The same figures written out, so a shared mistake in both counts still shows."""
    got = year_stats(public(), 2025)
    assert got == {
        "år": 2025,
        "läge_vid": "årets slut",
        "brister": {
            "totalt": 4,  # B-2025-004 is not published
            "per_nivå": {"individ": 1, "lokal": 1, "nationell": 2},
            "per_status": {"upptäckt": 1, "påtalad": 1, "åtgärdad": 1, "kvarstår": 1},
            "per_kategori": {"bemotande": 1, "samordning": 2, "tillganglighet": 1,
                             "resurser": 1, "regelverk": 1},
            "per_aktör": {"forsakringskassan": 2, "socialtjansten": 1, "psykiatrin": 1,
                          "staten": 1},
            # B-2024-001 (from 2024) and B-2025-002, both remedied in 2025.
            "åtgärdade_under_året": 2,
            "öppna_vid_årets_slut": 3,  # all but the remedied one
        },
        "positiva": {"totalt": 1},
    }
    assert list(got["brister"]["per_status"]) == ["upptäckt", "påtalad", "åtgärdad", "kvarstår"]
    assert list(got["brister"]["per_kategori"]) == [
        "bemotande", "samordning", "tillganglighet", "resurser", "regelverk"
    ]


def test_remedied_counts_in_the_year_of_the_step_not_of_the_report() -> None:
    p = public()
    assert year_stats(p, 2024)["brister"]["åtgärdade_under_året"] == 0
    assert year_stats(p, 2024)["brister"]["totalt"] == 1
    assert [r.id for r in remedied_in(p.reports, 2025)] == ["B-2025-002", "B-2024-001"]
    assert remedied_in(p.reports, 2024) == []


def test_unpublished_reports_are_not_counted_but_are_internally() -> None:
    content = make_content()
    pub = year_stats(public(content), 2025)
    internal = year_stats(project(content, "intern", organisation=ORGANISATION), 2025)
    assert pub["brister"]["totalt"] == 4
    assert "kronofogden" not in pub["brister"]["per_aktör"]
    assert internal["brister"]["totalt"] == 5
    assert internal["brister"]["per_aktör"]["kronofogden"] == 1
    assert internal["positiva"]["totalt"] == 2


def test_report_years() -> None:
    assert report_years(public()) == [2024, 2025]
    only_unpublished = [r for r in reports() if not r.publicera]
    assert report_years(public(make_content(only_unpublished))) == []
    assert year_stats(public(make_content([])), 2025)["brister"]["per_nivå"] == {}


def test_count_by_counts_each_report_once_per_value() -> None:
    p = public()
    assert count_by(p.brister, "kategorier") == Counter(
        {"tillganglighet": 2, "samordning": 2, "bemotande": 1, "regelverk": 1, "resurser": 1}
    )
    assert count_by(p.brister, "nivå") == Counter({"lokal": 2, "nationell": 2, "individ": 1})
    assert count_by(p.positiva, "nivå") == Counter()
    # norrby is named (4 published 2025 reports share it), smaby (one report) is
    # generalised: B-2025-002 has both, and counts once in each of norrby and region.
    assert count_by(p.reports, "områden") == Counter({"norrby": 4, "region": 1})
    with pytest.raises(ValueError, match="unknown attribute"):
        count_by(p.reports, "rubrik")


def test_in_vocabulary_order_drops_zero_and_puts_unknown_last() -> None:
    terms = {"b": 1, "a": 1, "c": 1}
    assert list(in_vocabulary_order({"zz": 1, "c": 2, "a": 0, "b": 5, "y": 3}, terms)) == [
        "b", "c", "y", "zz"
    ]


def test_open_reports() -> None:
    p = public()
    got = sorted(r.id for r in open_reports(p.reports))
    want = sorted(r.id for r in reports()
                  if r.publicera and r.typ == "brist" and r.status not in CLOSED_STATUSES)
    assert got == want == ["B-2025-001", "B-2025-003", "B-2025-005"]


def test_most_serious_orders_by_severity_then_times_seen_then_id() -> None:
    items = [
        brist("B-2025-010", "2025-02-01", "lokal", ["resurser"], ["lss"], "medel", "upptäckt",
              publicerad="2025-06-01", förekomster=["2025-03-01"] * 5),
        brist("B-2025-011", "2025-02-01", "lokal", ["resurser"], ["lss"], "hög", "upptäckt",
              publicerad="2025-06-01"),
        brist("B-2025-012", "2025-02-01", "lokal", ["resurser"], ["lss"], "hög", "upptäckt",
              publicerad="2025-06-01", förekomster=["2025-03-01"]),
        brist("B-2025-013", "2025-02-01", "lokal", ["resurser"], ["lss"], "hög", "upptäckt",
              publicerad="2025-06-01"),
        brist("B-2025-014", "2025-02-01", "lokal", ["resurser"], ["lss"], "låg", "upptäckt",
              publicerad="2025-06-01", förekomster=["2025-03-01"] * 9),
        brist("B-2024-015", "2024-02-01", "nationell", ["regelverk"], ["staten"], "hög",
              "upptäckt", publicerad="2025-06-01"),
        brist("B-2025-016", "2025-02-01", "individ", ["bemotande"], ["lss"], "låg", "upptäckt",
              publicerad="2025-06-01"),
        brist("B-2025-017", "2025-02-01", "lokal", ["resurser"], ["lss"], "hög", "upptäckt"),
    ]
    p = public(make_content(items))
    got = {level: [r.id for r in rs] for level, rs in most_serious(p.reports, 2025).items()}
    assert got == {
        "individ": [],  # only a low-severity one
        "lokal": ["B-2025-012", "B-2025-011", "B-2025-013"],  # B-2025-010 (medel) is 4th
        "nationell": [],  # B-2024-015 is from 2024
    }
    assert list(got) == ["individ", "lokal", "nationell"]
    four = most_serious(p.reports, 2025, per_level=4)["lokal"]
    assert [r.id for r in four] == ["B-2025-012", "B-2025-011", "B-2025-013", "B-2025-010"]
    assert [r.id for r in most_serious(p.reports, 2024)["nationell"]] == ["B-2024-015"]


# ---------------------------------------------------------------------------
# Property: for any set of reports, the figures equal an independent count.

_LEVEL_CATS = {
    "individ": ["bemotande", "metod", "samordning"],
    "lokal": ["organisation", "resurser", "samordning"],
    "nationell": ["regelverk", "resurser"],
}
_ACTORS = ["forsakringskassan", "socialtjansten", "psykiatrin", "staten"]
_STATUSES = ["upptäckt", "påtalad", "åtgärdad", "uppföljd", "kvarstår"]


@st.composite
def random_report(draw: st.DrawFn, n: int) -> Report:
    start = date(2023, 1, 1)
    datum = start + timedelta(days=draw(st.integers(0, 3 * 365)))
    published = draw(st.booleans())
    if draw(st.booleans()):
        level = draw(st.sampled_from(sorted(_LEVEL_CATS)))
        remedied = start + timedelta(days=draw(st.integers(0, 4 * 365)))
        historik = [(datum.isoformat(), "upptäckt", "")]
        if remedied >= datum and draw(st.booleans()):
            historik.append((remedied.isoformat(), "åtgärdad", ""))
        return brist(
            f"B-{datum.year}-{n:03d}", datum.isoformat(), level,
            draw(st.lists(st.sampled_from(_LEVEL_CATS[level]), min_size=1, max_size=3,
                          unique=True)),
            draw(st.lists(st.sampled_from(_ACTORS), min_size=1, max_size=3, unique=True)),
            draw(st.sampled_from(["låg", "medel", "hög"])),
            historik[-1][1] if len(historik) > 1 else draw(st.sampled_from(_STATUSES)),
            publicerad="2026-06-01" if published else None,
            historik=historik,
        )
    return positiv(f"P-{datum.year}-{n:03d}", datum.isoformat(), ["samordning"],
                   draw(st.lists(st.sampled_from(_ACTORS), min_size=1, unique=True)),
                   publicerad="2026-06-01" if published else None)


@st.composite
def report_sets(draw: st.DrawFn) -> list[Report]:
    size = draw(st.integers(0, 12))
    return [draw(random_report(n)) for n in range(1, size + 1)]


@settings(max_examples=60, deadline=None)
@given(report_sets())
def test_year_stats_property(items: list[Report]) -> None:
    p = public(make_content(items))
    vocab = vocabulary()
    for year in (2023, 2024, 2025, 2026):
        assert year_stats(p, year) == expected_stats(items, year, vocab)
    assert report_years(p) == sorted({r.datum.year for r in items if r.publicera})
