"""Python's garbage collector is held while Jaga starts and back on afterwards, having
freed what the start left (app/start/collector.py)."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

import app.__main__
import app.start.launcher
from app.start import collector


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    yield
    gc.enable()


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it


def collections_during(action: object) -> int:
    seen: list[int] = []

    def count(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            seen.append(1)

    gc.callbacks.append(count)
    try:
        action()  # type: ignore[operator]
    finally:
        gc.callbacks.remove(count)
    return len(seen)


def test_a_cycle_left_while_held_is_freed_when_released():
    collector.hold()
    assert not gc.isenabled()
    node = Node()
    left = weakref.ref(node)
    del node
    assert left() is not None  # held: nobody collected it
    collector.release()
    assert left() is None
    assert gc.isenabled()


def test_releasing_a_running_collector_collects_nothing():
    assert collections_during(collector.release) == 0
    assert gc.isenabled()


def test_the_app_holds_it_for_its_start_and_gives_it_back_at_its_end(monkeypatch):
    """Seen failing against a main that never held it, and one that never gave it back."""
    during: list[bool] = []
    monkeypatch.setattr(app.start.launcher, "run", lambda _args: during.append(gc.isenabled()))
    monkeypatch.setattr(app.__main__, "missing_packages", lambda: [])
    app.__main__.main([])
    assert during == [False]
    assert gc.isenabled()
