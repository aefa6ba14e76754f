"""Format checks for the held-out corpus v3 (tests/privacy_corpus/holdout_v3/).

These tests never run the scanner on the held-out set: they only make sure that an edit
to the files keeps them measurable by benchmarks/privacy_bench.py (ids unique, the planted
substring present, kinds the scanner knows from the tuning set, valid check digits).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).parent / "privacy_corpus"
V3 = CORPUS / "holdout_v3"


def _load(path: Path) -> list[dict[str, str]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _luhn_ok(ten: str) -> bool:
    total = 0
    for i, ch in enumerate(ten):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d // 10 + d % 10
    return total % 10 == 0


PLANTED = _load(V3 / "planted.yml")
INDIRECT = _load(V3 / "indirect.yml")


def test_ids_are_unique_across_the_v3_files() -> None:
    ids = [p["id"] for p in PLANTED + INDIRECT]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("passage", PLANTED + INDIRECT, ids=lambda p: p["id"])
def test_match_is_a_string_found_once_in_the_text(passage: dict[str, str]) -> None:
    assert isinstance(passage["match"], str)
    assert passage["text"].count(passage["match"]) == 1


def test_planted_kinds_are_kinds_of_the_tuning_set() -> None:
    tuning_kinds = {p["kind"] for p in _load(CORPUS / "planted.yml")}
    assert {p["kind"] for p in PLANTED} <= tuning_kinds


def test_indirect_cases_say_why() -> None:
    assert all(p["kind"] == "indirekt" and p["why"].strip() for p in INDIRECT)


@pytest.mark.parametrize(
    "passage",
    [p for p in PLANTED if p["kind"] in ("personnummer", "samordningsnummer")],
    ids=lambda p: p["id"],
)
def test_invented_numbers_have_a_valid_check_digit(passage: dict[str, str]) -> None:
    digits = re.sub(r"\D", "", passage["match"])[-10:]
    assert len(digits) == 10 and _luhn_ok(digits)
    day = int(digits[4:6])
    assert (day > 60) == (passage["kind"] == "samordningsnummer")


def test_clean_texts_are_report_sized() -> None:
    docs = sorted((V3 / "clean").glob("*.md"))
    assert len(docs) >= 40
    for doc in docs:
        words = len(doc.read_text(encoding="utf-8").split())
        assert 80 <= words <= 250, doc.name
