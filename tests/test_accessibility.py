"""The accessibility statement's settings: what DIGG's model asks for, and clear errors."""

from __future__ import annotations

from datetime import date

import pytest

from po_build.outputs.accessibility import DIGG_COMPLAINT_URL, accessibility_page, accessibility_settings

SETTINGS = {
    "epost": "tillganglighet@exempel.example",
    "telefon": "000-11 22 33",
    "bedomning": "delvis",
    "senast_granskad": date(2026, 11, 1),
    "brister": ["Bilagor i PDF saknar taggar.", {"text": "Diagram har liten text.", "wcag": "1.4.4"}],
}


def test_page_from_settings():
    spec = accessibility_page(accessibility_settings(SETTINGS, "Ombuden i Exempellän"))
    assert spec.url == "tillganglighet/"
    assert spec.template == "tillganglighet.html"
    c = spec.context
    assert c["responsible"] == c["website"] == "Ombuden i Exempellän"
    assert c["compliance"] == "delvis förenlig"
    assert c["email"] == "tillganglighet@exempel.example"
    assert c["reviewed"] == c["updated"] == date(2026, 11, 1)
    assert [s.wcag for s in c["shortcomings"]] == ["", "1.4.4"]
    assert c["digg_url"] == DIGG_COMPLAINT_URL == "https://www.digg.se/tdosanmalan"
    assert spec.toc[0][0] == "hur-tillganglig"


def test_dates_may_be_quoted_text():
    settings = {**SETTINGS, "senast_granskad": "2026-10-01", "uppdaterad": "2026-10-05"}
    spec = accessibility_page(accessibility_settings(settings, "X"))
    assert spec.context["reviewed"] == date(2026, 10, 1)
    assert spec.context["updated"] == date(2026, 10, 5)


def test_no_settings_still_gives_a_page():
    # An organisation that has not filled in the statement yet must still be able to build.
    spec = accessibility_page(accessibility_settings({}, "X"))
    assert spec.context["compliance"] == "delvis förenlig"
    assert spec.context["shortcomings"] == []


@pytest.mark.parametrize(("change", "words"), [
    ({"bedomning": "nästan"}, "helt, delvis eller inte"),
    ({"senast_granskad": "1 nov"}, "ÅÅÅÅ-MM-DD"),
    ({"epostadress": "a@b.example"}, "okänd inställning"),
    ({"brister": "allt"}, "ska vara en lista"),
    ({"brister": [{"wcag": "1.1.1"}]}, "text eller"),
    ({"brister": []}, "räkna upp"),
])
def test_wrong_settings_stop_the_build_with_a_swedish_message(change, words):
    with pytest.raises(ValueError, match=words):
        accessibility_settings({**SETTINGS, **change}, "X")


def test_fully_compliant_needs_no_list():
    spec = accessibility_page(accessibility_settings({**SETTINGS, "bedomning": "helt", "brister": []}, "X"))
    assert spec.context["compliance"] == "helt förenlig"
