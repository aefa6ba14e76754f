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


class StartRules(Protocol):
    """What the rule needs of names.NameRules."""

    text: str

    def next_token(self, tok: Token) -> Token | None: ...
    def sentence_start(self, tok: Token) -> bool: ...
    def masked(self, tok: Token) -> bool: ...
    def org_context(self, first: Token, last: Token) -> bool: ...


def _pronoun_later(text: str, pos: int) -> bool:
    end = _SENTENCE_END_RE.search(text, pos, pos + 160)
    stop = end.start() if end else min(len(text), pos + 160)
    return any(w.lower() in pn.PERSON_PRONOUNS for w in _WORD_RE.findall(text, pos, stop))


def unlisted_at_start(rules: StartRules, tok: Token) -> bool:
    """"Dragan berättade", "Nomvula ringde", "Ayten har inte fått besked om sin ansökan",
    "Nomvulas handläggare": an unlisted word at a sentence start that is no Swedish word
    in any form (swedish.py), before a verb only people do, before a finite verb with a
    pronoun for a person later in the sentence, or in the genitive before a person's
    relative, helper or home. "Sedan ringde hon" has its subject after the verb."""
    nxt = rules.next_token(tok)
    if nxt is None or nxt.cap:
        return False  # the usual case: no lower-case word right after
    after = nxt.lower
    lower = tok.lower
    genitive = lower[-1] == "s" and (
        after in pn.OWNED_BY_PERSON or after in pn.PERSON_NOUNS or after in pn.ROLE_WORDS
    )
    person_verb = after in pn.PERSON_VERBS and after not in _ORGANISATION_VERBS
    finite = after in pn.FINITE_VERBS or after in _ORGANISATION_VERBS
    if not (genitive or person_verb or finite):
        return False
    if len(lower) < 3 or not lower.isalpha() or tok.text.isupper() or not rules.sentence_start(tok):
        return False
    if lower in pn.ROLE_WORDS or lower in pn.ORG_HEADS or lower in pn.ORG_TAILS or lower in pn.GREETINGS:
        return False
    if lower in pn.MONTHS or lower in pn.WEEKDAYS or lower in pn.SENTENCE_WORDS:
        return False
    places = places_and_municipalities()
    if lower in places or (lower[-1] == "s" and lower[:-1] in places):
        return False
    if is_swedish_word(lower) or (genitive and is_swedish_word(lower[:-1])):
        return False
    if rules.masked(tok):
        return False
    then = rules.next_token(nxt)
    if then is not None and then.lower in pn.SUBJECT_PRONOUNS:
        return False  # "Idag ringde hon": an adverb, the subject comes after the verb
    if genitive or not person_verb:
        # Weaker evidence: no place or brand of the dictionary ("Skanska har"), and for a
        # finite verb a pronoun for the person later in the same sentence.
        if is_proper_noun(lower) or (genitive and is_proper_noun(lower[:-1])):
            return False
        if not genitive and not _pronoun_later(rules.text, nxt.end):
            return False
    return not rules.org_context(tok, tok)
