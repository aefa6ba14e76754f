"""What every `po` command shares: finding the content folder and the site's settings, dates
given on the command line, paths as the user typed them, and the one way of running git."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NoReturn, TypeAlias

from po_build.contract.layout import VOCABULARY_FILE
from po_build.contract.vocabulary import Vocabulary
from po_build.load.mkdocs_config import docs_dir_of, plugin_options, read_mkdocs_config
from po_build.load.vocabulary import load_vocabulary
from po_build.model.problems import ProblemList


class UsageError(Exception):
    """The command was used wrongly: exit code 2, message in Swedish."""


class Refused(Exception):
    """The command understood the request but will not do it: exit code 1."""


def find_content(given: str | None) -> Path:
    """The content folder: --innehåll, else docs_dir in ./mkdocs.yml, else ./content."""
    if given:
        path = Path(given)
        if not path.is_dir():
            raise UsageError(f"mappen '{given}' finns inte – kontrollera sökvägen")
        return path
    config = Path("mkdocs.yml")
    if config.is_file():
        try:
            return docs_dir_of(config)
        except Exception as err:  # a broken mkdocs.yml is a usage problem, not a crash
            raise UsageError(f"mkdocs.yml går inte att läsa ({err.__class__.__name__})") from err
    if Path("content").is_dir():
        return Path("content").resolve()
    raise UsageError(
        "hittar varken mkdocs.yml eller mappen content här – gå till webbplatsens mapp, "
        "eller ange mappen med --innehåll"
    )


def site_options() -> dict[str, Any]:
    """The plugin's settings in ./mkdocs.yml (organisation, region, minsta_antal), or {}."""
    config = Path("mkdocs.yml")
    if not config.is_file():
        return {}
    try:
        return plugin_options(read_mkdocs_config(config))
    except Exception:  # the settings only decorate; a broken file is reported elsewhere
        return {}


def parse_day(value: str | None, what: str = "--idag") -> date:
    if not value:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"{what} ska vara ett datum ÅÅÅÅ-MM-DD, t.ex. 2026-03-14, inte '{value}'") from None


def shown(path: Path) -> str:
    """A path as the user typed it: relative to where they stand when possible."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.resolve().as_posix()


def vocabulary_of(content: Path) -> Vocabulary:
    path = content / VOCABULARY_FILE
    return load_vocabulary(path if path.exists() else None, VOCABULARY_FILE, ProblemList(VOCABULARY_FILE))


def git_bytes(args: Sequence[str], cwd: Path, timeout: int = 30) -> bytes | None:
    """The one way po runs git: its output, or None when git is missing or says no."""
    if shutil.which("git") is None:
        return None
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=timeout, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def run_git(args: Sequence[str], cwd: Path, timeout: int = 30) -> str | None:
    out = git_bytes(args, cwd, timeout)
    return out.decode("utf-8", "replace") if out is not None else None


def terminal_width() -> int:
    """The terminal's width, or $COLUMNS, or 100 when the output goes to a file."""
    return max(40, shutil.get_terminal_size((100, 24)).columns)


class Formatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage: str | None, actions: Iterable[argparse.Action],
                  groups: Iterable[argparse._MutuallyExclusiveGroup], prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "användning: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
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


# The subcommands' parsers, for each command module's add_parser.
Subcommands: TypeAlias = "argparse._SubParsersAction[Parser]"
