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

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

from mkdocs.exceptions import PluginError

from po_build.outputs.pages import PageSpec

log = logging.getLogger("mkdocs.plugins.po")

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


def accessibility_page(settings: dict[str, Any] | None, organisation: str) -> PageSpec:
    """The statement as a generated page, from the `tillganglighet` settings."""
    s = dict(settings or {})
    unknown = sorted(set(s) - KEYS)
    if unknown:
        raise PluginError(
            f"po: okänd inställning under tillganglighet i mkdocs.yml: {', '.join(unknown)} "
            f"(tillåtna: {', '.join(sorted(KEYS))})"
        )
    level = str(s.get("bedomning") or "delvis").strip().lower()
    if level not in COMPLIANCE:
        raise PluginError(
            f"po: tillganglighet.bedomning i mkdocs.yml ska vara helt, delvis eller inte (inte '{level}')"
        )
    reviewed = _date(s.get("senast_granskad"), "senast_granskad")
    updated = _date(s.get("uppdaterad"), "uppdaterad") or reviewed
    shortcomings = _shortcomings(s.get("brister"), "brister")
    if level != "helt" and not shortcomings and "bedomning" in s:
        # DIGG requires the list of what is not accessible whenever the site is not fully compliant.
        raise PluginError(
            "po: tillganglighet.bedomning är '" + level + "' men tillganglighet.brister i mkdocs.yml "
            "är tom – räkna upp det som inte är tillgängligt"
        )
    contact = {k: str(s.get(k) or "").strip() for k in ("epost", "telefon", "kontakt_url")}
    if not any(contact.values()):
        log.info("po: tillganglighet i mkdocs.yml saknar epost, telefon och kontakt_url – "
                 "tillgänglighetsredogörelsen måste säga hur man når er")
    if reviewed is None:
        log.info("po: tillganglighet.senast_granskad saknas i mkdocs.yml – redogörelsen ska ha "
                 "datum för den senaste bedömningen")
    responsible = str(s.get("ansvarig") or organisation).strip()
    context = {
        "responsible": responsible,
        "website": str(s.get("webbplats") or organisation).strip(),
        "level": level,
        "compliance": COMPLIANCE[level],
        "email": contact["epost"],
        "phone": contact["telefon"],
        "contact_url": contact["kontakt_url"],
        "response_time": str(s.get("svarstid") or "").strip(),
        "shortcomings": shortcomings,
        "burden": _shortcomings(s.get("betungande"), "betungande"),
        "out_of_scope": _shortcomings(s.get("utanfor_lagen"), "utanfor_lagen"),
        "reviewed": reviewed,
        "updated": updated,
        "method": str(s.get("metod") or DEFAULT_METHOD).strip(),
        "digg_url": DIGG_COMPLAINT_URL,
    }
    toc = [
        ("hur-tillganglig", "Hur tillgänglig är webbplatsen?"),
        ("annat-format", "Om du inte kan använda delar av webbplatsen"),
        ("rapportera", "Rapportera brister i tillgängligheten"),
        ("tillsyn", "Tillsyn"),
        ("teknisk-information", "Teknisk information om tillgängligheten"),
        ("hur-vi-testat", "Hur vi har testat webbplatsen"),
    ]
    return PageSpec(f"{URL.rstrip('/')}.md", "Tillgänglighetsredogörelse", "tillganglighet.html", context,
                    toc=toc)


def _date(value: Any, key: str) -> date | None:
    # YAML already turns 2026-11-01 into a date; a quoted value arrives as text.
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise PluginError(
            f"po: tillganglighet.{key} i mkdocs.yml ska vara ett datum som ÅÅÅÅ-MM-DD (inte '{value}')"
        ) from None


def _shortcomings(value: Any, key: str) -> list[Shortcoming]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise PluginError(f"po: tillganglighet.{key} i mkdocs.yml ska vara en lista")
    out = []
    for item in value:
        if isinstance(item, str) and item.strip():
            out.append(Shortcoming(item.strip()))
        elif isinstance(item, dict) and str(item.get("text") or "").strip():
            out.append(Shortcoming(str(item["text"]).strip(), str(item.get("wcag") or "").strip()))
        else:
            raise PluginError(
                f"po: varje rad i tillganglighet.{key} i mkdocs.yml ska vara en text eller "
                "{text: ..., wcag: ...}"
            )
    return out
