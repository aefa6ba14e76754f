"""While serving, a file the plugin makes in memory is written again only when its bytes or its
output changed (Preview.keep_unchanged): never an old version left in place."""

from __future__ import annotations

import os
import time
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel

from po_build.mkdocs.preview import Preview


def config_for(tmp_path: Path) -> MkDocsConfig:
    (tmp_path / "content").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\ndocs_dir: content\n", "utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "ut"))
    config.plugins._current_plugin = "po"  # as while the plugin's on_files runs
    return config


def written_at(path: Path) -> int:
    return os.stat(path).st_mtime_ns


def build(preview: Preview, config: MkDocsConfig, contents: dict[str, bytes]) -> int:
    """One dirty build's part: the files made in memory, kept or written, and committed."""
    files = Files([File.generated(config, uri, content=data, inclusion=InclusionLevel.INCLUDED)
                   for uri, data in contents.items()])
    preview.plan(files, {})
    kept = preview.keep_unchanged(files, config)
    files.copy_static_files(dirty=True)
    preview.commit()
    return kept


def test_unchanged_bytes_are_not_written_again_and_changed_ones_are(tmp_path: Path) -> None:
    config = config_for(tmp_path)
    preview = Preview(incremental=True)
    out = tmp_path / "ut"
    form, style = out / "admin" / "config.yml", out / "assets" / "po.css"
    assert build(preview, config, {"admin/config.yml": b"a: 1\n", "assets/po.css": b"p{}"}) == 0
    assert form.read_bytes() == b"a: 1\n" and style.read_bytes() == b"p{}"

    # The next save, the same bytes: both outputs left as they are.
    before = written_at(form), written_at(style)
    time.sleep(0.02)
    assert build(preview, config, {"admin/config.yml": b"a: 1\n", "assets/po.css": b"p{}"}) == 2
    assert (written_at(form), written_at(style)) == before

    # The vocabulary changed the form: written; the style is the same: kept.
    time.sleep(0.02)
    assert build(preview, config, {"admin/config.yml": b"a: 2\n", "assets/po.css": b"p{}"}) == 1
    assert form.read_bytes() == b"a: 2\n" and written_at(form) != before[0] and written_at(style) == before[1]

    # Something else changed an output between two saves: written again, though the bytes are the same.
    style.write_bytes(b"fel")
    assert build(preview, config, {"admin/config.yml": b"a: 2\n", "assets/po.css": b"p{}"}) == 1
    assert style.read_bytes() == b"p{}"

    # An output removed (the folder emptied): written again.
    form.unlink()
    build(preview, config, {"admin/config.yml": b"a: 2\n", "assets/po.css": b"p{}"})
    assert form.read_bytes() == b"a: 2\n"

    # A file this build no longer makes is gone, and is not remembered.
    build(preview, config, {"admin/config.yml": b"a: 2\n"})
    assert not style.exists()
    assert str(style) not in preview.written
