"""Scanner for personal identifiers in report text (codes PO401–PO408).

Anonymity is the promise of every report: ``po check`` runs :func:`scan_text`
over every report file (front matter included) and refuses to go on while
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
from collections.abc import Callable, Iterable
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

# When two findings overlap the more specific one wins: "Storgatan 12" is an
# address, not a name; "Kalle.Berg@mejl.se" is an e-mail address, not a name.
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
_DIGIT_RE = re.compile(r"[0-9]")
_SIX_DIGITS_RE = re.compile(r"[0-9]{6}")
_PHONE_HINT_RE = re.compile(r"0[1-9](?:[-– \u00a0\u202f/()]{0,3}[0-9]){5}|\+|00[ \u00a0]?46")
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
    r"(?P<name>[^\W\d_]+(?:-[^\W\d_]+)*)"
    rf"{_SP}+(?P<num>[1-9][0-9]{{0,2}}(?:{_SP}?[A-H]|[a-h])?)"
    rf"(?P<flat>,?{_SP}+(?:lgh|lägenhet|lägenhetsnummer)\.?{_SP}*[0-9]{{3,4}})?"
    r"(?![\w])(?![.,:][0-9])"
)
_NUMBER_AFTER_SPACE_RE = re.compile(rf"{_SP}+[1-9]")
_DIRECTION_BEFORE_RE = re.compile(
    rf"(?<![\w-])(?:Norra|Södra|Östra|Västra|Stora|Lilla|Gamla|Nya|Övre|Nedre|Sankt|Sankta|S:t){_SP}+$"
)


def _find_streets(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
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
    rf"(?P<code>[1-9][0-9]{{2}}{_SP}?[0-9]{{2}}){_SP}+"
    r"(?P<town>[A-ZÅÄÖ][a-zåäöéü]+(?:[ -][A-ZÅÄÖ][a-zåäöéü]+)?"
    r"|[A-ZÅÄÖ]{2,}(?:[ -][A-ZÅÄÖ]{2,})?)"
    r"(?![\w])"
)


_POSTAL_HINT_RE = re.compile(rf"[0-9]{{3}}{_SP}?[0-9]{{2}}{_SP}+[^\W\d_]")


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

# Ages written with digits are common; written out ("trettiofem år") they are
# rare, so the slower patterns with number words run only when one is present.
_NUMBER_WORD = (
    "(?:sexton|sjutton|ad?erton|nitton|(?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio"
    "|nittio)(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio)?)"
)
_NUMBER_WORD_STEMS = (
    "sexton", "sjutton", "arton", "nitton", "tjugo", "trettio", "fyrtio", "femtio", "sextio",
    "sjuttio", "åttio", "nittio",
)
_MONTH_ALT = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"
_PERSON_ALT = "|".join(sorted(pn.PERSON_NOUNS, key=len, reverse=True))


@dataclass(frozen=True)
class _AgePatterns:
    compound: re.Pattern[str]  # 45-årig, 52-åring, 40-årsåldern
    phrase: re.Pattern[str]  # 23 år gammal, 19 års ålder
    apposition: re.Pattern[str]  # klienten, 23 år,
    copula: re.Pattern[str]  # är 67 år
    turn: re.Pattern[str]  # fyllde 30
    on: re.Pattern[str]  # en kvinna på 63 år


def _age_patterns(number: str) -> _AgePatterns:
    n = rf"(?P<n>{number})"
    flags = re.IGNORECASE
    return _AgePatterns(
        compound=re.compile(
            rf"(?<![\w-]){n}[-–]?år(?:(?P<suf>ige|iga|igt|ig)(?!\w)(?P<after>{_SP}+[^\W\d_]+)?"
            r"|(?P<aring>ing(?:en)?)(?!\w)|(?P<decade>såldern)(?!\w))",
            flags,
        ),
        phrase=re.compile(
            rf"(?<![\w-]){n}\s+år(?:s\s+(?P<at>ålder)|\s+(?P<g>gammal|gamla|gammalt))(?!\w)", flags
        ),
        apposition=re.compile(
            rf"(?P<pre>[,(])\s*{n}\s+år(?:\s+(?:gammal|gamla))?(?=\s*[,)])", flags
        ),
        copula=re.compile(
            r"(?<!\w)(?P<v>är|var|blir|blev|bli|blivit)\s+"
            r"(?:(?:bara|nästan|knappt|drygt|snart|redan|nyss|endast|just|precis|då|nu)\s+)?"
            rf"{n}\s+år(?!\w)"
            r"(?!\s+(?:sedan|senare|tidigare|kvar|efter|innan|framåt|bakåt|i\s+rad|långa?"
            r"|gammalt|till|av|per|för|eller\s+(?:äldre|yngre)|och\s+(?:äldre|yngre|uppåt))\b)",
            flags,
        ),
        turn=re.compile(
            r"(?<!\w)(?P<v>fyllde|fyller|fyllt|fylla)\s+(?:(?:nyss|snart|just|precis|redan|då)\s+)?"
            rf"{n}(?P<ar>\s+år)?(?!\w)(?![.,:][0-9])(?P<after>\s+[^\W\d_]+|\s*%)?",
            flags,
        ),
        on=re.compile(rf"(?<!\w)på\s+{n}\s+år(?!\w)", flags),
    )


_AGES_DIGITS = _age_patterns("[0-9]{1,3}")
_AGE_ANCHOR_RE = re.compile(r"[0-9]{1,3}(?=[-–]?år|\s+år)", re.IGNORECASE)
_AGE_ANCHOR_WORDS_RE = re.compile(rf"{_NUMBER_WORD}(?=[-–]?år|\s+år)", re.IGNORECASE)


@functools.cache
def _ages_all() -> _AgePatterns:
    # With number words; compiled on first use since few texts need it.
    return _age_patterns(f"[0-9]{{1,3}}|{_NUMBER_WORD}")

_AGE_BARE_APPOSITION_RE = re.compile(r",[ \u00a0]?(?P<n>[1-9][0-9])[ \u00a0]?,(?![ \u00a0]?[0-9])")
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
    rf"\b(?:{_PERSON_ALT}|hennes|hans|honom|henne|sin|sitt)\b[^.!?]*$", re.IGNORECASE
)
_PERSON_BEFORE_VERB_RE = re.compile(rf"\b(?:{_PERSON_ALT})\s+(?:som\s+)?$", re.IGNORECASE)
_PERSON_WORD_RE = re.compile(rf"\b(?:{_PERSON_ALT})\b", re.IGNORECASE)
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)[\s,]*$")
_OVER_UNDER_BEFORE_RE = re.compile(r"\b(?:över|under|än|till)\s+$", re.IGNORECASE)
_THRESHOLD_BEFORE_RE = re.compile(r"\b(?:från|efter|före|innan|över|under|till)\s+$", re.IGNORECASE)
_CHILD_BEFORE_RE = re.compile(r"\bbarnet\b[^.!?]*$", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.!?]")


def _age_value(raw: str) -> int:
    lower = raw.lower()
    if lower.isdigit():
        return int(lower)
    return pn.NUMBER_WORDS.get(lower, 0)


def _window(text: str, start: int, size: int = 80) -> str:
    return text[max(0, start - size) : start]


def _word_before(text: str, start: int) -> str:
    m = _WORD_BEFORE_RE.search(text, max(0, start - 40), start)
    return m.group(1).lower() if m else ""


def _person_later_in_sentence(text: str, pos: int) -> bool:
    end = _SENTENCE_END_RE.search(text, pos, min(len(text), pos + 120))
    stop = end.start() if end else min(len(text), pos + 120)
    return _PERSON_WORD_RE.search(text, pos, stop) is not None


def _person_in_sentence(text: str, start: int, end: int) -> bool:
    return bool(_PERSON_IN_SENTENCE_RE.search(_window(text, start))) or _person_later_in_sentence(
        text, end
    )


def _find_ages(text: str, lowered: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    add = found.append
    number_words = any(stem in lowered for stem in _NUMBER_WORD_STEMS)
    p = _ages_all() if number_words else _AGES_DIGITS
    for m in _AGE_BARE_APPOSITION_RE.finditer(text):
        if _word_before(text, m.start()) in pn.PERSON_NOUNS:
            add((m.start("n"), m.end("n"), "PO408", ""))
    if "född" in lowered or "f." in lowered:
        for m in _AGE_BORN_RE.finditer(text):
            add((m.start(), m.end(), "PO408", ""))
    if "fyll" in lowered:
        _find_turning(text, p, found)
    if "år" not in lowered:
        return found
    # Every age pattern but "fyllde 30" has a number right before "år". Finding
    # those numbers first and trying the patterns only around them is many
    # times faster than running each pattern over the whole text.
    anchors = {m.start() for m in _AGE_ANCHOR_RE.finditer(text)}
    if number_words:
        anchors.update(m.start() for m in _AGE_ANCHOR_WORDS_RE.finditer(text))
    for anchor in sorted(anchors):
        _ages_at(text, anchor, p, found)
    return found


def _ages_at(text: str, anchor: int, p: _AgePatterns, found: list[_Candidate]) -> None:
    add = found.append
    lo, hi = max(0, anchor - 48), min(len(text), anchor + 64)
    m = p.compound.match(text, anchor, hi)
    if m and m["suf"]:
        n = _age_value(m["n"])
        suffix = m["suf"].lower()
        after = (m["after"] or "").strip().lower()
        # "-årige" is only used of a person; "-årigt" almost only of things.
        if after not in pn.DURATION_NOUNS and (
            after in pn.PERSON_NOUNS or suffix == "ige" or (n >= 16 and suffix != "igt")
        ):
            add((m.start(), m.end("suf"), "PO408", ""))
    elif m and (m["aring"] or not _GROUP_BEFORE_RE.search(_window(text, m.start(), 40))):
        # "52-åring"; "i 40-årsåldern" unless a group ("personer i 40-årsåldern")
        add((m.start(), m.end(), "PO408", ""))
    m = p.phrase.match(text, anchor, hi)
    if m:
        before = _window(text, m.start())
        if m["at"]:
            # "vid 65 års ålder upphör rätten" is a rule; an age needs a person.
            skip = _THRESHOLD_BEFORE_RE.search(before) is not None
        else:
            skip = (
                m["g"].lower() == "gammalt" and not _CHILD_BEFORE_RE.search(before)
            ) or _OVER_UNDER_BEFORE_RE.search(before) is not None
        # "Lagen är 30 år gammal" is no person's age: a person must be in the sentence.
        if not skip and _person_in_sentence(text, m.start(), m.end()):
            add((m.start(), m.end(), "PO408", ""))
    for m in p.apposition.finditer(text, lo, hi):
        if m.start("n") == anchor and _word_before(text, m.start()) not in pn.DURATION_NOUNS:
            add((m.start("n"), m.end(), "PO408", ""))
    for m in p.copula.finditer(text, lo, hi):
        if m.start("n") != anchor:
            continue
        before = _window(text, m.start())
        if _GENERIC_BEFORE_RE.search(before):
            continue
        if _age_value(m["n"]) < 16 and not _PERSON_BEFORE_VERB_RE.search(before):
            continue
        add((m.start("n"), m.end(), "PO408", ""))
    for m in p.on.finditer(text, lo, hi):
        # "en kvinna på 63 år", not "på 20 år har inget hänt"
        if m.start("n") == anchor and _word_before(text, m.start()) in pn.PERSON_NOUNS:
            add((m.start("n"), m.end(), "PO408", ""))


def _find_turning(text: str, p: _AgePatterns, found: list[_Candidate]) -> None:
    # "fyllde 30", "fyller 50 i höst"; not "fyller 3 sidor" nor "den som fyllt 65".
    for m in p.turn.finditer(text):
        after = (m["after"] or "").strip().lower()
        if after == "%" or after in pn.TURN_UNITS:
            continue
        if _GENERIC_BEFORE_RE.search(_window(text, m.start(), 40)):
            continue
        found.append((m.start(), m.end("ar") if m["ar"] else m.end("n"), "PO408", ""))

# --------------------------------------------------------------------------
# Names

_TOKEN = r"[^\W\d_]+(?:[-'’][^\W\d_]+)*(?::[^\W\d_]+)?"
_OPENERS = frozenset(" \t\u00a0\"'“”‘’«»([{*_`")
_BLOCK_PREFIX_RE = re.compile(r"[ \t]*(?:(?:#{1,6}|>+|[-*+•–]|[0-9]+[.)]|\|)[ \t]*)+")
_SENTENCE_END = frozenset(".!?:;…|")
_QUOTES = frozenset("\"'“”‘’«»")
# The word right after or right before a token, with what separates them: up to
# three spaces, or a comma. Anything else (a full stop, a line break) ends the
# context.
_GAP = r"[ \t\u00a0]{1,3}|[ \t\u00a0]{0,2},[ \t\u00a0]{0,2}"
_NEXT_WORD_RE = re.compile(rf"(?P<gap>{_GAP})(?P<w>{_TOKEN})")
_GAP_RE = re.compile(_GAP)
_TOKEN_RE = re.compile(_TOKEN)


@functools.cache
def _capitalised_word_re() -> re.Pattern[str]:
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
class _Token:
    start: int
    end: int
    text: str
    lower: str
    cap: bool


def _make_token(start: int, word: str) -> _Token:
    cap = word[0].isupper() and not (len(word) > 1 and word.isupper())
    return _Token(start, start + len(word), word, word.lower(), cap)


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


# A neighbouring token and whether only spaces (not a comma) separate it.
_Neighbour = tuple[_Token, bool]


class _NameRules:
    """The context rules for personal names over one text."""

    def __init__(self, text: str, covered: Callable[[int, int], bool]) -> None:
        self.text = text
        self.covered = covered
        self.first = pn.first_names()
        self.last = pn.last_names()
        self._start_cache: dict[int, bool] = {}
        self._next_cache: dict[int, _Neighbour | None] = {}
        self._prev_cache: dict[int, _Neighbour | None] = {}

    # -- tokens -----------------------------------------------------------
    def candidates(self) -> list[_Token]:
        text = self.text
        found = []
        for m in _capitalised_word_re().finditer(text):
            start = m.start()
            if start and (text[start - 1].isalnum() or text[start - 1] in "_-'’:"):
                continue  # the tail of a longer word: "ID" in "BankID"
            token = _make_token(start, m.group())
            if token.cap:
                found.append(token)
        return found

    def next(self, tok: _Token) -> _Neighbour | None:
        if tok.end not in self._next_cache:
            m = _NEXT_WORD_RE.match(self.text, tok.end)
            self._next_cache[tok.end] = (
                (_make_token(m.start("w"), m["w"]), "," not in m["gap"]) if m else None
            )
        return self._next_cache[tok.end]

    def prev(self, tok: _Token) -> _Neighbour | None:
        if tok.start not in self._prev_cache:
            self._prev_cache[tok.start] = self._scan_prev(tok.start)
        return self._prev_cache[tok.start]

    def _scan_prev(self, pos: int) -> _Neighbour | None:
        # A backward scan; a regular expression anchored at the end would try
        # every start position in its window.
        text = self.text
        gap_start = pos
        while gap_start > 0 and pos - gap_start < 5 and text[gap_start - 1] in " \t\u00a0,":
            gap_start -= 1
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
        return _make_token(word_start, word), "," not in gap

    def next_word(self, tok: _Token) -> str:
        """The word right after tok when only spaces separate them, else ''."""
        neighbour = self.next(tok)
        return neighbour[0].lower if neighbour and neighbour[1] else ""

    def next_token(self, tok: _Token) -> _Token | None:
        neighbour = self.next(tok)
        return neighbour[0] if neighbour and neighbour[1] else None

    def prev_word(self, tok: _Token, allow_comma: bool = False) -> str:
        neighbour = self.prev(tok)
        if neighbour and (neighbour[1] or allow_comma):
            return neighbour[0].lower
        return ""

    def prev_token(self, tok: _Token) -> _Token | None:
        neighbour = self.prev(tok)
        return neighbour[0] if neighbour and neighbour[1] else None

    # -- lookups --------------------------------------------------------
    def masked(self, tok: _Token) -> bool:
        """Inside a structured finding, a URL, a known non-name or an allowed term."""
        return self.covered(tok.start, tok.end)

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
        # Genitive: "Karins handläggare", "Johanssons beslut". Short bases only
        # mid-sentence: "This" at a sentence start is no genitive of "Thi".
        if len(lower) > 3 and lower[-1] == "s":
            base = lower[:-1].rstrip(":’'")
            if not self.ambiguous(base) and (len(base) >= 4 or not self.sentence_start(tok)):
                is_first, is_last = self.listed(base)
                if is_first or is_last:
                    return is_first, is_last, base
        return False, False, lower

    def is_listed(self, tok: _Token) -> bool:
        is_first, is_last, _ = self.lookup(tok)
        return is_first or is_last

    @staticmethod
    def ambiguous(word: str) -> bool:
        return word in pn.WORD_NAMES or word in pn.PLACE_NAMES or word in pn.CALENDAR_NAMES

    def surname_like(self, tok: _Token, strict: bool) -> bool:
        if not tok.cap or self.masked(tok):
            return False
        if self.is_listed(tok):
            return tok.lower not in pn.ORG_TAILS
        lower = tok.lower
        if len(lower) < 4 or lower in pn.ORG_TAILS or lower in pn.MONTHS:
            return False
        if lower in pn.WEEKDAYS or lower in pn.ROLE_WORDS or lower.endswith(pn.ORG_SUFFIXES):
            return False
        if lower.endswith(pn.STRONG_SURNAME_SUFFIXES):
            return True
        return not strict and lower.endswith(pn.WEAK_SURNAME_SUFFIXES)

    # -- context ----------------------------------------------------------
    def strong_before(self, tok: _Token) -> bool:
        if self.prev_word(tok, allow_comma=True) in pn.ROLE_WORDS:
            return True
        return self.prev_word(tok) in pn.GREETINGS

    def contact_before(self, tok: _Token) -> bool:
        before = self.prev_word(tok)
        if before in pn.CONTACT_VERBS:
            return True
        prev = self.prev_token(tok)
        return before == "med" and prev is not None and self.prev_word(prev) in pn.WITH_VERBS

    def org_context(self, first: _Token, last: _Token) -> bool:
        """True when first..last sit inside an organisation's or a place's name."""
        if self.prev_word(first) in pn.ORG_HEADS:
            return True
        prev = self.prev_token(first)
        if prev is not None and prev.cap and not self.sentence_start(prev):
            # Mid-sentence capitals in a row are one proper noun ("Kampanjen Rosa
            # Bandet", "Hälsocentralen Viktoria") unless the first is a name or a
            # role; an unambiguous surname after an unknown word stays a name
            # ("Slavko Novak").
            own = self.lookup(first)[2]
            if not self.is_listed(prev) and prev.lower not in pn.ROLE_WORDS and self.ambiguous(own):
                return True
        return self.next_word(last) in pn.ORG_TAILS

    def date_context(self, tok: _Token) -> bool:
        if self.prev_word(tok) in pn.DATE_WORDS:
            return True
        around = self.text[max(0, tok.start - 4) : tok.start] + " " + self.text[tok.end : tok.end + 6]
        return any(char.isdigit() for char in around)

    def followed_by_comma(self, tok: _Token) -> bool:
        return self.text[tok.end : tok.end + 1] == ","

    # -- decisions --------------------------------------------------------
    def single(self, tok: _Token, is_first: bool, is_last: bool, form: str) -> bool:
        strong = self.strong_before(tok)
        if self.org_context(tok, tok) and not strong:
            return False
        nxt = self.next_token(tok)
        if self.ambiguous(form) and nxt is not None and nxt.cap and not self.is_listed(nxt):
            # "Rosa Bandet": a word-name followed by an unlisted capitalised word
            # is the start of some proper noun, not a person.
            return False
        start = self.sentence_start(tok)
        human_verb_after = nxt is not None and nxt.lower in pn.PERSON_VERBS
        if form in pn.PLACE_NAMES:
            if self.prev_word(tok) in pn.PLACE_PREPOSITIONS and not strong:
                return False
            return strong or self.contact_before(tok) or human_verb_after
        if form in pn.CALENDAR_NAMES:
            if self.date_context(tok):
                return False
            if not start:
                return True
            return strong or human_verb_after or self.followed_by_comma(tok)
        if form in pn.WORD_NAMES:
            if not start:
                return True
            if form in pn.PRONOUN_NAMES:
                return strong or self.followed_by_comma(tok)
            return strong or human_verb_after or self.followed_by_comma(tok)
        return is_first or is_last

    def unknown_after_role(self, tok: _Token) -> bool:
        """An unlisted word that a role word announces: "handläggaren Roksana",
        or, set off by commas, "kontaktpersonen, Yonas, har slutat"."""
        lower = tok.lower
        text = self.text
        i = tok.start - 1
        while i > 0 and text[i] in " \t\u00a0":
            i -= 1
        if i <= 0 or not (text[i].isalpha() or text[i] == ","):
            return False  # no word right before, so no role word: the usual case
        if text[i] == ",":
            # Across a comma only a full apposition counts: in "Enhetschef,
            # Försäkringskassans kontor" the comma starts a new item.
            after = text[tok.end : tok.end + 1]
            if after != "," or self.prev_word(tok, allow_comma=True) not in pn.ROLE_WORDS:
                return False
        else:
            before = self.prev_word(tok)
            if before not in pn.ROLE_WORDS and before not in pn.GREETINGS:
                return False
        if len(lower) < 3 or self.sentence_start(tok):
            return False
        head = tok.text.split("-")[0]
        if len(head) > 1 and head.isupper():
            return False  # "LSS-handläggaren" is an acronym compound
        stem = lower.removesuffix("s")
        if lower in pn.ORG_HEADS or lower in pn.ORG_TAILS or lower in pn.MONTHS:
            return False
        if lower in pn.WEEKDAYS or lower in pn.ROLE_WORDS:
            return False
        if lower.endswith(pn.ORG_SUFFIXES) or stem.endswith(pn.ORG_SUFFIXES):
            return False
        return not self.org_context(tok, tok)

    def unknown_given_name(self, tok: _Token) -> bool:
        lower = tok.lower
        if not tok.cap or self.masked(tok) or self.is_listed(tok) or len(lower) < 2:
            return False
        if lower in pn.ROLE_WORDS or lower in pn.ORG_HEADS or lower in pn.GREETINGS:
            return False
        if lower in pn.MONTHS or lower in pn.WEEKDAYS or lower in pn.SENTENCE_WORDS:
            return False
        if not self.sentence_start(tok):
            return True
        # At a sentence start the word may be any Swedish word ("Enligt Johansson");
        # inflected-looking words are left out.
        return not lower.endswith(pn.SWEDISH_WORD_ENDINGS)

    def extend(self, tok: _Token, strict: bool) -> list[_Token]:
        """The tokens of a full name starting at tok (at most three words)."""
        group = [tok]
        while len(group) < 3:
            nxt = self.next_token(group[-1])
            if nxt is None or not self.surname_like(nxt, strict):
                break
            group.append(nxt)
        return group

    def accept_group(self, first: _Token, last: _Token, forms: list[str]) -> bool:
        if all(f in pn.PLACE_NAMES or f in pn.CALENDAR_NAMES for f in forms):
            return False
        return not self.org_context(first, last)

    def find(self) -> list[_Candidate]:
        found: list[_Candidate] = []
        done = -1  # end of the last name found or skipped as a group
        for tok in self.candidates():
            if tok.start < done:
                continue
            is_first, is_last, form = self.lookup(tok)
            if not (is_first or is_last):
                if self.unknown_after_role(tok) and not self.masked(tok):
                    group = self.extend(tok, strict=False)
                    found.append((tok.start, group[-1].end, "PO407", ""))
                    done = group[-1].end
                continue
            if self.masked(tok):
                continue
            if is_first:
                group = self.extend(tok, strict=self.ambiguous(form))
                if len(group) > 1:
                    forms = [self.lookup(t)[2] for t in group]
                    if self.accept_group(tok, group[-1], forms):
                        found.append((tok.start, group[-1].end, "PO407", ""))
                    done = group[-1].end
                    continue
            if self.single(tok, is_first, is_last, form):
                start = tok.start
                prev = self.prev_token(tok)
                if prev is not None and is_last and not is_first and self.unknown_given_name(prev):
                    # "Teemu Mäkinen": take the unlisted first name along, so that
                    # deleting the match does not leave half the name behind.
                    start = prev.start
                found.append((start, tok.end, "PO407", ""))
                done = tok.end
        return found


# --------------------------------------------------------------------------
# Masks for allowed terms and known non-names


@dataclass(frozen=True)
class _Terms:
    """Words or phrases to find as whole words, case-insensitively."""

    regex: re.Pattern[str]
    width: int  # an occurrence covering a span starts at most this far before it

    def covers(self, text: str, start: int, end: int) -> bool:
        # Searching a window around the span, not the whole text, keeps a long
        # vocabulary cheap: only a few spans per text are ever asked about.
        lo, hi = max(0, start - self.width), min(len(text), end + self.width)
        return any(m.start() <= start and end <= m.end() for m in self.regex.finditer(text, lo, hi))


@functools.lru_cache(maxsize=64)
def _terms(terms: tuple[str, ...]) -> _Terms | None:
    patterns = []
    for term in sorted(terms, key=len, reverse=True):
        words = term.split()
        if words:
            patterns.append(r"\s+".join(re.escape(word) for word in words))
    if not patterns:
        return None
    regex = re.compile(r"(?<!\w)(?:" + "|".join(patterns) + r")(?!\w)", re.IGNORECASE)
    # Whitespace in a term may stretch ("Norrby\n  kommun"), hence the margin.
    return _Terms(regex, 2 * max(len(t) for t in terms) + 16)


def _clean_terms(terms: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({t for t in terms if isinstance(t, str) and t.strip()}))


_BUILTIN_NON_NAMES = _terms(pn.BUILTIN_NON_NAMES)


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
    """Scan one text (a report body, one front-matter string or a whole report file).

    ``skip_names`` turns off only the name check (used for ``intern.rapportör``).
    ``allowed_terms`` are the organisation's explicitly allowed words or phrases
    (case-insensitive, whole words): a finding that lies inside one is never
    reported. ``known_non_names`` are vocabulary labels, municipality and actor
    names ("Försäkringskassan", "Norrby kommun") that are never taken for a name.
    Results are sorted by (line, col); line and col are 1-based, col in characters.
    """
    if not isinstance(text, str) or not text:
        return []
    allowed = _terms(_clean_terms(allowed_terms))
    lowered = text.lower()  # only for cheap "is this word anywhere" tests

    candidates: list[_Candidate] = []
    if _DIGIT_RE.search(text):
        # Each structured pattern runs only where a cheap pre-test (a pattern
        # that starts with a plain character class) says it could match.
        if _SIX_DIGITS_RE.search(text):
            candidates += _find_pnr(text)
        if _PHONE_HINT_RE.search(text):
            candidates += _find_phones(text)
        if _POSTAL_HINT_RE.search(text):
            candidates += _find_postal(text)
        candidates += _find_streets(text)
    if "@" in text:
        candidates += _find_emails(text)
    candidates += _find_ages(text, lowered)

    if not skip_names:
        structured = [c for c in candidates if _PRIORITY[c[2]] <= _PRIORITY["PO405"]]
        if "http" in lowered or "www." in lowered:
            structured += [(m.start(), m.end(), "", "") for m in _URL_RE.finditer(text)]
        term_lists = [t for t in (_BUILTIN_NON_NAMES, _terms(_clean_terms(known_non_names)), allowed) if t]

        def covered(start: int, end: int) -> bool:
            if any(s <= start and end <= e for s, e, _code, _note in structured):
                return True
            return any(terms.covers(text, start, end) for terms in term_lists)

        candidates += _NameRules(text, covered).find()

    if allowed is not None:
        candidates = [c for c in candidates if not allowed.covers(text, c[0], c[1])]

    if not candidates:
        return []
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
