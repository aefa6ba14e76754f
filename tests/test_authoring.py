"""Authoring and review: `po ny`, `po lista`, `po status`, `po granska`, the guide, CI files.

Commands run in-process through `po_build.cli.main`, in small sites under tmp_path
with a fixed day, so every table and every message can be compared exactly.
"""

from __future__ import annotations

import html
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest
import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from po_build.check.body import leftover_hints
from po_build.check.privacy.files import scan_file_text
from po_build.check.tree import check_tree
from po_build.cli.common import vocabulary_of
from po_build.cli.ids import next_id
from po_build.cli.listing import months_between, table
from po_build.cli.main import main
from po_build.cli.templates import Answers, render_report, template_files, yaml_text
from po_build.contract.codes import CODES
from po_build.contract.markers import MARKER_NAMES
from po_build.contract.schema import build_schema
from po_build.contract.sections import HINTS, SECTIONS
from po_build.load.mkdocs_config import plugin_options, read_mkdocs_config
from po_build.load.vocabulary import builtin_vocabulary
from po_build.model.slug import slugify
from po_build.outputs.guide import PAGES, guide_pages
from po_build.outputs.pages import PageSettings
from po_build.project.projection import project
from po_build.render import templating

from .helpers import report_text, write, write_report

REPO = Path(__file__).resolve().parents[1]
DAY = "2026-11-22"
TODAY = date.fromisoformat(DAY)
RUBRIK = "Telefontiden hos mottagningen räcker inte"
MKDOCS = """site_name: Test
docs_dir: content
plugins:
  po:
    organisation: Ombuden i Testlän
    region: Testlän
    minsta_antal: 3
"""


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def po(args: Sequence[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    try:
        code = main([*args])
    except SystemExit as exit:  # argparse stops here on misuse, as the real command does
        code = int(exit.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty site with mkdocs.yml, as the current directory."""
    root = tmp_path / "webbplats"
    (root / "content" / "brister").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(MKDOCS, "utf-8")
    monkeypatch.chdir(root)
    monkeypatch.setenv("COLUMNS", "200")
    for name in ("GITHUB_BASE_REF", "CI_MERGE_REQUEST_DIFF_BASE_SHA", "CI_MERGE_REQUEST_TARGET_BRANCH_NAME"):
        monkeypatch.delenv(name, raising=False)
    return root


def problems_in(path: Path, root: Path, hints: bool = False) -> list[str]:
    """po check's lines for one file: code and message, with the identifier scanner on.

    The warning that the form's help sentences are still there (PO326) is left out unless
    `hints`: a report fresh from `po ny` has them by design.
    """
    result = check_tree(root / "content", today=TODAY, scanner=scan_file_text, display_root=root)
    shown = path.relative_to(root).as_posix()
    return [f"{p.code} {p.message}" for p in result.problems
            if p.path == shown and (hints or p.code != "PO326")]


def new_file(root: Path, before: set[Path]) -> Path:
    after = set((root / "content" / "brister").rglob("*.md"))
    (created,) = after - before
    return created


# --- po ny: ids and names ------------------------------------------------------------


def test_next_id_counts_broken_files_and_never_fills_gaps(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write_report(content, fields={"id": "B-2025-001"})
    write(content / "brister" / "2025" / "B-2025-004-trasig.md", "---\nid: B-2025-004\nrubrik: [\n")
    # A file whose name lost its id and whose front matter is broken still holds its number.
    write(content / "brister" / "2025" / "telefon.md", "---\nid: 'B-2025-007'\ntyp: brist\nnivå: [\n")
    write_report(content, "positiv", fields={"id": "P-2025-002"})
    assert next_id(content, "brist", 2025, use_git=False) == "B-2025-008"
    assert next_id(content, "positiv", 2025, use_git=False) == "P-2025-003"
    assert next_id(content, "brist", 2026, use_git=False) == "B-2026-001"
    assert next_id(tmp_path / "tomt", "brist", 2026, use_git=False) == "B-2026-001"


def _git(cwd: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.invalid",
           "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.invalid"}
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def _repo(root: Path) -> None:
    _git(root, "init", "-q", "-b", "main")
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "Början")


def test_next_id_skips_numbers_taken_on_other_branches(site: Path) -> None:
    content = site / "content"
    write_report(content, fields={"id": "B-2025-001"})
    _repo(site)
    _git(site, "switch", "-qc", "ombud-a")
    write_report(content, fields={"id": "B-2025-009"})
    _git(site, "add", "-A")
    _git(site, "commit", "-qm", "Annan gren")
    _git(site, "switch", "-q", "main")
    assert not (content / "brister" / "2025" / "B-2025-009-rapport.md").exists()
    assert next_id(content, "brist", 2025) == "B-2025-010"
    assert next_id(content, "brist", 2025, use_git=False) == "B-2025-002"


def test_slug_is_ascii_words_cut_at_a_word() -> None:
    assert slugify("Telefontiden räcker inte för klienterna") == "telefontiden-racker-inte-for-klienterna"
    assert slugify("Åtgärd: ÖVERFÖRMYNDAREN svarar – efter 3 månader") == (
        "atgard-overformyndaren-svarar-efter-3-manader"
    )
    long = slugify("ord " * 40, limit=50)
    assert len(long) <= 50 and not long.endswith("-")
    assert slugify("!!!", fallback="rapport") == "rapport"


@pytest.mark.parametrize("text", ["Beslut: avslag utan förklaring", "ja", "- punkt", "#1 problem", "Nej tack",
                                  "Text med \"citat\" och 'apostrof'", "2025-03-14", "a: b # c"])
def test_yaml_text_reads_back_as_the_same_text(text: str) -> None:
    assert yaml.safe_load(f"rubrik: {yaml_text(text)}")["rubrik"] == text


# --- po ny: the file ---------------------------------------------------------------


def test_new_report_with_every_choice_passes_po_check(site: Path, capsys) -> None:
    code, out, err = po(["ny", "brist", "--rubrik", RUBRIK, "--nivå", "lokal", "--kategorier",
                         "tillganglighet,samordning", "--aktörer", "psykiatrin", "--aktörer", "primarvarden",
                         "--allvarlighet", "medel", "--rapportör", "Ombud A", "--idag", DAY], capsys)
    assert (code, err) == (0, "")
    path = site / "content" / "brister" / "2026" / "B-2026-001-telefontiden-hos-mottagningen-racker-inte.md"
    assert path.is_file()
    assert "Ny brist B-2026-001: content/brister/2026/B-2026-001-telefontiden-hos-mottagningen-racker-inte.md" in out
    assert "Alla fält är ifyllda." in out and "po check" in out and "pull request" in out
    assert problems_in(path, site) == []
    # The help sentences are still there: one warning, naming every heading.
    (hint,) = problems_in(path, site, hints=True)
    assert hint.startswith("PO326") and "'## Beskrivning'" in hint and "'## Uppföljning'" in hint
    text = path.read_text("utf-8")
    assert "kategorier: [tillganglighet, samordning]" in text
    assert "aktörer: [psykiatrin, primarvarden]" in text
    assert f"datum: {DAY}" in text and "publicera: false" in text and "rapportör: Ombud A" in text


def test_new_report_has_every_field_every_heading_and_a_comment_for_each(site: Path, capsys) -> None:
    po(["ny", "brist", "--rubrik", RUBRIK, "--idag", DAY], capsys)
    path = next((site / "content" / "brister" / "2026").glob("B-2026-001-*.md"))
    text = path.read_text("utf-8")
    front, body = text.split("\n---\n", 1)
    lines = front.split("\n")
    schema = build_schema(builtin_vocabulary())["$defs"]["brist"]["properties"]
    for name, prop in schema.items():
        at = next(i for i, line in enumerate(lines) if re.match(rf"^(# )?{name}:", line))
        # The comment block right above the field starts with its name and its description.
        block_start = max(i for i in range(at) if lines[i] == "") + 1
        assert lines[block_start].startswith(f"# {name}: "), name
        assert prop["description"].split()[0] in lines[block_start], name
    for level in ("individ", "lokal", "nationell"):
        assert f"#   {level}" in front
    assert "#   regelverk" not in front.split("nivå:")[0]  # categories are listed under their own field
    headings = re.findall(r"^## (.+)$", body, re.M)
    assert headings == [title for title, _ in SECTIONS["brist"]]
    for title in headings:
        assert HINTS[title] in body
    assert "<!--" not in body


def test_new_report_left_to_fill_fails_po_check_with_what_is_left(site: Path, capsys) -> None:
    code, out, _ = po(["ny", "brist", "--rubrik", RUBRIK, "--idag", DAY], capsys)
    assert code == 0
    path = next((site / "content" / "brister" / "2026").glob("B-2026-001-*.md"))
    found = problems_in(path, site)
    # Exactly the four things only the ombud can decide; the hints and comments pass.
    assert [p.split()[0] for p in found] == ["PO206", "PO208", "PO208", "PO206"]
    assert "'VÄLJ' i 'nivå'" in found[0] and "individ, lokal, nationell" in found[0]
    assert "'kategorier' behöver minst ett värde" in found[1]
    assert "'aktörer' behöver minst ett värde" in found[2]
    assert "'VÄLJ' i 'allvarlighet'" in found[3] and "låg, medel, hög" in found[3]
    assert "Det här återstår att fylla i" in out
    for problem in found:
        assert problem.split(" ", 1)[1] in out


def test_new_positive_event_passes_po_check(site: Path, capsys) -> None:
    code, out, _ = po(["ny", "positiv", "--rubrik", "Försäkringskassan ringde upp samma dag", "--kategorier",
                       "aterkoppling", "--aktörer", "forsakringskassan", "--datum", "2026-10-05", "--idag", DAY],
                      capsys)
    assert code == 0
    path = site / "content" / "brister" / "2026" / "P-2026-001-forsakringskassan-ringde-upp-samma-dag.md"
    assert problems_in(path, site) == []
    text = path.read_text("utf-8")
    assert "datum: 2026-10-05" in text and "nivå" not in text.split("---")[1].replace("# ", "X")
    assert re.findall(r"^## (.+)$", text, re.M) == ["Händelse", "Varför det fungerade"]
    assert "Ny positiv händelse P-2026-001" in out


def test_status_flag_starts_the_history_and_adds_the_step(site: Path, capsys) -> None:
    po(["ny", "brist", "--rubrik", RUBRIK, "--nivå", "nationell", "--kategorier", "regelverk", "--aktörer",
        "staten", "--allvarlighet", "hög", "--status", "påtalad", "--datum", "2026-09-01", "--idag", DAY], capsys)
    path = next((site / "content" / "brister" / "2026").glob("B-2026-001-*.md"))
    text = path.read_text("utf-8")
    assert "historik:\n  - datum: 2026-09-01\n    status: upptäckt\n  - datum: 2026-11-22\n    status: påtalad" in text
    assert problems_in(path, site) == []


def test_headline_with_a_colon_is_quoted_and_reads_back(site: Path, capsys) -> None:
    po(["ny", "brist", "--rubrik", "Beslut: avslag utan förklaring", "--idag", DAY], capsys)
    path = next((site / "content" / "brister" / "2026").glob("B-2026-001-beslut-avslag-utan-forklaring.md"))
    result = check_tree(site / "content", today=TODAY)
    assert not [p for p in result.problems if p.code in ("PO106", "PO205")]
    assert 'rubrik: "Beslut: avslag utan förklaring"' in path.read_text("utf-8")


def test_interactive_headline_is_asked_again_until_it_is_long_enough(site: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Tty("Kort\n" + RUBRIK + "\n"))
    code, out, _ = po(["ny", "brist", "--idag", DAY], capsys)
    assert code == 0
    assert out.count("Rubrik:") == 2
    assert "minst 10 tecken (den har 4)" in out
    path = next((site / "content" / "brister" / "2026").glob("B-2026-001-*.md"))
    assert f"rubrik: {RUBRIK}" in path.read_text("utf-8")


def test_interactive_end_of_input_creates_nothing(site: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Tty(""))
    code, _, err = po(["ny", "brist", "--idag", DAY], capsys)
    assert code == 1 and "ingen fil skapades" in err
    assert not list((site / "content" / "brister").rglob("*.md"))


def test_without_a_terminal_the_headline_must_be_given(site: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(RUBRIK + "\n"))
    code, _, err = po(["ny", "brist", "--idag", DAY], capsys)
    assert code == 2 and "--rubrik" in err
    assert not list((site / "content" / "brister").rglob("*.md"))


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--nivå", "nationel"], "menade du 'nationell'"),
        (["--kategorier", "samordning,bemotnde"], "'bemotnde' finns inte – menade du 'bemotande'"),
        (["--nivå", "lokal", "--kategorier", "bemotande"], "hör inte till nivån 'lokal'"),
        (["--datum", "2026-12-24"], "ligger i framtiden"),
        (["--datum", "24/12"], "ÅÅÅÅ-MM-DD"),
        (["--rubrik", "Kort"], "minst 10 tecken"),
        (["--rubrik", "Handläggaren Lena Johansson svarar aldrig"], "personuppgift"),
    ],
)
def test_wrong_flags_are_explained_and_nothing_is_written(site: Path, capsys, flags, message) -> None:
    args = ["ny", "brist", "--idag", DAY, *flags]
    if "--rubrik" not in flags:
        args += ["--rubrik", RUBRIK]
    code, out, err = po(args, capsys)
    assert code == 2, out + err
    assert message in err
    assert not list((site / "content" / "brister").rglob("*.md"))


def test_flags_typed_without_swedish_letters_are_understood(site: Path, capsys) -> None:
    code, _, err = po(["ny", "brist", "--rubrik", RUBRIK, "--niva", "Lokal", "--allvarlighet", "hog",
                       "--status", "atgardad", "--aktorer", "psykiatrin", "--idag", DAY], capsys)
    assert code == 0, err
    text = next((site / "content" / "brister" / "2026").glob("*.md")).read_text("utf-8")
    assert "nivå: lokal" in text and "allvarlighet: hög" in text and "status: åtgärdad" in text


def test_new_yearly_report_has_every_marker_and_passes_po_check(site: Path, capsys) -> None:
    code, out, _ = po(["ny", "arsrapport", "2026"], capsys)
    assert code == 0 and "content/arsrapport/2026" in out
    folder = site / "content" / "arsrapport" / "2026"
    texts = "\n".join(p.read_text("utf-8") for p in sorted(folder.glob("*.md")))
    for name in MARKER_NAMES:
        assert len(re.findall(rf"^<!-- po: {name} -->$", texts, re.M)) == 1, name
    assert "titel: Årsrapport 2026 – Ombuden i Testlän" in texts
    result = check_tree(site / "content", today=TODAY, scanner=scan_file_text)
    assert result.problems == [], [p.format() for p in result.problems]
    assert [y.år for y in result.content.years] == [2026]
    code, _, err = po(["ny", "arsrapport", "2026"], capsys)
    assert code == 1 and "finns redan" in err
    assert po(["ny", "arsrapport", "26"], capsys)[0] == 2


def test_web_editor_templates_are_current_and_ignored_by_the_build() -> None:
    options = plugin_options(read_mkdocs_config(REPO / "mkdocs.yml"))
    expected = template_files(vocabulary_of(REPO / "content"), str(options.get("organisation") or ""))
    for rel, text in expected.items():
        path = REPO / "content" / rel
        assert path.is_file(), f"{rel} saknas – kör 'po ny mallar'"
        assert path.read_text("utf-8") == text, f"{rel} är inaktuell – kör 'po ny mallar'"
    ignored = set(check_tree(REPO / "content", today=TODAY).content.ignored)
    assert set(expected) <= ignored


def test_a_template_copied_into_place_tells_what_to_fill_in(tmp_path: Path) -> None:
    vocab = builtin_vocabulary()
    content = tmp_path / "content"
    path = write(content / "brister" / "2026" / "B-2026-001-kopia.md", render_report(
        "brist", vocab, Answers(id="B-ÅÅÅÅ-NNN", template=True)))
    codes = {p.code for p in check_tree(content, today=TODAY).problems}
    assert {"PO204", "PO205", "PO207", "PO206", "PO208"} <= codes
    filled = render_report("brist", vocab, Answers(
        id="B-2026-001", rubrik=RUBRIK, datum="2026-03-02", nivå="lokal", allvarlighet="låg",
        kategorier=["resurser"], aktörer=["psykiatrin"], template=True))
    write(path, filled)
    assert [p.code for p in check_tree(content, today=TODAY, scanner=scan_file_text).problems] == ["PO326"]


def test_leftover_hints_are_found_under_their_headings() -> None:
    body = (f"## Beskrivning\n\n{HINTS['Beskrivning']}\n\n## Orsaker\n\nEgen text.\n\n"
            f"## Resultat\n\n{HINTS['Resultat']}\n")
    assert leftover_hints(body) == ["Beskrivning", "Resultat"]
    assert leftover_hints("## Orsaker\n\n" + HINTS["Beskrivning"]) == []


# --- po lista and po status ------------------------------------------------------------


def _listing_site(content: Path) -> None:
    write_report(content, fields={"id": "B-2024-003", "datum": "2024-05-06", "nivå": "nationell",
                                  "kategorier": "[regelverk]", "status": "åtgärdad", "publicera": "true",
                                  "publicerad": "2024-09-01", "rubrik": "Reglerna för bostadstillägg är svåra"})
    write_report(content, fields={"id": "B-2025-001", "datum": "2025-02-03", "status": "upptäckt",
                                  "allvarlighet": "låg"})
    write_report(content, fields={
        "id": "B-2025-002", "datum": "2025-03-04", "status": "påtalad", "publicera": "true",
        "publicerad": "2025-04-01", "rubrik": "Kallelser skickas bara digitalt till klienterna",
        "historik": "\n  - {datum: 2025-03-04, status: upptäckt}\n  - {datum: 2026-06-10, status: påtalad}",
        "mottagare": "[Styrgruppen, Regionens ledning]"})
    write_report(content, fields={
        "id": "B-2025-003", "datum": "2025-04-07", "status": "påtalad", "nivå": "individ",
        "kategorier": "[bemotande]", "rubrik": "Klienter bemöts med misstro i receptionen",
        "historik": "\n  - {datum: 2025-04-07, status: upptäckt}\n  - {datum: 2026-10-01, status: påtalad}"})
    write_report(content, "positiv", fields={"id": "P-2025-001", "publicera": "true", "publicerad": "2025-05-01"})
    write(content / "brister" / "2025" / "B-2025-004-trasig.md", report_text(fields={"id": "B-2025-004",
                                                                                   "nivå": "regional"}))


def test_lista_shows_reports_by_year_with_counts(site: Path, capsys) -> None:
    _listing_site(site / "content")
    code, out, _ = po(["lista", "--idag", DAY], capsys)
    assert code == 0
    lines = out.split("\n")
    assert lines[0] == "Rapporter i content"
    assert lines.index("2025: 3 brister, 1 positiv händelse") < lines.index("2024: 1 brist")
    rows = {line.split()[0]: re.split(r"\s{2,}", line.strip()) for line in lines if re.match(r"\s+[BP]-\d", line)}
    assert rows["B-2025-002"] == ["B-2025-002", "2025-03-04", "lokal", "påtalad", "hög", "ja",
                                  "Kallelser skickas bara digitalt till klienterna"]
    assert rows["B-2025-001"][3:6] == ["upptäckt", "låg", "nej"]
    assert rows["P-2025-001"][2:6] == ["–", "–", "–", "ja"]
    assert "B-2025-004" not in rows
    counts = {r[0]: r[1:] for r in (re.split(r"\s{2,}", line.strip()) for line in lines)
              if r[0] in ("upptäckt", "påtalad", "åtgärdad", "totalt")}
    assert counts == {"upptäckt": ["0", "1", "0", "1"], "påtalad": ["1", "1", "0", "2"],
                      "åtgärdad": ["0", "0", "1", "1"], "totalt": ["1", "2", "1", "4"]}
    assert "Sammanlagt 5 rapporter, varav 3 beslutade för publicering och 2 utkast." in out
    assert "1 fil har fel och finns inte med här" in out
    assert "content/brister/2025/B-2025-004-trasig.md" in out


def test_lista_filters(site: Path, capsys) -> None:
    _listing_site(site / "content")
    _, out, _ = po(["lista", "--år", "2025", "--status", "pataLAD", "--idag", DAY], capsys)
    assert out.startswith("Rapporter i content (år 2025, status påtalad)")
    assert re.findall(r"[BP]-\d{4}-\d{3}", out.split("fel och finns")[0]) == ["B-2025-002", "B-2025-003"]
    _, out, _ = po(["lista", "--nivå", "nationell", "--idag", DAY], capsys)
    assert re.findall(r"^\s+(B-\d{4}-\d{3})", out, re.M) == ["B-2024-003"]
    _, out, _ = po(["lista", "--typ", "positiv", "--år", "2024", "--idag", DAY], capsys)
    assert "Inga rapporter stämmer med det du valde." in out
    code, _, err = po(["lista", "--status", "vilande", "--idag", DAY], capsys)
    assert code == 2 and "välj bland: upptäckt" in err
    code, _, err = po(["lista", "--år", "25"], capsys)
    assert code == 2 and "fyra siffror" in err


def test_status_shows_what_waits_for_the_steering_group(site: Path, capsys) -> None:
    _listing_site(site / "content")
    code, out, _ = po(["status", "--idag", DAY], capsys)
    assert code == 0
    waiting, drafts_and_late = out.split("Utkast som styrgruppen inte har beslutat att publicera")
    drafts, late = drafts_and_late.split("PÅTALADE UTAN SVAR I 3 MÅNADER ELLER MER")
    assert re.findall(r"B-\d{4}-\d{3}", waiting) == ["B-2025-001"]
    assert re.findall(r"[BP]-\d{4}-\d{3}", drafts) == ["B-2025-001", "B-2025-003"]
    row = next(line for line in late.split("\n") if "B-2025-002" in line)
    assert re.split(r"\s{2,}", row.strip()) == [
        "B-2025-002", "2026-06-10", "5", "Regionens ledning, Styrgruppen",
        "Kallelser skickas bara digitalt till klienterna"]
    assert "B-2025-003" not in late  # raised seven weeks ago: not late yet
    _, out, _ = po(["status", "--månader", "6", "--idag", DAY], capsys)
    assert "Inget som har påtalats väntar på svar sedan mer än 6 månader." in out
    _, out, _ = po(["status", "--månader", "1", "--idag", DAY], capsys)
    assert "B-2025-003" in out.split("PÅTALADE")[1]
    assert po(["status", "--månader", "0"], capsys)[0] == 2


def test_months_between_counts_whole_months() -> None:
    assert months_between(date(2025, 6, 17), date(2025, 9, 16)) == 2
    assert months_between(date(2025, 6, 17), date(2025, 9, 17)) == 3
    assert months_between(date(2025, 12, 31), date(2026, 1, 1)) == 0


def test_tables_fit_the_terminal_by_shortening_text_columns() -> None:
    rows = [["B-2025-001", "x" * 80, "y" * 60], ["B-2025-002", "kort", "kort"]]
    lines = table(["Id", "Mottagare", "Rubrik"], rows, width=70, flex=[1, 2], indent="  ")
    assert all(len(line) <= 70 for line in lines)
    assert lines[2].split()[0] == "B-2025-001" and lines[2].endswith("…")
    assert "kort" in lines[3]
    wide = table(["Id", "Mottagare", "Rubrik"], rows, width=300)
    assert "x" * 80 in wide[2]


def test_sample_content_lists_without_errors(monkeypatch, capsys) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("COLUMNS", "120")
    code, out, _ = po(["lista", "--idag", DAY], capsys)
    assert code == 0 and "Sammanlagt" in out
    assert all(len(line) <= 120 for line in out.split("\n"))
    code, out, _ = po(["status", "--idag", DAY], capsys)
    assert code == 0 and "VÄNTAR PÅ STYRGRUPPEN" in out


# --- po granska ----------------------------------------------------------------------

SECRET = "HEMLIG-ANTECKNING-XYZ"


def _review_repo(site: Path) -> tuple[Path, Path, Path]:
    content = site / "content"
    published = write_report(content, fields={
        "id": "B-2025-001", "datum": "2025-03-14", "status": "analyserad", "publicera": "true",
        "publicerad": "2025-04-22", "historik": "\n  - {datum: 2025-03-14, status: upptäckt}\n"
                                                "  - {datum: 2025-03-20, status: analyserad}"})
    draft = write_report(content, fields={"id": "B-2025-002", "datum": "2025-05-05"})
    _repo(site)
    _git(site, "switch", "-qc", "ny-brist")
    new = write_report(content, fields={
        "id": "B-2025-003", "datum": "2025-05-07", "publicera": "true", "publicerad": "2025-09-02",
        "förekomster": "[2025-06-11, 2025-08-19]",
        "intern": "\n  rapportör: Ombud Q\n  anteckningar: " + SECRET,
    }, body="\n## Beskrivning\n\nVäntetiden till mottagningen är lång.\n\n## Orsaker\n\nFör få tider.\n\n"
            "## Konsekvenser\n\nKlienter ger upp.\n\n## Förslag till åtgärder\n\nFler tider.\n")
    text = published.read_text("utf-8").replace("status: analyserad\n", "status: påtalad\n", 1)
    text = text.replace("status: analyserad}", "status: analyserad}\n  - {datum: 2025-06-01, status: påtalad}")
    published.write_text(text, "utf-8")
    draft.write_text(draft.read_text("utf-8").replace("Klienterna når", "Klienter når"), "utf-8")
    _git(site, "add", "-A")
    _git(site, "commit", "-qm", "Ny brist och ändringar")
    return published, draft, new


def test_granska_shows_exactly_what_becomes_public(site: Path, capsys) -> None:
    _review_repo(site)
    code, out, err = po(["granska", "--idag", DAY], capsys)
    assert code == 0, out + err
    assert "Jämfört med: main" in out
    summary = out.split("=" * 10)[0]
    assert re.search(r"B-2025-001\s+ändras på webbplatsen", summary)
    assert re.search(r"B-2025-002\s+publiceras inte", summary)
    assert re.search(r"B-2025-003\s+blir offentlig", summary)
    new = out.split("B-2025-003  BLIR OFFENTLIG")[1]
    assert "Väntetiden till mottagningen är lång." in new
    assert "* Uppmärksammad: maj 2025" in new and "* Antal gånger:  3 gånger" in new
    assert "* Aktörer:       Försäkringskassan, Kommunens socialtjänst" in new
    assert "* Publicerad:    2 september 2025 efter beslut i styrgruppen" in new
    assert "interna anteckningar (intern: rapportör, anteckningar)" in new
    changed = out.split("B-2025-001  ÄNDRAS PÅ WEBBPLATSEN")[1].split("=" * 10)[0]
    assert "* Status:        Påtalad för ansvariga   (tidigare: Analyserad)" in changed
    assert "  Rubrik:" in changed and "* Rubrik:" not in changed
    assert "* Tidslinje:" in changed and "juni 2025: Påtalad för ansvariga" in changed
    draft = out.split("B-2025-002  PUBLICERAS INTE")[1].split("=" * 10)[0]
    assert "styrgruppen har inte beslutat att publicera" in draft
    assert "Så här syns den" not in draft and "Klienter når" not in draft
    # Never the internal notes, never an exact event date.
    for secret in (SECRET, "Ombud Q", "2025-05-07", "2025-06-11", "2025-08-19", "2025-03-14", "2025-06-01",
                   "2025-05-05"):
        assert secret not in out, secret


def test_granska_markdown_for_a_pull_request_comment(site: Path, capsys) -> None:
    _review_repo(site)
    code, out, _ = po(["granska", "--format", "markdown", "--idag", DAY], capsys)
    assert code == 0
    assert out.startswith("## Granskning: det här blir offentligt")
    assert "| B-2025-003 | **blir offentlig** |" in out
    assert "| Status | Påtalad för ansvariga | **ändrad** (tidigare: Analyserad) |" in out
    assert "> Väntetiden till mottagningen är lång." in out
    assert SECRET not in out and "2025-05-07" not in out and "[!WARNING]" not in out


def test_granska_warns_loudly_about_errors_and_includes_unsaved_files(site: Path, capsys) -> None:
    published, _, _ = _review_repo(site)
    published.write_text(published.read_text("utf-8").replace("nivå: lokal", "nivå: regional"), "utf-8")
    fresh = write_report(site / "content", fields={"id": "B-2025-004", "rubrik": "Ännu inte sparad med git"})
    code, out, _ = po(["granska", "--idag", DAY], capsys)
    assert code == 1
    assert "!!! VARNING: po check hittar fel" in out
    assert re.search(r"B-2025-001-rapport\.md:\d+:\d+: PO206 okänt värde 'regional'", out)
    assert re.search(r"B-2025-001\s+har fel", out)
    assert fresh.name in out and "Ännu inte sparad med git" in out
    code, out, _ = po(["granska", "--format", "markdown", "--idag", DAY], capsys)
    assert code == 1 and "> [!WARNING]" in out and "PO206" in out


def test_granska_says_when_a_published_report_is_taken_down(site: Path, capsys) -> None:
    published, _, _ = _review_repo(site)
    _git(site, "switch", "-qc", "ta-ned", "main")
    published.write_text(published.read_text("utf-8").replace("publicera: true", "publicera: false"), "utf-8")
    _, out, _ = po(["granska", "--idag", DAY], capsys)
    assert "B-2025-001  TAS BORT FRÅN WEBBPLATSEN" in out
    published.unlink()
    _, out, _ = po(["granska", "--idag", DAY], capsys)
    assert "B-2025-001  TAS BORT FRÅN WEBBPLATSEN" in out and "Filen är borttagen" in out


def test_granska_only_internal_change_says_nothing_public_changes(site: Path, capsys) -> None:
    published, _, _ = _review_repo(site)
    _git(site, "switch", "-qc", "intern", "main")
    published.write_text(published.read_text("utf-8").replace("---\n\n", "intern:\n  anteckningar: " + SECRET
                                                               + "\n---\n\n", 1), "utf-8")
    _, out, _ = po(["granska", "--idag", DAY], capsys)
    assert "B-2025-001  INGET ÄNDRAS PÅ WEBBPLATSEN" in out and SECRET not in out


def test_granska_lists_other_pages_that_change_and_explains_small_areas(site: Path, capsys) -> None:
    content = site / "content"
    write(content / "vokabular.yml", "områden:\n  norrby: Norrby kommun\ntillåtna_termer:\n"
          "  - term: Norrby\n    skäl: En påhittad kommun.\n")
    for n in (1, 2):
        write_report(content, fields={"id": f"B-2025-00{n}", "områden": "[norrby]", "publicera": "true",
                                      "publicerad": "2025-06-01"})
    _repo(site)
    _, out, _ = po(["granska", "--bas", "main", "content/brister/2025/B-2025-001-rapport.md",
                    "--idag", DAY], capsys)
    assert "området Norrby kommun visas som 'Testlän': färre än 3 publicerade rapporter" in out
    _git(site, "switch", "-qc", "tredje")
    write_report(content, fields={"id": "B-2025-003", "områden": "[norrby]", "publicera": "true",
                                  "publicerad": "2025-06-01"})
    _, out, _ = po(["granska", "--idag", DAY], capsys)
    assert "* Områden:       Norrby kommun" in out
    other = out.split("ANDRA SIDOR SOM OCKSÅ ÄNDRAS")[1]
    assert "B-2025-001" in other and "B-2025-002" in other and "Områden" in other


def test_granska_base_comes_from_ci_and_a_missing_base_is_misuse(site: Path, capsys, monkeypatch) -> None:
    _review_repo(site)
    _git(site, "branch", "-q", "mål", "main")
    monkeypatch.setenv("GITHUB_BASE_REF", "mål")  # origin/mål does not exist: the next candidate is used
    _, out, _ = po(["granska", "--idag", DAY], capsys)
    assert "Jämfört med: main" in out
    _git(site, "update-ref", "refs/remotes/origin/mål", "main")
    _, out, _ = po(["granska", "--idag", DAY], capsys)
    assert "Jämfört med: origin/mål" in out
    code, _, err = po(["granska", "--bas", "finns-inte"], capsys)
    assert code == 2 and "hittar inte 'finns-inte'" in err
    code, _, err = po(["granska", "mkdocs.yml"], capsys)
    assert code == 2 and "ligger inte i innehållsmappen" in err


# --- CI and pre-commit ---------------------------------------------------------------


def _steps(job: dict) -> list[dict]:
    return job["steps"]


def test_github_workflow_grants_write_access_only_where_it_publishes() -> None:
    """Least privilege: a pull request's job can read the repository and nothing more."""
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "po.yml").read_text("utf-8"))
    assert workflow["permissions"] == {"contents": "read"}
    for name, job in workflow["jobs"].items():
        granted = {k for k, v in job.get("permissions", {}).items() if v == "write"}
        on_pull_requests = "== 'pull_request'" in job.get("if", "")
        # A pull request's code may at most comment on it; only the publishing job on main writes pages.
        assert granted <= ({"pull-requests"} if on_pull_requests else {"pages", "id-token"}), name


def _project_copy(target: Path) -> None:
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO, check=True,
                            capture_output=True, text=True).stdout.split("\n")
    for name in listed:
        source = REPO / name
        if name and source.is_file() and not name.startswith("tests/"):
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)


