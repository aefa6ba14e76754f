"""Personal names: capitalised words from the name lists, with the context rules that tell
a name from an ordinary word, a place or an organisation.

Longer than the house limit on purpose: the rules share one text's token cache and ask one
another (a role after, a relative beside, an organisation around); the rules for unlisted
words at a sentence start are in names_start.py."""

from __future__ import annotations

import functools
from collections.abc import Callable

from po_build.check.privacy import wordlists as pn
from po_build.check.privacy.findings import Candidate
from po_build.check.privacy.names_start import after_header, after_title, quiet, unlisted_at_start
from po_build.check.privacy.names_start import places_and_municipalities as _places_and_municipalities
from po_build.check.privacy.sentences import is_sentence_start
from po_build.check.privacy.swedish import is_swedish_word
from po_build.check.privacy.tokens import NEXT_WORD_RE, Token, Tokens, capitalised_word_re, make_token
from po_build.check.privacy.variants import is_variant


@functools.cache
def _listed_places() -> frozenset[str]:
    """Names in the name lists that are also places ("Nora", "Salem", "Lund"): names only with
    evidence of a person."""
    return pn.PLACE_NAMES | ((pn.given_names() | pn.last_names()) & _places_and_municipalities())


def is_place_name(word: str) -> bool:
    return word in _listed_places()


# "Klienten heter Ilse", "kallad Ziggy", "som alla kallar Kenta": words that name a person.
_NAMING_VERBS = pn.words("heter hette kallad kallade kallas kallades kallat kallar kallats")
# "kallar sig Ziggy", "kallade honom Kenta"
_NAMING_OBJECTS = pn.words("sig honom henne hen")
# ", sa Gunilla": a verb of saying right after what was said.
_SPEECH_VERBS = pn.words("sa sade säger svarade svarar frågade frågar berättade berättar förklarade skrev")
# Prepositions that take a person far more often than a place or an organisation.
_PERSON_PREPOSITIONS = pn.words("hos åt")
# Verbs of meeting that take an organisation or a place too ("besökte Rinkeby").
_VISIT_VERBS = pn.words("besökte besöker")
# Endings of Swedish nouns and definite forms ("Stadsmissionen", "Navet", "Gryning"): an
# unlisted word with one of them is no given name, even in a person's slot.
_NOUN_ENDINGS = (
    "en", "et", "rna", "ning", "het", "else", "skap", "tion", "sion", "ism", "um", "ium", "ande", "ende",
)
_COORDINATORS = pn.words("och eller samt")
# "gav Yaretzi fel besked": what is given goes to a person.
_GIVE_VERBS = pn.words("gav ger gett ge")
# The last part of a compound that names an organisation: "Kvinnojouren", "Tjejjouren",
# "Ungdomsmottagningen", "Fritidsgården".
_ORG_HEAD_TAILS = (*sorted(w for w in pn.ORG_HEADS if len(w) >= 5), "jouren", "enheten", "teamet")
_DEFINITE_ENDINGS = ("en", "et", "na", "ade", "ning", "het", "skap", "tion")
_WORKPLACE_PREPOSITIONS = pn.words("på vid hos i från inom")
_COPULAS = pn.words("är var blir blev")
_ARTICLES = pn.words("en ett ingen inget")

# Compounds that name an institution: "Wägner-skolan", "behandlingshem", "barnsjukhus".
_INSTITUTION_TAILS = (
    "skolan", "gymnasiet", "gymnasium", "sjukhus", "sjukhuset", "kliniken", "behandlingshem", "hemmet",
)


