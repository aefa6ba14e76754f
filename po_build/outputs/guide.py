"""The guide on the site: how to write, check, review and publish reports.

Hand-written pages are Markdown in po_build/docs/guide-*.md. The reference pages
are generated: the fields from the JSON Schema and the organisation's vocabulary,
the error codes from the catalog in codes.py, the yearly report's markers from
body.py. They are made from the same definitions `po check` uses, so the guide
cannot describe a field, a value or a code that the program does not know, or
leave one out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from po_build.contract.codes import WARNINGS, by_group
from po_build.contract.markers import MARKER_NAMES
from po_build.contract.schema import build_schema
from po_build.contract.sections import HINTS, SECTIONS
from po_build.contract.vocabulary import Term, Vocabulary
from po_build.model.slug import slugify
from po_build.outputs.documents import document_page
from po_build.outputs.pages import PageSettings, PageSpec
from po_build.outputs.paths import GUIDE_CODES_PAGE
from po_build.project.projection import Projection

# (source path, Markdown file in po_build/docs/ or None when generated, short title for the guide's menu)
PAGES: list[tuple[str, str | None, str]] = [
    ("guide/index.md", "guide-index.md", "Översikt"),
    ("guide/formular/index.md", "guide-formular.md", "Formuläret"),
    ("guide/kom-igang/index.md", "guide-kom-igang.md", "Kom igång"),
    ("guide/skriva/index.md", "guide-skriva.md", "Skriva en bra rapport"),
    ("guide/anonymitet/index.md", "guide-anonymitet.md", "Ingen ska kunna kännas igen"),
    ("guide/granskning/index.md", "guide-granskning.md", "Granskning och publicering"),
    ("guide/falt/index.md", None, "Fälten"),
    (f"{GUIDE_CODES_PAGE}index.md", None, "Felkoderna"),
    ("guide/arsrapport/index.md", None, "Årsrapporten"),
    ("guide/ci/index.md", "guide-ci.md", "Automatisk kontroll"),
    ("guide/anpassa/index.md", "guide-anpassa.md", "Anpassa utseendet"),
    ("guide/formular-inloggning/index.md", "guide-formular-inloggning.md", "Sätta upp formuläret"),
]

# Which vocabulary section names the values of a field.
_VOCABULARY_OF: dict[str, str] = {
    "nivå": "levels",
    "allvarlighet": "severities",
    "status": "statuses",
    "aktörer": "actors",
    "områden": "areas",
}
DEFINITIONS = [
    ("brist", "En brist", "content/brister/<år>/<id>-<kort-namn>.md"),
    ("positiv", "En positiv händelse", "content/brister/<år>/<id>-<kort-namn>.md"),
    ("arsrapport", "Årsrapportens index.md", "content/arsrapport/<år>/index.md"),
    ("kapitel", "Ett kapitel i årsrapporten", "content/arsrapport/<år>/<nn>-<namn>.md"),
]


@dataclass
class Value:
    id: str
    namn: str = ""
    note: str = ""


@dataclass
class FieldRow:
    name: str
    required: str
    type: str
    description: str
    values: list[Value] = field(default_factory=list)
    default: str = ""
    children: list[FieldRow] = field(default_factory=list)
    free_form: bool = False


@dataclass
class Definition:
    key: str
    title: str
    where: str
    fields: list[FieldRow]
    sections: list[tuple[str, bool, str]]  # (heading, required, what to write)


def _range(prop: dict[str, Any]) -> str:
    low, high = prop.get("minimum"), prop.get("maximum")
    if low is not None and high is not None:
        return f", {low}–{high}"
    if low is not None:
        return f", {low} eller mer"
    return ""


def type_text(prop: dict[str, Any]) -> str:
    """The kind of value a field takes, in words an ombud uses."""
    if "const" in prop:
        return f"alltid {prop['const']}"
    if "enum" in prop:
        return "true eller false (ja eller nej)" if True in prop["enum"] else "ett av värdena"
    kind = prop.get("type")
    if kind == "string":
        if prop.get("format") == "date":
            return "datum, ÅÅÅÅ-MM-DD"
        if "pattern" in prop:
            examples = prop.get("examples") or []
            return f"beteckning, t.ex. {examples[0]}" if examples else "beteckning"
        low, high = prop.get("minLength"), prop.get("maxLength")
        if low and high:
            return f"text, {low}–{high} tecken"
        return "text, inte tom" if low else "text"
    if kind == "array":
        items = prop.get("items", {})
        at_least = f", minst {prop['minItems']}" if prop.get("minItems") else ""
        if "enum" in items:
            return f"lista med värden{at_least}"
        if items.get("format") == "date":
            return f"lista med datum ÅÅÅÅ-MM-DD{at_least}"
        if items.get("type") == "object":
            return f"lista med steg{at_least}"
        if "pattern" in items:
            return f"lista med id:n, t.ex. [B-2025-001]{at_least}"
        return f"lista med texter{at_least}"
    if kind == "object":
        return "grupp av fält på egna, indragna rader"
    if kind == "integer":
        return "heltal" + _range(prop)
    if kind == "number":
        return "tal, decimaler går bra" + _range(prop)
    return "värde"


def _values(name: str, prop: dict[str, Any], kind: str, vocab: Vocabulary) -> list[Value]:
    enum = prop.get("enum") or prop.get("items", {}).get("enum")
    if not enum or True in enum:
        return []
    if name == "kategorier":
        terms: dict[str, Term] = vocab.categories if kind == "brist" else vocab.positive_categories
    else:
        terms = getattr(vocab, _VOCABULARY_OF.get(name, "statuses"), {})
    out = []
    for value in enum:
        term = terms.get(value)
        notes = []
        if term is not None and kind == "brist" and name == "kategorier":
            notes.append("nivåer: " + ", ".join(term.nivåer))
        if term is not None and term.utgått:
            notes.append("utgått: används inte i nya rapporter")
        out.append(Value(str(value), term.namn if term else "", "; ".join(notes)))
    return out


def _rows(schema: dict[str, Any], kind: str, vocab: Vocabulary) -> list[FieldRow]:
    required = set(schema.get("required", []))
    conditional = set(schema.get("then", {}).get("required", []))
    rows = []
    for name, prop in schema.get("properties", {}).items():
        if name in required:
            need = "ja"
        elif name in conditional:
            need = "när publicera är true"
        else:
            need = "nej"
        items = prop.get("items", {})
        nested = prop if prop.get("type") == "object" else items if items.get("type") == "object" else None
        children = _rows(nested, kind, vocab) if nested and nested.get("properties") else []
        default = prop.get("default")
        rows.append(FieldRow(
            name=name,
            required=need,
            type=type_text(prop),
            description=prop.get("description", ""),
            values=_values(name, prop, kind, vocab),
            default="" if default is None else str(default).lower(),
            children=children,
            free_form=prop.get("type") == "object" and not prop.get("properties"),
        ))
    return rows


def field_reference(vocab: Vocabulary) -> list[Definition]:
    defs = build_schema(vocab)["$defs"]
    return [
        Definition(
            key, title, where, _rows(defs[key], key, vocab),
            [(heading, required, HINTS.get(heading, "")) for heading, required in SECTIONS.get(key, [])],
        )
        for key, title, where in DEFINITIONS
    ]


# --- pages ---------------------------------------------------------------------------


def _nav(current: str) -> list[tuple[str, str, bool]]:
    return [(_url(src), title, src == current) for src, _doc, title in PAGES]


def _url(src: str) -> str:
    return src.removesuffix("index.md")


def guide_pages(p: Projection, settings: PageSettings) -> list[PageSpec]:
    """Every page of the guide, for the public and the internal site alike."""
    vocab = p.vocabulary
    specs: list[PageSpec] = []
    for src, doc, _title in PAGES:
        nav = _nav(src)
        if doc is not None:
            spec = document_page(src, doc)
            spec.template = "guide-sida.html"
            spec.context["guide_nav"] = nav
            specs.append(spec)
        elif src.startswith("guide/falt/"):
            definitions = field_reference(vocab)
            specs.append(PageSpec(
                src, "Fälten i en rapport", "guide-falt.html",
                {"definitions": definitions, "guide_nav": nav},
                toc=[(f"falt-{d.key}", d.title) for d in definitions],
            ))
        elif src.startswith(GUIDE_CODES_PAGE):
            groups = [("grupp-" + slugify(g), g, codes) for g, codes in by_group().items() if codes]
            specs.append(PageSpec(
                src, "Felkoderna", "guide-felkoder.html",
                {"groups": groups, "warnings": WARNINGS, "guide_nav": nav},
                toc=[(anchor, g) for anchor, g, _codes in groups],
            ))
        else:
            specs.append(PageSpec(
                src, "Årsrapporten", "guide-arsrapport.html",
                {"markers": list(MARKER_NAMES.items()), "guide_nav": nav},
                toc=[("filer", "Filerna"), ("markeringar", "Markeringarna"), ("tips", "Tips")],
            ))
    return specs


