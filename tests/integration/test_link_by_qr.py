"""The walking skeleton end to end: app core → real bridge → sim → back into the database."""

from __future__ import annotations

from tests.liveapp import eventually, run, status_of


def test_add_account_receive_qr_scan_and_see_connected(loop, service):
    async def scenario():
        qrs = []
        service.qr_received.connect(qrs.append)
        account = await service.add_account("Shop front")
        await eventually(lambda: any(q.session_id == account.id for q in qrs))
        assert status_of(service, account.id) == "qr"
        await service.simulate_scan(account.id, "6281234567890", "Toko Jaya")
        await eventually(lambda: status_of(service, account.id) == "connected")

        stored = service.store.account(account.id)
        assert stored.phone == "6281234567890"
        snapshot = await service.client.sessions()
        bridge_view = snapshot.sessions[account.id]
        assert bridge_view.status.value == "connected"
        assert bridge_view.me is not None and bridge_view.me.phone == "6281234567890"
        # The way there is on record: qr → (restart) → connected.
        history = [h.status for h in service.store.history(account.id)]
        assert history[0] in ("starting", "qr")
        assert history[-1] == "connected"

    run(loop, scenario())
