"""What the yearly report adds to a build: pages, charts and the PDF.

Generates a year of reports (150 by default, all dated in 2025) with a yearly
report that uses every marker, then times `mkdocs build` in fresh processes:

    A  without the yearly report (no arsrapport/ folder), `pdf: false`
    B  with the yearly report, `pdf: false`   (B − A: pages and charts)
    C  with the yearly report, `pdf: true`    (C − B: the PDF)

and, in this process, the parts on their own: the document with its charts, one
chart, and the PDF. Goal: C − A under 10 s on the 2-core machine.

    python benchmarks/arsrapport_bench.py            # 150 reports
    python benchmarks/arsrapport_bench.py --n 500
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.contentgen import YEAR_CHAPTER, YEAR_INDEX, write_tree  # noqa: E402

BIN = Path(sys.executable).parent
GOAL_S = 10.0
RUNS = 3

def mkdocs_yml(pdf: bool) -> str:
    return (
        "site_name: Test\nsite_url: https://test.example/\ndocs_dir: content\n"
        "theme:\n  name: material\n  language: sv\n"
        "plugins:\n  search:\n    lang: sv\n  po:\n    organisation: Testorganisation\n"
        f"    region: Testlän\n    pdf: {'true' if pdf else 'false'}\n"
        "    tillganglighet:\n      bedomning: helt\n"
    )


def timed_build(root: Path, config: str, out: Path) -> float:
    """Best of RUNS wall times of `mkdocs build` in a fresh process."""
    (root / "bench.yml").write_text(config, "utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    best = float("inf")
    for _ in range(RUNS):
        shutil.rmtree(out, ignore_errors=True)
        start = time.perf_counter()
        proc = subprocess.run([str(BIN / "mkdocs"), "build", "-q", "-f", "bench.yml", "-d", str(out)],
                              cwd=root, env=env, capture_output=True)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(f"mkdocs build misslyckades:\n{proc.stderr.decode('utf-8', 'replace')[-2000:]}")
        best = min(best, elapsed)
    return best


def in_process(root: Path) -> dict[str, float]:
    """The parts on their own, after the imports (which a build pays once)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined
    from pypdf import PdfReader

    from po_build.check.tree import check_tree
    from po_build.outputs.pdf import pdf_html, write_pdf
    from po_build.outputs.yearly.document import build_document
    from po_build.project.projection import project
    from po_build.render import charts, templating

    content = check_tree(root / "content", scanner=None).content
    p = project(content, "public", organisation="Testorganisation")
    y = p.years[0]
    labels = [t.namn for t in content.vocabulary.categories.values()]
    charts.bar_chart("uppvarmning", labels, list(range(len(labels))), "t", "d")  # font cache
    start = time.perf_counter()
    for i in range(10):
        charts.bar_chart(f"c{i}", labels, list(range(len(labels))), "t", "d")
    chart_s = (time.perf_counter() - start) / 10
    start = time.perf_counter()
    doc = build_document(p, y)
    document_s = time.perf_counter() - start
    env = Environment(loader=PackageLoader("po_build", "templates/po"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    templating.install(env)
    import weasyprint  # noqa: F401 - its import is timed in the builds, not here

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        target = Path(tmp) / "a.pdf"
        write_pdf(pdf_html(doc, env), target)
        pdf_s = time.perf_counter() - start
        size = target.stat().st_size
        pages = len(PdfReader(target).pages)
    return {"chart_s": chart_s, "document_s": document_s, "pdf_s": pdf_s, "pdf_kb": size / 1024,
            "pdf_pages": pages, "reports": len([r for r in p.reports if r.year == 2025])}


def main() -> None:
    parser = argparse.ArgumentParser(description="Mät vad årsrapporten kostar i byggtid.")
    parser.add_argument("--n", type=int, default=150, help="antal rapporter under året")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="po-arsrapport-bench-") as tmp:
        root = Path(tmp) / "po"
        # Enough events per day to keep every report, history step and recurrence in 2025.
        write_tree(root, args.n, start=date(2025, 1, 2), events_per_day=max(1, args.n // 50),
                   unpublished_share=0.0, mkdocs_yml=False)
        out = Path(tmp) / "ut"
        year_dir = root / "content" / "arsrapport" / "2025"
        a = timed_build(root, mkdocs_yml(pdf=False), out)
        year_dir.mkdir(parents=True)
        (year_dir / "index.md").write_text(YEAR_INDEX.format(year=2025), "utf-8")
        (year_dir / "01-arbetet.md").write_text(YEAR_CHAPTER, "utf-8")
        b = timed_build(root, mkdocs_yml(pdf=False), out)
        c = timed_build(root, mkdocs_yml(pdf=True), out)
        assert (out / "arsrapport" / "2025" / "arsrapport-2025.pdf").is_file()
        parts = in_process(root)
    print(f"Årsrapport för ett år med {parts['reports']} rapporter (bästa av {RUNS} byggen i nya processer):")
    print(f"  bygge utan årsrapport                {a:6.2f} s")
    print(f"  med årsrapportens sidor, utan PDF    {b:6.2f} s   ({b - a:+.2f} s)")
    print(f"  med sidor och PDF                    {c:6.2f} s   ({c - b:+.2f} s för PDF:en)")
    print(f"  årsrapporten lägger till             {c - a:6.2f} s   (mål: under {GOAL_S:.0f} s)")
    print("Delarna var för sig, i samma process:")
    print(f"  ett diagram                          {parts['chart_s'] * 1000:6.0f} ms (mål: under 100 ms)")
    print(f"  dokumentet med alla diagram          {parts['document_s']:6.2f} s")
    print(f"  PDF:en ({parts['pdf_pages']} sidor, {parts['pdf_kb']:.0f} KiB)          {parts['pdf_s']:6.2f} s")
    if c - a >= GOAL_S:
        print("MÅLET NÅS INTE")


if __name__ == "__main__":
    main()
