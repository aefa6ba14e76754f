"""Is a word an ordinary Swedish word? A small look-up in the Swedish Hunspell dictionary.

An unlisted capitalised word at the start of a sentence ("Ayten har inte fått besked",
"Dragan berättade") can be a name only if it is no Swedish word: "Sedan berättade",
"Vårdpersonal ringde" and "Anhöriga berättade" are ordinary Swedish. The dictionary's
lower-case stems and its suffix rules (data/sv-ordlista.dic.gz, data/sv-ordlista.aff,
from Debian's hunspell-sv; see data/KALLOR-15.md) tell every inflected form, and a
simple split tells the compounds Swedish makes freely ("ambulans" + "personal").
The dictionary's capitalised entries are proper nouns, places and brands as well as names;
they are never "Swedish words" here, only a hint (is_proper_noun) where the evidence of a
person is weak. The dictionary is read on first use only: most texts never ask.
"""

from __future__ import annotations

import bisect
import functools
import gzip
from importlib import resources

# Hunspell flags of sv_SE.aff that keep a stem from being a word on its own.
_NEED_AFFIX = "¤"
_ONLY_IN_COMPOUND = "Z"
_FORBIDDEN = "%"
# Parts shorter than this make chance compounds of names ("Ay" + "ten").
_MIN_PART = 3
# Linking letters between the parts of a compound: "arbetsförmedling", "kvinnojour".
_LINKS = ("", "s", "e", "a", "o", "u")

# flag, stripped text, condition (None: any stem)
Rule = tuple[str, str, "tuple[tuple[frozenset[str], bool], ...] | None"]


@functools.cache
def _lines() -> list[str]:
    """The dictionary's "word/flags" lines, sorted: looked up by bisection, since building a
    dict of 150,000 entries costs several times more than reading the file."""
    raw = resources.files("po_build").joinpath("data", "sv-ordlista.dic.gz").read_bytes()
    return gzip.decompress(raw).decode("utf-8").splitlines()


def _flags(word: str) -> str | None:
    """The flags of a stem, or None when the dictionary has no such stem."""
    lines = _lines()
    key = word + "/"
    i = bisect.bisect_left(lines, key)
    if i < len(lines) and lines[i].startswith(key):
        return lines[i][len(key) :]
    return None


def _condition(cond: str) -> tuple[tuple[frozenset[str], bool], ...]:
    """A Hunspell condition ("[^m]el", "a", ".") as one (letters, negated) pair per letter:
    compared by hand, since compiling 500 patterns costs more than a check needs."""
    parts: list[tuple[frozenset[str], bool]] = []
    i = 0
    while i < len(cond):
        if cond[i] == "[":
            close = cond.index("]", i)
            body = cond[i + 1 : close]
            negated = body.startswith("^")
            parts.append((frozenset(body[1:] if negated else body), negated))
            i = close + 1
        else:
            parts.append((frozenset(cond[i]), False))
            i += 1
    return tuple(parts)


def _holds(cond: tuple[tuple[frozenset[str], bool], ...], base: str) -> bool:
    if len(base) < len(cond):
        return False
    tail = base[len(base) - len(cond) :]
    return all((char in letters) != negated for char, (letters, negated) in zip(tail, cond, strict=True))


@functools.cache
def _rules() -> dict[str, list[Rule]]:
    """The suffix rules by the text they add: "et" -> [(flag, strip, condition), ...]."""
    text = resources.files("po_build").joinpath("data", "sv-ordlista.aff").read_text(encoding="utf-8")
    out: dict[str, list[Rule]] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) < 5 or parts[0] != "SFX":
            continue
        flag, strip, add, cond = parts[1], parts[2], parts[3], parts[4]
        add = add.split("/")[0]
        strip = "" if strip == "0" else strip
        add = "" if add == "0" else add
        out.setdefault(add, []).append((flag, strip, None if cond == "." else _condition(cond)))
    return out


@functools.cache
def _max_add() -> int:
    return max(len(a) for a in _rules())


def _stem_word(word: str) -> bool:
    flags = _flags(word)
    return flags is not None and not any(f in flags for f in (_NEED_AFFIX, _ONLY_IN_COMPOUND, _FORBIDDEN))


def _inflected(word: str) -> bool:
    """The word itself, or a stem with one of its own suffixes: "besöket", "anhöriga"."""
    if _stem_word(word):
        return True
    rules = _rules()
    for n in range(1, min(_max_add(), len(word) - 1) + 1):
        for flag, strip, cond in rules.get(word[-n:], ()):
            base = word[:-n] + strip
            flags = _flags(base)
            if flags is None or flag not in flags or _FORBIDDEN in flags:
                continue
            if cond is None or _holds(cond, base):
                return True
    return False


def _compound_head(head: str) -> bool:
    flags = _flags(head)
    if flags is not None and _FORBIDDEN not in flags:
        return True
    # "flick" of "flicka", "pojk" of "pojke": the first part loses its final vowel.
    return any(_flags(head + v) is not None for v in ("a", "e"))


def _compound(word: str, depth: int = 0) -> bool:
    for i in range(len(word) - _MIN_PART, _MIN_PART - 1, -1):
        tail = word[i:]
        if not (_inflected(tail) or (depth == 0 and len(tail) >= 2 * _MIN_PART and _compound(tail, 1))):
            continue
        head = word[:i]
        for link in _LINKS:
            if link and not head.endswith(link):
                continue
            base = head[: len(head) - len(link)] if link else head
            if len(base) >= _MIN_PART and _compound_head(base):
                return True
    return False


def is_proper_noun(lower: str) -> bool:
    """A capitalised entry of the dictionary: a place ("Skopje"), a brand ("Skanska") or a
    name ("Sissela"): not enough to call a word a person without strong evidence."""
    return _flags(lower[:1].upper() + lower[1:]) is not None


@functools.lru_cache(maxsize=1 << 14)
def is_swedish_word(lower: str) -> bool:
    """True for a lower-case Swedish word in any inflected form, or a compound of two or
    three such words. Cached: the same words come back in report after report."""
    if not lower.isalpha():
        return all(is_swedish_word(p) for p in lower.split("-") if p) if "-" in lower else False
    # Two parts of three letters make chance compounds of names ("Gul" + "sen"): a compound
    # is at least seven letters.
    return _inflected(lower) or (len(lower) > 2 * _MIN_PART and _compound(lower))
