"""app.sqlite3: the owner's accounts (desired state), what the bridge reported, and why."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.core.models import Account, AuditEvent, Message, StatusChange, utcnow
from app.core.outbox import advance

#: A transaction this slow waited for a lock (or a very slow disk).
SLOW_WAIT_S = 1.0
MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


@dataclass(frozen=True)
class Inbound:
    account_id: str
    message_id: str
    chat: str
    text: str
    at: datetime | None


@dataclass(frozen=True)
class Ack:
    account_id: str
    message_id: str
    status: str


@dataclass(frozen=True)
class Observed:
    """What recording an observation did: true when the status changed."""

    changed: bool
    account: Account | None  # the row as now stored (None: no such account)
    merged: str | None = None  # id of a twin folded into this account

    def __bool__(self) -> bool:
        return self.changed


class StoreError(Exception):
    """A request the store refuses, with a sentence for people."""


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")  # an accepted message must survive a power cut
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def open_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def migrate(engine: Engine, revision: str = "head") -> None:
    """Brings the schema to `revision`; an older database is upgraded in place."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def _database_trouble(error: OperationalError) -> str:
    """A sentence for people instead of SQLite's message (which carries SQL and data)."""
    text = str(error.orig).lower()
    if "full" in text:
        return (
            "The disk is full, so Jaga could not save. Free some space; "
            "nothing saved before is lost."
        )
    if "readonly" in text or "read-only" in text:
        return (
            "Jaga cannot write to its database file (it is read-only). Give your user write "
            "access to Jaga's data folder, then restart Jaga."
        )
    if "locked" in text or "busy" in text:
        return "Jaga's database is busy; please try again in a moment."
    return "Jaga could not write to its database. See the log for details."


def new_account_id() -> str:
    return "acc-" + secrets.token_hex(6)


