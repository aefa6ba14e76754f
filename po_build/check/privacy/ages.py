"""A person's age, told apart from the age limits of rules."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from po_build.check.privacy import wordlists as pn
from po_build.check.privacy.findings import SP, Candidate

# Ages written with digits are common; written out ("trettiofem år") they are
# rare, so the slower patterns with number words run only when one is present.
_NUMBER_WORD = (
    "(?:tretton|fjorton|femton|sexton|sjutton|a(?:de)?rton|nitton|(?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio"
    "|nittio)(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio)?)"
)


_NUMBER_WORD_STEMS = (
    "tretton", "fjorton", "femton", "sexton", "sjutton", "arton", "nitton", "tjugo", "trettio",
    "fyrtio", "femtio", "sextio",
    "sjuttio", "åttio", "nittio",
)


_MONTH_ALT = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"


# One to twelve in words, only in compounds: "sexåriga dottern", "femåringen".
_SMALL_NUMBER_WORD = "(?:ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv)"


_NUMBER_WORD_RE = re.compile(f"{_NUMBER_WORD}|{_SMALL_NUMBER_WORD}", re.IGNORECASE)


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
    return _age_patterns(f"[0-9]{{1,3}}|{_NUMBER_WORD}|{_SMALL_NUMBER_WORD}")


_AGE_BARE_APPOSITION_RE = re.compile(
    rf",[ \u00a0]?(?P<n>[1-9][0-9]|{_NUMBER_WORD})[ \u00a0]?,(?![ \u00a0]?[0-9])", re.IGNORECASE
)


_AGE_BORN_RE = re.compile(
    r"(?<!\w)född\s+(?:år\s+|den\s+)?"
    r"(?:(?:18|19|20)[0-9]{2}(?:-[0-9]{2}-[0-9]{2})?|[-–'’][0-9]{2}"
    rf"|[0-9]{{1,2}}\s+(?:{_MONTH_ALT})(?:\s+(?:19|20)[0-9]{{2}})?"
    rf"|i\s+(?:{_MONTH_ALT})\s+(?:19|20)[0-9]{{2}}"
    r"|på\s+(?:[0-9]{2}|[^\W\d_]+)[-–]?talet"
    r"|[0-9]{2}(?=\s+(?:i|och|men|,)\b|[,.;)])"
    r")"
    r"(?![\w-])"
    r"|(?<!\w)f\.\s?(?:19|20)[0-9]{2}(?![\w-])",
    re.IGNORECASE,
)


_GENERIC_BEFORE_RE = re.compile(
    r"(?:\b(?:den|de|du|ni|alla|personer|barn|unga|ungdomar|vuxna|sökande|kvinnor|män|elever"
    r"|studenter|klienter|föräldrar|patienter)\s+som"
    r"|(?<!\ben\s)\bman|\bpersoner|\bden\s+enskild[ae]|\bden\s+sökande|\bsökanden"
    r"|\bden\s+försäkrade|\bden\s+unga?e?\b(?!\s+(?:kvinnan|mannen|flickan|pojken|killen|tjejen|personen"
    r"|klienten|dottern|sonen|mamman|pappan))|\bungdomen|\bindividen)\b[^.!?]*$",
    re.IGNORECASE,
)


# "när ungdomen fyllt 18 år", "när barnet är 20 år": a subordinate clause with a definite
# noun for anyone in the group, in the present or without "har", states when a rule applies.
_RULE_CLAUSE_BEFORE_RE = re.compile(
    r"\b(?:när|då|tills|innan|förrän|om|efter\s+att|till\s+dess(?:\s+att)?|från\s+det\s+att)\s+"
    r"(?:(?:ungdomen|barnet|eleven|personen|patienten|sökanden|individen|det|den|den\s+unge?|den\s+sökande"
    r"|den\s+försäkrade|den\s+enskild[ae]|man|de|barnen|ungdomarna|patienterna|(?:en|ett)\s+[^\W\d_]+)\s+)?"
    r"(?:har\s+)?$",
    re.IGNORECASE,
)


# Birth years of a group, in rules: "född 1957 eller senare", "född 1938 och tidigare".
# A definite noun for a thing right before the verb: "Lagen är 30 år", "Beslutet var 2 år".
_THING_SUBJECT_RE = re.compile(
    r"(?<!\w)(?!(?:" + "|".join(sorted(pn.PERSON_NOUNS | pn.ROLE_WORDS, key=len, reverse=True)) + r")\b)"
    r"[^\W\d_]{2,}(?:en|et|an|na|rna)\s+(?:som\s+)?$",
    re.IGNORECASE,
)


_BORN_RANGE_AFTER_RE = re.compile(
    r"\s*(?:,\s*)?(?:eller|och|[-–]|till)\s*(?:senare|tidigare|efter|före|yngre|äldre|(?:19|20)[0-9]{2})\b",
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


# "Medelåldern var 42 år", "snittåldern bland nya klienter är 38 år": a figure about a group
# (but "klientens ålder var 34 år" is a person's).
_STATISTIC_BEFORE_RE = re.compile(r"(?:medel|snitt|genomsnitts|median)ålder\w*\b[^.!?]{0,40}$", re.IGNORECASE)


_POSSESSIVE_BEFORE_RE = re.compile(r"\b(?:sin|sitt|hennes|hans|hens|min|din|klientens|deras)\s+$", re.IGNORECASE)


_SENTENCE_END_RE = re.compile(r"[.!?]")


# Compounds with a person as their head: "trebarnsmamma", "tonårsflickan", "ålderspensionär".
_PERSON_HEADS = (
    "mamma", "mamman", "pappa", "pappan", "kvinna", "kvinnan", "förälder", "föräldern", "pojke",
    "pojken", "flicka", "flickan", "tjej", "tjejen", "kille", "killen", "pensionär", "pensionären",
    "student", "studenten", "dotter", "dottern",
)


def _person_noun(word: str) -> bool:
    return word in pn.PERSON_NOUNS or (len(word) >= 7 and word.endswith(_PERSON_HEADS))


def _age_value(raw: str) -> int:
    lower = raw.lower()
    if lower.isdigit():
        return int(lower)
    return pn.NUMBER_WORDS.get(lower, 0) or pn.SMALL_NUMBER_WORDS.get(lower, 0)


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


def find_ages(text: str, lowered: str, words: frozenset[str]) -> list[Candidate]:
    found: list[Candidate] = []
    add = found.append
    numbers = not words.isdisjoint(_AGE_NUMBERS)
    if numbers:
        for m in _AGE_BARE_APPOSITION_RE.finditer(text):
            if _person_noun(_word_before(text, m.start())):
                add((m.start("n"), m.end("n"), "PO408", ""))
        if "(" in text:
            _find_parenthesised(text, found)
        if not words.isdisjoint(_COPULA_WORDS):
            _find_bare_copula(text, found)
        if "på " in text or "närma" in lowered:
            _find_bare_on(text, found)
    if "född" in lowered or "f." in lowered:
        for m in _AGE_BORN_RE.finditer(text):
            if _BORN_RANGE_AFTER_RE.match(text, m.end()) or _GENERIC_BEFORE_RE.search(
                _window(text, m.start(), 40)
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
            if w < j and _NUMBER_WORD_RE.fullmatch(lowered, w, j):
                anchors.append((w, True))
        pos = lowered.find("år", pos + 2)
    return anchors


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


def _ages_at(text: str, anchor: int, p: _AgePatterns, found: list[Candidate]) -> None:
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
    elif m and m["bday"]:
        # "sin 50-årsdag", "på hans 40-årsdag"; not "reformens 30-årsdag"
        if _POSSESSIVE_BEFORE_RE.search(_window(text, m.start(), 20)):
            add((m.start(), m.end(), "PO408", ""))
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
        if m["v"].lower() in ("är", "blir", "bli") and _RULE_CLAUSE_BEFORE_RE.search(before):
            continue  # "stödet upphör när barnet är 20 år"
        if _THING_SUBJECT_RE.search(before) or _STATISTIC_BEFORE_RE.search(before):
            continue  # "Lagen är 30 år gammal", "Medelåldern var 42 år": no person's age
        if _age_value(m["n"]) < 16 and not _PERSON_BEFORE_VERB_RE.search(before):
            continue
        add((m.start("n"), m.end(), "PO408", ""))
    for m in p.on.finditer(text, lo, hi):
        # "en kvinna på 63 år", not "på 20 år har inget hänt"
        if m.start("n") == anchor and _person_noun(_word_before(text, m.start())):
            add((m.start("n"), m.end(), "PO408", ""))


def _find_turning(text: str, p: _AgePatterns, found: list[Candidate]) -> None:
    # "fyllde 30", "fyller 50 i höst"; not "fyller 3 sidor" nor "den som fyllt 65".
    for m in p.turn.finditer(text):
        after = (m["after"] or "").strip().lower()
        if after == "%" or after in pn.TURN_UNITS:
            continue
        before = _window(text, m.start(), 40)
        if _GENERIC_BEFORE_RE.search(before):
            continue
        if m["v"].lower() != "fyllde" and _RULE_CLAUSE_BEFORE_RE.search(before):
            continue  # "när ungdomen fyllt 18 år upphör stödet"
        if _THING_SUBJECT_RE.search(before):
            continue  # "verksamheten fyllde 20 år": an anniversary
        found.append((m.start(), m.end("ar") if m["ar"] else m.end("n"), "PO408", ""))


# "Han är 23 och ...", "Hon är 19, har ...", "Klienten var 31 när ...", "är fyrtiotvå": an age
# without "år" needs a person right before the verb and, after the number, the end of the
# clause, so that "kön är 23 veckor" and "hon var 3 i kön" stay what they are.
_BARE_COPULA_RE = re.compile(
    r"(?<!\w)(?P<v>[äÄ]r|[vV]ar|[bB]le[vr]|[bB]lir|[bB]li|[bB]livit)[ \t]+"
    r"(?:(?:bara|nästan|knappt|drygt|snart|redan|nyss|endast|just|precis|då|nu|ungefär|runt|cirka|ca)"
    r"[ \t]+)?"
    rf"(?P<n>[1-9][0-9]?|{_NUMBER_WORD})"
    # After the number the clause ends, or goes on the way it does after an age: "är 23 och",
    # "var 17 har hon …", "blev 18 i mars" (never "var 3 i kön", "är 23 veckor").
    r"(?=[ \t]*(?:,(?![0-9])|[;:!?)]|\.(?![0-9])|$)"
    r"|[ \t]+(?:och|när|men|då|nu|i\s+dag|idag|gammal|gamla|har|hade|fick|flyttade|kom|bor|bodde|"
    rf"i\s+(?:{_MONTH_ALT}|höstas|våras|somras|vintras|fjol|år))\b)",
    re.MULTILINE,
)
# The subject before the verb: "Klienten är", "Hon, som är", "Sonen, som nu är".
_SUBJECT_BEFORE_RE = re.compile(
    r"(?<!\w)([^\W\d_]+),?[ \t]+(?:som[ \t]+)?(?:(?:nu|redan|bara|snart|då|fortfarande)[ \t]+)?$"
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
        value = _age_value(m["n"])
        if not 1 <= value <= 110 or (not m["n"].isdigit() and value < 13):
            continue
        lower = subject.lower()
        if m["v"].lower() in ("bli", "blivit") and lower not in pn.PERSON_NOUNS:
            # "Han har hunnit bli 70": the subject stands a few words before the infinitive.
            near = _PERSON_WORD_RE.search(text, max(0, m.start() - 30), m.start())
            lower = near.group().lower() if near else lower
        person = lower in pn.PERSON_NOUNS or lower in ("jag", "du")
        if not person and not (subject[0].isupper() and lower in pn.given_names()):
            continue
        if _GENERIC_BEFORE_RE.search(_window(text, m.start("v"), 40)):
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


_DEFINITE_CHILDREN = pn.words("sonen dottern pojken flickan barnet tjejen killen")
_OR_OLDER_RE = re.compile(r"[ \t]+(?:och|eller)[ \t]+(?:uppåt|äldre|yngre|över|under)\b", re.IGNORECASE)


def _find_bare_on(text: str, found: list[Candidate]) -> None:
    for m in _BARE_ON_RE.finditer(text):
        value = int(m["n"])
        before = _word_before(text, m.start())
        if m["on"]:
            # "en kvinna på 28": the person right before; a child may be younger.
            if not _person_noun(before) or before in ("han", "hon", "hen") or value < 2:
                continue
            if value < 13 and before not in _DEFINITE_CHILDREN:
                continue  # "barn på 3 och 5" is about children in general; "sonen på 7" is one
            if _OR_OLDER_RE.match(text, m.end("n")):
                continue  # "barn på 7 och uppåt"
        elif value < 13 or not (_person_noun(before) or before in ("jag", "du")):
            continue  # "närmar sig 60" of a person, not "antalet närmar sig 60"
        if _GENERIC_BEFORE_RE.search(_window(text, m.start(), 40)):
            continue
        found.append((m.start("n"), m.end("n"), "PO408", ""))
