"""The one slug function: ASCII words of a text joined by hyphens.

Every URL part, file name and heading anchor the build makes comes from here, so a
term id, its facet page, a heading and its link in a table of contents always agree:
'Vård & omsorg – Æble' is 'vard-omsorg-aeble' everywhere.
"""

from __future__ import annotations

import re
import unicodedata

from po_build.contract.layout import FILE_SLUG_FALLBACK, FILE_SLUG_LIMIT

# Letters NFKD does not take apart into a base letter and a mark. The web form's copy of
# this function (outputs/cms/assets/po-slug.js) gets this table and the word pattern
# from its config, and tests/test_cms_slug.py checks that both give the same slugs.
FOLDED_LETTERS = {"æ": "ae", "ø": "o", "œ": "oe", "ß": "ss", "ð": "d", "þ": "th", "ł": "l", "đ": "d"}
WORD_PATTERN = "[a-z0-9]+"
_FOLD = str.maketrans(FOLDED_LETTERS)
_WORD = re.compile(WORD_PATTERN)


def slugify(text: str, limit: int | None = None, fallback: str = "") -> str:
    """'Telefontiden räcker inte' → 'telefontiden-racker-inte'.

    With `limit`, words are dropped from the end (never cut in half) until the slug
    fits; `fallback` is returned for a text with no letter or digit at all.
    """
    folded = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    words = _WORD.findall(folded.encode("ascii", "ignore").decode())
    out = ""
    for word in words:
        candidate = f"{out}-{word}" if out else word
        if limit is not None and len(candidate) > limit:
            break
        out = candidate
    return out or fallback


def report_file_name(report_id: str, rubrik: str) -> str:
    """'B-2026-007', 'Telefontiden räcker inte' → 'B-2026-007-telefontiden-racker-inte.md'."""
    return f"{report_id}-{slugify(rubrik, limit=FILE_SLUG_LIMIT, fallback=FILE_SLUG_FALLBACK)}.md"
