"""Build and preview cost: po-build against plain Material building the same files.

For each N it generates N reports spread over five years (2021–2025) with a published
yearly report for each year, and beside the po site's mkdocs.yml a plain.yml that builds
the very same content/ folder with plain Material: no plugin, the reports as ordinary
pages outside the navigation (nav: only the start page), the same theme, language and
search settings. Every build runs in a fresh process; po and plain alternate in every
round, and each figure is the ratio within one round (paired), over several rounds:

    po, PDF av            the plugin, PO_PDF=0, with a warm build cache
    po, inget ändrat      the full build with the yearly reports' PDFs, warm cache
    po, en rapport ändrad the headline of the last year's newest report edited before each
                          build: that report is checked and rendered again; its year's PDF
                          only if the report is in the yearly report's selection (it is not
                          in the generated trees, so the PDF comes from the cache)
    po, kall cache        .cache/po-build emptied before each build: everything is made

CPU is user + system time of the build process and its children (os.wait4), which a
busy machine does not inflate much; wall time is printed beside it. Then the preview:
`mkdocs serve --dirty` with the plugin (PO_PDF=0, as `make serve`), Zensical serving
plain.yml, and plain MkDocs `serve --dirty` (what MkDocs itself needs for one page), one
server at a time, each edit of the same report's text timed from the save until the
server sends the page with the new text; po also with the headline edited, until the
report's page and the list both show it. The server's CPU per save is read from /proc.

    python benchmarks/build_bench.py                  # 100 and 1,000 reports
    python benchmarks/build_bench.py --n 10000        # also 10,000 (long)
    python benchmarks/build_bench.py --n 1000 --rounds 5 --no-serve
    python benchmarks/build_bench.py --only-serve --serve-rounds 4   # only the preview, 1,000 reports
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.contentgen import write_tree  # noqa: E402

BIN = Path(sys.executable).parent
GOAL_FULL = 1.5  # the full build with no year changed, against plain Material, CPU, 1,000 reports
GOAL_SERVE = 2.0  # edit → page served, against Zensical serving the same pages
PLAIN_YML = """site_name: Test
site_url: https://test.example/
docs_dir: content
nav:
  - index.md
theme:
  name: material
  language: sv
plugins:
  search:
    lang: sv
