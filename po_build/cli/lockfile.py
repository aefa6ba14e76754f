"""The lock files: exactly what every install of po-build gets, with PyPI's hashes.

Three files, made by `make lock` from pyproject.toml in one go, so that they can never
disagree with each other:

- ``build.txt``: the build backend alone (setuptools), installed first. po-build itself and
  feedgen, which PyPI has only as source, are built with it (``--no-build-isolation``), so no
  build ever fetches a backend the lock does not name.
- ``site.txt``: what building a site needs. An organisation's repository installs this one
  (`po init` writes a copy of it, with build.txt).
- ``dev.txt``: that and the development tools (`make site`, `make test`).

Each is a requirements file that pip installs with nothing but itself
(``pip install --require-hashes --no-deps -r ...``). uv writes them: a universal
resolution (every Python from requires-python, every platform), so one file serves a
Linux CI runner and an ombud's own Windows laptop. uv itself is pinned in dev.txt and
installed from it like every other tool, so `make lock` always runs the same uv.

Each file starts with a digest of its inputs; tests/test_lock.py recomputes it, so a
change to pyproject.toml without `make lock` fails the suite.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

LOCK_DIR = "po_build/data/lock"  # relative to the repository root
BUILD_LOCK = "build.txt"
SITE_LOCK = "site.txt"
DEV_LOCK = "dev.txt"
LOCKS = (BUILD_LOCK, SITE_LOCK, DEV_LOCK)
DEV_EXTRA = "dev"
# The resolution's own settings: part of the digest, so changing them means a new lock.
UV_OPTIONS = ("--universal", "--generate-hashes", "--no-header", "--no-config")
_DIGEST_LINE = re.compile(r"^# indata: sha256:([0-9a-f]{64})$", re.MULTILINE)


@dataclass(frozen=True)
class Pin:
    """One line of a lock file: a name, its exact version, when it applies, its hashes."""

    name: str
    version: str
    marker: str
    hashes: tuple[str, ...]


def normalise(name: str) -> str:
    """PEP 503: 'PyYAML', 'pyyaml' and 'py_yaml' are one package."""
    return re.sub(r"[-_.]+", "-", name).lower()


def inputs(pyproject: dict[str, Any]) -> dict[str, Any]:
    """What the locks are made from: everything in pyproject.toml that chooses a package."""
    project = pyproject["project"]
    return {
        "requires-python": project.get("requires-python", ""),
        "dependencies": project.get("dependencies", []),
        "optional-dependencies": project.get("optional-dependencies", {}),
        "build-system": pyproject.get("build-system", {}).get("requires", []),
        "uv": list(UV_OPTIONS),
    }


def digest(pyproject: dict[str, Any]) -> str:
    data = json.dumps(inputs(pyproject), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def recorded_digest(lock_text: str) -> str | None:
    match = _DIGEST_LINE.search(lock_text)
    return match.group(1) if match else None


def parse(lock_text: str) -> list[Pin]:
    """The pins of a hashed requirements file as uv writes it (continued lines joined)."""
    logical = re.sub(r"\\\n", " ", lock_text)
    pins = []
    for line in logical.splitlines():
        line = line.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        hashes = tuple(re.findall(r"--hash=(sha256:[0-9a-f]{64})", line))
        requirement = re.sub(r"\s*--hash=\S+", "", line).strip()
        spec, _, marker = requirement.partition(";")
        match = re.fullmatch(r"([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==(\S+)", spec.strip())
        if match is None:
            raise ValueError(f"not an exact pin: {line}")
        pins.append(Pin(normalise(match.group(1)), match.group(2), marker.strip(), hashes))
    return pins


def lock_text(name: str) -> str:
    """A lock shipped inside the package: `po init` gives a new organisation build and site."""
    return resources.files("po_build").joinpath("data", "lock", name).read_text("utf-8")


def _header(kind: str, pyproject: dict[str, Any], uv_version: str) -> str:
    what = {
        BUILD_LOCK: "byggverktyget som installeras först (po-build och feedgen byggs med det)",
        SITE_LOCK: "det som behövs för att bygga en webbplats med po-build",
        DEV_LOCK: "det som `make site` och `make test` installerar (webbplatsen och utvecklingsverktygen)",
    }[kind]
    install = "" if kind == BUILD_LOCK else f" --no-build-isolation (efter {BUILD_LOCK})"
    return (
        f"# Låsfil: {what}, med exakta versioner och PyPI:s kontrollsummor.\n"
        f"# Installeras med: pip install --require-hashes --no-deps{install} -r DEN-HÄR-FILEN\n"
        "# Skriv inte i den för hand: ändra pyproject.toml och kör `make lock`.\n"
        f"# Gjord av {uv_version} från pyproject.toml.\n"
        f"# indata: sha256:{digest(pyproject)}\n"
    )


def _uv_env() -> dict[str, str]:
    """This machine's own package settings stay out: the lock must carry PyPI's hashes."""
    keep = {"UV_CACHE_DIR"}
    return {k: v for k, v in os.environ.items() if not k.startswith("UV_") or k in keep}


def _compile(uv: str, root: Path, out: str, build: list[str], extra_args: list[str],
             project: bool = True) -> None:
    sources = ["pyproject.toml", "-"] if project else ["-"]
    command = [uv, "pip", "compile", *UV_OPTIONS, *sources, *extra_args, "-o", out]
    subprocess.run(command, cwd=root, env=_uv_env(), input="\n".join(build) + "\n", text=True,
                   check=True)


def write_locks(root: Path, upgrade: bool = False) -> None:
    """Resolve pyproject.toml into both lock files (dev first, then site within it)."""
    uv = shutil.which("uv", path=str(Path(sys.executable).parent)) or shutil.which("uv")
    if uv is None:
        raise SystemExit("make lock: uv saknas – kör `make setup` först (uv installeras från låsfilen)")
    uv_version = subprocess.run([uv, "--version"], capture_output=True, text=True, check=True).stdout.split(" (")[0]
    pyproject = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))
    build = pyproject.get("build-system", {}).get("requires", [])
    dev = f"{LOCK_DIR}/{DEV_LOCK}"
    (root / LOCK_DIR).mkdir(parents=True, exist_ok=True)
    _compile(uv, root, dev, build, ["--extra", DEV_EXTRA, *(["--upgrade"] if upgrade else [])])
    # The other two are the dev lock's subsets: the same versions, never a second resolution.
    _compile(uv, root, f"{LOCK_DIR}/{SITE_LOCK}", build, ["-c", dev])
    _compile(uv, root, f"{LOCK_DIR}/{BUILD_LOCK}", build, ["-c", dev], project=False)
    for name in LOCKS:
        path = root / LOCK_DIR / name
        body = path.read_text("utf-8").replace("# via -r -", "# via pyproject.toml (build-system)")
        body = body.replace("#   -r -\n", "#   pyproject.toml (build-system)\n")
        path.write_text(_header(name, pyproject, uv_version) + body, "utf-8")
    _lock_npm(root)


def npm_packages(root: Path) -> list[Path]:
    """The project's own package.json files (tracked or new, never those inside .venv)."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "--", "*package.json"],
                            cwd=root, capture_output=True, text=True, check=True).stdout
    return [root / line for line in listed.splitlines() if line.endswith("package.json")]


