"""`po krockar`: an id that another branch already uses for another file.

The form chooses the next free id from what is on the main branch; it cannot see
the other ombud's submissions that are still open. Two ombud writing at the same
time can therefore get the same number. Each submission is a branch, so in CI
(which fetches every branch) the clash shows: same id, different file. The one
that came last must change, and is told the next number that is free on every
branch and how to change it without a terminal. `po check` on the main branch
(PO302) stops the build if a clash ever gets merged anyway.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from po_build.cli.common import Subcommands, UsageError, find_content, run_git, shown
from po_build.cli.ids import ID_IN_NAME, next_id
from po_build.cli.review_git import repo_root, resolve_base
from po_build.contract.layout import REPORT_DIR
from po_build.model.problems import Problem

KINDS = {"B": "brist", "P": "positiv"}


@dataclass(frozen=True)
class Placed:
    """A report file on a branch: its id and its path from the top of the repository."""

    ref: str
    id: str
    path: str


def _ids_in_tree(root: Path, ref: str, rel: str) -> list[Placed]:
    names = run_git(["ls-tree", "-r", "--name-only", ref, "--", rel], root) or ""
    out = []
    for name in names.splitlines():
        m = ID_IN_NAME.match(name.rsplit("/", 1)[-1])
        if m:
            out.append(Placed(ref, "-".join(m.groups()), name))
    return out


def _added_at(root: Path, ref: str, path: str) -> int:
    """When the file first came onto that branch (seconds); the later of two must yield."""
    out = run_git(["log", "--format=%ct", "--diff-filter=A", ref, "--", path], root) or ""
    times = [int(t) for t in out.split() if t.isdigit()]
    return min(times) if times else 0


def _short(ref: str) -> str:
    for prefix in ("refs/heads/", "refs/remotes/origin/", "refs/remotes/"):
        if ref.startswith(prefix):
            return ref[len(prefix):]
    return ref


def find_clashes(content: Path, base: str | None = None, max_refs: int = 200) -> list[Problem]:
    """Problems for this checkout's new reports whose id another branch uses for another file."""
    root = repo_root(content)
    if root is None:
        return []
    rel = (content / REPORT_DIR).resolve().relative_to(root.resolve()).as_posix()
    resolved = resolve_base(base, root)
    base_ref = resolved[0] if resolved else None
    on_base = {p.path for p in _ids_in_tree(root, base_ref, rel)} if base_ref else set()
    mine = [p for p in _ids_in_tree(root, "HEAD", rel) if p.path not in on_base]
    if not mine:
        return []
    head = (run_git(["rev-parse", "HEAD"], root) or "").strip()
    refs = run_git(["for-each-ref", "--format=%(refname) %(objectname)", "refs/heads", "refs/remotes"], root) or ""
    others: list[Placed] = []
    for line in refs.splitlines()[:max_refs]:
        ref, _, sha = line.partition(" ")
        if ref.endswith("/HEAD") or sha == head:
            continue
        others += _ids_in_tree(root, ref, rel)
    base_short = _short(base_ref) if base_ref else ""
    problems: list[Problem] = []
    for report in mine:
        rivals = [o for o in others if o.id == report.id and o.path != report.path]
        if not rivals:
            continue
        merged = [o for o in rivals if o.path in on_base]
        if not merged:
            # Both are still open: the one that came first keeps the number.
            mine_at = _added_at(root, "HEAD", report.path)
            earlier = [o for o in rivals if (_added_at(root, o.ref, o.path), o.path) < (mine_at, report.path)]
            if not earlier:
                continue
            rival = earlier[0]
            where = f"i en annan inlämning (grenen '{_short(rival.ref)}'), som kom först"
        else:
            rival = merged[0]
            where = f"på {base_short or 'huvudgrenen'}"
        kind = KINDS[report.id[0]]
        free = next_id(content, kind, int(report.id[2:6]))
        path = PurePosixPath(report.path)
        new_name = free + path.name[len(report.id):]
        problems.append(Problem(
            shown(root / report.path), 1, 1, "PO327",
            f"id:t {report.id} används redan för {rival.path} {where} – ge den här rapporten nästa "
            f"lediga nummer, {free}: ändra raden 'id: {report.id}' till 'id: {free}' och byt namn på "
            f"filen till {new_name}. Utan terminal: öppna filen i inlämningens gren på GitHub eller "
            "GitLab, välj Redigera (pennan), ändra både id:t och filnamnet och spara.",
        ))
    return problems


def add_parser(sub: Subcommands) -> None:
    p = sub.add_parser(
        "krockar",
        help="se om en ny rapports id redan används på en annan gren",
        description="Jämför id:n i de rapporter som är nya på den här grenen med alla andra grenar "
        "(även de som bara finns på servern, efter 'git fetch'). Två inlämningar med samma id: den som "
        "kom sist får veta nästa lediga nummer och hur det ändras.",
    )
    p.set_defaults(run=run)
    p.add_argument("--bas", metavar="GREN", help="huvudgrenen att jämföra med (standard: origin/main eller main)")
    p.add_argument("--format", choices=["text", "github"], default="text",
                   help="text (standard) eller github (anteckningar i pull requesten)")
    p.add_argument("--innehåll", "--innehall", dest="innehall", metavar="MAPP",
                   help="innehållsmappen (standard: docs_dir i mkdocs.yml)")


def run(args: argparse.Namespace) -> int:
    try:
        problems = find_clashes(find_content(args.innehall), args.bas)
    except UsageError as err:
        print(f"po: {err}", file=sys.stderr)
        return 2
    for p in problems:
        if args.format == "github":
            message = p.message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            print(f"::error file={p.path},line={p.line},col={p.col},title={p.code}::{message}")
        else:
            print(p.format())
    if not problems:
        print("Inga id-krockar med andra grenar.")
    return 1 if problems else 0
