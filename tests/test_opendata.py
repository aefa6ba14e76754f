"""Open data: the files, their fields, privacy, CSV safety and determinism."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from po_build.contract.schema import build_schema
from po_build.outputs.opendata.records import CSV_HEADER, brister_json
from po_build.outputs.opendata.registry import open_data_files
from po_build.project.projection import project
from po_build.project.stats import year_stats
from tests.helpers import check, write_report
from tests.test_stats import (
    CANARY,
    EVENT_DATES,
    ORGANISATION,
    UNPUBLISHED_IDS,
    make_content,
    public,
    reports,
    vocabulary,
)

EXPECTED_FILES = {
    "oppna-data/brister.json",
    "oppna-data/brister.csv",
    "oppna-data/positiva.json",
    "oppna-data/statistik-2024.json",
    "oppna-data/statistik-2025.json",
    "oppna-data/index.json",
    "schema/rapport.schema.json",
}


@pytest.fixture(scope="module")
def files() -> dict[str, bytes]:
    return open_data_files(public())


def load(files: dict[str, bytes], path: str) -> Any:
    raw = files[path]
    assert raw.endswith(b"\n") and not raw.endswith(b"\n\n")
    return json.loads(raw.decode("utf-8"))


def by_id(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in items}


def test_file_list(files: dict[str, bytes]) -> None:
    assert set(files) == EXPECTED_FILES


def test_brister_json_fields(files: dict[str, bytes]) -> None:
    data = load(files, "oppna-data/brister.json")
    assert list(data) == ["organisation", "genererad_från", "antal", "brister", "etiketter"]
    assert data["organisation"] == ORGANISATION
    assert data["genererad_från"] == "publicerade rapporter"
    want_ids = sorted(r.id for r in reports() if r.publicera and r.typ == "brist")
    assert [b["id"] for b in data["brister"]] == want_ids
    assert data["antal"] == len(want_ids) == 5

    b = by_id(data["brister"])["B-2025-001"]
    assert b == {
        "id": "B-2025-001",
        "rubrik": "Handläggare går inte att nå per telefon",
        "url": "brister/B-2025-001/",
        "år": 2025,
        "månad": 3,
        "nivå": "lokal",
        "kategorier": ["samordning", "tillganglighet"],
        "aktörer": ["forsakringskassan", "socialtjansten"],
        "områden": ["norrby"],
        "allvarlighet": "hög",
        "status": "påtalad",
        "antal_gånger": 3,
        "historik": [
            {"år": 2025, "månad": 3, "status": "upptäckt", "text": ""},
            {"år": 2025, "månad": 5, "status": "påtalad", "text": "Lyft i styrgruppen."},
        ],
        "mottagare": ["Styrgruppen"],
        "relaterade": ["P-2025-001"],
        "publicerad": "2025-06-10",
        "tema": "Tillgänglighet",
    }
    # An area shared by fewer than k reports that year is the region, never its name.
    assert by_id(data["brister"])["B-2025-002"]["områden"] == ["norrby", "region"]
    # A link to an unpublished report is dropped, the published one kept.
    assert by_id(data["brister"])["B-2025-005"]["relaterade"] == ["P-2025-001"]
    for item in data["brister"]:
        assert not {"utkast", "intern", "exact_dates", "datum", "draft"} & set(item)


def test_labels_cover_every_id_used(files: dict[str, bytes]) -> None:
    data = load(files, "oppna-data/brister.json")
    labels = data["etiketter"]
    assert list(labels) == ["nivå", "kategorier", "aktörer", "områden", "allvarlighet", "status"]
    for item in data["brister"]:
        assert item["nivå"] in labels["nivå"]
        assert item["allvarlighet"] in labels["allvarlighet"]
        assert item["status"] in labels["status"]
        for field in ("kategorier", "aktörer", "områden"):
            assert set(item[field]) <= set(labels[field])
        for step in item["historik"]:
            assert step["status"] in labels["status"]
    assert labels["nivå"] == {"individ": "Individnivå – i mötet med klienten",
                              "lokal": "Lokal nivå", "nationell": "Nationell nivå"}
    assert labels["områden"] == {"norrby": "Norrby kommun", "region": "Exempellän"}
    assert labels["kategorier"]["bemotande"] == "Bemötande"
    # Vocabulary order, not alphabetical: the lifecycle reads in the order it happens.
    assert list(labels["status"]) == ["upptäckt", "påtalad", "åtgärdad", "kvarstår"]
    # Only ids in use: the unpublished report's actor is not even named.
    assert "kronofogden" not in labels["aktörer"]

    positiva = load(files, "oppna-data/positiva.json")
    assert positiva["etiketter"]["kategorier"] == {"samordning": "Samordning och samverkan",
                                                   "lilla-extra": "Det lilla extra"}


def test_positiva_json(files: dict[str, bytes]) -> None:
    data = load(files, "oppna-data/positiva.json")
    assert list(data) == ["organisation", "genererad_från", "antal", "positiva", "etiketter"]
    assert [p["id"] for p in data["positiva"]] == ["P-2024-001", "P-2025-001"]
    assert data["antal"] == 2
    assert by_id(data["positiva"])["P-2025-001"] == {
        "id": "P-2025-001",
        "rubrik": "Rubrik för händelsen P-2025-001",
        "url": "positivt/P-2025-001/",
        "år": 2025,
        "månad": 4,
        "kategorier": ["samordning"],
        "aktörer": ["psykiatrin", "socialtjansten"],
        "områden": ["norrby"],
        "relaterade": ["B-2025-001"],
        "publicerad": "2025-06-10",
        "tema": None,
    }


def test_statistics_files_equal_year_stats(files: dict[str, bytes]) -> None:
    p = public()
    for year in (2024, 2025):
        data = load(files, f"oppna-data/statistik-{year}.json")
        assert data == year_stats(p, year)
        assert list(data) == ["år", "läge_vid", "brister", "positiva"]
    assert load(files, "oppna-data/statistik-2025.json")["brister"]["totalt"] == 4


def test_schema_file_is_a_valid_schema(files: dict[str, bytes]) -> None:
    schema = load(files, "schema/rapport.schema.json")
    Draft202012Validator.check_schema(schema)
    assert schema == build_schema(vocabulary())
    assert b'\n  "$schema"' in files["schema/rapport.schema.json"]  # pretty-printed
    assert "norrby" in json.dumps(schema)  # the organisation's own areas are in it


def test_index_lists_every_other_file_with_a_description(files: dict[str, bytes]) -> None:
    index = load(files, "oppna-data/index.json")
    listed = [f["fil"] for f in index["filer"]]
    # Every file made here, and the Atom feed, which the feeds module writes.
    assert set(listed) == EXPECTED_FILES - {"oppna-data/index.json"} | {"flode/atom.xml"}
    assert len(listed) == len(set(listed))
    for f in index["filer"]:
        assert len(f["beskrivning"]) > 20
        assert f["format"]


def test_json_is_readable_utf8(files: dict[str, bytes]) -> None:
    raw = files["oppna-data/brister.json"]
    assert "går inte att nå".encode() in raw  # ensure_ascii=False: å stays å
    assert b"\\u00e5" not in raw
    assert raw.startswith(b'{\n  "organisation": ')


def test_csv_parses_and_matches_json(files: dict[str, bytes]) -> None:
    raw = files["oppna-data/brister.csv"]
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM, so Excel reads UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline=""),
                               delimiter=";"))
    assert list(rows[0]) == CSV_HEADER
    # The same columns, in the same order, as the fields of brister.json.
    assert list(load(files, "oppna-data/brister.json")["brister"][0]) == CSV_HEADER
    data = by_id(load(files, "oppna-data/brister.json")["brister"])
    assert [r["id"] for r in rows] == sorted(data)
    row = next(r for r in rows if r["id"] == "B-2025-001")
    assert row["rubrik"] == "Handläggare går inte att nå per telefon"
    assert row["kategorier"] == "samordning|tillganglighet"
    assert row["aktörer"] == "forsakringskassan|socialtjansten"
    assert row["år"] == "2025" and row["månad"] == "3"
    assert row["antal_gånger"] == "3"
    assert row["historik"] == "2025-03 upptäckt|2025-05 påtalad"
    assert row["publicerad"] == "2025-06-10"
    for r in rows:
        assert r["status"] == data[r["id"]]["status"]
        assert (r["områden"].split("|") if r["områden"] else []) == data[r["id"]]["områden"]


def test_csv_cells_cannot_start_a_formula(files: dict[str, bytes]) -> None:
    rows = list(csv.reader(io.StringIO(files["oppna-data/brister.csv"].decode("utf-8-sig"),
                                       newline=""), delimiter=";"))
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@")), cell
    row = next(r for r in rows if r[0] == "B-2025-002")
    header = rows[0]
    assert row[header.index("rubrik")] == "'+Bemötandet på akutmottagningen brister"
    # The joined cell starts with '=', so the whole cell is neutralised.
    assert row[header.index("mottagare")].startswith("'=HYPERLINK(")
    assert "|@chef|-Verksamhetschef|" in row[header.index("mottagare")]


def test_csv_quotes_delimiters_and_newlines() -> None:
    items = reports()
    items[1].rubrik = 'Semikolon; "citat" och\nny rad i rubriken'
    files = open_data_files(public(make_content(items)))
    rows = list(csv.DictReader(io.StringIO(files["oppna-data/brister.csv"].decode("utf-8-sig"),
                                           newline=""), delimiter=";"))
    assert next(r for r in rows if r["id"] == "B-2025-001")["rubrik"] == items[1].rubrik


def all_bytes(files: dict[str, bytes]) -> str:
    return "\n".join(raw.decode("utf-8-sig") for raw in files.values())


def test_nothing_private_reaches_open_data(files: dict[str, bytes]) -> None:
    # The schema's own example date is 2025-03-14, the same as an event date in
    # the fixture, so the schema file is left out of the date search.
    text = all_bytes({k: v for k, v in files.items() if not k.startswith("schema/")})
    assert CANARY not in all_bytes(files)
    for unpublished in UNPUBLISHED_IDS:
        assert unpublished not in text
    for day in EVENT_DATES:
        assert day not in text, day
        assert day.replace("-", "") not in text
    assert "2025-06-10" in text  # publicerad may be exact
    assert "rapportör" not in text and "anteckningar" not in text


def test_deterministic() -> None:
    first = open_data_files(public())
    second = open_data_files(public(make_content(list(reversed(reports())))))
    assert list(first) == list(second)
    for path in first:
        assert first[path] == second[path], path


def test_internal_projection_marks_drafts_but_keeps_private_fields_out() -> None:
    p = project(make_content(), "intern", organisation=ORGANISATION, region="Exempellän")
    assert open_data_files(p) == {}, "the internal site publishes no open data"
    files = {"oppna-data/brister.json": brister_json(p)}
    data = load(files, "oppna-data/brister.json")
    assert data["genererad_från"].startswith("alla rapporter")
    drafts = {b["id"]: b["utkast"] for b in data["brister"]}
    assert drafts["B-2025-004"] is True and drafts["B-2025-001"] is False
    text = all_bytes({k: v for k, v in files.items() if not k.startswith("schema/")})
    assert "rapportör" not in text and f"{CANARY}-anteckning" not in text
    for day in EVENT_DATES:
        assert day not in text, day


def test_no_reports_still_gives_well_formed_files() -> None:
    files = open_data_files(public(make_content([])))
    assert load(files, "oppna-data/brister.json")["brister"] == []
    assert not any(path.startswith("oppna-data/statistik-") for path in files)
    rows = list(csv.reader(io.StringIO(files["oppna-data/brister.csv"].decode("utf-8-sig"))))
    assert len(rows) == 1


def test_from_checked_files(tmp_path: Any) -> None:
    """The whole way from report files through check_tree and the projection."""
    write_report(tmp_path, fields={"publicera": "true", "publicerad": "2025-06-10",
                                   "intern": f"{{rapportör: {CANARY}}}"})
    write_report(tmp_path, "positiv", fields={"publicera": "true",
                                              "publicerad": "2025-06-10"})
    write_report(tmp_path, fields={"id": "B-2025-002"})  # not published
    result = check(tmp_path)
    assert result.errors == [], [p.format() for p in result.errors]
    p = project(result.content, "public", organisation=ORGANISATION, region="Exempellän")
    files = open_data_files(p)
    assert [b["id"] for b in load(files, "oppna-data/brister.json")["brister"]] == ["B-2025-001"]
    assert [x["id"] for x in load(files, "oppna-data/positiva.json")["positiva"]] == [
        "P-2025-001"
    ]
    text = all_bytes({k: v for k, v in files.items() if not k.startswith("schema/")})
    assert CANARY not in text and "2025-03-14" not in text and "2025-04-02" not in text
