"""Schema (PO2xx), rules across fields and files (PO3xx), body markup (PO5xx).

Every rule has a failing case (code, file and line) and a passing case; then
maximal valid content built from the spec, and ~50 nasty inputs that must give
problems, never a traceback.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from po_build.check.tree import check_tree
from po_build.contract.codes import CODES, GROUPS, WARNINGS, Code
from po_build.model.records import Section, Step
from tests.helpers import (
    BRIST_BODY,
    BRIST_FIELDS,
    PDF,
    POSITIV_BODY,
    TODAY,
    assert_clean,
    assert_no_errors,
    assert_problem,
    check,
    codes,
    error_codes,
    front_matter,
    jpeg_with_gps,
    line_of,
    only,
    png_header,
    rel,
    report_text,
    write,
    write_report,
    write_year,
)

ID, TYP, RUBRIK, DATUM, NIVA, KATEGORIER, AKTORER, ALLVARLIGHET, STATUS = range(2, 11)
P_ID, P_TYP, P_RUBRIK, P_DATUM, P_KATEGORIER, P_AKTORER = range(2, 8)
EXTRA = 11  # first added key in a brist
P_EXTRA = 8  # first added key in a positiv
BODY_START = 12  # first body line of a default brist (an empty line)

HISTORIK_OK = (
    "\n  - {datum: 2025-03-14, status: upptäckt}\n  - {datum: 2025-04-01, status: påtalad}"
)


def _hist(*steps: tuple[str, str]) -> str:
    return "".join(f"\n  - {{datum: {d}, status: {s}}}" for d, s in steps)


# === Schema (PO2xx) =======================================================================

BRIST_REQUIRED = [
    "id",
    "rubrik",
    "datum",
    "nivå",
    "kategorier",
    "aktörer",
    "allvarlighet",
    "status",
]
POSITIV_REQUIRED = ["id", "rubrik", "datum", "kategorier", "aktörer"]


@pytest.mark.parametrize("key", BRIST_REQUIRED)
def test_brist_missing_required_key_is_po201(tmp_path: Path, key: str) -> None:
    path = write_report(tmp_path, drop=[key])
    p = assert_problem(check(tmp_path), "PO201", path, 1, tmp_path)
    assert f"'{key}'" in p.message


@pytest.mark.parametrize("key", POSITIV_REQUIRED)
def test_positiv_missing_required_key_is_po201(tmp_path: Path, key: str) -> None:
    path = write_report(tmp_path, "positiv", drop=[key])
    p = assert_problem(check(tmp_path), "PO201", path, 1, tmp_path)
    assert f"'{key}'" in p.message


def test_positiv_needs_no_brist_fields(tmp_path: Path) -> None:
    write_report(tmp_path, "positiv")
    assert_clean(check(tmp_path))


def test_brist_fields_in_a_positiv_are_unknown(tmp_path: Path) -> None:
    path = write_report(tmp_path, "positiv", fields={"nivå": "lokal"})
    p = assert_problem(check(tmp_path), "PO202", path, P_EXTRA, tmp_path, col=1)
    assert "'nivå'" in p.message


@pytest.mark.parametrize("kind", ["brist", "positiv"])
def test_missing_typ_is_po211(tmp_path: Path, kind: str) -> None:
    path = write_report(tmp_path, kind, drop=["typ"])
    p = assert_problem(check(tmp_path), "PO211", path, 1, tmp_path)
    assert "typ: brist" in p.message


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("bris", "menade du 'brist'?"),
        ("Positiv", "menade du 'positiv'?"),
        ("systembrist", ""),
        ("[brist]", ""),
        ("12", ""),
    ],
)
def test_wrong_typ_is_po211(tmp_path: Path, value: str, hint: str) -> None:
    path = write_report(tmp_path, fields={"typ": value})
    p = assert_problem(check(tmp_path), "PO211", path, TYP, tmp_path, col=len("typ: ") + 1)
    assert hint in p.message


def test_unknown_key_is_po202_with_suggestion(tmp_path: Path) -> None:
    path = write_report(tmp_path, fields={"kategoriier": "[samordning]"})
    p = assert_problem(check(tmp_path), "PO202", path, EXTRA, tmp_path, col=1)
    assert "menade du 'kategorier'?" in p.message


def test_unknown_key_without_near_miss_has_no_suggestion(tmp_path: Path) -> None:
    path = write_report(tmp_path, fields={"xyz": "1"})
    p = assert_problem(check(tmp_path), "PO202", path, EXTRA, tmp_path)
    assert "menade du" not in p.message


def test_unknown_key_in_historik_item_is_po202(tmp_path: Path) -> None:
    fields = {"historik": "\n  - datum: 2025-03-14\n    status: upptäckt\n    txt: Sågs först"}
    path = write_report(tmp_path, fields={**fields, "status": "upptäckt"})
    p = assert_problem(check(tmp_path), "PO202", path, EXTRA + 3, tmp_path, col=5)
    assert "menade du 'text'?" in p.message


@pytest.mark.parametrize(
    ("fields", "line", "hint"),
    [
        ({"kategorier": "samordning"}, KATEGORIER, "skriv t.ex. [samordning]"),
        ({"intern": "text om ärendet"}, EXTRA, "grupp av fält"),
        ({"rubrik": "12345678901"}, RUBRIK, "en text"),
        ({"datum": "20250314"}, DATUM, "en text"),
        ({"id": "12"}, ID, "en text"),
        ({"mottagare": "styrgruppen"}, EXTRA, "en lista"),
        ({"historik": "[2025-03-14]"}, EXTRA, "grupp av fält"),
        ({"tema": "[a, b]"}, EXTRA, "en text"),
        ({"rubrik": "null"}, RUBRIK, "en text"),
    ],
    ids=[
        "kategorier-text",
        "intern-text",
        "rubrik-number",
        "datum-number",
        "id-number",
        "mottagare-text",
        "historik-dates",
        "tema-list",
        "rubrik-null",
    ],
)
def test_wrong_type_is_po203(tmp_path: Path, fields: dict[str, str], line: int, hint: str) -> None:
    path = write_report(tmp_path, fields=fields)
    p = assert_problem(check(tmp_path), "PO203", path, line, tmp_path)
    assert hint in p.message


def test_empty_text_in_list_is_po203(tmp_path: Path) -> None:
    path = write_report(tmp_path, fields={"mottagare": "[styrgruppen, '']"})
    p = assert_problem(
        check(tmp_path), "PO203", path, EXTRA, tmp_path, col=len("mottagare: [styrgruppen, ") + 1
    )
    assert "tom" in p.message


@pytest.mark.parametrize(
    "value", ["B-25-1", "B-2025-1", "b-2025-001", "B-2025-00001", "B2025001", "'B-2025-001 '",
              "B-2025-000", "B-2025-0000"]
)
def test_malformed_id_is_po204_only(tmp_path: Path, value: str) -> None:
    path = write_report(tmp_path, fields={"id": value}, name="B-2025-001-rapport.md", year="2025")
    result = check(tmp_path)
    assert_problem(result, "PO204", path, ID, tmp_path, col=len("id: ") + 1)
    # A malformed id is one mistake: no PO301 about the file name on top of it.
    assert error_codes(result) == ["PO204"]


def test_positiv_with_brist_id_is_po204(tmp_path: Path) -> None:
    path = write_report(tmp_path, "positiv", fields={"id": "B-2025-001"})
    result = check(tmp_path)
    found = [p for p in result.problems if p.code == "PO204"]
    assert found and {(p.path, p.line) for p in found} == {(rel(path, tmp_path), P_ID)}
    assert any("P-" in p.message for p in found)
    assert set(error_codes(result)) == {"PO204"}


def test_brist_with_positiv_id_is_po204(tmp_path: Path) -> None:
    path = write_report(tmp_path, fields={"id": "P-2025-001"})
    result = check(tmp_path)
    assert {(p.code, p.line) for p in result.errors} == {("PO204", ID)}
    assert rel(path, tmp_path) in {p.path for p in result.errors}


@pytest.mark.parametrize("value", ["B-2025-001", "B-2025-9999", "B-2025-0001", "B-2025-100"])
def test_well_formed_ids_pass(tmp_path: Path, value: str) -> None:
    write_report(tmp_path, fields={"id": value})
    assert_clean(check(tmp_path))


@pytest.mark.parametrize(("length", "ok"), [(9, False), (10, True), (120, True), (121, False)])
def test_rubrik_length_is_po205(tmp_path: Path, length: int, ok: bool) -> None:
    rubrik = ("Brist i samordningen " * 10)[:length].strip().ljust(length, "x")
    assert len(rubrik) == length
    path = write_report(tmp_path, fields={"rubrik": f"'{rubrik}'"})
    result = check(tmp_path)
    if ok:
        assert_clean(result)
    else:
        p = assert_problem(result, "PO205", path, RUBRIK, tmp_path, col=len("rubrik: ") + 1)
        assert f"{length} tecken" in p.message


def test_rubrik_counts_characters_not_bytes(tmp_path: Path) -> None:
    write_report(tmp_path, fields={"rubrik": "åäöåäöåäöå"})  # 10 characters, 20 bytes
    assert_clean(check(tmp_path))


@pytest.mark.parametrize(
    ("kind", "fields", "line", "col", "suggestion"),
    [
        ("brist", {"kategorier": "[tillganglighet, samordnig]"}, KATEGORIER, 30, "samordning"),
        ("brist", {"aktörer": "[forsakringskasan]"}, AKTORER, 11, "forsakringskassan"),
        ("brist", {"nivå": "lokl"}, NIVA, 7, "lokal"),
        ("brist", {"nivå": "Nationell"}, NIVA, 7, "nationell"),
        ("brist", {"status": "påtalat"}, STATUS, 9, "påtalad"),
        ("brist", {"status": "atgardad"}, STATUS, 9, "åtgärdad"),
        ("brist", {"allvarlighet": "hog"}, ALLVARLIGHET, 15, "hög"),
        ("brist", {"historik": _hist(("2025-03-14", "upptackt"))}, EXTRA + 1, 33, "upptäckt"),
        ("positiv", {"kategorier": "[lilla-extr]"}, P_KATEGORIER, 14, "lilla-extra"),
        ("positiv", {"kategorier": "[regelverk]"}, P_KATEGORIER, 14, None),
    ],
    ids=[
        "kategori",
        "aktör",
        "nivå",
        "nivå-case",
        "status",
        "status-diacritics",
        "allvarlighet",
        "historik-status",
        "positiv-kategori",
        "brist-kategori-in-positiv",
    ],
)
def test_unknown_vocabulary_value_is_po206(
    tmp_path: Path, kind: str, fields: dict[str, str], line: int, col: int, suggestion: str | None
) -> None:
    path = write_report(tmp_path, kind, fields=fields)
    p = assert_problem(check(tmp_path), "PO206", path, line, tmp_path, col=col)
    if suggestion:
        assert f"menade du '{suggestion}'?" in p.message
    assert "vokabular.yml" in p.message


def test_unknown_area_is_po206_with_suggestion(tmp_path: Path) -> None:
    write(tmp_path / "vokabular.yml", "områden:\n  norrby: Norrby kommun\n")
    path = write_report(tmp_path, fields={"områden": "[norby]"})
    p = assert_problem(check(tmp_path), "PO206", path, EXTRA, tmp_path, col=len("områden: [") + 1)
    assert "menade du 'norrby'?" in p.message


def test_declared_area_passes(tmp_path: Path) -> None:
    write(tmp_path / "vokabular.yml", "områden:\n  norrby: Norrby kommun\n")
    write_report(tmp_path, fields={"områden": "[norrby]"})
    assert_clean(check(tmp_path))


@pytest.mark.parametrize(
    "value",
    [
        "2025-02-30",
        "14/3 2025",
        "2025-3-4",
        "2025-13-01",
        "2025-03-14 10:00",
        "'2025-03-14T10:00'",
        "mars 2025",
        "2025-00-10",
    ],
)
def test_bad_date_is_po207(tmp_path: Path, value: str) -> None:
    path = write_report(tmp_path, fields={"datum": value})
    p = assert_problem(check(tmp_path), "PO207", path, DATUM, tmp_path, col=len("datum: ") + 1)
    assert "datum" in p.message


@pytest.mark.parametrize("value", ["2024-02-29", "'2025-03-14'", '"2025-03-14"', "2025-12-31"])
def test_good_dates_pass(tmp_path: Path, value: str) -> None:
    write_report(tmp_path, fields={"datum": value})
    assert_clean(check(tmp_path))


def test_bad_date_in_lists_is_po207_at_the_item(tmp_path: Path) -> None:
    path = write_report(
        tmp_path,
        fields={
            "förekomster": "\n  - 2025-04-01\n  - 2025-04-31",
            "historik": _hist(("2025-03-14", "upptäckt"), ("2025-4-1", "påtalad")),
            "publicera": "true",
            "publicerad": "1 maj 2025",
        },
    )
    result = check(tmp_path)
    found = sorted(p.line for p in result.problems if p.code == "PO207")
    assert found == [EXTRA + 2, EXTRA + 5, EXTRA + 7]
    assert {p.path for p in result.problems} == {rel(path, tmp_path)}


@pytest.mark.parametrize("key", ["kategorier", "aktörer"])
@pytest.mark.parametrize("kind", ["brist", "positiv"])
def test_empty_required_list_is_po208(tmp_path: Path, kind: str, key: str) -> None:
    path = write_report(tmp_path, kind, fields={key: "[]"})
    line = line_of(path, f"{key}:")
    p = assert_problem(check(tmp_path), "PO208", path, line, tmp_path)
    assert "minst ett" in p.message


def test_empty_optional_lists_pass(tmp_path: Path) -> None:
    write_report(
        tmp_path,
        fields={
            "områden": "[]",
            "förekomster": "[]",
            "mottagare": "[]",
            "relaterade": "[]",
            "bilagor": "[]",
        },
    )
    assert_clean(check(tmp_path))


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("kategorier", "[samordning, tillganglighet, samordning]"),
        ("aktörer", "[lss, lss]"),
        ("relaterade", "[P-2025-001, P-2025-001]"),
    ],
)
def test_duplicate_list_value_is_po209(tmp_path: Path, key: str, value: str) -> None:
    write_report(tmp_path, "positiv")
    path = write_report(tmp_path, fields={key: value})
    p = assert_problem(check(tmp_path), "PO209", path, line_of(path, f"{key}:"), tmp_path)
    assert key in p.message


def test_too_many_values_is_po212(tmp_path: Path) -> None:
    path = write_report(
        tmp_path, fields={"mottagare": "[" + ", ".join(["styrgruppen"] * 201) + "]"}
    )
    assert_problem(check(tmp_path), "PO212", path, EXTRA, tmp_path)


@pytest.mark.parametrize("value", ["kanske", "1", "'true'", "Ja", "[ja]", "null"])
def test_publicera_not_boolean_is_po213(tmp_path: Path, value: str) -> None:
    path = write_report(tmp_path, fields={"publicera": value, "publicerad": "2025-05-01"})
    p = assert_problem(check(tmp_path), "PO213", path, EXTRA, tmp_path, col=len("publicera: ") + 1)
    assert "true (ja) eller false (nej)" in p.message


@pytest.mark.parametrize(
    ("value", "published"),
    [("true", True), ("ja", True), ("false", False), ("nej", False), ("yes", True), ("no", False)],
)
def test_publicera_accepts_ja_and_nej(tmp_path: Path, value: str, published: bool) -> None:
    write_report(tmp_path, fields={"publicera": value, "publicerad": "2025-05-01"})
    result = check(tmp_path)
    assert_clean(result)
    assert result.content.reports[0].publicera is published


@pytest.mark.parametrize("value", ["true", "ja"])
def test_publicera_without_publicerad_is_po309(tmp_path: Path, value: str) -> None:
    path = write_report(tmp_path, fields={"publicera": value})
    p = assert_problem(check(tmp_path), "PO309", path, EXTRA, tmp_path, col=1)
    assert "publicerad" in p.message


def test_unpublished_report_needs_no_publicerad(tmp_path: Path) -> None:
    write_report(tmp_path, fields={"publicera": "false"})
    write_report(tmp_path, "positiv", fields={"publicera": "nej"})
    assert_clean(check(tmp_path))


def test_default_publicera_is_false(tmp_path: Path) -> None:
    write_report(tmp_path)
    assert check(tmp_path).content.reports[0].publicera is False


# === Rules (PO3xx) ========================================================================


@pytest.mark.parametrize(
    "name",
    [
        "B-2025-002-telefon.md",
        "telefon.md",
        "B-2025-0011-x.md",
        "B-2025-001.txt.md",
        "P-2025-001-x.md",
    ],
)
def test_file_name_not_starting_with_id_is_po301(tmp_path: Path, name: str) -> None:
    path = write_report(tmp_path, name=name)
    p = assert_problem(check(tmp_path), "PO301", path, ID, tmp_path, col=len("id: ") + 1)
    assert "B-2025-001-kort-beskrivning.md" in p.message


@pytest.mark.parametrize("name", ["B-2025-001.md", "B-2025-001-telefon.md", "B-2025-001-å-ä.md"])
def test_file_name_starting_with_id_passes(tmp_path: Path, name: str) -> None:
    write_report(tmp_path, name=name)
    assert_clean(check(tmp_path))


def test_duplicate_id_in_two_year_folders_is_po302(tmp_path: Path) -> None:
    first = write_report(tmp_path, year="2025")
    second = write_report(tmp_path, year="2026", name="B-2025-001-annan.md")
    result = check(tmp_path)
    p = assert_problem(result, "PO302", second, ID, tmp_path, col=len("id: ") + 1)
    assert rel(first, tmp_path) in p.message
    assert [r.source for r in result.content.reports] == [rel(first, tmp_path).removeprefix("")]


def test_same_number_in_brist_and_positiv_is_not_a_duplicate(tmp_path: Path) -> None:
    write_report(tmp_path)
    write_report(tmp_path, "positiv")
    assert "PO302" not in codes(check(tmp_path))


@pytest.mark.parametrize(
    ("fields", "line", "col"),
    [
        ({"datum": "2026-11-23"}, DATUM, 8),
        ({"publicera": "true", "publicerad": "2027-01-01"}, EXTRA + 1, 13),
        ({"förekomster": "[2025-04-01, 2027-01-01]"}, EXTRA, 27),
        ({"historik": _hist(("2025-03-14", "upptäckt"), ("2030-04-01", "påtalad"))}, EXTRA + 2, 13),
    ],
    ids=["datum", "publicerad", "förekomster", "historik"],
)
def test_date_in_the_future_is_po303(
    tmp_path: Path, fields: dict[str, str], line: int, col: int
) -> None:
    path = write_report(tmp_path, fields=fields)
    p = assert_problem(check(tmp_path), "PO303", path, line, tmp_path, col=col)
    assert "framtiden" in p.message


def test_today_is_not_in_the_future(tmp_path: Path) -> None:
    today = TODAY.isoformat()
    write_report(
        tmp_path,
        fields={
            "datum": today,
            "förekomster": f"[{today}]",
            "publicera": "true",
            "publicerad": today,
            "historik": _hist((today, "upptäckt"), (today, "påtalad")),
        },
    )
    assert_clean(check(tmp_path))


def test_future_is_relative_to_the_given_day(tmp_path: Path) -> None:
    write_report(tmp_path, fields={"datum": "2026-11-23"})
    assert_clean(check_tree(tmp_path, today=date(2026, 11, 23), display_root=tmp_path))


@pytest.mark.parametrize(
    ("level", "cats", "bad", "col"),
    [
        ("lokal", "[samordning, bemotande]", "bemotande", 26),
        ("individ", "[regelverk]", "regelverk", 14),
        ("nationell", "[organisation]", "organisation", 14),
        ("individ", "[resurser]", "resurser", 14),
        ("lokal", "[regelverk]", "regelverk", 14),
    ],
)
def test_category_not_allowed_for_level_is_po304(
    tmp_path: Path, level: str, cats: str, bad: str, col: int
) -> None:
    path = write_report(tmp_path, fields={"nivå": level, "kategorier": cats})
    p = assert_problem(check(tmp_path), "PO304", path, KATEGORIER, tmp_path, col=col)
    assert f"'{bad}'" in p.message and f"'{level}'" in p.message


@pytest.mark.parametrize(
    ("level", "cats"),
    [
        ("individ", "[bemotande, metod, kunskap]"),
        ("lokal", "[organisation, mal-styrning]"),
        ("nationell", "[regelverk, gransdragning, digitalisering]"),
    ],
)
def test_category_allowed_for_level_passes(tmp_path: Path, level: str, cats: str) -> None:
    write_report(tmp_path, fields={"nivå": level, "kategorier": cats})
    assert_clean(check(tmp_path))


def test_historik_not_starting_with_upptackt_is_po305(tmp_path: Path) -> None:
    path = write_report(
        tmp_path,
        fields={"historik": _hist(("2025-03-14", "analyserad"), ("2025-04-01", "påtalad"))},
    )
    p = assert_problem(check(tmp_path), "PO305", path, EXTRA + 1, tmp_path, col=33)
    assert "upptäckt" in p.message


def test_historik_in_good_order_passes(tmp_path: Path) -> None:
    write_report(tmp_path, fields={"historik": HISTORIK_OK})
    assert_clean(check(tmp_path))


def test_historik_out_of_order_is_po306(tmp_path: Path) -> None:
    hist = _hist(
        ("2025-03-14", "upptäckt"), ("2025-05-01", "analyserad"), ("2025-04-01", "påtalad")
    )
    path = write_report(tmp_path, fields={"historik": hist})
    p = assert_problem(check(tmp_path), "PO306", path, EXTRA + 3, tmp_path, col=13)
    assert "2025-04-01" in p.message and "2025-05-01" in p.message


def test_historik_same_day_steps_pass(tmp_path: Path) -> None:
    hist = _hist(
        ("2025-03-14", "upptäckt"), ("2025-03-14", "analyserad"), ("2025-03-14", "påtalad")
    )
    write_report(tmp_path, fields={"historik": hist})
    assert_clean(check(tmp_path))


def test_last_historik_status_differs_from_status_is_po307(tmp_path: Path) -> None:
    hist = _hist(("2025-03-14", "upptäckt"), ("2025-05-01", "analyserad"))
    path = write_report(tmp_path, fields={"historik": hist})
    p = assert_problem(check(tmp_path), "PO307", path, STATUS, tmp_path, col=len("status: ") + 1)
    assert "'analyserad'" in p.message and "'påtalad'" in p.message


def test_report_without_historik_passes(tmp_path: Path) -> None:
    write_report(tmp_path, fields={"status": "åtgärdad"})
    assert_clean(check(tmp_path))


@pytest.mark.parametrize(
    ("fields", "line", "col"),
    [
        ({"förekomster": "[2025-04-01, 2025-01-01]"}, EXTRA, 27),
        ({"historik": _hist(("2025-03-01", "upptäckt"), ("2025-04-01", "påtalad"))}, EXTRA + 1, 13),
    ],
    ids=["förekomster", "historik"],
)
def test_date_before_datum_is_po308(
    tmp_path: Path, fields: dict[str, str], line: int, col: int
) -> None:
    path = write_report(tmp_path, fields=fields)
    p = assert_problem(check(tmp_path), "PO308", path, line, tmp_path, col=col)
    assert "2025-03-14" in p.message


def test_publicerad_before_datum_is_only_a_warning(tmp_path: Path) -> None:
    path = write_report(tmp_path, fields={"publicera": "true", "publicerad": "2025-01-01"})
    result = check(tmp_path)
    p = assert_problem(result, "PO323", path, EXTRA + 1, tmp_path)
    assert p.severity == "varning"
    assert_no_errors(result)
    assert len(result.content.reports) == 1


# --- body sections -----------------------------------------------------------------------------

FULL_BRIST_BODY = (
    BRIST_BODY
    + "\n## Vad ombuden har gjort\n\nLyft frågan i styrgruppen.\n"
    + "\n## Resultat\n\nTelefontider infördes.\n"
    + "\n## Uppföljning\n\nKlienterna når nu sin handläggare.\n"
)


def test_all_sections_in_order_pass(tmp_path: Path) -> None:
    write_report(tmp_path, body=FULL_BRIST_BODY)
    write_report(tmp_path, "positiv", body=POSITIV_BODY + "\n## Varför det fungerade\n\nNärhet.\n")
    assert_clean(check(tmp_path))


@pytest.mark.parametrize(
    "missing", ["Beskrivning", "Orsaker", "Konsekvenser", "Förslag till åtgärder"]
)
def test_missing_required_section_is_po310(tmp_path: Path, missing: str) -> None:
    body = BRIST_BODY.replace(f"## {missing}\n", "")
    path = write_report(tmp_path, body=body)
    first_heading = line_of(path, "## ")
    p = assert_problem(check(tmp_path), "PO310", path, first_heading, tmp_path)
    assert f"'## {missing}'" in p.message


def test_positiv_without_handelse_is_po310(tmp_path: Path) -> None:
    path = write_report(tmp_path, "positiv", body="\nDet gick bra.\n")
    p = assert_problem(check(tmp_path), "PO310", path, P_EXTRA + 3, tmp_path)
    assert "'## Händelse'" in p.message


def test_body_without_headings_lists_every_missing_section(tmp_path: Path) -> None:
    write_report(tmp_path, body="\nBara text.\n")
    result = check(tmp_path)
    assert codes(result) == ["PO310"] * 4
    assert {p.line for p in result.problems} == {BODY_START + 2}


def test_h1_and_h3_headings_are_not_sections(tmp_path: Path) -> None:
    body = "\n# Rubrik\n" + BRIST_BODY.replace("Klienterna", "### Exempel\n\nKlienterna")
    write_report(tmp_path, body=body)
    assert_clean(check(tmp_path))


def test_heading_inside_code_fence_is_not_a_section(tmp_path: Path) -> None:
    path = write_report(tmp_path, body="\n```\n## Beskrivning\n```\n" + BRIST_BODY)
    assert_clean(check(tmp_path))
    path = write_report(tmp_path, body=BRIST_BODY.replace("## Orsaker", "```\n## Orsaker\n```"))
    p = only(check(tmp_path), "PO310")
    assert "'## Orsaker'" in p.message and p.path == rel(path, tmp_path)


def test_sections_out_of_order_is_po311(tmp_path: Path) -> None:
    body = (
        "\n## Orsaker\n\nx\n\n## Beskrivning\n\nx\n\n## Konsekvenser\n\nx\n"
        "\n## Förslag till åtgärder\n\nx\n"
    )
    path = write_report(tmp_path, body=body)
    p = assert_problem(
        check(tmp_path), "PO311", path, line_of(path, "## Beskrivning"), tmp_path, col=4
    )
    assert "Beskrivning, Orsaker" in p.message


def test_optional_section_out_of_order_is_po311(tmp_path: Path) -> None:
    body = BRIST_BODY.replace("## Orsaker", "## Resultat\n\nx\n\n## Orsaker")
    path = write_report(tmp_path, body=body)
    result = check(tmp_path)
    assert error_codes(result) == ["PO311", "PO311", "PO311"]
    assert [p.line for p in result.errors] == [
        line_of(path, "## Orsaker"),
        line_of(path, "## Konsekvenser"),
        line_of(path, "## Förslag"),
    ]


@pytest.mark.parametrize(
    ("heading", "suggestion"),
    [
        ("Orsak", "Orsaker"),
        ("beskrivning", "Beskrivning"),
        ("Förslag till åtgärd", "Förslag till åtgärder"),
        ("Konsekvens", "Konsekvenser"),
        ("Uppfoljning", "Uppföljning"),
    ],
)
def test_unknown_heading_is_po312_with_suggestion(
    tmp_path: Path, heading: str, suggestion: str
) -> None:
    path = write_report(tmp_path, body=FULL_BRIST_BODY + f"\n## {heading}\n\nx\n")
    line = line_of(path, f"## {heading}", exact=True)
    p = assert_problem(check(tmp_path), "PO312", path, line, tmp_path, col=4)
    assert f"menade du '{suggestion}'?" in p.message


@pytest.mark.parametrize("misspelt", ["Orsak", "Orsker", "orsaker", "Orsaker:"])
def test_a_misspelt_required_heading_is_one_message_at_the_heading(tmp_path: Path, misspelt: str) -> None:
    """'## Orsker' is one mistake: not "unknown heading" and "'## Orsaker' is missing" besides."""
    path = write_report(tmp_path, body=BRIST_BODY.replace("## Orsaker", f"## {misspelt}"))
    result = check(tmp_path)
    assert error_codes(result) == ["PO312"]
    p = assert_problem(result, "PO312", path, line_of(path, f"## {misspelt}", exact=True), tmp_path, col=4)
    assert f"'## {misspelt}'" in p.message and "menade du 'Orsaker'?" in p.message
    assert "saknas" in p.message and "'## Orsaker'" in p.message


def test_a_misspelt_positive_heading_is_one_message(tmp_path: Path) -> None:
    path = write_report(tmp_path, "positiv", body=POSITIV_BODY.replace("## Händelse", "## Handelse"))
    result = check(tmp_path)
    assert error_codes(result) == ["PO312"]
    assert "menade du 'Händelse'?" in only(result, "PO312").message
    assert only(result, "PO312").line == line_of(path, "## Handelse", exact=True)


def test_an_unknown_heading_that_is_no_misspelling_leaves_the_missing_one_reported(tmp_path: Path) -> None:
    path = write_report(tmp_path, body=BRIST_BODY.replace("## Orsaker", "## Bakgrund"))
    result = check(tmp_path)
    assert_problem(result, "PO312", path, line_of(path, "## Bakgrund", exact=True), tmp_path)
    assert_problem(result, "PO310", path, line_of(path, "## Beskrivning"), tmp_path)


def test_two_misspellings_of_one_heading_name_it_once(tmp_path: Path) -> None:
    """The first misspelling takes the place of the missing heading; the second is just unknown."""
    body = BRIST_BODY.replace("## Orsaker", "## Orsker") + "\n## Orsakr\n\nMer.\n"
    path = write_report(tmp_path, body=body)
    result = check(tmp_path)
    assert error_codes(result) == ["PO312", "PO312"]
    first, second = sorted((p for p in result.errors), key=lambda p: p.line)
    assert first.line == line_of(path, "## Orsker", exact=True) and "saknas" in first.message
    assert second.line == line_of(path, "## Orsakr", exact=True) and "saknas" not in second.message


def test_duplicate_heading_is_po313(tmp_path: Path) -> None:
    path = write_report(tmp_path, body=BRIST_BODY + "\n## Förslag till åtgärder\n\nMer.\n")
    first = line_of(path, "## Förslag")
    p = assert_problem(
        check(tmp_path), "PO313", path, line_of(path, "## Förslag", 2), tmp_path, col=4
    )
    assert f"rad {first}" in p.message


# --- relaterade, bilagor ------------------------------------------------------------------------


def test_related_report_that_does_not_exist_is_po314(tmp_path: Path) -> None:
    path = write_report(tmp_path, fields={"relaterade": "[P-2025-001, B-2025-002]"})
    write_report(tmp_path, "positiv")
    result = check(tmp_path)
    p = assert_problem(
        result, "PO314", path, EXTRA, tmp_path, col=len("relaterade: [P-2025-001, ") + 1
    )
    assert "'B-2025-002'" in p.message
    assert [r.id for r in result.content.reports] == ["P-2025-001"]


def test_related_to_itself_is_po314(tmp_path: Path) -> None:
    path = write_report(tmp_path, fields={"relaterade": "[B-2025-001]"})
    p = assert_problem(check(tmp_path), "PO314", path, EXTRA, tmp_path, col=14)
    assert "sig själv" in p.message


def test_related_to_a_report_with_errors_is_the_warning_po324(tmp_path: Path) -> None:
    """The other report's own error is the mistake; here it is a warning, as the catalog says.

    (PO314 was once reported as a warning in this case, while the catalog and the guide call
    PO314 an error: severity now comes from the catalog alone.)
    """
    write_report(tmp_path, fields={"relaterade": "[P-2025-001]"})
    write_report(tmp_path, "positiv", fields={"rubrik": "kort"})
    result = check(tmp_path)
    assert sorted(codes(result)) == ["PO205", "PO324"]
    warning = next(p for p in result.problems if p.code == "PO324")
    assert warning.severity == "varning" == CODES["PO324"].severity
    assert [r.id for r in result.content.reports] == ["B-2025-001"]


def test_every_problem_has_the_catalogs_severity() -> None:
    """No caller can make an error a warning: a Problem has no severity of its own."""
    from po_build.model.problems import Problem, ProblemList

    problems = ProblemList("x.md")
    for code in CODES:
        problems.add(code, "meddelande")
    assert all(p.severity == CODES[p.code].severity for p in problems)
    assert {p.code for p in problems if p.severity == "varning"} == set(WARNINGS)
    assert "severity" not in Problem.__dataclass_fields__


def test_related_value_that_is_no_id_is_po314(tmp_path: Path) -> None:
    path = write_report(tmp_path, fields={"relaterade": "[telefonbristen]"})
    assert_problem(check(tmp_path), "PO314", path, EXTRA, tmp_path)


def test_related_reports_that_exist_pass(tmp_path: Path) -> None:
    write_report(tmp_path, fields={"relaterade": "[P-2025-001, B-2024-007]"})
    write_report(tmp_path, "positiv", fields={"relaterade": "[B-2025-001]"})
    write_report(tmp_path, fields={"id": "B-2024-007", "datum": "2024-05-01"})
    result = check(tmp_path)
    assert_clean(result)
    assert len(result.content.reports) == 3


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("skrivelse.pdf", "finns inte"),
        ("skrivelse-2025.PDF", "finns inte"),
        ("../bilagor/skrivelse-2025.pdf", "måste ligga i content/bilagor/"),
        ("../../etc/passwd", "måste ligga i content/bilagor/"),
        ("/etc/passwd", "måste ligga i content/bilagor/"),
        ("'C:\\bilagor\\skrivelse-2025.pdf'", "måste ligga i content/bilagor/"),
        ("underlag", "finns inte"),
    ],
)
def test_bad_attachment_is_po315(tmp_path: Path, value: str, hint: str) -> None:
    write(tmp_path / "bilagor" / "skrivelse-2025.pdf", PDF)
    (tmp_path / "bilagor" / "underlag").mkdir()
    path = write_report(tmp_path, fields={"bilagor": f"[{value}]"})
    p = assert_problem(check(tmp_path), "PO315", path, EXTRA, tmp_path, col=len("bilagor: [") + 1)
    assert hint in p.message


def test_attachment_symlink_out_of_bilagor_is_po315(tmp_path: Path) -> None:
    secret = write(tmp_path.parent / f"{tmp_path.name}-hemlig.txt", "hemligt")
    (tmp_path / "bilagor").mkdir()
    (tmp_path / "bilagor" / "länk.pdf").symlink_to(secret)
    path = write_report(tmp_path, fields={"bilagor": "[länk.pdf]"})
    assert_problem(check(tmp_path), "PO315", path, EXTRA, tmp_path)


def test_existing_attachments_pass(tmp_path: Path) -> None:
    write(tmp_path / "bilagor" / "skrivelse-2025.pdf", PDF)
    write(tmp_path / "bilagor" / "2025" / "svar.pdf", PDF)
    write_report(
        tmp_path,
        fields={"bilagor": "[skrivelse-2025.pdf, bilagor/skrivelse-2025.pdf, 2025/svar.pdf]"},
    )
    assert_clean(check(tmp_path))


# --- warnings never fail ----------------------------------------------------------------


def test_folder_year_differing_from_id_is_a_warning_po321(tmp_path: Path) -> None:
    path = write_report(tmp_path, year="2024")
    result = check(tmp_path)
    p = assert_problem(result, "PO321", path, ID, tmp_path)
    assert p.severity == "varning"
    assert "brister/2025/" in p.message
    assert_no_errors(result)
    assert len(result.content.reports) == 1
    assert result.summary() == "Inga fel i 1 fil, 1 varning"


def test_report_directly_in_brister_is_fine(tmp_path: Path) -> None:
    write(tmp_path / "brister" / "B-2025-001-rapport.md", report_text())
    assert_clean(check(tmp_path))


def test_retired_term_is_a_warning_po320(tmp_path: Path) -> None:
    write(tmp_path / "vokabular.yml", "aktörer:\n  staten: {utgått: true}\n")
    path = write_report(tmp_path, fields={"aktörer": "[lss, staten]"})
    result = check(tmp_path)
    p = assert_problem(result, "PO320", path, AKTORER, tmp_path, col=len("aktörer: [lss, ") + 1)
    assert p.severity == "varning"
    assert_no_errors(result)
    assert len(result.content.reports) == 1


# === Leftover hints from the form (PO325, PO326) ==========================================


def _with_hint(kind: str = "brist") -> str:
    from po_build.contract.sections import HINTS

    body = BRIST_BODY if kind == "brist" else POSITIV_BODY
    title = "Orsaker" if kind == "brist" else "Händelse"
    first_line = body.split(f"## {title}\n\n", 1)[1].split("\n", 1)[0]
    return body.replace(first_line, HINTS[title])


@pytest.mark.parametrize("kind", ["brist", "positiv"])
def test_leftover_hint_is_an_error_when_published(tmp_path: Path, kind: str) -> None:
    rid = "B-2025-001" if kind == "brist" else "P-2025-001"
    path = write_report(tmp_path, kind=kind, fields={"publicera": "true", "publicerad": "2025-06-01"},
                        body=_with_hint(kind))
    result = check(tmp_path)
    assert error_codes(result) == ["PO325"], [p.format() for p in result.problems]
    line = path.read_text(encoding="utf-8").split("\n").index(
        next(x for x in path.read_text(encoding="utf-8").split("\n") if x.startswith(("Skriv", "Beskriv")))) + 1
    assert only(result, "PO325").line == line
    assert rid in path.name


def test_leftover_hint_is_a_warning_when_not_published(tmp_path: Path) -> None:
    write_report(tmp_path, body=_with_hint())
    result = check(tmp_path)
    assert error_codes(result) == []
    assert [p.code for p in result.warnings] == ["PO326"]
    assert len(result.content.reports) == 1


def test_own_text_under_every_heading_has_no_hint_problem(tmp_path: Path) -> None:
    write_report(tmp_path, fields={"publicera": "true", "publicerad": "2025-06-01"})
    assert_clean(check(tmp_path))


# === Yearly report (PO316–PO319, PO330) ====================================================

CHAPTERS = {
    "01-arbetet": ("Arbetet med brister", 1, "\nText.\n\n<!-- po: per-niva -->\n"),
    "02-framgangar": ("Framgångsfaktorer", 2, "\n<!-- po: positiva -->\n"),
}


def test_valid_yearly_report_passes(tmp_path: Path) -> None:
    write_year(tmp_path, chapters=CHAPTERS)
    result = check(tmp_path)
    assert_clean(result)
    (year,) = result.content.years
    assert (year.år, year.titel) == (2025, "Årsrapport 2025")
    assert [c.slug for c in year.chapters] == ["01-arbetet", "02-framgangar"]


def test_year_not_matching_folder_is_po316(tmp_path: Path) -> None:
    folder = write_year(tmp_path, fields={"år": "2024"})
    p = assert_problem(check(tmp_path), "PO316", folder / "index.md", 2, tmp_path, col=5)
    assert "2024" in p.message and "'2025'" in p.message


def test_yearly_file_in_a_subfolder_is_po316(tmp_path: Path) -> None:
    write_year(tmp_path)
    path = write(
        tmp_path / "arsrapport" / "2025" / "extra" / "x.md",
        front_matter({"rubrik": "X", "ordning": "3"}),
    )
    assert_problem(check(tmp_path), "PO316", path, 1, tmp_path)


def test_yearly_folder_without_index_is_po317(tmp_path: Path) -> None:
    folder = write_year(tmp_path, index=False, chapters=CHAPTERS)
    result = check(tmp_path)
    p = assert_problem(result, "PO317", folder / "01-arbetet.md", 1, tmp_path)
    assert "index.md" in p.message
    assert result.content.years == []


def test_duplicate_chapter_order_is_po318(tmp_path: Path) -> None:
    folder = write_year(
        tmp_path, chapters={"a": ("Kapitel A", 1, "\nx\n"), "b": ("Kapitel B", 1, "\ny\n")}
    )
    p = assert_problem(check(tmp_path), "PO318", folder / "b.md", 3, tmp_path, col=10)
    assert "a.md" in p.message


def test_chapter_schema_is_checked(tmp_path: Path) -> None:
    folder = write_year(tmp_path)
    write(folder / "k.md", front_matter({"rubrik": "Kapitel", "ordning": "tre"}))
    write(folder / "l.md", front_matter({"ordning": "4"}))
    result = check(tmp_path)
    assert_problem(result, "PO203", folder / "k.md", 3, tmp_path)
    assert_problem(result, "PO201", folder / "l.md", 1, tmp_path)


def test_sokande_parts_not_summing_to_totalt_is_po319(tmp_path: Path) -> None:
    folder = write_year(
        tmp_path,
        fields={"sökande": "\n  totalt: 10\n  själv: 4\n  anhörig: 3\n  myndighet: 2\n  övriga: 0"},
    )
    p = assert_problem(check(tmp_path), "PO319", folder / "index.md", 5, tmp_path, col=11)
    assert "9" in p.message and "10" in p.message


@pytest.mark.parametrize(
    "sokande",
    ["{totalt: 10}", "{totalt: 10, själv: 4}", "{totalt: 10, själv: 4, anhörig: 3, myndighet: 3}",
     "{totalt: 0}"],
)
def test_sokande_parts_are_optional(tmp_path: Path, sokande: str) -> None:
    write_year(tmp_path, fields={"sökande": sokande})
    assert_clean(check(tmp_path))


def test_sokande_some_parts_more_than_totalt_is_one_po319_naming_every_part(tmp_path: Path) -> None:
    folder = write_year(tmp_path, fields={"sökande": "\n  totalt: 5\n  själv: 4\n  myndighet: 3"})
    result = check(tmp_path)
    p = assert_problem(result, "PO319", folder / "index.md", 5, tmp_path, col=11)
    assert [q.code for q in result.problems] == ["PO319"]
    for part in ("själv 4", "myndighet 3", "anhörig", "övriga", "7", "5"):
        assert part in p.message, p.message


def test_sokande_summing_to_totalt_passes(tmp_path: Path) -> None:
    write_year(
        tmp_path,
        fields={
            "sökande": "{totalt: 10, själv: 4, anhörig: 3, myndighet: 2, övriga: 1}",
            "ombud": "2.5",
            "tema": "Tillgänglighet",
            "publicera": "ja",
        },
    )
    result = check(tmp_path)
    assert_clean(result)
    year = result.content.years[0]
    assert year.sökande == {"totalt": 10, "själv": 4, "anhörig": 3, "myndighet": 2, "övriga": 1}
    assert (year.ombud, year.tema, year.publicera) == (2.5, "Tillgänglighet", True)


@pytest.mark.parametrize(
    ("fields", "code", "line"),
    [
        ({"ombud": "-1"}, "PO210", 4),
        ({"år": "1999"}, "PO210", 2),
        ({"sökande": "{själv: 1}"}, "PO201", 4),
        ({"titel": "''"}, "PO203", 3),
        ({"år": "'2025'"}, "PO203", 2),
        ({"förord": "x"}, "PO202", 4),
    ],
)
def test_yearly_front_matter_schema(
    tmp_path: Path, fields: dict[str, str], code: str, line: int
) -> None:
    folder = write_year(tmp_path, fields=fields)
    assert_problem(check(tmp_path), code, folder / "index.md", line, tmp_path)


@pytest.mark.parametrize(
    ("fields", "line"),
    [
        ({"år": "2024.0"}, 2),
        ({"år": "2025.0"}, 2),
        ({"sökande": "{totalt: 10.0, själv: 1, anhörig: 1, myndighet: 1, övriga: 1}"}, 4),
    ],
    ids=["year-as-decimal-other-year", "year-as-decimal", "count-as-decimal"],
)
def test_decimal_numbers_are_not_whole_numbers(
    tmp_path: Path, fields: dict[str, str], line: int
) -> None:
    """JSON Schema counts 2024.0 as an integer; then PO316 and PO319 never look at it."""
    folder = write_year(tmp_path, fields=fields)
    result = check(tmp_path)
    assert [(p.path, p.line) for p in result.errors] == [
        (rel(folder / "index.md", tmp_path), line)
    ], [p.format() for p in result.problems]


def test_index_directly_in_arsrapport_is_po316(tmp_path: Path) -> None:
    path = write(tmp_path / "arsrapport" / "index.md", front_matter({"år": "2025", "titel": "x"}))
    result = check(tmp_path)
    assert ("PO316", rel(path, tmp_path), 1) in [(p.code, p.path, p.line) for p in result.problems]
    for p in result.problems:  # no "mappen arsrapport//" or "mappen heter ''"
        assert "//" not in p.message and "''" not in p.message, p.format()


def test_unknown_marker_is_po330(tmp_path: Path) -> None:
    folder = write_year(tmp_path, body="\nFörord.\n\n<!-- po: nyckeltl -->\n")
    p = assert_problem(check(tmp_path), "PO330", folder / "index.md", 8, tmp_path, col=6)
    assert "menade du 'nyckeltal'?" in p.message


def test_unknown_marker_in_chapter_is_po330(tmp_path: Path) -> None:
    folder = write_year(tmp_path, chapters={"a": ("Kapitel", 1, "\n<!-- po: figurer -->\n")})
    assert_problem(check(tmp_path), "PO330", folder / "a.md", 6, tmp_path)


def test_all_known_markers_pass(tmp_path: Path) -> None:
    from po_build.contract.markers import MARKER_NAMES

    body = "\nFörord.\n\n" + "\n\n".join(f"<!-- po: {n} -->" for n in MARKER_NAMES) + "\n"
    body += "\n  <!--po:nyckeltal-->  \n"
    write_year(tmp_path, body=body)
    assert_clean(check(tmp_path))


def test_other_comment_in_yearly_report_is_po503(tmp_path: Path) -> None:
    folder = write_year(tmp_path, body="\nFörord.\n\n<!-- utkast -->\n")
    assert_problem(check(tmp_path), "PO503", folder / "index.md", 8, tmp_path)


# === Body markup (PO5xx) ===================================================================


def _body_with(line: str) -> str:
    return BRIST_BODY + "\n" + line + "\n"


LAST = BODY_START + BRIST_BODY.count("\n") + 1  # the line added by _body_with


@pytest.mark.parametrize(
    ("text", "col"),
    [
        ("<script>alert(1)</script>", 1),
        ('<iframe src="https://example.org"></iframe>', 1),
        ("<img src=x onerror=alert(1)>", 1),
        ("En rad<br>en till", 7),
        ("<br/>", 1),
        ("Se <a href='https://example.org'>här</a>", 4),
        ("<B>fet</B>", 1),
        ("<div>", 1),
        ("<?php echo 1; ?>", 1),
        ("Text `kod` och <b>fet</b>", 16),
        ("<svg onload=alert(1)>", 1),
        ("<style>", 1),
    ],
)
def test_raw_html_is_po501(tmp_path: Path, text: str, col: int) -> None:
    path = write_report(tmp_path, body=_body_with(text))
    p = assert_problem(check(tmp_path), "PO501", path, LAST, tmp_path, col=col)
    assert "Markdown" in p.message


@pytest.mark.parametrize(
    "text",
    [
        "```\n<script>alert(1)</script>\n```",
        "~~~\n<b>fet</b>\n~~~",
        "````\n```\n<b>\n```\n````",
        "Skriv `<br>` för radbrytning.",
        "Använd ``<b>`` i koden.",
        "Om a < b och c > d gäller det.",
        "Pilar: -> och <- och <=>.",
        "Mindre än 5 (<5) personer.",
        "<https://example.org>",
        "<mailto:registrator@example.org>",
        "**fet** och *kursiv*",
    ],
)
def test_text_that_is_not_html_passes(tmp_path: Path, text: str) -> None:
    write_report(tmp_path, body=_body_with(text))
    assert_clean(check(tmp_path))


@pytest.mark.parametrize(
    ("text", "col", "scheme"),
    [
        ("[x](javascript:alert(1))", 5, "javascript"),
        ("[x](JaVaScRiPt:alert(1))", 5, "javascript"),
        ("[x](java&#115;cript:alert(1))", 5, "javascript"),
        ("[x](&#x6A;avascript:alert(1))", 5, "javascript"),
        ("[x](javascript&colon;alert(1))", 5, "javascript"),
        ("[x](jav\u200bascript:alert(1))", 5, "javascript"),
        ("[x](\x01javascript:alert(1))", 5, "javascript"),
        ('[x]( javascript:alert(1) "titel")', 6, "javascript"),
        ("![bild](javascript:alert(1))", 9, "javascript"),
        ("[x](data:text/html;base64,PHNjcmlwdD4=)", 5, "data"),
        ("[x](vbscript:msgbox(1))", 5, "vbscript"),
        ("[x](file:///etc/passwd)", 5, "file"),
        ("<javascript:alert(1)>", 2, "javascript"),
        ("<JavaScript:alert(1)>", 2, "javascript"),
        ("[x](<javascript:alert(1)>)", 6, "javascript"),
        ("[x]: javascript:alert(1)", 6, "javascript"),
        ("  [x]: <javascript:alert(1)>", 9, "javascript"),
        ("[x]: data:text/html,hej", 6, "data"),
        ("Läs [här](https://example.org) och [där](javascript:alert(1)).", 42, "javascript"),
        ("> [x](javascript:alert(1))", 7, "javascript"),
        ("- [x](javascript:alert(1))", 7, "javascript"),
    ],
)
def test_unsafe_link_is_po502(tmp_path: Path, text: str, col: int, scheme: str) -> None:
    path = write_report(tmp_path, body=_body_with(text))
    p = assert_problem(check(tmp_path), "PO502", path, LAST, tmp_path, col=col)
    assert f"'{scheme}:'" in p.message


@pytest.mark.parametrize(
    "text",
    [
        "[x](\njavascript:alert(1))",
        "[x]:\n  javascript:alert(1)\n\nSe [x].",
    ],
    ids=["link-target-on-next-line", "reference-url-on-next-line"],
)
def test_unsafe_link_split_over_lines_is_po502(tmp_path: Path, text: str) -> None:
    """Python-Markdown renders both as <a href="javascript:alert(1)">; the check must see them."""
    path = write_report(tmp_path, body=_body_with(text))
    result = check(tmp_path)
    p = only(result, "PO502")
    assert p.path == rel(path, tmp_path)


@pytest.mark.parametrize(
    "text",
    [
        "[Försäkringskassan](https://www.forsakringskassan.se)",
        "[x](http://example.org)",
        "[mejla](mailto:registrator@example.org)",
        "[x](https://example.org/javascript:x)",
        "[bilaga](../../bilagor/skrivelse.pdf)",
        "[avsnitt](#orsaker)",
        "[x]: https://example.org",
        "`[x](javascript:alert(1))`",
        "```\n[x](javascript:alert(1))\n```",
    ],
)
def test_safe_links_pass(tmp_path: Path, text: str) -> None:
    write_report(tmp_path, body=_body_with(text))
    assert_clean(check(tmp_path))


@pytest.mark.parametrize(
    ("text", "col"),
    [
        ("<!-- fråga styrgruppen -->", 1),
        ("Text <!-- dold --> mer", 6),
        ("<!---->", 1),
        ("<!-- po: nyckeltal -->", 1),
    ],
)
def test_html_comment_in_report_is_po503(tmp_path: Path, text: str, col: int) -> None:
    path = write_report(tmp_path, body=_body_with(text))
    assert_problem(check(tmp_path), "PO503", path, LAST, tmp_path, col=col)


def test_comment_in_code_passes(tmp_path: Path) -> None:
    write_report(tmp_path, body=_body_with("```\n<!-- ok i kod -->\n```"))
    assert_clean(check(tmp_path))


@pytest.mark.parametrize(
    "text",
    [
        '{: onclick="alert(1)"}',
        "{: .klass onmouseover=alert(1)}",
        "{: ONCLICK=x}",
        "Stycke {: onfocus='x'}",
    ],
)
def test_event_attribute_is_po504(tmp_path: Path, text: str) -> None:
    path = write_report(tmp_path, body=_body_with(text))
    assert_problem(check(tmp_path), "PO504", path, LAST, tmp_path)


def test_harmless_attribute_list_passes(tmp_path: Path) -> None:
    write_report(tmp_path, body=_body_with("{: .viktig }"))
    assert_clean(check(tmp_path))


# === Maximal valid content =================================================================

MAX_VOCAB = """\
områden:
  norrby: Norrby kommun
  sodra-dalen:
    namn: Södra dalens kommun
    beskrivning: Hela kommunen
