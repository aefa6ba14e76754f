"""Decap CMS's config.yml, made from the JSON Schema and the merged vocabulary.

Nothing here lists a field, a value or a help text of its own: the fields and
their order, what is required, lengths and patterns come from `build_schema`;
the choices and their labels from the vocabulary (the organisation's own actors
and areas included); the help texts from the schema's descriptions and the
hints `po ny` writes under each heading. A field added to the schema, or an area
added to content/vokabular.yml, is in the form at the next build.

Every field uses Decap's own widget names (select, datetime, list, ...), with two of
our own for what Decap has no widget for: the id chosen for the ombud (po-id) and the
body as one text box per heading (po-avsnitt). What a plain Decap field cannot check
(categories allowed for the level, dates not in the future, help text left in a
section) is done by assets/po-cms.js, which puts its checks around Decap's select
and date widgets and reads the rules from the extra options written here.
"""

from __future__ import annotations

from typing import Any

import yaml

from po_build.contract.advice import FORM_ADVICE, ID_PREFIX, KIND_NAMES
from po_build.contract.layout import (
    ATTACHMENT_DIR,
    FILE_SLUG_FALLBACK,
    FILE_SLUG_LIMIT,
    IGNORED_PREFIXES,
    REPORT_DIR,
)
from po_build.contract.schema import ID_PARTS_RE, build_schema
from po_build.contract.sections import SECTION_TABLE
from po_build.contract.vocabulary import Term, Vocabulary
from po_build.model.slug import FOLDED_LETTERS, WORD_PATTERN

from .options import LOCAL_SERVER, FormOptions

CONTENT_DIR = "content"  # docs_dir as the format has it; Decap's paths are from the top of the repository
COLLECTIONS = {"brist": "brister", "positiv": "positiva"}
COLLECTION_LABELS = {"brist": ("Brister", "brist"), "positiv": ("Positiva händelser", "positiv händelse")}

# Which vocabulary section gives a field's choices and their labels.
_SECTION_OF = {
    "nivå": "levels",
    "allvarlighet": "severities",
    "status": "statuses",
    "aktörer": "actors",
    "områden": "areas",
}

# Labels where the key alone would not say enough to someone who has never seen the file.
_LABELS = {
    "förekomster": "Senare tillfällen (förekomster)",
    "historik": "Historik",
    "mottagare": "Påtalad för (mottagare)",
    "relaterade": "Relaterade rapporter",
    "publicera": "Publicera (styrgruppens beslut)",
    "publicerad": "Datum för beslutet att publicera",
    "intern": "Internt (publiceras aldrig)",
}

_INTERN_FIELDS = [
    ("rapportör", "Rapportör", "Det ombud som rapporterar. Visas aldrig offentligt.", "string"),
    ("anteckningar", "Anteckningar", "Fri text för styrgruppen. Inga uppgifter om klienter.", "text"),
]


def _label(name: str) -> str:
    return _LABELS.get(name) or name[:1].upper() + name[1:]


def _hint(name: str, prop: dict[str, Any]) -> str:
    return " ".join(filter(None, [prop.get("description", ""), FORM_ADVICE.get(name, "")]))


def _options(terms: dict[str, Term]) -> list[dict[str, str]]:
    # Retired terms stay choosable, so an old report opens with its value, but say so.
    return [{"label": t.namn + (" (ur bruk – välj helst en annan)" if t.utgått else ""), "value": t.id}
            for t in terms.values()]


def _length_pattern(prop: dict[str, Any], label: str) -> list[str] | None:
    """Decap's string widget has no minLength/maxLength: the same limits as a pattern.

    The count of characters other than spaces must reach the minimum too, as `po check`
    (PO205) requires: ten spaces are not a headline.
    """
    low, high = prop.get("minLength"), prop.get("maxLength")
    if low is None and high is None:
        return None
    low = low or 0
    bound = f"{{{low},{high}}}" if high is not None else f"{{{low},}}"
    pattern = f"^(?=[\\s\\S]{bound}$)\\s*(?:\\S\\s*){{{low},}}$"
    message = f"{label}: skriv {low}–{high} tecken." if high is not None else f"{label}: skriv minst {low} tecken."
    return [pattern, message]


