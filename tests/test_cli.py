"""The `po` command: exit codes, the three output formats, paths, Swedish throughout."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from po_build.cli.main import main
from tests.helpers import report_text, write, write_report, write_year

IDAG = ["--idag", "2026-11-22"]
LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+):(?P<col>\d+): (?P<code>PO\d{3}) (?P<msg>.+)$")
SUMMARY = re.compile(r"^(Inga fel i \d+ filer|\d+ fel i \d+ av \d+ filer)(, \d+ varning(ar)?)?$")
ENGLISH = ("Traceback", "Error", "error:", "usage:", "arguments", "options", "invalid", "expected")


def _site(root: Path, docs_dir: str = "content") -> Path:
    """A site repository with mkdocs.yml and three valid files."""
    write(root / "mkdocs.yml", f"site_name: Test\ndocs_dir: {docs_dir}\nplugins:\n  - po\n")
    content = root / docs_dir
    write_report(content)
    write_report(content, "positiv")
    write_year(content)
    return content


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["check", *args, *IDAG])
    out, err = capsys.readouterr()
    return code, out, err


def _assert_swedish(text: str) -> None:
    for word in ENGLISH:
        assert word not in text, f"{word!r} in output:\n{text}"


# --- exit codes ---------------------------------------------------------------------------------


def test_valid_tree_exits_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _site(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "content")
    assert code == 0
    assert out == "Inga fel i 3 filer\n"
    assert err == ""


def test_errors_exit_1_with_located_lines_and_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _site(tmp_path)
    write_report(content, fields={"id": "B-2025-002", "rubrik": "kort", "datum": "2025-02-30"})
    write_report(content, fields={"id": "B-2025-003", "kategoriier": "[samordning]"})
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "content")
    assert code == 1
    lines = out.splitlines()
    assert lines == [
        "content/brister/2025/B-2025-002-rapport.md:4:9: PO205 rubriken har 4 tecken, minst 10 – "
        "skriv en rubrik som säger vad bristen gäller",
        "content/brister/2025/B-2025-002-rapport.md:5:8: PO207 '2025-02-30' är inget riktigt "
        "datum – kontrollera månad och dag",
        "content/brister/2025/B-2025-003-rapport.md:11:1: PO202 okänt fält 'kategoriier' – "
        "menade du 'kategorier'?",
        "3 fel i 2 av 5 filer",
    ]
    assert all(LINE.match(line) for line in lines[:-1])
    assert SUMMARY.match(lines[-1])
    assert err == ""
    _assert_swedish(out)


def test_warnings_alone_exit_0(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _site(tmp_path)
    write_report(content, fields={"id": "B-2024-001", "datum": "2024-03-14"}, year="2025")
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys, "content")
    assert code == 0
    first, summary = out.splitlines()
    assert first.startswith("content/brister/2025/B-2024-001-rapport.md:2:5: PO321 varning: ")
    assert summary == "Inga fel i 4 filer, 1 varning"


def test_errors_and_warnings_in_the_summary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _site(tmp_path)
    write_report(content, fields={"id": "B-2024-001", "datum": "2024-03-14"}, year="2025")
    write_report(content, fields={"id": "B-2024-002", "datum": "2024-03-14"}, year="2025")
    write_report(content, fields={"id": "B-2025-009", "rubrik": "kort"})
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys, "content")
    assert code == 1
    assert out.splitlines()[-1] == "1 fel i 1 av 6 filer, 2 varningar"


def test_personal_data_is_refused_by_po_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _site(tmp_path)
    body = (
        "\n## Beskrivning\n\nKlienten (19850312-1234) fick avslag.\n"
        + "\n".join(
            f"\n## {h}\n\nText." for h in ("Orsaker", "Konsekvenser", "Förslag till åtgärder")
        )
        + "\n"
    )
    write_report(content, fields={"id": "B-2025-002"}, body=body)
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys, "content")
    assert code == 1
    assert out.splitlines()[0].startswith(
        "content/brister/2025/B-2025-002-rapport.md:15:11: PO401 "
    )


# --- misuse exits 2 -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        ["check", "--okand"],
        ["check", "--format", "xml"],
        ["check", "--format"],
        ["bygg"],
        ["--okand"],
    ],
)
def test_misuse_exits_2_in_swedish(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
) -> None:
    _site(tmp_path)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exc:
        main(argv)
    assert exc.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith("användning: po")
    assert "användning: användning:" not in err
    assert "po: " in err and "(se 'po --hjälp')" in err
    _assert_swedish(err)


def test_no_command_shows_swedish_help_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    out, _ = capsys.readouterr()
    assert out.startswith("användning: po")
    assert "check" in out
    _assert_swedish(out)


def test_help_is_swedish(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["check", "--hjälp"])
    assert exc.value.code == 0
    out, _ = capsys.readouterr()
    assert out.startswith("användning: po check")
    assert "SÖKVÄG" in out and "--format" in out
    _assert_swedish(out)


def test_nonexistent_path_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _site(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "finns-inte")
    assert code == 2
    assert out == ""
    assert err == "po: 'finns-inte' finns inte – kontrollera sökvägen\n"


def test_no_mkdocs_yml_and_no_path_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys)
    assert code == 2
    assert out == ""
    assert "mkdocs.yml" in err and "po check content" in err
    _assert_swedish(err)


def test_bad_idag_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _site(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "content", "--idag", "igår"]) == 2
    assert "ÅÅÅÅ-MM-DD" in capsys.readouterr().err


def test_broken_mkdocs_yml_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "mkdocs.yml", "site_name: [\n")
    monkeypatch.chdir(tmp_path)
    code, _, err = _run(capsys)
    assert code == 2
    assert err == "po: mkdocs.yml går inte att läsa (rad 2) – se över indrag och kolon\n"


# --- the default path ---------------------------------------------------------------------------


def test_default_path_is_docs_dir_of_mkdocs_yml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _site(tmp_path, docs_dir="innehall")
    write_report(content, fields={"id": "B-2025-002", "rubrik": "kort"})
    write_report(tmp_path / "content", fields={"rubrik": "kort"})  # not the docs_dir: not read
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys)
    assert code == 1
    assert out.splitlines() == [
        "innehall/brister/2025/B-2025-002-rapport.md:4:9: PO205 rubriken har 4 tecken, minst 10 "
        "– skriv en rubrik som säger vad bristen gäller",
        "1 fel i 1 av 4 filer",
    ]


def test_mkdocs_yml_with_python_tags_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _site(tmp_path)
    write(
        tmp_path / "mkdocs.yml",
        "site_name: Test\ndocs_dir: content\nmarkdown_extensions:\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n  nyckel: !ENV [NYCKEL, x]\n",
    )
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys)
    assert (code, out) == (0, "Inga fel i 3 filer\n")


def test_docs_dir_defaults_to_docs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path / "mkdocs.yml", "site_name: Test\n")
    write_report(tmp_path / "docs")
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys)
    assert (code, out) == (0, "Inga fel i 1 fil\n")


# --- what is checked and how paths are shown ----------------------------------------------------


def test_single_file_reports_only_that_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _site(tmp_path)
    bad = write_report(content, fields={"id": "B-2025-002", "rubrik": "kort"})
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys, "content/brister/2025/B-2025-001-rapport.md")
    assert (code, out) == (0, "Inga fel i 1 fil\n")
    code, out, _ = _run(capsys, str(bad))
    assert code == 1
    assert out.splitlines()[-1] == "1 fel i 1 av 1 fil"
    assert out.startswith("content/brister/2025/B-2025-002-rapport.md:4:9: PO205 ")


def test_single_file_still_sees_the_whole_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """relaterade and duplicate ids need the other files, even when one file is checked."""
    content = _site(tmp_path)
    write_report(content, fields={"id": "B-2025-002", "relaterade": "[P-2025-001]"})
    dup = write_report(content, year="2026", name="B-2025-001-kopia.md")
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys, "content/brister/2025/B-2025-002-rapport.md")
    assert (code, out) == (0, "Inga fel i 1 fil\n")
    code, out, _ = _run(capsys, str(dup.relative_to(tmp_path)))
    assert code == 1
    assert "PO302" in out


def test_two_files_of_one_tree(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _site(tmp_path)
    write_report(content, fields={"id": "B-2025-002", "rubrik": "kort"})
    write_report(content, fields={"id": "B-2025-003", "rubrik": "kortare"})
    write_report(content, fields={"id": "B-2025-004", "rubrik": "kortast"})
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(
        capsys,
        "content/brister/2025/B-2025-002-rapport.md",
        "content/brister/2025/B-2025-004-rapport.md",
    )
    assert code == 1
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == [
        "content/brister/2025/B-2025-002-rapport.md",
        "content/brister/2025/B-2025-004-rapport.md",
    ]
    assert out.splitlines()[-1] == "2 fel i 2 av 2 filer"


def test_paths_are_relative_to_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _site(tmp_path)
    write_report(content, fields={"id": "B-2025-002", "rubrik": "kort"})
    monkeypatch.chdir(content / "brister")
    code, out, _ = _run(capsys, ".")
    assert code == 1
    assert out.startswith("2025/B-2025-002-rapport.md:4:9: PO205 ")
    assert out.splitlines()[-1] == "1 fel i 1 av 4 filer"


def test_single_file_from_inside_its_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`cd content/brister/2025 && po check B-2025-002-rapport.md` must not hide its errors."""
    content = _site(tmp_path)
    write_report(content, fields={"id": "B-2025-002", "rubrik": "kort"})
    monkeypatch.chdir(content / "brister" / "2025")
    code, out, _ = _run(capsys, "B-2025-002-rapport.md")
    assert code == 1
    assert out.splitlines() == [
        "B-2025-002-rapport.md:4:9: PO205 rubriken har 4 tecken, minst 10 – skriv en rubrik som "
        "säger vad bristen gäller",
        "1 fel i 1 av 1 fil",
    ]


