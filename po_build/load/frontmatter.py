"""Read content files: bytes → text → front matter + body, with positions.

The loader refuses what a person cannot see in their editor (wrong encoding, YAML
anchors and tags, duplicate keys) with a located Swedish message. It never raises
on bad input: every failure becomes a :class:`~po_build.problems.Problem`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
import yaml.reader

from po_build.load.text import _INVISIBLE, invisible_message, read_text
from po_build.load.yamlquick import parse_quick, scalar_value
from po_build.model.problems import ProblemList

MAX_DEPTH = 8
# Limits a person never reaches by writing, only by pasting or by a program gone wrong. They
# keep the time a check and a build take bounded, whatever a pull request contains.
MAX_BODY_CHARS = 200_000
MAX_LINES = 20_000
MAX_VALUE_CHARS = 10_000


try:  # libyaml is ten times faster; the pure-Python parser gives the same events.
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader

Path_ = tuple[str | int, ...]
Pos = tuple[int, int]


@dataclass
class Document:
    """A parsed Markdown file: front matter as plain data plus where every part stands."""

    path: Path
    rel: str
    data: dict[str, Any]
    body: str
    body_line: int
    key_pos: dict[Path_, Pos] = field(default_factory=dict)
    value_pos: dict[Path_, Pos] = field(default_factory=dict)

    def pos(self, *path: str | int) -> Pos:
        """Where a value stands; falls back to its key, then to the nearest parent."""
        p: Path_ = tuple(path)
        while p:
            if p in self.value_pos:
                return self.value_pos[p]
            if p in self.key_pos:
                return self.key_pos[p]
            p = p[:-1]
        return (1, 1)

    def kpos(self, *path: str | int) -> Pos:
        p: Path_ = tuple(path)
        return self.key_pos.get(p) or self.pos(*path)












_FENCE = re.compile(r"^---[ \t]*$")


def split_front_matter(text: str, problems: ProblemList) -> tuple[str, str, int] | None:
    """Front matter text, body, and the 1-based line where the body starts."""
    lines = text.split("\n")
    if not _FENCE.match(lines[0]):
        problems.add(
            "PO104",
            "filen saknar inledande fält (front matter) – första raden ska vara exakt '---', "
            "följd av fälten och en rad med '---'",
        )
        return None
    for i in range(1, len(lines)):
        if _FENCE.match(lines[i]):
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2
    problems.add(
        "PO105",
        "de inledande fälten avslutas aldrig – lägg till en rad med bara '---' efter sista fältet",
    )
    return None


def parse_yaml(
    source: str, problems: ProblemList, line_offset: int = 0
) -> tuple[Any, dict[Path_, Pos], dict[Path_, Pos]] | None:
    """YAML to plain data (str, int, float, bool, None, list, dict) plus positions.

    Dates stay as the text the author wrote; the schema checks their form, so
    that a date and its error look the same in YAML, JSON Schema and messages.
    """
    quick = parse_quick(source, line_offset, MAX_DEPTH, MAX_VALUE_CHARS)
    if quick is not None:
        return quick
    return parse_events(source, problems, line_offset)


def parse_events(
    source: str, problems: ProblemList, line_offset: int = 0
) -> tuple[Any, dict[Path_, Pos], dict[Path_, Pos]] | None:
    """`parse_yaml` event by event: slower, and the one that words every refusal."""
    builder = _Builder(line_offset)
    try:
        for event in yaml.parse(source, Loader=_Loader):
            if not builder.feed(event, problems):
                return None
    except yaml.MarkedYAMLError as err:
        if _is_depth_limit(err):
            mark = err.problem_mark or err.context_mark
            pos = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
            problems.add("PO120", _TOO_DEEP, pos)
            return None
        # An unclosed quote or bracket is found at the end: point at where it opens.
        opened = (err.context or "").startswith(_OPENED_AT)
        mark = (err.context_mark if opened else None) or err.problem_mark or err.context_mark
        pos = (mark.line + 1 + line_offset, mark.column + 1) if mark else (1 + line_offset, 1)
        problems.add("PO106", _yaml_message(err, source), pos)
        return None
    except yaml.reader.ReaderError as err:
        # Only reached when called on text that read_text has not screened (the built-in
        # vocabulary, tests): position is an index into `source`.
        at = min(max(err.position, 0), len(source))
        line = source.count("\n", 0, at) + 1
        col = at - (source.rfind("\n", 0, at) + 1) + 1
        char = chr(err.character) if isinstance(err.character, int) else str(err.character or "?")[:1]
        problems.add("PO112", invisible_message(char or "?"), (line + line_offset, col))
        return None
    except yaml.YAMLError:  # pragma: no cover - every other error PyYAML raises is marked
        problems.add("PO106", _GENERIC_YAML, (1 + line_offset, 1))
        return None
    except RecursionError:
        problems.add("PO120", _TOO_DEEP, (1 + line_offset, 1))
        return None
    return builder.result, builder.key_pos, builder.value_pos


_TOO_DEEP = f"fälten är för djupt inbäddade (högst {MAX_DEPTH} nivåer)"
# A parser's own depth limit, below or above ours: libyaml (since 0.2.5) stops at 1000 levels
# with "exceeded maximum nesting depth", and it scans ahead of the events we count, so in a
# long flow value its limit can be met before ours. Whichever parser stops, it is PO120.
_DEPTH_NEEDLES = ("nesting depth", "nesting level", "too deep")


def _is_depth_limit(err: yaml.MarkedYAMLError) -> bool:
    text = f"{err.problem or ''} {err.context or ''}".lower()
    return any(needle in text for needle in _DEPTH_NEEDLES)


_OPENED_AT = ("while scanning a quoted", "while parsing a flow", "while scanning a simple key")

# libyaml's (and PyYAML's) problem texts, each with a Swedish explanation. The English text
# itself is never shown: an ombud cannot act on "did not find expected node content".
_YAML_HINTS: list[tuple[str, str]] = [
    (
        "mapping values are not allowed",
        "ett kolon (:) står på ett oväntat ställe – sätt texten inom citattecken, "
        "t.ex. rubrik: \"Beslut: avslag\"",
    ),
    ("could not find expected ':'", "det saknas ett kolon efter fältnamnet (fält: värde)"),
    ("did not find expected key", "indraget stämmer inte – rader på samma nivå ska börja lika långt in"),
    ("did not find expected '-' indicator", "en listpunkt saknar '-' eller är fel indragen"),
    ("found unexpected end of stream", "ett citattecken eller en hakparentes stängs aldrig"),
    ("found unknown escape character", "snedstreck (\\) i text inom \"...\" – använd '...' i stället"),
    ("escape code", "snedstreck (\\) i text inom \"...\" – använd '...' i stället"),
    ("hexdecimal number", "snedstreck (\\) i text inom \"...\" – använd '...' i stället"),
    ("hexadecimal number", "snedstreck (\\) i text inom \"...\" – använd '...' i stället"),
    ("expected ',' or ']'", "en lista inom [ ] är inte stängd eller saknar kommatecken"),
    ("expected ',' or '}'", "en mappning inom { } är inte stängd eller saknar kommatecken"),
    (
        "block sequence entries are not allowed",
        "en listpunkt (-) står på samma rad som ett fält – börja listan på nästa rad",
    ),
    ("mapping keys are not allowed", "ett frågetecken (?) i början av en rad – sätt texten inom citattecken"),
    ("expected <document start>", "fälten innehåller något som inte är 'fält: värde' – kontrollera raden"),
    ("expected '<document start>'", "fälten innehåller något som inte är 'fält: värde' – kontrollera raden"),
    ("found duplicate anchor", "ankare (&) används inte i rapporter – skriv ut värdet"),
    ("node content", "ett värde saknas – en lista inom [ ] eller { } är inte stängd"),
    ("document indicator", "en rad med bara '...' eller '---' inne i en text – ta bort raden eller skriv om den"),
    ("document separator", "en rad med bara '...' eller '---' inne i en text – ta bort raden eller skriv om den"),
    ("tab character", "tabbtecken i indraget – använd mellanslag, inte tabb"),
    ("indentation indicator", "tecknet efter | eller > ska vara en siffra 1–9, + eller - – oftast räcker bara |"),
    ("chomping", "tecknet efter | eller > ska vara en siffra 1–9, + eller - – oftast räcker bara |"),
    ("comment or line break", "efter | eller > ska raden ta slut – börja texten på nästa rad, indragen"),
    ("directive", "en rad börjar med % – sätt texten inom citattecken"),
    ("YAML document", "en rad börjar med % – sätt texten inom citattecken"),
    ("alphabetic or numeric character", "tecknet & eller * måste stå inom citattecken – sätt texten inom \"...\""),
    ("tag", "ett utropstecken (!) i början av ett värde – sätt texten inom citattecken"),
    ("URI", "ett utropstecken (!) i början av ett värde – sätt texten inom citattecken"),
    ("UTF-8 octet", "filen innehåller tecken som inte är UTF-8 – spara den som UTF-8"),
]
_GENERIC_YAML = (
    "fälten går inte att läsa – kontrollera raden: text med kolon eller tecken som # & * ! | > % @ ` "
    "i början ska stå inom citattecken, indrag görs med mellanslag; jämför med en mall från `po ny brist`"
)


def _yaml_message(err: yaml.MarkedYAMLError, source: str) -> str:
    problem = f"{err.problem or ''} {err.context or ''}"
    if "cannot start any token" in problem:
        mark = err.problem_mark
        lines = source.split("\n")
        char = ""
        if mark is not None and 0 <= mark.line < len(lines) and 0 <= mark.column < len(lines[mark.line]):
            char = lines[mark.line][mark.column]
        if char == "\t":
            return "fälten går inte att läsa: tabbtecken – använd mellanslag, inte tabb, för indrag"
        shown = f"tecknet {char} " if char.strip() else "tecknet "
        return (
            f"fälten går inte att läsa: {shown}får inte inleda ett värde – sätt värdet inom "
            "citattecken, t.ex. rubrik: \"@kontoret svarar inte\""
        )
    for needle, hint in _YAML_HINTS:
        if needle in problem:
            return f"fälten går inte att läsa: {hint}"
    return _GENERIC_YAML


_SCALAR_CONSTRUCTOR = yaml.SafeLoader("")  # only its resolver is used


class _Builder:
    """Builds plain data from YAML parse events, refusing what we do not allow."""

    def __init__(self, line_offset: int) -> None:
        self.offset = line_offset
        self.stack: list[tuple[Any, Path_, list[Any]]] = []  # (container, path, pending key)
        self.result: Any = None
        self.key_pos: dict[Path_, Pos] = {}
        self.value_pos: dict[Path_, Pos] = {}
        self.documents = 0

    def _pos(self, event: Any) -> Pos:
        return (event.start_mark.line + 1 + self.offset, event.start_mark.column + 1)

    def feed(self, event: Any, problems: ProblemList) -> bool:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                problems.add("PO106", "bara ett block med fält är tillåtet", self._pos(event))
                return False
            return True
        if isinstance(event, yaml.AliasEvent):
            problems.add(
                "PO107",
                f"alias (*{event.anchor}) används inte i rapporter – skriv ut värdet på nytt",
                self._pos(event),
            )
            return False
        if isinstance(event, yaml.NodeEvent) and event.anchor is not None:
            problems.add(
                "PO107",
                f"ankare (&{event.anchor}) används inte i rapporter – ta bort '&{event.anchor}'",
                self._pos(event),
            )
            return False
        if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
            tag = event.tag
            if tag is not None and tag != "!":
                problems.add(
                    "PO108",
                    f"typangivelsen '{tag}' är inte tillåten – ta bort den och skriv bara värdet",
                    self._pos(event),
                )
                return False
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, problems)
        if isinstance(event, yaml.MappingStartEvent):
            return self._open({}, event, problems)
        if isinstance(event, yaml.SequenceStartEvent):
            return self._open([], event, problems)
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            container, _path, _pending = self.stack.pop()
            if not self.stack:
                self.result = container
            return True
        return True

    def _open(self, container: Any, event: Any, problems: ProblemList) -> bool:
        if self.stack and self.stack[-1][2] == [] and isinstance(self.stack[-1][0], dict):
            problems.add(
                "PO106",
                "ett fältnamn kan inte vara en lista eller mappning – skriv 'fält: värde'",
                self._pos(event),
            )
            return False
        if len(self.stack) >= MAX_DEPTH:
            problems.add(
                "PO120",
                _TOO_DEEP,
                self._pos(event),
            )
            return False
        path = self._attach(container, self._pos(event))
        self.stack.append((container, path, []))
        return True

    def _attach(self, value: Any, pos: Pos) -> Path_:
        if not self.stack:
            self.value_pos[()] = pos
            return ()
        parent, ppath, pending = self.stack[-1]
        if isinstance(parent, list):
            path = (*ppath, len(parent))
            parent.append(value)
        else:
            key = pending.pop()
            path = (*ppath, key)
            parent[key] = value
        self.value_pos[path] = pos
        return path

    def _scalar(self, event: yaml.ScalarEvent, problems: ProblemList) -> bool:
        pos = self._pos(event)
        # Escapes in "..." ("\x07", "\0") make characters the file itself does not show.
        bad = _INVISIBLE.search(event.value)
        if bad:
            problems.add("PO112", invisible_message(bad.group()), pos)
            return False
        if len(event.value) > MAX_VALUE_CHARS:
            problems.add(
                "PO111",
                f"värdet har {len(event.value)} tecken, högst {MAX_VALUE_CHARS} – korta det; "
                "längre text hör hemma i rapportens text under rubrikerna",
                pos,
            )
            return False
        if self.stack and isinstance(self.stack[-1][0], dict) and not self.stack[-1][2]:
            parent, ppath, pending = self.stack[-1]
            key = event.value
            if key in parent:
                first = self.key_pos.get((*ppath, key), pos)
                problems.add(
                    "PO109",
                    f"fältet '{key}' står två gånger (första gången på rad {first[0]}) – "
                    "ta bort den ena",
                    pos,
                )
                return False
            pending.append(key)
            self.key_pos[(*ppath, key)] = pos
            return True
        value = self.resolve(event)
        if not self.stack:
            self.result = value
            self.value_pos[()] = pos
            return True
        self._attach(value, pos)
        return True

    @staticmethod
    def resolve(event: yaml.ScalarEvent) -> Any:
        if event.style:  # quoted or block text is always text
            return event.value
        tag = _SCALAR_CONSTRUCTOR.resolve(  # type: ignore[no-untyped-call]  # unannotated in types-PyYAML
            yaml.ScalarNode, event.value, event.implicit)
        return scalar_value(None, tag, event.value)


def load_document(path: Path, rel: str, problems: ProblemList) -> Document | None:
    """One Markdown file with front matter, or None with the reasons in `problems`."""
    text = read_text(path, problems)
    if text is None:
        return None
    split = split_front_matter(text, problems)
    if split is None:
        return None
    fm, body, body_line = split
    lines = text.count("\n") + 1
    if lines > MAX_LINES:
        problems.add(
            "PO111",
            f"filen har {lines} rader, högst {MAX_LINES} – dela upp texten eller lägg långa "
            "underlag som bilaga i content/bilagor/",
            (MAX_LINES + 1, 1),
        )
        return None
    if len(body) > MAX_BODY_CHARS:
        problems.add(
            "PO111",
            f"texten har {len(body)} tecken, högst {MAX_BODY_CHARS} – korta den eller lägg långa "
            "underlag som bilaga i content/bilagor/",
            (body_line, 1),
        )
        return None
    parsed = parse_yaml(fm, problems, line_offset=1)
    if parsed is None:
        return None
    data, key_pos, value_pos = parsed
    if data is None:
        problems.add("PO110", "de inledande fälten är tomma – fyll i t.ex. id, typ och rubrik", (2, 1))
        return None
    if not isinstance(data, dict):
        problems.add(
            "PO110",
            "de inledande fälten ska vara rader av formen 'fält: värde'",
            value_pos.get((), (2, 1)),
        )
        return None
    return Document(path, rel, data, body, body_line, key_pos, value_pos)


def load_yaml_file(path: Path, problems: ProblemList) -> tuple[Any, dict[Path_, Pos], dict[Path_, Pos]] | None:
    """A plain YAML file such as vokabular.yml."""
    text = read_text(path, problems)
    if text is None:
        return None
    return parse_yaml(text, problems)
