"""Rules across files: `relaterade` names existing reports, `bilagor` existing attachments."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from po_build.contract.layout import ATTACHMENT_DIR, is_ignored
from po_build.load.frontmatter import Document, load_document
from po_build.model.problems import Problem, ProblemList, did_you_mean
from po_build.model.records import Content, Report


def check_relations(
    content: Content,
    known_ids: set[str],
    docs_dir: Path,
    shown: Callable[[str], str],
    all_problems: list[Problem],
) -> None:
    """`relaterade` must name existing reports and `bilagor` existing files in content/bilagor/."""
    ids = content.by_id()
    bilagor_root = (docs_dir / ATTACHMENT_DIR).resolve()
    keep: list[Report] = []
    for report in content.reports:
        problems = ProblemList(shown(report.source))
        doc_pos = _positions_for(docs_dir / report.source)
        for i, other in enumerate(report.relaterade):
            if other == report.id:
                problems.add("PO314", "en rapport kan inte vara relaterad till sig själv",
                             doc_pos(("relaterade", i)))
            elif other not in ids and other in known_ids:
                # The other file exists but has errors of its own, reported there; one
                # mistake should not show up as a second, puzzling one here.
                problems.add(
                    "PO324",
                    f"relaterade: '{other}' har egna fel (se den filen) – rätta dem först",
                    doc_pos(("relaterade", i)),
                )
            elif other not in ids:
                problems.add(
                    "PO314",
                    f"relaterade: '{other}' finns inte{did_you_mean(other, ids)} – "
                    "kontrollera id:t (rapporter med fel räknas inte)",
                    doc_pos(("relaterade", i)),
                )
        for i, attachment in enumerate(report.bilagor):
            message = attachment_problem(attachment, bilagor_root)
            if message:
                problems.add("PO315", message, doc_pos(("bilagor", i)))
        all_problems += problems
        if not problems.has_errors:
            keep.append(report)
    content.reports[:] = keep


_ATTACHMENT_CHARS = re.compile(r"[%?#\\:*\"<>|\x00-\x1f\x7f]")


def attachment_problem(attachment: str, bilagor_root: Path) -> str | None:
    """Why an attachment path is refused, or None. Paths may not leave content/bilagor/.

    The name is also a link on the site, so characters with a meaning in web addresses
    (% ? # \\) are refused, and the name must match the file exactly, letter case and
    å, ä, ö included: the server that hosts the site tells 'A' from 'a'.
    """
    pure = PurePosixPath(attachment.replace("\\", "/"))
    if pure.is_absolute() or ".." in pure.parts or re.match(r"^[A-Za-z]:", attachment):
        return (
            f"bilagan '{attachment}' måste ligga i content/bilagor/ – skriv bara filnamnet, "
            "t.ex. 'skrivelse-2025.pdf'"
        )
    bad = _ATTACHMENT_CHARS.search(attachment)
    if bad:
        char = bad.group()
        shown_char = char if char.isprintable() else f"U+{ord(char):04X}"
        return (
            f"bilagans namn '{attachment}' innehåller tecknet {shown_char}, som inte fungerar i en "
            "webbadress – byt namn på filen (bara a–z, 0–9, bindestreck och punkt) och skriv samma namn här"
        )
    parts = pure.parts[1:] if pure.parts and pure.parts[0] == ATTACHMENT_DIR else pure.parts
    if not parts:
        return f"bilagan '{attachment}' är inget filnamn – skriv t.ex. 'skrivelse-2025.pdf'"
    if is_ignored(PurePosixPath(*parts)):
        return (
            f"bilagan '{attachment}' börjar med _ eller . och sådana filer publiceras aldrig – "
            "byt namn på filen"
        )
    target = bilagor_root.joinpath(*parts)
    if target.is_symlink():
        return f"bilagan '{attachment}' är en genväg (symlänk) – lägg själva filen i content/bilagor/"
    if not target.is_file() or not _exact_name(bilagor_root, parts):
        existing = sorted(p.name for p in bilagor_root.glob("*")) if bilagor_root.is_dir() else []
        near = _same_file_name(target.parent, parts[-1]) if target.parent.is_dir() else None
        if near is not None:
            return (
                f"bilagan '{attachment}' finns inte med exakt det namnet – filen heter '{near}' "
                "(stora och små bokstäver, å, ä och ö skiljer); skriv namnet likadant, eller byt namn "
                "på filen till bara a–z, 0–9 och bindestreck"
            )
        return (
            f"bilagan '{attachment}' finns inte i content/bilagor/{did_you_mean(attachment, existing)}"
            " – lägg filen där eller rätta namnet"
        )
    try:
        target.resolve().relative_to(bilagor_root.resolve())
    except ValueError:
        return f"bilagan '{attachment}' pekar ut ur content/bilagor/"
    return None


def _exact_name(root: Path, parts: tuple[str, ...]) -> bool:
    """Every part named exactly so on disk (a Mac or Windows disk finds 'Skrivelse.pdf' for 'skrivelse.pdf')."""
    folder = root
    for part in parts:
        try:
            if part not in os.listdir(folder):
                return False
        except OSError:
            return False
        folder = folder / part
    return True


def _same_file_name(folder: Path, name: str) -> str | None:
    """The file in `folder` whose name differs from `name` only in case or Unicode form."""
    key = unicodedata.normalize("NFC", name).casefold()
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return None
    for other in names:
        if other != name and unicodedata.normalize("NFC", other).casefold() == key:
            return other
    return None


def _positions_for(path: Path) -> Callable[[tuple[Any, ...]], tuple[int, int]]:
    """Re-read positions for cross-file messages (rare: only files that have such errors)."""
    cache: dict[str, Document | None] = {}

    def pos(p: tuple[Any, ...]) -> tuple[int, int]:
        if "doc" not in cache:
            cache["doc"] = load_document(path, "", ProblemList(""))
        doc = cache["doc"]
        return doc.pos(*p) if doc else (1, 1)

    return pos
