"""`po lista` and `po status`: the reports as plain tables in the terminal.

For the ombud's own overview, not for the public: exact dates and drafts are
shown, because this is the repository they work in. Reports in files with errors
cannot be read reliably, so they are left out and named at the end, with a
pointer to `po check`.

Both commands only inform: they exit with 0 even when something is waiting,
and with 2 when they were used wrongly.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from po_build.check.privacy.files import scan_file_text
from po_build.check.tree import check_tree
from po_build.cli.common import Subcommands, UsageError, find_content, parse_day, shown, terminal_width
from po_build.contract.vocabulary import Term, Vocabulary
from po_build.model.problems import did_you_mean
from po_build.model.records import Report
from po_build.project.dates import MONTHS

DASH = "–"
ELLIPSIS = "…"
MIN_FLEX = 16  # a headline narrower than this says nothing; let the line wrap instead
WAITING = ("upptäckt", "analyserad")


# --- tables ------------------------------------------------------------------------




def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[str]],
    width: int,
    flex: Sequence[int] = (-1,),
    right: Sequence[int] = (),
    indent: str = "",
) -> list[str]:
    """Aligned columns, two spaces apart.

    When the table is wider than `width`, the widest of the `flex` columns is
    narrowed one character at a time (cut with …), so two long text columns share
    the room instead of one of them losing everything.
    """
    columns = len(headers)
    flexible = {i % columns for i in flex}
    widths = [max(len(str(r[i])) for r in [headers, *rows]) for i in range(columns)]
    floor = {i: min(MIN_FLEX, widths[i]) for i in flexible}
    while sum(widths) + 2 * (columns - 1) + len(indent) > width:
        shrinkable = [i for i in flexible if widths[i] > floor[i]]
        if not shrinkable:
            break  # the terminal is too narrow for any table: let the lines wrap
        widths[max(shrinkable, key=lambda i: widths[i])] -= 1

    def cell(text: str, i: int) -> str:
        if len(text) > widths[i]:
            text = text[: widths[i] - 1].rstrip() + ELLIPSIS
        return text.rjust(widths[i]) if i in right else text.ljust(widths[i])

    def line(values: Sequence[str]) -> str:
        return (indent + "  ".join(cell(str(v), i) for i, v in enumerate(values))).rstrip()

    return [line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def count_by_status(reports: Sequence[Report], vocab: Vocabulary, width: int) -> list[str]:
    """Deficiencies per status (rows) and level (columns): narrow enough for any terminal."""
    levels = list(vocab.levels.values())
    brister = [r for r in reports if r.typ == "brist"]
    rows = []
    for status in vocab.statuses.values():
        counts = [sum(1 for r in brister if r.status == status.id and r.nivå == lv.id) for lv in levels]
        total = sum(1 for r in brister if r.status == status.id)
        if total:
            rows.append([status.id, *map(str, counts), str(total)])
    rows.append(["totalt", *(str(sum(1 for r in brister if r.nivå == lv.id)) for lv in levels), str(len(brister))])
    headers = ["Status", *(lv.id for lv in levels), "totalt"]
    return table(headers, rows, width, flex=[0], right=range(1, len(headers)), indent="  ")


# --- loading -----------------------------------------------------------------------


@dataclass
class Loaded:
    content_dir: Path
    reports: list[Report]
    vocabulary: Vocabulary
    broken: list[str]  # files with errors, as po check shows them


def load(content_dir: Path, today: date) -> Loaded:
    result = check_tree(content_dir, today=today, scanner=scan_file_text, display_root=Path.cwd(), site=True)
    broken = sorted({p.path for p in result.errors})
    return Loaded(content_dir, list(result.content.reports), result.content.vocabulary, broken)


def _broken_note(loaded: Loaded) -> list[str]:
    if not loaded.broken:
        return []
    n = len(loaded.broken)
    lines = ["", f"{n} {'fil har' if n == 1 else 'filer har'} fel och finns inte med här. Kör 'po check' "
             "för att se vad som behöver rättas:"]
    lines += [f"  {path}" for path in loaded.broken[:10]]
    if n > 10:
        lines.append(f"  ... och {n - 10} till")
    return lines


def _term(value: str | None, terms: dict[str, Term], flag: str) -> str | None:
    """A filter value: an id, or an id typed without å, ä, ö or in capitals."""
    if value is None:
        return None
    fold = str.maketrans("åäöéü", "aaoeu")
    same = [t for t in terms if t.lower().translate(fold) == value.strip().lower().translate(fold)]
    if same:
        return same[0]
    raise UsageError(f"{flag}: '{value}' finns inte{did_you_mean(value, terms)} (välj bland: {', '.join(terms)})")


# --- po lista ----------------------------------------------------------------------


def lista(
    loaded: Loaded,
    width: int,
    year: int | None = None,
    level: str | None = None,
    status: str | None = None,
    kind: str | None = None,
) -> list[str]:
    vocab = loaded.vocabulary
    level = _term(level, vocab.levels, "--nivå")
    status = _term(status, vocab.statuses, "--status")
    chosen = [
        r for r in loaded.reports
        if (year is None or r.year == year)
        and (level is None or r.nivå == level)
        and (status is None or r.status == status)
        and (kind is None or r.typ == kind)
    ]
    filters = [f for f in (
        f"år {year}" if year else "", f"nivå {level}" if level else "",
        f"status {status}" if status else "", {"brist": "bara brister", "positiv": "bara positiva"}.get(kind or "", ""),
    ) if f]
    title = f"Rapporter i {shown(loaded.content_dir)}"
    out = [title + (f" ({', '.join(filters)})" if filters else "")]
    if not chosen:
        empty = "Inga rapporter stämmer med det du valde." if filters else (
            "Här finns inga rapporter ännu. Börja med 'po ny brist'.")
        return [*out, "", empty, *_broken_note(loaded)]
    for y in sorted({r.year for r in chosen}, reverse=True):
        in_year = sorted((r for r in chosen if r.year == y), key=lambda r: r.id)
        b = sum(1 for r in in_year if r.typ == "brist")
        p = len(in_year) - b
        parts = [f"{b} {'brist' if b == 1 else 'brister'}"] if b else []
        if p:
            parts.append(f"{p} {'positiv händelse' if p == 1 else 'positiva händelser'}")
        out += ["", f"{y}: {', '.join(parts)}"]
        rows = [
            [r.id, r.datum.isoformat(), r.nivå or DASH, r.status or DASH, r.allvarlighet or DASH,
             "ja" if r.publicera else "nej", r.rubrik]
            for r in in_year
        ]
        out += table(["Id", "Datum", "Nivå", "Status", "Allv.", "Publ.", "Rubrik"], rows, width, indent="  ")
    if any(r.typ == "brist" for r in chosen):
        out += ["", "Brister per status och nivå:"]
        out += count_by_status(chosen, vocab, width)
    published = sum(1 for r in chosen if r.publicera)
    out += ["", f"Sammanlagt {len(chosen)} rapporter, varav {published} beslutade för publicering "
            f"och {len(chosen) - published} utkast."]
    return out + _broken_note(loaded)


# --- po status ---------------------------------------------------------------------


def months_between(earlier: date, later: date) -> int:
    """Whole months: from 17 June to 16 September is two months, to 17 September three."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    return months - (later.day < earlier.day)


