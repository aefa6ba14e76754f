"""Socialstyrelsen's yearly questions, answered as a CSV file in the open data."""

from __future__ import annotations

import re

from po_build.outputs.csvfile import csv_bytes
from po_build.outputs.yearly.document import YearDocument
from po_build.outputs.yearly.sections import remedied_step, routines_markdown, section_data, year_view
from po_build.project.projection import Projection
from po_build.project.stats import as_of_year_end

SOCIALSTYRELSEN_HEADER = ["år", "fråga", "nivå", "nivå_namn", "svar", "id", "sida", "kommentar"]


def socialstyrelsen_csv(p: Projection, doc: YearDocument) -> bytes:
    """/oppna-data/socialstyrelsen-<år>.csv: the answers of one yearly report.

    One row per answer, so the file can be read by a person and a program. Counted as the
    yearly report counts, at the year's end.
    """
    p = as_of_year_end(p, doc.year)
    y = year_view(p, doc.year)
    assert y is not None
    data = doc.sections["socialstyrelsen"].data if "socialstyrelsen" in doc.sections else \
        section_data(p, y, "socialstyrelsen")
    rows: list[list[str]] = []
    year = str(doc.year)
    routines = routines_markdown(y)
    rows.append([year, "Rutiner för att hantera identifierade brister", "", "",
                 _plain(routines) if routines else "Beskrivs inte i årsrapporten", "", "", ""])
    for level, name, n in data["per_level"]:
        rows.append([year, "Antal identifierade brister", level, name, str(n), "", "", ""])
    rows.append([year, "Antal identifierade brister", "totalt", "Alla nivåer", str(data["total"]), "", "", ""])
    for level, name, items in data["serious"]:
        if not items:
            rows.append([year, "De allvarligaste bristerna", level, name, "Ingen", "", "", ""])
        for r in items:
            rows.append([year, "De allvarligaste bristerna", level, name, r.rubrik, r.id, r.url,
                         r.allvarlighet.namn if r.allvarlighet else ""])
    remedied = data["remedied"]
    if not remedied:
        rows.append([year, "Brister som åtgärdats under året", "", "", "Ingen", "", "", ""])
    for r in remedied:
        step = remedied_step(r, doc.year)
        rows.append([year, "Brister som åtgärdats under året", r.nivå.id if r.nivå else "",
                     r.nivå.namn if r.nivå else "", r.rubrik, r.id, r.url, step.text])
    return csv_bytes(SOCIALSTYRELSEN_HEADER, rows)




def _plain(markdown_text: str) -> str:
    """Markdown as one line of plain text for a spreadsheet cell."""
    text = re.sub(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+", "", markdown_text, flags=re.M)
    text = re.sub(r"[*_`]+", "", text)
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return " ".join(text.split())
