"""Importing a heavy module on a worker thread while the event loop goes on.

After the window is shown, the local API's modules (aiohttp, ~0.2 s of imports) would
otherwise hold the loop while the restore's statuses arrive. Imports take the GIL, so the
thread only shares the one core; the loop still gets its turn every few milliseconds.
A plain thread, not the loop's executor: qasync's executor must then be shut down at quit.
"""

from __future__ import annotations

import asyncio
import importlib
import threading
from types import ModuleType


def import_later(name: str) -> asyncio.Future[ModuleType]:
    """The module, imported on a daemon thread; the future resolves on the running loop."""
    loop = asyncio.get_running_loop()
    done: asyncio.Future[ModuleType] = loop.create_future()

    def settle(module: ModuleType | None, error: BaseException | None) -> None:
        if done.cancelled():
            return
        if error is not None:
            done.set_exception(error)
        else:
            done.set_result(module)  # type: ignore[arg-type]

    def work() -> None:
        try:
            module = importlib.import_module(name)
        except BaseException as error:  # handed to the loop, raised where it is awaited
            loop.call_soon_threadsafe(settle, None, error)
        else:
            loop.call_soon_threadsafe(settle, module, None)

    threading.Thread(target=work, name=f"import {name}", daemon=True).start()
    return done
