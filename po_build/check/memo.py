"""Each report file's verdict, kept by a digest of everything it depends on.

`mkdocs serve` checks the whole tree again on every save, but a save changes one file; and
a build in CI checks a thousand files of which one is new. A report's own checks (reading,
fields, dates, sections, markup, the identifier scan) depend only on its bytes, its path,
the vocabulary, the day, whether the scan runs, and po-build's own code and word lists;
so their result is kept under a digest of exactly those and reused while none of them
changes. The checks across files (ids used twice, relations, links, attachments) run
every time.

Kept in memory, and with a store (the plugin's build cache) also on disk, as JSON: a
cached verdict is data, never code. An entry that does not read back exactly as it was
written is not kept. `po check` itself never uses the disk: it is the gate before commit.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from dataclasses import dataclass, fields
from datetime import date, datetime
from pathlib import Path
from typing import Any

from po_build.load.store import Store, code_digest, versions
from po_build.load.text import MAX_BYTES
from po_build.model.problems import Problem
from po_build.model.records import Report, Section, Step

KIND = "kontroll"
# The libraries whose reading decides a verdict.
CHECK_PACKAGES = ("pyyaml", "jsonschema", "jsonschema-rs")


@dataclass(frozen=True)
class Checked:
    """What the checks of one report file found, and the record made from it when it had no errors."""

    problems: tuple[Problem, ...]
    report: Report | None
    report_id: str | None  # the id in its front matter, for the check of ids used twice
    id_pos: tuple[int, int]
    # The day enters only through "a date in the future" (PO303): a verdict without one
    # holds for every later day too, so the key leaves the day out and get() compares.
    checked_on: date
    future_dates: bool

    def holds_on(self, today: date) -> bool:
        return today == self.checked_on or (not self.future_dates and today > self.checked_on)


class CheckMemo:
    def __init__(self, store: Store | None = None) -> None:
        self._entries: dict[str, tuple[str, Checked]] = {}
        self._stats: dict[str, tuple[tuple[str, int, int, int, int], str]] = {}
        self.store = store
        self.hits = 0
        self.misses = 0

    def key(self, path: Path, context: str) -> str | None:
        """A digest of the file's bytes and the context, or None for a file that is read the
        careful way every time (not a regular file, too large, unreadable).

        A file whose size, times and inode are as at the last call has the same bytes (the
        rule git and make follow): its digest is not computed again.
        """
        try:
            info = os.stat(path)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_BYTES:
                return None
            seen = (context, info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)
            known = self._stats.get(str(path))
            if known is not None and known[0] == seen:
                return known[1]
            raw = path.read_bytes()
        except OSError:
            return None
        whole = f"{context}|{code_digest()}|{versions(*CHECK_PACKAGES)}"
        key = hashlib.sha256(whole.encode("utf-8") + b"\0" + raw).hexdigest()
        self._stats[str(path)] = (seen, key)
        return key

    def get(self, rel: str, key: str | None, today: date) -> Checked | None:
        if key is None:
            self.misses += 1
            return None
        found = self._entries.get(rel)
        if found is not None and found[0] == key and found[1].holds_on(today):
            self.hits += 1
            return found[1]
        kept = self.store.get(KIND, key) if self.store is not None else None
        checked = decode(kept) if kept is not None else None
        if checked is None or not checked.holds_on(today):
            self.misses += 1
            return None
        self.hits += 1
        self._entries[rel] = (key, checked)
        return checked

    def put(self, rel: str, key: str | None, checked: Checked) -> None:
        if key is None:
            return
        self._entries[rel] = (key, checked)
        if self.store is not None:
            data = encode(checked)
            if data is not None:
                self.store.put(KIND, key, data)

    def keep_only(self, rels: set[str]) -> None:
        """Forget files that are gone."""
        for rel in set(self._entries) - rels:
            del self._entries[rel]
        if len(self._stats) > 2 * len(rels) + 100:
            self._stats.clear()


# --- on disk: JSON with dates marked -------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, date):
        return {"$date": value.isoformat()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value) or any(k.startswith("$") for k in value):
            raise TypeError("nyckel som JSON inte kan bära")
        return {k: _plain(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise TypeError(type(value).__name__)


def _typed(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"$date"}:
            return date.fromisoformat(value["$date"])
        if set(value) == {"$datetime"}:
            return datetime.fromisoformat(value["$datetime"])
        return {k: _typed(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_typed(v) for v in value]
    return value


def _report_fields(r: Report) -> dict[str, Any]:
    out = {f.name: getattr(r, f.name) for f in fields(r)}
    out["sections"] = [[s.title, s.markdown] for s in r.sections]
    out["historik"] = [[s.datum, s.status, s.text] for s in r.historik]
    return out


def encode(checked: Checked) -> bytes | None:
    """The verdict as JSON, or None when it would not read back exactly the same."""
    try:
        data = {
            "problems": [[p.path, p.line, p.col, p.code, p.message] for p in checked.problems],
            "report": _plain(_report_fields(checked.report)) if checked.report is not None else None,
            "id": checked.report_id,
            "id_pos": list(checked.id_pos),
            "checked_on": checked.checked_on.isoformat(),
            "future_dates": checked.future_dates,
        }
        raw = json.dumps(data, ensure_ascii=False, allow_nan=False).encode("utf-8")
    except (TypeError, ValueError):
        return None
    return raw if decode(raw) == checked else None


def decode(raw: bytes) -> Checked | None:
    try:
        data = json.loads(raw)
        problems = tuple(Problem(str(a), int(b), int(c), str(d), str(e)) for a, b, c, d, e in data["problems"])
        report = None
        if data["report"] is not None:
            r = _typed(data["report"])
            r["sections"] = [Section(title, markdown) for title, markdown in r["sections"]]
            r["historik"] = [Step(when, status, text) for when, status, text in r["historik"]]
            report = Report(**r)
        line, col = data["id_pos"]
        return Checked(problems, report, data["id"], (int(line), int(col)),
                       date.fromisoformat(data["checked_on"]), bool(data["future_dates"]))
    except (ValueError, KeyError, TypeError):
        return None