aktörer:
  fk-norr: Försäkringskassan, lokalkontor norr
"""

MAX_BRIST = """\
---
id: B-2025-001
typ: brist
rubrik: "Handläggare går inte att nå: inga telefontider"
datum: 2025-03-14
nivå: lokal
kategorier: [tillganglighet, samordning, organisation]
aktörer:
  - forsakringskassan
  - fk-norr
områden: [norrby, sodra-dalen]
allvarlighet: hög
förekomster:
  - 2025-04-02
  - 2025-05-20
  - 2025-06-11
status: åtgärdad
historik:
  - datum: 2025-03-14
    status: upptäckt
    text: Tre klienter berättade om samma sak.
  - {datum: 2025-04-10, status: analyserad}
  - {datum: 2025-05-02, status: påtalad, text: Lyft i styrgruppen.}
  - {datum: 2025-06-01, status: beslutad}
  - {datum: 2025-06-15, status: pågår}
  - {datum: 2025-09-01, status: åtgärdad, text: Telefontider infördes.}
mottagare: [styrgruppen, "Försäkringskassans enhetschef"]
relaterade: [B-2024-012, P-2025-003]
bilagor: [skrivelse-2025.pdf]
publicera: true
publicerad: 2025-09-20
tema: Tillgänglighet
intern:
  rapportör: Ombudet i norr
  anteckningar: |
    Skrivelse skickad i maj.
    Svar kom i juni.
  ärenden: [12, 15]
