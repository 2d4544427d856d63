"""The launcher's order (app/start/launcher.py): the restore runs before the window is built,
and the window never waits for a bridge that is not coming; the local API loads once the
restored numbers have settled (app/start/face.py)."""

from __future__ import annotations

import app.application
from app.domain.bridge_policy import State
from app.start.face import restore_settled
from app.start.launcher import restore_under_way
from tests.liveapp import FAST_SIM, dispose, link, make_service, run, status_of, until_bridge_ready


def test_the_window_waits_for_the_restore_and_the_restore_has_asked_for_every_number(
    loop, data_dir
):
    first = make_service(data_dir)
    first.start()
    run(loop, until_bridge_ready(first))
    account = run(loop, link(first, "Shop", "6281234567001"))
    dispose(loop, first)

    service = make_service(data_dir)
    try:
        service.start()
        run(loop, restore_under_way(service, limit_s=120), timeout=60)
        assert service.restored.is_set()
        # What the window then shows is the bridge's word, not last run's "connected".
        assert status_of(service, account.id) in ("starting", "connected")
    finally:
        dispose(loop, service)


def test_the_window_does_not_wait_for_a_bridge_that_cannot_start(loop, data_dir, monkeypatch):
    monkeypatch.setattr(app.application, "resolve_node", lambda: None)
    service = make_service(data_dir)
    try:
        service.start()
        assert service.bridge_state is State.FATAL
        run(loop, restore_under_way(service, limit_s=120), timeout=10)
        assert not service.restored.is_set()
    finally:
        dispose(loop, service)


def test_the_api_waits_until_the_restored_numbers_have_left_starting(loop, data_dir):
    """Seen failing against a wait that read the numbers off the wrong object: it ended at
    once, with both numbers still starting."""
    slow = {**FAST_SIM, "connect_ms": 1000}  # a second of "starting" after the restore
    first = make_service(data_dir, session_options=slow)
    first.start()
    run(loop, until_bridge_ready(first))
    shop = run(loop, link(first, "Shop", "6281234567001"))
    office = run(loop, link(first, "Office", "6281234567002"))
    dispose(loop, first)

    service = make_service(data_dir, session_options=slow)
    try:
        service.start()
        run(loop, restore_under_way(service, limit_s=120), timeout=60)
        run(loop, restore_settled(service.window.numbers, limit_s=120), timeout=60)
        assert status_of(service, shop.id) == status_of(service, office.id) == "connected"
    finally:
        dispose(loop, service)
