"""Details that identify no one alone but can together: warnings, never errors (PO410–PO415).

A small place, a rare diagnosis, an unusual family fact, a former occupation, an accident
at a named place and time, a "the only one": each is a warning at its line, so that the
writer and the steering group (`po granska` shows every warning) judge the combination.
The lists are data files in po_build/data (sources in KALLOR-15.md):

* orter.tsv: small tätorter (at most 2,000 inhabitants, SCB 2023). A place whose name is
  also a word or a name ("Vad", "Backe", "Berg") counts only after a place preposition
  ("i Berg"); one followed by "kommun" is the municipality, which the rule leaves alone.
* diagnoser-sallsynta.txt and familjeforhallanden.txt: phrases compared without regard to
  case at the start of a word, so that "trillingar" also finds "trillingarna";
  abbreviations in capitals ("ALS", "PKU") only in capitals.

Most texts hold none of these. Each rule first intersects the distinct words of the text
with the first words of its phrases (a set operation in C) and only then looks closer.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources

from po_build.check.privacy import wordlists as pn
from po_build.check.privacy.findings import SP, Candidate


@dataclass(frozen=True)
class Place:
    name: str
    municipality: str
    population: int
    year: str


def _data_lines(filename: str) -> list[str]:
    text = resources.files("po_build").joinpath("data", filename).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def small_places() -> dict[str, list[Place]]:
    """Small tätorter by name (lower case); a name in several municipalities has several."""
    out: dict[str, list[Place]] = {}
    for line in _data_lines("orter.tsv")[1:]:  # the first line names the columns
        name, municipality, population, year, _kind = line.split("\t")
        out.setdefault(name.lower(), []).append(Place(name, municipality, int(population), year))
    return out


# Place names that are also Swedish words or names ("Vad", "Bor", "Sund", "Berg"): found by
# running every name in orter.tsv through Debian's Swedish Hunspell dictionary (hunspell-sv,
# `hunspell -d sv_SE -G`, 2026-12-01; compounds such as "bastuträsk" pass it too) and
# through the name lists. They count as places only after a place preposition.
PLACE_WORDS = pn.words(
    """
    alster avan backe bastuträsk berg bergsjö bor borggård brokind brännland bullmark drag
    falla fors fågelfors gammelgården gryt hallen hasselfors hjortkvarn hjälm horn hult härad
    häradsbygden högsjö järnforsen järpen kastlösa klockrike klöverträsk kosta kungsgården
    kärna larv liden lit ljunga los magra mala morgongåva nordkroken repbäcken rot rya råda
    sandhem sandskogen segersäng sjötorp sjövik skogsby skottorp skruv slaka slottsbron
    stavsjö stigen stocka stånga sund svarte sälen söderskogen sövde trekanten trädet tving
    vad valla valskog vidja vik vika vinberg väderstad zinkgruvan älvdalen äng ås örtagården
    övertänger hammar holm
    """
)

_PLACE_PREPOSITIONS = pn.words("i från till utanför nära vid mot kring runt ur via inom bortom söder norr öster väster")
_WORD_BEFORE_RE = re.compile(r"([^\W\d_]+)[ \t\u00a0]+$")
# Words for set look-ups only: digits and underscores in a token do no harm there, and \w+
# is the fastest pattern to find them.
_LOWER_WORDS_RE = re.compile(r"\w+")


def _word_before(text: str, pos: int) -> str:
    m = _WORD_BEFORE_RE.search(text, max(0, pos - 30), pos)
    return m.group(1).lower() if m else ""


# Three or more capitalised names in a row, joined by commas or "och"/"samt"/"eller" ("Nälden,
# Dvärsätt, Ås och Föllinge", "Hälsocentralen Krokom, Hälsocentralen Hammerdal och ..."): a
# description of an area or a list of units, which points out no one. A client's home is
# named alone ("bor i Hoting"), so a place in such a list is no warning.
_NAME = r"[A-ZÅÄÖ][\w-]+(?:[ \t]+[A-ZÅÄÖ][\w-]+)?"
_LIST_GAP = r"[ \t]*\n?[ \t]*"  # a list may go on over a line break
_PLACE_LIST_RE = re.compile(
    rf"(?<![\w-])(?:{_NAME}(?:,{_LIST_GAP}|[ \t]+(?:och|samt|eller){_LIST_GAP})){{2,}}{_NAME}"
)


def _place_lists(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PLACE_LIST_RE.finditer(text)]


def _places(text: str, lowered: str, words: frozenset[str], covered: Callable[[int, int], bool]) -> list[Candidate]:
    places = small_places()
    hits = set(words.intersection(_place_keys()) - _municipalities())
    if _multiword_first() & words:
        hits.update(name for name in _multiword() if name in lowered)
    found: list[Candidate] = []
    lists: list[tuple[int, int]] | None = None  # made only when a place is found
    for key in hits:
        place = places[key][0]
        for m in re.finditer(rf"(?<![\w-]){re.escape(place.name)}(?![\w-])", text):
            start, end = m.start(), m.end()
            after = text[end : end + 9].lower()
            if after.startswith((" kommun", " stad", " län")):
                continue  # the municipality, not the place
            before = _word_before(text, start)
            if key in PLACE_WORDS and before not in _PLACE_PREPOSITIONS:
                continue
            if before in pn.ORG_HEADS and text[start - 1] in " \t":
                continue  # "Hälsocentralen Hammerdal": the unit's name, which has no client in it
            if lists is None:
                lists = _place_lists(text)
            if any(s <= start and end <= e for s, e in lists):
                continue
            if not covered(start, end):
                found.append((start, end, "PO410", _place_note(places[key])))
    return found


@functools.cache
def _place_keys() -> frozenset[str]:
    return frozenset(small_places())


@functools.cache
def _municipalities() -> frozenset[str]:
    # A place that gives its name to the municipality ("Högsby", "Krokom") is mostly named
    # as the municipality, which is no small place; it is left alone.
    return frozenset(p.municipality.lower() for places in small_places().values() for p in places)


@functools.cache
def municipality_stems(terms: tuple[str, ...]) -> tuple[str, ...]:
    """"Sjöviks kommun" → "Sjövik": the place an organisation's area is named after."""
    out = []
    for term in terms:
        for tail in (" kommun", " stad"):
            if term.endswith(tail) and len(term) > len(tail) + 2:
                stem = term[: -len(tail)]
                out.append(stem[:-1] if stem.endswith("s") and stem[:-1].lower() in small_places() else stem)
    return tuple(out)


