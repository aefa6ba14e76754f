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
import json
import re
import shutil
import subprocess
import sys
import textwrap
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from .body import MARKER_NAMES
from .config import docs_dir_of, plugin_options, read_mkdocs_config
from .identifiers import scan_file_text
from .problems import ProblemList, did_you_mean
from .schema import RUBRIK_MAX, RUBRIK_MIN, SECTIONS, build_schema
from .validate import REPORT_DIR, VOCABULARY_FILE, YEAR_DIR, check_tree
from .vocabulary import Term, Vocabulary, load_vocabulary

PLACEHOLDER = "VÄLJ"
TEMPLATE_DIR = "_mallar"  # content/brister/_mallar/: ignored by the build (leading '_')
YEAR_TEMPLATE_DIR = "_mall"  # content/arsrapport/_mall/
KIND_NAMES = {"brist": "brist", "positiv": "positiv händelse"}
ID_PREFIX = {"brist": "B", "positiv": "P"}
WIDTH = 96  # comment lines stay readable in a web editor without sideways scrolling

# One plain sentence under each heading. Plain text on purpose: an HTML comment
# would be refused by `po check` (PO503). `po granska` points out any hint that
# is still there, so it cannot slip into a published page unnoticed.
HINTS: dict[str, str] = {
    "Beskrivning": "Beskriv vad som händer och hur problemet visar sig, utan namn eller detaljer som kan "
    "peka ut en klient.",
    "Orsaker": "Skriv vad som orsakar bristen: rutiner, regler, organisation eller arbetssätt, inte "
    "enskilda personer.",
    "Konsekvenser": "Beskriv vad bristen får för följder för klientgruppen.",
    "Förslag till åtgärder": "Föreslå vad som kan göras och vem som kan påverka det.",
    "Vad ombuden har gjort": "Valfritt: vad ombuden har gjort, till exempel vem ni har kontaktat. Ta "
    "bort rubriken om den inte behövs.",
    "Resultat": "Valfritt: vad som hände efter att bristen påtalades. Ta bort rubriken om det inte finns "
    "något att skriva ännu.",
    "Uppföljning": "Valfritt: hur effekten har följts upp. Ta bort rubriken om det inte finns något att "
    "skriva ännu.",
    "Händelse": "Beskriv vad som hände och vad som fungerade bra, utan namn eller detaljer som kan peka "
    "ut en klient.",
    "Varför det fungerade": "Valfritt: vad som gjorde att det fungerade, så att fler kan göra likadant. "
    "Ta bort rubriken om den inte behövs.",
}
FOREWORD_HINT = (
    "Skriv förordet här: vad som har präglat året, årets tema och ett tack till dem som har bidragit."
)

# Extra advice after the schema's own description, where the form needs more.
FIELD_ADVICE: dict[str, str] = {
    "id": "Låt det stå som det är.",
    "rubrik": "Säg vad det gäller, utan namn.",
    "kategorier": "Skriv som en lista, t.ex. [samordning, tillganglighet].",
    "aktörer": "Skriv som en lista, t.ex. [forsakringskassan].",
    "områden": "Kan vara tom: [].",
    "förekomster": "Skriv datumen som en lista, t.ex. [ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM-DD].",
    "mottagare": "T.ex. [Styrgruppen för personligt ombud].",
    "relaterade": "T.ex. [B-2025-004].",
    "bilagor": "Lägg filen i content/bilagor/ och skriv filnamnet här.",
    "publicera": "Låt det stå false. Styrgruppen beslutar, och då ändras det till true.",
    "publicerad": "Ta bort # först på raden och skriv datumet när styrgruppen har beslutat.",
    "tema": "Ta bort # först på raden om rapporten hör till årets tema.",
    "intern": "rapportör är det ombud som rapporterar; anteckningar är fri text.",
}

# In the blank form for the web editor, the ombud fills in what the command fills in.
TEMPLATE_ADVICE: dict[str, str] = {
    "id": "Byt ÅÅÅÅ mot året och NNN mot nästa lediga nummer, t.ex. B-2026-007 eller P-2026-007.",
    "datum": "Skriv datumet med siffror, t.ex. 2026-03-14.",
}

