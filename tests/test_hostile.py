"""No way from a report to script on the public site.

A hostile content tree, with every trick that still passes `po check` (HTML and
script in every front-matter text and vocabulary label, quotes that try to break
out of attributes, spreadsheet formulas, an own page with script, a chapter named
after Material's settings element), is built into the public and the internal site.
Then every output file is scanned in its own format: HTML for script elements that
are not Material's or ours, on...= attributes and script URLs; XML (feeds, sitemap)
by parsing it; the search index as the HTML it is shown as; CSV for formulas; PDF
for actions; SVG as the browser reads it. The hostile strings must show, escaped.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from po_build.check.markup import scan_xml
from po_build.check.tree import check_tree
from po_build.outputs.cms.files import ADMIN_DIR, OWN_ASSETS, decap_files, find_decap
from po_build.render.markdown import clean_page, markdown_to_html
from tests.helpers import BRIST_BODY, PDF, TODAY, write

# What must never appear unescaped. Quotes in text are harmless (and left as they are by
# Jinja and matplotlib); inside a tag the parser below finds them as attributes.
MARKERS = ["<script>alert", "<img src=x onerror", "<svg onload", "<iframe", "<b onmouseover", "<a href=\"javascript"]

VOCABULARY = """\
områden:
  norrby: "<svg onload=alert('omr')>"
  sjo:
    namn: "\\"><img src=x onerror=alert('omr2')>"
    beskrivning: "<script>alert('beskr')</script>"
aktörer:
  elak: "Elak <img src=x onerror=alert('akt')>"
  forsakringskassan: "</title><script>alert('fk')</script>"
kategorier:
  tillganglighet: {namn: "<iframe src=javascript:alert('kat')>"}
  egen: {namn: "Egen ' onmouseover='alert(1)", nivåer: [lokal], beskrivning: "{{ 7*7 }} {% raw %}"}
statusar:
  påtalad: "<b onmouseover=alert('status')>Påtalad</b>"
nivåer:
  lokal: "Lokal <script>alert('niva')</script>"
positiva_kategorier:
  samordning: "javascript:alert('pos')"
"""

HOSTILE_BODY = """
## Beskrivning

Text med "citat", 'apostrofer' & tecken, `<script>alert('kod')</script>` och {{ config.site_name }}.

```
<script>alert('block')</script>
## Rubrik"onmouseover="alert('kod')
```

