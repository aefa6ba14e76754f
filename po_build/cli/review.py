"""`po granska`: what a pull request would make public, exactly as the public will see it.

The steering group decides on publication by approving a pull request, so it must
review the public text, not the file. For every changed report this prints the
public projection (the same one the site is built from: public fields only, dates
as month and year, small areas generalised), marks what is new or changed since
the base branch, says plainly when a report will not be published and why, and
warns loudly when `po check` finds errors. Reports whose files did not change but
whose public page changes anyway (an area that becomes visible, a new "refers
here" link) are listed too.

Internal notes and exact event dates are never printed: the output is meant to be
pasted into a pull request, which more people may read than the report's file.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tarfile
import tempfile
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Literal

from po_build.check.body import leftover_hints
from po_build.check.privacy.files import scan_file_text
from po_build.check.result import Result, summary_line
from po_build.check.tree import check_tree
from po_build.cli.common import (
    Subcommands,
    UsageError,
    find_content,
    parse_day,
    run_git,
    shown,
    site_options,
    terminal_width,
)
from po_build.contract.layout import REPORT_DIR, YEAR_DIR, is_ignored
from po_build.load.frontmatter import load_document
from po_build.model.problems import Problem, ProblemList
from po_build.model.records import Content, Report
from po_build.model.vocabulary import Vocabulary
from po_build.project.dates import date_text
from po_build.project.projection import Projection, ReportView, project

Verdict = Literal["ny", "ändras", "oförändrad", "publiceras inte", "tas bort", "fel"]
HEADLINES: dict[str, str] = {
    "ny": "BLIR OFFENTLIG (ny på webbplatsen)",
    "ändras": "ÄNDRAS PÅ WEBBPLATSEN",
    "oförändrad": "INGET ÄNDRAS PÅ WEBBPLATSEN",
    "publiceras inte": "PUBLICERAS INTE",
    "tas bort": "TAS BORT FRÅN WEBBPLATSEN",
    "fel": "HAR FEL – KAN INTE PUBLICERAS",
}
SHORT: dict[str, str] = {
    "ny": "blir offentlig",
    "ändras": "ändras på webbplatsen",
    "oförändrad": "inget offentligt ändras",
    "publiceras inte": "publiceras inte",
    "tas bort": "tas bort från webbplatsen",
    "fel": "har fel",
}


@dataclass(frozen=True)
class Part:
    """One thing a reader sees on a report's page."""

    key: str
    label: str
    text: str
    block: bool = False  # a body section: a paragraph of Markdown, not "label: value"


@dataclass
class Item:
    path: str  # as po check shows it
    verdict: Verdict
    id: str = ""
    rubrik: str = ""
    reason: str = ""
    url: str = ""
    parts: list[tuple[Part, str, str | None]] = field(default_factory=list)  # (part, mark, previous)
    hidden: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    hints: list[str] = field(default_factory=list)


@dataclass
class Review:
    base: str | None  # what we compared with, as the user named it
    items: list[Item]
    affected: list[tuple[ReportView, list[str]]]  # other reports whose public page changes
    years: list[str]  # changed yearly-report files
    others: list[str]  # other changed files in the content folder
    errors: list[Problem]  # every error in the tree: the site is not built while there are any
    error_summary: str

    @property
    def ok(self) -> bool:
        return not self.errors


# --- what the public sees ----------------------------------------------------------


