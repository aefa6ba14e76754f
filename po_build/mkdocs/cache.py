"""Where the build cache lives for a site (load/store.py), and the build log's line about it.

`.cache/po-build/` beside mkdocs.yml, so that each site has its own and `make clean` and CI
find it. The plugin option `cache: false` or PO_CACHE=0 builds without it; PO_CACHE_DIR
puts it somewhere else (the test suite uses a folder of its own).
"""

from __future__ import annotations

import os
from pathlib import Path

from po_build.load.store import CACHE_DIR, Store

_NO = ("0", "false", "nej")


def build_cache(site_root: Path, enabled: bool) -> Store | None:
    if not enabled or os.environ.get("PO_CACHE", "").strip().lower() in _NO:
        return None
    folder = os.environ.get("PO_CACHE_DIR", "").strip()
    return Store(Path(folder) if folder else site_root / CACHE_DIR)


def _seconds(s: float) -> str:
    return f"{s:.1f}".replace(".", ",") + " s"


def _years(years: list[int]) -> str:
    shown = [str(y) for y in sorted(years)]
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " och " + shown[-1]


def pdf_line(total: int, fresh: list[int], cpu_seconds: float, store: Store | None) -> str:
    """What the yearly reports' PDFs cost this build, in the words of the build log."""
    if store is None:
        return f"årsrapportens PDF lades ut för {total} år ({_seconds(cpu_seconds)} processortid, utan bygg-cache)"
    kept = total - len(fresh)
    if not fresh:
        return (f"årsrapportens PDF för {total} år togs ur bygg-cachen: inget av dem hade ändrats "
                f"({_seconds(cpu_seconds)})")
    if not kept:
        return (f"årsrapportens PDF lades ut för {_years(fresh)} ({_seconds(cpu_seconds)} processortid); "
                "nästa bygge tar dem ur bygg-cachen så länge innehållet är detsamma")
    return (f"årsrapportens PDF lades ut på nytt för {_years(fresh)}, där något hade ändrats "
            f"({_seconds(cpu_seconds)} processortid); {kept} år togs oförändrade ur bygg-cachen")
