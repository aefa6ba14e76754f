"""The quick reader of front matter: the few plain forms reports are written in, line by line.

`frontmatter.parse_yaml` reads YAML event by event so that it can refuse anchors, aliases,
tags, duplicate keys and deep nesting at the exact place. Feeding every event through Python
was a third of `po check` on a large tree, and libyaml composing the nodes was no quicker,
because resolving and walking them is Python too. Nearly every report is written in a handful
of forms: `fält: värde`, `fält: [a, b]`, a list of `- värde` or `- {datum: ..., status: ...}`,
an indented block under `fält:`. This reader knows exactly those, with strict character rules,
and gives up (returns None) at anything else, however harmless; the event reader then reads
the file again and words any problem. For every text this one accepts, both give the same data
and the same positions: property tests and every sample file hold them equal.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from po_build.load.text import _INVISIBLE

Path_ = tuple[str | int, ...]
Pos = tuple[int, int]
Parsed = tuple[Any, dict[Path_, Pos], dict[Path_, Pos]]

_RESOLVER = yaml.SafeLoader("")  # its implicit resolvers and construct_* helpers
# The first characters for which YAML may read a plain scalar as something other than text.
_MAY_RESOLVE = frozenset(k for k in _RESOLVER.yaml_implicit_resolvers if k is not None)
_CONSTRUCTED = ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
                "tag:yaml.org,2002:null")

# Plain text as a value: starts with a letter or digit, then letters, digits, single spaces and
# punctuation that means nothing to YAML inside a value. No ':' (a second key, or a time), no
# '#' (a comment), nothing that opens a quote, a list or a tag. Trailing spaces are not part of it.
_WORD = r"[^\W_]"
_PLAIN_CHAR = r"[\w.,\-/()+%?;=–—…'\"]"
_BLOCK_PLAIN = rf"{_WORD}(?:{_PLAIN_CHAR}| (?=\S))*"
_FLOW_PLAIN = rf"{_WORD}(?:[\w.\-/()+%?;=–—…]| (?=[^\s,\]}}]))*"
# Quoted text on one line with nothing that quoting changes (no escapes, no doubled quote).
_QUOTED = r"'[^'\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]*'|\"[^\"\\\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]*\""
_KEY = rf"{_WORD}[\w\-]*"

_SCALAR = re.compile(rf"(?:({_QUOTED})|({_BLOCK_PLAIN})) *")
_FLOW_ITEM = re.compile(rf" *(?:({_QUOTED})|({_FLOW_PLAIN})) *")
_FLOW_PAIR = re.compile(rf" *({_KEY}): +(?:({_QUOTED})|({_FLOW_PLAIN})) *")
_KEY_LINE = re.compile(rf"({_KEY}):(?: +|$)")
_ITEM = re.compile(r"- +")
# What makes a line something this reader does not know: a tab, a document marker, a directive,
# a character YAML treats as a line break. Checked once for the whole text.
_UNKNOWN_LINE = re.compile(r"\t|\r|\x85|\u2028|\u2029|\ufeff|^(?:---|\.\.\.|%)", re.M)
_COMMENT_OR_BLANK = re.compile(r" *(?:#.*)?")


class _GiveUp(Exception):
    """Something outside the known forms: the event reader reads the text instead."""


def scalar_value(style: str | None, tag: str, text: str) -> Any:
    """A scalar as plain data. Quoted and block text, and dates, stay as the text written."""
    if style or tag not in _CONSTRUCTED:
        return text
    try:
        # The constructor function itself: construct_object would keep every node for the
        # life of the process.
        node = yaml.ScalarNode(tag, text)
        return _RESOLVER.yaml_constructors[tag](_RESOLVER, node)
    except (ValueError, KeyError, yaml.YAMLError):
        return text


# Reports repeat the same short values (vocabulary ids, dates, true): each is resolved once.
# Every value in it is immutable, so sharing one between files is safe.
_RESOLVED: dict[str, Any] = {}
_RESOLVED_MAX = 20_000


def _plain(text: str) -> Any:
    if text[0] not in _MAY_RESOLVE:
        return text
    try:
        return _RESOLVED[text]
    except KeyError:
        pass
    tag = _RESOLVER.resolve(  # type: ignore[no-untyped-call]  # unannotated in types-PyYAML
        yaml.ScalarNode, text, (True, False))
    value = scalar_value(None, tag, text)
    if len(_RESOLVED) >= _RESOLVED_MAX:
        _RESOLVED.clear()
    _RESOLVED[text] = value
    return value


class _Reader:
    def __init__(self, source: str, offset: int, max_depth: int) -> None:
        self.offset = offset
        self.max_depth = max_depth
        self.key_pos: dict[Path_, Pos] = {}
        self.value_pos: dict[Path_, Pos] = {}
        # (line number, indent, text without the indent) of each line that holds something.
        self.lines: list[tuple[int, int, str]] = []
        for number, line in enumerate(source.split("\n")):
            if _COMMENT_OR_BLANK.fullmatch(line):
                continue
            stripped = line.lstrip(" ")
            if "#" in stripped:
                raise _GiveUp  # a comment after a value, or a '#' inside one
            self.lines.append((number, len(line) - len(stripped), stripped.rstrip(" ")))
        self.i = 0

    def pos(self, line: int, col: int) -> Pos:
        return (line + 1 + self.offset, col + 1)

    def new_key(self, mapping: dict[str, Any], key: str, path: Path_, line: int, col: int) -> str:
        if key in mapping:
            raise _GiveUp  # the event reader names both lines
        self.key_pos[(*path, key)] = self.pos(line, col)
        return key

    def inline(self, rest: str, line: int, col: int, path: Path_, depth: int) -> Any:
        """A value that stands on the key's (or the dash's) own line, to the line's end."""
        self.value_pos[path] = self.pos(line, col)
        if rest[0] == "[":
            return self.flow_list(rest, line, col, path, depth)
        if rest[0] == "{":
            return self.flow_map(rest, line, col, path, depth)
        m = _SCALAR.fullmatch(rest)
        if m is None:
            raise _GiveUp
        if m.group(1):
            return m.group(1)[1:-1]
        return _plain(m.group(2))

    def flow_list(self, rest: str, line: int, col: int, path: Path_, depth: int) -> list[Any]:
        if depth >= self.max_depth or not rest.endswith("]"):
            raise _GiveUp
        out: list[Any] = []
        inner, at = rest[1:-1], col + 1
        if inner.strip(" ") == "":
            return out
        for n, part in enumerate(inner.split(",")):
            m = _FLOW_ITEM.fullmatch(part)
            if m is None:
                raise _GiveUp  # also a trailing comma, which YAML allows but nobody means
            start = at + m.start(1 if m.group(1) else 2)
            self.value_pos[(*path, n)] = self.pos(line, start)
            out.append(m.group(1)[1:-1] if m.group(1) else _plain(m.group(2)))
            at += len(part) + 1
        return out

    def flow_map(self, rest: str, line: int, col: int, path: Path_, depth: int) -> dict[str, Any]:
        if depth >= self.max_depth or not rest.endswith("}"):
            raise _GiveUp
        out: dict[str, Any] = {}
        inner, at = rest[1:-1], col + 1
        if inner.strip(" ") == "":
            return out
        for part in inner.split(","):
            m = _FLOW_PAIR.fullmatch(part)
            if m is None:
                raise _GiveUp
            key = self.new_key(out, m.group(1), path, line, at + m.start(1))
            value_at = at + m.start(2 if m.group(2) else 3)
            self.value_pos[(*path, key)] = self.pos(line, value_at)
            out[key] = m.group(2)[1:-1] if m.group(2) else _plain(m.group(3))
            at += len(part) + 1
        return out

    def block(self, indent: int, path: Path_, depth: int) -> Any:
        """The mapping or list whose lines start at column `indent`."""
        if depth >= self.max_depth:
            raise _GiveUp
        line, _, content = self.lines[self.i]
        self.value_pos[path] = self.pos(line, indent)
        if _ITEM.match(content) or content == "-":
            return self.block_list(indent, path, depth)
        return self.block_map(indent, path, depth, content_col=indent)

    def block_map(self, indent: int, path: Path_, depth: int, content_col: int,
                  first: str | None = None) -> dict[str, Any]:
        """Keys at column `indent`; `first` is the first key's line when it follows a dash."""
        out: dict[str, Any] = {}
        while self.i < len(self.lines):
            line, col, content = self.lines[self.i]
            if first is not None:
                content, col, first = first, content_col, None
            elif col != indent:
                if col > indent:
                    raise _GiveUp
                break
            m = _KEY_LINE.match(content)
            if m is None:
                raise _GiveUp
            key = self.new_key(out, m.group(1), path, line, col)
            rest = content[m.end():]
            self.i += 1
            if rest:
                out[key] = self.inline(rest, line, col + m.end(), (*path, key), depth + 1)
                continue
            if self.i >= len(self.lines):
                raise _GiveUp  # an empty value: the event reader places its null
            _, next_col, next_content = self.lines[self.i]
            indentless = next_col == indent and (_ITEM.match(next_content) or next_content == "-")
            if next_col <= indent and not indentless:
                raise _GiveUp
            out[key] = self.block(next_col, (*path, key), depth + 1)
        return out

    def block_list(self, indent: int, path: Path_, depth: int) -> list[Any]:
        out: list[Any] = []
        while self.i < len(self.lines):
            line, col, content = self.lines[self.i]
            if col != indent:
                if col > indent:
                    raise _GiveUp
                break
            m = _ITEM.match(content)
            if m is None:
                if content == "-":
                    raise _GiveUp  # the item is on the next lines
                break  # a key at the same column: the list under it has ended
            rest, at = content[m.end():], col + m.end()
            item_path = (*path, len(out))
            if _KEY_LINE.match(rest):
                if depth + 1 >= self.max_depth:
                    raise _GiveUp
                self.value_pos[item_path] = self.pos(line, at)
                out.append(self.block_map(at, item_path, depth + 1, content_col=at, first=rest))
                continue
            self.i += 1
            out.append(self.inline(rest, line, at, item_path, depth + 1))
        return out


def parse_quick(source: str, line_offset: int, max_depth: int, max_chars: int) -> Parsed | None:
    """Plain data and positions, or None when the event reader has to read `source`."""
    # No value can be longer than the whole text, nor hold a character the text does not.
    if len(source) > max_chars or _UNKNOWN_LINE.search(source) or _INVISIBLE.search(source):
        return None
    try:
        reader = _Reader(source, line_offset, max_depth)
        if not reader.lines or reader.lines[0][1] != 0:
            return None
        data = reader.block(0, (), 0)
        if reader.i != len(reader.lines):
            return None
    except _GiveUp:
        return None
    return data, reader.key_pos, reader.value_pos
