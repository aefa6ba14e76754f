"""Unlisted names at the start of a sentence: "Dragan berättade", "Nomvula ringde".

At a sentence start every word has a capital, so a word in no name list is taken for a name
only when it is no Swedish word in any form (swedish.py) and the words after it show a
person. Kept apart from names.py, which holds the rules for listed names and for the rest
of the sentence.
"""

from __future__ import annotations

import functools
import re
from typing import Protocol

from po_build.check.privacy import wordlists as pn
from po_build.check.privacy.indirect import small_places
from po_build.check.privacy.swedish import is_proper_noun, is_swedish_word
from po_build.check.privacy.tokens import Token
from po_build.check.privacy.variants import is_variant

# Verbs after an unlisted word at a sentence start that organisations do too ("Previa
# erbjöd", "Attendo svarade"): evidence of a person only with a pronoun for one later on.
_ORGANISATION_VERBS = pn.words(
    "erbjöd bokade kontaktade hänvisade lovade lovar svarade svarar uppgav skrev förklarade förklarar "
    "hävdade menade menar träffade"
)
# Where the sentence ends, for a pronoun that refers back to the word at its start.
_SENTENCE_END_RE = re.compile(r"[.!?\n]")
_WORD_RE = re.compile(r"[^\W\d_]+")


@functools.cache
def places_and_municipalities() -> frozenset[str]:
    # An unlisted capitalised word after "besökte" or "ringde" may be a place, not a person.
    places = small_places()
    return (frozenset(places) | frozenset(p.municipality.lower() for ps in places.values() for p in ps)
            | pn.other_places())


_AGE_VERBS = pn.words("är var blev fyller fyllde")
# Verbs of a person's own life ("Nomvula flyttade i maj", "Sefedin somnade", "Mirsada bor"):
# organisations have and get things too, but do not sleep, cry or live anywhere, so these
# need no pronoun later in the sentence (the dictionary and the brand check still apply).
_LIFE_VERBS = pn.words(
    "flyttade flyttar flyttat bor bodde somnade sover sov vaknade grät gråter dog avled "
    "insjuknade rymde flydde gifte skilde föddes slutade"
)
# "Till Nomvula skickades beslutet": after a preposition at a sentence start, the finite
# verb comes before the subject, so the word between is the one the action went to.
_INVERTING_PREPOSITIONS = pn.words("till åt för")
# Every word after an unlisted word that any rule for it takes as evidence of a person
# (quiet() below skips the rules when the word after is none of these).
EVIDENCE_AFTER: frozenset[str] = (
    pn.PERSON_VERBS | pn.FINITE_VERBS | _ORGANISATION_VERBS | _AGE_VERBS | _LIFE_VERBS
    | pn.OWNED_BY_PERSON | pn.PERSON_NOUNS | pn.ROLE_WORDS | pn.words("och inte att")
)


class StartRules(Protocol):
    """What the rule needs of names.NameRules."""

    text: str

    def next_token(self, tok: Token) -> Token | None: ...
    def prev_at(self, pos: int) -> tuple[Token, bool] | None: ...
    def prev_word(self, tok: Token, allow_comma: bool = False) -> str: ...
    def sentence_start(self, tok: Token) -> bool: ...
    def masked(self, tok: Token) -> bool: ...
    def org_context(self, first: Token, last: Token) -> bool: ...


_AGE_AFTER_RE = re.compile(r",[ \t]*(?:[1-9][0-9]?)(?:[ \t]+år)?[ \t]*[,)]")
_OWNERS = pn.words("hennes hans hens")


# What a client gets, lacks or has, a few words after a finite verb: "Ndeye fick avslag",
# "saknade pengar till hyran", "har tre barn". Organisations get criticism and assignments.
_CLIENT_WORDS = pn.words(
    """
    avslag avslaget besked beskedet svar svaret diagnos diagnosen remiss remissen
    sjukersättning aktivitetsersättning bostadstillägg försörjningsstöd bistånd boendestöd
    hemtjänst lägenhet lägenheten hyran hyra hyresskuld skulder barn barnen pengar vräkning
    uppsägning sjukskrivning sjukpenning läkartid intyg intyget god förvaltare
    """
)
_AGE_NEXT_RE = re.compile(r"[ \t]+(?:bara[ \t]+|nästan[ \t]+)?[1-9][0-9]?(?:[ \t]+år)?(?![0-9])")


