"""Texts that guide an ombud filling in a report: shared by `po ny`, its templates and the web form.

Each form (the terminal's `po ny`, the file templates in `_mallar/`, the web form at /admin/)
shows the schema's own description of a field followed by this advice, so all of them
say the same thing.
"""

from __future__ import annotations

PLACEHOLDER = "VÄLJ"
KIND_NAMES = {"brist": "brist", "positiv": "positiv händelse"}
ID_PREFIX = {"brist": "B", "positiv": "P"}
# Extra advice after the schema's own description, where the form needs more.
FIELD_ADVICE: dict[str, str] = {
    "id": "Låt det stå som det är.",
    "rubrik": "Säg vad det gäller, utan namn.",
    "kategorier": "Skriv som en lista, t.ex. [samordning, tillganglighet].",
    "aktörer": "Skriv som en lista, t.ex. [forsakringskassan].",
    "områden": "Kan vara tom: [].",
    "förekomster": "Skriv datumen som en lista, t.ex. [ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM-DD].",
    "mottagare": "T.ex. [Styrgruppen för personligt ombud].",
    "relaterade": "T.ex. [B-2025-004].",
    "bilagor": "Lägg filen i content/bilagor/ och skriv filnamnet här.",
    "publicera": "Låt det stå false. Styrgruppen beslutar, och då ändras det till true.",
    "publicerad": "Ta bort # först på raden och skriv datumet när styrgruppen har beslutat.",
    "tema": "Ta bort # först på raden om rapporten hör till årets tema.",
    "intern": "rapportör är det ombud som rapporterar; anteckningar är fri text.",
}
# In the blank form for the web editor, the ombud fills in what the command fills in.
TEMPLATE_ADVICE: dict[str, str] = {
    "id": "Byt ÅÅÅÅ mot året och NNN mot nästa lediga nummer, t.ex. B-2026-007 eller P-2026-007.",
    "datum": "Skriv datumet med siffror, t.ex. 2026-03-14.",
}
# In the web form at /admin/, where `po ny`'s advice is about typing YAML (lists in
# brackets, removing a # first on the line), which the form does for you.
FORM_ADVICE: dict[str, str] = {
    "id": "Id:t väljs åt dig: nästa lediga nummer för året. Du behöver inte skriva något.",
    "rubrik": FIELD_ADVICE["rubrik"],
    "datum": "Välj datumet i kalendern.",
    "kategorier": "Välj en eller flera.",
    "aktörer": "Välj en eller flera.",
    "förekomster": "Lägg till ett datum för varje gång samma brist har setts igen.",
    "mottagare": "T.ex. Styrgruppen för personligt ombud.",
    "relaterade": "Skriv id:t, t.ex. B-2025-004.",
    "bilagor": "Skriv bara filnamnet. Filen själv läggs till i inlämningen på GitHub eller GitLab.",
    "publicera": "Fylls i av styrgruppen när den har beslutat. Lämna rutan tom när du lämnar in.",
    "publicerad": "Fylls i av styrgruppen: dagen för beslutet.",
    "intern": "Syns bara för styrgruppen, aldrig på webbplatsen.",
}
