"""Words and phrases that mask a finding: the organisation's allowed terms and known non-names."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from po_build.check.privacy import wordlists as pn

_PIECE_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class TermMatcher:
    """Words or phrases to find as whole words, case-insensitively."""

    regex: re.Pattern[str]
    width: int  # an occurrence covering a span starts at most this far before it
    pieces: frozenset[str]  # every word of every term, lower case

    def covers(self, text: str, start: int, end: int) -> bool:
        # A span of whole words is covered only if each of its words is a word of some
        # term: a set look-up per word rules out nearly every span before the pattern runs.
        whole = (start == 0 or not text[start - 1].isalnum()) and (end >= len(text) or not text[end].isalnum())
        if whole and any(piece.lower() not in self.pieces for piece in _PIECE_RE.findall(text, start, end)):
            return False
        # Searching a window around the span, not the whole text, keeps a long
        # vocabulary cheap: only a few spans per text are ever asked about.
        lo, hi = max(0, start - self.width), min(len(text), end + self.width)
        return any(m.start() <= start and end <= m.end() for m in self.regex.finditer(text, lo, hi))


@functools.lru_cache(maxsize=64)
def term_matcher(terms: tuple[str, ...]) -> TermMatcher | None:
    patterns = []
    for term in sorted(terms, key=len, reverse=True):
        words = term.split()
        if words:
            patterns.append(r"\s+".join(re.escape(word) for word in words))
    if not patterns:
        return None
    regex = re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE)
    pieces = frozenset(piece for term in terms for piece in _PIECE_RE.findall(term.lower()))
    # Whitespace in a term may stretch ("Norrby\n  kommun"), hence the margin.
    return TermMatcher(regex, 2 * max(len(t) for t in terms) + 16, pieces)


def clean_terms(terms: Iterable[str]) -> tuple[str, ...]:
    if isinstance(terms, (tuple, list)):
        # The same vocabulary comes with every file of a check: sort it once.
        try:
            return _clean_cached(tuple(terms))
        except TypeError:  # something unhashable in the list; sorted out below
            pass
    return _clean(terms)


def _clean(terms: Iterable[object]) -> tuple[str, ...]:
    return tuple(sorted({t for t in terms if isinstance(t, str) and t.strip()}))


@functools.lru_cache(maxsize=64)
def _clean_cached(terms: tuple[object, ...]) -> tuple[str, ...]:
    return _clean(terms)


BUILTIN_NON_NAMES_MATCHER = term_matcher(pn.BUILTIN_NON_NAMES + pn.non_name_phrases())
