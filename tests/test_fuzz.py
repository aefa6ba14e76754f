"""Property-based fuzzing of the loader, the validator and the renderer (Hypothesis).

Whatever a pull request puts in a file, `po check` answers with located Swedish
problems or a valid record: no traceback, no English library text, no hang. The
inputs are random bytes, YAML built from a small grammar (nested mappings and lists,
anchors, aliases, tags, odd indentation), random Markdown bodies, and mutations of
valid reports. A last property holds jsonschema-rs (the fast path) and the Python
jsonschema (the one that explains errors) to the same verdicts.

Budgets: tests/conftest.py ("ci" in `make test`, "lång" in `make fuzz`).
"""

from __future__ import annotations

import re
import shutil
from datetime import date
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, event, given, settings
from hypothesis import strategies as st

from po_build.check.result import Result
from po_build.check.schema import _needs_full_check, validators_for
from po_build.check.tree import check_tree
from po_build.contract.codes import CODES, WARNINGS
from po_build.contract.sections import SECTIONS
from po_build.load.frontmatter import MAX_DEPTH, MAX_VALUE_CHARS, parse_events, parse_yaml
from po_build.load.vocabulary import builtin_vocabulary
from po_build.load.yamlquick import parse_quick
from po_build.model.problems import ProblemList
from po_build.render.markdown import markdown_to_html
from tests.helpers import BRIST_FIELDS, PDF, POSITIV_FIELDS, TODAY, front_matter, report_text
from tests.test_rules import MAX_BRIST, MAX_BRIST_2, MAX_POSITIV, MAX_POSITIV_DRAFT

REL = "brister/2025/B-2025-001-rapport.md"

