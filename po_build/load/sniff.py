"""Does a text look like a report or a yearly report? The one rule, wherever the file lies.

A report saved outside `content/brister/<år>/` (in `content/`, in `content/Brister/`, as
`.markdown` or as Notepad's `.md.txt`) would otherwise be an ordinary page or file: published
whole, draft or not, or left out without a word. So every Markdown and text file is read with
this rule, and one that looks like a report where no report is read is an error (PO127).

The rule reads the fields the way MkDocs reads a page's metadata, without YAML, so a broken
block (which MkDocs then shows as text) is recognised too: the block between the first two
`---` lines, or, without them, the `key: value` lines before the first empty line. A text
looks like a report when a top-level field there is

- `typ: brist` or `typ: positiv` (any case, quoted or not), or
- `id:` with a report id, also a slightly wrong one (`B-2025-1`, `p-25-001`), or
- `publicera:`, `publicerad:` or `intern:` – only reports and yearly reports have a publishing
  decision or internal notes; an own page is always public;

and like a yearly report when it has `år:` together with `titel:`, `sökande:` or `ombud:`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from po_build.contract.layout import REPORT_DIR, YEAR_DIR

_FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
# `key: value` at the start of a line (YAML block style), or after { or , (flow style).
_FIELD = re.compile(r"""(?:^|[{,])[ \t]*(["']?)([^\s"':{},#]+)\1[ \t]*:(?:[ \t]+|$)([^,}\n]*)""")
_LOOSE_ID = re.compile(r"[BP]-?[0-9]{2,4}-?[0-9]{1,5}", re.IGNORECASE)
_ID_YEAR = re.compile(r"[BP]-?([0-9]{4})-", re.IGNORECASE)
_PUBLISHING = ("publicera", "publicerad", "intern")
MAX_HEAD_LINES = 500


@dataclass(frozen=True)
class Evidence:
    kind: str  # "rapport" or "årsrapport"
    field: str  # what gave it away, as written: "typ: brist"
    year: str | None = None  # the year its id or år: names, for "move it to brister/2025/"

    @property
    def home(self) -> str:
        """Where such a file belongs: 'content/brister/2025/'."""
        folder = YEAR_DIR if self.kind == "årsrapport" else REPORT_DIR
        return f"content/{folder}/{self.year or '<år>'}/"


def head_fields(text: str) -> dict[str, str]:
    """The top-level fields of the metadata block, first occurrence of each: key → value text."""
    lines = text.lstrip("\ufeff").split("\n", MAX_HEAD_LINES + 1)[:MAX_HEAD_LINES]
    if lines and _FENCE.match(lines[0]):
        block = []
        for line in lines[1:]:
            if _FENCE.match(line):
                break
            block.append(line)
    else:
        block = []
        for line in lines:
            if not line.strip():
                break
            block.append(line)
    fields: dict[str, str] = {}
    for line in block:
        if line[:1] in (" ", "\t"):
            continue  # nested under another field (intern: rapportör: ...)
        starts = [m for m in _FIELD.finditer(line) if m.start() == 0 or line.lstrip().startswith("{")]
        for m in starts:
            fields.setdefault(m.group(2).strip().casefold(), _unquote(m.group(3)))
    return fields


def _unquote(value: str) -> str:
    value = value.split(" #", 1)[0].strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1].strip()
    return value


def looks_like(text: str) -> Evidence | None:
    """Why a text looks like a report or a yearly report (see the module's rule), or None."""
    fields = head_fields(text)
    report_id = fields.get("id", "")
    year_of_id = _ID_YEAR.match(report_id)
    year = year_of_id.group(1) if year_of_id else None
    typ = fields.get("typ", "").casefold()
    if typ in ("brist", "positiv"):
        return Evidence("rapport", f"typ: {fields['typ']}", year)
    if _LOOSE_ID.fullmatch(report_id):
        return Evidence("rapport", f"id: {report_id}", year)
    if "år" in fields and any(k in fields for k in ("titel", "sökande", "ombud")):
        år = fields["år"]
        return Evidence("årsrapport", f"år: {år}", år if re.fullmatch(r"[0-9]{4}", år) else None)
    for key in _PUBLISHING:
        if key in fields:
            value = f" {fields[key]}" if fields[key] else ""
            return Evidence("rapport", f"{key}:{value}", year)
    return None
