"""Word lists behind the personal-name and age rules of :mod:`po_build.privacy`.

The person names themselves live in ``data/namn_fornamn.txt`` and
``data/namn_efternamn.txt`` and are loaded once, lazily. This module holds the
small, hand-made lists that decide *context*: which names are also ordinary
Swedish words or places, which words announce a person, which words show that
a capitalised word belongs to an organisation's name. Everything is lower case;
the scanner lowercases tokens before looking them up.
"""

from __future__ import annotations

import functools
from importlib import resources


def words(text: str) -> frozenset[str]:
    """The words of a text, split at white space."""
    return frozenset(text.split())


_words = words


# Names that are also Swedish words that can start a sentence or be capitalised
# for other reasons (found by running every shipped name through the Swedish
# Hunspell dictionary at development time, then kept by hand only where the word
# is common). At a sentence start they are taken as names only with extra
# evidence, because "Inga åtgärder", "Per telefon" and "Klara besked" are normal
# Swedish; anywhere they need a surname-like neighbour to form a full name.
WORD_NAMES: frozenset[str] = _words(
    """
    inga mina hans per bo dag klara lisa liv saga stig rosa tom sten max del mark lova
    rita sanna bror frank fred vide ville urban svea tor gull ros ask sol
    ante fia fina katta kolja mackan matte meta olja patte samme sanne sessan stickan svenne
    jeppe nisse rasse
    alm asp berg björk blixt blom borg brink bäck ek falk ferm flink fors frid frisk green
    gren hall hjort holm hult hägg kling kvist lilja lind ljung lund lönn malm modig nord
    norrman palm rask skog sköld stark storm strand strid ström svärd
    """
)

# Word-names that are pronouns or determiners. "Inga kom" and "Hans var" are
# ordinary Swedish, so a following verb is no evidence of a person for these.
PRONOUN_NAMES: frozenset[str] = frozenset({"inga", "mina", "hans", "my"})

# Names that are also places a report may well mention ("i Vilhelmina, Nora och
# Lund"). Taken as names only with evidence of a person.
PLACE_NAMES: frozenset[str] = frozenset(
    {"lund", "nora", "vilhelmina", "berg", "ljung", "mark", "medina", "milan", "borg", "aden"}
)

# Names that are also months or holidays; careless writers capitalise months.
CALENDAR_NAMES: frozenset[str] = frozenset({"maj", "juni", "august", "lucia", "valborg"})

MONTHS: frozenset[str] = _words(
    """
    januari februari mars april maj juni juli augusti september oktober november
    december jan feb mar apr jun jul aug sep sept okt nov dec
    """
)
WEEKDAYS: frozenset[str] = _words(
    """
    måndag tisdag onsdag torsdag fredag lördag söndag
    """
)

# A capitalised word straight after one of these is a person: "handläggaren Lena",
# "hennes son Oskar", "dr Bergström". Definite and indefinite singular forms.
ROLE_WORDS: frozenset[str] = _words(
    """
    handläggaren handläggare biståndshandläggaren socialsekreteraren socialsekreterare
    ombudet läkaren läkare överläkaren underläkaren distriktsläkaren psykiatern kuratorn
    kurator psykologen psykolog sköterskan sjuksköterskan sjuksköterska undersköterskan
    skötaren skötare terapeuten arbetsterapeuten fysioterapeuten sjukgymnasten dietisten
    tandläkaren barnmorskan läkarsekreteraren sekreteraren receptionisten förvaltaren
    förvaltare ställföreträdaren boendestödjaren boendestödjare stödpersonen
    kontaktpersonen kontaktperson samordnaren samordnare koordinatorn enhetschefen
    enhetschef chefen chef avdelningschefen verksamhetschefen verksamhetschef
    socialchefen sektionschefen gruppledaren arbetsledaren hyresvärden värden
    fastighetsskötaren vaktmästaren advokaten advokat juristen jurist tolken tolk
    prästen diakonen rektorn läraren lärare mentorn coachen handledaren handledare
    arbetsgivaren kollegan kollegen klienten klient patienten brukaren deltagaren sonen
    son dottern dotter mamman mamma modern mor pappan pappa fadern far brodern bror
    brorsan systern syster kusinen kusin mormor farmor morfar farfar mostern moster
    fastern faster morbror farbror svärmor svärfar svärdottern svärsonen barnbarnet
    grannen granne vännen vän väninnan kompisen kamraten sambon sambo särbon maken make
    makan maka frun fru hustrun mannen pojkvännen pojkvän flickvännen flickvän partnern
    expartnern exmaken exfrun fästmön fästmannen styvpappan styvmamman styvdottern
    styvsonen tvillingen hyresgästen doktor doktorn dr herr fröken professor pastor
    lillebror lillasyster storebror storasyster halvbror halvsyster halvbrodern halvsystern
    exman exfru exsambo exsambon expojkvännen exflickvännen
    """
)

