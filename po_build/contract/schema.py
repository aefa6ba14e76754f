"""The front-matter schema, written once as JSON Schema (draft 2020-12).

`po check` validates with it, the site publishes it under /schema/ for editors,
and the guide's field reference is generated from it: one definition, three uses.
Enumerations come from the merged vocabulary, so an organisation's own actors and
areas are in its published schema too.
"""

from __future__ import annotations

import re
from typing import Any

from po_build.contract.vocabulary import Vocabulary

SCHEMA_ID = "https://po-build.invalid/schema/rapport.schema.json"

# The id and date forms, written once. The schema's patterns are ECMA-262 regular
# expressions (as JSON Schema reads them); the compiled forms are the same text.
# A serial number starts at 001: 000 and 0000 are refused.
_SERIAL = "(?!0{3,4}(?![0-9]))[0-9]{3,4}"
ID_FORM = "[BP]-[0-9]{4}-" + _SERIAL
ID_PATTERNS = {"brist": f"^B-[0-9]{{4}}-{_SERIAL}$", "positiv": f"^P-[0-9]{{4}}-{_SERIAL}$"}
ANY_ID_PATTERN = f"^{ID_FORM}$"
ID_RE = re.compile(ID_FORM)
# An id with its parts, where it starts a file name or an `id:` line (000 included: a
# number that is in use, even wrongly, is never handed out again).
ID_PARTS_RE = re.compile(r"([BP])-([0-9]{4})-([0-9]{3,4})(?![0-9])")
ID_EXAMPLES = {"brist": "B-2025-001", "positiv": "P-2025-001"}
DATE_FORM = "[0-9]{4}-[0-9]{2}-[0-9]{2}"
DATE_PATTERN = f"^{DATE_FORM}$"
DATE_RE = re.compile(DATE_FORM)
RUBRIK_MIN, RUBRIK_MAX = 10, 120
BOOLEAN_VALUES = [True, False, "ja", "nej"]
MAX_LIST = 200



def _says(**wordings: tuple[str, str] | tuple[str, str, str]) -> dict[str, Any]:
    """The `x-po` annotation: per JSON Schema keyword, the problem code and the Swedish message
    `po check` gives when that keyword fails here (placeholders {value}, {length}, {limit}), and
    optionally the key whose line the message points at."""
    out: dict[str, Any] = {}
    for keyword, (code, message, *at) in wordings.items():
        out[keyword] = {"code": code, "message": message, **({"at": at[0]} if at else {})}
    return {"x-po": out}


_DATE_WORDING = _says(
    pattern=("PO207", "'{value}' är inget datum i formen ÅÅÅÅ-MM-DD – skriv t.ex. 2025-03-14"),
    format=("PO207", "'{value}' är inget riktigt datum – kontrollera månad och dag"),
)


def _date(description: str) -> dict[str, Any]:
    return {
        "type": "string",
        "format": "date",
        "pattern": DATE_PATTERN,
        # No example value: a real-looking date here would appear in every public build.
        "description": description,
        **_DATE_WORDING,
    }


def _ids(terms: dict[str, Any], description: str, min_items: int = 0) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "array",
        "items": {"type": "string", "enum": list(terms)},
        "uniqueItems": True,
        "maxItems": MAX_LIST,
        "description": description,
    }
    if min_items:
        schema["minItems"] = min_items
    return schema


def _texts(description: str) -> dict[str, Any]:
    return {
        "type": "array",
        "items": {"type": "string", "minLength": 1},
        "maxItems": MAX_LIST,
        "description": description,
    }


