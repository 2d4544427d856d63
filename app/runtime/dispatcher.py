"""The outbox dispatcher: hands queued messages to the bridge when their number is connected."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from app.bridge.client import BridgeClient, BridgeError, send_body
from app.bridge.protocol import parse_time
from app.domain.clock import SteadyClock
from app.domain.outbox import retry_delay, should_give_up
from app.domain.pacing import local_midnight_utc
from app.domain.status import SessionStatus
from app.domain.whatsapp_edges import refusal_of
from app.runtime.read_model import ReadModel
from app.runtime.signals import CoreSignals
from app.storage.message_edges import known_chats, new_contacts_reached, not_held
from app.storage.messages import media_of
from app.storage.replies import quote_of
from app.storage.store import Store
from app.storage.tables import Message

log = logging.getLogger(__name__)

#: Bridge errors after which the same request can never succeed: the message fails at
#: once and never holds back its chat's queue.
NEVER_SUCCEEDS = frozenset(
    {
        "bad_request",
        "client_id_reused",
        "payload_too_large",
        "media_missing",
        "media_empty",
        "media_too_large",
        # WhatsApp refused it (its error ack, in words): a retry counts as another reach-out.
        "rejected",
        # The recipient's phone is not on WhatsApp (the bridge asked WhatsApp).
        "not_on_whatsapp",
    }
)
#: Bridge errors that mean "not now": the message waits, using up no attempts.
WAIT_FOR_NUMBER = frozenset({"session_not_connected", "session_not_found"})
#: Safe sending (node_bridge/src/pacing.js): the number's pace or today's cap on new
#: contacts; the message waits until the bridge's `retry_at`, using up no attempts.
WAIT_FOR_TURN = frozenset({"paced", "new_contacts_cap"})


def upload_timeout(size: int | None) -> float:
    """How long the bridge may take to answer a media send: its own wait (30 s plus the
    file at 32 KiB/s, docs/bridge-api.md), then WhatsApp's ack (15 s), the paced slot and
    "typing…" (5 s each), and a margin."""
    return 30.0 + (size or 0) / (32 * 1024) + 15.0 + 10.0 + 15.0


class Dispatcher:
    def __init__(
        self,
        store: Store,
        model: ReadModel,
        signals: CoreSignals,
        *,
        client: Callable[[], BridgeClient | None],
        clock: SteadyClock | None = None,
    ) -> None:
        self.store = store
        #: retry times and the give-up deadline: immune to clock steps (app/domain/clock.py)
        self._clock = clock or SteadyClock()
        self.model = model
        self.signals = signals
        self._client = client
        self._wakeup = asyncio.Event()
        #: Media messages being uploaded, by row id (each its own task).
        self._uploads: dict[int, asyncio.Task[None]] = {}
        #: (number, chat) pairs known to talk to each other: once known, always known (a
        #: message came in, or one of ours reached WhatsApp), so each is looked up once.
        self._known_pairs: set[tuple[str, str]] = set()

    def wake(self) -> None:
        self._wakeup.set()

    async def run_forever(self) -> None:
        try:
            while True:
                try:
                    sent_any = await self.dispatch_once()
                except Exception:  # a bug or a store error must not stop every future send
                    log.exception("outbox dispatch failed")
                    sent_any = False
                if sent_any:
                    continue
                await self._wait_for_work()
        finally:  # stopped: uploads end with it (their messages stay queued)
            uploads = list(self._uploads.values())
            for task in uploads:
                task.cancel()
            await asyncio.gather(*uploads, return_exceptions=True)

    async def _wait_for_work(self) -> None:
        timeout = 5.0
        with contextlib.suppress(Exception):  # a store error: look again in 5 s
            next_retry = self.store.next_retry_at()
            if next_retry is not None:
                timeout = min(timeout, max(0.05, (next_retry - self._clock.now()).total_seconds()))
        self._wakeup.clear()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._wakeup.wait(), timeout)

    async def dispatch_once(self) -> bool:
        client = self._client()
        if client is None:
            return False
        connected = {
            a.id for a in self.model.accounts() if a.status == SessionStatus.CONNECTED.value
        }
        now = self._clock.now()
        due = not_held(self.store, self.store.due_messages(connected, now), now)
        due = [m for m in due if m.id not in self._uploads]
        if not due:
            return False
        known = self._known(due)
        since = local_midnight_utc(datetime.now())
        reached = {
            a: new_contacts_reached(self.store, a, since)
            for a in {m.account_id for m in due if (m.account_id, m.chat) not in known}
        }
        for message in (m for m in due if m.media_type):
            # A file may take minutes to upload: it goes on its own, and only its chat waits.
            upload = self._upload(client, message, known, reached)
            self._uploads[message.id] = asyncio.ensure_future(upload)
        due = [m for m in due if not m.media_type]
        if not due:
            return False
        outcomes = await self._send_texts(client, due, known, reached)
        sent = [m.id for m, outcome in zip(due, outcomes, strict=True) if outcome == "sent"]
        if sent:
            # One commit for the round. A crash before it sends these again with the same
            # client ids, and the bridge answers those from its record without resending.
            self.store.mark_sent(sent)
            for message_id in sent:
                self.signals.message_updated.emit(message_id)
        # A message that failed for good frees its chat: the next one may go at once.
        return any(outcome in ("sent", "failed") for outcome in outcomes)

    async def _send_texts(
        self,
        client: BridgeClient,
        due: list[Message],
        known: set[tuple[str, str]],
        reached: dict[str, int],
    ) -> list[str]:
        """Text messages, each number's in one batch request (a round trip per message
        was what a backlog waited on): "sent", "failed" or "later" each, in order."""
        by_account: dict[str, list[Message]] = {}
        for message in due:
            by_account.setdefault(message.account_id, []).append(message)
        answers = await asyncio.gather(
            *(self._send_batch(client, group, known, reached) for group in by_account.values())
        )
        outcome = {m.id: o for pairs in answers for m, o in pairs}
        return [outcome[m.id] for m in due]

    async def _send_batch(
        self,
        client: BridgeClient,
        messages: list[Message],
        known: set[tuple[str, str]],
        reached: dict[str, int],
    ) -> list[tuple[Message, str]]:
        """One number's messages; each keeps its client id, so a retry is recognised."""
        bodies = [self._body_of(m, known, reached) for m in messages]
        try:
            results = await client.send_batch(messages[0].account_id, bodies)
        except BridgeError as error:  # the request as a whole: each as if sent alone
            return [(m, self._after_send_error(m, error)) for m in messages]
        return [
            (m, self._after_send_error(m, r) if isinstance(r, BridgeError) else "sent")
            for m, r in zip(messages, results, strict=True)
        ]

    def _body_of(
        self,
        message: Message,
        known: set[tuple[str, str]],
        reached: dict[str, int],
        media: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """The bridge's JSON for one message; it keeps its client id, so a retry is known."""
        return send_body(
            message.chat,
            message.text,
            message.message_id,
            new_contact=(message.account_id, message.chat) not in known,
            new_contacts_today=reached.get(message.account_id, 0),
            quoted=quote_of(self.store, message),
            media=media,
        )

    def _known(self, due: list[Message]) -> set[tuple[str, str]]:
        """(number, chat) pairs of the due messages the number already talks to."""
        unsure = [m for m in due if (m.account_id, m.chat) not in self._known_pairs]
        for account_id in {m.account_id for m in unsure}:
            chats = [m.chat for m in unsure if m.account_id == account_id]
            found = known_chats(self.store, account_id, chats)
            self._known_pairs.update((account_id, c) for c in found)
        return self._known_pairs

    async def _upload(
        self,
        client: BridgeClient,
        message: Message,
        known: set[tuple[str, str]],
        reached: dict[str, int],
    ) -> None:
        """One media message, outside the round (its chat's next message waits for it)."""
        try:
            if await self._send_one(client, message, known, reached) == "sent":
                self.store.mark_sent([message.id])
                self.signals.message_updated.emit(message.id)
        except Exception:  # a store error: the message stays queued and is tried again
            log.exception("media send of message %s failed", message.id)
        finally:
            self._uploads.pop(message.id, None)
            self.wake()

    async def _send_one(
        self,
        client: BridgeClient,
        message: Message,
        known: set[tuple[str, str]],
        reached: dict[str, int],
    ) -> str:
        """Hands one message to the bridge: "sent", "failed" (for good) or "later".

        `known`: (number, chat) pairs it talks to; `reached`: each number's new contacts
        today, by the app's records (safe sending's daily cap, app.storage.message_edges)."""
        try:
            media = media_of(message)
            bridged = media.to_bridge() if media is not None else None
            await client.send(
                message.account_id,
                self._body_of(message, known, reached, bridged),
                upload_timeout(media.size) if media is not None else None,
            )
        except BridgeError as error:
            return self._after_send_error(message, error)
        return "sent"

    def _after_send_error(self, message: Message, error: BridgeError) -> str:
        if error.code in WAIT_FOR_NUMBER:
            return "later"  # waits, without using up attempts, until the number is back
        turn = parse_time(error.retry_at) if error.code in WAIT_FOR_TURN else None
        if turn is not None:
            self.store.mark_later(message.id, turn)
            return "later"
        outcome = "failed"
        if error.code == "rejected":  # in the words its message.ack gives it too
            refusal = {**error.fields, "status": "failed"}
            self.store.mark_failed(message.id, refusal_of(refusal) or str(error))
        elif error.code in NEVER_SUCCEEDS:
            self.store.mark_failed(message.id, str(error))
        elif should_give_up(message.attempts + 1, message.created_at, self._clock.now()):
            self.store.mark_failed(
                message.id, f"gave up after {message.attempts + 1} tries: {error}"
            )
        else:
            later = self._clock.now() + retry_delay(message.attempts + 1)
            self.store.mark_retry(message.id, str(error), later)
            outcome = "later"
        self.signals.message_updated.emit(message.id)
        return outcome
