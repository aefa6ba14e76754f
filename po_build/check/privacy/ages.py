"""A person's age, told apart from the age limits of rules."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from po_build.check.privacy import wordlists as pn
from po_build.check.privacy.age_context import (
    BORN_RANGE_AFTER_RE,
    CHILD_BEFORE_RE,
    GENERIC_BEFORE_RE,
    GROUP_BEFORE_RE,
    MONTH_ALT,
    NUMBER_WORD,
    NUMBER_WORD_RE,
    OVER_UNDER_BEFORE_RE,
    PERSON_BEFORE_VERB_RE,
    PERSON_WORD_RE,
    POSSESSIVE_BEFORE_RE,
    RULE_CLAUSE_BEFORE_RE,
    SENTENCE_END_RE,
    SMALL_NUMBER_WORD,
    STATISTIC_BEFORE_RE,
    THING_SUBJECT_RE,
    THRESHOLD_BEFORE_RE,
    age_value,
    person_in_sentence,
    person_noun,
    window,
    word_before,
)
from po_build.check.privacy.findings import SP, Candidate


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
        # "45-årig", "34 årig" (a common slip), "52-åringen", "40-årsåldern", "sin 50-årsdag"
        compound=re.compile(
            rf"(?<![\w–-]){n}(?:[-–]|{SP})?år(?:(?P<suf>ige|iga|igt|ig)(?!\w)(?P<after>{SP}+[^\W\d_]+)?"
            r"|(?P<aring>ing(?:en)?)(?!\w)|(?P<decade>såldern)(?!\w)|(?P<bday>sdag(?:en)?)(?!\w))",
            flags,
        ),
        phrase=re.compile(
            rf"(?<![\w-]){n}\s+år(?:s\s+(?P<at>ålder)|\s+(?P<g>gammal|gamla|gammalt))(?!\w)", flags
        ),
        apposition=re.compile(
            rf"(?P<pre>[,(])\s*(?:(?P<adv>nu|snart|bara|nyss|drygt|knappt|nästan|just)\s+)?{n}\s+år"
            r"(?:\s+(?:gammal|gamla))?(?=\s*[,)])", flags
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
            r"(?<!\w)(?P<v>fyllde|fyller|fyllt|fylla|fyllda)\s+(?:(?:nyss|snart|just|precis|redan|då)\s+)?"
            rf"{n}(?P<ar>\s+år)?(?!\w)(?![.,:][0-9])(?P<after>\s+[^\W\d_]+|\s*%)?",
            flags,
        ),
        on=re.compile(rf"(?<!\w)på\s+{n}\s+år(?!\w)", flags),
    )


_AGES_DIGITS = _age_patterns("[0-9]{1,3}")


_AGE_ANCHOR_RE = re.compile(r"[0-9]{1,3}(?=[-–]?år|\s+år)", re.IGNORECASE)


_AGE_ANCHOR_WORDS_RE = re.compile(rf"{NUMBER_WORD}(?=[-–]?år|\s+år)", re.IGNORECASE)


@functools.cache
def _ages_all() -> _AgePatterns:
    # With number words; compiled on first use since few texts need it.
    return _age_patterns(f"[0-9]{{1,3}}|{NUMBER_WORD}|{SMALL_NUMBER_WORD}")


_AGE_BARE_APPOSITION_RE = re.compile(
    rf",[ \u00a0]?(?P<n>[1-9][0-9]|{NUMBER_WORD})[ \u00a0]?,(?![ \u00a0]?[0-9])", re.IGNORECASE
)


_AGE_BORN_RE = re.compile(
    r"(?<!\w)(?:född|föddes)\s+(?:år\s+|den\s+)?"
    r"(?:(?:18|19|20)[0-9]{2}(?:-[0-9]{2}-[0-9]{2})?|[-–'’][0-9]{2}"
    rf"|[0-9]{{1,2}}\s+(?:{MONTH_ALT})(?:\s+(?:19|20)[0-9]{{2}})?"
    rf"|i\s+(?:{MONTH_ALT})\s+(?:19|20)[0-9]{{2}}"
    r"|på\s+(?:[0-9]{2}|[^\W\d_]+)[-–]?talet"
    r"|[0-9]{2}(?=\s+(?:i|och|men|,)\b|[,.;)])"
    r")"
    r"(?![\w-])"
    r"|(?<!\w)f\.\s?(?:19|20)[0-9]{2}(?![\w-])",
    re.IGNORECASE,
)


def find_ages(text: str, lowered: str, words: frozenset[str]) -> list[Candidate]:
    found: list[Candidate] = []
    add = found.append
    numbers = not words.isdisjoint(_AGE_NUMBERS)
    if numbers:
        for m in _AGE_BARE_APPOSITION_RE.finditer(text):
            if person_noun(word_before(text, m.start())) or _name_before(text, m.start()):
                add((m.start("n"), m.end("n"), "PO408", ""))
        if "(" in text:
            _find_parenthesised(text, found)
        if not words.isdisjoint(_COPULA_WORDS):
            _find_bare_copula(text, found)
    elif not words.isdisjoint(_SMALL_AGE_WORDS) and not words.isdisjoint(_COPULA_WORDS) and not words.isdisjoint(
        _YOUNG_SUBJECTS
    ):
        _find_bare_copula(text, found)  # "sonen är sju": only that rule takes a small number word
    if numbers:
        if "på " in text or "närma" in lowered:
            _find_bare_on(text, found)
        if "vid " in lowered or "sina " in lowered:
            _find_at_age(text, found)
    if "född" in lowered or "f." in lowered:
        for m in _AGE_BORN_RE.finditer(text):
            if BORN_RANGE_AFTER_RE.match(text, m.end()) or GENERIC_BEFORE_RE.search(
                window(text, m.start(), 40)
            ):
                continue  # "den som är född 1957 eller senare" is a rule
            add((m.start(), m.end(), "PO408", ""))
    if "fyll" in lowered:
        _find_turning(text, _ages_all(), found)
    if "ålder" in lowered or "åldrar" in lowered:
        _find_age_fields(text, found)
    if "år" not in lowered:
        return found
    # Every other age pattern has a number right before "år". Finding those numbers first
    # and trying the patterns only around them is many times faster than running each
    # pattern over the whole text.
    for anchor, spelt in _anchors(text, lowered):
        _ages_at(text, anchor, _ages_all() if spelt else _AGES_DIGITS, found)
    return found


# Numbers a bare age can be ("Han är 23 och …", "Kvinnan, 52, …"): a set, so that one set
# operation with the text's words says whether those rules need to run at all.
_AGE_NUMBERS = frozenset(str(n) for n in range(1, 111)) | frozenset(pn.NUMBER_WORDS)
_COPULA_WORDS = pn.words("är var blev blir bli blivit")
_SMALL_AGE_WORDS = frozenset(pn.SMALL_NUMBER_WORDS) - {"ett"}
_SPACE = frozenset(" \t\n\r\u00a0\u202f")


def _anchors(text: str, lowered: str) -> list[tuple[int, bool]]:
    """Where a number (digits, or a number word: spelt) ends right before "år", at most one
    dash or some white space between: "23 år", "45-årig", "tjugoåringen"."""
    if len(lowered) != len(text):  # lower() changed the length: find with the pattern
        out = [(m.start(), False) for m in _AGE_ANCHOR_RE.finditer(text)]
        return out + [(m.start(), True) for m in _AGE_ANCHOR_WORDS_RE.finditer(text)]
    anchors: list[tuple[int, bool]] = []
    pos = lowered.find("år")
    while pos >= 0:
        j = pos
        while j > 0 and text[j - 1] in _SPACE:
            j -= 1
        if j == pos and j > 0 and text[j - 1] in "-–":
            j -= 1
        k = j
        while k > 0 and text[k - 1].isdigit() and j - k < 3:
            k -= 1
        if k < j:
            anchors.append((k, False))
        else:
            w = j
            while w > 0 and text[w - 1].isalpha():
                w -= 1
            if w < j and NUMBER_WORD_RE.fullmatch(lowered, w, j):
                anchors.append((w, True))
        pos = lowered.find("år", pos + 2)
    return anchors


def _name_before(text: str, pos: int) -> bool:
    """"Karin, 34, fick avslag": a listed given name with a capital right before the comma."""
    before = _WORD_BEFORE_BRACKET_RE.search(text, max(0, pos - 30), pos)
    return before is not None and before.group(1)[0].isupper() and before.group(1).lower() in pn.given_names()


# "En man (45)", "Klienten (23) har …": an age in brackets after a person or a name.
_PARENTHESISED_RE = re.compile(r"\((?P<n>[1-9][0-9]?)\)")
_WORD_BEFORE_BRACKET_RE = re.compile(r"([^\W\d_]+)[ \t\u00a0]*$")


def _find_parenthesised(text: str, found: list[Candidate]) -> None:
    for m in _PARENTHESISED_RE.finditer(text):
        before = _WORD_BEFORE_BRACKET_RE.search(text, max(0, m.start() - 30), m.start())
        if before is None:
            continue
        word = before.group(1)
        if word.lower() in pn.PERSON_NOUNS or (word[0].isupper() and word.lower() in pn.given_names()):
            found.append((m.start(), m.end(), "PO408", ""))


# "Ålder: 34", "Ålder 58 år", "i åldrarna 3 och 5 år"; not a range ("i åldern 18–25 år").
_AGE_FIELD_RE = re.compile(
    r"(?<!\w)(?:[Åå]lder|ÅLDER|[Åå]ldern)[ \t]*:?[ \t]*(?P<n>[1-9][0-9]?)(?:[ \t]+år)?(?![0-9]|[ \t]*[-–])"
    r"|(?<!\w)[Åå]ldrarna[ \t]+(?P<pair>[0-9]{1,2}[ \t]+och[ \t]+[0-9]{1,2}(?:[ \t]+år)?)(?![0-9]|[ \t]*[-–])"
)


def _find_age_fields(text: str, found: list[Candidate]) -> None:
    for m in _AGE_FIELD_RE.finditer(text):
        group = "n" if m["n"] else "pair"
        found.append((m.start(group), m.end(), "PO408", ""))


_AGE_PAIR_APPOSITION_RE = re.compile(
    r",[ \t]*(?P<n>[1-9][0-9]?)[ \t]+(?:och|resp\.?|respektive)[ \t]+(?P<n2>[1-9][0-9]?)[ \t]+år(?=[ \t]*[,.)]|$)"
)
_RELATIVES = pn.PERSON_NOUNS | pn.words("döttrar söner systrar bröder syskon tvillingar barnbarn")
# Someone's relatives, counted or owned ("två döttrar", "hennes söner"), not a group ("för barn").
_OWNED_RELATIVES_RE = re.compile(
    r"\b(?:två|tre|fyra|fem|hennes|hans|hens|sina|sin|klientens|deras|mina|min|båda)[ \t]+[^\W\d_]+[ \t]*$",
    re.IGNORECASE,
)


def _ages_at(text: str, anchor: int, p: _AgePatterns, found: list[Candidate]) -> None:
    add = found.append
    lo, hi = max(0, anchor - 48), min(len(text), anchor + 64)
    m = p.compound.match(text, anchor, hi)
    if m and m["suf"]:
        n = age_value(m["n"])
        suffix = m["suf"].lower()
        after = (m["after"] or "").strip().lower()
        # "-årige" is only used of a person; "-årigt" almost only of things.
        if after not in pn.DURATION_NOUNS and (
            after in pn.PERSON_NOUNS or suffix == "ige" or (n >= 16 and suffix != "igt")
        ):
            add((m.start(), m.end("suf"), "PO408", ""))
    elif m and m["bday"]:
        # "sin 50-årsdag", "på hans 40-årsdag"; not "reformens 30-årsdag"
        if POSSESSIVE_BEFORE_RE.search(window(text, m.start(), 20)):
            add((m.start(), m.end(), "PO408", ""))
    elif m and (m["aring"] or not GROUP_BEFORE_RE.search(window(text, m.start(), 40))):
        # "52-åring"; "i 40-årsåldern" unless a group ("personer i 40-årsåldern")
        add((m.start(), m.end(), "PO408", ""))
    m = p.phrase.match(text, anchor, hi)
    if m:
        before = window(text, m.start())
        if m["at"]:
            # "vid 65 års ålder upphör rätten" is a rule; an age needs a person.
            skip = THRESHOLD_BEFORE_RE.search(before) is not None
        else:
            skip = (
                m["g"].lower() == "gammalt" and not CHILD_BEFORE_RE.search(before)
            ) or OVER_UNDER_BEFORE_RE.search(before) is not None
        # "Lagen är 30 år gammal" is no person's age: a person must be in the sentence.
        if not skip and person_in_sentence(text, m.start(), m.end()):
            add((m.start(), m.end(), "PO408", ""))
    for m in _AGE_PAIR_APPOSITION_RE.finditer(text, lo, hi):
        # "två döttrar, 5 och 9 år,": the ages of the relatives just named
        if (m.start("n2") == anchor and word_before(text, m.start()) in _RELATIVES
                and _OWNED_RELATIVES_RE.search(text, max(0, m.start() - 40), m.start())):
            add((m.start("n"), m.end(), "PO408", ""))
    for m in p.apposition.finditer(text, lo, hi):
        before = word_before(text, m.start())
        if m.start("n") == anchor and before not in pn.DURATION_NOUNS and (not m["adv"] or person_noun(before)):
            add((m.start("n"), m.end(), "PO408", ""))  # "klienten, 23 år,"; "mannen, nu 68 år,"
    for m in p.copula.finditer(text, lo, hi):
        if m.start("n") != anchor:
            continue
        before = window(text, m.start())
        if GENERIC_BEFORE_RE.search(before):
            continue
        if m["v"].lower() in ("är", "blir", "bli") and RULE_CLAUSE_BEFORE_RE.search(before):
            continue  # "stödet upphör när barnet är 20 år"
        if THING_SUBJECT_RE.search(before) or STATISTIC_BEFORE_RE.search(before):
            continue  # "Lagen är 30 år gammal", "Medelåldern var 42 år": no person's age
        if age_value(m["n"]) < 16 and not PERSON_BEFORE_VERB_RE.search(before):
            continue
        add((m.start("n"), m.end(), "PO408", ""))
    for m in p.on.finditer(text, lo, hi):
        # "en kvinna på 63 år", not "på 20 år har inget hänt"
        if m.start("n") == anchor and person_noun(word_before(text, m.start())):
            add((m.start("n"), m.end(), "PO408", ""))


_SINGLE_PERSON_RE = re.compile(r"\b(?:han|hon|hen)\b", re.IGNORECASE)


def _one_person_turned(text: str, start: int, end: int) -> bool:
    """"Nyss fyllda 18 fick han flytta": the participle opens the sentence and a person
    follows; after a noun ("kvinnor fyllda 50") it describes a group."""
    if word_before(text, start) not in ("", "nyss", "just", "precis", "redan", "knappt", "bara"):
        return False
    stop = SENTENCE_END_RE.search(text, end, min(len(text), end + 80))
    return _SINGLE_PERSON_RE.search(text, end, stop.start() if stop else min(len(text), end + 80)) is not None


def _find_turning(text: str, p: _AgePatterns, found: list[Candidate]) -> None:
    # "fyllde 30", "fyller 50 i höst"; not "fyller 3 sidor" nor "den som fyllt 65".
    for m in p.turn.finditer(text):
        after = (m["after"] or "").strip().lower()
        if after == "%" or after in pn.TURN_UNITS:
            continue
        before = window(text, m.start(), 40)
        if GENERIC_BEFORE_RE.search(before):
            continue
        if m["v"].lower() != "fyllde" and RULE_CLAUSE_BEFORE_RE.search(before):
            continue  # "när ungdomen fyllt 18 år upphör stödet"
        if THING_SUBJECT_RE.search(before):
            continue  # "verksamheten fyllde 20 år": an anniversary
        if m["v"].lower() == "fyllda" and not _one_person_turned(text, m.start(), m.end()):
            continue  # "personer fyllda 65 år" is a group
        found.append((m.start(), m.end("ar") if m["ar"] else m.end("n"), "PO408", ""))


# "Han är 23 och ...", "Hon är 19, har ...", "Klienten var 31 när ...", "är fyrtiotvå": an age
# without "år" needs a person right before the verb and, after the number, the end of the
# clause, so that "kön är 23 veckor" and "hon var 3 i kön" stay what they are.
_BARE_COPULA_RE = re.compile(
    r"(?<!\w)(?P<v>[äÄ]r|[vV]ar|[bB]le[vr]|[bB]lir|[bB]li|[bB]livit)[ \t]+"
    r"(?:(?:bara|nästan|knappt|drygt|snart|redan|nyss|endast|just|precis|då|nu|ungefär|runt|cirka|ca"
    r"|över|under)[ \t]+)?"  # "klienten är över 70": an age given roughly is still one
    rf"(?P<n>[1-9][0-9]?|{NUMBER_WORD}|{SMALL_NUMBER_WORD})"
    # After the number the clause ends, or goes on the way it does after an age: "är 23 och",
    # "var 17 har hon …", "blev 18 i mars" (never "var 3 i kön", "är 23 veckor").
    r"(?=[ \t]*(?:,(?![0-9])|[;!?)]|:(?!\w)|\.(?![0-9])|$)"
    r"|[ \t]+(?:och|när|men|då|nu|i\s+dag|idag|gammal|gamla|har|hade|fick|flyttade|kom|bor|bodde|"
    rf"i\s+(?:{MONTH_ALT}|höstas|våras|somras|vintras|fjol|år))\b)",
    re.MULTILINE,
)
# The subject before the verb: "Klienten är", "Hon, som är", "Sonen, som nu är".
_SUBJECT_BEFORE_RE = re.compile(
    r"(?<!\w)([^\W\d_]+),?[ \t]+(?:som[ \t]+)?(?:(?:nu|redan|bara|snart|då|fortfarande)[ \t]+)?$"
)


# Subjects that a small number in words after "är"/"var" is the age of: one child or young
# relative ("sonen är sju", "dottern, som är fem,", "klientens yngsta, som är åtta"). Plurals
# are left out: "barnen var fem" counts the children.
_YOUNG_SUBJECTS = pn.words(
    "son sonen dotter dottern barn barnet barnbarnet pojke pojken flicka flickan bror brodern "
    "syster systern lillebror lillasyster storebror storasyster tvillingen yngsta äldsta minsta "
    "han hon hen"
)


_COPULAS = ("är ", "var ", "blev ", "blir ", "bli ", "blivit ", "Är ", "Var ", "Blev ", "Blir ", "är\t", "var\t")


def _copula_matches(text: str) -> list[re.Match[str]]:
    # str.find for the few verbs, then the pattern only there: a search with the pattern
    # over the whole text costs more than the rest of the age rules together.
    out = []
    for verb in _COPULAS:
        pos = text.find(verb)
        while pos >= 0:
            m = _BARE_COPULA_RE.match(text, pos)
            if m:
                out.append(m)
            pos = text.find(verb, pos + 1)
    return sorted(out, key=lambda m: m.start())


def _find_bare_copula(text: str, found: list[Candidate]) -> None:
    for m in _copula_matches(text):
        before = _SUBJECT_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
        if before is None:
            continue
        subject = before.group(1)
        value = age_value(m["n"])
        lower = subject.lower()
        if not 1 <= value <= 110:
            continue
        if not m["n"].isdigit() and value < 13 and (lower not in _YOUNG_SUBJECTS or m["n"].lower() == "ett"):
            continue  # "fem" after "vi är", "gränsen är": a count; after "sonen är", an age
        if m["v"].lower() in ("bli", "blivit") and lower not in pn.PERSON_NOUNS:
            # "Han har hunnit bli 70": the subject stands a few words before the infinitive.
            near = PERSON_WORD_RE.search(text, max(0, m.start() - 30), m.start())
            lower = near.group().lower() if near else lower
        # "den yngsta var 23 och den äldsta 81" is a statistic; "yngsta, som är åtta" a child.
        person = lower in pn.PERSON_NOUNS or lower in ("jag", "du") or (
            not m["n"].isdigit() and lower in _YOUNG_SUBJECTS
        )
        if not person and not (subject[0].isupper() and lower in pn.given_names()):
            continue
        if GENERIC_BEFORE_RE.search(window(text, m.start("v"), 40)):
            continue
        found.append((m.start("n"), m.end("n"), "PO408", ""))


# "En trebarnsmamma på 34 fick avslag", "en kvinna på 28,", "Han närmar sig 60 och …":
# an age without "år" after a person, then the end of the clause.
_BARE_ON_RE = re.compile(
    r"(?<!\w)(?:(?P<on>på)|(?P<near>närmar|närmade|närmat)[ \t]+sig)[ \t]+(?P<n>[1-9][0-9]?)"
    r"(?=[ \t]*(?:,(?![0-9])|[;!?)]|:(?!\w)|\.(?![0-9])|$)"
    r"|[ \t]+(?:och|som|men|har|hade|fick|bor|bodde|kom|var|är|med|utan|i[ \t]+dag)\b)",
    re.MULTILINE | re.IGNORECASE,
)


# Young children in general ("ett barn på 3") unless someone's ("hennes barn på 3").
_GENERIC_CHILDREN = pn.words("barn barnen")
_OWNERS = pn.words("sitt sina hennes hans hens deras mitt ditt klientens")
_OR_OLDER_RE = re.compile(r"[ \t]+(?:och|eller)[ \t]+(?:uppåt|äldre|yngre|över|under)\b", re.IGNORECASE)


def _find_bare_on(text: str, found: list[Candidate]) -> None:
    for m in _BARE_ON_RE.finditer(text):
        value = int(m["n"])
        before = word_before(text, m.start())
        if m["on"]:
            # "en kvinna på 28": the person right before; a child may be younger.
            if not person_noun(before) or before in ("han", "hon", "hen") or value < 2:
                continue
            if value < 13 and before in _GENERIC_CHILDREN and word_before(
                text, m.start() - len(before) - 1
            ) not in _OWNERS:
                continue  # "barn på 3 och 5" is about children in general; "en son på 7" is one
            if _OR_OLDER_RE.match(text, m.end("n")):
                continue  # "barn på 7 och uppåt"
        elif value < 13 or not (person_noun(before) or before in ("jag", "du")):
            continue  # "närmar sig 60" of a person, not "antalet närmar sig 60"
        if GENERIC_BEFORE_RE.search(window(text, m.start(), 40)):
            continue
        found.append((m.start("n"), m.end("n"), "PO408", ""))


# "Vid 44 fick hon sin första lägenhet", "Med sina 25 år är hon yngst": the age at which one
# person did something. Not "vid 65 går man i pension" (anyone) nor "under sina 25 år i
# yrket" (a duration).
_AT_AGE_RE = re.compile(
    r"(?<!\w)(?:(?P<at>[Vv]id)[ \t]+(?P<n>[1-9][0-9]?)(?=[ \t]+[^\W\d_]+[ \t]+(?:han|hon|hen)\b)"
    r"|(?:[Mm]ed|[Vv]id)[ \t]+sina[ \t]+(?P<own>[1-9][0-9]?[ \t]+år)(?![ \t]+(?:i|som|på|inom|hos|vid)\b))"
)


def _find_at_age(text: str, found: list[Candidate]) -> None:
    for m in _AT_AGE_RE.finditer(text):
        if m["at"]:
            verb = text[m.end("n") :].split(None, 1)[0].lower()
            if verb not in pn.FINITE_VERBS and verb not in pn.PERSON_VERBS:
                continue
            found.append((m.start("n"), m.end("n"), "PO408", ""))
        else:
            found.append((m.start("own"), m.end("own"), "PO408", ""))