# Greetings and sign-offs: "Hej Linnea!", "Tack Karin".
# "Mvh Tsegereda", "Hälsningar Brita": the sign-off of a letter or an e-mail goes before a name.
GREETINGS: frozenset[str] = frozenset(
    {"hej", "hejsan", "hallå", "tack", "kära", "bästa", "mvh", "vh", "hälsningar", "hälsning"}
)

# Verbs that only a person does, so they mark the word before as a person:
# "Stig ringde", "Björn berättade". Auxiliaries ("har", "var") are left out,
# since places and things have and are too ("Lund har infört").
PERSON_VERBS: frozenset[str] = _words(
    """
    ringde ringer ringt sa sade säger berättade berättar träffade mejlade mailade
    skrev svarade svarar frågade frågar tyckte tycker menade menar hävdade lovade
    lovar uppgav förklarade förklarar hänvisade kontaktade bokade erbjöd glömde orkar
    orkade kände känner upplevde upplever mådde mår grät skrattade bad undrade litar
    litade vågade vågar sms:ade
    """
)

# Finite verbs, mostly auxiliaries, that make a word-name at a sentence start its subject:
# "Bo har", "Stig förstod". Not used for place names ("Lund har infört").
FINITE_VERBS: frozenset[str] = _words(
    """
    har hade är var blev blir kan kunde ska skulle vill ville får fick måste borde behöver
    behövde brukar brukade gick går kom kommer tog tar fick förstod förstår visste vet
    sökte söker väntade väntar flyttade flyttar bor bodde jobbar jobbade arbetar arbetade
    studerar läser fyllde fyller saknar saknade vägrade vägrar nekades fick beviljades
    överklagade överklagar skickade skickar hämtade hämtar lämnade lämnar började börjar
    slutade slutar behövde tappade förlorade vann hittade blev låg ligger satt sitter stod
    står hamnade hamnar ansökte ansöker
    """
)

# What a person owns that a genitive name stands before: "Idas god man", "Omars lägenhet",
# "Majas skola" (with the person nouns and role words).
OWNED_BY_PERSON: frozenset[str] = _words(
    """
    god lägenhet lägenheten skola förskola hem rum ansökan ärende ärendet beslut journal
    diagnos mående ekonomi skulder hyra kontrakt post brev telefon familj barn föräldrar
    syskon vänner kontaktperson boendestödjare förvaltare handläggare läkare situation
    """
)

# Personal pronouns that refer back to a person in the same sentence: "Oyelaran hade väntat
# i fyra månader när han fick avslag", "Ayten har inte fått besked om sin ansökan".
PERSON_PRONOUNS: frozenset[str] = _words("han hon hen hans hennes hens honom henne sin sitt sina")

# Subjects after a verb: "Sedan ringde hon": the word before the verb is then an adverb.
SUBJECT_PRONOUNS: frozenset[str] = _words("han hon hen vi jag de ni du man det den")

# Genitives that are ordinary words: "Dags att", "livs levande".
GENITIVE_WORDS: frozenset[str] = _words(
    """
    dags livs hans dans tors mars stads lands hems ens ers oss dess mins sins tids års
    bords fots hands havs
    """
)

