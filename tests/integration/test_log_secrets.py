"""Signal keys never reach bridge.log or jaga.log: the real bridge (sim engine) prints what
libsignal prints when a contact's device changes (the whole session, keys and all, and a
flood of decrypt failures), and the app writes its logs as in production."""

from __future__ import annotations

import logging

from app.application import setup_app_logging
from app.system.data_folders import DataPaths
from tests.liveapp import eventually, link, run
from tests.planted_keys import PLANTED_KEYS, logs_with_planted_keys


def test_a_contact_device_change_leaves_no_key_in_either_log(loop, service, data_dir):
    """Seen failing against main: the bridge printed libsignal's session object on stdout
    and the app copied it into bridge.log (the planted root key showed as `3b 7f 0c 1d …`)."""
    paths = DataPaths(data_dir)
    root = logging.getLogger()
    before = set(root.handlers)
    setup_app_logging(paths)
    jaga_log = next(h for h in root.handlers if h not in before)
    bridge_log = paths.logs / "bridge.log"

    async def scenario():
        account = await link(service, "Shop", "6281300000301")
        body = {"keys": PLANTED_KEYS, "bad_mac": 40}
        await service.client.sim(f"sessions/{account.id}/device-change", body)
        await eventually(
            lambda: "Closing session: [object left out]" in bridge_log.read_text("utf-8"),
            what="libsignal's closing line in bridge.log",
        )

    try:
        run(loop, scenario())
    finally:
        root.removeHandler(jaga_log)
        jaga_log.close()
    text = bridge_log.read_text("utf-8")
    assert text.count("Failed to decrypt message with any known session") == 3, "a flood is counted"
    assert (paths.logs / "jaga.log").read_text("utf-8"), "jaga.log was written"
    assert logs_with_planted_keys([bridge_log, paths.logs / "jaga.log"]) == []