def raised_since(r: Report) -> date:
    """When it was last moved on: the last step of the history, or the report's own date."""
    return r.historik[-1].datum if r.historik else r.datum


def status_lines(loaded: Loaded, today: date, months: int, width: int) -> list[str]:
    vocab = loaded.vocabulary
    reports = loaded.reports
    out = [f"Läget i {shown(loaded.content_dir)} den {today.day} {_month(today)} {today.year}"]

    waiting = sorted((r for r in reports if r.typ == "brist" and r.status in WAITING), key=lambda r: r.id)
    out += ["", "VÄNTAR PÅ STYRGRUPPEN", ""]
    if waiting:
        out.append(f"Brister som inte har tagits upp ännu (status {' eller '.join(WAITING)}): {len(waiting)}")
        rows = [[r.id, r.datum.isoformat(), r.status or DASH, r.nivå or DASH, r.rubrik] for r in waiting]
        out += table(["Id", "Datum", "Status", "Nivå", "Rubrik"], rows, width, indent="  ")
    else:
        out.append("Inga brister väntar på att tas upp.")

    drafts = sorted((r for r in reports if not r.publicera), key=lambda r: r.id)
    out.append("")
    if drafts:
        out.append(f"Utkast som styrgruppen inte har beslutat att publicera (publicera: false): {len(drafts)}")
        rows = [[r.id, "brist" if r.typ == "brist" else "positiv", r.status or DASH, r.rubrik] for r in drafts]
        out += table(["Id", "Typ", "Status", "Rubrik"], rows, width, indent="  ")
    else:
        out.append("Inga utkast: allt är beslutat för publicering.")

    late = sorted(
        (r for r in reports if r.status == "påtalad" and months_between(raised_since(r), today) >= months),
        key=lambda r: raised_since(r),
    )
    label = vocab.label("statuses", "påtalad")
    out += ["", f"PÅTALADE UTAN SVAR I {months} MÅNADER ELLER MER", ""]
    if late:
        out.append(f"Status påtalad ({label}) och inget nytt steg i historiken: {len(late)}")
        rows = [
            [r.id, raised_since(r).isoformat(), str(months_between(raised_since(r), today)),
             ", ".join(reversed(r.mottagare)) or DASH, r.rubrik]
            for r in late
        ]
        headers = ["Id", "Påtalad", "Mån.", "Påtalad för (senast först)", "Rubrik"]
        out += table(headers, rows, width, flex=[3, 4], right=[2], indent="  ")
        out += ["", "Följ upp med mottagaren, eller ändra status (t.ex. till kvarstår) med ett nytt steg i "
                "historiken."]
    else:
        out.append(f"Inget som har påtalats väntar på svar sedan mer än {months} månader.")
    return out + _broken_note(loaded)


