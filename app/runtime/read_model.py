"""The accounts as the faces see them: in memory, updated from events, never re-read per event.

Every change is one AccountChange (id, old, new, reason, at) on `changed`; views update
the one row it names.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from app.bridge.recovery import BridgeRecovery
from app.domain.clock import utcnow
from app.domain.window_views import AccountChange, AccountView

__all__ = ["AccountChange", "AccountView", "ReadModel"]


class ReadModel(QObject):
    changed = Signal(object)  # AccountChange

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._accounts: dict[str, AccountView] = {}
        #: What the core told before any face listened (the window is built after the
        #: restore is under way): kept here, shown when the face connects.
        #: A damaged bridge.sqlite3 set aside at this start (app.bridge.recovery).
        self.bridge_recovery: BridgeRecovery | None = None
        #: The trouble of the moment, as a sentence (a full disk), until it is gone.
        self.problem: str | None = None

    def note_recovery(self, recovery: BridgeRecovery) -> None:
        self.bridge_recovery = recovery

    def note_problem(self, sentence: str) -> None:
        self.problem = sentence

    def note_problem_gone(self, sentence: str) -> None:
        if self.problem is not None and sentence in self.problem:
            self.problem = None

    def load(self, views: Iterable[AccountView]) -> None:
        """The whole picture at once (start-up, a twin merged): changes for what differs."""
        wanted = {view.id: view for view in views}
        for account_id in [a for a in self._accounts if a not in wanted]:
            self.remove(account_id, "reloaded")
        for view in wanted.values():
            self.put(view, "reloaded")

    def accounts(self) -> list[AccountView]:
        """In the order they were created (the store's order)."""
        return sorted(self._accounts.values(), key=_creation_order)

    def account(self, account_id: str) -> AccountView | None:
        return self._accounts.get(account_id)

    def __contains__(self, account_id: object) -> bool:
        return account_id in self._accounts

    def put(self, view: AccountView, reason: str) -> bool:
        old = self._accounts.get(view.id)
        if old == view:
            return False
        self._accounts[view.id] = view
        self.changed.emit(AccountChange(view.id, old, view, reason, utcnow()))
        return True

    def remove(self, account_id: str, reason: str) -> None:
        old = self._accounts.pop(account_id, None)
        if old is not None:
            self.changed.emit(AccountChange(account_id, old, None, reason, utcnow()))


def _creation_order(view: AccountView) -> tuple[datetime, str]:
    return (view.created_at or datetime.min, view.id)