def _common(kind: str, vocab: Vocabulary) -> dict[str, Any]:
    categories = vocab.categories if kind == "brist" else vocab.positive_categories
    return {
        "id": {
            "type": "string",
            "pattern": ID_PATTERNS[kind],
            "description": "Unik och stabil beteckning; filnamnet börjar med den.",
            "examples": [ID_EXAMPLES[kind]],
            **_says(pattern=("PO204", f"id:t '{{value}}' har fel form – en {kind} har id som "
                             f"{ID_EXAMPLES[kind]} (bokstaven, året och ett löpnummer från 001)")),
        },
        "typ": {"const": kind, "description": "Vilken sorts rapport: brist eller positiv."},
        "rubrik": {
            "type": "string",
            "minLength": RUBRIK_MIN,
            "maxLength": RUBRIK_MAX,
            "description": f"Rubriken som visas överallt, {RUBRIK_MIN}–{RUBRIK_MAX} tecken.",
            **_says(
                minLength=("PO205", "rubriken har {length} tecken, minst {limit} – skriv en rubrik som "
                           "säger vad bristen gäller"),
                maxLength=("PO205", "rubriken har {length} tecken, högst {limit} – korta rubriken och "
                           "lägg detaljerna i texten"),
            ),
        },
        "datum": _date(
            "När bristen först uppmärksammades (ÅÅÅÅ-MM-DD); inte i framtiden. "
            "Visas bara som månad och år."
            if kind == "brist"
            else "När händelsen inträffade (ÅÅÅÅ-MM-DD). Visas bara som månad och år."
        ),
        "kategorier": _ids(
            categories,
            "Kategorier ur vokabulären"
            + (", tillåtna för den valda nivån." if kind == "brist" else " (positiva kategorier)."),
            min_items=1,
        ),
        "aktörer": _ids(vocab.actors, "Myndigheter och verksamheter som berörs.", min_items=1),
        "områden": _ids(
            vocab.areas,
            "Kommuner eller områden som berörs (deklareras i vokabular.yml).",
        ),
        "relaterade": {
            "type": "array",
            "items": {"type": "string", "pattern": ANY_ID_PATTERN,
                      **_says(pattern=("PO314", "'{value}' är inget rapport-id – skriv t.ex. B-2025-001"))},
            "uniqueItems": True,
            "maxItems": MAX_LIST,
            "description": "Andra rapporter (brister eller positiva händelser) som hör ihop med denna.",
        },
        "publicera": {
            "enum": BOOLEAN_VALUES,
            "default": False,
            "description": "Styrgruppens beslut att publicera (true/ja). Inget blir offentligt utan det.",
        },
        "publicerad": _date("Datum för beslutet att publicera; krävs när publicera är true."),
        "tema": {"type": "string", "description": "Årets tema, om rapporten hör till det."},
        "intern": {
            "type": "object",
            "description": "Interna anteckningar (t.ex. rapportör, anteckningar). Blir aldrig offentliga.",
        },
    }


