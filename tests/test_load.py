"""The loader: bytes → text → front matter → plain data, every failure located (PO1xx)."""

from __future__ import annotations

from pathlib import Path

import pytest

from po_build.load.frontmatter import MAX_DEPTH, MAX_VALUE_CHARS, parse_events, parse_yaml
from po_build.load.text import MAX_BYTES
from po_build.load.yamlquick import parse_quick
from po_build.model.problems import ProblemList
from tests.helpers import (
    BRIST_BODY,
    assert_clean,
    assert_problem,
    check,
    codes,
    line_of,
    only,
    rel,
    report_text,
    write,
    write_report,
)

# In the default brist the keys stand on these lines (line 1 is '---').
ID, TYP, RUBRIK, DATUM, NIVA, KATEGORIER, AKTORER, ALLVARLIGHET, STATUS = range(2, 11)
CLOSING = 11  # the second '---'
EXTRA = 11  # a key added with fields={...} lands here and pushes '---' down


def test_valid_brist_and_positiv_pass(tmp_path: Path) -> None:
    write_report(tmp_path)
    write_report(tmp_path, "positiv")
    result = check(tmp_path)
    assert_clean(result)
    assert result.files_checked == 2
    assert [r.id for r in result.content.reports] == ["B-2025-001", "P-2025-001"]


# --- PO101 encoding ---------------------------------------------------------------


def test_latin1_file_is_po101_at_the_bad_byte(tmp_path: Path) -> None:
    text = report_text().encode("utf-8").replace("Handläggare".encode(), b"Handl\xe4ggare")
    path = write_report(tmp_path, text=text)
    p = assert_problem(
        check(tmp_path), "PO101", path, RUBRIK, tmp_path, col=len("rubrik: Handl") + 1
    )
    assert "UTF-8" in p.message
    assert "Latin-1" in p.message


def test_latin1_in_the_body_points_at_that_line(tmp_path: Path) -> None:
    text = report_text(body=BRIST_BODY + "\nS\xe5 h\xe4r.\n").encode("utf-8")
    text = text.replace("Så här".encode(), b"S\xe5 h\xe4r")
    path = write_report(tmp_path, text=text)
    last = text.count(b"\n")  # the added line is the last one
    assert_problem(check(tmp_path), "PO101", path, last, tmp_path, col=2)


def test_nul_byte_is_po101_at_its_line(tmp_path: Path) -> None:
    text = report_text(fields={"tema": "Till\x00gänglighet"}).encode("utf-8")
    path = write_report(tmp_path, text=text)
    p = assert_problem(check(tmp_path), "PO101", path, EXTRA, tmp_path)
    assert "textfil" in p.message


def test_utf16_file_is_refused(tmp_path: Path) -> None:
    write_report(tmp_path, text=report_text().encode("utf-16"))
    assert codes(check(tmp_path)) == ["PO101"]


def test_bom_is_tolerated(tmp_path: Path) -> None:
    write_report(tmp_path, text=b"\xef\xbb\xbf" + report_text().encode("utf-8"))
    result = check(tmp_path)
    assert_clean(result)
    assert result.content.reports[0].rubrik == "Handläggare går inte att nå per telefon"


def test_bom_does_not_shift_positions(tmp_path: Path) -> None:
    text = b"\xef\xbb\xbf" + report_text(fields={"datum": "2025-02-30"}).encode("utf-8")
    path = write_report(tmp_path, text=text)
    assert_problem(check(tmp_path), "PO207", path, DATUM, tmp_path, col=len("datum: ") + 1)


def test_crlf_is_tolerated(tmp_path: Path) -> None:
    write_report(tmp_path, text=report_text().replace("\n", "\r\n"))
    result = check(tmp_path)
    assert_clean(result)
    report = result.content.reports[0]
    assert report.rubrik == "Handläggare går inte att nå per telefon"
    assert all("\r" not in s.markdown for s in report.sections)


def test_crlf_keeps_lines_and_columns_right(tmp_path: Path) -> None:
    text = report_text(fields={"datum": "2025-02-30"}, body=BRIST_BODY + "\n<b>x</b>\n")
    path = write_report(tmp_path, text=text.replace("\n", "\r\n"))
    result = check(tmp_path)
    assert_problem(result, "PO207", path, DATUM, tmp_path, col=8)
    assert_problem(result, "PO501", path, line_of(text, "<b>x</b>"), tmp_path, col=1)


