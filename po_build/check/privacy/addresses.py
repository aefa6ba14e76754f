"""Street addresses and postal codes."""

from __future__ import annotations

import re

from po_build.check.privacy import wordlists as pn
from po_build.check.privacy.age_context import PERSON_WORD_RE
from po_build.check.privacy.findings import SP, Candidate

_STREET_SUFFIXES = (
    "gatan", "vägen", "gränden", "gränd", "stigen", "torget", "backen", "allén", "allé",
    "platsen", "leden", "stråket", "gången", "gata", "väg", "torg", "backe", "slingan",
    "kroken", "liden", "höjden", "hagen", "ängen", "udden", "kajen", "bryggan",
    "promenaden", "esplanaden", "parken", "dalen", "lunden", "vallen", "gärdet", "ringen",
    "lyckan", "kullen", "viken", "fältet", "åsen", "stranden", "strand", "terrassen", "holmen",
    "vången", "hamnen", "plan", "gårdet", "malmen", "sluttningen", "trappan",
    "bron", "viadukten", "berget", "slätten", "länken",
)


# In lower case these endings need nothing more: "storgatan 12" is an address.
_LOWERCASE_STREET_SUFFIXES = ("gatan", "gränd", "gränden", "allén")


# Other endings in lower case ("björkvägen 4", "ekbacken 3") are an address after a word
# that places something ("bor på", "flyttade till"), or with a letter or a flat number
# after the number; never before a unit ("takhöjden 2 meter", "parken 3 gånger", "Berg 18 %"
# in a table of municipalities' shares).
_PLACING_WORDS = pn.words(
    "på till vid från mot bor bodde adress adressen adressen: hos utanför nära längs ner upp "
    "in ut flyttade flyttat flytta"
)
_UNITS = pn.words(
    "gånger gång dagar dag timmar timme veckor vecka månader månad år minuter minut meter m km "
    "kilometer mil procent kr kronor st stycken personer sidor steg våningar grader liter kg "
    "kilo ton poäng platser nätter %"
)


# Names written as two words: "Karl Johans väg 3", "Gustav Adolfs torg 4".
_SEPARATE_SUFFIXES = pn.words("väg gata gatan gränd torg allé backe stig park vägen torget")


# Abbreviated street names: "Storg. 12", "Drottningg 3", "Kungsv. 5".
_ABBREVIATED_RE = re.compile(
    rf"(?<![\w-])(?P<name>[A-ZÅÄÖ][a-zåäöé]{{2,}}(?:g|v|gat)\.?){SP}+"
    rf"(?P<num>[1-9][0-9]{{0,2}}(?:{SP}?[A-H]|[a-h])?)(?![\w])(?![.,:][0-9])"
)


# Words that end like an abbreviated street name without being one.
_WORDS_LIKE_ABBREVIATIONS = pn.words("ring dag jag slag steg tag säg lag mig dig sig väg bog krig")


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


_DIRECTION_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?:Norra|Södra|Östra|Västra|Stora|Lilla|Gamla|Nya|Övre|Nedre|Sankt|Sankta|S:t){SP}+$"
)


def find_streets(text: str, runs: list[tuple[int, int]]) -> list[Candidate]:
    found: list[Candidate] = []
    done = -1
    # Start from the numbers after a space (the runs of numbers.digit_runs): few words in a
    # text are followed by one, and only those can be a street name.
    for run_start, _run_end in runs:
        if run_start == 0 or text[run_start] == "0" or text[run_start - 1] not in _SPACES:
            continue
        word_end = run_start - 1
        while word_end > 0 and text[word_end - 1] in _SPACES:
            word_end -= 1
        if word_end == 0 or word_end <= done or not (text[word_end - 1].isalpha() or text[word_end - 1] == "."):
            continue
        word_start = word_end - 1 if text[word_end - 1] == "." else word_end
        while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "-"):
            word_start -= 1
        if not text[word_start:word_end].lower().endswith(_STREET_SUFFIXES):
            abbreviated = _ABBREVIATED_RE.match(text, word_start)
            if abbreviated and abbreviated["name"].lower() in _WORDS_LIKE_ABBREVIATIONS:
                abbreviated = None  # "Ring 112", "Dag 3": a word, not "Storg 12"
            if (abbreviated and _word_after(text, abbreviated.end("num")) not in _UNITS
                    and not _office_address(text, abbreviated.start(), abbreviated.end())):
                found.append((abbreviated.start(), abbreviated.end(), "PO405", ""))
                done = abbreviated.end()
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
        after = _word_after(text, m.end("num"))
        if after in _UNITS:
            continue
        if lower in _SEPARATE_SUFFIXES and not m["dir"]:
            start = _genitive_name_before(text, m.start())
            if start is not None:
                found.append((start, m.end(), "PO405", ""))
                done = m.end()
            continue
        if m["dir"] and lower in _SEPARATE_SUFFIXES:
            pass  # "Östra vägen 23", "Lilla torget 3": the direction word is the name
        elif name[0].islower():
            if m["dir"] or len(stem) < 2:
                continue
            if suffix not in _LOWERCASE_STREET_SUFFIXES and not (
                len(stem) >= 2
                and (
                    _word_before(text, m.start()) in _PLACING_WORDS
                    or m["flat"]
                    or not m["num"][-1].isdigit()
                )
            ):
                continue
        elif len(stem) < 2 and not m["dir"]:
            continue
        if _office_address(text, m.start(), m.end()):
            continue
        found.append((m.start(), m.end(), "PO405", ""))
        done = m.end()
    return found