def _report_schema(kind: str, vocab: Vocabulary) -> dict[str, Any]:
    props = _common(kind, vocab)
    required = ["id", "typ", "rubrik", "datum", "kategorier", "aktörer"]
    if kind == "brist":
        props.update(
            {
                "nivå": {
                    "enum": list(vocab.levels),
                    "description": "Var bristen kan åtgärdas: individ, lokal eller nationell.",
                },
                "allvarlighet": {
                    "enum": list(vocab.severities),
                    "description": "Hur allvarlig bristen är: låg, medel eller hög.",
                },
                "förekomster": {
                    "type": "array",
                    "items": _date("Ett senare tillfälle då samma brist sågs igen."),
                    "maxItems": MAX_LIST,
                    "description": "Varje senare tillfälle bristen sågs igen. Visas bara som antal.",
                },
                "status": {
                    "enum": list(vocab.statuses),
                    "description": "Var i arbetet bristen är nu.",
                },
                "historik": {
                    "type": "array",
                    "maxItems": MAX_LIST,
                    "description": "Daterade steg; börjar med upptäckt, i datumordning, "
                    "sista steget är samma som status.",
                    "items": {
                        "type": "object",
                        "properties": {
                            "datum": _date("När steget togs."),
                            "status": {"enum": list(vocab.statuses)},
                            "text": {"type": "string", "description": "Kort offentlig text om steget."},
                        },
                        "required": ["datum", "status"],
                        "additionalProperties": False,
                    },
                },
                "mottagare": _texts("Till vem bristen har påtalats."),
                "bilagor": {
                    "type": "array",
                    "items": {"type": "string", "minLength": 1},
                    "maxItems": MAX_LIST,
                    "description": "Filer i content/bilagor/, t.ex. skrivelse-2025.pdf.",
                },
            }
        )
        required += ["nivå", "allvarlighet", "status"]
    order = [
        "id", "typ", "rubrik", "datum", "nivå", "kategorier", "aktörer", "områden",
        "allvarlighet", "förekomster", "status", "historik", "mottagare", "relaterade",
        "bilagor", "publicera", "publicerad", "tema", "intern",
    ]
    return {
        "type": "object",
        "title": "Systembrist" if kind == "brist" else "Positiv händelse",
        "properties": {k: props[k] for k in order if k in props},
        "required": required,
        "additionalProperties": False,
        "if": {"properties": {"publicera": {"enum": [True, "ja"]}}, "required": ["publicera"]},
        "then": {"required": ["publicerad"], **_says(required=(
            "PO309", "publicera är true men publicerad saknas – lägg till 'publicerad: ÅÅÅÅ-MM-DD' "
            "med datum för styrgruppens beslut", "publicera"))},
    }


def _year_schema() -> dict[str, Any]:
    count = {"type": "integer", "minimum": 0}
    return {
        "type": "object",
        "title": "Årsrapport",
        "properties": {
            "år": {"type": "integer", "minimum": 2000, "maximum": 2100,
                   "description": "Året; samma som mappens namn."},
            "titel": {"type": "string", "minLength": 1, "description": "Rapportens titel."},
            "tema": {"type": "string", "description": "Årets tema."},
            "ombud": {"type": "number", "minimum": 0,
                      "description": "Antal ombud (årsarbetare, decimaler går bra)."},
            "sökande": {
                "type": "object",
                "description": "Hur många som sökte (totalt) och, om ni har siffrorna, hur de kom i "
                "kontakt: själv, via anhörig, via myndighet, övriga. Delarna får saknas; när alla fyra "
                "anges ska de bli totalt, när några anges får de bli högst totalt.",
                "properties": {
                    "totalt": count, "själv": count, "anhörig": count,
                    "myndighet": count, "övriga": count,
                },
                "required": ["totalt"],
                "additionalProperties": False,
            },
            "publicera": {"enum": BOOLEAN_VALUES, "default": False,
                          "description": "Om årsrapporten ska publiceras."},
        },
        "required": ["år", "titel"],
        "additionalProperties": False,
    }


def _chapter_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "title": "Kapitel i årsrapporten",
        "properties": {
            "rubrik": {"type": "string", "minLength": 1, "description": "Kapitlets rubrik."},
            "ordning": {"type": "integer", "description": "Kapitlets plats (1, 2, 3 ...)."},
        },
        "required": ["rubrik", "ordning"],
        "additionalProperties": False,
    }


def build_schema(vocab: Vocabulary) -> dict[str, Any]:
    """The whole JSON Schema. A document is checked against the definition for its kind."""
    defs = {
        "brist": _report_schema("brist", vocab),
        "positiv": _report_schema("positiv", vocab),
        "arsrapport": _year_schema(),
        "kapitel": _chapter_schema(),
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "po-build: inledande fält (front matter) i en rapport",
        "description": "Innehållsformatet version 1. Välj definition efter typ: brist eller positiv; "
        "årsrapportens index.md följer #/$defs/arsrapport och dess kapitel #/$defs/kapitel.",
        "$defs": defs,
        "if": {"properties": {"typ": {"const": "positiv"}}, "required": ["typ"]},
        "then": {"$ref": "#/$defs/positiv"},
        "else": {"$ref": "#/$defs/brist"},
    }
