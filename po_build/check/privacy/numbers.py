"""Personnummer, samordningsnummer and telephone numbers."""

from __future__ import annotations

import calendar
import re
from datetime import date

from po_build.check.privacy import wordlists as pn
from po_build.check.privacy.findings import SP, Candidate

_LUHN_TYPO_NOTE = " (kontrollsiffran stämmer inte, men formen gör det)"


_PNR_RE = re.compile(
    r"(?<![\w+])(?<![0-9][-+/.:])"
    r"(?P<century>18|19|20)?(?P<yy>[0-9]{2})(?P<mm>[0-9]{2})(?P<dd>[0-9]{2})"
    # "850312-1234", "850312 - 1234", "850312 –1234": a dash (or +) with spaces around it is
    # still the personnummer's dash.
    rf"(?P<sep>{SP}{{0,2}}[-–+]{SP}{{0,2}}|[ \u00a0]?)(?P<serial>[0-9]{{4}})"
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


def find_pnr(text: str) -> list[Candidate]:
    found: list[Candidate] = []
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
            if m["sep"].strip() not in ("-", "–", "+"):
                continue
            if _CASE_WORD_BEFORE_RE.search(text, max(0, m.start() - 40), m.start()):
                continue
            note = _LUHN_TYPO_NOTE
        found.append((m.start(), m.end(), code, note))
    return found


_PHONE_RE = re.compile(
    r"(?<![\w+/.,:-])(?:"
    rf"(?P<intl>(?:\+|00){SP}?46)(?:{SP}?-{SP}?|{SP})?(?:\(0\){SP}?)?"
    rf"(?P<irest>[1-9][0-9]{{0,3}}(?:(?:{SP}?-{SP}?|{SP})?[0-9]{{1,4}}){{1,6}})"
    rf"|(?P<paren>\(0[1-9][0-9]{{0,3}}\)){SP}?"
    rf"(?P<prest>[0-9]{{1,4}}(?:(?:{SP}|-)?[0-9]{{1,4}}){{0,5}})"
    rf"|(?P<nat>0[1-9][0-9]{{0,3}}(?:{SP}?[-–/]{SP}?|{SP})?"
    rf"[0-9]{{1,4}}(?:(?:{SP}|-)?[0-9]{{1,4}}){{0,5}})"
    r")"
)


DIGIT_RE = re.compile(r"[0-9]")


# Every run of digits in a text, found once: the structured detectors look only where
# the runs say they could match (a pattern tried at every position of a text costs far
# more than this one pass, whose first character class the regex engine searches for).
DIGIT_RUN_RE = re.compile(r"[0-9]+")

Runs = list[tuple[int, int]]


def digit_runs(text: str) -> Runs:
    return [m.span() for m in DIGIT_RUN_RE.finditer(text)] if DIGIT_RE.search(text) else []


def may_hold_pnr(runs: Runs) -> bool:
    return any(end - start >= 6 for start, end in runs)


# What every telephone number starts with: "+", "00 46", or a 0 that follows no letter, digit
# or dot (so the "015-01-02" inside a date is none) with at least five more digits. The 0 comes
# before the look-behind so that the pattern has a literal start, which the regex engine
# searches for in C instead of trying the pattern at every position.
_PHONE_HINT_RE = re.compile(r"0(?<![\w.]0)[1-9](?:[-– \u00a0\u202f/().]{0,3}[0-9]){5}")


def may_hold_phone(text: str) -> bool:
    # One pattern per alternative: an alternation has no literal start to search for.
    return "+" in text or _PHONE_HINT_RE.search(text) is not None or _INTL_HINT_RE.search(text) is not None


_INTL_HINT_RE = re.compile(rf"00{SP}?46")


# Numbers that reach a service, never a person.
_SERVICE_PREFIXES = ("020", "077", "0900", "0939", "0944", "099")


def _trim_digits(text: str, start: int, end: int, lo: int, hi: int) -> int | None:
    """End of the longest prefix of digit groups in text[start:end] with lo..hi digits."""
    runs = [(m.end(), len(m.group())) for m in DIGIT_RUN_RE.finditer(text, start, end)]
    total = sum(length for _, length in runs)
    while runs and total > hi:
        total -= runs.pop()[1]
    if not runs or total < lo:
        return None
    return runs[-1][0]


# "070.123.45.67": dots between the groups. Only this shape (pairs of digits at the end),
# so that a date such as 01.02.2025 is no telephone number.
_DOTTED_PHONE_RE = re.compile(r"(?<![\w.])0[1-9][0-9]{1,3}\.[0-9]{2,3}(?:\.[0-9]{2}){2,3}(?![\w]|\.[0-9])")


# A switchboard or a customer service is an organisation's number, not a person's:
# "växel 046-35 50 00", "kundtjänst: 0771-…".
_SWITCHBOARD_BEFORE_RE = re.compile(
    r"\b(?:växel|växeln|vxl|telefonväxel|telefonväxeln|kundtjänst|kundtjänsten|kundservice)\b"
    r"[ \t.:]*(?:tel\.?|telefon)?[ \t.:]*$",
    re.IGNORECASE,
)


def _switchboard(text: str, start: int) -> bool:
    return _SWITCHBOARD_BEFORE_RE.search(text, max(0, start - 30), start) is not None


def find_phones(text: str) -> list[Candidate]:
    found: list[Candidate] = []
    if "." in text:
        for m in _DOTTED_PHONE_RE.finditer(text):
            digits = sum(c.isdigit() for c in m.group())
            if 8 <= digits <= 10 and not m.group().startswith(_SERVICE_PREFIXES):
                found.append((m.start(), m.end(), "PO403", ""))
    for m in _PHONE_RE.finditer(text):
        if m["intl"]:
            body_start = m.start("irest")
            end = _trim_digits(text, body_start, m.end(), 7, 9)
            national = "0" + "".join(DIGIT_RUN_RE.findall(text, body_start, end or body_start))
        elif m["paren"]:
            end = _trim_digits(text, m.start(), m.end(), 8, 10)
            national = "".join(DIGIT_RUN_RE.findall(text, m.start(), end or m.start()))
        else:
            end = _trim_digits(text, m.start(), m.end(), 8, 10)
            national = "".join(DIGIT_RUN_RE.findall(text, m.start(), end or m.start()))
        if end is None or national.startswith(_SERVICE_PREFIXES):
            continue
        # A number glued to letters ("0701234567abc") is some code, not a phone number.
        if end < len(text) and (text[end].isalnum() or text[end] == "_"):
            continue
        if _switchboard(text, m.start()):
            continue
        found.append((m.start(), end, "PO403", ""))
    return found
