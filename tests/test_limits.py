"""Limits, paths and file names: what a hostile or careless pull request can put under content/.

Every case ends in a located Swedish problem with its own code (or a valid site), in
bounded time: alias bombs, very long values and texts, links, pipes and loops,
attachments that try to leave content/bilagor/, links out of the site, names that
clash on Windows and Mac, and files that would run script in a browser.
"""

from __future__ import annotations

import os
import threading
import unicodedata
from pathlib import Path

import pytest

from po_build.check import tree as validate
from po_build.contract.schema import MAX_LIST
from po_build.load import walk as walking
from po_build.load.frontmatter import MAX_BODY_CHARS, MAX_LINES, MAX_VALUE_CHARS
from tests.helpers import (
    BRIST_BODY,
    PDF,
    TODAY,
    assert_clean,
    assert_no_errors,
    assert_problem,
    check,
    codes,
    error_codes,
    only,
    report_text,
    write,
    write_report,
)

EXTRA = 11  # the first key added to a brist
REL = "brister/2025/B-2025-001-rapport.md"


# --- YAML: no alias bombs --------------------------------------------------------------------


def _billion_laughs(levels: int = 9, width: int = 9) -> str:
    lines = ['lol0: &lol0 "lol"']
    for i in range(1, levels + 1):
        lines.append(f"lol{i}: &lol{i} [" + ", ".join([f"*lol{i - 1}"] * width) + "]")
    return "\n".join(lines)


@pytest.mark.parametrize("where", ["report", "vocabulary", "yearly"])
def test_billion_laughs_is_refused_at_the_first_anchor_and_fast(tmp_path: Path, where: str) -> None:
    bomb = _billion_laughs()
    if where == "report":
        path = write(tmp_path / REL, "---\n" + bomb + "\n---\n" + BRIST_BODY)
        line = 2
    elif where == "vocabulary":
        write_report(tmp_path)
        path = write(tmp_path / "vokabular.yml", bomb + "\n")
        line = 1
    else:
        write_report(tmp_path)
        path = write(tmp_path / "arsrapport" / "2025" / "index.md", "---\n" + bomb + "\n---\nFörord.\n")
        line = 2
    p = assert_problem(check(tmp_path), "PO107", path, line, tmp_path)
    assert "&lol0" in p.message


def test_a_megabyte_of_aliases_is_refused_fast(tmp_path: Path) -> None:
    """Aliases without a matching anchor: refused at the first one, the rest never expanded."""
    body = "a: [" + ", ".join(["*x"] * 150_000) + "]"
    path = write(tmp_path / REL, "---\n" + body + "\n---\n")
    assert_problem(check(tmp_path), "PO107", path, 2, tmp_path)


def test_merge_keys_and_tags_cannot_smuggle_aliases(tmp_path: Path) -> None:
    path = write_report(tmp_path, fields={"intern": "{<<: *bas, a: !!python/object:os.system echo}"})
    assert error_codes(check(tmp_path)) == ["PO107"]
    assert path.is_file()


# --- sizes -------------------------------------------------------------------------------------


def test_a_value_over_the_limit_is_po111_at_the_value(tmp_path: Path) -> None:
    value = "a" * (MAX_VALUE_CHARS + 1)
    path = write_report(tmp_path, fields={"tema": value})
    p = assert_problem(check(tmp_path), "PO111", path, EXTRA, tmp_path, col=len("tema: ") + 1)
    assert str(MAX_VALUE_CHARS) in p.message


def test_a_value_at_the_limit_passes(tmp_path: Path) -> None:
    write_report(tmp_path, fields={"intern": "{anteckningar: " + "a" * MAX_VALUE_CHARS + "}"})
    assert_clean(check(tmp_path))


def test_a_long_key_is_po111_too(tmp_path: Path) -> None:
    # YAML itself refuses keys over 1024 characters unless they are written as '? key'.
    text = report_text().replace("---\n\n", "? " + "k" * (MAX_VALUE_CHARS + 1) + "\n: x\n---\n\n", 1)
    path = write(tmp_path / REL, text)
    assert_problem(check(tmp_path), "PO111", path, EXTRA, tmp_path)


