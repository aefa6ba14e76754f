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
import sys
from datetime import date
from pathlib import Path, PurePosixPath

from po_build.check.body import leftover_hints
from po_build.check.privacy.files import scan_file_text
from po_build.check.result import Result, summary_line
from po_build.check.tree import check_tree
from po_build.cli.common import (
    Subcommands,
    UsageError,
    find_content,
    parse_day,
    shown,
    site_options,
    terminal_width,
)
from po_build.cli.review_format import as_markdown, as_text
from po_build.cli.review_git import Change, changed_files, repo_root, resolve_base, tree_at
from po_build.cli.review_model import Item, Part, Review, Verdict
from po_build.contract.layout import REPORT_DIR, YEAR_DIR, is_ignored
from po_build.contract.vocabulary import Vocabulary
from po_build.load.frontmatter import load_document
from po_build.model.problems import ProblemList
from po_build.model.records import Content, Report
from po_build.project.dates import date_text
from po_build.project.projection import Projection, ReportView, project

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
    head = check_tree(content_dir, today=today, scanner=scan_file_text, display_root=Path.cwd(), site=True)
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
            old = check_tree(old_dir, today=today, scanner=None, site=True).content
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
    listed = set(years) | set(others)
    file_warnings = [p for p in head.warnings if p.path in listed]
    return Review(base_name, items, affected, sorted(years), sorted(others), head.errors,
                  summary_line(head.problems, head.files_checked), sorted(file_warnings))


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
    today = parse_day(args.idag)
    paths = [Path(p) for p in args.paths]
    for p in paths:
        if not p.is_file():
            raise UsageError(f"'{p}' finns inte – kontrollera sökvägen")
    review = build_review(find_content(args.innehall), today, args.bas, paths or None)

    text = as_markdown(review) if args.format == "markdown" else as_text(review, terminal_width())
    sys.stdout.write(text)
    return 0 if review.ok else 1
