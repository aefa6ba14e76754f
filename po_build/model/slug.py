"""The one slug function: ASCII words of a text joined by hyphens.

Every URL part, file name and heading anchor the build makes comes from here, so a
term id, its facet page, a heading and its link in a table of contents always agree:
'Vård & omsorg – Æble' is 'vard-omsorg-aeble' everywhere.
"""

from __future__ import annotations

import re
import unicodedata

# Letters NFKD does not take apart into a base letter and a mark.
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "œ": "oe", "ß": "ss", "ð": "d", "þ": "th", "ł": "l", "đ": "d"})
_WORD = re.compile(r"[a-z0-9]+")


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
