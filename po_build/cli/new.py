"""`po ny`: start a new report, positive event or yearly report from a filled-in form.

The file that comes out has every field, each with a short Swedish comment saying
what it means and which values are allowed, and every heading with a hint line.
Fields only the ombud can fill in (level, severity, categories, actors) are left
as placeholders that `po check` refuses with a message naming the allowed values,
so `po check` is the to-do list: when it is quiet, the form is complete.

The comments come from the schema's descriptions and the merged vocabulary, so an
organisation's own actors and areas are listed, and a field added to the schema
shows up here without anyone remembering to add it.

Ids are never reused: the next id is one more than the highest in use, counting
files with errors and files on other branches, because an id that has once been
in a letter or in the steering group's minutes must keep pointing at one report.
"""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

from po_build.check.privacy.files import scan_file_text
from po_build.check.tree import check_tree
from po_build.cli.common import (
    Refused,
    Subcommands,
    UsageError,
    find_content,
    parse_day,
    shown,
    site_options,
    vocabulary_of,
)
from po_build.cli.ids import next_id
from po_build.cli.templates import Answers, render_report, render_year, template_files, wrap_words
from po_build.contract.advice import KIND_NAMES
from po_build.contract.layout import REPORT_DIR, TEMPLATE_DIR, YEAR_DIR, YEAR_TEMPLATE_DIR
from po_build.contract.schema import RUBRIK_MAX, RUBRIK_MIN
from po_build.contract.vocabulary import Term, Vocabulary
from po_build.model.problems import ProblemList, did_you_mean
from po_build.model.slug import report_file_name

# --- shared with `po lista`, `po status` and `po granska` ----------------------------












# --- ids and file names -------------------------------------------------------------













# --- writing YAML that reads back exactly ------------------------------------------


















# --- the report form ---------------------------------------------------------------
















# --- the yearly report -------------------------------------------------------------




# --- the command -------------------------------------------------------------------


def add_parser(sub: Subcommands) -> None:
    ny = sub.add_parser(
        "ny",
        help="börja på en ny rapport (brist, positiv) eller årsrapport",
        description="Skapar en ny fil med alla fält och rubriker, och en kort förklaring till varje "
        "fält. Id:t väljs åt dig. Sedan säger 'po check' vad som återstår att fylla i.",
    )
    ny.set_defaults(run=run)
    kinds = ny.add_subparsers(dest="ny_typ", metavar="VAD")
    for kind, helptext in (("brist", "en ny brist"), ("positiv", "en ny positiv händelse")):
        p = kinds.add_parser(kind, help=helptext, description=f"Skapar {helptext} i content/brister/<år>/.")
        p.add_argument("--rubrik", help=f"rubriken, {RUBRIK_MIN}–{RUBRIK_MAX} tecken (annars frågar po efter den)")
        p.add_argument("--datum", metavar="ÅÅÅÅ-MM-DD", help="när det hände (standard: i dag)")
        if kind == "brist":
            p.add_argument("--nivå", "--niva", dest="niva", metavar="NIVÅ", help="individ, lokal eller nationell")
            p.add_argument("--allvarlighet", metavar="GRAD", help="låg, medel eller hög")
            p.add_argument("--status", metavar="STATUS", help="standard: upptäckt")
        p.add_argument("--kategorier", action="append", metavar="ID,ID", help="en eller flera, med komma emellan")
        p.add_argument("--aktörer", "--aktorer", dest="aktorer", action="append", metavar="ID,ID",
                       help="en eller flera, med komma emellan")
        p.add_argument("--områden", "--omraden", dest="omraden", action="append", metavar="ID,ID",
                       help="en eller flera, med komma emellan")
        p.add_argument("--tema", help="årets tema, om rapporten hör dit")
        p.add_argument("--rapportör", "--rapportor", dest="rapportor", metavar="OMBUD",
                       help="vilket ombud som rapporterar (internt, publiceras aldrig)")
        _common_options(p)
    year = kinds.add_parser("arsrapport", help="en ny årsrapport",
                            description="Skapar content/arsrapport/ÅR/ med index.md och kapitel.")
    year.add_argument("år", metavar="ÅR", help="året, t.ex. 2026")
    year.add_argument("--titel", help="rapportens titel (standard: Årsrapport ÅR – organisationen)")
    _common_options(year)
    templates = kinds.add_parser(
        "mallar", help="skriv om mallarna för webbredigeraren",
        description=f"Skriver {REPORT_DIR}/{TEMPLATE_DIR}/brist.md, positiv.md och {YEAR_DIR}/"
        f"{YEAR_TEMPLATE_DIR}/ på nytt, med organisationens egen vokabulär.",
    )
    _common_options(templates)


