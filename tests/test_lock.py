"""The lock files: made from pyproject.toml, exact, hashed, and what every install uses."""

from __future__ import annotations

import copy
import json
import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement

from po_build.cli import lockfile
from po_build.cli.lockfile import BUILD_LOCK, DEV_LOCK, LOCK_DIR, LOCKS, SITE_LOCK, Pin

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
TEXT = {name: (REPO / LOCK_DIR / name).read_text("utf-8") for name in LOCKS}
PINS = {name: lockfile.parse(text) for name, text in TEXT.items()}


def applicable(pins: list[Pin]) -> dict[str, Pin]:
    """The pins this interpreter installs: a universal lock has one per name and marker."""
    out: dict[str, Pin] = {}
    for pin in pins:
        if pin.marker and not Marker(pin.marker).evaluate():
            continue
        assert pin.name not in out, f"{pin.name} står två gånger för den här Pythonversionen"
        out[pin.name] = pin
    return out


@pytest.mark.parametrize("name", LOCKS)
def test_the_lock_was_made_from_this_pyproject(name: str) -> None:
    assert lockfile.recorded_digest(TEXT[name]) == lockfile.digest(PYPROJECT), (
        f"{LOCK_DIR}/{name} är inte gjord från den här pyproject.toml – kör `make lock` och checka in resultatet"
    )


def test_the_digest_sees_every_input() -> None:
    # Adding a dev tool, a dependency, a build requirement or a Python version is a new lock.
    changes = [
        lambda p: p["project"]["optional-dependencies"]["dev"].append("mypy>=1"),
        lambda p: p["project"]["dependencies"].append("rich>=13"),
        lambda p: p["build-system"]["requires"].append("wheel"),
        lambda p: p["project"].__setitem__("requires-python", ">=3.12"),
        lambda p: p["project"]["dependencies"].__setitem__(0, p["project"]["dependencies"][0] + ",!=1.6.0"),
    ]
    for change in changes:
        other = copy.deepcopy(PYPROJECT)
        change(other)
        assert lockfile.digest(other) != lockfile.digest(PYPROJECT)


@pytest.mark.parametrize("name", LOCKS)
def test_every_line_is_an_exact_pin_with_sha256_hashes(name: str) -> None:
    pins = PINS[name]
    assert pins
    for pin in pins:
        assert pin.hashes, f"{pin.name} saknar kontrollsumma"
        assert re.fullmatch(r"[0-9][0-9A-Za-z.+!-]*", pin.version), pin
    applicable(pins)


def _requirements(*groups: list[str]) -> list[Requirement]:
    return [Requirement(r) for group in groups for r in group]


def _assert_satisfied(requirements: list[Requirement], pins: dict[str, Pin], lock: str) -> None:
    for req in requirements:
        if req.marker is not None and not req.marker.evaluate({"extra": ""}):
            continue
        name = lockfile.normalise(req.name)
        assert name in pins, f"{req} finns inte i {lock} – kör `make lock`"
        assert req.specifier.contains(pins[name].version, prereleases=True), (
            f"{lock} har {name}=={pins[name].version}, pyproject.toml vill ha {req} – kör `make lock`"
        )


def test_pyproject_and_the_locks_agree() -> None:
    project = PYPROJECT["project"]
    runtime = _requirements(project["dependencies"])
    build = _requirements(PYPROJECT["build-system"]["requires"])
    dev = _requirements(project["optional-dependencies"]["dev"])
    _assert_satisfied(build, applicable(PINS[BUILD_LOCK]), BUILD_LOCK)
    _assert_satisfied(runtime + build, applicable(PINS[SITE_LOCK]), SITE_LOCK)
    _assert_satisfied(runtime + build + dev, applicable(PINS[DEV_LOCK]), DEV_LOCK)
    # And nothing in site.txt that the site does not need: no test or lint tool.
    site_names = {p.name for p in PINS[SITE_LOCK]}
    only_dev = {lockfile.normalise(r.name) for r in dev} - {lockfile.normalise(r.name) for r in runtime}
    assert site_names & only_dev == set()


@pytest.mark.parametrize("name", [BUILD_LOCK, SITE_LOCK])
def test_build_and_site_locks_are_the_dev_locks_own_versions(name: str) -> None:
    # Markers may differ (typing-extensions is for every Python in dev.txt, where mypy needs it,
    # but only for old ones in site.txt); the version and the hashes may not.
    dev = {(pin.name, pin.version, pin.hashes) for pin in PINS[DEV_LOCK]}
    strays = [pin for pin in PINS[name] if (pin.name, pin.version, pin.hashes) not in dev]
    assert strays == [], f"{name} har andra versioner än {DEV_LOCK}: {strays[:3]}"


