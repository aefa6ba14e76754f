"""Reports where the build would not read them as reports (PO127).

A draft saved at the content root or in `content/om/` would be an ordinary page, published
whole although `publicera: false`; one saved as `.markdown` in `brister/`, or as Notepad's
`.md.txt`, would be left out without a word. So every such file is read with the one rule of
load/sniff.py, and one that looks like a report where no report is read is an error that says
where to move it. Own pages that do not look like reports stay own pages.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from po_build.contract.layout import REPORT_SUFFIX
from po_build.load.sniff import Evidence, looks_like
from po_build.model.problems import ProblemList

MAX_SNIFF_BYTES = 1024 * 1024


def misplaced(text: str, rel: PurePosixPath, problems: ProblemList, by_id_or_type: bool = False) -> bool:
    """PO127 for an own page that looks like a report; True when it does.

    `by_id_or_type`: only a report's own `id:` or `typ:` counts (a chapter of a yearly report,
    whose stray `publicera:` is the schema's to refuse, is no report).
    """
    evidence = looks_like(text)
    if evidence is None or (by_id_or_type and not evidence.field.startswith(("typ:", "id:"))):
        return False
    kinds = "rapporter" if evidence.kind == "rapport" else "årsrapporter"
    problems.add("PO127", _moved(evidence, f"ligger i {_folder(rel)}, där bygget inte läser {kinds}",
                                 "annars blir den en vanlig sida på webbplatsen, utkast eller inte"))
    return True


def wrong_suffix(rel: PurePosixPath, problems: ProblemList) -> None:
    """A Markdown file in a report folder saved as .markdown, .mdown ...: refused, not dropped."""
    problems.add(
        "PO127",
        f"rapporter och årsrapporter sparas med ändelsen {REPORT_SUFFIX}, inte {rel.suffix} – byt namn till "
        f"'{rel.stem}{REPORT_SUFFIX}', annars läses filen inte",
    )


def head_text(path: Path) -> str | None:
    """The start of a file as text (enough for its fields), or None for what is no text."""
    try:
        if path.stat().st_size > MAX_SNIFF_BYTES:
            return None
        with path.open("rb") as f:
            head = f.read(64 * 1024)
    except OSError:
        return None
    if b"\x00" in head:
        return None  # a picture or a document
    return head.decode("utf-8-sig", "replace").replace("\r\n", "\n")


def sniff_file(path: Path, rel: PurePosixPath, problems: ProblemList) -> bool:
    """A file in a report folder that the build skips (notes, `B-2025-001.md.txt`): PO127 when it
    holds a report after all. True when it does."""
    head = head_text(path)
    evidence = looks_like(head) if head is not None else None
    if evidence is None:
        return False
    problems.add("PO127", _moved(evidence, f"är sparad som '{rel.name}'", "annars läses den inte alls",
                                 suffix=True))
    return True


def _folder(rel: PurePosixPath) -> str:
    parent = rel.parent.as_posix()
    return "content/" if parent == "." else f"content/{parent}/"


def _moved(evidence: Evidence, where: str, otherwise: str, suffix: bool = False) -> str:
    fix = f"spara den som .md i {evidence.home}" if suffix else f"flytta den till {evidence.home}"
    return f"filen ser ut som en {evidence.kind} ({evidence.field}) men {where} – {fix}; {otherwise}"
