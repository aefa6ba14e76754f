"""Names typed in CAPITALS or in lower case, which the capital-letter rules of names.py miss.

* ALL CAPS ("KARIN JOHANSSON", "på lappen stod MAGNUS"): a listed name of four letters or
  more, or a first name with a listed surname after it, is a name (PO407) unless the line is
  written in capitals throughout (a heading) or the word is also an ordinary word or an
  abbreviation ("INGA", "ALS", "IVO").
* lower case ("pratade med gunilla på soc"): only names that are no Swedish word (the list
  namn-som-ord.txt holds those that are) count. With a person's context — a role word, a
  verb of meeting or a greeting before it, a verb that only people do or a surname after
  it — it is a name (PO407); anywhere else it is a warning (PO409), since a lower-case word
  that happens to be a name in another language is no proof.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from po_build.check.privacy import wordlists as pn
from po_build.check.privacy.findings import Candidate

_CAPS_RE = re.compile(r"(?<![\w-])[A-ZÅÄÖÉÜ]{2,}(?:-[A-ZÅÄÖÉÜ]{2,})?(?![\w-])")
_LOWER_RE = re.compile(r"(?<![\w./@\\-])[a-zåäöéüï]{3,}(?:-[a-zåäöéüï]{2,})?(?![\w/@\\]|[.-][a-zA-Z0-9])")
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)[ \t\u00a0]{1,3}$")
_WORD_AFTER_RE = re.compile(r"[ \t\u00a0]{1,3}([^\W\d_]+)")

# Abbreviations in capitals that are also names in the lists: never a name in capitals
# ("IVO granskade", "LO har krävt", "enligt SoL").
_ABBREVIATIONS = pn.words("ivo als sip lss jo lo ek sol")
# Short names that are written in capitals as abbreviations too, or look like one: a name
# only with a person's context ("EVA ringde", "pratade med ALI", "ring KIM").
_SHORT_NAMES = pn.words("bo eva ali adam kim tim ida ada")


# Before a listed name that is no Swedish word, these take a person ("hos malin",
# "med sara"): there is no other reading of the word. "till" also takes places and
# organisations, so "skrev till sara" stays a warning.
_PERSON_PREPOSITIONS = pn.words("hos åt med")


def _before(text: str, pos: int) -> str:
    m = _WORD_BEFORE_RE.search(text, max(0, pos - 30), pos)
    return m.group(1) if m else ""


def _after(text: str, pos: int) -> str:
    m = _WORD_AFTER_RE.match(text, pos)
    return m.group(1) if m else ""


def _line_is_capitals(text: str, pos: int) -> bool:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start : end if end >= 0 else len(text)]
    letters = [c for c in line if c.isalpha()]
    return sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _ambiguous(lower: str) -> bool:
    return (
        lower in pn.WORD_NAMES or lower in pn.PLACE_NAMES or lower in pn.other_places() or lower in pn.CALENDAR_NAMES
        or lower in pn.MONTHS or lower in pn.WEEKDAYS or lower in _ABBREVIATIONS or lower in _SHORT_NAMES
    )


@functools.cache
def _capital_names() -> frozenset[str]:
    return frozenset(n for n in pn.given_names() | pn.last_names() if len(n) >= 3 and not _ambiguous(n))


@functools.cache
def _all_caps_names() -> frozenset[str]:
    """Every name that can be found in capitals: _capital_names, and the short or ambiguous
    ones that need a person's context."""
    return frozenset(n for n in pn.given_names() | pn.last_names() if len(n) >= 2)


def find_capitals(text: str, words: frozenset[str], covered: Callable[[int, int], bool]) -> list[Candidate]:
    # A name in capitals is a listed name once lower-cased, and its capitals are in the text:
    # a set intersection over the distinct words (in C) and a substring test for each of the
    # few hits decide whether the pattern needs to run at all.
    hits = _all_caps_names().intersection(words)
    if not any(hit.upper() in text for hit in hits):
        return []
    given, last = pn.given_names(), pn.last_names()
    found: list[Candidate] = []
    done = -1
    for m in _CAPS_RE.finditer(text):
        if m.start() < done or covered(m.start(), m.end()):
            continue
        lower = m.group().lower()
        if lower not in given and lower not in last:
            continue
        if _line_is_capitals(text, m.start()):
            continue
        end = m.end()
        nxt = _CAPS_RE.match(text, m.end() + 1) if text[m.end() : m.end() + 1] == " " else None
        if nxt and nxt.group().lower() in last and lower in given:
            end = nxt.end()
        elif (len(lower) < 4 or _ambiguous(lower)) and not _caps_person(text, m.start(), m.end(), lower):
            continue
        found.append((m.start(), end, "PO407", ""))
        done = end
    return found


def _caps_person(text: str, start: int, end: int, lower: str) -> bool:
    """A short or ambiguous name in capitals with a person's context: "Ring PER", "STIG har
    fått avslag"; never an abbreviation ("med ALS")."""
    if lower in _ABBREVIATIONS or lower in pn.MONTHS or lower in pn.WEEKDAYS or lower in pn.CALENDAR_NAMES:
        return False
    after = _after(text, end)
    if after.islower() and (after in pn.PERSON_VERBS or after in pn.FINITE_VERBS):
        return True
    return _person_before(text, start) or _before(text, start).lower() == "ring"