def public_parts(v: ReportView) -> list[Part]:
    """The page of one report as plain parts, in the order the page shows them."""
    brist = v.typ == "brist"
    parts = [Part("rubrik", "Rubrik", v.rubrik)]
    parts.append(Part("när", "Uppmärksammad" if brist else "När", v.when))
    if brist:
        parts.append(Part("gånger", "Antal gånger", f"{v.times_seen} {'gång' if v.times_seen == 1 else 'gånger'}"))
    for key, label, value in (
        ("status", "Status", v.status.namn if v.status else ""),
        ("nivå", "Nivå", v.nivå.namn if v.nivå else ""),
        ("allvarlighet", "Allvarlighet", v.allvarlighet.namn if v.allvarlighet else ""),
        ("kategorier", "Kategorier", ", ".join(c.namn for c in v.kategorier)),
        ("aktörer", "Aktörer", ", ".join(a.namn for a in v.aktörer)),
        ("områden", "Områden", ", ".join(a.namn for a in v.områden)),
        ("tema", "Tema", v.tema or ""),
    ):
        if value:
            parts.append(Part(key, label, value))
    for s in v.sections:
        parts.append(Part(f"avsnitt:{s.title}", s.title or "Text", s.markdown, block=True))
    if v.historik:
        parts.append(Part("historik", "Tidslinje", "\n".join(
            f"{s.when}: {s.status.namn}" + (f" – {s.text}" if s.text else "") for s in v.historik
        )))
    if v.mottagare:
        parts.append(Part("mottagare", "Påtalad för", "\n".join(v.mottagare)))
    links = [f"{o.rubrik} ({o.id})" for o in v.relaterade]
    links += [f"{o.rubrik} ({o.id}, hänvisar hit)" for o in v.omnämnd_i if o not in v.relaterade]
    if links:
        parts.append(Part("relaterade", "Relaterade rapporter", "\n".join(links)))
    if v.bilagor:
        parts.append(Part("bilagor", "Bilagor", "\n".join(b.name for b in v.bilagor)))
    if v.publicerad:
        parts.append(Part("publicerad", "Publicerad", f"{date_text(v.publicerad)} efter beslut i styrgruppen"))
    return parts


def _hidden(r: Report, v: ReportView, k: int, vocab: Vocabulary) -> list[str]:
    """What the file has and the page does not, named without its content."""
    notes = []
    if r.intern:
        notes.append(f"interna anteckningar (intern: {', '.join(map(str, r.intern))})")
    notes.append("exakta datum för när något hände: bara månad och år visas")
    if r.förekomster:
        notes.append("datumen i förekomster: bara antalet visas")
    shown_areas = {a.id for a in v.områden}
    generalised = [a for a in r.områden if a not in shown_areas]
    if generalised:
        region = next((a.namn for a in v.områden if a.id == "region"), "regionen")
        notes.append(
            f"{'området' if len(generalised) == 1 else 'områdena'} "
            f"{', '.join(vocab.label('areas', a) for a in generalised)} visas som '{region}': färre än {k} publicerade "
            f"rapporter gäller det samma år"
        )
    return notes


def _compare(new: list[Part], old: list[Part] | None) -> list[tuple[Part, str, str | None]]:
    before = {p.key: p for p in old or []}
    out: list[tuple[Part, str, str | None]] = []
    for part in new:
        prev = before.get(part.key)
        if old is None or prev is None:
            out.append((part, "ny", None))
        elif prev.text != part.text:
            short = not part.block and "\n" not in prev.text
            out.append((part, "ändrad", prev.text if short else None))
        else:
            out.append((part, "", None))
    return out


# --- git -------------------------------------------------------------------------


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
        data = _git_bytes(["archive", "--format=tar", commit, "--", folder], root)
        if data:
            with tarfile.open(fileobj=io.BytesIO(data)) as tar:
                if hasattr(tarfile, "data_filter"):
                    tar.extractall(tmp, filter="data")
                else:  # pragma: no cover - Python 3.11 before 3.11.4
                    tar.extractall(tmp)  # our own repository's tree, not a download
            target = Path(tmp) / folder
        yield target


def _git_bytes(args: list[str], cwd: Path) -> bytes | None:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, timeout=120, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


# --- the review ----------------------------------------------------------------------


def _projection(content: Content) -> tuple[Projection, int]:
    options = site_options()
    k = int(options.get("minsta_antal") or 3)
    p = project(content, "public", organisation=str(options.get("organisation") or ""),
                region=str(options.get("region") or ""), k=k)
    return p, k


