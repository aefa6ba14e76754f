"""Validate a content tree: files → documents → checked records.

Collects every problem in one pass, so an ombud sees all that needs fixing at
once, and returns records only for files without errors.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import Any
from xml.parsers import expat

import jsonschema_rs
from jsonschema import Draft202012Validator, FormatChecker, validators
from jsonschema.exceptions import ValidationError

from . import body as bodycheck
from .load import Document, load_document, os_reason, read_text
from .problems import Problem, ProblemList, did_you_mean
from .records import Chapter, Content, Report, Section, Step, YearReport
from .schema import ID_EXAMPLES, RUBRIK_MIN, SECTIONS, build_schema
from .vocabulary import Vocabulary, load_vocabulary

REPORT_DIR = "brister"
YEAR_DIR = "arsrapport"
ATTACHMENT_DIR = "bilagor"
VOCABULARY_FILE = "vokabular.yml"
MAX_FILES = 50_000

# A hook for the identifier scanner: (document text, rel path, vocabulary, problems).
TextScanner = Callable[[str, str, Vocabulary, ProblemList], None]


@dataclass
class Result:
    content: Content
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0
    # Every entry under docs_dir → what became of it (see _inventory): the build summary.
    inventory: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "fel"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "varning"]

    def summary(self) -> str:
        return summary_line(self.problems, self.files_checked)


def summary_line(problems: list[Problem], files: int) -> str:
    """'3 fel i 2 av 57 filer' – the last line of every check."""
    errors = [p for p in problems if p.severity == "fel"]
    warnings = len(problems) - len(errors)
    noun = "fil" if files == 1 else "filer"
    text = (
        f"{len(errors)} fel i {len({p.path for p in errors})} av {files} {noun}"
        if errors
        else f"Inga fel i {files} {noun}"
    )
    if warnings:
        text += f", {warnings} " + ("varning" if warnings == 1 else "varningar")
    return text


def is_ignored(rel: PurePosixPath) -> bool:
    """Templates and editor leftovers: any part starting with '_' or '.'."""
    return any(part.startswith(("_", ".")) for part in rel.parts)


# What MkDocs renders as a page (it compares case-sensitively; so do we).
PAGE_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")
# Files a browser runs as a program or as a page that can hold one. None of them belongs in
# content/: the site's own scripts live in the theme (overrides/), which is reviewed apart.
ACTIVE_SUFFIXES = frozenset({
    ".html", ".htm", ".xhtml", ".xht", ".shtml", ".js", ".mjs", ".cjs", ".xsl", ".xslt",
    ".svgz", ".swf", ".hta", ".wasm",
})
# XML formats a browser shows itself: allowed when they carry no script (see markup_problem).
SCANNED_SUFFIXES = frozenset({".svg", ".xml"})
MAX_SCANNED_BYTES = 10 * 1024 * 1024
# Everything under content/ is walked, also what is ignored; beyond this we stop looking.
MAX_ENTRIES = 2 * MAX_FILES


@dataclass
class Walk:
    """Every entry under docs_dir, found without following links."""

    files: list[PurePosixPath] = field(default_factory=list)  # regular files
    links: list[PurePosixPath] = field(default_factory=list)  # symbolic links, to files or folders
    special: list[PurePosixPath] = field(default_factory=list)  # pipes, sockets, devices
    unreadable: list[PurePosixPath] = field(default_factory=list)  # folders we may not list
    truncated: bool = False


def walk(docs_dir: Path) -> Walk:
    """All entries, sorted, without following symbolic links.

    A link is never followed: one pointing at /etc or at a parent folder would put
    files from the building computer on the site, or make the walk endless.
    """
    out = Walk()
    stack: list[tuple[Path, PurePosixPath]] = [(docs_dir, PurePosixPath())]
    count = 0
    while stack:
        folder, rel_folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            if rel_folder.parts:
                out.unreadable.append(rel_folder)
            continue
        subfolders = []
        for entry in entries:
            count += 1
            if count > MAX_ENTRIES:
                out.truncated = True
                return out
            rel = rel_folder / entry.name
            try:
                if entry.is_symlink():
                    out.links.append(rel)
                elif entry.is_dir(follow_symlinks=False):
                    subfolders.append((Path(entry.path), rel))
                elif entry.is_file(follow_symlinks=False):
                    out.files.append(rel)
                else:
                    out.special.append(rel)
            except OSError:
                out.unreadable.append(rel)
        stack.extend(reversed(subfolders))
    out.files.sort()
    return out


def discover(
    docs_dir: Path, found: Walk | None = None
) -> tuple[list[PurePosixPath], list[PurePosixPath], list[str]]:
    """Report files, yearly-report files, and ignored files, relative to docs_dir.

    A folder without brister/ and arsrapport/ (a loose set of files handed to
    `po check`) is read as reports, so a single file can be checked on its own.
    """
    reports: list[PurePosixPath] = []
    years: list[PurePosixPath] = []
    ignored: list[str] = []
    loose = _is_loose(docs_dir)
    for rel in (found or walk(docs_dir)).files:
        if not loose and rel.parts[0] not in (REPORT_DIR, YEAR_DIR):
            continue
        if is_ignored(rel):
            ignored.append(str(rel))
        elif rel.suffix.lower() != ".md":
            if not loose:
                ignored.append(str(rel))
        elif rel.parts[0] == YEAR_DIR:
            years.append(rel)
        elif loose and len(rel.parts) == 1 and rel.name == "index.md":
            continue
        else:
            reports.append(rel)
    return reports, years, ignored


def _is_loose(docs_dir: Path) -> bool:
    return not (docs_dir / REPORT_DIR).is_dir() and not (docs_dir / YEAR_DIR).is_dir()


class SchemaValidator:
    """One definition of the schema, checked twice as fast as it needs to be right.

    jsonschema-rs answers "valid?" in microseconds; only for a file it rejects does
    the Python jsonschema walk the errors, which we translate into Swedish. Both
    implement draft 2020-12, and a property test (tests/test_fuzz.py) holds them to
    the same verdicts. Where the two libraries read the standard differently, the
    Python side is made to read it like the Rust side (patterns), or the value goes
    the slow, strict way (decimals, year 0000).
    """

    def __init__(self, schema: dict[str, Any]) -> None:
        self.fast = jsonschema_rs.validator_for(schema, validate_formats=True)
        self.full = _StrictIntegers(schema, format_checker=_DATES)

    def is_valid(self, instance: Any) -> bool:
        return not _needs_full_check(instance) and bool(self.fast.is_valid(instance))

    def iter_errors(self, instance: Any) -> Iterable[ValidationError]:
        if self.is_valid(instance):
            return []
        return self.full.iter_errors(instance)


def _is_whole_number(checker: Any, instance: Any) -> bool:
    return isinstance(instance, int) and not isinstance(instance, bool)


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterable[ValidationError]:
    """`pattern` as JSON Schema (and jsonschema-rs) reads it: ECMA-262 regular expressions.

    Python's `$` also matches before a final line break ('B-2025-001\\n' would pass) and
    its `\\d` matches any script's digits ('B-٢٠٢٥-001'); ECMA's do neither.
    """
    if isinstance(instance, str) and not _compiled_pattern(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@lru_cache(maxsize=64)
def _compiled_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(re.sub(r"(?<!\\)\$", r"\\Z", pattern), re.ASCII)


_StrictIntegers = validators.extend(
    Draft202012Validator,
    validators={"pattern": _ecma_pattern},
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_whole_number),
)

_DATES = FormatChecker([])


@_DATES.checks("date", raises=ValueError)
def _is_date(instance: Any) -> bool:
    """RFC 3339 full-date, in the years Python's calendar has (1–9999)."""
    if not isinstance(instance, str):
        return True
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", instance):
        raise ValueError(instance)
    date.fromisoformat(instance)
    return True


