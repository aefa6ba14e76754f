"""Street addresses and postal codes."""

from __future__ import annotations

import re

from po_build.check.privacy import wordlists as pn
from po_build.check.privacy.findings import SP, Candidate

_STREET_SUFFIXES = (
    "gatan", "vägen", "gränden", "gränd", "stigen", "torget", "backen", "allén", "allé",
    "platsen", "leden", "stråket", "gången", "gata", "väg", "torg", "backe", "slingan",
    "kroken", "liden", "höjden", "hagen", "ängen", "udden", "kajen", "bryggan",
    "promenaden", "esplanaden", "parken",
)


_LOWERCASE_STREET_SUFFIXES = ("gatan", "gränd", "gränden", "allén")


# Road numbers, not addresses: "riksväg 40".
_ROAD_WORDS = ("riksväg", "länsväg", "europaväg", "motorväg", "riksvägen", "länsvägen")


_STREET_RE = re.compile(
    r"(?<![\w-])"
    r"(?:(?P<dir>Norra|Södra|Östra|Västra|Stora|Lilla|Gamla|Nya|Övre|Nedre|Sankt|Sankta|S:t)"
    rf"{SP}+)?"
    r"(?P<name>[^\W\d_]+(?:-[^\W\d_]+)*)"
    rf"{SP}+(?P<num>[1-9][0-9]{{0,2}}(?:{SP}?[A-H]|[a-h])?)"
    rf"(?P<flat>,?{SP}+(?:lgh|lägenhet|lägenhetsnummer)\.?{SP}*[0-9]{{3,4}})?"
    r"(?![\w])(?![.,:][0-9])"
)


_NUMBER_AFTER_SPACE_RE = re.compile(rf"{SP}+[1-9]")


_DIRECTION_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?:Norra|Södra|Östra|Västra|Stora|Lilla|Gamla|Nya|Övre|Nedre|Sankt|Sankta|S:t){SP}+$"
)


def find_streets(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    done = -1
    # Start from the numbers: few words in a text are followed by one, and only
    # those can be a street name.
    for number in _NUMBER_AFTER_SPACE_RE.finditer(text):
        word_end = number.start()
        if word_end <= done or not text[word_end - 1].isalpha():
            continue
        word_start = word_end
        while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "-"):
            word_start -= 1
        if not text[word_start:word_end].lower().endswith(_STREET_SUFFIXES):
            continue
        direction = _DIRECTION_BEFORE_RE.search(text, max(0, word_start - 12), word_start)
        m = _STREET_RE.match(text, direction.start() if direction else word_start)
        if m is None:
            continue
        name = m["name"]
        lower = name.lower()
        suffix = next((s for s in _STREET_SUFFIXES if lower.endswith(s)), None)
        if suffix is None or lower.startswith(_ROAD_WORDS) or name.isupper():
            continue
        stem = name[: len(name) - len(suffix)].rstrip("-")
        if name[0].islower():
            # Lower case is accepted only for unmistakable endings: "storgatan 12".
            if m["dir"] or suffix not in _LOWERCASE_STREET_SUFFIXES or len(stem) < 2:
                continue
        elif len(stem) < 2 and not m["dir"]:
            continue
        found.append((m.start(), m.end(), "PO405", ""))
        done = m.end()
    return found


_POSTAL_RE = re.compile(
    r"(?<![\w+/-])(?<![0-9][ \u00a0])"
    rf"(?P<code>[1-9][0-9]{{2}}{SP}?[0-9]{{2}}){SP}+"
    r"(?P<town>[A-ZÅÄÖ][a-zåäöéü]+(?:[ -][A-ZÅÄÖ][a-zåäöéü]+)?"
    r"|[A-ZÅÄÖ]{2,}(?:[ -][A-ZÅÄÖ]{2,})?)"
    r"(?![\w])"
)


POSTAL_HINT_RE = re.compile(rf"[0-9]{{3}}{SP}?[0-9]{{2}}{SP}+[^\W\d_]")


def find_postal(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for m in _POSTAL_RE.finditer(text):
        first_word = m["town"].split()[0].split("-")[0].lower()
        if first_word in pn.NON_TOWNS or first_word in pn.MONTHS or first_word in pn.WEEKDAYS:
            continue
        found.append((m.start(), m.end(), "PO406", ""))
    return found
