"""Dates as the site writes them: "mars 2025" for the public, "14 mars 2025" where exact dates are shown."""

from __future__ import annotations

from datetime import date

MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]


def month_text(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.year}"


def date_text(d: date) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