_YEAR_ZERO = re.compile(r"0000-[0-9]{2}-[0-9]{2}")


def _needs_full_check(value: Any) -> bool:
    """Values the two libraries judge differently by design.

    JSON Schema calls 2024.0 an integer; we do not (a year or a count written as a
    decimal is a typo). RFC 3339 has a year 0000; Python's calendar (and so the rest
    of the build) does not.
    """
    if isinstance(value, float):
        return True
    if isinstance(value, str):
        return _YEAR_ZERO.fullmatch(value) is not None
    if isinstance(value, dict):
        return any(_needs_full_check(v) for v in value.values())
    if isinstance(value, list):
        return any(_needs_full_check(v) for v in value)
    return False


def other_pages(docs_dir: Path, found: Walk | None = None) -> list[PurePosixPath]:
    """Markdown pages outside the report folders (none when checking loose files).

    Any case of a Markdown suffix counts: MkDocs renders 'om.md' and publishes 'OM.MD'
    as it is, and both are read by the public, so both are checked.
    """
    if _is_loose(docs_dir):
        return []
    return [
        rel for rel in (found or walk(docs_dir)).files
        if rel.parts[0] not in (REPORT_DIR, YEAR_DIR, ATTACHMENT_DIR)
        and not is_ignored(rel)
        and rel.suffix.lower() in PAGE_SUFFIXES
    ]


@lru_cache(maxsize=8)
def _validators(schema_json: str) -> dict[str, SchemaValidator]:
    schema = json.loads(schema_json)
    # Each definition is self-contained, so it is validated without $ref indirection.
    return {name: SchemaValidator(sub) for name, sub in schema["$defs"].items()}


def validators_for(vocab: Vocabulary) -> dict[str, SchemaValidator]:
    """Validators are cached by schema text: building them is the slow part of a check."""
    return _validators(json.dumps(build_schema(vocab), sort_keys=True, ensure_ascii=False))