def _client_words_after(text: str, pos: int) -> bool:
    return any(w.lower() in _CLIENT_WORDS for w in _WORD_RE.findall(text, pos, pos + 40)[:4])


def _pronoun_later(text: str, pos: int) -> bool:
    end = _SENTENCE_END_RE.search(text, pos, pos + 160)
    stop = end.start() if end else min(len(text), pos + 160)
    return any(w.lower() in pn.PERSON_PRONOUNS for w in _WORD_RE.findall(text, pos, stop))


def unlisted_at_start(rules: StartRules, tok: Token) -> bool:
    """An unlisted capitalised word that is no Swedish word in any form (swedish.py), with
    evidence of a person around it, at a sentence start or anywhere else:

    * a verb only people do after it: "Dragan berättade", "att Nomvula ringde";
    * a finite verb after it and a pronoun for a person later in the sentence: "Ayten har
      inte fått besked om sin ansökan";
    * in the genitive, before a person's relative, helper or home: "Nomvulas handläggare";
    * a relative or a role beside it: "Ndeye och hennes bror", "Ndeye och ombudet";
    * "svårt för Ndeye att förstå"; an age after it: "Ndeye, 34, fick avslag".

    "Sedan ringde hon" has its subject after the verb, so the first word is no subject."""
    text = rules.text
    nxt = rules.next_token(tok)
    lower = tok.lower
    strong = weak = genitive = slot = life = False
    if nxt is None or nxt.cap:
        # "Ndeye, 34, fick": only an age in apposition, the rest needs a word right after.
        strong = text[tok.end : tok.end + 1] == "," and _AGE_AFTER_RE.match(text, tok.end) is not None
        if not strong:
            return False  # the usual case: no lower-case word right after
    else:
        after = nxt.lower
        genitive = lower[-1] == "s" and (
            after in pn.OWNED_BY_PERSON or after in pn.PERSON_NOUNS or after in pn.ROLE_WORDS
        )
        strong = (after in pn.PERSON_VERBS and after not in _ORGANISATION_VERBS) or (
            after in _AGE_VERBS and _AGE_NEXT_RE.match(text, nxt.end) is not None  # "Ndeye är 34 år"
        )
        life = after in _LIFE_VERBS
        weak = after in pn.FINITE_VERBS or after in _ORGANISATION_VERBS or after == "inte" or life
        if not (genitive or strong or weak) and _passive_after_preposition(rules, tok, after):
            slot = True
        if after == "och" and not (strong or weak or genitive):
            then = rules.next_token(nxt)
            strong = then is not None and not then.cap and (
                then.lower in pn.ROLE_WORDS
                or (then.lower in _OWNERS and (owned := rules.next_token(then)) is not None
                    and owned.lower in pn.PERSON_NOUNS)
            )
        elif after == "att" and rules.prev_word(tok) == "för":
            slot = True  # "svårt för Ndeye att förstå", but "svårt för Previa att" too
        if not (genitive or strong or weak or slot):
            return False
    if len(lower) < 3 or not lower.isalpha() or tok.text.isupper():
        return False
    if lower in pn.ROLE_WORDS or lower in pn.ORG_HEADS or lower in pn.ORG_TAILS or lower in pn.GREETINGS:
        return False
    if lower in pn.MONTHS or lower in pn.WEEKDAYS or lower in pn.SENTENCE_WORDS:
        return False
    places = places_and_municipalities()
    if lower in places or (lower[-1] == "s" and lower[:-1] in places):
        return False
    if weak and not strong and not life and nxt is not None and not (
        _pronoun_later(text, nxt.end) or _client_words_after(text, nxt.end)
    ):
        return False  # before the dictionary, which costs more
    if is_swedish_word(lower) or (genitive and is_swedish_word(lower[:-1])):
        return False
    if rules.masked(tok):
        return False
    if nxt is not None and not nxt.cap:
        then = rules.next_token(nxt)
        if then is not None and then.lower in pn.SUBJECT_PRONOUNS and rules.sentence_start(tok):
            return False  # "Idag ringde hon": an adverb, the subject comes after the verb
    # Weaker evidence: no place or brand of the dictionary ("Skanska har").
    if not strong and (is_proper_noun(lower) or (genitive and is_proper_noun(lower[:-1]))):
        return False
    return not rules.org_context(tok, tok)