def test_old_mac_line_endings_are_tolerated(tmp_path: Path) -> None:
    write_report(tmp_path, text=report_text().replace("\n", "\r"))
    assert_clean(check(tmp_path))


# --- PO102 size, PO103 empty ------------------------------------------------------


def test_file_over_one_mib_is_po102(tmp_path: Path) -> None:
    path = write_report(tmp_path, text=b"a" * (MAX_BYTES + 1))
    p = assert_problem(check(tmp_path), "PO102", path, 1, tmp_path)
    assert "högst 1024 KiB" in p.message
    assert "1025 KiB" in p.message  # rounded up: 1 MiB + 1 byte is not "1024 KiB"


def test_file_of_exactly_one_mib_is_read(tmp_path: Path) -> None:
    text = report_text().encode("utf-8")
    filler = b"\nMer text om hur bristen visar sig i vardagen.\n"
    body = text + filler * ((MAX_BYTES - len(text)) // len(filler))
    body += b"x" * (MAX_BYTES - len(body) - 1) + b"\n"
    assert len(body) == MAX_BYTES
    write_report(tmp_path, text=body)
    # Read, not refused for its size: what stops it is the next limit, the length of the text.
    assert codes(check(tmp_path)) == ["PO111"]


@pytest.mark.parametrize("content", [b"", b"   \n\t\n", b"\n\n\n"])
def test_empty_or_blank_file_is_po103(tmp_path: Path, content: bytes) -> None:
    path = write_report(tmp_path, text=content)
    assert_problem(check(tmp_path), "PO103", path, 1, tmp_path)


# --- PO104, PO105 front matter fences -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Handläggare går inte att nå\n" + report_text(),
        "\n" + report_text(),  # a blank first line
        report_text().replace("---\n", "--\n", 1),
        "## Beskrivning\n\nBara text.\n",
    ],
    ids=["text-first", "blank-first-line", "two-dashes", "no-front-matter"],
)
def test_missing_front_matter_is_po104(tmp_path: Path, text: str) -> None:
    path = write_report(tmp_path, text=text)
    p = assert_problem(check(tmp_path), "PO104", path, 1, tmp_path)
    assert "'---'" in p.message


def test_fence_with_trailing_spaces_is_accepted(tmp_path: Path) -> None:
    text = report_text().replace("---\n", "---  \n")
    write_report(tmp_path, text=text)
    assert_clean(check(tmp_path))


@pytest.mark.parametrize(
    "text",
    ["---\nid: B-2025-001\ntyp: brist\n", "---", "---\n" + BRIST_BODY],
    ids=["fields-only", "only-fence", "body-no-close"],
)
def test_unclosed_front_matter_is_po105(tmp_path: Path, text: str) -> None:
    path = write_report(tmp_path, text=text)
    assert_problem(check(tmp_path), "PO105", path, 1, tmp_path)


# --- PO106 invalid YAML -------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "line", "hint"),
    [
        ({"rubrik": "Beslut: avslag i flera ärenden"}, RUBRIK, "citattecken"),
        ({"kategorier": "\n\t- samordning"}, KATEGORIER + 1, "tabb"),
        ({"rubrik": '"Handläggare går inte att nå'}, RUBRIK, "stängs aldrig"),
        ({"rubrik": "'Handläggare går inte att nå"}, RUBRIK, "stängs aldrig"),
        ({"kategorier": "[tillganglighet, samordning"}, KATEGORIER, "inte stängd"),
        ({"intern": "{rapportör: Ombud"}, EXTRA, "inte stängd"),
        ({"rubrik": '"Beslut \\q avslag"'}, RUBRIK, "snedstreck"),
        ({"kategorier": "\n  - samordning\n - tillganglighet"}, KATEGORIER + 2, "fälten går"),
        ({"aktörer": "- lss"}, AKTORER, "listpunkt"),
    ],
    ids=[
        "colon-in-value",
        "tab-indent",
        "unclosed-double-quote",
        "unclosed-single-quote",
        "unclosed-bracket",
        "unclosed-brace",
        "bad-escape",
        "bad-indent",
        "dash-on-key-line",
    ],
)
def test_invalid_yaml_is_po106_at_the_right_line(
    tmp_path: Path, fields: dict[str, str], line: int, hint: str
) -> None:
    path = write_report(tmp_path, fields=fields)
    p = assert_problem(check(tmp_path), "PO106", path, line, tmp_path)
    assert hint in p.message
    for english in ("mapping values", "while scanning", "found character", "expected"):
        assert english not in p.message


