"""Where a build spends its time: cProfile of one `mkdocs build` (PDF off, cold cache) of a
generated site, printed as shares of the whole (the profiler slows everything; the shares hold).

    .venv/bin/python benchmarks/profile_build.py --n 1000
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.contentgen import write_tree  # noqa: E402

# (file ending, function) → the name printed: po's own templates, every Jinja template, the stages.
WATCHED = {
    ("po_build/mkdocs/plugin.py", "_render_spec"): "po:s mallar: rapporter, listor, aktörer",
    ("po_build/mkdocs/plugin.py", "_start_html"): "po:s mallar: startsidan",
    ("jinja2/environment.py", "render"): "alla Jinja-mallar (med Materials sidmall)",
    ("po_build/mkdocs/plugin.py", "on_files"): "kontroll, projektion, sidornas uppgifter",
    ("mkdocs/commands/build.py", "_populate_page"): "MkDocs: Markdown till HTML",
    ("mkdocs/commands/build.py", "_build_page"): "MkDocs: sidorna med mallen",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000, help="number of reports (1,000)")
    args = parser.parse_args()
    os.environ.update({"NO_MKDOCS_2_WARNING": "1", "PO_PDF": "0"})
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_tree(root, args.n, years=5, start=date(2021, 1, 4), yearly_reports=True)
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site"))
        profile = cProfile.Profile()
        profile.runcall(build, config)
    stats = pstats.Stats(profile)
    total = stats.total_tt  # type: ignore[attr-defined]  # set by Stats, missing from its stubs
    shares: dict[str, float] = {}
    for (file, _line, fn), (_cc, _nc, _tt, cumulative, _callers) in stats.stats.items():  # type: ignore[attr-defined]  # idem
        for (ending, name), label in WATCHED.items():
            if fn == name and file.endswith(ending):
                shares[label] = shares.get(label, 0.0) + cumulative
    print(f"{args.n} rapporter, ett bygge utan PDF med kall cache, {total:.1f} s med profileraren")
    for label, seconds in sorted(shares.items(), key=lambda kv: -kv[1]):
        print(f"  {label:45s} {100 * seconds / total:5.1f} %")


if __name__ == "__main__":
    main()
