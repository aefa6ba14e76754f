"""While serving, a yearly report's document made of the same things as at the last save is taken
from then (outputs/yearly/document.py, keyed by project/fingerprint.py); one made of anything
different is made again, and a kept document is exactly what making it again gives."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

from po_build.check.tree import check_tree
from po_build.model.records import Content
from po_build.outputs.yearly import document
from po_build.outputs.yearly.document import YearDocument, build_document, documents, use_input_keys
from po_build.project.fingerprint import Fingerprints
from po_build.project.projection import Projection, project

from .contentgen import write_tree


def same(a: YearDocument, b: YearDocument) -> bool:
    """Equal in every value: a report in a document compares by identity (projection.py), its repr
    has all its fields."""
    return repr(a) == repr(b)


def projection(content: Content) -> Projection:
    p = project(content, "public", organisation="Testorganisation", region="Testlän")
    fingerprints = Fingerprints(p)
    use_input_keys(p, lambda year: fingerprints.of_year(p, year))
    return p


def test_unchanged_years_are_kept_and_a_changed_year_is_made_again(tmp_path: Path) -> None:
    write_tree(tmp_path, 90, years=3, yearly_reports=True, start=date(2023, 1, 1), unpublished_share=0.0)
    content = check_tree(tmp_path / "content", today=date(2026, 6, 1), scanner=None).content
    first = {doc.year: doc for doc in documents(projection(content))}
    assert sorted(first) == [2023, 2024, 2025]

    # The next save, nothing changed: every year's document from the last one, as made again.
    p = projection(content)
    again = {doc.year: doc for doc in documents(p)}
    assert all(again[y] is first[y] for y in first)
    for y in p.years:
        assert same(build_document(p, y), again[y.år])

    # A 2025 report's headline edited: 2025 is made again; 2023 and 2024 do not contain it.
    latest = max((r for r in content.reports if r.year == 2025), key=lambda r: r.id)
    edited = dataclasses.replace(content, reports=[
        dataclasses.replace(r, rubrik="En helt ny rubrik om väntetiderna") if r is latest else r
        for r in content.reports])
    p = projection(edited)
    changed = {doc.year: doc for doc in documents(p)}
    assert changed[2025] is not again[2025]
    assert changed[2023] is again[2023] and changed[2024] is again[2024]
    for y in p.years:
        assert same(build_document(p, y), changed[y.år])

    # A 2023 report's status changed: 2023 and every later year count it, so all are made again.
    early = min((r for r in edited.reports if r.year == 2023 and r.typ == "brist"), key=lambda r: r.id)
    other = "åtgärdad" if early.status != "åtgärdad" else "påtalad"
    moved = dataclasses.replace(edited, reports=[
        dataclasses.replace(r, status=other, historik=[]) if r is early else r for r in edited.reports])
    p = projection(moved)
    final = {doc.year: doc for doc in documents(p)}
    assert all(final[y] is not changed[y] for y in final)
    for y in p.years:
        assert same(build_document(p, y), final[y.år])


def test_without_keys_every_projection_makes_its_own(tmp_path: Path) -> None:
    write_tree(tmp_path, 20, years=2, yearly_reports=True, start=date(2024, 1, 1), unpublished_share=0.0)
    content = check_tree(tmp_path / "content", today=date(2026, 6, 1), scanner=None).content
    document.use_input_keys(projection(content), lambda year: None)
    a = documents(project(content, "public", organisation="T", region="R"))
    b = documents(project(content, "public", organisation="T", region="R"))
    assert a and all(x is not y and same(x, y) for x, y in zip(a, b, strict=True))