"""
TEXT = "Telefontiden är kort"  # in every deficiency's body (tests/contentgen.py)


@dataclass
class Run:
    cpu: float
    wall: float
    mb: float


@dataclass
class Variant:
    name: str
    env: dict[str, str]
    before: str = ""  # "kall": empty the cache; "ändra": edit one report
    runs: list[Run] = field(default_factory=list)
    plain: list[Run] = field(default_factory=list)  # the plain run of the same round


def run(cmd: list[str], cwd: Path, env: dict[str, str]) -> Run:
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, cwd=cwd, env=full_env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if os.waitstatus_to_exitcode(status) != 0:
            err.seek(0)
            raise SystemExit(f"{' '.join(cmd)} misslyckades:\n{err.read().decode('utf-8', 'replace')[-3000:]}")
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


def last_year_report(root: Path) -> Path:
    """The newest published deficiency: edited in the measurements (its page exists in both sites)."""
    return [f for f in sorted((root / "content" / "brister" / "2025").glob("B-*.md"))
            if "\npublicera: true\n" in f.read_text("utf-8")][-1]


def build_cmd(config: str, out: Path) -> list[str]:
    return [str(BIN / "mkdocs"), "build", "-q", "-f", config, "-d", str(out)]


def bench_builds(root: Path, n: int, rounds: int, slow_rounds: int) -> list[Variant]:
    out = root.parent / "ut"
    variants = [
        Variant("po, PDF av", {"PO_PDF": "0"}),
        Variant("po, inget ändrat", {}),
        Variant("po, en rapport ändrad", {}, before="ändra"),
        Variant("po, kall cache", {}, before="kall"),
    ]
    edited = last_year_report(root)
    original = edited.read_text("utf-8")
    run(build_cmd("mkdocs.yml", out), root, {})  # fills the cache, warms the disk
    run(build_cmd("plain.yml", out), root, {})
    for r in range(rounds):
        todo = [v for v in variants if not v.before or r < slow_rounds]
        # po and plain take turns going first, so that neither always meets a warmer machine.
        for i, v in enumerate(todo):
            order = ["po", "plain"] if (r + i) % 2 == 0 else ["plain", "po"]
            for who in order:
                shutil.rmtree(out, ignore_errors=True)
                if who == "plain":
                    v.plain.append(run(build_cmd("plain.yml", out), root, {}))
                    continue
                if v.before == "kall":
                    shutil.rmtree(root / ".cache", ignore_errors=True)
                if v.before == "ändra":
                    edited.write_text(original.replace("Rapport nummer", f"Rapport (ändrad {r}) nummer", 1), "utf-8")
                v.runs.append(run(build_cmd("mkdocs.yml", out), root, v.env))
                # Back at once: the cold build must fill the cache with the content as it is,
                # or the next round's "inget ändrat" would find its last year changed.
                edited.write_text(original, "utf-8")
    run(build_cmd("mkdocs.yml", out), root, {})  # the cache as the content is: for the preview
    return variants


# --- the preview ------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return str(response.read().decode("utf-8"))
    except OSError:
        return ""


def wait_for(urls: list[str], text: str, timeout: float = 600) -> float:
    start = time.perf_counter()
    pending = list(urls)
    while pending:
        if time.perf_counter() - start > timeout:
            raise SystemExit(f"'{text}' kom aldrig på {pending[0]}")
        if text in fetch(pending[0]):
            pending.pop(0)
            continue
        time.sleep(0.02)
    return time.perf_counter() - start


def cpu_of(pid: int) -> float:
    """User + system seconds of a running process and its waited-for children (/proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / ticks


@dataclass
class Server:
    name: str
    cmd: list[str]
    env: dict[str, str]
    page: str  # the edited report's address
    lists: list[str] = field(default_factory=list)  # pages the headline is also on (po)
    latency: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    headline: list[float] = field(default_factory=list)


def bench_serve(root: Path, rounds: int, edits: int) -> list[Server]:
    report = last_year_report(root)
    report_id = report.name[: len("B-2025-001")]
    plain_page = report.relative_to(root / "content").with_suffix("").as_posix() + "/"
    servers = [
        Server("po (mkdocs serve --dirty)", [str(BIN / "mkdocs"), "serve", "--dirty", "-f", "mkdocs.yml"],
               {"PO_PDF": "0"}, f"brister/{report_id}/", lists=["brister/", "brister/ar/2025/"]),
        Server("Zensical (samma filer)", [str(BIN / "zensical"), "serve", "-f", "plain.yml"], {}, plain_page),
        Server("MkDocs utan tillägg (serve --dirty)",
               [str(BIN / "mkdocs"), "serve", "--dirty", "-f", "plain.yml"], {}, plain_page),
    ]
    original = report.read_text("utf-8")
    try:
        for r in range(rounds):
            for s in servers if r % 2 == 0 else list(reversed(servers)):
                port = free_port()
                env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **s.env}
                with tempfile.TemporaryFile() as log:
                    proc = subprocess.Popen([*s.cmd, "-a", f"127.0.0.1:{port}"], cwd=root, env=env,
                                            stdout=log, stderr=log)
                    base = f"http://127.0.0.1:{port}/"
                    try:
                        wait_for([base + s.page], TEXT, timeout=900)
                        time.sleep(1.5)
                        for e in range(edits):
                            marker = f"ÄNDRING{r}x{e}"
                            before = cpu_of(proc.pid)
                            report.write_text(original.replace(TEXT, f"{marker} {TEXT}", 1), "utf-8")
                            s.latency.append(wait_for([base + s.page], marker))
                            time.sleep(0.8)  # the server's own bookkeeping after the page is out
                            s.cpu.append(cpu_of(proc.pid) - before)
                        if s.lists:
                            marker = f"RUBRIK{r}x"
                            report.write_text(original.replace("Rapport nummer", f"{marker} nummer", 1), "utf-8")
                            s.headline.append(wait_for([base + s.page] + [base + u for u in s.lists], marker))
                            time.sleep(0.8)
                        report.write_text(original, "utf-8")
                        wait_for([base + s.page], TEXT)
                    finally:
                        proc.terminate()
                        try:
                            proc.wait(30)
                        except subprocess.TimeoutExpired:
                            proc.kill()
    finally:
        report.write_text(original, "utf-8")
    return servers


# --- report --------------------------------------------------------------------------------


def spread(values: list[float]) -> str:
    return f"{min(values):.2f} / {statistics.median(values):.2f} / {max(values):.2f}"


def sv(x: float, digits: int = 2) -> str:
    return f"{x:.{digits}f}".replace(".", ",")


def machine() -> str:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), "okänd processor")
    return f"{model}, {os.cpu_count()} kärnor"


