"""What issue 17's new reader surfaces must never show: the start page's figures and charts,
the filtering index, the counts on the facet pages, every page's description and Open Graph
tags, the open-data page and the frozen yearly figures. Nothing unpublished or internal, and
no count of people below the threshold (minsta_antal)."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from po_build.check.tree import check_tree
from po_build.outputs.feeds import summary
from po_build.project.projection import project

from .contentgen import write_tree
from .helpers import write_report, write_year
from .readers_site import REPO, build_site, quiet_environment


@pytest.fixture(autouse=True)
def _quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    quiet_environment(monkeypatch)


def head_tags(html: str) -> str:
    """The description and every Open Graph tag of a page: what a link preview shows."""
    head = html.split("</head>", 1)[0]
    found = re.findall(r'<meta (?:name="description"|property="og:[a-z_]+") content="([^"]*)"', head)
    return unescape("\n".join(found))


def words(html: str) -> list[str]:
    return unescape(re.sub(r"<[^>]+>", " ", html)).split()


# A draft from a year with no published deficiency: nothing of it, not even its year, may show.
DRAFT_ID = "B-2021-001"
DRAFT_TITLE = "Hemlig utkastrubrik om samordningen"


@pytest.fixture(scope="module")
def canary_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, object]:
    root = tmp_path_factory.mktemp("kanarie")
    gen = write_tree(root, 40, canaries=True, unpublished_share=0.3, mkdocs_yml=False)
    write_report(root / "content", fields={
        "id": DRAFT_ID, "rubrik": DRAFT_TITLE, "datum": "2021-02-03", "nivå": "nationell",
        "intern": "\n  anteckningar: INTERNANTECKNINGQ",
    })
    return build_site(root), gen


def test_no_preview_tag_shows_anything_unpublished_or_internal(canary_site):
    site, gen = canary_site
    secrets = [*gen.canaries, *gen.unpublished, DRAFT_ID, DRAFT_TITLE, "INTERNANTECKNINGQ", "kanariefågel"]
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 50
    for path in pages:
        tags = head_tags(path.read_text("utf-8"))
        for secret in secrets:
            assert secret not in tags, (path, secret)


def test_each_preview_describes_the_public_report_itself(canary_site):
    site, gen = canary_site
    content = check_tree(site.parent / "content", scanner=None).content
    public = project(content, "public")
    assert {r.id for r in public.reports} == set(gen.published)
    for r in public.reports:
        tags = head_tags((site / r.url / "index.html").read_text("utf-8"))
        assert summary(r, 160) in tags.split("\n"), r.id


def test_start_page_and_filter_index_count_only_published_deficiencies(canary_site):
    site, gen = canary_site
    start = (site / "index.html").read_text("utf-8")
    shown = start.split('<article class="md-content__inner', 1)[1]
    # The draft's year has nothing published: it is neither the start page's year nor a row
    # in its charts' tables, and the list cannot be filtered on it.
    plain = " ".join(words(shown))  # the SVG's coordinates are no year
    assert not re.search(r"(?<![\d.])2021(?![\d.])", plain)
    index_text = (site / "brister" / "filtrering.json").read_text("utf-8")
    index = json.loads(index_text)
    assert "2021" not in index_text and DRAFT_ID not in index_text
    years = next(f for f in index["facetter"] if f["nyckel"] == "ar")["värden"]
    assert {v["id"] for v in years} == {r["id"][2:6] for r in index["brister"]}
    # The total in the year chart's table is the number of published deficiencies, no more.
    table = shown.split('id="brister-per-ar-tabell"', 1)[1].split("</table>", 1)[0]
    totals = re.findall(r'<td class="po-num">([\d\u00a0]+)</td></tr>', table)
    published = [i for i in gen.published if i.startswith("B-")]
    assert sum(int(n.replace("\u00a0", "")) for n in totals) == len(published) == len(index["brister"])
    for secret in [*gen.canaries, *gen.unpublished]:
        assert secret not in shown and secret not in index_text, secret


def test_facet_counts_never_count_a_draft(canary_site):
    site, _ = canary_site
    html = (site / "brister" / "niva" / "nationell" / "index.html").read_text("utf-8")
    index = json.loads((site / "brister" / "filtrering.json").read_text("utf-8"))
    nationell = [r for r in index["brister"] if r.get("niva") == ["nationell"]]
    count = re.search(r'data-po-value="nationell"[^>]*>[^<]*</a> <span class="po-facet-count">\(([\d\u00a0]+)\)',
                      html)
    assert count is not None
    # The draft is on the national level: counted, the page would say one more.
    assert int(count.group(1).replace("\u00a0", "")) == len(nationell)


# Applicants: with minsta_antal 50 the three small ways of coming (37, 38, 41) are hidden, and
# so is their sum (116, the total minus the shown part). None of the new surfaces may show them.
SMALL = ("37", "38", "41", "116")


@pytest.fixture(scope="module")
def applicant_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sokande")
    content = root / "content"
    content.mkdir()
    (content / "index.md").write_text("# Test\n\nEn påhittad organisation.\n", "utf-8")
    for n in range(1, 4):
        write_report(content, fields={"id": f"B-2025-00{n}", "datum": f"2025-0{n}-10", "publicera": "true",
                                      "publicerad": "2025-06-01"})
    write_year(content, "2025", {"publicera": "true",
                                 "sökande": "\n  totalt: 236\n  själv: 37\n  anhörig: 38\n  myndighet: 41"
                                            "\n  övriga: 120"},
               body="\nFörordet.\n\n<!-- po: nyckeltal -->\n\n<!-- po: sokande -->\n")
    return build_site(root, k=50)


def test_small_numbers_of_applicants_stay_hidden_on_every_new_surface(applicant_site: Path):
    site = applicant_site
    yearly = (site / "arsrapport" / "2025" / "index.html").read_text("utf-8")
    # The protection is at work: the yearly report shows the total, and "färre än 50" for the rest.
    assert "236" in words(yearly) and "färre än 50" in " ".join(words(yearly))
    surfaces = {
        "startsidan": words((site / "index.html").read_text("utf-8")),
        "öppna data": words((site / "oppna-data" / "index.html").read_text("utf-8")),
        "filterindex": re.findall(r"\d+", (site / "brister" / "filtrering.json").read_text("utf-8")),
        "statistik": re.findall(r"\d+", (site / "oppna-data" / "statistik-2025.json").read_text("utf-8")),
        "årsrapporten": words(yearly),
    }
    for path in sorted(site.rglob("*.html")):
        surfaces[f"förhandsvisning {path.relative_to(site)}"] = head_tags(path.read_text("utf-8")).split()
    for name, tokens in surfaces.items():
        for n in SMALL:
            assert n not in tokens, (name, n)
    applicants = json.loads((site / "oppna-data" / "sokande-2025.json").read_text("utf-8"))
    hidden = [v for v in applicants.values() if isinstance(v, dict) and v.get("skyddad")]
    assert len(hidden) == 3 and all(v["antal"] is None for v in hidden)


def test_the_frozen_year_counts_people_as_protected_as_before() -> None:
    """Freezing a year changes what counts as the year's deficiencies, never the applicants'
    protection: the yearly report's applicant cells are the same frozen or not."""
    from po_build.outputs.yearly.sections import sokande_open_data
    from po_build.project.stats import as_of_year_end

    content = check_tree(REPO / "content", scanner=None).content
    p = project(content, "public", k=3)
    for y in p.years:
        assert sokande_open_data(as_of_year_end(p, y.år), y.år) == sokande_open_data(p, y.år)
        data = sokande_open_data(p, y.år)
        if data:
            for cell in data.values():
                assert cell["antal"] is None or cell["antal"] == 0 or cell["antal"] >= 3
    assert any(sokande_open_data(p, y.år) for y in p.years), "exemplet anger sökande"
