"""The build's accounting line: what became of every file under content/, with what MkDocs
itself did to the files the check left to it."""

from __future__ import annotations

from po_build.check.inventory import CATEGORIES


def account(inventory: dict[str, str], included: set[str], pages: set[str]) -> dict[str, int]:
    """How many files fell in each category, with what MkDocs did to the rest.

    `included`: what MkDocs publishes (its own exclusions, such as README.md beside an
    index.md, are left out); `pages`: what it renders rather than copies.
    """
    counts: dict[str, int] = dict.fromkeys(CATEGORIES, 0)
    for rel, category in inventory.items():
        if category in ("sida", "övrig"):
            # MkDocs leaves some out (README.md beside index.md, templates/), and copies a
            # Markdown file it does not recognise (OM.MD) as it is.
            category = "ignorerad" if rel not in included else "sida" if rel in pages else "övrig"
        counts[category] += 1
    return counts


def accounting_line(counts: dict[str, int], total: int, published_attachments: int | None = None) -> str:
    """'1204 filer: 980 publicerade, 150 opublicerade, ...': every category, also empty ones."""

    def n(key: str, one: str, many: str) -> str:
        return f"{counts.get(key, 0)} {one if counts.get(key, 0) == 1 else many}"

    attachments = n("bilaga", "bilaga", "bilagor")
    if published_attachments is not None:
        attachments += f" ({published_attachments} publiceras)"
    parts = [
        n("publicerad", "publicerad", "publicerade"),
        n("opublicerad", "opublicerad", "opublicerade"),
        n("ignorerad", "ignorerad", "ignorerade"),
        n("sida", "annan sida", "andra sidor"),
        attachments,
        n("årsrapport", "i årsrapporter", "i årsrapporter"),
        n("vokabulär", "vokabulär", "vokabulärer"),
        n("övrig", "övrig fil", "övriga filer"),
        n("fel", "fel", "fel"),
    ]
    return f"{total} {'fil' if total == 1 else 'filer'}: " + ", ".join(parts)