def _date_field(name: str, label: str, hint: str, required: bool) -> dict[str, Any]:
    # Decap's own date widget, which po-cms.js replaces by a calendar that refuses a day in
    # the future; the format keys keep the value a plain YYYY-MM-DD date either way.
    return {"name": name, "label": label, "widget": "datetime", "required": required, "hint": hint,
            "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False, "inte_framtid": True}


def _field(name: str, prop: dict[str, Any], required: bool, kind: str, vocab: Vocabulary) -> dict[str, Any]:
    label, hint = _label(name), _hint(name, prop)
    base: dict[str, Any] = {"name": name, "label": label, "required": required}
    if hint:
        base["hint"] = hint
    if name == "id":
        return {**base, "widget": "po-id", "prefix": ID_PREFIX[kind], "mönster": prop["pattern"],
                "samling": COLLECTIONS[kind]}
    if "const" in prop:
        return {"name": name, "label": label, "widget": "hidden", "default": prop["const"]}
    if name == "kategorier":
        terms = vocab.categories if kind == "brist" else vocab.positive_categories
        field = {**base, "widget": "select", "multiple": True,
                 "options": _options(terms), "min": prop.get("minItems", 0) or None}
        if kind == "brist":
            field["nivåfält"] = "nivå"
            field["nivåer"] = {t.id: list(t.nivåer) for t in terms.values()}
            field["nivånamn"] = {t.id: t.namn for t in vocab.levels.values()}
        return {k: v for k, v in field.items() if v is not None}
    if name in _SECTION_OF and prop.get("type") == "array":
        terms = getattr(vocab, _SECTION_OF[name])
        field = {**base, "widget": "select", "multiple": True, "options": _options(terms)}
        if prop.get("minItems"):
            field["min"] = prop["minItems"]
        return field
    if name in _SECTION_OF:
        field = {**base, "widget": "select", "options": _options(getattr(vocab, _SECTION_OF[name]))}
        if name == "status":
            field["default"] = next(iter(vocab.statuses))  # upptäckt, as `po ny` starts
        return field
    if prop.get("format") == "date":
        return {**_date_field(name, label, hint, required), **({"krävs_om": "publicera"} if name == "publicerad"
                                                              else {})}
    if "enum" in prop and set(prop["enum"]) >= {True, False}:
        return {**base, "widget": "boolean", "default": bool(prop.get("default", False))}
    if prop.get("type") == "string":
        field = {**base, "widget": "string"}
        pattern = _length_pattern(prop, label)
        if pattern:
            field["pattern"] = pattern
        return field
    if prop.get("type") == "array":
        items = prop.get("items", {})
        if items.get("format") == "date":
            return {**base, "widget": "list", "add_to_top": False,
                    "field": _date_field("datum", "Datum", "", True)}
        if items.get("type") == "object":
            sub_required = set(items.get("required", []))
            subfields = [_field(n, p, n in sub_required, kind, vocab) for n, p in items["properties"].items()]
            for sub in subfields:
                if sub["name"] == "status":
                    sub.pop("default", None)
            return {**base, "widget": "list", "summary": "{{fields.datum}} – {{fields.status}}",
                    "fields": subfields}
        item: dict[str, Any] = {"name": name, "label": label, "widget": "string"}
        if "pattern" in items:
            item["pattern"] = [items["pattern"], "Skriv ett id som B-2025-004 eller P-2025-001."]
        return {**base, "widget": "list", "field": item}
    if prop.get("type") == "object":
        return {**base, "widget": "object", "collapsed": False,
                "fields": [{"name": n, "label": lab, "hint": h, "widget": w, "required": False}
                           for n, lab, h, w in _INTERN_FIELDS]}
    raise ValueError(f"fältet {name} har en typ som formuläret inte känner till")  # pragma: no cover


def _body_field(kind: str) -> dict[str, Any]:
    return {
        "name": "body",
        "label": "Texten",
        "widget": "po-avsnitt",
        "hint": "Skriv under varje rubrik. Inga namn eller detaljer som kan peka ut en klient.",
        "avsnitt": [{"rubrik": s.title, "krävs": s.required, "hjälp": s.hint} for s in SECTION_TABLE[kind]],
    }


def collection(kind: str, vocab: Vocabulary, content_dir: str = CONTENT_DIR) -> dict[str, Any]:
    schema = build_schema(vocab)["$defs"][kind]
    required = set(schema["required"])
    form_fields = [_field(name, prop, name in required, kind, vocab) for name, prop in schema["properties"].items()]
    label, singular = COLLECTION_LABELS[kind]
    return {
        "name": COLLECTIONS[kind],
        "label": label,
        "label_singular": singular,
        "description": f"Varje {KIND_NAMES[kind]} blir en fil i {content_dir}/{REPORT_DIR}/<år>/. "
        "När du sparar lämnas den in för granskning; ingenting blir offentligt utan styrgruppens beslut.",
        "folder": f"{content_dir}/{REPORT_DIR}",
        "create": True,
        # Decap deletes (and "unpublishes") a merged report with a commit straight to the
        # main branch: off, so that every change goes through a pull request. A submission
        # that is still open can be withdrawn all the same.
        "delete": False,
        "extension": "md",
        "format": "frontmatter",
        # Decap's own name for a new report: its key in the list of submissions and its
        # branch (cms/brister/<this year>/<id>-<rubrik>). Decap lower-cases it, cuts words in
        # half and cannot take the folder from `datum` (it reads no field in a path); the
        # file itself is named as `po ny` names it by po-cms.js, from the rules under po:.
        "path": "{{year}}/{{slug}}",
        "slug": "{{fields.id}}-{{fields.rubrik | truncate(40)}}",
        "identifier_field": "rubrik",
        "summary": "{{id}} – {{rubrik}}",
        # Both kinds share the folder; Decap's filter compares one field's value exactly.
        "filter": {"field": "typ", "value": kind},
        "sortable_fields": ["id", "datum", "rubrik"],
        "fields": [*form_fields, _body_field(kind)],
    }


def backend(options: FormOptions) -> dict[str, Any]:
    config: dict[str, Any] = {"name": options.backend, "repo": options.arkiv or "organisationen/webbplatsen",
                              "branch": options.gren or "main"}
    if options.backend == "github":
        if options.inloggning:
            config["base_url"] = options.inloggning
    else:
        config["auth_type"] = "pkce"
        if options.app_id:
            config["app_id"] = options.app_id
        if options.gitlab:
            root = options.gitlab.rstrip("/")
            config["base_url"] = root
            config["api_root"] = f"{root}/api/v4"
            config["auth_endpoint"] = "oauth/authorize"
    config["commit_messages"] = {
        "create": "Ny {{collection}}: {{slug}}",
        "update": "Ändrad {{collection}}: {{slug}}",
        "delete": "Borttagen {{collection}}: {{slug}}",
        "uploadMedia": "Ny bilaga: {{path}}",
        "deleteMedia": "Borttagen bilaga: {{path}}",
        "openAuthoring": "{{message}}",
    }
    return config


def form_rules() -> dict[str, Any]:
    """What po-cms.js needs to know of the content format, beyond Decap's own fields.

    Decap passes unknown top-level keys through to the backends, where po-cms.js reads
    them: file names as `po ny` makes them (model/slug.py), the files the build never
    reads (contract/layout.py), and how an id looks inside Decap's lower-cased keys.
    """
    return {
        "filnamn": {"gräns": FILE_SLUG_LIMIT, "reserv": FILE_SLUG_FALLBACK, "ord": WORD_PATTERN,
                    "bokstäver": dict(FOLDED_LETTERS)},
        "ignoreras": list(IGNORED_PREFIXES),
        "id": ID_PARTS_RE.pattern,
    }


def cms_config(vocab: Vocabulary, options: FormOptions, site_url: str = "",
               content_dir: str = CONTENT_DIR) -> dict[str, Any]:
    config: dict[str, Any] = {
        "locale": "sv",
        "backend": backend(options),
        # Saving opens a pull request (merge request), never a commit to the main branch.
        "publish_mode": "editorial_workflow",
        # `decap-server` on this computer, when the form is opened on localhost: trying
        # the form needs no account (see the guide).
        "local_backend": {"url": options.lokal_server or LOCAL_SERVER},
        "media_folder": f"{content_dir}/{ATTACHMENT_DIR}",
        "public_folder": ATTACHMENT_DIR,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "show_preview_links": False,
        "collections": [collection("brist", vocab, content_dir), collection("positiv", vocab, content_dir)],
        "po": form_rules(),
    }
    if site_url:
        config["site_url"] = site_url
        config["display_url"] = site_url
    return config


def config_yaml(vocab: Vocabulary, options: FormOptions, site_url: str = "",
                content_dir: str = CONTENT_DIR) -> str:
    head = (
        "# Formulärets inställningar (Decap CMS). Skapas av po-build vid varje bygge från\n"
        "# schemat och vokabulären: ändra inte här, ändra content/vokabular.yml eller\n"
        "# formular: i mkdocs.yml.\n"
    )
    return head + _dumped(cms_config(vocab, options, site_url, content_dir))


_last_dump: tuple[str, str] | None = None


def _dumped(config: dict[str, Any]) -> str:
    """The YAML of config. `mkdocs serve` makes the same settings at almost every save, and
    dumping them costs more than everything else the form needs (40 ms at a thousand
    reports): the last one is kept, keyed by the settings' repr, which holds every value of
    plain data (anything else is dumped every time)."""
    global _last_dump
    dump = yaml.safe_dump
    if not _plain(config):
        return dump(config, allow_unicode=True, sort_keys=False, width=100)
    key = repr(config)
    if _last_dump is None or _last_dump[0] != key:
        _last_dump = (key, dump(config, allow_unicode=True, sort_keys=False, width=100))
    return _last_dump[1]


def _plain(value: Any) -> bool:
    if isinstance(value, dict):
        return all(type(k) is str and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or type(value) in (str, int, float, bool)
