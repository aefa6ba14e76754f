"""MkDocs' own lines in Swedish while previewing: the person at `make serve` reads no English.

A filter on the handlers of MkDocs' logger (ProperDocs' too) rewrites the lines MkDocs
prints while serving, and drops the two that only make sense to a programmer: the warning
that a --dirty build may show stale menus (the preview rebuilds what a save changes, see
preview.py) and the hint to clean stale files (the preview removes them). Used only by
`serve`: a build's log is read by CI and by the tests, and stays as MkDocs writes it.
"""

from __future__ import annotations

import logging
import re

_TIME = r"(\[\d\d:\d\d:\d\d\] )?"


def _seconds(m: re.Match[str]) -> str:
    return f"{m.group(1) or ''}Webbplatsen är byggd ({m.group(2).replace('.', ',')} s)"


def _pages(m: re.Match[str]) -> str:
    names = ", ".join(line.strip().removeprefix("- ") for line in m.group(1).strip().split("\n"))
    return f"Sidorna finns inte i menyn (nav i mkdocs.yml) men byggs och nås med länkar: {names}"


_LINES: list[tuple[re.Pattern[str], object]] = [(re.compile(pattern, re.S), replacement) for pattern, replacement in [
    (_TIME + r"Building documentation\.\.\.$", r"\1Bygger webbplatsen ..."),
    (r"Cleaning site directory$", "Tömmer mappen för den byggda webbplatsen"),
    (r"A 'dirty' build is being performed.*", None),
    (r"The directory contains stale files.*", None),
    (r"Building documentation to directory: (.*)$", r"Bygger webbplatsen i \1"),
    (_TIME + r"Documentation built in ([0-9.]+) seconds$", _seconds),
    (_TIME + r"Watching paths for changes: (.*)$", r"\1Bevakar ändringar i \2"),
    (_TIME + r"Serving on (\S+) and opening it in a browser$",
     r"\1Förhandsvisningen finns på \2 (öppnas i webbläsaren)"),
    (_TIME + r"Serving on (\S+)$", r"\1Förhandsvisningen finns på \2 – den uppdateras när du sparar"),
    (_TIME + r"Detected file changes$", r"\1En fil har sparats – bygger om"),
    (_TIME + r"Reloading browsers$", r"\1Webbläsaren visar den nya versionen"),
    (_TIME + r"Browser connected: (.*)$", r"\1Webbläsaren visar \2"),
    (_TIME + r"Shutting down\.\.\.$", r"\1Stänger förhandsvisningen ..."),
    (_TIME + r'"GET (\S+) HTTP/[0-9.]+" code 404$', r"\1Sidan \2 finns inte (404)"),
    (_TIME + r'"(\w+) (\S+) HTTP/[0-9.]+" code (\d+)$', r"\1Svaret på \3 blev kod \4"),
    (_TIME + r"An error happened during the rebuild.*",
     r"\1Bygget avbröts av ett fel; förhandsvisningen visar den förra versionen tills det är rättat"),
    (r"The following pages exist in the docs directory, but are not included in the \"nav\" "
     r"configuration:\n(.*)$", _pages),
    (r"A reference to '([^']*)' is included in the 'nav' configuration, which is not found in the "
     r"documentation files\.$",
     r"Menyn (nav i mkdocs.yml) nämner '\1', som inte finns – rätta namnet eller ta bort raden"),
    (r"Doc file '([^']*)' contains a link '([^']*)', but the target .* is not found among documentation files\.?.*",
     r"Sidan '\1' länkar till '\2', som inte finns – rätta länken"),
]]


class SwedishLines(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            return True
        for pattern, replacement in _LINES:
            m = pattern.match(message)
            if m is None:
                continue
            if replacement is None:
                return False
            record.msg = replacement(m) if callable(replacement) else m.expand(str(replacement))
            record.args = ()
            break
        return True


def install() -> None:
    """Once per process, on every handler MkDocs (or ProperDocs) prints through."""
    for name in ("mkdocs", "properdocs"):
        for handler in logging.getLogger(name).handlers:
            if not any(isinstance(f, SwedishLines) for f in handler.filters):
                handler.addFilter(SwedishLines())
