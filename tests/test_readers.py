"""The public site as its readers use it (issue 17): the start page's figures, every report
page's description and link preview, the open data and the feed linked where a reader looks,
counts that are the page's own, the filtering index, and yearly figures frozen at the year's
end. Built with a plain `mkdocs build` of the sample site or of trees made in the test."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from html import unescape
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.utils import get_relative_url

from po_build.check.tree import check_tree
from po_build.outputs.facets import facets
from po_build.outputs.feeds import summary
from po_build.outputs.filterindex import filter_index
from po_build.outputs.opendata.registry import data_files
from po_build.outputs.yearly.document import build_document
from po_build.project.projection import Projection, project
from po_build.project.stats import as_of_year_end, status_at_year_end, times_seen_at_year_end, year_stats

from .contentgen import write_tree
from .helpers import write_report, write_year
from .readers_site import REPO, build_site, quiet_environment

SITE_URL = "https://exempellan.example/"
@pytest.fixture(autouse=True)
def _quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    quiet_environment(monkeypatch)


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text("utf-8")


def head(html: str) -> str:
    return html.split("</head>", 1)[0]


def meta(html: str, attr: str, name: str) -> list[str]:
    """Every content="..." of <meta {attr}="{name}">, unescaped."""
    found = re.findall(rf'<meta {attr}="{re.escape(name)}" content="([^"]*)"', head(html))
    return [unescape(v) for v in found]


def text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.fixture(scope="module")
def public() -> Projection:
    content = check_tree(REPO / "content", scanner=None).content
    return project(content, "public", organisation="Personliga ombud Exempellän", region="Exempellän")


# --- every report page: its own description, link preview, citation, way back ------------


def test_every_report_page_has_its_own_description_and_open_graph_tags(sample_site: Path, public: Projection):
    site_description = "Systembrister och positiva händelser"
    for r in public.reports:
        html = page(sample_site, r.url)
        description = meta(html, "name", "description")
        assert len(description) == 1, (r.id, description)
        assert site_description not in description[0], r.id
        assert description[0] == summary(r, 160)
        assert 40 <= len(description[0]) <= 161, (r.id, description[0])
        first = next(s for s in r.sections if s.markdown.strip())
        assert description[0].rstrip("…")[:30] in text(first.markdown), r.id
        assert meta(html, "property", "og:title") == [r.rubrik]
        assert meta(html, "property", "og:description") == description
        assert meta(html, "property", "og:type") == ["article"]
        assert meta(html, "property", "og:url") == [SITE_URL + r.url]
        assert re.findall(r'<link rel="canonical" href="([^"]+)"', head(html)) == [SITE_URL + r.url]
        # The citation names the organisation, the year, the headline, the id and the permanent link.
        cite = text(html.split('<section class="po-cite"', 1)[1].split("</section>", 1)[0])
        year = r.publicerad.year if r.publicerad else r.year
        for part in ("Personliga ombud Exempellän", f"({year})", r.rubrik, r.id, SITE_URL + r.url):
            assert part in cite, (r.id, part)
        assert 'data-po-copy' in html
        back = "Alla brister" if r.typ == "brist" else "Alla positiva händelser"
        assert f">{back}</a>" in html
        if r.historik:
            assert f"Status ändrad senast</dt> <dd>{r.historik[-1].when}" in html


def test_other_pages_keep_the_site_description_and_get_a_preview_too(sample_site: Path):
    html = page(sample_site, "aktorer")
    assert len(meta(html, "name", "description")) == 1
    assert meta(html, "property", "og:type") == ["website"]
    assert meta(html, "property", "og:url") == [SITE_URL + "aktorer/"]
    start = (sample_site / "index.html").read_text("utf-8")
    assert meta(start, "property", "og:title") == ["Personliga ombud Exempellän"]


def test_the_internal_build_has_no_preview_tags_no_open_data_link_and_no_index(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PO_PDF", "0")
    build(load_config(config_file=str(REPO / "mkdocs-intern.yml"), site_dir=str(tmp_path / "intern")))
    html = (tmp_path / "intern" / "index.html").read_text("utf-8")
    assert 'property="og:' not in html
    assert 'oppna-data/' not in html
    # The internal figures count the drafts too, and say so rather than the public promise.
    lead = text(html.split('class="po-start-lead"', 1)[1].split("</p>", 1)[0])
    assert "De räknar alla registrerade brister, även opublicerade." in lead
    assert "beslutat att publicera" not in lead and "publicerade brister" not in lead.replace("opublicerade", "")
    assert not (tmp_path / "intern" / "brister" / "filtrering.json").exists()


# --- open data and the feed, where readers look ---------------------------------------------


def test_every_page_links_to_the_open_data_in_its_footer(sample_site: Path):
    # The form at /admin/ is Decap CMS' own page for the ombud, not a page of the site.
    pages = sorted(p for p in sample_site.rglob("index.html") if p.relative_to(sample_site).parts[0] != "admin")
    assert len(pages) > 100
    for path in pages:
        footer = path.read_text("utf-8").split('class="md-copyright"', 1)[1]
        assert re.search(r'href="(?:[./]*oppna-data/|\./)">Öppna data</a>', footer), path


def test_start_page_and_list_link_the_open_data_and_the_site_feed(sample_site: Path):
    start = (sample_site / "index.html").read_text("utf-8")
    figures = start.split('id="po-start-siffror"', 1)[1].split("</section>", 1)[0]
    assert 'href="oppna-data/">Öppna data</a>' in figures
    assert 'href="flode/atom.xml" type="application/atom+xml">Prenumerera' in figures
    assert 'href="arsrapport/2025/">Årsrapport 2025</a>' in figures
    listing = page(sample_site, "brister")
    assert 'href="../flode/atom.xml" type="application/atom+xml">Prenumerera' in listing
    assert (sample_site / "flode" / "atom.xml").is_file()


def test_open_data_page_lists_every_file_with_fields_licence_and_changes(sample_site: Path, public: Projection):
    html = page(sample_site, "oppna-data")
    body = text(html)
    for f in data_files(public):
        assert f'href="{get_relative_url(f.path, "oppna-data/")}"' in html, f.path
        if f.changes:
            assert f.changes in body, f.path
        for field in f.fields + f.record_fields:
            assert field.name in body and field.meaning in body, (f.path, field.name)
    assert 'rel="license"' in html and "CC0 1.0" in body
    # A field from the front matter is described as the schema describes it.
    assert "Var i arbetet bristen är nu." in body
    index = json.loads((sample_site / "oppna-data" / "index.json").read_text("utf-8"))
    assert index["licens"] == "CC0 1.0"
    assert all(f["ändras"] for f in index["filer"])


# --- the start page -------------------------------------------------------------------------


def test_start_page_shows_figures_before_the_authors_text_and_charts_with_tables(sample_site: Path,
                                                                              public: Projection):
    html = (sample_site / "index.html").read_text("utf-8")
    article = html.split('<article class="md-content__inner', 1)[1]
    assert article.index('id="po-start-siffror"') < article.index("Välkommen till")
    latest = max(r.year for r in public.brister)
    assert f"Brister {latest}</h2>" in article
    brister = [r for r in public.brister if r.year == latest]
    figures = text(article.split('id="po-start-siffror"', 1)[1].split("</ul>", 1)[0])
    assert f"{len(brister)} brister uppmärksammade" in figures or f"{len(brister)} brist uppmärksammade" in figures
    open_now = sum(1 for r in brister if r.is_open)
    assert f"{open_now} av dem är öppna i dag" in figures
    before = [r for r in public.brister if r.year == latest - 1]
    if latest == date.today().year:
        # A year still going on is not compared as if it were over.
        assert f"{len(before)} under hela {latest - 1}" in figures
        assert "fler än" not in figures and "färre än" not in figures
    else:
        difference = abs(len(brister) - len(before))
        assert f"{difference} {'färre' if len(brister) < len(before) else 'fler'} än {latest - 1}" in figures
    # Two charts, each an image with a text alternative and a table of the same figures.
    for chart in ("brister-per-ar", "brister-per-aktor"):
        svg = article.split(f'id="{chart}-titel"', 1)[1]
        assert f'aria-labelledby="{chart}-titel {chart}-beskrivning"' in article
        assert "<desc" in svg.split("</svg>", 1)[0]
        assert f'id="{chart}-tabell"' in article
    table = article.split('id="brister-per-ar-tabell"', 1)[1].split("</table>", 1)[0]
    for year in sorted({r.year for r in public.brister}):
        n = sum(1 for r in public.brister if r.year == year)
        assert re.search(rf"<th scope=\"row\">{year}</th>.*?<td class=\"po-num\">{n}</td></tr>", table), year


def test_start_page_of_an_organisation_whose_only_year_is_years_ago(tmp_path: Path):
    gen = write_tree(tmp_path, 14, start=date(2019, 3, 4), unpublished_share=0.0, positive_share=0.0,
                     mkdocs_yml=False)
    site = build_site(tmp_path)
    html = (site / "index.html").read_text("utf-8")
    figures = text(html.split('id="po-start-siffror"', 1)[1].split("</section>", 1)[0])
    assert "Brister 2019" in figures
    assert "det senaste året med publicerade brister" in figures
    assert f"{len(gen.published)} brister uppmärksammade" in figures
    assert "0 brister" not in figures
    # No year before to compare with: nothing is said about one.
    assert "2018" not in figures and "fler än" not in figures and "färre än" not in figures
    assert "Öppna data" in figures and "Atom-flöde" in figures
    assert "2026" not in figures


def test_start_page_without_any_published_deficiency_says_so_kindly(tmp_path: Path):
    write_tree(tmp_path, 4, unpublished_share=1.0, mkdocs_yml=False)
    site = build_site(tmp_path)
    figures = text((site / "index.html").read_text("utf-8").split('id="po-start-siffror"', 1)[1])
    assert "Här finns inga publicerade brister ännu" in figures
    assert "Atom-flöde" not in figures.split("Senast publicerat")[0]


# --- counts on a facet page, and the filtering index -----------------------------------------


def counts_on(html: str) -> dict[tuple[str, str], int]:
    found = re.findall(r'data-po-facet="([^"]+)" data-po-value="([^"]+)"[^>]*>[^<]*</a> '
                       r'<span class="po-facet-count">\(([\d\u00a0]+)\)</span>', html)
    return {(key, value): int(n.replace("\u00a0", "")) for key, value, n in found}


def test_counts_on_a_facet_page_are_counts_within_that_facet(sample_site: Path, public: Projection):
    from po_build.model.slug import slugify

    all_facets = facets(public)
    level = next(f for f in all_facets if f.key == "niva")
    label, lokal = next((label, items) for label, items in level.values if label.id == "lokal")
    shown = counts_on(page(sample_site, label.url))
    assert shown
    for f in all_facets:
        for value, reports in f.values:
            expected = len(reports) if f.key == "niva" else sum(1 for r in reports if r in lokal)
            assert shown[(f.key, slugify(value.id))] == expected, (f.key, value.id)
    # On the whole list they are the site's counts.
    whole = counts_on(page(sample_site, "brister"))
    actor = next(f for f in all_facets if f.key == "aktor")
    assert {(k, v): n for (k, v), n in whole.items() if k == "aktor"} == {
        ("aktor", slugify(value.id)): len(reports) for value, reports in actor.values}


def test_the_filtering_index_holds_only_what_the_public_pages_show(tmp_path: Path):
    gen = write_tree(tmp_path, 50, canaries=True, mkdocs_yml=False)
    site = build_site(tmp_path)
    raw = (site / "brister" / "filtrering.json").read_text("utf-8")
    index = json.loads(raw)
    for canary in gen.canaries:
        assert canary not in raw
    for d in gen.event_dates:
        assert d.isoformat() not in raw
    assert not re.search(r"\d{4}-\d{2}-\d{2}", raw), "inga datum i indexet"
    assert "intern" not in raw and "utkast" not in raw
    keys = {f["nyckel"] for f in index["facetter"]}
    published_brister = {i for i in gen.published if i.startswith("B-")}
    assert {r["id"] for r in index["brister"]} == published_brister
    for r in index["brister"]:
        assert set(r) <= {"id", "rubrik", "url", "när", "gånger"} | keys, set(r)
        html = page(site, r["url"])
        for value in (r["id"], r["rubrik"], r["när"]):
            assert value in unescape(html), (r["id"], value)
        assert f"Uppmärksammad {r['gånger']} " in html
        # Every facet value of the report is a label the public page links to.
        for key in keys - {"ar", "lage"}:
            for value in r.get(key, []):
                link = f"/aktorer/{value}/" if key == "aktor" else f"/{key}/{value}/"
                assert link in html, (r["id"], key, value)
    # Small enough to read on every visit to the list.
    assert len(raw.encode("utf-8")) < 400 * len(index["brister"]) + 8000


def test_the_index_is_made_only_from_the_public_projection() -> None:
    content = check_tree(REPO / "content", scanner=None).content
    assert filter_index(project(content, "intern")) is None
    data = filter_index(project(content, "public"))
    assert data is not None
    drafts = {r.id for r in content.reports if not r.publicera}
    assert drafts and not drafts & {r["id"] for r in data["brister"]}


# --- the yearly report's figures, frozen at the year's end -------------------------------------


@pytest.fixture(scope="module")
def year_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A deficiency from 2024 seen 6 times in 2024 and once more in 2025, remedied in 2025."""
    root = tmp_path_factory.mktemp("frusen")
    content = root / "content"
    (content).mkdir()
    (content / "index.md").write_text("# Test\n\nEn påhittad organisation.\n", "utf-8")
    write_report(content, fields={
        "id": "B-2024-001", "datum": "2024-02-05", "status": "åtgärdad",
        "förekomster": "[2024-03-04, 2024-04-08, 2024-06-10, 2024-09-09, 2024-11-11, 2025-02-03]",
        "historik": "\n  - {datum: 2024-02-05, status: upptäckt}\n  - {datum: 2024-05-06, status: påtalad}"
                    "\n  - {datum: 2025-04-07, status: åtgärdad, text: Rutinen ändrades}",
        "publicera": "true", "publicerad": "2024-06-20",
    })
    write_report(content, fields={
        "id": "B-2025-001", "datum": "2025-03-03", "status": "upptäckt", "publicera": "true",
        "publicerad": "2025-05-05",
    })
    write_year(content, "2024", {"publicera": "true"},
               body="\nFörordet.\n\n<!-- po: nyckeltal -->\n\n<!-- po: aterkommande -->\n\n<!-- po: per-status -->\n")
    write_year(content, "2025", {"publicera": "true"})
    return root