# Words after a genitive that show it owns nothing ("Dans och musik").
FUNCTION_WORDS: frozenset[str] = _words(
    """
    och eller men som att i på av till från med för om är var har hade kan ska inte nu då
    så den det de en ett
    """
)

# Verbs that take a person as object: "Vi träffade Nora", "ringde Lund" is unusual.
CONTACT_VERBS: frozenset[str] = _words(
    """
    träffade träffar ringde ringer kontaktade kontaktar mejlade mailade hjälpte hjälper
    besökte besöker frågade frågar bad informerade hämtade skjutsade stöttade mötte möter
    stöttat stöttar stötta träffat kontaktat mejlat hjälpt frågat informerat hämtat skjutsat
    mött träffa kontakta hjälpa
    """
)
# "pratade med Nora": the word before "med".
WITH_VERBS: frozenset[str] = _words(
    """
    pratade pratar talade talar följde följer träffades samtalade mötet möte samtalet
    samtal tillsammans kontakt
    """
)

# Words that make the capitalised word after them part of an organisation's or a
# place's name ("Vårdcentralen Björken", "Sankt Lars", "Region Kronoberg").
ORG_HEADS: frozenset[str] = _words(
    """
    region regionen vårdcentral vårdcentralen hälsocentral hälsocentralen mottagning
    mottagningen klinik kliniken sjukhus sjukhuset lasarett lasarettet boende boendet
    gruppboende gruppboendet gården huset hus stiftelsen föreningen förening kyrkan
    församling skolan hotell café kafé restaurang apotek apoteket kvarteret sankt sankta
    s:t st villa hemmet centrum bostäder fastigheter folkhögskola gymnasiet förbundet
    riksförbundet träffpunkt träffpunkten projektet projekt programmet appen tjänsten
    e-tjänsten kommun stad landsting föreningen avdelning avdelningen
    """
)

# Words that make the capitalised word before them part of a name of a place or
# an organisation ("Nora kommun", "Svea hovrätt", "Maria Ungdom", "Freja eID").
ORG_TAILS: frozenset[str] = _words(
    """
    kommun kommuns stad stads län läns socken församling sjukhus lasarett vårdcentral
    hälsocentral universitet universitetssjukhus högskola skola gymnasium kyrka centrum
    gård gården torg park plan hovrätt tingsrätt förvaltningsrätt kammarrätt klinik
    kliniken mottagning mottagningen apotek bostäder hus huset bank förening akademi
    institut institutet ab hb eid ungdom beroende rike ekonomi line kong
    """
)

# Built-in phrases that hold a name but are no person (services and places).
BUILTIN_NON_NAMES: tuple[str, ...] = (
    "Mina sidor",
    "Mina meddelanden",
    "Mina ärenden",
    "Mina intyg",
    "Mina vårdkontakter",
    "Mina fullmakter",
    "Mina ombud",
    "Mina inkomster",
    "Mina sidor för ombud",
    "Freja eID",
    "Maria Ungdom",
    "Maria Beroende",
    "Svea hovrätt",
    "Hong Kong",
)

# Endings of surnames. After a known first name, a capitalised word with a
# strong ending is a surname even if unlisted ("Lena Xyzberg", "Emir Hodžić");
# the weak endings are accepted only after a first name that is no common word.
STRONG_SURNAME_SUFFIXES: tuple[str, ...] = (
    "sson", "son", "sen", "berg", "bergh", "ström", "strom", "qvist", "kvist", "quist",
    "gren", "lund", "lind", "dahl", "holm", "blad", "blom", "stedt", "ell", "én", "ander",
    "ius", "ić", "vić", "ović", "ski", "ska", "cki", "wicz", "czyk", "inen", "nen", "oğlu",
    "oglu", "zadeh",
)
WEAK_SURNAME_SUFFIXES: tuple[str, ...] = (
    "dal", "mark", "fors", "ic", "zade", "pour", "yan", "ian", "ov", "ova", "ev", "eva",
    "enko", "uk", "ez", "es", "os", "ai", "zai", "i", "a", "o", "u", "ndt", "ing",
)

