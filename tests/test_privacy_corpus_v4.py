"""Format checks for the held-out corpus v4 (tests/privacy_corpus/holdout_v4/).

These tests never run the scanner on the held-out set: they only make sure that an edit
to the files keeps them measurable by benchmarks/privacy_bench.py (ids unique, the planted
substring present once, kinds the scanner knows from the tuning set, valid check digits,
clean texts of report size whose front matter parses).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

CORPUS = Path(__file__).parent / "privacy_corpus"
V4 = CORPUS / "holdout_v4"
CLEAN = sorted((V4 / "clean").glob("*.md"))


def _load(path: Path) -> list[dict[str, str]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _luhn_ok(ten: str) -> bool:
    total = 0
    for i, ch in enumerate(ten):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d // 10 + d % 10
    return total % 10 == 0


PLANTED = _load(V4 / "planted.yml")
INDIRECT = _load(V4 / "indirect.yml")


def test_ids_are_unique_across_the_v4_files() -> None:
    ids = [p["id"] for p in PLANTED + INDIRECT]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("v4-") for i in ids)


@pytest.mark.parametrize("passage", PLANTED + INDIRECT, ids=lambda p: p["id"])
def test_match_is_a_string_found_once_in_the_text(passage: dict[str, str]) -> None:
    assert isinstance(passage["match"], str)
    assert passage["text"].count(passage["match"]) == 1


def test_planted_kinds_are_kinds_of_the_tuning_set() -> None:
    tuning_kinds = {p["kind"] for p in _load(CORPUS / "planted.yml")}
    assert {p["kind"] for p in PLANTED} <= tuning_kinds


def test_every_kind_of_the_readme_is_planted() -> None:
    kinds = {p["kind"] for p in PLANTED}
    assert kinds == {"namn", "ålder", "gatuadress", "e-postadress", "telefonnummer",
                     "personnummer", "samordningsnummer", "postnummer och ort"}


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


def test_there_are_enough_clean_texts_and_paraphrases() -> None:
    assert len(CLEAN) >= 45
    assert len([d for d in CLEAN if d.name.startswith("r")]) >= 15


@pytest.mark.parametrize("doc", CLEAN, ids=lambda d: d.name)
def test_clean_text_is_report_sized_and_its_front_matter_parses(doc: Path) -> None:
    text = doc.read_text(encoding="utf-8")
    assert 120 <= len(text.split()) <= 250
    if text.startswith("---\n"):
        head, sep, body = text[4:].partition("\n---\n")
        assert sep, "front matter is not closed"
        meta = yaml.safe_load(head)
        assert isinstance(meta, dict) and meta
        assert body.strip()
