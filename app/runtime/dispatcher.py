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
from app.domain.media import media_of
from app.domain.outbox import retry_delay, should_give_up
from app.domain.pacing import local_midnight_utc
from app.domain.status import SessionStatus
from app.domain.whatsapp_edges import refusal_of
from app.domain.window_views import ChatMessage
from app.runtime.read_model import ReadModel
from app.runtime.repos import Outbox
from app.runtime.signals import CoreSignals

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
#: Safe sending (node_bridge/src/pacing/rules.js): the number's pace or today's cap on new
#: contacts; the message waits until the bridge's `retry_at`, using up no attempts.
WAIT_FOR_TURN = frozenset({"paced", "new_contacts_cap"})
#: Rounds of text sends under way at once (each a batch request per number, answered on
#: WhatsApp's server acks); more due messages wait for one of them to end.
MAX_ROUNDS_IN_FLIGHT = 8


def upload_timeout(size: int | None) -> float:
    """How long the bridge may take to answer a media send: its own wait (30 s plus the
    file at 32 KiB/s, docs/bridge-api.md), then WhatsApp's ack (15 s), the paced slot and
    "typing…" (5 s each), and a margin."""
    return 30.0 + (size or 0) / (32 * 1024) + 15.0 + 10.0 + 15.0


class Dispatcher:
    def __init__(
        self,
        outbox: Outbox,
        model: ReadModel,
        signals: CoreSignals,
        *,
        client: Callable[[], BridgeClient | None],
        clock: SteadyClock | None = None,
    ) -> None:
        #: the outbox's repository (app.storage.outbox; in tests, an in-memory one)
        self.outbox = outbox
        #: retry times and the give-up deadline: immune to clock steps (app/domain/clock.py)
        self._clock = clock or SteadyClock()
        self.model = model
        self.signals = signals
        self._client = client
        self._wakeup = asyncio.Event()
        #: Media messages being uploaded, by row id (each its own task).
        self._uploads: dict[int, asyncio.Task[None]] = {}
        #: Rounds of text sends waiting for the bridge's answer (run_forever's), and the
        #: row ids they carry: a message accepted meanwhile leaves at once, beside them.
        self._rounds: set[asyncio.Task[list[str]]] = set()
        self._sending: set[int] = set()
        #: due messages were left for later because MAX_ROUNDS_IN_FLIGHT were under way
        self._deferred = False
        #: (number, chat) pairs known to talk to each other: once known, always known (a
        #: message came in, or one of ours reached WhatsApp), so each is looked up once.
        self._known_pairs: set[tuple[str, str]] = set()

    def wake(self) -> None:
        self._wakeup.set()

    async def run_forever(self) -> None:
        """Starts a round whenever there is work, without waiting for the rounds before it:
        their messages are on their way to WhatsApp (the bridge answers on its server ack),
        and a message accepted meanwhile, always to another chat, need not wait for them."""
        try:
            while True:
                self._wakeup.clear()  # before looking: a wake from here on is another round
                self._deferred = len(self._rounds) >= MAX_ROUNDS_IN_FLIGHT
                if not self._deferred:
                    try:
                        self._start_round()
                    except Exception:  # a bug or a store error must not stop every future send
                        log.exception("outbox dispatch failed")
                await self._wait_for_work()
        finally:  # stopped: rounds and uploads end with it (their messages stay queued)
            tasks = [*self._uploads.values(), *self._rounds]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    def _start_round(self) -> None:
        """The due text messages go in a round of their own (a task); media each alone."""
        claimed = self._claim_due()
        if claimed is None:
            return
        ids = {m.id for m in claimed[1]}
        self._sending |= ids
        task = asyncio.ensure_future(self._send_round(*claimed))
        self._rounds.add(task)
        task.add_done_callback(lambda done: self._round_ended(done, ids))

    def _round_ended(self, task: asyncio.Task[list[str]], ids: set[int]) -> None:
        self._rounds.discard(task)
        self._sending -= ids
        if task.cancelled():
            return
        error = task.exception()
        if error is not None:  # a bug or a store error: the loop looks again in 5 s
            log.error("outbox dispatch failed", exc_info=error)
            return
        # Look again when a chat was freed (sent, failed for good), a retry time was set or
        # a place freed for deferred work; not for a number that is away (its state's
        # change wakes the dispatcher), or a round would follow at once, again and again.
        if self._deferred or any(outcome != "waits" for outcome in task.result()):
            self.wake()

    async def _wait_for_work(self) -> None:
        timeout = 5.0
        with contextlib.suppress(Exception):  # a store error: look again in 5 s
            next_retry = self.outbox.next_retry_at()
            if next_retry is not None:
                timeout = min(timeout, max(0.05, (next_retry - self._clock.now()).total_seconds()))
        # asyncio.timeout, not wait_for: no task of its own, so a wake resumes this at once.
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(timeout):
                await self._wakeup.wait()

    async def dispatch_once(self) -> bool:
        """One round, to its end: True if a message was sent or failed for good."""
        claimed = self._claim_due()
        if claimed is None:
            return False
        outcomes = await self._send_round(*claimed)
        return any(outcome in ("sent", "failed") for outcome in outcomes)

    def _claim_due(
        self,
    ) -> tuple[BridgeClient, list[ChatMessage], set[tuple[str, str]], dict[str, int]] | None:
        """The due text messages not already on their way, with what their bodies need;
        the due media messages start their uploads here. None: no text to send now."""
        client = self._client()
        if client is None:
            return None
        connected = {
            a.id for a in self.model.accounts() if a.status == SessionStatus.CONNECTED.value
        }
        now = self._clock.now()
        due = self.outbox.due(connected, now)
        due = [m for m in due if m.id not in self._uploads and m.id not in self._sending]
        if not due:
            return None
        known = self._known(due)
        since = local_midnight_utc(datetime.now())
        reached = {
            a: self.outbox.new_contacts_reached(a, since)
            for a in {m.account_id for m in due if (m.account_id, m.chat) not in known}
        }
        for message in (m for m in due if m.media_type):
            # A file may take minutes to upload: it goes on its own, and only its chat waits.
            upload = self._upload(client, message, known, reached)
            self._uploads[message.id] = asyncio.ensure_future(upload)
        due = [m for m in due if not m.media_type]
        return (client, due, known, reached) if due else None

    async def _send_round(
        self,
        client: BridgeClient,
        due: list[ChatMessage],
        known: set[tuple[str, str]],
        reached: dict[str, int],
    ) -> list[str]:
        """Text messages, each number's in one batch request (a round trip per message
        was what a backlog waited on), and one commit for those sent: "sent", "failed",
        "later" or "waits" each, in order."""
        by_account: dict[str, list[ChatMessage]] = {}
        for message in due:
            by_account.setdefault(message.account_id, []).append(message)
        answers = await asyncio.gather(
            *(self._send_batch(client, group, known, reached) for group in by_account.values())
        )
        by_id = {m.id: o for pairs in answers for m, o in pairs}
        outcomes = [by_id[m.id] for m in due]
        sent = [m.id for m, outcome in zip(due, outcomes, strict=True) if outcome == "sent"]
        if sent:
            # A crash before this commit sends these again with the same client ids, and
            # the bridge answers those from its record without resending.
            self.outbox.mark_sent(sent)
            for message_id in sent:
                self.signals.message_updated.emit(message_id)
        return outcomes

    async def _send_batch(
        self,
        client: BridgeClient,
        messages: list[ChatMessage],
        known: set[tuple[str, str]],
        reached: dict[str, int],
    ) -> list[tuple[ChatMessage, str]]:
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
        message: ChatMessage,
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
            quoted=self.outbox.quote_of(message),
            media=media,
        )

    def _known(self, due: list[ChatMessage]) -> set[tuple[str, str]]:
        """(number, chat) pairs of the due messages the number already talks to."""
        unsure = [m for m in due if (m.account_id, m.chat) not in self._known_pairs]
        for account_id in {m.account_id for m in unsure}:
            chats = [m.chat for m in unsure if m.account_id == account_id]
            found = self.outbox.known_chats(account_id, chats)
            self._known_pairs.update((account_id, c) for c in found)
        return self._known_pairs

    async def _upload(
        self,
        client: BridgeClient,
        message: ChatMessage,
        known: set[tuple[str, str]],
        reached: dict[str, int],
    ) -> None:
        """One media message, outside the round (its chat's next message waits for it)."""
        try:
            if await self._send_one(client, message, known, reached) == "sent":
                self.outbox.mark_sent([message.id])
                self.signals.message_updated.emit(message.id)
        except Exception:  # a store error: the message stays queued and is tried again
            log.exception("media send of message %s failed", message.id)
        finally:
            self._uploads.pop(message.id, None)
            self.wake()

    async def _send_one(
        self,
        client: BridgeClient,
        message: ChatMessage,
        known: set[tuple[str, str]],
        reached: dict[str, int],
    ) -> str:
        """Hands one message to the bridge: "sent", "failed" (for good), "later" (a retry
        or its paced turn is set) or "waits" (for its number to be connected).

        `known`: (number, chat) pairs it talks to; `reached`: each number's new contacts
        today, by the app's records (safe sending's daily cap, app.storage.outbox)."""
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

    def _after_send_error(self, message: ChatMessage, error: BridgeError) -> str:
        if error.code in WAIT_FOR_NUMBER:
            return "waits"  # without using up attempts, until the number is back
        turn = parse_time(error.retry_at) if error.code in WAIT_FOR_TURN else None
        if turn is not None:
            self.outbox.mark_later(message.id, turn)
            return "later"
        outcome = "failed"
        if error.code == "rejected":  # in the words its message.ack gives it too
            refusal = {**error.fields, "status": "failed"}
            self.outbox.mark_failed(message.id, refusal_of(refusal) or str(error))
        elif error.code in NEVER_SUCCEEDS:
            self.outbox.mark_failed(message.id, str(error))
        elif should_give_up(message.attempts + 1, message.created_at, self._clock.now()):
            self.outbox.mark_failed(
                message.id, f"gave up after {message.attempts + 1} tries: {error}"
            )
        else:
            later = self._clock.now() + retry_delay(message.attempts + 1)
            self.outbox.mark_retry(message.id, str(error), later)
            outcome = "later"
        self.signals.message_updated.emit(message.id)
        return outcome