# Headings for the yearly report's markers; a marker without one here still gets a
# section, titled with its description, so a new marker is never left out.
MARKER_HEADINGS: dict[str, str] = {
    "nyckeltal": "Året i siffror",
    "sokande": "Sökande under året",
    "per-niva": "Brister per nivå",
    "per-kategori": "Brister per kategori",
    "per-aktor": "Brister per aktör",
    "per-status": "Var bristerna står i arbetet",
    "allvarligaste": "De allvarligaste bristerna",
    "atgardade": "Åtgärdat under året",
    "aterkommande": "Återkommande brister",
    "positiva": "Positiva händelser",
    "socialstyrelsen": "Svaren på Socialstyrelsens frågor",
}
_CHAPTER_OF_MARKER = {"positiva": 2, "socialstyrelsen": 3}


class UsageError(Exception):
    """The command was used wrongly: exit code 2, message in Swedish."""


class Refused(Exception):
    """The command understood the request but will not do it: exit code 1."""


# --- shared with `po lista`, `po status` and `po granska` ----------------------------


def find_content(given: str | None) -> Path:
    """The content folder: --innehåll, else docs_dir in ./mkdocs.yml, else ./content."""
    if given:
        path = Path(given)
        if not path.is_dir():
            raise UsageError(f"mappen '{given}' finns inte – kontrollera sökvägen")
        return path
    config = Path("mkdocs.yml")
    if config.is_file():
        try:
            return docs_dir_of(config)
        except Exception as err:  # a broken mkdocs.yml is a usage problem, not a crash
            raise UsageError(f"mkdocs.yml går inte att läsa ({err.__class__.__name__})") from err
    if Path("content").is_dir():
        return Path("content").resolve()
    raise UsageError(
        "hittar varken mkdocs.yml eller mappen content här – gå till webbplatsens mapp, "
        "eller ange mappen med --innehåll"
    )


def site_options() -> dict[str, Any]:
    """The plugin's settings in ./mkdocs.yml (organisation, region, minsta_antal), or {}."""
    config = Path("mkdocs.yml")
    if not config.is_file():
        return {}
    try:
        return plugin_options(read_mkdocs_config(config))
    except Exception:  # the settings only decorate; a broken file is reported elsewhere
        return {}


def parse_day(value: str | None, what: str = "--idag") -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{what} ska vara ett datum ÅÅÅÅ-MM-DD, t.ex. 2026-03-14, inte '{value}'") from None


