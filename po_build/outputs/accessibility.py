"""The accessibility statement (tillgänglighetsredogörelse) at /tillganglighet/.

Swedish public bodies must publish one under the law on accessibility of digital
public services (lag 2018:1937), with the contents DIGG lists: who is responsible,
how compliant the site is (helt, delvis or inte förenlig), what is not accessible
and why, how to ask for content in another form and report problems, DIGG's
complaint page, how the site was assessed and when. The facts come from the `po`
plugin's `tillganglighet` setting in mkdocs.yml, so an organisation keeps its
statement current by editing settings, never a template.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from po_build.outputs.pages import PageSettings, PageSpec
from po_build.project.projection import Projection

URL = "tillganglighet/"
DIGG_COMPLAINT_URL = "https://www.digg.se/tdosanmalan"

# DIGG's three wordings for how far a site complies with the law, by setting value.
COMPLIANCE = {
    "helt": "helt förenlig",
    "delvis": "delvis förenlig",
    "inte": "inte förenlig",
}

# True of every site po-build makes: its page templates are what tests/browser checks.
DEFAULT_METHOD = (
    "Vi har gjort en självskattning (intern testning) av webbplatsen. Webbplatsen byggs med verktyget "
    "po-build, och varje sorts sida som po-build gör testas automatiskt i en riktig webbläsare: med "
    "verktyget axe mot WCAG 2.1 nivå A och AA, med enbart tangentbord, i bredderna för mobil, surfplatta "
    "och dator och i utskrift. HTML-koden kontrolleras med Nu HTML Checker."
)

KEYS = {
    "ansvarig", "webbplats", "epost", "telefon", "kontakt_url", "svarstid", "bedomning",
    "senast_granskad", "uppdaterad", "metod", "brister", "betungande", "utanfor_lagen",
}


@dataclass(frozen=True)
class Shortcoming:
    text: str
    wcag: str = ""  # e.g. "1.3.1 Information och relationer"


@dataclass(frozen=True)
class AccessibilitySettings:
    """The `tillganglighet` settings, checked: what the statement says."""

    responsible: str
    website: str
    level: str
    email: str
    phone: str
    contact_url: str
    response_time: str
    shortcomings: list[Shortcoming]
    burden: list[Shortcoming]
    out_of_scope: list[Shortcoming]
    reviewed: date | None
    updated: date | None
    method: str
    notes: list[str]  # what the statement lacks, for the build log


def accessibility_settings(settings: dict[str, Any] | None, organisation: str) -> AccessibilitySettings:
    """The `tillganglighet` settings from mkdocs.yml, checked; ValueError (in Swedish) when wrong.

    Called when MkDocs reads its configuration, so a mistake stops the build before it starts.
    """
    s = dict(settings or {})
    unknown = sorted(set(s) - KEYS)
    if unknown:
        raise ValueError(f"okänd inställning under tillganglighet: {', '.join(unknown)} "
                         f"(tillåtna: {', '.join(sorted(KEYS))})")
    level = str(s.get("bedomning") or "delvis").strip().lower()
    if level not in COMPLIANCE:
        raise ValueError(f"tillganglighet.bedomning ska vara helt, delvis eller inte (inte '{level}')")
    reviewed = _date(s.get("senast_granskad"), "senast_granskad")
    updated = _date(s.get("uppdaterad"), "uppdaterad") or reviewed
    shortcomings = _shortcomings(s.get("brister"), "brister")
    if level != "helt" and not shortcomings and "bedomning" in s:
        # DIGG requires the list of what is not accessible whenever the site is not fully compliant.
        raise ValueError(f"tillganglighet.bedomning är '{level}' men tillganglighet.brister är tom – "
                         "räkna upp det som inte är tillgängligt")
    contact = {k: str(s.get(k) or "").strip() for k in ("epost", "telefon", "kontakt_url")}
    notes = []
    if not any(contact.values()):
        notes.append("tillganglighet i mkdocs.yml saknar epost, telefon och kontakt_url – "
                     "tillgänglighetsredogörelsen måste säga hur man når er")
    if reviewed is None:
        notes.append("tillganglighet.senast_granskad saknas i mkdocs.yml – redogörelsen ska ha "
                     "datum för den senaste bedömningen")
    return AccessibilitySettings(
        responsible=str(s.get("ansvarig") or organisation).strip(),
        website=str(s.get("webbplats") or organisation).strip(),
        level=level,
        email=contact["epost"],
        phone=contact["telefon"],
        contact_url=contact["kontakt_url"],
        response_time=str(s.get("svarstid") or "").strip(),
        shortcomings=shortcomings,
        burden=_shortcomings(s.get("betungande"), "betungande"),
        out_of_scope=_shortcomings(s.get("utanfor_lagen"), "utanfor_lagen"),
        reviewed=reviewed,
        updated=updated,
        method=str(s.get("metod") or DEFAULT_METHOD).strip(),
        notes=notes,
    )


TOC = [
    ("hur-tillganglig", "Hur tillgänglig är webbplatsen?"),
    ("annat-format", "Om du inte kan använda delar av webbplatsen"),
    ("rapportera", "Rapportera brister i tillgängligheten"),
    ("tillsyn", "Tillsyn"),
    ("teknisk-information", "Teknisk information om tillgängligheten"),
    ("hur-vi-testat", "Hur vi har testat webbplatsen"),
]


def accessibility_page(s: AccessibilitySettings) -> PageSpec:
    """The statement as a generated page."""
    context = {
        "responsible": s.responsible,
        "website": s.website,
        "level": s.level,
        "compliance": COMPLIANCE[s.level],
        "email": s.email,
        "phone": s.phone,
        "contact_url": s.contact_url,
        "response_time": s.response_time,
        "shortcomings": s.shortcomings,
        "burden": s.burden,
        "out_of_scope": s.out_of_scope,
        "reviewed": s.reviewed,
        "updated": s.updated,
        "method": s.method,
        "digg_url": DIGG_COMPLAINT_URL,
    }
    return PageSpec(f"{URL.rstrip('/')}.md", "Tillgänglighetsredogörelse", "tillganglighet.html", context,
                    toc=list(TOC))


def accessibility_pages(p: Projection, settings: PageSettings) -> list[PageSpec]:
    return [accessibility_page(settings.accessibility or accessibility_settings(None, settings.organisation))]


def _date(value: Any, key: str) -> date | None:
    # YAML already turns 2026-11-01 into a date; a quoted value arrives as text.
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"tillganglighet.{key} ska vara ett datum som ÅÅÅÅ-MM-DD (inte '{value}')") from None


def _shortcomings(value: Any, key: str) -> list[Shortcoming]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"tillganglighet.{key} ska vara en lista")
    out = []
    for item in value:
        if isinstance(item, str) and item.strip():
            out.append(Shortcoming(item.strip()))
        elif isinstance(item, dict) and str(item.get("text") or "").strip():
            out.append(Shortcoming(str(item["text"]).strip(), str(item.get("wcag") or "").strip()))
        else:
            raise ValueError(f"varje rad i tillganglighet.{key} ska vara en text eller {{text: ..., wcag: ...}}")
    return out