def check_tree(
    docs_dir: Path,
    today: date | None = None,
    scanner: TextScanner | None = None,
    display_root: Path | None = None,
) -> Result:
    """Validate everything under docs_dir. `display_root` makes paths in messages relative."""
    today = today or date.today()
    root = (display_root if display_root is not None else Path.cwd()).resolve().as_posix().rstrip("/")
    docs_resolved = docs_dir.resolve().as_posix()

    def shown(rel: PurePosixPath | str) -> str:
        # String work, not Path.resolve() per file: resolving was a third of a check's time.
        full = f"{docs_resolved}/{rel}"
        return full[len(root) + 1 :] if full.startswith(root + "/") else full

    all_problems: list[Problem] = []
    found = walk(docs_dir)
    _check_files(found, docs_dir, shown, all_problems)

    vocab_problems = ProblemList(shown(VOCABULARY_FILE))
    vocab_path = docs_dir / VOCABULARY_FILE
    # A link named vokabular.yml is refused above; reading it would read whatever it points at.
    has_vocab = vocab_path.is_file() and not vocab_path.is_symlink()
    vocab = load_vocabulary(vocab_path if has_vocab else None, VOCABULARY_FILE, vocab_problems)
    all_problems += vocab_problems
    checked = 1 if has_vocab else 0
    if scanner is not None and has_vocab and not vocab_problems.has_errors:
        # The vocabulary is committed too: a name in it is as public as one in a report.
        text = vocab_path.read_text("utf-8-sig")
        scan_problems = ProblemList(shown(VOCABULARY_FILE))
        scanner(text, VOCABULARY_FILE, vocab, scan_problems)
        all_problems += scan_problems

    report_files, year_files, ignored = discover(docs_dir, found)
    content = Content([], [], vocab, ignored=ignored)
    if found.truncated or len(report_files) + len(year_files) > MAX_FILES:
        all_problems.append(
            Problem(shown(REPORT_DIR), 1, 1, "PO121",
                    f"för många filer (högst {MAX_FILES} rapporter och kapitel, {MAX_ENTRIES} filer "
                    "i allt) – dela upp webbplatsen per år")
        )
        return Result(content, all_problems, checked, _inventory(docs_dir, found, content, all_problems, shown))
    validators = validators_for(vocab)

    seen_ids: dict[str, str] = {}
    for rel in report_files:
        checked += 1
        problems = ProblemList(shown(rel))
        doc = load_document(docs_dir / str(rel), str(rel), problems)
        report = None
        if doc is not None:
            report = _check_report(doc, rel, vocab, validators, today, docs_dir, problems)
            if scanner is not None:
                scanner(_full_text(docs_dir / str(rel)), str(rel), vocab, problems)
            report_id = doc.data.get("id")
            if isinstance(report_id, str):
                first = seen_ids.get(report_id)
                if first is not None:
                    problems.add(
                        "PO302",
                        f"id '{report_id}' används redan i {first} – ge rapporten nästa lediga "
                        "nummer (`po ny brist` väljer det åt dig)",
                        doc.pos("id"),
                    )
                else:
                    seen_ids[report_id] = shown(rel)
        if report is not None and not problems.has_errors:
            content.reports.append(report)
        all_problems += problems

    _check_relations(content, set(seen_ids), docs_dir, shown, all_problems)

    # The organisation's own pages (start page and the like) are committed too: they get
    # the identifier scan. Their HTML is the organisation's own business, but not script:
    # the build removes it (render.clean_page), and the check says so beforehand.
    for rel in other_pages(docs_dir, found):
        checked += 1
        problems = ProblemList(shown(rel))
        text = read_text(docs_dir / str(rel), problems)
        if text is not None:
            bodycheck.check_page_markup(text, 1, problems)
            if scanner is not None:
                scanner(text, str(rel), vocab, problems)
        content.other_pages.append(str(rel))
        all_problems += problems

    years: dict[str, list[PurePosixPath]] = {}
    for rel in year_files:
        if len(rel.parts) < 3:
            problems = ProblemList(shown(rel))
            problems.add(
                "PO316",
                "årsrapporten ska ligga i en mapp för året, t.ex. arsrapport/2025/index.md – "
                "flytta filen dit",
            )
            all_problems += problems
            checked += 1
            continue
        years.setdefault(rel.parts[1], []).append(rel)
    for folder, files in sorted(years.items()):
        checked += len(files)
        year = _check_year(folder, files, docs_dir, validators, vocab, scanner, shown, all_problems)
        if year is not None:
            content.years.append(year)

    content.files_read = checked
    content.reports.sort(key=lambda r: r.id)
    all_problems.sort(key=lambda p: (p.path, p.line, p.col, p.code))
    return Result(content, all_problems, checked, _inventory(docs_dir, found, content, all_problems, shown))


# --- every file under content/ ------------------------------------------------------