def _passive_after_preposition(rules: StartRules, tok: Token, after: str) -> bool:
    """"Till Nomvula skickades", "För Tsegereda ordnades": a preposition that starts the
    sentence, the word, then a passive or deponent verb (a Swedish word in -s)."""
    if len(after) < 5 or after[-1] != "s" or rules.prev_word(tok) not in _INVERTING_PREPOSITIONS:
        return False
    neighbour = rules.prev_at(tok.start)
    return neighbour is not None and rules.sentence_start(neighbour[0]) and is_swedish_word(after)


_HEADER_LABEL_RE = re.compile(r"[ \t>]*(?:från|till|kopia|cc|avsändare|mottagare)[ \t]*:[ \t]*", re.I)


def after_header(text: str, start: int) -> bool:
    """Right after the "Från:" or "Till:" field of an e-mail pasted into a report: the label
    is the whole line before the word (one anchored match, since every "fält: Värde" line of
    the front matter comes here)."""
    line_start = text.rfind("\n", 0, start) + 1
    return start - line_start <= 24 and _HEADER_LABEL_RE.fullmatch(text, line_start, start) is not None


_TITLE_WITH_STOP_RE = re.compile(r"(?<![\w.])(?:[dD]r|[hH]r|[pP]rof|[dD]oc)\.[ \t]+$")


def after_title(text: str, start: int) -> bool:
    """Right after a title written with a full stop: "Dr. Holm", "Hr. Dlamini"."""
    return _TITLE_WITH_STOP_RE.search(text, max(0, start - 6), start) is not None


def quiet(rules: StartRules, start: int, end: int, lower: str) -> bool:
    """True when none of the rules for an unlisted word text[start:end] (lower case: lower)
    can hold: no word right before it, no comma after it, no word after it that any rule
    takes as evidence, and no spelling variant of a name. Most capitalised words (headings,
    sentence starts) are settled here with a few look-ups, without a token object."""
    text = rules.text
    # "Från: Nomvula", "Dr. Dlamini": names.NameRules decides. Two character tests first, since
    # this runs for nearly every capitalised word.
    if start >= 2:
        c2 = text[start - 2]
        if ((c2 == ":" or text[start - 1] == ":") and after_header(text, start)) or (
            c2 == "." and after_title(text, start)
        ):
            return False
    # "## Beskrivning", "- Inför": a gap, but no letter before it, so no word before.
    if start and text[start - 1] in _GAP_CHARS and (
        start < 2 or text[start - 2].isalpha() or text[start - 2] in _GAP_CHARS
    ):
        neighbour = rules.prev_at(start)
        if neighbour is not None and neighbour[1]:
            return False
    # What follows decides the rest, and the same words come back in report after report
    # (headings, fields, template sentences): kept by the word and the 40 characters after
    # it, which hold the comma test and any word of EVIDENCE_AFTER whole.
    key = (lower, text[end : end + 40])
    known = _QUIET_AFTER.get(key)
    if known is None:
        if len(_QUIET_AFTER) > 50_000:
            _QUIET_AFTER.clear()
        known = _quiet_after(text, end, lower)
        _QUIET_AFTER[key] = known
    return known


_QUIET_AFTER: dict[tuple[str, str], bool] = {}


def _quiet_after(text: str, end: int, lower: str) -> bool:
    if "," in text[end : end + 3]:
        return False
    after = _NEXT_PLAIN_RE.match(text, end, end + 40)
    if after is not None and after.group(1) in EVIDENCE_AFTER:
        return False  # only lower-case words are in the set, as the rules want them
    return not is_variant(lower)


_GAP_CHARS = frozenset(" \t\u00a0,")
# The word after a token with only spaces between, as tokens.NEXT_WORD_RE reads it.
_NEXT_PLAIN_RE = re.compile(r"[ \t\u00a0]{1,3}([^\W\d_]+(?:[-'’][^\W\d_]+)*(?::[^\W\d_]+)?)")
