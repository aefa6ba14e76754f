"""`po init`: a new organisation's repository in one command, and it builds."""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from po_build import __version__
from po_build.cli import init as newsite
from po_build.cli import lockfile
from po_build.cli.init import SHARED_WITH_PO_BUILD, Answers, area_ids
from po_build.contract.sections import HINTS

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ORG = "Personligt ombud Norrbacka"
FLAGS = ["--organisation", ORG, "--region", "Norrbacka län", "--kommuner", "Norrby kommun, Sjöviks kommun",
         "--kommuner", "Granåsa kommun"]


def po(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN / "po"), *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          stdin=subprocess.DEVNULL, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})


def test_po_init_writes_a_repository_that_checks_and_builds(tmp_path: Path) -> None:
    result = po("init", "norrbacka", *FLAGS, "--år", "2026", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Så gör du nu" in result.stdout and "make site" in result.stdout
    repo = tmp_path / "norrbacka"
    for name in ("mkdocs.yml", "content/index.md", "content/vokabular.yml", "content/arsrapport/2026/index.md",
                 ".github/workflows/po.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml", "requirements.txt",
                 ".gitignore", "README.md", "Makefile", "lock/build.txt", "lock/site.txt",
                 "content/brister/_mallar/brist.md", "package.json", "package-lock.json"):
        assert (repo / name).is_file(), name
    # No sample reports: the only report-like files are the templates, which the build ignores.
    assert [p.name for p in (repo / "content" / "brister").rglob("*.md") if "_mallar" not in p.parts] == []
    assert ORG in (repo / "content" / "index.md").read_text("utf-8")
    assert "Norrby kommun, Sjöviks kommun och Granåsa kommun" in (repo / "content" / "index.md").read_text("utf-8")

    made = po("ny", "brist", "--rubrik", "Telefontiden hos mottagningen räcker inte", "--nivå", "lokal",
              "--kategorier", "tillganglighet", "--aktörer", "psykiatrin", "--områden", "sjoviks",
              "--allvarlighet", "medel", "--idag", "2026-11-20", cwd=repo)
    assert made.returncode == 0, made.stderr
    (report,) = (repo / "content" / "brister" / "2026").glob("B-2026-001-*.md")
    # The ombud writes her own text in place of each help sentence, then the group decides.
    text = report.read_text("utf-8")
    for title, hint in HINTS.items():
        text = text.replace(hint, f"Ombudens egen text under {title.lower()}, utan uppgifter om någon klient.")
    report.write_text(text.replace("\npublicera: false\n", "\npublicera: true\npublicerad: 2026-11-25\n"),
                      "utf-8")
    checked = po("check", cwd=repo)
    assert checked.returncode == 0, checked.stdout
    assert "Inga fel" in checked.stdout

    # The new repository's own first command, with this environment in place of its .venv.
    venv = BIN.parent
    built = subprocess.run(["make", "site", f"VENV={venv}", "-o", str(venv / ".installed")], cwd=repo,
                           capture_output=True, text=True, timeout=600, stdin=subprocess.DEVNULL)
    output = built.stdout + built.stderr
    assert built.returncode == 0, output[-3000:]
    assert "1 publicerad," in output and "Traceback" not in output
    page = (repo / "site" / "brister" / "B-2026-001" / "index.html").read_text("utf-8")
    assert "Telefontiden hos mottagningen räcker inte" in page
    area = (repo / "site" / "brister" / "omrade" / "sjoviks" / "index.html").read_text("utf-8")
    assert "Sjöviks kommun" in area  # (few reports per area: the list itself is withheld)
    assert ORG in (repo / "site" / "index.html").read_text("utf-8")
    assert (repo / "site" / "arsrapport" / "index.html").is_file()
    # The form at /admin/, made from this repository's own vocabulary: its municipalities are areas.
    form = yaml.safe_load((repo / "site" / "admin" / "config.yml").read_text("utf-8"))
    assert form["publish_mode"] == "editorial_workflow"
    brister = next(c for c in form["collections"] if c["name"] == "brister")
    areas = next(f for f in brister["fields"] if f["name"] == "områden")
    assert {"label": "Sjöviks kommun", "value": "sjoviks"} in areas["options"]
    assert (repo / "site" / "admin" / "decap-cms.js").is_file()


def test_the_readme_shows_its_own_two_commands_and_the_makefile_has_them() -> None:
    files = newsite.files(Answers(ORG, "Norrbacka län", ("Norrby kommun",), 2026))
    first_block = re.search(r"```sh\n(.*?)```", files["README.md"], re.DOTALL)
    assert first_block is not None
    commands = [line.split("#")[0].split() for line in first_block.group(1).splitlines()]
    assert [c[:2] for c in commands] == [["make", "site"], ["make", "serve"]]
    targets = re.findall(r"^([a-z-]+):", files["Makefile"], re.MULTILINE)
    assert {"site", "serve"} <= set(targets)
    assert f"po-build {__version__}" in files["README.md"]


def test_requirements_pin_this_version_and_the_locks_are_this_versions_own() -> None:
    a = Answers(ORG, "Norrbacka län", ("Norrby kommun",), 2026, "https://git.example/po/po-build")
    files = newsite.files(a)
    pins = [line for line in files["requirements.txt"].splitlines() if line and not line.startswith("#")]
    assert pins == [f"po-build @ git+https://git.example/po/po-build@v{__version__}"]
    for name in (lockfile.BUILD_LOCK, lockfile.SITE_LOCK):
        assert files[f"lock/{name}"] == (REPO / lockfile.LOCK_DIR / name).read_text("utf-8")


@pytest.mark.parametrize("name", SHARED_WITH_PO_BUILD)
def test_files_shared_with_po_build_are_the_same_file(name: str) -> None:
    # One source: what a new organisation gets is what this repository runs itself.
    given = newsite.files(Answers(ORG, "Norrbacka län", ("Norrby kommun",), 2026))[name]
    assert given == (REPO / name).read_text("utf-8"), (
        f"{name} och po_build/{newsite.TEMPLATES}/{newsite.STATIC[name]} skiljer sig – ändra båda likadant")


def test_new_mkdocs_yml_is_the_sample_sites_where_it_matters() -> None:
    odd = 'Ombud: "Norr" & Syd # 1'  # colon, quotes, hash: must come back as written
    files = newsite.files(Answers(odd, "Län: Norr", ("Norrby kommun",), 2026))
    new = yaml.safe_load(files["mkdocs.yml"])
    sample = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8"))
    for key in ("exclude_docs", "theme", "nav", "markdown_extensions", "docs_dir", "use_directory_urls"):
        assert new[key] == sample[key], key
    assert new["site_name"] == odd
    assert new["plugins"]["search"] == sample["plugins"]["search"]
    assert (new["plugins"]["po"]["organisation"], new["plugins"]["po"]["region"]) == (odd, "Län: Norr")
    assert new["plugins"]["po"]["tillganglighet"]["ansvarig"] == odd


def test_municipalities_become_vocabulary_areas() -> None:
    assert area_ids(("Norrby kommun", "Sjöviks kommun", "Östra Lids kommun", "Region Norrbacka")) == {
        "norrby": "Norrby kommun", "sjoviks": "Sjöviks kommun", "ostra-lids": "Östra Lids kommun",
        "region-norrbacka": "Region Norrbacka"}
    assert list(area_ids(("Åby", "Aby"))) == ["aby", "aby-2"]


def _args(**given: object) -> argparse.Namespace:
    base = {"mapp": "ny", "organisation": None, "region": None, "kommuner": None, "ar": None, "source": None}
    return argparse.Namespace(**{**base, **given})


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_po_init_asks_in_swedish_for_what_the_flags_do_not_say(monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    replies = iter(["", "Norrbacka län", "Norrby kommun, Sjöviks kommun"])
    questions: list[str] = []

    def answer(prompt: str) -> str:
        questions.append(prompt)
        return next(replies)

    monkeypatch.setattr(sys, "stdin", _Terminal())
    monkeypatch.setattr("builtins.input", answer)
    a = newsite.answers_from(_args(organisation=ORG), date(2026, 3, 1))
    assert a == Answers(ORG, "Norrbacka län", ("Norrby kommun", "Sjöviks kommun"), 2026, newsite.source_url())
    assert questions[0].startswith("Region eller län")  # the name was given: not asked
    assert questions[1] == questions[0]  # an empty answer is asked again
    assert questions[2].startswith("Kommuner")
    assert "Svaret behövs" in capsys.readouterr().out


def test_po_init_without_a_terminal_names_the_missing_flags(tmp_path: Path) -> None:
    result = po("init", "ny", "--organisation", ORG, cwd=tmp_path)
    assert result.returncode == 2
    assert "--region" in result.stderr and "--kommuner" in result.stderr and "--organisation" not in (
        result.stderr.split("t.ex.")[0])
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "ny").exists()


def test_po_init_never_writes_into_a_folder_with_files(tmp_path: Path) -> None:
    (tmp_path / "befintlig").mkdir()
    (tmp_path / "befintlig" / "README.md").write_text("vårt eget", "utf-8")
    result = po("init", "befintlig", *FLAGS, cwd=tmp_path)
    assert result.returncode == 1
    assert "inte en tom mapp" in result.stderr
    assert [p.name for p in (tmp_path / "befintlig").iterdir()] == ["README.md"]
    assert (tmp_path / "befintlig" / "README.md").read_text("utf-8") == "vårt eget"


@pytest.mark.parametrize(("flags", "message"), [
    (["--år", "26"], "fyra siffror"),
    (["--po-build", "git@example:po-build"], "https-adress"),
    (["--kommuner", " , "], "minst en kommun"),
])
def test_po_init_refuses_bad_answers_with_a_swedish_message(tmp_path: Path, flags: list[str], message: str) -> None:
    base = ["--organisation", ORG, "--region", "Norrbacka län"]
    if "--kommuner" not in flags:
        base += ["--kommuner", "Norrby kommun"]
    result = po("init", "ny", *base, *flags, cwd=tmp_path)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert not (tmp_path / "ny").exists()
