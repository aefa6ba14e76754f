"""Problems found in content files: one located, Swedish message each.

Every check in the project reports through :class:`Problem` so that `po check`,
`mkdocs build` and the tests all print the same thing.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from po_build.contract.codes import Severity, severity_of


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    col: int
    code: str
    message: str

    @property
    def severity(self) -> Severity:
        """From the catalog: a code is an error or a warning everywhere, never by the caller's choice."""
        return severity_of(self.code)

    def format(self) -> str:
        """One line, always: a file name or a message with a line break cannot forge a second one
        (in a terminal or in a CI log that reads `::error` lines as annotations)."""
        prefix = "" if self.severity == "fel" else "varning: "
        return f"{printable(self.path)}:{self.line}:{self.col}: {self.code} {prefix}{printable(self.message)}"


class ProblemList(list[Problem]):
    """A list of problems for one file, with a helper to add located ones."""

    def __init__(self, path: str) -> None:
        super().__init__()
        self.path = path

    def add(
        self,
        code: str,
        message: str,
        pos: tuple[int, int] = (1, 1),
    ) -> None:
        self.append(Problem(self.path, pos[0], pos[1], code, message))

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "fel" for p in self)


def printable(text: str) -> str:
    """Text as it can be shown on one line: control and other invisible characters as \\uXXXX."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or unicodedata.category(c) == "Zs" else f"\\u{ord(c):04x}" for c in text)


def suggest(word: str, candidates: Iterable[str]) -> str | None:
    """The nearest known word, for 'menade du ...?' hints."""
    matches = difflib.get_close_matches(word, list(candidates), n=1, cutoff=0.6)
    if matches:
        return matches[0]
    # Case and diacritics slips ("Nationell", "nivaa") are common for people typing on phones.
    folded = {_fold(c): c for c in candidates}
    return folded.get(_fold(word))


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    hit = suggest(word, candidates)
    return f" – menade du '{hit}'?" if hit else ""


def _fold(text: str) -> str:
    return text.lower().translate(str.maketrans("åäöéü", "aaoeu")).replace("-", "").replace("_", "")
