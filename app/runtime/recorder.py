"""Records what the bridge says of each session: store, read model, QR codes, signals."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from app.bridge.protocol import QrCode, SessionInfo
from app.domain.status import ACTIVE, SessionStatus
from app.domain.store_error import StoreError
from app.runtime.read_model import AccountView, ReadModel
from app.runtime.repos import StatusRecords
from app.runtime.signals import CoreSignals

log = logging.getLogger(__name__)


class StatusRecorder:
    def __init__(
        self,
        store: StatusRecords,
        model: ReadModel,
        signals: CoreSignals,
        *,
        on_connected: Callable[[], None],
    ) -> None:
        self.store = store
        self.model = model
        self.signals = signals
        self._on_connected = on_connected
        self.latest_qr: dict[str, QrCode] = {}
        self._applied_seq: dict[str, int] = {}  # session id → seq of the newest object applied

    def new_boot(self) -> None:
        self._applied_seq.clear()  # seqs start again with every boot

    def report(self, error: StoreError) -> None:
        """A store error never stops the core: it is logged and told to the owner."""
        log.error("store: %s (%r)", error, error.__cause__)
        self.signals.error.emit(str(error))

    def audit(self, kind: str, detail: str = "", account_id: str | None = None) -> None:
        """The audit log must never stop supervision: a full disk is reported, not raised."""
        try:
            self.store.audit(kind, detail, account_id)
        except StoreError as error:
            self.report(error)

    def qr(self, qr: QrCode) -> None:
        self.latest_qr[qr.session_id] = qr
        self.signals.qr_received.emit(qr)

    def apply(self, info: SessionInfo) -> bool:
        """Stores what the bridge says of a session; False when it was old news.

        Answers to calls and events race: a PUT's answer can arrive after a newer status
        event. Every session object carries the seq of its last event, so an older one is
        dropped instead of undoing the newer truth. Raises StoreError (the caller retries).
        """
        if info.seq and info.seq < self._applied_seq.get(info.id, 0):
            return False
        if info.id not in self.model:
            return True  # an orphan: reconciliation stops it
        self.observe(info.id, info.status.value, info.reason, info.message, since=info)
        self._applied_seq[info.id] = max(info.seq, self._applied_seq.get(info.id, 0))
        if info.qr and info.status is SessionStatus.QR and info.id not in self.latest_qr:
            self.qr(QrCode(info.id, info.qr, info.expires_at, info.attempt, info.max))
        if info.status is not SessionStatus.QR:
            self.latest_qr.pop(info.id, None)
        self._record_limit(info)
        return True

    def _record_limit(self, info: SessionInfo) -> None:
        """WhatsApp's limit on new contacts (storage.message_edges); a lifted one wakes sends."""
        shown = self.model.account(info.id)
        said = (info.limits.reason, info.limits.until) if info.limits else (None, None)
        if shown is not None and (shown.limit_reason, shown.limited_until) == said:
            return  # as stored already: no transaction per status (a restore has hundreds)
        try:
            if self.store.record_limit(info.id, info.limits):
                self._on_connected()
        except StoreError as error:
            self.report(error)

    def apply_quietly(self, info: SessionInfo) -> bool:
        try:
            return self.apply(info)
        except StoreError as error:
            self.report(error)  # the next reconcile records it once the store is back
            return False

    def record(self, account_id: str, status: str, reason: str | None, message: str | None) -> None:
        """An observation the app makes itself (the bridge went away, not on the bridge)."""
        try:
            self.observe(account_id, status, reason, message)
        except StoreError as error:
            self.report(error)

    def observe(
        self,
        account_id: str,
        status: str,
        reason: str | None,
        message: str | None,
        *,
        since: SessionInfo | None = None,
    ) -> None:
        before = self.model.account(account_id)
        if before is None:
            return
        phone = name = None
        if since is not None and since.me is not None:
            phone, name = since.me.phone, since.me.name
        activity = since.last_activity_at if since else None
        if _as_shown(before, status, reason, message, activity, phone, name):
            return  # already stored (a PUT's answer and its event say the same): no write
        observed = self.store.record_observed(
            account_id,
            status=status,
            reason=reason,
            message=message,
            since=since.since if since else None,
            last_activity_at=since.last_activity_at if since else None,
            phone=phone,
            display_name=name,
        )
        if observed.account is None:
            return
        if observed.merged is not None:
            self.model.remove(observed.merged, "merged")
            self.signals.accounts_changed.emit()
        self.model.put(observed.account, reason or status)
        if observed.changed:
            self.signals.status_changed.emit(account_id, before.status, status)
            if status == SessionStatus.CONNECTED.value:
                self._on_connected()
        self.signals.account_updated.emit(account_id)

    def bridge_gone(self, why: str, detail: str) -> None:
        """Never a stale "connected": whatever ran is not running now (one commit for all)."""
        self.latest_qr.clear()
        gone = [a for a in self.model.accounts() if SessionStatus.parse(a.status) in ACTIVE]
        if not gone:
            return
        status = SessionStatus.RECONNECTING.value
        try:
            observed = self.store.record_gone(
                [a.id for a in gone], status=status, reason=why, message=detail
            )
        except StoreError as error:
            self.report(error)  # the next reconcile records it once the store is back
            return
        for before, seen in zip(gone, observed, strict=True):
            if seen.account is None:
                continue
            self.model.put(seen.account, why)
            if seen.changed:
                self.signals.status_changed.emit(before.id, before.status, status)
            self.signals.account_updated.emit(before.id)


def _as_shown(
    shown: AccountView,
    status: str,
    reason: str | None,
    message: str | None,
    activity: datetime | None,
    phone: str | None,
    name: str | None,
) -> bool:
    """Whether recording this would change nothing the store holds (the read model mirrors
    every account row the core writes)."""
    return (
        (shown.status, shown.reason, shown.status_message) == (status, reason, message)
        and (activity is None or shown.last_activity_at == activity)
        and (not phone or shown.phone == phone)
        and (not name or shown.display_name == name)
    )
