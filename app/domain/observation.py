"""What storing one of the bridge's observations of a number did (app.storage.store's
record_observed and record_gone answer it; the recorder acts on it)."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.window_views import AccountView


@dataclass(frozen=True)
class Observed:
    """What recording an observation did: true when the status changed."""

    changed: bool
    account: AccountView | None  # the number as now stored (None: no such account)
    merged: str | None = None  # id of a twin folded into this account

    def __bool__(self) -> bool:
        return self.changed
