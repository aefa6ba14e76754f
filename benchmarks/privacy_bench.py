"""Benchmark of the personal-identifier scanner against the labelled corpus.

Run from the repository root (with po_build importable):

    python benchmarks/privacy_bench.py [--verbose]

Prints recall per kind for the tuning part (planted.yml) and the held-out part
(planted_holdout.yml), the false-positive rate on the clean report texts
(findings per document and per 1,000 words, with and without the vocabulary's
known non-names), extra findings in planted passages, and throughput in words
per second. --verbose lists every miss and every false positive.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from po_build.check.privacy.findings import Finding

ROOT = Path(__file__).resolve().parent.parent
# Runnable as a plain script from the repository root, installed or not.
sys.path.insert(0, str(ROOT))
scan_text = importlib.import_module("po_build.privacy").scan_text

CORPUS = ROOT / "tests" / "privacy_corpus"

# What an organisation's vocabulary would pass as known non-names: the built-in
# actor labels plus the invented municipalities used in the corpus.
KNOWN_NON_NAMES = (
    "Försäkringskassan",
    "Arbetsförmedlingen",
    "Kommunens socialtjänst",
    "Ekonomiskt bistånd",
    "Boendestöd",
    "LSS-handläggning",
    "Överförmyndare, god man och förvaltare",
    "Regionens psykiatri",
    "Primärvården",
    "Vuxenhabiliteringen",
    "Kronofogden",
    "Skatteverket",
    "Migrationsverket",
    "Polisen",
    "Bostadsbolag och hyresvärdar",
    "Regering och riksdag",
    "Norrby kommun",
    "Sjövik",
    "Granåsa",
)


def load_passages(name: str) -> list[dict[str, str]]:
    with (CORPUS / name).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def hit(passage: dict[str, str], findings: list[Finding]) -> bool:
    """True when a finding of the expected kind overlaps the planted substring."""
    text, match = passage["text"], str(passage["match"])
    start = text.find(match)
    if start < 0:
        raise ValueError(f"{passage['id']}: '{match}' not in text")
    end = start + len(match)
    offsets = _line_offsets(text)
    for f in findings:
        f_start = offsets[f.line - 1] + f.col - 1
        f_end = f_start + len(f.match)
        if f.kind == passage["kind"] and f_start < end and start < f_end:
            return True
    return False


def _line_offsets(text: str) -> list[int]:
    offsets = [0]
    for index, char in enumerate(text):
        if char == "\n":
            offsets.append(index + 1)
    return offsets


def recall(passages: list[dict[str, str]], known: tuple[str, ...]) -> dict[str, object]:
    per_kind: Counter[str] = Counter()
    per_kind_hit: Counter[str] = Counter()
    misses: list[str] = []
    extras: list[str] = []
    for passage in passages:
        findings = scan_text(passage["text"], known_non_names=known)
        per_kind[passage["kind"]] += 1
        if hit(passage, findings):
            per_kind_hit[passage["kind"]] += 1
        else:
            misses.append(f"{passage['id']}: {passage['match']!r} in {passage['text']!r}")
        match = str(passage["match"])
        for f in findings:
            if f.kind != passage["kind"] or (f.match not in match and match not in f.match):
                extras.append(f"{passage['id']}: {f.kind} {f.match!r}")
    return {"total": per_kind, "hit": per_kind_hit, "misses": misses, "extras": extras}


def print_recall(title: str, result: dict[str, object]) -> None:
    total: Counter[str] = result["total"]  # type: ignore[assignment]
    hits: Counter[str] = result["hit"]  # type: ignore[assignment]
    print(f"\n{title}")
    for kind in sorted(total):
        print(f"  {kind:<20} {hits[kind]:>3}/{total[kind]:<3} {100 * hits[kind] / total[kind]:6.1f} %")
    all_total, all_hits = sum(total.values()), sum(hits.values())
    print(f"  {'totalt':<20} {all_hits:>3}/{all_total:<3} {100 * all_hits / all_total:6.1f} %")
    extras = result["extras"]
    print(f"  extra findings in planted passages: {len(extras)}")  # type: ignore[arg-type]


def clean_rate(known: tuple[str, ...]) -> tuple[int, int, int, list[str]]:
    docs = sorted((CORPUS / "clean").glob("*.md"))
    words = 0
    findings_total = 0
    details: list[str] = []
    for doc in docs:
        text = doc.read_text(encoding="utf-8")
        words += len(text.split())
        findings = scan_text(text, known_non_names=known)
        findings_total += len(findings)
        details.extend(f"{doc.name}:{f.line}:{f.col} {f.code} {f.kind} {f.match!r}" for f in findings)
    return len(docs), words, findings_total, details


def throughput() -> tuple[float, float]:
    docs = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "clean").glob("*.md"))]
    words = sum(len(d.split()) for d in docs)
    scan_text(docs[0])  # load the name lists outside the timing
    rounds = 40
    began = time.perf_counter()
    for _ in range(rounds):
        for doc in docs:
            scan_text(doc, known_non_names=KNOWN_NON_NAMES)
    elapsed = time.perf_counter() - began
    per_doc_ms = 1000 * elapsed / (rounds * len(docs))
    return rounds * words / elapsed, per_doc_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list misses and false positives")
    args = parser.parse_args()

    for title, name in (("Tuning part (planted.yml)", "planted.yml"),
                        ("Held-out part (planted_holdout.yml)", "planted_holdout.yml")):
        result = recall(load_passages(name), KNOWN_NON_NAMES)
        print_recall(title, result)
        if args.verbose:
            for line in result["misses"]:  # type: ignore[union-attr]
                print("    MISS", line)
            for line in result["extras"]:  # type: ignore[union-attr]
                print("    EXTRA", line)

    print("\nClean report texts (false positives)")
    for label, known in (("with known non-names", KNOWN_NON_NAMES), ("without", ())):
        docs, words, count, details = clean_rate(known)
        print(
            f"  {label:<22} {count} findings in {docs} documents, {words} words: "
            f"{count / docs:.2f} per document, {1000 * count / words:.2f} per 1,000 words"
        )
        if args.verbose:
            for line in details:
                print("    FP", line)

    words_per_s, per_doc_ms = throughput()
    print(f"\nThroughput: {words_per_s:,.0f} words/s ({per_doc_ms:.2f} ms per clean document)")


if __name__ == "__main__":
    main()
