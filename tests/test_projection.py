"""The public projection: what a reader may see, and nothing more."""

from __future__ import annotations

import io
from datetime import date

import pytest
from PIL import Image

from po_build.contract.vocabulary import Term
from po_build.load.vocabulary import builtin_vocabulary
from po_build.model.records import Content, Report, Section, Step
from po_build.outputs.attachments import UncleanFile, public_bytes, referenced_in
from po_build.project.projection import project
from tests.helpers import image_bytes, pdf_bytes


def report(i: int, *, year: int = 2025, areas: list[str] | None = None, publish: bool = True,
           related: list[str] | None = None) -> Report:
    return Report(
        id=f"B-{year}-{i:03d}", typ="brist", rubrik=f"Rubrik nummer {i} om något", datum=date(year, 3, 14),
        kategorier=["samordning"], aktörer=["psykiatrin"], body="", source=f"brister/{year}/x{i}.md",
        sections=[Section("Beskrivning", "Text.")], områden=areas or [], nivå="lokal",
        allvarlighet="hög", förekomster=[date(year, 5, 2), date(year, 6, 9)], status="åtgärdad",
        historik=[Step(date(year, 3, 14), "upptäckt"), Step(date(year, 9, 30), "åtgärdad", "Klart")],
        relaterade=related or [], publicera=publish, publicerad=date(year, 11, 1) if publish else None,
        intern={"rapportör": "Ombud A", "anteckningar": "HEMLIGT"},
    )


def content(reports: list[Report]) -> Content:
    vocab = builtin_vocabulary()
    vocab.areas.update({"norrby": Term("norrby", "Norrby kommun"), "sjovik": Term("sjovik", "Sjöviks kommun")})
    return Content(reports, [], vocab)


def test_public_projection_keeps_only_published_reports_and_public_fields():
    p = project(content([report(1), report(2, publish=False)]), "public", region="Exempellän")
    assert [r.id for r in p.reports] == ["B-2025-001"]
    r = p.reports[0]
    assert r.intern is None and r.exact_dates is None and not r.draft
    assert r.when == "mars 2025"
    assert [s.when for s in r.historik] == ["mars 2025", "september 2025"]
    assert r.times_seen == 3
    assert r.publicerad == date(2025, 11, 1)
    assert r.remedied_years == frozenset({2025})
    # No field of the view carries an exact event date.
    assert "2025-03-14" not in repr(r) and "2025-05-02" not in repr(r)


def test_internal_projection_shows_drafts_intern_and_exact_dates():
    p = project(content([report(1), report(2, publish=False)]), "intern")
    by_id = {r.id: r for r in p.reports}
    assert by_id["B-2025-002"].draft and not by_id["B-2025-001"].draft
    assert by_id["B-2025-001"].intern == {"rapportör": "Ombud A", "anteckningar": "HEMLIGT"}
    assert by_id["B-2025-001"].when == "2025-03-14"
    assert by_id["B-2025-001"].exact_dates["förekomster"] == "2025-05-02, 2025-06-09"


def test_area_is_named_only_when_k_published_reports_share_it_that_year():
    reports = [report(i, areas=["norrby"]) for i in range(1, 4)]  # three in Norrby 2025
    reports += [report(4, areas=["sjovik"]), report(5, areas=["sjovik"])]  # two in Sjövik
    reports += [report(6, areas=["sjovik"], publish=False)]  # a draft does not count
    reports += [report(1, year=2024, areas=["norrby"])]  # one in Norrby 2024
    p = project(content(reports), "public", region="Exempellän", k=3)
    by_id = {r.id: r for r in p.reports}
    assert [a.namn for a in by_id["B-2025-001"].områden] == ["Norrby kommun"]
    assert [a.namn for a in by_id["B-2025-004"].områden] == ["Exempellän"]
    assert [a.id for a in by_id["B-2024-001"].områden] == ["region"]
    # With k = 2 Sjövik may be named.
    p2 = project(content(reports), "public", region="Exempellän", k=2)
    assert [a.namn for a in {r.id: r for r in p2.reports}["B-2025-004"].områden] == ["Sjöviks kommun"]
    # Internally every area is shown.
    pi = project(content(reports), "intern", region="Exempellän", k=3)
    assert [a.namn for a in {r.id: r for r in pi.reports}["B-2025-006"].områden] == ["Sjöviks kommun"]


