"""The demo's simulated world: what happens to a number, asked of the bridge's sim network.

Every control only tells the simulated network (POST /sim/..., docs/bridge-api.md) what
happened — a dropped connection, a phone that unlinks, a customer who writes. The row
changes when the bridge reports the consequence, as it would with the real WhatsApp: no
control writes a status itself.
"""

from __future__ import annotations

import asyncio
import base64
import time
from collections.abc import Callable

from app.bridge.client import BridgeClient, BridgeError
from app.domain.demo_files import DemoFile
from app.runtime.read_model import ReadModel
from app.runtime.repos import MessageReads

#: Baileys close codes (node_bridge/src/sessions/close_codes.js).
DROPPED, LOGGED_OUT_ON_PHONE, REPLACED = 428, 401, 440
#: WhatsApp's refusal of a message to someone the number may not reach (error 463).
REACH_OUT_REFUSED = 463
#: The receipts a message gets, in order.
RECEIPTS = ("sent", "delivered", "read")
#: How long "opened on another computer" waits for the bridge's one retry before the
#: other computer takes the number again (the demo's conflict pause is 3 s).
TAKEOVER_WAIT_S = 30.0


class DemoWorld:
    def __init__(
        self,
        client: Callable[[], BridgeClient | None],
        model: ReadModel,
        messages: MessageReads,
    ) -> None:
        self._client = client
        self._model = model
        self._messages = messages
        #: The computer's network as the demo last switched it (the bridge's own word).
        self.internet_up = True

    def _bridge(self) -> BridgeClient:
        client = self._client()
        if client is None:
            raise BridgeError("bridge_down", "The bridge is not running.")
        return client

    async def drop(self, account_id: str) -> None:
        """The connection drops (428): the bridge reconnects by itself."""
        await self._bridge().sim(f"sessions/{account_id}/close", {"code": DROPPED})

    async def phone_logs_out(self, account_id: str) -> None:
        """On the phone: Linked devices → this computer → Log out (401)."""
        await self._bridge().sim(f"sessions/{account_id}/close", {"code": LOGGED_OUT_ON_PHONE})

    async def opened_elsewhere(self, account_id: str) -> None:
        """Another computer takes the number (440), and again after the bridge's one retry:
        the bridge then says "open on another computer" instead of fighting over it."""
        bridge = self._bridge()
        await bridge.sim(f"sessions/{account_id}/close", {"code": REPLACED})
        deadline = time.monotonic() + TAKEOVER_WAIT_S
        while time.monotonic() < deadline:
            await asyncio.sleep(0.2)
            account = self._model.account(account_id)
            if account is None or account.status == "conflict":
                return
            if account.status == "connected":  # the bridge's retry got through: take it again
                await bridge.sim(f"sessions/{account_id}/close", {"code": REPLACED})
                return

    async def go_silent(self, account_id: str) -> None:
        """The connection stays open but nothing arrives: the bridge's liveness check notices."""
        await self._bridge().sim(f"sessions/{account_id}/silence", {"on": True})

    async def set_internet(self, up: bool) -> None:
        """The computer's network switch, for every number at once."""
        answer = await self._bridge().sim("network", {"up": up})
        self.internet_up = bool(answer.get("up", up)) if isinstance(answer, dict) else up

    async def customer_writes(self, account_id: str, phone: str, text: str) -> None:
        """A customer (digits, e.g. 6281234567890) sends this number a message."""
        body = {"messages": [{"from": phone, "text": text}]}
        await self._bridge().sim(f"sessions/{account_id}/inbound", body)

    async def customer_sends_file(
        self,
        account_id: str,
        phone: str,
        media: DemoFile,
        caption: str = "",
    ) -> None:
        """A customer sends a photo or a document: its bytes come with the message, and the
        bridge downloads them as it would from WhatsApp's media servers."""
        body = {
            "type": media.kind,
            "mimetype": media.mimetype,
            "data_b64": base64.b64encode(media.data).decode("ascii"),
            **({"file_name": media.file_name} if media.file_name else {}),
            **({"caption": caption} if caption else {}),
        }
        await self._bridge().sim(
            f"sessions/{account_id}/inbound", {"messages": [{"from": phone, "media": body}]}
        )

    async def refuse_next_send(self, account_id: str, code: int = REACH_OUT_REFUSED) -> None:
        """WhatsApp refuses the next message this number sends (463: may not reach out)."""
        await self._bridge().sim(f"sessions/{account_id}/refuse-next", {"code": code})

    async def receipt_arrives(self, account_id: str) -> bool:
        """The next receipt of the newest outgoing message not yet read (sent → delivered →
        read); False when there is none. The tick changes when the bridge reports it."""
        for message in reversed(self._messages.of_number(account_id)):
            if message.direction != "out" or message.status not in RECEIPTS[:2]:
                continue
            following = RECEIPTS[RECEIPTS.index(message.status) + 1]
            body = {"client_id": message.message_id, "status": following}
            await self._bridge().sim(f"sessions/{account_id}/ack", body)
            return True
        return False

    async def damage_link_files(self, account_id: str) -> None:
        """The saved link is damaged (a bad disk, a torn write), then the connection drops:
        the bridge finds the damage when it reconnects, puts the files aside and says so."""
        bridge = self._bridge()
        await bridge.sim(f"sessions/{account_id}/corrupt-auth")
        try:
            await bridge.sim(f"sessions/{account_id}/close", {"code": DROPPED})
        except BridgeError as error:
            if error.code != "sim_no_connection":
                raise  # not connected now: the damage shows at its next start
