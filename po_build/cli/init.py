"""`po init MAPP`: a complete repository for a new PO organisation, in one command.

It asks three things (in Swedish, each also a flag): the organisation's name, its region,
and the municipalities it works in. From them it writes mkdocs.yml, content/ (start page,
vocabulary, this year's yearly report, the templates for the web editor; no sample
reports), the CI workflows for GitHub and GitLab, the pre-commit config, requirements.txt
pinning this version of po-build, the lock files, package.json and package-lock.json for the
form at /admin/, a Makefile, .gitignore and a README.

The files come from data/ny-organisation/. The CI workflows, the theme overrides and the
form's npm files there are the very files this repository uses itself (tests/test_newsite.py holds them equal),
so a new organisation gets what po-build's own CI runs, never a copy that drifts.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from datetime import date
from importlib import metadata, resources
from pathlib import Path
from string import Template

from po_build import __version__
from po_build.cli import lockfile
from po_build.cli.common import Refused, Subcommands, UsageError, vocabulary_of
from po_build.cli.templates import render_year, template_files, yaml_text
from po_build.contract.layout import REPORT_DIR, VOCABULARY_FILE, YEAR_DIR
from po_build.model.slug import slugify

TEMPLATES = "data/ny-organisation"
# Where po-build lives, when this copy was not installed from there (a git install tells).
HOME = "https://github.com/EXEMPEL/po-build"
# Package data cannot hold names that start with '.' (a wheel leaves them out): the files
# are stored under plain names and get their real ones here. Target → stored name.
STATIC = {
    ".github/workflows/po.yml": "github-po.yml",
    ".gitlab-ci.yml": "gitlab-ci.yml",
    ".gitignore": "gitignore",
    ".pre-commit-config.yaml": "pre-commit-config.yaml",
    "Makefile": "Makefile",
    "overrides/main.html": "overrides/main.html",
    "overrides/404.html": "overrides/404.html",
    "overrides/partials/copyright.html": "overrides/partials/copyright.html",
    # The form at /admin/: Decap CMS and decap-server, locked to the versions po-build is tested with.
    "package.json": "package.json",
    "package-lock.json": "package-lock.json",
}
# The files this repository has too, byte for byte: the one source of each.
SHARED_WITH_PO_BUILD = (".github/workflows/po.yml", ".gitlab-ci.yml", "overrides/main.html",
                        "overrides/404.html", "overrides/partials/copyright.html", "package.json",
                        "package-lock.json")
TEMPLATED = {"mkdocs.yml": "mkdocs.yml", "README.md": "README.md", "content/index.md": "index.md"}
MAX_NAME = 120


@dataclass(frozen=True)
class Answers:
    organisation: str
    region: str
    kommuner: tuple[str, ...]
    year: int
    source: str = HOME


def template_text(name: str) -> str:
    return resources.files("po_build").joinpath(TEMPLATES, name).read_text("utf-8")


def source_url() -> str:
    """Where this po-build was installed from, if from a git repository; else HOME."""
    try:
        raw = metadata.distribution("po-build").read_text("direct_url.json")
    except metadata.PackageNotFoundError:  # pragma: no cover - run from a source tree
        raw = None
    try:
        direct = json.loads(raw) if raw else {}
    except ValueError:
        direct = {}
    url = str(direct.get("url") or "")
    return url if "vcs_info" in direct and url.startswith("https://") else HOME


def area_ids(kommuner: tuple[str, ...]) -> dict[str, str]:
    """Vocabulary ids for the municipalities: 'Sjöviks kommun' → 'sjoviks'."""
    out: dict[str, str] = {}
    for label in kommuner:
        base = re.sub(r"-kommun$", "", slugify(label)) or "kommun"
        area, n = base, 2
        while area in out:
            area, n = f"{base}-{n}", n + 1
        out[area] = label
    return out


def _vocabulary(a: Answers) -> str:
    lines = [
        f"# {a.organisation} – egna ord, som slås ihop med po-builds inbyggda lista.",
        "# `po init` skrev filen. Guiden på webbplatsen, sidan om fälten, visar vad som går att ändra.",
        "",
        "områden:            # id: namn (id med a–z, 0–9 och bindestreck; används i rapporternas fält)",
        *[f"  {area}: {yaml_text(label)}" for area, label in area_ids(a.kommuner).items()],
        "",
        "aktörer: {}         # egna aktörer, eller ett nytt namn för en inbyggd",
        "",
        "kategorier: {}      # egna kategorier",
        "",
        "tillåtna_termer: [] # ord som kontrollen av personuppgifter ska godta, vart och ett med skäl",
    ]
    return "\n".join(lines) + "\n"


def _joined(items: tuple[str, ...]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " och " + items[-1]


def _requirements(a: Answers) -> str:
    return (
        f"# Den version av po-build som webbplatsen byggs med (`po init` skrev filen, med po-build {__version__}).\n"
        "# make site och kontrollen på GitHub eller GitLab installerar den efter lock/ (se README.md).\n"
        f"po-build @ git+{a.source}@v{__version__}\n"
    )


def files(a: Answers) -> dict[str, str]:
    """Every file of the new repository but the yearly report and templates, by path."""
    quoted = {
        "site_name": json.dumps(a.organisation, ensure_ascii=False),
        "site_description": json.dumps(
            f"Systembrister och positiva händelser som personliga ombud i {a.region} har dokumenterat.",
            ensure_ascii=False),
        "organisation": json.dumps(a.organisation, ensure_ascii=False),
        "region": json.dumps(a.region, ensure_ascii=False),
    }
    plain = {"organisation": a.organisation, "region": a.region, "version": __version__,
             "where": _joined(a.kommuner)}
    out = {target: template_text(stored) for target, stored in STATIC.items()}
    out["mkdocs.yml"] = Template(template_text("mkdocs.yml")).substitute(quoted)
    out["README.md"] = Template(template_text("README.md")).substitute(plain)
    out["content/index.md"] = Template(template_text("index.md")).substitute(plain)
    out[f"content/{VOCABULARY_FILE}"] = _vocabulary(a)
    out["requirements.txt"] = _requirements(a)
    for name in (lockfile.BUILD_LOCK, lockfile.SITE_LOCK):
        out[f"lock/{name}"] = lockfile.lock_text(name)
    return out


def create(target: Path, a: Answers) -> list[Path]:
    """Write the repository into target (new or empty); the paths written, in order."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise Refused(f"'{target}' finns redan och är inte en tom mapp – välj en ny mapp, så skrivs ingenting över")
    written: list[Path] = []

    def write(rel: str, text: str) -> None:
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as out:
            out.write(text)
        written.append(path)

    for rel, text in files(a).items():
        write(rel, text)
    content = target / "content"
    year = str(a.year)
    for name, text in render_year(year, f"Årsrapport {year} – {a.organisation}").items():
        write(f"content/{YEAR_DIR}/{year}/{name}", text)
    # The web editor's templates, with the organisation's own municipalities in them.
    for rel, text in template_files(vocabulary_of(content), a.organisation).items():
        write(f"content/{rel}", text)
    return written


