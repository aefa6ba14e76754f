"""E-mail addresses (and web addresses, which are never names)."""

from __future__ import annotations

import re

from po_build.check.privacy.findings import Candidate

_EMAIL_RE = re.compile(r"(?<![\w.%+-])[\w.%+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?![\w-])")


URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>\"')\]]+", re.IGNORECASE)


def find_emails(text: str) -> list[Candidate]:
    return [(m.start(), m.end(), "PO404", "") for m in _EMAIL_RE.finditer(text)]
