"""What tells a person's age from a rule's age limit or a figure about a group: the words
around a number (shared by ages.py and ages_bare.py)."""

from __future__ import annotations

import re

from po_build.check.privacy import wordlists as pn

# Ages written with digits are common; written out ("trettiofem år") they are
# rare, so the slower patterns with number words run only when one is present.
NUMBER_WORD = (
    "(?:tretton|fjorton|femton|sexton|sjutton|a(?:de)?rton|nitton|(?:tjugo|trettio|fyrtio|femtio|sextio|sjuttio|åttio"
    "|nittio)(?:en|ett|två|tre|fyra|fem|sex|sju|åtta|nio)?)"
)



MONTH_ALT = "januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december"


# One to twelve in words, only in compounds: "sexåriga dottern", "femåringen".
SMALL_NUMBER_WORD = "(?:ett|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv)"


NUMBER_WORD_RE = re.compile(f"{NUMBER_WORD}|{SMALL_NUMBER_WORD}", re.IGNORECASE)


PERSON_ALT = "|".join(sorted(pn.PERSON_NOUNS, key=len, reverse=True))


GENERIC_BEFORE_RE = re.compile(
    r"(?:\b(?:den|de|du|ni|alla|personer|barn|unga|ungdomar|vuxna|sökande|kvinnor|män|elever"
    r"|studenter|klienter|föräldrar|patienter)\s+som"
    r"|(?<!\ben\s)\bman|\bpersoner|\bden\s+enskild[ae]|\bden\s+sökande|\bsökanden"
    r"|\bden\s+försäkrade|\bden\s+unga?e?\b(?!\s+(?:kvinnan|mannen|flickan|pojken|killen|tjejen|personen"
    r"|klienten|dottern|sonen|mamman|pappan))|\bungdomen|\bindividen)\b[^.!?]*$",
    re.IGNORECASE,
)


# "när ungdomen fyllt 18 år", "när barnet är 20 år": a subordinate clause with a definite
# noun for anyone in the group, in the present or without "har", states when a rule applies.
RULE_CLAUSE_BEFORE_RE = re.compile(
    r"\b(?:när|då|tills|innan|förrän|om|efter\s+att|till\s+dess(?:\s+att)?|från\s+det\s+att)\s+"
    r"(?:(?:ungdomen|barnet|eleven|personen|patienten|sökanden|individen|det|den|den\s+unge?|den\s+sökande"
    r"|den\s+försäkrade|den\s+enskild[ae]|man|de|barnen|ungdomarna|patienterna|(?:en|ett)\s+[^\W\d_]+)\s+)?"
    r"(?:har\s+)?$",
    re.IGNORECASE,
)


# Birth years of a group, in rules: "född 1957 eller senare", "född 1938 och tidigare".
# A definite noun for a thing right before the verb: "Lagen är 30 år", "Beslutet var 2 år".
THING_SUBJECT_RE = re.compile(
    r"(?<!\w)(?!(?:" + "|".join(sorted(pn.PERSON_NOUNS | pn.ROLE_WORDS, key=len, reverse=True)) + r")\b)"
    r"[^\W\d_]{2,}(?:en|et|an|na|rna)\s+(?:som\s+)?$",
    re.IGNORECASE,
)


BORN_RANGE_AFTER_RE = re.compile(
    r"\s*(?:,\s*)?(?:eller|och|[-–]|till)\s*(?:senare|tidigare|efter|före|yngre|äldre|(?:19|20)[0-9]{2})\b",
    re.IGNORECASE,
)


GROUP_BEFORE_RE = re.compile(
    r"\b(?:personer|kvinnor|män|klienter|unga|vuxna|människor|ungdomar|patienter|många)"
    r"\s+(?:(?:i|som\s+är\s+i)\s+)?(?:(?:övre|nedre|tidiga|sena)\s+)?$",
    re.IGNORECASE,
)


PERSON_BEFORE_VERB_RE = re.compile(rf"\b(?:{PERSON_ALT})\s+(?:som\s+)?$", re.IGNORECASE)


PERSON_WORD_RE = re.compile(rf"\b(?:{PERSON_ALT})\b", re.IGNORECASE)


WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)[\s,]*$")


