"""Validate a content tree: files → documents → checked records.

Collects every problem in one pass, so an ombud sees all that needs fixing at
once, and returns records only for files without errors.
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from po_build.check.attachments import check_public_file
from po_build.check.body import check_page_markup
from po_build.check.files import check_files, published_as_is
from po_build.check.inventory import build_inventory
from po_build.check.memo import Checked, CheckMemo
from po_build.check.placement import head_text, misplaced, sniff_file, wrong_suffix
from po_build.check.relations import check_relations
from po_build.check.report import check_report
from po_build.check.result import Result, TextScanner
from po_build.check.schema import validators_for
from po_build.check.year import check_year
from po_build.contract.layout import ATTACHMENT_DIR, REPORT_DIR, VOCABULARY_FILE, is_ignored, is_page
from po_build.contract.vocabulary import Vocabulary
from po_build.load.frontmatter import load_document
from po_build.load.text import full_text, read_text
from po_build.load.vocabulary import load_vocabulary
from po_build.load.walk import MAX_ENTRIES, MAX_FILES, discover, is_loose, other_pages, walk
from po_build.model.problems import Problem, ProblemList
from po_build.model.records import Content


def check_tree(
    docs_dir: Path,
    today: date | None = None,
    scanner: TextScanner | None = None,
    display_root: Path | None = None,
    site: bool = False,
    memo: CheckMemo | None = None,
) -> Result:
    """Validate everything under docs_dir. `display_root` makes paths in messages relative.

    `site`: docs_dir is a site's content folder (the build, `po check` of mkdocs.yml's docs_dir),
    never read as a loose set of report files, whatever folders it has yet.

    With a `memo` (the preview keeps one between saves), a report file whose bytes, path,
    vocabulary, day and scan are as at the last check gets that check's verdict again.
    """
    today = today or date.today()
    root = (display_root if display_root is not None else Path.cwd()).resolve().as_posix().rstrip("/")
    docs_resolved = docs_dir.resolve().as_posix()

    def shown(rel: PurePosixPath | str) -> str:
        # String work, not Path.resolve() per file: resolving was a third of a check's time.
        full = f"{docs_resolved}/{rel}"
        return full[len(root) + 1 :] if full.startswith(root + "/") else full

    all_problems: list[Problem] = []
    found = walk(docs_dir)
    loose = not site and is_loose(docs_dir)
    misspelt = check_files(found, docs_dir, shown, all_problems, loose)

    vocab_problems = ProblemList(shown(VOCABULARY_FILE))
    vocab_path = docs_dir / VOCABULARY_FILE
    # A link named vokabular.yml is refused above; reading it would read whatever it points at.
    has_vocab = vocab_path.is_file() and not vocab_path.is_symlink()
    vocab = load_vocabulary(vocab_path if has_vocab else None, VOCABULARY_FILE, vocab_problems)
    all_problems += vocab_problems
    checked = 1 if has_vocab else 0
    if scanner is not None and has_vocab and not vocab_problems.has_errors:
        # The vocabulary is committed too: a name in it is as public as one in a report.
        vocab_text = vocab_path.read_text("utf-8-sig")
        scan_problems = ProblemList(shown(VOCABULARY_FILE))
        scanner(vocab_text, VOCABULARY_FILE, vocab, scan_problems)
        all_problems += scan_problems

    discovered = discover(docs_dir, found, loose)
    report_files, year_files = discovered.reports, discovered.years
    content = Content([], [], vocab, ignored=discovered.ignored)
    if found.truncated or len(report_files) + len(year_files) > MAX_FILES:
        all_problems.append(
            Problem(shown(REPORT_DIR), 1, 1, "PO121",
                    f"för många filer (högst {MAX_FILES} rapporter och kapitel, {MAX_ENTRIES} filer "
                    "i allt) – dela upp webbplatsen per år")
        )
        return Result(content, all_problems, checked, build_inventory(found, content, all_problems, shown, loose))
    validators = validators_for(vocab)

    # Reports the paths alone would leave out: refused, never dropped without a word.
    for rel in discovered.wrong_suffix:
        checked += 1
        problems = ProblemList(shown(rel))
        wrong_suffix(rel, problems)
        all_problems += problems
    for name in discovered.ignored if not loose else []:
        rel = PurePosixPath(name)
        problems = ProblemList(shown(rel))
        if not is_ignored(rel) and sniff_file(docs_dir / name, rel, problems):
            checked += 1
            all_problems += problems

    # Everything a report's own checks depend on besides its bytes and path.
    context = "|".join((
        hashlib.sha256(vocab_path.read_bytes()).hexdigest() if has_vocab else "inbyggd",
        getattr(scanner, "__qualname__", "ingen") if scanner is not None else "ingen", root, docs_resolved,
    ))
    seen_ids: dict[str, str] = {}
    for rel in report_files:
        checked += 1
        verdict = _check_one(docs_dir, rel, shown(rel), vocab, validators, today, scanner, context, memo)
        problems = ProblemList(shown(rel))
        problems += verdict.problems
        report_id = verdict.report_id
        if report_id is not None:
            first = seen_ids.get(report_id)
            if first is not None:
                problems.add(
                    "PO302",
                    f"id '{report_id}' används redan i {first} – ge rapporten nästa lediga "
                    "nummer (`po ny brist` väljer det åt dig)",
                    verdict.id_pos,
                )
            else:
                seen_ids[report_id] = shown(rel)
        if verdict.report is not None and not problems.has_errors:
            content.reports.append(verdict.report)
        all_problems += problems
    if memo is not None:
        memo.keep_only({str(rel) for rel in report_files})

    check_relations(content, set(seen_ids), docs_dir, shown, all_problems)

    # The organisation's own pages (start page and the like) are committed too: they get
    # the identifier scan. Their HTML is the organisation's own business, but not script:
    # the build removes it (render.clean_page), and the check says so beforehand.
    # A page that looks like a report is not one of them: it is refused with where to move it.
    for rel in other_pages(docs_dir, found, loose):
        checked += 1
        problems = ProblemList(shown(rel))
        text = read_text(docs_dir / str(rel), problems)
        if text is not None:
            # In a misspelt report folder PO128 has said it: renaming the folder is the fix.
            report_like = rel in misspelt or misplaced(text, rel, problems)
            check_page_markup(text, 1, problems)
            if scanner is not None:
                scanner(text, str(rel), vocab, problems)
            if not report_like:
                content.other_pages.append(str(rel))
        all_problems += problems

    # Everything MkDocs would copy as it is: allowed by its content, and read for personal data.
    for rel in published_as_is(found, loose):
        if rel in misspelt and len(rel.parts) == 1:
            continue  # 'Vokabular.yml': PO128 says to rename it
        checked += 1
        problems = ProblemList(shown(rel))
        check_public_file(docs_dir, rel, vocab, scanner, problems)
        all_problems += problems
    for rel in found.files if not loose else []:
        if rel.parts[0] == ATTACHMENT_DIR and is_page(rel) and not is_ignored(rel):
            checked += 1
            problems = ProblemList(shown(rel))
            text = read_text(docs_dir / str(rel), problems)
            if text is not None and not misplaced(text, rel, problems):
                problems.add("PO125", "sidor i bilagor/ publiceras inte som bilagor – spara bilagan som PDF, "
                                      "eller lägg en egen sida direkt i content/")
            all_problems += problems

    years: dict[str, list[PurePosixPath]] = {}
    for rel in year_files:
        problems = ProblemList(shown(rel))
        head = head_text(docs_dir / str(rel))
        if head is not None and misplaced(head, rel, problems, by_id_or_type=True):
            # A report saved among the chapters: said once, and the year is checked without it.
            checked += 1
            all_problems += problems
            continue
        if len(rel.parts) < 3:
            problems = ProblemList(shown(rel))
            problems.add(
                "PO316",
                "årsrapporten ska ligga i en mapp för året, t.ex. arsrapport/2025/index.md – "
                "flytta filen dit",
            )
            all_problems += problems
            checked += 1
            continue
        years.setdefault(rel.parts[1], []).append(rel)
    for folder, files in sorted(years.items()):
        checked += len(files)
        year = check_year(folder, files, docs_dir, validators, vocab, scanner, shown, all_problems)
        if year is not None:
            content.years.append(year)

    # A name becomes a web address and a link text: 'bilagor/Brev till Anna Svensson.pdf' is as
    # public as the letter. The paths are scanned as one text, a path a line, in one go.
    if scanner is not None:
        paths = [rel for rel in found.files if not is_ignored(rel) and not re.search(r"[\r\n]", str(rel))]
        name_scan = ProblemList("")
        scanner("\n".join(str(rel) for rel in paths), "", vocab, name_scan)
        all_problems += [Problem(shown(paths[p.line - 1]), 1, 1, p.code, f"i filnamnet: {p.message}")
                         for p in name_scan]

    content.files_read = checked
    content.reports.sort(key=lambda r: r.id)
    all_problems.sort(key=lambda p: (p.path, p.line, p.col, p.code))
    return Result(content, all_problems, checked, build_inventory(found, content, all_problems, shown, loose))


def _check_one(
    docs_dir: Path, rel: PurePosixPath, shown_path: str, vocab: Vocabulary, validators: dict[str, Any],
    today: date, scanner: TextScanner | None, context: str, memo: CheckMemo | None,
) -> Checked:
    """One report file's own checks, from the memo when nothing they depend on has changed."""
    path = docs_dir / str(rel)
    key = memo.key(path, f"{context}|{rel}|{shown_path}") if memo is not None else None
    if memo is not None:
        kept = memo.get(str(rel), key, today)
        if kept is not None:
            return kept
    problems = ProblemList(shown_path)
    doc = load_document(path, str(rel), problems)
    report, report_id, id_pos = None, None, (1, 1)
    if doc is not None:
        report = check_report(doc, rel, vocab, validators, today, docs_dir, problems)
        if scanner is not None:
            scanner(full_text(path), str(rel), vocab, problems)
        if isinstance(doc.data.get("id"), str):
            report_id, id_pos = doc.data["id"], doc.pos("id")
    verdict = Checked(tuple(problems), report if not problems.has_errors else None, report_id, id_pos,
                      today, any(p.code == "PO303" for p in problems))
    if memo is not None:
        memo.put(str(rel), key, verdict)
    return verdict