def test_a_body_over_the_limit_is_po111(tmp_path: Path) -> None:
    body = BRIST_BODY + ("Mer text om bristen. " * (MAX_BODY_CHARS // 20))
    path = write_report(tmp_path, body=body)
    p = assert_problem(check(tmp_path), "PO111", path, 12, tmp_path)
    assert "200000" in p.message.replace(" ", "")


def test_too_many_lines_is_po111_at_the_first_line_over(tmp_path: Path) -> None:
    path = write_report(tmp_path, body=BRIST_BODY + "\n-" * MAX_LINES)
    p = assert_problem(check(tmp_path), "PO111", path, MAX_LINES + 1, tmp_path)
    assert str(MAX_LINES) in p.message


def test_long_lists_are_po212(tmp_path: Path) -> None:
    many = "[" + ", ".join(f"Mottagare {i}" for i in range(MAX_LIST + 1)) + "]"
    path = write_report(tmp_path, fields={"mottagare": many})
    assert_problem(check(tmp_path), "PO212", path, EXTRA, tmp_path)


def test_too_many_files_is_po121(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validate, "MAX_FILES", 3)
    for i in range(1, 5):
        write_report(tmp_path, fields={"id": f"B-2025-00{i}"})
    p = only(check(tmp_path), "PO121")
    assert "högst 3" in p.message


def test_the_walk_stops_at_its_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(walking, "MAX_ENTRIES", 10)
    write_report(tmp_path)
    for i in range(20):
        write(tmp_path / "_skräp" / f"fil-{i}.txt", "x")
    assert "PO121" in codes(check(tmp_path))


# --- characters nobody can see ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "code_point"),
    [("\x07", "U+0007"), ("\x0c", "U+000C"), ("\x1b", "U+001B"), ("\x85", "U+0085"), ("\u2028", "U+2028"),
     ("\ufffe", "U+FFFE"), ("\x7f", "U+007F")],
)
def test_invisible_characters_are_po112_where_they_stand(tmp_path: Path, raw: str, code_point: str) -> None:
    text = report_text().replace("per telefon", f"per{raw} telefon")
    path = write(tmp_path / REL, text)
    col = len("rubrik: Handläggare går inte att nå per") + 1
    p = assert_problem(check(tmp_path), "PO112", path, 4, tmp_path, col=col)
    assert code_point in p.message


@pytest.mark.parametrize("escape", ["\\x07", "\\0", "\\e", "\\uFFFE", "\\x85", "\\u2028"])
def test_invisible_characters_from_escapes_are_po112(tmp_path: Path, escape: str) -> None:
    path = write_report(tmp_path, fields={"rubrik": f'"Handläggare {escape} går inte att nå"'})
    assert_problem(check(tmp_path), "PO112", path, 4, tmp_path)


def test_other_problems_are_still_found_beside_an_invisible_character(tmp_path: Path) -> None:
    text = report_text(fields={"kategoriier": "[x]"}).replace("per telefon", "per\x07 telefon")
    write(tmp_path / REL, text)
    assert sorted(error_codes(check(tmp_path))) == ["PO112", "PO202"]


# --- files that are not files ----------------------------------------------------------------


def test_a_named_pipe_is_po122_and_does_not_hang(tmp_path: Path) -> None:
    write_report(tmp_path)
    pipe = tmp_path / "brister" / "2025" / "B-2025-002-ror.md"
    os.mkfifo(pipe)
    done: list[object] = []
    worker = threading.Thread(target=lambda: done.append(check(tmp_path)), daemon=True)
    worker.start()
    worker.join(10)
    assert done, "kontrollen väntade på en pipe"
    assert_problem(done[0], "PO122", pipe, 1, tmp_path)  # type: ignore[arg-type]


def test_a_symlinked_report_pointing_outside_content_is_refused_unread(tmp_path: Path) -> None:
    content = tmp_path / "content"
    outside = write(tmp_path / "hemligt" / "B-2025-002-x.md", report_text(fields={"id": "B-2025-002",
                                                                                  "tema": "KANARIE"}))
    write_report(content)
    link = content / "brister" / "2025" / "B-2025-002-x.md"
    link.symlink_to(outside)
    result = check(content)
    p = assert_problem(result, "PO122", link, 1, content)
    assert "genväg" in p.message
    assert [r.id for r in result.content.reports] == ["B-2025-001"]
    assert not any("KANARIE" in p.message for p in result.problems)


def test_a_symlinked_report_folder_is_refused_and_not_walked(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write(tmp_path / "annat" / "B-2026-001-x.md", "inte ens en rapport")
    write_report(content)
    link = content / "brister" / "2026"
    link.symlink_to(tmp_path / "annat", target_is_directory=True)
    result = check(content)
    assert_problem(result, "PO122", link, 1, content)
    assert {p.path for p in result.problems} == {"brister/2026"}


def test_a_symlink_loop_ends_the_walk(tmp_path: Path) -> None:
    write_report(tmp_path)
    (tmp_path / "brister" / "slinga").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "rot").symlink_to("/", target_is_directory=True)
    result = check(tmp_path)
    assert sorted(p.path for p in result.errors) == ["brister/slinga", "rot"]


def test_a_symlinked_vocabulary_is_not_read(tmp_path: Path) -> None:
    secret = write(tmp_path.parent / f"{tmp_path.name}-passwd", "root: x:0:0\n")
    write_report(tmp_path)
    (tmp_path / "vokabular.yml").symlink_to(secret)
    result = check(tmp_path)
    assert error_codes(result) == ["PO122"]
    assert not any("root" in p.message for p in result.problems if p.code != "PO122")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_folder_is_reported_not_skipped(tmp_path: Path) -> None:
    write_report(tmp_path)
    locked = tmp_path / "brister" / "2024"
    write(locked / "B-2024-001-x.md", report_text(fields={"id": "B-2024-001"}))
    locked.chmod(0)
    try:
        assert "PO100" in codes(check(tmp_path))
    finally:
        locked.chmod(0o755)


# --- attachments cannot leave content/bilagor/ --------------------------------------------------


@pytest.mark.parametrize(
    ("value", "hint"),
    [
        ("../../../etc/passwd", "måste ligga i content/bilagor/"),
        ("bilagor/../../mkdocs.yml", "måste ligga i content/bilagor/"),
        ("/etc/passwd", "måste ligga i content/bilagor/"),
        ("'C:\\Windows\\win.ini'", "måste ligga i content/bilagor/"),
        ("'D:/x.pdf'", "måste ligga i content/bilagor/"),
        ("'..\\..\\mkdocs.yml'", "måste ligga i content/bilagor/"),
        ("'%2e%2e/%2e%2e/mkdocs.yml'", "tecknet %"),
        ("'sub\\skrivelse.pdf'", "tecknet \\"),
        ("'skrivelse.pdf?x=1'", "tecknet ?"),
        ("'skrivelse.pdf#sida=2'", "tecknet #"),
        ("_intern.pdf", "publiceras aldrig"),
        (".dold.pdf", "publiceras aldrig"),
        ("Skrivelse.pdf", "filen heter 'skrivelse.pdf'"),
    ],
)
def test_attachments_cannot_leave_bilagor(tmp_path: Path, value: str, hint: str) -> None:
    write(tmp_path / "bilagor" / "skrivelse.pdf", PDF)
    write(tmp_path / "bilagor" / "_intern.pdf", PDF)
    write(tmp_path / "bilagor" / ".dold.pdf", PDF)
    path = write_report(tmp_path, fields={"bilagor": f"[{value}]"})
    p = assert_problem(check(tmp_path), "PO315", path, EXTRA, tmp_path)
    assert hint in p.message


def test_an_attachment_symlink_out_of_bilagor_is_refused_twice(tmp_path: Path) -> None:
    secret = write(tmp_path.parent / f"{tmp_path.name}-hemlig.pdf", PDF)
    (tmp_path / "bilagor").mkdir()
    link = tmp_path / "bilagor" / "skrivelse.pdf"
    link.symlink_to(secret)
    path = write_report(tmp_path, fields={"bilagor": "[skrivelse.pdf]"})
    result = check(tmp_path)
    assert_problem(result, "PO315", path, EXTRA, tmp_path)
    assert_problem(result, "PO122", link, 1, tmp_path)


def test_an_attachment_named_in_another_unicode_form_is_explained(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "skrivelse-åtgärd.pdf")
    write(tmp_path / "bilagor" / nfd, PDF)
    path = write_report(tmp_path, fields={"bilagor": "[skrivelse-åtgärd.pdf]"})
    p = assert_problem(check(tmp_path), "PO315", path, EXTRA, tmp_path)
    assert "exakt det namnet" in p.message


# --- links in the text cannot leave the site ---------------------------------------------------


@pytest.mark.parametrize(
    "target",
    ["../../../etc/passwd", "../../../../../../etc/passwd", "/etc/passwd", "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
     "..%2f..%2f..%2fetc", "..\\..\\..\\etc\\passwd", "&#46;&#46;/&#46;&#46;/&#46;&#46;/x", "sida\\x"],
)
def test_links_out_of_the_site_are_po505(tmp_path: Path, target: str) -> None:
    write_report(tmp_path, body=BRIST_BODY + f"\nSe [filen]({target}) och ![bild]({target}).\n")
    result = check(tmp_path)
    found = [p for p in result.problems if p.code == "PO505"]
    assert len(found) == 2, [p.format() for p in result.problems]
    assert all(p.path == "brister/2025/B-2025-001-rapport.md" for p in found)


@pytest.mark.parametrize(
    "target",
    ["../../bilagor/skrivelse.pdf", "../B-2025-002/", "../../positivt/P-2025-001/", "#beskrivning",
     "https://example.org/../../x", "//example.org/x", "mailto:a@example.org"],
)
def test_links_inside_the_site_pass(tmp_path: Path, target: str) -> None:
    write_report(tmp_path, body=BRIST_BODY + f"\nSe [sidan]({target}).\n")
    assert_clean(check(tmp_path))


# --- file names ---------------------------------------------------------------------------------


def test_names_that_differ_only_in_case_are_po123(tmp_path: Path) -> None:
    write_report(tmp_path, name="B-2025-001-a.md")
    second = write_report(tmp_path, name="b-2025-001-A.md")
    result = check(tmp_path)
    p = assert_problem(result, "PO123", second, 1, tmp_path)
    assert "B-2025-001-a.md" in p.message and "stora och små" in p.message


def test_names_that_differ_only_in_unicode_form_are_po123(tmp_path: Path) -> None:
    nfc = "B-2025-001-åtgärd.md"
    write_report(tmp_path, name=nfc)
    nfd = write_report(tmp_path, name=unicodedata.normalize("NFD", nfc))
    files = sorted(p.name for p in nfd.parent.iterdir())
    result = check(tmp_path)
    p = only(result, "PO123")
    assert p.path == f"brister/2025/{files[1]}"
    assert "å, ä eller ö" in p.message


def test_attachments_that_clash_by_case_are_po123(tmp_path: Path) -> None:
    write(tmp_path / "bilagor" / "Skrivelse.pdf", PDF)
    write(tmp_path / "bilagor" / "skrivelse.pdf", PDF)
    write_report(tmp_path)
    assert only(check(tmp_path), "PO123").path == "bilagor/skrivelse.pdf"


@pytest.mark.parametrize(
    "name",
    ["B-2025-001-telefon.MD", "B-2025-001-åtgärd.md", unicodedata.normalize("NFD", "B-2025-001-åtgärd.md"),
     "B-2025-001-😀.md", "B-2025-001.Md"],
)
def test_odd_but_harmless_names_are_read(tmp_path: Path, name: str) -> None:
    write_report(tmp_path, name=name)
    result = check(tmp_path)
    assert_clean(result)
    assert [r.id for r in result.content.reports] == ["B-2025-001"]


@pytest.mark.parametrize("name", ["B-2025-001 telefon.md", "telefon B-2025-001.md", " B-2025-001.md"])
def test_names_with_spaces_before_the_id_are_po301(tmp_path: Path, name: str) -> None:
    path = write_report(tmp_path, name=name)
    assert_problem(check(tmp_path), "PO301", path, 2, tmp_path)


# --- files that would run script in a browser ----------------------------------------------------

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'


@pytest.mark.parametrize(
    ("inner", "what"),
    [
        ("<script>alert(1)</script>", "<script>"),
        ("<SCRIPT>alert(1)</SCRIPT>", "<SCRIPT>"),
        ('<circle onload="alert(1)"/>', "onload"),
        ('<circle ONCLICK="alert(1)"/>', "onclick"),
        ('<a xlink:href="javascript:alert(1)"><text>x</text></a>', "javascript"),
        ('<a href=" j&#x61;va&#x09;script:alert(1)"><text>x</text></a>', "javascript"),
        ('<a href="data:text/html,&lt;script&gt;"><text>x</text></a>', "data"),
        ('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>', "foreignObject"),
        ('<h:img xmlns:h="http://www.w3.org/1999/xhtml" src="x"/>', "HTML"),
        ('<a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a>', "animering"),
        ('<animate attributeName="xlink:href" values="javascript:alert(1)"/>', "animering"),
        ("<iframe src='https://example.org'/>", "iframe"),
    ],
)
def test_svg_attachments_with_script_are_po124(tmp_path: Path, inner: str, what: str) -> None:
    svg = write(tmp_path / "bilagor" / "bild.svg", SVG.format(inner))
    write_report(tmp_path)
    p = assert_problem(check(tmp_path), "PO124", svg, 1, tmp_path)
    assert what.lower() in p.message.lower()


@pytest.mark.parametrize(
    "data",
    [
        '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "&#60;script&#62;">]><svg>&x;</svg>',
        '<?xml-stylesheet type="text/xsl" href="x.xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>',
        '<svg xmlns="http://www.w3.org/2000/svg"><circle',
    ],
    ids=["doctype-entity", "stylesheet", "broken"],
)
def test_svg_that_cannot_be_read_safely_is_po124(tmp_path: Path, data: str) -> None:
    write(tmp_path / "bilagor" / "bild.svg", data)
    write_report(tmp_path)
    assert only(check(tmp_path), "PO124")


def test_a_clean_svg_passes(tmp_path: Path) -> None:
    write(tmp_path / "bilagor" / "bild.svg", SVG.format(
        '<title>Karta</title><a xlink:href="https://example.org"><circle r="4"/></a>'
        '<image href="data:image/png;base64,iVBORw0KGgo="/>'))
    write_report(tmp_path)
    assert_clean(check(tmp_path))


@pytest.mark.parametrize("name", ["sida.html", "bilagor/brev.htm", "js/egen.js", "bilagor/a.xhtml", "x.svgz",
                                  "om/karta.xsl"])
def test_html_and_javascript_files_are_po124(tmp_path: Path, name: str) -> None:
    path = write(tmp_path / name, "<p>hej</p>")
    write_report(tmp_path)
    assert_problem(check(tmp_path), "PO124", path, 1, tmp_path)


@pytest.mark.parametrize("name", ["brister/2025/utkast.html", "_mallar/sida.html", ".git/hooks/x.js"])
def test_files_that_are_never_published_are_not_po124(tmp_path: Path, name: str) -> None:
    write(tmp_path / name, "<script>alert(1)</script>")
    write_report(tmp_path)
    assert_no_errors(check(tmp_path))


def test_script_in_an_own_page_is_a_warning_po506(tmp_path: Path) -> None:
    write_report(tmp_path)
    page = write(tmp_path / "om.md", "# Om\n\n<div class=\"kort\">Text</div>\n\n<script>alert(1)</script>\n\n"
                 "<img src=\"x.png\" onerror=\"alert(1)\">\n\n[x](javascript:alert(1))\n")
    result = check(tmp_path)
    assert_no_errors(result)
    found = [p for p in result.problems if p.code == "PO506"]
    assert [(p.path, p.line) for p in found] == [(page.name, 5), (page.name, 7), (page.name, 9)]
    assert all(p.severity == "varning" for p in found)


def test_check_stays_fast_on_a_tree_with_many_odd_files(tmp_path: Path) -> None:
    write_report(tmp_path)
    for i in range(300):
        write(tmp_path / "bilagor" / f"bild-{i}.svg", SVG.format(f"<circle r='{i}'/>"))
        write(tmp_path / "_skräp" / f"fil-{i}.html", "<script>x</script>")
    assert_clean(check(tmp_path))
    assert TODAY  # the fixed day of every check in the tests


_TIMED_PAGE = """
import sys
from pathlib import Path
from tests.helpers import check, write, write_report
root = Path(sys.argv[1])
write_report(root)
write(root / "om.md", "# Om\\n\\n" + sys.stdin.read() + "\\n")
print(",".join(p.code for p in check(root).problems))
"""


@pytest.mark.parametrize(
    "line",
    ["<a " * 30_000, "<a href=" * 30_000, "<a x" * 100_000 + " onclick=1", "{:" * 50_000 + " onclick=1",
     "[x](" * 50_000, "<!--" * 50_000, "`" * 100_000],
    ids=["open-tags", "open-hrefs", "handler-at-the-end", "attribute-lists", "open-links", "comments", "backticks"],
)
def test_long_lines_in_own_pages_are_checked_quickly(tmp_path: Path, line: str) -> None:
    """One regular expression with a lazy repetition took 47 s on 90 000 characters of '<a '.

    The timeout only keeps a hang from stopping the suite; how long these inputs take is
    measured in benchmarks/limits_bench.py.
    """
    import subprocess
    import sys

    repo = Path(__file__).resolve().parent.parent
    try:
        subprocess.run([sys.executable, "-c", _TIMED_PAGE, str(tmp_path)], input=line, text=True,
                       capture_output=True, cwd=repo, timeout=300, check=True)
    except subprocess.TimeoutExpired:
        pytest.fail(f"kontrollen av en egen sida med en rad på {len(line)} tecken hängde sig")
