"""CSV files as Excel with Swedish settings opens them: ';' between cells, UTF-8 with a BOM,
and no cell that a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

DELIMITER = ";"  # Excel with Swedish regional settings splits on ';', not ','
# A spreadsheet runs a cell starting with one of these as a formula ("CSV
# injection"); tab and carriage return are on OWASP's list for the same reason.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet would run as a formula gets a leading apostrophe.

    The spreadsheet then treats the cell as text (the apostrophe may show); the
    report's words are otherwise unchanged, and a program can strip it again.
    """
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    # The byte order mark is what makes Excel read the file as UTF-8; without it,
    # Excel on Windows guesses an old code page and å, ä, ö come out garbled.
    return buffer.getvalue().encode("utf-8-sig")
