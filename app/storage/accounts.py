"""The numbers' repository for the owner's commands: the accounts table's desired state,
answered as AccountView (app/domain/window_views.py), never rows. It implements
app.runtime.repos.Accounts (structurally: storage never imports runtime)."""

from __future__ import annotations

from app.domain.window_views import AccountView
from app.storage.store import Store


class StoredAccounts:
    def __init__(self, store: Store) -> None:
        self._store = store

    def all(self) -> list[AccountView]:
        """In the order they were created."""
        return [AccountView.of(row) for row in self._store.accounts()]

    def get(self, account_id: str) -> AccountView | None:
        row = self._store.account(account_id)
        return None if row is None else AccountView.of(row)

    def create(self, label: str, engine: str) -> AccountView:
        """A new number, wanted running (StoreError: a label that cannot be one)."""
        return AccountView.of(self._store.create_account(label, engine))

    def set_desired_state(self, account_id: str, desired: str) -> None:
        """ "running" or "stopped" (StoreError: anything else, or a number that is gone)."""
        self._store.set_desired_state(account_id, desired)

    def remove(self, account_id: str) -> None:
        self._store.remove_account(account_id)