def build_review(
    content_dir: Path,
    today: date,
    base: str | None = None,
    paths: list[Path] | None = None,
) -> Review:
    content_dir = content_dir.resolve()
    head = check_tree(content_dir, today=today, scanner=scan_file_text, display_root=Path.cwd())
    head_p, k = _projection(head.content)
    root = repo_root(content_dir)
    resolved = resolve_base(base, root) if root else None
    if base and root is None:
        raise UsageError("--bas kräver att innehållet ligger i ett git-arkiv")

    if paths:
        for p in paths:
            if _rel(p, content_dir) is None:
                raise UsageError(f"'{p}' ligger inte i innehållsmappen {shown(content_dir)} – ange en rapportfil")
        changes = [Change(str(p.resolve()), "M") for p in paths]
    elif root is None:
        raise UsageError("här finns inget git-arkiv att jämföra med – ange filerna att granska, "
                         "t.ex. 'po granska content/brister/2026/B-2026-001-....md'")
    elif resolved is None:
        changes = [Change(str((content_dir / r.source).resolve()), "A") for r in head.content.reports]
    else:
        changes = [
            Change(str(root / c.path), c.status, str(root / c.old_path) if c.old_path else None)
            for c in changed_files(root, resolved[1])
        ]

    if resolved is not None and root is not None:
        folder = content_dir.relative_to(root.resolve()).as_posix()
        with tree_at(root, resolved[1], folder) as old_dir:
            old = check_tree(old_dir, today=today, scanner=None).content
        base_p = _projection(old)[0]
        base_ids = {r.source: r.id for r in old.reports}
    else:
        base_p, base_ids = None, {}
    return _assemble(content_dir, head, head_p, base_p, base_ids, k, changes,
                     resolved[0] if resolved else None)


def _rel(path: Path, content_dir: Path) -> PurePosixPath | None:
    try:
        return PurePosixPath(path.resolve().relative_to(content_dir).as_posix())
    except ValueError:
        return None


def _assemble(
    content_dir: Path,
    head: Result,
    head_p: Projection,
    base_p: Projection | None,
    base_ids: dict[str, str],
    k: int,
    changes: list[Change],
    base_name: str | None,
) -> Review:
    by_source = {r.source: r for r in head.content.reports}
    head_views = {v.id: v for v in head_p.reports}
    base_views = {v.id: v for v in base_p.reports} if base_p else {}
    items: list[Item] = []
    years: list[str] = []
    others: list[str] = []
    touched: set[str] = set()
    for change in changes:
        path = Path(change.path)
        rel = _rel(path, content_dir)
        if rel is None:
            continue  # outside the content folder: code, workflows, the site's settings
        if is_ignored(rel):
            continue  # templates in _mallar/ and editor leftovers are never built
        if rel.parts[0] == YEAR_DIR:
            years.append(shown(path))
            continue
        if rel.parts[0] != REPORT_DIR or rel.suffix.lower() != ".md":
            others.append(shown(path))
            continue
        old_rel = _rel(Path(change.old_path), content_dir) if change.old_path else rel
        item = _item(change, path, rel, base_ids.get(str(old_rel), ""), head, by_source, head_views,
                     base_views, k)
        touched.add(item.id)
        items.append(item)

    affected = []
    if base_p is not None:
        for rid in sorted(set(head_views) | set(base_views)):
            if rid in touched or rid not in head_views:
                continue
            new = public_parts(head_views[rid])
            old = public_parts(base_views[rid]) if rid in base_views else None
            if old is not None and new != old:
                changed = [p.label for p, mark, _ in _compare(new, old) if mark]
                changed += [p.label for p in old if p.key not in {n.key for n in new}]
                affected.append((head_views[rid], changed))
    return Review(base_name, items, affected, sorted(years), sorted(others), head.errors,
                  summary_line(head.problems, head.files_checked))


