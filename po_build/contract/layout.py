"""Where things live in a site's content folder, and which files the build never reads.

The names are the content format's (`content/brister/<år>/`, `content/arsrapport/<år>/`,
`content/bilagor/`, `content/vokabular.yml`); every module that needs a path takes it from here.
"""

from __future__ import annotations

import unicodedata
from pathlib import PurePosixPath

REPORT_DIR = "brister"
YEAR_DIR = "arsrapport"
ATTACHMENT_DIR = "bilagor"
VOCABULARY_FILE = "vokabular.yml"
TEMPLATE_DIR = "_mallar"  # content/brister/_mallar/: ignored by the build (leading '_')
YEAR_TEMPLATE_DIR = "_mall"  # content/arsrapport/_mall/

# A report's file name: <id>-<words of the rubrik>.md, the words cut to this length
# (short enough for every file system, readable in a list), or the fallback word.
FILE_SLUG_LIMIT = 50
FILE_SLUG_FALLBACK = "rapport"
# A file or folder whose name starts with one of these is never read by the build.
IGNORED_PREFIXES = ("_", ".")
# The one suffix a report, a yearly report and a chapter are saved with (content format 1.1).
REPORT_SUFFIX = ".md"

# What MkDocs renders as a page (it compares case-sensitively; so do we).
PAGE_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")

# The folders whose names carry meaning: spelt in any other way ('Brister', 'årsrapport',
# 'BILAGOR ') they would be an ordinary folder to MkDocs, published as it is.
LAYOUT_DIRS = (REPORT_DIR, YEAR_DIR, ATTACHMENT_DIR)


def is_ignored(rel: PurePosixPath) -> bool:
    """Templates and editor leftovers: any part starting with '_' or '.'."""
    return any(part.startswith(IGNORED_PREFIXES) for part in rel.parts)


def is_page(rel: PurePosixPath) -> bool:
    """A Markdown file, in any case of its suffix (MkDocs renders 'om.md' and copies 'OM.MD')."""
    return rel.suffix.lower() in PAGE_SUFFIXES


def fold(name: str) -> str:
    """A name as a person reads it: no case, no accents, no spaces, dashes or underscores."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(c for c in letters.casefold() if not c.isspace() and c not in "-_")


_FOLDED = {fold(name): name for name in LAYOUT_DIRS}


def misspelt_layout_dir(part: str) -> str | None:
    """The layout folder a top-level folder name was meant to be ('Brister' → 'brister'), or None."""
    meant = _FOLDED.get(fold(part))
    return meant if meant is not None and meant != part else None


def misspelt_vocabulary(name: str) -> bool:
    """'Vokabular.yml', 'vokabulär.yaml': a vocabulary the build would not read."""
    stem, dot, suffix = name.rpartition(".")
    return bool(dot) and fold(stem) == "vokabular" and suffix.lower() in ("yml", "yaml") and name != VOCABULARY_FILE
