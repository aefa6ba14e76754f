"""Atom feeds: entries, order, links, per-actor feeds, privacy and determinism."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from po_build.outputs.feeds import MAX_FEED_ENTRIES, feed_files, feed_links, organisation_slug, plain_text, summary
from po_build.project.projection import project
from tests.test_stats import (
    CANARY,
    EVENT_DATES,
    ORGANISATION,
    UNPUBLISHED_IDS,
    brist,
    make_content,
    public,
    reports,
)

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://ombud.example.se/"

# Published reports in the fixture, newest publicerad first (ties: highest id first).
MAIN_ORDER = ["B-2025-003", "B-2025-005", "B-2025-002", "P-2025-001", "B-2025-001",
              "B-2024-001", "P-2024-001"]
ACTOR_FEEDS = {
    "forsakringskassan": ["B-2025-005", "B-2025-001", "B-2024-001"],
    "socialtjansten": ["P-2025-001", "B-2025-001"],
    "psykiatrin": ["B-2025-002", "P-2025-001"],
    "staten": ["B-2025-003"],
    "primarvarden": ["P-2024-001"],
}


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return feed_files(public(), SITE)


def parse(raw: bytes) -> ET.Element:
    return ET.fromstring(raw)


def href(entry: ET.Element) -> str | None:
    link = entry.find(f"{ATOM}link")
    assert link is not None
    return link.get("href")


def entry_ids(root: ET.Element) -> list[str]:
    return [e.findtext(f"{ATOM}id", "").rsplit(":", 1)[-1] for e in root.iter(f"{ATOM}entry")]


def test_file_list(files: dict[str, bytes]) -> None:
    assert set(files) == {"flode/atom.xml"} | {f"aktorer/{a}/atom.xml" for a in ACTOR_FEEDS}
    # kronofogden and boendestod appear only in unpublished reports: no feed for them.


def test_main_feed(files: dict[str, bytes]) -> None:
    root = parse(files["flode/atom.xml"])
    assert root.tag == f"{ATOM}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "sv"
    assert root.findtext(f"{ATOM}title") == f"{ORGANISATION} – nya rapporter"
    assert root.findtext(f"{ATOM}author/{ATOM}name") == ORGANISATION
    # The newest entry's date, never the build time.
    assert root.findtext(f"{ATOM}updated", "").startswith("2025-12-15T00:00:00")
    assert entry_ids(root) == MAIN_ORDER
    first = next(root.iter(f"{ATOM}entry"))
    assert first.findtext(f"{ATOM}id") == (
        "urn:po-build:personliga-ombud-exempellan:B-2025-003"
    )
    titles = {e.findtext(f"{ATOM}id", "").rsplit(":", 1)[-1]: e.findtext(f"{ATOM}title")
              for e in root.iter(f"{ATOM}entry")}
    assert titles["B-2025-001"] == "Handläggare går inte att nå per telefon"
    assert titles["P-2024-001"] == "Rubrik för händelsen P-2024-001"


def test_entry_fields(files: dict[str, bytes]) -> None:
    root = parse(files["flode/atom.xml"])
    entries = {e.findtext(f"{ATOM}id", "").rsplit(":", 1)[-1]: e
               for e in root.iter(f"{ATOM}entry")}
    e = entries["B-2025-001"]
    assert href(e) == SITE + "brister/B-2025-001/"
    assert e.findtext(f"{ATOM}updated", "").startswith("2025-06-10T00:00:00")
    # Markdown stripped: no ** and no link target, the link text stays.
    assert e.findtext(f"{ATOM}summary") == (
        "Klienterna når inte sin handläggare per telefon och får inga svar på meddelanden."
    )
    terms = [c.get("term") for c in e.iter(f"{ATOM}category")]
    assert terms == ["Brist", "Försäkringskassan", "Kommunens socialtjänst", "Lokal nivå"]
    p = entries["P-2025-001"]
    assert href(p) == SITE + "positivt/P-2025-001/"
    assert [c.get("term") for c in p.iter(f"{ATOM}category")] == [
        "Positiv händelse", "Kommunens socialtjänst", "Regionens psykiatri"
    ]
    assert p.findtext(f"{ATOM}summary", "").startswith("Socialtjänsten och psykiatrin")


def test_actor_feeds(files: dict[str, bytes]) -> None:
    for actor, ids in ACTOR_FEEDS.items():
        root = parse(files[f"aktorer/{actor}/atom.xml"])
        assert entry_ids(root) == ids, actor
    root = parse(files["aktorer/forsakringskassan/atom.xml"])
    assert root.findtext(f"{ATOM}title") == f"{ORGANISATION} – Försäkringskassan"
    assert root.findtext(f"{ATOM}updated", "").startswith("2025-11-03")
    alternate = [ln.get("href") for ln in root.findall(f"{ATOM}link")
                 if ln.get("rel") == "alternate"]
    assert alternate == [SITE + "brister/aktor/forsakringskassan/"]


def test_feed_links_match_the_files(files: dict[str, bytes]) -> None:
    links = feed_links(public())
    assert [path for _, path in links] == ["flode/atom.xml"] + [
        f"aktorer/{a}/atom.xml"
        for a in ("forsakringskassan", "socialtjansten", "psykiatrin", "primarvarden", "staten")
    ]
    assert set(path for _, path in links) == set(files)
    for title, path in links:
        assert parse(files[path]).findtext(f"{ATOM}title") == title


def test_relative_links_without_site_url() -> None:
    files = feed_files(public(), "")
    main = parse(files["flode/atom.xml"])
    entry = next(main.iter(f"{ATOM}entry"))
    assert href(entry) == "../brister/B-2025-003/"
    actor = parse(files["aktorer/staten/atom.xml"])
    entry = next(actor.iter(f"{ATOM}entry"))
    assert href(entry) == "../../brister/B-2025-003/"
    # Without a trailing slash on site_url, the links come out the same as with one.
    assert feed_files(public(), SITE.rstrip("/")) == feed_files(public(), SITE)


def test_nothing_private_reaches_the_feeds(files: dict[str, bytes]) -> None:
    text = b"\n".join(files.values()).decode("utf-8")
    assert CANARY not in text
    for unpublished in UNPUBLISHED_IDS:
        assert unpublished not in text
    for day in EVENT_DATES:
        assert day not in text, day
    assert "mars 2025" not in text  # not even the month of an event
    assert "2025-06-10" in text  # publicerad may be exact


def test_deterministic_and_without_build_time() -> None:
    first = feed_files(public(), SITE)
    second = feed_files(public(make_content(list(reversed(reports())))), SITE)
    assert first == second
    assert first == feed_files(public(), SITE)
    # Every date in every feed is a publication date at midnight UTC: none is "now".
    allowed = {f"{r.publicerad.isoformat()}T00:00:00+00:00" for r in reports() if r.publicerad}
    for raw in first.values():
        root = parse(raw)
        stamps = {u.text for u in root.iter(f"{ATOM}updated")}
        assert stamps <= allowed
        # feedgen's own generator element would name its version.
        assert root.findtext(f"{ATOM}generator") == "po-build"
        generator = root.find(f"{ATOM}generator")
        assert generator is not None and generator.attrib == {}


def test_at_most_50_entries_newest_first() -> None:
    start = date(2025, 1, 1)
    items = [
        brist(f"B-2025-{n:03d}", "2025-01-05", "lokal", ["resurser"], ["lss"], "medel",
              "upptäckt", publicerad=(start + timedelta(days=n)).isoformat())
        for n in range(1, 61)
    ]
    files = feed_files(public(make_content(items)), SITE)
    for path in ("flode/atom.xml", "aktorer/lss/atom.xml"):
        ids = entry_ids(parse(files[path]))
        assert len(ids) == MAX_FEED_ENTRIES == 50
        assert ids == [f"B-2025-{n:03d}" for n in range(60, 10, -1)]


def test_summary_is_plain_and_short() -> None:
    long_text = "Ord " * 300 + "**slut**"
    items = [brist("B-2025-001", "2025-01-05", "lokal", ["resurser"], ["lss"], "medel",
                   "upptäckt", publicerad="2025-02-01", beskrivning=long_text)]
    view = public(make_content(items)).reports[0]
    text = summary(view)
    assert len(text) <= 401
    assert text.endswith("Ord…")
    assert "*" not in text
    # Raw HTML never renders (po check refuses it anyway); it stays visible as text.
    assert plain_text(
        "En [länk](https://x.example/y) och `kod` <b>fet</b> *kursiv*\n\n- punkt ett\n- punkt två"
    ) == "En länk och kod <b>fet</b> kursiv punkt ett punkt två"


def test_no_published_reports_no_feeds() -> None:
    unpublished = [r for r in reports() if not r.publicera]
    p = public(make_content(unpublished))
    assert feed_files(p, SITE) == {}
    assert feed_links(p) == []


def test_internal_projection_leaves_drafts_out() -> None:
    p = project(make_content(), "intern", organisation=ORGANISATION, region="Exempellän")
    root = parse(feed_files(p, SITE)["flode/atom.xml"])
    assert entry_ids(root) == MAIN_ORDER
    assert "aktorer/kronofogden/atom.xml" not in feed_files(p, SITE)


def test_organisation_slug() -> None:
    assert organisation_slug("Personliga ombud Exempellän") == "personliga-ombud-exempellan"
    assert organisation_slug("PO Skåne & Öland!") == "po-skane-oland"
    assert organisation_slug("") == "po"