class Store:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = open_engine(path)
        migrate(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        #: (monotonic end, seconds) of the last transaction that took long (a lock held by
        #: another program): the window tells the owner what it waited for.
        self.slow_wait: tuple[float, float] | None = None

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self) -> Iterator[Session]:
        started = time.monotonic()
        try:
            with self._sessions.begin() as session:
                yield session
        except OperationalError as error:
            raise StoreError(_database_trouble(error)) from error
        finally:
            ended = time.monotonic()
            if ended - started >= SLOW_WAIT_S:
                self.slow_wait = (ended, ended - started)

    # --- accounts -------------------------------------------------------------------

    def accounts(self) -> list[Account]:
        with self.session() as s:
            return list(s.scalars(select(Account).order_by(Account.created_at, Account.id)))

    def account(self, account_id: str) -> Account | None:
        with self.session() as s:
            return s.get(Account, account_id)

    def create_account(self, label: str, engine: str) -> Account:
        label = label.strip()
        if not label:
            raise StoreError("Give the number a name, for example “Shop front”.")
        if len(label) > 100:
            raise StoreError("That name is too long (100 characters at most).")
        account = Account(id=new_account_id(), label=label, engine=engine, desired_state="running")
        with self.session() as s:
            s.add(account)
            s.add(AuditEvent(kind="account_added", account_id=account.id, detail=label))
        return account

    def set_desired_state(self, account_id: str, desired: str) -> None:
        if desired not in ("running", "stopped"):
            raise StoreError(f"Unknown desired state {desired!r}.")
        with self.session() as s:
            account = s.get(Account, account_id)
            if account is None:
                raise StoreError("That number no longer exists.")
            if account.desired_state != desired:
                account.desired_state = desired
                s.add(AuditEvent(kind=f"owner_{desired}", account_id=account_id))

    def remove_account(self, account_id: str) -> None:
        with self.session() as s:
            account = s.get(Account, account_id)
            if account is not None:
                s.delete(account)
                s.add(
                    AuditEvent(kind="account_removed", account_id=account_id, detail=account.label)
                )

    def record_observed(
        self,
        account_id: str,
        *,
        status: str,
        reason: str | None,
        message: str | None,
        since: datetime | None = None,
        last_activity_at: datetime | None = None,
        phone: str | None = None,
        display_name: str | None = None,
    ) -> Observed:
        """Stores what the bridge says; true when the status changed (and logs it)."""
        with self.session() as s:
            account = s.get(Account, account_id)
            if account is None:
                return Observed(False, None)
            changed = account.status != status or account.reason != reason
            if changed:
                account.status = status
                account.reason = reason
                account.status_since = since or utcnow()
                s.add(StatusChange(account_id=account_id, status=status, reason=reason))
            account.status_message = message
            if last_activity_at is not None:
                account.last_activity_at = last_activity_at
            merged = None
            if phone and account.phone != phone:
                merged = self._claim_phone(s, account, phone)
            if display_name:
                account.display_name = display_name
            return Observed(changed, account, merged)

    def _claim_phone(self, s: Session, account: Account, phone: str) -> str | None:
        """One row per phone: linking a phone another account holds folds that one in.

        The twin's history, audit trail, messages and queued outbox rows move to the
        surviving account in the same transaction; only rows the survivor already holds
        (the same WhatsApp message id) stay behind and go with the twin.
        """
        twin = s.scalars(select(Account).where(Account.phone == phone)).first()
        merged = None
        if twin is not None and twin.id != account.id:
            for model in (StatusChange, AuditEvent):
                s.execute(
                    update(model).where(model.account_id == twin.id).values(account_id=account.id)
                )
            held = select(Message.message_id).where(Message.account_id == account.id)
            s.execute(
                update(Message)
                .where(Message.account_id == twin.id, Message.message_id.not_in(held))
                .values(account_id=account.id)
            )
            if not account.label or account.label.startswith("WhatsApp "):
                account.label = twin.label
            s.add(AuditEvent(kind="account_merged", account_id=account.id, detail=twin.id))
            s.delete(twin)
            s.flush()
            merged = twin.id
        account.phone = phone
        return merged

    def history(self, account_id: str) -> list[StatusChange]:
        with self.session() as s:
            query = (
                select(StatusChange)
                .where(StatusChange.account_id == account_id)
                .order_by(StatusChange.at, StatusChange.id)
            )
            return list(s.scalars(query))

    # --- audit ----------------------------------------------------------------------

    def audit(self, kind: str, detail: str = "", account_id: str | None = None) -> None:
        with self.session() as s:
            s.add(AuditEvent(kind=kind, account_id=account_id, detail=detail))

    def audit_events(self, limit: int = 200) -> list[AuditEvent]:
        with self.session() as s:
            query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
            return list(s.scalars(query))

    # --- messages: the durable outbox and the inbound copies --------------------------

    def queue_message(self, account_id: str, chat: str, text: str, client_id: str) -> Message:
        """Accepts an outgoing message: from this commit on it is never lost."""
        with self.session() as s:
            account = s.get(Account, account_id)
            if account is None:
                raise StoreError("That number no longer exists.")
            if account.phone is None:
                raise StoreError(f"“{account.label}” is not linked to a phone yet.")
            message = Message(
                account_id=account_id,
                direction="out",
                chat=chat,
                message_id=client_id,
                text=text,
                status="queued",
                attempts=0,
            )
            s.add(message)
        return message

    def due_messages(self, account_ids: set[str], now: datetime, limit: int = 64) -> list[Message]:
        """The head of each chat's queue, for the given (connected) numbers, if it is due.

        Only the oldest queued message of a chat is ever handed out, so a chat's messages
        leave in the order they were accepted, retries included.
        """
        if not account_ids:
            return []
        with self.session() as s:
            heads = (
                select(func.min(Message.id))
                .where(
                    Message.direction == "out",
                    Message.status == "queued",
                    Message.account_id.in_(account_ids),
                )
                .group_by(Message.account_id, Message.chat)
            )
            query = (
                select(Message)
                .where(Message.id.in_(heads))
                .where((Message.next_attempt_at.is_(None)) | (Message.next_attempt_at <= now))
                .order_by(Message.id)
                .limit(limit)
            )
            return list(s.scalars(query))

    def next_retry_at(self) -> datetime | None:
        with self.session() as s:
            query = select(func.min(Message.next_attempt_at)).where(
                Message.direction == "out", Message.status == "queued"
            )
            return s.scalar(query)

    def mark_sent(self, message_ids: Iterable[int]) -> None:
        """The bridge took these messages: one commit for a whole dispatch round."""
        with self.session() as s:
            for message in s.scalars(select(Message).where(Message.id.in_(list(message_ids)))):
                message.status = advance(message.status, "sent")
                message.error = None

    def mark_retry(self, message_id: int, error: str, next_attempt_at: datetime) -> None:
        with self.session() as s:
            message = s.get(Message, message_id)
            if message is not None and message.status == "queued":
                message.attempts += 1
                message.error = error
                message.next_attempt_at = next_attempt_at

    def mark_failed(self, message_id: int, error: str) -> None:
        with self.session() as s:
            message = s.get(Message, message_id)
            if message is not None and message.status == "queued":
                message.status = "failed"
                message.error = error

    def resend(self, message_id: int) -> None:
        """The owner asks again for a message that failed: back in the queue, fresh budget."""
        with self.session() as s:
            message = s.get(Message, message_id)
            if message is not None and message.status == "failed":
                message.status = "queued"
                message.attempts = 0
                message.next_attempt_at = None
                message.error = None

    def _apply_acks(self, s: Session, acks: list[Ack]) -> list[Message | None]:
        """Advances the outgoing rows the acks name; the rows are looked up in one query."""
        wanted = sorted({ack.message_id for ack in acks})
        rows: dict[tuple[str, str], Message] = {}
        for start in range(0, len(wanted), 500):
            query = select(Message).where(
                Message.direction == "out", Message.message_id.in_(wanted[start : start + 500])
            )
            rows.update({(m.account_id, m.message_id): m for m in s.scalars(query)})
        changed: list[Message | None] = []
        for ack in acks:
            message = rows.get((ack.account_id, ack.message_id))
            if message is not None:
                message.status = advance(message.status, ack.status)
            changed.append(message)
        return changed

    def store_inbound(
        self, account_id: str, message_id: str, chat: str, text: str, at: datetime | None
    ) -> int | None:
        """The new row's id, or None when it was already there (a replay) or has no account."""
        with self.session() as s:
            added = self._store_inbounds(s, [Inbound(account_id, message_id, chat, text, at)])
        return added[0] if added else None

    def _store_inbounds(self, s: Session, items: list[Inbound]) -> list[int]:
        """Inserts a burst in one statement; ids of the new rows (replays and messages of
        numbers that no longer exist are skipped)."""
        if not items:
            return []
        account_ids = {item.account_id for item in items}
        known = set(s.scalars(select(Account.id).where(Account.id.in_(account_ids))))
        now = utcnow()
        rows = [
            {
                "account_id": item.account_id,
                "direction": "in",
                "chat": item.chat,
                "message_id": item.message_id,
                "text": item.text,
                "status": "received",
                "attempts": 0,
                "created_at": item.at or now,
                "updated_at": now,
            }
            for item in items
            if item.account_id in known
        ]
        if not rows:
            return []
        statement = (
            sqlite_insert(Message.__table__)
            .on_conflict_do_nothing(index_elements=["account_id", "message_id"])
            .returning(Message.__table__.c.id)
        )
        connection = s.connection()
        return sorted(connection.execute(statement, rows).scalars())

    def store_durable(self, items: list[Inbound | Ack]) -> tuple[list[int], list[int]]:
        """A burst of inbound messages and acks in ONE transaction (one fsync, not hundreds).

        Returns the ids of the rows added and of the rows whose status changed.
        """
        with self.session() as s:
            added = self._store_inbounds(s, [item for item in items if isinstance(item, Inbound)])
            acks = [item for item in items if isinstance(item, Ack)]
            changed = self._apply_acks(s, acks)
            updated = list(dict.fromkeys(m.id for m in changed if m is not None))
        return added, updated

    def messages(self, account_id: str, chat: str | None = None) -> list[Message]:
        with self.session() as s:
            query = select(Message).where(Message.account_id == account_id)
            if chat is not None:
                query = query.where(Message.chat == chat)
            return list(s.scalars(query.order_by(Message.id)))

    def message(self, message_id: int) -> Message | None:
        with self.session() as s:
            return s.get(Message, message_id)

    # --- chats: read-only views of the messages -------------------------------------

    def conversations(self, account_id: str, limit: int = 500) -> list[Message]:
        """The last message of each chat of a number, newest chat first.

        One query: the newest row id per chat comes from the (account, chat, id) index.
        """
        with self.session() as s:
            lasts = (
                select(func.max(Message.id))
                .where(Message.account_id == account_id)
                .group_by(Message.chat)
            )
            query = (
                select(Message)
                .where(Message.id.in_(lasts))
                .order_by(Message.id.desc())
                .limit(limit)
            )
            return list(s.scalars(query))

    def chat_messages(self, account_id: str, chat: str, limit: int = 500) -> list[Message]:
        """The newest `limit` messages of one chat, oldest first."""
        with self.session() as s:
            query = (
                select(Message)
                .where(Message.account_id == account_id, Message.chat == chat)
                .order_by(Message.id.desc())
                .limit(limit)
            )
            return list(reversed(list(s.scalars(query))))

    def messages_with_ids(self, account_id: str, ids: Iterable[int]) -> list[Message]:
        """Those of the given rows that belong to the number, in id order (a burst at once)."""
        wanted = sorted(set(ids))
        found: list[Message] = []
        with self.session() as s:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                query = (
                    select(Message)
                    .where(Message.account_id == account_id, Message.id.in_(chunk))
                    .order_by(Message.id)
                )
                found.extend(s.scalars(query))
        return found
