"""Where things live in a site's content folder, and which files the build never reads.

The names are the content format's (`content/brister/<år>/`, `content/arsrapport/<år>/`,
`content/bilagor/`, `content/vokabular.yml`); every module that needs a path takes it from here.
"""

from __future__ import annotations

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

# What MkDocs renders as a page (it compares case-sensitively; so do we).
PAGE_SUFFIXES = (".markdown", ".mdown", ".mkdn", ".mkd", ".md")


def is_ignored(rel: PurePosixPath) -> bool:
    """Templates and editor leftovers: any part starting with '_' or '.'."""
    return any(part.startswith(IGNORED_PREFIXES) for part in rel.parts)
