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
from typing import NoReturn

from .config import docs_dir_of
from .identifiers import scan_file_text
from .problems import Problem
from .validate import REPORT_DIR, VOCABULARY_FILE, YEAR_DIR, check_tree, is_ignored, summary_line


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title, self._optionals.title = "argument", "flaggor"
        self.add_argument("-h", "--hjälp", "--help", action="help", help="visa den här hjälpen")

    def error(self, message: str) -> NoReturn:
        translated = (
            message.replace("the following arguments are required", "det här saknas")
            .replace("unrecognized arguments", "okända argument")
            .replace("invalid choice", "okänt val")
            .replace("argument ", "argumentet ")
            .replace("choose from", "välj bland")
            .replace("expected one argument", "behöver ett värde")
        )
        self.print_usage(sys.stderr)
        print(f"po: {translated} (se 'po --hjälp')", file=sys.stderr)
        raise SystemExit(2)


def _build_parser() -> _Parser:
    parser = _Parser(
        prog="po",
        description="po-build: kontrollera och bygg rapporter om systembrister.",
    )
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=_Parser)
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
    from . import listing, review, scaffold
    from .outputs.cms import clash

    scaffold.add_parser(sub)
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
    if getattr(args, "run", None) is not None:  # ny, lista, status, granska, krockar: set by their modules
        return int(args.run(args))
    return 2  # pragma: no cover


def _usage_error(message: str) -> int:
    print(f"po: {message}", file=sys.stderr)
    return 2


def _content_root(path: Path) -> tuple[Path, Path | None]:
    """The content folder a path belongs to, and the file to report on (None: all)."""
    path = path.resolve()
    target = path if path.is_file() else None
    folder = path.parent if path.is_file() else path
    for candidate in (folder, *folder.parents):
        if candidate.name in (REPORT_DIR, YEAR_DIR):
            return candidate.parent, target
        if (candidate / REPORT_DIR).is_dir() or (candidate / YEAR_DIR).is_dir():
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
    if not paths:
        config = Path("mkdocs.yml")
        if not config.is_file():
            return _usage_error(
                "hittar ingen mkdocs.yml här – gå till webbplatsens mapp eller ange en sökväg, "
                "t.ex. 'po check content'"
            )
        try:
            paths = [docs_dir_of(config)]
        except Exception as err:  # a broken mkdocs.yml is a usage problem, not a crash
            mark = getattr(err, "problem_mark", None)  # the error's own text is English
            where = f" (rad {mark.line + 1})" if mark is not None else ""
            return _usage_error(f"mkdocs.yml går inte att läsa{where} – se över indrag och kolon")
    for p in paths:
        if not p.exists():
            return _usage_error(f"'{p}' finns inte – kontrollera sökvägen")

    roots: dict[Path, set[Path] | None] = {}
    for p in paths:
        root, target = _content_root(p)
        if target is not None and not _is_content_file(target, root):
            print(f"po: hoppar över {p} – det är ingen rapport som bygget läser "
                  "(mallar och filer som börjar med _ eller . ignoreras)", file=sys.stderr)
            continue
        if target is None:
            roots[root] = None
        elif roots.get(root, set()) is not None:
            roots.setdefault(root, set()).add(target)  # type: ignore[union-attr]

    problems: list[Problem] = []
    files = 0
    cwd = Path.cwd()
    for root, targets in roots.items():
        result = check_tree(root, today=today, scanner=scan_file_text, display_root=cwd)
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
    return not is_ignored(rel) and path.suffix.lower() in (".md", ".yml", ".yaml")


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
            message = p.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            out.write(f"::{kind} file={p.path},line={p.line},col={p.col},title={p.code}::{message}\n")
        else:
            out.write(p.format() + "\n")
    out.write(summary + "\n")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
