"""Every entry under the content folder, found without following links, and which of them
are reports, yearly-report files and own pages."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from po_build.contract.layout import (
    ATTACHMENT_DIR,
    REPORT_DIR,
    REPORT_SUFFIX,
    YEAR_DIR,
    fold,
    is_ignored,
    is_page,
)

MAX_FILES = 50_000


# Everything under content/ is walked, also what is ignored; beyond this we stop looking.
MAX_ENTRIES = 2 * MAX_FILES


@dataclass
class Walk:
    """Every entry under docs_dir, found without following links."""

    files: list[PurePosixPath] = field(default_factory=list)  # regular files
    links: list[PurePosixPath] = field(default_factory=list)  # symbolic links, to files or folders
    special: list[PurePosixPath] = field(default_factory=list)  # pipes, sockets, devices
    unreadable: list[PurePosixPath] = field(default_factory=list)  # folders we may not list
    truncated: bool = False


def walk(docs_dir: Path) -> Walk:
    """All entries, sorted, without following symbolic links.

    A link is never followed: one pointing at /etc or at a parent folder would put
    files from the building computer on the site, or make the walk endless.
    """
    out = Walk()
    stack: list[tuple[Path, PurePosixPath]] = [(docs_dir, PurePosixPath())]
    count = 0
    while stack:
        folder, rel_folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            if rel_folder.parts:
                out.unreadable.append(rel_folder)
            continue
        subfolders = []
        for entry in entries:
            count += 1
            if count > MAX_ENTRIES:
                out.truncated = True
                return out
            rel = rel_folder / entry.name
            try:
                if entry.is_symlink():
                    out.links.append(rel)
                elif entry.is_dir(follow_symlinks=False):
                    subfolders.append((Path(entry.path), rel))
                elif entry.is_file(follow_symlinks=False):
                    out.files.append(rel)
                else:
                    out.special.append(rel)
            except OSError:
                out.unreadable.append(rel)
        stack.extend(reversed(subfolders))
    out.files.sort()
    return out


@dataclass
class Discovery:
    """What the paths alone say: reports, yearly-report files, ignored files, and Markdown files
    in the report folders saved with another suffix than .md (refused: never silently dropped)."""

    reports: list[PurePosixPath] = field(default_factory=list)
    years: list[PurePosixPath] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    wrong_suffix: list[PurePosixPath] = field(default_factory=list)


def discover(docs_dir: Path, found: Walk | None = None, loose: bool | None = None) -> Discovery:
    """Report files, yearly-report files, and ignored files, relative to docs_dir.

    A folder without brister/ and arsrapport/ (a loose set of files handed to `po check`) is
    read as reports, so a single file can be checked on its own; `loose=False` (the build, and
    `po check` of the site's docs_dir) never reads a site that way.
    """
    out = Discovery()
    loose = is_loose(docs_dir) if loose is None else loose
    for rel in (found or walk(docs_dir)).files:
        if not loose and rel.parts[0] not in (REPORT_DIR, YEAR_DIR):
            continue
        if is_ignored(rel):
            out.ignored.append(str(rel))
        elif rel.suffix.lower() != REPORT_SUFFIX:
            if is_page(rel):
                out.wrong_suffix.append(rel)
            elif not loose:
                out.ignored.append(str(rel))
        elif rel.parts[0] == YEAR_DIR and not loose:
            out.years.append(rel)
        elif loose and len(rel.parts) == 1 and rel.name == "index.md":
            continue
        else:
            out.reports.append(rel)
    return out


def is_loose(docs_dir: Path) -> bool:
    """No report or yearly-report folder, in any spelling: a loose set of files, not a site."""
    try:
        with os.scandir(docs_dir) as it:
            names = [e.name for e in it if e.is_dir()]
    except OSError:
        return True
    return not any(fold(name) in (fold(REPORT_DIR), fold(YEAR_DIR)) for name in names)


def other_pages(docs_dir: Path, found: Walk | None = None, loose: bool | None = None) -> list[PurePosixPath]:
    """Markdown pages outside the report folders (none when checking loose files).

    Any case of a Markdown suffix counts: MkDocs renders 'om.md' and publishes 'OM.MD'
    as it is, and both are read by the public, so both are checked.
    """
    if is_loose(docs_dir) if loose is None else loose:
        return []
    return [
        rel for rel in (found or walk(docs_dir)).files
        if rel.parts[0] not in (REPORT_DIR, YEAR_DIR, ATTACHMENT_DIR)
        and not is_ignored(rel)
        and is_page(rel)
    ]
