"""Open data: the published reports as JSON and CSV.

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

import json
from collections.abc import Iterable, Mapping
from typing import Any

from po_build.outputs.csvfile import csv_bytes
from po_build.project.projection import Label, Projection, ReportView

CSV_HEADER = [
    "id", "rubrik", "url", "år", "månad", "nivå", "kategorier", "aktörer", "områden",
    "allvarlighet", "status", "antal_gånger", "historik", "mottagare", "relaterade",
    "publicerad", "tema",
]
CSV_LIST_SEPARATOR = "|"









def json_bytes(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")


def brister_json(p: Projection) -> bytes:
    brister = sorted(p.brister, key=lambda r: r.id)
    return json_bytes({
        **_header(p, len(brister)),
        "brister": [_brist(r, p.internal) for r in brister],
        "etiketter": _labels(p, brister, brist=True),
    })


def positiva_json(p: Projection) -> bytes:
    positiva = sorted(p.positiva, key=lambda r: r.id)
    return json_bytes({
        **_header(p, len(positiva)),
        "positiva": [_positiv(r, p.internal) for r in positiva],
        "etiketter": _labels(p, positiva, brist=False),
    })


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




def _join(values: Iterable[str]) -> str:
    return CSV_LIST_SEPARATOR.join(values)


def _csv_history(r: ReportView) -> str:
    steps = []
    for s in r.historik:
        month = s.month
        when = f"{s.year}-{month:02d}" if month else str(s.year)
        steps.append(f"{when} {s.status.id}")
    return _join(steps)


def brister_csv(brister: list[ReportView]) -> bytes:
    """The deficiencies, one row each, for a spreadsheet."""
    return csv_bytes(CSV_HEADER, ([
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
    ] for r in brister))