# An unknown capitalised word after a role word is a person unless it ends like
# an authority or an organisation ("handläggaren Försäkringskassan").
ORG_SUFFIXES: tuple[str, ...] = (
    "kassan", "förmedlingen", "verket", "styrelsen", "myndigheten", "kommun", "kommunen",
    "regionen", "centralen", "mottagningen", "kliniken", "enheten", "nämnden", "gruppen",
    "boendet", "huset", "gården", "tjänsten", "förbundet", "föreningen", "inspektionen",
    "fogden", "domstolen", "rätten", "banken", "bolaget", "hem", "psykiatrin", "vården",
    "stödet", "teamet", "service",
)

# Common words that start a sentence before a surname ("Enligt Johansson").
SENTENCE_WORDS: frozenset[str] = _words(
    """enligt efter även till från med hos för av vid när då men och också bara både
    sedan så nu där här om under mot trots utan inte ej kontakta ring fråga fru herr
    vi jag hon han hen de den det dessutom därför ändå"""
)
# Endings of inflected Swedish words (definite nouns, past tense verbs ...).
SWEDISH_WORD_ENDINGS: tuple[str, ...] = (
    "en", "an", "et", "ade", "de", "te", "gt", "ter", "ar", "er", "or", "na", "ning", "het",
)

# Words after which a place name is a place: "i Lund", "från Nora".
PLACE_PREPOSITIONS: frozenset[str] = _words(
    """
    i från till mot utanför nära vid via genom kring runt inom ur på
    """
)

# Words before a month-name that make it a date: "den 5 Juni", "i Maj", "under Juni".
DATE_WORDS: frozenset[str] = _words(
    """
    i under från till sedan efter före innan av om mellan varje hela nästa förra sista
    början mitten slutet inför kring runt per tills
    """
)

# Abbreviations whose final dot does not end a sentence.
NON_FINAL_ABBREVIATIONS: frozenset[str] = _words(
    """
    t.ex bl.a s.k dvs d.v.s ca c:a enl kl nr tel jfr p.g.a pga fr.o.m t.o.m resp ang
    inkl exkl tf t.f f.d ev o dr dir prop kap
    """
)

