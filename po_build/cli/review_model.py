"""What `po granska` reports: each changed file as the parts a reader will see, and what changed in them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from po_build.model.problems import Problem
from po_build.project.projection import ReportView

HEADLINES: dict[str, str] = {
    "ny": "BLIR OFFENTLIG (ny på webbplatsen)",
    "ändras": "ÄNDRAS PÅ WEBBPLATSEN",
    "oförändrad": "INGET ÄNDRAS PÅ WEBBPLATSEN",
    "publiceras inte": "PUBLICERAS INTE",
    "tas bort": "TAS BORT FRÅN WEBBPLATSEN",
    "fel": "HAR FEL – KAN INTE PUBLICERAS",
}


SHORT: dict[str, str] = {
    "ny": "blir offentlig",
    "ändras": "ändras på webbplatsen",
    "oförändrad": "inget offentligt ändras",
    "publiceras inte": "publiceras inte",
    "tas bort": "tas bort från webbplatsen",
    "fel": "har fel",
}


@dataclass(frozen=True)
class Part:
    """One thing a reader sees on a report's page."""

    key: str
    label: str
    text: str
    block: bool = False  # a body section: a paragraph of Markdown, not "label: value"


@dataclass
class Item:
    path: str  # as po check shows it
    verdict: Verdict
    id: str = ""
    rubrik: str = ""
    reason: str = ""
    url: str = ""
    parts: list[tuple[Part, str, str | None]] = field(default_factory=list)  # (part, mark, previous)
    hidden: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)


@dataclass
class Review:
    base: str | None  # what we compared with, as the user named it
    items: list[Item]
    affected: list[tuple[ReportView, list[str]]]  # other reports whose public page changes
    years: list[str]  # changed yearly-report files
    others: list[str]  # other changed files in the content folder
    errors: list[Problem]  # every error in the tree: the site is not built while there are any
    error_summary: str
    # Warnings in the changed yearly-report and other files (a report's own are in its item):
    # small places, rare diagnoses ... that the steering group decides on.
    file_warnings: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


Verdict = Literal["ny", "ändras", "oförändrad", "publiceras inte", "tas bort", "fel"]
