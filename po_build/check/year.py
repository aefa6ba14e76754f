"""The rules for one yearly report folder, `arsrapport/<år>/`: its index.md and its chapters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from po_build.check.body import check_markup
from po_build.check.report import as_bool
from po_build.check.result import TextScanner
from po_build.check.schema import schema_problems
from po_build.contract.vocabulary import Vocabulary
from po_build.load.frontmatter import Document, load_document
from po_build.load.text import full_text
from po_build.model.problems import Problem, ProblemList
from po_build.model.records import Chapter, YearReport


def check_year(
    folder: str,
    files: list[PurePosixPath],
    docs_dir: Path,
    validators: dict[str, Any],
    vocab: Vocabulary,
    scanner: TextScanner | None,
    shown: Callable[[Any], str],
    all_problems: list[Problem],
) -> YearReport | None:
    index = next((f for f in files if f.name == "index.md" and len(f.parts) == 3), None)
    docs: dict[PurePosixPath, Document] = {}
    ok = True
    for rel in files:
        problems = ProblemList(shown(rel))
        if len(rel.parts) != 3:
            problems.add(
                "PO316",
                "årsrapportens filer ska ligga direkt i arsrapport/<år>/, t.ex. "
                "arsrapport/2025/index.md",
            )
        doc = load_document(docs_dir / str(rel), str(rel), problems)
        if doc is not None:
            kind = "arsrapport" if rel.name == "index.md" else "kapitel"
            schema_problems(doc, validators[kind], problems)
            check_markup(doc.body, doc.body_line, problems, allow_markers=True)
            if kind == "arsrapport":
                _check_year_front(doc, folder, problems)
            docs[rel] = doc
        if scanner is not None and doc is not None:
            scanner(full_text(docs_dir / str(rel)), str(rel), vocab, problems)
        if index is None and rel == files[0]:
            problems.add(
                "PO317",
                f"mappen arsrapport/{folder}/ saknar index.md med årsrapportens fält "
                "(år, titel) och förord – skapa den med `po ny arsrapport ÅR`",
            )
        all_problems += problems
        ok = ok and not problems.has_errors
    if not ok or index is None or index not in docs:
        return None
    orders: dict[int, PurePosixPath] = {}
    chapters: list[Chapter] = []
    for rel, doc in sorted(docs.items()):
        if rel == index:
            continue
        order = doc.data["ordning"]
        if order in orders:
            problems = ProblemList(shown(rel))
            problems.add(
                "PO318",
                f"ordning {order} används redan av {orders[order].name} – ge varje kapitel "
                "ett eget nummer",
                doc.pos("ordning"),
            )
            all_problems += problems
            ok = False
            continue
        orders[order] = rel
        chapters.append(Chapter(doc.data["rubrik"], order, doc.body, str(rel), rel.stem))
    if not ok:
        return None
    d = docs[index].data
    return YearReport(
        år=d["år"],
        titel=d["titel"],
        foreword=docs[index].body,
        source=str(index),
        chapters=sorted(chapters, key=lambda c: c.ordning),
        tema=d.get("tema"),
        ombud=d.get("ombud"),
        sökande=d.get("sökande"),
        publicera=as_bool(d.get("publicera", False)),
    )


def _check_year_front(doc: Document, folder: str, problems: ProblemList) -> None:
    year = doc.data.get("år")
    if isinstance(year, int) and not isinstance(year, bool) and str(year) != folder:
        problems.add(
            "PO316",
            f"år är {year} men mappen heter '{folder}' – de ska vara samma",
            doc.pos("år"),
        )
    _check_applicants(doc, problems)


APPLICANT_PARTS = ("själv", "anhörig", "myndighet", "övriga")


def _count(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _check_applicants(doc: Document, problems: ProblemList) -> None:
    """The parts of `sökande` may be left out; those given must fit the total.

    One message names every part, given or missing, so that one run shows all there is to
    fix. A part that is no number is the schema's message at its own line (PO207).
    """
    sökande = doc.data.get("sökande")
    if not isinstance(sökande, dict) or _count(sökande.get("totalt")) is None:
        return
    total = sökande["totalt"]
    given = {k: _count(sökande[k]) for k in APPLICANT_PARTS if k in sökande}
    if any(v is None for v in given.values()):
        return  # a part that is no count: its own message says so
    counts = {k: v for k, v in given.items() if v is not None}
    missing = [k for k in APPLICANT_PARTS if k not in counts]
    parts_sum = sum(counts.values())
    listed = " + ".join(f"{k} {v}" for k, v in counts.items())
    if not missing and parts_sum != total:
        problems.add(
            "PO319",
            f"sökande: delarna {listed} blir {parts_sum}, men totalt är {total} – när alla fyra "
            "delar anges ska de bli totalt; rätta den del som är fel, eller totalt",
            doc.pos("sökande", "totalt"),
        )
    elif missing and parts_sum > total:
        problems.add(
            "PO319",
            f"sökande: delarna {listed} blir {parts_sum}, mer än totalt {total} "
            f"({', '.join(missing)} saknas, vilket går bra) – delarna kan inte bli fler än totalt; "
            "rätta den del som är fel, eller totalt",
            doc.pos("sökande", "totalt"),
        )
