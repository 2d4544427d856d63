"""The local API loads after the window once the restored numbers have settled (app/start/
face.py); the owner asking for the Shop API, or Quit, ends that wait at once."""

from __future__ import annotations

import asyncio
import gc
import logging
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QObject, Signal

import app.start.late_import
from app.start import collector
from app.start import face as face_module
from app.start.face import Face, restore_settled
from tests.liveapp import run


class Numbers(QObject):
    """The window port's numbers (app.ports.window.NumberViews), and the two things Face
    reads of the service beside them."""

    changed = Signal(object)

    def __init__(self, folder: Path, **statuses: str) -> None:
        super().__init__()
        self.statuses = statuses
        self.window = SimpleNamespace(numbers=self)
        self.store = SimpleNamespace(path=folder / "app.sqlite3")

    def accounts(self) -> list[SimpleNamespace]:
        return [SimpleNamespace(id=key, status=value) for key, value in self.statuses.items()]

    def move(self, account_id: str, status: str) -> None:
        self.statuses[account_id] = status
        self.changed.emit(SimpleNamespace(id=account_id))


class Window(QObject):
    gateway_requested = Signal()


class Gateway:
    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.closed = False

    async def start(self) -> None:
        self.started.set()

    async def aclose(self) -> None:
        self.closed = True


@pytest.fixture
def gateway(monkeypatch) -> Gateway:
    """What the API's import would give, recorded; nothing listens on a port."""
    made = Gateway()
    imported: list[str] = []

    def import_later(name: str) -> asyncio.Future[Any]:
        imported.append(name)
        done = asyncio.get_running_loop().create_future()
        done.set_result(SimpleNamespace(for_service=lambda *_args, **_kw: made))
        return done

    monkeypatch.setattr(app.start.late_import, "import_later", import_later)
    made.imported = imported  # type: ignore[attr-defined]
    return made


def face_for(numbers: Numbers) -> tuple[Face, Window]:
    window = Window()
    face = Face(window, SimpleNamespace(start=lambda: None), numbers)  # type: ignore[arg-type]
    return face, window


async def turns(count: int = 5) -> None:
    for _ in range(count):
        await asyncio.sleep(0)


def test_the_wait_lasts_while_a_number_is_still_starting(loop, tmp_path):
    numbers = Numbers(tmp_path, shop="starting", office="connected")

    async def scenario() -> None:
        wait = asyncio.ensure_future(restore_settled(numbers, limit_s=60))  # type: ignore[arg-type]
        await turns()
        assert not wait.done()
        numbers.move("shop", "qr")  # the bridge answered for it: a code to scan
        await wait

    run(loop, scenario(), timeout=10)


def test_the_wait_ends_at_its_limit_and_says_so(loop, tmp_path, caplog):
    numbers = Numbers(tmp_path, shop="starting")
    with caplog.at_level(logging.INFO, logger="app.start.face"):
        run(loop, restore_settled(numbers, limit_s=0.05), timeout=10)  # type: ignore[arg-type]
    assert "while numbers are still starting" in caplog.text


def test_the_api_loads_once_the_restored_numbers_have_settled(loop, tmp_path, gateway):
    """And Python's garbage collector, held since the first line, is back on by then."""
    numbers = Numbers(tmp_path, shop="starting", office="starting")
    face, _window = face_for(numbers)
    collector.hold()  # as app.__main__ does

    async def scenario() -> None:
        face.start(SimpleNamespace(api_port=0, api_lan=False))  # type: ignore[arg-type]
        numbers.move("shop", "connected")
        await turns()
        assert gateway.imported == []  # one number still starting
        assert not gc.isenabled()
        numbers.move("office", "connected")
        await gateway.started.wait()
        assert gc.isenabled()
        await face.aclose()

    try:
        run(loop, scenario(), timeout=10)
    finally:
        gc.enable()
    assert gateway.imported == ["app.gateway.gateway"] and gateway.closed


def test_asking_for_the_shop_api_loads_it_at_once_and_shows_it(
    loop, tmp_path, gateway, monkeypatch
):
    """Seen failing (a 10 s timeout) against the request not ending the wait: the button
    did nothing while a number was starting."""
    monkeypatch.setattr(face_module, "API_WAITS_FOR_SETTLE_S", 600.0)
    numbers = Numbers(tmp_path, shop="starting")
    face, window = face_for(numbers)
    shown: list[Gateway] = []
    monkeypatch.setattr(Face, "_show_gateway", lambda _self, made, _settings: shown.append(made))

    async def scenario() -> None:
        face.start(SimpleNamespace(api_port=0, api_lan=False))  # type: ignore[arg-type]
        await turns()
        window.gateway_requested.emit()
        await gateway.started.wait()
        await turns()
        window.gateway_requested.emit()  # asked again: shown again, loaded once
        await face.aclose()

    run(loop, scenario(), timeout=10)
    assert shown == [gateway, gateway]
    assert gateway.imported == ["app.gateway.gateway"]


def test_quit_while_numbers_are_starting_ends_at_once_with_no_api(
    loop, tmp_path, gateway, monkeypatch
):
    """Seen failing (a 10 s timeout) against Quit not ending the wait."""
    monkeypatch.setattr(face_module, "API_WAITS_FOR_SETTLE_S", 600.0)
    numbers = Numbers(tmp_path, shop="starting")
    face, _window = face_for(numbers)

    async def scenario() -> None:
        face.start(SimpleNamespace(api_port=0, api_lan=False))  # type: ignore[arg-type]
        await turns()
        await face.aclose()

    run(loop, scenario(), timeout=10)
    assert gateway.imported == []
    assert not gateway.started.is_set()
