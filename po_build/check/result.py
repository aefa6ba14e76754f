"""What a check returns, and its summary line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from po_build.contract.vocabulary import Vocabulary
from po_build.model.problems import Problem, ProblemList
from po_build.model.records import Content


class TextScanner(Protocol):
    """A hook for the identifier scanner: (text, rel path, vocabulary, problems).

    `skip_names` leaves out the name check only, for texts that name a staff member (an
    attachment's author), as `intern.rapportör` in a report.
    """

    def __call__(self, text: str, rel: str, vocab: Vocabulary, problems: ProblemList, *,
                 skip_names: bool = False) -> None: ...


@dataclass
class Result:
    content: Content
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0
    # Every entry under docs_dir → what became of it (see build_inventory): the build summary.
    inventory: dict[str, str] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "fel"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "varning"]

    def summary(self) -> str:
        return summary_line(self.problems, self.files_checked)


def summary_line(problems: list[Problem], files: int) -> str:
    """'3 fel i 2 av 57 filer' – the last line of every check."""
    errors = [p for p in problems if p.severity == "fel"]
    warnings = len(problems) - len(errors)
    noun = "fil" if files == 1 else "filer"
    text = (
        f"{len(errors)} fel i {len({p.path for p in errors})} av {files} {noun}"
        if errors
        else f"Inga fel i {files} {noun}"
    )
    if warnings:
        text += f", {warnings} " + ("varning" if warnings == 1 else "varningar")
    return text
