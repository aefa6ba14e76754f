"""Where a sentence starts: a capital letter there is no evidence of a name."""

from __future__ import annotations

import re

from po_build.check.privacy import wordlists as pn

_OPENERS = frozenset(" \t\u00a0\"'“”‘’«»([{*_`")


_BLOCK_PREFIX_RE = re.compile(r"[ \t]*(?:(?:#{1,6}|>+|[-*+•–]|[0-9]+[.)]|\|)[ \t]*)+")


_SENTENCE_END = frozenset(".!?:;…|")


_QUOTES = frozenset("\"'“”‘’«»")


def _line_start(text: str, pos: int) -> int:
    return max(text.rfind("\n", 0, pos), text.rfind("\r", 0, pos)) + 1


def _dot_ends_sentence(text: str, dot: int) -> bool:
    word = re.search(r"([^\W\d_][\w.:]*)$", text[max(0, dot - 12) : dot])
    if word is None:
        # "1." at the start of a line is a list number, elsewhere a number ends a sentence.
        return True
    abbreviation = word.group(1).lower()
    if abbreviation in pn.NON_FINAL_ABBREVIATIONS:
        return False
    # An initial ("K. Johansson") does not end the sentence.
    return not (len(abbreviation) == 1 and word.group(1).isupper())


def is_sentence_start(text: str, pos: int) -> bool:
    line_start = _line_start(text, pos)
    prefix = text[line_start:pos]
    block = _BLOCK_PREFIX_RE.match(prefix)
    rest = prefix[block.end() :] if block else prefix
    if all(char in _OPENERS for char in rest):
        if block and block.group().strip():
            return True
        return _previous_line_ends_sentence(text, line_start)
    i = pos - 1
    while i >= line_start and text[i] in _OPENERS:
        if text[i] in _QUOTES:
            return True  # a quotation starts with a capital: "Inga fel", sa hon
        i -= 1
    char = text[i]
    if char == ".":
        return _dot_ends_sentence(text, i)
    return char in _SENTENCE_END


def _previous_line_ends_sentence(text: str, line_start: int) -> bool:
    # A soft-wrapped paragraph goes on over the line break; a blank line, a
    # heading or a line ending in a full stop starts a new sentence.
    if line_start == 0:
        return True
    end = line_start - 1
    if end > 0 and text[end] == "\n" and text[end - 1] == "\r":
        end -= 1
    prev_start = _line_start(text, end)
    previous = text[prev_start:end].strip()
    if not previous or previous.startswith("#") or previous == "---":
        return True
    last = previous[-1]
    if last == ".":
        return _dot_ends_sentence(previous, len(previous) - 1)
    return last in _SENTENCE_END
