"""Every open-data file, once: its path, format, link text, description and how it is made.

The files themselves, their list in `oppna-data/index.json` and the links on the open-data
page all come from `data_files`, so a file cannot be published without being listed, or
listed without being published.

Open data is for the public: an internal projection has none (the internal site is for the
steering group's eyes, and a file copied out of it should not travel as "open data").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from po_build.contract.options import PositiveSelection
from po_build.contract.schema import build_schema
from po_build.outputs.documents import document_page
from po_build.outputs.opendata.records import brister_csv, brister_json, json_bytes, positiva_json
from po_build.outputs.pages import PageSettings, PageSpec
from po_build.outputs.paths import (
    BRISTER_CSV,
    BRISTER_JSON,
    INDEX_JSON,
    MAIN_FEED,
    POSITIVA_JSON,
    SCHEMA_PATH,
    applicants_path,
    socialstyrelsen_path,
    stats_path,
)
from po_build.outputs.yearly.document import documents
from po_build.outputs.yearly.sections import sokande_open_data
from po_build.outputs.yearly.socialstyrelsen import socialstyrelsen_csv
from po_build.project.projection import Projection
from po_build.project.stats import report_years, year_stats


@dataclass(frozen=True)
class DataFile:
    path: str  # relative to the site root
    media_type: str
    link_title: str  # on the open-data page
    description: str  # in index.json
    make: Callable[[], bytes] | None  # None: written by another output (the Atom feed)


def data_files(p: Projection, positive: PositiveSelection = "alla") -> list[DataFile]:
    if p.internal:
        return []
    files = [
        DataFile(BRISTER_JSON, "application/json", "Brister (JSON)",
                 "Alla publicerade brister: rubrik, år och månad, nivå, kategorier, aktörer, "
                 "områden, allvarlighet, status med historik, mottagare och relaterade "
                 "rapporter. Värdena är id:n; 'etiketter' ger deras svenska namn.",
                 lambda: brister_json(p)),
        DataFile(BRISTER_CSV, "text/csv", "Brister (CSV för kalkylprogram)",
                 "Samma brister som brister.json, en rad per brist, för kalkylprogram: "
                 "semikolonseparerad, UTF-8 med BOM, listor åtskilda med |.",
                 lambda: brister_csv(sorted(p.brister, key=lambda r: r.id))),
        DataFile(POSITIVA_JSON, "application/json", "Positiva händelser (JSON)",
                 "Alla publicerade positiva händelser: rubrik, år och månad, kategorier, "
                 "aktörer, områden och relaterade rapporter.",
                 lambda: positiva_json(p)),
    ]
    for year in report_years(p):
        files.append(DataFile(
            stats_path(year), "application/json", f"Statistik {year} (JSON)",
            f"Statistik för {year}: brister per nivå, status, kategori och aktör, "
            "brister åtgärdade under året och antal positiva händelser.",
            partial(_stats, p, year)))
    docs = sorted(documents(p, positive=positive), key=lambda d: d.year)
    for doc in docs:
        files.append(DataFile(
            socialstyrelsen_path(doc.year), "text/csv", f"Svar till Socialstyrelsen {doc.year} (CSV)",
            f"Svaren på Socialstyrelsens frågor för {doc.year}: rutiner, antal brister per nivå, "
            "de allvarligaste per nivå och de som åtgärdats under året.",
            partial(socialstyrelsen_csv, p, doc)))
    for y in sorted(p.years, key=lambda y: y.år):
        data = sokande_open_data(p, y.år)
        if data is not None:
            files.append(DataFile(
                applicants_path(y.år), "application/json", f"Sökande {y.år}, skyddat mot små tal (JSON)",
                f"Hur många som sökte personligt ombud {y.år} och hur de kom i kontakt; ett litet "
                "antal visas inte (\"skyddad\": true).",
                partial(json_bytes, data)))
    files += [
        DataFile(SCHEMA_PATH, "application/schema+json", "Fältens schema (JSON Schema)",
                 "JSON Schema för de inledande fälten (front matter) i en rapport: vilka fält "
                 "som finns, vad de betyder och vilka värden som är tillåtna.",
                 lambda: json_bytes(build_schema(p.vocabulary))),
        DataFile(MAIN_FEED, "application/atom+xml", "Nya rapporter (Atom-flöde)",
                 "Nya och ändrade rapporter som Atom-flöde, för en nyhetsläsare.", None),
    ]
    return files


def _stats(p: Projection, year: int) -> bytes:
    return json_bytes(year_stats(p, year))


def open_data_files(p: Projection, positive: PositiveSelection = "alla") -> dict[str, bytes]:
    """Every open-data file this module makes, and the index that lists all of them."""
    files = data_files(p, positive)
    if not files:
        return {}
    out = {f.path: f.make() for f in files if f.make is not None}
    out[INDEX_JSON] = json_bytes({
        "organisation": p.organisation,
        "beskrivning": "Öppna data om systembrister och positiva händelser som "
        "styrgruppen har beslutat att publicera. Händelser anges med år och månad, "
        "aldrig med exakt datum.",
        "filer": [{"fil": f.path, "format": f.media_type, "beskrivning": f.description} for f in files],
    })
    return out


def open_data_pages(p: Projection, settings: PageSettings) -> list[PageSpec]:
    links = [(f.path, f.link_title) for f in data_files(p, settings.positive)]
    if not links:
        return []
    return [document_page("oppna-data/index.md", "oppna-data.md", links)]
