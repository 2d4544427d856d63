"""Shared fixtures. pytest runs strict: warnings are errors, Qt warnings fail tests."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from tests.memory_keyring import MemoryKeyring

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture(scope="session")
def live_loop(qapp):
    """One qasync loop for the session, running while Qt's event loop turns."""
    import asyncio

    import qasync

    event_loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(event_loop)
    return event_loop


@pytest.fixture
def loop(live_loop):
    return live_loop


@pytest.fixture
def service(loop, data_dir):
    """The real app core with the real bridge (sim engine) in a fresh data folder."""
    from tests.liveapp import dispose, make_service, run, until_bridge_ready

    live = make_service(data_dir)
    live.start()
    run(loop, until_bridge_ready(live))
    yield live
    dispose(loop, live)
