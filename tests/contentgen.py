"""Synthetic content trees for end-to-end tests and benchmarks.

Deterministic: the same arguments give the same files. Every internal field and
every unpublished report can carry a canary, and every event date is unique, so
a test can prove that none of them reaches a public output file.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

LEVEL_CATEGORIES = {
    "individ": ["bemotande", "metod", "kunskap", "samordning", "tillganglighet"],
    "lokal": ["organisation", "mal-styrning", "gransdragning", "resurser", "digitalisering",
              "samordning"],
    "nationell": ["regelverk", "resurser", "digitalisering", "gransdragning", "varderingar"],
}
ACTORS = ["forsakringskassan", "arbetsformedlingen", "socialtjansten", "psykiatrin",
          "primarvarden", "kronofogden", "boendestod", "lss", "overformyndare"]
PATHS = [
    ["upptäckt"],
    ["upptäckt", "analyserad", "påtalad"],
    ["upptäckt", "analyserad", "påtalad", "beslutad", "pågår", "åtgärdad"],
    ["upptäckt", "analyserad", "påtalad", "beslutad", "pågår", "åtgärdad", "uppföljd"],
    ["upptäckt", "analyserad", "påtalad", "kvarstår"],
    ["upptäckt", "analyserad", "avslutad"],
]
POSITIVE_CATEGORIES = ["bemotande", "samordning", "tillganglighet", "aterkoppling", "helhetssyn",
                       "lilla-extra"]
PUBLISHED = date(2026, 6, 1)
AREAS = {"norrby": "Norrby kommun", "sjovik": "Sjöviks kommun", "granasa": "Granåsa kommun"}

BODY_BRIST = """
## Beskrivning

Handläggare går inte att nå per telefon under ordinarie telefontid. Ombuden har sett det
upprepade gånger under perioden, och klienterna ger ofta upp efter flera försök.
{extra}

## Orsaker

Telefontiden är kort och samtal kopplas inte vidare när handläggaren är upptagen.

## Konsekvenser

Klienterna missar frister och får svårt att lämna underlag i tid.

## Förslag till åtgärder

- Inför återuppringning inom två arbetsdagar.
- Ge ombuden ett direktnummer till en funktionsbrevlåda.
"""

BODY_POSITIV = """
## Händelse

Handläggaren ringde upp samma dag och förklarade beslutet lugnt och tydligt. {extra}

## Varför det fungerade

Det fanns en rutin för återuppringning och tid avsatt för samtalet.
"""


YEAR_INDEX = """---
år: {year}
titel: Årsrapport {year} – Testorganisation
tema: Digitalt utanförskap
ombud: 4.5
sökande:
  totalt: 64
  själv: 33
  anhörig: 17
  myndighet: 13
  övriga: 1
publicera: true
---

Förordet till årsrapporten. Året har präglats av digitala tjänster utan alternativ.
"""

YEAR_CHAPTER = """---
rubrik: Så arbetar vi med systembrister
ordning: 1
---

## Rutiner för identifierade brister

- Varje brist beskrivs på en egen sida.
- Styrgruppen går igenom bristerna vid varje möte.

## Årets siffror

<!-- po: nyckeltal -->

## Sökande

<!-- po: sokande -->

## Brister per nivå

<!-- po: per-niva -->

## De allvarligaste bristerna

<!-- po: allvarligaste -->

## Åtgärdat under året

<!-- po: atgardade -->

## Återkommande brister

<!-- po: aterkommande -->

## Positiva händelser

<!-- po: positiva -->

## Redovisning till Socialstyrelsen

