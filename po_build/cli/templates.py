"""The report, positive-event and yearly-report files that `po ny` writes, and the blank
templates in `_mallar/`: every field with a short Swedish comment from the schema and the
merged vocabulary, every heading with its hint line."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml

from po_build.contract.advice import FIELD_ADVICE, ID_PREFIX, KIND_NAMES, PLACEHOLDER, TEMPLATE_ADVICE
from po_build.contract.layout import REPORT_DIR, TEMPLATE_DIR, YEAR_DIR, YEAR_TEMPLATE_DIR
from po_build.contract.markers import MARKERS
from po_build.contract.schema import build_schema
from po_build.contract.sections import FOREWORD_HINT, HINTS, SECTIONS
from po_build.contract.vocabulary import Term, Vocabulary

WIDTH = 96  # comment lines stay readable in a web editor without sideways scrolling


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


def wrap_words(text: str, width: int) -> list[str]:
    # Ids such as mal-styrning must stay whole: someone will copy them from here.
    return textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False)


def _comment(text: str, indent: str = "") -> list[str]:
    return [f"{indent}# {line}" for line in wrap_words(text, WIDTH - len(indent) - 2)]


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
    return [f"{indent}#   {line}" for line in wrap_words(ids, WIDTH - len(indent) - 4)]


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
            wrapped = wrap_words(ids, WIDTH - width - 6)
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
    for marker in MARKERS:
        body = chapters[marker.template_chapter][2]
        body += ["", f"## {marker.template_heading}", "", f"<!-- po: {marker.name} -->"]
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