def _check_files(found: Walk, docs_dir: Path, shown: Callable[[Any], str], all_problems: list[Problem]) -> None:
    """Links, special files, names that clash, and files that could run script on the site."""
    for rel in found.links:
        target = os.readlink(docs_dir / str(rel)) if (docs_dir / str(rel)).is_symlink() else "?"
        all_problems.append(Problem(
            shown(rel), 1, 1, "PO122",
            f"'{rel.name}' är en genväg (symbolisk länk) till '{target}' – genvägar följs inte; "
            "lägg själva filen eller mappen i content/",
        ))
    for rel in found.special:
        all_problems.append(Problem(
            shown(rel), 1, 1, "PO122",
            f"'{rel.name}' är ingen vanlig fil (utan t.ex. en pipe eller en enhet) – ta bort den",
        ))
    for rel in found.unreadable:
        all_problems.append(Problem(
            shown(rel), 1, 1, "PO100",
            f"mappen '{rel}' gick inte att läsa (du saknar behörighet) – filerna i den kontrolleras inte",
        ))
    seen: dict[str, PurePosixPath] = {}
    for rel in [*found.files, *found.links]:
        key = unicodedata.normalize("NFC", unicodedata.normalize("NFC", str(rel)).casefold())
        first = seen.get(key)
        if first is None:
            seen[key] = rel
            continue
        same_letters = unicodedata.normalize("NFC", str(first)) == unicodedata.normalize("NFC", str(rel))
        why = (
            "skrivs likadant men å, ä eller ö är sparade på olika sätt (det händer när filer "
            "kommer från en Mac)"
            if same_letters
            else "skiljer sig bara i stora och små bokstäver"
        )
        all_problems.append(Problem(
            shown(rel), 1, 1, "PO123",
            f"namnet krockar med '{first}': de {why}, och på Windows och Mac blir de samma fil – "
            "byt namn på den ena, helst med bara a–z, 0–9 och bindestreck",
        ))
    loose = _is_loose(docs_dir)
    for rel in found.files:
        if is_ignored(rel) or (not loose and rel.parts[0] in (REPORT_DIR, YEAR_DIR)):
            continue  # never published
        message = markup_problem(docs_dir / str(rel))
        if message:
            all_problems.append(Problem(shown(rel), 1, 1, "PO124", message))


def markup_problem(path: Path) -> str | None:
    """Why a file would let script onto the site, or None.

    HTML and JavaScript files are refused outright. SVG and XML are shown by the
    browser itself, so they are read as XML (as the browser reads them) and refused
    when they contain script, event handlers (on...=), javascript: links, embedded
    HTML (foreignObject), or a DOCTYPE (entities can hide all of the above).
    """
    suffix = path.suffix.lower()
    if suffix in ACTIVE_SUFFIXES:
        return (
            f"filer av typen {suffix} kan köra skript på webbplatsen och får inte ligga i content/ – "
            "spara dokumentet som PDF; egna skript och mallar hör hemma i overrides/"
        )
    if suffix not in SCANNED_SUFFIXES:
        return None
    try:
        if path.stat().st_size > MAX_SCANNED_BYTES:
            return (
                f"filen är för stor för att granskas (högst {MAX_SCANNED_BYTES // 1024 // 1024} MiB) – "
                "spara den som PDF eller PNG"
            )
        data = path.read_bytes()
    except OSError as err:
        return f"filen gick inte att läsa ({os_reason(err)})"
    found = scan_xml(data)
    if found is None:
        return None
    return (
        f"{suffix.lstrip('.').upper()}-filen innehåller {found}, som kan köra skript i webbläsaren – "
        "spara bilden som PNG, eller exportera den på nytt som ren SVG utan skript och länkar"
    )


_SCRIPT_ELEMENTS = frozenset({
    "script", "foreignobject", "iframe", "frame", "frameset", "object", "embed", "applet",
    "handler", "listener", "base", "meta", "link", "style", "form", "portal", "template",
})
_URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "data", "to", "values", "from", "by"})
_SAFE_DATA = re.compile(r"^data:image/(png|jpe?g|gif|webp);", re.IGNORECASE)


