"""The rules for one report file: fields, dates, level and categories, history, retired terms,
the body's sections; and the validated record made from a file without errors."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from po_build.check.body import check_markup, check_sections, headings, leftover_hint_lines
from po_build.check.schema import schema_problems
from po_build.contract.schema import DATE_RE, ID_FORM, ID_RE, RUBRIK_MIN
from po_build.contract.sections import SECTIONS
from po_build.contract.vocabulary import Vocabulary
from po_build.load.frontmatter import Document
from po_build.model.problems import ProblemList, did_you_mean
from po_build.model.records import Kind, Report, Section, Step

_ID_IN_NAME = re.compile(rf"^({ID_FORM})(?:-[^/]*)?\.md$", re.IGNORECASE)


def check_report(
    doc: Document,
    rel: PurePosixPath,
    vocab: Vocabulary,
    validators: dict[str, Any],
    today: date,
    docs_dir: Path,
    problems: ProblemList,
) -> Report | None:
    data = doc.data
    kind: Kind
    if data.get("typ") == "brist":
        kind = "brist"
    elif data.get("typ") == "positiv":
        kind = "positiv"
    else:
        if "typ" not in data:
            problems.add("PO211", "fältet 'typ' saknas – skriv 'typ: brist' eller 'typ: positiv'")
        else:
            problems.add(
                "PO211",
                f"typ ska vara 'brist' eller 'positiv', inte '{data.get('typ')}'"
                f"{did_you_mean(str(data.get('typ')), ['brist', 'positiv'])}",
                doc.pos("typ"),
            )
        return None
    schema_problems(doc, validators[kind], problems)
    _check_blank_texts(doc, problems)

    _check_id_and_name(doc, rel, kind, problems)
    dates = _check_dates(doc, today, problems)
    if kind == "brist":
        _check_level(doc, vocab, problems)
        _check_history(doc, dates, set(vocab.statuses), problems)
    _check_retired(doc, vocab, kind, problems)
    check_sections(doc.body, doc.body_line, SECTIONS[kind], problems)
    check_markup(doc.body, doc.body_line, problems)
    _check_leftover_hints(doc, problems)
    if problems.has_errors:
        return None
    return _build_report(doc, kind, dates, str(rel))


def _check_leftover_hints(doc: Document, problems: ProblemList) -> None:
    """The form's help sentences left under headings would be published as the report's text.

    One message for the file, at the first such line, naming every heading: a draft from
    `po ny` has one under each, and seven lines saying the same would drown the rest.
    """
    left = leftover_hint_lines(doc.body, doc.body_line)
    if not left:
        return
    titles = ", ".join(f"'## {title}'" for title, _ in left)
    where = (left[0][1], 1)
    if as_bool(doc.data.get("publicera", False)):
        problems.add("PO325", f"hjälptexten från mallen står kvar under {titles} och rapporten ska "
                     "publiceras – byt ut den mot egen text, eller ta bort en valfri rubrik som inte behövs",
                     where)
    else:
        problems.add("PO326", f"hjälptexten från mallen står kvar under {titles} – byt ut den mot egen "
                     "text innan rapporten publiceras", where)


def _check_blank_texts(doc: Document, problems: ProblemList) -> None:
    """Text that is only spaces passes the schema's length rules but shows as nothing on the site."""
    rubrik = doc.data.get("rubrik")
    if isinstance(rubrik, str) and len(rubrik) >= RUBRIK_MIN and len(rubrik.strip()) < RUBRIK_MIN:
        problems.add(
            "PO205",
            f"rubriken har {len(rubrik.strip())} tecken utöver mellanslagen, minst {RUBRIK_MIN} – "
            "skriv en rubrik som säger vad bristen gäller",
            doc.pos("rubrik"),
        )
    tema = doc.data.get("tema")
    if isinstance(tema, str) and not tema.strip():
        problems.add("PO203", "'tema' får inte vara tom – skriv temat eller ta bort raden", doc.pos("tema"))
    mottagare = doc.data.get("mottagare")
    if isinstance(mottagare, list):
        for i, who in enumerate(mottagare):
            if isinstance(who, str) and who and not who.strip():
                problems.add("PO203", "'mottagare' får inte vara tom", doc.pos("mottagare", i))