def test_missing_colon_points_at_the_key_line(tmp_path: Path) -> None:
    text = report_text().replace("datum: 2025-03-14", "datum 2025-03-14")
    path = write_report(tmp_path, text=text)
    p = assert_problem(check(tmp_path), "PO106", path, DATUM, tmp_path)
    assert "kolon" in p.message


def test_two_yaml_documents_in_front_matter_is_po106(tmp_path: Path) -> None:
    text = report_text().replace("typ: brist\n", "typ: brist\n--- x\n")
    path = write_report(tmp_path, text=text)
    p = assert_problem(check(tmp_path), "PO106", path, TYP + 1, tmp_path)
    assert "bara ett block" in p.message


def test_complex_key_is_po106(tmp_path: Path) -> None:
    text = report_text().replace("typ: brist\n", "typ: brist\n? [a, b]\n: c\n")
    path = write_report(tmp_path, text=text)
    assert_problem(check(tmp_path), "PO106", path, TYP + 1, tmp_path)


# --- PO107 anchors and aliases, PO108 tags -----------------------------------------------


def test_anchor_is_po107(tmp_path: Path) -> None:
    path = write_report(tmp_path, fields={"rubrik": "&r Handläggare går inte att nå"})
    p = assert_problem(check(tmp_path), "PO107", path, RUBRIK, tmp_path, col=len("rubrik: ") + 1)
    assert "&r" in p.message


def test_anchor_on_a_list_is_po107(tmp_path: Path) -> None:
    path = write_report(tmp_path, fields={"kategorier": "&k [samordning]"})
    assert_problem(check(tmp_path), "PO107", path, KATEGORIER, tmp_path)


def test_alias_is_po107(tmp_path: Path) -> None:
    # The alias alone (no anchor earlier) is refused where it stands.
    path = write_report(tmp_path, fields={"tema": "*tema"})
    p = assert_problem(check(tmp_path), "PO107", path, EXTRA, tmp_path, col=len("tema: ") + 1)
    assert "*tema" in p.message


def test_merge_key_with_alias_is_po107(tmp_path: Path) -> None:
    path = write_report(tmp_path, fields={"intern": "\n  <<: *bas\n  anteckningar: x"})
    assert_problem(check(tmp_path), "PO107", path, EXTRA + 1, tmp_path)


@pytest.mark.parametrize(
    ("fields", "line", "shown"),
    [
        ({"rubrik": "!!str Handläggare går inte att nå"}, RUBRIK, "tag:yaml.org,2002:str"),
        ({"tema": "!custom Tillgänglighet"}, EXTRA, "!custom"),
        ({"tema": "!!python/object:os.system [ls]"}, EXTRA, "python/object"),
        ({"kategorier": "!!seq [samordning]"}, KATEGORIER, "seq"),
        ({"intern": "!!map {a: 1}"}, EXTRA, "map"),
        ({"datum": "!!timestamp 2025-03-14"}, DATUM, "timestamp"),
    ],
    ids=["str", "custom", "python-object", "seq", "map", "timestamp"],
)
def test_tags_are_po108(tmp_path: Path, fields: dict[str, str], line: int, shown: str) -> None:
    path = write_report(tmp_path, fields=fields)
    p = assert_problem(check(tmp_path), "PO108", path, line, tmp_path)
    assert shown in p.message


def test_non_specific_tag_is_allowed(tmp_path: Path) -> None:
    write_report(tmp_path, fields={"tema": "! Tillgänglighet"})
    assert_clean(check(tmp_path))


# --- PO109 duplicate keys -----------------------------------------------------------------


