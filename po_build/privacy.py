"""Scanner for personal identifiers in report text (codes PO401–PO408).

Anonymity is the promise of every report: ``po check`` runs :func:`scan_text`
over each report body and each front-matter string and refuses to go on while
anything here is found. The scanner is deliberately plain: precompiled regular
expressions for the structured identifiers (personnummer, samordningsnummer,
telephone numbers, e-mail, street addresses, postal codes), and for names a
lookup in shipped name lists plus a few rules about context.

Design decisions, measured against the labelled corpus in
``tests/privacy_corpus`` (see ``benchmarks/privacy_bench.py``):

* A 10- or 12-digit number with a plausible date is a personnummer when its
  Luhn digit is right. When the digit is wrong it is still reported if it is
  written the way a personnummer is written (``ÅÅMMDD-NNNN`` or with ``+``) and
  the date exists, because that is what a personnummer with a typing error
  looks like; a case-number word just before it ("dnr", "ärende", "OCR" …)
  clears it. Bare or space-separated digits with a wrong Luhn digit are
  never reported: they are far more often case or payment numbers.
* Service numbers that belong to no person (020-, 0200-, 077x-, 0900-) are no
  telephone numbers in this sense: ``0771-524 524`` is Försäkringskassan's.
* Age limits in rules ("personer över 65 år", "unga vuxna 18–25 år", "den som
  fyllt 65") are no identifiers; a person's age ("en 45-årig kvinna",
  "klienten, 23 år,", "fyllde 30", "född 1987") is.
* A name-list word mid-sentence with a capital letter is a name, unless it is
  part of a place's or an organisation's name. At the start of a sentence a
  name that is also an ordinary word ("Inga", "Per", "Klara") needs more
  evidence: a surname after it, a verb such as "ringde", or a comma.

The scanner never raises on a string: every rule works on plain ``str``
operations and bounded regular expressions.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from po_build import privacy_names as pn

__all__ = ["CODES", "Finding", "scan_text"]


@dataclass(frozen=True)
class Finding:
    """One personal identifier found in a text."""

    line: int
    col: int
    code: str
    kind: str
    match: str
    message: str


# code: (kind, what it is in a sentence, suggested rewrite)
CODES: dict[str, tuple[str, str, str]] = {
    "PO401": (
        "personnummer",
        "ett personnummer",
        "ta bort det och skriv 'klienten' i stället",
    ),
    "PO402": (
        "samordningsnummer",
        "ett samordningsnummer",
        "ta bort det och skriv 'klienten' i stället",
    ),
    "PO403": (
        "telefonnummer",
        "ett telefonnummer",
        "ta bort det och skriv till exempel 'handläggarens direktnummer' i stället",
    ),
    "PO404": (
        "e-postadress",
        "en e-postadress",
        "ta bort den och skriv till exempel 'handläggarens e-post' i stället",
    ),
    "PO405": (
        "gatuadress",
        "en gatuadress",
        "ta bort den och skriv till exempel 'klientens bostad' i stället",
    ),
    "PO406": (
        "postnummer och ort",
        "ett postnummer med ort",
        "ta bort det och skriv till exempel 'en ort i länet' i stället",
    ),
    "PO407": (
        "namn",
        "ett namn",
        "skriv 'klienten' eller en roll, som 'handläggaren', i stället",
    ),
    "PO408": (
        "ålder",
        "en ålder",
        "ta bort den eller skriv bredare, som 'en vuxen' eller 'medelålders'",
    ),
}

# When two findings overlap the more specific one wins ("Storgatan 12" is an
# address, not a name; "född 1987-03-14" is an age, not a phone number).
_PRIORITY = {
    "PO401": 0, "PO402": 0, "PO404": 1, "PO403": 2, "PO406": 3, "PO405": 4,
    "PO408": 5, "PO407": 6,
}

_LUHN_TYPO_NOTE = " (kontrollsiffran stämmer inte, men formen gör det)"

# start, end, code, extra text for the message
_Candidate = tuple[int, int, str, str]


# --------------------------------------------------------------------------
# Personnummer and samordningsnummer

_PNR_RE = re.compile(
    r"(?<![\w+])(?<![0-9][-+/.:])"
    r"(?P<century>18|19|20)?(?P<yy>[0-9]{2})(?P<mm>[0-9]{2})(?P<dd>[0-9]{2})"
    r"(?P<sep>[-+ \u00a0]?)(?P<serial>[0-9]{4})"
    r"(?!\w)(?![-/.:,][0-9])"
)
_CASE_WORD_BEFORE_RE = re.compile(
    r"(?:^|[^\w.])(?:" + "|".join(re.escape(w) for w in pn.CASE_NUMBER_WORDS) + r")"
    r"\.?(?:\s*(?:nr|nummer)\.?)?\s*[:#.]?\s*$",
    re.IGNORECASE,
)


def _luhn_ok(digits: str) -> bool:
    total = 0
    for index, char in enumerate(digits):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value // 10 + value % 10
    return total % 10 == 0


def _find_pnr(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    this_year = date.today().year
    for m in _PNR_RE.finditer(text):
        month, day = int(m["mm"]), int(m["dd"])
        code = "PO401"
        if day > 60:
            code, day = "PO402", day - 60
        if not 1 <= month <= 12 or not 1 <= day <= 31:
            continue
        year = int(m["century"] + m["yy"]) if m["century"] else None
        if year is not None and year > this_year:
            continue
        # Leap-year 2000 stands in when the century is unknown, so 29 February passes.
        if day > calendar.monthrange(year or 2000, month)[1]:
            continue
        note = ""
        if not _luhn_ok(m["yy"] + m["mm"] + m["dd"] + m["serial"]):
            if m["sep"] not in ("-", "+"):
                continue
            if _CASE_WORD_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()):
                continue
            note = _LUHN_TYPO_NOTE
        found.append((m.start(), m.end(), code, note))
    return found


# --------------------------------------------------------------------------
# Telephone numbers

_SP = "[ \u00a0\u202f]"
_PHONE_RE = re.compile(
    r"(?<![\w+/.,:-])(?:"
    rf"(?P<intl>(?:\+|00){_SP}?46)(?:{_SP}?-{_SP}?|{_SP})?(?:\(0\){_SP}?)?"
    rf"(?P<irest>[1-9][0-9]{{0,3}}(?:(?:{_SP}?-{_SP}?|{_SP})?[0-9]{{1,4}}){{1,6}})"
    rf"|(?P<paren>\(0[1-9][0-9]{{0,3}}\)){_SP}?"
    rf"(?P<prest>[0-9]{{1,4}}(?:(?:{_SP}|-)?[0-9]{{1,4}}){{0,5}})"
    rf"|(?P<nat>0[1-9][0-9]{{0,3}}(?:{_SP}?[-–/]{_SP}?|{_SP})?"
    rf"[0-9]{{1,4}}(?:(?:{_SP}|-)?[0-9]{{1,4}}){{0,5}})"
    r")"
)
_DIGIT_RUN_RE = re.compile(r"[0-9]+")
# Numbers that reach a service, never a person.
_SERVICE_PREFIXES = ("020", "077", "0900", "0939", "0944", "099")


def _trim_digits(text: str, start: int, end: int, lo: int, hi: int) -> int | None:
    """End of the longest prefix of digit groups in text[start:end] with lo..hi digits."""
    runs = [(m.end(), len(m.group())) for m in _DIGIT_RUN_RE.finditer(text, start, end)]
    total = sum(length for _, length in runs)
    while runs and total > hi:
        total -= runs.pop()[1]
    if not runs or total < lo:
        return None
    return runs[-1][0]


def _find_phones(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    for m in _PHONE_RE.finditer(text):
        if m["intl"]:
            body_start = m.start("irest")
            end = _trim_digits(text, body_start, m.end(), 7, 9)
            national = "0" + "".join(_DIGIT_RUN_RE.findall(text, body_start, end or body_start))
        elif m["paren"]:
            end = _trim_digits(text, m.start(), m.end(), 8, 10)
            national = "".join(_DIGIT_RUN_RE.findall(text, m.start(), end or m.start()))
        else:
            end = _trim_digits(text, m.start(), m.end(), 8, 10)
            national = "".join(_DIGIT_RUN_RE.findall(text, m.start(), end or m.start()))
        if end is None or national.startswith(_SERVICE_PREFIXES):
            continue
        # A number glued to letters ("0701234567abc") is some code, not a phone number.
        if end < len(text) and (text[end].isalnum() or text[end] == "_"):
            continue
        found.append((m.start(), end, "PO403", ""))
    return found


# --------------------------------------------------------------------------
# E-mail, URLs

_EMAIL_RE = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)


def _find_emails(text: str) -> list[_Candidate]:
    return [(m.start(), m.end(), "PO404", "") for m in _EMAIL_RE.finditer(text)]


# --------------------------------------------------------------------------
# Street addresses and postal codes

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
    rf"{_SP}+)?"
    r"(?P<name>[^\W\d_][^\W\d_-]*(?:-[^\W\d_]+)*(?:" + "|".join(_STREET_SUFFIXES) + r"))"
    rf"{_SP}+(?P<num>[1-9][0-9]{{0,2}}(?:{_SP}?[A-H]|[a-h])?)"
    rf"(?P<flat>,?{_SP}+(?:lgh|lägenhet|lägenhetsnummer)\.?{_SP}*[0-9]{{3,4}})?"
    r"(?![\w])(?![.,:][0-9])"
)


def _find_streets(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    for m in _STREET_RE.finditer(text):
        name = m["name"]
        lower = name.lower()
        if lower.startswith(_ROAD_WORDS):
            continue
        suffix = next(s for s in _STREET_SUFFIXES if lower.endswith(s))
        stem = name[: len(name) - len(suffix)].rstrip("-")
        if name[0].islower():
            # Lower case is accepted only for unmistakable endings: "storgatan 12".
            if m["dir"] or suffix not in _LOWERCASE_STREET_SUFFIXES or len(stem) < 2:
                continue
        elif len(stem) < 2 and not m["dir"]:
            continue
        if name.isupper():
            continue
        found.append((m.start(), m.end(), "PO405", ""))
    return found


_POSTAL_RE = re.compile(
    r"(?<![\w+/-])(?<![0-9][ \u00a0])"
    rf"(?P<code>[1-9][0-9]{{2}}{_SP}?[0-9]{{2}}){_SP}+"
    r"(?P<town>[A-ZÅÄÖ][a-zåäöéü]+(?:[ -][A-ZÅÄÖ][a-zåäöéü]+)?"
    r"|[A-ZÅÄÖ]{2,}(?:[ -][A-ZÅÄÖ]{2,})?)"
    r"(?![\w])"
)


def _find_postal(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    for m in _POSTAL_RE.finditer(text):
        first_word = m["town"].split()[0].split("-")[0].lower()
        if first_word in pn.NON_TOWNS or first_word in pn.MONTHS or first_word in pn.WEEKDAYS:
            continue
        found.append((m.start(), m.end(), "PO406", ""))
    return found


# --------------------------------------------------------------------------
# Ages

_NUMBER_WORD_ALT = "|".join(sorted(pn.NUMBER_WORDS, key=len, reverse=True))
_N = rf"(?P<n>[0-9]{{1,3}}|{_NUMBER_WORD_ALT})"
_MONTH_ALT = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"

_AGE_ARIG_RE = re.compile(
    rf"(?<![\w-]){_N}[-–]?år(?P<suf>ige|iga|igt|ig)(?!\w)(?P<after>{_SP}+[^\W\d_]+)?",
    re.IGNORECASE,
)
_AGE_ARING_RE = re.compile(rf"(?<![\w-]){_N}[-–]?åring(?:en)?(?!\w)", re.IGNORECASE)
_AGE_DECADE_RE = re.compile(rf"(?<![\w-]){_N}[-–]?årsåldern(?!\w)", re.IGNORECASE)
_AGE_OLD_RE = re.compile(rf"(?<![\w-]){_N}\s+år\s+(?P<g>gammal|gamla|gammalt)(?!\w)", re.IGNORECASE)
_AGE_AT_RE = re.compile(rf"(?<![\w-]){_N}\s+års\s+ålder(?!\w)", re.IGNORECASE)
_AGE_APPOSITION_RE = re.compile(
    rf"(?P<pre>[,(])\s*{_N}\s+år(?:\s+(?:gammal|gamla))?(?=\s*[,)])", re.IGNORECASE
)
_AGE_BARE_APPOSITION_RE = re.compile(
    r"(?P<w>[^\W\d_]+)\s*,\s*(?P<n>[1-9][0-9])\s*,(?!\s*[0-9])", re.IGNORECASE
)
_AGE_COPULA_RE = re.compile(
    r"(?<!\w)(?P<v>är|var|blir|blev|bli|blivit)\s+"
    r"(?:(?:bara|nästan|knappt|drygt|snart|redan|nyss|endast|just|precis|då|nu)\s+)?"
    rf"{_N}\s+år(?!\w)"
    r"(?!\s+(?:sedan|senare|tidigare|kvar|efter|innan|framåt|bakåt|i\s+rad|långa?|gammalt"
    r"|till|av|per|för|eller\s+(?:äldre|yngre)|och\s+(?:äldre|yngre|uppåt))\b)",
    re.IGNORECASE,
)
_AGE_TURN_RE = re.compile(
    r"(?<!\w)(?P<v>fyllde|fyller|fyllt|fylla)\s+"
    r"(?:(?:nyss|snart|just|precis|redan|då)\s+)?"
    rf"{_N}(?P<ar>\s+år)?(?!\w)(?![.,:][0-9])(?P<after>\s+[^\W\d_]+|\s*%)?",
    re.IGNORECASE,
)
_AGE_BORN_RE = re.compile(
    r"(?<!\w)född\s+(?:år\s+|den\s+)?"
    r"(?:(?:18|19|20)[0-9]{2}(?:-[0-9]{2}-[0-9]{2})?|[-–'’][0-9]{2}"
    rf"|[0-9]{{1,2}}\s+(?:{_MONTH_ALT})(?:\s+(?:19|20)[0-9]{{2}})?"
    rf"|i\s+(?:{_MONTH_ALT})\s+(?:19|20)[0-9]{{2}}"
    r"|på\s+(?:[0-9]{2}|[^\W\d_]+)[-–]?talet)"
    r"(?![\w-])"
    r"|(?<!\w)f\.\s?(?:19|20)[0-9]{2}(?![\w-])",
    re.IGNORECASE,
)
_GENERIC_BEFORE_RE = re.compile(
    r"(?:\b(?:den|de|alla|personer|barn|unga|ungdomar|vuxna|sökande)\s+som"
    r"|(?<!\ben\s)\bman|\bpersoner|\bden\s+enskilde)\b[^.!?]*$",
    re.IGNORECASE,
)
_GROUP_BEFORE_RE = re.compile(
    r"\b(?:personer|kvinnor|män|klienter|unga|vuxna|människor|ungdomar|patienter|många)"
    r"\s+(?:(?:i|som\s+är\s+i)\s+)?(?:(?:övre|nedre|tidiga|sena)\s+)?$",
    re.IGNORECASE,
)
_PERSON_IN_SENTENCE_RE = re.compile(
    r"\b(?:" + "|".join(sorted(pn.PERSON_NOUNS, key=len, reverse=True)) + r"|hennes|hans|honom"
    r"|henne|sin|sitt)\b[^.!?]*$",
    re.IGNORECASE,
)
_PERSON_BEFORE_VERB_RE = re.compile(
    r"\b(?:" + "|".join(sorted(pn.PERSON_NOUNS, key=len, reverse=True)) + r")\s+(?:som\s+)?$",
    re.IGNORECASE,
)
_AFTER_TURN_UNITS = frozenset(
    """procent kr kronor sidor blanketter timmar minuter dagar veckor månader poäng
    platser personer st stycken rader frågor""".split()
)


# Cheap test that lets texts without any age word skip the age rules.
_AGE_HINT_RE = re.compile(r"år|fyll|född|f\.", re.IGNORECASE)
_PERSON_WORD_RE = re.compile(
    r"\b(?:" + "|".join(sorted(pn.PERSON_NOUNS, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
_SENTENCE_END_RE = re.compile(r"[.!?]")
_AGE_ON_RE = re.compile(
    r"(?<!\w)(?P<w>" + "|".join(sorted(pn.PERSON_NOUNS, key=len, reverse=True)) + r")"
    rf"\s+på\s+{_N}\s+år(?!\w)",
    re.IGNORECASE,
)


def _age_value(raw: str) -> int:
    lower = raw.lower()
    if lower.isdigit():
        return int(lower)
    return pn.NUMBER_WORDS.get(lower, 0)


def _window(text: str, start: int, size: int = 80) -> str:
    return text[max(0, start - size) : start]


def _person_later_in_sentence(text: str, pos: int) -> bool:
    end = _SENTENCE_END_RE.search(text, pos, min(len(text), pos + 120))
    return _PERSON_WORD_RE.search(text, pos, end.start() if end else min(len(text), pos + 120)) is not None


def _find_ages(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    add = found.append
    for m in _AGE_ARIG_RE.finditer(text):
        n = _age_value(m["n"])
        suffix = m["suf"].lower()
        after = (m["after"] or "").strip().lower()
        person_after = after in pn.PERSON_NOUNS
        if after in pn.DURATION_NOUNS:
            continue
        # "-årige" is only used of a person; "-årigt" almost only of things.
        if person_after or suffix == "ige" or (n >= 16 and suffix != "igt"):
            add((m.start(), m.end("suf"), "PO408", ""))
    for m in _AGE_ARING_RE.finditer(text):
        add((m.start(), m.end(), "PO408", ""))
    for m in _AGE_DECADE_RE.finditer(text):
        if not _GROUP_BEFORE_RE.search(_window(text, m.start(), 40)):
            add((m.start(), m.end(), "PO408", ""))
    for m in _AGE_OLD_RE.finditer(text):
        if m["g"].lower() == "gammalt" and not re.search(
            r"\bbarnet\b[^.!?]*$", _window(text, m.start()), re.IGNORECASE
        ):
            continue
        add((m.start(), m.end(), "PO408", ""))
    for m in _AGE_AT_RE.finditer(text):
        before = _window(text, m.start())
        if re.search(r"\b(?:från|efter|före|innan|över|under|till)\s+$", before, re.IGNORECASE):
            continue
        if _PERSON_IN_SENTENCE_RE.search(before) or _person_later_in_sentence(text, m.end()):
            add((m.start(), m.end(), "PO408", ""))
    for m in _AGE_APPOSITION_RE.finditer(text):
        word_before = re.search(r"([^\W\d_]+)\s*$", text[max(0, m.start() - 40) : m.start()])
        if word_before and word_before.group(1).lower() in pn.DURATION_NOUNS:
            continue
        add((m.start("n"), m.end(), "PO408", ""))
    for m in _AGE_BARE_APPOSITION_RE.finditer(text):
        if m["w"].lower() in pn.PERSON_NOUNS:
            add((m.start("n"), m.end("n"), "PO408", ""))
    for m in _AGE_COPULA_RE.finditer(text):
        n = _age_value(m["n"])
        before = _window(text, m.start())
        if _GENERIC_BEFORE_RE.search(before):
            continue
        if n < 16 and not _PERSON_BEFORE_VERB_RE.search(before):
            continue
        add((m.start("n"), m.end(), "PO408", ""))
    for m in _AGE_TURN_RE.finditer(text):
        after = (m["after"] or "").strip().lower()
        if after == "%" or after in _AFTER_TURN_UNITS:
            continue
        if _GENERIC_BEFORE_RE.search(_window(text, m.start(), 40)):
            continue
        add((m.start(), m.end("ar") if m["ar"] else m.end("n"), "PO408", ""))
    for m in _AGE_ON_RE.finditer(text):
        # "en kvinna på 63 år"
        add((m.start("n"), m.end(), "PO408", ""))
    for m in _AGE_BORN_RE.finditer(text):
        add((m.start(), m.end(), "PO408", ""))
    return found


# --------------------------------------------------------------------------
# Names

_WORD_RE = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*(?::[^\W\d_]+)?")
_OPENERS = frozenset(" \t\u00a0\"'“”‘’«»([{*_`")
_BLOCK_PREFIX_RE = re.compile(r"[ \t]*(?:(?:#{1,6}|>+|[-*+•–]|[0-9]+[.)]|\|)[ \t]*)+")
_SENTENCE_END = frozenset(".!?:;…|")


@dataclass(slots=True)
class _Token:
    start: int
    end: int
    text: str
    lower: str
    cap: bool


def _token_list(text: str) -> list[_Token]:
    tokens = []
    for m in _WORD_RE.finditer(text):
        word = m.group()
        first = word[0]
        cap = first.isupper() and not (len(word) > 1 and word.isupper())
        tokens.append(_Token(m.start(), m.end(), word, word.lower(), cap))
    return tokens


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


def _is_sentence_start(text: str, pos: int) -> bool:
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


def _gap(text: str, left: _Token, right: _Token) -> str:
    return text[left.end : right.start]


def _is_space(gap: str) -> bool:
    return bool(gap) and len(gap) <= 3 and gap.strip(" \u00a0\t") == ""


def _is_space_or_comma(gap: str) -> bool:
    return _is_space(gap) or gap.strip(" \u00a0\t") == "," and len(gap) <= 4


class _NameRules:
    """The context rules for personal names over one tokenised text."""

    def __init__(self, text: str, mask: bytearray) -> None:
        self.text = text
        self.mask = mask
        self.tokens = _token_list(text)
        self.first = pn.first_names()
        self.last = pn.last_names()
        self._start_cache: dict[int, bool] = {}

    # -- lookups --------------------------------------------------------
    def masked(self, tok: _Token) -> bool:
        return self.mask.find(0, tok.start, tok.end) == -1

    def sentence_start(self, tok: _Token) -> bool:
        cached = self._start_cache.get(tok.start)
        if cached is None:
            cached = _is_sentence_start(self.text, tok.start)
            self._start_cache[tok.start] = cached
        return cached

    def listed(self, word: str) -> tuple[bool, bool]:
        return word in self.first, word in self.last

    def lookup(self, tok: _Token) -> tuple[bool, bool, str]:
        """(is first name, is surname, the form to classify ambiguity by)."""
        lower = tok.lower
        is_first, is_last = self.listed(lower)
        if is_first or is_last:
            return is_first, is_last, lower
        if "-" in lower:
            parts = tok.text.split("-")
            if all(p[:1].isupper() for p in parts):
                flags = [self.listed(p.lower()) for p in parts]
                if all(f or s for f, s in flags):
                    return flags[0][0], not flags[0][0], parts[0].lower()
            return False, False, lower
        # Genitive: "Karins handläggare", "Johanssons beslut".
        if len(lower) > 3 and lower[-1] == "s":
            base = lower[:-1].rstrip(":’'")
            if not self.ambiguous(base):
                is_first, is_last = self.listed(base)
                if is_first or is_last:
                    return is_first, is_last, base
        return False, False, lower

    @staticmethod
    def ambiguous(word: str) -> bool:
        return word in pn.WORD_NAMES or word in pn.PLACE_NAMES or word in pn.CALENDAR_NAMES

    def surname_like(self, tok: _Token, strict: bool) -> bool:
        if not tok.cap or self.masked(tok):
            return False
        is_first, is_last, _ = self.lookup(tok)
        if is_first or is_last:
            return tok.lower not in pn.ORG_TAILS
        if strict or len(tok.lower) < 4:
            return False
        lower = tok.lower
        if lower in pn.ORG_TAILS or lower in pn.MONTHS or lower in pn.WEEKDAYS:
            return False
        if lower.endswith(pn.ORG_SUFFIXES):
            return False
        return lower.endswith(pn.SURNAME_SUFFIXES)

    # -- context ----------------------------------------------------------
    def prev_word(self, i: int, allow_comma: bool = False) -> str:
        if i == 0:
            return ""
        gap = _gap(self.text, self.tokens[i - 1], self.tokens[i])
        ok = _is_space_or_comma(gap) if allow_comma else _is_space(gap)
        return self.tokens[i - 1].lower if ok else ""

    def next_word(self, j: int) -> str:
        if j + 1 >= len(self.tokens):
            return ""
        gap = _gap(self.text, self.tokens[j], self.tokens[j + 1])
        return self.tokens[j + 1].lower if _is_space(gap) else ""

    def followed_by_comma(self, j: int) -> bool:
        return self.text[self.tokens[j].end : self.tokens[j].end + 1] == ","

    def strong_before(self, i: int) -> bool:
        before = self.prev_word(i, allow_comma=True)
        if before in pn.ROLE_WORDS:
            return True
        return self.prev_word(i) in pn.GREETINGS

    def contact_before(self, i: int) -> bool:
        before = self.prev_word(i)
        if before in pn.CONTACT_VERBS:
            return True
        return before == "med" and self.prev_word(i - 1) in pn.WITH_VERBS

    def org_context(self, i: int, j: int) -> bool:
        """True when tokens i..j sit inside an organisation's or a place's name."""
        before = self.prev_word(i)
        if before in pn.ORG_HEADS:
            return True
        if before and self.tokens[i - 1].cap and not self.sentence_start(self.tokens[i - 1]):
            # Mid-sentence capitals in a row are one proper noun ("Hälsocentralen
            # Björken") unless the one before is itself a name or a role.
            f, s, _ = self.lookup(self.tokens[i - 1])
            if not (f or s) and before not in pn.ROLE_WORDS:
                return True
        after = self.next_word(j)
        return after in pn.ORG_TAILS

    def date_context(self, i: int) -> bool:
        if i > 0:
            gap = _gap(self.text, self.tokens[i - 1], self.tokens[i])
            if _is_space(gap) and self.tokens[i - 1].lower in pn.DATE_WORDS:
                return True
        tok = self.tokens[i]
        around = self.text[max(0, tok.start - 4) : tok.start] + " " + self.text[tok.end : tok.end + 6]
        return bool(re.search(r"[0-9]", around))

    # -- decisions --------------------------------------------------------
    def single(self, i: int, is_first: bool, is_last: bool, form: str) -> bool:
        tok = self.tokens[i]
        if self.org_context(i, i) and not self.strong_before(i):
            return False
        start = self.sentence_start(tok)
        strong = self.strong_before(i)
        after = self.next_word(i)
        human_verb_after = after in pn.PERSON_VERBS
        if form in pn.PLACE_NAMES:
            if self.prev_word(i) in pn.PLACE_PREPOSITIONS and not strong:
                return False
            return strong or self.contact_before(i) or human_verb_after
        if form in pn.CALENDAR_NAMES:
            if self.date_context(i):
                return False
            if not start:
                return True
            return strong or human_verb_after or self.followed_by_comma(i)
        if form in pn.WORD_NAMES:
            if not start:
                return True
            if form in pn.PRONOUN_NAMES:
                return strong or self.followed_by_comma(i)
            return strong or human_verb_after or self.followed_by_comma(i)
        return is_first or is_last

    def unknown_after_role(self, i: int) -> bool:
        tok = self.tokens[i]
        lower = tok.lower
        if len(lower) < 3 or not self.strong_before(i) or self.sentence_start(tok):
            return False
        if lower in pn.ORG_HEADS or lower in pn.ORG_TAILS or lower in pn.MONTHS:
            return False
        if lower in pn.WEEKDAYS or lower.endswith(pn.ORG_SUFFIXES):
            return False
        return not self.org_context(i, i)

    def find(self) -> list[_Candidate]:
        found: list[_Candidate] = []
        tokens = self.tokens
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if not tok.cap or self.masked(tok):
                i += 1
                continue
            is_first, is_last, form = self.lookup(tok)
            if not (is_first or is_last):
                if self.unknown_after_role(i):
                    j = i
                    while j + 1 < len(tokens) and j - i < 2 and self.pair_next(j, strict=False):
                        j += 1
                    found.append((tok.start, tokens[j].end, "PO407", ""))
                    i = j + 1
                    continue
                i += 1
                continue
            if is_first:
                strict = self.ambiguous(form)
                j = i
                while j + 1 < len(tokens) and j - i < 2 and self.pair_next(j, strict):
                    j += 1
                if j > i and self.accept_group(i, j):
                    found.append((tok.start, tokens[j].end, "PO407", ""))
                    i = j + 1
                    continue
            if self.single(i, is_first, is_last, form):
                found.append((tok.start, tok.end, "PO407", ""))
            i += 1
        return found

    def pair_next(self, j: int, strict: bool) -> bool:
        gap = _gap(self.text, self.tokens[j], self.tokens[j + 1])
        return _is_space(gap) and self.surname_like(self.tokens[j + 1], strict)

    def accept_group(self, i: int, j: int) -> bool:
        forms = [self.lookup(t)[2] for t in self.tokens[i : j + 1]]
        if all(f in pn.PLACE_NAMES or f in pn.CALENDAR_NAMES for f in forms):
            return False
        return not self.org_context(i, j)


# --------------------------------------------------------------------------
# Masks for allowed terms and known non-names


@functools.lru_cache(maxsize=64)
def _terms_regex(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    patterns = []
    for term in sorted(terms, key=len, reverse=True):
        words = term.split()
        if words:
            patterns.append(r"\s+".join(re.escape(word) for word in words))
    if not patterns:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE)


def _clean_terms(terms: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({t for t in terms if isinstance(t, str) and t.strip()}))


def _mark(mask: bytearray, regex: re.Pattern[str] | None, text: str) -> None:
    if regex is None:
        return
    for m in regex.finditer(text):
        mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())


# --------------------------------------------------------------------------
# The scan


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(m.end() for m in re.finditer(r"\r\n|\r|\n", text))
    return starts


def _resolve(candidates: list[_Candidate]) -> list[_Candidate]:
    # Keep the most specific finding where spans overlap; equal priority keeps the longer.
    ordered = sorted(candidates, key=lambda c: (_PRIORITY[c[2]], -(c[1] - c[0]), c[0]))
    kept: list[_Candidate] = []
    taken: list[tuple[int, int]] = []
    for cand in ordered:
        start, end = cand[0], cand[1]
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        kept.append(cand)
        taken.append((start, end))
    return kept


def _message(code: str, matched: str, note: str) -> str:
    _, what, rewrite = CODES[code]
    shown = " ".join(matched.split())
    return f"ser ut som {what} ('{shown}'){note} – {rewrite}"


def scan_text(
    text: str,
    *,
    skip_names: bool = False,
    allowed_terms: Iterable[str] = (),
    known_non_names: Iterable[str] = (),
) -> list[Finding]:
    """Scan one text (a report body or one front-matter string) for personal identifiers.

    ``skip_names`` turns off only the name check (used for ``intern.rapportör``).
    ``allowed_terms`` are the organisation's explicitly allowed words or phrases
    (case-insensitive, whole words): a finding that lies inside one is never
    reported. ``known_non_names`` are vocabulary labels, municipality and actor
    names ("Försäkringskassan", "Norrby kommun") that are never taken for a name.
    Results are sorted by (line, col); line and col are 1-based, col in characters.
    """
    if not isinstance(text, str) or not text:
        return []
    allowed = _terms_regex(_clean_terms(allowed_terms))
    has_digit = any(char.isdigit() for char in text)

    candidates: list[_Candidate] = []
    if has_digit:
        candidates += _find_pnr(text)
        candidates += _find_phones(text)
        candidates += _find_postal(text)
        candidates += _find_streets(text)
    if "@" in text:
        candidates += _find_emails(text)
    if _AGE_HINT_RE.search(text):
        candidates += _find_ages(text)

    if not skip_names:
        mask = bytearray(len(text))
        for start, end, code, _note in candidates:
            if _PRIORITY[code] <= _PRIORITY["PO405"]:
                mask[start:end] = b"\x01" * (end - start)
        for m in _URL_RE.finditer(text):
            mask[m.start() : m.end()] = b"\x01" * (m.end() - m.start())
        _mark(mask, _BUILTIN_NON_NAMES_RE, text)
        _mark(mask, _terms_regex(_clean_terms(known_non_names)), text)
        _mark(mask, allowed, text)
        candidates += _NameRules(text, mask).find()

    if allowed is not None and candidates:
        allowed_mask = bytearray(len(text))
        _mark(allowed_mask, allowed, text)
        candidates = [c for c in candidates if allowed_mask.find(0, c[0], c[1]) != -1]

    starts = _line_starts(text)
    findings = []
    for start, end, code, note in _resolve(candidates):
        line = bisect.bisect_right(starts, start)
        matched = text[start:end]
        findings.append(
            Finding(
                line=line,
                col=start - starts[line - 1] + 1,
                code=code,
                kind=CODES[code][0],
                match=matched,
                message=_message(code, matched, note),
            )
        )
    findings.sort(key=lambda f: (f.line, f.col))
    return findings


_BUILTIN_NON_NAMES_RE = _terms_regex(pn.BUILTIN_NON_NAMES)