def test_yearly_figures_are_as_of_the_end_of_the_year(year_tree: Path):
    content = check_tree(year_tree / "content", scanner=None).content
    p = project(content, "public")
    r = next(v for v in p.reports if v.id == "B-2024-001")
    assert r.times_seen == 7
    assert times_seen_at_year_end(r, 2024) == 6
    frozen = as_of_year_end(p, 2024)
    f = next(v for v in frozen.reports if v.id == "B-2024-001")
    assert (f.times_seen, f.status and f.status.id, f.is_open) == (6, "påtalad", True)
    assert [v.id for v in frozen.reports] == ["B-2024-001"]  # nothing from later years
    assert status_at_year_end(r, 2024) == f.status
    # The original projection is untouched: the report page shows today's figures.
    assert (r.times_seen, r.status and r.status.id) == (7, "åtgärdad")
    stats = year_stats(p, 2024)["brister"]
    assert stats["per_status"] == {"påtalad": 1}
    assert stats["åtgärdade_under_året"] == 0
    assert stats["öppna_vid_årets_slut"] == 1
    y = next(v for v in p.years if v.år == 2024)
    doc = build_document(p, y)
    recurring = doc.sections["aterkommande"].data["recurring"]
    assert [(v.id, v.times_seen, s.id) for v, s in recurring] == [("B-2024-001", 6, "påtalad")]


