"""Shared helpers for tests: write valid content files, then break them one field at a time.

A report is written from an ordered mapping of front-matter keys to the YAML text
after `key: `, so a test can replace one value, drop a key or add one, and still
know on which line every key stands (`line_of`). Values that span several lines
start with a newline.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path

from po_build.check.result import Result
from po_build.check.tree import check_tree
from po_build.model.problems import Problem

TODAY = date(2026, 11, 22)

BRIST_FIELDS: dict[str, str] = {
    "id": "B-2025-001",
    "typ": "brist",
    "rubrik": "Handläggare går inte att nå per telefon",
    "datum": "2025-03-14",
    "nivå": "lokal",
    "kategorier": "[tillganglighet, samordning]",
    "aktörer": "[forsakringskassan, socialtjansten]",
    "allvarlighet": "hög",
    "status": "påtalad",
}

POSITIV_FIELDS: dict[str, str] = {
    "id": "P-2025-001",
    "typ": "positiv",
    "rubrik": "Samordnat möte löste boendet på en vecka",
    "datum": "2025-04-02",
    "kategorier": "[samordning]",
    "aktörer": "[socialtjansten, psykiatrin]",
}

BRIST_BODY = """
## Beskrivning

Klienterna når inte sin handläggare per telefon och får inga svar på meddelanden.

## Orsaker

Telefontiderna har tagits bort och ärendena fördelas utan fast handläggare.

## Konsekvenser

Ansökningar blir liggande och ersättningar betalas ut för sent.

## Förslag till åtgärder

Inför fasta telefontider och en fast handläggare för klientgruppen.
"""

POSITIV_BODY = """
## Händelse

Socialtjänsten och psykiatrin bjöd in till ett gemensamt möte inom en vecka.
"""

FIELDS = {"brist": BRIST_FIELDS, "positiv": POSITIV_FIELDS}
BODIES = {"brist": BRIST_BODY, "positiv": POSITIV_BODY}


def front_matter(fields: Mapping[str, str | None]) -> str:
    """'---', one `key: value` per entry (None: left out), '---'."""
    lines = ["---"]
    for key, value in fields.items():
        if value is None:
            continue
        sep = "" if value.startswith("\n") or value == "" else " "
        lines.append(f"{key}:{sep}{value}")
    lines.append("---")
    return "\n".join(lines) + "\n"


def report_text(
    kind: str = "brist",
    fields: Mapping[str, str | None] | None = None,
    drop: Iterable[str] = (),
    body: str | None = None,
) -> str:
    """A valid report of `kind`, with `fields` replaced or added and `drop` left out."""
    merged: dict[str, str | None] = dict(FIELDS[kind])
    merged.update(fields or {})
    for key in drop:
        merged.pop(key, None)
    return front_matter(merged) + (BODIES[kind] if body is None else body)


def report_path(root: Path, report_id: str, slug: str = "rapport", year: str | None = None) -> Path:
    year = year or (report_id[2:6] if len(report_id) >= 6 else "2025")
    return root / "brister" / year / f"{report_id}-{slug}.md"


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8"))
    return path


def write_report(
    root: Path,
    kind: str = "brist",
    fields: Mapping[str, str | None] | None = None,
    drop: Iterable[str] = (),
    body: str | None = None,
    *,
    name: str | None = None,
    year: str | None = None,
    text: str | bytes | None = None,
) -> Path:
    """Write a report under root/brister/<year>/ and return its path.

    The file name is `<id>-rapport.md` unless `name` is given; `text` replaces
    the whole file (front matter included).
    """
    report_id = (fields or {}).get("id") or FIELDS[kind]["id"]
    report_id = report_id.strip("'\"")
    path = report_path(root, report_id, year=year)
    if name is not None:
        path = path.with_name(name)
    content = report_text(kind, fields, drop, body) if text is None else text
    return write(path, content)


def rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def line_of(
    path_or_text: Path | str, needle: str, occurrence: int = 1, *, exact: bool = False
) -> int:
    """1-based line of the `occurrence`-th line containing (or, `exact`, being) `needle`."""
    text = path_or_text.read_text("utf-8") if isinstance(path_or_text, Path) else path_or_text
    seen = 0
    for i, line in enumerate(text.split("\n"), start=1):
        if line == needle if exact else needle in line:
            seen += 1
            if seen == occurrence:
                return i
    raise AssertionError(f"{needle!r} not found")


def check(root: Path, today: date = TODAY) -> Result:
    """check_tree as the tests use it: fixed day, no identifier scanner, paths relative to root."""
    return check_tree(root, today=today, scanner=None, display_root=root)


def codes(result: Result) -> list[str]:
    return [p.code for p in result.problems]


def error_codes(result: Result) -> list[str]:
    return [p.code for p in result.errors]


def only(result: Result, code: str) -> Problem:
    """The single problem with `code`; fails with every problem listed otherwise."""
    found = [p for p in result.problems if p.code == code]
    assert len(found) == 1, f"expected one {code}, got: " + "\n".join(
        p.format() for p in result.problems
    )
    return found[0]


def assert_problem(
    result: Result,
    code: str,
    path: Path | str,
    line: int,
    root: Path | None = None,
    col: int | None = None,
) -> Problem:
    """Exactly one problem with `code`, in `path`, on `line` (and `col` when given)."""
    p = only(result, code)
    want = rel(path, root) if isinstance(path, Path) and root is not None else str(path)
    assert (p.path, p.line) == (want, line), p.format()
    if col is not None:
        assert p.col == col, p.format()
    return p


def assert_clean(result: Result) -> None:
    assert result.problems == [], "\n".join(p.format() for p in result.problems)


def assert_no_errors(result: Result) -> None:
    assert result.errors == [], "\n".join(p.format() for p in result.errors)


def write_year(
    root: Path,
    year: str = "2025",
    fields: Mapping[str, str | None] | None = None,
    body: str = "\nFörordet.\n\n<!-- po: nyckeltal -->\n",
    chapters: Mapping[str, tuple[str, int, str]] | None = None,
    *,
    index: bool = True,
) -> Path:
    """arsrapport/<year>/ with index.md and chapters {file stem: (rubrik, ordning, body)}."""
    folder = root / "arsrapport" / year
    folder.mkdir(parents=True, exist_ok=True)
    if index:
        merged: dict[str, str | None] = {"år": year, "titel": f"Årsrapport {year}"}
        merged.update(fields or {})
        write(folder / "index.md", front_matter(merged) + body)
    for stem, (rubrik, ordning, text) in (chapters or {}).items():
        write(
            folder / f"{stem}.md",
            front_matter({"rubrik": rubrik, "ordning": str(ordning)}) + text,
        )
    return folder
