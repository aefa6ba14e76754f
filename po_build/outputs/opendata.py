"""Open data: the published reports and the yearly figures as JSON and CSV.

Made from a :class:`~po_build.projection.Projection` only, so nothing the
projection dropped (exact event dates, `intern`, unpublished reports, areas
shared by fewer than k reports) can reach a file. The files are meant for the
public build; the plugin does not write them for the internal one. Given an
internal projection anyway, they only mark drafts (`utkast`) and still leave out
`intern` and exact dates: open data has no use for either, and a file copied out
of the internal site should not carry them.

Every file is deterministic: the same projection gives the same bytes, so a
rebuild without changes shows no difference in the site's history.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from po_build.project.projection import Label, Projection, ReportView
from po_build.project.stats import report_years, year_stats

DIR = "oppna-data"
SCHEMA_PATH = "schema/rapport.schema.json"

BRISTER_JSON = f"{DIR}/brister.json"
BRISTER_CSV = f"{DIR}/brister.csv"
POSITIVA_JSON = f"{DIR}/positiva.json"
INDEX_JSON = f"{DIR}/index.json"

CSV_HEADER = [
    "id", "rubrik", "url", "år", "månad", "nivå", "kategorier", "aktörer", "områden",
    "allvarlighet", "status", "antal_gånger", "historik", "mottagare", "relaterade",
    "publicerad", "tema",
]
CSV_DELIMITER = ";"  # Excel with Swedish regional settings splits on ';', not ','
CSV_LIST_SEPARATOR = "|"
# A spreadsheet runs a cell starting with one of these as a formula ("CSV
# injection"); tab and carriage return are on OWASP's list for the same reason.
CSV_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def open_data_files(p: Projection, schema: dict[str, Any]) -> dict[str, bytes]:
    """Every open-data file, keyed by its path relative to the site root."""
    brister = sorted(p.brister, key=lambda r: r.id)
    positiva = sorted(p.positiva, key=lambda r: r.id)
    files: dict[str, bytes] = {
        BRISTER_JSON: _json(
            {
                **_header(p, len(brister)),
                "brister": [_brist(r, p.internal) for r in brister],
                "etiketter": _labels(p, brister, brist=True),
            }
        ),
        BRISTER_CSV: _csv(brister),
        POSITIVA_JSON: _json(
            {
                **_header(p, len(positiva)),
                "positiva": [_positiv(r, p.internal) for r in positiva],
                "etiketter": _labels(p, positiva, brist=False),
            }
        ),
    }
    years = report_years(p)
    for year in years:
        files[_stats_path(year)] = _json(year_stats(p, year))
    files[SCHEMA_PATH] = _json(schema)
    files[INDEX_JSON] = _json(_index(p, years))
    return files


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def _stats_path(year: int) -> str:
    return f"{DIR}/statistik-{year}.json"


def _header(p: Projection, count: int) -> dict[str, Any]:
    source = (
        "alla rapporter, även opublicerade utkast (intern version)"
        if p.internal
        else "publicerade rapporter"
    )
    return {"organisation": p.organisation, "genererad_från": source, "antal": count}


def _ids(labels: Iterable[Label]) -> list[str]:
    # The author's order carries no meaning here; sorted ids keep the file stable
    # when someone reorders a list in the front matter.
    return sorted({label.id for label in labels})


def _id(label: Label | None) -> str | None:
    return label.id if label is not None else None


def _common(r: ReportView) -> dict[str, Any]:
    return {
        "id": r.id,
        "rubrik": r.rubrik,
        "url": r.url,
        "år": r.year,
        "månad": r.month,
    }


def _tail(r: ReportView, internal: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "relaterade": sorted(v.id for v in r.relaterade),
        "publicerad": r.publicerad.isoformat() if r.publicerad else None,
        "tema": r.tema,
    }
    if internal:
        out["utkast"] = r.draft
    return out


def _brist(r: ReportView, internal: bool) -> dict[str, Any]:
    return {
        **_common(r),
        "nivå": _id(r.nivå),
        "kategorier": _ids(r.kategorier),
        "aktörer": _ids(r.aktörer),
        "områden": _ids(r.områden),
        "allvarlighet": _id(r.allvarlighet),
        "status": _id(r.status),
        "antal_gånger": r.times_seen,
        "historik": [
            {"år": s.year, "månad": s.month, "status": s.status.id, "text": s.text}
            for s in r.historik
        ],
        "mottagare": list(r.mottagare),
        **_tail(r, internal),
    }


def _positiv(r: ReportView, internal: bool) -> dict[str, Any]:
    return {
        **_common(r),
        "kategorier": _ids(r.kategorier),
        "aktörer": _ids(r.aktörer),
        "områden": _ids(r.områden),
        **_tail(r, internal),
    }


def _labels(p: Projection, reports: list[ReportView], brist: bool) -> dict[str, dict[str, str]]:
    """id → Swedish label for every vocabulary id the file uses, per field.

    Grouped per field because one id can mean different things in different
    fields: `bemotande` is "Bemötande" as a deficiency category and "Gott
    bemötande" as a positive one.
    """
    vocab = p.vocabulary
    fields: list[tuple[str, Mapping[str, Any], list[Label]]] = []
    if brist:
        fields += [
            ("nivå", vocab.levels, [r.nivå for r in reports if r.nivå]),
            ("kategorier", vocab.categories, [c for r in reports for c in r.kategorier]),
        ]
    else:
        fields.append(
            ("kategorier", vocab.positive_categories, [c for r in reports for c in r.kategorier])
        )
    fields += [
        ("aktörer", vocab.actors, [a for r in reports for a in r.aktörer]),
        ("områden", vocab.areas, [a for r in reports for a in r.områden]),
    ]
    if brist:
        fields += [
            ("allvarlighet", vocab.severities, [r.allvarlighet for r in reports if r.allvarlighet]),
            (
                "status",
                vocab.statuses,
                [r.status for r in reports if r.status]
                + [s.status for r in reports for s in r.historik],
            ),
        ]
    out: dict[str, dict[str, str]] = {}
    for name, terms, labels in fields:
        # The projection's label is the one the pages show (a generalised area's
        # label is the region's name, which the vocabulary does not have).
        names = {label.id: label.namn for label in labels}
        order = [key for key in terms if key in names] + sorted(k for k in names if k not in terms)
        out[name] = {key: names[key] for key in order}
    return out


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe.

    The spreadsheet then treats the cell as text (the apostrophe may show); the
    report's words are otherwise unchanged, and a program can strip it again.
    """
    return "'" + cell if cell.startswith(CSV_FORMULA_START) else cell


