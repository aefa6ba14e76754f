"""The build cache: bytes kept between builds, each under a digest of everything that made them.

A yearly report's PDF and its charts take most of a build's time and almost never change
(past years are closed). They are kept in `.cache/po-build/` beside mkdocs.yml, which
`make clean` empties and which CI may keep between runs. A cached entry is used only when
its key is the same, and the key is a digest of every input of the bytes: the rendered
HTML or the chart's figures, the versions of the programs that lay them out, the fonts
on the machine and po-build's own code for that output. So the cache can make a build
faster, never different: a test builds with and without it and compares the bytes.

The cache is best effort: a folder that cannot be written, a half-written or unreadable
entry, is a miss and the output is made afresh; nothing here ever stops a build.

Below the check layer on purpose: every layer that makes something slow may keep it here.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
import time
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import metadata
from pathlib import Path

CACHE_DIR = ".cache/po-build"
# Entries not used for this long are removed at the end of a build (prune): old years'
# PDFs are used on every build, so only what no build has asked for goes.
KEEP_DAYS = 30

# Where fontconfig finds fonts and its settings: a font added, removed or updated changes
# the text layout of a PDF, and the measured label widths of a chart.
FONT_DIRS = ("/usr/share/fonts", "/usr/local/share/fonts", "~/.fonts", "~/.local/share/fonts", "/etc/fonts")
# The system libraries that lay out text for WeasyPrint (from Debian, not from PyPI).
TEXT_LIBRARIES = ("libpango", "libharfbuzz", "libfontconfig", "libfreetype", "libcairo")
LIBRARY_DIRS = ("/usr/lib", "/usr/lib64", "/usr/local/lib", f"/usr/lib/{os.uname().machine}-linux-gnu")


def digest(*parts: bytes | str) -> str:
    """SHA-256 over the parts, each with its length, so that ("ab", "c") ≠ ("a", "bc")."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))
        h.update(data)
    return h.hexdigest()


@cache
def versions(*distributions: str) -> str:
    """'name=version' of installed packages; 'name=?' for one that is missing."""
    out = []
    for name in distributions:
        try:
            out.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            out.append(f"{name}=?")
    return ";".join(out) + f";python={sys.version_info[:3]}"


@cache
def source_digest(*modules: str) -> str:
    """A digest of po-build's own source files (paths under po_build/): an edited template or
    module changes the key, also in an editable install where the version number does not."""
    root = Path(__file__).resolve().parents[1]
    parts: list[bytes | str] = []
    for rel in modules:
        path = root / rel
        files = sorted(path.rglob("*")) if path.is_dir() else [path]
        for f in files:
            if f.is_file() and "__pycache__" not in f.parts and f.suffix not in (".pyc", ".pyo"):
                parts += [f.relative_to(root).as_posix(), f.read_bytes()]
    return digest(*parts)


def code_digest() -> str:
    """All of po-build's own files: code, templates, stylesheets and data. Any change to
    po-build changes every key, so a cached output is never older than the code."""
    return source_digest(".")


def _stat_entries(paths: Iterable[Path]) -> list[str]:
    out = []
    for p in paths:
        try:
            st = p.stat()
        except OSError:
            continue
        out.append(f"{p}:{st.st_size}:{st.st_mtime_ns}")
    return out


@lru_cache(maxsize=1)
def fonts_fingerprint() -> str:
    """Every font file and fontconfig setting on the machine, and the text libraries, by size
    and time: cheap (a few hundred stat calls) and changes whenever any of them does."""
    entries: list[str] = []
    for folder in FONT_DIRS:
        base = Path(folder).expanduser()
        if base.is_dir():
            entries += _stat_entries(sorted(p for p in base.rglob("*") if not p.is_dir()))
    for folder in LIBRARY_DIRS:
        base = Path(folder)
        if base.is_dir():
            entries += _stat_entries(sorted(p for p in base.iterdir()
                                            if p.name.startswith(TEXT_LIBRARIES) and ".so" in p.name))
    return digest(*entries)


class Store:
    """Files under `root/<kind>/`, one per key; written atomically, read best effort."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.hits = 0
        self.misses = 0

    def path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / key

    def get(self, kind: str, key: str) -> bytes | None:
        path = self.path(kind, key)
        try:
            data = path.read_bytes()
        except OSError:
            self.misses += 1
            return None
        self.hits += 1
        with contextlib.suppress(OSError):
            os.utime(path)  # in use: prune keeps it
        return data

    def put(self, kind: str, key: str, data: bytes) -> None:
        path = self.path(kind, key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            # Written beside the target and renamed: a reader never sees half an entry,
            # also when two builds share the folder.
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, path)
        except OSError:
            return

    def prune(self, days: int = KEEP_DAYS) -> int:
        """Remove entries no build has used for `days` days; the number removed."""
        cutoff = time.time() - days * 86400
        removed = 0
        if not self.root.is_dir():
            return 0
        for path in self.root.rglob("*"):
            try:
                if path.is_file() and path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed += 1
            except OSError:
                continue
        return removed


_current: Store | None = None


def use(store: Store | None) -> None:
    """The cache this process builds with (set by the plugin from its options), or none."""
    global _current
    _current = store


def current() -> Store | None:
    return _current