def scan_xml(data: bytes) -> str | None:
    """The first thing in an XML document (SVG) that could run script, described in Swedish."""
    parser = expat.ParserCreate(namespace_separator=" ")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    found: list[str] = []

    class _Stop(Exception):
        pass

    def stop(what: str) -> None:
        found.append(what)
        raise _Stop

    def start(name: str, attrs: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if namespace == "http://www.w3.org/1999/xhtml":
            stop(f"HTML-elementet <{local}>")
        if local.lower() in _SCRIPT_ELEMENTS:
            stop(f"elementet <{local}>")
        for attr, value in attrs.items():
            attr_local = attr.rpartition(" ")[2].lower()
            if attr_local.startswith("on"):
                stop(f"händelseattributet {attr_local}=")
            if attr_local == "attributename" and value.strip().rpartition(":")[2].lower() == "href":
                stop("en animering som ändrar en länk")
            if attr_local in _URL_ATTRIBUTES:
                compact = re.sub(r"[\x00-\x20\x7f]", "", value).lower()
                if compact.startswith(("javascript:", "vbscript:")) or (
                    compact.startswith("data:") and not _SAFE_DATA.match(compact)
                ):
                    stop(f"länken {attr_local}=\"{compact.split(':')[0]}:...\"")

    def doctype(*_: Any) -> None:
        stop("en DOCTYPE-deklaration")

    def instruction(target: str, _data: str) -> None:
        stop(f"instruktionen <?{target}?>")

    parser.StartElementHandler = start
    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(data, True)
    except _Stop:
        return found[0]
    except (expat.ExpatError, ValueError, UnicodeError):
        return None if not data.strip() else "fel som gör att den inte går att läsa som XML"
    return None


_CATEGORY_ORDER = ("publicerad", "opublicerad", "årsrapport", "bilaga", "sida", "övrig",
                   "vokabulär", "ignorerad", "fel")


def _inventory(
    docs_dir: Path,
    found: Walk,
    content: Content,
    problems: list[Problem],
    shown: Callable[[Any], str],
) -> dict[str, str]:
    """Every entry under docs_dir with what became of it: nothing may go uncounted.

    'sida' and 'övrig' are what MkDocs will publish as it is; the plugin refines them
    with what MkDocs actually did.
    """
    loose = _is_loose(docs_dir)
    with_errors = {p.path for p in problems if p.severity == "fel"}
    reports = {r.source: r for r in content.reports}
    years = {y.source for y in content.years} | {c.source for y in content.years for c in y.chapters}
    out: dict[str, str] = {}
    for rel in [*found.files, *found.links, *found.special, *found.unreadable]:
        key = str(rel)
        if shown(rel) in with_errors or rel in found.links or rel in found.special or rel in found.unreadable:
            out[key] = "fel"
        elif is_ignored(rel):
            out[key] = "ignorerad"
        elif key in reports:
            out[key] = "publicerad" if reports[key].publicera else "opublicerad"
        elif key in years:
            out[key] = "årsrapport"
        elif key == VOCABULARY_FILE:
            out[key] = "vokabulär"
        elif not loose and rel.parts[0] in (REPORT_DIR, YEAR_DIR):
            # Not a report or chapter and no error: a file of another type, or a year whose
            # report has an error elsewhere (then that error stops the build anyway).
            out[key] = "ignorerad" if key in content.ignored else "fel"
        elif loose:
            out[key] = "ignorerad"
        elif rel.parts[0] == ATTACHMENT_DIR:
            out[key] = "bilaga"
        elif rel.suffix.lower() in PAGE_SUFFIXES:
            out[key] = "sida"
        else:
            out[key] = "övrig"
    return out


def account(inventory: dict[str, str], included: set[str], pages: set[str]) -> dict[str, int]:
    """How many files fell in each category, with what MkDocs did to the rest.

    `included`: what MkDocs publishes (its own exclusions, such as README.md beside an
    index.md, are left out); `pages`: what it renders rather than copies.
    """
    counts: dict[str, int] = dict.fromkeys(_CATEGORY_ORDER, 0)
    for rel, category in inventory.items():
        if category in ("sida", "övrig"):
            # MkDocs leaves some out (README.md beside index.md, templates/), and copies a
            # Markdown file it does not recognise (OM.MD) as it is.
            category = "ignorerad" if rel not in included else "sida" if rel in pages else "övrig"
        counts[category] += 1
    return counts


def accounting_line(counts: dict[str, int], total: int, published_attachments: int | None = None) -> str:
    """'1204 filer: 980 publicerade, 150 opublicerade, ...': every category, also empty ones."""

    def n(key: str, one: str, many: str) -> str:
        return f"{counts.get(key, 0)} {one if counts.get(key, 0) == 1 else many}"

    attachments = n("bilaga", "bilaga", "bilagor")
    if published_attachments is not None:
        attachments += f" ({published_attachments} publiceras)"
    parts = [
        n("publicerad", "publicerad", "publicerade"),
        n("opublicerad", "opublicerad", "opublicerade"),
        n("ignorerad", "ignorerad", "ignorerade"),
        n("sida", "annan sida", "andra sidor"),
        attachments,
        n("årsrapport", "i årsrapporter", "i årsrapporter"),
        n("vokabulär", "vokabulär", "vokabulärer"),
        n("övrig", "övrig fil", "övriga filer"),
        n("fel", "fel", "fel"),
    ]
    return f"{total} {'fil' if total == 1 else 'filer'}: " + ", ".join(parts)


def _full_text(path: Path) -> str:
    return path.read_bytes().decode("utf-8-sig", "replace").replace("\r\n", "\n").replace("\r", "\n")


# --- one report -------------------------------------------------------------------


_ID_IN_NAME = re.compile(r"^([BP]-[0-9]{4}-[0-9]{3,4})(?:-[^/]*)?\.md$", re.IGNORECASE)


def _check_report(
    doc: Document,
    rel: PurePosixPath,
    vocab: Vocabulary,
    validators: dict[str, Any],
    today: date,
    docs_dir: Path,
    problems: ProblemList,
) -> Report | None:
    data = doc.data
    kind = data.get("typ")
    if kind not in ("brist", "positiv"):
        if "typ" not in data:
            problems.add("PO211", "fältet 'typ' saknas – skriv 'typ: brist' eller 'typ: positiv'")
        else:
            problems.add(
                "PO211",
                f"typ ska vara 'brist' eller 'positiv', inte '{kind}'"
                f"{did_you_mean(str(kind), ['brist', 'positiv'])}",
                doc.pos("typ"),
            )
        return None
    schema_problems(doc, validators[kind], problems)
    _check_blank_texts(doc, problems)

    _check_id_and_name(doc, rel, kind, problems)
    dates = _check_dates(doc, today, problems)
    if kind == "brist":
        _check_level(doc, vocab, problems)
        _check_history(doc, dates, problems)
    _check_retired(doc, vocab, kind, problems)
    bodycheck.check_sections(doc.body, doc.body_line, SECTIONS[kind], problems)
    bodycheck.check_markup(doc.body, doc.body_line, problems)
    if problems.has_errors:
        return None
    return _build_report(doc, kind, dates, str(rel))


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
    if not isinstance(report_id, str) or not re.fullmatch(r"[BP]-[0-9]{4}-[0-9]{3,4}", report_id):
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
            severity="varning",
        )


