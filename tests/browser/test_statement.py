"""The accessibility statement as built for the sample organisation: DIGG's required parts,
and a link to it from every page (the footer) and from the start page."""

from __future__ import annotations

import re


def test_statement_has_what_digg_requires(built_site):
    html = (built_site / "tillganglighet" / "index.html").read_text("utf-8")
    article = html[html.index('<article'):html.index('</article>')]
    for part in (
        "Tillgänglighet för Personliga ombud Exempellän",
        "Personliga ombud Exempellän står bakom den här webbplatsen",
        "<strong>delvis förenlig</strong> med lagen om tillgänglighet till digital offentlig service",
        'href="mailto:tillganglighet@exempellan.example"',
        "000-123 45 67",
        "Myndigheten för digital förvaltning",
        'href="https://www.digg.se/tdosanmalan"',
        "WCAG 2.1",
        "Bristande förenlighet med lagkraven",
        "självskattning",
        "Den senaste bedömningen gjordes den 1 november 2026",
        "Redogörelsen uppdaterades senast den 1 november 2026",
    ):
        assert part in article, part


def test_every_page_links_to_the_statement(built_site):
    # /admin/ is Decap CMS' own page where the ombud write, not a page of the public site.
    pages = [p for p in built_site.rglob("*.html")
             if "tillganglighet" not in p.parts and p.relative_to(built_site).parts[0] != "admin"]
    missing = [str(p.relative_to(built_site)) for p in pages
               if not re.search(r'<a href="[^"]*tillganglighet/">Tillgänglighetsredogörelse</a>',
                                p.read_text("utf-8"))]
    assert not missing, f"sidor utan länk till tillgänglighetsredogörelsen: {missing[:10]}"
    start = (built_site / "index.html").read_text("utf-8")
    content = start[start.index('<article'):start.index('</article>')]
    assert 'href="tillganglighet/"' in content
