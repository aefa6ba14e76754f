"""The small index that the list's combined filters read: brister/filtrering.json.

JavaScript on /brister/ filters on several facets at once (level × actor × status × year ×
area ...) and counts for the current choice, from this file alone. It is made from the
public projection only, and of each deficiency it holds only what its card on the list
shows: id, headline, address, month and year, times seen, and the ids of its facet values.
No draft, no internal field, no exact date; the internal build has no index (its lists
keep the static facet pages).
"""

from __future__ import annotations

import json
from typing import Any

from po_build.model.slug import slugify
from po_build.outputs.facets import facets
from po_build.outputs.paths import FILTER_INDEX
from po_build.project.projection import Projection


def filter_index(p: Projection) -> dict[str, Any] | None:
    """The index as data; None for the internal projection."""
    if p.internal:
        return None
    all_facets = facets(p)
    values: dict[int, dict[str, list[str]]] = {id(r): {} for r in p.brister}
    for f in all_facets:
        for label, reports in f.values:
            for r in reports:
                values[id(r)].setdefault(f.key, []).append(slugify(label.id))
    return {
        "facetter": [
            {"nyckel": f.key, "titel": f.title,
             "värden": [{"id": slugify(label.id), "namn": label.namn} for label, _ in f.values]}
            for f in all_facets
        ],
        "brister": [
            {"id": r.id, "rubrik": r.rubrik, "url": r.url, "när": r.when, "gånger": r.times_seen,
             **values[id(r)]}
            for r in p.brister
        ],
    }


def filter_index_files(p: Projection) -> dict[str, bytes]:
    data = filter_index(p)
    if data is None:
        return {}
    # Compact: the file is read on every visit to the list, never by a person.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return {FILTER_INDEX: (text + "\n").encode("utf-8")}