def _person_before(text: str, start: int) -> bool:
    """A role, a verb of meeting or a greeting right before: "kuratorn linnea", "ringde
    sven", "pratade med sven"."""
    before = _before(text, start).lower()
    if before in pn.ROLE_WORDS or before in pn.CONTACT_VERBS or before in pn.GREETINGS:
        return True
    if before == "med":
        with_verb = _before(text, start - len(_before(text, start)) - 1).lower()
        return with_verb in pn.WITH_VERBS
    return False


def _person_context(text: str, start: int, end: int) -> bool:
    before = _before(text, start).lower()
    if _person_before(text, start) or before in _PERSON_PREPOSITIONS:
        return True
    if before in pn.PERSON_VERBS:
        return True  # "i går berättade valbona att": the subject after the verb
    if before == "och" and _after(text, end).lower() in ("hans", "hennes", "hens"):
        return True  # "mötte ahmed och hans mamma"
    after = _after(text, end)
    # "anna har fått avslag": a listed name that is no Swedish word, then a finite verb.
    return after.lower() in pn.PERSON_VERBS or after in pn.FINITE_VERBS or (
        after.islower() and after in pn.last_names() and after not in pn.names_that_are_words()
    )


@functools.cache
def _lower_case_names() -> frozenset[str]:
    """Lower-case forms that can be a name: listed, and no Swedish word."""
    # Set differences (in C) first; the length test is all that is left per name.
    names = (pn.given_names() | pn.last_names()) - pn.names_that_are_words() - pn.WORD_NAMES - pn.PLACE_NAMES
    names = names - pn.other_places() - pn.CALENDAR_NAMES - pn.MONTHS - pn.WEEKDAYS - _ABBREVIATIONS - _SHORT_NAMES
    return frozenset(n for n in names if len(n) >= 3)


@functools.cache
def _lower_word_names() -> frozenset[str]:
    """Given names that are also Swedish words: a name only after a role word."""
    return frozenset(
        n for n in pn.given_names() & pn.names_that_are_words()
        if len(n) >= 3 and n not in pn.CALENDAR_NAMES and n not in pn.MONTHS and n not in pn.WEEKDAYS
        # "klienten ville", "ombudet inga": a verb or a function word after a role is no name.
        and n not in pn.FINITE_VERBS and n not in pn.FUNCTION_WORDS and n not in pn.PRONOUN_NAMES
        and n not in pn.PERSON_VERBS and n not in _WORDS_AFTER_ROLES
    )


# Word-names that follow a role word as words: "kan klienten klara sig", "hur ska ombudet
# lova det", "per vecka", "max två".
_WORDS_AFTER_ROLES = pn.words("klara lova rita inge del per tom fina max junior mark dag olja ben sten matte")


def find_lower_case(text: str, words: frozenset[str], covered: Callable[[int, int], bool]) -> list[Candidate]:
    # Most texts hold no lower-case name at all: a set intersection over the distinct words
    # (done in C) finds the few to look at, instead of a Python test per word.
    hits = _lower_case_names().intersection(words)
    # A name that is also a word ("linnea", "viola") counts only right after a role word:
    # "kuratorn linnea", "handläggaren rosa".
    word_names = _lower_word_names().intersection(words)
    if not hits and not word_names:
        return []
    given, last, words = pn.given_names(), pn.last_names(), pn.names_that_are_words()
    found: list[Candidate] = []
    for m in _LOWER_RE.finditer(text):
        word = m.group()
        if word not in hits:
            if word in word_names and _person_before(text, m.start()) and not covered(m.start(), m.end()):
                found.append((m.start(), m.end(), "PO407", ""))
            continue
        start, end = m.start(), m.end()
        before = _WORD_BEFORE_RE.search(text, max(0, start - 30), start)
        if word in last and before and before.group(1).islower() and before.group(1) in given:
            start = before.start(1)  # "lena johansson"
        else:
            after = _after(text, end)
            if word in given and after.islower() and after in last and after not in words:
                end = text.index(after, end) + len(after)
        if covered(start, end):
            continue
        pair = (start, end) != m.span()
        code = "PO407" if pair or _person_context(text, start, m.end()) else "PO409"
        found.append((start, end, code, ""))
    return resolve_overlaps(found)


def resolve_overlaps(found: list[Candidate]) -> list[Candidate]:
    # "lena johansson" is found from both words; keep one.
    out: list[Candidate] = []
    for cand in sorted(found, key=lambda c: (c[0], -c[1])):
        if out and cand[0] < out[-1][1]:
            continue
        out.append(cand)
    return out


# Initials after a person's role or relative: "klienten A.K.", "hennes bror J. K." They stand
# for a name the way the name would, so they are refused like one. Abbreviations of
# organisations ("FK", "AF") have no full stops between the letters.
# The pattern starts at the capital and its full stop, which few places in a text have; a
# pattern that started at every word before them cost a tenth of the whole scan.
# It starts at the full stop, a literal that re finds fast; the capital before it and what
# stands before that are tested in code.
_INITIALS_RE = re.compile(r"\.[ \t]?[A-ZÅÄÖ](?:\.|(?![\w.]))")


def find_initials(text: str, covered: Callable[[int, int], bool]) -> list[Candidate]:
    found: list[Candidate] = []
    for m in _INITIALS_RE.finditer(text):
        start = m.start() - 1
        if start < 1 or not text[start].isupper() or text[start - 1] not in " \t":
            continue
        before = _before(text, start).lower()
        if (before in pn.ROLE_WORDS or before in pn.PERSON_NOUNS) and not covered(start, m.end()):
            found.append((start, m.end(), "PO407", ""))
    return found