def load() -> str:
    return " ".join(sv(x) for x in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description="Mät bygget och förhandsvisningen mot vanlig Material och Zensical.")
    parser.add_argument("--n", type=int, nargs="*", default=[100, 1000], help="antal rapporter")
    parser.add_argument("--rounds", type=int, default=3, help="parade omgångar per mätning")
    parser.add_argument("--slow-rounds", type=int, default=2, help="omgångar för kall cache och en ändrad rapport")
    parser.add_argument("--no-serve", action="store_true", help="utan förhandsvisningen")
    parser.add_argument("--serve-n", type=int, default=1000, help="antal rapporter för förhandsvisningen")
    parser.add_argument("--only-serve", action="store_true", help="bara förhandsvisningen (inga byggen)")
    parser.add_argument("--serve-rounds", type=int, default=2, help="starter av varje server")
    parser.add_argument("--edits", type=int, default=3, help="sparningar per start av servern")
    args = parser.parse_args()
    sizes = [args.serve_n] if args.only_serve else sorted({100, 1000, *args.n})
    print(f"Maskin: {machine()}. Belastning före: {load()} (1, 5, 15 min).")
    results: dict[int, list[Variant]] = {}
    servers: list[Server] = []
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"po-bench-{n}-") as tmp:
            root = Path(tmp) / "po"
            write_tree(root, n, years=5, yearly_reports=True, start=date(2021, 1, 1))
            (root / "plain.yml").write_text(PLAIN_YML, "utf-8")
            rounds = args.rounds if n <= 1000 else 1
            if not args.only_serve:
                results[n] = bench_builds(root, n, rounds, min(args.slow_rounds, rounds))
            if not args.no_serve and n == args.serve_n:
                servers = bench_serve(root, rounds=args.serve_rounds, edits=args.edits)
    if results:
        print()
        print("Bygget, i nya processer, parat med vanlig Material i samma omgång (kvot = po / Material):")
        print(f"{'rapporter':>9}  {'mätning':<22} {'omg':>3} {'CPU po':>8} {'CPU Mat.':>8}  "
              f"{'CPU-kvot min/med/max':>20}  {'väggtid-kvot':>18}  {'minne po/Mat.':>14}")
    for n, variants in results.items():
        for v in variants:
            if not v.runs:
                continue
            cpu = [a.cpu / b.cpu for a, b in zip(v.runs, v.plain, strict=True)]
            wall = [a.wall / b.wall for a, b in zip(v.runs, v.plain, strict=True)]
            print(f"{n:>9}  {v.name:<22} {len(v.runs):>3} {statistics.median(a.cpu for a in v.runs):>7.1f}s "
                  f"{statistics.median(b.cpu for b in v.plain):>7.1f}s  {spread(cpu):>20}  {spread(wall):>18}  "
                  f"{max(a.mb for a in v.runs):>5.0f}/{max(b.mb for b in v.plain):.0f} MiB")
    if servers:
        print(f"Belastning efter förhandsvisningen: {load()}.")
        print()
        print(f"Förhandsvisningen, {args.serve_n} rapporter: från sparad fil till sidan med den nya texten "
              "(väggtid), och serverns CPU per sparning:")
        for s in servers:
            print(f"  {s.name:<38} {len(s.latency):>2} ändringar  {spread(s.latency):>20} s   "
                  f"CPU {spread(s.cpu)} s")
        po = next(s for s in servers if s.lists)
        print(f"  {'po, rubriken ändrad (sidan och listorna)':<38} {len(po.headline):>2} ändringar  "
              f"{spread(po.headline):>20} s")
        zensical = next(s for s in servers if s.name.startswith("Zensical"))
        ratio = statistics.median(po.latency) / statistics.median(zensical.latency)
        print(f"  kvot po / Zensical (median): {sv(ratio)} (mål: högst {sv(GOAL_SERVE, 1)})")
    if 1000 in results and 10000 in results:
        def median_cpu(n: int) -> float:
            return statistics.median(a.cpu for a in next(v for v in results[n] if v.name == "po, inget ändrat").runs)
        print(f"\nTillväxt 1 000 → 10 000 rapporter (CPU, inget ändrat): {sv(median_cpu(10000) / median_cpu(1000), 1)} "
              "gånger (mål: högst 11)")
    if 1000 in results:
        full = next(v for v in results[1000] if v.name == "po, inget ändrat")
        ratio = statistics.median(a.cpu / b.cpu for a, b in zip(full.runs, full.plain, strict=True))
        print(f"\nHela bygget utan ändrade år, 1 000 rapporter: {sv(ratio)} gånger vanlig Material i CPU-tid "
              f"(mål: högst {sv(GOAL_FULL, 1)})" + ("" if ratio <= GOAL_FULL else " – MÅLET NÅS INTE"))
    print(f"Belastning efter: {load()}.")


if __name__ == "__main__":
    main()