def _parse_date(value: Any) -> date | None:
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
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
            severity="varning",
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


def _check_history(doc: Document, dates: dict[tuple[Any, ...], date], problems: ProblemList) -> None:
    hist = doc.data.get("historik")
    if not isinstance(hist, list) or not hist or not all(isinstance(h, dict) for h in hist):
        return
    if hist[0].get("status") != "upptäckt":
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
    if isinstance(status, str) and last != status:
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
                    severity="varning",
                )


def _split_sections(body: str, body_line: int) -> list[Section]:
    lines = body.split("\n")
    heads = bodycheck.headings(body, body_line)
    out: list[Section] = []
    intro = "\n".join(lines[: (heads[0].line - body_line) if heads else len(lines)]).strip()
    if intro:
        out.append(Section("", intro))
    for i, h in enumerate(heads):
        start = h.line - body_line + (2 if h.underlined else 1)
        end = heads[i + 1].line - body_line if i + 1 < len(heads) else len(lines)
        out.append(Section(h.title, "\n".join(lines[start:end]).strip()))
    return out


def _as_bool(value: Any) -> bool:
    return value is True or value == "ja"


def _build_report(doc: Document, kind: str, dates: dict[tuple[Any, ...], date], source: str) -> Report:
    d = doc.data
    hist = d.get("historik") or []
    return Report(
        id=d["id"],
        typ=kind,  # type: ignore[arg-type]
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
        publicera=_as_bool(d.get("publicera", False)),
        publicerad=dates.get(("publicerad",)),
        tema=d.get("tema"),
        intern=dict(d.get("intern") or {}),
    )


# --- across files -----------------------------------------------------------------


def _check_relations(
    content: Content,
    known_ids: set[str],
    docs_dir: Path,
    shown: Callable[[str], str],
    all_problems: list[Problem],
) -> None:
    """`relaterade` must name existing reports and `bilagor` existing files in content/bilagor/."""
    ids = content.by_id()
    bilagor_root = (docs_dir / ATTACHMENT_DIR).resolve()
    keep: list[Report] = []
    for report in content.reports:
        problems = ProblemList(shown(report.source))
        doc_pos = _positions_for(docs_dir / report.source)
        for i, other in enumerate(report.relaterade):
            if other == report.id:
                problems.add("PO314", "en rapport kan inte vara relaterad till sig själv",
                             doc_pos(("relaterade", i)))
            elif other not in ids and other in known_ids:
                # The other file exists but has errors of its own, reported there; one
                # mistake should not show up as a second, puzzling one here.
                problems.add(
                    "PO314",
                    f"relaterade: '{other}' har egna fel (se den filen) – rätta dem först",
                    doc_pos(("relaterade", i)),
                    severity="varning",
                )
            elif other not in ids:
                problems.add(
                    "PO314",
                    f"relaterade: '{other}' finns inte{did_you_mean(other, ids)} – "
                    "kontrollera id:t (rapporter med fel räknas inte)",
                    doc_pos(("relaterade", i)),
                )
        for i, attachment in enumerate(report.bilagor):
            message = attachment_problem(attachment, bilagor_root)
            if message:
                problems.add("PO315", message, doc_pos(("bilagor", i)))
        all_problems += problems
        if not problems.has_errors:
            keep.append(report)
    content.reports[:] = keep


_ATTACHMENT_CHARS = re.compile(r"[%?#\\:*\"<>|\x00-\x1f\x7f]")