def test_the_published_yearly_report_page_and_files_do_not_change_afterwards(year_tree: Path):
    site = build_site(year_tree)
    html = page(site, "arsrapport/2024")
    row = text(html.split("B-2024-001", 1)[0].rsplit("<tr>", 1)[1] + html.split("B-2024-001", 1)[1]
               .split("</tr>", 1)[0])
    assert "6" in row.split() and "7" not in row.split()
    assert "Påtalad för ansvariga" in row and "Åtgärdad" not in row
    assert "läget vid slutet av 2024" in text(html)
    # What the build cannot freeze is said where it happens, and only there: B-2025-001 has no
    # historik, so the 2025 report counts it with its status today; 2024 has no such report.
    unfrozen = "En brist utan historik räknas med sin nuvarande status"
    assert unfrozen not in text(html)
    assert unfrozen in text(page(site, "arsrapport/2025"))
    stats = json.loads((site / "oppna-data" / "statistik-2024.json").read_text("utf-8"))
    assert stats["brister"]["per_status"] == {"påtalad": 1}
    rows = list(csv.reader(io.StringIO((site / "oppna-data" / "socialstyrelsen-2024.csv")
                                       .read_text("utf-8-sig")), delimiter=";"))
    remedied = [r for r in rows if r[1] == "Brister som åtgärdats under året"]
    assert [r[4] for r in remedied] == ["Ingen"]
    # The start page's "remedied during the year" leads to the one list of exactly those: the
    # yearly report (a status page would hold today's status, a different set).
    start = page(site, "")
    remedied = start.split("åtgärdade under året", 1)[0].rsplit("<li>", 1)[1]
    assert '<a href="arsrapport/2025/">' in remedied
    # The report page shows today's state, and says so.
    report = page(site, "brister/B-2024-001")
    assert "Uppmärksammad 7 gånger hittills" in report
    assert "Sidan visar läget i dag" in report
    assert "Åtgärdad" in text(report.split("Status i dag", 1)[1])[:40]



