"""The `po` command: `po check` and friends, in Swedish.

Exit codes: 0 no errors, 1 errors found, 2 the command itself was misused.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path, PurePosixPath

from po_build.check.privacy.files import scan_file_text
from po_build.check.result import summary_line
from po_build.check.tree import check_tree
from po_build.cli import clash, init, listing, new, review
from po_build.cli.common import Parser, Refused, UsageError
from po_build.contract.layout import REPORT_DIR, VOCABULARY_FILE, YEAR_DIR, fold, is_ignored
from po_build.load.mkdocs_config import ConfigFileError, docs_dir_of
from po_build.load.walk import is_loose
from po_build.model.problems import Problem


def _build_parser() -> Parser:
    parser = Parser(
        prog="po",
        description="po-build: kontrollera och bygg rapporter om systembrister.",
    )
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=Parser)
    check = sub.add_parser(
        "check",
        help="kontrollera rapporterna (fält, rubriker, personuppgifter)",
        description="Kontrollerar rapporterna och skriver ut varje problem med fil, rad och "
        "kolumn. Utan SÖKVÄG kontrolleras docs_dir i ./mkdocs.yml.",
    )
    check.add_argument("paths", nargs="*", metavar="SÖKVÄG", help="mapp eller fil att kontrollera")
    check.add_argument(
        "--format",
        choices=["text", "github", "json"],
        default="text",
        help="utdata: text (standard), github (anteckningar i pull requests) eller json",
    )
    check.add_argument("--idag", metavar="ÅÅÅÅ-MM-DD", help=argparse.SUPPRESS)
    init.add_parser(sub)
    new.add_parser(sub)
    listing.add_parsers(sub)
    review.add_parser(sub)
    clash.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    if args.command == "check":
        return _check(args)
    if getattr(args, "run", None) is None:  # pragma: no cover - every subcommand sets run
        return 2
    # ny, init, lista, status, granska, krockar: a misuse is exit code 2, a refusal 1, always in Swedish.
    try:
        return int(args.run(args))
    except UsageError as err:
        print(f"po: {err}", file=sys.stderr)
        return 2
    except Refused as err:
        print(f"po: {err}", file=sys.stderr)
        return 1


def _usage_error(message: str) -> int:
    print(f"po: {message}", file=sys.stderr)
    return 2


def _content_root(path: Path, site_dir: Path | None = None) -> tuple[Path, Path | None]:
    """The content folder a path belongs to, and the file to report on (None: all).

    Within the site's docs_dir that folder is docs_dir itself, however the folders on the way
    are spelt: content/Brister/2025/x.md is checked as the build reads it.
    """
    path = path.resolve()
    target = path if path.is_file() else None
    folder = path.parent if path.is_file() else path
    if site_dir is not None and (folder == site_dir or site_dir in folder.parents):
        return site_dir, target
    for candidate in (folder, *folder.parents):
        # In any spelling: a report in content/Brister/2025/ is checked with its site (PO128).
        if fold(candidate.name) in (fold(REPORT_DIR), fold(YEAR_DIR)):
            return candidate.parent, target
        if not is_loose(candidate):
            return candidate, target
        if (candidate / VOCABULARY_FILE).is_file():
            return candidate, target
    return folder, target


def _check(args: argparse.Namespace) -> int:
    today = date.today()
    if args.idag:
        try:
            today = date.fromisoformat(args.idag)
        except ValueError:
            return _usage_error(f"--idag ska vara ett datum ÅÅÅÅ-MM-DD, inte '{args.idag}'")
    paths = [Path(p) for p in args.paths]
    config = Path("mkdocs.yml")
    site_dir: Path | None = None  # the site's docs_dir: checked as a site, as the build reads it
    if config.is_file():
        try:
            site_dir = docs_dir_of(config).resolve()
        except ConfigFileError as err:  # a broken mkdocs.yml is a usage problem, not a crash
            if not paths:
                return _usage_error(str(err))
    if not paths:
        if site_dir is None:
            return _usage_error(
                "hittar ingen mkdocs.yml här – gå till webbplatsens mapp eller ange en sökväg, "
                "t.ex. 'po check content'"
            )
        paths = [site_dir]
    for p in paths:
        if not p.exists():
            return _usage_error(f"'{p}' finns inte – kontrollera sökvägen")

    roots: dict[Path, set[Path] | None] = {}
    for p in paths:
        root, target = _content_root(p, site_dir)
        if target is not None and not _is_content_file(target, root):
            print(f"po: hoppar över {p} – det är ingen rapport som bygget läser "
                  "(mallar och filer som börjar med _ eller . ignoreras)", file=sys.stderr)
            continue
        if target is None:
            roots[root] = None
        else:
            chosen = roots.setdefault(root, set())
            if chosen is not None:  # None: the whole folder is checked anyway
                chosen.add(target)

    problems: list[Problem] = []
    files = 0
    cwd = Path.cwd()
    for root, targets in roots.items():
        result = check_tree(root, today=today, scanner=scan_file_text, display_root=cwd,
                            site=root.resolve() == site_dir)
        if targets is None:
            problems += result.problems
            files += result.files_checked
        else:
            wanted = {_shown(t, cwd) for t in targets}
            problems += [p for p in result.problems if p.path in wanted]
            files += len(targets)
    summary = summary_line(problems, files)
    _print(problems, summary, files, args.format)
    return 1 if any(p.severity == "fel" for p in problems) else 0


def _is_content_file(path: Path, root: Path) -> bool:
    try:
        rel = PurePosixPath(path.relative_to(root).as_posix())
    except ValueError:
        return False
    # Every file the build reads or publishes is checked: reports, pages, attachments.
    return not is_ignored(rel)


def _shown(path: Path, cwd: Path) -> str:
    try:
        return path.resolve().relative_to(cwd.resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def _print(problems: list[Problem], summary: str, files: int, fmt: str) -> None:
    out = sys.stdout
    if fmt == "json":
        json.dump(
            {
                "filer": files,
                "fel": sum(p.severity == "fel" for p in problems),
                "varningar": sum(p.severity == "varning" for p in problems),
                "sammanfattning": summary,
                "problem": [
                    {
                        "fil": p.path,
                        "rad": p.line,
                        "kolumn": p.col,
                        "kod": p.code,
                        "nivå": p.severity,
                        "meddelande": p.message,
                    }
                    for p in problems
                ],
            },
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
        return
    for p in problems:
        if fmt == "github":
            kind = "error" if p.severity == "fel" else "warning"
            out.write(f"::{kind} file={github_property(p.path)},line={p.line},col={p.col},"
                      f"title={github_property(p.code)}::{github_data(p.message)}\n")
        else:
            out.write(p.format() + "\n")
    out.write(summary + "\n")


def github_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's runner reads it back (%, CR, LF)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(text: str) -> str:
    """A workflow command's property (file=..., title=...): also ':' and ',' end one."""
    return github_data(text).replace(":", "%3A").replace(",", "%2C")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
