"""Every problem code `po check` can report, explained for an ombud.

One entry per code: what is wrong (rubrik), a short piece of a file that causes
it (exempel) and how to put it right (åtgärd). The guide's page of codes is
generated from this catalog, and a test makes sure that every code the program
can report is here.

Longer than the other modules because it is a catalog, one entry per code: splitting it
would scatter what the guide shows on one page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["fel", "varning"]


@dataclass(frozen=True)
class Code:
    code: str
    rubrik: str
    exempel: str
    åtgärd: str
    grupp: str
    severity: Severity = "fel"


# The groups, in the order the guide shows them.
GROUPS: tuple[str, ...] = (
    "Filen",
    "Fälten",
    "Regler",
    "Rubriker och text",
    "Personuppgifter",
    "Vokabulären",
    "Årsrapporten",
)

# Codes reported as warnings: they never stop a check or a build.
WARNINGS: frozenset[str] = frozenset(
    {"PO320", "PO321", "PO323", "PO324", "PO506",
     "PO326", "PO409", "PO410", "PO411", "PO412", "PO413", "PO414", "PO415"}
)

_FILEN = "Filen"
_FALTEN = "Fälten"
_REGLER = "Regler"
_TEXT = "Rubriker och text"
_PERSON = "Personuppgifter"
_VOKABULAR = "Vokabulären"
_AR = "Årsrapporten"

_ENTRIES: list[tuple[str, str, str, str, str]] = [
    # --- Filen ------------------------------------------------------------------
    (
        "PO100",
        _FILEN,
        "Filen gick inte att läsa.",
        "(filen är låst av ett annat program eller saknar läsrättighet)",
        "Stäng filen i andra program och försök igen. Hjälper inte det: kopiera texten "
        "till en ny fil med samma namn.",
    ),
    (
        "PO101",
        _FILEN,
        "Filen är inte sparad som UTF-8, eller är ingen textfil.",
        "rubrik: Handl�ggare g�r inte att n�",
        "Spara filen som UTF-8 i din textredigerare (Spara som → Kodning: UTF-8). "
        "Då blir å, ä och ö rätt.",
    ),
    (
        "PO102",
        _FILEN,
        "Filen är större än 1 MiB.",
        "(en rapport med ett helt underlag inklistrat i texten)",
        "Korta texten. Lägg långa underlag som bilaga i content/bilagor/ och nämn dem under "
        "bilagor:.",
    ),
    (
        "PO103",
        _FILEN,
        "Filen är tom.",
        "(en fil utan innehåll, eller med bara mellanslag)",
        "Börja från en mall, t.ex. med `po ny brist`, eller ta bort filen.",
    ),
    (
        "PO104",
        _FILEN,
        "Filen börjar inte med de inledande fälten.",
        "Handläggare går inte att nå\n---\nid: B-2025-001",
        "Första raden ska vara exakt ---, följd av fälten (id, typ, rubrik ...) och en rad "
        "med --- till. Texten kommer efter det.",
    ),
    (
        "PO105",
        _FILEN,
        "De inledande fälten avslutas aldrig.",
        "---\nid: B-2025-001\ntyp: brist\n## Beskrivning",
        "Lägg till en rad med bara --- efter det sista fältet.",
    ),
    (
        "PO106",
        _FILEN,
        "Fälten går inte att läsa.",
        "rubrik: Beslut: avslag",
        "Läs meddelandet och titta på raden det pekar på. Vanligast: sätt text med kolon "
        'inom citattecken (rubrik: "Beslut: avslag"), använd mellanslag i stället för tabb, '
        "och stäng varje citattecken och hakparentes.",
    ),
    (
        "PO107",
        _FILEN,
        "Ankare (&) eller alias (*) används i fälten.",
        "tema: &tema Tillgänglighet",
        "Ta bort &namn och *namn och skriv ut värdet där det behövs. Det gör filen lätt att "
        "läsa för alla.",
    ),
    (
        "PO108",
        _FILEN,
        "En typangivelse (!! eller !) står framför ett värde.",
        "rubrik: !!str Handläggare går inte att nå",
        "Ta bort typangivelsen och skriv bara värdet.",
    ),
    (
        "PO109",
        _FILEN,
        "Samma fält står två gånger.",
        "id: B-2025-001\nid: B-2025-002",
        "Ta bort det ena. Meddelandet säger på vilken rad det står första gången.",
    ),
    (
        "PO110",
        _FILEN,
        "De inledande fälten är tomma eller inte skrivna som fält: värde.",
        "---\n- id: B-2025-001\n---",
        "Skriv ett fält per rad, som id: B-2025-001, utan streck (-) först på raden.",
    ),
    (
        "PO111",
        _FILEN,
        "Texten eller ett värde i filen är för långt.",
        "(en text på mer än 200 000 tecken eller 20 000 rader, eller ett fält på mer än 10 000 tecken)",
        "Korta texten. Lägg långa underlag som bilaga i content/bilagor/ och nämn dem under "
        "bilagor:. Långa anteckningar hör hemma i texten, inte i ett fält.",
    ),
    (
        "PO112",
        _FILEN,
        "Filen innehåller ett osynligt styrtecken, eller ett tecken som vänder textens riktning.",
        'rubrik: "Handläggare\\x07 går inte att nå"',
        "Skriv om ordet där meddelandet pekar. Styrtecknen kommer oftast med text som kopierats "
        "från en PDF; klistra in som oformaterad text. Riktningstecken (U+202A–U+202E, "
        "U+2066–U+2069) kan få en rubrik att visas baklänges och tas aldrig emot.",
    ),
    (
        "PO120",
        _FILEN,
        "Fälten är inbäddade i för många nivåer.",
        "intern: {a: {b: {c: {d: {e: {f: {g: {h: text}}}}}}}}",
        "Skriv fälten enklare: högst några indrag. Längre anteckningar hör hemma i texten "
        "under intern: anteckningar.",
    ),
    (
        "PO121",
        _FILEN,
        "Webbplatsen har för många filer att kontrollera.",
        "(mer än 50 000 rapporter och kapitel)",
        "Dela upp webbplatsen, t.ex. en per år.",
    ),
    (
        "PO122",
        _FILEN,
        "En genväg (symbolisk länk) eller en fil som inte är en vanlig fil.",
        "(content/brister/2025 är en genväg till en mapp utanför content/)",
        "Lägg själva filen eller mappen i content/. Genvägar följs aldrig: de kunde annars "
        "lägga filer från datorn som bygger webbplatsen på den.",
    ),
    (
        "PO123",
        _FILEN,
        "Två filnamn som bara skiljer sig i stora och små bokstäver eller i hur å, ä, ö är sparade.",
        "(B-2025-001-telefon.md och B-2025-001-Telefon.md)",
        "Byt namn på den ena. På Windows och Mac blir de samma fil. Använd helst bara a–z, 0–9 "
        "och bindestreck i filnamn.",
    ),
    (
        "PO124",
        _FILEN,
        "En fil som kan köra skript på webbplatsen eller i PDF-läsaren.",
        '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>',
        "Spara dokument som PDF och bilder som PNG eller JPG. En SVG-bild får inte innehålla "
        "skript, on...=-attribut eller inbäddad HTML, och en PDF inget JavaScript eller andra "
        "åtgärder som körs när den öppnas. HTML-, JavaScript- och XML-filer (.xml, .xsd, .xsl, "
        ".rdf, .kml ...) hör inte hemma i content/: egna skript och mallar läggs i overrides/.",
    ),
    (
        "PO125",
        _FILEN,
        "En fil av en typ som aldrig publiceras, eller vars innehåll inte stämmer med namnet.",
        "(content/bilagor/skrivelse.docx)",
        "Spara dokument som PDF och bilder som PNG eller JPG. Det som publiceras är PDF, PNG, JPG, "
        "GIF, WebP, SVG och textfiler (.txt, .csv), och innehållet avgör: en fil som heter .png "
        "men inte är en PNG-bild stoppas också. Word-, Excel- och andra Office-filer bär med sig "
        "författarens namn, ändringar och ibland makron.",
    ),
    (
        "PO126",
        _FILEN,
        "En bild eller PDF går inte att läsa, är lösenordsskyddad eller är för stor.",
        "(en PNG-bild på 30 000 × 30 000 bildpunkter)",
        "Öppna filen och spara den på nytt, som PDF utan lösenord eller som en mindre bild (högst "
        "50 miljoner bildpunkter, t.ex. 8 000 × 6 000).",
    ),
    (
        "PO127",
        _FILEN,
        "En rapport eller årsrapport ligger där bygget inte läser den som en sådan.",
        "(content/B-2025-001-telefon.md, content/brister/2025/B-2025-001-telefon.markdown)",
        "Flytta rapporten till content/brister/<år>/ och årsrapporten till content/arsrapport/<år>/, "
        "och spara dem med ändelsen .md. Annars blev utkastet en vanlig sida på webbplatsen, "
        "eller en rapport som inte syntes.",
    ),
    (
        "PO128",
        _FILEN,
        "En mapp eller fil heter nästan som en av webbplatsens egna (brister, arsrapport, bilagor, "
        "vokabular.yml).",
        "(content/Brister/2025/B-2025-001-telefon.md)",
        "Byt namn på mappen eller filen så att den heter exakt brister, arsrapport, bilagor eller "
        "vokabular.yml, med små bokstäver och utan å, ä och ö. Annars läser bygget den som en "
        "vanlig mapp och publicerar det som ligger i den.",
    ),
    (
        "PO129",
        _FILEN,
        "Ett fil- eller mappnamn med tecken som inte fungerar på alla datorer.",
        "(content/bilagor/brev:2025.pdf)",
        "Byt namn, helst med bara a–z, 0–9 och bindestreck. Kolon, *, ?, citattecken, < > | och \\ "
        "går inte att använda på Windows, och osynliga tecken och radbrytningar i ett namn ställer "
        "till det i granskningen.",
    ),
    # --- Fälten -----------------------------------------------------------------
    (
        "PO200",
        _FALTEN,
        "Ett fält är felaktigt på ett sätt som inte har någon egen kod.",
        "(ovanligt: meddelandet beskriver felet)",
        "Läs meddelandet och jämför med fältreferensen i guiden.",
    ),
    (
        "PO201",
        _FALTEN,
        "Ett fält som måste finnas saknas.",
        "---\nid: B-2025-001\ntyp: brist\ndatum: 2025-03-14\n---",
        "Lägg till fältet som meddelandet nämner. En brist behöver id, typ, rubrik, datum, "
        "nivå, kategorier, aktörer, allvarlighet och status; en positiv händelse id, typ, "
        "rubrik, datum, kategorier och aktörer.",
    ),
    (
        "PO202",
        _FALTEN,
        "Okänt fält.",
        "kategoriier: [samordning]",
        "Rätta stavningen (meddelandet föreslår det närmaste fältet) eller ta bort fältet. "
        "Egna anteckningar kan stå under intern:.",
    ),
    (
        "PO203",
        _FALTEN,
        "Ett fält har fel sorts värde, t.ex. text där det ska vara en lista.",
        "kategorier: samordning",
        "Skriv värdet i rätt form: listor inom hakparenteser, t.ex. kategorier: [samordning].",
    ),
    (
        "PO204",
        _FALTEN,
        "id har fel form.",
        "id: B-25-1",
        "Skriv B-ÅÅÅÅ-NNN för en brist och P-ÅÅÅÅ-NNN för en positiv händelse, t.ex. "
        "B-2025-001. `po ny brist` väljer nästa lediga nummer.",
    ),
    (
        "PO205",
        _FALTEN,
        "Rubriken är för kort eller för lång.",
        "rubrik: Telefonen",
        "Skriv en rubrik på 10–120 tecken som säger vad bristen eller händelsen gäller.",
    ),
    (
        "PO206",
        _FALTEN,
        "Ett värde finns inte i vokabulären.",
        "aktörer: [forsakringskasan]",
        "Rätta stavningen (meddelandet föreslår det närmaste värdet). Egna aktörer, "
        "kategorier och områden läggs till i content/vokabular.yml.",
    ),
    (
        "PO207",
        _FALTEN,
        "Ett datum är inte ett riktigt datum i formen ÅÅÅÅ-MM-DD.",
        "datum: 2025-02-30",
        "Skriv datumet som år-månad-dag med siffror, t.ex. 2025-03-14.",
    ),
    (
        "PO208",
        _FALTEN,
        "En lista som måste ha minst ett värde är tom.",
        "kategorier: []",
        "Skriv minst ett värde i listan, t.ex. kategorier: [samordning].",
    ),
    (
        "PO209",
        _FALTEN,
        "Samma värde står två gånger i en lista.",
        "aktörer: [lss, lss]",
        "Ta bort det ena.",
    ),
    (
        "PO210",
        _FALTEN,
        "Ett tal är för litet eller för stort.",
        "ombud: -1",
        "Skriv ett tal inom de gränser meddelandet anger, t.ex. 0 eller mer.",
    ),
    (
        "PO211",
        _FALTEN,
        "typ saknas eller är fel.",
        "typ: bris",
        "Skriv typ: brist för en brist och typ: positiv för en positiv händelse.",
    ),
    (
        "PO212",
        _FALTEN,
        "En lista har för många värden.",
        "(mer än 200 värden i samma lista)",
        "Korta listan till de viktigaste värdena.",
    ),
    (
        "PO213",
        _FALTEN,
        "publicera är varken ja eller nej.",
        "publicera: kanske",
        "Skriv publicera: true (eller ja) när styrgruppen har beslutat att publicera, annars "
        "false (eller nej).",
    ),
    # --- Regler -----------------------------------------------------------------
    (
        "PO301",
        _REGLER,
        "Filnamnet börjar inte med rapportens id.",
        "(filen tillganglighet.md med id: B-2025-001)",
        "Byt namn på filen så att den börjar med id:t, t.ex. B-2025-001-kort-beskrivning.md, "
        "eller rätta id:t.",
    ),
    (
        "PO302",
        _REGLER,
        "Två rapporter har samma id.",
        "(id: B-2025-001 i två olika filer)",
        "Ge den nyare rapporten nästa lediga nummer, och byt filnamnet också. "
        "`po ny brist` väljer numret åt dig.",
    ),
    (
        "PO303",
        _REGLER,
        "Ett datum ligger i framtiden.",
        "datum: 2030-01-01",
        "Skriv det datum då det faktiskt hände. Stegen i historiken skrivs in när de har "
        "skett, inte i förväg.",
    ),
    (
        "PO304",
        _REGLER,
        "En kategori hör inte till den valda nivån.",
        "nivå: individ\nkategorier: [regelverk]",
        "Byt nivå eller välj en kategori som gäller för nivån. Meddelandet räknar upp "
        "kategorierna för nivån.",
    ),
    (
        "PO305",
        _REGLER,
        "Historiken börjar inte med upptäckt.",
        "historik:\n  - {datum: 2025-03-14, status: analyserad}",
        "Lägg till ett första steg med status: upptäckt och datumet då bristen först sågs.",
    ),
    (
        "PO306",
        _REGLER,
        "Historiken står inte i datumordning.",
        "historik:\n  - {datum: 2025-05-01, status: upptäckt}\n"
        "  - {datum: 2025-04-01, status: påtalad}",
        "Flytta raden så att stegen står från det äldsta till det senaste, eller rätta datumet.",
    ),
    (
        "PO307",
        _REGLER,
        "Sista steget i historiken är inte samma som status.",
        "status: åtgärdad\nhistorik:\n  - {datum: 2025-03-14, status: upptäckt}",
        "Lägg till det senaste steget i historiken, eller ändra status så att de stämmer.",
    ),
    (
        "PO308",
        _REGLER,
        "Ett datum i förekomster eller historik ligger före rapportens datum.",
        "datum: 2025-03-14\nförekomster: [2025-01-10]",
        "datum är första gången bristen sågs. Flytta det tidigaste tillfället till datum, "
        "eller rätta datumet.",
    ),
    (
        "PO309",
        _REGLER,
        "publicera är true men publicerad saknas.",
        "publicera: true",
        "Lägg till publicerad: ÅÅÅÅ-MM-DD med datumet för styrgruppens beslut.",
    ),
    (
        "PO314",
        _REGLER,
        "relaterade nämner en rapport som inte finns.",
        "relaterade: [B-2025-999]",
        "Kontrollera id:t. En rapport som har fel räknas inte förrän felen är rättade, och "
        "en rapport kan inte vara relaterad till sig själv.",
    ),
    (
        "PO315",
        _REGLER,
        "En bilaga finns inte i content/bilagor/.",
        "bilagor: [skrivelse-2025.pdf]",
        "Lägg filen i content/bilagor/ eller rätta namnet. Skriv bara filnamnet, utan ../ "
        "eller sökvägar som börjar med /.",
    ),
    (
        "PO321",
        _REGLER,
        "Rapporten ligger i en mapp för ett annat år än id:t (varning).",
        "(brister/2024/B-2025-001-telefon.md)",
        "Flytta filen till mappen för året i id:t, t.ex. brister/2025/.",
    ),
    (
        "PO323",
        _REGLER,
        "publicerad ligger före datum (varning).",
        "datum: 2025-03-14\npublicerad: 2025-01-01",
        "Beslutet att publicera kan inte komma före upptäckten: rätta något av datumen.",
    ),
    (
        "PO324",
        _REGLER,
        "relaterade nämner en rapport som själv har fel (varning).",
        "relaterade: [B-2025-004]",
        "Rätta felen i den andra rapporten; då försvinner varningen.",
    ),
    (
        "PO327",
        _REGLER,
        "En ny rapports id används redan på en annan gren (`po krockar`).",
        "(två ombud lämnade in B-2026-007 samtidigt, i två olika filer)",
        "Den som kom sist byter till nästa lediga nummer, som meddelandet anger: ändra raden id: och "
        "filnamnet, i GitHubs eller GitLabs redigerare eller med en textredigerare.",
    ),
    # --- Rubriker och text ------------------------------------------------------------
    (
        "PO310",
        _TEXT,
        "En rubrik som måste finnas saknas.",
        "## Beskrivning\n\nBara en beskrivning.",
        "Lägg till rubriken, med text under. En brist har ## Beskrivning, ## Orsaker, "
        "## Konsekvenser och ## Förslag till åtgärder; en positiv händelse ## Händelse.",
    ),
    (
        "PO311",
        _TEXT,
        "Rubrikerna står i fel ordning.",
        "## Orsaker\n\n...\n\n## Beskrivning",
        "Flytta avsnittet så att rubrikerna står i den ordning meddelandet visar.",
    ),
    (
        "PO312",
        _TEXT,
        "Okänd rubrik.",
        "## Orsak",
        "Rätta rubriken (meddelandet föreslår den närmaste) eller gör den till en mindre "
        "rubrik med ### under ett av de kända avsnitten.",
    ),
    (
        "PO313",
        _TEXT,
        "Samma rubrik står två gånger.",
        "## Beskrivning\n\n...\n\n## Beskrivning",
        "Slå ihop texterna under en rubrik.",
    ),
    (
        "PO325",
        _TEXT,
        "Hjälptexten från mallen står kvar i en rapport som ska publiceras.",
        "## Orsaker\n\nSkriv vad som orsakar bristen: rutiner, regler, organisation eller arbetssätt, "
        "inte enskilda personer.",
        "Byt ut hjälptexten mot egen text, eller ta bort en valfri rubrik som inte behövs. Annars "
        "publiceras hjälptexten som rapportens text.",
    ),
    (
        "PO326",
        _TEXT,
        "Hjälptexten från mallen står kvar (varning).",
        "## Orsaker\n\nSkriv vad som orsakar bristen: rutiner, regler, organisation eller arbetssätt, "
        "inte enskilda personer.",
        "Byt ut hjälptexten mot egen text innan rapporten publiceras; med publicera: true är den ett fel.",
    ),
    (
        "PO501",
        _TEXT,
        "HTML-kod i texten.",
        "<b>Viktigt</b>",
        "Skriv med vanlig Markdown: **fet**, *kursiv*, listor med - och länkar "
        "[text](https://...).",
    ),
    (
        "PO502",
        _TEXT,
        "En länk som inte går till en vanlig webbadress.",
        "[Läs mer](javascript:alert(1))",
        "Länka bara till adresser som börjar med https:// (eller mailto: för e-post).",
    ),
    (
        "PO503",
        _TEXT,
        "En HTML-kommentar i texten.",
        "<!-- fråga styrgruppen om detta -->",
        "Ta bort kommentaren: den syns inte på sidan men följer med i sidans källkod. "
        "Interna anteckningar skrivs under intern: anteckningar.",
    ),
    (
        "PO504",
        _TEXT,
        "Ett attribut som on...= i texten.",
        '{: onclick="alert(1)"}',
        "Ta bort {...}-delen.",
    ),
    (
        "PO505",
        _TEXT,
        "En länk som pekar ut ur webbplatsen.",
        "[lösenord](../../../etc/passwd)",
        "Länka till andra webbplatser med hela adressen (https://...) och till bilagor med "
        "../../bilagor/filnamn. En länk får inte börja med / eller gå uppåt med fler ../ än "
        "sidan ligger djupt.",
    ),
    (
        "PO506",
        _TEXT,
        "En egen sida innehåller något som kan köra skript; det tas bort när webbplatsen byggs.",
        '<img src="logga.png" onerror="alert(1)">',
        "Ta bort skriptet, on...=-attributet eller javascript:-länken. Egna skript läggs i "
        "overrides/, där de granskas separat.",
    ),
    # --- Personuppgifter --------------------------------------------------------
    (
        "PO401",
        _PERSON,
        "Ett personnummer.",
        "Klienten (19850312-1234) fick avslag.",
        "Ta bort numret. Inga uppgifter som kan peka ut en klient får stå i rapporten.",
    ),
    (
        "PO402",
        _PERSON,
        "Ett samordningsnummer.",
        "Klienten har samordningsnummer 850372-1238.",
        "Ta bort numret. Skriv om situationen i allmänna ordalag.",
    ),
    (
        "PO403",
        _PERSON,
        "Ett telefonnummer.",
        "Handläggaren nås på 070-123 45 67.",
        "Ta bort numret. Skriv vilken verksamhet det gäller, inte hur en person nås.",
    ),
    (
        "PO404",
        _PERSON,
        "En e-postadress.",
        "Vi mejlade handlaggare@kommun.se utan svar.",
        "Ta bort adressen. Skriv vilken verksamhet det gäller.",
    ),
    (
        "PO405",
        _PERSON,
        "En gatuadress.",
        "Klienten bor på Storgatan 12.",
        "Ta bort adressen. Skriv som mest kommunen eller området, om det behövs.",
    ),
    (
        "PO406",
        _PERSON,
        "Ett postnummer med ort.",
        "Skrivelsen skickades till 123 45 Norrby.",
        "Ta bort postnumret. Kommunen eller området räcker, om det behövs.",
    ),
    (
        "PO407",
        _PERSON,
        "Ett namn på en person.",
        "Handläggaren Lena Johansson lovade att återkomma.",
        "Skriv rollen i stället för namnet, t.ex. handläggaren. Är ordet inget namn (t.ex. "
        "namnet på en stiftelse) kan det läggas under tillåtna_termer i vokabular.yml, med skäl.",
    ),
    (
        "PO408",
        _PERSON,
        "En ålder som kan peka ut en klient.",
        "Klienten, 34 år, fick vänta i fyra månader.",
        "Ta bort åldern, eller skriv en åldersgrupp om den behövs för att förstå bristen.",
    ),
    (
        "PO409",
        _PERSON,
        "Ett ord som kan vara ett namn skrivet med liten bokstav (varning).",
        "Vi skrev till sara om saken.",
        "Är det ett namn: skriv rollen i stället, t.ex. klienten eller handläggaren. Ett namn med "
        "liten bokstav efter t.ex. handläggaren, träffade eller pratade med stoppas som ett fel.",
    ),
    (
        "PO410",
        _PERSON,
        "En liten ort (varning).",
        "Klienten i Bastuträsk väntade på färdtjänst i fyra månader.",
        "En ort med högst 2 000 invånare kan tillsammans med en diagnos, ett yrke eller en "
        "familjeuppgift peka ut klienten. Skriv 'en mindre ort i kommunen' om orten inte behövs. "
        "Orterna kommer från SCB:s statistik över tätorter; kommunens namn varnas inte för.",
    ),
    (
        "PO411",
        _PERSON,
        "En sällsynt diagnos (varning).",
        "En klient med Huntingtons sjukdom nekades hemtjänst.",
        "Skriv om behovet, inte om diagnosen. En sällsynt diagnos i en liten kommun kan räcka för "
        "att någon känner igen klienten.",
    ),
    (
        "PO412",
        _PERSON,
        "En ovanlig familjeuppgift (varning).",
        "Mamman till trillingar fick inget stöd.",
        "Ta bort uppgiften om den inte behövs, eller skriv bredare, t.ex. 'en förälder med flera "
        "små barn'.",
    ),
    (
        "PO413",
        _PERSON,
        "Ett tidigare yrke (varning).",
        "Klienten är före detta rektor på skolan.",
        "Ta bort yrket om det inte behövs för att förstå bristen. I en liten ort vet många vem "
        "som var präst eller polis.",
    ),
    (
        "PO414",
        _PERSON,
        "En olycka eller händelse med plats eller tid (varning).",
        "Efter olyckan vid Bettna i mars har klienten inte kunnat arbeta.",
        "Skriv utan plats och tid, t.ex. 'efter en olycka': en händelse med plats och tid går att "
        "slå upp i lokaltidningen.",
    ),
    (
        "PO415",
        _PERSON,
        "En uppgift som bara gäller en person eller ett fåtal (varning).",
        "Hon är den enda kvinnliga brandmannen i kommunen.",
        "Skriv bredare, så att beskrivningen passar fler än en person.",
    ),
    (
        "PO416",
        _PERSON,
        "En bild innehåller platsen där den togs (GPS).",
        "(ett foto från en mobiltelefon med platstjänster på)",
        "Ta bort platsuppgiften innan bilden läggs i content/: i Windows under Egenskaper → "
        "Detaljer → Ta bort egenskaper och personlig information, på en iPhone under "
        "Alternativ → Plats när bilden delas.",
    ),
    # --- Vokabulären ------------------------------------------------------------
    (
        "PO320",
        _VOKABULAR,
        "Ett ord som är utgånget i vokabulären används (varning).",
        "aktörer: [staten]   (med staten: {utgått: true} i vokabular.yml)",
        "Välj ett ord som gäller i nya rapporter. Äldre rapporter kan stå kvar som de är.",
    ),
    (
        "PO601",
        _VOKABULAR,
        "Okänt avsnitt i vokabular.yml.",
        "aktorer:\n  fk-norr: Försäkringskassan Norr",
        "Rätta avsnittets namn. Kända avsnitt: nivåer, kategorier, positiva_kategorier, "
        "aktörer, områden, statusar, allvarlighet, tillåtna_termer.",
    ),
    (
        "PO602",
        _VOKABULAR,
        "Ett ord i vokabulären är fel skrivet.",
        "aktörer:\n  fk-norr: [Försäkringskassan Norr]",
        "Skriv id: namn, t.ex. fk-norr: Försäkringskassan Norr, eller namn:, beskrivning: "
        "och utgått: på egna, indragna rader.",
    ),
    (
        "PO603",
        _VOKABULAR,
        "Ett nytt id innehåller andra tecken än a–z, siffror och bindestreck.",
        "områden:\n  östra-dalen: Östra dalen",
        "Skriv id:t med små bokstäver a–z, siffror och bindestreck, utan å, ä, ö och "
        "mellanslag, t.ex. ostra-dalen. Namnet efter kolonet får ha å, ä och ö.",
    ),
    (
        "PO604",
        _VOKABULAR,
        "En kategori saknar nivåer eller anger en nivå som inte finns.",
        "kategorier:\n  boende: {namn: Boende, nivåer: [regional]}",
        "Ange de nivåer kategorin gäller för, t.ex. nivåer: [lokal, nationell]. Nivåerna är "
        "individ, lokal och nationell.",
    ),
    (
        "PO605",
        _VOKABULAR,
        "En tillåten term saknar skäl.",
        "tillåtna_termer:\n  - term: Ingrid",
        "Skriv varför ordet får stå kvar, med skäl: på raden under, så att styrgruppen kan "
        "se det vid granskningen.",
    ),
    (
        "PO606",
        _VOKABULAR,
        "Försök att lägga till en ny status, nivå eller allvarlighet.",
        "statusar:\n  vilande: Vilande",
        "Statusar, nivåer och allvarlighetsgrader kan bara byta namn, inte bli fler: "
        "arbetsgången och årets siffror bygger på dem.",
    ),
    # --- Årsrapporten -----------------------------------------------------------
    (
        "PO316",
        _AR,
        "Årsrapportens år stämmer inte med mappen, eller filen ligger i fel mapp.",
        "år: 2024   (i arsrapport/2025/index.md)",
        "Skriv samma år som mappens namn, och lägg årsrapportens filer direkt i arsrapport/<år>/.",
    ),
    (
        "PO317",
        _AR,
        "Årsrapportens mapp saknar index.md.",
        "(arsrapport/2025/ med kapitel men utan index.md)",
        "Skapa index.md med år:, titel: och förordet, t.ex. med `po ny arsrapport 2025`.",
    ),
    (
        "PO318",
        _AR,
        "Två kapitel har samma ordning.",
        "ordning: 2   (i två kapitel)",
        "Ge varje kapitel ett eget nummer: 1, 2, 3 ...",
    ),
    (
        "PO319",
        _AR,
        "Delarna av sökande stämmer inte med totalt.",
        "sökande: {totalt: 10, själv: 4, anhörig: 3, myndighet: 2, övriga: 0}",
        "Rätta siffrorna. När alla fyra delar (själv, anhörig, myndighet, övriga) anges ska de bli "
        "totalt; när bara några anges får de bli högst totalt. Delarna får saknas: många "
        "organisationer redovisar bara totalt.",
    ),
    (
        "PO330",
        _AR,
        "Okänd markering i årsrapporten.",
        "<!-- po: figurer -->",
        "Rätta namnet (meddelandet föreslår det närmaste). Markeringarna finns i guiden, "
        "t.ex. <!-- po: nyckeltal --> och <!-- po: per-niva -->.",
    ),
]

CODES: dict[str, Code] = {
    code: Code(code, rubrik, exempel, åtgärd, grupp, "varning" if code in WARNINGS else "fel")
    for code, grupp, rubrik, exempel, åtgärd in _ENTRIES
}


def severity_of(code: str) -> Severity:
    """The catalog's severity for a code; a code missing from it is an error (and a test failure)."""
    entry = CODES.get(code)
    return entry.severity if entry is not None else "fel"


def by_group() -> dict[str, list[Code]]:
    """The catalog in guide order: groups as in GROUPS, codes in number order."""
    out: dict[str, list[Code]] = {g: [] for g in GROUPS}
    for code in sorted(CODES):
        out[CODES[code].grupp].append(CODES[code])
    return out
