"""Run the identifier scanner over a whole file and report at file positions.

The scanner sees the raw file text, front matter included, so positions are
exact and no field can be forgotten. Only the value of `intern.rapportör` (the
reporting ombud, a staff member) skips the name check; every other check
still applies to it.
"""

from __future__ import annotations

import re

from po_build.check.privacy.scan import scan_text
from po_build.contract.vocabulary import Vocabulary
from po_build.model.problems import ProblemList

_RAPPORTOR = re.compile(r"(\brapportör[ \t]*:[ \t]*)(\"[^\"\n]*\"|'[^'\n]*'|[^,}\n#]*)")


def scan_file_text(text: str, rel: str, vocab: Vocabulary, problems: ProblemList, *,
                   skip_names: bool = False) -> None:
    allowed = [t.term for t in vocab.allowed_terms]
    known = sorted(vocab.labels())
    if skip_names:
        for f in scan_text(text, skip_names=True, allowed_terms=allowed, known_non_names=known):
            problems.add(f.code, f.message, (f.line, f.col))
        return
    lines = text.split("\n")
    skipped: list[tuple[int, int, str]] = []  # (line index, column, text)
    # Only lines that name the field need the pattern: one substring test for the file.
    for i, line in enumerate(lines if "rapportör" in text else ()):
        m = _RAPPORTOR.search(line)
        if m and m.group(2).strip():
            skipped.append((i, m.start(2), m.group(2)))
            lines[i] = line[: m.start(2)] + " " * len(m.group(2)) + line[m.end(2) :]
    findings = [(f.line, f.col, f) for f in scan_text(
        "\n".join(lines), allowed_terms=allowed, known_non_names=known)]
    for i, col, value in skipped:
        for f in scan_text(value, skip_names=True, allowed_terms=allowed,
                                   known_non_names=known):
            findings.append((i + f.line, col + f.col, f))
    for line_no, col, f in sorted(findings, key=lambda x: (x[0], x[1])):
        problems.add(f.code, f.message, (line_no, col))
