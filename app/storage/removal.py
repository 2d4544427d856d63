"""Removing a number: what exactly goes, and a copy of it kept on request.

Removing a number deletes its row and, with it (ON DELETE CASCADE), every message in and
out, the queued ones never sent, and its status history. The dialog names each of these
with its count, and offers to keep a copy first: one JSON file in backups/ (0600), which
a person can open and read.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from app.domain.media import media_of
from app.domain.window_views import WhatGoes
from app.storage.store import Store
from app.storage.tables import Account, Message, StatusChange


def what_goes(store: Store, account_id: str) -> WhatGoes:
    with store.session() as s:
        messages = s.scalar(select(func.count()).where(Message.account_id == account_id))
        queued = s.scalar(
            select(func.count()).where(
                Message.account_id == account_id,
                Message.direction == "out",
                Message.status == "queued",
            )
        )
        history = s.scalar(select(func.count()).where(StatusChange.account_id == account_id))
    return WhatGoes(int(messages or 0), int(queued or 0), int(history or 0))


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() + "Z" if value is not None else None


def _media(message: Message) -> dict[str, object] | None:
    media = media_of(message)
    return asdict(media) if media is not None else None


def keep_copy(store: Store, account_id: str, folder: Path, now: datetime) -> Path:
    """Writes the number's messages and status history to backups/removed-….json."""
    with store.session() as s:
        account = s.get(Account, account_id)
        if account is None:
            raise LookupError(account_id)
        messages = s.scalars(
            select(Message).where(Message.account_id == account_id).order_by(Message.id)
        ).all()
        history = s.scalars(
            select(StatusChange)
            .where(StatusChange.account_id == account_id)
            .order_by(StatusChange.at, StatusChange.id)
        ).all()
        doc = {
            "format": "jaga-removed-number/1",
            "removed_at": _iso(now),
            "number": {"id": account.id, "label": account.label, "phone": account.phone},
            "messages": [
                {
                    "direction": m.direction,
                    "chat": m.chat,
                    "text": m.text,
                    "status": m.status,
                    "message_id": m.message_id,
                    "created_at": _iso(m.created_at),
                    # its file stays in media/<sha256[0:2]>/<sha256> (docs/media.md)
                    "media": _media(m),
                }
                for m in messages
            ],
            "status_history": [
                {"status": h.status, "reason": h.reason, "at": _iso(h.at)} for h in history
            ],
        }
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / f"removed-{account_id}-{now.strftime('%Y%m%d-%H%M%S')}.json"
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(doc, out, ensure_ascii=False, indent=1)
    return target