def test_idag_moves_the_future(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _site(tmp_path)
    write_report(content, fields={"id": "B-2026-001", "datum": "2026-11-22"})
    monkeypatch.chdir(tmp_path)
    assert main(["check", "content", "--idag", "2026-11-22"]) == 0
    assert main(["check", "content", "--idag", "2026-11-21"]) == 1
    assert "PO303" in capsys.readouterr().out


# --- formats ------------------------------------------------------------------------------------


def _broken_site(root: Path) -> None:
    content = _site(root)
    write_report(content, fields={"id": "B-2025-002", "rubrik": "kort"})
    write_report(content, fields={"id": "B-2024-001", "datum": "2024-03-14"}, year="2025")


def test_github_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _broken_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys, "content", "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == (
        "::warning file=content/brister/2025/B-2024-001-rapport.md,line=2,col=5,title=PO321::"
        "rapporten ligger i mappen '2025' men id:t är från 2024 – flytta den till brister/2024/"
    )
    assert lines[1] == (
        "::error file=content/brister/2025/B-2025-002-rapport.md,line=4,col=9,title=PO205::"
        "rubriken har 4 tecken, minst 10 – skriv en rubrik som säger vad bristen gäller"
    )
    assert lines[2] == "1 fel i 1 av 5 filer, 1 varning"
    pattern = re.compile(r"^::(error|warning) file=[^,]+,line=\d+,col=\d+,title=PO\d{3}::.+$")
    assert all(pattern.match(line) for line in lines[:-1])