def _item(
    change: Change,
    path: Path,
    rel: PurePosixPath,
    old_id: str,
    head: Result,
    by_source: dict[str, Report],
    head_views: dict[str, ReportView],
    base_views: dict[str, ReportView],
    k: int,
) -> Item:
    where = shown(path)
    if change.status == "D" or not path.exists():
        gone = base_views.get(old_id)
        if gone is not None:
            return Item(where, "tas bort", gone.id, gone.rubrik,
                        "Filen är borttagen. Rapporten var publicerad och försvinner från webbplatsen.")
        return Item(where, "publiceras inte", old_id, "", "Filen är borttagen. Den var inte publicerad.")
    problems = [p for p in head.problems if p.path == where]
    report = by_source.get(str(rel))
    doc = load_document(path, str(rel), ProblemList(where))
    data = doc.data if doc else {}
    rid = report.id if report else str(data.get("id") or "")
    rubrik = report.rubrik if report else str(data.get("rubrik") or "")
    hints = leftover_hints(report.body if report else (doc.body if doc else ""))
    was_public = rid in base_views
    if report is None:
        reason = "Rapporten har fel och kan inte publiceras förrän de är rättade. Webbplatsen byggs inte " \
                 "medan något fel finns kvar."
        if was_public:
            reason += " Den är publicerad i dag och ligger kvar i sin gamla form tills felen är rättade."
        return Item(where, "fel", rid, rubrik, reason, problems=problems, hints=hints)
    if not report.publicera:
        reason = ("publicera är inte true: styrgruppen har inte beslutat att publicera den. "
                  "Den syns bara i den interna versionen för styrgruppen.")
        if was_public:
            return Item(where, "tas bort", rid, rubrik, "publicera är inte längre true, så rapporten, "
                        "som är publicerad i dag, tas bort från webbplatsen.", problems=problems, hints=hints)
        return Item(where, "publiceras inte", rid, rubrik, reason, problems=problems, hints=hints)
    view = head_views[rid]
    new = public_parts(view)
    old = public_parts(base_views[rid]) if was_public else None
    compared = _compare(new, old)
    if old is None:
        verdict: Verdict = "ny"
        reason = "publicera är true: rapporten blir offentlig när pull requesten slås ihop."
    elif any(mark for _, mark, _ in compared) or len(old) != len(new):
        verdict = "ändras"
        reason = "Rapporten är redan publicerad. Det som är markerat ändras när pull requesten slås ihop."
    else:
        verdict = "oförändrad"
        reason = "Ändringen gäller bara sådant som inte syns på webbplatsen (t.ex. interna anteckningar)."
    removed = [p.label for p in old or [] if p.key not in {n.key for n in new}]
    if removed:
        reason += f" Tas bort från sidan: {', '.join(removed)}."
    hidden = _hidden(report, view, k, head.content.vocabulary)
    return Item(where, verdict, rid, rubrik, reason, view.url, compared, hidden, problems, hints)


# --- output --------------------------------------------------------------------------


def _wrap(text: str, width: int, first: str, rest: str | None = None) -> list[str]:
    """Wrap each line of a text; list items keep their hanging indent."""
    rest = first if rest is None else rest
    out = []
    for n, line in enumerate(text.split("\n")):
        if not line.strip():
            out.append("")
            continue
        lead = line[: len(line) - len(line.lstrip())]
        hang = "  " if line.lstrip()[:2] in ("- ", "* ") else ""
        start = first if n == 0 else rest
        out += textwrap.wrap(line.strip(), max(20, width - len(start) - len(lead)),
                             initial_indent=start + lead, subsequent_indent=rest + lead + hang,
                             break_on_hyphens=False, break_long_words=False) or [start]
    return out


def _hint_note(titles: list[str]) -> str:
    return (f"OBS: hjälptexten från mallen står kvar under {', '.join(titles)} – byt ut den mot egen text, "
            "eller ta bort en valfri rubrik som inte behövs.")