<!-- po: socialstyrelsen -->
"""


@dataclass
class Generated:
    root: Path
    canaries: list[str] = field(default_factory=list)
    event_dates: list[date] = field(default_factory=list)
    published: list[str] = field(default_factory=list)
    unpublished: list[str] = field(default_factory=list)


def write_tree(
    root: Path,
    n: int,
    *,
    positive_share: float = 0.2,
    unpublished_share: float = 0.15,
    canaries: bool = False,
    seed: int = 7,
    start: date = date(2023, 1, 2),
    events_per_day: int = 1,
    mkdocs_yml: bool = True,
    years: int | None = None,
    yearly_reports: bool = False,
) -> Generated:
    """Write n reports (plus vocabulary and start page) under root/content/.

    `years` spreads the reports' dates evenly over that many years from `start` (each
    report's later events follow on the next days, so dates may repeat); `yearly_reports`
    adds a published yearly report, with every marker, for each year that has reports.
    """
    rng = random.Random(seed)
    content = root / "content"
    (content / "brister").mkdir(parents=True, exist_ok=True)
    (content / "index.md").write_text("# Testorganisation\n\nEn påhittad organisation.\n", "utf-8")
    vocab = "områden:\n" + "".join(f"  {k}: {v}\n" for k, v in AREAS.items())
    (content / "vokabular.yml").write_text(vocab, "utf-8")
    out = Generated(root)
    counters: dict[tuple[str, int], int] = {}
    # With events_per_day=1 every event date is unique, so a leak can be told apart.
    day = start
    calls = 0

    def next_day() -> date:
        nonlocal day, calls
        calls += 1
        if calls % events_per_day == 0:
            day += timedelta(days=1)
        out.event_dates.append(day)
        return day

    for i in range(n):
        positive = rng.random() < positive_share
        publish = rng.random() >= unpublished_share
        if years is not None:
            day = start + timedelta(days=i * 365 * years // max(1, n))
            calls = -1  # the next next_day() moves on a day: this report's own events follow it
            out.event_dates.append(day)
            datum = day
        else:
            datum = next_day()
        year = datum.year
        kind = "positiv" if positive else "brist"
        counters[(kind, year)] = counters.get((kind, year), 0) + 1
        report_id = f"{'P' if positive else 'B'}-{year}-{counters[(kind, year)]:03d}"
        canary = f"KANARIE{i:05d}X" if canaries else ""
        lines = [
            "---",
            f"id: {report_id}",
            f"typ: {kind}",
            f"rubrik: Rapport nummer {i} om tillgänglighet hos myndigheten"
            + (f" {canary}" if canaries and not publish else ""),
            f"datum: {datum.isoformat()}",
        ]
        if positive:
            lines += [
                f"kategorier: [{rng.choice(POSITIVE_CATEGORIES)}]",
                f"aktörer: [{rng.choice(ACTORS)}]",
            ]
        else:
            level = rng.choice(list(LEVEL_CATEGORIES))
            cats = rng.sample(LEVEL_CATEGORIES[level], k=rng.choice([1, 2]))
            actors = rng.sample(ACTORS, k=rng.choice([1, 1, 2]))
            path = rng.choice(PATHS)
            lines += [
                f"nivå: {level}",
                f"kategorier: [{', '.join(cats)}]",
                f"aktörer: [{', '.join(actors)}]",
                f"allvarlighet: {rng.choice(['låg', 'medel', 'hög'])}",
                f"status: {path[-1]}",
                "historik:",
            ]
            lines.append(f"  - {{datum: {datum.isoformat()}, status: {path[0]}}}")
            for status in path[1:]:
                lines.append(f"  - {{datum: {next_day().isoformat()}, status: {status}}}")
            if rng.random() < 0.3:
                lines.append("förekomster:")
                for _ in range(rng.randint(1, 3)):
                    lines.append(f"  - {next_day().isoformat()}")
        if rng.random() < 0.5:
            lines.append(f"områden: [{rng.choice(list(AREAS))}]")
        if publish:
            # Publication dates lie after every event date, so they never equal one.
            lines += ["publicera: true", f"publicerad: {(PUBLISHED + timedelta(days=i % 20)).isoformat()}"]
        if canaries:
            lines += ["intern:", f"  rapportör: Ombud A {canary}R", f"  anteckningar: {canary}N"]
        lines.append("---")
        extra = f"Intern kanariefågel {canary}." if canaries and not publish else ""
        body = (BODY_POSITIV if positive else BODY_BRIST).format(extra=extra)
        folder = content / "brister" / str(year)
        folder.mkdir(exist_ok=True)
        (folder / f"{report_id}-rapport-{i}.md").write_text("\n".join(lines) + "\n" + body, "utf-8")
        if canary:
            out.canaries += [f"{canary}R", f"{canary}N"] + ([canary] if not publish else [])
        (out.published if publish else out.unpublished).append(report_id)
    if day >= PUBLISHED:
        raise ValueError("för många händelser för datumintervallet – öka events_per_day")
    if yearly_reports:
        for year in sorted({int(f.parent.name) for f in (content / "brister").glob("*/*.md")}):
            folder = content / "arsrapport" / str(year)
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "index.md").write_text(YEAR_INDEX.format(year=year), "utf-8")
            (folder / "01-arbetet.md").write_text(YEAR_CHAPTER, "utf-8")
    if mkdocs_yml:
        (root / "mkdocs.yml").write_text(
            "site_name: Test\nsite_url: https://test.example/\ndocs_dir: content\n"
            "theme:\n  name: material\n  language: sv\n"
            "plugins:\n  search:\n    lang: sv\n  po:\n    organisation: Testorganisation\n"
            "    region: Testlän\n",
            "utf-8",
        )
    return out
