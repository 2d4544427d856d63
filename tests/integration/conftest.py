from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
import qasync

from app.service import JagaService
from tests.liveapp import make_service, run, until_bridge_ready

pytestmark = pytest.mark.integration


@pytest.fixture
def loop(qapp) -> Iterator[qasync.QEventLoop]:
    event_loop = qasync.QEventLoop(qapp, already_running=False)
    asyncio.set_event_loop(event_loop)
    yield event_loop
    event_loop.run_until_complete(asyncio.sleep(0))
    asyncio.set_event_loop(None)


@pytest.fixture
def service(loop, data_dir) -> Iterator[JagaService]:
    live = make_service(data_dir)
    live.start()
    run(loop, until_bridge_ready(live))
    yield live
    run(loop, live.aclose())
    live.store.close()
    live.supervisor.logs.close()