# The address of an office, written the way a yearly report's contact page or a notice of
# new premises writes it: "Besöksadress: Storgatan 12", "Kontoret ligger på Storgatan 12".
# It is public and points out no client, so it is no finding; with a person in the sentence
# ("klienten gick till mottagningen på ...") it stays one. Only labels that no person's
# address has count: a person has a postal address and may have a box too.
_OFFICE_LABEL_RE = re.compile(r"\b(?:besöks|kontors)adress(?:en)?[ \t]*:?[ \t]*$", re.IGNORECASE)
_OFFICE_WORDS_RE = re.compile(
    r"\b(?:kontor|kontoret|kontorets|lokal|lokalen|lokaler|lokalerna|kommunhuset|stadshuset|"
    r"kansliet|receptionen|mottagningen|mottagningens|verksamheten|verksamhetens)\b",
    re.IGNORECASE,
)
_CLAUSE_END_RE = re.compile(r"[.!?\n]")


def _office_address(text: str, start: int, end: int) -> bool:
    if _OFFICE_LABEL_RE.search(text, max(0, start - 40), start):
        return True
    begin = max(0, start - 160)
    stops = [m.end() for m in _CLAUSE_END_RE.finditer(text, begin, start)]
    begin = stops[-1] if stops else begin
    stop = _CLAUSE_END_RE.search(text, end, end + 160)
    sentence = text[begin : stop.start() if stop else min(len(text), end + 160)]
    return _OFFICE_WORDS_RE.search(text, begin, start) is not None and PERSON_WORD_RE.search(sentence) is None


def _word_after(text: str, pos: int) -> str:
    m = re.compile(rf"{SP}+([^\W\d_]+|%)").match(text, pos)
    return m.group(1).lower() if m else ""


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([^\W\d_]+:?)[\s,]*$", text[max(0, pos - 30) : pos])
    return m.group(1).lower() if m else ""


_GENITIVE_BEFORE_RE = re.compile(
    rf"(?:[A-ZÅÄÖ][a-zåäöé]+{SP}+)?[A-ZÅÄÖ][a-zåäöé]+s{SP}+$"
)


def _genitive_name_before(text: str, pos: int) -> int | None:
    """Start of "Karl Johans " before a separate suffix word at pos, or None."""
    m = _GENITIVE_BEFORE_RE.search(text, max(0, pos - 40), pos)
    if m is None:
        return None
    # The genitive must be a person's name ("Johans", "Adolfs"), not "Socialtjänstlagens".
    words = m.group().split()
    bases = [w.lower() for w in words[:-1]] + [words[-1][:-1].lower()]
    if not any(b in pn.first_names() or b in pn.last_names() for b in bases):
        return None
    return m.start()


_POSTAL_RE = re.compile(
    # "SE-123 45 Norrby" and "S-123 45" are written with the country before the code.
    r"(?:(?<=\bSE-)|(?<=\bS-)|(?<![\w+/-]))(?<![0-9][ \u00a0])"
    rf"(?P<code>[1-9][0-9]{{2}}{SP}?[0-9]{{2}}){SP}+"
    r"(?P<town>[A-ZÅÄÖ][a-zåäöéü]+(?:[ -][A-ZÅÄÖ][a-zåäöéü]+)?|(?P<lower>[a-zåäö]{3,})"
    r"|[A-ZÅÄÖ]{2,}(?:[ -][A-ZÅÄÖ]{2,})?)"
    r"(?![\w])"
)


_POSTAL_CONTEXT_RE = re.compile(
    r"(?:\b(?:till|adress|adressen|postadress|box|bor|c/o)\b|[0-9][A-Za-z]?,?)[ \t:,]*$", re.IGNORECASE
)


_SPACES = frozenset(" \u00a0\u202f")


def may_hold_postal(text: str, runs: list[tuple[int, int]]) -> bool:
    """A five-digit run, or three digits and two with at most one space between (the runs
    of numbers.digit_runs)."""
    for index, (start, end) in enumerate(runs):
        if end - start == 5:
            return True
        if end - start == 3 and index + 1 < len(runs):
            nxt_start, nxt_end = runs[index + 1]
            if nxt_end - nxt_start == 2 and (nxt_start == end or (nxt_start == end + 1 and text[end] in _SPACES)):
                return True
    return False


def find_postal(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    for m in _POSTAL_RE.finditer(text):
        if m["lower"] and not (" " in m["code"] and _POSTAL_CONTEXT_RE.search(text, max(0, m.start() - 40), m.start())):
            continue  # "123 45 norrby" only where an address is being written
        first_word = m["town"].split()[0].split("-")[0].lower()
        if first_word in pn.NON_TOWNS or first_word in pn.MONTHS or first_word in pn.WEEKDAYS:
            continue
        if _office_address(text, m.start(), m.end()):
            continue
        found.append((m.start(), m.end(), "PO406", ""))
    return found