def _month(d: date) -> str:
    return MONTHS[d.month - 1]


# --- the commands ------------------------------------------------------------------


def add_parsers(sub: Subcommands) -> None:
    lista_p = sub.add_parser(
        "lista", help="visa rapporterna som en tabell, per år",
        description="Visar rapporterna per år med nivå, status och om de är beslutade för publicering, "
        "och sist brister per status och nivå.",
    )
    lista_p.add_argument("--år", "--ar", dest="ar", type=_year, metavar="ÅR", help="bara ett år, t.ex. 2025")
    lista_p.add_argument("--nivå", "--niva", dest="niva", metavar="NIVÅ",
                         help="bara en nivå: individ, lokal, nationell")
    lista_p.add_argument("--status", metavar="STATUS", help="bara en status, t.ex. påtalad")
    lista_p.add_argument("--typ", choices=["brist", "positiv"], help="bara brister eller bara positiva")
    status_p = sub.add_parser(
        "status", help="visa vad som väntar på styrgruppen och vad som inte har fått svar",
        description="Visar brister som inte har tagits upp ännu, utkast som inte är beslutade för "
        "publicering, och brister som har påtalats men inte fått svar på länge.",
    )
    status_p.add_argument("--månader", "--manader", dest="manader", type=_months, default=3, metavar="N",
                          help="hur många månader utan svar som räknas som länge (standard: 3)")
    for p in (lista_p, status_p):
        p.set_defaults(run=run)
        p.add_argument("--innehåll", "--innehall", dest="innehall", metavar="MAPP",
                       help="innehållsmappen (standard: docs_dir i mkdocs.yml)")
        p.add_argument("--idag", metavar="ÅÅÅÅ-MM-DD", help=argparse.SUPPRESS)


def _year(text: str) -> int:
    if not text.isdigit() or len(text) != 4:
        raise argparse.ArgumentTypeError(f"året ska vara fyra siffror, t.ex. 2025, inte '{text}'")
    return int(text)


def _months(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"ange ett antal månader, t.ex. 3, inte '{text}'")
    return int(text)


def run(args: argparse.Namespace) -> int:
    today = parse_day(args.idag)
    loaded = load(find_content(args.innehall), today)
    width = terminal_width()
    if args.command == "lista":
        lines = lista(loaded, width, args.ar, args.niva, args.status, args.typ)
    else:
        lines = status_lines(loaded, today, args.manader, width)
    print("\n".join(lines))
    return 0