@functools.cache
def _multiword() -> frozenset[str]:
    return frozenset(name for name in small_places() if " " in name)


@functools.cache
def _multiword_first() -> frozenset[str]:
    return frozenset(name.split(" ")[0] for name in _multiword())


def _place_note(places: list[Place]) -> str:
    where = " eller ".join(f"i {p.municipality} kommun, {p.population} invånare" for p in places[:3])
    return f" ({where} enligt SCB {places[0].year})"


@dataclass(frozen=True)
class _Phrases:
    # A form of the first word → (the other words but the last, the last word, the phrase).
    by_form: dict[str, list[tuple[frozenset[str], str, str]]]
    caps: dict[str, re.Pattern[str]]  # abbreviations in capitals, by their lower case
    keys: frozenset[str]  # every key of both, for one set intersection with the text's words


# Endings a first word may carry ("trillingarna", "Huntingtons", "fosterbarnet"); the form
# set lets one set intersection with the text's words find the phrases worth trying.
_FORMS = ("", "s", "n", "en", "et", "na", "arna", "erna", "orna", "a", "e", "er", "ar", "t", "ns", "ens")


@functools.cache
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    # Compiled on first use: most phrases are never needed in a run.
    words = [re.escape(w) for w in phrase.split()]
    words[0] += r"[\w]{0,5}"
    # Whole words, the last one at the start of a word ("trillingar" → "trillingarna").
    body = rf"{SP}+".join(words)
    return re.compile(rf"(?<![\w-]){body}[\w]{{0,5}}(?![\w])", re.IGNORECASE)