# Number words from 16 to 99, for ages written out ("trettiofem år").
def _number_words() -> dict[str, int]:
    words = {"tretton": 13, "fjorton": 14, "femton": 15,
             "sexton": 16, "sjutton": 17, "arton": 18, "aderton": 18, "nitton": 19}
    units = ("", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio")
    tens = ("tjugo", "trettio", "fyrtio", "femtio", "sextio", "sjuttio", "åttio", "nittio")
    for t, ten in enumerate(tens):
        for u, unit in enumerate(units):
            words[ten + unit] = 20 + 10 * t + u
        words[ten + "ett"] = 20 + 10 * t + 1
    return words


NUMBER_WORDS: dict[str, int] = _number_words()

_ONE_TO_TWELVE = ("ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv")

# One to twelve, for a child's age in a compound ("sexåriga dottern", "femåringen").
SMALL_NUMBER_WORDS: dict[str, int] = {
    w: n for n, w in enumerate(_ONE_TO_TWELVE, start=1)
}

# Words for people, used by the age rules ("klienten, 23 år", "hennes 7-årige son").
PERSON_NOUNS: frozenset[str] = _words(
    """
    klient klienten kvinna kvinnan man mannen person personen pojke pojken flicka
    flickan son sonen dotter dottern barn barnet mamma mamman pappa pappan mor modern
    far fadern bror brodern syster systern granne grannen sambo sambon make maken maka
    makan fru frun patient patienten brukare brukaren student studenten pensionär
    pensionären tjej tjejen kille killen förälder föräldern ensamstående kusin kusinen
    barnbarn barnbarnet tvilling tvillingen hon han hen tonåring tonåringen
    barnen döttrarna sönerna tvillingarna syskonen flickorna pojkarna bröderna systrarna
    mormor morfar farmor farfar
    """
)

# Nouns that make "N-årig" a duration rather than an age ("en 20-årig erfarenhet").
DURATION_NOUNS: frozenset[str] = _words(
    """
    erfarenhet tradition historia samarbete samarbetet verksamhet period perioden
    projekt projektet satsning satsningen utbildning utbildningen avtal avtalet kontrakt
    jubileum uppdrag uppdraget anställning anställningen plan planen program programmet
    försök försöket insats insatsen forskning studie studien uppföljning garanti
    """
)

# Words that show a generic subject, so "fyller 65" states a rule, not an age.
GENERIC_SUBJECTS: frozenset[str] = _words(
    """
    man personer alla de dem den enskilde enskilda sökande unga barn
    """
)

# Words after "fyller 50" that make the number a count, not an age ("fyller 3 sidor").
TURN_UNITS: frozenset[str] = _words(
    """
    procent kr kronor sidor blanketter timmar minuter dagar veckor månader poäng platser
    personer st stycken rader frågor
    """
)

# Keywords before a number that make it a case or reference number, not a
# personnummer with a typing error ("dnr 250314-1234").
CASE_NUMBER_WORDS: tuple[str, ...] = (
    "dnr", "diarienummer", "diarienr", "ärendenummer", "ärendenr", "ärende", "mål",
    "målnummer", "målnr", "ocr", "referens", "ref", "fakturanummer", "fakturanr",
    "kundnummer", "kundnr", "avtalsnummer", "organisationsnummer", "orgnr", "org.nr",
    "löpnummer", "id",
)

# Capitalised words that follow a five-digit number but are no town ("12 000 Kronor").
NON_TOWNS: frozenset[str] = _words(
    """
    kronor kr sek procent personer ärenden timmar dagar veckor månader år st stycken
    invånare klienter ansökningar
    """
)


def _read_names(filename: str) -> frozenset[str]:
    text = resources.files("po_build").joinpath("data", filename).read_text(encoding="utf-8")
    return frozenset(
        line.strip().lower()
        for line in text.splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )


@functools.cache
def first_names() -> frozenset[str]:
    """First names (lower case), read once on first use."""
    return _read_names("namn_fornamn.txt")


@functools.cache
def last_names() -> frozenset[str]:
    """Surnames (lower case), read once on first use."""
    return _read_names("namn_efternamn.txt")


def data_lines(filename: str) -> list[str]:
    text = resources.files("po_build").joinpath("data", filename).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@functools.cache
def nicknames() -> frozenset[str]:
    """Both sides of every pair in smeknamn.txt ("lasse = lars", "jessika = jessica"), lower case."""
    out: set[str] = set()
    for line in data_lines("smeknamn.txt"):
        out.update(part.strip().lower() for part in line.split("=") if part.strip())
    return frozenset(out)


@functools.cache
def given_names() -> frozenset[str]:
    """First names with their short forms, nicknames and spelling variants."""
    return first_names() | nicknames()


@functools.cache
def names_that_are_words() -> frozenset[str]:
    """Given names that are ordinary words in lower case (namn-som-ord.txt): "stig", "rosa"."""
    return frozenset(line.lower() for line in data_lines("namn-som-ord.txt"))


@functools.cache
def other_places() -> frozenset[str]:
    """Places abroad and Swedish towns and districts that orter.tsv lacks (orter-ovriga.txt)."""
    return frozenset(line.lower() for line in data_lines("orter-ovriga.txt"))


def _non_names() -> list[str]:
    return data_lines("icke-namn.txt")


@functools.cache
def non_name_words() -> frozenset[str]:
    """One-word organisations, services and products that are never a person (icke-namn.txt)."""
    return frozenset(t.lower() for t in _non_names() if " " not in t)


def non_name_phrases() -> tuple[str, ...]:
    """The phrases of icke-namn.txt with more than one word, for the term matcher."""
    return tuple(t for t in _non_names() if " " in t)