def _check_id_and_name(doc: Document, rel: PurePosixPath, kind: str, problems: ProblemList) -> None:
    report_id = doc.data.get("id")
    if not isinstance(report_id, str) or not ID_RE.fullmatch(report_id):
        return  # a malformed id is PO204 already; comparing it with the file name only confuses
    name = rel.name
    m = _ID_IN_NAME.match(name)
    if m is None or m.group(1) != report_id:
        problems.add(
            "PO301",
            f"filnamnet '{name}' ska börja med id:t '{report_id}', t.ex. "
            f"'{report_id}-kort-beskrivning.md' – byt namn på filen eller rätta id:t",
            doc.pos("id"),
        )
    id_year = report_id[2:6]
    if len(rel.parts) >= 3 and rel.parts[-2] != id_year and id_year.isdigit():
        problems.add(
            "PO321",
            f"rapporten ligger i mappen '{rel.parts[-2]}' men id:t är från {id_year} – "
            f"flytta den till brister/{id_year}/",
            doc.pos("id"),
        )


def _parse_date(value: Any) -> date | None:
    if isinstance(value, str) and DATE_RE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _check_dates(doc: Document, today: date, problems: ProblemList) -> dict[tuple[Any, ...], date]:
    """Every well-formed date by its path; future dates are refused."""
    found: dict[tuple[Any, ...], date] = {}
    candidates: list[tuple[Any, ...]] = [("datum",), ("publicerad",)]
    for key in ("förekomster",):
        items = doc.data.get(key)
        if isinstance(items, list):
            candidates += [(key, i) for i in range(len(items))]
    hist = doc.data.get("historik")
    if isinstance(hist, list):
        candidates += [("historik", i, "datum") for i, h in enumerate(hist) if isinstance(h, dict)]
    for path in candidates:
        value: Any = doc.data
        for part in path:
            value = value.get(part) if isinstance(value, dict) else (
                value[part] if isinstance(value, list) and isinstance(part, int) and part < len(value) else None
            )
        d = _parse_date(value)
        if d is None:
            continue
        if d > today:
            problems.add(
                "PO303",
                f"datumet {d.isoformat()} ligger i framtiden – skriv det datum då det faktiskt hände",
                doc.pos(*path),
            )
        found[path] = d
    datum = found.get(("datum",))
    publicerad = found.get(("publicerad",))
    if datum and publicerad and publicerad < datum:
        problems.add(
            "PO323",
            "publicerad ligger före datum – beslutet att publicera kan inte komma före upptäckten",
            doc.pos("publicerad"),
        )
    for path, d in found.items():
        if datum and path[0] in ("förekomster", "historik") and d < datum:
            problems.add(
                "PO308",
                f"datumet {d.isoformat()} ligger före rapportens datum {datum.isoformat()} – "
                "datum är den första gången bristen sågs",
                doc.pos(*path),
            )
    return found


def _check_level(doc: Document, vocab: Vocabulary, problems: ProblemList) -> None:
    level = doc.data.get("nivå")
    cats = doc.data.get("kategorier")
    if not isinstance(level, str) or level not in vocab.levels or not isinstance(cats, list):
        return
    for i, cat in enumerate(cats):
        term = vocab.categories.get(cat) if isinstance(cat, str) else None
        if term is not None and level not in term.nivåer:
            allowed = [c for c, t in vocab.categories.items() if level in t.nivåer]
            problems.add(
                "PO304",
                f"kategorin '{cat}' hör inte till nivån '{level}' (den gäller "
                f"{', '.join(term.nivåer)}) – byt nivå eller välj en kategori för {level}: "
                f"{', '.join(allowed)}",
                doc.pos("kategorier", i),
            )