def attachment_problem(attachment: str, bilagor_root: Path) -> str | None:
    """Why an attachment path is refused, or None. Paths may not leave content/bilagor/.

    The name is also a link on the site, so characters with a meaning in web addresses
    (% ? # \\) are refused, and the name must match the file exactly, letter case and
    å, ä, ö included: the server that hosts the site tells 'A' from 'a'.
    """
    pure = PurePosixPath(attachment.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or re.match(r"^[A-Za-z]:", attachment):
        return (
            f"bilagan '{attachment}' måste ligga i content/bilagor/ – skriv bara filnamnet, "
            "t.ex. 'skrivelse-2025.pdf'"
        )
    bad = _ATTACHMENT_CHARS.search(attachment)
    if bad:
        char = bad.group()
        shown_char = char if char.isprintable() else f"U+{ord(char):04X}"
        return (
            f"bilagans namn '{attachment}' innehåller tecknet {shown_char}, som inte fungerar i en "
            "webbadress – byt namn på filen (bara a–z, 0–9, bindestreck och punkt) och skriv samma namn här"
        )
    parts = pure.parts[1:] if pure.parts and pure.parts[0] == ATTACHMENT_DIR else pure.parts
    if not parts:
        return f"bilagan '{attachment}' är inget filnamn – skriv t.ex. 'skrivelse-2025.pdf'"
    if is_ignored(PurePosixPath(*parts)):
        return (
            f"bilagan '{attachment}' börjar med _ eller . och sådana filer publiceras aldrig – "
            "byt namn på filen"
        )
    target = bilagor_root.joinpath(*parts)
    if target.is_symlink():
        return f"bilagan '{attachment}' är en genväg (symlänk) – lägg själva filen i content/bilagor/"
    if not target.is_file() or not _exact_name(bilagor_root, parts):
        existing = sorted(p.name for p in bilagor_root.glob("*")) if bilagor_root.is_dir() else []
        near = _same_file_name(target.parent, parts[-1]) if target.parent.is_dir() else None
        if near is not None:
            return (
                f"bilagan '{attachment}' finns inte med exakt det namnet – filen heter '{near}' "
                "(stora och små bokstäver, å, ä och ö skiljer); skriv namnet likadant, eller byt namn "
                "på filen till bara a–z, 0–9 och bindestreck"
            )
        return (
            f"bilagan '{attachment}' finns inte i content/bilagor/{did_you_mean(attachment, existing)}"
            " – lägg filen där eller rätta namnet"
        )
    try:
        target.resolve().relative_to(bilagor_root.resolve())
    except ValueError:
        return f"bilagan '{attachment}' pekar ut ur content/bilagor/"
    return None


def _exact_name(root: Path, parts: tuple[str, ...]) -> bool:
    """Every part named exactly so on disk (a Mac or Windows disk finds 'Skrivelse.pdf' for 'skrivelse.pdf')."""
    folder = root
    for part in parts:
        try:
            if part not in os.listdir(folder):
                return False
        except OSError:
            return False
        folder = folder / part
    return True


def _same_file_name(folder: Path, name: str) -> str | None:
    """The file in `folder` whose name differs from `name` only in case or Unicode form."""
    key = unicodedata.normalize("NFC", name).casefold()
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return None
    for other in names:
        if other != name and unicodedata.normalize("NFC", other).casefold() == key:
            return other
    return None


def _positions_for(path: Path) -> Callable[[tuple[Any, ...]], tuple[int, int]]:
    """Re-read positions for cross-file messages (rare: only files that have such errors)."""
    cache: dict[str, Document | None] = {}

    def pos(p: tuple[Any, ...]) -> tuple[int, int]:
        if "doc" not in cache:
            cache["doc"] = load_document(path, "", ProblemList(""))
        doc = cache["doc"]
        return doc.pos(*p) if doc else (1, 1)

    return pos


# --- yearly reports ---------------------------------------------------------------


def _check_year(
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
            bodycheck.check_markup(doc.body, doc.body_line, problems, allow_markers=True)
            if kind == "arsrapport":
                _check_year_front(doc, folder, problems)
            docs[rel] = doc
        if scanner is not None and doc is not None:
            scanner(_full_text(docs_dir / str(rel)), str(rel), vocab, problems)
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
        publicera=_as_bool(d.get("publicera", False)),
    )


def _check_year_front(doc: Document, folder: str, problems: ProblemList) -> None:
    year = doc.data.get("år")
    if isinstance(year, int) and not isinstance(year, bool) and str(year) != folder:
        problems.add(
            "PO316",
            f"år är {year} men mappen heter '{folder}' – de ska vara samma",
            doc.pos("år"),
        )
    sökande = doc.data.get("sökande")
    parts = ("själv", "anhörig", "myndighet", "övriga")
    if isinstance(sökande, dict) and all(
        isinstance(sökande.get(k), int) and not isinstance(sökande.get(k), bool)
        for k in ("totalt", *parts)
    ):
        total = sum(sökande[k] for k in parts)
        if total != sökande["totalt"]:
            problems.add(
                "PO319",
                f"sökande: delarna blir {total} men totalt är {sökande['totalt']} – "
                "själv + anhörig + myndighet + övriga ska bli totalt",
                doc.pos("sökande", "totalt"),
            )


# --- JSON Schema errors in Swedish -----------------------------------------------

_TYPE_NAMES = {
    "string": "en text",
    "integer": "ett heltal",
    "number": "ett tal",
    "array": "en lista, t.ex. [a, b]",
    "object": "en grupp av fält (fält: värde på egna, indragna rader)",
    "boolean": "true eller false",
}


def _field_name(path: tuple[Any, ...]) -> str:
    names = [p for p in path if isinstance(p, str)]
    return names[-1] if names else "fälten"


def _describe(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "..."


def schema_problems(doc: Document, validator: SchemaValidator, problems: ProblemList) -> None:
    """Run the JSON Schema and translate each error into one located Swedish problem."""
    reported: set[tuple[tuple[Any, ...], str]] = set()
    for err in validator.iter_errors(doc.data):
        for code, path, message, at_key in _translate(err):
            if (path, code) in reported:
                continue
            reported.add((path, code))
            problems.add(code, message, doc.kpos(*path) if at_key else doc.pos(*path))


def _translate(err: ValidationError) -> Iterable[tuple[str, tuple[Any, ...], str, bool]]:
    path = tuple(err.absolute_path)
    field_name = _field_name(path)
    v = err.validator
    schema = err.schema if isinstance(err.schema, dict) else {}
    if v == "required":
        in_then = "then" in err.schema_path
        for key in err.validator_value:
            if isinstance(err.instance, dict) and key not in err.instance:
                if in_then:
                    yield ("PO309", (*path, "publicera"),
                           "publicera är true men publicerad saknas – lägg till "
                           "'publicerad: ÅÅÅÅ-MM-DD' med datum för styrgruppens beslut", True)
                else:
                    where = f" i '{field_name}'" if path else ""
                    yield ("PO201", path, f"fältet '{key}' saknas{where} – lägg till "
                           f"'{key}: ...' (se fältreferensen i guiden)", False)
    elif v == "additionalProperties":
        known = list(schema.get("properties", {}))
        for key in err.instance:
            if key not in known:
                yield ("PO202", (*path, key),
                       f"okänt fält '{key}'{did_you_mean(str(key), known)}", True)
    elif v == "type":
        expected = err.validator_value
        names = [_TYPE_NAMES.get(t, t) for t in (expected if isinstance(expected, list) else [expected])]
        hint = ""
        if expected == "array" and isinstance(err.instance, str):
            hint = f" – skriv t.ex. [{err.instance}]"
        yield ("PO203", path, f"'{field_name}' ska vara {' eller '.join(names)}{hint}", False)
    elif v == "const":
        yield ("PO211", path, f"'{field_name}' ska vara '{err.validator_value}'", False)
    elif v == "enum":
        allowed = [a for a in err.validator_value if isinstance(a, str)]
        if not allowed:
            yield ("PO206", path, f"'{_describe(err.instance)}' finns inte: inga {field_name} är deklarerade – "
                   f"lägg till dem under {field_name}: i content/vokabular.yml", False)
            return
        if True in err.validator_value:
            yield ("PO213", path, f"'{field_name}' ska vara true (ja) eller false (nej), inte "
                   f"'{_describe(err.instance)}'", False)
            return
        shown_allowed = ", ".join(allowed) if len(allowed) <= 20 else ", ".join(allowed[:20]) + " ..."
        hint = did_you_mean(str(err.instance), allowed) if isinstance(err.instance, str) else ""
        yield ("PO206", path, f"okänt värde '{_describe(err.instance)}' i '{field_name}'{hint} "
               f"(tillåtna: {shown_allowed}; egna värden läggs i vokabular.yml)", False)
    elif v == "pattern":
        if field_name == "id":
            kind = "positiv" if "P-" in str(err.validator_value) else "brist"
            yield ("PO204", path, f"id:t '{_describe(err.instance)}' har fel form – en {kind} har id som "
                   f"{ID_EXAMPLES[kind]} (bokstaven, året och ett löpnummer)", False)
        elif field_name == "relaterade":
            yield ("PO314", path, f"'{_describe(err.instance)}' är inget rapport-id – skriv t.ex. "
                   "B-2025-001", False)
        else:
            yield ("PO207", path, f"'{_describe(err.instance)}' är inget datum i formen ÅÅÅÅ-MM-DD "
                   "– skriv t.ex. 2025-03-14", False)
    elif v == "format":
        if isinstance(err.instance, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", err.instance):
            yield ("PO207", path, f"'{_describe(err.instance)}' är inget riktigt datum – kontrollera "
                   "månad och dag", False)
        else:
            yield ("PO207", path, f"'{_describe(err.instance)}' är inget datum i formen ÅÅÅÅ-MM-DD "
                   "– skriv t.ex. 2025-03-14", False)
    elif v in ("minLength", "maxLength"):
        if field_name == "rubrik":
            n = len(err.instance) if isinstance(err.instance, str) else 0
            limit = "minst" if v == "minLength" else "högst"
            yield ("PO205", path, f"rubriken har {n} tecken, {limit} {err.validator_value} – "
                   + ("skriv en rubrik som säger vad bristen gäller" if v == "minLength"
                      else "korta rubriken och lägg detaljerna i texten"), False)
        else:
            yield ("PO203", path, f"'{field_name}' får inte vara tom", False)
    elif v == "minItems":
        yield ("PO208", path, f"'{field_name}' behöver minst ett värde, t.ex. [{_example(schema)}]",
               False)
    elif v == "maxItems":
        yield ("PO212", path, f"'{field_name}' har för många värden (högst {err.validator_value})",
               False)
    elif v == "uniqueItems":
        yield ("PO209", path, f"samma värde står två gånger i '{field_name}' – ta bort det ena",
               False)
    elif v in ("minimum", "maximum"):
        yield ("PO210", path, f"'{field_name}' ska vara ett tal från "
               f"{schema.get('minimum', 0)}" + (f" till {schema['maximum']}" if "maximum" in schema
                                                 else " och uppåt"), False)
    else:  # pragma: no cover - every validator the schema uses is handled above
        # The library's own message is English; name the field and where to read more.
        yield ("PO200", path, f"'{field_name}' har ett värde som inte är tillåtet här – jämför med "
               "fältreferensen i guiden", False)


def _example(schema: dict[str, Any]) -> str:
    items = schema.get("items", {})
    enum = items.get("enum") if isinstance(items, dict) else None
    return enum[0] if enum else "..."
