"""Read receipts (blue ticks) for what the owner read in Jaga, when the number wants them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from app.bridge.client import BridgeClient, BridgeError
from app.domain.inbox.unread import is_group

log = logging.getLogger(__name__)

SEEN_MAX = 100  # the bridge takes 100 ids per request


async def send_receipts(
    client: Callable[[], BridgeClient | None],
    account_id: str,
    chat: str,
    unread: list[tuple[str, str | None]],
) -> None:
    """One request per writer (a group receipt names its writer), newest 100 each."""
    bridge = client()
    if bridge is None or not unread:
        return
    by_writer: dict[str | None, list[str]] = {}
    for message_id, author in unread:
        by_writer.setdefault(author if is_group(chat) else None, []).append(message_id)
    for writer, ids in by_writer.items():
        try:
            await bridge.mark_seen(account_id, chat, ids[-SEEN_MAX:], writer)
        except BridgeError as error:
            # Not connected now: the customer sees the blue ticks when the owner reads again.
            log.info("read receipts for a chat of %s not sent: %s", account_id, error)
            return


Spawn = Callable[[Any], Any]
