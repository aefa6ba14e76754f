"""Atom feeds of newly published reports: one for the site, one per actor.

Made from a :class:`~po_build.projection.Projection` only, and meant for the
public build (the plugin makes no feeds for the internal one; given an internal
projection, drafts are left out all the same). An entry carries the publication
date, which is the steering group's decision and may be exact, never the date of
the event itself.

A feed reader needs absolute links, so feeds want `site_url` in mkdocs.yml.
Without it the links are relative to the feed file (`../brister/B-2025-001/`),
which is valid Atom but which many readers resolve badly; the plugin warns.

The output is byte for byte the same for the same projection: dates come from
the reports, never from the clock, and feedgen's generator element (which names
feedgen's version) is replaced by a fixed one.
"""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime, time

from feedgen.feed import FeedGenerator

from po_build.model.slug import slugify
from po_build.outputs.paths import MAIN_FEED, actor_feed_path
from po_build.project.projection import Label, Projection, ReportView
from po_build.render.markdown import markdown_to_html

MAX_FEED_ENTRIES = 50
SUMMARY_CHARS = 400
SUMMARY_SECTIONS = ("Beskrivning", "Händelse")
KIND_LABELS = {"brist": "Brist", "positiv": "Positiv händelse"}
FALLBACK_AUTHOR = "Personligt ombud"

_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"\s+")




def feed_files(p: Projection, site_url: str) -> dict[str, bytes]:
    """Every feed, keyed by its path relative to the site root. No reports, no feeds."""
    published = _published(p)
    if not published:
        return {}
    files = {MAIN_FEED: _feed(p, published, MAIN_FEED, _main_title(p), "", "", site_url)}
    for actor, reports in _by_actor(p, published):
        files[actor_feed_path(actor.id)] = _feed(
            p,
            reports,
            actor_feed_path(actor.id),
            f"{_organisation(p)} – {actor.namn}",
            f"aktor:{actor.id}",
            actor.url,
            site_url,
        )
    return files


def feed_links(p: Projection) -> list[tuple[str, str]]:
    """(title, path relative to the site root) of every feed, site feed first.

    The same feeds feed_files writes, so a `<link rel="alternate">` never points
    at a file that is not there.
    """
    published = _published(p)
    if not published:
        return []
    links = [(_main_title(p), MAIN_FEED)]
    links += [
        (f"{_organisation(p)} – {actor.namn}", actor_feed_path(actor.id))
        for actor, _ in _by_actor(p, published)
    ]
    return links


def _organisation(p: Projection) -> str:
    return p.organisation or FALLBACK_AUTHOR


def _main_title(p: Projection) -> str:
    return f"{_organisation(p)} – nya rapporter"


def _published(p: Projection) -> list[ReportView]:
    """Published reports, newest decision first; same-day ties by id, highest first."""
    reports = [r for r in p.reports if r.publicerad is not None and not r.draft]
    return sorted(reports, key=lambda r: (r.publicerad, r.id), reverse=True)


def _by_actor(
    p: Projection, published: list[ReportView]
) -> list[tuple[Label, list[ReportView]]]:
    """Actors with at least one published report, in vocabulary order."""
    groups: dict[str, tuple[Label, list[ReportView]]] = {}
    for r in published:
        for actor_id in dict.fromkeys(a.id for a in r.aktörer):  # each actor once per report
            actor = next(a for a in r.aktörer if a.id == actor_id)
            groups.setdefault(actor_id, (actor, []))[1].append(r)
    order = [a for a in p.vocabulary.actors if a in groups]
    order += sorted(a for a in groups if a not in p.vocabulary.actors)
    return [groups[a] for a in order]


def organisation_slug(name: str) -> str:
    """ASCII form of the organisation's name for entry ids: 'personliga-ombud-exempellan'."""
    return slugify(name, fallback="po")


def _link(site_url: str, feed_path: str, url: str) -> str:
    if site_url:
        return site_url.rstrip("/") + "/" + url
    # Relative to the feed file, which is what an Atom reader resolves against.
    return "../" * feed_path.count("/") + url


def plain_text(markdown_text: str) -> str:
    """The words of a Markdown text, without markup: link text stays, link targets go."""
    text = _TAG.sub(" ", markdown_to_html(markdown_text))
    return _SPACE.sub(" ", html.unescape(text)).strip()


def summary(r: ReportView, limit: int = SUMMARY_CHARS) -> str:
    """Plain text of the description (or the first section), cut at a word near `limit`."""
    section = next((s for s in r.sections if s.title in SUMMARY_SECTIONS), None)
    if section is None:
        section = next((s for s in r.sections if s.markdown.strip()), None)
    if section is None:
        return ""
    text = plain_text(section.markdown)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,.;:–-") + "…"


def _midnight(d: date) -> datetime:
    return datetime.combine(d, time(0, 0), tzinfo=UTC)


def _feed(
    p: Projection,
    reports: list[ReportView],
    path: str,
    title: str,
    id_suffix: str,
    page_url: str,
    site_url: str,
) -> bytes:
    org = _organisation(p)
    org_slug = organisation_slug(p.organisation)
    entries = reports[:MAX_FEED_ENTRIES]
    fg = FeedGenerator()
    fg.id(f"urn:po-build:{org_slug}:flode" + (f":{id_suffix}" if id_suffix else ""))
    fg.title(title)
    fg.language("sv")
    fg.author({"name": org})
    # feedgen's default generator names its own version: a library upgrade would
    # change every feed's bytes without any change in the content.
    fg.generator("po-build")
    fg.link(href=_link(site_url, path, page_url), rel="alternate", type="text/html")
    fg.link(href=_link(site_url, path, path), rel="self", type="application/atom+xml")
    assert entries[0].publicerad is not None
    # The newest entry's date, not the build time: rebuilding must not change the file.
    fg.updated(_midnight(entries[0].publicerad))
    for r in entries:
        assert r.publicerad is not None
        fe = fg.add_entry(order="append")
        fe.id(f"urn:po-build:{org_slug}:{r.id}")
        fe.title(r.rubrik)
        fe.link(href=_link(site_url, path, r.url), rel="alternate", type="text/html")
        fe.updated(_midnight(r.publicerad))
        fe.author({"name": org})
        text = summary(r)
        if text:
            fe.summary(text)
        categories = [KIND_LABELS.get(r.typ, r.typ)]
        categories += [a.namn for a in r.aktörer]
        if r.nivå is not None:
            categories.append(r.nivå.namn)
        for term in dict.fromkeys(categories):
            fe.category(term=term)
    atom: bytes = fg.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)
    return atom