OVER_UNDER_BEFORE_RE = re.compile(r"\b(?:över|under|än|till)\s+$", re.IGNORECASE)


THRESHOLD_BEFORE_RE = re.compile(r"\b(?:från|efter|före|innan|över|under|till)\s+$", re.IGNORECASE)


CHILD_BEFORE_RE = re.compile(r"\bbarnet\b[^.!?]*$", re.IGNORECASE)


# "Medelåldern var 42 år", "snittåldern bland nya klienter är 38 år": a figure about a group
# (but "klientens ålder var 34 år" is a person's).
# "Medelåldern var 42 år"; "den yngsta klienten var 19 år och den äldsta 81": the ends of the
# group's range in a yearly report, not one person's age (a relative, "den yngsta dottern",
# stays an age).
STATISTIC_BEFORE_RE = re.compile(
    r"(?:(?:medel|snitt|genomsnitts|median)ålder\w*\b[^.!?]{0,40}"
    r"|\b(?:den|det)\s+(?:yngsta|äldsta|yngste|äldste)"
    r"(?:\s+(?:klienten|deltagaren|medlemmen|brukaren|personen|sökanden))?\s*)$",
    re.IGNORECASE,
)


POSSESSIVE_BEFORE_RE = re.compile(r"\b(?:sin|sitt|hennes|hans|hens|min|din|klientens|deras)\s+$", re.IGNORECASE)


SENTENCE_END_RE = re.compile(r"[.!?]")


# Compounds with a person as their head: "trebarnsmamma", "tonårsflickan", "ålderspensionär".
PERSON_HEADS = (
    "mamma", "mamman", "pappa", "pappan", "kvinna", "kvinnan", "förälder", "föräldern", "pojke",
    "pojken", "flicka", "flickan", "tjej", "tjejen", "kille", "killen", "pensionär", "pensionären",
    "student", "studenten", "dotter", "dottern",
)


def person_noun(word: str) -> bool:
    return word in pn.PERSON_NOUNS or (len(word) >= 7 and word.endswith(PERSON_HEADS))


def age_value(raw: str) -> int:
    lower = raw.lower()
    if lower.isdigit():
        return int(lower)
    return pn.NUMBER_WORDS.get(lower, 0) or pn.SMALL_NUMBER_WORDS.get(lower, 0)


def window(text: str, start: int, size: int = 80) -> str:
    return text[max(0, start - size) : start]


def word_before(text: str, start: int) -> str:
    m = WORD_BEFORE_RE.search(text, max(0, start - 40), start)
    return m.group(1).lower() if m else ""


# "man" is a husband after a word that makes it a noun ("hennes man", "en äldre man"); otherwise
# it is the pronoun "one" of rules ("vid 67 års ålder går man i pension") and no person.
_MAN_AS_NOUN_AFTER = frozenset((
    "en", "hennes", "hans", "sin", "min", "din", "vår", "er", "deras", "ung", "unge", "äldre", "yngre",
    "gammal", "annan", "gift", "ensam", "ny", "förre",
))
_SENTENCE_START_RE = re.compile(r"[.!?][^.!?]*$")


def _a_person(text: str, start: int, stop: int, pattern: re.Pattern[str] = PERSON_WORD_RE) -> bool:
    for m in pattern.finditer(text, start, stop):
        if m.group().lower() != "man" or word_before(text, m.start()).lower() in _MAN_AS_NOUN_AFTER:
            return True
    return False


_PERSON_OR_OWN_RE = re.compile(rf"\b(?:{PERSON_ALT}|hennes|hans|honom|henne|sin|sitt)\b", re.IGNORECASE)


def person_later_in_sentence(text: str, pos: int) -> bool:
    end = SENTENCE_END_RE.search(text, pos, min(len(text), pos + 120))
    stop = end.start() if end else min(len(text), pos + 120)
    return _a_person(text, pos, stop)


def person_in_sentence(text: str, start: int, end: int) -> bool:
    lo = max(0, start - 80)
    before = _SENTENCE_START_RE.search(text, lo, start)
    return _a_person(text, before.start() if before else lo, start, _PERSON_OR_OWN_RE) or (
        person_later_in_sentence(text, end)
    )
