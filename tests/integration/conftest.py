from __future__ import annotations

from collections.abc import Iterator

import pytest
import qasync

from app.service import JagaService
from tests.liveapp import dispose, make_service, run, until_bridge_ready

pytestmark = pytest.mark.integration


@pytest.fixture
def loop(live_loop) -> qasync.QEventLoop:
    return live_loop


@pytest.fixture
def service(loop, data_dir) -> Iterator[JagaService]:
    live = make_service(data_dir)
    live.start()
    run(loop, until_bridge_ready(live))
    yield live
    dispose(loop, live)
