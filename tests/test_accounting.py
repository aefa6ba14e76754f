"""Nothing lost: every file under content/ is accounted for in the build's last line.

A file is published, unpublished, ignored, another page, an attachment, part of a
yearly report, the vocabulary, another file copied as it is, or an error. A file
that is neither rendered nor reported is a bug, so the test builds a large mixed
tree and checks that the categories add up to exactly the files on disk, and that
each category holds exactly the files it should.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from po_build.check.tree import check_tree
from tests.contentgen import write_tree
from tests.helpers import PDF, TODAY, image_bytes, report_text, write

CATEGORIES = ["publicerade", "opublicerade", "ignorerade", "andra sidor", "bilagor", "i årsrapporter",
              "vokabulär", "övriga filer", "fel"]
SINGULAR = {"publicerad": "publicerade", "opublicerad": "opublicerade", "ignorerad": "ignorerade",
            "annan sida": "andra sidor", "bilaga": "bilagor", "vokabulärer": "vokabulär", "övrig fil": "övriga filer"}
LINE = re.compile(r"po: (\d+) filer: (.*?)(?: \([^()]*\))?$")


def parse_line(text: str) -> tuple[int, dict[str, int]]:
    m = LINE.search(text)
    assert m, text
    counts: dict[str, int] = {}
    for part in m.group(2).split(", "):
        number, _, name = part.partition(" ")
        name = re.sub(r" \(.*\)$", "", name)
        counts[SINGULAR.get(name, name)] = int(number)
    return int(m.group(1)), counts


def files_on_disk(content: Path) -> int:
    return sum(1 for p in content.rglob("*") if p.is_file() or p.is_symlink())


def add_everything_else(content: Path) -> dict[str, int]:
    """Around the generated reports: every other kind of file, with how many of each."""
    expected = {"ignorerade": 0, "andra sidor": 1, "bilagor": 0, "i årsrapporter": 0, "övriga filer": 0}
    # Files in brister/ that are not reports, and templates and leftovers by name.
    for i in range(60):
        write(content / "brister" / "2024" / f"anteckning-{i}.{['txt', 'docx', 'png'][i % 3]}", b"x")
    for i in range(40):
        write(content / "brister" / "_mallar" / f"mall-{i}.md", "inte en rapport")
        write(content / "brister" / "2025" / f".~lock.B-2025-{i:03d}.md#", "lås")
        write(content / f"_utkast-{i}.md", "# Utkast\n")
    write(content / ".DS_Store", b"\x00\x01")
    expected["ignorerade"] += 60 + 40 * 3 + 1
    # Reports in an unexpected folder are still reports (with a warning about the folder);
    # these are drafts: report_text() has no publicera.
    for i in range(1, 21):
        write(content / "brister" / "2025" / "extra" / f"B-2025-{900 + i}-extra.md",
              report_text(fields={"id": f"B-2025-{900 + i}"}))
    # Own pages, in folders too; what MkDocs leaves out or copies is counted as such.
    for i in range(29):
        write(content / "om" / f"sida-{i}.md", f"# Sida {i}\n\nText.\n")
    write(content / "om" / "index.md", "# Om\n")
    write(content / "om" / "README.md", "# Läs mig\n")  # MkDocs drops it beside index.md
    write(content / "templates" / "mall.md", "# Mall\n")  # MkDocs' default exclusion
    write(content / "OM.MD", "# Versaler\n")  # not a page to MkDocs: copied as it is
    expected["andra sidor"] += 30
    expected["ignorerade"] += 2
    expected["övriga filer"] += 1
    # Attachments, used and unused, and other files at the root.
    for i in range(40):
        write(content / "bilagor" / f"skrivelse-{i}.pdf", PDF)
    expected["bilagor"] = 40
    # Copied as they are, each of a type that may be (po check reads them by their content).
    for name, data in (("robots.txt", b"User-agent: *\n"), ("CNAME", b"po.example.se\n"),
                       ("bilder/logga.png", image_bytes("PNG")), ("bilder/foto.jpg", image_bytes("JPEG")),
                       ("texter/villkor.txt", "Villkor för webbplatsen.\n".encode())):
        write(content / name, data)
    expected["övriga filer"] += 5
    # A yearly report: index and two chapters.
    folder = content / "arsrapport" / "2025"
    write(folder / "index.md", "---\når: 2025\ntitel: Årsrapport 2025\npublicera: true\n---\n\nFörord.\n")
    write(folder / "01-a.md", "---\nrubrik: Ett\nordning: 1\n---\n\nText.\n")
    write(folder / "02-b.md", "---\nrubrik: Två\nordning: 2\n---\n\nText.\n")
    write(content / "arsrapport" / "_mall" / "index.md", "mall")
    expected["i årsrapporter"] = 3
    expected["ignorerade"] += 1
    expected["extra rapporter"] = 20
    return expected


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int], object]:
    root = tmp_path_factory.mktemp("accounting")
    gen = write_tree(root, 1750, seed=11, events_per_day=6)
    content = root / "content"
    expected = add_everything_else(content)
    # Two published reports use attachments: only those two attachments are published.
    users = [r for r in gen.published if r.startswith("B-")][:2]
    for i, report in enumerate(next((content / "brister").rglob(f"{r}-*.md")) for r in users):
        text = report.read_text("utf-8").replace("---\n\n", f"bilagor: [skrivelse-{i}.pdf]\n---\n\n", 1)
        report.write_text(text, "utf-8")
    config = yaml.safe_load((root / "mkdocs.yml").read_text("utf-8"))
    config["plugins"]["po"].update({"pdf": False, "idag": TODAY.isoformat(),
                                    "tillganglighet": {"bedomning": "helt", "epost": "a@example.org",
                                                       "senast_granskad": "2026-11-01"}})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    return root, expected, gen


def test_the_inventory_counts_every_file_once(tree: tuple[Path, dict[str, int], object]) -> None:
    root, expected, gen = tree
    content = root / "content"
    result = check_tree(content, today=TODAY, scanner=None, display_root=content)
    assert result.errors == [], [p.format() for p in result.errors[:5]]
    assert len(result.inventory) == files_on_disk(content) > 2000
    by_category: dict[str, int] = {}
    for category in result.inventory.values():
        by_category[category] = by_category.get(category, 0) + 1
    assert by_category["publicerad"] == len(gen.published)  # type: ignore[attr-defined]
    unpublished = len(gen.unpublished) + expected["extra rapporter"]  # type: ignore[attr-defined]
    assert by_category["opublicerad"] == unpublished
    assert by_category["bilaga"] == expected["bilagor"]
    assert by_category["årsrapport"] == expected["i årsrapporter"]
    assert by_category["vokabulär"] == 1
    assert "fel" not in by_category


def test_the_build_summary_adds_up_to_the_files_on_disk(
    tree: tuple[Path, dict[str, int], object], caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, expected, gen = tree
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.po"):
        build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(root / "site")))
    lines = [r.getMessage() for r in caplog.records if re.search(r"po: \d+ filer:", r.getMessage())]
    assert len(lines) == 1, lines
    total, counts = parse_line(lines[0])
    assert list(counts) == CATEGORIES
    assert total == files_on_disk(root / "content") == sum(counts.values())
    assert counts["publicerade"] == len(gen.published)  # type: ignore[attr-defined]
    assert counts["opublicerade"] == len(gen.unpublished) + expected["extra rapporter"]  # type: ignore[attr-defined]
    for name in ("ignorerade", "andra sidor", "bilagor", "i årsrapporter", "övriga filer"):
        assert counts[name] == expected[name], (name, lines[0])
    assert counts["vokabulär"] == 1 and counts["fel"] == 0
    assert "(2 publiceras)" in lines[0]
    site = root / "site"
    # And the site agrees: the pages that were counted exist, the ignored ones do not.
    assert (site / "om" / "sida-3" / "index.html").is_file()
    assert (site / "OM.MD").is_file() and (site / "robots.txt").is_file()
    assert not list(site.rglob("_utkast*")) and not (site / "templates").exists()
    assert sorted(p.name for p in (site / "bilagor").iterdir()) == ["skrivelse-0.pdf", "skrivelse-1.pdf"]
    assert len(list((site / "brister").glob("B-*/index.html"))) == counts["publicerade"] - len(
        [r for r in gen.published if r.startswith("P-")])  # type: ignore[attr-defined]


def test_the_summary_counts_errors_too(tmp_path: Path) -> None:
    content = tmp_path / "content"
    write(content / "brister" / "2025" / "B-2025-001-a.md", report_text())
    write(content / "brister" / "2025" / "B-2025-002-b.md", report_text(fields={"id": "B-2025-002",
                                                                                "nivå": "fel"}))
    (content / "länk.md").symlink_to(tmp_path)
    result = check_tree(content, today=TODAY, scanner=None, display_root=content)
    assert sorted(result.inventory.values()) == ["fel", "fel", "opublicerad"]
