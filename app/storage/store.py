"""app.sqlite3: the owner's accounts (desired state), what the bridge reported, and why."""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from app.domain.account_labels import LabelError, clean_label
from app.domain.observation import Observed
from app.domain.store_error import StoreError
from app.domain.whatsapp_edges import SendLimit
from app.domain.window_views import AccountView
from app.storage.message_edges import record_limit
from app.storage.messages import Ack, Inbound, MessageStore
from app.storage.schema_revisions import MIGRATIONS, at_head
from app.storage.tables import Account, AuditEvent, Message, StatusChange, utcnow
from app.storage.write_hooks import StatusMove, WriteHooks, Written
from app.storage.write_watch import WriteWatch

#: How long one statement waits for a lock held by another program (GUI thread: short).
BUSY_TIMEOUT_MS = 1000
#: A transaction this slow waited for a lock (or a very slow disk).
SLOW_WAIT_S = 0.5


def _set_sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")  # an accepted message must survive a power cut
    cursor.execute("PRAGMA foreign_keys=ON")
    # The store runs on the GUI thread: a lock held by another program may block it this
    # long per statement, no longer (the callers retry: the inbox, the event path).
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.close()


def open_engine(path: Path) -> Engine:
    # hide_parameters: an error names the statement, never the message text or number in it
    engine = create_engine(f"sqlite:///{path}", hide_parameters=True)
    event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


def migrate(engine: Engine, revision: str = "head") -> None:
    """Brings the schema to `revision`; an older database is upgraded in place."""
    from alembic import command  # half a second of imports: only when there is work
    from alembic.config import Config

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


class Store(MessageStore):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.engine = open_engine(path)
        if not at_head(path):  # a file already at head needs no Alembic at all
            migrate(self.engine)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.write_hooks = WriteHooks()
        self.write_watch = WriteWatch(self.engine)  # a refused write, until one commits
        #: (monotonic end, seconds) of the last transaction that took long (a lock held by
        #: another program): the window tells the owner what it waited for.
        self.slow_wait: tuple[float, float] | None = None

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def session(self, *, durable: bool = True) -> Iterator[Session]:
        """One transaction. `durable=False`: for what the bridge will tell again (statuses
        it observes); its commit waits for no fsync, and the next durable commit's fsync
        makes it durable too (WAL order). A power cut may lose the last few; the restore
        at the next start observes every number again."""
        started = time.monotonic()
        writes = self.write_watch.writes
        try:
            if durable:
                with self._sessions.begin() as session:
                    yield session
            else:
                with self._observing() as session:
                    yield session
        except OperationalError as error:
            sentence = _database_trouble(error)
            self.write_watch.refused(sentence)
            raise StoreError(sentence) from error
        else:
            self.write_watch.committed(writes)
        finally:
            ended = time.monotonic()
            if ended - started >= SLOW_WAIT_S:
                self.slow_wait = (ended, ended - started)

    @contextmanager
    def _observing(self) -> Iterator[Session]:
        """A session whose commit runs with synchronous=NORMAL (one commit in a restore
        of 100 numbers was 300 fsyncs), unless it wrote more than the observation itself
        (a write hook's webhook, an audit line): then it is as durable as any. The
        connection goes back to the pool at FULL."""
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA synchronous=NORMAL")
            try:
                added: set[type] = set()

                def note(s: Session, *_: Any) -> None:
                    added.update(map(type, s.new))

                with Session(bind=connection, expire_on_commit=False) as session:
                    event.listen(session, "before_flush", note)
                    yield session
                    session.flush()
                connection.commit()
                if added - {StatusChange}:
                    self._sync_wal()  # the fsync a FULL commit would have made
            finally:
                connection.rollback()  # after a commit: nothing to undo
                connection.exec_driver_sql("PRAGMA synchronous=FULL")
                connection.commit()

    def _sync_wal(self) -> None:
        """Makes every commit so far durable: what SQLite's own fsync of the WAL does."""
        descriptor = os.open(f"{self.path}-wal", os.O_RDWR)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)

    # --- accounts -------------------------------------------------------------------

    def accounts(self) -> list[Account]:
        with self.session() as s:
            return list(s.scalars(select(Account).order_by(Account.created_at, Account.id)))

    def account(self, account_id: str) -> Account | None:
        with self.session() as s:
            return s.get(Account, account_id)

    def create_account(self, label: str, engine: str) -> Account:
        try:
            label = clean_label(label)  # app/domain/account_labels.py
        except LabelError as error:
            raise StoreError(str(error)) from None
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
        with self.session(durable=False) as s:
            account = s.get(Account, account_id)
            if account is None:
                return Observed(False, None)
            changed = account.status != status or account.reason != reason
            old = account.status
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
            if changed:
                self.write_hooks.run(s, Written(statuses=[StatusMove(account, old, status)]))
            return Observed(changed, AccountView.of(account), merged)

    def record_gone(
        self, account_ids: list[str], *, status: str, reason: str, message: str | None
    ) -> list[Observed]:
        """The same observation for many numbers in ONE transaction (the bridge went away:
        one commit for a hundred numbers, not a hundred)."""
        out = []
        with self.session(durable=False) as s:
            rows = {a.id: a for a in s.scalars(select(Account).where(Account.id.in_(account_ids)))}
            now = utcnow()
            moves: list[StatusMove] = []
            for account_id in account_ids:
                account = rows.get(account_id)
                if account is None:
                    out.append(Observed(False, None))
                    continue
                changed = account.status != status or account.reason != reason
                if changed:
                    moves.append(StatusMove(account, account.status, status))
                if changed:
                    account.status, account.reason, account.status_since = status, reason, now
                    s.add(StatusChange(account_id=account_id, status=status, reason=reason))
                account.status_message = message
                out.append(Observed(changed, AccountView.of(account)))
            self.write_hooks.run(s, Written(statuses=moves))
        return out

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

    def record_limit(self, account_id: str, limit: SendLimit | None) -> bool:
        """The number's limit on new contacts, as the bridge tells it; True when it changed."""
        return record_limit(self, account_id, limit)

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


__all__ = ["Ack", "Inbound", "Observed", "Store", "StoreError", "migrate", "open_engine"]