def shown(path: Path) -> str:
    """A path as the user typed it: relative to where they stand when possible."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def vocabulary_of(content: Path) -> Vocabulary:
    path = content / VOCABULARY_FILE
    return load_vocabulary(path if path.exists() else None, VOCABULARY_FILE, ProblemList(VOCABULARY_FILE))


# --- ids and file names -------------------------------------------------------------

_ID_IN_NAME = re.compile(r"^([BP])-(\d{4})-(\d{3,4})(?![0-9])")
_ID_IN_TEXT = re.compile(r"^id[ \t]*:[ \t]*[\"']?([BP])-(\d{4})-(\d{3,4})(?![0-9])", re.MULTILINE)


def ids_in_folder(report_dir: Path) -> set[str]:
    """Every id in a file name or an `id:` line, in files with errors too."""
    found: set[str] = set()
    if not report_dir.is_dir():
        return found
    for path in report_dir.rglob("*"):
        if not path.is_file():
            continue
        m = _ID_IN_NAME.match(path.name)
        if m:
            found.add("-".join(m.groups()))
        if path.suffix.lower() == ".md":
            try:
                head = path.read_bytes()[:8192].decode("utf-8", "replace")
            except OSError:
                continue
            found.update("-".join(m.groups()) for m in _ID_IN_TEXT.finditer(head))
    return found


def run_git(args: Sequence[str], cwd: Path) -> str | None:
    if shutil.which("git") is None:
        return None
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def ids_on_branches(report_dir: Path, max_refs: int = 200) -> set[str]:
    """Ids in file names on every local and remote branch.

    Two ombud writing at the same time on different branches would otherwise both
    pick the same number, and only find out when the second pull request fails.
    """
    found: set[str] = set()
    if not report_dir.is_dir():
        return found
    top = run_git(["rev-parse", "--show-toplevel"], report_dir)
    if not top:
        return found
    try:
        rel = report_dir.resolve().relative_to(Path(top.strip()).resolve()).as_posix()
    except ValueError:
        return found
    root = Path(top.strip())
    refs = run_git(["for-each-ref", "--format=%(refname)", "refs/heads", "refs/remotes"], root) or ""
    for ref in [r for r in refs.split() if not r.endswith("/HEAD")][:max_refs]:
        # ls-tree reads paths from the current folder: run it from the top of the repository.
        names = run_git(["ls-tree", "-r", "--name-only", ref, "--", rel], root) or ""
        for name in names.splitlines():
            m = _ID_IN_NAME.match(name.rsplit("/", 1)[-1])
            if m:
                found.add("-".join(m.groups()))
    return found


def next_id(content: Path, kind: str, year: int, use_git: bool = True) -> str:
    """One more than the highest number in use for the year; gaps are never filled."""
    report_dir = content / REPORT_DIR
    used = ids_in_folder(report_dir) | (ids_on_branches(report_dir) if use_git else set())
    prefix = f"{ID_PREFIX[kind]}-{year}-"
    numbers = [int(i[len(prefix):]) for i in used if i.startswith(prefix)]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"


def slugify(text: str, limit: int = 50) -> str:
    """ASCII words from a headline, cut at a word boundary: 'Telefontiden räcker' → 'telefontiden-racker'."""
    folded = text.lower().translate(str.maketrans({"å": "a", "ä": "a", "ö": "o", "æ": "ae", "ø": "o"}))
    ascii_text = unicodedata.normalize("NFKD", folded).encode("ascii", "ignore").decode()
    out = ""
    for word in re.findall(r"[a-z0-9]+", ascii_text):
        candidate = f"{out}-{word}" if out else word
        if len(candidate) > limit:
            break
        out = candidate
    return out or "rapport"


# --- writing YAML that reads back exactly ------------------------------------------


def yaml_text(value: str) -> str:
    """A text value as plain YAML when that reads back as the same text, else quoted."""
    plain_ok = (
        value == value.strip()
        and value != ""
        and not re.search(r"(: |\s#|^[-?:,\[\]{}#&*!|>'\"%@`])|:$", value)
        and "\n" not in value
    )
    if plain_ok:
        try:
            if yaml.safe_load(value) == value:
                return value
        except yaml.YAMLError:
            pass
    # A JSON string is a valid YAML double-quoted scalar, escapes included.
    return json.dumps(value, ensure_ascii=False)


def yaml_list(values: Iterable[str]) -> str:
    return "[" + ", ".join(yaml_text(v) for v in values) + "]"


def _wrap(text: str, width: int) -> list[str]:
    # Ids such as mal-styrning must stay whole: someone will copy them from here.
    return textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False)


def _comment(text: str, indent: str = "") -> list[str]:
    return [f"{indent}# {line}" for line in _wrap(text, WIDTH - len(indent) - 2)]


def _active(terms: dict[str, Term]) -> list[Term]:
    return [t for t in terms.values() if not t.utgått]


def _term_lines(terms: Iterable[Term], indent: str = "") -> list[str]:
    items = list(terms)
    width = max((len(t.id) for t in items), default=0)
    # "låg  Låg" says nothing twice; the label is shown only when it adds something.
    return [
        f"{indent}#   {t.id.ljust(width)}  {t.namn}" if t.namn.lower() != t.id else f"{indent}#   {t.id}"
        for t in items
    ]


def _wrapped_ids(terms: Iterable[Term], indent: str = "") -> list[str]:
    ids = ", ".join(t.id for t in terms)
    return [f"{indent}#   {line}" for line in _wrap(ids, WIDTH - len(indent) - 4)]


def _allowed_lines(name: str, kind: str, vocab: Vocabulary) -> list[str]:
    """The allowed values of one field, as comment lines, from the merged vocabulary."""
    if name == "nivå":
        return ["# Välj en:", *_term_lines(_active(vocab.levels))]
    if name == "allvarlighet":
        return ["# Välj en:", *_term_lines(_active(vocab.severities))]
    if name == "status":
        return ["# Välj en (arbetsgången, i ordning):", *_term_lines(_active(vocab.statuses))]
    if name == "kategorier" and kind == "brist":
        lines = ["# Tillåtna för varje nivå:"]
        levels = _active(vocab.levels)
        width = max(len(level.id) for level in levels) + 1
        for level in levels:
            ids = ", ".join(t.id for t in _active(vocab.categories) if level.id in t.nivåer)
            wrapped = _wrap(ids, WIDTH - width - 6)
            lines += [f"#   {(level.id + ':' if i == 0 else '').ljust(width)} {part}"
                      for i, part in enumerate(wrapped)]
        return lines
    if name == "kategorier":
        return ["# Välj bland:", *_term_lines(_active(vocab.positive_categories))]
    if name == "aktörer":
        return ["# Välj bland:", *_wrapped_ids(_active(vocab.actors))]
    if name == "områden":
        areas = _active(vocab.areas)
        if not areas:
            return ["# Inga områden finns ännu; de läggs till i content/vokabular.yml."]
        return ["# Välj bland:", *_wrapped_ids(areas)]
    return []


# --- the report form ---------------------------------------------------------------


@dataclass
class Answers:
    """What the ombud told us; None means 'leave it for them to fill in'."""

    rubrik: str = ""
    datum: str = "ÅÅÅÅ-MM-DD"
    id: str = ""
    nivå: str | None = None
    allvarlighet: str | None = None
    status: str | None = None
    kategorier: list[str] = field(default_factory=list)
    aktörer: list[str] = field(default_factory=list)
    områden: list[str] = field(default_factory=list)
    tema: str | None = None
    rapportör: str = ""
    today: str = ""  # the date of a status step other than upptäckt
    template: bool = False  # a blank form for the web editor


def _values(kind: str, a: Answers) -> dict[str, list[str] | str | None]:
    """The YAML for each field: one line after 'key: ', several lines, or None to comment it out."""
    status = a.status or "upptäckt"
    history: list[str] | str
    if a.template:
        history = "[]"
    else:
        history = [f"  - datum: {a.datum}", "    status: upptäckt"]
        if status != "upptäckt":
            history += [f"  - datum: {a.today or a.datum}", f"    status: {status}"]
    reporter = yaml_text(a.rapportör) if a.rapportör else '""'
    intern = [f"  rapportör: {reporter}", '  anteckningar: ""']
    return {
        "id": a.id,
        "typ": kind,
        "rubrik": yaml_text(a.rubrik) if a.rubrik else '""',
        "datum": a.datum,
        "nivå": a.nivå or PLACEHOLDER,
        "kategorier": yaml_list(a.kategorier),
        "aktörer": yaml_list(a.aktörer),
        "områden": yaml_list(a.områden),
        "allvarlighet": a.allvarlighet or PLACEHOLDER,
        "förekomster": "[]",
        "status": status,
        "historik": history,
        "mottagare": "[]",
        "relaterade": "[]",
        "bilagor": "[]",
        "publicera": "false",
        "publicerad": None,
        "tema": yaml_text(a.tema) if a.tema else None,
        "intern": intern,
    }


_COMMENTED_EXAMPLES = {"publicerad": "ÅÅÅÅ-MM-DD", "tema": "Skriv årets tema här"}
_HISTORY_EXAMPLE = [
    "# Ett nytt steg läggs till sist, t.ex.:",
    "#   - datum: ÅÅÅÅ-MM-DD",
    "#     status: påtalad",
    "#     text: Påtalad för styrgruppen",
]


def _front_matter(kind: str, vocab: Vocabulary, a: Answers) -> list[str]:
    props: dict[str, Any] = build_schema(vocab)["$defs"][kind]["properties"]
    values = _values(kind, a)
    lines = ["---"]
    if a.template:
        lines += _comment(
            f"Mall för en ny {KIND_NAMES[kind]}. Så gör du: skapa en ny fil i mappen "
            f"content/{REPORT_DIR}/<år>/ och kopiera hela den här texten dit. Ge filen ett namn som "
            f"börjar med id:t, t.ex. {ID_PREFIX[kind]}-2026-007-kort-beskrivning.md. Id:t är nästa "
            "lediga nummer för året: titta på det högsta numret i mappen och lägg till ett."
        )
    else:
        lines += _comment(
            f"En {KIND_NAMES[kind]}. Text efter # är hjälptext och syns aldrig på webbplatsen."
        )
    lines += _comment("Kör 'po check' när du har fyllt i: den säger vad som återstår.")
    for name, schema in props.items():
        lines.append("")
        advice = TEMPLATE_ADVICE.get(name) if a.template else None
        description = " ".join(filter(None, [schema.get("description", ""), advice or FIELD_ADVICE.get(name, "")]))
        lines += _comment(f"{name}: {description}" if description else name)
        lines += _allowed_lines(name, kind, vocab)
        if name == "historik":
            lines += _HISTORY_EXAMPLE
        value = values.get(name)
        if name not in values:
            # A field the form does not know yet: shown, so nobody has to look it up.
            lines.append(f"# {name}: ")
        elif value is None:
            lines.append(f"# {name}: {_COMMENTED_EXAMPLES.get(name, '')}".rstrip())
        elif isinstance(value, list):
            lines.append(f"{name}:")
            lines += value
        else:
            lines.append(f"{name}: {value}")
    lines.append("---")
    return lines


def render_report(kind: str, vocab: Vocabulary, answers: Answers) -> str:
    """The whole file: front matter with comments, then every heading with its hint."""
    lines = _front_matter(kind, vocab, answers)
    for title, _required in SECTIONS[kind]:
        lines += ["", f"## {title}", "", HINTS.get(title, "Skriv här.")]
    return "\n".join(lines) + "\n"


def render_template(kind: str, vocab: Vocabulary) -> str:
    """The blank form kept in content/brister/_mallar/ for the web editor."""
    return render_report(kind, vocab, Answers(id=f"{ID_PREFIX[kind]}-ÅÅÅÅ-NNN", template=True))


def leftover_hints(body: str) -> list[str]:
    """Headings whose hint line from the form is still in the text."""
    found = []
    current = ""
    for line in body.split("\n"):
        m = re.match(r"^##[ \t]+(.+?)[ \t]*$", line)
        if m:
            current = m.group(1)
        elif current in HINTS and line.strip() == HINTS[current]:
            found.append(current)
    return found


# --- the yearly report -------------------------------------------------------------


def render_year(year: str, titel: str, template: bool = False) -> dict[str, str]:
    """index.md and chapters for arsrapport/<år>/, with every marker placed once."""
    index = ["---"]
    if template:
        index += _comment(
            "Mall för årets årsrapport. Så gör du: skapa mappen content/arsrapport/<år>/ och kopiera "
            "den här filen dit som index.md, och kapitlen bredvid. Eller kör 'po ny arsrapport ÅR'."
        )
    index += [
        *_comment("Text efter # är hjälptext och syns aldrig på webbplatsen."),
        "",
        *_comment("år: Året; samma som mappens namn."),
        f"år: {year}",
        "",
        *_comment("titel: Rapportens titel."),
        f"titel: {yaml_text(titel)}",
        "",
        *_comment("tema: Årets tema, om ni har ett. Ta bort # först på raden för att använda det."),
        "# tema: Skriv årets tema här",
        "",
        *_comment("ombud: Antal ombud, räknat i årsarbetare (decimaler går bra, t.ex. 4.5). Ta bort # först "
                  "på raden när ni vet."),
        "# ombud: 0",
        "",
        *_comment("sökande: Hur många som sökte personligt ombud och hur de kom i kontakt. Delarna ska "
                  "tillsammans bli totalt. Ta bort # först på de sex raderna när ni har siffrorna."),
        "# sökande:",
        "#   totalt: 0",
        "#   själv: 0",
        "#   anhörig: 0",
        "#   myndighet: 0",
        "#   övriga: 0",
        "",
        *_comment("publicera: Låt det stå false tills styrgruppen har beslutat att publicera årsrapporten."),
        "publicera: false",
        "---",
        "",
        FOREWORD_HINT,
    ]
    chapters: dict[int, tuple[str, str, list[str]]] = {
        1: ("01-arbetet-med-brister.md", "Så arbetar vi med systembrister", [
            "## Rutiner för identifierade brister", "",
            "Beskriv hur ombuden upptäcker, samlar och tar upp brister med styrgruppen.",
        ]),
        2: ("02-det-som-fungerar.md", "Det som fungerar", [
            "## Framgångsfaktorer", "",
            "Beskriv vad som har gjort att samarbetet har fungerat, så att fler kan göra likadant.",
        ]),
        3: ("03-redovisning.md", "Redovisning till Socialstyrelsen", [
            "Socialstyrelsen frågar varje år om rutiner för brister, hur många som har identifierats på "
            "varje nivå, de allvarligaste och vilka som har åtgärdats. Svaren räknas fram här.",
        ]),
    }
    for name, description in MARKER_NAMES.items():
        body = chapters[_CHAPTER_OF_MARKER.get(name, 1)][2]
        body += ["", f"## {MARKER_HEADINGS.get(name, description)}", "", f"<!-- po: {name} -->"]
    files = {"index.md": "\n".join(index) + "\n"}
    for order, (filename, rubrik, body) in chapters.items():
        text = [
            "---",
            *_comment("rubrik: Kapitlets rubrik. ordning: kapitlets plats (1, 2, 3 ...)."),
            *_comment("En rad som <!-- po: nyckeltal --> visar tabeller och diagram som räknas fram "
                      "vid bygget. Flytta eller ta bort dem som ni vill; namnen finns i guiden."),
            f"rubrik: {yaml_text(rubrik)}",
            f"ordning: {order}",
            "---",
            "",
            *body,
        ]
        files[filename] = "\n".join(text).rstrip("\n") + "\n"
    return files


# --- the command -------------------------------------------------------------------


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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
    try:
        if args.ny_typ in ("brist", "positiv"):
            return _new_report(args.ny_typ, args)
        if args.ny_typ == "arsrapport":
            return _new_year(args)
        if args.ny_typ == "mallar":
            return _write_templates(args)
        print("po ny: välj vad du vill skapa: 'po ny brist', 'po ny positiv' eller "
              "'po ny arsrapport ÅR'", file=sys.stderr)
        return 2
    except UsageError as err:
        print(f"po: {err}", file=sys.stderr)
        return 2
    except Refused as err:
        print(f"po: {err}", file=sys.stderr)
        return 1


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
    path = folder / f"{answers.id}-{slugify(answers.rubrik)}.md"
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
    result = check_tree(content, today=today, scanner=scan_file_text, display_root=Path.cwd())
    mine = [p for p in result.problems if p.path == shown(path)]
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
        wrapped = _wrap(step, 88)
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


def template_files(vocab: Vocabulary, organisation: str = "") -> dict[str, str]:
    """Every template file, by path relative to the content folder."""
    titel = f"Årsrapport ÅÅÅÅ – {organisation}" if organisation else "Årsrapport ÅÅÅÅ"
    files = {
        f"{REPORT_DIR}/{TEMPLATE_DIR}/brist.md": render_template("brist", vocab),
        f"{REPORT_DIR}/{TEMPLATE_DIR}/positiv.md": render_template("positiv", vocab),
    }
    for name, text in render_year("ÅÅÅÅ", titel, template=True).items():
        files[f"{YEAR_DIR}/{YEAR_TEMPLATE_DIR}/{name}"] = text
    return files
