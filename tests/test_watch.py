"""The preview hears a save at once (mkdocs/watch.py): MkDocs' own server and handlers, told by inotify.

Every way an editor saves starts a rebuild (written in place, written to a temporary file
and renamed over the old one, deleted, a folder moved away, mkdocs.yml replaced twice);
reading a file does not, or the build would start itself again. Where inotify cannot be
used the server keeps MkDocs' polling, and the log says so in Swedish.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from po_build.mkdocs import watch


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "content" / "brister" / "2025").mkdir(parents=True)
    (tmp_path / "content" / "brister" / "2025" / "B-2025-001.md").write_text("---\nid: B-2025-001\n---\n", "utf-8")
    (tmp_path / "content" / "gammalt").mkdir()
    (tmp_path / "content" / "gammalt" / "B-2020-001.md").write_text("x", "utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\n", "utf-8")
    return tmp_path


@pytest.fixture
def server(site: Path) -> Iterator[LiveReloadServer]:
    """MkDocs' server as `mkdocs serve` has it when the plugin's on_serve runs: paths watched, not started."""
    s = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(site / "ut"))
    s.watch(str(site / "content"))
    s.watch(str(site / "mkdocs.yml"))
    yield s
    s.observer.stop()
    if s.observer.is_alive():
        s.observer.join(5)
    s.server_close()


def rebuild_wanted(s: LiveReloadServer, timeout: float) -> bool:
    """Whether MkDocs' handler asked for a rebuild within `timeout` seconds; the request is then taken."""
    with s._rebuild_cond:
        seen = s._rebuild_cond.wait_for(lambda: s._want_rebuild, timeout=timeout)
        s._want_rebuild = False
    return bool(seen)


def settle(s: LiveReloadServer) -> None:
    time.sleep(0.3)
    rebuild_wanted(s, 0)


def test_every_kind_of_save_starts_a_rebuild_and_reading_does_not(site: Path, server: LiveReloadServer) -> None:
    assert watch.use_inotify(server)
    assert not isinstance(server.observer, PollingObserver)
    server.observer.start()
    server.observer.start()  # as the server does when it starts serving: once is enough
    report = site / "content" / "brister" / "2025" / "B-2025-001.md"

    # Reading every file, as the build does, is not a save.
    for f in (site / "content").rglob("*.md"):
        f.read_bytes()
    (site / "mkdocs.yml").read_text("utf-8")
    assert not rebuild_wanted(server, 0.5)

    report.write_text("---\nid: B-2025-001\nrubrik: Ny\n---\n", "utf-8")  # in place
    assert rebuild_wanted(server, 2)
    settle(server)

    temporary = report.with_name(".B-2025-001.md.swp")  # written beside it, renamed over it
    temporary.write_text("---\nid: B-2025-001\nrubrik: Nyare\n---\n", "utf-8")
    settle(server)
    os.replace(temporary, report)
    assert rebuild_wanted(server, 2)
    settle(server)

    new = report.with_name("B-2025-002.md")
    new.write_text("ny", "utf-8")
    assert rebuild_wanted(server, 2)
    settle(server)
    new.unlink()
    assert rebuild_wanted(server, 2)
    settle(server)

    shutil.move(site / "content" / "gammalt", site / "bortflyttat")  # a folder moved out of content/
    assert rebuild_wanted(server, 2)
    settle(server)

    for n in range(2):  # an editor that replaces mkdocs.yml: heard every time, not only the first
        temporary = site / "mkdocs.yml.tmp"
        temporary.write_text(f"site_name: Test {n}\n", "utf-8")
        settle(server)
        os.replace(temporary, site / "mkdocs.yml")
        assert rebuild_wanted(server, 2), f"ersättning {n + 1} av mkdocs.yml hördes inte"
        settle(server)

    # Files beside mkdocs.yml that are not watched (the server's log, the build cache) are not saves.
    (site / "serve.log").write_text("rad\n", "utf-8")
    assert not rebuild_wanted(server, 0.5)


def test_when_inotify_cannot_watch_the_server_keeps_polling_and_says_so(
    site: Path, server: LiveReloadServer, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    polling = server.observer

    class Full(watch._observer_class()):  # type: ignore[misc]
        def start(self) -> None:
            raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(watch, "_observer_class", lambda: Full)
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.po"):
        assert not watch.use_inotify(server)
    assert server.observer is polling
    assert "kan inte bevaka fler mappar" in caplog.text and "max_user_watches" in caplog.text
    # Still watching both paths, by polling: a save is heard.
    server.observer.start()
    time.sleep(0.6)
    (site / "content" / "brister" / "2025" / "B-2025-001.md").write_text("ändrad", "utf-8")
    assert rebuild_wanted(server, 3)


def test_a_network_folder_keeps_polling(site: Path, server: LiveReloadServer, tmp_path_factory: pytest.TempPathFactory,
                                        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    mounts = tmp_path_factory.mktemp("mounts") / "mounts"
    mounts.write_text(f"/dev/vda / ext4 rw 0 0\nserver:/hem {site.resolve()} nfs4 rw 0 0\n", "utf-8")
    assert watch.filesystem_of(str(site / "content"), str(mounts)) == "nfs4"
    assert watch.filesystem_of("/usr", str(mounts)) == "ext4"
    real = watch.filesystem_of
    monkeypatch.setattr(watch, "filesystem_of", lambda path: real(path, str(mounts)))
    polling = server.observer
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.po"):
        assert not watch.use_inotify(server)
    assert server.observer is polling
    assert "nätverks- eller delat filsystem (nfs4)" in caplog.text
