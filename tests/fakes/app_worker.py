"""The real app core as its own process, for tests that kill the app itself.

python -m tests.fakes.app_worker DATA_DIR PLAN_JSON
PLAN_JSON: {"numbers": [[label, phone], ...], "messages": [[phone_of_number, to, text], ...],
            "webhook": {"url": ..., "secret": ...} (optional: runs the gateway's webhooks too,
            with time compressed: 1 s request timeout, retries from 0.1 s up to 1 s apart)}
Links every number that is not linked yet, queues the plan's messages once (a later run on
the same folder finds them in app.sqlite3), prints `WORKER_READY <port> <bridge_pid>` and
then runs like the app until killed. Bridge restarts print a new WORKER_READY line; every
supervision state change prints `WORKER_STATE <state>`.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

import keyring
from PySide6.QtCore import QCoreApplication

from app.domain.bridge_policy import Policy
from app.start.app_loop import running_loop
from tests.liveapp import eventually, make_service, status_of, until_bridge_ready
from tests.memory_keyring import MemoryKeyring


async def main(data_dir: Path, plan: dict) -> None:
    # Chaos kills the bridge far more often than the crash-loop rule allows: keep restarting.
    service = make_service(data_dir, policy=Policy(fatal_failures=1000, first_retry_delay=0.1))
    service.supervisor.ready.connect(
        lambda info: print(f"WORKER_READY {info.port} {info.pid}", flush=True)
    )
    service.bridge_state_changed.connect(lambda state: print(f"WORKER_STATE {state}", flush=True))
    service.start()
    if "webhook" in plan:
        await start_webhooks(service, plan["webhook"])
    await until_bridge_ready(service)
    linked = {a.phone: a for a in service.accounts()}
    for label, phone in plan["numbers"]:
        if phone in linked:
            continue
        account = await service.add_account(label)
        await eventually(lambda a=account: status_of(service, a.id) == "qr", timeout=20)
        await service.simulate_scan(account.id, phone)
        await eventually(lambda a=account: status_of(service, a.id) == "connected", timeout=20)
        linked[phone] = service.account(account.id)
    if not any(service.store.messages(a.id) for a in service.accounts()):
        for number, to, text in plan["messages"]:
            service.send_message(linked[number].id, to, text)
    print("WORKER_QUEUED", flush=True)


async def start_webhooks(service, hook: dict) -> None:
    from app.domain import webhook_retry as retry
    from app.gateway.envelope import EVENTS
    from app.gateway.gateway import for_service

    retry.FIRST_DELAY_S, retry.MAX_DELAY_S = 0.1, 1.0  # chaos compresses time
    gateway = for_service(service, "worker", port=0, webhook_timeout_s=1.0)
    if not gateway.webhooks.targets():
        gateway.webhooks.add_target(hook["url"], EVENTS, hook["secret"])
    await gateway.start()
    service.gateway = gateway  # kept alive with the service


if __name__ == "__main__":
    keyring.set_keyring(MemoryKeyring())
    application = QCoreApplication(sys.argv[:1])
    running_loop(application)
    plan_data = json.loads(Path(sys.argv[2]).read_text())
    task = asyncio.ensure_future(main(Path(sys.argv[1]), plan_data))
    task.add_done_callback(lambda t: t.exception() and application.exit(3))
    sys.exit(application.exec())
