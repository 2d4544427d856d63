"""A real app.sqlite3 for tests that talk to the store directly (no bridge, no Qt)."""

from __future__ import annotations

from app.storage.store import Store


def linked(store: Store, phone: str = "628100000001", label: str = "Shop") -> str:
    """A number linked to `phone` and connected, as the bridge would have reported it."""
    account = store.create_account(label, "sim")
    store.record_observed(account.id, status="connected", reason=None, message=None, phone=phone)
    return account.id
