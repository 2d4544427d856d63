"""OneInbox: the inbox port (app.ports.inbox.InboxPort) over the store and the bridge.

Every read is one query of the inbox's repositories; every write goes through the
repository (bad input: InboxError, nothing written) and then says what changed with a
signal. The write hook keeps unread counts, names, WhatsApp's labels and automatic
answers in the store's own transactions.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.bridge.client import BridgeClient
from app.bridge.protocol import Limits
from app.domain.inbox import away, quick_replies
from app.domain.inbox.labels import Label
from app.domain.inbox.quick_replies import QuickReply
from app.domain.inbox.search import parse
from app.domain.inbox.unread import is_group
from app.domain.inbox.views import Conversation, MessageSeen, NumberSettings, SearchHit
from app.runtime.one_inbox.label_sync import LabelSync
from app.runtime.one_inbox.reads import send_receipts
from app.runtime.signals import CoreSignals
from app.storage.inbox.chats import ChatsRepo
from app.storage.inbox.label_sync import LabelSyncRepo
from app.storage.inbox.labels import LabelsRepo
from app.storage.inbox.quick_replies import QuickRepliesRepo
from app.storage.inbox.search import SearchRepo
from app.storage.inbox.settings import SettingsRepo
from app.storage.inbox.write_hook import InboxWriteHook, Touched, system_local
from app.storage.store import Store


def today_words() -> str:
    """{today} in a quick reply: the date as Indonesian shops write it (31/12/2026)."""
    return date.today().strftime("%d/%m/%Y")


class OneInbox(QObject):
    chat_changed = Signal(str, str)  # account id, chat: unread, name or labels changed
    totals_changed = Signal()  # some number's unread total changed
    labels_changed = Signal(str)  # account id: its labels were made, changed or deleted
    quick_replies_changed = Signal()
    settings_changed = Signal(str)  # account id

    def __init__(
        self,
        store: Store,
        signals: CoreSignals,
        *,
        client: Callable[[], BridgeClient | None],
        limits: Callable[[], Limits],
        connected: Callable[[str], bool],
        spawn: Callable[[Any], asyncio.Task[Any]],
        wake_outbox: Callable[[], None],
        local: Callable[[datetime], datetime] = system_local,
        today: Callable[[], str] = today_words,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._signals = signals
        self._client = client
        self._limits = limits
        self._spawn = spawn
        self._wake_outbox = wake_outbox
        self._today = today
        self.chats = ChatsRepo(store)
        self._search = SearchRepo(store)
        self._labels = LabelsRepo(store)
        self._replies = QuickRepliesRepo(store)
        self._settings = SettingsRepo(store)
        self.label_sync = LabelSync(
            LabelSyncRepo(store), client=client, connected=connected, spawn=spawn
        )
        self.write_hook = InboxWriteHook(
            store.write_hooks,
            after=self._told,
            later=lambda fn: QTimer.singleShot(0, fn),
            local=local,
        )
        store.write_hooks.add(self.write_hook)
        signals.status_changed.connect(self._status_changed)

    # --- after a write transaction ------------------------------------------------------

    def _told(self, touched: Touched) -> None:
        for row_id in touched.queued:
            self._signals.message_added.emit(row_id)  # an automatic answer, queued
        if touched.queued:
            self._wake_outbox()
        for account_id, chat in sorted(touched.chats):
            self.chat_changed.emit(account_id, chat)
        for account_id in sorted(touched.labels):
            self.labels_changed.emit(account_id)
        if touched.chats:
            self.totals_changed.emit()

    def _status_changed(self, account_id: str, _old: str, new: str) -> None:
        if new == "connected":
            self.label_sync.wake(account_id)

    # --- conversations -------------------------------------------------------------------

    def conversations(
        self, *, before: int | None = None, limit: int | None = None
    ) -> list[Conversation]:
        return self.chats.conversations(before=before, limit=limit)

    def conversation(self, account_id: str, chat: str) -> Conversation | None:
        return self.chats.conversation(account_id, chat)

    def unread_totals(self) -> dict[str, int]:
        return self.chats.unread_totals()

    def mark_read(self, account_id: str, chat: str) -> None:
        """Read in Jaga: unread cleared; with blue ticks on, the customer is told too."""
        unread = self.chats.mark_read(account_id, chat)
        if not unread:
            return
        if self._settings.get(account_id).blue_ticks:
            self._spawn(send_receipts(self._client, account_id, chat, unread))
        self.chat_changed.emit(account_id, chat)
        self.totals_changed.emit()

    def set_customer_name(self, account_id: str, chat: str, name: str | None) -> None:
        self.chats.set_owner_name(account_id, chat, name)
        self.chat_changed.emit(account_id, chat)

    def message_seen(self, row_id: int) -> MessageSeen | None:
        return self.chats.message_seen(row_id)

    def messages_seen(self, row_ids: Iterable[int]) -> list[MessageSeen]:
        """The incoming ones among these messages (notices): few queries for a burst."""
        return self.chats.messages_seen(row_ids)

    def chats_of_messages(self, row_ids: Iterable[int]) -> set[tuple[str, str]]:
        return self.chats.chats_of(row_ids)

    def search(self, text: str) -> list[SearchHit]:
        return self._search.search(parse(text))

    # --- labels --------------------------------------------------------------------------

    def labels(self, account_id: str | None = None) -> list[Label]:
        return self._labels.labels(account_id)

    def label(self, account_id: str, label_id: str) -> Label | None:
        return self._labels.label(account_id, label_id)

    def save_label(
        self, account_id: str, label_id: str | None, name: object, color: object
    ) -> Label:
        label = self._labels.save(account_id, label_id, name, color)
        self._labels_done(account_id)
        return label

    def delete_label(self, account_id: str, label_id: str) -> Label:
        label = self._labels.delete(account_id, label_id)
        self._labels_done(account_id)
        return label

    def set_chat_labels(self, account_id: str, chat: str, label_ids: list[str]) -> list[Label]:
        labels = self._labels.set_chat_labels(account_id, chat, label_ids)
        self._labels_done(account_id)
        self.chat_changed.emit(account_id, chat)
        return labels

    def chat_labels(self, account_id: str, chat: str) -> list[Label]:
        return self._labels.chat_labels(account_id, chat)

    def chats_with_label(self, account_id: str, label_id: str) -> list[str]:
        return self._labels.chats_with(account_id, label_id)

    def _labels_done(self, account_id: str) -> None:
        self.labels_changed.emit(account_id)
        self.label_sync.wake(account_id)

    # --- quick replies -------------------------------------------------------------------

    def quick_replies(self) -> list[QuickReply]:
        return self._replies.all()

    def save_quick_reply(
        self, reply_id: int | None, shortcut: object, text: object, account_id: str | None
    ) -> QuickReply:
        max_utf16 = self._limits().text_max_utf16
        reply = self._replies.save(reply_id, shortcut, text, account_id, max_utf16=max_utf16)
        self.quick_replies_changed.emit()
        return reply

    def delete_quick_reply(self, reply_id: int) -> None:
        self._replies.delete(reply_id)
        self.quick_replies_changed.emit()

    def expand_quick_reply(self, reply: QuickReply, account_id: str, chat: str) -> str:
        found = self.chats.conversation(account_id, chat)
        number = chat if is_group(chat) or "@" in chat else "+" + chat
        name = found.name if found is not None else None
        return quick_replies.expand(reply.text, name=name, number=number, today=self._today())

    # --- per-number settings -------------------------------------------------------------

    def settings(self, account_id: str) -> NumberSettings:
        return self._settings.get(account_id)

    def save_settings(self, settings: NumberSettings) -> None:
        away.check(settings.auto, self._limits().text_max_utf16)
        self._settings.save(settings)
        self.settings_changed.emit(settings.account_id)