def test_duplicate_top_level_key_is_po109(tmp_path: Path) -> None:
    text = report_text().replace("status: påtalad\n", "status: påtalad\nid: B-2025-002\n")
    path = write_report(tmp_path, text=text)
    p = assert_problem(check(tmp_path), "PO109", path, STATUS + 1, tmp_path, col=1)
    assert f"rad {ID}" in p.message
    assert "'id'" in p.message


def test_duplicate_nested_key_is_po109(tmp_path: Path) -> None:
    path = write_report(
        tmp_path, fields={"intern": "\n  rapportör: Ombudet\n  anteckningar: x\n  rapportör: y"}
    )
    p = assert_problem(check(tmp_path), "PO109", path, EXTRA + 3, tmp_path, col=3)
    assert f"rad {EXTRA + 1}" in p.message


def test_duplicate_key_in_flow_mapping_is_po109(tmp_path: Path) -> None:
    path = write_report(
        tmp_path,
        fields={"historik": "\n  - {datum: 2025-03-14, status: upptäckt, datum: 2025-03-15}"},
    )
    assert_problem(check(tmp_path), "PO109", path, EXTRA + 1, tmp_path)


def test_same_key_in_two_list_items_is_not_a_duplicate(tmp_path: Path) -> None:
    write_report(
        tmp_path,
        fields={
            "historik": "\n  - datum: 2025-03-14\n    status: upptäckt"
            "\n  - datum: 2025-04-01\n    status: påtalad"
        },
    )
    assert_clean(check(tmp_path))


# --- PO110 empty / not a mapping ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\n---\n" + BRIST_BODY, 2),
        ("---\n# bara en kommentar\n---\n" + BRIST_BODY, 2),
        ("---\n- id: B-2025-001\n- typ: brist\n---\n" + BRIST_BODY, 2),
        ("---\nbara en rad text\n---\n" + BRIST_BODY, 2),
        ("---\n\n\n[a, b]\n---\n" + BRIST_BODY, 4),
    ],
    ids=["empty", "comment-only", "list", "scalar", "flow-list-later"],
)
def test_empty_or_non_mapping_front_matter_is_po110(tmp_path: Path, text: str, line: int) -> None:
    path = write_report(tmp_path, text=text)
    assert_problem(check(tmp_path), "PO110", path, line, tmp_path)


# --- PO120 nesting ---------------------------------------------------------------------------


def _nested(depth: int) -> str:
    return "{a: " * depth + "1" + "}" * depth


def test_nesting_up_to_the_limit_is_accepted(tmp_path: Path) -> None:
    # The front matter is one level, intern another: MAX_DEPTH - 2 more fit.
    write_report(tmp_path, fields={"intern": _nested(MAX_DEPTH - 1)})
    assert_clean(check(tmp_path))


def test_nesting_too_deep_is_po120(tmp_path: Path) -> None:
    path = write_report(tmp_path, fields={"intern": _nested(MAX_DEPTH)})
    col = len("intern: ") + len("{a: ") * (MAX_DEPTH - 1) + 1
    p = assert_problem(check(tmp_path), "PO120", path, EXTRA, tmp_path, col=col)
    assert str(MAX_DEPTH) in p.message


def test_very_deep_flow_nesting_is_po120_not_a_crash(tmp_path: Path) -> None:
    path = write_report(tmp_path, fields={"tema": "[" * 10_000 + "]" * 10_000})
    assert_problem(check(tmp_path), "PO120", path, EXTRA, tmp_path)


# --- ignored files -----------------------------------------------------------------------------


def test_files_and_folders_starting_with_underscore_or_dot_are_ignored(tmp_path: Path) -> None:
    write_report(tmp_path)
    broken = "inte en rapport"
    write(tmp_path / "brister" / "2025" / "_mall.md", broken)
    write(tmp_path / "brister" / "2025" / ".B-2025-002-utkast.md", broken)
    write(tmp_path / "brister" / "_utkast" / "B-2025-003-x.md", broken)
    write(tmp_path / "brister" / ".git" / "HEAD.md", broken)
    write(tmp_path / "arsrapport" / "_mall" / "index.md", broken)
    write(tmp_path / "brister" / "2025" / "anteckning.txt", broken)
    result = check(tmp_path)
    assert_clean(result)
    assert result.files_checked == 1
    assert sorted(result.content.ignored) == sorted(
        [
            "brister/2025/_mall.md",
            "brister/2025/.B-2025-002-utkast.md",
            "brister/_utkast/B-2025-003-x.md",
            "brister/.git/HEAD.md",
            "arsrapport/_mall/index.md",
            "brister/2025/anteckning.txt",
        ]
    )