def _lock_npm(root: Path) -> None:
    """npm packages, when the project has any, are locked the same way (package-lock.json)."""
    for package in npm_packages(root):
        subprocess.run(["npm", "install", "--package-lock-only", "--ignore-scripts"],
                       cwd=package.parent, check=True)


def npm_lock_problems(folder: Path) -> list[str]:
    """Where package-lock.json does not match package.json, or lacks a hash (`npm ci` needs both)."""
    package = json.loads((folder / "package.json").read_text("utf-8"))
    lock_path = folder / "package-lock.json"
    if not lock_path.is_file():
        return ["package-lock.json saknas – kör `make lock`"]
    lock = json.loads(lock_path.read_text("utf-8"))
    packages = lock.get("packages", {})
    root = packages.get("", {})
    problems = [
        f"{kind} i package.json och package-lock.json skiljer sig – kör `make lock`"
        for kind in ("dependencies", "devDependencies", "optionalDependencies")
        if package.get(kind, {}) != root.get(kind, {})
    ]
    problems += [f"{path} saknar integrity (kontrollsumma)" for path, entry in packages.items()
                 if path and not entry.get("link") and not entry.get("integrity")]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make lock", description="Skriver låsfilerna från pyproject.toml.")
    parser.add_argument("--upgrade", action="store_true", help="ta de nyaste tillåtna versionerna av allt")
    args = parser.parse_args(argv)
    write_locks(Path.cwd(), upgrade=args.upgrade)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
