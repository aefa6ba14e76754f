"""Spelling variants of listed given names: "Sesilia" (Cecilia), "Sakarias" (Zacharias),
"Jonatan" (Jonathan), "Mikaela" (Michaela).

A variant is a word whose spoken-alike key equals the key of a listed given name. The key
writes each sound one way (ph → f, th → t, ch → k, ck → k, c → s before e/i/y and else k,
z → s, x → ks, w → v, q → k, y → i) and drops doubled letters, so the lists need not hold
every spelling. Swedish words with the key of a name ("hemma", "klass", "stanna") are in
ord-som-liknar-namn.txt and are never variants.
"""

from __future__ import annotations

import functools
import re

from po_build.check.privacy import wordlists as pn

_PAIRS = (("ph", "f"), ("th", "t"), ("ch", "k"), ("ck", "k"), ("qu", "kv"), ("q", "k"), ("z", "s"),
          ("x", "ks"), ("w", "v"), ("é", "e"), ("è", "e"), ("y", "i"))
_SOFT_C_RE = re.compile(r"c(?=[eiy])")
_DOUBLE_RE = re.compile(r"(.)\1+")
# Shorter keys match too many words by chance.
_MIN_LENGTH = 5


# The single letters of _PAIRS in one table; the digraphs go first, in order, as above.
_DIGRAPHS = tuple((w, sp) for w, sp in _PAIRS if len(w) > 1)
_LETTERS = str.maketrans({w: sp for w, sp in _PAIRS if len(w) == 1})


def sound_key(word: str) -> str:
    key = word.lower()
    for written, spoken in _DIGRAPHS:
        if written in key:
            key = key.replace(written, spoken)
    key = key.translate(_LETTERS)
    if "c" in key:
        key = _SOFT_C_RE.sub("s", key).replace("c", "k")
    return _DOUBLE_RE.sub(_first, key)


def _first(m: re.Match[str]) -> str:
    # A function, not the template r"\1": re expands a template anew on every call.
    return m.group(1)


@functools.cache
def _name_keys() -> frozenset[str]:
    # Names that are also words or places would make their look-alikes names too.
    ambiguous = pn.names_that_are_words() | pn.other_places() | pn.PLACE_NAMES
    return frozenset(
        sound_key(n) for n in pn.given_names() if len(n) >= _MIN_LENGTH and n not in ambiguous
    )


@functools.cache
def _look_alike_words() -> frozenset[str]:
    return frozenset(line.lower() for line in pn.data_lines("ord-som-liknar-namn.txt"))


@functools.lru_cache(maxsize=1 << 16)
def is_variant(lower: str) -> bool:
    """True for an unlisted word spelt like a listed given name (lower case in). Cached: the
    same capitalised words (headings, authorities) come back in every report."""
    if len(lower) < _MIN_LENGTH or not lower.isalpha() or lower in _look_alike_words():
        return False
    return sound_key(lower) in _name_keys()
