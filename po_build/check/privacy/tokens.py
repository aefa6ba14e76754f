"""The capitalised words of a text and the words right beside them: what the name rules
look at."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_TOKEN = r"[^\W\d_]+(?:[-'’][^\W\d_]+)*(?::[^\W\d_]+)?"


# The word right after or right before a token, with what separates them: up to
# three spaces, or a comma. Anything else (a full stop, a line break) ends the
# context.
_GAP = r"[ \t\u00a0]{1,3}|[ \t\u00a0]{0,2},[ \t\u00a0]{0,2}"


NEXT_WORD_RE = re.compile(rf"(?P<gap>{_GAP})(?P<w>{_TOKEN})")


_GAP_RE = re.compile(_GAP)


_TOKEN_RE = re.compile(_TOKEN)


@functools.cache
def capitalised_word_re() -> re.Pattern[str]:
    # Every upper-case letter of the Basic Multilingual Plane as one character
    # class, so that capitalised words are found without tokenising every word.
    # Built on first use: it takes a few milliseconds.
    ranges: list[tuple[int, int]] = []
    for code in range(0x10000):
        if chr(code).isupper():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    upper = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile(rf"[{upper}][^\W\d_]*(?:[-'’][^\W\d_]+)*(?::[^\W\d_]+)?")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    lower: str
    cap: bool


def make_token(start: int, word: str) -> Token:
    cap = word[0].isupper() and not (len(word) > 1 and word.isupper())
    return Token(start, start + len(word), word, word.lower(), cap)


# A neighbouring token and whether only spaces (not a comma) separate it.
Neighbour = tuple[Token, bool]


class Tokens:
    """The capitalised words of one text and their neighbours, each looked up once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._next_cache: dict[int, Neighbour | None] = {}
        self._prev_cache: dict[int, Neighbour | None] = {}

    def next(self, tok: Token) -> Neighbour | None:
        if tok.end not in self._next_cache:
            m = NEXT_WORD_RE.match(self.text, tok.end)
            self._next_cache[tok.end] = (
                (make_token(m.start("w"), m["w"]), "," not in m["gap"]) if m else None
            )
        return self._next_cache[tok.end]

    def prev(self, tok: Token) -> Neighbour | None:
        return self.prev_at(tok.start)

    def prev_at(self, pos: int) -> Neighbour | None:
        """The word before the token that starts at pos."""
        if pos not in self._prev_cache:
            self._prev_cache[pos] = self._scan_prev(pos)
        return self._prev_cache[pos]

    def _scan_prev(self, pos: int) -> Neighbour | None:
        # A backward scan; a regular expression anchored at the end would try
        # every start position in its window.
        text = self.text
        gap_start = pos
        while gap_start > 0 and pos - gap_start < 5 and text[gap_start - 1] in " \t\u00a0,":
            gap_start -= 1
        if gap_start == pos or gap_start == 0 or not text[gap_start - 1].isalpha():
            return None  # no gap, or no word before it (". Klienten"): the usual case
        gap = text[gap_start:pos]
        if not _GAP_RE.fullmatch(gap):
            return None
        word_start = gap_start
        while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] in "-'’:"):
            word_start -= 1
        if word_start and (text[word_start - 1].isalnum() or text[word_start - 1] == "_"):
            return None
        word = text[word_start:gap_start]
        if not _TOKEN_RE.fullmatch(word):
            return None
        return make_token(word_start, word), "," not in gap

    def next_word(self, tok: Token) -> str:
        """The word right after tok when only spaces separate them, else ''."""
        neighbour = self.next(tok)
        return neighbour[0].lower if neighbour and neighbour[1] else ""

    def next_token(self, tok: Token) -> Token | None:
        neighbour = self.next(tok)
        return neighbour[0] if neighbour and neighbour[1] else None

    def prev_word(self, tok: Token, allow_comma: bool = False) -> str:
        neighbour = self.prev(tok)
        if neighbour and (neighbour[1] or allow_comma):
            return neighbour[0].lower
        return ""

    def prev_token(self, tok: Token) -> Token | None:
        neighbour = self.prev(tok)
        return neighbour[0] if neighbour and neighbour[1] else None