def test_related_reports_link_both_ways_and_drop_unpublished():
    reports = [report(1, related=["B-2025-002", "B-2025-003"]), report(2), report(3, publish=False)]
    p = project(content(reports), "public")
    by_id = {r.id: r for r in p.reports}
    assert [o.id for o in by_id["B-2025-001"].relaterade] == ["B-2025-002"]
    assert [o.id for o in by_id["B-2025-002"].omnämnd_i] == ["B-2025-001"]


def test_reports_are_newest_first():
    p = project(content([report(1, year=2024), report(2), report(1)]), "public")
    assert next(r.id for r in p.reports).startswith("B-2025")


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (8, 8), (200, 10, 10))
    exif = Image.Exif()
    exif[0x013B] = "Fotografens Namn"  # Artist
    exif[0x8825] = {1: "N", 2: (56.0, 52.0, 40.0)}  # GPS IFD
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_images_lose_their_metadata(tmp_path):
    original = _jpeg_with_gps()
    assert b"Fotografens" in original
    path = tmp_path / "bild.jpg"
    path.write_bytes(original)
    cleaned = public_bytes(path)
    assert b"Fotografens" not in cleaned and b"Exif" not in cleaned
    with Image.open(io.BytesIO(cleaned)) as image:
        assert image.size == (8, 8)
        assert not image.getexif()


def test_what_is_cleaned_is_decided_by_the_content_not_the_name(tmp_path):
    # A JPEG named .jfif (or .jpe) is a JPEG: its EXIF goes like that of a .jpg.
    path = tmp_path / "bild.jfif"
    path.write_bytes(_jpeg_with_gps())
    cleaned = public_bytes(path)
    assert cleaned[:3] == b"\xff\xd8\xff" and b"Fotografens" not in cleaned and b"Exif" not in cleaned


def test_a_damaged_image_stops_the_build_instead_of_being_published_empty(tmp_path, monkeypatch):
    from PIL import ImageFile

    # As after `import weasyprint`, which the yearly report's PDF brings in.
    monkeypatch.setattr(ImageFile, "LOAD_TRUNCATED_IMAGES", True)
    path = tmp_path / "bild.png"
    path.write_bytes(image_bytes('PNG', (64, 64))[:60])  # the header of a PNG, then nothing
    with pytest.raises(UncleanFile, match="går inte att läsa"):
        public_bytes(path)


def test_pdfs_are_published_without_their_metadata(tmp_path):
    from pypdf import PdfReader

    path = tmp_path / "brev.pdf"
    path.write_bytes(pdf_bytes("Skrivelse om telefontider.",
                               info={"Title": "Skrivelse", "Author": "Kanarie Författare"},
                               xmp="<x:xmpmeta xmlns:x='adobe:ns:meta/'><c>Kanarie XMP</c></x:xmpmeta>"))
    cleaned = public_bytes(path)
    assert b"Kanarie" not in cleaned
    reader = PdfReader(io.BytesIO(cleaned))
    assert reader.metadata == {"/Title": "Skrivelse"}
    assert "telefontider" in reader.pages[0].extract_text()


def test_text_attachments_are_published_as_they_are(tmp_path):
    path = tmp_path / "tabell.csv"
    path.write_bytes(b"kommun;antal\nNorrby;4\n")
    assert public_bytes(path) == b"kommun;antal\nNorrby;4\n"


def test_attachments_referenced_in_a_body_are_found():
    assert referenced_in("Se ![karta](../../bilagor/karta.png) och [brev](../../bilagor/brev.pdf).") == {
        "karta.png", "brev.pdf"}
