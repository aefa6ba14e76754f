"""Speed of `po check` on many generated reports, this tree against another source tree.

    python benchmarks/check_bench.py                       # this tree only, 10,000 reports
    python benchmarks/check_bench.py --before /tmp/po-before --rounds 5

`--before` names another checkout of po-build (e.g. `git worktree add /tmp/po-before <commit>`):
both trees check the same generated content, in fresh processes, alternately (before, after,
before, after ...) so that a busy machine slows both alike. Prints wall time and CPU time
(user + system of the child) per round and their medians. Both use this Python and its
installed dependencies; only `po_build` comes from the tree named.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.contentgen import write_tree  # noqa: E402

RUN = "import sys; from po_build.cli.main import main; sys.exit(main(['check']))"


def timed(source: Path, cwd: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and exit code of one `po check` with po_build from source."""
    env = {**os.environ, "PYTHONPATH": str(source), "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", RUN], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000, help="number of reports (10,000)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per tree (3)")
    parser.add_argument("--before", type=Path, help="another po-build checkout to compare with")
    args = parser.parse_args()

    trees = [("före", args.before.resolve())] if args.before else []
    trees.append(("nu", REPO))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_tree(root, args.n, events_per_day=max(1, args.n // 300), start=date(2015, 1, 2))
        print(f"po check av {args.n:,} genererade rapporter, {args.rounds} omgångar per träd".replace(",", " "))
        results: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in trees}
        for round_no in range(1, args.rounds + 1):
            for name, source in trees:
                wall, cpu, code = timed(source, root)
                if code != 0:
                    raise SystemExit(f"po check ({name}, {source}) slutade med kod {code}")
                results[name].append((wall, cpu))
                print(f"  omgång {round_no} {name:<5} vägg {wall:6.2f} s  cpu {cpu:6.2f} s")
        print("\nMedian")
        for name, source in trees:
            walls = [w for w, _ in results[name]]
            cpus = [c for _, c in results[name]]
            print(f"  {name:<5} vägg {statistics.median(walls):6.2f} s  cpu {statistics.median(cpus):6.2f} s"
                  f"   ({source})")
        if len(trees) == 2:
            before, now = (statistics.median(c for _, c in results[n]) for n, _ in trees)
            print(f"  cpu nu/före: {now / before:.2f}")


if __name__ == "__main__":
    main()
