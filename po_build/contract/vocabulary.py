"""The vocabulary's fixed structure: its sections, and the ids the work model depends on.

The built-in values themselves are data (`po_build/data/vokabular-standard.yml`), read by
`po_build.load.vocabulary`; an organisation merges its own `content/vokabular.yml` over them.
"""

from __future__ import annotations

import re

BUILTIN_FILE = "vokabular-standard.yml"  # in po_build/data/

# Section name in the file → attribute on Vocabulary.
VOCABULARY_SECTIONS: dict[str, str] = {
    "nivåer": "levels",
    "kategorier": "categories",
    "positiva_kategorier": "positive_categories",
    "aktörer": "actors",
    "områden": "areas",
    "statusar": "statuses",
    "allvarlighet": "severities",
}
# Statuses, levels and severities can be renamed but not added: the lifecycle and the
# yearly figures depend on exactly those ids.
FIXED_SECTIONS = {"nivåer", "statusar", "allvarlighet"}
ENTRY_KEYS = ("namn", "beskrivning", "nivåer", "utgått")
NEW_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Statuses where the work with a deficiency is finished; the rest are "open".
CLOSED_STATUSES = ("åtgärdad", "uppföljd", "avslutad")
REMEDIED_STATUS = "åtgärdad"
FIRST_STATUS = "upptäckt"

# Levels are fixed in the vocabulary (they can be renamed, not added), and
# Socialstyrelsen asks for the most serious deficiency on each of them, so every
# level gets an entry even when it has none.
LEVELS = ("individ", "lokal", "nationell")

# Only these count as "serious"; a low-severity deficiency is never listed among
# the most serious, however often it was seen.
SEVERITY_RANK = {"hög": 0, "medel": 1}