---

Inledande mening före första rubriken.

## Beskrivning

Klienterna når inte sin handläggare per telefon.

## Orsaker

Telefontiderna togs bort.

## Konsekvenser

Ansökningar blir liggande.

## Förslag till åtgärder

- Inför fasta telefontider.
- Ge klientgruppen en fast handläggare.

## Vad ombuden har gjort

Skrev till enhetschefen, se [skrivelsen](https://example.org/skrivelse).

## Resultat

Telefontider infördes i september.

## Uppföljning

Klienterna når nu sin handläggare.
"""

MAX_BRIST_2 = """\
---
id: B-2024-012
typ: brist
rubrik: Lagen hindrar samordnade insatser mellan myndigheter
datum: 2024-02-01
nivå: nationell
kategorier: [regelverk, gransdragning]
aktörer: [staten, forsakringskassan, arbetsformedlingen]
allvarlighet: medel
förekomster: []
status: kvarstår
historik:
  - {datum: 2024-02-01, status: upptäckt}
  - {datum: 2024-10-01, status: påtalad}
  - {datum: 2025-02-01, status: kvarstår}
mottagare: [Socialdepartementet]
relaterade: [B-2025-001]
publicera: ja
publicerad: 2025-03-01
---

## Beskrivning

Sekretessen hindrar samordning.

## Orsaker

Regelverket.

## Konsekvenser

Klienten får berätta sin historia många gånger.

## Förslag till åtgärder

Ändra lagen.
"""

MAX_POSITIV = """\
---
id: P-2025-003
typ: positiv
rubrik: Samordnat möte löste boendet på en vecka
datum: 2025-04-02
kategorier: [samordning, helhetssyn, lilla-extra]
aktörer: [socialtjansten, psykiatrin, boendestod]
områden: [norrby]
relaterade: [B-2025-001]
publicera: true
publicerad: 2025-05-01
tema: Tillgänglighet
intern: {rapportör: Ombudet i norr}
---

## Händelse

Socialtjänsten och psykiatrin bjöd in till ett gemensamt möte.

## Varför det fungerade

En samordnare tog ansvar för helheten.
"""

MAX_POSITIV_DRAFT = """\
---
id: P-2025-004
typ: positiv
rubrik: Handläggaren ringde tillbaka samma dag
datum: 2025-10-01
kategorier: [aterkoppling]
aktörer: [ekonomiskt-bistand]
---

## Händelse

Beskedet kom samma dag.
"""


def _write_maximal(root: Path) -> None:
    write(root / "vokabular.yml", MAX_VOCAB)
    write(root / "bilagor" / "skrivelse-2025.pdf", PDF)
    write(root / "brister" / "2025" / "B-2025-001-telefontider.md", MAX_BRIST)
    write(root / "brister" / "2024" / "B-2024-012-sekretess.md", MAX_BRIST_2)
    write(root / "brister" / "2025" / "P-2025-003-samordnat-mote.md", MAX_POSITIV)
    write(root / "brister" / "2025" / "P-2025-004-aterkoppling.md", MAX_POSITIV_DRAFT)
    write(root / "index.md", "# Personligt ombud\n")
    write_year(
        root,
        fields={
            "tema": "Tillgänglighet",
            "ombud": "4.5",
            "publicera": "true",
            "sökande": "\n  totalt: 120\n  själv: 50\n  anhörig: 30\n  myndighet: 35\n  övriga: 5",
        },
        body="\nFörord om året.\n\n<!-- po: nyckeltal -->\n\n<!-- po: sokande -->\n",
        chapters={
            "02-framgang": ("Framgångsfaktorer", 2, "\n<!-- po: positiva -->\n"),
            "01-brister": (
                "Arbetet med brister",
                1,
                "\nText.\n\n<!-- po: per-niva -->\n<!-- po: allvarligaste -->\n"
                "<!-- po: atgardade -->\n",
            ),
        },
    )


def test_maximal_valid_content_has_no_problems(tmp_path: Path) -> None:
    _write_maximal(tmp_path)
    result = check(tmp_path)
    assert_clean(result)
    # vokabular.yml, reports, yearly report, the start page (scanned for identifiers) and the
    # attachment (read as a PDF)
    assert result.files_checked == 1 + 4 + 3 + 1 + 1
    assert [r.id for r in result.content.reports] == [
        "B-2024-012",
        "B-2025-001",
        "P-2025-003",
        "P-2025-004",
    ]


def test_maximal_brist_record_values(tmp_path: Path) -> None:
    _write_maximal(tmp_path)
    r = check(tmp_path).content.by_id()["B-2025-001"]
    assert r.typ == "brist"
    assert r.rubrik == "Handläggare går inte att nå: inga telefontider"
    assert r.datum == date(2025, 3, 14) and isinstance(r.datum, date)
    assert r.year == 2025
    assert r.nivå == "lokal"
    assert r.kategorier == ["tillganglighet", "samordning", "organisation"]
    assert r.aktörer == ["forsakringskassan", "fk-norr"]
    assert r.områden == ["norrby", "sodra-dalen"]
    assert r.allvarlighet == "hög"
    assert r.förekomster == [date(2025, 4, 2), date(2025, 5, 20), date(2025, 6, 11)]
    assert r.times_seen == 4
    assert r.status == "åtgärdad"
    assert r.historik[0] == Step(
        date(2025, 3, 14), "upptäckt", "Tre klienter berättade om samma sak."
    )
    assert [s.status for s in r.historik] == [
        "upptäckt",
        "analyserad",
        "påtalad",
        "beslutad",
        "pågår",
        "åtgärdad",
    ]
    assert r.historik[1].text == ""
    assert r.remedied_in(2025) and not r.remedied_in(2024)
    assert r.mottagare == ["styrgruppen", "Försäkringskassans enhetschef"]
    assert r.relaterade == ["B-2024-012", "P-2025-003"]
    assert r.bilagor == ["skrivelse-2025.pdf"]
    assert r.publicera is True
    assert r.publicerad == date(2025, 9, 20)
    assert r.tema == "Tillgänglighet"
    assert r.intern == {
        "rapportör": "Ombudet i norr",
        "anteckningar": "Skrivelse skickad i maj.\nSvar kom i juni.\n",
        "ärenden": [12, 15],
    }
    assert r.source == "brister/2025/B-2025-001-telefontider.md"
    assert [s.title for s in r.sections] == [
        "",
        "Beskrivning",
        "Orsaker",
        "Konsekvenser",
        "Förslag till åtgärder",
        "Vad ombuden har gjort",
        "Resultat",
        "Uppföljning",
    ]
    assert r.sections[0] == Section("", "Inledande mening före första rubriken.")
    assert r.sections[4].markdown == (
        "- Inför fasta telefontider.\n- Ge klientgruppen en fast handläggare."
    )
    assert r.sections[-1] == Section("Uppföljning", "Klienterna når nu sin handläggare.")


def test_maximal_second_brist_and_positiv_records(tmp_path: Path) -> None:
    _write_maximal(tmp_path)
    by_id = check(tmp_path).content.by_id()
    b2 = by_id["B-2024-012"]
    assert (b2.nivå, b2.status, b2.publicera) == ("nationell", "kvarstår", True)
    assert b2.förekomster == [] and b2.times_seen == 1
    p = by_id["P-2025-003"]
    assert p.typ == "positiv"
    assert p.nivå is None and p.status is None and p.historik == []
    assert p.kategorier == ["samordning", "helhetssyn", "lilla-extra"]
    assert p.intern == {"rapportör": "Ombudet i norr"}
    assert [s.title for s in p.sections] == ["Händelse", "Varför det fungerade"]
    draft = by_id["P-2025-004"]
    assert draft.publicera is False and draft.publicerad is None and draft.tema is None


def test_maximal_yearly_report_record(tmp_path: Path) -> None:
    _write_maximal(tmp_path)
    (year,) = check(tmp_path).content.years
    assert year.år == 2025
    assert year.tema == "Tillgänglighet"
    assert year.ombud == 4.5
    assert year.publicera is True
    assert year.sökande == {"totalt": 120, "själv": 50, "anhörig": 30, "myndighet": 35, "övriga": 5}
    assert "<!-- po: nyckeltal -->" in year.foreword
    assert [(c.ordning, c.slug, c.rubrik) for c in year.chapters] == [
        (1, "01-brister", "Arbetet med brister"),
        (2, "02-framgang", "Framgångsfaktorer"),
    ]
    assert year.source == "arsrapport/2025/index.md"


# === No traceback for any input ==========================================================

_rng = random.Random(20261122)

NASTY: dict[str, bytes] = {
    "random-bytes": bytes(_rng.randrange(256) for _ in range(4000)),
    "random-printable": "".join(
        _rng.choice("-:[]{}#&*!|>'\"%@` \n\tåäö") for _ in range(3000)
    ).encode(),
    "random-after-fence": b"---\n"
    + bytes(_rng.randrange(32, 127) for _ in range(2000))
    + b"\n---\n",
    "list-front-matter": b"---\n- a\n---\n",
    "colons-only": b"---\n: :\n---\n",
    "open-bracket": b"---\nid: [\n---\n",
    "deep-flow-10000": b"---\nid: " + b"[" * 10_000 + b"]" * 10_000 + b"\n---\n",
    "deep-block-300": (
        "---\n" + "".join("  " * i + f"k{i}:\n" for i in range(300)) + "---\n"
    ).encode(),
    "long-line-under-limit": b"---\nrubrik: " + b"a" * (1024 * 1024 - 40) + b"\n---\n",
    "10-mb-line": b"a" * (10 * 1024 * 1024),
    "only-fence": b"---",
    "two-fences": b"---\n---",
    "complex-key": b"---\n? [a, b]\n: c\n---\n",
    "complex-key-scalar": b"---\n? a\n: c\n---\n",
    "merge-key": b"---\nbas: &b {a: 1}\nx:\n  <<: *b\n---\n",
    "merge-key-inline": b"---\n<<: {id: B-2025-001}\n---\n",
    "id-number": report_text(fields={"id": "12"}).encode(),
    "rubrik-null": report_text(fields={"rubrik": "null"}).encode(),
    "datum-with-time": report_text(fields={"datum": "2025-03-14 10:00"}).encode(),
    "bool-keys": b"---\nyes: no\non: off\n---\n",
    "bool-keys-in-report": report_text(fields={"yes": "no"}).encode(),
    "surrogate": "---\nrubrik: \ud800\n---\n".encode("utf-8", "surrogatepass"),
    "bidi-and-zero-width": report_text(
        fields={"id": "B-2025-001\u200b", "rubrik": "\u202eHandläggare går inte"}
    ).encode(),
    "emoji-keys": "---\n😀: 🙃\nid: B-2025-001\n---\n".encode(),
    "nivå-list": report_text(fields={"nivå": "[lokal]"}).encode(),
    "nivå-mapping": report_text(fields={"nivå": "{a: 1}"}).encode(),
    "status-list": report_text(fields={"status": "[påtalad]", "historik": HISTORIK_OK}).encode(),
    "typ-mapping": report_text(fields={"typ": "{a: 1}"}).encode(),
    "historik-scalars": report_text(fields={"historik": "[a, 1, null]"}).encode(),
    "historik-nested-lists": report_text(
        fields={"historik": "[{datum: [x], status: {a: 1}}]"}
    ).encode(),
    "kategorier-mixed": report_text(
        fields={"kategorier": "[1, 2.5, null, true, {a: b}, [c]]"}
    ).encode(),
    "publicera-mapping": report_text(fields={"publicera": "{a: 1}", "publicerad": "[x]"}).encode(),
    "infinity-and-nan": b"---\nid: .inf\ntyp: .nan\nrubrik: -.inf\n---\n",
    "huge-int": b"---\nid: 999999999999999999999999999999999\nrubrik: 0x1F\nrubrik2: 0o17\n---\n",
    "sexagesimal": b"---\nid: 1:20:30\n---\n",
    "document-end-marker": b"---\na: 1\n...\n---\n",
    "bom-only": b"\xef\xbb\xbf",
    "utf16": report_text().encode("utf-16"),
    "cp1252-quotes": b"---\nrubrik: \x93citat\x94\n---\n",
    "nul-in-body": report_text().encode() + b"\x00",
    "crlf-mixed": b"---\r\nid: x\r\n---\rbody\n",
    "bilagor-odd": report_text(
        fields={"bilagor": "['C:\\\\x', '.', 'bilagor', '\\x00', '~']"}
    ).encode(),
    "relaterade-self-and-odd": report_text(
        fields={"relaterade": "[B-2025-001, B-0000-000]"}
    ).encode(),
    "headings-only": report_text(body="##\n## \n##  ##\n###### ##\n").encode(),
    "unclosed-fence-body": report_text(body="\n```\n## Beskrivning\n").encode(),
    "many-headings": report_text(body="\n## Beskrivning\n" * 2000).encode(),
    "many-links": report_text(body=BRIST_BODY + "[x](javascript:y) " * 5000).encode(),
    "many-tags": report_text(body=BRIST_BODY + "<" * 100_000 + "b>").encode(),
    "pathological-code-spans": report_text(body=BRIST_BODY + "Text " + "`" * 150 + "x<b>").encode(),
    "unclosed-fence-of-backticks": report_text(body="`" * 50_000 + "\n" + BRIST_BODY).encode(),
    "backslash-escapes": b'---\nrubrik: "\\x41\\u00e5\\N\\_"\n---\n',
    "tabs-everywhere": b"---\n\tid:\tB-2025-001\n---\n",
}


@pytest.mark.parametrize("name", list(NASTY))
def test_nasty_input_gives_problems_not_a_traceback(tmp_path: Path, name: str) -> None:
    write_report(tmp_path, text=NASTY[name])
    result = check(tmp_path)
    assert result.problems, f"{name}: expected at least one problem"
    assert all(p.code.startswith("PO") and len(p.code) == 5 for p in result.problems)
    assert all(p.path == "brister/2025/B-2025-001-rapport.md" for p in result.problems)
    assert all(p.line >= 1 and p.col >= 1 for p in result.problems)
    assert result.content.reports == []


@pytest.mark.parametrize(
    "name", ["random-bytes", "list-front-matter", "nivå-list", "deep-flow-10000"]
)
def test_nasty_yearly_report_and_vocabulary(tmp_path: Path, name: str) -> None:
    write(tmp_path / "vokabular.yml", NASTY[name])
    write(tmp_path / "arsrapport" / "2025" / "index.md", NASTY[name])
    write(tmp_path / "arsrapport" / "2025" / "kapitel.md", NASTY[name])
    write_report(tmp_path)
    result = check(tmp_path)
    assert result.problems
    assert {p.path for p in result.errors} >= {"arsrapport/2025/index.md"}


# === Time: no line of a 1 MiB file may make the check hang =====================================

_TIMED = """
import sys
from pathlib import Path
from tests.helpers import BRIST_BODY, check, report_text, write_report
root = Path(sys.argv[1])
write_report(root, body=BRIST_BODY + "\\n" + sys.stdin.read() + "\\n")
print(",".join(p.code for p in check(root).problems))
"""


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Text " + "`" * 3000 + "x<b>", "PO501"),
        ("## Beskrivning" + " " * 3000 + "x", "PO312"),
        ("## x" + " " * 1500 + "#" * 1500 + " " * 1500 + "y", "PO312"),
    ],
    ids=["many-backticks", "heading-with-many-spaces", "heading-spaces-and-hashes"],
)
def test_long_lines_are_checked_quickly(tmp_path: Path, line: str, expected: str) -> None:
    """Regular expressions with nested repetition can take hours on one long line.

    The timeout only keeps a hang from stopping the suite; how long these inputs take is
    measured in benchmarks/limits_bench.py.
    """
    repo = Path(__file__).resolve().parent.parent
    try:
        done = subprocess.run(
            [sys.executable, "-c", _TIMED, str(tmp_path)],
            input=line,
            text=True,
            capture_output=True,
            cwd=repo,
            timeout=300,
            check=True,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"the check of a {len(line)}-character line hung")
    assert expected in done.stdout.strip().split(",")


# === The error-code catalog (po_build/codes.py) ===========================================


_PACKAGE = Path(__file__).resolve().parent.parent / "po_build"
_LITERAL = re.compile(r"[\"'](PO\d{3})[\"']")


def _emitted_codes() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for source in sorted(_PACKAGE.rglob("*.py")):
        if source.name == "codes.py":
            continue
        for code in _LITERAL.findall(source.read_text("utf-8")):
            found.setdefault(code, []).append(source.name)
    return found


def test_every_code_in_the_program_is_in_the_catalog() -> None:
    emitted = _emitted_codes()
    assert len(emitted) > 50
    missing = {code: files for code, files in emitted.items() if code not in CODES}
    assert missing == {}


def test_every_catalog_code_is_used_by_the_program() -> None:
    stale = sorted(set(CODES) - set(_emitted_codes()))
    assert stale == []


def test_catalog_entries_are_complete() -> None:
    for key, entry in CODES.items():
        assert isinstance(entry, Code)
        assert entry.code == key and re.fullmatch(r"PO\d{3}", key)
        assert entry.grupp in GROUPS, key
        assert entry.rubrik.strip() and "\n" not in entry.rubrik, key
        assert entry.exempel.strip(), key
        assert entry.åtgärd.strip(), key
    assert set(CODES) >= WARNINGS
    assert {"PO100", "PO121", "PO200"} <= set(CODES)
    assert {f"PO40{i}" for i in range(1, 9)} <= set(CODES)
    assert {entry.grupp for entry in CODES.values()} == set(GROUPS)


def test_catalog_groups() -> None:
    groups = {code: entry.grupp for code, entry in CODES.items()}
    assert all(groups[c] == "Filen" for c in CODES if c.startswith("PO1"))
    assert all(groups[c] == "Fälten" for c in CODES if c.startswith("PO2"))
    assert all(groups[c] == "Personuppgifter" for c in CODES if c.startswith("PO4"))
    assert all(groups[c] == "Rubriker och text" for c in CODES if c.startswith("PO5"))
    assert all(groups[c] == "Vokabulären" for c in CODES if c.startswith("PO6"))
    assert {c for c, g in groups.items() if g == "Årsrapporten"} == {
        "PO316",
        "PO317",
        "PO318",
        "PO319",
        "PO330",
    }


def test_catalog_is_plain_swedish() -> None:
    for entry in CODES.values():
        text = f"{entry.rubrik} {entry.åtgärd}"
        for word in ("error", "invalid", "field", "missing", "YAML", "JSON", "schema"):
            assert word not in text, (entry.code, word)


def _as_fields(snippet: str) -> dict[str, str]:
    """'key: value' lines (indented lines continue the key above) → fields for report_text."""
    snippet = re.sub(r"[ \t]{2,}\(.*\)$", "", snippet, flags=re.MULTILINE)
    fields: dict[str, str] = {}
    key = ""
    for line in snippet.split("\n"):
        if line.startswith(" "):
            fields[key] += "\n" + line
        else:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


# How each example is tried: as fields of a brist, as raw front-matter lines, as body
# text, as the whole body, as the whole file, as the yearly report or its foreword,
# or as content/vokabular.yml. Codes left out cannot be shown by a snippet (a file
# name, a second file, a locked file, a 50 000-file site, bytes that are not UTF-8).
EXAMPLE_MODES = {
    "PO104": "file",
    "PO105": "file",
    "PO106": "fields",
    "PO107": "fields",
    "PO108": "fields",
    "PO109": "raw",
    "PO110": "file",
    "PO120": "fields",
    "PO201": "file",
    "PO202": "fields",
    "PO203": "fields",
    "PO204": "fields",
    "PO205": "fields",
    "PO206": "fields",
    "PO207": "fields",
    "PO208": "fields",
    "PO209": "fields",
    "PO210": "year",
    "PO211": "fields",
    "PO213": "fields",
    "PO303": "fields",
    "PO304": "fields",
    "PO305": "fields",
    "PO306": "fields",
    "PO307": "fields",
    "PO308": "fields",
    "PO309": "fields",
    "PO310": "body",
    "PO311": "body",
    "PO312": "text",
    "PO313": "text",
    "PO314": "fields",
    "PO324": "related-broken",
    "PO315": "fields",
    "PO316": "year",
    "PO319": "year",
    "PO320": "retired",
    "PO325": "text-published",
    "PO326": "text",
    "PO323": "fields",
    "PO330": "foreword",
    "PO501": "text",
    "PO502": "text",
    "PO503": "text",
    "PO504": "text",
    "PO601": "vocabulary",
    "PO602": "vocabulary",
    "PO603": "vocabulary",
    "PO604": "vocabulary",
    "PO605": "vocabulary",
    "PO606": "vocabulary",
    "PO112": "fields",
    "PO124": "attachment",
    "PO125": "paths",
    "PO126": "bomb",
    "PO127": "paths",
    "PO128": "paths",
    "PO129": "paths",
    "PO416": "gps",
    "PO505": "text",
    "PO506": "page",
    **{f"PO4{i:02d}": "private" for i in range(1, 16)},
}


@pytest.mark.parametrize("code", sorted(EXAMPLE_MODES))
def test_catalog_example_triggers_its_code(tmp_path: Path, code: str) -> None:
    example = CODES[code].exempel
    mode = EXAMPLE_MODES[code]
    scanner = None
    if mode == "fields":
        write_report(tmp_path, text=report_text(fields=_as_fields(example)), name="B-2025-001-x.md")
    elif mode == "raw":
        write_report(tmp_path, text=report_text().replace("\n---\n", f"\n{example}\n---\n", 1))
    elif mode == "text":
        write_report(tmp_path, body=BRIST_BODY + "\n" + example + "\n")
    elif mode == "text-published":
        write_report(tmp_path, fields={"publicera": "true", "publicerad": "2025-06-01"},
                     body=BRIST_BODY + "\n" + example + "\n")
    elif mode == "body":
        write_report(tmp_path, body="\n" + example + "\n")
    elif mode == "file":
        write_report(tmp_path, text=example + "\n")
    elif mode == "year":
        write_year(tmp_path, fields=_as_fields(example))
    elif mode == "foreword":
        write_year(tmp_path, body="\nFörord.\n\n" + example + "\n")
    elif mode == "vocabulary":
        write(tmp_path / "vokabular.yml", example + "\n")
    elif mode == "retired":
        write(tmp_path / "vokabular.yml", "aktörer:\n  staten: {utgått: true}\n")
        write_report(tmp_path, fields=_as_fields(example))
    elif mode == "related-broken":
        write_report(tmp_path, fields=_as_fields(example))
        write_report(tmp_path, fields={"id": "B-2025-004", "rubrik": "kort"})
    elif mode == "attachment":
        write_report(tmp_path)
        write(tmp_path / "bilagor" / "bild.svg", example)
    elif mode == "page":
        write_report(tmp_path)
        write(tmp_path / "om-oss.md", "# Om oss\n\n" + example + "\n")
    elif mode == "paths":
        # "(content/a, content/b)": files at those paths, each with what its name promises.
        write_report(tmp_path)
        for path in example.strip("()").split(", "):
            name = path.removeprefix("content/")
            suffix = Path(name).suffix
            data = (report_text().encode() if suffix in (".md", ".markdown")
                    else PDF if suffix == ".pdf" else b"PK\x03\x04")
            write(tmp_path / name, data)
    elif mode == "bomb":
        write_report(tmp_path)
        write(tmp_path / "bilagor" / "stor.png", png_header(30_000, 30_000))
    elif mode == "gps":
        write_report(tmp_path)
        write(tmp_path / "bilagor" / "foto.jpg", jpeg_with_gps())
    elif mode == "private":
        from po_build.check.privacy.files import scan_file_text

        scanner = scan_file_text
        write_report(tmp_path, body=BRIST_BODY + "\n" + example + "\n")
    result = check_tree(tmp_path, today=TODAY, scanner=scanner, display_root=tmp_path)
    assert code in codes(result), "\n".join(p.format() for p in result.problems)


# Codes whose example is a description, not a snippet to check: a file name, a second file,
# a locked file, bytes that are not UTF-8, or (PO327, `po krockar`) two git branches, which
# tests/test_cms.py builds. A new code must be tried above or named here.
NOT_TRIED = {"PO100", "PO101", "PO102", "PO103", "PO111", "PO121", "PO122", "PO123", "PO200", "PO212",
             "PO301", "PO302", "PO317", "PO318", "PO321", "PO327"}


def test_most_catalog_examples_are_tried() -> None:
    assert len(EXAMPLE_MODES) >= len(CODES) - len(NOT_TRIED)
    assert set(CODES) - set(EXAMPLE_MODES) == NOT_TRIED


def test_a_misspelt_field_is_one_message_at_the_misspelt_key(tmp_path: Path) -> None:
    """'rubirk' is one mistake: not "unknown field" and "rubrik is missing" besides."""
    path = write_report(tmp_path, text=report_text().replace("rubrik:", "rubirk:"))
    result = check(tmp_path)
    assert error_codes(result) == ["PO202"]
    p = only(result, "PO202")
    assert "'rubirk'" in p.message and "menade du 'rubrik'" in p.message
    assert p.line == report_text().split("\n").index(next(
        line for line in report_text().split("\n") if line.startswith("rubrik:"))) + 1
    assert rel(path, tmp_path) == p.path


def test_an_unknown_field_that_is_no_misspelling_leaves_the_missing_one_reported(tmp_path: Path) -> None:
    write_report(tmp_path, text=report_text().replace("rubrik:", "anteckning:"))
    assert sorted(error_codes(check(tmp_path))) == ["PO201", "PO202"]


# --- one mistake, one message: a value the schema refused is not judged again ----------


def test_a_misspelt_status_is_one_message_also_with_a_history(tmp_path: Path) -> None:
    """'påtalat' is PO206 with its suggestion; the history rule (PO307) does not add a second."""
    path = write_report(tmp_path, fields={"status": "påtalat", "historik": HISTORIK_OK})
    result = check(tmp_path)
    assert error_codes(result) == ["PO206"]
    p = assert_problem(result, "PO206", path, STATUS, tmp_path)
    assert "menade du 'påtalad'?" in p.message


@pytest.mark.parametrize(
    ("steps", "line"),
    [
        ((("2025-03-14", "upptäck"), ("2025-04-01", "påtalad")), EXTRA + 1),  # would also be PO305
        ((("2025-03-14", "upptäckt"), ("2025-04-01", "påtalat")), EXTRA + 2),  # would also be PO307
    ],
    ids=["första-steget", "sista-steget"],
)
def test_a_misspelt_status_in_the_history_is_one_message(
    tmp_path: Path, steps: tuple[tuple[str, str], ...], line: int
) -> None:
    path = write_report(tmp_path, fields={"historik": _hist(*steps)})
    result = check(tmp_path)
    assert error_codes(result) == ["PO206"]
    assert_problem(result, "PO206", path, line, tmp_path)


def test_a_history_step_without_status_is_one_message(tmp_path: Path) -> None:
    """'statsu:' in the last step: the misspelt key, not also "the history does not end with påtalad"."""
    path = write_report(tmp_path, fields={"historik": HISTORIK_OK.replace("status: påtalad", "statsu: påtalad")})
    result = check(tmp_path)
    assert error_codes(result) == ["PO202"]
    assert "menade du 'status'" in assert_problem(result, "PO202", path, EXTRA + 2, tmp_path).message


def _typo(value: str) -> str:
    """One slip of the finger: a letter too many after the first value of a list, else one too few."""
    if value.startswith("["):
        return value.replace(",", "x,", 1) if "," in value else value.replace("]", "x]", 1)
    return value[:-1]


_FULL = {
    **BRIST_FIELDS,
    "historik": "\n  - {datum: 2025-03-14, status: upptäckt}\n  - {datum: 2025-04-01, status: analyserad}"
                "\n  - {datum: 2025-05-01, status: påtalad}",
    "förekomster": "[2025-06-01, 2025-07-01]",
    "områden": "[norrby]",
    "publicera": "true",
    "publicerad": "2025-08-01",
}
_CHECKED_VALUES = ["datum", "nivå", "kategorier", "aktörer", "allvarlighet", "status", "förekomster", "områden",
                   "publicera", "publicerad"]
_HISTORY_SLIPS = {
    "historik-första-status": ("status: upptäckt", "status: upptäck"),
    "historik-mellersta-status": ("status: analyserad", "status: analyserd"),
    "historik-sista-status": ("status: påtalad}", "status: påtalat}"),
    "historik-datum": ("datum: 2025-04-01", "datum: 2025-04-31"),
}


@pytest.mark.parametrize("key", _CHECKED_VALUES + list(_HISTORY_SLIPS))
def test_one_slip_in_any_checked_value_is_one_message(tmp_path: Path, key: str) -> None:
    """Every field whose value is checked, and every part of the history, in a report that
    uses them all: a one-letter slip gives exactly one error, at that value."""
    write(tmp_path / "vokabular.yml", "områden:\n  norrby: Norrby kommun\n")
    fields = dict(_FULL)
    if key in _HISTORY_SLIPS:
        old, new = _HISTORY_SLIPS[key]
        fields["historik"] = fields["historik"].replace(old, new)
        needle = new
    else:
        fields[key] = _typo(fields[key])
        needle = f"{key}: {fields[key]}"
    path = write_report(tmp_path, fields=fields)
    result = check(tmp_path)
    assert len(result.errors) == 1, "\n".join(p.format() for p in result.errors)
    assert result.errors[0].line == line_of(path, needle), result.errors[0].format()


def test_the_full_report_of_the_slip_test_is_valid(tmp_path: Path) -> None:
    write(tmp_path / "vokabular.yml", "områden:\n  norrby: Norrby kommun\n")
    write_report(tmp_path, fields=_FULL)
    assert_no_errors(check(tmp_path))