Se [sidan](https://example.org "titel\\" onmouseover=\\"alert(1)") och
![karta" onerror="alert(1)](../../bilagor/karta.png).

## Orsaker

Orsaker med <https://example.org/?a="b"&c=d> och 3 < 4 > 2.

## Konsekvenser

| a | b |
|---|---|
| "x" | 'y' |

## Förslag till åtgärder

Åtgärd.
"""

REPO = Path(__file__).resolve().parents[1]

REPORTS = {
    "brister/2025/B-2025-001-elak.md": f"""---
id: B-2025-001
typ: brist
rubrik: "<script>alert(1)</script> och <img src=x onerror=alert(1)>"
datum: 2025-03-14
nivå: lokal
kategorier: [tillganglighet, egen]
aktörer: [elak, forsakringskassan]
områden: [norrby, sjo]
allvarlighet: hög
förekomster: [2025-04-02]
status: påtalad
historik:
  - {{datum: 2025-03-14, status: upptäckt, text: "</title><script>alert(3)</script>"}}
  - {{datum: 2025-04-14, status: påtalad, text: "<img src=x onerror=alert('hist')>"}}
mottagare: ["<img src=x onerror=alert(2)>", "=cmd|' /C calc'!A0", "Styrgruppen \\" onclick=\\"alert(1)"]
relaterade: [B-2025-002, P-2025-001]
bilagor: [skrivelse.pdf, karta.svg, "it's & co.pdf"]
tema: "\\"><svg onload=alert(4)>"
publicera: true
publicerad: 2025-05-01
intern:
  rapportör: "<script>alert('intern')</script>"
  anteckningar: "<img src=x onerror=alert('anteckning')>"
---
{HOSTILE_BODY}""",
    "brister/2025/B-2025-002-formler.md": f"""---
id: B-2025-002
typ: brist
rubrik: "=HYPERLINK(\\"http://evil.example\\",\\"klicka här\\")"
datum: 2025-03-20
nivå: lokal
kategorier: [tillganglighet]
aktörer: [elak]
allvarlighet: medel
status: upptäckt
mottagare: ["+cmd", "-2+3", "@SUM(A1)", "\\tTabb"]
tema: "@SUM(1+1)*cmd|' /C calc'!A0"
publicera: true
publicerad: 2025-06-01
---
{BRIST_BODY}""",
    "brister/2025/P-2025-001-positiv.md": """---
id: P-2025-001
typ: positiv
rubrik: "<a href=\\"javascript:alert('p')\\">klick</a> positiv händelse"
datum: 2025-04-02
kategorier: [samordning]
aktörer: [forsakringskassan]
områden: [norrby]
publicera: true
publicerad: 2025-05-02
---

## Händelse

Det fungerade "bra" & <3.
""",
    "brister/2025/B-2025-003-utkast.md": f"""---
id: B-2025-003
typ: brist
rubrik: "Utkast <script>alert('utkast')</script> KANARIEUTKAST"
datum: 2025-05-01
nivå: lokal
kategorier: [tillganglighet]
aktörer: [elak]
allvarlighet: låg
status: upptäckt
---
{BRIST_BODY}""",
}

YEAR_INDEX = """---
år: 2025
titel: "<script>alert('titel')</script> Årsrapport"
tema: "<img src=x onerror=alert('tema')>"
publicera: true
---

Förord med "citat" och 'apostrofer'.

<!-- po: nyckeltal -->
"""

CHAPTERS = {
    "01-kapitel.md": """---
rubrik: "<img src=x onerror=alert('kap')>"
ordning: 1
---

Kapiteltext.

## Rubrik"onmouseover="alert(8)

### Under"onmouseover="alert(7)

Setext"onclick="alert(9)
---

<!-- po: allvarligaste -->
""",
    "02-config.md": """---
rubrik: "__config"
ordning: 2
---

Text.
""",
}

OWN_PAGE = """---
title: "Om oss <img src=x onerror=alert('metatitel')>"
description: "\\"><script>alert('beskrivning')</script>"
---

# Om oss

<div class="kort" id="__config">{"search": "data:text/javascript,alert(1)"}</div>

<script>alert('sida')</script>

<img src="x.png" onerror="alert('sida')">

[Klicka](javascript:alert('sida')) och <a href="vbscript:x" onclick="alert(1)">här</a>.

<svg onload="alert('svg')"><circle r="1"/></svg>
"""

CLEAN_SVG = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" '
             'height="10"><title>Karta</title><a xlink:href="https://example.org"><circle r="4"/></a></svg>')


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (2, 2), (200, 10, 10)).save(out, format="PNG")
    return out.getvalue()


def write_hostile_tree(root: Path) -> Path:
    content = root / "content"
    write(content / "vokabular.yml", VOCABULARY)
    for rel, text in REPORTS.items():
        write(content / rel, text)
    write(content / "arsrapport" / "2025" / "index.md", YEAR_INDEX)
    for name, text in CHAPTERS.items():
        write(content / "arsrapport" / "2025" / name, text)
    write(content / "index.md", "# Start\n\nVälkommen. <a href=\"javascript:alert('start')\">Klicka</a>\n")
    write(content / "om.md", OWN_PAGE)
    # A title from the first heading: Material strips its tags for <title>, which would
    # turn &lt;/title&gt; back into a real end tag.
    write(content / "tredje.md", "# Tredje &lt;/title&gt;&lt;script&gt;alert('tt')&lt;/script&gt; & co\n\nText.\n")
    write(content / "_utkast.md", "<script>alert('ignorerad')</script> KANARIEIGNORERAD\n")
    write(content / "brister" / "_mallar" / "mall.md", "<script>alert('mall')</script>\n")
    write(content / "bilagor" / "skrivelse.pdf", PDF)
    write(content / "bilagor" / "it's & co.pdf", PDF)
    write(content / "bilagor" / "karta.svg", CLEAN_SVG)
    write(content / "bilagor" / "karta.png", _png())
    write(content / "robots.txt", "User-agent: *\n")
    config = {
        # mkdocs.yml and overrides/ are the site's code (they can add any script), reviewed as
        # code: only what the plugin takes from them is tried here.
        "site_name": "Test",
        "site_url": "https://test.example/",
        "docs_dir": "content",
        "theme": {"name": "material", "language": "sv"},
        "plugins": {
            "search": {"lang": "sv"},
            "po": {
                "organisation": "Org <script>alert('org')</script>",
                "region": "<img src=x onerror=alert('region')>",
                "minsta_antal": 3,
                "idag": TODAY.isoformat(),
                "tillganglighet": {"bedomning": "helt", "epost": "a@example.org",
                                   "senast_granskad": "2026-11-01"},
            },
        },
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return content


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    write_hostile_tree(root)
    return root


@pytest.fixture(scope="module")
def public_site(hostile: Path) -> Path:
    build(load_config(config_file=str(hostile / "mkdocs.yml"), site_dir=str(hostile / "site")))
    return hostile / "site"


@pytest.fixture(scope="module")
def internal_site(hostile: Path) -> Path:
    build(load_config(config_file=str(hostile / "mkdocs.yml"), site_dir=str(hostile / "site-intern"),
                      plugins={"search": {"lang": "sv"}, "po": {
                          **yaml.safe_load((hostile / "mkdocs.yml").read_text("utf-8"))["plugins"]["po"],
                          "intern": True, "pdf": False}}))
    return hostile / "site-intern"


def test_the_hostile_tree_passes_the_check(hostile: Path) -> None:
    result = check_tree(hostile / "content", today=TODAY, scanner=None, display_root=hostile)
    assert result.errors == [], "\n".join(p.format() for p in result.errors)
    assert {p.code for p in result.warnings} == {"PO506"}  # the own page, whose script goes
    assert len(result.content.reports) == 4 and len(result.content.years) == 1


# --- the scanner ----------------------------------------------------------------------------

# Material's own inline scripts (the same on every page) and its settings block.
THEME_INLINE = ("__md_scope=new URL(", "var palette=__md_get(", "var target=document.getElementById(location.hash")
THEME_SCRIPT_SRC = re.compile(r"^/?(\.\./)*assets/(javascripts/bundle\.[0-9a-f]{8}\.min\.js|po/[a-z-]+\.js)$")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "srcset"}


class PageScanner(HTMLParser):
    """Script elements, handlers and script URLs in one HTML document or fragment."""

    def __init__(self, fragment: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.fragment = fragment
        self.problems: list[str] = []
        self._script: dict[str, str] | None = None
        self._script_text = ""
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        for name, value in attrs:
            if re.fullmatch(r"on[a-z]+", name):
                self.problems.append(f"<{tag} {name}={value!r}>")
            compact = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name in URL_ATTRIBUTES and compact.startswith(("javascript:", "vbscript:", "data:text", "data:app")):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if "id" in values and tag != "script":
            self.ids.append(values["id"])
        if tag in ("iframe", "object", "embed", "applet", "frame", "base", "foreignobject"):
            self.problems.append(f"<{tag}>")
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.problems.append("<meta http-equiv=refresh>")
        if tag == "script":
            if self.fragment:
                self.problems.append("<script> i ett fragment")
            self._script, self._script_text = values, ""

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text += data

    def handle_endtag(self, tag: str) -> None:
        if tag != "script" or self._script is None:
            return
        attrs, text = self._script, self._script_text.strip()
        self._script = None
        if "src" in attrs:
            if not THEME_SCRIPT_SRC.match(attrs["src"]) or text:
                self.problems.append(f"<script src={attrs['src']!r}>")
        elif attrs.get("id") == "__config" and attrs.get("type") == "application/json":
            json.loads(text)  # data, not code
        elif not text.startswith(THEME_INLINE):
            self.problems.append(f"<script>{text[:80]}")


def scan_html(text: str, fragment: bool = False) -> list[str]:
    scanner = PageScanner(fragment)
    scanner.feed(text)
    scanner.close()
    problems = list(scanner.problems)
    if not fragment:
        # An element of ours with Material's settings id would be read as the settings.
        problems += [f"id={i!r} på ett annat element än Materials skript" for i in scanner.ids if i == "__config"]
    for marker in MARKERS:
        if marker in text:
            problems.append(f"oescapad text: {marker}")
    return problems


def _form_scripts() -> dict[str, bytes]:
    """The form's scripts at /admin/, byte for byte as the plugin copies them: Decap CMS from
    the locked npm package and po's own. Anything else in .js, there or elsewhere, came from content."""
    dist = find_decap(REPO)
    assert dist is not None, "node_modules/decap-cms saknas – make test kör npm ci"
    scripts = {f"{ADMIN_DIR}/{name}": data for name, data in decap_files(dist).items() if name.endswith(".js")}
    own = resources.files("po_build.outputs.cms").joinpath("assets")
    scripts.update({f"{ADMIN_DIR}/{name}": own.joinpath(name).read_bytes() for name in OWN_ASSETS
                    if name.endswith(".js")})
    return scripts


FORM_SCRIPTS = _form_scripts()


def scan_site(site: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(site).as_posix()
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
            rel, suffix = rel.removesuffix(".gz"), Path(rel.removesuffix(".gz")).suffix
        else:
            suffix = path.suffix
        problems = scan_file(rel, suffix, data)
        if problems:
            found[rel] = problems
    return found


def scan_file(rel: str, suffix: str, data: bytes) -> list[str]:
    if suffix == ".html":
        found = scan_html(data.decode("utf-8"))
        if rel == f"{ADMIN_DIR}/index.html":
            # The form's page loads the form's own scripts, from the same folder; nothing else.
            found = [f for f in found if not any(f == f"<script src='{name.removeprefix(ADMIN_DIR + '/')}'>"
                                                 for name in FORM_SCRIPTS)]
        return found
    if suffix == ".xml":
        root = ET.fromstring(data)  # well-formed, or this raises
        bad = [el.tag for el in root.iter() if el.tag.rsplit("}", 1)[-1].lower() in ("script", "iframe")]
        return bad + [m for m in ("<script", "<img") if m in data.decode("utf-8")]
    if suffix == ".json":
        parsed = json.loads(data)
        if rel.endswith("search_index.json"):
            # Material shows the index's titles and texts as HTML: scan them as such.
            return [f"{d['location']}: {p}" for d in parsed["docs"] for field in ("title", "text")
                    for p in scan_html(d[field], fragment=True)]
        return []
    if suffix == ".csv":
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
        return [f"formel i cellen {cell!r}" for row in rows[1:] for cell in row
                if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
    if suffix == ".svg":
        problem = scan_xml(data)
        return [problem] if problem else []
    if suffix in (".js", ".mjs"):
        if rel.startswith(("assets/javascripts/", "assets/po/")) or FORM_SCRIPTS.get(rel) == data:
            return []
        return ["JavaScript utanför temat"]
    if suffix == ".pdf":
        return scan_pdf(data)
    if suffix in (".htm", ".xhtml", ".swf", ".xsl"):
        return ["aktivt innehåll"]
    return []


def scan_pdf(data: bytes) -> list[str]:
    if not data.startswith(b"%PDF") or len(data) < 200:
        return []  # a stand-in attachment of a few bytes, copied as it is
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    problems = []
    root = reader.trailer["/Root"]
    for key in ("/OpenAction", "/AA"):
        if key in root:
            problems.append(f"PDF {key}")
    if "/Names" in root and "/JavaScript" in root["/Names"]:
        problems.append("PDF /JavaScript")
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action is None:
                continue
            action = action.get_object()
            kind = action.get("/S")
            uri = str(action.get("/URI", ""))
            if kind in ("/JavaScript", "/Launch", "/SubmitForm", "/ImportData") or uri.lower().startswith(
                    ("javascript:", "file:", "data:")):
                problems.append(f"PDF-länk {kind} {uri}")
    return problems


# --- the public site -------------------------------------------------------------------------


def test_public_site_has_no_script_handler_or_script_url(public_site: Path) -> None:
    found = scan_site(public_site)
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)[:4000]


def test_public_site_shows_the_hostile_strings_escaped(public_site: Path) -> None:
    page = (public_site / "brister" / "B-2025-001" / "index.html").read_text("utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt; och &lt;img src=x onerror=alert(1)&gt;" in page
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    assert "Elak &lt;img src=x onerror=alert(" in page
    assert "{{ 7*7 }}" not in page or "49" not in page  # labels are data, never templates
    year = (public_site / "arsrapport" / "2025" / "index.html").read_text("utf-8")
    assert "&lt;img src=x onerror=alert(" in year
    own = (public_site / "om" / "index.html").read_text("utf-8")
    assert "<title>Om oss &lt;img src=x onerror=" in own
    assert 'content="&#34;&gt;&lt;script&gt;' in own or 'content="&quot;&gt;&lt;script&gt;' in own
    third = (public_site / "tredje" / "index.html").read_text("utf-8")
    assert "<title>Tredje &lt;/title&gt;&lt;script&gt;" in third
    assert "Om oss" in own and 'class="kort"' in own
    assert "alert('sida')" not in own and "<svg onload" not in own


def test_drafts_and_ignored_files_are_not_published(public_site: Path) -> None:
    everything = "\n".join(p.read_bytes().decode("utf-8", "replace") for p in public_site.rglob("*") if p.is_file())
    assert "KANARIEUTKAST" not in everything
    assert "KANARIEIGNORERAD" not in everything
    assert not (public_site / "_utkast").exists() and not (public_site / "_utkast.md").exists()
    assert (public_site / "bilagor" / "karta.svg").is_file()


def test_csv_neutralises_every_formula(public_site: Path) -> None:
    rows = list(csv.reader(io.StringIO((public_site / "oppna-data" / "brister.csv").read_text("utf-8-sig")),
                           delimiter=";"))
    cells = [cell for row in rows[1:] for cell in row]
    assert "'=HYPERLINK(\"http://evil.example\",\"klicka här\")" in cells
    assert "'@SUM(1+1)*cmd|' /C calc'!A0" in cells


def test_the_feed_is_well_formed_and_escaped(public_site: Path) -> None:
    feed = (public_site / "flode" / "atom.xml").read_bytes()
    root = ET.fromstring(feed)
    titles = [el.text for el in root.iter("{http://www.w3.org/2005/Atom}title")]
    assert "<script>alert(1)</script> och <img src=x onerror=alert(1)>" in titles
    assert b"<script>" not in feed


def test_the_pdf_has_no_actions(public_site: Path) -> None:
    pdfs = list((public_site / "arsrapport").rglob("*.pdf"))
    assert pdfs, "årsrapportens PDF saknas"
    for pdf in pdfs:
        assert scan_pdf(pdf.read_bytes()) == []


# --- the internal site ----------------------------------------------------------------------


def test_internal_site_has_no_script_handler_or_script_url(internal_site: Path) -> None:
    found = scan_site(internal_site)
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)[:4000]
    page = (internal_site / "brister" / "B-2025-001" / "index.html").read_text("utf-8")
    assert "&lt;script&gt;alert(&#39;intern&#39;)&lt;/script&gt;" in page


# --- the renderer on its own: the second lock -------------------------------------------------


@pytest.mark.parametrize(
    "markdown",
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>",
        "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](jav&#x09;ascript:alert(1))",
        "[x](&#106;avascript:alert(1))", "[x](java\nscript:alert(1))", "[x]( javascript:alert(1))",
        "[x](vbscript:msgbox(1))", "[x](data:text/html;base64,PHNjcmlwdD4=)", "<javascript:alert(1)>",
        "[x][r]\n\n[r]: javascript:alert(1)", "text {: onclick=\"alert(1)\" }", "## Titel {: onclick=x }",
        "![x](javascript:alert(1))", "![x](../../../etc/passwd.png)", "![x](/etc/x.png)",
        "![x](https://spårning.example/x.png)", "## Rubrik\"onmouseover=\"alert(1)",
        "Setext\"onclick=\"alert(1)\n---", "<a href=\"javascript:alert(1)\">x</a>", "<!-- --><script>x</script>",
        "<style>body{}</style>", "<iframe src=x>", "<form action=javascript:x><button>x</button></form>",
    ],
)
def test_render_neutralises_what_the_check_would_refuse(markdown: str) -> None:
    for shift in (0, 1):
        html = markdown_to_html(markdown, shift_headings=shift)
        assert scan_html(html, fragment=True) == [], html


def test_clean_page_keeps_layout_and_drops_script() -> None:
    html = clean_page(
        '<div class="admonition note" id="x"><p class="admonition-title">Obs</p>'
        '<a href="#x" class="headerlink">¶</a><script>alert(1)</script>'
        '<img src="a.png" onerror="alert(1)"><a href="javascript:x">y</a>'
        '<span id="__config" data-md-component="search">z</span><a href="tel:+4612345">ring</a></div>'
    )
    assert scan_html(html, fragment=True) == []
    assert 'class="admonition note"' in html and 'id="x"' in html and 'href="tel:+4612345"' in html
    assert "__config" not in html and "data-md" not in html


def test_heading_text_cannot_become_an_attribute_in_any_filter() -> None:
    """Templates and the yearly report copy heading text into id="..." with string work.

    An indented ``` is a fence to nobody: the heading under it renders, and reaches them.
    """
    from po_build.model.records import Section
    from po_build.render.markdown import Anchors, render
    from po_build.render.templating import _sections

    evil = 'Rubrik"onmouseover="alert(1)'
    for html in (
        str(_sections([Section("Beskrivning", f"  ```\n## {evil}\n  ```")])),
        str(_sections([Section("", f"{evil}\n---")])),
        render(f"## {evil}\n", anchors=Anchors()).html,  # a documentation page, as document_page renders it
    ):
        assert scan_html(html, fragment=True) == [], html
        assert "&quot;onmouseover=&quot;" in html
