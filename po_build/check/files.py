"""Rules for every entry under content/ by its path alone: links, special files, names that
clash or that a computer cannot carry, folders spelt almost like the site's own, and which
files MkDocs would copy to the site as they are (checked by check/attachments.py)."""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path, PurePosixPath
from typing import Any

from po_build.contract.layout import (
    REPORT_DIR,
    VOCABULARY_FILE,
    YEAR_DIR,
    is_ignored,
    is_page,
    misspelt_layout_dir,
    misspelt_vocabulary,
)
from po_build.load.text import BIDI_CONTROLS
from po_build.load.walk import Walk
from po_build.model.problems import Problem, printable

# Characters a file name cannot carry on every computer: control characters and line breaks
# (which also forge lines in a check's output), the characters Windows refuses, bidi controls
# (which make 'rapport\u202efdp.exe' read as 'rapportexe.pdf'), and the Unicode line breaks.
_BAD_NAME_CHARS = re.compile(f'[\x00-\x1f\x7f-\x9f:*?"<>|\\\\\u2028\u2029{BIDI_CONTROLS}]')
_WINDOWS_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)", re.IGNORECASE)


def check_files(
    found: Walk, docs_dir: Path, shown: Callable[[Any], str], all_problems: list[Problem], loose: bool
) -> set[PurePosixPath]:
    """Links, special files, names that clash or break a checkout, misspelt layout folders.

    Returns the files refused for a misspelt name (PO128): that one message says what to do.
    """
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
    for rel in [*found.files, *found.links, *found.special, *found.unreadable]:
        message = name_problem(rel)
        if message:
            all_problems.append(Problem(shown(rel), 1, 1, "PO129", message))
    misspelt: set[PurePosixPath] = set()
    if loose:
        return misspelt
    for rel in [*found.files, *found.links]:
        if is_ignored(rel):
            continue
        meant = misspelt_layout_dir(rel.parts[0]) if len(rel.parts) > 1 else None
        if meant is not None:
            misspelt.add(rel)
            all_problems.append(Problem(
                shown(rel), 1, 1, "PO128",
                f"mappen '{rel.parts[0]}' ska heta '{meant}' (med små bokstäver, utan å, ä och ö) – byt namn "
                "på mappen; som den heter nu läser bygget den som en vanlig mapp och publicerar det som "
                "ligger i den",
            ))
        elif len(rel.parts) == 1 and misspelt_vocabulary(rel.name):
            misspelt.add(rel)
            all_problems.append(Problem(
                shown(rel), 1, 1, "PO128",
                f"'{rel.name}' ska heta '{VOCABULARY_FILE}' – byt namn på filen; som den heter nu läses den "
                "inte som vokabulär",
            ))
    return misspelt


def name_problem(rel: PurePosixPath) -> str | None:
    """Why a path's names would break a checkout or a check's output, or None."""
    for part in rel.parts:
        bad = _BAD_NAME_CHARS.search(part)
        if bad:
            char = bad.group()
            what = f"tecknet '{char}'" if char.isprintable() else f"ett osynligt tecken (U+{ord(char):04X})"
            return (f"namnet '{printable(part)}' innehåller {what}, som inte fungerar i filnamn på alla datorer – "
                    "byt namn, helst med bara a–z, 0–9 och bindestreck")
        if _WINDOWS_RESERVED.match(part) or part.endswith((" ", ".")):
            return (f"namnet '{printable(part)}' går inte att använda på Windows (reserverat namn, eller mellanslag "
                    "eller punkt sist) – byt namn, helst med bara a–z, 0–9 och bindestreck")
    return None


def published_as_is(found: Walk, loose: bool) -> list[PurePosixPath]:
    """The files MkDocs would copy to the site as they are: everything but pages, sources and
    ignored files (what it leaves out of its own accord, such as templates/, is checked too)."""
    if loose:
        return []
    return [
        rel for rel in found.files
        if not is_ignored(rel)
        and rel.parts[0] not in (REPORT_DIR, YEAR_DIR)
        and str(rel) != VOCABULARY_FILE
        and not is_page(rel)
    ]
