"""The next free report id.

Ids are never reused: the next id is one more than the highest in use, counting files with
errors and files on other branches, because an id that has once been in a letter or in the
steering group's minutes must keep pointing at one report.
"""

from __future__ import annotations

import re
from pathlib import Path

from po_build.cli.common import run_git
from po_build.contract.advice import ID_PREFIX
from po_build.contract.layout import REPORT_DIR
from po_build.contract.schema import ID_PARTS_RE

ID_IN_NAME = re.compile("^" + ID_PARTS_RE.pattern)


_ID_IN_TEXT = re.compile(r"^id[ \t]*:[ \t]*[\"']?" + ID_PARTS_RE.pattern, re.MULTILINE)


def ids_in_folder(report_dir: Path) -> set[str]:
    """Every id in a file name or an `id:` line, in files with errors too."""
    found: set[str] = set()
    if not report_dir.is_dir():
        return found
    for path in report_dir.rglob("*"):
        if not path.is_file():
            continue
        m = ID_IN_NAME.match(path.name)
        if m:
            found.add("-".join(m.groups()))
        if path.suffix.lower() == ".md":
            try:
                head = path.read_bytes()[:8192].decode("utf-8", "replace")
            except OSError:
                continue
            found.update("-".join(m.groups()) for m in _ID_IN_TEXT.finditer(head))
    return found


def ids_on_branches(report_dir: Path, max_refs: int = 200) -> set[str]:
    """Ids in file names on every local and remote branch.

    Two ombud writing at the same time on different branches would otherwise both
    pick the same number, and only find out when the second pull request fails.
    """
    found: set[str] = set()
    if not report_dir.is_dir():
        return found
    top = run_git(["rev-parse", "--show-toplevel"], report_dir)
    if not top:
        return found
    try:
        rel = report_dir.resolve().relative_to(Path(top.strip()).resolve()).as_posix()
    except ValueError:
        return found
    root = Path(top.strip())
    refs = run_git(["for-each-ref", "--format=%(refname)", "refs/heads", "refs/remotes"], root) or ""
    for ref in [r for r in refs.split() if not r.endswith("/HEAD")][:max_refs]:
        # ls-tree reads paths from the current folder: run it from the top of the repository.
        names = run_git(["ls-tree", "-r", "--name-only", ref, "--", rel], root) or ""
        for name in names.splitlines():
            m = ID_IN_NAME.match(name.rsplit("/", 1)[-1])
            if m:
                found.add("-".join(m.groups()))
    return found


def next_id(content: Path, kind: str, year: int, use_git: bool = True) -> str:
    """One more than the highest number in use for the year; gaps are never filled."""
    report_dir = content / REPORT_DIR
    used = ids_in_folder(report_dir) | (ids_on_branches(report_dir) if use_git else set())
    prefix = f"{ID_PREFIX[kind]}-{year}-"
    numbers = [int(i[len(prefix):]) for i in used if i.startswith(prefix)]
    return f"{prefix}{max(numbers, default=0) + 1:03d}"
