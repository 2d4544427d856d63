"""app.start.late_import: a heavy import on a worker thread, the app's event loop going on."""

from __future__ import annotations

import asyncio
import sys
import threading

import pytest

from app.start.late_import import import_later
from tests.liveapp import run

SLOW_MODULE = """
import threading, time
IMPORTED_ON = threading.current_thread().name
time.sleep(0.3)  # a heavy import, as aiohttp's is
"""


def test_the_module_is_imported_on_a_worker_thread_while_the_loop_turns(
    loop, tmp_path, monkeypatch
):
    (tmp_path / "jaga_slow_module.py").write_text(SLOW_MODULE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "jaga_slow_module", raising=False)

    async def scenario() -> tuple[object, int]:
        ticks = 0
        pending = import_later("jaga_slow_module")
        while not pending.done():
            ticks += 1
            await asyncio.sleep(0.01)
        return await pending, ticks

    module, ticks = run(loop, scenario())
    assert threading.main_thread().name != module.IMPORTED_ON
    assert ticks >= 5, "the loop went on while the module loaded"


def test_an_import_that_fails_raises_where_it_is_awaited(loop):
    async def scenario() -> None:
        await import_later("jaga_no_such_module")

    with pytest.raises(ModuleNotFoundError):
        run(loop, scenario())