# --- the command ----------------------------------------------------------------------------


def add_parser(sub: Subcommands) -> None:
    p = sub.add_parser(
        "init",
        help="skapa ett nytt arkiv för en organisation (webbplats, kontroll, publicering)",
        description="Skapar ett komplett arkiv för en ny organisation med personligt ombud: "
        "inställningar, startsida, vokabulär, årets årsrapport, kontroll och publicering på GitHub "
        "och GitLab. Frågar efter det som inte anges med flaggor.",
    )
    p.set_defaults(run=run)
    p.add_argument("mapp", metavar="MAPP", help="den nya mappen (får inte finnas, eller vara tom)")
    p.add_argument("--organisation", metavar="NAMN", help="organisationens namn, t.ex. 'Personligt ombud Norrbacka'")
    p.add_argument("--region", metavar="REGION", help="region eller län, t.ex. 'Norrbacka län'")
    p.add_argument("--kommuner", action="append", metavar="KOMMUN,KOMMUN",
                   help="kommunerna, med kommatecken emellan, t.ex. 'Norrby kommun, Sjöviks kommun'")
    p.add_argument("--år", "--ar", dest="ar", metavar="ÅR", help="årsrapportens år (standard: i år)")
    p.add_argument("--po-build", dest="source", metavar="ADRESS",
                   help=f"git-adressen till po-build (standard: där det här po-build kom ifrån, annars {HOME})")