def _join(values: Iterable[str]) -> str:
    return CSV_LIST_SEPARATOR.join(values)


def _csv_history(r: ReportView) -> str:
    steps = []
    for s in r.historik:
        month = s.month
        when = f"{s.year}-{month:02d}" if month else str(s.year)
        steps.append(f"{when} {s.status.id}")
    return _join(steps)


def _csv(brister: list[ReportView]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for r in brister:
        row = [
            r.id,
            r.rubrik,
            r.url,
            str(r.year),
            str(r.month),
            _id(r.nivå) or "",
            _join(_ids(r.kategorier)),
            _join(_ids(r.aktörer)),
            _join(_ids(r.områden)),
            _id(r.allvarlighet) or "",
            _id(r.status) or "",
            str(r.times_seen),
            _csv_history(r),
            _join(r.mottagare),
            _join(sorted(v.id for v in r.relaterade)),
            r.publicerad.isoformat() if r.publicerad else "",
            r.tema or "",
        ]
        writer.writerow([neutralise(cell) for cell in row])
    # The byte order mark is what makes Excel read the file as UTF-8; without it,
    # Excel on Windows guesses an old code page and å, ä, ö come out garbled.
    return buffer.getvalue().encode("utf-8-sig")


def _index(p: Projection, years: list[int]) -> dict[str, Any]:
    files = [
        (
            BRISTER_JSON,
            "application/json",
            "Alla publicerade brister: rubrik, år och månad, nivå, kategorier, aktörer, "
            "områden, allvarlighet, status med historik, mottagare och relaterade "
            "rapporter. Värdena är id:n; 'etiketter' ger deras svenska namn.",
        ),
        (
            BRISTER_CSV,
            "text/csv",
            "Samma brister som brister.json, en rad per brist, för kalkylprogram: "
            "semikolonseparerad, UTF-8 med BOM, listor åtskilda med |.",
        ),
        (
            POSITIVA_JSON,
            "application/json",
            "Alla publicerade positiva händelser: rubrik, år och månad, kategorier, "
            "aktörer, områden och relaterade rapporter.",
        ),
    ]
    files += [
        (
            _stats_path(year),
            "application/json",
            f"Statistik för {year}: brister per nivå, status, kategori och aktör, "
            f"brister åtgärdade under året och antal positiva händelser.",
        )
        for year in years
    ]
    files.append(
        (
            SCHEMA_PATH,
            "application/schema+json",
            "JSON Schema för de inledande fälten (front matter) i en rapport: vilka fält "
            "som finns, vad de betyder och vilka värden som är tillåtna.",
        )
    )
    return {
        "organisation": p.organisation,
        "beskrivning": "Öppna data om systembrister och positiva händelser som "
        "styrgruppen har beslutat att publicera. Händelser anges med år och månad, "
        "aldrig med exakt datum.",
        "filer": [{"fil": path, "format": fmt, "beskrivning": text} for path, fmt, text in files],
    }


def open_data_links(p: Projection) -> list[tuple[str, str]]:
    years = sorted({r.year for r in p.reports})
    return [
        ("oppna-data/brister.json", "Brister (JSON)"),
        ("oppna-data/brister.csv", "Brister (CSV för kalkylprogram)"),
        ("oppna-data/positiva.json", "Positiva händelser (JSON)"),
        *[(f"oppna-data/statistik-{y}.json", f"Statistik {y} (JSON)") for y in years],
        *[(f"oppna-data/socialstyrelsen-{y.år}.csv", f"Svar till Socialstyrelsen {y.år} (CSV)")
          for y in sorted(p.years, key=lambda y: y.år)],
        *[(f"oppna-data/sokande-{y.år}.json", f"Sökande {y.år}, skyddat mot små tal (JSON)")
          for y in sorted(p.years, key=lambda y: y.år) if y.sökande],
        ("schema/rapport.schema.json", "Fältens schema (JSON Schema)"),
        ("flode/atom.xml", "Nya rapporter (Atom-flöde)"),
    ]


def socialstyrelsen_path(year: int) -> str:
    return f"oppna-data/socialstyrelsen-{year}.csv"
