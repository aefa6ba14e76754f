"""The preview's pause of the cycle collector (mkdocs/pause.py): on again after every rebuild."""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator

import pytest

from po_build.mkdocs import pause as pause_module
from po_build.mkdocs.pause import CollectorPause


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def wait_until_enabled(timeout: float = 5.0) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if gc.isenabled():
            return True
        time.sleep(0.01)
    return gc.isenabled()


def test_a_rebuild_pauses_the_collector_and_it_is_on_again_soon_after(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pause_module, "DELAY", 0.05)
    p = CollectorPause()
    p.start()
    assert not gc.isenabled() and p.paused
    p.end()
    assert not gc.isenabled()  # not while the page is being served
    assert wait_until_enabled()
    assert not p.paused


def test_a_new_rebuild_keeps_it_paused_and_an_old_timer_does_not_turn_it_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pause_module, "DELAY", 0.05)
    p = CollectorPause()
    p.start()
    p.end()
    p.start()  # the next save, before the timer
    p._resume(1)  # the first rebuild's timer, had it fired anyway
    assert not gc.isenabled()
    time.sleep(0.2)
    assert not gc.isenabled()
    p.end(later=False)  # the server stops
    assert gc.isenabled() and not p.paused


def test_a_collector_someone_else_turned_off_stays_off() -> None:
    gc.disable()
    p = CollectorPause()
    p.start()
    p.end(later=False)
    assert not gc.isenabled()
