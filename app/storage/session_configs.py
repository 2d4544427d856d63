"""A number's WAHA session config as Jaga keeps it (app.sqlite3, table session_configs and
webhook_targets.account_id): its metadata, and the webhooks set for that number alone.

`PUT /api/sessions/{session}` with `config.webhooks` replaces the addresses set before
through that number's config; the addresses the owner added in the window (for every
number) are never touched by it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import delete, select

from app.domain.views import HookConfig
from app.domain.webhook_address import check_address
from app.storage.store import Store
from app.storage.tables import SessionConfig, WebhookTarget
from app.storage.webhooks import check_events


class SessionConfigs:
    def __init__(self, store: Store) -> None:
        self._store = store

    def metadata(self) -> dict[str, dict[str, str]]:
        """Every number's metadata, by account id."""
        with self._store.session() as s:
            return {
                row.account_id: loads_metadata(row.metadata_json)
                for row in s.scalars(select(SessionConfig))
            }

    def hooks(self, account_id: str) -> list[HookConfig]:
        with self._store.session() as s:
            rows = s.scalars(select(WebhookTarget).where(WebhookTarget.account_id == account_id))
            return [HookConfig(t.url, t.events.split(","), t.secret) for t in rows]

    def save(
        self,
        account_id: str,
        metadata: dict[str, str] | None,
        hooks: Iterable[HookConfig] | None,
    ) -> None:
        """What a PUT (or a POST) said; None leaves that part as it was. Every address is
        checked first (WebhookAddressError, StoreError in words): a bad one changes nothing."""
        checked = None
        if hooks is not None:
            checked = [
                (check_address(h.url), ",".join(check_events(h.events)), h.secret) for h in hooks
            ]
        with self._store.session() as s:
            if metadata is not None:
                row = s.get(SessionConfig, account_id) or SessionConfig(account_id=account_id)
                row.metadata_json = json.dumps(metadata, ensure_ascii=False)
                s.add(row)
            if checked is not None:
                s.execute(delete(WebhookTarget).where(WebhookTarget.account_id == account_id))
                s.add_all(
                    WebhookTarget(
                        url=url, events=events, secret=secret or None, account_id=account_id
                    )
                    for url, events, secret in checked
                )


def loads_metadata(text: str) -> dict[str, str]:
    try:
        value = json.loads(text)
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}