_ARTICLES = frozenset({"en", "ett"})


def _load_phrases(filename: str) -> _Phrases:
    by_form: dict[str, list[tuple[frozenset[str], str, str]]] = {}
    caps: dict[str, re.Pattern[str]] = {}
    for line in _data_lines(filename):
        phrase = line.strip()
        if len(phrase) > 1 and phrase.isupper() and " " not in phrase:
            caps[phrase.lower()] = re.compile(rf"(?<![\w-]){re.escape(phrase)}(?!\w)")
            continue
        words = phrase.lower().split()
        # The look-up key is the first word, or the second after an article ("en sällsynt
        # sjukdom" by "sällsynt"): "en" is in every text, and the exact second word keeps
        # "sällsynta diagnoser" (a group) out. The rest must be among the text's words.
        key = 1 if len(words) > 2 and words[0] in _ARTICLES else 0
        middle = frozenset(w for i, w in enumerate(words[:-1]) if i != key and (i or key))
        entry = (middle, words[-1] if len(words) > 1 else "", phrase)
        # The text's words are runs of \w (words_of), so "Ehlers-Danlos" is found by "ehlers".
        head = _LOWER_WORDS_RE.match(words[key])
        first = head.group() if head else words[key]
        for ending in _FORMS if key == 0 and first == words[0] else ("",):
            by_form.setdefault(first + ending, []).append(entry)
    return _Phrases(by_form, caps, frozenset(by_form) | frozenset(caps))


@functools.cache
def diagnoses() -> _Phrases:
    return _load_phrases("diagnoser-sallsynta.txt")


@functools.cache
def family_facts() -> _Phrases:
    return _load_phrases("familjeforhallanden.txt")


def _phrase_hits(text: str, lowered: str, words: frozenset[str], phrases: _Phrases, code: str) -> list[Candidate]:
    hits = words.intersection(phrases.keys)
    if not hits:
        return []
    patterns = {
        _phrase_pattern(phrase)
        for form in hits
        if form in phrases.by_form
        for middle, last, phrase in phrases.by_form[form]
        if middle <= words and last in lowered
    }
    found: list[Candidate] = []
    for pattern in patterns:
        found += [(m.start(), m.end(), code, "") for m in pattern.finditer(text)]
    for abbreviation in [h for h in hits if h in phrases.caps]:
        found += [(m.start(), m.end(), code, "") for m in phrases.caps[abbreviation].finditer(text)]
    return found