def test_github_format_escapes_newlines_and_percent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    content = _site(tmp_path)
    write_report(content, fields={"id": "B-2025-002", "typ": '"100%\\nbrist"'})
    monkeypatch.chdir(tmp_path)
    _, out, _ = _run(capsys, "content", "--format", "github")
    first = out.splitlines()[0]
    assert first.startswith(
        "::error file=content/brister/2025/B-2025-002-rapport.md,line=3,col=6,title=PO211::"
    )
    assert "100%25%0Abrist" in first
    assert len(out.splitlines()) == 2


def test_json_format(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _broken_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys, "content", "--format", "json")
    assert code == 1
    data = json.loads(out)
    assert {"filer", "fel", "varningar", "problem"} <= set(data)
    assert (data["filer"], data["fel"], data["varningar"]) == (5, 1, 1)
    assert data["problem"] == [
        {
            "fil": "content/brister/2025/B-2024-001-rapport.md",
            "rad": 2,
            "kolumn": 5,
            "kod": "PO321",
            "nivå": "varning",
            "meddelande": "rapporten ligger i mappen '2025' men id:t är från 2024 – flytta den "
            "till brister/2024/",
        },
        {
            "fil": "content/brister/2025/B-2025-002-rapport.md",
            "rad": 4,
            "kolumn": 9,
            "kod": "PO205",
            "nivå": "fel",
            "meddelande": "rubriken har 4 tecken, minst 10 – skriv en rubrik som säger vad "
            "bristen gäller",
        },
    ]
    assert "å" in out  # not \u00e5: readable in a log


def test_json_format_when_all_is_well(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _site(tmp_path)
    monkeypatch.chdir(tmp_path)
    code, out, _ = _run(capsys, "content", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert (data["filer"], data["fel"], data["varningar"], data["problem"]) == (3, 0, 0, [])


# --- the installed command ----------------------------------------------------------------------


def _po() -> Path:
    po = Path(sys.executable).parent / "po"
    if not po.exists():
        pytest.skip("the po command is not installed in this environment")
    return po


def test_installed_po_command(tmp_path: Path) -> None:
    content = _site(tmp_path)
    ok = subprocess.run(
        [_po(), "check", *IDAG],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (ok.returncode, ok.stdout, ok.stderr) == (0, "Inga fel i 3 filer\n", "")

    write(
        content / "brister" / "2025" / "B-2025-002-trasig.md",
        report_text(fields={"id": "B-2025-002", "rubrik": "Beslut: avslag"}),
    )
    (content / "brister" / "2025" / "B-2025-003-latin1.md").write_bytes(
        report_text(fields={"id": "B-2025-003"}).encode("utf-8").replace("å".encode(), b"\xe5")
    )
    write(content / "brister" / "2025" / "B-2025-004-tom.md", "")
    bad = subprocess.run(
        [_po(), "check", "content", *IDAG],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert bad.returncode == 1
    assert bad.stderr == ""
    lines = bad.stdout.splitlines()
    assert [LINE.match(line)["code"] for line in lines[:-1]] == ["PO106", "PO101", "PO103"]
    assert lines[0].startswith("content/brister/2025/B-2025-002-trasig.md:4:15: PO106 ")
    assert lines[-1] == "3 fel i 3 av 6 filer"
    _assert_swedish(bad.stdout)

    misuse = subprocess.run(
        [_po(), "check", "--okand"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert misuse.returncode == 2
    _assert_swedish(misuse.stderr)
