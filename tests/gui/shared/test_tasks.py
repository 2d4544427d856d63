"""The window's actions (app/ui/shared/tasks.py run_async) end at quit, before the service.

Seen failing in a clean-clone CI run (tests/gui/main_window/test_demo_controls.py, 1 of 3
runs): a demo action's request was still closing its HTTP response when the test's quit
ran; nothing ended it, and the task was destroyed later from outside, an unraisable error at
teardown.
"""

from __future__ import annotations

import asyncio

from app.ui.shared.tasks import finish_actions, run_async
from tests.liveapp import run


def test_quit_ends_the_owner_s_actions_still_under_way(loop):
    started = asyncio.Event()
    errors: list[Exception] = []

    async def waiting_on_the_bridge() -> None:
        started.set()
        await asyncio.Event().wait()  # a request the bridge has not answered yet

    action = run_async(waiting_on_the_bridge(), errors.append)
    done = run_async(asyncio.sleep(0))
    run(loop, started.wait())
    run(loop, finish_actions())
    assert action.cancelled() and done.done()
    assert errors == []  # a cancel at quit is not an error told to the owner