def test_other_files_in_content_are_not_read_as_reports(tmp_path: Path) -> None:
    write_report(tmp_path)
    write(tmp_path / "index.md", "# Välkommen\n")
    write(tmp_path / "om-oss.md", "Ingen front matter här.\n")
    assert_clean(check(tmp_path))


# --- parse_yaml: plain data, dates kept as text ---------------------------------------------------


def test_parse_yaml_values_and_positions() -> None:
    problems = ProblemList("x")
    source = (
        "a: 2025-03-14\nb: ja\nc: true\nd: 12\ne: '12'\nf: null\ng: [x, y]\nh:\n  i: 1.5\nyes: no\n"
    )
    parsed = parse_yaml(source, problems, line_offset=1)
    assert parsed is not None and not problems
    data, key_pos, value_pos = parsed
    assert data == {
        "a": "2025-03-14",
        "b": "ja",
        "c": True,
        "d": 12,
        "e": "12",
        "f": None,
        "g": ["x", "y"],
        "h": {"i": 1.5},
        "yes": False,
    }
    assert key_pos[("h", "i")] == (10, 3)
    assert value_pos[("g", 1)] == (8, 8)


def test_problem_paths_are_relative_to_display_root(tmp_path: Path) -> None:
    path = write_report(tmp_path, fields={"rubrik": "kort"})
    p = only(check(tmp_path), "PO205")
    assert p.path == rel(path, tmp_path) == "brister/2025/B-2025-001-rapport.md"


def test_bracket_left_open_at_the_end_is_po106_in_swedish(tmp_path: Path) -> None:
    path = write_report(tmp_path, fields={"tema": "["})
    p = only(check(tmp_path), "PO106")
    assert p.path == rel(path, tmp_path)
    # PyYAML only notices at the end of the fields: the closing '---' is one line below.
    assert p.line in (EXTRA, EXTRA + 1)
    assert "inte stängd" in p.message
    assert "YAML-fel" not in p.message


# --- the node walk (yamlnodes) and the event reader read the same -------------------------------


def _front_matters() -> list[tuple[str, str]]:
    root = Path(__file__).resolve().parents[1]
    found = []
    for path in sorted([*root.glob("content/**/*.md"), *root.glob("po_build/data/**/*.md")]):
        text = path.read_text("utf-8")
        if text.startswith("---\n") and "\n---\n" in text[4:]:
            found.append((str(path.relative_to(root)), text[4:text.index("\n---\n", 4)]))
    return found


def test_node_walk_reads_every_sample_file_like_the_event_reader() -> None:
    files = _front_matters()
    assert len(files) > 20
    quick_count = 0
    for name, source in files:
        quick = parse_quick(source, 1, MAX_DEPTH, MAX_VALUE_CHARS)
        slow = parse_events(source, ProblemList(name), 1)
        if quick is None:
            continue
        quick_count += 1
        assert slow is not None, name
        assert repr(quick) == repr(slow), name
    # The walk is the way nearly every real file is read; if it gave up on them all, the
    # check would be slow again without any test noticing.
    assert quick_count >= len(files) * 0.9


@pytest.mark.parametrize("source", [
    "a: &x 1\nb: *x\n", "a: !!str 1\n", "a: 1\na: 2\n", "a: \"\\x07\"\n", "a: b\n---\nc: d\n",
    "[a]: b\n", "a: [[[[[[[[[x]]]]]]]]]\n",
])
def test_node_walk_leaves_every_refusal_to_the_event_reader(source: str) -> None:
    assert parse_quick(source, 0, MAX_DEPTH, MAX_VALUE_CHARS) is None
    problems = ProblemList("x.yml")
    assert parse_yaml(source, problems) is None
    assert problems