def test_github_workflow_steps_run_locally(tmp_path: Path) -> None:
    """Every `run:` step, in order, in a copy of this repository on a pull request branch."""
    copy = tmp_path / "arkiv"
    _project_copy(copy)
    _repo(copy)
    _git(copy, "switch", "-qc", "forslag")
    draft = next(p for p in sorted((copy / "content" / "brister").rglob("B-*.md"))
                 if "publicera: false" in p.read_text("utf-8"))
    draft.write_text(draft.read_text("utf-8").replace("publicera: false", "publicera: true\npublicerad: 2026-11-20"),
                     "utf-8")
    _git(copy, "commit", "-qam", "Styrgruppen beslutade att publicera")

    workflow = yaml.safe_load((copy / ".github" / "workflows" / "po.yml").read_text("utf-8"))
    summary = tmp_path / "sammanfattning.md"
    env = {**os.environ, **{k: str(v) for k, v in workflow.get("env", {}).items()},
           "PATH": f"{REPO / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}",
           "GITHUB_STEP_SUMMARY": str(summary), "GITHUB_BASE_REF": "main"}
    env.pop("VIRTUAL_ENV", None)
    shell = workflow["defaults"]["run"]["shell"]
    assert shell == "bash"
    done: list[str] = []
    skipped: list[str] = []
    for job in ("kontroll", "publicera"):
        for step in _steps(workflow["jobs"][job]):
            command = step.get("run")
            if command is None:
                continue
            if "pip install" in command:
                skipped.append(step["name"])  # the packages are already in .venv
                continue
            assert "${{" not in command, f"'{step['name']}' needs GitHub to run"
            if command in done:
                continue
            result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command],
                                    cwd=copy, env=env, capture_output=True, text=True, timeout=600)
            assert result.returncode == 0, f"{step['name']}:\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
            done.append(command)
    assert skipped == ["Installera po-build", "Installera po-build"]
    assert "po check --format github" in done
    assert (copy / "site" / "index.html").is_file()
    assert (copy / "site" / "brister" / draft.name[:10] / "index.html").is_file()
    for src, _doc, _title in PAGES:
        assert (copy / "site" / src.replace(".md", ".html")).is_file(), src
    text = summary.read_text("utf-8")
    assert "## Granskning: det här blir offentligt" in text and "**blir offentlig**" in text