def test_this_environment_is_exactly_the_dev_lock() -> None:
    # make test installed from the lock: each package at the locked version, none missing.
    wrong = {}
    for name, pin in applicable(PINS[DEV_LOCK]).items():
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            installed = "saknas"
        if installed != pin.version:
            wrong[name] = (installed, pin.version)
    assert wrong == {}, f"installerat skiljer sig från {DEV_LOCK} (installerat, låst): {wrong}"


def test_parse_reads_markers_and_refuses_loose_pins() -> None:
    text = (
        "# kommentar\n"
        "numpy==2.4.6 ; python_full_version < '3.12' \\\n"
        "    --hash=sha256:" + "a" * 64 + " \\\n"
        "    --hash=sha256:" + "b" * 64 + "\n"
        "    # via matplotlib\n"
        "PyYAML==6.0.4 \\\n    --hash=sha256:" + "c" * 64 + "\n"
    )
    assert lockfile.parse(text) == [
        Pin("numpy", "2.4.6", "python_full_version < '3.12'", ("sha256:" + "a" * 64, "sha256:" + "b" * 64)),
        Pin("pyyaml", "6.0.4", "", ("sha256:" + "c" * 64,)),
    ]
    with pytest.raises(ValueError):
        lockfile.parse("pyyaml>=6.0\n")


# --- every install uses the lock -----------------------------------------------------------


INSTALLERS = ["Makefile", ".github/workflows/po.yml", ".gitlab-ci.yml", "po_build/data/ny-organisation/Makefile"]


@pytest.mark.parametrize("name", INSTALLERS)
def test_every_pip_install_is_from_a_lock_or_without_dependencies(name: str) -> None:
    text = (REPO / name).read_text("utf-8")
    installs = [line.strip() for line in text.splitlines()
                if re.search(r"\bpip\b.*\binstall\b", line, re.IGNORECASE) and not line.strip().startswith("#")]
    assert installs
    for line in installs:
        assert "--no-deps" in line, f"{name}: '{line}' installerar beroenden utanför låsfilen"
        assert "--require-hashes" in line or "--no-build-isolation" in line, f"{name}: {line}"
    assert "build.txt" in text and ("site.txt" in text or "dev.txt" in text)


@pytest.mark.parametrize("name", INSTALLERS)
def test_every_npm_install_is_from_the_lock_without_install_scripts(name: str) -> None:
    # The form's packages: exactly package-lock.json (npm ci, never npm install), and no
    # package's own install script runs on the machine that builds the site.
    text = (REPO / name).read_text("utf-8")
    installs = [line.strip() for line in text.splitlines()
                if re.search(r"\bnpm\s+(ci|install|i)\b", line) and not line.strip().startswith("#")]
    assert installs, f"{name} installerar inte formulärets npm-paket"
    for line in installs:
        assert "npm ci " in line and "--ignore-scripts" in line, f"{name}: {line}"


# --- npm -------------------------------------------------------------------------------------


def _npm(folder: Path, package: dict[str, object], lock: dict[str, object] | None) -> Path:
    folder.mkdir()
    (folder / "package.json").write_text(json.dumps(package), "utf-8")
    if lock is not None:
        (folder / "package-lock.json").write_text(json.dumps(lock), "utf-8")
    return folder


def test_npm_lock_check_finds_a_missing_or_stale_lock(tmp_path: Path) -> None:
    package = {"name": "x", "devDependencies": {"vite": "^7.1.0"}}
    entry = {"version": "7.1.2", "resolved": "vite-7.1.2.tgz", "integrity": "sha512-abc"}
    good = {"lockfileVersion": 3, "packages": {"": {"devDependencies": {"vite": "^7.1.0"}},
                                               "node_modules/vite": entry}}
    assert lockfile.npm_lock_problems(_npm(tmp_path / "bra", package, good)) == []
    assert lockfile.npm_lock_problems(_npm(tmp_path / "utan", package, None))
    stale = copy.deepcopy(good)
    stale["packages"][""]["devDependencies"] = {"vite": "^6.0.0"}  # type: ignore[index]
    assert lockfile.npm_lock_problems(_npm(tmp_path / "gammal", package, stale))
    unhashed = copy.deepcopy(good)
    del unhashed["packages"]["node_modules/vite"]["integrity"]  # type: ignore[index]
    assert lockfile.npm_lock_problems(_npm(tmp_path / "osaker", package, unhashed))


def test_every_npm_package_json_in_the_repository_has_a_matching_lock() -> None:
    for package in lockfile.npm_packages(REPO):
        assert lockfile.npm_lock_problems(package.parent) == [], package
