"""Build-time benchmark: po-build against plain Material for the same pages.

For each N it generates N synthetic reports, then times, each in a fresh process:
`po check`, the full `mkdocs build` with the plugin, and plain Material building
the same report pages written as ordinary Markdown (no plugin). It prints the
ratio and the peak memory of each build.

    python benchmarks/build_bench.py            # 100 and 1,000 reports
    python benchmarks/build_bench.py --n 10000  # also 10,000 (several minutes)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.contentgen import write_tree  # noqa: E402

BIN = Path(sys.executable).parent


def run(cmd: list[str], cwd: Path, ok: tuple[int, ...] = (0,)) -> tuple[float, float]:
    """Wall time in seconds and peak memory in MiB of one command."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) not in ok:
        raise SystemExit(f"{' '.join(cmd)} misslyckades:\n{stderr[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def plain_copy(src: Path, dst: Path) -> int:
    """The same pages the plugin makes, written as ordinary Markdown for plain Material.

    Report pages carry the same facts and body; list pages the same links. Only the
    plugin is missing, so the ratio measures what the plugin costs.
    """
    from po_build.check.tree import check_tree
    from po_build.outputs.registry import build_pages
    from po_build.project.projection import project

    content = check_tree(src / "content", scanner=None).content
    p = project(content, "public")
    docs = dst / "docs"
    docs.mkdir(parents=True)
    (docs / "index.md").write_text("# Start\n\nJämförelsebygge utan tillägget.\n", "utf-8")
    count = 0
    for spec in build_pages(p):
        lines = [f"# {spec.title}", ""]
        r = spec.context.get("r")
        if r is not None:
            lines += [f"- {label.namn}" for label in (r.nivå, r.status, r.allvarlighet) if label]
            lines += [f"- {label.namn}" for label in (*r.kategorier, *r.aktörer, *r.områden)]
            for section in r.sections:
                lines += ["", f"## {section.title}", "", section.markdown]
            lines += ["", "## Tidslinje", ""] + [f"1. {s.when} {s.status.namn} {s.text}" for s in r.historik]
        for facet in spec.context.get("facets", []):
            lines += ["", f"### {facet.title}", ""]
            lines += [f"- [{label.namn}](/{label.url}) ({len(items)})" for label, items in facet.values]
        for item in spec.context.get("items", []):
            lines += [f"- [{item.rubrik}](/{item.url}) {item.id} {item.when} "
                      f"{', '.join(a.namn for a in item.aktörer)}"]
        target = docs / spec.src_uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("\n".join(lines) + "\n", "utf-8")
        count += 1
    (dst / "mkdocs.yml").write_text(
        "site_name: Jämförelse\ndocs_dir: docs\nnav:\n  - index.md\n"
        "theme:\n  name: material\n  language: sv\nplugins:\n  - search:\n      lang: sv\n"
        "validation:\n  links:\n    absolute_links: ignore\n",
        "utf-8",
    )
    return count


def bench(n: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix=f"po-bench-{n}-") as tmp:
        root = Path(tmp) / "po"
        write_tree(root, n, events_per_day=max(1, n // 300), start=__import__("datetime").date(2015, 1, 2))
        plain = Path(tmp) / "plain"
        plain_copy(root, plain)
        run([str(BIN / "mkdocs"), "build", "-q", "-d", str(Path(tmp) / "varm")], root)  # warm caches
        check_s, check_mb = run([str(BIN / "po"), "check"], root, ok=(0, 1))
        build_s, build_mb = run([str(BIN / "mkdocs"), "build", "-q", "-d", str(Path(tmp) / "ut")], root)
        plain_s, plain_mb = run([str(BIN / "mkdocs"), "build", "-q", "-d", str(Path(tmp) / "ut2")], plain)
        pages = sum(1 for _ in (Path(tmp) / "ut").rglob("index.html"))
        plain_pages = sum(1 for _ in (Path(tmp) / "ut2").rglob("index.html"))
    return {"n": n, "check_s": check_s, "build_s": build_s, "build_mb": build_mb,
            "plain_s": plain_s, "plain_mb": plain_mb, "pages": pages, "plain_pages": plain_pages,
            "check_mb": check_mb}


def main() -> None:
    parser = argparse.ArgumentParser(description="Mät byggtiden mot vanlig Material.")
    parser.add_argument("--n", type=int, nargs="*", default=[100, 1000], help="antal rapporter")
    args = parser.parse_args()
    sizes = sorted(set([100, 1000, *args.n]))
    rows = [bench(n) for n in sizes]
    print(f"{'rapporter':>9} {'po check':>9} {'bygge':>8} {'Material':>9} {'kvot':>6} "
          f"{'sidor':>7} {'minne bygge':>12} {'minne Material':>15}")
    for r in rows:
        print(f"{r['n']:>9} {r['check_s']:>8.2f}s {r['build_s']:>7.2f}s {r['plain_s']:>8.2f}s "
              f"{r['build_s'] / r['plain_s']:>6.2f} {int(r['pages']):>7} {r['build_mb']:>9.0f} MiB "
              f"{r['plain_mb']:>12.0f} MiB")
    by_n = {int(r["n"]): r for r in rows}
    if 1000 in by_n and 10000 in by_n:
        growth = by_n[10000]["build_s"] / by_n[1000]["build_s"]
        print(f"tillväxt 1 000 → 10 000 rapporter: {growth:.1f} gånger (mål: högst 11)")
    if 1000 in by_n:
        print(f"kvot mot Material vid 1 000 rapporter: {by_n[1000]['build_s'] / by_n[1000]['plain_s']:.2f}"
              " (mål: högst 1,25)")


if __name__ == "__main__":
    main()
