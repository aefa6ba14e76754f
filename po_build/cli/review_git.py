"""What `po granska` asks git: the base to compare with, the changed files, the old tree."""

from __future__ import annotations

import io
import os
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from po_build.cli.common import UsageError, git_bytes, run_git


@dataclass(frozen=True)
class Change:
    path: str  # relative to the repository, with '/'
    status: str  # A, M, D or R
    old_path: str | None = None


def repo_root(start: Path) -> Path | None:
    out = run_git(["rev-parse", "--show-toplevel"], start)
    return Path(out.strip()) if out else None


def _base_candidates() -> list[str]:
    """The base branch in CI first: GitHub and GitLab both say which one a pull request targets."""
    out = []
    if os.environ.get("GITHUB_BASE_REF"):
        out.append(f"origin/{os.environ['GITHUB_BASE_REF']}")
    if os.environ.get("CI_MERGE_REQUEST_DIFF_BASE_SHA"):
        out.append(os.environ["CI_MERGE_REQUEST_DIFF_BASE_SHA"])
    if os.environ.get("CI_MERGE_REQUEST_TARGET_BRANCH_NAME"):
        out.append(f"origin/{os.environ['CI_MERGE_REQUEST_TARGET_BRANCH_NAME']}")
    return [*out, "origin/main", "main", "HEAD~1"]


def resolve_base(explicit: str | None, root: Path) -> tuple[str, str] | None:
    """(name, commit) of the version to compare with; None when there is none at all."""
    for name in [explicit] if explicit else _base_candidates():
        sha = run_git(["rev-parse", "--verify", "--quiet", f"{name}^{{commit}}"], root)
        if sha:
            return name, sha.strip()
    if explicit:
        raise UsageError(
            f"hittar inte '{explicit}' i git – skriv en gren eller version som finns, t.ex. --bas main "
            "(kör 'git fetch' först om den bara finns på servern)"
        )
    return None


def changed_files(root: Path, commit: str) -> list[Change]:
    """Everything that differs from where this branch left the base: commits, edits and new files."""
    head = run_git(["rev-parse", "--verify", "--quiet", "HEAD"], root)
    merge_base = run_git(["merge-base", commit, "HEAD"], root) if head else None
    since = merge_base.strip() if merge_base else commit
    out: list[Change] = []
    raw = run_git(["diff", "--name-status", "-z", "-M", since, "--"], root) or ""
    fields = raw.split("\0")
    i = 0
    while i < len(fields) and fields[i]:
        status = fields[i][0]
        if status in "RC":
            out.append(Change(fields[i + 2], "R" if status == "R" else "A", fields[i + 1]))
            i += 3
        else:
            out.append(Change(fields[i + 1], status if status in "ADM" else "M"))
            i += 2
    untracked = run_git(["ls-files", "--others", "--exclude-standard", "-z"], root) or ""
    out += [Change(p, "A") for p in untracked.split("\0") if p]
    return out


@contextmanager
def tree_at(root: Path, commit: str, folder: str) -> Iterator[Path]:
    """The content folder as it was in `commit`, in a temporary directory."""
    with tempfile.TemporaryDirectory(prefix="po-granska-") as tmp:
        target = Path(tmp) / "innehall"
        target.mkdir()
        data = git_bytes(["archive", "--format=tar", commit, "--", folder], root, timeout=120)
        if data:
            with tarfile.open(fileobj=io.BytesIO(data)) as tar:
                if hasattr(tarfile, "data_filter"):
                    tar.extractall(tmp, filter="data")
                else:  # pragma: no cover - Python 3.11 before 3.11.4
                    tar.extractall(tmp)  # our own repository's tree, not a download
            target = Path(tmp) / folder
        yield target