def _ask(question: str, example: str) -> str:
    for _attempt in range(5):
        try:
            answer = input(f"{question} (t.ex. {example}): ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            raise Refused("avbrutet – ingenting skrevs") from None
        if answer:
            return answer
        print("Svaret behövs. Försök igen.")
    raise Refused("inget svar – ingenting skrevs")


def _kommuner(values: list[str]) -> tuple[str, ...]:
    out: list[str] = []
    for value in values:
        for name in re.split(r"[,\n]", value):
            name = " ".join(name.split())
            if name and name not in out:
                out.append(name)
    return tuple(out)


def _checked(name: str, value: str, flag: str) -> str:
    value = " ".join(value.split())
    if not value:
        raise UsageError(f"{flag} behöver ett värde")
    if len(value) > MAX_NAME:
        raise UsageError(f"{flag}: högst {MAX_NAME} tecken ({name} har {len(value)})")
    return value


def answers_from(args: argparse.Namespace, today: date) -> Answers:
    missing = [flag for flag, value in (("--organisation", args.organisation), ("--region", args.region),
                                        ("--kommuner", args.kommuner)) if not value]
    if missing and not sys.stdin.isatty():
        raise UsageError(f"ange {', '.join(missing)} – po kan inte fråga här, t.ex. po init {args.mapp} "
                         "--organisation 'Personligt ombud Norrbacka' --region 'Norrbacka län' "
                         "--kommuner 'Norrby kommun, Sjöviks kommun'")
    if missing:
        print(f"Ett nytt arkiv för personligt ombud i {args.mapp}/. Tre frågor:")
    organisation = args.organisation or _ask("Organisationens namn", "Personligt ombud Norrbacka")
    region = args.region or _ask("Region eller län", "Norrbacka län")
    kommuner = _kommuner(args.kommuner or [_ask("Kommuner, med kommatecken emellan",
                                                 "Norrby kommun, Sjöviks kommun")])
    if not kommuner:
        raise UsageError("--kommuner behöver minst en kommun")
    for kommun in kommuner:
        _checked("kommunen", kommun, "--kommuner")
    year = today.year
    if args.ar:
        if not re.fullmatch(r"\d{4}", args.ar.strip()) or not 2000 <= int(args.ar) <= 2100:
            raise UsageError(f"--år ska skrivas med fyra siffror, t.ex. {today.year}, inte '{args.ar}'")
        year = int(args.ar)
    source = args.source or source_url()
    if not re.fullmatch(r"https://\S+", source):
        raise UsageError(f"--po-build ska vara en https-adress till ett git-arkiv, inte '{source}'")
    return Answers(_checked("namnet", organisation, "--organisation"), _checked("regionen", region, "--region"),
                   kommuner, year, source.removesuffix("/"))


def run(args: argparse.Namespace) -> int:
    a = answers_from(args, date.today())
    target = Path(args.mapp)
    written = create(target, a)
    print(f"Nytt arkiv för {a.organisation} i {target}/ ({len(written)} filer):")
    for path in written:
        if f"/{REPORT_DIR}/_" not in path.as_posix() and f"/{YEAR_DIR}/_" not in path.as_posix():
            print(f"  {path.relative_to(target).as_posix()}")
    print("  (och mallarna för webbredigeraren i content/brister/_mallar/ och content/arsrapport/_mall/)")
    print()
    print("Så gör du nu:")
    print(f"  1. cd {target} && make site   – installerar po-build och bygger webbplatsen i site/")
    print("  2. Skriv startsidan med era egna ord i content/index.md, och fyll i kontaktuppgifterna")
    print("     under tillganglighet i mkdocs.yml.")
    print("  3. Lägg arkivet på GitHub eller GitLab (git init, git add ., git commit). Guiden på")
    print("     webbplatsen, sidan Automatisk kontroll, visar resten.")
    print("  4. Skriv arkivets namn under formular i mkdocs.yml, så att ombuden kan lämna in rapporter")
    print("     i formuläret på /admin/. Guiden, sidan Sätta upp formuläret, visar inloggningen.")
    if a.source == HOME:
        print(f"  Obs: requirements.txt pekar på {HOME}. Byt till den adress där ni hämtar po-build.")
    return 0