def test_gitlab_ci_scripts_run_locally(tmp_path: Path) -> None:
    """The merge-request job and the pages job, run as GitLab runs them, in a copy of this repository."""
    copy = tmp_path / "arkiv"
    _project_copy(copy)
    _repo(copy)
    _git(copy, "switch", "-qc", "forslag")
    ci = yaml.safe_load((copy / ".gitlab-ci.yml").read_text("utf-8"))
    env = {**os.environ, **{k: str(v) for k, v in ci.get("variables", {}).items()},
           "PATH": f"{REPO / '.venv' / 'bin'}{os.pathsep}{os.environ['PATH']}",
           "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main"}
    env.pop("VIRTUAL_ENV", None)
    for job in ("kontroll", "pages"):
        for command in ci[job]["script"]:
            result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", command],
                                    cwd=copy, env=env, capture_output=True, text=True, timeout=600)
            assert result.returncode == 0, f"{job}: {command}\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
        for path in ci[job]["artifacts"]["paths"]:
            assert (copy / path).exists(), f"{job} saves {path}, which the job never wrote"
    assert (copy / "public" / "index.html").is_file()
    assert "Granskning" in (copy / "granskning.md").read_text("utf-8")


def test_pre_commit_hook_and_this_repositorys_config() -> None:
    (hook,) = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert {"id", "name", "entry", "language"} <= set(hook)
    assert (hook["id"], hook["entry"], hook["language"], hook["pass_filenames"]) == (
        "po-check", "po check", "python", True)
    pattern = re.compile(hook["files"])
    for path in ("content/brister/2025/B-2025-001-telefon.md", "content/vokabular.yml",
                 "content/arsrapport/2025/index.md"):
        assert pattern.search(path), path
    for path in ("README.md", "po_build/docs/guide-index.md", "mkdocs.yml", "content/bilagor/brev.pdf"):
        assert not pattern.search(path), path
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text("utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    (local,) = repo["hooks"]
    assert local["id"] == hook["id"] and local["files"] == hook["files"]
    assert local["entry"].endswith(hook["entry"]) and local["pass_filenames"] is True
    assert (REPO / local["entry"].split()[0]).name == "po"


def test_po_check_with_the_files_pre_commit_passes(site: Path, capsys) -> None:
    content = site / "content"
    ok = write_report(content, fields={"id": "B-2025-001"})
    bad = write_report(content, fields={"id": "B-2025-002", "nivå": "regional"})
    code, out, _ = po(["check", "--idag", DAY, str(ok.relative_to(site))], capsys)
    assert code == 0 and out.strip() == "Inga fel i 1 fil"
    code, out, _ = po(["check", "--idag", DAY, str(ok.relative_to(site)), str(bad.relative_to(site))], capsys)
    assert code == 1 and "B-2025-002-rapport.md" in out and "B-2025-001-rapport.md" not in out


# --- the guide -------------------------------------------------------------------------


def _render(spec) -> str:
    env = Environment(loader=PackageLoader("po_build", "templates/po"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    templating.install(env)
    return env.get_template(spec.template).render(rel=lambda url: url, **spec.context)


@pytest.fixture(scope="module")
def guide() -> dict[str, str]:
    content = check_tree(REPO / "content", today=TODAY).content
    specs = guide_pages(project(content, "public", region="Exempellän"), PageSettings())
    return {spec.src_uri: _render(spec) for spec in specs} | {"_vocab": content.vocabulary}  # type: ignore[dict-item]


def test_guide_has_every_page_and_each_links_to_the_others(guide) -> None:
    assert [src for src, _, _ in PAGES] == [k for k in guide if k != "_vocab"]
    for src, _, _title in PAGES:
        page = guide[src]
        assert page.count('aria-current="page"') == 1, src
        for other, _, title in PAGES:
            assert f'href="{other.removesuffix("index.md")}"' in page, (src, other)
            assert title in page


def test_field_reference_is_generated_from_the_schema(guide) -> None:
    page = guide["guide/falt/index.md"]
    schema = build_schema(guide["_vocab"])
    for kind, definition in schema["$defs"].items():
        assert f'id="falt-{kind}"' in page
        for name, prop in definition["properties"].items():
            assert f"<code>{html.escape(name)}</code>" in page, (kind, name)
            if "description" in prop:
                assert html.escape(prop["description"], quote=False) in page, (kind, name)
            for value in prop.get("enum") or prop.get("items", {}).get("enum") or []:
                if isinstance(value, str) and value not in ("ja", "nej"):
                    assert f"<code>{html.escape(value)}</code>" in page, (kind, name, value)
    assert "när publicera är true" in page  # publicerad, from the schema's if/then
    for kind in ("brist", "positiv"):
        for title, _ in SECTIONS[kind]:
            assert f"<code>## {html.escape(title)}</code>" in page
    assert "<code>exempelhem</code> – Bostadsbolaget Exempelhem" in page  # the organisation's own actor


def test_error_codes_page_has_every_code_with_example_and_fix(guide) -> None:
    page = guide["guide/felkoder/index.md"]
    for code in CODES.values():
        assert f'id="{code.code.lower()}"' in page
        assert html.escape(code.rubrik, quote=False) in page
        assert code.åtgärd in html.unescape(page)
    assert page.count("(varning)") >= 1


def test_yearly_report_page_lists_every_marker(guide) -> None:
    page = guide["guide/arsrapport/index.md"]
    for name, description in MARKER_NAMES.items():
        assert f"&lt;!-- po: {name} --&gt;" in page and html.escape(description, quote=False) in page


def test_writing_guide_covers_the_domain_and_every_heading() -> None:
    text = (REPO / "po_build" / "docs" / "guide-skriva.md").read_text("utf-8")
    for kind in ("brist", "positiv"):
        for title, _ in SECTIONS[kind]:
            assert f"**{title}.**" in text, title
    for idea in ("Konkret", "inte om personer", "peka ut", "förslag", "återkommandet"):
        assert idea in text, idea
    review = (REPO / "po_build" / "docs" / "guide-granskning.md").read_text("utf-8")
    for idea in ("pull request", "po granska", "publicera: true", "slås ihop", "po status"):
        assert idea in review, idea
    ci = (REPO / "po_build" / "docs" / "guide-ci.md").read_text("utf-8")
    for idea in (".github/workflows/po.yml", ".gitlab-ci.yml", "GitHub Pages", "GitLab Pages", "pre-commit"):
        assert idea in ci, idea


def test_the_newcomer_walkthrough_is_what_really_happens(tmp_path: Path, monkeypatch, capsys) -> None:
    """Follow guide/kom-igang/ in a copy of the sample site: every output it shows must be real."""
    guide_text = (REPO / "po_build" / "docs" / "guide-kom-igang.md").read_text("utf-8")
    root = tmp_path / "exempel"
    shutil.copytree(REPO / "content", root / "content")
    shutil.copy2(REPO / "mkdocs.yml", root / "mkdocs.yml")
    monkeypatch.chdir(root)
    monkeypatch.setattr(sys, "stdin", _Tty(RUBRIK + "\n"))
    before = set((root / "content" / "brister").rglob("*.md"))
    code, out, _ = po(["ny", "brist", "--idag", DAY], capsys)
    assert code == 0
    assert "    po ny brist\n" in guide_text and f"Rubrik: {RUBRIK}" in guide_text
    shown_remaining = re.findall(r"^ {6}rad \d+: (.+)$", guide_text, re.M)
    assert len(shown_remaining) == 4
    for message in shown_remaining:
        assert message in out, message

    path = new_file(root, before)
    filled = re.search(r"fyller i så här:\n\n((?: {4}.+\n)+)", guide_text).group(1)
    text = path.read_text("utf-8")
    for line in filled.split("\n"):
        if line.strip():
            key = line.strip().split(":")[0]
            text = re.sub(rf"^{key}: .*$", line.strip(), text, count=1, flags=re.M)
    path.write_text(text, "utf-8")
    code, out, _ = po(["check", "--idag", DAY], capsys)
    assert code == 1
    shown_error = re.search(r"Svaret blir:\n\n {4}(.+)\n", guide_text).group(1)
    assert shown_error.split(" PO304 ")[1] in out
    assert out.count("PO") == 2 and "PO326" in out  # the error, and the help sentences still there
    assert re.search(r"Svaret blir:\n\n {4}.+\n {4}(.+PO326 .+)\n", guide_text).group(1).split(" PO326 ")[1] in out

    fix = re.search(r"lokal nivå:\n\n {4}(.+)\n", guide_text).group(1)
    path.write_text(re.sub(r"^kategorier: .*$", fix, path.read_text("utf-8"), count=1, flags=re.M), "utf-8")
    code, out, _ = po(["check", "--idag", DAY], capsys)
    assert code == 0 and out.strip().split("\n")[-1].startswith("Inga fel i")
    # Step 6 shows the draft in the internal preview: the internal projection has it.
    result = check_tree(root / "content", today=TODAY)
    draft_id = path.name[:10]
    assert draft_id in {r.id for r in project(result.content, "intern").reports}
    assert draft_id not in {r.id for r in project(result.content, "public").reports}
    assert "PO_INTERN=1 make serve" in guide_text and f"/brister/{draft_id}/" in guide_text