def _common_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--innehåll", "--innehall", dest="innehall", metavar="MAPP",
                   help="innehållsmappen (standard: docs_dir i mkdocs.yml)")
    p.add_argument("--idag", metavar="ÅÅÅÅ-MM-DD", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    if args.ny_typ in ("brist", "positiv"):
        return _new_report(args.ny_typ, args)
    if args.ny_typ == "arsrapport":
        return _new_year(args)
    if args.ny_typ == "mallar":
        return _write_templates(args)
    raise UsageError("välj vad du vill skapa: 'po ny brist', 'po ny positiv' eller 'po ny arsrapport ÅR'")


def _split(values: list[str] | None) -> list[str]:
    out: list[str] = []
    for value in values or []:
        out += [v.strip() for v in re.split(r"[,\s]+", value) if v.strip()]
    return out


def _one(value: str | None, terms: dict[str, Term], flag: str) -> str | None:
    if value is None:
        return None
    if value in terms:
        return value
    # "Lokal" or "atgardad" typed on a phone or a keyboard without å, ä, ö: the meaning is clear.
    same = [t for t in terms if _fold(t) == _fold(value)]
    if len(same) == 1:
        return same[0]
    raise UsageError(
        f"{flag}: '{value}' finns inte{did_you_mean(value, terms)} (tillåtna: {', '.join(terms)})"
    )


def _fold(text: str) -> str:
    return text.strip().lower().translate(str.maketrans("åäöéü", "aaoeu"))


def _many(values: list[str], terms: dict[str, Term], flag: str) -> list[str]:
    out = []
    for value in values:
        term = _one(value, terms, flag)
        if term is not None and term not in out:
            out.append(term)
    return out


def _ask_headline(kind: str, vocab: Vocabulary) -> str:
    if not sys.stdin.isatty():
        raise UsageError(f'skriv rubriken med --rubrik, t.ex. po ny {kind} --rubrik "Telefontiden räcker inte"')
    what = "bristen" if kind == "brist" else "händelsen"
    print(f"Skriv en rubrik som säger vad {what} gäller ({RUBRIK_MIN}–{RUBRIK_MAX} tecken, utan namn).")
    for _attempt in range(5):
        try:
            text = input("Rubrik: ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            raise Refused("avbrutet – ingen fil skapades") from None
        problem = _headline_problem(text, vocab)
        if problem is None:
            return text
        print(problem + " Försök igen.")
    raise Refused("ingen rubrik – ingen fil skapades")


def _headline_problem(text: str, vocab: Vocabulary) -> str | None:
    if len(text) < RUBRIK_MIN:
        return f"Rubriken behöver minst {RUBRIK_MIN} tecken (den har {len(text)})."
    if len(text) > RUBRIK_MAX:
        return f"Rubriken får ha högst {RUBRIK_MAX} tecken (den har {len(text)}). Lägg detaljerna i texten."
    # The file name is made from the headline, and a file name stays in the history for good.
    problems = ProblemList("rubrik")
    scan_file_text(text, "rubrik", vocab, problems)
    if problems.has_errors:
        return "Rubriken ser ut att innehålla en personuppgift: " + problems[0].message + "."
    return None


def _new_report(kind: str, args: argparse.Namespace) -> int:
    content = find_content(args.innehall)
    today = parse_day(args.idag)
    vocab = vocabulary_of(content)
    when = parse_day(args.datum, "--datum") if args.datum else today
    if when > today:
        raise UsageError(f"--datum {when.isoformat()} ligger i framtiden – skriv det datum då det hände")
    categories = vocab.categories if kind == "brist" else vocab.positive_categories
    answers = Answers(
        datum=when.isoformat(),
        today=today.isoformat(),
        kategorier=_many(_split(args.kategorier), categories, "--kategorier"),
        aktörer=_many(_split(args.aktorer), vocab.actors, "--aktörer"),
        områden=_many(_split(args.omraden), vocab.areas, "--områden"),
        tema=args.tema,
        rapportör=(args.rapportor or "").strip(),
    )
    if kind == "brist":
        answers.nivå = _one(args.niva, vocab.levels, "--nivå")
        answers.allvarlighet = _one(args.allvarlighet, vocab.severities, "--allvarlighet")
        answers.status = _one(args.status, vocab.statuses, "--status")
        if answers.nivå:
            for cat in answers.kategorier:
                if answers.nivå not in vocab.categories[cat].nivåer:
                    allowed = [c for c, t in vocab.categories.items() if answers.nivå in t.nivåer]
                    raise UsageError(
                        f"kategorin '{cat}' hör inte till nivån '{answers.nivå}' – välj en kategori för "
                        f"{answers.nivå}: {', '.join(allowed)}"
                    )
    if args.rubrik is not None:
        problem = _headline_problem(args.rubrik.strip(), vocab)
        if problem:
            raise UsageError(problem[0].lower() + problem[1:] + " Ingen fil skapades.")
        answers.rubrik = args.rubrik.strip()
    else:
        answers.rubrik = _ask_headline(kind, vocab)

    answers.id = next_id(content, kind, when.year)
    folder = content / REPORT_DIR / str(when.year)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / report_file_name(answers.id, answers.rubrik)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as out:
            out.write(render_report(kind, vocab, answers))
    except FileExistsError:
        raise Refused(f"{shown(path)} finns redan – ingen fil skrevs över") from None
    _tell_what_next(kind, path, answers, content, today)
    return 0


def _tell_what_next(kind: str, path: Path, a: Answers, content: Path, today: date) -> None:
    print()
    print(f"Ny {KIND_NAMES[kind]} {a.id}: {shown(path)}")
    result = check_tree(content, today=today, scanner=scan_file_text, display_root=Path.cwd(), site=True)
    # The help sentences under the headings (PO326) are what step 2 below is about.
    mine = [p for p in result.problems if p.path == shown(path) and p.code != "PO326"]
    print()
    if mine:
        print("Det här återstår att fylla i (så här säger 'po check'):")
        for p in mine:
            print(f"  rad {p.line}: {p.message}")
    else:
        print("Alla fält är ifyllda.")
    print()
    print("Så gör du nu:")
    steps = [
        "Öppna filen. Text efter # förklarar varje fält.",
        "Skriv din egen text under varje rubrik i stället för hjälpmeningen. Inga namn eller "
        "detaljer som kan peka ut en klient.",
        "Kör 'po check' tills den säger 'Inga fel'.",
        "Förhandsvisa med 'PO_INTERN=1 make serve': utkast syns bara i den interna versionen.",
        "Lämna in den som en pull request. Styrgruppen beslutar om den ska publiceras.",
    ]
    for n, step in enumerate(steps, 1):
        wrapped = wrap_words(step, 88)
        print(f"  {n}. {wrapped[0]}")
        for more in wrapped[1:]:
            print(f"     {more}")


def _new_year(args: argparse.Namespace) -> int:
    content = find_content(args.innehall)
    year = args.år.strip()
    if not re.fullmatch(r"\d{4}", year) or not 2000 <= int(year) <= 2100:
        raise UsageError(f"året ska skrivas med fyra siffror, t.ex. 2026, inte '{year}'")
    organisation = str(site_options().get("organisation") or "").strip()
    titel = args.titel or (f"Årsrapport {year} – {organisation}" if organisation else f"Årsrapport {year}")
    folder = content / YEAR_DIR / year
    if (folder / "index.md").exists():
        raise Refused(f"årsrapporten för {year} finns redan: {shown(folder / 'index.md')}")
    existing_chapters = folder.is_dir() and any(folder.glob("*.md"))
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_year(year, titel).items():
        if name != "index.md" and existing_chapters:
            continue  # the folder already has chapters of its own: only the missing index.md
        target = folder / name
        with target.open("x", encoding="utf-8", newline="\n") as out:
            out.write(text)
        written.append(target)
    print(f"Ny årsrapport för {year}: {shown(folder)}/")
    for target in written:
        print(f"  {target.name}")
    print()
    print("Så gör du nu:")
    print("  1. Skriv förordet i index.md och fyll i ombud och sökande när ni har siffrorna.")
    print("  2. Kapitlen har markeringar som <!-- po: nyckeltal --> där tabeller och diagram hamnar.")
    print("     Flytta eller ta bort dem som ni vill. Namnen finns i guiden under Årsrapporten.")
    print("  3. Kör 'po check'.")
    return 0


def _write_templates(args: argparse.Namespace) -> int:
    content = find_content(args.innehall)
    vocab = vocabulary_of(content)
    files = template_files(vocab, str(site_options().get("organisation") or "").strip())
    for rel, text in files.items():
        target = content / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8", newline="\n")
        print(f"Skrev {shown(target)}")
    print()
    print("Mallarna används inte av bygget (mappnamnet börjar med _). Kopiera dem i webbredigeraren.")
    return 0