# Occupations that stand out in a small place. Staff roles a report is about (handläggare,
# socialsekreterare ...) are not here: "den tidigare handläggaren" points out no client.
_OCCUPATIONS = (
    "präst|pastor|kyrkoherde|diakon|imam|rabbin|polis|polisman|polisinspektör|kommissarie|"
    "åklagare|domare|nämndeman|advokat|rektor|lärare|förskollärare|professor|forskare|läkare|"
    "överläkare|tandläkare|veterinär|barnmorska|sjuksköterska|apotekare|kommunalråd|politiker|"
    "riksdagsledamot|kommunpolitiker|borgmästare|landshövding|journalist|redaktör|fotograf|"
    "pilot|flygvärdinna|kapten|sjökapten|officer|militär|soldat|brandman|ambulansförare|"
    "elitidrottare|idrottare|fotbollsspelare|hockeyspelare|fotbollsproffs|tränare|artist|"
    "sångare|sångerska|musiker|skådespelare|konstnär|författare|programledare|modell|"
    "företagare|vd|direktör|chefredaktör|bankdirektör|lantbrukare|bonde|fiskare|renskötare|"
    "skogsägare|handlare|butiksägare|restaurangägare|taxichaufför|busschaufför|lokförare|"
    "ingenjör|arkitekt|revisor|jurist|skidskytt|skidåkare|löpare|boxare|brottare|simmare"
)
_OCCUPATION_MARKER_RE = re.compile(
    r"(?<!\w)(?:(?:före|förre)\s+detta|f\.\s?d\.|fd|pensionerad|pensionerade|"
    r"(?:en|är|var|blev)\s+tidigare|tidigare\s+(?:var|varit|har\s+varit|hade\s+varit)|"
    r"(?:förr|förut)\s+var|var\s+(?:förr|förut)(?:\s+[^\W\d_]+){0,2}|"  # "som förr var polis", "var förr landets bästa"
    r"(?:arbetade|jobbade|verkade|har\s+arbetat|har\s+jobbat|hade\s+arbetat|var\s+anställd)"
    r"(?:\s+(?:tidigare|länge|förut|i\s+många\s+år))?\s+som)\s+",
    re.IGNORECASE,
)
# "ICA-handlaren", "skidskytt": a compound with one of the trades as its head counts too.
_OCCUPATION_RE = re.compile(rf"(?:[\w]+-)?(?:{_OCCUPATIONS})(?:n|en|er|ar|or)?(?!\w)", re.IGNORECASE)
_BY_TRADE_RE = re.compile(rf"(?<!\w)(?:{_OCCUPATIONS})\s+till\s+yrket(?!\w)", re.IGNORECASE)


@functools.cache
def _occupation_forms() -> frozenset[str]:
    return frozenset(job + end for job in _OCCUPATIONS.split("|") for end in ("", "n", "en", "er", "ar", "or"))


def _occupations(text: str, lowered: str) -> list[Candidate]:
    found: list[Candidate] = []
    for m in _OCCUPATION_MARKER_RE.finditer(text):
        job = _OCCUPATION_RE.match(text, m.end())
        if job:
            found.append((m.start(), job.end(), "PO413", ""))
    if "till yrket" in lowered:
        found += [(m.start(), m.end(), "PO413", "") for m in _BY_TRADE_RE.finditer(text)]
    return found


# An accident or a violent event with a named place or a time after it: "olyckan vid
# Bettna i mars", "trafikolyckan på E4", "branden på Ekgatan".
_EVENT_RE = re.compile(
    r"(?:olyckan?|branden|explosionen|raset|skredet|skottlossningen|skjutningen|"
    r"knivdådet|dådet|mordet|överfallet|rånet|kollisionen|krocken|översvämningen|drunkningen)"
    r"(?![\w])"
    r"(?P<rest>[^.!?\n]{0,40}?(?:\b(?:vid|på|i|utanför|nära|mellan|längs)\s+"
    r"(?:[A-ZÅÄÖ][\w-]+|E\s?[0-9]{1,2}\b|riksväg\s+[0-9]+|väg\s+[0-9]+|länsväg\s+[0-9]+"
    r"|[a-zåäö]*(?:sågverket|bruket|gruvan|fabriken|varvet|smältverket|slakteriet|mejeriet))"
    r"|\b(?:i|den|under|förra)\s+(?:januari|februari|mars|april|maj|juni|juli|augusti|september"
    r"|oktober|november|december|våras|höstas|somras|vintras)"
    r"|\b(?:19|20)[0-9]{2}\b))",
)
_EVENT_WORDS = (
    "olycka", "olyckan", "branden", "explosionen", "raset", "skredet", "skottlossningen",
    "skjutningen", "knivdådet", "dådet", "mordet", "överfallet", "rånet", "kollisionen",
    "krocken", "översvämningen", "drunkningen",
)


_EVENT_STEM_RE = re.compile(r"(?:" + "|".join(_EVENT_WORDS) + r")(?!\w)", re.IGNORECASE)


def _events(text: str, lowered: str) -> list[Candidate]:
    if not any(w in lowered for w in _EVENT_WORDS):
        return []
    found: list[Candidate] = []
    for stem in _EVENT_STEM_RE.finditer(text):
        m = _EVENT_RE.match(text, stem.start())
        if m:
            start = stem.start()
            while start > 0 and text[start - 1].isalpha():
                start -= 1  # "trafikolyckan"
            found.append((start, m.end(), "PO414", ""))
    return found


