"""Every open-data file, once: its path, format, link text, description and how it is made.

The files themselves, their list in `oppna-data/index.json` and the links on the open-data
page all come from `data_files`, so a file cannot be published without being listed, or
listed without being published.

Open data is for the public: an internal projection has none (the internal site is for the
steering group's eyes, and a file copied out of it should not travel as "open data").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from po_build.contract.options import PositiveSelection
from po_build.contract.schema import build_schema
from po_build.outputs.documents import document_page
from po_build.outputs.feeds import feed_links
from po_build.outputs.opendata.fields import (
    APPLICANT_FIELDS,
    HEADER_FIELDS,
    INDEX_FIELDS,
    STATS_FIELDS,
    Field,
    brist_fields,
    positiv_fields,
    socialstyrelsen_fields,
)
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
    changes: str = ""  # how often the file changes, on the open-data page and in index.json
    fields: list[Field] = field(default_factory=list)  # what its fields mean, on the open-data page
    record_fields: list[Field] = field(default_factory=list)  # the fields of each record in it
    # Files of one kind, one per year, share one entry on the open-data page: its title and text.
    series: tuple[str, str] | None = None


@dataclass(frozen=True)
class PageEntry:
    """One file, or one series of yearly files, on the open-data page."""

    title: str
    description: str
    files: list[DataFile]

    @property
    def first(self) -> DataFile:
        return self.files[0]


# How often a file changes: the same promise on the page and in index.json, as strong as the code.
ON_PUBLISH = ("När styrgruppen publicerar en rapport eller en publicerad rapport ändras, till exempel "
              "får en ny status. Filen görs om vid varje bygge, men ser likadan ut så länge inget har ändrats.")
YEAR_END = ("Siffrorna räknas som läget var vid årets slut (status vid årets slut, gånger till och med "
            "året), så det som händer med bristerna efter året ändrar dem inte. Under året ändras filen när "
            "arbetet med bristerna går vidare. Efter årets slut ändras den bara om styrgruppen publicerar en "
            "rapport från året i efterhand, om en publicerad rapport rättas, eller om en brist utan historik "
            "byter status (den räknas med sin nuvarande status, eftersom det inte finns något datum att gå efter).")
LICENCES = {
    "CC0 1.0": ("https://creativecommons.org/publicdomain/zero/1.0/deed.sv",
                "Ni får använda, ändra och sprida uppgifterna fritt, även kommersiellt, utan att fråga "
                "och utan att ange källan."),
    "CC BY 4.0": ("https://creativecommons.org/licenses/by/4.0/deed.sv",
                  "Ni får använda, ändra och sprida uppgifterna fritt, även kommersiellt, så länge ni "
                  "anger källan."),
}
DEFAULT_LICENCE = "CC0 1.0"


def data_files(p: Projection, positive: PositiveSelection = "alla") -> list[DataFile]:
    if p.internal:
        return []
    files = [
        DataFile(BRISTER_JSON, "application/json", "Brister (JSON)",
                 "Alla publicerade brister: rubrik, år och månad, nivå, kategorier, aktörer, "
                 "områden, allvarlighet, status med historik, mottagare och relaterade "
                 "rapporter. Värdena är id:n; 'etiketter' ger deras svenska namn.",
                 lambda: brister_json(p), ON_PUBLISH,
                 [*HEADER_FIELDS, Field("brister", "En post per brist, med fälten nedan."),
                  Field("etiketter", "Det svenska namnet för varje id i filen, per fält.")],
                 brist_fields(p.vocabulary)),
        DataFile(BRISTER_CSV, "text/csv", "Brister (CSV för kalkylprogram)",
                 "Samma brister som brister.json, en rad per brist, för kalkylprogram: "
                 "semikolonseparerad, UTF-8 med BOM, listor åtskilda med |.",
                 lambda: brister_csv(sorted(p.brister, key=lambda r: r.id)), ON_PUBLISH,
                 [], brist_fields(p.vocabulary)),
        DataFile(POSITIVA_JSON, "application/json", "Positiva händelser (JSON)",
                 "Alla publicerade positiva händelser: rubrik, år och månad, kategorier, "
                 "aktörer, områden och relaterade rapporter.",
                 lambda: positiva_json(p), ON_PUBLISH,
                 [*HEADER_FIELDS, Field("positiva", "En post per positiv händelse, med fälten nedan."),
                  Field("etiketter", "Det svenska namnet för varje id i filen, per fält.")],
                 positiv_fields(p.vocabulary)),
    ]
    for year in report_years(p):
        files.append(DataFile(
            stats_path(year), "application/json", f"Statistik {year} (JSON)",
            f"Statistik för {year}, som läget var vid årets slut: brister per nivå, status, kategori "
            "och aktör, brister åtgärdade under året och antal positiva händelser.",
            partial(_stats, p, year), YEAR_END, STATS_FIELDS,
            series=("Statistik per år (JSON)", "Statistiken för ett år, som läget var vid årets slut: brister "
                    "per nivå, status, kategori och aktör, brister åtgärdade under året och antal positiva "
                    "händelser. En fil för varje år med minst en publicerad rapport.")))
    docs = sorted(documents(p, positive=positive), key=lambda d: d.year)
    for doc in docs:
        files.append(DataFile(
            socialstyrelsen_path(doc.year), "text/csv", f"Svar till Socialstyrelsen {doc.year} (CSV)",
            f"Svaren på Socialstyrelsens frågor för {doc.year}: rutiner, antal brister per nivå, "
            "de allvarligaste per nivå och de som åtgärdats under året.",
            partial(socialstyrelsen_csv, p, doc),
            "Som årsrapporten: svaren gäller läget vid årets slut och ändras inte av det som händer senare.",
            socialstyrelsen_fields(),
            series=("Svar till Socialstyrelsen per år (CSV)", "Svaren på Socialstyrelsens årliga frågor: "
                    "rutiner, antal brister per nivå, de allvarligaste per nivå och de som åtgärdats under "
                    "året, en rad per svar. En fil för varje publicerad årsrapport.")))
    for y in sorted(p.years, key=lambda y: y.år):
        data = sokande_open_data(p, y.år)
        if data is not None:
            files.append(DataFile(
                applicants_path(y.år), "application/json", f"Sökande {y.år}, skyddat mot små tal (JSON)",
                f"Hur många som sökte personligt ombud {y.år} och hur de kom i kontakt; ett litet "
                "antal visas inte (\"skyddad\": true).",
                partial(json_bytes, data), "När årsrapportens uppgifter om sökande ändras.", APPLICANT_FIELDS,
                series=("Sökande per år, skyddat mot små tal (JSON)", "Hur många som sökte personligt ombud "
                        "under året och hur de kom i kontakt. Ett litet antal visas inte (\"skyddad\": true). "
                        "En fil för varje årsrapport som anger sökande.")))
    files += [
        DataFile(SCHEMA_PATH, "application/schema+json", "Fältens schema (JSON Schema)",
                 "JSON Schema för de inledande fälten (front matter) i en rapport: vilka fält "
                 "som finns, vad de betyder och vilka värden som är tillåtna.",
                 lambda: json_bytes(build_schema(p.vocabulary)),
                 "När po-build uppdateras eller organisationen ändrar sin vokabulär."),
    ]
    if any(path == MAIN_FEED for _, path in feed_links(p)):
        files.append(DataFile(MAIN_FEED, "application/atom+xml", "Nya rapporter (Atom-flöde)",
                              "Nya och ändrade rapporter som Atom-flöde, för en nyhetsläsare.", None,
                              "Varje gång styrgruppen publicerar en rapport."))
    return files


def _stats(p: Projection, year: int) -> bytes:
    return json_bytes(year_stats(p, year))


def open_data_files(p: Projection, positive: PositiveSelection = "alla",
                    licence: str = DEFAULT_LICENCE) -> dict[str, bytes]:
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
        "licens": licence,
        "filer": [{"fil": f.path, "format": f.media_type, "beskrivning": f.description, "ändras": f.changes}
                  for f in files],
    })
    return out


def open_data_pages(p: Projection, settings: PageSettings) -> list[PageSpec]:
    files = data_files(p, settings.positive)
    if not files:
        return []
    index = DataFile(INDEX_JSON, "application/json", "Förteckning över filerna (JSON)",
                     "Alla filerna på den här sidan, med format, beskrivning och hur ofta de ändras.",
                     None, "När en fil kommer till eller tas bort.", INDEX_FIELDS)
    doc = document_page("oppna-data/index.md", "oppna-data.md")
    url, explanation = LICENCES.get(settings.licence, ("", ""))
    doc.template = "oppna-data.html"
    entries: list[PageEntry] = []
    for f in [*files, index]:
        if f.series is not None and entries and entries[-1].first.series == f.series:
            entries[-1].files.append(f)
        else:
            title, text = f.series or (f.link_title, f.description)
            entries.append(PageEntry(title, text, [f]))
    doc.context.update({"files": [*files, index], "entries": entries, "licence": settings.licence, "licence_url": url,
                        "licence_text": explanation})
    doc.toc = [("ladda-ner", "Ladda ner"), *doc.toc, ("licens", "Licens"), ("filerna", "Filerna")]
    return [doc]
