"""What the history and audit say after the owner's Restart and a normal start is true."""

from __future__ import annotations

from tests.liveapp import (
    dispose,
    eventually,
    link,
    make_service,
    run,
    status_of,
    until_bridge_ready,
)


def reasons(service, account_id: str) -> list[str | None]:
    return [change.reason for change in service.store.history(account_id)]


def test_restart_from_the_panel_is_recorded_as_asked_not_as_a_crash(loop, service):
    async def scenario():
        account = await link(service, "Shop", "6281300000201")
        boot = service.boot_id
        service.supervisor.restart()
        await eventually(lambda: service.boot_id not in (None, boot), what="a new boot")
        await until_bridge_ready(service)
        await eventually(lambda: status_of(service, account.id) == "connected", what="back")
        kinds = [event.kind for event in service.store.audit_events()]
        assert "bridge_restarted" in kinds and "bridge_crashed" not in kinds
        assert "bridge_crashed" not in reasons(service, account.id)
        assert "bridge_restarted" in reasons(service, account.id)

    run(loop, scenario())


def test_a_normal_start_writes_no_false_stopped_history(loop, data_dir):
    first = make_service(data_dir)
    first.start()
    try:
        run(loop, until_bridge_ready(first))
        account = run(loop, link(first, "Shop", "6281300000202"))
    finally:
        dispose(loop, first)
    before = len(reasons_of(data_dir, account.id))

    second = make_service(data_dir)
    second.start()
    try:
        run(loop, until_bridge_ready(second))
        run(loop, eventually(lambda: status_of(second, account.id) == "connected", what="back"))
        later = [(c.status, c.reason) for c in second.store.history(account.id)[before:]]
        assert ("stopped", "not_on_bridge") not in later, later
    finally:
        dispose(loop, second)


def reasons_of(data_dir, account_id: str) -> list[str | None]:
    from app.storage.store import Store
    from app.system.data_folders import DataPaths

    store = Store(DataPaths(data_dir).database)
    try:
        return [change.reason for change in store.history(account_id)]
    finally:
        store.close()