# Text that comes from a library, not from us: PyYAML/libyaml, jsonschema, the OS, Python.
ENGLISH = re.compile(
    r"Traceback|Error\b|Exception|while (?:scanning|parsing)|found (?:character|unexpected|unknown|"
    r"undefined|duplicate|incompatible|an? )|could not|did not find|\bexpected\b|unacceptable|"
    r"not allowed|codec|NoneType|has no attribute|does not match|is not of type|is a required|"
    r"No such file|Permission denied|Is a directory",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"'[^'\n]*'|\"[^\"\n]*\"|\(\*[^)]*\)|&\S+")


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Load what is loaded once per process (validators, Markdown, the name lists) before the
    deadline starts counting: the deadline is for the check of one file, not for imports."""
    from po_build.check.privacy.files import scan_file_text

    validators_for(builtin_vocabulary())
    markdown_to_html("# x")
    scan_file_text(report_text(), REL, builtin_vocabulary(), ProblemList(REL))


def check_files(root: Path, files: dict[str, bytes]) -> Result:
    content = root / "content"
    shutil.rmtree(content, ignore_errors=True)
    for rel, data in files.items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return check_tree(content, today=TODAY, scanner=None, display_root=content)


def assert_answer(result: Result, rel: str = REL) -> None:
    """Located Swedish problems, or a valid record: never both, never neither."""
    for p in result.problems:
        assert p.path, p
        assert p.line >= 1 and p.col >= 1, p.format()
        assert p.code in CODES, p.format()
        assert (p.severity == "varning") == (p.code in WARNINGS), p.format()
        assert p.message.strip(), p.format()
        assert not ENGLISH.search(_QUOTED.sub("''", p.message)), p.format()
    errors = [p for p in result.errors if p.path == rel]
    records = [r for r in result.content.reports if r.source == rel]
    assert bool(errors) != bool(records), [p.format() for p in result.problems]
    event("giltig rapport" if records else "fel i rapporten")
    for r in records:
        assert_valid_record(r, result.content.vocabulary)


def assert_valid_record(r: Any, vocab: Any) -> None:
    assert re.fullmatch(r"[BP]-[0-9]{4}-[0-9]{3,4}", r.id)
    assert r.typ in ("brist", "positiv")
    assert 10 <= len(r.rubrik) <= 120 and r.rubrik == r.rubrik.strip()
    assert isinstance(r.datum, date) and r.datum <= TODAY
    cats = vocab.categories if r.typ == "brist" else vocab.positive_categories
    assert r.kategorier and all(c in cats for c in r.kategorier)
    assert r.aktörer and all(a in vocab.actors for a in r.aktörer)
    if r.typ == "brist":
        assert r.nivå in vocab.levels and r.status in vocab.statuses
        for c in r.kategorier:
            assert r.nivå in cats[c].nivåer
    assert all(who.strip() for who in r.mottagare)
    assert r.tema is None or r.tema.strip()
    titles = [s.title for s in r.sections if s.title]
    assert set(titles) <= {name for name, _ in SECTIONS[r.typ]}
    assert_safe_html(markdown_to_html(r.body))


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "svg", "math", "style", "base", "form"):
            self.bad.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"{tag} {name}=")
            compact = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name in ("href", "src") and compact.startswith(("javascript:", "vbscript:", "data:")):
                self.bad.append(f"{tag} {name}={value}")
            if tag == "img" and name == "src" and not compact.startswith(("../../bilagor/", "bilagor/", "../bilagor/")):
                self.bad.append(f"img src={value}")


def assert_safe_html(html: str) -> None:
    """No script element, no handler, no script URL, no image from outside content/bilagor/."""
    parser = _Elements()
    parser.feed(html)
    parser.close()
    assert parser.bad == [], (parser.bad, html[:500])


# --- strategies ------------------------------------------------------------------

KEYS = [*BRIST_FIELDS, "områden", "förekomster", "historik", "mottagare", "relaterade", "bilagor",
        "publicera", "publicerad", "tema", "intern", "datum", "status", "text", "namn", "? x", "'id'",
        '"typ"', "<<", "åäö", "x" * 30, "ID", "Rubrik", "kategorier ", "1", "null", "true"]
SCALARS = [
    "B-2025-001", "P-2025-001", "B-2025-01", "B-٢٠٢٥-001", '"B-2025-001\\n"', "brist", "positiv",
    "2025-03-14", "2025-02-29", "0000-01-01", "9999-12-31", "2025-3-14", "2025-03-14 10:00", "2026-11-23",
    "lokal", "individ", "nationell", "hög", "påtalad", "upptäckt", "åtgärdad", "tillganglighet",
    "samordning", "forsakringskassan", "Handläggare går inte att nå per telefon", "          x",
    '"          x"', '"\\t\\t\\t\\t\\t\\t\\t\\t\\t\\tx"', '"   "', "[' ']", "['a', ' ']",
    "true", "false", "ja", "nej", "yes", "on", "null", "~", "", "0x1F", "0o17", "1e3", ".inf", ".nan",
    "-0", "12:30:00", "1_000", "99999999999999999999999", "2024.0", "4.5",
    "'enkla citat'", '"dubbla \\x07 citat"', '"\\ud800"', '"\\0"', '"\\e"', '"\\uFFFE"', '"\\N\\_"',
    "&ankare x", "*alias", "!!str x", "!x y", "!<tag:yaml.org,2002:str> z", "! x", "|", ">-", "|0",
    "[a, b", "{a: b", "[]", "{}", "@x", "`x", "%x", "# kommentar", "- x", ": x", "? x", "a: b",
    "<script>alert(1)</script>", "javascript:alert(1)", "\u202eomvänd", "e\u0301", "\t", "...",
]
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
SCALAR = st.one_of(st.sampled_from(SCALARS), TEXT.map(lambda t: t.replace("\n", " ")))


@st.composite
def yaml_node(draw: st.DrawFn, depth: int = 0) -> tuple[str, Any]:
    """(kind, payload): a scalar, or a list/mapping of nodes; rendered by `render_yaml`."""
    kinds = ["scalar"] * 3 + (["list", "map"] if depth < 4 else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "scalar":
        return ("scalar", draw(SCALAR))
    n = draw(st.integers(0, 4))
    if kind == "list":
        return ("list", [draw(yaml_node(depth + 1)) for _ in range(n)])
    return ("map", [(draw(st.sampled_from(KEYS)), draw(yaml_node(depth + 1))) for _ in range(n)])


@st.composite
def yaml_text(draw: st.DrawFn, node: tuple[str, Any], indent: int = 0) -> str:
    """YAML for a node, block or flow style, with an occasional odd indent, anchor or tag."""
    kind, payload = node
    decoration = draw(st.sampled_from(["", "", "", "", "&a ", "*a", "!!map ", "!t "]))
    if kind == "scalar":
        return decoration.strip() + (" " if decoration.strip() else "") + payload
    flow = draw(st.booleans()) or not payload
    if flow:
        if kind == "list":
            parts = [draw(yaml_text(child, 0)) for child in payload]
            return decoration + "[" + ", ".join(p.replace("\n", " ") for p in parts) + "]"
        parts = [f"{k}: {draw(yaml_text(v, 0))}".replace("\n", " ") for k, v in payload]
        return decoration + "{" + ", ".join(parts) + "}"
    step = draw(st.sampled_from([2, 2, 2, 1, 3, 4]))
    pad = " " * (indent + step)
    odd = draw(st.sampled_from(["", "", "", "", " ", "\t"]))
    lines = [decoration.rstrip()] if decoration.strip() else [""]
    for i, item in enumerate(payload):
        shift = odd if i == len(payload) - 1 else ""
        if kind == "list":
            lines.append(f"{pad}{shift}- {draw(yaml_text(item, indent + step + 2))}")
        else:
            key, value = item
            lines.append(f"{pad}{shift}{key}: {draw(yaml_text(value, indent + step))}")
    return "\n".join(lines)


LINK_TARGETS = [
    "https://example.org", "mailto:a@example.org", "javascript:alert(1)", "JaVaScRiPt:alert(1)",
    "jav&#x09;ascript:alert(1)", "&#106;avascript:alert(1)", " javascript:alert(1)", "vbscript:x",
    "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd", "../../../etc/passwd", "../../bilagor/x.png",
    "/etc/passwd", "%2e%2e/%2e%2e/%2e%2e/etc", "..\\..\\..\\etc", "//evil.example/x", "#ankare", "",
    "<javascript:alert(1)>", "java\u200bscript:x", "\x01javascript:x",
]
INLINE = st.one_of(
    TEXT,
    st.sampled_from(LINK_TARGETS).map(lambda t: f"[länk]({t})"),
    st.sampled_from(LINK_TARGETS).map(lambda t: f"![bild]({t})"),
    st.sampled_from(LINK_TARGETS).map(lambda t: f"<{t}>"),
    st.sampled_from([
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>fet</b>", "<!-- kommentar -->",
        "{: onclick=\"alert(1)\"}", "{#id .klass}", "`kod <b>`", "``", "**fet**", "*kursiv*", "&amp;",
        "&#60;script&#62;", "<svg onload=alert(1)>", "<a href=\"javascript:x\">x</a>", "\\", "[x][r]",
        "<!-- po: nyckeltal -->", "<", ">", "\"", "'", "<x onclick=1>",
    ]),
)
SECTION_NAMES = [name for name, _ in SECTIONS["brist"]] + [name for name, _ in SECTIONS["positiv"]]


TAME_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc", "Zl", "Zp"],
                                   exclude_characters="<>[]{}`&\\!*_#|"), max_size=40)
TAME_INLINE = st.one_of(
    TAME_TEXT,
    st.sampled_from(["[länk](https://example.org)", "**fet**", "*kursiv*", "`kod`", "![karta](../../bilagor/k.png)"]),
)


@st.composite
def markdown_body(draw: st.DrawFn, tame: bool | None = None) -> str:
    """Markdown blocks; half the time (or with `tame`, always) only what `po check` accepts."""
    inline = TAME_INLINE if tame else INLINE if tame is False else draw(st.sampled_from([INLINE, TAME_INLINE]))
    blocks = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.sampled_from(["para", "heading", "setext", "list", "fence", "table", "quote", "ref"]))
        if inline is TAME_INLINE and kind in ("heading", "setext", "ref"):
            kind = "para"
        line = " ".join(draw(st.lists(inline, max_size=5)))
        if kind == "heading":
            title = draw(st.one_of(st.sampled_from(SECTION_NAMES), TEXT.map(lambda t: t.replace("\n", " "))))
            blocks.append(f"{draw(st.sampled_from(['##', '#', '###', ' ##', '##']))} {title}")
        elif kind == "setext":
            blocks.append(f"{line or 'Titel'}\n{draw(st.sampled_from(['---', '-', '===', '--- ']))}")
        elif kind == "list":
            blocks.append("\n".join(f"- {line}" for _ in range(draw(st.integers(1, 3)))))
        elif kind == "fence":
            fence = draw(st.sampled_from(["```", "~~~", "````", "  ```"]))
            close = draw(st.sampled_from([fence, "```", ""]))
            blocks.append(f"{fence}\n{line}\n## Inne i kod\n{close}")
        elif kind == "table":
            blocks.append(f"| a | b |\n|---|---|\n| {line} | x |")
        elif kind == "quote":
            blocks.append(f"> {line}")
        elif kind == "ref":
            blocks.append(f"[r]: {draw(st.sampled_from(LINK_TARGETS))}")
        else:
            blocks.append(line)
    return "\n\n".join(blocks) + "\n"


def _valid_sections(kind: str) -> str:
    return "".join(f"\n## {name}\n\nText om {name.lower()}.\n" for name, required in SECTIONS[kind] if required)


SEEDS = [
    report_text("brist"),
    report_text("positiv"),
    MAX_BRIST.replace("relaterade: [B-2024-012, P-2025-003]\n", ""),
    MAX_BRIST_2.replace("relaterade: [B-2025-001]\n", ""),
    MAX_POSITIV.replace("relaterade: [B-2025-001]\n", ""),
    MAX_POSITIV_DRAFT,
]
INSERTS = ["\u0000", "\u0007", "\u202e", "\u200b", "\ufeff", "e\u0301", "å", "\ud800", "\t", "\r", "\r\n",
           "\u2028", "\x85", "\xa0", "---", ":", "- ", "#", "&a ", "*a", "!!str ", "|", "'", '"', "[", "{",
           "😀", "\U0010ffff", "\ufffe", "<script>", "javascript:", "../"]


def seed_path(seed: str) -> str:
    report_id = re.search(r"^id: ([BP]-[0-9]{4}-[0-9]{3})$", seed, re.MULTILINE)
    assert report_id
    return f"brister/{report_id.group(1)[2:6]}/{report_id.group(1)}-rapport.md"


@st.composite
def mutated_report(draw: st.DrawFn) -> tuple[str, bytes]:
    """(path, bytes): a valid report with one to four lines deleted, doubled, swapped, changed or cut."""
    text = draw(st.sampled_from(SEEDS))
    rel = seed_path(text)
    for _ in range(draw(st.integers(1, 4))):
        lines = text.split("\n")
        op = draw(st.sampled_from(["delete", "duplicate", "swap", "flip", "insert", "truncate"]))
        i = draw(st.integers(0, max(0, len(lines) - 1)))
        if op == "delete":
            del lines[i]
        elif op == "duplicate":
            lines.insert(i, lines[i])
        elif op == "swap":
            j = draw(st.integers(0, max(0, len(lines) - 1)))
            lines[i], lines[j] = lines[j], lines[i]
        elif op in ("flip", "insert"):
            col = draw(st.integers(0, len(lines[i])))
            char = draw(st.one_of(st.sampled_from(INSERTS), st.characters(codec="utf-8")))
            tail = lines[i][col + 1 :] if op == "flip" else lines[i][col:]
            lines[i] = lines[i][:col] + char + tail
        text = "\n".join(lines)
        if op == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
    return rel, text.encode("utf-8", "surrogatepass")


# --- properties: the check ---------------------------------------------------------


@given(data=st.binary(max_size=3000), fenced=st.booleans())
def test_random_bytes(root: Path, data: bytes, fenced: bool) -> None:
    result = check_files(root, {REL: (b"---\n" + data if fenced else data)})
    assert_answer(result)


@given(node=yaml_node(), data=st.data(), replace=st.sets(st.sampled_from(list(BRIST_FIELDS)), max_size=4))
def test_random_yaml_front_matter(root: Path, node: tuple[str, Any], data: st.DataObject, replace: set[str]) -> None:
    fields: dict[str, str | None] = dict(BRIST_FIELDS)
    for key in replace:
        fields[key] = data.draw(yaml_text(data.draw(yaml_node(1)), 0))
    extra = data.draw(yaml_text(node, 0))
    text = front_matter(fields).removesuffix("---\n") + extra + "\n---\n" + _valid_sections("brist")
    result = check_files(root, {REL: text.encode("utf-8", "surrogatepass")})
    assert_answer(result)


@given(node=yaml_node(), data=st.data())
def test_random_yaml_anywhere(node: tuple[str, Any], data: st.DataObject) -> None:
    """parse_yaml on its own: a located PO1xx problem, or plain data with positions."""
    source = data.draw(yaml_text(node, 0))
    problems = ProblemList("x.yml")
    parsed = parse_yaml(source, problems)
    assert (parsed is None) == bool(problems)
    for p in problems:
        assert p.code in CODES and p.line >= 1 and p.col >= 1, p.format()
        assert not ENGLISH.search(_QUOTED.sub("''", p.message)), p.format()
    if parsed is not None:
        _assert_plain(parsed[0])


# Values near the edges of what the quick reader takes: YAML's own types, punctuation, spaces,
# quotes and characters from other scripts, so that every way it could read a value
# differently from the event reader is tried.
QUICK_VALUES = [
    "B-2025-001", "brist", "2025-03-14", "2025-3-14", "2025-03-14 10:00", "true", "True", "TRUE", "yes", "Yes",
    "no", "on", "Off", "y", "n", "null", "Null", "~", "0", "007", "0x1F", "0o17", "0b11", "1_000", "1e3", "1.5",
    ".5", "5.", "+1", "=", "<<", "12:30", "1:2", "a b", "a  b", "a, b", "a ,b", "a - b", "a-", "Ombud A's",
    'sa "hej"', "x?", "(x)", "5 %", "a/b", "a;b", "é", "e\u0301", "ä ö å", "٢٠٢٥", "x" * 5, "'enkla'", "'a, b'",
    "'a''b'", "'  x  '", "\"dubbla\"", "\"a\\nb\"", "\"\"", "''", "[]", "{}", "[a]", "[a, b]", "[a,b]",
    "[ a , b ]", "[a, ]", "[a b, c]", "['a', \"b\"]", "[1, true, ~]", "[a: b]", "{a: b}", "{a: b, c: d}",
    "{a: 1, a: 2}", "{a:b}", "{ a: b }", "{a: [b]}", "[[a]]", "a # kommentar", "a#b", "#x", "- a", "-a", "?",
    "a:b", "a: b", "&x a", "*x", "!x a", "|", ">", "%x", "@x", "`x", "a\u00a0b", "\u2028", "\ufeff",
]
QUICK_KEYS = ["id", "typ", "rubrik", "nivå", "historik", "a", "a-b", "1", "true", "null", "x_y", "å"] * 3
QUICK_KEYS += ["a b", "'q'"]
# Mostly values it takes, so that whole files get through to the comparison.
QUICK_VALUE = st.one_of(st.sampled_from(QUICK_VALUES[:60]), st.sampled_from(QUICK_VALUES[:60]),
                        st.sampled_from(QUICK_VALUES[:60]), st.sampled_from(QUICK_VALUES))


@st.composite
def quick_yaml(draw: st.DrawFn, depth: int = 0, indent: int = 0) -> str:
    """Front matter in (mostly) the forms the quick reader knows, with small slips."""
    pad = " " * indent
    lines = []
    for _ in range(draw(st.integers(1, 5))):
        key = draw(st.sampled_from(QUICK_KEYS))
        shape = draw(st.sampled_from(["value", "value", "value", "block", "list", "indentless", "dicts",
                                      "blank", "comment"] if depth < 3 else ["value"]))
        gap = draw(st.sampled_from([" ", " ", "  ", ""]))
        tail = draw(st.sampled_from(["", "", "", " ", "  "]))
        if shape == "value":
            lines.append(f"{pad}{key}:{gap}{draw(QUICK_VALUE)}{tail}")
        elif shape == "blank":
            lines.append(draw(st.sampled_from(["", "   "])))
        elif shape == "comment":
            lines.append(f"{pad}{draw(st.sampled_from(['', '  ']))}# anteckning")
        elif shape == "block":
            step = draw(st.sampled_from([2, 2, 4, 1]))
            lines.append(f"{pad}{key}:{tail}")
            lines.append(draw(quick_yaml(depth + 1, indent + step)))
        else:
            step = 0 if shape == "indentless" else draw(st.sampled_from([2, 2, 4]))
            lines.append(f"{pad}{key}:{tail}")
            for _ in range(draw(st.integers(1, 3))):
                if shape == "dicts":
                    inner = draw(quick_yaml(depth + 1, indent + step + 2)).lstrip(" ")
                    lines.append(f"{pad}{' ' * step}- {inner}")
                else:
                    lines.append(f"{pad}{' ' * step}-{gap}{draw(QUICK_VALUE)}{tail}")
    if draw(st.integers(0, 20)) == 0:  # now and then a line out of place
        stray = " " * draw(st.integers(0, 5)) + draw(st.sampled_from(QUICK_VALUES))
        lines.insert(draw(st.integers(0, len(lines))), stray)
    return "\n".join(lines)


@settings(max_examples=max(50, settings.default.max_examples * 4))
@given(source=quick_yaml(), offset=st.integers(0, 3))
def test_quick_reader_agrees_with_event_reader(source: str, offset: int) -> None:
    """Whatever the quick reader accepts, the event reader reads to the same data and positions."""
    quick = parse_quick(source, offset, MAX_DEPTH, MAX_VALUE_CHARS)
    event("snabbläsaren" if quick is not None else "händelseläsaren")
    if quick is None:
        return
    problems = ProblemList("x.yml")
    slow = parse_events(source, problems, offset)
    assert slow is not None, (source, [p.format() for p in problems])
    # repr: NaN is not equal to itself, and key order is part of what the messages use.
    assert repr(quick[0]) == repr(slow[0]), source
    assert list(quick[1].items()) == list(slow[1].items()), source
    assert list(quick[2].items()) == list(slow[2].items()), source


def _assert_plain(value: Any) -> None:
    assert isinstance(value, (str, int, float, bool, type(None), list, dict)), type(value)
    if isinstance(value, list):
        for v in value:
            _assert_plain(v)
    if isinstance(value, dict):
        for k, v in value.items():
            assert isinstance(k, (str, int, float, bool, type(None)))
            _assert_plain(v)


@given(body=markdown_body(), kind=st.sampled_from(["brist", "positiv"]), keep=st.sampled_from([True, True, False]))
def test_random_markdown_body(root: Path, body: str, kind: str, keep: bool) -> None:
    text = report_text(kind, body=(_valid_sections(kind) + body) if keep else body)
    rel = REL if kind == "brist" else "brister/2025/P-2025-001-rapport.md"
    result = check_files(root, {rel: text.encode("utf-8", "surrogatepass")})
    assert_answer(result, rel)


@given(body=markdown_body())
def test_renderer_is_safe_even_without_the_check(body: str) -> None:
    """The second lock: whatever the check would have said, the HTML runs no script."""
    for shift in (0, 1):
        assert_safe_html(markdown_to_html(body, shift_headings=shift))


VOCABULARY = ("områden:\n  norrby: Norrby kommun\n  sodra-dalen: Södra dalen\n"
              "aktörer:\n  fk-norr: Försäkringskassan norr\n").encode()


def test_the_seeds_are_valid(root: Path) -> None:
    for seed in SEEDS:
        rel = seed_path(seed)
        result = check_files(root, {rel: seed.encode(), "bilagor/skrivelse-2025.pdf": PDF,
                                    "vokabular.yml": VOCABULARY})
        assert [r.source for r in result.content.reports] == [rel], [p.format() for p in result.problems]


@given(mutated=mutated_report())
def test_mutated_valid_reports(root: Path, mutated: tuple[str, bytes]) -> None:
    rel, data = mutated
    files = {rel: data, "bilagor/skrivelse-2025.pdf": PDF, "vokabular.yml": VOCABULARY}
    result = check_files(root, files)
    assert_answer(result, rel)


@given(mutated=mutated_report())
def test_mutated_reports_through_the_identifier_scan(root: Path, mutated: tuple[str, bytes]) -> None:
    """The personal-data scanner reads the raw text of every file: it must not trip either."""
    from po_build.check.privacy.files import scan_file_text

    rel, data = mutated
    check_files(root, {rel: data, "bilagor/skrivelse-2025.pdf": PDF, "vokabular.yml": VOCABULARY})
    content = root / "content"
    result = check_tree(content, today=TODAY, scanner=scan_file_text, display_root=content)
    assert_answer(result, rel)


@given(mutated=mutated_report(), name=st.sampled_from(["vokabular.yml", "arsrapport/2025/index.md",
                                                        "arsrapport/2025/01-kapitel.md", "om.md"]))
def test_mutations_in_the_other_files(root: Path, mutated: tuple[str, bytes], name: str) -> None:
    """The same mutations as vocabulary, yearly report, chapter and own page."""
    result = check_files(root, {name: mutated[1], REL: report_text().encode()})
    for p in result.problems:
        assert p.code in CODES and p.line >= 1 and p.col >= 1, p.format()
        assert not ENGLISH.search(_QUOTED.sub("''", p.message)), p.format()


# --- property: the two schema validators agree ------------------------------------------

JSON_SCALAR = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**20), 10**20), st.floats(allow_nan=False),
    st.sampled_from([s.strip("'\"") for s in SCALARS]), TEXT,
    st.from_regex(r"\A[BP]-[0-9٠-٩]{4}-[0-9]{3,4}\n?\Z"), st.from_regex(r"\A[0-9]{4}-[0-9]{2}-[0-9]{2}\n?\Z"),
)
def _json_containers(inner: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=4))


JSON_VALUE = st.recursive(JSON_SCALAR, _json_containers, max_leaves=12)
BASES = {
    "brist": {**{k: v for k, v in BRIST_FIELDS.items()}, "kategorier": ["tillganglighet"],
              "aktörer": ["forsakringskassan"], "historik": [{"datum": "2025-03-14", "status": "upptäckt"}]},
    "positiv": {**dict(POSITIV_FIELDS), "kategorier": ["samordning"], "aktörer": ["psykiatrin"]},
    "arsrapport": {"år": 2025, "titel": "Årsrapport 2025", "ombud": 4.5,
                   "sökande": {"totalt": 3, "själv": 1, "anhörig": 1, "myndighet": 1, "övriga": 0}},
    "kapitel": {"rubrik": "Kapitel", "ordning": 1},
}


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            out += _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            out += _paths(v, (*prefix, i))
    return out


def _replaced(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _replaced(value[head], rest, new)}
    copy = list(value)
    copy[head] = _replaced(copy[head], rest, new)
    return copy


@given(kind=st.sampled_from(list(BASES)), data=st.data())
def test_fast_and_full_schema_validators_agree(kind: str, data: st.DataObject) -> None:
    instance: Any = dict(BASES[kind])
    if kind == "brist":
        instance["kategorier"] = list(instance["kategorier"])
    for _ in range(data.draw(st.integers(0, 3))):
        path = data.draw(st.sampled_from(_paths(instance)[1:]))
        instance = _replaced(instance, path, data.draw(JSON_VALUE))
    if data.draw(st.booleans()):
        instance = {**instance, data.draw(st.sampled_from(KEYS)): data.draw(JSON_VALUE)}
    validator = validators_for(builtin_vocabulary())[kind]
    full = not any(validator.full.iter_errors(instance))
    # The verdict `po check` acts on is the full one whenever the fast one is not trusted.
    assert (not any(validator.iter_errors(instance))) == full
    assume(not _needs_full_check(instance))
    assert bool(validator.fast.is_valid(instance)) == full, instance


# --- property: whatever passes the check builds, and builds safe ------------------------------

FREE_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), min_size=10, max_size=120)


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


@settings(deadline=None, max_examples=max(4, settings.default.max_examples // 25))
@given(rubrik=FREE_TEXT, other=FREE_TEXT, label=FREE_TEXT, body=markdown_body(tame=True))
def test_random_texts_build_to_a_safe_site(
    root: Path, rubrik: str, other: str, label: str, body: str
) -> None:
    """Free text in every field and label: a located error, or a site without script."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, PluginError

    from tests.test_hostile import scan_site

    fields = {"rubrik": _yaml_string(rubrik), "mottagare": f"[{_yaml_string(other)}]",
              "tema": _yaml_string(other), "publicera": "true", "publicerad": "2025-06-01",
              "historik": f"\n  - {{datum: 2025-03-14, status: upptäckt, text: {_yaml_string(other)}}}"
                          "\n  - {datum: 2025-04-01, status: påtalad}"}
    files = {
        REL: report_text(fields=fields, body=_valid_sections("brist") + body).encode("utf-8", "surrogatepass"),
        "vokabular.yml": f"aktörer:\n  forsakringskassan: {_yaml_string(label)}\n".encode(),
        "index.md": f"# {other}\n\n{body}".encode("utf-8", "surrogatepass"),
    }
    result = check_files(root, files)
    assume(not result.errors)
    (root / "mkdocs.yml").write_text(
        "site_name: Fuzz\nsite_url: https://fuzz.example/\ndocs_dir: content\ntheme: {name: material, language: sv}\n"
        "plugins:\n  search: {lang: sv}\n  po:\n    organisation: Fuzz\n    pdf: false\n"
        f"    idag: '{TODAY.isoformat()}'\n    minsta_antal: 1\n"
        "    tillganglighet: {bedomning: helt, epost: a@example.org, senast_granskad: '2026-11-01'}\n",
        "utf-8",
    )
    site = root / "site"
    shutil.rmtree(site, ignore_errors=True)
    try:
        build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site)))
    except (PluginError, Abort):
        return  # refused with the located messages in the log (the identifier scan, most often)
    assert scan_site(site) == {}