class NameRules(Tokens):
    """The context rules for personal names over one text."""

    def __init__(self, text: str, covered: Callable[[int, int], bool]) -> None:
        super().__init__(text)
        self.covered = covered
        self.first = pn.given_names()
        self.last = pn.last_names()
        self._start_cache: dict[int, bool] = {}

    # -- lookups --------------------------------------------------------
    def masked(self, tok: Token) -> bool:
        """Inside a structured finding, a URL, a known non-name or an allowed term, or an
        organisation or a product ("Attention", "Kivra"; icke-namn.txt)."""
        non_names = pn.non_name_words()
        if tok.lower in non_names or (tok.lower[-1:] == "s" and tok.lower[:-1] in non_names):
            return True
        return self.covered(tok.start, tok.end)

    def sentence_start(self, tok: Token) -> bool:
        cached = self._start_cache.get(tok.start)
        if cached is None:
            cached = is_sentence_start(self.text, tok.start)
            self._start_cache[tok.start] = cached
        return cached

    def listed(self, word: str) -> tuple[bool, bool]:
        return word in self.first, word in self.last

    def lookup(self, tok: Token) -> tuple[bool, bool, str]:
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
        # Genitive: "Karins handläggare", "Johanssons beslut". Short bases at a sentence
        # start only before what is owned ("Idas god man"): "This" is no genitive of "Thi".
        if len(lower) >= 3 and lower[-1] == "s" and lower not in pn.GENITIVE_WORDS:
            base = lower[:-1].rstrip(":’'")
            is_first, is_last = self.listed(base)
            if not (is_first or is_last) or is_place_name(base) or base in pn.CALENDAR_NAMES:
                return False, False, lower
            start = self.sentence_start(tok)
            if base in pn.WORD_NAMES:
                # "Sannas mamma", "Pers ansökan": the genitive of a word-name is no word,
                # so before what is owned it is the name ("lower" is not ambiguous).
                if not start or self.owned_after(tok):
                    return is_first, is_last, lower
                return False, False, lower
            if len(base) >= 4 or not start or self.owned_after(tok):
                return is_first, is_last, base
        return False, False, lower

    def owned_after(self, tok: Token) -> bool:
        """A lower-case word after a genitive that can be what is owned: "Idas god man"."""
        nxt = self.next_token(tok)
        return nxt is not None and nxt.text[0].islower() and nxt.lower not in pn.FUNCTION_WORDS

    def is_listed(self, tok: Token) -> bool:
        is_first, is_last, _ = self.lookup(tok)
        return is_first or is_last

    @staticmethod
    def ambiguous(word: str) -> bool:
        return word in pn.WORD_NAMES or is_place_name(word) or word in pn.CALENDAR_NAMES

    def surname_like(self, tok: Token, strict: bool) -> bool:
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
    def strong_before(self, tok: Token) -> bool:
        if self.prev_word(tok, allow_comma=True) in pn.ROLE_WORDS:
            return True
        if tok.start >= 2 and self.text[tok.start - 2] == "." and after_title(self.text, tok.start):
            return True  # "Dr. Holm": the full stop of the title ends no sentence
        return self.prev_word(tok) in pn.GREETINGS

    def contact_before(self, tok: Token) -> bool:
        before = self.prev_word(tok)
        if before in pn.CONTACT_VERBS:
            return True
        prev = self.prev_token(tok)
        return before == "med" and prev is not None and self.prev_word(prev) in pn.WITH_VERBS

    def org_context(self, first: Token, last: Token) -> bool:
        """True when first..last sit inside an organisation's or a place's name."""
        head = self.prev_word(first)
        if head in pn.ORG_HEADS or (len(head) >= 8 and head.endswith(_ORG_HEAD_TAILS)):
            return True  # "Stiftelsen Activa", "Kvinnojouren Frida", "Ungdomsmottagningen Nova"
        prev = self.prev_token(first)
        if prev is not None and prev.cap and not self.sentence_start(prev):
            # Mid-sentence capitals in a row are one proper noun ("Kampanjen Rosa
            # Bandet", "Hälsocentralen Viktoria") unless the first is a name or a
            # role; an unambiguous surname after an unknown word stays a name
            # ("Slavko Novak").
            own = self.lookup(first)[2]
            if not self.is_listed(prev) and prev.lower not in pn.ROLE_WORDS and self.ambiguous(own):
                return True
        after = self.next_word(last)
        if after in pn.ORG_TAILS or (len(after) > 8 and after.endswith(_INSTITUTION_TAILS)):
            return True
        # "Selma Lagerlöfs gymnasium", "Magnus Huss klinik", "Elin Wägner-skolan", "Lina Hage
        # behandlingshem": a full name that a school, a clinic or a home is named after.
        nxt = self.next_token(last)
        if nxt is None or not nxt.cap:
            return False
        return nxt.lower.endswith(_INSTITUTION_TAILS) or self.next_word(nxt) in pn.ORG_TAILS or (
            self.next_word(nxt).endswith(_INSTITUTION_TAILS)
        )

    def date_context(self, tok: Token) -> bool:
        if self.prev_word(tok) in pn.DATE_WORDS:
            return True
        around = self.text[max(0, tok.start - 4) : tok.start] + " " + self.text[tok.end : tok.end + 6]
        return any(char.isdigit() for char in around)

    def followed_by_comma(self, tok: Token) -> bool:
        return self.text[tok.end : tok.end + 1] == ","

    # -- decisions --------------------------------------------------------
    def single(self, tok: Token, is_first: bool, is_last: bool, form: str) -> bool:
        if form in pn.WORD_NAMES and not tok.text[1:].islower() and "-" not in tok.text:
            return False  # "SoL" (socialtjänstlagen) is written with an inner capital
        strong = self.strong_before(tok)  # "Majas skola" is a person's; "Rosendals skola" a school
        own_school = is_first and form != tok.lower and self.next_word(tok) in ("skola", "förskola")
        if self.org_context(tok, tok) and not strong and not own_school:
            return False
        nxt = self.next_token(tok)
        if self.ambiguous(form) and nxt is not None and nxt.cap and not self.is_listed(nxt):
            # "Rosa Bandet": a word-name followed by an unlisted capitalised word
            # is the start of some proper noun, not a person.
            return False
        start = self.sentence_start(tok)
        human_verb_after = nxt is not None and nxt.lower in pn.PERSON_VERBS
        if is_place_name(form):
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
                # "Inga har sökt" is Swedish; "Hans ringde", "Hans har" and "Inga berättade"
                # are not (a possessive "hans" needs a noun after it).
                finite = form == "hans" and nxt is not None and nxt.lower in pn.FINITE_VERBS
                return strong or human_verb_after or finite or self.followed_by_comma(tok)
            # "Stig förstod", "Bo har": a word-name that is no pronoun is not followed by
            # a finite verb unless it is the subject, a person.
            verb_after = nxt is not None and (nxt.lower in pn.FINITE_VERBS or nxt.lower in pn.PERSON_VERBS)
            if verb_after and nxt is not None and nxt.lower in _COPULAS and self.next_word(nxt) in _ARTICLES:
                verb_after = False  # "Ask är ett träd", "Sten var ett vanligt material"
            # "Ros mamma", "Klas handläggare": a name ending in -s is its own genitive.
            owner = form[-1] == "s" and nxt is not None and not nxt.cap and (
                nxt.lower in pn.PERSON_NOUNS or nxt.lower in pn.ROLE_WORDS or nxt.lower in pn.OWNED_BY_PERSON
            )
            return strong or verb_after or owner or self.followed_by_comma(tok) or self.beside_person(tok)
        return is_first or is_last

    def beside_person(self, tok: Token) -> bool:
        """"Rosa och ombudet skrev", "Stig och hans bror": coordinated with a person, the
        word is one too."""
        nxt = self.next_token(tok)
        if nxt is None or nxt.lower != "och":
            return False
        then = self.next_token(nxt)
        return then is not None and not then.cap and (
            then.lower in pn.PERSON_NOUNS or then.lower in pn.ROLE_WORDS or then.lower in ("hans", "hennes")
        )

    def with_relative(self, tok: Token) -> bool:
        """"Aiyana och hennes mamma kom": only a person is named together with their relative."""
        nxt = self.next_token(tok)
        if nxt is None or nxt.lower != "och":
            return False
        owner = self.next_token(nxt)
        if owner is None or owner.lower not in ("hennes", "hans", "hens"):
            return False
        owned = self.next_token(owner)
        return owned is not None and not owned.cap and owned.lower in pn.PERSON_NOUNS

    def unknown_after_role(self, tok: Token) -> bool:
        """An unlisted word that a role word announces: "handläggaren Roksana",
        or, set off by commas, "kontaktpersonen, Yonas, har slutat"."""
        lower = tok.lower
        text = self.text
        i = tok.start - 1
        while i > 0 and text[i] in " \t\u00a0":
            i -= 1
        if text[i : i + 1] == "." and after_title(text, tok.start):
            # "Dr. Dlamini", but not "Dr. Westerlund-kliniken"
            return len(lower) >= 3 and not lower.endswith(_INSTITUTION_TAILS) and not self.org_context(tok, tok)
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
            if before not in pn.ROLE_WORDS and before not in pn.GREETINGS and not self.meets_person(tok):
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

    def meets_person(self, tok: Token) -> bool:
        """"... att Ljiljana ringde": an unlisted word, no place, before a verb only people do."""
        if tok.lower in _places_and_municipalities() or tok.lower.removesuffix("s") in _places_and_municipalities():
            return False
        # Organisations are met and phoned too ("träffade Stadsmissionen", "ringde Samhall"),
        # so only a verb that a person does after the word counts, and not for a word shaped
        # like a definite noun or followed by another capitalised word ("Röda Korset").
        if tok.lower.endswith(pn.SWEDISH_WORD_ENDINGS):
            return False
        nxt = self.next_token(tok)
        return nxt is not None and not nxt.cap and nxt.lower in pn.PERSON_VERBS

    def name_shaped(self, tok: Token) -> bool:
        """An unlisted capitalised word that can be a given name from anywhere: mid-sentence,
        no place, organisation, role or Swedish-looking noun, not part of a longer proper noun."""
        lower = tok.lower
        if len(lower) < 3 or tok.text.isupper() or "å" in lower or "ä" in lower:
            return False
        if lower in _places_and_municipalities() or lower.removesuffix("s") in _places_and_municipalities():
            return False
        if lower in pn.ROLE_WORDS or lower in pn.ORG_HEADS or lower in pn.ORG_TAILS or lower in pn.GREETINGS:
            return False
        if lower in pn.MONTHS or lower in pn.WEEKDAYS or lower in pn.SENTENCE_WORDS:
            return False
        if lower.endswith(_NOUN_ENDINGS) or lower.endswith(pn.ORG_SUFFIXES):
            return False
        head = tok.text.split("-")[0]
        if len(head) > 1 and head.isupper():
            return False
        if self.masked(tok) or (
            self.sentence_start(tok)
            and not (self.role_after(tok, strict=True) or self.with_relative(tok) or self.header_before(tok))
        ):
            return False
        nxt = self.next_token(tok)
        if nxt is not None and nxt.cap and not self.is_listed(nxt):
            return False  # "Villa Solbacken", "Unga Kris": one proper noun of several words
        return not self.org_context(tok, tok)

    def unlisted_person(self, tok: Token) -> bool:
        # The slot first: it looks only at the neighbouring words, and most capitalised
        # words are in none (name_shaped asks where the sentence starts, which costs more).
        return self.person_slot(tok) and self.name_shaped(tok)

    def variant_name(self, tok: Token) -> bool:
        """A spelling variant of a listed given name ("Sesilia", "Sakarias"): mid-sentence like
        any unlisted name; at a sentence start only as the subject of a verb, and not in the
        definite form of a noun ("Klassen har")."""
        if not is_variant(tok.lower) or self.masked(tok):
            return False
        if not self.sentence_start(tok):
            return self.name_shaped(tok)
        if tok.lower.endswith(_DEFINITE_ENDINGS):
            return False
        nxt = self.next_token(tok)
        if nxt is None or nxt.cap or not (nxt.lower in pn.FINITE_VERBS or nxt.lower in pn.PERSON_VERBS):
            return False
        return not self.org_context(tok, tok)

    def person_slot(self, tok: Token) -> bool:
        """A place in the sentence that only a person fills: "heter Ilse", "kallad Ziggy",
        ", sa Gunilla", "hos Jovana", "möte med Nadifa", "hjälpte Dessalegn",
        "Torbjörn, handläggare på …"."""
        neighbour = self.prev(tok)
        if neighbour is None or not neighbour[1]:
            # no word right before: the usual case
            return self.role_after(tok) or self.with_relative(tok) or self.header_before(tok)
        before = neighbour[0].lower
        prev = neighbour[0]
        if before in _GIVE_VERBS:
            nxt = self.next_token(tok)
            return nxt is not None and not nxt.cap  # "gav Yaretzi fel besked"
        if before in _COORDINATORS:
            # "ombudet och Siyad", "hennes bror och Amanuel": beside a person, a person
            first = self.prev_word(prev)
            if first in pn.PERSON_NOUNS or first in pn.ROLE_WORDS:
                return True
        if before in _NAMING_VERBS:
            # "Klienten heter Ilse", but not "Projektet heter Växtkraft": a thing as subject.
            subject = self.prev_word(prev) if prev is not None else ""
            return not (subject.endswith(("et", "en", "an")) and subject not in pn.PERSON_NOUNS
                        and subject not in pn.ROLE_WORDS)
        if before in _NAMING_OBJECTS and prev is not None and self.prev_word(prev) in _NAMING_VERBS:
            return True
        if before in _SPEECH_VERBS and prev is not None:
            i = prev.start - 1
            while i >= 0 and self.text[i] in " \t\u00a0":
                i -= 1
            if i >= 0 and self.text[i] in ",\"”'’–—":
                return True
        if before in _PERSON_PREPOSITIONS or (before in pn.CONTACT_VERBS and before not in _VISIT_VERBS):
            return True
        if self.contact_before(tok):
            return True
        return self.role_after(tok)

    def header_before(self, tok: Token) -> bool:
        """"Från: Nomvula", "Kopia: Zorica": the sender or receiver field of an e-mail pasted
        into a report names a person (an organisation there is a Swedish word or known)."""
        return after_header(self.text, tok.start)

    def role_after(self, tok: Token, strict: bool = False) -> bool:
        """"Torbjörn, handläggare på Försäkringskassan", "Maja, klientens syster": a comma and
        a role, the way a person is introduced. At the start of a sentence (strict) the role
        must go on with where the person works or whose relative they are, so that a list of
        roles ("Ombud, chef och styrgrupp …") is no introduction."""
        if "," not in self.text[tok.end : tok.end + 3]:
            return False  # no comma after: the usual case
        after = NEXT_WORD_RE.match(self.text, tok.end)
        if after is None or "," not in after["gap"]:
            return False
        word = after["w"].lower()
        if word in ("klientens", "hennes", "hans"):
            return True
        if word not in pn.ROLE_WORDS or word.endswith("en"):
            return False
        if not strict:
            return True
        then = NEXT_WORD_RE.match(self.text, after.end())
        return then is not None and then["w"].lower() in _WORKPLACE_PREPOSITIONS

    def coordinated(self, tok: Token, found: list[Candidate]) -> bool:
        """An unlisted name beside a found one: "Samira och Jovana", "Leila, Omid och …"."""
        ends = {c[1] for c in found}
        starts = {c[0] for c in found}
        # before: "Samira och Jovana", "Samira, Jovana"
        prev = self.prev(tok)
        if prev is not None:
            word, spaces_only = prev
            if not spaces_only and word.end in ends:
                return True
            if spaces_only and word.lower in _COORDINATORS:
                before = self.prev(word)
                if before is not None and before[0].end in ends:
                    return True
        # after: "Jovana och Samira", "Jovana, Samira"
        nxt = self.next(tok)
        if nxt is not None:
            word, spaces_only = nxt
            if not spaces_only and word.start in starts:
                return True
            if spaces_only and word.lower in _COORDINATORS:
                after = self.next(word)
                if after is not None and after[0].start in starts:
                    return True
        return False

    def unknown_given_name(self, tok: Token) -> bool:
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

    def extend(self, tok: Token, strict: bool) -> list[Token]:
        """The tokens of a full name starting at tok (at most three words)."""
        group = [tok]
        while len(group) < 3:
            nxt = self.next_token(group[-1])
            if nxt is None or not self.surname_like(nxt, strict):
                break
            group.append(nxt)
        return group

    def accept_group(self, first: Token, last: Token, forms: list[str]) -> bool:
        if all(is_place_name(f) or f in pn.CALENDAR_NAMES for f in forms):
            return False
        return not self.org_context(first, last)

    def quiet_word(self, start: int, word: str) -> bool:
        """A capitalised word that is in no list, in no form, and has no evidence of a person
        around it (names_start.quiet): most words, settled without a token object."""
        lower = word.lower()
        first, last = self.first, self.last
        if lower in first or lower in last or "-" in lower:
            return False
        if lower[-1] == "s" and len(lower) >= 3:
            base = lower[:-1].rstrip(":’'")
            if base in first or base in last:
                return False
        return quiet(self, start, start + len(word), lower)

    def find(self) -> list[Candidate]:
        found: list[Candidate] = []
        unlisted: list[Token] = []
        quiet_words: list[tuple[int, str]] = []  # unlisted too, made tokens only when needed
        done = -1  # end of the last name found or skipped as a group
        text = self.text
        for m in capitalised_word_re().finditer(text):
            start = m.start()
            if start < done or (start and (text[start - 1].isalnum() or text[start - 1] in "_-'’:")):
                continue  # inside a name found, or the tail of a longer word: "ID" in "BankID"
            word = m.group()
            if len(word) > 1 and word.isupper():
                continue  # capitals: casing.py
            if self.quiet_word(start, word):
                quiet_words.append((start, word))
                continue
            tok = make_token(start, word)
            is_first, is_last, form = self.lookup(tok)
            if not (is_first or is_last):
                if is_swedish_word(tok.lower) and not is_variant(tok.lower):
                    # "Ombuden har", "Klienterna missar": an ordinary word in any form is
                    # no unlisted name (the dictionary, swedish.py), whatever follows it.
                    unlisted.append(tok)
                elif (

                    (self.unknown_after_role(tok) and not self.masked(tok))
                    or self.unlisted_person(tok)
                    or self.variant_name(tok)
                    or unlisted_at_start(self, tok)
                ):
                    group = self.extend(tok, strict=False)
                    found.append((tok.start, group[-1].end, "PO407", ""))
                    done = group[-1].end
                else:
                    unlisted.append(tok)
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
        if found and (unlisted or quiet_words):
            unlisted += [make_token(start, word) for start, word in quiet_words]
            taken = [(c[0], c[1]) for c in found]
            extra = [
                (t.start, t.end, "PO407", "") for t in unlisted
                if not any(s <= t.start < e for s, e in taken) and self.name_shaped(t) and self.coordinated(t, found)
            ]
            found += extra
        return found
