"""What each field of the open-data files means, for the open-data page.

A field that comes from a report's front matter takes its meaning from the schema
(contract/schema.py), the one place where the fields are described, with the allowed
values where the schema lists them; what the public file does differently (month and
year instead of a date, a count instead of dates) is said after it. Fields that the
build computes are described here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from po_build.contract.schema import build_schema
from po_build.contract.vocabulary import Vocabulary
from po_build.outputs.opendata.records import CSV_HEADER
from po_build.outputs.yearly.socialstyrelsen import SOCIALSTYRELSEN_HEADER


@dataclass(frozen=True)
class Field:
    name: str
    meaning: str


def _schema(vocab: Vocabulary, kind: str) -> dict[str, Any]:
    properties: dict[str, Any] = build_schema(vocab)["$defs"][kind]["properties"]
    return properties


def _from_schema(props: dict[str, Any], key: str, after: str = "", values: bool = False) -> str:
    text = str(props[key].get("description", "")).strip()
    if values and "enum" in props[key]:
        text += " Värden: " + ", ".join(f"{v}" for v in props[key]["enum"]) + "."
    return f"{text} {after}".strip()


def brist_fields(vocab: Vocabulary) -> list[Field]:
    """The fields of a deficiency in brister.json, in the file's order (brister.csv has the same columns)."""
    s = _schema(vocab, "brist")
    fields = {
        "id": "Bristens beteckning, till exempel B-2025-001. Ändras aldrig.",
        "rubrik": _from_schema(s, "rubrik"),
        "url": "Bristens sida, räknat från webbplatsens början, till exempel brister/B-2025-001/.",
        "år": "Året då bristen först uppmärksammades.",
        "månad": "Månaden (1–12) då bristen först uppmärksammades. Exakta datum publiceras aldrig.",
        "nivå": _from_schema(s, "nivå"),
        "kategorier": _from_schema(s, "kategorier", "Id:n; namnen står i etiketter."),
        "aktörer": _from_schema(s, "aktörer", "Id:n; namnen står i etiketter."),
        "områden": "Kommuner eller områden som berörs; region när området är för litet för att namnges. "
                   "Kan vara tom.",
        "allvarlighet": _from_schema(s, "allvarlighet"),
        "status": _from_schema(s, "status", values=True),
        "antal_gånger": "Hur många gånger ombuden har sett bristen, den första gången inräknad. "
                        "Datumen för gångerna publiceras inte.",
        "historik": "Stegen i arbetet, i tidsordning, var och ett med år, månad, status och en kort "
                    "offentlig text (kan vara tom).",
        "mottagare": _from_schema(s, "mottagare"),
        "relaterade": _from_schema(s, "relaterade", "Bara publicerade rapporter."),
        "publicerad": _from_schema(s, "publicerad").split(";")[0] + " (ÅÅÅÅ-MM-DD).",
        "tema": _from_schema(s, "tema", "Annars tomt (null)."),
    }
    assert list(fields) == CSV_HEADER, "brister.json och brister.csv har samma fält i samma ordning"
    return [Field(name, meaning) for name, meaning in fields.items()]


def positiv_fields(vocab: Vocabulary) -> list[Field]:
    s = _schema(vocab, "positiv")
    by_name = {f.name: f for f in brist_fields(vocab)}
    return [
        Field("id", "Händelsens beteckning, till exempel P-2025-001. Ändras aldrig."),
        Field("rubrik", _from_schema(s, "rubrik")),
        Field("url", "Händelsens sida, till exempel positivt/P-2025-001/."),
        Field("år", "Året då händelsen inträffade."),
        Field("månad", "Månaden (1–12) då händelsen inträffade. Exakta datum publiceras aldrig."),
        Field("kategorier", _from_schema(s, "kategorier", "Id:n; namnen står i etiketter.")),
        by_name["aktörer"], by_name["områden"], by_name["relaterade"], by_name["publicerad"], by_name["tema"],
    ]


HEADER_FIELDS = [
    Field("organisation", "Organisationens namn."),
    Field("genererad_från", "Alltid publicerade rapporter."),
    Field("antal", "Antal rapporter i filen."),
]

STATS_FIELDS = [
    Field("år", "Året."),
    Field("läge_vid", "Alltid årets slut: siffrorna räknas som läget var vid slutet av året."),
    Field("brister.totalt", "Antal brister som uppmärksammades under året."),
    Field("brister.per_nivå", "Antal per nivå."),
    Field("brister.per_status", "Antal per status, som den var vid årets slut (en brist utan historik "
                                "räknas med sin nuvarande status)."),
    Field("brister.per_kategori", "Antal per kategori. En brist med två kategorier räknas i båda, så summan "
                                  "kan bli större än totalt."),
    Field("brister.per_aktör", "Antal per aktör, räknat på samma sätt."),
    Field("brister.åtgärdade_under_året", "Antal brister som fick status åtgärdad under året, oavsett vilket år "
                                          "de uppmärksammades."),
    Field("brister.öppna_vid_årets_slut", "Antal av årets brister som inte var åtgärdade eller avslutade vid "
                                          "årets slut."),
    Field("positiva.totalt", "Antal positiva händelser under året."),
]

SOCIALSTYRELSEN_MEANINGS = {
    "år": "Året som svaren gäller.",
    "fråga": "Socialstyrelsens fråga, till exempel Antal identifierade brister.",
    "nivå": "Nivåns id (individ, lokal, nationell), totalt för alla nivåer, eller tomt.",
    "nivå_namn": "Nivåns namn.",
    "svar": "Svaret: ett antal, en rubrik eller en text.",
    "id": "Bristens id, när svaret är en brist.",
    "sida": "Bristens sida på webbplatsen.",
    "kommentar": "Allvarlighet eller vad som gjordes, när det finns.",
}


def socialstyrelsen_fields() -> list[Field]:
    return [Field(name, SOCIALSTYRELSEN_MEANINGS[name]) for name in SOCIALSTYRELSEN_HEADER]


APPLICANT_FIELDS = [
    Field("totalt", "Hur många som sökte personligt ombud under året."),
    Field("själv, anhörig, myndighet, övriga", "Hur de kom i kontakt: på eget initiativ, via anhörig, via "
                                               "myndighet eller verksamhet, eller på annat sätt."),
    Field("antal", "Antalet, eller null när det är skyddat."),
    Field("skyddad", "true när antalet är så litet att det inte visas (skydd mot små tal)."),
    Field("färre_än", "När antalet är skyddat för att det är litet: gränsen det är mindre än."),
]

INDEX_FIELDS = [
    Field("organisation", "Organisationens namn."),
    Field("beskrivning", "Kort beskrivning av de öppna data."),
    Field("licens", "Licensen som gäller för filerna."),
    Field("filer", "En post per fil: fil (sökvägen), format (filtyp), beskrivning och ändras (hur ofta filen "
                   "ändras)."),
]
