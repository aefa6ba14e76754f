"""While serving: a save is seen at once (inotify), not at MkDocs' next look (every 0.5 s).

MkDocs' server looks for changes with watchdog's PollingObserver: it stats every watched
file twice a second, so a save waits a quarter of a second on average before the rebuild
starts, and the looking itself costs processor time all the while. On Linux the kernel can
tell instead (inotify): in on_serve, before the server starts, its observer is replaced by
one that is told, with the same paths and MkDocs' own handlers.

What is reported is what changes a file: written (in place or closed after writing),
created, deleted, moved (an editor's save to a temporary file renamed over the old one), and
a folder deleted or moved away (MkDocs' handler ignores folder events: passed on as a
file's). Not a file being opened or read: the build reads every source, and would start
itself again. A watched single file (mkdocs.yml) is watched through its folder, so an
editor that replaces the file keeps being seen.

inotify only hears about changes made through this machine's kernel. On a network or shared
folder (NFS, SMB, a virtual machine's or WSL's shared drive) a change made on the other side
is never told, and when the kernel cannot watch more folders (fs.inotify.max_user_watches)
it fails: in both cases MkDocs' looking stays, and the log says so in Swedish.
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Any

from watchdog.events import (
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers.api import ObservedWatch
from watchdog.observers.polling import PollingObserver

log = logging.getLogger("mkdocs.plugins.po")

SAVE_EVENTS: list[type[FileSystemEvent]] = [
    FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent, FileClosedEvent,
    DirDeletedEvent, DirMovedEvent,
]
# File systems whose changes all go through this kernel, so inotify hears every one.
LOCAL_FILESYSTEMS = frozenset({
    "ext2", "ext3", "ext4", "xfs", "btrfs", "tmpfs", "ramfs", "overlay", "zfs", "f2fs", "jfs",
    "reiserfs", "bcachefs", "nilfs2",
})
POLLING_NOTE = "förhandsvisningen letar efter ändringar två gånger i sekunden i stället"


class _OneFile(FileSystemEventHandler):
    """The events of one file in a watched folder, passed on to `handler`."""

    def __init__(self, handler: FileSystemEventHandler, path: str) -> None:
        super().__init__()
        self.handler, self.path = handler, path

    def dispatch(self, event: FileSystemEvent) -> None:
        if self.path in (os.fsdecode(event.src_path), os.fsdecode(event.dest_path or "")):
            self.handler.dispatch(event)


class _FoldersAsFiles(FileSystemEventHandler):
    """A folder deleted or moved, passed on as a file's event: MkDocs' handler ignores folders."""

    def __init__(self, handler: FileSystemEventHandler) -> None:
        super().__init__()
        self.handler = handler

    def dispatch(self, event: FileSystemEvent) -> None:
        if isinstance(event, DirMovedEvent):
            event = FileMovedEvent(event.src_path, event.dest_path)
        elif isinstance(event, DirDeletedEvent):
            event = FileDeletedEvent(event.src_path)
        self.handler.dispatch(event)


def _observer_class() -> Any:
    from watchdog.observers.inotify import InotifyObserver

    class SaveObserver(InotifyObserver):
        """inotify, told only of what changes a file, and started once (in on_serve)."""

        def schedule(self, event_handler: FileSystemEventHandler, path: str | Path, *, recursive: bool = False,
                     event_filter: list[type[FileSystemEvent]] | None = None,
                     follow_symlink: bool = False) -> ObservedWatch:
            target = os.path.abspath(os.fsdecode(path))
            handler: FileSystemEventHandler = _FoldersAsFiles(event_handler)
            if not os.path.isdir(target):
                handler, target, recursive = _OneFile(handler, target), os.path.dirname(target), False
            return super().schedule(handler, target, recursive=recursive, event_filter=event_filter or SAVE_EVENTS,
                                    follow_symlink=follow_symlink)

        def start(self) -> None:
            if not self.is_alive():  # the server starts its observer too: already done
                super().start()

    return SaveObserver


def filesystem_of(path: str, mounts: str = "/proc/self/mounts") -> str | None:
    """The type of the file system `path` is on (the longest mount point above it), or None."""
    try:
        lines = Path(mounts).read_text("utf-8", "replace").splitlines()
    except OSError:
        return None
    real = os.path.realpath(path)
    best, kind = "", None
    for line in lines:
        fields = line.split()
        if len(fields) < 3:
            continue
        point = fields[1].replace("\\040", " ")
        inside = real == point or real.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind


def use_inotify(server: Any) -> bool:
    """Give a MkDocs (or ProperDocs) LiveReloadServer that has not started an observer that
    is told of saves; False when it keeps its own (then the log says why, unless there was
    nothing to do)."""
    watched = getattr(server, "_watched_paths", None)
    old = getattr(server, "observer", None)
    if not isinstance(watched, dict) or not isinstance(old, PollingObserver) or old.is_alive():
        return False  # not the server this was written for: it keeps what it has
    if not hasattr(os, "uname") or os.uname().sysname != "Linux":
        return False
    paths = dict(watched)
    for path in paths:
        kind = filesystem_of(path)
        if kind is None or kind not in LOCAL_FILESYSTEMS:
            shown = f" ({kind})" if kind else ""
            log.info(f"po: {path} ligger på ett nätverks- eller delat filsystem{shown}, där datorn inte "
                     f"alltid får veta att en fil har sparats: {POLLING_NOTE}")
            return False

    def move_watches(to: Any) -> None:
        for path, count in paths.items():
            for _ in range(count):
                # The server forgets the path before it asks the observer; an observer whose start
                # failed may not know the watch any more, and that is all right.
                with contextlib.suppress(Exception):
                    server.unwatch(path)
        server.observer = to
        for path, count in paths.items():
            for _ in range(count):
                server.watch(path)

    try:
        native = _observer_class()()
    except Exception as err:  # no inotify in this libc or kernel (watchdog raises several kinds)
        log.info(f"po: datorn kan inte bevaka mappen ({err}): {POLLING_NOTE}")
        return False
    move_watches(native)
    try:
        native.start()  # every folder gets its watch now, so a failure is seen here
    except Exception as err:
        native.stop()
        move_watches(old)
        log.info(f"po: datorn kan inte bevaka fler mappar ({err}): {POLLING_NOTE}. Det går att höja "
                 "gränsen med sysctl fs.inotify.max_user_watches.")
        return False
    return True