def test_the_stacked_chart_is_small_accessible_and_the_same_every_time():
    from po_build.render.charts import stacked_bar_chart

    args = ("t", ["2024", "2025"], ["Individnivå", "Lokal nivå", "Nationell nivå"], [[7, 1200, 5], [0, 8, 7]],
            "Brister per år och nivå", "Brister per år och nivå: 2024: 1 212; 2025: 15.")
    svg = stacked_bar_chart(*args)
    assert svg == stacked_bar_chart(*args)
    assert 'role="img" aria-labelledby="t-titel t-beskrivning"' in svg
    assert "<desc id=\"t-beskrivning\">Brister per år och nivå: 2024" in svg
    # matplotlib's own hatch tiles were some 30 kB each; ours are a few bytes.
    assert len(svg) < 20_000
    assert svg.count("<pattern") == 2  # the two lighter parts are patterned, the dark one is solid
    assert "1\u00a0212" in svg  # the total, with a Swedish thousands space
    with pytest.raises(ValueError):
        stacked_bar_chart("t", ["2024"], ["a"], [[1, 2]], "T", "D")


def test_a_finished_year_is_compared_with_the_year_before(tmp_path: Path):
    content = tmp_path / "content"
    content.mkdir()
    (content / "index.md").write_text("# Test\n\nEn påhittad organisation.\n", "utf-8")
    for n, (year, level) in enumerate([(2024, "lokal"), (2025, "lokal"), (2025, "lokal"), (2025, "nationell")]):
        write_report(content, fields={
            "id": f"B-{year}-{n + 1:03d}", "datum": f"{year}-03-0{n + 1}", "nivå": level,
            "kategorier": "[resurser]", "publicera": "true", "publicerad": f"{year}-06-01"})
    figures = text(page(build_site(tmp_path, today=date(2026, 1, 15)), "").split('id="po-start-siffror"', 1)[1]
                   .split("</ul>", 1)[0])
    assert "Siffrorna gäller 2025, det senaste året med publicerade brister" in figures
    assert "3 brister uppmärksammade 2 fler än 2024" in figures
    assert "2 på lokal nivå 1 fler än 2024" in figures
    assert "1 på nationell nivå 1 fler än 2024" in figures
    assert "3 av dem är öppna i dag" in figures
    # 2025 has no yearly report: no list holds exactly the year's remedied, so no link.
    assert "0 åtgärdade under året" in figures
    assert "status/atgardad" not in page(tmp_path / "site", "").split('id="po-start-siffror"', 1)[1].split("</ul>")[0]
