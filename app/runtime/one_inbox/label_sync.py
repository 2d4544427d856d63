"""A Business number's labels changed in Jaga reach WhatsApp: now if the number is
connected, else when it connects again (the changes wait in app.sqlite3, `synced`).

WhatsApp echoes each change back as an event; the store sees it is what it has already
and tells nobody twice.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from app.bridge.client import BridgeClient, BridgeError
from app.storage.inbox.label_sync import LabelSyncRepo

log = logging.getLogger(__name__)


class LabelSync:
    def __init__(
        self,
        repo: LabelSyncRepo,
        *,
        client: Callable[[], BridgeClient | None],
        connected: Callable[[str], bool],
        spawn: Callable[[Any], asyncio.Task[Any]],
    ) -> None:
        self._repo = repo
        self._client = client
        self._connected = connected
        self._spawn = spawn
        self._running: set[str] = set()
        self._again: set[str] = set()

    def wake(self, account_id: str | None = None) -> None:
        """Pushes what waits (for one number, or for every one that has something)."""
        accounts = {account_id} if account_id else self._repo.accounts_waiting()
        for account in accounts:
            if account in self._running:
                self._again.add(account)  # a change during a push: once more after it
            elif self._connected(account):
                self._running.add(account)
                self._spawn(self._push_all(account))

    async def _push_all(self, account_id: str) -> None:
        try:
            while True:
                self._again.discard(account_id)
                await self.push(account_id)
                if account_id not in self._again:
                    return
        finally:
            self._running.discard(account_id)

    async def push(self, account_id: str) -> bool:
        """One pass over what waits; False when the bridge could not take it now."""
        client = self._client()
        if client is None:
            return False
        labels, chats = self._repo.unsynced(account_id)
        try:
            for label in labels:
                await client.put_label(
                    account_id, label.label_id, label.name, label.color, deleted=label.deleted
                )
                self._repo.label_pushed(account_id, label)
            for chat in chats:
                await client.label_chat(account_id, chat.label_id, chat.chat, labeled=chat.labeled)
                self._repo.chat_pushed(account_id, chat)
        except BridgeError as error:
            # Kept: the next connect (or the next change) tries again.
            log.info("labels of %s not on WhatsApp yet: %s", account_id, error)
            return False
        return True
