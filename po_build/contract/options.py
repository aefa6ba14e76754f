"""Values of the `po` plugin's options that other stages need to know the type of."""

from __future__ import annotations

from typing import Literal

# Which positive events the yearly report shows: all of the year's, or those of its theme.
PositiveSelection = Literal["alla", "tema"]
POSITIVE_SELECTIONS: tuple[PositiveSelection, ...] = ("alla", "tema")