def _check_history(
    doc: Document, dates: dict[tuple[Any, ...], date], statuses: set[str], problems: ProblemList,
) -> None:
    """The history's order and its agreement with `status`.

    A status the schema already refused (PO206, with its suggestion) is not compared
    again: 'påtalat' is one mistake, not also "the history does not end with it".
    """
    hist = doc.data.get("historik")
    if not isinstance(hist, list) or not hist or not all(isinstance(h, dict) for h in hist):
        return
    first = hist[0].get("status")
    if first != "upptäckt" and isinstance(first, str) and first in statuses:
        problems.add(
            "PO305",
            "historiken ska börja med status 'upptäckt' – lägg till den som första rad",
            doc.pos("historik", 0, "status"),
        )
    previous: date | None = None
    for i in range(len(hist)):
        d = dates.get(("historik", i, "datum"))
        if d is None:
            continue
        if previous is not None and d < previous:
            problems.add(
                "PO306",
                f"historiken ska stå i datumordning: {d.isoformat()} kommer efter "
                f"{previous.isoformat()} – flytta raden eller rätta datumet",
                doc.pos("historik", i, "datum"),
            )
        previous = d
    status = doc.data.get("status")
    last = hist[-1].get("status")
    if isinstance(status, str) and isinstance(last, str) and last != status and {status, last} <= statuses:
        problems.add(
            "PO307",
            f"sista steget i historiken är '{last}' men status är '{status}' – de ska vara "
            "samma: lägg till ett steg i historiken eller ändra status",
            doc.pos("status"),
        )


def _check_retired(doc: Document, vocab: Vocabulary, kind: str, problems: ProblemList) -> None:
    sections = {
        "kategorier": vocab.categories if kind == "brist" else vocab.positive_categories,
        "aktörer": vocab.actors,
        "områden": vocab.areas,
    }
    for key, terms in sections.items():
        values = doc.data.get(key)
        if not isinstance(values, list):
            continue
        for i, value in enumerate(values):
            term = terms.get(value) if isinstance(value, str) else None
            if term is not None and term.utgått:
                problems.add(
                    "PO320",
                    f"'{value}' är utgånget i vokabulären – använd det inte i nya rapporter",
                    doc.pos(key, i),
                )


def _split_sections(body: str, body_line: int) -> list[Section]:
    lines = body.split("\n")
    heads = headings(body, body_line)
    out: list[Section] = []
    intro = "\n".join(lines[: (heads[0].line - body_line) if heads else len(lines)]).strip()
    if intro:
        out.append(Section("", intro))
    for i, h in enumerate(heads):
        start = h.line - body_line + (2 if h.underlined else 1)
        end = heads[i + 1].line - body_line if i + 1 < len(heads) else len(lines)
        out.append(Section(h.title, "\n".join(lines[start:end]).strip()))
    return out


def as_bool(value: Any) -> bool:
    return value is True or value == "ja"


def _build_report(doc: Document, kind: Kind, dates: dict[tuple[Any, ...], date], source: str) -> Report:
    d = doc.data
    hist = d.get("historik") or []
    return Report(
        id=d["id"],
        typ=kind,
        rubrik=d["rubrik"].strip(),
        datum=dates[("datum",)],
        kategorier=list(d["kategorier"]),
        aktörer=list(d["aktörer"]),
        body=doc.body,
        sections=_split_sections(doc.body, doc.body_line),
        source=source,
        områden=list(d.get("områden") or []),
        nivå=d.get("nivå"),
        allvarlighet=d.get("allvarlighet"),
        förekomster=sorted(dates[("förekomster", i)] for i in range(len(d.get("förekomster") or []))),
        status=d.get("status"),
        historik=[
            Step(dates[("historik", i, "datum")], h["status"], (h.get("text") or "").strip())
            for i, h in enumerate(hist)
        ],
        mottagare=list(d.get("mottagare") or []),
        relaterade=list(d.get("relaterade") or []),
        bilagor=list(d.get("bilagor") or []),
        publicera=as_bool(d.get("publicera", False)),
        publicerad=dates.get(("publicerad",)),
        tema=d.get("tema"),
        intern=dict(d.get("intern") or {}),
    )
