"""Small numbers about people: which cells of a table may be shown publicly.

A count of people between 1 and k−1 could point out someone ("the one who came
via a relative this year"), so it is shown as "färre än k" (primary
suppression). Hiding it is not enough when the parts add up to a total that is
shown: the total minus the other parts gives the hidden number back. Then
further cells are hidden as well (secondary suppression) until no hidden number
can be worked out exactly. This is the same idea as the disclosure control that
Swedish official statistics apply; po_build/docs/smatal.md explains it for
ombud and readers.

The module knows nothing about the yearly report: any future figure that counts
people (clients per area, per age group ...) should go through :func:`protect`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

State = Literal["visas", "litet", "skyddat"]

# Shown instead of a number that is hidden only because another one is small.
SECONDARY_TEXT = "visas inte"


@dataclass(frozen=True)
class Cell:
    key: str
    state: State
    # The number a reader may see; None when the cell is hidden. The true value of
    # a hidden cell is deliberately not kept here, so that a template or an
    # open-data writer cannot show it by mistake.
    shown: int | None
    k: int

    @property
    def hidden(self) -> bool:
        return self.state != "visas"

    @property
    def text(self) -> str:
        if self.state == "litet":
            return f"färre än {self.k}"
        if self.state == "skyddat":
            return SECONDARY_TEXT
        return str(self.shown)

    def open_data(self) -> dict[str, Any]:
        """The cell in open data: a hidden number is `null` with a flag, never a guess."""
        out: dict[str, Any] = {"antal": self.shown, "skyddad": self.hidden}
        if self.state == "litet":
            out["färre_än"] = self.k
        return out


@dataclass(frozen=True)
class Protected:
    """A total and its parts, ready to show: every hidden cell is already hidden."""

    parts: list[Cell]
    total: Cell | None
    k: int

    @property
    def any_hidden(self) -> bool:
        return any(c.hidden for c in self.cells)

    @property
    def cells(self) -> list[Cell]:
        return [*self.parts, *([self.total] if self.total else [])]

    def open_data(self, total_key: str = "totalt") -> dict[str, Any]:
        out = {c.key: c.open_data() for c in self.parts}
        if self.total is not None:
            out[total_key] = self.total.open_data()
        return out


def protect(
    parts: Mapping[str, int],
    total: int | None = None,
    k: int = 3,
    *,
    enabled: bool = True,
) -> Protected:
    """Hide the counts of `parts` (and `total`) that could point out a person.

    - 0 and counts of at least k are shown: 0 points out nobody, and k or more
      people are too many to tell apart.
    - 1 to k−1 are hidden as "färre än k".
    - When the total is shown, more parts are hidden, smallest non-zero shown part
      first, until no hidden part can be worked out from the total and the rest. With one
      small part, that means exactly one more part; with two small parts whose
      sum leaves only one possibility (e.g. 1 + 1 with k = 3) also one more.
    - The total itself is hidden like any other count when it is 1 to k−1.

    `enabled=False` (the internal build for the steering group) shows every
    number as it is; the shape stays the same so templates need no second path.
    """
    if k < 1:
        raise ValueError("k ska vara minst 1")
    if any(v < 0 for v in parts.values()) or (total is not None and total < 0):
        raise ValueError("antal kan inte vara negativa")
    if not enabled:
        cells = [Cell(key, "visas", v, k) for key, v in parts.items()]
        return Protected(cells, Cell("totalt", "visas", total, k) if total is not None else None, k)

    def small(v: int) -> bool:
        return 0 < v < k

    states: dict[str, State] = {key: "litet" if small(v) else "visas" for key, v in parts.items()}
    total_hidden = total is not None and small(total)
    if total is not None and not total_hidden:
        # Keys in their given order, so ties between equal parts always pick the same one.
        order = list(parts)
        while _derivable(parts, states, total, k):
            candidates = [key for key in order if states[key] == "visas"]
            if not candidates:
                # Everything is hidden and the sum still gives the parts away
                # (e.g. 1 + 1 = 2 with k = 3): hide the total as well.
                total_hidden = True
                break
            # Hiding a 0 rarely helps (the hidden sum stays small, so the small part
            # is still pinned down) and costs the reader a true zero: prefer the
            # smallest non-zero part.
            smallest = min(candidates, key=lambda key: (parts[key] == 0, parts[key], order.index(key)))
            states[smallest] = "skyddat"
    cells = [Cell(key, states[key], None if states[key] != "visas" else v, k) for key, v in parts.items()]
    total_cell = None
    if total is not None:
        total_cell = (Cell("totalt", "litet", None, k) if small(total) else
                      Cell("totalt", "skyddat", None, k) if total_hidden else
                      Cell("totalt", "visas", total, k))
    return Protected(cells, total_cell, k)


def _derivable(parts: Mapping[str, int], states: Mapping[str, State], total: int, k: int) -> bool:
    """Can a reader who sees the total and the shown parts pin down a hidden part?

    What the reader knows: the hidden parts add up to total − shown; a part shown
    as "färre än k" is between 1 and k−1; any other hidden part is between 0 and
    that sum. A hidden part is given away when these bounds leave one value.
    """
    hidden = [key for key, s in states.items() if s != "visas"]
    if not hidden:
        return False
    rest = total - sum(v for key, v in parts.items() if states[key] == "visas")
    bounds = {key: (1, k - 1) if states[key] == "litet" else (0, rest) for key in hidden}
    for key in hidden:
        others_low = sum(lo for other, (lo, _) in bounds.items() if other != key)
        others_high = sum(hi for other, (_, hi) in bounds.items() if other != key)
        low = max(bounds[key][0], rest - others_high)
        high = min(bounds[key][1], rest - others_low)
        if low >= high:
            return True
    return False
