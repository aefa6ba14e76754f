"""Rules for every entry under content/: links, special files, names that clash, and files
that could run script on the site."""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from po_build.check.markup import markup_problem
from po_build.contract.layout import REPORT_DIR, YEAR_DIR, is_ignored
from po_build.load.walk import Walk, is_loose
from po_build.model.problems import Problem


def check_files(found: Walk, docs_dir: Path, shown: Callable[[Any], str], all_problems: list[Problem]) -> None:
    """Links, special files, names that clash, and files that could run script on the site."""
    for rel in found.links:
        target = os.readlink(docs_dir / str(rel)) if (docs_dir / str(rel)).is_symlink() else "?"
        all_problems.append(Problem(
            shown(rel), 1, 1, "PO122",
            f"'{rel.name}' är en genväg (symbolisk länk) till '{target}' – genvägar följs inte; "
            "lägg själva filen eller mappen i content/",
        ))
    for rel in found.special:
        all_problems.append(Problem(
            shown(rel), 1, 1, "PO122",
            f"'{rel.name}' är ingen vanlig fil (utan t.ex. en pipe eller en enhet) – ta bort den",
        ))
    for rel in found.unreadable:
        all_problems.append(Problem(
            shown(rel), 1, 1, "PO100",
            f"mappen '{rel}' gick inte att läsa (du saknar behörighet) – filerna i den kontrolleras inte",
        ))
    seen: dict[str, PurePosixPath] = {}
    for rel in [*found.files, *found.links]:
        key = unicodedata.normalize("NFC", unicodedata.normalize("NFC", str(rel)).casefold())
        first = seen.get(key)
        if first is None:
            seen[key] = rel
            continue
        same_letters = unicodedata.normalize("NFC", str(first)) == unicodedata.normalize("NFC", str(rel))
        why = (
            "skrivs likadant men å, ä eller ö är sparade på olika sätt (det händer när filer "
            "kommer från en Mac)"
            if same_letters
            else "skiljer sig bara i stora och små bokstäver"
        )
        all_problems.append(Problem(
            shown(rel), 1, 1, "PO123",
            f"namnet krockar med '{first}': de {why}, och på Windows och Mac blir de samma fil – "
            "byt namn på den ena, helst med bara a–z, 0–9 och bindestreck",
        ))
    loose = is_loose(docs_dir)
    for rel in found.files:
        if is_ignored(rel) or (not loose and rel.parts[0] in (REPORT_DIR, YEAR_DIR)):
            continue  # never published
        message = markup_problem(docs_dir / str(rel))
        if message:
            all_problems.append(Problem(shown(rel), 1, 1, "PO124", message))
