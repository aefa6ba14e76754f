"""While serving: Python's cycle collector waits until a rebuild's page is out.

A rebuild at a thousand reports makes hundreds of thousands of objects, so the collector
runs its full pass (every object of the site, a good fifth of a second) in the middle of
nearly every save, while the browser waits for the page. From the start of a rebuild it
is paused; a moment after the rebuild has finished (or failed), when the page has been
served, it is on again and does the pass it skipped. Nothing is kept that would otherwise
be freed: only when the collection runs changes. Neither `mkdocs build` nor the preview's
first build, which makes the whole site, is paused.
"""

from __future__ import annotations

import gc
import threading

DELAY = 1.0  # seconds after the build: the browser has fetched the page by then


class CollectorPause:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._paused = False
        self._timer: threading.Timer | None = None
        self._round = 0  # a timer from before the latest start() does nothing

    @property
    def paused(self) -> bool:
        return self._paused

    def start(self) -> None:
        """At the start of a rebuild."""
        with self._lock:
            self._round += 1
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if not self._paused and gc.isenabled():
                gc.disable()
                self._paused = True

    def end(self, later: bool = True) -> None:
        """When a rebuild has finished or failed: on again, DELAY seconds later (or now)."""
        with self._lock:
            if not self._paused:
                return
            if later:
                if self._timer is None:
                    self._timer = threading.Timer(DELAY, self._resume, (self._round,))
                    self._timer.daemon = True
                    self._timer.start()
                return
        self._resume(None)

    def _resume(self, round_: int | None) -> None:
        with self._lock:
            if not self._paused or (round_ is not None and round_ != self._round):
                return
            self._paused = False
            self._timer = None
            gc.enable()
        gc.collect()