def as_text(review: Review, width: int = 100) -> str:
    out: list[str] = ["GRANSKNING: DET HÄR BLIR OFFENTLIGT", ""]
    out.append(f"Jämfört med: {review.base}" if review.base else "Jämfört med: ingenting (ingen tidigare version)")
    if review.errors:
        bar = "!" * min(width, 72)
        out += ["", bar, f"!!! VARNING: po check hittar fel ({review.error_summary}).",
                "!!! Rätta dem innan pull requesten godkänns – webbplatsen byggs inte med fel.", bar]
        mine = {p for i in review.items for p in i.problems}
        for p in sorted(mine):
            out.append(p.format())
        rest = [p for p in review.errors if p not in mine]
        if rest:
            out.append(f"... och {len(rest)} fel i filer som inte ändras här (kör 'po check').")
    if not review.items and not review.years and not review.others:
        out += ["", "Inga ändrade rapporter."]
    if review.items:
        out += ["", "Sammanfattning:"]
        rows = [(i.id or "(utan id)", SHORT[i.verdict], i.rubrik or i.path) for i in review.items]
        w0 = max(len(r[0]) for r in rows)
        w1 = max(len(r[1]) for r in rows)
        out += [f"  {a.ljust(w0)}  {b.ljust(w1)}  {c}" for a, b, c in rows]
    for item in review.items:
        out += ["", "=" * min(width, 72), f"{item.id or item.path}  {HEADLINES[item.verdict]}"]
        if item.rubrik:
            out.append(item.rubrik)
        out.append(f"Fil: {item.path}")
        if item.url:
            out.append(f"Adress på webbplatsen: {item.url}")
        out += ["", *_wrap(item.reason, width, "")]
        if item.hints:
            out += _wrap(_hint_note(item.hints), width, "", "     ")
        if item.problems and not review.errors:
            out += [p.format() for p in item.problems]
        if item.parts:
            out += ["", "Så här syns den (* = nytt eller ändrat):", ""]
            label_width = max(len(p.label) for p, _, _ in item.parts if not p.block) + 1
            after_block = False
            for part, mark, previous in item.parts:
                star = "*" if mark else " "
                if part.block:
                    out += ["", f"{star} ## {part.label}", *_wrap(part.text.strip(), width, "    ")]
                    after_block = True
                    continue
                if after_block:
                    out.append("")
                    after_block = False
                lines = part.text.split("\n")
                out.append(f"{star} {(part.label + ':').ljust(label_width)} {lines[0]}"
                           + (f"   (tidigare: {previous})" if previous else ""))
                out += [f"  {' ' * label_width} {line}" for line in lines[1:]]
        if item.hidden:
            out += ["", "Syns inte på webbplatsen:"]
            for note in item.hidden:
                out += _wrap(note, width, "  - ", "    ")
    if review.affected:
        out += ["", "=" * min(width, 72), "ANDRA SIDOR SOM OCKSÅ ÄNDRAS", ""]
        for view, labels in review.affected:
            out.append(f"  {view.id}  {view.rubrik}: {', '.join(labels)}")
    if review.years:
        out += ["", "Årsrapporten ändras i: " + ", ".join(review.years),
                "Läs texten i pull requesten; siffror och tabeller räknas fram när webbplatsen byggs."]
    if review.others:
        out += ["", "Andra ändrade filer i innehållet: " + ", ".join(review.others)]
    return "\n".join(out).rstrip() + "\n"


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _cell(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("|", "\\|").replace("\n", "<br>")


def as_markdown(review: Review) -> str:
    out = ["## Granskning: det här blir offentligt", ""]
    out.append(f"Jämfört med `{review.base}`." if review.base else "Ingen tidigare version att jämföra med.")
    if review.errors:
        out += ["", "> [!WARNING]", f"> **po check hittar fel ({_cell(review.error_summary)}).** Rätta dem innan "
                "pull requesten godkänns – webbplatsen byggs inte med fel.", ">"]
        mine = {p for i in review.items for p in i.problems}
        out += [f"> - `{p.path}:{p.line}:{p.col}` {p.code} {_cell(p.message)}" for p in sorted(mine)]
        rest = [p for p in review.errors if p not in mine]
        if rest:
            out.append(f"> - ... och {len(rest)} fel i filer som inte ändras här.")
    if not review.items and not review.years and not review.others:
        out += ["", "Inga ändrade rapporter."]
    if review.items:
        out += ["", "| Rapport | Vad som händer | Rubrik |", "|---|---|---|"]
        out += [f"| {i.id or _cell(i.path)} | **{SHORT[i.verdict]}** | {_cell(i.rubrik)} |" for i in review.items]
    for item in review.items:
        out += ["", f"### {item.id or item.path}: {HEADLINES[item.verdict].capitalize()}", ""]
        if item.rubrik:
            out += [f"**{_cell(item.rubrik)}**", ""]
        out.append(f"Fil: `{item.path}`" + (f" · Adress: `{item.url}`" if item.url else ""))
        out += ["", _cell(item.reason)]
        if item.hints:
            out += ["", "> [!NOTE]", f"> {_upper_first(_hint_note(item.hints).removeprefix('OBS: '))}"]
        facts = [(p, m, prev) for p, m, prev in item.parts if not p.block]
        if facts:
            out += ["", "| | Så syns det | |", "|---|---|---|"]
            for part, mark, previous in facts:
                note = f"**{mark}**" + (f" (tidigare: {_cell(previous)})" if previous else "") if mark else ""
                out.append(f"| {part.label} | {_cell(part.text)} | {note} |")
        for part, mark, _ in item.parts:
            if part.block:
                out += ["", f"#### {part.label}" + (f" _({mark})_" if mark else ""), ""]
                out += [f"> {line}".rstrip() for line in part.text.split("\n")]
        if item.hidden:
            out += ["", "Syns inte på webbplatsen: " + "; ".join(_cell(n) for n in item.hidden) + "."]
    if review.affected:
        out += ["", "### Andra sidor som också ändras", ""]
        out += [f"- {v.id} {_cell(v.rubrik)}: {', '.join(labels)}" for v, labels in review.affected]
    if review.years:
        out += ["", "Årsrapporten ändras i: " + ", ".join(f"`{y}`" for y in review.years) + "."]
    if review.others:
        out += ["", "Andra ändrade filer i innehållet: " + ", ".join(f"`{o}`" for o in review.others) + "."]
    return "\n".join(out) + "\n"


# --- the command -------------------------------------------------------------------


def add_parser(sub: Subcommands) -> None:
    p = sub.add_parser(
        "granska",
        help="visa vad en pull request gör offentligt",
        description="Visar för varje ändrad rapport exakt det som blir offentligt, markerar vad som är "
        "nytt eller ändrat, och säger tydligt när en rapport inte publiceras och varför. Utan SÖKVÄG "
        "jämförs med basgrenen (origin/main, annars main eller förra versionen).",
    )
    p.set_defaults(run=run)
    p.add_argument("paths", nargs="*", metavar="SÖKVÄG", help="rapportfiler att granska (standard: de ändrade)")
    p.add_argument("--bas", metavar="GREN", help="jämför med den här grenen eller versionen, t.ex. origin/main")
    p.add_argument("--format", choices=["text", "markdown"], default="text",
                   help="text (standard) eller markdown (för en kommentar i pull requesten)")
    p.add_argument("--innehåll", "--innehall", dest="innehall", metavar="MAPP",
                   help="innehållsmappen (standard: docs_dir i mkdocs.yml)")
    p.add_argument("--idag", metavar="ÅÅÅÅ-MM-DD", help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    try:
        today = parse_day(args.idag)
        paths = [Path(p) for p in args.paths]
        for p in paths:
            if not p.is_file():
                raise UsageError(f"'{p}' finns inte – kontrollera sökvägen")
        review = build_review(find_content(args.innehall), today, args.bas, paths or None)
    except UsageError as err:
        print(f"po: {err}", file=sys.stderr)
        return 2

    text = as_markdown(review) if args.format == "markdown" else as_text(review, terminal_width())
    sys.stdout.write(text)
    return 0 if review.ok else 1