# "den enda kvinnliga brandmannen i kommunen", "känd från tv", "uppmärksammades i medierna".
_UNIQUE_RE = re.compile(
    r"(?<!\w)(?:(?:den|det|de)\s+(?:enda|ende)(?:\s+[^\W\d_]+){0,2}\s+(?:i|på|inom|från)\s+[^\W\d_]+"
    r"|(?:känd|kända|känt|välkänd|omtalad|omskriven|uppmärksammad|uppmärksammades|skrevs\s+om)"
    r"\s+(?:från|i|av)\s+(?:tv|tidningen|lokaltidningen|medierna|media|pressen|radio)"
    r"|(?:varit|var|medverkade|medverkat)\s+(?:med\s+)?i\s+(?:tv|tv-[\w]+|dokumentären|radioprogrammet)"
    rf"|(?:en\s+)?(?:känd|berömd|berömde|välkänd)\s+(?:{_OCCUPATIONS})(?:n|en)?"
    r"|(?:lokalt|allmänt|mycket)\s+känd|kändis)(?!\w)",
    re.IGNORECASE,
)
_UNIQUE_HINTS = pn.words(
    "enda ende känd kända känt välkänd omtalad omskriven uppmärksammad uppmärksammades skrevs kändis "
    "berömd berömde tv medverkade medverkat dokumentären"
)
_OCCUPATION_HINTS = pn.words(
    "detta f fd pensionerad pensionerade tidigare arbetade jobbade verkade arbetat jobbat anställd yrket "
    "förr förut"
)


# "Verksamheten är den enda i länet", "Fontänhuset är det enda klubbhuset i regionen": an
# organisation or a thing that is unique points out no one.
_SUBJECT_BEFORE_RE = re.compile(
    r"(?<!\w)([^\W\d_]+)(?:[ \t]+(?:i|på|vid)[ \t]+[^\W\d_]+)?[ \t]+(?:är|var|blev|blir)[ \t]+$", re.IGNORECASE
)  # "Fontänhuset i Östersund är det enda ..."
_PERSON_SUBJECTS = pn.PERSON_NOUNS | pn.words("jag du vi")


def _thing_is_unique(text: str, m: re.Match[str]) -> bool:
    subject = _SUBJECT_BEFORE_RE.search(text, max(0, m.start() - 40), m.start())
    if subject is None:
        return False
    word = subject.group(1).lower()
    if word in _PERSON_SUBJECTS or word in pn.ROLE_WORDS or word in pn.given_names():
        return False
    # A definite noun ("verksamheten", "Fontänhuset") or an organisation the lists know; an
    # unknown capitalised word may be a name and keeps the warning.
    return word.endswith(("en", "et", "an", "na")) or word in pn.non_name_words()


def words_of(lowered: str) -> frozenset[str]:
    """The distinct words of a lower-cased text: scan_text makes it once for every detector."""
    return frozenset(_LOWER_WORDS_RE.findall(lowered))


def find_indirect(
    text: str, lowered: str, words: frozenset[str], covered: Callable[[int, int], bool]
) -> list[Candidate]:
    found = _places(text, lowered, words, covered)
    found += _phrase_hits(text, lowered, words, diagnoses(), "PO411")
    found += _phrase_hits(text, lowered, words, family_facts(), "PO412")
    if not words.isdisjoint(_OCCUPATION_HINTS) and not words.isdisjoint(_occupation_forms()):
        found += _occupations(text, lowered)
    found += _events(text, lowered)
    if not words.isdisjoint(_UNIQUE_HINTS):
        found += [(m.start(), m.end(), "PO415", "") for m in _UNIQUE_RE.finditer(text) if not _thing_is_unique(text, m)]
    return [c for c in found if not covered(c[0], c[1])]
