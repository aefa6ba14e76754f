"""Which files may be copied to the public site: an explicit list of types, told apart by their
content (the first bytes), never by their name alone.

A static host chooses the content type by the suffix, and a browser then decides what it runs:
an `.xsd` or `.rdf` is served as XML and may run an XHTML `<script>` with the site's origin, and
an Office document carries its author, its edit history and sometimes macros. So the rule is the
other way round: a file is published only when it is one of the types below, its content is
that type, and its suffix is one the type is served under. Everything else is refused by
`po check` with a word on what to do instead.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FileType:
    kind: str
    label: str  # "en PDF", in a Swedish sentence: "filen är en PDF men heter ..."
    suffixes: tuple[str, ...]  # the first one is the one to suggest


PDF = FileType("pdf", "en PDF", (".pdf",))
PNG = FileType("png", "en PNG-bild", (".png",))
JPEG = FileType("jpeg", "en JPEG-bild", (".jpg", ".jpeg", ".jpe", ".jfif"))
GIF = FileType("gif", "en GIF-bild", (".gif",))
WEBP = FileType("webp", "en WebP-bild", (".webp",))
SVG = FileType("svg", "en SVG-bild", (".svg",))
TEXT = FileType("text", "en textfil", (".txt", ".csv"))

ALLOWED: tuple[FileType, ...] = (PDF, PNG, JPEG, GIF, WEBP, SVG, TEXT)
IMAGES: tuple[FileType, ...] = (PNG, JPEG, GIF, WEBP)
# Files a host reads by their exact name at the site's root: GitHub Pages' custom domain.
TEXT_NAMES = frozenset({"CNAME"})

# Files a browser runs as a program or as a page that can hold one, and XML formats it shows
# itself (any of them may carry an XHTML <script>). None of them belongs in content/: the site's
# own scripts and templates live in the theme (overrides/), which is reviewed as code.
ACTIVE_SUFFIXES = frozenset({
    ".html", ".htm", ".xhtml", ".xht", ".shtml", ".js", ".mjs", ".cjs", ".xsl", ".xslt",
    ".svgz", ".swf", ".hta", ".wasm", ".xml", ".xsd", ".rdf", ".kml", ".gpx", ".rss", ".atom",
    ".xul", ".mathml", ".mml", ".dtd", ".vml", ".php", ".jsp", ".asp", ".aspx", ".cgi", ".pl",
})


def by_suffix(suffix: str) -> FileType | None:
    suffix = suffix.lower()
    return next((t for t in ALLOWED if suffix in t.suffixes), None)


def by_kind(kind: str) -> FileType:
    return next(t for t in ALLOWED if t.kind == kind)


def sniff(data: bytes) -> FileType | None:
    """The binary type the content is, by its signature; None for text, SVG and the unknown."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith((b"GIF87a", b"GIF89a")):
        return GIF
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return WEBP
    # PDF readers accept the header anywhere in the first kilobyte, so that is where we look.
    if b"%PDF-" in data[:1024]:
        return PDF
    return None


_OFFICE = "spara dokumentet som PDF (Arkiv → Spara som → PDF): ordbehandlarens egna filer bär med sig " \
          "författarens namn, ändringar och kommentarer, och ibland makron"
_ADVICE: dict[str, str] = {
    **dict.fromkeys((".doc", ".docx", ".docm", ".dot", ".dotx", ".odt", ".ott", ".rtf", ".pages", ".wpd"),
                    _OFFICE),
    **dict.fromkeys((".xls", ".xlsx", ".xlsm", ".ods", ".numbers"),
                    "spara tabellen som PDF, eller som CSV om den ska gå att räkna med: kalkylbladens "
                    "egna filer bär med sig författarens namn, dolda blad och ibland makron"),
    **dict.fromkeys((".ppt", ".pptx", ".pptm", ".odp", ".key"),
                    "spara presentationen som PDF: presentationsprogrammens egna filer bär med sig "
                    "författarens namn, anteckningar och ibland makron"),
    **dict.fromkeys((".tif", ".tiff", ".bmp", ".heic", ".heif", ".avif", ".ico", ".psd", ".raw", ".cr2", ".nef"),
                    "spara bilden som PNG eller JPG"),
    **dict.fromkeys((".zip", ".7z", ".rar", ".gz", ".tgz", ".tar", ".bz2", ".xz"),
                    "packa upp arkivet och lägg bara de filer som ska publiceras, som PDF eller bilder"),
    **dict.fromkeys((".mp3", ".mp4", ".m4a", ".mov", ".avi", ".wav", ".ogg", ".webm", ".mkv"),
                    "ljud och film publiceras inte härifrån – länka till dem där de redan ligger"),
    **dict.fromkeys((".eml", ".msg", ".mbox"),
                    "e-post publiceras inte som den är – spara brevet som PDF utan adresser och namn"),
    **dict.fromkeys((".css", ".scss", ".less"),
                    "stilmallar hör hemma i overrides/ (t.ex. overrides/stil/egen.css) och nämns under "
                    "extra_css i mkdocs.yml"),
    **dict.fromkeys((".woff", ".woff2", ".ttf", ".otf", ".eot"), "typsnitt hör hemma i overrides/"),
    **dict.fromkeys((".yml", ".yaml", ".json", ".toml", ".ini"),
                    "inställningar hör hemma i mkdocs.yml och ordlistan i content/vokabular.yml"),
}


def advice(suffix: str) -> str:
    """What to do with a file of a type that is never published."""
    return _ADVICE.get(suffix.lower(), "spara den som PDF, eller som PNG eller JPG om det är en bild")


def allowed_summary() -> str:
    """'PDF, PNG, JPG, GIF, WebP, SVG och textfiler (.txt, .csv)' for messages and the guide."""
    return "PDF, PNG, JPG, GIF, WebP, SVG och textfiler (.txt, .csv)"
