"""How long `po check` takes on hostile input: alias bombs, huge lists, pathological lines.

The tests in tests/test_limits.py and tests/test_rules.py only assert that these inputs
are refused with the right code (and guard against a hang); this script measures them.
Run from the repository root:

    python benchmarks/limits_bench.py [--repeat 3]

Prints, per case, the median and max of wall time and CPU time (user + sys) of a whole
`po check` of a tree with one such report, next to the same check of a tree with one
ordinary report.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import BRIST_BODY, check, report_text, write, write_report  # noqa: E402


def _billion_laughs(levels: int = 9, width: int = 9) -> str:
    lines = ['lol0: &lol0 "lol"']
    for i in range(1, levels + 1):
        lines.append(f"lol{i}: &lol{i} [" + ", ".join([f"*lol{i - 1}"] * width) + "]")
    return "\n".join(lines)


def _report_with_body(line: str) -> Callable[[Path], None]:
    return lambda root: write_report(root, body=BRIST_BODY + "\n" + line + "\n") and None


def _own_page(line: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        write_report(root)
        write(root / "om.md", "# Om\n\n" + line + "\n")
    return make


def _alias_bomb(root: Path) -> None:
    text = report_text().replace("\n---\n", "\nintern:\n  " + _billion_laughs().replace("\n", "\n  ") + "\n---\n", 1)
    write_report(root, text=text)


CASES: dict[str, Callable[[Path], None]] = {
    "vanlig rapport": lambda root: write_report(root) and None,
    "aliasbomb i fälten": _alias_bomb,
    "3 000 backticks": _report_with_body("Text " + "`" * 3000 + "x<b>"),
    "rubrik med 3 000 mellanslag": _report_with_body("## Beskrivning" + " " * 3000 + "x"),
    "egen sida: 30 000 '<a '": _own_page("<a " * 30_000),
    "egen sida: 50 000 '[x]('": _own_page("[x](" * 50_000),
    "egen sida: 100 000 backticks": _own_page("`" * 100_000),
}


def measure(make: Callable[[Path], None], repeat: int) -> tuple[list[float], list[float]]:
    walls, cpus = [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            make(root)
            t0, c0 = time.perf_counter(), os.times()
            check(root)
            c1 = os.times()
            walls.append(time.perf_counter() - t0)
            cpus.append((c1.user - c0.user) + (c1.system - c0.system))
    return walls, cpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'fall':<32} {'vägg median':>12} {'vägg max':>9} {'CPU median':>11} {'CPU max':>8}")
    for name, make in CASES.items():
        walls, cpus = measure(make, args.repeat)
        print(f"{name:<32} {statistics.median(walls):>10.3f} s {max(walls):>7.3f} s "
              f"{statistics.median(cpus):>9.3f} s {max(cpus):>6.3f} s")


if __name__ == "__main__":
    main()
