"""What became of every entry under content/ in the check: nothing may go uncounted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from po_build.contract.layout import ATTACHMENT_DIR, REPORT_DIR, VOCABULARY_FILE, YEAR_DIR, is_ignored, is_page
from po_build.load.walk import Walk
from po_build.model.problems import Problem
from po_build.model.records import Content

CATEGORIES = ("publicerad", "opublicerad", "årsrapport", "bilaga", "sida", "övrig",
                   "vokabulär", "ignorerad", "fel")


def build_inventory(
    found: Walk,
    content: Content,
    problems: list[Problem],
    shown: Callable[[Any], str],
    loose: bool,
) -> dict[str, str]:
    """Every entry under docs_dir with what became of it: nothing may go uncounted.

    'sida' and 'övrig' are what MkDocs will publish as it is; the plugin refines them
    with what MkDocs actually did.
    """
    with_errors = {p.path for p in problems if p.severity == "fel"}
    reports = {r.source: r for r in content.reports}
    years = {y.source for y in content.years} | {c.source for y in content.years for c in y.chapters}
    out: dict[str, str] = {}
    for rel in [*found.files, *found.links, *found.special, *found.unreadable]:
        key = str(rel)
        if shown(rel) in with_errors or rel in found.links or rel in found.special or rel in found.unreadable:
            out[key] = "fel"
        elif is_ignored(rel):
            out[key] = "ignorerad"
        elif key in reports:
            out[key] = "publicerad" if reports[key].publicera else "opublicerad"
        elif key in years:
            out[key] = "årsrapport"
        elif key == VOCABULARY_FILE:
            out[key] = "vokabulär"
        elif not loose and rel.parts[0] in (REPORT_DIR, YEAR_DIR):
            # Not a report or chapter and no error: a file of another type, or a year whose
            # report has an error elsewhere (then that error stops the build anyway).
            out[key] = "ignorerad" if key in content.ignored else "fel"
        elif loose:
            out[key] = "ignorerad"
        elif rel.parts[0] == ATTACHMENT_DIR:
            out[key] = "bilaga"
        elif is_page(rel):
            out[key] = "sida"
        else:
            out[key] = "övrig"
    return out
