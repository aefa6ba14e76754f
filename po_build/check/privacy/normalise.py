"""The text the identifier scan reads: what a reader sees, not what the file holds.

A soft hyphen (U+00AD, which word processors paste for an optional hyphen), a zero-width space
or joiner, a word joiner or a bidi control inside `850312-1234` is invisible on the page but
splits the number for a pattern. Full-width digits (`８５０３１２`) and other compatibility forms
look like the plain ones. So before any detector runs, the text is normalised in one place:
every format character (Unicode category Cf) and every other default-ignorable code point is
removed, and the rest is brought to NFKC. A map from each normalised offset back to the
original one keeps every message pointing at the line and column in the file.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass


def _ignorable_class() -> str:
    # Category Cf, plus the default-ignorable code points of other categories (the combining
    # grapheme joiner, Hangul fillers, variation selectors, Mongolian free variation selectors,
    # Khmer inherent vowels): none of them shows as a character of its own.
    # The tags and selectors of plane 14 are taken whole; the other planes hold no format
    # characters, and leaving them out keeps the import fast.
    extra = [(0x034F, 0x034F), (0x115F, 0x1160), (0x17B4, 0x17B5), (0x180B, 0x180F), (0x3164, 0x3164),
             (0xFE00, 0xFE0F), (0xFFA0, 0xFFA0), (0xE0000, 0xE0FFF)]
    points = {cp for cp in range(0x20000) if unicodedata.category(chr(cp)) == "Cf"}
    for low, high in extra:
        points.update(range(low, high + 1))
    ranges: list[tuple[int, int]] = []
    for cp in sorted(points):
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1] = (ranges[-1][0], cp)
        else:
            ranges.append((cp, cp))
    return "".join(
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in ranges
    )


_IGNORABLE_CLASS = _ignorable_class()
IGNORABLE = re.compile(f"[{_IGNORABLE_CLASS}]")

# Hyphens that are the hyphen to a reader (U+2010 hyphen, U+2011 non-breaking hyphen, which NFKC
# turns into U+2010, U+2012 figure dash, U+2212 minus) become '-', one character for one. En and
# em dashes are left to the detectors, which tell "18–25 år" from a number themselves.
_HYPHENS = str.maketrans(dict.fromkeys("\u2010\u2011\u2012\u2212", "-"))
_HYPHEN_RE = re.compile("[\u2010\u2011\u2012\u2212]")


@dataclass(frozen=True)
class Normalised:
    """The text to scan, and where each of its characters came from in the original."""

    text: str
    origin: list[int] | None  # origin[i]: offset in the original of text[i]; None: the same text

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A span of the normalised text as a span of the original one."""
        if self.origin is None:
            return start, end
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


# Markup that changes what a reader sees of a text without showing itself, as Markdown and a
# browser render it: character references (`&#56;` is 8, `&shy;` a soft hyphen), backslash
# escapes (`\-` is -), `*` and backticks inside a word (`8503*12*-1231` shows 850312-1231), and,
# in own pages, HTML tags and comments on one line. (`_` inside a word is no emphasis to
# Python-Markdown, and `~~` needs an extension the site does not use.)
_MARKUP = re.compile(
    r"(?P<ref>&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});)"
    r"|(?P<esc>\\(?=[!-/:-@\[-`{-~]))"
    r"|(?P<mark>[*`]{1,3})"  # only inside a word: see _inside_word
    r"|(?P<tag><!--[^\n]{0,1000}?-->|</?[A-Za-z][A-Za-z0-9-]{0,30}(?:[ \t/][^<>\n]{0,500})?>)"
)


# The first characters of _MARKUP: a search for them alone is many times faster, and most
# texts have none.
_MARKUP_START = re.compile(r"[&\\*`<]")


# Anything the steps below would change, as one character class.
_ANYTHING = re.compile(f"[{_IGNORABLE_CLASS}\u2010\u2011\u2012\u2212&\\\\*`<]")


def _word(char: str) -> bool:
    return char == "-" or char.isalnum()


def _inside_word(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and _word(text[start - 1]) and _word(text[end])


def _unmark(text: str) -> tuple[str, list[int]] | None:
    """`text` with the markup above replaced by what it shows, and each character's origin."""
    if _MARKUP_START.search(text) is None or not any(
        m.lastgroup != "mark" or _inside_word(text, m.start(), m.end()) for m in _MARKUP.finditer(text)
    ):
        return None
    parts: list[str] = []
    origin: list[int] = []
    last = 0
    for m in _MARKUP.finditer(text):
        if m.lastgroup == "mark" and not _inside_word(text, m.start(), m.end()):
            continue
        start = m.start()
        parts.append(text[last:start])
        origin.extend(range(last, start))
        shown = html.unescape(m.group()) if m.lastgroup == "ref" else ""
        parts.append(shown)
        origin.extend([start] * len(shown))
        last = m.end()
    parts.append(text[last:])
    origin.extend(range(last, len(text) + 1))
    return "".join(parts), origin


def normalise(text: str) -> Normalised:
    """`text` as a reader sees it, with the way back to the original offsets: markup that
    hides itself resolved (see _MARKUP), format characters removed, NFKC.

    Line breaks are never touched, so lines stay lines. Most texts need nothing: they are
    recognised at C speed and returned as they are.
    """
    if _ANYTHING.search(text) is None and (text.isascii() or unicodedata.is_normalized("NFKC", text)):
        return Normalised(text, None)  # the common case, in one pass
    unmarked = _unmark(text)
    if unmarked is None:
        return _characters(text)
    plain, first = unmarked
    second = _characters(plain)
    if second.origin is None:
        return Normalised(second.text, first)
    return Normalised(second.text, [first[i] for i in second.origin])


def _characters(text: str) -> Normalised:
    """Format characters removed and NFKC, with the map back."""
    if text.isascii():
        return Normalised(text, None)
    if IGNORABLE.search(text) is None and unicodedata.is_normalized("NFKC", text):
        # Same length, same offsets: no map needed.
        return Normalised(text.translate(_HYPHENS) if _HYPHEN_RE.search(text) else text, None)
    parts: list[str] = []
    origin: list[int] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        if IGNORABLE.search(line) is None and unicodedata.is_normalized("NFKC", line):
            parts.append(line)
            origin.extend(range(offset, offset + len(line)))
        else:
            _normalise_line(line, offset, parts, origin)
        offset += len(line)
    origin.append(len(text))  # the end, for spans that reach it
    return Normalised("".join(parts).translate(_HYPHENS), origin)


def _normalise_line(line: str, offset: int, parts: list[str], origin: list[int]) -> None:
    """One line, a character and its combining marks at a time (NFKC composes only within that)."""
    i, n = 0, len(line)
    while i < n:
        if IGNORABLE.match(line, i):
            i += 1
            continue
        j = i + 1
        while j < n and unicodedata.combining(line[j]):
            j += 1
        cluster = IGNORABLE.sub("", line[i:j])
        out = unicodedata.normalize("NFKC", cluster)
        parts.append(out)
        origin.extend([offset + i] * len(out))
        i = j


def hidden_in(original: str, start: int, end: int) -> list[str]:
    """The invisible characters inside a span of the original text, as U+XXXX."""
    seen: list[str] = []
    for m in IGNORABLE.finditer(original, start, end):
        code = f"U+{ord(m.group()):04X}"
        if code not in seen:
            seen.append(code)
    return seen
